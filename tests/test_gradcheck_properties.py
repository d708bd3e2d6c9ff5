"""Property tests: gradcheck over random shapes, broadcast pairs, dims and layouts for the elementwise
and reduction ops (hypothesis; bounded, derandomized examples so the run is short and reproducible)."""
import numpy as np
import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402

import fastgrad  # noqa: E402
from fastgrad.autograd import gradcheck  # noqa: E402

TOL = dict(eps=1e-6, atol=1e-6, rtol=1e-5)
PROFILE = settings(max_examples=15, deadline=None, derandomize=True, database=None)

try:
    import torch
except ImportError:  # the properties still hold without torch; only the comparison is skipped
    torch = None


@st.composite
def shapes(draw, min_dims=0, max_dims=3, max_side=3):
    return tuple(draw(st.lists(st.integers(1, max_side), min_size=min_dims, max_size=max_dims)))


@st.composite
def broadcast_pairs(draw):
    """Two shapes that broadcast together: drop leading dims and set some dims to 1, independently."""
    full = draw(shapes(0, 3))
    out = []
    for _ in range(2):
        k = draw(st.integers(0, len(full)))
        s = list(full[k:])
        for i in range(len(s)):
            if draw(st.booleans()):
                s[i] = 1
        out.append(tuple(s))
    return out[0], out[1]


def values(rng, shape, domain):
    if domain == "positive":
        return rng.uniform(0.5, 2.0, shape)
    if domain == "away":
        return rng.uniform(0.2, 2.0, shape) * rng.choice([-1.0, 1.0], shape)
    if domain == "distinct":
        n = int(np.prod(shape, dtype=np.int64))
        return ((rng.permutation(n) - n / 2) * 0.37 + rng.uniform(-0.05, 0.05, n)).reshape(shape)
    return rng.standard_normal(shape)


def leaf(a, transposed):
    """A float64 leaf with a's values; transposed=True gives a non-contiguous (transposed) leaf."""
    if transposed and a.ndim >= 2:
        t = fastgrad.from_numpy(np.ascontiguousarray(np.swapaxes(a, -1, -2))).transpose(-1, -2)
    else:
        t = fastgrad.from_numpy(np.array(a, order="C", copy=True))
    return t.requires_grad_(True)


def compare_with_torch(fn_name, arrays, call):
    if torch is None:
        return
    ft = [leaf(a, False) for a in arrays]
    tt = [torch.tensor(a, requires_grad=True) for a in arrays]
    of, ot = call(fastgrad, *ft), call(torch, *tt)
    np.testing.assert_allclose(of.detach().numpy(), ot.detach().numpy(), rtol=1e-10, atol=1e-12, err_msg=fn_name)
    cot = np.random.default_rng(0).standard_normal(tuple(ot.shape))
    gf = fastgrad.autograd.grad(of, ft, fastgrad.from_numpy(cot.copy()), allow_unused=True)
    gt = torch.autograd.grad(ot, tt, torch.from_numpy(cot), allow_unused=True)
    for a, b, arr in zip(gf, gt, arrays):
        ea = np.zeros(arr.shape) if a is None else a.numpy()
        eb = np.zeros(arr.shape) if b is None else b.numpy()
        np.testing.assert_allclose(ea, eb, rtol=1e-9, atol=1e-11, err_msg=fn_name)


BINARY = {
    "add": ("normal", "normal", lambda ns, a, b: ns.add(a, b, alpha=0.5)),
    "sub": ("normal", "normal", lambda ns, a, b: a - b),
    "mul": ("normal", "normal", lambda ns, a, b: a * b),
    "div": ("normal", "away", lambda ns, a, b: a / b),
    "pow": ("positive", "normal", lambda ns, a, b: a ** b),
    "maximum": ("distinct", "distinct", lambda ns, a, b: ns.maximum(a, b + 0.123)),
    "minimum": ("distinct", "distinct", lambda ns, a, b: ns.minimum(a, b + 0.123)),
    "where": ("normal", "normal", lambda ns, a, b: ns.where(a > 0, a * 2.0, b)),
}


