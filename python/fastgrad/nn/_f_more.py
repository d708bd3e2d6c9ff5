"""More of nn.functional: softmin, rms_norm, pixel_shuffle / pixel_unshuffle, channel_shuffle and the
margin losses (hinge_embedding, soft_margin, multilabel_soft_margin, multi_margin), as torch computes them."""
import numbers

import fastgrad as _fg
from . import functional as _F

_EPS = {"torch.float32": 1.1920928955078125e-07, "torch.float64": 2.220446049250313e-16}


def softmin(input, dim=None, _stacklevel=3, dtype=None):
    """``softmax(-input)`` along ``dim``. See `nn.Softmin`.

    Examples:
        >>> F.softmin(fastgrad.tensor([0.0, 1.0]), dim=0)
        tensor([0.7311, 0.2689])
    """
    return _F.softmax(-input, dim, _stacklevel + 1, dtype)


def rms_norm(input, normalized_shape, weight=None, eps=None):
    """``input / sqrt(mean(input**2) + eps) * weight`` over the trailing ``normalized_shape`` dims; ``eps``
    defaults to the dtype's machine epsilon. See `nn.RMSNorm`."""
    if isinstance(normalized_shape, numbers.Integral):
        raise TypeError("rms_norm(): argument 'normalized_shape' (position 2) must be tuple of ints, not int")
    shape = tuple(normalized_shape)
    n = len(shape)
    if tuple(input.shape[input.dim() - n:]) != shape or input.dim() < n:
        raise RuntimeError(f"Given normalized_shape={list(shape)}, expected input with shape [*"
                           f"{', '.join(str(s) for s in shape)}], but got input of size{list(input.shape)}")
    if eps is None:
        eps = _EPS.get(str(input.dtype), 1.1920928955078125e-07)
    dims = tuple(range(input.dim() - n, input.dim()))
    out = input * _fg.rsqrt((input * input).mean(dim=dims, keepdim=True) + eps)
    return out if weight is None else out * weight


def _check_pixel_args(input, factor, op, factor_name):
    r = int(factor)
    if input.dim() < 3:
        raise RuntimeError(f"{op} expects input to have at least 3 dimensions, but got input with {input.dim()} "
                           "dimension(s)")
    if r <= 0:
        raise RuntimeError(f"{op} expects a positive {factor_name}, but got {r}")
    return r


