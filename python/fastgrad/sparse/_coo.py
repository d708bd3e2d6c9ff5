"""Sparse COO tensors: the indices and values of the non-zero elements of a tensor, as torch.sparse_coo.

A small, honest type for graph networks rather than a second tensor engine: a SparseCooTensor holds an
int64 ``(ndim, nnz)`` index tensor and a 1-d values tensor, and every operation is written with fastgrad's
differentiable dense ops on those two (an index_add scatters values, an index_select gathers rows), so the
gradients with respect to the values and to the dense operand of a product come from the dense engine.
What it does not support, it refuses: any other Tensor method or operator raises NotImplementedError
naming the op, rather than silently densifying. Hybrid tensors (values with dims of their own) are not
supported.
"""
import numbers

from .. import _C
from .._creation import tensor as _tensor
from .._tensor_str import tensor_body
from .._types import Size, check_cpu_device, device, float32, int64, bool_, sparse_coo, strided

Tensor = _C.Tensor


def _refuse(op):
    return NotImplementedError(
        f"'{op}' is not supported on fastgrad's sparse COO tensors (they support to_dense, coalesce, indices, "
        "values, t/transpose, sum, mm, add and multiplication by a number); call .to_dense() first")


def _is_number(v):
    return isinstance(v, numbers.Number) and not isinstance(v, bool)


