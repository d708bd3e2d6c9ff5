"""torch.linalg: cross and vecdot, and the norms: vector_norm (one C++ op) and norm / matrix_norm for the
orders that need no matrix decomposition ('fro', 1, -1, inf, -inf). The spectral (2, -2) and nuclear norms need a singular value
decomposition, which fastgrad does not have: those raise NotImplementedError."""
import math

from . import _C
from ._creation import _write_out

_INF = math.inf


def vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None, out=None):  # noqa: A002 - torch's names
    """The vector ``ord``-norm of ``x`` over ``dim`` (all elements by default): any real ``ord`` or +-inf."""
    if isinstance(ord, str) or isinstance(ord, bool):
        raise TypeError(f"linalg_vector_norm(): argument 'ord' must be Number, not {type(ord).__name__}")
    return _write_out(_C._linalg_vector_norm(x, float(ord), dim, keepdim, dtype=dtype), out)


def matrix_norm(A, ord="fro", dim=(-2, -1), keepdim=False, *, dtype=None, out=None):  # noqa: A002
    """The matrix norm over the two dims ``dim``: 'fro', 1, -1, inf or -inf (2, -2 and 'nuc' need an SVD)."""
    if A.dim() < 2:
        raise RuntimeError("linalg.matrix_norm: The input tensor A must have at least 2 dimensions.")
    x = A if dtype is None else A.to(dtype)
    rows, cols = (d % A.dim() for d in dim)
    if rows == cols:
        raise RuntimeError(f"linalg.matrix_norm: dims must be different. Got ({dim[0]}, {dim[1]})")
    if ord == "fro":
        return _write_out(vector_norm(x, 2, (rows, cols), keepdim), out)
    if ord in ("nuc", 2, -2):
        raise NotImplementedError(f"linalg.matrix_norm: ord={ord!r} needs a singular value decomposition, which "
                                  "fastgrad does not have yet; 'fro', 1, -1, inf and -inf are supported")
    if ord not in (1, -1, _INF, -_INF):
        raise RuntimeError(f"linalg.matrix_norm: Order {ord} not supported.")
    # 1: the largest absolute column sum; inf: the largest absolute row sum (the negatives take the smallest)
    summed, over = (rows, cols) if abs(ord) == 1 else (cols, rows)
    s = x.abs().sum(summed, keepdim=True)
    r = s.amax(over, keepdim=True) if ord > 0 else s.amin(over, keepdim=True)
    if not keepdim:
        r = r.squeeze(max(rows, cols)).squeeze(min(rows, cols))
    return _write_out(r, out)


def norm(A, ord=None, dim=None, keepdim=False, *, dtype=None, out=None):  # noqa: A002
    """`vector_norm` or `matrix_norm` as torch.linalg.norm chooses from ``ord``, ``dim`` and the input's rank."""
    if isinstance(dim, int):
        dim = (dim,)
    if ord is None:
        if dim is not None and len(dim) == 2:
            return matrix_norm(A, "fro", dim, keepdim, dtype=dtype, out=out)
        return vector_norm(A, 2, dim, keepdim, dtype=dtype, out=out)
    if dim is None:
        if A.dim() not in (1, 2):
            raise RuntimeError("linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. "
                               f"Got {A.dim()}D.")
        dim = tuple(range(A.dim()))
    if len(dim) == 2:
        return matrix_norm(A, ord, dim, keepdim, dtype=dtype, out=out)
    if isinstance(ord, str):
        raise RuntimeError(f"linalg.norm: If dim is specified, it must be of length 1 or 2. Got {list(dim)}"
                           if len(dim) > 2 else f"linalg.vector_norm: ord must be a number, got {ord!r}")
    return vector_norm(A, ord, dim, keepdim, dtype=dtype, out=out)


def cross(input, other, *, dim=-1, out=None):  # noqa: A002 - torch's names
    """The cross product of 3-vectors along ``dim`` (default the last); the inputs broadcast.

    Examples:
        >>> fastgrad.linalg.cross(fastgrad.tensor([1.0, 0.0, 0.0]), fastgrad.tensor([0.0, 1.0, 0.0]))
        tensor([0., 0., 1.])
    """
    return _write_out(_C.cross(input, other, dim), out)


def vecdot(x, y, *, dim=-1, out=None):
    """The dot product of ``x`` and ``y`` along ``dim`` (they broadcast).

    Examples:
        >>> fastgrad.linalg.vecdot(fastgrad.tensor([1.0, 2.0]), fastgrad.tensor([3.0, 4.0]))
        tensor(11.)
    """
    return _write_out((x * y).sum(dim), out)
