"""Activation modules: thin wrappers over nn.functional with torch's constructor arguments and reprs."""
import fastgrad as _fg
from . import functional as F
from . import init
from .module import Module
from .parameter import Parameter


class ReLU(Module):
    """Applies the rectified linear unit element-wise: ``max(0, x)``.

    Args:
        inplace (bool): overwrite the input instead of allocating the output. Default: ``False``.

    Shape:
        - Input: ``(*)``, any shape.
        - Output: ``(*)``, the same shape.

    Examples:
        >>> nn.ReLU()(fastgrad.tensor([-1.0, 0.0, 2.0]))
        tensor([0., 0., 2.])
    """

    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def forward(self, input):
        return F.relu(input, inplace=self.inplace)

    def extra_repr(self):
        return "inplace=True" if self.inplace else ""


class LeakyReLU(Module):
    """Applies ``max(0, x) + negative_slope * min(0, x)`` element-wise.

    Args:
        negative_slope (float): the slope for negative inputs. Default: 0.01.
        inplace (bool): overwrite the input. Default: ``False``.

    Shape:
        - Input: ``(*)``; Output: ``(*)``, the same shape.

    Examples:
        >>> nn.LeakyReLU(0.1)(fastgrad.tensor([-2.0, 3.0]))
        tensor([-0.2000,  3.0000])
    """

    def __init__(self, negative_slope=0.01, inplace=False):
        super().__init__()
        self.negative_slope = negative_slope
        self.inplace = inplace

    def forward(self, input):
        return F.leaky_relu(input, self.negative_slope, self.inplace)

    def extra_repr(self):
        return f"negative_slope={self.negative_slope}" + (", inplace=True" if self.inplace else "")


class Sigmoid(Module):
    """Applies the logistic sigmoid ``1 / (1 + exp(-x))`` element-wise.

    Shape:
        - Input: ``(*)``; Output: ``(*)``, the same shape.

    Examples:
        >>> nn.Sigmoid()(fastgrad.tensor([0.0]))
        tensor([0.5000])
    """

    def forward(self, input):
        return F.sigmoid(input)


class Tanh(Module):
    """Applies the hyperbolic tangent element-wise.

    Shape:
        - Input: ``(*)``; Output: ``(*)``, the same shape.

    Examples:
        >>> nn.Tanh()(fastgrad.tensor([0.0, 1.0]))
        tensor([0.0000, 0.7616])
    """

    def forward(self, input):
        return F.tanh(input)


class GELU(Module):
    """Applies the Gaussian Error Linear Unit ``x * Phi(x)`` element-wise (``Phi``: the standard normal CDF).

    Args:
        approximate (str): ``'none'`` (exact) or ``'tanh'`` (the tanh approximation). Default: ``'none'``.

    Shape:
        - Input: ``(*)``; Output: ``(*)``, the same shape.

    Examples:
        >>> nn.GELU()(fastgrad.tensor([-1.0, 0.0, 1.0]))
        tensor([-0.1587,  0.0000,  0.8413])
    """

    def __init__(self, approximate="none"):
        super().__init__()
        self.approximate = approximate

    def forward(self, input):
        return F.gelu(input, approximate=self.approximate)

    def extra_repr(self):
        return f"approximate={self.approximate!r}"


class Softplus(Module):
    """Applies ``1 / beta * log(1 + exp(beta * x))`` element-wise, and ``x`` where ``beta * x > threshold``.

    Args:
        beta (float): Default: 1.
        threshold (float): Default: 20.

    Shape:
        - Input: ``(*)``; Output: ``(*)``, the same shape.

    Examples:
        >>> nn.Softplus()(fastgrad.tensor([0.0]))
        tensor([0.6931])
    """

    def __init__(self, beta=1.0, threshold=20.0):
        super().__init__()
        self.beta = beta
        self.threshold = threshold

    def forward(self, input):
        return F.softplus(input, self.beta, self.threshold)

    def extra_repr(self):
        return f"beta={self.beta}, threshold={self.threshold}"


