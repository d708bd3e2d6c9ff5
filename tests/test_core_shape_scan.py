"""split / chunk (views), flip, tril / triu (copies), cumsum / cumprod and prod compared with numpy
(tests/op_ref_np.py, runs without torch) and torch: float32, float64 and int64, non-contiguous inputs,
negative dims, empty tensors, gradients, view semantics, the gradients at zeros of prod / cumprod and the
errors torch raises (exception class and the words of its message)."""
import numpy as np
import pytest

import fastgrad

import op_ref_np as R
from conftest import LAYOUTS, Input, assert_close, both, check, rng_for, same_error, torch_or_none

torch = torch_or_none()
needs_torch = pytest.mark.skipif(torch is None, reason="compares with torch, which is not installed")

DTYPES = ["float32", "float64", "int64"]


def tol(dtype):
    return dict(rtol=1e-5, atol=1e-6) if dtype == "float32" else {}


def inp(shape, layout, dtype, *key):
    return Input(shape, layout, rng_for("shape_scan", *key, dtype, layout), lo=-5, hi=5, dtype=dtype)


# ---------------------------------------------------------------- split / chunk

SPLITS = [((7, 3), 2, 0), ((7, 3), 3, 0), ((3, 7), 2, -1), ((3, 7), 7, 1), ((3, 7), 10, 1), ((4, 5), [1, 0, 3], 0),
          ((4, 5), (2, 3), -1), ((0, 3), 2, 0), ((0, 3), 0, 0), ((0, 3), [0, 0], 0), ((2, 0, 3), 1, 1)]


CHUNKS = [((7, 3), 2, 0), ((5, 3), 4, 0), ((6, 2), 4, 0), ((3, 7), 3, -1), ((3, 2), 5, 1), ((0, 3), 3, 0),
          ((3, 0), 2, -1), ((1, 4), 1, 0)]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name,shape,arg,dim", [("split", *c) for c in SPLITS] + [("chunk", *c) for c in CHUNKS])
def test_split_chunk(name, shape, arg, dim, layout, dtype):
    i = inp(shape, layout, dtype, name, shape)
    ref = (lambda x: getattr(R, name)(x, arg, dim))
    check(lambda L, x: getattr(L, name)(x, arg, dim), [i], grad=dtype != "int64", ref=ref, **tol(dtype))
    check(lambda L, x: getattr(x, name)(arg, dim=dim), [i], grad=False, ref=ref)


def test_split_chunk_are_views():
    """Writing into a piece writes into the input, as torch (the pieces share its storage)."""
    def fn(L):
        x = L.arange(12.0).reshape(3, 4)
        for pieces in (x.split(3, 1), L.split(x, [1, 2], dim=0), x.chunk(2), L.chunk(x, 3, -1)):
            assert isinstance(pieces, tuple)
            pieces[-1].mul_(-2.0)
        return x
    assert_close(*both(fn))


def test_split_gradient_of_some_pieces():
    def fn(L, x):
        a, _, c = L.split(x, [1, 2, 2], 0)
        return (a * 3).sum() + c.flip(1).sum(0)
    check(fn, [inp((5, 3), "transposed", "float64", "pieces")])


SPLIT_ERRORS = [
    (lambda L: L.split(L.tensor(1.0), 2), "1-dimensional"),
    (lambda L: L.split(L.arange(10.0), 0), "split_size", "10"),
    (lambda L: L.split(L.arange(10.0), -1), "non-negative", "-1"),
    (lambda L: L.split(L.arange(10.0), [3, 3]), "sum exactly to 10", "[3, 3]"),
    (lambda L: L.split(L.arange(10.0), [11, -1]), "non-negative", "[11, -1]"),
    (lambda L: L.split(L.arange(10.0), 3, dim=1), "Dimension out of range"),
    (lambda L: L.split(L.zeros(2, 3), [1], dim=-3), "Dimension out of range"),
    (lambda L: L.split(L.tensor(1.0), [1]), "1-dimensional"),
    (lambda L: L.chunk(L.arange(10.0), 0), "chunks", "0"),
    (lambda L: L.chunk(L.arange(10.0), -2), "chunks", "-2"),
    (lambda L: L.chunk(L.tensor(1.0), 2), "1-dimensional"),
    (lambda L: L.chunk(L.zeros(5), 2, dim=-2), "Dimension out of range"),
]


