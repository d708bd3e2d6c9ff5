"""Every entry of tests/op_db.py: gradcheck, gradgradcheck where the op is twice differentiable, the
forward against the entry's numpy reference (runs without torch), and forward + backward against torch
in float64 (skipped cleanly when torch is not installed).

The tolerances are tighter than torch's defaults (rtol 1e-3): float64 central differences are accurate
to about 1e-9 here, and rtol=1e-5 makes the suite catch a gradient that is off by 0.05% anywhere.
"""
import numpy as np
import pytest

import fastgrad
from fastgrad.autograd import gradcheck, gradgradcheck

from op_db import materialize, numpy_args, op_db

SUITE_TOL = dict(eps=1e-6, atol=1e-6, rtol=1e-5)


def _cases(pred):
    out = []
    for op in op_db:  # errors-only entries have no samples
        for k, s in enumerate(op.samples()):
            if pred(op, s):
                out.append(pytest.param(op, s, id=f"{op.name}-{k}-{s.describe()}"))
    return out


GRAD_CASES = _cases(lambda op, s: s.gradcheck)
GRADGRAD_CASES = _cases(lambda op, s: s.gradcheck and s.gradgrad and op.gradgrad)
TORCH_CASES = _cases(lambda op, s: s.compare)
NUMPY_CASES = _cases(lambda op, s: s.compare and op.ref_np is not None)
NUMPY_TOL = dict(rtol=1e-9, atol=1e-12)  # numpy's libm and summation order differ from fastgrad's in the last bits


@pytest.mark.parametrize("op,sample", GRAD_CASES)
def test_gradcheck(op, sample):
    fn, leaves = materialize(sample, fastgrad, op.op)
    assert gradcheck(fn, tuple(leaves), **SUITE_TOL)


@pytest.mark.parametrize("op,sample", GRADGRAD_CASES)
def test_gradgradcheck(op, sample):
    fn, leaves = materialize(sample, fastgrad, op.op)
    assert gradgradcheck(fn, tuple(leaves), **SUITE_TOL)


def _outputs(r):
    return tuple(r) if isinstance(r, (tuple, list)) else (r,)


def _np(t):
    if hasattr(t, "cpu"):  # torch: a zero gradient may be a ZeroTensor, which converts only with force=True
        return t.detach().cpu().numpy(force=True)
    return t.detach().numpy()


@pytest.mark.parametrize("op,sample", NUMPY_CASES)
def test_against_numpy(op, sample):
    fn, leaves = materialize(sample, fastgrad, op.op)
    got = _outputs(fn(*leaves))
    args, kwargs = numpy_args(sample)
    want = _outputs(op.ref_np(*args, **kwargs))
    assert len(got) == len(want), f"{len(got)} outputs, the numpy reference gives {len(want)}"
    for j, (a, b) in enumerate(zip(got, want)):
        b = np.asarray(b)
        assert tuple(a.shape) == b.shape, f"output {j}: shape {tuple(a.shape)} vs numpy {b.shape}"
        a = _np(a)
        assert a.dtype.kind == b.dtype.kind, f"output {j}: dtype {a.dtype} vs numpy {b.dtype}"
        np.testing.assert_allclose(a, b, equal_nan=True, err_msg=f"output {j}", **NUMPY_TOL)


@pytest.mark.parametrize("op,sample", TORCH_CASES)
def test_against_torch(op, sample):
    torch = pytest.importorskip("torch")
    fn_f, leaves_f = materialize(sample, fastgrad, op.op)
    fn_t, leaves_t = materialize(sample, torch, op.ref)
    out_f, out_t = _outputs(fn_f(*leaves_f)), _outputs(fn_t(*leaves_t))
    assert len(out_f) == len(out_t)
    tol = op.fwd_tol
    for j, (a, b) in enumerate(zip(out_f, out_t)):
        assert tuple(a.shape) == tuple(b.shape), f"output {j}: shape {tuple(a.shape)} vs torch {tuple(b.shape)}"
        assert str(a.dtype) == str(b.dtype), f"output {j}: dtype {a.dtype} vs torch {b.dtype}"
        np.testing.assert_allclose(_np(a), _np(b), equal_nan=True, err_msg=f"forward output {j}", **tol)

    # backward with one random cotangent per differentiable output
    rng = np.random.default_rng(1234)
    pairs = [(a, b) for a, b in zip(out_f, out_t) if b.dtype.is_floating_point and b.requires_grad]
    assert all(a.requires_grad for a, _ in pairs), "an output requires grad in torch but not in fastgrad"
    if not pairs or not leaves_t:
        return
    cots = [rng.standard_normal(tuple(b.shape)) for _, b in pairs]
    g_t = torch.autograd.grad([b for _, b in pairs], leaves_t, [torch.from_numpy(c) for c in cots],
                              allow_unused=True)
    g_f = fastgrad.autograd.grad([a for a, _ in pairs], leaves_f, [fastgrad.from_numpy(c.copy()) for c in cots],
                                 allow_unused=True)
    for i, (gf, gt, leaf) in enumerate(zip(g_f, g_t, leaves_t)):
        ef = np.zeros(tuple(leaf.shape)) if gf is None else _np(gf)
        et = np.zeros(tuple(leaf.shape)) if gt is None else _np(gt)
        assert ef.shape == et.shape, f"gradient {i}: shape {ef.shape} vs torch {et.shape}"
        np.testing.assert_allclose(ef, et, rtol=1e-9, atol=1e-11, equal_nan=True, err_msg=f"gradient of input {i}")
