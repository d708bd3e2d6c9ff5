"""searchsorted, bucketize, bincount, histc, histogram and unique(dim=): values, dtypes and shapes against
numpy, and against torch where it is installed; the gradient rules torch has for them (none). mode's
values and gradients are in the op table (tests/op_db.py); its error inputs too."""
import numpy as np
import pytest

import fastgrad
from conftest import torch_or_none

NAN = float("nan")


def both(fn):
    """fn(fastgrad) and, when torch is installed, fn(torch); returns (ours, torch's or None)."""
    torch = torch_or_none()
    return fn(fastgrad), (fn(torch) if torch is not None else None)


def same(ours, theirs):
    if theirs is None:
        return
    if isinstance(ours, (tuple, list)):
        assert len(ours) == len(theirs)
        for a, b in zip(ours, theirs):
            same(a, b)
        return
    assert str(ours.dtype) == str(theirs.dtype)
    assert tuple(ours.shape) == tuple(theirs.shape)
    np.testing.assert_allclose(ours.numpy(), theirs.detach().numpy(), rtol=1e-6, atol=1e-7, equal_nan=True)


SEQ = [1.0, 3.0, 5.0, 5.0, 7.0, 9.0]
VALUES = [[0.0, 1.0, 3.0, 4.0], [5.0, 8.5, 9.0, 10.0]]


@pytest.mark.parametrize("kw,side", [({}, "left"), ({"right": True}, "right"), ({"side": "right"}, "right"),
                                     ({"side": "left"}, "left"), ({"right": False, "side": "right"}, "right")])
def test_searchsorted_sides_against_numpy(kw, side):
    got, ref = both(lambda L: L.searchsorted(L.tensor(SEQ), L.tensor(VALUES), **kw))
    np.testing.assert_array_equal(got.numpy(), np.searchsorted(SEQ, VALUES, side=side))
    assert got.dtype is fastgrad.int64
    same(got, ref)


def test_searchsorted_rows_sorter_scalars_and_mixed_dtypes():
    rows = [[1.0, 2.0, 3.0], [2.0, 4.0, 6.0]]
    for fn in [
        lambda L: L.searchsorted(L.tensor(rows), L.tensor([[2.5, 0.0], [2.5, 7.0]])),
        lambda L: L.searchsorted(L.tensor(rows), L.tensor([[2.0], [4.0]]), right=True),
        lambda L: L.searchsorted(L.tensor([3.0, 1.0, 2.0]), L.tensor([2.5, 0.5, 3.0]), sorter=L.tensor([1, 2, 0])),
        lambda L: L.searchsorted(L.tensor(SEQ), 5),
        lambda L: L.searchsorted(L.tensor(SEQ), 5.5, side="right"),
        lambda L: L.searchsorted(L.tensor([1, 3, 5]), L.tensor([3.5, 3.0])),
        lambda L: L.searchsorted(L.tensor([1.0, NAN]), L.tensor([NAN, 2.0, 1.0])),
        lambda L: L.searchsorted(L.tensor(SEQ, dtype=L.float64), L.tensor([], dtype=L.float64)),
    ]:
        got, ref = both(fn)
        same(got, ref)
    got = fastgrad.searchsorted(fastgrad.tensor([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0]]), fastgrad.tensor([[2.5], [2.5]]))
    assert got.tolist() == [[2], [1]]
    assert fastgrad.searchsorted(fastgrad.tensor(SEQ), 5).shape == ()


def test_searchsorted_gives_no_gradient():
    x = fastgrad.tensor([1.0, 4.0], requires_grad=True)
    out = fastgrad.searchsorted(fastgrad.tensor(SEQ, requires_grad=True), x)
    assert not out.requires_grad and out.grad_fn is None


@pytest.mark.parametrize("right", [False, True])
def test_bucketize_against_numpy(right):
    bounds = [1.0, 3.0, 5.0, 7.0, 9.0]
    data = [[1.0, 6.0], [3.0, 9.0], [-2.0, 11.0]]
    got, ref = both(lambda L: L.bucketize(L.tensor(data), L.tensor(bounds), right=right))
    # numpy's digitize counts boundaries <= x (right=False there is bucketize's right=True)
    np.testing.assert_array_equal(got.numpy(), np.digitize(data, bounds, right=not right))
    same(got, ref)
    got, ref = both(lambda L: L.bucketize(3, L.tensor(bounds), right=right))
    same(got, ref)
    assert got.shape == ()


