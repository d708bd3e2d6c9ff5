"""torch.finfo and torch.iinfo (the numerical limits of the floating and integer dtypes, with torch's fields)
and the dtype predicates torch.is_floating_point / torch.is_signed."""
import builtins

from . import _C
from ._types import bfloat16, bool_, dtype as _dtype, float16, float32, float64, int8, int16, int32, int64, uint8

# bits, eps, max, smallest normal (= tiny), resolution (10 ** -(decimal digits of precision))
_FLOAT_LIMITS = {
    float16: (16, 2.0 ** -10, 65504.0, 2.0 ** -14, 1e-3),
    bfloat16: (16, 2.0 ** -7, 3.3895313892515355e+38, 2.0 ** -126, 1e-2),
    float32: (32, 2.0 ** -23, 3.4028234663852886e+38, 2.0 ** -126, 1e-6),
    float64: (64, 2.0 ** -52, 1.7976931348623157e+308, 2.0 ** -1022, 1e-15),
}
_INT_BITS = {uint8: 8, int8: 8, int16: 16, int32: 32, int64: 64}


def _name(d):
    return repr(d)[len("torch."):]


class finfo:
    """Machine limits of a floating dtype (the default dtype when none is given), as torch.finfo:
    bits, eps, max, min, tiny, smallest_normal, resolution and dtype (its name)."""

    def __init__(self, type=None):  # noqa: A002  (torch's parameter name)
        if type is None:
            type = _C.get_default_dtype()
        if not isinstance(type, _dtype):
            raise TypeError(f"finfo(): argument 'type' must be torch.dtype, not {builtins.type(type).__name__}")
        if type not in _FLOAT_LIMITS:
            raise TypeError("torch.finfo() requires a floating point input type. Use torch.iinfo to handle "
                            "'torch.finfo'")
        self.bits, self.eps, self.max, self.smallest_normal, self.resolution = _FLOAT_LIMITS[type]
        self.min = -self.max
        self.tiny = self.smallest_normal
        self.dtype = _name(type)

    def __eq__(self, other):
        return isinstance(other, finfo) and self.dtype == other.dtype

    __hash__ = None  # torch.finfo is unhashable too

    def __repr__(self):
        return (f"finfo(resolution={self.resolution:g}, min={self.min:g}, max={self.max:g}, eps={self.eps:g}, "
                f"smallest_normal={self.smallest_normal:g}, tiny={self.tiny:g}, dtype={self.dtype})")


class iinfo:
    """Machine limits of an integer dtype, as torch.iinfo: bits, max, min and dtype (its name)."""

    def __init__(self, type):  # noqa: A002
        if not isinstance(type, _dtype):
            raise TypeError(f"iinfo(): argument 'type' must be torch.dtype, not {builtins.type(type).__name__}")
        if type is bool_:
            raise TypeError("torch.bool is not supported by torch.iinfo")
        if type not in _INT_BITS:
            raise TypeError("torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'")
        self.bits = _INT_BITS[type]
        self.min, self.max = (0, 255) if type is uint8 else (-2 ** (self.bits - 1), 2 ** (self.bits - 1) - 1)
        self.dtype = _name(type)

    def __eq__(self, other):
        return isinstance(other, iinfo) and self.dtype == other.dtype

    __hash__ = None

    def __repr__(self):
        return f"iinfo(min={self.min:g}, max={self.max:g}, dtype={self.dtype})"



def is_floating_point(input):  # noqa: A002
    """Whether ``input``'s dtype is a floating point one (float16, bfloat16, float32 or float64)."""
    return input.is_floating_point()


def is_signed(input):  # noqa: A002
    """Whether ``input``'s dtype holds negative values (every dtype but bool and uint8)."""
    return input.is_signed()
