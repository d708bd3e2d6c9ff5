"""The comparisons and index helpers without a gradient (isclose, allclose, equal, nonzero,
count_nonzero): values, dtypes and shapes against numpy, and against torch where it is installed."""
import numpy as np
import pytest

import fastgrad
from conftest import torch_or_none

NAN, INF = float("nan"), float("inf")
PAIRS = [
    ([1.0, 2.0, NAN, INF, -INF, 1e-9], [1.0 + 1e-6, 2.1, NAN, INF, INF, 0.0]),
    ([[0.0, 1.0], [2.0, 3.0]], [0.0, 1.00001]),
]


@pytest.mark.parametrize("a,b", PAIRS)
@pytest.mark.parametrize("kw", [{}, {"equal_nan": True}, {"rtol": 0.0, "atol": 0.0}, {"rtol": 0.1, "atol": 1e-3}])
def test_isclose_allclose(a, b, kw):
    fa, fb = fastgrad.tensor(a, dtype=fastgrad.float64), fastgrad.tensor(b, dtype=fastgrad.float64)
    got = fastgrad.isclose(fa, fb, **kw)
    want = np.isclose(np.array(a), np.array(b), **kw)
    np.testing.assert_array_equal(got.numpy(), want)
    assert got.dtype is fastgrad.bool
    assert fastgrad.allclose(fa, fb, **kw) == bool(want.all()) == fa.allclose(fb, **kw)
    torch = torch_or_none()
    if torch is not None:
        ta, tb = torch.tensor(a, dtype=torch.float64), torch.tensor(b, dtype=torch.float64)
        np.testing.assert_array_equal(got.numpy(), torch.isclose(ta, tb, **kw).numpy())
        assert fastgrad.allclose(fa, fb, **kw) == torch.allclose(ta, tb, **kw)


def test_isclose_integers_and_mismatch():
    a, b = fastgrad.tensor([1, 2, 3]), fastgrad.tensor([1, 3, 3])
    assert fastgrad.isclose(a, b).tolist() == [True, False, True]
    with pytest.raises(RuntimeError, match="Float did not match Double"):
        fastgrad.isclose(fastgrad.ones(2), fastgrad.ones(2, dtype=fastgrad.float64))


@pytest.mark.parametrize("a,b,want", [
    ([1.0, 2.0], [1.0, 2.0], True), ([1.0, 2.0], [1.0, 2.5], False), ([1.0], [1.0, 1.0], False),
    ([NAN], [NAN], False), ([], [], True),
])
def test_equal(a, b, want):
    assert fastgrad.equal(fastgrad.tensor(a), fastgrad.tensor(b)) is want
    torch = torch_or_none()
    if torch is not None:
        assert torch.equal(torch.tensor(a), torch.tensor(b)) is want


@pytest.mark.parametrize("data", [[[0, 1, 0], [2, 0, 3]], [0.0, -1.5, 0.0, NAN], [True, False, True], 5, 0, [[]]])
def test_nonzero_and_count_nonzero(data):
    x = fastgrad.tensor(data)
    a = np.asarray(data)
    np.testing.assert_array_equal(x.nonzero().numpy(), np.argwhere(a).reshape(-1, a.ndim) if a.ndim else
                                  np.zeros((int(a != 0), 0), np.int64))
    tup = fastgrad.nonzero(x, as_tuple=True)
    want_tup = np.nonzero(np.atleast_1d(a))
    assert len(tup) == len(want_tup)
    for g, w in zip(tup, want_tup):
        np.testing.assert_array_equal(g.numpy(), w)
    assert fastgrad.count_nonzero(x).item() == np.count_nonzero(a)
    torch = torch_or_none()
    if torch is not None:
        t = torch.tensor(data)
        np.testing.assert_array_equal(x.nonzero().numpy(), t.nonzero().numpy())
        for g, w in zip(tup, torch.nonzero(t, as_tuple=True)):
            np.testing.assert_array_equal(g.numpy(), w.numpy())


def test_count_nonzero_dims():
    x = fastgrad.tensor([[0, 1, 0], [2, 0, 3]])
    assert x.count_nonzero(0).tolist() == [1, 1, 1]
    assert fastgrad.count_nonzero(x, dim=(0, 1)).item() == 3
    assert x.count_nonzero(1).dtype is fastgrad.int64
