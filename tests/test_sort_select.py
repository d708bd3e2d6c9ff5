"""argsort and unique (no gradient, so not in the op table's gradient checks): values, dtypes and shapes
against numpy, and against torch where it is installed."""
import numpy as np
import pytest

import fastgrad
from conftest import torch_or_none


def _both(fn):
    torch = torch_or_none()
    return fn(fastgrad), (fn(torch) if torch is not None else None)


@pytest.mark.parametrize("data,kw", [
    ([3.0, 1.0, 2.0, 1.0], {}), ([3.0, 1.0, 2.0, 1.0], {"descending": True}), ([[3, 1, 2], [0, 5, 4]], {"dim": 0}),
    ([[3.0, np.nan, 2.0], [0.0, 5.0, -np.inf]], {}), ([[3.0, np.nan, 2.0], [0.0, 5.0, -np.inf]], {"descending": True}),
    ([True, False, True], {}),
])
def test_argsort(data, kw):
    f, t = _both(lambda L: L.argsort(L.tensor(data), **kw))
    a = np.asarray(data)
    dim = kw.get("dim", -1)
    key = np.where(np.isnan(a), -np.inf, -a.astype(float)) if kw.get("descending") else a
    np.testing.assert_array_equal(f.numpy(), np.argsort(key, axis=dim, kind="stable"))
    assert f.dtype is fastgrad.int64
    if t is not None:
        np.testing.assert_array_equal(f.numpy(), t.numpy())


@pytest.mark.parametrize("data", [[3, 1, 3, 2, 1, 1], [[2.5, -1.0], [2.5, 0.0]], [True, False, True], []])
@pytest.mark.parametrize("inverse", [False, True])
@pytest.mark.parametrize("counts", [False, True])
def test_unique(data, inverse, counts):
    f, t = _both(lambda L: L.unique(L.tensor(data), return_inverse=inverse, return_counts=counts))
    want = np.unique(np.asarray(data), return_inverse=inverse, return_counts=counts)
    f = f if isinstance(f, tuple) else (f,)
    want = want if isinstance(want, tuple) else (want,)
    assert len(f) == len(want)
    for got, w in zip(f, want):
        np.testing.assert_array_equal(got.numpy(), np.asarray(w).reshape(got.shape))
    if t is not None:
        t = t if isinstance(t, tuple) else (t,)
        for got, w in zip(f, t):
            assert tuple(got.shape) == tuple(w.shape) and str(got.dtype).split(".")[1] == str(w.dtype).split(".")[1]
            np.testing.assert_array_equal(got.numpy(), w.numpy())


def test_unique_dim_gives_the_distinct_slices():
    # the full comparison with numpy and torch is in test_search_count.py
    values, inverse, counts = fastgrad.unique(fastgrad.tensor([[1, 2], [1, 2]]), dim=0, return_inverse=True,
                                              return_counts=True)
    assert values.tolist() == [[1, 2]] and inverse.tolist() == [0, 0] and counts.tolist() == [2]


def test_sort_results_are_named_tuples():
    r = fastgrad.tensor([3.0, 1.0]).sort()
    assert r.values.tolist() == [1.0, 3.0] and r.indices.tolist() == [1, 0]
    v, i = fastgrad.topk(fastgrad.tensor([3.0, 1.0, 2.0]), 2)
    assert v.tolist() == [3.0, 2.0] and i.tolist() == [0, 2]
    assert fastgrad.tensor([[1.0, 4.0], [3.0, 2.0]]).cummax(1).indices.tolist() == [[0, 1], [0, 0]]


def test_median_of_nothing():
    assert np.isnan(fastgrad.median(fastgrad.ones(0)).item())  # torch gives nan too
    with pytest.raises(RuntimeError, match="empty"):
        fastgrad.median(fastgrad.ones(0, dtype=fastgrad.int64))  # torch returns garbage; fastgrad refuses
    with pytest.raises(IndexError, match="non-zero size"):
        fastgrad.median(fastgrad.ones(2, 0), 1)
