"""Sparse COO tensors: construction, coalescing, printing, the sparse x dense products and their gradients,
and the refusal of every dense op the type does not support. Values and printouts against torch where it is
installed; numbers against numpy always. (The gradient checks of mm / to_dense / to_sparse / sum are in the
op table, tests/op_db.py.)"""
import warnings

import numpy as np
import pytest

import fastgrad
from conftest import torch_or_none

IDX = [[0, 1, 1, 0], [2, 0, 2, 2]]  # (0, 2) twice
VALS = [3.0, 4.0, 5.0, 1.5]


def both(fn):
    torch = torch_or_none()
    if torch is None:
        return fn(fastgrad), None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch's "sparse invariant checks are implicitly disabled"
        return fn(fastgrad), fn(torch)


def dense_np(idx, vals, size):
    a = np.zeros(size)
    np.add.at(a, tuple(np.asarray(idx)), vals)
    return a


def test_construction_and_metadata():
    s = fastgrad.sparse_coo_tensor(IDX, VALS, (2, 3))
    assert s.is_sparse and s.layout is fastgrad.sparse_coo and not s.is_coalesced()
    assert s.shape == (2, 3) and s.dim() == 2 and s._nnz() == 4 and s.dtype is fastgrad.float32
    assert s.sparse_dim() == 2 and s.dense_dim() == 0
    x = fastgrad.zeros(2)
    assert not x.is_sparse and x.layout is fastgrad.strided and x.to_dense() is x
    assert repr(fastgrad.sparse_coo) == "torch.sparse_coo" and repr(fastgrad.strided) == "torch.strided"
    inferred = fastgrad.sparse_coo_tensor([[0, 3, 1]], [1.0, 2.0, 3.0])
    assert inferred.shape == (4,)
    np.testing.assert_array_equal(s.to_dense().numpy(), dense_np(IDX, VALS, (2, 3)))


def test_coalesce_sums_duplicates_and_sorts():
    got, ref = both(lambda L: L.sparse_coo_tensor(IDX, VALS, (2, 3)).coalesce())
    assert got.is_coalesced()
    assert got.indices().tolist() == [[0, 1, 1], [2, 0, 2]]
    assert got.values().tolist() == [4.5, 4.0, 5.0]
    if ref is not None:
        assert got.indices().tolist() == ref.indices().tolist()
        assert got.values().tolist() == ref.values().tolist()
    with pytest.raises(RuntimeError, match="uncoalesced"):
        fastgrad.sparse_coo_tensor(IDX, VALS, (2, 3)).indices()
    declared = fastgrad.sparse_coo_tensor([[0, 1]], [1.0, 2.0], (2,), is_coalesced=True)
    assert declared.values().tolist() == [1.0, 2.0]


@pytest.mark.parametrize("make", [
    lambda L: L.sparse_coo_tensor([[0, 1, 1], [2, 0, 2]], [3.0, 4.0, 5.0], (2, 3)),
    lambda L: L.sparse_coo_tensor([[0, 1, 1], [2, 0, 2]], L.tensor([3.0, 4.0, 5.0], dtype=L.float64), (2, 3),
                                  requires_grad=True),
    lambda L: L.sparse_coo_tensor(L.zeros(2, 0, dtype=L.int64), L.zeros(0), (2, 3)),
    lambda L: L.sparse_coo_tensor([[0, 1, 1], [2, 0, 2]], L.tensor([3, 4, 5]), (2, 3)),
    lambda L: L.sparse_coo_tensor([[0, 1, 0]], [1.0, 2.0, 3.0]),
    lambda L: L.tensor([[0.0, 1.0], [2.0, 0.0]]).to_sparse(),
    lambda L: L.tensor([[0.0, 1.0], [2.0, 0.0]], requires_grad=True).to_sparse(),
    lambda L: L.sparse_coo_tensor([[0, 1, 1], [2, 0, 2]], [3.0, 4.0, 5.0], (2, 3)).t(),
    lambda L: L.sparse_coo_tensor([[0, 0, 1], [1, 1, 0]], [1.0, 2.0, 3.0], (2, 2)).coalesce() * 2,
    lambda L: L.sparse.sum(L.sparse_coo_tensor([[0, 1, 1], [2, 0, 2]], [3.0, 4.0, 5.0], (2, 3)), 0),
])
def test_printing_as_torch(make):
    got, ref = both(make)
    if ref is not None:
        assert repr(got) == repr(ref)
        assert str(got) == str(ref)
    assert repr(got).startswith("tensor(indices=tensor(") and "layout=torch.sparse_coo" in repr(got)


