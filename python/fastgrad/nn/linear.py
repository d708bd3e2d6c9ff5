"""Linear and Identity."""
import math

import fastgrad as _fg
from . import functional as F
from . import init
from .module import Module
from .parameter import Parameter


class Identity(Module):
    """A placeholder layer that returns its input unchanged (constructor arguments are accepted and unused,
    as in torch).

    Examples:
        >>> nn.Identity()(fastgrad.tensor([1.0, 2.0]))
        tensor([1., 2.])
    """

    def __init__(self, *args, **kwargs):
        super().__init__()

    def forward(self, input):
        return input


class Linear(Module):
    """Applies an affine transformation to the last dimension: ``y = x @ weight.T + bias``.

    The weight and bias are initialised as torch initialises them, from
    ``U(-1/sqrt(in_features), 1/sqrt(in_features))``.

    Args:
        in_features (int): size of each input sample.
        out_features (int): size of each output sample.
        bias (bool): whether to learn an additive bias. Default: ``True``.
        dtype (fastgrad.dtype, optional): the parameters' dtype. Default: ``fastgrad.float32``.

    Shape:
        - Input: ``(*, in_features)``
        - Output: ``(*, out_features)``

    Attributes:
        weight (Parameter): ``(out_features, in_features)``.
        bias (Parameter): ``(out_features,)``, or ``None``.

    Examples:
        >>> m = nn.Linear(20, 30)
        >>> m(fastgrad.randn(128, 20)).shape
        torch.Size([128, 30])
    """

    def __init__(self, in_features, out_features, bias=True, device=None, dtype=None):
        super().__init__()
        self.in_features = in_features
        self.out_features = out_features
        dtype = dtype or _fg.float32
        self.weight = Parameter(_fg.empty((out_features, in_features), dtype=dtype, device=device))
        if bias:
            self.bias = Parameter(_fg.empty(out_features, dtype=dtype, device=device))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        # torch's default: kaiming_uniform_(a=sqrt(5)) gives U(-1/sqrt(fan_in), 1/sqrt(fan_in)) on weights.
        init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            fan_in, _ = init._calculate_fan_in_and_fan_out(self.weight)
            bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0
            init.uniform_(self.bias, -bound, bound)

    def forward(self, input):
        return F.linear(input, self.weight, self.bias)

    def extra_repr(self):
        return f"in_features={self.in_features}, out_features={self.out_features}, bias={self.bias is not None}"


class Bilinear(Module):
    """``y = x1^T A x2 + b`` for each output feature: ``y[..., o] = sum_ij x1[..., i] A[o, i, j] x2[..., j] +
    b[o]``. Weight and bias start as torch's, ``U(-1/sqrt(in1_features), 1/sqrt(in1_features))``.

    Args:
        in1_features (int), in2_features (int): sizes of the two inputs' last dims.
        out_features (int): size of the output's last dim.
        bias (bool): whether to learn ``b``. Default: ``True``.

    Examples:
        >>> m = nn.Bilinear(20, 30, 40)
        >>> m(fastgrad.randn(128, 20), fastgrad.randn(128, 30)).shape
        torch.Size([128, 40])
    """

    def __init__(self, in1_features, in2_features, out_features, bias=True, device=None, dtype=None):
        super().__init__()
        self.in1_features, self.in2_features, self.out_features = in1_features, in2_features, out_features
        dtype = dtype or _fg.float32
        self.weight = Parameter(_fg.empty((out_features, in1_features, in2_features), dtype=dtype, device=device))
        if bias:
            self.bias = Parameter(_fg.empty(out_features, dtype=dtype, device=device))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        bound = 1 / math.sqrt(self.weight.shape[1])
        init.uniform_(self.weight, -bound, bound)
        if self.bias is not None:
            init.uniform_(self.bias, -bound, bound)

    def forward(self, input1, input2):
        return F.bilinear(input1, input2, self.weight, self.bias)

    def extra_repr(self):
        return (f"in1_features={self.in1_features}, in2_features={self.in2_features}, "
                f"out_features={self.out_features}, bias={self.bias is not None}")
