"""Gradient clipping with torch's formulas (norm over all gradients, clip coefficient capped at 1)."""
import math

import fastgrad as _fg


def _grads(parameters):
    if isinstance(parameters, _fg.Tensor):
        parameters = [parameters]
    return [p.grad for p in parameters if p.grad is not None]


def _vector_norm(t, norm_type):
    if norm_type == math.inf:
        return t.abs().max()
    if norm_type == -math.inf:
        return t.abs().min()
    if norm_type == 2.0:
        return (t * t).sum().sqrt()
    if norm_type == 1.0:
        return t.abs().sum()
    if norm_type == 0:
        return (t != 0).to(t.dtype).sum()
    return (t.abs() ** norm_type).sum() ** (1.0 / norm_type)


def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    """Scales the gradients of ``parameters`` in place so that their total norm (as if concatenated into
    one vector) is at most ``max_norm``.

    Args:
        parameters (Tensor or iterable of Tensors): the parameters whose ``.grad`` is clipped.
        max_norm (float): the largest norm allowed.
        norm_type (float): the p of the p-norm; ``inf`` for the largest absolute value. Default: 2.
        error_if_nonfinite (bool): raise if the total norm is NaN or infinite. Default: ``False``.

    Returns:
        Tensor: the total norm before clipping, a 0-d tensor.

    Examples:
        >>> p = nn.Parameter(fastgrad.zeros(2))
        >>> p.grad = fastgrad.tensor([3.0, 4.0])
        >>> nn.utils.clip_grad_norm_([p], max_norm=1.0)
        tensor(5.)
        >>> p.grad
        tensor([0.6000, 0.8000])
    """
    grads = _grads(parameters)
    norm_type = float(norm_type)
    if not grads:
        return _fg.tensor(0.0)
    with _fg.no_grad():
        norms = _fg.stack([_vector_norm(g.detach(), norm_type) for g in grads])
        total_norm = _vector_norm(norms, norm_type)
        value = total_norm.item()
        if error_if_nonfinite and (math.isnan(value) or math.isinf(value)):
            raise RuntimeError(f"The total norm of order {norm_type} for gradients from `parameters` is "
                               "non-finite, so it cannot be clipped. To disable this error and scale the "
                               "gradients by the non-finite norm anyway, set `error_if_nonfinite=False`")
        clip_coef = _fg.clamp(max_norm / (total_norm + 1e-6), max=1.0)
        for g in grads:
            g.mul_(clip_coef.to(g.dtype))
    return total_norm


def clip_grad_value_(parameters, clip_value, foreach=None):
    """Clamps the gradients of ``parameters`` in place into ``[-clip_value, clip_value]``.

    Args:
        parameters (Tensor or iterable of Tensors): the parameters whose ``.grad`` is clipped.
        clip_value (float): the bound.

    Examples:
        >>> p = nn.Parameter(fastgrad.zeros(2))
        >>> p.grad = fastgrad.tensor([3.0, -0.5])
        >>> nn.utils.clip_grad_value_([p], 1.0)
        >>> p.grad
        tensor([ 1.0000, -0.5000])
    """
    clip_value = float(clip_value)
    with _fg.no_grad():
        for g in _grads(parameters):
            g.clamp_(min=-clip_value, max=clip_value)
