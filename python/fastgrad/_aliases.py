"""torch's alternative names for fastgrad ops (numpy-style and older spellings): each is bound to the very
same function object as the op it names, as torch's docs say "Alias for torch.abs()"."""
from . import _C

# alias -> the op it is another name for; bound on the module and, where torch has it, on Tensor
_FUNCTION_ALIASES = {
    "absolute": "abs", "arccos": "acos", "arcsin": "asin", "arctan": "atan", "arccosh": "acosh",
    "arcsinh": "asinh", "arctanh": "atanh", "multiply": "mul", "divide": "div", "subtract": "sub",
    "greater": "gt", "greater_equal": "ge", "less": "lt", "less_equal": "le", "not_equal": "ne",
    "concatenate": "cat", "concat": "cat", "swapdims": "swapaxes", "fix": "trunc",
}
_TENSOR_ONLY = {"concatenate", "concat"}  # torch.Tensor has no cat


def install(namespace):
    for alias, target in _FUNCTION_ALIASES.items():
        if hasattr(namespace, target) and not hasattr(namespace, alias):
            setattr(namespace, alias, getattr(namespace, target))
        if alias in _TENSOR_ONLY:
            continue
        cls = _C.Tensor
        if target in cls.__dict__ and alias not in cls.__dict__:
            setattr(cls, alias, cls.__dict__[target])