class SparseCooTensor:
    """A sparse COO tensor (torch's layout=torch.sparse_coo). Make one with `fastgrad.sparse_coo_tensor`
    or `Tensor.to_sparse`."""

    __slots__ = ("_idx", "_vals", "_size", "_coalesced", "_grad_fn_name", "__weakref__")

    def __init__(self, indices, values, size, coalesced, grad_fn_name=None):
        self._idx = indices            # int64 (sparse_dim, nnz)
        self._vals = values            # (nnz,)
        self._size = Size(size)
        self._coalesced = coalesced    # sorted, no duplicate index (torch's flag: set by coalesce/to_sparse)
        self._grad_fn_name = grad_fn_name

    # ---- metadata ----
    is_sparse = True
    is_cpu = True
    is_cuda = False
    layout = sparse_coo

    @property
    def shape(self):
        return self._size

    def size(self, dim=None):
        if dim is None:
            return self._size
        return self._size[dim if dim >= 0 else dim + len(self._size)]

    def dim(self):
        return len(self._size)

    ndimension = dim

    @property
    def ndim(self):
        return len(self._size)

    def numel(self):
        return self._size.numel()

    nelement = numel

    def __len__(self):
        if not self._size:
            raise TypeError("len() of a 0-d tensor")
        return self._size[0]

    @property
    def dtype(self):
        return self._vals.dtype

    @property
    def device(self):
        return device("cpu")

    def sparse_dim(self):
        return len(self._size)

    def dense_dim(self):
        return 0

    def _nnz(self):
        return self._vals.shape[0]

    def is_coalesced(self):
        return self._coalesced

    # ---- autograd: the values carry it ----
    @property
    def requires_grad(self):
        return self._vals.requires_grad

    def requires_grad_(self, requires_grad=True):
        self._vals.requires_grad_(requires_grad)
        return self

    @property
    def is_leaf(self):
        return self._vals.is_leaf

    @property
    def grad(self):
        """The gradient of a leaf, as a sparse tensor with this tensor's indices (None before backward)."""
        g = self._vals.grad
        return None if g is None else SparseCooTensor(self._idx, g, self._size, self._coalesced)

    def detach(self):
        return SparseCooTensor(self._idx, self._vals.detach(), self._size, self._coalesced)

    def clone(self):
        return SparseCooTensor(self._idx.clone(), self._vals.clone(), self._size, self._coalesced)

    # ---- the parts ----
    def _check_coalesced(self, what):
        if not self._coalesced:
            raise RuntimeError(f"Cannot get {what} on an uncoalesced tensor, please call .coalesce() first")

    def indices(self):
        self._check_coalesced("indices")
        return self._idx.detach()

    def values(self):
        self._check_coalesced("values")
        return self._vals

    def _indices(self):
        return self._idx.detach()

    def _values(self):
        return self._vals

    def _strides(self):
        strides, step = [], 1
        for s in reversed(self._size):
            strides.append(step)
            step *= s
        return strides[::-1]

    def _linear_index(self):
        """Each non-zero's position in the flattened dense tensor (int64, (nnz,))."""
        lin = _C.zeros(self._idx.shape[1], dtype=int64)
        for d, stride in enumerate(self._strides()):
            lin = lin + self._idx[d] * stride
        return lin

    def coalesce(self):
        """The same tensor with its indices sorted and duplicates summed (differentiable in the values)."""
        if self._coalesced:
            return self
        lin = self._linear_index()
        uniq, inverse = _C.unique(lin, return_inverse=True)
        values = _C.zeros(uniq.shape[0], dtype=self.dtype).index_add(0, inverse, self._vals)
        rows = [(uniq // stride) % size for stride, size in zip(self._strides(), self._size)]
        indices = _C.stack(rows, 0) if rows else _C.zeros(0, uniq.shape[0], dtype=int64)
        return SparseCooTensor(indices, values, self._size, True)

    def to_dense(self, dtype=None, *, masked_grad=True):
        """The dense tensor (duplicates summed); differentiable in the values (the gradient at the
        non-zeros only: torch's masked_grad=True)."""
        if not masked_grad:
            raise NotImplementedError("to_dense(masked_grad=False) is not supported by fastgrad: the gradient of a "
                                      "sparse tensor is kept at its non-zeros")
        if dtype is not None and dtype is not self.dtype:
            raise NotImplementedError("to_dense(dtype=...) is not supported by fastgrad; convert the result with .to()")
        flat = _C.zeros(self.numel(), dtype=self.dtype).index_add(0, self._linear_index(), self._vals)
        return flat.reshape(tuple(self._size))

    def to_sparse(self, sparse_dim=None, *, layout=None, blocksize=None, dense_dim=None):
        if sparse_dim is not None and sparse_dim != self.sparse_dim():
            raise RuntimeError("to_sparse: conversion from Sparse to Sparse with sparse_dim argument "
                               "!=self.sparse_dim() is not supported")
        _check_sparse_layout_args(layout, blocksize, dense_dim)
        return self

    def to_sparse_coo(self):
        return self

    @property
    def itemsize(self):
        return self._vals.element_size()

    def t(self):
        if self.dim() > 2:
            raise RuntimeError(f"t() expects a tensor with <= 2 sparse and 0 dense dimensions, but self is "
                               f"{self.dim()} sparse and 0 dense dimensions")
        return self.transpose(0, 1) if self.dim() == 2 else self

    def transpose(self, dim0, dim1):
        n = self.dim()
        d0, d1 = dim0 % n if -n <= dim0 < n else None, dim1 % n if -n <= dim1 < n else None
        if d0 is None or d1 is None:
            bad = dim0 if d0 is None else dim1
            raise IndexError(f"Dimension out of range (expected to be in range of [{-n}, {n - 1}], but got {bad})")
        order = list(range(n))
        order[d0], order[d1] = order[d1], order[d0]
        size = [self._size[i] for i in order]
        picked = self._idx.index_select(0, _tensor(order, dtype=int64)) if n else self._idx
        return SparseCooTensor(picked, self._vals, size, False)

    def to(self, *args, **kwargs):
        """Converts the values' dtype; the CPU is the only device (as ``Tensor.to``)."""
        dtype = kwargs.pop("dtype", None)
        for name in ("non_blocking", "copy"):
            kwargs.pop(name, None)
        check_cpu_device(kwargs.pop("device", None))
        if kwargs:
            raise TypeError(f"to() got unexpected keyword arguments {sorted(kwargs)}")
        for a in args:
            if isinstance(a, (str, device)):
                check_cpu_device(a)
            elif dtype is None:
                dtype = a
            else:
                raise TypeError("to() received an invalid combination of arguments")
        if dtype is None or dtype is self.dtype:
            return self
        return SparseCooTensor(self._idx, self._vals.to(dtype), self._size, self._coalesced)

    def cpu(self):
        return self

    def cuda(self, device=None, non_blocking=False):
        from .._types import cpu_only_error
        raise cpu_only_error("cuda()")

    def float(self):
        return self.to(float32)

    def double(self):
        from .._types import float64
        return self.to(float64)

    # ---- arithmetic it supports ----
    def mul(self, other):
        if not _is_number(other):
            raise _refuse("mul with a tensor")
        return SparseCooTensor(self._idx, self._vals * other, self._size, self._coalesced)

    __mul__ = __rmul__ = mul

    def div(self, other):
        if not _is_number(other):
            raise _refuse("div with a tensor")
        return SparseCooTensor(self._idx, self._vals / other, self._size, self._coalesced)

    __truediv__ = div

    def add(self, other, *, alpha=1):
        """sparse + sparse is sparse; sparse + dense is dense, as torch."""
        if isinstance(other, SparseCooTensor):
            if other.shape != self.shape:
                raise RuntimeError(f"add: expected 'self' and 'other' to have same size, but self has size "
                                   f"{list(self.shape)} while other has size {list(other.shape)}")
            values = other._vals if alpha == 1 else other._vals * alpha
            joined = SparseCooTensor(_C.cat([self._idx, other._idx], 1), _C.cat([self._vals, values], 0),
                                     self._size, False)
            # torch merges two coalesced operands into a coalesced sum; otherwise the sum stays uncoalesced
            return joined.coalesce() if self._coalesced and other._coalesced else joined
        if isinstance(other, Tensor):
            return _C.add(self.to_dense(), other, alpha=alpha)
        raise _refuse("add with a number")

    __add__ = add

    def __radd__(self, other):
        if isinstance(other, Tensor):
            return _C.add(other, self.to_dense())
        raise _refuse("add with a number")

    def sub(self, other, *, alpha=1):
        return self.add(other, alpha=-alpha)

    __sub__ = sub

    def neg(self):
        return SparseCooTensor(self._idx, -self._vals, self._size, self._coalesced)

    __neg__ = neg

    def sum(self, dim=None, keepdim=False, dtype=None):
        from . import sum as sparse_sum
        if keepdim:
            raise _refuse("sum(keepdim=True)")
        return sparse_sum(self, dim, dtype=dtype)

    def mm(self, mat2):
        from . import mm
        return mm(self, mat2)

    def matmul(self, other):
        from . import mm
        return mm(self, other)

    __matmul__ = matmul

    def __rmatmul__(self, other):
        return _dense_mm_sparse(other, self)

    # ---- printing, as torch prints ----
    def __repr__(self):
        indent = len("tensor(")
        parts = []
        for prefix, t in (("indices=tensor(", self._idx), ("values=tensor(", self._vals)):
            if t.numel() == 0:
                parts.append(prefix + "[], size=" + str(tuple(t.shape)) + ")")
            else:
                parts.append(prefix + tensor_body(t, indent + len(prefix)) + ")")
        text = "tensor(" + parts[0] + ",\n" + " " * indent + parts[1]
        suffixes = ["size=" + str(tuple(self._size)), "nnz=" + str(self._nnz())]
        if self.dtype not in (float32, int64, bool_):
            suffixes.append(f"dtype={self.dtype!r}")
        suffixes.append("layout=torch.sparse_coo")
        if self._vals.requires_grad:
            suffixes.append("requires_grad=True" if self._vals.is_leaf or self._grad_fn_name is None
                            else f"grad_fn=<{self._grad_fn_name}>")
        # torch's _add_suffixes: the first suffix on a new line, then up to 80 columns per line
        line = indent
        text += ",\n" + " " * indent + suffixes[0]
        line += len(suffixes[0])
        for s in suffixes[1:]:
            if line + len(s) + 2 > 80:
                text += ",\n" + " " * indent + s
                line = indent + len(s)
            else:
                text += ", " + s
                line += len(s) + 2
        return text + ")"

    __str__ = __repr__

    def __getattr__(self, name):
        # only reached for names the class lacks: a dense Tensor method or attribute is refused by name
        if hasattr(Tensor, name):
            raise _refuse(name)
        raise AttributeError(f"'SparseCooTensor' object has no attribute '{name}'")


# Operators a dense tensor has that a sparse one refuses (Python looks dunders up on the type, so
# __getattr__ above does not see them).
def _make_refusal(op):
    def refuse(self, *args, **kwargs):
        raise _refuse(op)
    refuse.__name__ = op
    return refuse


for _op in ("__iadd__", "__rsub__", "__isub__", "__imul__", "__rtruediv__",
            "__itruediv__", "__floordiv__", "__rfloordiv__", "__mod__", "__rmod__", "__pow__", "__rpow__", "__abs__",
            "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__and__", "__or__", "__xor__", "__invert__",
            "__getitem__", "__setitem__", "__iter__", "__bool__", "__float__", "__int__", "__index__", "__array__"):
    setattr(SparseCooTensor, _op, _make_refusal(_op))
SparseCooTensor.__hash__ = object.__hash__  # defining __eq__ would otherwise make it unhashable


def _check_sparse_layout_args(layout, blocksize, dense_dim):
    if layout is not None and layout is not sparse_coo:
        raise NotImplementedError(f"to_sparse(layout={layout!r}): fastgrad has only the sparse_coo layout")
    if blocksize is not None or dense_dim:
        raise NotImplementedError("to_sparse(blocksize=, dense_dim=): fastgrad has no block or hybrid sparse layouts")


def _to_index_tensor(indices):
    if isinstance(indices, Tensor):
        return indices.detach() if indices.dtype is int64 else indices.detach().to(int64)
    return _tensor(indices, dtype=int64)


def sparse_coo_tensor(indices, values, size=None, *, dtype=None, device=None, pin_memory=False,
                      requires_grad=False, check_invariants=None, is_coalesced=None):
    """A sparse COO tensor with the given ``indices`` (int, ``(ndim, nnz)``) and ``values`` (``(nnz,)``)
    of the given ``size`` (each dim one past its largest index when omitted). Duplicate indices are
    summed where the tensor is used; ``is_coalesced=True`` declares them sorted and unique.

    Args:
        indices (Tensor or list): the index of each value along each dim.
        values (Tensor or list): the values.
        size (tuple of ints, optional): the dense shape.
        dtype (fastgrad.dtype, optional): the values' dtype.
        requires_grad (bool): make the tensor a leaf that records its gradient (``.grad``).

    Examples:
        >>> fastgrad.sparse_coo_tensor([[0, 1], [1, 0]], [1.0, 2.0], (2, 2)).to_dense()
        tensor([[0., 1.],
                [2., 0.]])
    """
    from .._types import check_pin_memory
    check_cpu_device(device, "sparse_coo_tensor()")
    check_pin_memory(pin_memory)
    idx = _to_index_tensor(indices)
    if isinstance(values, Tensor):
        vals = values if dtype is None else values.to(dtype)
    else:
        vals = _tensor(values, dtype=dtype)
    if idx.dim() != 2:
        raise RuntimeError(f"indices must be sparse_dim x nnz, but got: {list(idx.shape)}")
    sparse_dim, nnz = idx.shape
    if vals.dim() == 0 or vals.shape[0] != nnz:
        raise RuntimeError(f"indices and values must have same nnz, but got nnz from indices: {nnz}, nnz from "
                           f"values: {vals.shape[0] if vals.dim() else 0}")
    maxima = idx.amax(1).tolist() if nnz else [-1] * sparse_dim
    minima = idx.amin(1).tolist() if nnz else [0] * sparse_dim
    if size is None:
        size = [m + 1 for m in maxima] + list(vals.shape[1:])
    size = [int(s) for s in size]
    dense_dim = vals.dim() - 1
    if len(size) != sparse_dim + dense_dim:
        raise RuntimeError(f"'len(size) == sparse_dim + dense_dim' is not satisfied: len(size) = {len(size)}, "
                           f"sparse_dim = {sparse_dim}, dense_dim = {dense_dim}")
    if dense_dim:
        raise NotImplementedError("sparse_coo_tensor: values with dims of their own (hybrid sparse tensors) are "
                                  "not supported by fastgrad; give one value per index")
    if sparse_dim == 0:
        raise NotImplementedError("sparse_coo_tensor: a 0-d sparse tensor is not supported by fastgrad")
    # torch checks these only with check_invariants=True; fastgrad always does (an index out of range
    # would otherwise surface later as a confusing error in to_dense or mm)
    for d in range(sparse_dim):
        if minima[d] < 0:
            raise RuntimeError(f"found negative index {minima[d]} for dim {d}")
        if maxima[d] >= size[d]:
            raise RuntimeError(f"size is inconsistent with indices: for dim {d}, size is {size[d]} but found index "
                               f"{maxima[d]}")
    if requires_grad:
        if not vals.dtype.is_floating_point:
            raise RuntimeError("Only Tensors of floating point dtype can require gradients")
        vals = vals.detach().requires_grad_(True)  # a new leaf, as torch's
    return SparseCooTensor(idx, vals, size, bool(is_coalesced),
                           "SparseCooTensorWithDimsAndTensorsBackward0" if vals.grad_fn is not None else None)


def _dense_to_sparse(self, sparse_dim=None, *, layout=None, blocksize=None, dense_dim=None):
    """The sparse COO form of this tensor: the indices and values of its non-zero elements, coalesced.
    Differentiable: the gradient of the values goes back to those elements."""
    _check_sparse_layout_args(layout, blocksize, dense_dim)
    if self.dim() == 0:
        raise NotImplementedError("to_sparse() of a 0-d tensor is not supported by fastgrad")
    if sparse_dim is not None and sparse_dim != self.dim():
        raise NotImplementedError(f"to_sparse({sparse_dim}) of a {self.dim()}-d tensor would make a hybrid sparse "
                                  "tensor, which fastgrad does not support; use to_sparse()")
    indices = self.detach().nonzero().t().contiguous()
    size = tuple(self.shape)
    shell = SparseCooTensor(indices, None, size, True)
    values = self.reshape(-1).index_select(0, shell._linear_index()) if indices.shape[1] else \
        _C.zeros(0, dtype=self.dtype)
    return SparseCooTensor(indices, values, size, True, "ToSparseBackward1" if values.grad_fn is not None else None)


def _dense_to_dense(self, dtype=None, *, masked_grad=None):
    """A dense tensor is its own dense form."""
    return self if dtype is None or dtype is self.dtype else self.to(dtype)


def _dense_mm_sparse(dense, sparse):
    """dense @ sparse as (sparse^T @ dense^T)^T."""
    from . import mm
    if not isinstance(dense, Tensor):
        raise TypeError(f"mm(): expected a Tensor, got {type(dense).__name__}")
    if dense.dim() != 2:
        raise RuntimeError(f"mm: expected a 2-D dense matrix times a sparse matrix, got {dense.dim()}-D")
    return mm(sparse.t(), dense.t()).t()


def mm_any(input, mat2):
    """torch.mm / torch.matmul where an operand is sparse (the dense forms are bound in C++ and tried first)."""
    from . import mm
    if isinstance(input, SparseCooTensor):
        return mm(input, mat2)
    if isinstance(mat2, SparseCooTensor):
        return _dense_mm_sparse(input, mat2)
    raise TypeError(f"mm(): expected Tensors, got {type(input).__name__} and {type(mat2).__name__}")


Tensor.is_sparse = False
Tensor.layout = strided
Tensor.to_sparse = _dense_to_sparse
Tensor.to_dense = _dense_to_dense