@pytest.mark.parametrize("case", ["plain", "minlength", "weights32", "weights64", "int_weights", "empty"])
def test_bincount_against_numpy(case):
    data = [1, 3, 3, 0, 7, 3]
    w = [0.5, 1.0, 2.0, 3.0, -1.5, 0.25]
    calls = {
        "plain": (lambda L: L.bincount(L.tensor(data)), np.bincount(data)),
        "minlength": (lambda L: L.tensor(data).bincount(minlength=10), np.bincount(data, minlength=10)),
        "weights32": (lambda L: L.bincount(L.tensor(data), weights=L.tensor(w)), np.bincount(data, w)),
        "weights64": (lambda L: L.bincount(L.tensor(data), L.tensor(w, dtype=L.float64)), np.bincount(data, w)),
        "int_weights": (lambda L: L.bincount(L.tensor(data), L.tensor([1, 2, 3, 4, 5, 6])),
                        np.bincount(data, [1, 2, 3, 4, 5, 6])),
        "empty": (lambda L: L.bincount(L.tensor([], dtype=L.int64), minlength=3), np.zeros(3, np.int64)),
    }
    fn, want = calls[case]
    got, ref = both(fn)
    np.testing.assert_allclose(got.numpy(), want)
    want_dtype = {"plain": fastgrad.int64, "minlength": fastgrad.int64, "empty": fastgrad.int64,
                  "weights32": fastgrad.float32}.get(case, fastgrad.float64)
    assert got.dtype is want_dtype
    same(got, ref)


def test_bincount_weights_grad_raises_as_torch():
    w = fastgrad.tensor([0.5, 1.0], requires_grad=True)
    out = fastgrad.bincount(fastgrad.tensor([1, 1]), w)
    assert out.requires_grad
    with pytest.raises(RuntimeError, match="derivative for aten::bincount is not implemented"):
        out.sum().backward()


HIST_DATA = [1.0, 2.0, 1.0, 2.5, 4.0, -1.0, 0.0, 3.0, 2.25]


@pytest.mark.parametrize("kw", [dict(bins=4), dict(bins=4, min=0, max=3), dict(bins=3, min=0.5, max=2.5),
                                dict(bins=1), dict()])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_histc(kw, dtype):
    got, ref = both(lambda L: L.histc(L.tensor(HIST_DATA, dtype=getattr(L, dtype)), **kw))
    lo, hi = kw.get("min", 0), kw.get("max", 0)
    if lo == hi:
        lo, hi = min(HIST_DATA), max(HIST_DATA)
    want, _ = np.histogram(HIST_DATA, bins=kw.get("bins", 100), range=(lo, hi))
    np.testing.assert_array_equal(got.numpy(), want)
    assert str(got.dtype) == "torch." + dtype
    same(got, ref)


def test_histc_edge_cases():
    for fn in [lambda L: L.histc(L.tensor([2.0, 2.0]), bins=4),             # one value: [v - 1, v + 1]
               lambda L: L.histc(L.tensor([], dtype=L.float32), bins=4),     # empty: [-1, 1]
               lambda L: L.histc(L.tensor([1.0, NAN, 5.0]), bins=4, min=0, max=3),  # NaN and outside skipped
               lambda L: L.tensor([[1.0, 2.0], [3.0, 4.0]]).histc(3)]:
        got, ref = both(fn)
        same(got, ref)
    assert fastgrad.histc(fastgrad.tensor([2.0, 2.0]), bins=4).tolist() == [0.0, 0.0, 2.0, 0.0]
    x = fastgrad.tensor([1.0, 2.0], dtype=fastgrad.float64, requires_grad=True)
    assert not fastgrad.histc(x, 3).requires_grad  # torch's histc result leaves autograd


