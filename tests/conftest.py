"""Helpers shared by the test modules (imported as `from conftest import ...`; test modules never import
each other).

torch is optional: nothing here imports it at module level. Helpers that compare with torch call
require_torch(), which skips the calling test when torch is not installed; everything else (fastgrad's
own values, numpy references, the exception classes written in tests/op_db.py) runs either way.
"""
import zlib

import numpy as np
import pytest

import fastgrad

LAYOUTS = ["contig", "transposed", "sliced", "expanded"]


def torch_or_none():
    """torch when it is installed, else None (for tests that add a torch comparison when they can)."""
    try:
        import torch
    except ImportError:
        return None
    return torch


def require_torch():
    """torch, or a skip of the calling test when it is not installed."""
    return pytest.importorskip("torch")


def rng_for(*key):
    """A generator seeded by the key, the same in every run (str hashes are salted per process)."""
    return np.random.default_rng(zlib.crc32(repr(key).encode()))


# ---------------------------------------------------------------- inputs in both libraries

def base_shape(shape, layout):
    """The shape of the leaf that a layout's view of `shape` is made from."""
    shape = tuple(shape)
    if layout == "transposed" and len(shape) >= 2:
        return shape[:-2] + (shape[-1], shape[-2])
    if layout == "sliced" and len(shape) >= 1:
        return (shape[0] * 2 + 1,) + shape[1:]
    if layout == "expanded" and len(shape) >= 1:
        return shape[:-1] + (1,)
    return shape


def _view(x, shape, layout):
    if layout == "transposed" and len(shape) >= 2:
        return x.transpose(-1, -2)
    if layout == "sliced" and len(shape) >= 1:
        return x[1::2]
    if layout == "expanded" and len(shape) >= 1:
        return x.expand(*shape)
    return x


def numpy_view(a, shape, layout):
    """The numpy array a layout's view shows (a is the base array of that layout)."""
    shape = tuple(shape)
    if layout == "transposed" and len(shape) >= 2:
        return np.swapaxes(a, -1, -2)
    if layout == "sliced" and len(shape) >= 1:
        return a[1::2]
    if layout == "expanded" and len(shape) >= 1:
        return np.broadcast_to(a, shape)
    return a


class Input:
    """One input in both libraries: a leaf (float64 unless asked) and the (possibly non-contiguous) view
    of it that the op sees. The torch leaf is made on first use, so the class works without torch."""

    def __init__(self, shape, layout, rng, lo=-2.0, hi=2.0, grad=True, dtype="float64", values=None):
        self.shape, self.layout = tuple(shape), layout
        base = base_shape(shape, layout)
        if values is not None:
            a = np.asarray(values)
        elif dtype == "int64":
            a = rng.integers(int(lo), int(hi), size=base).astype(np.int64)
        elif dtype == "bool":
            a = rng.random(base) < 0.5
        else:
            a = rng.uniform(lo, hi, size=base).astype(dtype)
        self.array = a
        self.grad = grad and a.dtype.kind == "f"
        self.fg_leaf = fastgrad.tensor(a.copy(), requires_grad=self.grad)
        self._th_leaf = None

    @property
    def th_leaf(self):
        if self._th_leaf is None:
            torch = require_torch()
            self._th_leaf = torch.tensor(self.array.copy(), requires_grad=self.grad)
        return self._th_leaf

    def numpy(self):
        """The values the op sees, as numpy."""
        return numpy_view(self.array, self.shape, self.layout)

    def get(self, lib):
        leaf = self.fg_leaf if lib is fastgrad else self.th_leaf
        v = _view(leaf, self.shape, self.layout)
        assert tuple(v.shape) == self.shape
        return v


def to_numpy(t):
    return t.detach().numpy()


def assert_close(fg, th, rtol=1e-9, atol=1e-10, what=""):
    """fastgrad's result(s) equal torch's: shapes, dtypes and values (nested tuples compared in order)."""
    torch = require_torch()
    if isinstance(th, (tuple, list)):
        assert len(fg) == len(th)
        for a, b in zip(fg, th):
            assert_close(a, b, rtol, atol, what)
        return
    if isinstance(th, torch.Tensor):
        assert isinstance(fg, fastgrad.Tensor), what
        assert tuple(fg.shape) == tuple(th.shape), f"{what}: shape {tuple(fg.shape)} vs {tuple(th.shape)}"
        assert str(fg.dtype).replace("fastgrad", "torch") == str(th.dtype), f"{what}: {fg.dtype} vs {th.dtype}"
        np.testing.assert_allclose(to_numpy(fg), to_numpy(th), rtol=rtol, atol=atol, err_msg=what)
    else:
        assert fg == pytest.approx(th), what