@pytest.mark.parametrize("case", SPLIT_ERRORS, ids=range(len(SPLIT_ERRORS)))
def test_split_chunk_errors(case):
    same_error(*case)


# ---------------------------------------------------------------- flip

FLIPS = [((3, 4), (0,)), ((3, 4), (1,)), ((3, 4), (-1, 0)), ((2, 3, 4), (0, 2)), ((2, 3, 4), (-2,)), ((2, 3, 4), ()),
         ((0, 3), (0, 1)), ((3, 1), (1,)), ((5,), (0,))]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("shape,dims", FLIPS)
def test_flip(shape, dims, layout, dtype):
    i = inp(shape, layout, dtype, "flip", shape)
    ref = (lambda x: R.flip(x, dims))
    check(lambda L, x: L.flip(x, dims), [i], grad=dtype != "int64", ref=ref, **tol(dtype))
    check(lambda L, x: x.flip(dims), [i], grad=False, ref=ref)
    if dims:
        check(lambda L, x: x.flip(*dims), [i], grad=False, ref=ref)


@needs_torch
def test_flip_scalar_bool_and_copy():
    for fn in (lambda L: L.flip(L.tensor(2.5), (0,)), lambda L: L.flip(L.tensor(2.5), ()),
               lambda L: L.flip(L.tensor([[True, False, True]]), (0, 1))):
        assert_close(*both(fn))
    x = fastgrad.arange(4.0)
    y = x.flip(0)
    y[0] = 100.0
    assert x[3].item() == 3.0  # a copy, as torch


FLIP_ERRORS = [
    (lambda L: L.flip(L.arange(3.0), (0, 0)), "dim 0 appears multiple times"),
    (lambda L: L.flip(L.zeros(2, 3), (1, -1)), "dim 1 appears multiple times"),
    (lambda L: L.flip(L.arange(3.0), (1,)), "Dimension out of range"),
    (lambda L: L.arange(3.0).flip(-2), "Dimension out of range"),
    (lambda L: L.flip(L.tensor(1.0), (1,)), "Dimension out of range"),
]


@pytest.mark.parametrize("case", FLIP_ERRORS, ids=range(len(FLIP_ERRORS)))
def test_flip_errors(case):
    same_error(*case)


# ---------------------------------------------------------------- tril / triu

TRIS = [((4, 4), 0), ((3, 5), 1), ((5, 3), -1), ((2, 3, 4), 2), ((2, 3, 4), -5), ((3, 4), 9), ((0, 3), 0),
        ((2, 0, 4), 1), ((1, 1), 0)]


@pytest.mark.parametrize("name", ["tril", "triu"])
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("shape,k", TRIS)
def test_tril_triu(name, shape, k, layout, dtype):
    i = inp(shape, layout, dtype, name, shape)
    ref, ref0 = (lambda x: getattr(R, name)(x, k)), getattr(R, name)
    check(lambda L, x: getattr(L, name)(x, k), [i], grad=dtype != "int64", ref=ref, **tol(dtype))
    check(lambda L, x: getattr(L, name)(x), [i], grad=dtype != "int64", ref=ref0, **tol(dtype))
    check(lambda L, x: getattr(x, name)(diagonal=k), [i], grad=False, ref=ref)
    check(lambda L, x: getattr(x.clone(), name + "_")(k), [i], grad=dtype != "int64", ref=ref, **tol(dtype))


