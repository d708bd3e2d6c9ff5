"""torch's legacy tensor types (FloatTensor, LongTensor, ...): constructors and isinstance checks keyed on
dtype, and the name <-> dtype table behind Tensor.type()."""
import numbers

import fastgrad as _fg
from ._types import Size, check_cpu_device, cpu_only_error

# legacy name -> the fastgrad attribute holding its dtype (fastgrad has all ten; a name whose dtype were
# missing would still exist for isinstance checks but refuse to construct).
_DTYPE_ATTR = {
    "FloatTensor": "float32", "DoubleTensor": "float64", "HalfTensor": "float16", "BFloat16Tensor": "bfloat16",
    "ByteTensor": "uint8", "CharTensor": "int8", "ShortTensor": "int16", "IntTensor": "int32",
    "LongTensor": "int64", "BoolTensor": "bool",
}


def _dtype_named(attr):
    d = getattr(_fg, attr, None)
    return d if isinstance(d, _fg.dtype) else None


class _LegacyTensorType(type):
    """The metaclass: FloatTensor(...) builds a float32 tensor, isinstance(t, FloatTensor) checks t.dtype."""

    @property
    def dtype(cls):
        return _dtype_named(cls._dtype_attr)

    def __instancecheck__(cls, obj):
        return isinstance(obj, _fg.Tensor) and cls.dtype is not None and obj.dtype is cls.dtype

    def __repr__(cls):
        return f"<class 'torch.{cls.__name__}'>"

    def __call__(cls, *args, device=None):
        check_cpu_device(device, f"torch.{cls.__name__}()")
        dt = cls.dtype
        if dt is None:
            raise TypeError(f"torch.{cls.__name__} needs the {cls._dtype_attr} dtype, which fastgrad does not "
                            "have yet")
        if not args:
            return _fg.empty(0, dtype=dt)
        if len(args) == 1 and isinstance(args[0], _fg.Tensor):
            other = args[0]
            if other.dtype is not dt:
                raise TypeError(f"torch.{cls.__name__}() expected a {dt} tensor, got a {other.dtype} one")
            return other.detach()
        if len(args) == 1 and isinstance(args[0], Size) or all(_is_int(a) for a in args):
            sizes = tuple(args[0]) if isinstance(args[0], Size) else args
            for s in sizes:
                if s < 0:
                    raise RuntimeError(f"Trying to create tensor with negative dimension {s}: {list(sizes)}")
            return _fg.empty(*sizes, dtype=dt)
        if len(args) > 1:
            raise TypeError(f"torch.{cls.__name__}() takes sizes as ints, or one sequence of data, got "
                            f"({', '.join(type(a).__name__ for a in args)})")
        data = args[0]
        if isinstance(data, str):
            raise TypeError("new(): invalid data type 'str'")
        if isinstance(data, (int, float, bool)):
            raise TypeError(f"new(): data must be a sequence (got {type(data).__name__})")
        return _fg.tensor(data, dtype=dt)


def _is_int(a):
    # A size is a Python or numpy integer. numpy arrays also define __index__ but are data: FloatTensor(array)
    # converts the array, as torch does.
    return isinstance(a, numbers.Integral) and not isinstance(a, bool)


def _doc(name, attr):
    return (f"torch's legacy ``{name}`` type for {attr} tensors: ``{name}(2, 3)`` makes an uninitialised tensor "
            f"of that shape, ``{name}([1, 2])`` one from data, and ``isinstance(t, fastgrad.{name})`` tests "
            f"whether ``t.dtype`` is {attr}. A type whose dtype fastgrad does not have refuses to construct.")


LEGACY_TYPES = {name: _LegacyTensorType(name, (), {"_dtype_attr": attr, "__module__": "fastgrad",
                                                   "__doc__": _doc(name, attr)})
                for name, attr in _DTYPE_ATTR.items()}


FloatTensor = LEGACY_TYPES["FloatTensor"]
DoubleTensor = LEGACY_TYPES["DoubleTensor"]
HalfTensor = LEGACY_TYPES["HalfTensor"]
BFloat16Tensor = LEGACY_TYPES["BFloat16Tensor"]
ByteTensor = LEGACY_TYPES["ByteTensor"]
CharTensor = LEGACY_TYPES["CharTensor"]
ShortTensor = LEGACY_TYPES["ShortTensor"]
IntTensor = LEGACY_TYPES["IntTensor"]
LongTensor = LEGACY_TYPES["LongTensor"]
BoolTensor = LEGACY_TYPES["BoolTensor"]


def legacy_name(dtype):
    """'torch.FloatTensor' for float32, as Tensor.type() reports it."""
    for name, attr in _DTYPE_ATTR.items():
        if _dtype_named(attr) is dtype:
            return "torch." + name
    raise TypeError(f"no legacy tensor type for {dtype}")


def dtype_for_type(dst_type):
    """The dtype a Tensor.type()/Module.type() argument names: a dtype, a legacy type or its string."""
    if isinstance(dst_type, _fg.dtype):
        return dst_type
    if isinstance(dst_type, _LegacyTensorType):
        cls = dst_type
    elif isinstance(dst_type, str):
        if dst_type.startswith("torch.cuda."):
            raise cpu_only_error(f"type('{dst_type}')")
        cls = LEGACY_TYPES.get(dst_type[len("torch."):]) if dst_type.startswith("torch.") else None
        if cls is None:
            raise ValueError(f"invalid type: '{dst_type}'")
    else:
        raise TypeError(f"type() expected a dtype, a tensor type or its name, got {type(dst_type).__name__}")
    if cls.dtype is None:
        raise TypeError(f"torch.{cls.__name__} needs the {cls._dtype_attr} dtype, which fastgrad does not have yet")
    return cls.dtype