def test_products_against_numpy_and_torch():
    rng = np.random.default_rng(3)
    dense = rng.standard_normal((3, 2))
    left = rng.standard_normal((4, 3))
    want = dense_np(IDX, VALS, (2, 3)) @ dense
    for fn in [lambda L: L.sparse.mm(L.sparse_coo_tensor(IDX, VALS, (2, 3), dtype=L.float64), L.tensor(dense)),
               lambda L: L.mm(L.sparse_coo_tensor(IDX, VALS, (2, 3), dtype=L.float64), L.tensor(dense)),
               lambda L: L.spmm(L.sparse_coo_tensor(IDX, VALS, (2, 3), dtype=L.float64), L.tensor(dense)),
               lambda L: L.matmul(L.sparse_coo_tensor(IDX, VALS, (2, 3), dtype=L.float64), L.tensor(dense)),
               lambda L: L.sparse_coo_tensor(IDX, VALS, (2, 3), dtype=L.float64) @ L.tensor(dense)]:
        got, ref = both(fn)
        np.testing.assert_allclose(got.numpy(), want, rtol=1e-12)
        if ref is not None:
            np.testing.assert_allclose(got.numpy(), ref.numpy(), rtol=1e-12)
    want_left = left @ dense_np(IDX, VALS, (2, 3)).T
    for fn in [lambda L: L.tensor(left) @ L.sparse_coo_tensor(IDX, VALS, (2, 3), dtype=L.float64).t(),
               lambda L: L.tensor(left).mm(L.sparse_coo_tensor(IDX, VALS, (2, 3), dtype=L.float64).t())]:
        got, ref = both(fn)
        np.testing.assert_allclose(got.numpy(), want_left, rtol=1e-12)
    got = fastgrad.sparse.addmm(fastgrad.ones(2, 2, dtype=fastgrad.float64),
                                fastgrad.sparse_coo_tensor(IDX, VALS, (2, 3), dtype=fastgrad.float64),
                                fastgrad.tensor(dense), beta=0.5, alpha=2.0)
    np.testing.assert_allclose(got.numpy(), 0.5 + 2.0 * want, rtol=1e-12)


def test_gradients_match_torch():
    torch = torch_or_none()
    rng = np.random.default_rng(5)
    dense = rng.standard_normal((3, 2))
    cot = rng.standard_normal((2, 2))
    out = {}
    for L in [fastgrad] + ([torch] if torch is not None else []):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            s = L.sparse_coo_tensor(IDX[:1] + [IDX[1]], VALS, (2, 3), dtype=L.float64).coalesce().detach()
            s.requires_grad_(True)
            d = L.tensor(dense, requires_grad=True)
            (L.sparse.mm(s, d) * L.tensor(cot)).sum().backward()
            out[L.__name__] = (d.grad.numpy(), s.grad.coalesce().values().detach().numpy(), s.grad.coalesce().indices().tolist())
    a = dense_np(IDX, VALS, (2, 3))
    np.testing.assert_allclose(out["fastgrad"][0], a.T @ cot, rtol=1e-12)
    full = cot @ dense.T  # the dense gradient of the sparse operand, masked to its non-zeros
    np.testing.assert_allclose(out["fastgrad"][1], full[tuple(np.array([[0, 1, 1], [2, 0, 2]]))], rtol=1e-12)
    if torch is not None:
        np.testing.assert_allclose(out["fastgrad"][0], out["torch"][0], rtol=1e-12)
        np.testing.assert_allclose(out["fastgrad"][1], out["torch"][1], rtol=1e-12)
        assert out["fastgrad"][2] == out["torch"][2]


def test_sparse_sum():
    for fn in [lambda L: L.sparse.sum(L.sparse_coo_tensor(IDX, VALS, (2, 3))),
               lambda L: L.sparse.sum(L.sparse_coo_tensor(IDX, VALS, (2, 3)), 1).to_dense(),
               lambda L: L.sparse.sum(L.sparse_coo_tensor(IDX, VALS, (2, 3)), (0, 1)),
               lambda L: L.sparse_coo_tensor(IDX, VALS, (2, 3)).sum()]:
        got, ref = both(fn)
        if ref is not None:
            np.testing.assert_allclose(got.numpy(), ref.numpy())
    assert fastgrad.sparse.sum(fastgrad.sparse_coo_tensor(IDX, VALS, (2, 3))).item() == sum(VALS)


def test_add_is_sparse_with_sparse_and_dense_with_dense():
    want = dense_np(IDX, VALS, (2, 3)) + dense_np([[1], [1]], [2.0], (2, 3))
    got = fastgrad.sparse_coo_tensor(IDX, VALS, (2, 3)) + fastgrad.sparse_coo_tensor([[1], [1]], [2.0], (2, 3))
    assert got.is_sparse and not got.is_coalesced()  # uncoalesced operands: torch keeps the sum uncoalesced
    np.testing.assert_array_equal(got.to_dense().numpy(), want)
    got, ref = both(lambda L: L.sparse_coo_tensor(IDX, VALS, (2, 3)).coalesce() +
                    L.sparse_coo_tensor([[1], [1]], [2.0], (2, 3)).coalesce())
    assert got.is_coalesced()
    np.testing.assert_array_equal(got.to_dense().numpy(), want)
    if ref is not None:
        assert repr(got) == repr(ref)
    got = fastgrad.sparse_coo_tensor(IDX, VALS, (2, 3)) + fastgrad.ones(2, 3)
    assert not got.is_sparse
    np.testing.assert_array_equal(got.numpy(), dense_np(IDX, VALS, (2, 3)) + 1)