@needs_torch
@pytest.mark.parametrize("name", ["tril", "triu"])
def test_tril_triu_special(name):
    vals = [[float("nan"), float("inf")], [-float("inf"), -0.0]]
    f, t = both(lambda L: getattr(L, name)(L.tensor(vals)))
    np.testing.assert_array_equal(f.numpy(), t.numpy())
    assert_close(*both(lambda L: getattr(L, name)(L.tensor([[True, True, False], [True, True, True]]), 1)))
    # in place keeps the object and bumps history
    x = fastgrad.arange(9.0).reshape(3, 3)
    assert getattr(x, name + "_")() is x
    assert_close(x, getattr(torch, name)(torch.arange(9.0).reshape(3, 3)))


@pytest.mark.parametrize("name", ["tril", "triu"])
def test_tril_triu_errors(name):
    same_error(lambda L: getattr(L, name)(L.arange(3.0)), name, "at least 2 dimensions")
    same_error(lambda L: getattr(L, name)(L.tensor(1.0)), name, "at least 2 dimensions")
    same_error(lambda L: getattr(L.arange(3.0), name + "_")(), name, "at least 2 dimensions")


# ---------------------------------------------------------------- cumsum / cumprod / prod

SCANS = [((3, 4), 0), ((3, 4), 1), ((3, 4), -1), ((2, 3, 4), -2), ((2, 3, 4), 0), ((5,), 0), ((), 0), ((), -1),
         ((0, 3), 0), ((0, 3), 1), ((1, 4), 0)]


def with_layouts(cases):
    """Each case in every layout (0-D and 1-D cases contiguous only)."""
    return [(*c, lay) for c in cases for lay in (LAYOUTS if len(c[0]) >= 2 else ["contig"])]


@pytest.mark.parametrize("name", ["cumsum", "cumprod"])
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape,dim,layout", with_layouts(SCANS))
def test_scan(name, shape, dim, layout, dtype):
    i = inp(shape, layout, dtype, name, shape)
    ref = (lambda x: getattr(R, name)(x, dim))
    check(lambda L, x: getattr(L, name)(x, dim), [i], grad=dtype != "int64", ref=ref, **tol(dtype))
    check(lambda L, x: getattr(x, name)(dim=dim), [i], grad=False, ref=ref, **tol(dtype))


@pytest.mark.parametrize("name", ["cumsum", "cumprod"])
def test_scan_dtypes(name):
    """bool and int64 give int64; dtype= converts first (and the gradient goes back to the input's dtype)."""
    for fn in (lambda L: getattr(L, name)(L.tensor([True, True, False, True]), 0),
               lambda L: getattr(L, name)(L.tensor([[3, -2], [5, 7]]), 1),
               lambda L: getattr(L, name)(L.tensor([1, 2, 3]), 0, dtype=L.float32),
               lambda L: getattr(L.tensor([1.5, 2.25, 3.0]), name)(0, dtype=L.float64),
               lambda L: getattr(L, name)(L.tensor([1.7, 2.2, -3.9]), 0, dtype=L.int64)):
        assert_close(*both(fn))
    check(lambda L, x: getattr(L, name)(x, 0, dtype=L.float64), [inp((4, 3), "transposed", "float32", name, "dt")],
          rtol=1e-6, atol=1e-6)


def test_scan_values_as_torch():
    """float32 running sums / products as torch's (double accumulator, stored each step)."""
    a = np.random.default_rng(5).uniform(0.9, 1.1, (3, 1000)).astype(np.float32)  # no denormal products
    for name in ("cumsum", "cumprod"):
        f, t = both(lambda L: getattr(L, name)(L.from_numpy(a.copy()), 1))
        np.testing.assert_array_equal(f.numpy(), t.numpy())
    vals = [1.0, float("inf"), float("nan"), -2.0]
    for name in ("cumsum", "cumprod"):
        f, t = both(lambda L: getattr(L, name)(L.tensor(vals), 0))
        np.testing.assert_array_equal(f.numpy(), t.numpy())