@pytest.mark.parametrize("name", sorted(BINARY))
@PROFILE
@given(pair=broadcast_pairs(), seed=st.integers(0, 2**31 - 1), transposed=st.booleans())
def test_binary_broadcast_gradients(name, pair, seed, transposed):
    da, db, call = BINARY[name]
    rng = np.random.default_rng(seed)
    a, b = values(rng, pair[0], da), values(rng, pair[1], db)
    if name == "where":
        a = values(rng, pair[0], "away")
    xa, xb = leaf(a, transposed), leaf(b, False)
    out = call(fastgrad, xa, xb)
    assert tuple(out.shape) == np.broadcast_shapes(pair[0], pair[1])
    assert gradcheck(lambda x, y: call(fastgrad, x, y), (xa, xb), **TOL)
    compare_with_torch(name, [a, b], call)


UNARY = {
    "exp": ("normal", lambda ns, x: x.exp()), "log": ("positive", lambda ns, x: x.log()),
    "sqrt": ("positive", lambda ns, x: x.sqrt()), "rsqrt": ("positive", lambda ns, x: x.rsqrt()),
    "abs": ("away", lambda ns, x: x.abs()), "sin": ("normal", lambda ns, x: x.sin()),
    "tanh": ("normal", lambda ns, x: x.tanh()), "sigmoid": ("normal", lambda ns, x: x.sigmoid()),
    "relu": ("away", lambda ns, x: x.relu()), "erf": ("normal", lambda ns, x: x.erf()),
    "reciprocal": ("away", lambda ns, x: x.reciprocal()),
    "gelu": ("normal", lambda ns, x: ns.nn.functional.gelu(x)),
    "softplus": ("normal", lambda ns, x: ns.nn.functional.softplus(x, 2.0, 1.0)),
}


@pytest.mark.parametrize("name", sorted(UNARY))
@PROFILE
@given(shape=shapes(0, 3), seed=st.integers(0, 2**31 - 1), transposed=st.booleans())
def test_unary_gradients(name, shape, seed, transposed):
    dom, call = UNARY[name]
    a = values(np.random.default_rng(seed), shape, dom)
    if name == "softplus":  # keep beta*x away from the threshold (1.0) by more than eps
        a = np.where(np.abs(2.0 * a - 1.0) < 1e-3, a + 0.01, a)
    assert gradcheck(lambda x: call(fastgrad, x), (leaf(a, transposed),), **TOL)
    compare_with_torch(name, [a], call)


@st.composite
def reduction_case(draw):
    shape = draw(shapes(1, 3))
    nd = len(shape)
    dims = draw(st.lists(st.integers(-nd, nd - 1), min_size=1, max_size=nd, unique_by=lambda d: d % nd))
    return shape, tuple(dims), draw(st.booleans())


REDUCTIONS = {
    "sum": ("normal", lambda ns, x, d, k: x.sum(d, keepdim=k)),
    "mean": ("normal", lambda ns, x, d, k: x.mean(d, keepdim=k)),
    "var": ("normal", lambda ns, x, d, k: x.var(d, keepdim=k, correction=0)),
    "std": ("normal", lambda ns, x, d, k: x.std(d, keepdim=k, correction=0)),
    "amax": ("distinct", lambda ns, x, d, k: x.amax(d, keepdim=k)),
    "amin": ("distinct", lambda ns, x, d, k: x.amin(d, keepdim=k)),
    "logsumexp": ("normal", lambda ns, x, d, k: ns.logsumexp(x, d, keepdim=k)),
    "norm": ("normal", lambda ns, x, d, k: ns.norm(x, 2, d, k)),
    "softmax": ("normal", lambda ns, x, d, k: ns.softmax(x, d[0])),
    "log_softmax": ("normal", lambda ns, x, d, k: ns.log_softmax(x, d[0])),
    "max_dim": ("distinct", lambda ns, x, d, k: ns.max(x, d[0], k)[0]),
}


@pytest.mark.parametrize("name", sorted(REDUCTIONS))
@PROFILE
@given(case=reduction_case(), seed=st.integers(0, 2**31 - 1), transposed=st.booleans())
def test_reduction_gradients(name, case, seed, transposed):
    shape, dims, keepdim = case
    dom, call = REDUCTIONS[name]
    a = values(np.random.default_rng(seed), shape, dom)
    if name == "std" and all(shape[d] == 1 for d in dims):
        return  # one element per slice: std is 0 there, where it is not differentiable (torch masks it to 0)
    x = leaf(a, transposed)
    assert gradcheck(lambda x: call(fastgrad, x, dims, keepdim), (x,), **TOL)
    compare_with_torch(name, [a], lambda ns, x: call(ns, x, dims, keepdim))
