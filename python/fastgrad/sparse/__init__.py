"""fastgrad.sparse, as torch.sparse: sparse COO tensors (`fastgrad.sparse_coo_tensor`, `Tensor.to_sparse`)
and the products and sums on them that graph networks use. See _coo.py for what the type supports."""
import numbers

from .. import _C
from .._creation import tensor as _tensor
from .._types import int64
from ._coo import SparseCooTensor, sparse_coo_tensor

Tensor = _C.Tensor

__all__ = ["mm", "addmm", "sum", "sparse_coo_tensor", "SparseCooTensor"]


def _short(dtype):
    return {"float32": "Float", "float64": "Double", "int64": "Long", "bool": "Bool"}.get(repr(dtype)[6:],
                                                                                         repr(dtype)[6:])


def mm(mat1, mat2):
    """The product of a sparse ``(n, k)`` matrix and a dense ``(k, m)`` one, dense ``(n, m)``.
    Differentiable in the dense matrix and in the sparse matrix's values (its ``.grad`` keeps its indices).

    Args:
        mat1 (SparseCooTensor): the sparse matrix.
        mat2 (Tensor): the dense matrix.

    Examples:
        >>> a = fastgrad.sparse_coo_tensor([[0, 1], [1, 0]], [2.0, 3.0], (2, 2))
        >>> fastgrad.sparse.mm(a, fastgrad.ones(2, 1))
        tensor([[2.],
                [3.]])
    """
    if not isinstance(mat1, SparseCooTensor):
        if isinstance(mat2, SparseCooTensor):
            return mat1 @ mat2
        return _C.mm(mat1, mat2)
    if isinstance(mat2, SparseCooTensor):
        raise NotImplementedError("mm of two sparse tensors is not supported by fastgrad; densify one with .to_dense()")
    if not isinstance(mat2, Tensor):
        raise TypeError(f"mm(): argument 'mat2' must be Tensor, not {type(mat2).__name__}")
    if mat1.dim() != 2:
        raise RuntimeError(f"mm: expected a 2-D sparse matrix, got {mat1.dim()}-D")
    if mat2.dim() != 2:
        raise IndexError(f"Dimension out of range (expected to be in range of [-{mat2.dim()}, {mat2.dim() - 1}], "
                         "but got 1)" if mat2.dim() == 1 else f"mm: expected a 2-D dense matrix, got {mat2.dim()}-D")
    n, k = mat1.shape
    if mat2.shape[0] != k:
        raise RuntimeError(f"addmm: Argument #3 (dense): Expected dim 0 size {k}, got {mat2.shape[0]}")
    if mat2.dtype is not mat1.dtype:
        raise RuntimeError(f"expected scalar type {_short(mat1.dtype)} but found {_short(mat2.dtype)}")
    rows, cols = mat1._idx[0], mat1._idx[1]
    # each non-zero a[r, c] adds a[r, c] * mat2[c, :] to row r of the result
    contributions = mat2.index_select(0, cols) * mat1._vals.unsqueeze(1)
    return _C.zeros(n, mat2.shape[1], dtype=mat2.dtype).index_add(0, rows, contributions)


def addmm(mat, mat1, mat2, *, beta=1.0, alpha=1.0):
    """``beta * mat + alpha * mm(mat1, mat2)`` with a sparse ``mat1`` and dense ``mat`` and ``mat2``."""
    product = mm(mat1, mat2)
    product = product if alpha == 1 else product * alpha
    if beta == 0:
        return product
    return product + (mat if beta == 1 else mat * beta)


def sum(input, dim=None, dtype=None):  # noqa: A001 - torch.sparse.sum's name
    """The sum of a sparse tensor's elements: a dense 0-d tensor over every dim (``dim=None`` or all of
    them), otherwise a sparse tensor over the remaining dims. Differentiable in the values.

    Args:
        input (SparseCooTensor): the tensor.
        dim (int or tuple of ints, optional): the dims to sum over.
        dtype (fastgrad.dtype, optional): the values are converted to it first.
    """
    if not isinstance(input, SparseCooTensor):
        raise TypeError(f"sparse.sum(): expected a sparse tensor, got {type(input).__name__}")
    values = input._vals if dtype is None else input._vals.to(dtype)
    n = input.dim()
    dims = range(n) if dim is None else ([dim] if isinstance(dim, numbers.Integral) else list(dim))
    wrapped = set()
    for d in dims:
        if not -n <= d < n:
            raise IndexError(f"Dimension out of range (expected to be in range of [{-n}, {n - 1}], but got {d})")
        wrapped.add(d % n)
    if len(wrapped) == n:
        return values.sum()
    keep = [d for d in range(n) if d not in wrapped]
    kept_indices = input._idx.index_select(0, _tensor(keep, dtype=int64))
    size = [input.shape[d] for d in keep]
    return SparseCooTensor(kept_indices, values, size, False).coalesce()
