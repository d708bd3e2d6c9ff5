"""torch.normal's four forms, built as torch builds them (a standard or scaled normal_ fill, then the
tensor mean and std applied with mul_ / add_), so the same seed gives torch's numbers."""
import fastgrad as _fg
from .autograd import Function


def _check_std_tensor(std):
    if std.numel() > 0 and bool((std < 0).any()):
        raise RuntimeError("normal expects all elements of std >= 0.0")


def _broadcast_shape(a, b):
    ndim = max(len(a), len(b))
    a, b = (1,) * (ndim - len(a)) + a, (1,) * (ndim - len(b)) + b
    out = []
    for x, y in zip(a, b):
        if x != y and 1 not in (x, y):
            raise RuntimeError(f"The size of tensor a ({x}) must match the size of tensor b ({y}) at "
                               f"non-singleton dimension {len(out)}")
        out.append(y if x == 1 else x)
    return tuple(out)


class _ZeroGradSample(Function):
    """torch.normal's autograd: the sample depends on mean and std, but torch defines their
    gradients as zeros (derivatives.yaml), so the result requires grad and backward gives zeros."""

    @staticmethod
    def forward(ctx, sample, mean, std):
        ctx.shapes = tuple(x.shape if isinstance(x, _fg.Tensor) else None for x in (mean, std))
        ctx.dtypes = tuple(x.dtype if isinstance(x, _fg.Tensor) else None for x in (mean, std))
        return sample

    @staticmethod
    def backward(ctx, grad):
        return (None,) + tuple(None if s is None else _fg.zeros(s, dtype=d) for s, d in zip(ctx.shapes, ctx.dtypes))


def normal(mean, std=1.0, size=None, *, generator=None, dtype=None, requires_grad=False):
    """Returns numbers drawn from normal distributions: ``normal(mean, std)`` with tensors (or a tensor and a
    number) draws one number per element with that element's mean and standard deviation;
    ``normal(mean, std, size)`` with two numbers draws a tensor of shape ``size``.

    Args:
        mean (Tensor or float): the mean(s).
        std (Tensor or float): the standard deviation(s), non-negative.
        size (tuple of ints, optional): the shape, when ``mean`` and ``std`` are numbers.
        generator (fastgrad.Generator, optional): the random stream.

    Examples:
        >>> fastgrad.normal(0.0, 1.0, (3,)).shape
        torch.Size([3])
    """
    mean_is_tensor, std_is_tensor = isinstance(mean, _fg.Tensor), isinstance(std, _fg.Tensor)
    if size is not None or not (mean_is_tensor or std_is_tensor):
        if mean_is_tensor or std_is_tensor:
            raise TypeError("normal(): size= is only taken with a float mean and a float std")
        if size is None:
            raise TypeError("normal() missing required argument 'size' (with a float mean and a float std)")
        out = _fg.empty(size, dtype=dtype)
        out.normal_(float(mean), float(std), generator=generator)
        out.requires_grad_(requires_grad)
        return out
    if dtype is not None or requires_grad:
        raise TypeError("normal(): dtype= and requires_grad= are only taken with a float mean and a float std")
    with _fg.no_grad():
        sample = _sample(mean, std, mean_is_tensor, std_is_tensor, generator)
    return _ZeroGradSample.apply(sample, mean, std)


def _sample(mean, std, mean_is_tensor, std_is_tensor, generator):
    if mean_is_tensor and not std_is_tensor:
        if std < 0:
            raise RuntimeError(f"normal expects std >= 0.0, but found std {std}")
        out = _fg.empty(mean.shape, dtype=mean.dtype)
        out.normal_(0.0, float(std), generator=generator)
        return out.add_(mean)
    _check_std_tensor(std)
    if not mean_is_tensor:
        out = _fg.empty(std.shape, dtype=std.dtype)
        out.normal_(0.0, 1.0, generator=generator)
        return out.mul_(std).add_(_fg.full((), float(mean), dtype=out.dtype))
    shape = _broadcast_shape(tuple(mean.shape), tuple(std.shape))
    out = _fg.empty(shape, dtype=mean.dtype)
    out.normal_(0.0, 1.0, generator=generator)
    return out.mul_(std).add_(mean)
