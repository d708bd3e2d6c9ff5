"""nn.functional's distances and similarities (normalize, cosine_similarity, pairwise_distance, pdist) and
bilinear, as torch computes them, written with fastgrad's differentiable ops."""
import fastgrad as _fg


def _clamped_for_value(norm, eps):
    """norm clamped below at eps in value, with the gradient of the unclamped norm: torch clamps these norms
    in place under no_grad, so its backward sees d(norm)."""
    detached = norm.detach()
    return norm + (_fg.clamp_min(detached, eps) - detached)


def normalize(input, p=2.0, dim=1, eps=1e-12, out=None):
    """``input / max(||input||_p, eps)`` along ``dim``.

    Args:
        input (Tensor): the tensor.
        p (float): the norm's exponent. Default: 2.
        dim (int): the dim to normalise along. Default: 1.
        eps (float): the smallest divisor. Default: 1e-12.

    Examples:
        >>> F.normalize(fastgrad.tensor([[3.0, 4.0]]))
        tensor([[0.6000, 0.8000]])
    """
    if out is not None:
        raise NotImplementedError("normalize(out=...) is not supported by fastgrad; assign the result")
    denom = input.norm(p, dim, keepdim=True).clamp_min(eps).expand_as(input)
    return input / denom


def cosine_similarity(x1, x2, dim=1, eps=1e-8):
    """The cosine of the angle between ``x1`` and ``x2`` along ``dim`` (they broadcast); each norm is at
    least ``eps``.

    Examples:
        >>> F.cosine_similarity(fastgrad.tensor([[1.0, 0.0]]), fastgrad.tensor([[1.0, 1.0]]))
        tensor([0.7071])
    """
    if not (x1.dtype.is_floating_point or x2.dtype.is_floating_point):
        common = "Bool" if x1.dtype is _fg.bool and x2.dtype is _fg.bool else "Long"
        raise RuntimeError(f"expected common dtype to be floating point, yet common dtype is {common}")
    shape = _fg.broadcast_shapes(x1.shape, x2.shape)
    a, b = x1.expand(*shape), x2.expand(*shape)
    # each operand divided by its own norm first, as torch (keeps the result within [-1, 1])
    na = _clamped_for_value(_fg.linalg.vector_norm(a, 2, dim=dim, keepdim=True), eps)
    nb = _clamped_for_value(_fg.linalg.vector_norm(b, 2, dim=dim, keepdim=True), eps)
    return ((a / na) * (b / nb)).sum(dim)


def pairwise_distance(x1, x2, p=2.0, eps=1e-6, keepdim=False):
    """The ``p``-norm of ``x1 - x2 + eps`` over the last dim (they broadcast).

    Examples:
        >>> F.pairwise_distance(fastgrad.tensor([[0.0, 0.0]]), fastgrad.tensor([[3.0, 4.0]]))
        tensor([5.0000])
    """
    last = max(x1.dim(), x2.dim()) - 1
    return _fg.linalg.vector_norm(x1 - x2 + eps, p, dim=last, keepdim=keepdim)


def pdist(input, p=2):
    """The ``p``-norm distance between every pair of rows of an ``(N, M)`` input: ``N * (N - 1) / 2``
    values, row pairs ``(i, j)`` with ``i < j`` in order.

    Examples:
        >>> F.pdist(fastgrad.tensor([[0.0, 0.0], [3.0, 4.0], [6.0, 8.0]]))
        tensor([ 5., 10.,  5.])
    """
    if input.dim() != 2:
        raise RuntimeError(f"pdist only supports 2D tensors, got: {input.dim()}D")
    if not input.dtype.is_floating_point:
        raise RuntimeError("pdist only supports floating-point dtypes")
    if p < 0:
        raise RuntimeError("pdist only supports non-negative p values")
    n = input.shape[0]
    i, j = _fg.triu_indices(n, n, 1)
    return _fg.linalg.vector_norm(input.index_select(0, i) - input.index_select(0, j), p, dim=1)


def bilinear(input1, input2, weight, bias=None):
    """``y[..., o] = sum_ij input1[..., i] * weight[o, i, j] * input2[..., j] + bias[o]``. See `nn.Bilinear`.

    Examples:
        >>> F.bilinear(fastgrad.ones(1, 2), fastgrad.ones(1, 3), fastgrad.ones(4, 2, 3)).shape
        torch.Size([1, 4])
    """
    if input1.dim() != input2.dim():
        raise RuntimeError(f"bilinear(): input dimensions do not match: got {input1.dim()} and {input2.dim()}")
    if tuple(input1.shape[:-1]) != tuple(input2.shape[:-1]):
        raise RuntimeError(f"bilinear(): input batch dimensions do not match: got {list(input1.shape[:-1])} and "
                           f"{list(input2.shape[:-1])}")
    if weight.dim() != 3:
        raise RuntimeError(f"bilinear(): weight must be three-dimensional, got {weight.dim()} dimensions")
    if input1.shape[-1] != weight.shape[1]:
        raise RuntimeError(f"bilinear(): input1 size does not match weight size: got {input1.shape[-1]} but "
                           f"expected {weight.shape[1]}")
    if input2.shape[-1] != weight.shape[2]:
        raise RuntimeError(f"bilinear(): input2 size does not match weight size: got {input2.shape[-1]} but "
                           f"expected {weight.shape[2]}")
    out = _fg.einsum("...i,oij,...j->...o", input1, weight, input2)
    return out if bias is None else out + bias