def assert_close_np(fg, want, rtol=1e-9, atol=1e-10, what=""):
    """fastgrad's result(s) equal numpy's: shapes, dtypes and values (nested tuples compared in order)."""
    if isinstance(want, (tuple, list)):
        assert isinstance(fg, (tuple, list)) and len(fg) == len(want), f"{what}: {len(want)} outputs expected"
        for a, b in zip(fg, want):
            assert_close_np(a, b, rtol, atol, what)
        return
    a, b = to_numpy(fg), np.asarray(want)
    assert a.shape == b.shape, f"{what}: shape {a.shape} vs numpy {b.shape}"
    assert a.dtype == b.dtype, f"{what}: {a.dtype} vs numpy {b.dtype}"
    np.testing.assert_allclose(a, b, rtol=rtol, atol=atol, equal_nan=True, err_msg=what)


def check(fn, inputs, rtol=1e-9, atol=1e-10, grad=True, seed=0, ref=None):
    """Runs fn(lib, *views) in both libraries, compares outputs and the gradients of the leaves for a
    random cotangent on every floating output. With ref (a numpy reference taking the inputs' values),
    fastgrad's outputs are first compared with it, which runs without torch; the torch comparison skips
    the test when torch is not installed, unless ref has already checked the values."""
    if ref is not None:
        assert_close_np(fn(fastgrad, *[i.get(fastgrad) for i in inputs]), ref(*[i.numpy() for i in inputs]),
                        rtol, atol, "forward against numpy")
        if torch_or_none() is None:
            return
    torch = require_torch()
    outs = {}
    for lib in (fastgrad, torch):
        out = fn(lib, *[i.get(lib) for i in inputs])
        outs[lib] = out if isinstance(out, tuple) else (out,)
    assert_close(outs[fastgrad], outs[torch], rtol, atol, "forward")
    if not grad:
        return
    th_leaves = [i.th_leaf for i in inputs if i.th_leaf.requires_grad]
    fg_leaves = [i.fg_leaf for i in inputs if i.fg_leaf.requires_grad]
    diff = [k for k, o in enumerate(outs[torch]) if o.requires_grad]
    if not th_leaves or not diff:
        for o in outs[fastgrad]:
            assert not o.requires_grad
        return
    rng = np.random.default_rng(seed + 1)
    cot = [rng.standard_normal(tuple(outs[torch][k].shape)) for k in diff]
    th_g = torch.autograd.grad([outs[torch][k] for k in diff], th_leaves,
                               [torch.tensor(c, dtype=outs[torch][k].dtype) for c, k in zip(cot, diff)],
                               allow_unused=True)
    fg_g = fastgrad.autograd.grad([outs[fastgrad][k] for k in diff], fg_leaves,
                                  [fastgrad.tensor(c).to(outs[fastgrad][k].dtype) for c, k in zip(cot, diff)],
                                  allow_unused=True)
    for a, b in zip(fg_g, th_g):
        if b is None:
            assert a is None or np.all(to_numpy(a) == 0)
        else:
            assert a is not None
            assert_close(a, b, rtol, atol, "gradient")


# ---------------------------------------------------------------- both libraries, exact comparisons

def both(fn):
    """fn(fastgrad), fn(torch); skips without torch."""
    return fn(fastgrad), fn(require_torch())


def outcome(fn, lib):
    """fn(lib)'s result, or the exception it raised."""
    try:
        return fn(lib)
    except Exception as e:  # noqa: BLE001 - classifying
        return e


def same_np(fg, want, what=""):
    """fastgrad's result equals the numpy array `want`: shape, dtype, values (nan == nan) and the sign of
    zeros."""
    a, b = to_numpy(fg), np.asarray(want)
    assert a.shape == b.shape, f"{what}: shape {a.shape} vs {b.shape}"
    assert a.dtype == b.dtype, f"{what}: {a.dtype} vs {b.dtype}"
    np.testing.assert_array_equal(a, b, err_msg=what)  # nan positions compare equal
    if a.dtype.kind == "f":
        ok = ~np.isnan(b)  # the sign bit of a nan means nothing
        np.testing.assert_array_equal(np.signbit(a[ok]), np.signbit(b[ok]), err_msg=f"{what}: sign of zero")


def same(fg, th, what=""):
    """Values (nan == nan), the sign of zeros, dtype and shape all as torch."""
    assert tuple(fg.shape) == tuple(th.shape), what
    assert str(fg.dtype).replace("fastgrad", "torch") == str(th.dtype), f"{what}: {fg.dtype} vs {th.dtype}"
    same_np(fg, to_numpy(th), what)


def check_exact(fn, want, what=""):
    """fn(fastgrad) equals the numpy reference `want` exactly (same_np), and equals fn(torch) (same) when
    torch is installed: values keep being checked without torch."""
    f = fn(fastgrad)
    same_np(f, want, what)
    torch = torch_or_none()
    if torch is not None:
        same(f, fn(torch), what + " (torch)")


def same_error(fn, *words):
    """Both libraries raise the same exception class; fastgrad's message holds `words`."""
    torch = require_torch()
    f, t = outcome(fn, fastgrad), outcome(fn, torch)
    assert isinstance(t, Exception), f"torch did not raise: {t}"
    assert isinstance(f, Exception), f"fastgrad did not raise: {f}"
    assert type(f).__name__ == type(t).__name__, f"{type(f).__name__}: {f} vs {type(t).__name__}: {t}"
    for w in words:
        assert w in str(f), f"{w!r} not in {f}"
