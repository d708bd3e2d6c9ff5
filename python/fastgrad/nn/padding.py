"""Padding modules (torch.nn.modules.padding): ZeroPad, ConstantPad, ReflectionPad, ReplicationPad and
CircularPad in 1, 2 and 3 dims, each a call of `nn.functional.pad`."""
from . import functional as F
from .module import Module


class _PadNd(Module):
    _mode = "constant"
    _dims = 1

    def __init__(self, padding, value=None):
        super().__init__()
        self.padding = (padding,) * (2 * self._dims) if isinstance(padding, int) else tuple(padding)
        if len(self.padding) != 2 * self._dims:
            raise ValueError(f"{type(self).__name__}: padding must be an int or a tuple of {2 * self._dims} ints, "
                             f"got {padding}")
        if value is not None:
            self.value = value

    def forward(self, input):
        if self._mode == "constant":
            return F.pad(input, self.padding, "constant", getattr(self, "value", 0.0))
        return F.pad(input, self.padding, self._mode)

    def extra_repr(self):
        # torch: ConstantPadNd names both, the others show the padding tuple alone
        if type(self).__name__.startswith("Constant"):
            return f"padding={self.padding}, value={self.value}"
        return str(self.padding)


def _make(name, mode, dims, constant_value=False, doc=""):
    if constant_value:
        def __init__(self, padding, value):
            _PadNd.__init__(self, padding, value)
    elif mode == "constant":
        def __init__(self, padding):
            _PadNd.__init__(self, padding, 0.0)
    else:
        def __init__(self, padding):
            _PadNd.__init__(self, padding)
    cls = type(name, (_PadNd,), {"_mode": mode, "_dims": dims, "__init__": __init__, "__doc__": doc,
                                 "__module__": __name__})
    return cls


_DOCS = {"Zero": "Pads the last {n} dim(s) with zeros", "Constant": "Pads the last {n} dim(s) with ``value``",
         "Reflection": "Pads the last {n} dim(s) with the reflection of the input (without the edge)",
         "Replication": "Pads the last {n} dim(s) by repeating the edge", "Circular": "Pads the last {n} dim(s) "
         "by wrapping around"}
for _kind, _mode in (("Zero", "constant"), ("Constant", "constant"), ("Reflection", "reflect"),
                     ("Replication", "replicate"), ("Circular", "circular")):
    for _n in (1, 2, 3):
        _name = f"{_kind}Pad{_n}d"
        _doc = (_DOCS[_kind].format(n=_n) + "; ``padding`` is an int or a tuple of " + str(2 * _n) +
                " ints (left, right, top, bottom, front, back). See `nn.functional.pad`.")
        globals()[_name] = _make(_name, _mode, _n, constant_value=_kind == "Constant", doc=_doc)
del _kind, _mode, _n, _name, _doc

__all__ = [f"{k}Pad{n}d" for k in ("Zero", "Constant", "Reflection", "Replication", "Circular") for n in (1, 2, 3)]
