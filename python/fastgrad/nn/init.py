"""nn.init: in-place initialisers with torch's fan and gain rules. All run under no_grad, as torch's do."""
import math
import warnings

import fastgrad as _fg


def calculate_gain(nonlinearity, param=None):
    """Returns torch's recommended gain for a nonlinearity (used by the Xavier and Kaiming initialisers).

    Args:
        nonlinearity (str): ``'linear'``, ``'conv*'``, ``'sigmoid'``, ``'tanh'``, ``'relu'``, ``'leaky_relu'`` or ``'selu'``.
        param (float, optional): the negative slope of ``'leaky_relu'``.

    Examples:
        >>> nn.init.calculate_gain("relu")
        1.4142135623730951
    """
    linear_fns = ["linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
                  "conv_transpose3d"]
    if nonlinearity in linear_fns or nonlinearity == "sigmoid":
        return 1
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        if param is None:
            negative_slope = 0.01
        elif not isinstance(param, bool) and isinstance(param, (int, float)):
            negative_slope = param
        else:
            raise ValueError(f"negative_slope {param} not a valid number")
        return math.sqrt(2.0 / (1 + negative_slope ** 2))
    if nonlinearity == "selu":
        return 3.0 / 4
    raise ValueError(f"Unsupported nonlinearity {nonlinearity}")


def _calculate_fan_in_and_fan_out(tensor):
    dimensions = tensor.dim()
    if dimensions < 2:
        raise ValueError("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
    num_input_fmaps = tensor.shape[1]
    num_output_fmaps = tensor.shape[0]
    receptive_field_size = 1
    for s in tensor.shape[2:]:
        receptive_field_size *= s
    return num_input_fmaps * receptive_field_size, num_output_fmaps * receptive_field_size


def _calculate_correct_fan(tensor, mode):
    mode = mode.lower()
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"Mode {mode} not supported, please use one of fan_in, fan_out")
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    return fan_in if mode == "fan_in" else fan_out


def uniform_(tensor, a=0.0, b=1.0, generator=None):
    """Fills ``tensor`` in place with values drawn from ``U(a, b)``.

    Args:
        tensor (Tensor): the tensor to fill.
        a (float): the lower bound. Default: 0.
        b (float): the upper bound. Default: 1.
        generator (fastgrad.Generator, optional): the random stream.

    Examples:
        >>> w = nn.init.uniform_(fastgrad.empty(3, 5), -0.1, 0.1)
        >>> bool((w.abs() <= 0.1).all())
        True
    """
    with _fg.no_grad():
        return tensor.uniform_(a, b, generator=generator)


def normal_(tensor, mean=0.0, std=1.0, generator=None):
    """Fills ``tensor`` in place with values drawn from ``N(mean, std**2)``.

    Args:
        tensor (Tensor): the tensor to fill.
        mean (float): Default: 0.
        std (float): Default: 1.
        generator (fastgrad.Generator, optional): the random stream.

    Examples:
        >>> nn.init.normal_(fastgrad.empty(3, 5)).shape
        torch.Size([3, 5])
    """
    with _fg.no_grad():
        return tensor.normal_(mean, std, generator=generator)


def constant_(tensor, val):
    """Fills ``tensor`` in place with ``val``.

    Args:
        tensor (Tensor): the tensor to fill.
        val (float): the value.

    Examples:
        >>> nn.init.constant_(fastgrad.empty(2), 0.3)
        tensor([0.3000, 0.3000])
    """
    with _fg.no_grad():
        return tensor.fill_(val)


def ones_(tensor):
    """Fills ``tensor`` in place with ones.

    Args:
        tensor (Tensor): the tensor to fill.

    Examples:
        >>> nn.init.ones_(fastgrad.empty(2))
        tensor([1., 1.])
    """
    return constant_(tensor, 1.0)


def zeros_(tensor):
    """Fills ``tensor`` in place with zeros.

    Args:
        tensor (Tensor): the tensor to fill.

    Examples:
        >>> nn.init.zeros_(fastgrad.empty(2))
        tensor([0., 0.])
    """
    with _fg.no_grad():
        return tensor.zero_()


def xavier_uniform_(tensor, gain=1.0, generator=None):
    """Fills ``tensor`` with Glorot uniform values: ``U(-a, a)`` with
    ``a = gain * sqrt(6 / (fan_in + fan_out))``.

    Args:
        tensor (Tensor): at least 2-D.
        gain (float): Default: 1.
        generator (fastgrad.Generator, optional): the random stream.

    Examples:
        >>> nn.init.xavier_uniform_(fastgrad.empty(3, 5), gain=nn.init.calculate_gain("relu")).shape
        torch.Size([3, 5])
    """
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    std = gain * math.sqrt(2.0 / float(fan_in + fan_out))
    a = math.sqrt(3.0) * std
    return uniform_(tensor, -a, a, generator)


def xavier_normal_(tensor, gain=1.0, generator=None):
    """Fills ``tensor`` with Glorot normal values: ``N(0, std**2)`` with
    ``std = gain * sqrt(2 / (fan_in + fan_out))``.

    Args:
        tensor (Tensor): at least 2-D.
        gain (float): Default: 1.
        generator (fastgrad.Generator, optional): the random stream.

    Examples:
        >>> nn.init.xavier_normal_(fastgrad.empty(3, 5)).shape
        torch.Size([3, 5])
    """
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    std = gain * math.sqrt(2.0 / float(fan_in + fan_out))
    return normal_(tensor, 0.0, std, generator)