@pytest.mark.parametrize("kw", [dict(bins=4), dict(bins=4, range=(0.0, 3.0)), dict(bins=5, density=True),
                                dict(bins=3, range=(-2.0, 5.0), weight=True), dict(bins=3, weight=True, density=True)])
def test_histogram_int_bins_against_numpy(kw):
    w = np.linspace(0.5, 2.0, len(HIST_DATA))

    def call(L):
        k = dict(kw)
        if k.pop("weight", False):
            k["weight"] = L.tensor(w, dtype=L.float64)
        return L.histogram(L.tensor(HIST_DATA, dtype=L.float64), **k)
    got, ref = both(call)
    want_hist, want_edges = np.histogram(HIST_DATA, bins=kw["bins"], range=kw.get("range"),
                                         weights=w if kw.get("weight") else None, density=kw.get("density", False))
    np.testing.assert_allclose(got.hist.numpy(), want_hist, rtol=1e-12)
    np.testing.assert_allclose(got.bin_edges.numpy(), want_edges, rtol=1e-12)
    hist, edges = got  # a named tuple, as torch.return_types.histogram
    assert hist is got.hist and edges is got.bin_edges
    same(tuple(got), None if ref is None else tuple(ref))


def test_histogram_tensor_bins_and_methods():
    edges = [0.0, 1.0, 3.0, 5.0]
    for fn in [lambda L: L.histogram(L.tensor(HIST_DATA), bins=L.tensor(edges)),
               lambda L: L.histogram(L.tensor(HIST_DATA), L.tensor(edges), weight=L.arange(9.0), density=True),
               lambda L: L.tensor(HIST_DATA).histogram(3),
               lambda L: L.histogram(L.tensor([2.0, 2.0]), bins=4),            # one value: [v - 0.5, v + 0.5]
               lambda L: L.histogram(L.tensor([], dtype=L.float32), bins=4),  # empty: [0, 1]
               lambda L: L.histogram(L.tensor(HIST_DATA), bins=L.tensor([0.0, 3.0, 1.0, 5.0]))]:  # unsorted edges
        got, ref = both(fn)
        same(tuple(got), None if ref is None else tuple(ref))
    got = fastgrad.histogram(fastgrad.tensor(HIST_DATA, dtype=fastgrad.float64), fastgrad.tensor(edges, dtype=fastgrad.float64))
    np.testing.assert_array_equal(got.hist.numpy(), np.histogram(HIST_DATA, edges)[0])


def test_histogram_grad_raises_as_torch():
    x = fastgrad.tensor([1.0, 2.0], requires_grad=True)
    hist, edges = fastgrad.histogram(x, 2)
    assert hist.requires_grad and edges.requires_grad
    with pytest.raises(RuntimeError, match="derivative for aten::histogram is not implemented"):
        hist.sum().backward()


@pytest.mark.parametrize("dim", [0, 1, -1])
def test_unique_dim_against_numpy(dim):
    data = np.array([[1, 2, 1], [3, 4, 3], [1, 2, 1], [0, 9, 0]])
    got, ref = both(lambda L: L.unique(L.tensor(data), dim=dim, return_inverse=True, return_counts=True))
    want = np.unique(data, axis=dim, return_inverse=True, return_counts=True)
    for g, w in zip(got, want):
        np.testing.assert_array_equal(g.numpy(), w.reshape(-1) if w.ndim == 1 or g.dim() == 1 else w)
    same(got, ref)
    assert fastgrad.tensor(data).unique(dim=dim).tolist() == want[0].tolist()


def test_unique_dim_float_bool_and_empty():
    for fn in [lambda L: L.unique(L.tensor([[NAN, 1.0], [NAN, 1.0], [0.5, 2.0]]), dim=0),
               lambda L: L.unique(L.tensor([[True, False], [True, False]]), dim=0, return_counts=True),
               lambda L: L.unique(L.ones(0, 3), dim=0, return_inverse=True, return_counts=True),
               lambda L: L.unique(L.tensor([[2.0, 1.0], [2.0, 1.0]]), dim=1, return_inverse=True)]:
        got, ref = both(fn)
        same(got, ref)
