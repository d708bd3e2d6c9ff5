"""LayerNorm: normalises over the trailing normalized_shape dims of each sample."""
import numbers

import fastgrad as _fg
from . import functional as F
from . import init
from .module import Module
from .parameter import Parameter


class LayerNorm(Module):
    """Layer normalisation over the last dimensions of the input (those of ``normalized_shape``):
    ``y = (x - mean) / sqrt(var + eps) * weight + bias``, statistics per sample. One fused C++ operation.

    Args:
        normalized_shape (int or tuple of ints): the shape of the normalised trailing dimensions.
        eps (float): added to the variance. Default: 1e-5.
        elementwise_affine (bool): learn ``weight`` (ones) and ``bias`` (zeros). Default: ``True``.
        bias (bool): learn ``bias`` too. Default: ``True``.

    Shape:
        - Input: ``(N, *)``; Output: the same shape.

    Examples:
        >>> ln = nn.LayerNorm(4)
        >>> y = ln(fastgrad.randn(2, 4))
        >>> y.mean(dim=-1).abs().max().item() < 1e-5
        True
    """

    def __init__(self, normalized_shape, eps=1e-5, elementwise_affine=True, bias=True, device=None, dtype=None):
        super().__init__()
        if isinstance(normalized_shape, numbers.Integral):
            normalized_shape = (normalized_shape,)
        self.normalized_shape = tuple(normalized_shape)
        self.eps = eps
        self.elementwise_affine = elementwise_affine
        dtype = dtype or _fg.float32
        if elementwise_affine:
            self.weight = Parameter(_fg.empty(self.normalized_shape, dtype=dtype, device=device))
            if bias:
                self.bias = Parameter(_fg.empty(self.normalized_shape, dtype=dtype, device=device))
            else:
                self.register_parameter("bias", None)
        else:
            self.register_parameter("weight", None)
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        if self.elementwise_affine:
            init.ones_(self.weight)
            if self.bias is not None:
                init.zeros_(self.bias)

    def forward(self, input):
        return F.layer_norm(input, self.normalized_shape, self.weight, self.bias, self.eps)

    def extra_repr(self):
        return (f"{self.normalized_shape}, eps={self.eps}, elementwise_affine={self.elementwise_affine}, "
                f"bias={self.bias is not None}")


class RMSNorm(Module):
    """Root-mean-square normalisation over the trailing ``normalized_shape`` dims:
    ``y = x / sqrt(mean(x**2) + eps) * weight``. ``eps`` defaults to the dtype's machine epsilon.

    Examples:
        >>> nn.RMSNorm(2)(fastgrad.tensor([[3.0, 4.0]]))
        tensor([[0.8485, 1.1314]], grad_fn=<MulBackward0>)
    """

    def __init__(self, normalized_shape, eps=None, elementwise_affine=True, device=None, dtype=None):
        super().__init__()
        shape = (normalized_shape,) if isinstance(normalized_shape, numbers.Integral) else tuple(normalized_shape)
        self.normalized_shape = shape
        self.eps = eps
        self.elementwise_affine = elementwise_affine
        if elementwise_affine:
            self.weight = Parameter(_fg.ones(shape, dtype=dtype or _fg.float32, device=device))
        else:
            self.register_parameter("weight", None)

    def reset_parameters(self):
        if self.weight is not None:
            init.ones_(self.weight)

    def forward(self, input):
        return F.rms_norm(input, self.normalized_shape, self.weight, self.eps)

    def extra_repr(self):
        return f"{self.normalized_shape}, eps={self.eps}, elementwise_affine={self.elementwise_affine}"