PRODS = [((3, 4), None, False), ((3, 4), 1, False), ((3, 4), 0, True), ((2, 3, 4), -2, False), ((2, 3, 4), -1, True),
         ((), None, False), ((), 0, True), ((0, 3), None, False), ((0, 3), 0, False), ((0, 3), 1, True)]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape,dim,keepdim,layout", with_layouts(PRODS))
def test_prod(shape, dim, keepdim, layout, dtype):
    i = Input(shape, layout, rng_for("prod", shape, dtype, layout), lo=0.5, hi=1.5, dtype=dtype) \
        if dtype != "int64" else inp(shape, layout, dtype, "prod", shape)
    if dim is None:
        check(lambda L, x: L.prod(x), [i], grad=dtype != "int64", ref=R.prod, **tol(dtype))
        check(lambda L, x: x.prod(), [i], grad=False, ref=R.prod, **tol(dtype))
    else:
        ref = (lambda x: R.prod(x, dim, keepdim))
        check(lambda L, x: L.prod(x, dim, keepdim), [i], grad=dtype != "int64", ref=ref, **tol(dtype))
        check(lambda L, x: x.prod(dim=dim, keepdim=keepdim), [i], grad=False, ref=ref, **tol(dtype))


ZERO_CASES = [[[0.5, 0.0, 1.5], [1.2, -0.7, 0.9]],       # one zero
              [[0.0, 1.3, 0.0], [-0.6, 0.0, 1.7]],       # several zeros, one row with two
              [[0.0, 0.0], [0.0, 0.0]], [[2.0, 3.0], [0.0, 4.0]]]


@pytest.mark.parametrize("data", ZERO_CASES, ids=range(len(ZERO_CASES)))
@pytest.mark.parametrize("call", ["all", "dim0", "dim1", "keep", "cumprod0", "cumprod1"])
def test_prod_gradient_with_zeros(data, call):
    """torch's prod_backward / cumprod_backward: one zero gets the product of the rest, several give zeros."""
    fn = {"all": lambda L, x: L.prod(x), "dim0": lambda L, x: L.prod(x, 0), "dim1": lambda L, x: x.prod(1),
          "keep": lambda L, x: L.prod(x, -1, keepdim=True), "cumprod0": lambda L, x: L.cumprod(x, 0),
          "cumprod1": lambda L, x: x.cumprod(-1)}[call]
    check(fn, [Input((2, len(data[0])), "contig", rng_for("z"), values=np.array(data))])
    x = fastgrad.tensor(data, dtype=fastgrad.float64, requires_grad=True)
    assert fastgrad.autograd.gradgradcheck(lambda t: fn(fastgrad, t), (x,))


def test_prod_dtypes():
    for fn in (lambda L: L.prod(L.tensor([True, False, True])), lambda L: L.prod(L.tensor([[True], [True]]), 0),
               lambda L: L.prod(L.tensor([3, -2, 5])), lambda L: L.prod(L.tensor([1.5, 2.0]), dtype=L.float64),
               lambda L: L.tensor([[1, 2], [3, 4]]).prod(1, dtype=L.float32)):
        assert_close(*both(fn))


SCAN_ERRORS = [
    (lambda L: L.cumsum(L.arange(3.0), 1), "Dimension out of range"),
    (lambda L: L.cumprod(L.zeros(2, 3), -3), "Dimension out of range"),
    (lambda L: L.tensor(1.0).cumsum(1), "Dimension out of range"),
    (lambda L: L.prod(L.arange(3.0), 1), "Dimension out of range"),
    (lambda L: L.zeros(2, 3).prod(-3, True), "Dimension out of range"),
    (lambda L: L.prod(L.arange(3.0), (0,)), "prod"),
]


@pytest.mark.parametrize("case", SCAN_ERRORS, ids=range(len(SCAN_ERRORS)))
def test_scan_prod_errors(case):
    same_error(*case)