@pytest.mark.parametrize("op", [lambda s: s.exp(), lambda s: s.relu(), lambda s: s[0], lambda s: s > 0,
                                lambda s: s ** 2, lambda s: s.view(6), lambda s: s.reshape(6), lambda s: s.numpy(),
                                lambda s: s + 1, lambda s: s.add_(s)])
def test_unsupported_dense_ops_are_refused_by_name(op):
    s = fastgrad.sparse_coo_tensor(IDX, VALS, (2, 3))
    with pytest.raises(NotImplementedError, match="sparse COO"):
        op(s)


def test_bad_input_raises():
    with pytest.raises(RuntimeError, match="size is inconsistent with indices: for dim 1, size is 2 but found index 2"):
        fastgrad.sparse_coo_tensor(IDX, VALS, (2, 2))
    with pytest.raises(RuntimeError, match="negative index -1 for dim 0"):
        fastgrad.sparse_coo_tensor([[-1, 0]], [1.0, 2.0], (2,))
    with pytest.raises(NotImplementedError, match="hybrid"):
        fastgrad.sparse_coo_tensor([[0, 1]], fastgrad.ones(2, 3), (2, 3))
    with pytest.raises(RuntimeError, match="Only Tensors of floating point"):
        fastgrad.sparse_coo_tensor([[0, 1]], [1, 2], (2,), requires_grad=True)
    with pytest.raises(NotImplementedError, match="hybrid"):
        fastgrad.ones(2, 3).to_sparse(1)
    with pytest.raises(NotImplementedError, match="layout"):
        fastgrad.ones(2, 3).to_sparse(layout="csr")
    with pytest.raises(RuntimeError, match="CPU"):
        fastgrad.sparse_coo_tensor([[0]], [1.0], (1,), device="cuda")
    s = fastgrad.sparse_coo_tensor(IDX, VALS, (2, 3))
    with pytest.raises(NotImplementedError, match="two sparse"):
        fastgrad.sparse.mm(s, s.t())
    with pytest.raises(TypeError):
        fastgrad.mm(s, [[1.0]])


def test_dense_tensors_answer_the_sparse_api_as_torch():
    x = fastgrad.ones(2, 3)
    for name, word in [("indices", "sparse coordinate tensor"), ("values", "sparse tensor"),
                       ("coalesce", "sparse coordinate tensor"), ("is_coalesced", "sparse coordinate tensor")]:
        with pytest.raises(RuntimeError, match=f"{name} expected {word} layout but got Strided"):
            getattr(x, name)()
    assert x.sparse_dim() == 0 and x.dense_dim() == 2
    assert x.to_sparse_coo().is_sparse and x.to_sparse_coo().to_dense().tolist() == x.tolist()
    s = x.to_sparse()
    assert s.to_sparse_coo() is s and s.itemsize == 4


def test_matrix_transposes_sizes_and_predicates():
    x = fastgrad.arange(6.0).reshape(2, 3)
    assert x.H.tolist() == x.t().tolist() and fastgrad.ones(2, 3, 4).mH.shape == (2, 4, 3)
    with pytest.raises(RuntimeError, match="matrices \\(2-D tensors\\). Got 3-D"):
        fastgrad.ones(2, 3, 4).H
    with pytest.raises(RuntimeError, match="Got 1-D tensor"):
        fastgrad.ones(3).mH
    assert x.itemsize == 4 and x.nbytes == 24 and x.double().nbytes == 48
    assert fastgrad.is_nonzero(fastgrad.tensor([2.0])) and not fastgrad.is_complex(x) and not x.is_complex()
    with pytest.raises(RuntimeError, match="more than one value"):
        fastgrad.is_nonzero(x)
    with pytest.raises(RuntimeError, match="no values"):
        fastgrad.is_nonzero(fastgrad.ones(0))
    assert fastgrad.is_same_size(x, x * 2) and not fastgrad.is_same_size(x, x.t())
    assert fastgrad.pi == np.pi and fastgrad.inf == np.inf and np.isnan(fastgrad.nan) and fastgrad.newaxis is None


def test_dense_plus_sparse_hands_over_to_the_sparse_operand():
    # dense.__add__ returns NotImplemented for a sparse operand (as torch's operators do for what they do not
    # take), so Python calls the sparse tensor's __radd__: torch.eye(n) + adjacency in the GCN examples
    adj = fastgrad.sparse_coo_tensor(fastgrad.tensor([[0, 1], [1, 0]]), fastgrad.tensor([1.0, 2.0]), (2, 2))
    out = fastgrad.eye(2) + adj
    assert out.tolist() == [[1.0, 1.0], [2.0, 1.0]]
    with pytest.raises(TypeError, match="unsupported operand"):
        fastgrad.ones(2) + "a"