class Softmax(Module):
    """Applies softmax along ``dim``, so that each slice along it is positive and sums to 1.

    Args:
        dim (int): the dimension to normalise over. (Omitting it is deprecated in torch and warns.)

    Shape:
        - Input: ``(*)``; Output: ``(*)``, the same shape.

    Examples:
        >>> nn.Softmax(dim=1)(fastgrad.tensor([[1.0, 1.0], [0.0, 2.0]]))
        tensor([[0.5000, 0.5000],
                [0.1192, 0.8808]])
    """

    def __init__(self, dim=None):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        return F.softmax(input, self.dim, _stacklevel=5)

    def extra_repr(self):
        return f"dim={self.dim}"


class LogSoftmax(Module):
    """Applies ``log(softmax(x))`` along ``dim``, computed stably as ``x - logsumexp(x)``.

    Args:
        dim (int): the dimension to normalise over.

    Shape:
        - Input: ``(*)``; Output: ``(*)``, the same shape.

    Examples:
        >>> nn.LogSoftmax(dim=0)(fastgrad.tensor([0.0, 0.0]))
        tensor([-0.6931, -0.6931])
    """

    def __init__(self, dim=None):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        return F.log_softmax(input, self.dim, _stacklevel=5)

    def extra_repr(self):
        return f"dim={self.dim}"


def _inplace_str(inplace, first=False):
    if not inplace:
        return ""
    return "inplace=True" if first else ", inplace=True"


class _InplaceActivation(Module):
    """An activation whose only argument is inplace= (SELU, SiLU, Mish, Hardsigmoid, Hardswish)."""
    _fn = None

    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def forward(self, input):
        return type(self)._fn(input, inplace=self.inplace)

    def extra_repr(self):
        return _inplace_str(self.inplace, first=True)


class SELU(_InplaceActivation):
    """Applies SELU element-wise (torch's alpha and scale).

    Args:
        inplace (bool): overwrite the input. Default: ``False``.
    """

    _fn = staticmethod(F.selu)


class SiLU(_InplaceActivation):
    """Applies ``x * sigmoid(x)`` element-wise.

    Args:
        inplace (bool): overwrite the input. Default: ``False``.
    """

    _fn = staticmethod(F.silu)


class Mish(_InplaceActivation):
    """Applies ``x * tanh(softplus(x))`` element-wise.

    Args:
        inplace (bool): overwrite the input. Default: ``False``.
    """

    _fn = staticmethod(F.mish)


class Hardsigmoid(_InplaceActivation):
    """Applies ``min(max(x + 3, 0), 6) / 6`` element-wise.

    Args:
        inplace (bool): overwrite the input. Default: ``False``.
    """

    _fn = staticmethod(F.hardsigmoid)

    def extra_repr(self):
        return ""  # torch's repr leaves inplace out for these two


class Hardswish(Hardsigmoid):
    """Applies ``x * min(max(x + 3, 0), 6) / 6`` element-wise.

    Args:
        inplace (bool): overwrite the input. Default: ``False``.
    """

    _fn = staticmethod(F.hardswish)


class ELU(Module):
    """Applies ``x`` where positive, else ``alpha * (exp(x) - 1)``.

    Args:
        alpha (float): Default: ``1.0``.
        inplace (bool): overwrite the input. Default: ``False``.
    """

    def __init__(self, alpha=1.0, inplace=False):
        super().__init__()
        self.alpha = alpha
        self.inplace = inplace

    def forward(self, input):
        return F.elu(input, self.alpha, self.inplace)

    def extra_repr(self):
        return f"alpha={self.alpha}" + _inplace_str(self.inplace)


class CELU(ELU):
    """Applies ``max(0, x) + min(0, alpha * (exp(x / alpha) - 1))``.

    Args:
        alpha (float): Default: ``1.0``.
        inplace (bool): overwrite the input. Default: ``False``.
    """

    def forward(self, input):
        return F.celu(input, self.alpha, self.inplace)


class Hardtanh(Module):
    """Clamps to ``[min_val, max_val]``.

    Args:
        min_val (float): Default: ``-1.0``.
        max_val (float): Default: ``1.0``.
        inplace (bool): overwrite the input. Default: ``False``.
    """

    def __init__(self, min_val=-1.0, max_val=1.0, inplace=False):
        super().__init__()
        self.min_val = min_val
        self.max_val = max_val
        self.inplace = inplace
        if self.max_val <= self.min_val:
            raise AssertionError(f"max_val ({self.max_val}) must be greater than min_val ({self.min_val})")

    def forward(self, input):
        return F.hardtanh(input, self.min_val, self.max_val, self.inplace)

    def extra_repr(self):
        return f"min_val={self.min_val}, max_val={self.max_val}" + _inplace_str(self.inplace)


