"""Activation modules: thin wrappers over nn.functional with torch's constructor arguments and reprs."""
from . import functional as F
from .module import Module


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