def kaiming_uniform_(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu", generator=None):
    """Fills ``tensor`` with He uniform values: ``U(-bound, bound)`` with
    ``bound = gain * sqrt(3 / fan)``, the gain taken from ``nonlinearity`` and ``a``.

    Args:
        tensor (Tensor): at least 2-D.
        a (float): the negative slope of the rectifier after this layer (``'leaky_relu'``). Default: 0.
        mode (str): ``'fan_in'`` (keeps the forward variance) or ``'fan_out'`` (the backward one). Default: ``'fan_in'``.
        nonlinearity (str): ``'relu'`` or ``'leaky_relu'`` (recommended). Default: ``'leaky_relu'``.
        generator (fastgrad.Generator, optional): the random stream.

    Examples:
        >>> nn.init.kaiming_uniform_(fastgrad.empty(3, 5), mode="fan_in", nonlinearity="relu").shape
        torch.Size([3, 5])
    """
    if 0 in tuple(tensor.shape):
        return tensor
    fan = _calculate_correct_fan(tensor, mode)
    gain = calculate_gain(nonlinearity, a)
    std = gain / math.sqrt(fan)
    bound = math.sqrt(3.0) * std
    return uniform_(tensor, -bound, bound, generator)


def kaiming_normal_(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu", generator=None):
    """Fills ``tensor`` with He normal values: ``N(0, std**2)`` with ``std = gain / sqrt(fan)``.

    Args:
        tensor (Tensor): at least 2-D.
        a (float): the negative slope of the rectifier after this layer. Default: 0.
        mode (str): ``'fan_in'`` or ``'fan_out'``. Default: ``'fan_in'``.
        nonlinearity (str): ``'relu'`` or ``'leaky_relu'``. Default: ``'leaky_relu'``.
        generator (fastgrad.Generator, optional): the random stream.

    Examples:
        >>> nn.init.kaiming_normal_(fastgrad.empty(3, 5), mode="fan_out", nonlinearity="relu").shape
        torch.Size([3, 5])
    """
    if 0 in tuple(tensor.shape):
        return tensor
    fan = _calculate_correct_fan(tensor, mode)
    gain = calculate_gain(nonlinearity, a)
    std = gain / math.sqrt(fan)
    return normal_(tensor, 0.0, std, generator)


def sparse_(tensor, sparsity, std=0.01, generator=None):
    """A 2-D tensor drawn from N(0, std) with ceil(sparsity * rows) zeros per column, as torch: the
    zero rows of each column come from a randperm of the default generator (torch does not pass
    ``generator`` to it either)."""
    if tensor.dim() != 2:
        raise ValueError("Only tensors with 2 dimensions are supported")
    rows, cols = tensor.shape
    num_zeros = int(math.ceil(sparsity * rows))
    with _fg.no_grad():
        tensor.normal_(0, std, generator=generator)
        for col_idx in range(cols):
            zero_indices = _fg.randperm(rows)[:num_zeros]
            tensor[zero_indices, col_idx] = 0
    return tensor


def trunc_normal_(tensor, mean=0.0, std=1.0, a=-2.0, b=2.0, generator=None):
    """N(mean, std) truncated to [a, b] by torch 2.13's rejection sampling, draw for draw: normal
    draws redrawn where they fall outside when [a, b] holds over 30% of the mass, else uniform
    proposals on [a, b] accepted against the log density."""
    def norm_cdf(x):
        return (1.0 + math.erf(x / math.sqrt(2.0))) / 2.0

    if (mean < a - 2 * std) or (mean > b + 2 * std):
        warnings.warn("mean is more than 2 std from [a, b] in nn.init.trunc_normal_. "
                      "The distribution of values may be incorrect.", stacklevel=2)
    with _fg.no_grad():
        p = norm_cdf((b - mean) / std) - norm_cdf((a - mean) / std)
        if p > 0.3:
            lo, hi = _fg.tensor(a, dtype=tensor.dtype).item(), _fg.tensor(b, dtype=tensor.dtype).item()
            result = tensor.normal_(mean, std, generator=generator)
            while True:
                mask = (result < lo) | (result > hi)
                if not mask.any():
                    break
                result = _fg.where(mask, _fg.empty_like(result).normal_(mean, std, generator=generator), result)
            if tensor is not result:
                tensor.copy_(result)
            return tensor
        mode = max(a, min(mean, b))
        log_peak = -0.5 * ((mode - mean) / std) ** 2

        def log_density_gap(x):  # -0.5 * ((x - mean) / std) ** 2 - log_peak, in torch's op order
            return x.sub_(mean).div_(std).pow_(2).mul_(-0.5).sub_(log_peak)

        candidates, accept_buf = _fg.empty_like(tensor), _fg.empty_like(tensor)
        tensor.uniform_(a, b, generator=generator)
        candidates.copy_(tensor)
        log_density_gap(candidates)
        pending = accept_buf.uniform_(generator=generator).log_().gt(candidates)
        if pending.any():
            result = tensor
            while True:
                candidates.uniform_(a, b, generator=generator)
                result = _fg.where(pending, candidates, result)
                log_density_gap(candidates)
                pending = _fg.where(pending, accept_buf.uniform_(generator=generator).log_().gt(candidates), pending)
                if not pending.any():
                    break
            tensor.copy_(result)
        return tensor