class ReLU6(Hardtanh):
    """Clamps to ``[0, 6]``.

    Args:
        inplace (bool): overwrite the input. Default: ``False``.
    """

    def __init__(self, inplace=False):
        super().__init__(0.0, 6.0, inplace)

    def extra_repr(self):
        return _inplace_str(self.inplace, first=True)


class Softsign(Module):
    """Applies ``x / (1 + |x|)`` element-wise."""

    def forward(self, input):
        return F.softsign(input)


class LogSigmoid(Module):
    """Applies ``log(sigmoid(x))`` element-wise."""

    def forward(self, input):
        return F.logsigmoid(input)


class Tanhshrink(Module):
    """Applies ``x - tanh(x)`` element-wise."""

    def forward(self, input):
        return F.tanhshrink(input)


class Softshrink(Module):
    """Shrinks every element towards zero by ``lambd`` (zero inside ``[-lambd, lambd]``).

    Args:
        lambd (float): Default: ``0.5``.
    """

    def __init__(self, lambd=0.5):
        super().__init__()
        self.lambd = lambd

    def forward(self, input):
        return F.softshrink(input, self.lambd)

    def extra_repr(self):
        return str(self.lambd)


class Hardshrink(Softshrink):
    """Zeroes the elements in ``[-lambd, lambd]``.

    Args:
        lambd (float): Default: ``0.5``.
    """

    def forward(self, input):
        return F.hardshrink(input, self.lambd)


class Threshold(Module):
    """Replaces the elements ``<= threshold`` by ``value``.

    Args:
        threshold (float): the cut-off.
        value (float): the replacement.
        inplace (bool): overwrite the input. Default: ``False``.
    """

    def __init__(self, threshold, value, inplace=False):
        super().__init__()
        self.threshold = threshold
        self.value = value
        self.inplace = inplace

    def forward(self, input):
        return F.threshold(input, self.threshold, self.value, self.inplace)

    def extra_repr(self):
        return f"threshold={self.threshold}, value={self.value}" + _inplace_str(self.inplace)


class GLU(Module):
    """The gated linear unit: ``a * sigmoid(b)`` for the two halves ``a, b`` of ``dim``.

    Args:
        dim (int): Default: ``-1``.
    """

    def __init__(self, dim=-1):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        return F.glu(input, self.dim)

    def extra_repr(self):
        return f"dim={self.dim}"


class PReLU(Module):
    """x where positive, else weight * x; one learnable slope, or one per channel (dim 1)."""

    def __init__(self, num_parameters=1, init=0.25, device=None, dtype=None):
        _fg._types.check_cpu_device(device, "PReLU()")
        super().__init__()
        self.num_parameters = num_parameters
        self.init = init
        self.weight = Parameter(_fg.empty(num_parameters, dtype=dtype or _fg.float32))
        self.reset_parameters()

    def reset_parameters(self):
        init.constant_(self.weight, self.init)

    def forward(self, input):
        return F.prelu(input, self.weight)

    def extra_repr(self):
        return f"num_parameters={self.num_parameters}"


class Softmin(Module):
    """Applies softmin (softmax of the negated input) along ``dim``.

    Examples:
        >>> nn.Softmin(dim=0)(fastgrad.tensor([0.0, 1.0]))
        tensor([0.7311, 0.2689])
    """

    def __init__(self, dim=None):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        return F.softmin(input, self.dim, _stacklevel=5)

    def extra_repr(self):
        return f"dim={self.dim}"


class Softmax2d(Module):
    """Applies softmax over the channels (dim -3) of a ``(C, H, W)`` or ``(N, C, H, W)`` input."""

    def forward(self, input):
        if input.dim() not in (3, 4):
            raise ValueError(f"Softmax2d: expected input to be 3D or 4D, got {input.dim()}D instead")
        return F.softmax(input, -3, _stacklevel=5)