def pixel_shuffle(input, upscale_factor):
    """``(*, C * r**2, H, W) -> (*, C, H * r, W * r)``. See `nn.PixelShuffle`."""
    r = _check_pixel_args(input, upscale_factor, "pixel_shuffle", "upscale_factor")
    c, h, w = input.shape[-3:]
    if c % (r * r):
        raise RuntimeError(f"pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of "
                           f"upscale_factor, but input.size(-3)={c} is not divisible by {r * r}")
    batch = tuple(input.shape[:-3])
    nb = len(batch)
    x = input.reshape(batch + (c // (r * r), r, r, h, w))
    x = x.permute(*range(nb), nb, nb + 3, nb + 1, nb + 4, nb + 2)
    return x.reshape(batch + (c // (r * r), h * r, w * r))


def pixel_unshuffle(input, downscale_factor):
    """``(*, C, H * r, W * r) -> (*, C * r**2, H, W)``, the inverse of `pixel_shuffle`. See `nn.PixelUnshuffle`."""
    r = _check_pixel_args(input, downscale_factor, "pixel_unshuffle", "downscale_factor")
    c, h, w = input.shape[-3:]
    if h % r:
        raise RuntimeError(f"pixel_unshuffle expects height to be divisible by downscale_factor, but input.size(-2)={h}"
                           f" is not divisible by {r}")
    if w % r:
        raise RuntimeError(f"pixel_unshuffle expects width to be divisible by downscale_factor, but input.size(-1)={w}"
                           f" is not divisible by {r}")
    batch = tuple(input.shape[:-3])
    nb = len(batch)
    x = input.reshape(batch + (c, h // r, r, w // r, r))
    x = x.permute(*range(nb), nb, nb + 2, nb + 4, nb + 1, nb + 3)
    return x.reshape(batch + (c * r * r, h // r, w // r))


def channel_shuffle(input, groups):
    """Splits the channels (dim 1) into ``groups`` and interleaves them. See `nn.ChannelShuffle`."""
    if input.dim() <= 2:
        raise RuntimeError(f"channel_shuffle expects input to have at least 3 dimensions, but got input with "
                           f"{input.dim()} dimension(s)")
    if groups <= 0:
        raise RuntimeError(f"Number of groups to divide channels in must be positive. Value of groups:{groups}")
    c = input.shape[1]
    if c % groups:
        raise RuntimeError(f"Number of channels must be divisible by groups. Got {c} channels and {groups} groups.")
    n, rest = input.shape[0], tuple(input.shape[2:])
    return input.reshape((n, groups, c // groups) + rest).transpose(1, 2).reshape((n, c) + rest)


def _reduction(size_average, reduce, reduction):
    reduction = _F._legacy_reduction(size_average, reduce, reduction)
    _F._check_reduction(reduction)
    return reduction


def hinge_embedding_loss(input, target, margin=1.0, size_average=None, reduce=None, reduction="mean"):
    """``input`` where ``target`` is 1, ``max(0, margin - input)`` where it is -1, reduced. See
    `nn.HingeEmbeddingLoss`."""
    reduction = _reduction(size_average, reduce, reduction)
    zeros = _fg.zeros_like(input)
    margin_part = _fg.where(target != 1, _fg.clamp_min(margin - input, 0), zeros)
    self_part = _fg.where(target != -1, input, zeros)
    return _F._reduce(margin_part + self_part, reduction)


def soft_margin_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    """``log(1 + exp(-target * input))``, reduced. See `nn.SoftMarginLoss`."""
    reduction = _reduction(size_average, reduce, reduction)
    if target.requires_grad and _fg.is_grad_enabled():  # torch's soft_margin_loss has no target derivative
        raise RuntimeError("The function 'soft_margin_loss' is not differentiable with respect to argument 'target'. "
                           "This input cannot have requires_grad True.")
    return _F._reduce(_fg.log1p(_fg.exp(-input * target)), reduction)


def multilabel_soft_margin_loss(input, target, weight=None, size_average=None, reduce=None, reduction="mean"):
    """The multi-label one-versus-all loss: the per-class logistic loss averaged over the classes. See
    `nn.MultiLabelSoftMarginLoss`."""
    reduction = _reduction(size_average, reduce, reduction)
    loss = -(target * _F.logsigmoid(input) + (1 - target) * _F.logsigmoid(-input))
    if weight is not None:
        loss = loss * weight
    class_dim = input.dim() - 1
    loss = loss.sum(dim=class_dim) / input.shape[class_dim]
    return _F._reduce(loss, reduction)


def multi_margin_loss(input, target, p=1, margin=1.0, weight=None, size_average=None, reduce=None, reduction="mean"):
    """The multi-class hinge loss: ``sum_{i != y} max(0, margin - x[y] + x[i]) ** p / C`` per sample
    (times ``weight[y]``). See `nn.MultiMarginLoss`."""
    reduction = _reduction(size_average, reduce, reduction)
    if p not in (1, 2):
        raise ValueError("only p == 1 and p == 2 supported")
    x = input if input.dim() == 2 else input.reshape(1, -1)
    y = target.reshape(-1)
    if y.shape[0] != x.shape[0]:
        raise RuntimeError(f"inconsistent target size, expected {x.shape[0]} but got {list(target.shape)}")
    n_classes = x.shape[1]
    picked = x.gather(1, y.unsqueeze(1))
    z = _fg.clamp_min(margin - picked + x, 0)
    if p == 2:
        z = z * z
    if weight is not None:
        z = z * weight.index_select(0, y).unsqueeze(1)
    not_target = _fg.arange(n_classes).unsqueeze(0) != y.unsqueeze(1)
    loss = _fg.where(not_target, z, _fg.zeros_like(z)).sum(1) / n_classes
    if input.dim() < 2:
        loss = loss.reshape(())
    return _F._reduce(loss, reduction)
