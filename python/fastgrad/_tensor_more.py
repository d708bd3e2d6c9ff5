"""More of torch.Tensor's Python-level surface: H / mH (the conjugate transposes, plain transposes for real
tensors), itemsize / nbytes, is_complex, and the sparse-only methods that a dense tensor refuses with torch's
messages (indices, values, coalesce, is_coalesced) or answers (sparse_dim 0, dense_dim its ndim)."""
from . import _C

Tensor = _C.Tensor


def _H(self):
    if self.dim() != 2:
        raise RuntimeError(f"tensor.H is only supported on matrices (2-D tensors). Got {self.dim()}-D tensor."
                           + (" For batches of matrices, consider using tensor.mH" if self.dim() > 2 else ""))
    return self.transpose(0, 1)


def _mH(self):
    if self.dim() < 2:
        raise RuntimeError(f"tensor.mH is only supported on matrices or batches of matrices. Got {self.dim()}-D tensor.")
    return self.transpose(-2, -1)


def _sparse_only(name, layout_word="sparse coordinate tensor"):
    def refuse(self, *args, **kwargs):
        raise RuntimeError(f"{name} expected {layout_word} layout but got Strided")
    refuse.__name__ = name
    refuse.__doc__ = f"Sparse tensors only: a dense tensor raises, as torch's ``{name}``."
    return refuse


def _sparse_dim(self):
    """The number of sparse dims: 0 for a dense tensor."""
    return 0


def _dense_dim(self):
    """The number of dense dims: all of a dense tensor's."""
    return self.dim()


def _to_sparse_coo(self):
    """`Tensor.to_sparse`: the sparse COO form."""
    return self.to_sparse()


def _is_complex(self):
    """Whether the dtype is complex: never, fastgrad has no complex dtypes."""
    return False


Tensor.H = property(_H, doc="The conjugate transpose of a matrix (its transpose, for real tensors).")
Tensor.mH = property(_mH, doc="The conjugate transpose of the last two dims (their transpose, for real tensors).")
Tensor.itemsize = property(lambda self: self.element_size(), doc="Bytes per element.")
Tensor.nbytes = property(lambda self: self.numel() * self.element_size(), doc="Bytes of the elements (numel * itemsize).")
Tensor.is_complex = _is_complex
Tensor.sparse_dim = _sparse_dim
Tensor.dense_dim = _dense_dim
Tensor.to_sparse_coo = _to_sparse_coo
Tensor.indices = _sparse_only("indices")
Tensor.values = _sparse_only("values", "sparse tensor")
Tensor.coalesce = _sparse_only("coalesce")
Tensor.is_coalesced = _sparse_only("is_coalesced")


def is_nonzero(input):
    """Whether a one-element tensor is non-zero (as ``bool(input)``); more or fewer elements raise."""
    n = input.numel()
    if n != 1:
        raise RuntimeError("Boolean value of Tensor with " + ("no values" if n == 0 else "more than one value")
                           + " is ambiguous")
    return bool(input)


def is_same_size(input, other):
    """Whether both tensors have the same shape."""
    return tuple(input.shape) == tuple(other.shape)


def is_complex(input):
    """Whether the dtype is complex: never, fastgrad has no complex dtypes."""
    return False
