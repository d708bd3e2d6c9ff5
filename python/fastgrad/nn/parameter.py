"""Parameter: a leaf tensor that a Module registers as trainable when assigned as an attribute."""
from .. import Tensor
import fastgrad as _fg

# torch builds a subclass instance around existing data with Tensor._make_subclass. A pybind11 Tensor
# can instead offer a constructor taking a Tensor (sharing its storage): the subclass then allocates with
# the default __new__ and builds the C++ part in __init__. Either lets isinstance(p, Parameter) hold.
_MAKE_SUBCLASS = getattr(Tensor, "_make_subclass", None)


class Parameter(Tensor):
    """A Tensor subclass, so ``isinstance(p, nn.Parameter)`` and ``isinstance(p, fastgrad.Tensor)`` both hold.

    The parameter shares storage with ``data`` (as torch's does) but is a fresh leaf, detached from
    whatever graph produced ``data``.
    """

    def __new__(cls, data=None, requires_grad=True):
        if _MAKE_SUBCLASS is not None:
            if data is None:
                data = _fg.empty(0)
            return _MAKE_SUBCLASS(cls, data.detach(), requires_grad)
        return super().__new__(cls)

    def __init__(self, data=None, requires_grad=True):
        if _MAKE_SUBCLASS is None:
            if data is None:
                data = _fg.empty(0)
            Tensor.__init__(self, data.detach())
            self.requires_grad_(requires_grad)

    # Identity hashing: optimizer state and memo sets key on the parameter object, never on its values.
    __hash__ = object.__hash__

    def __repr__(self):
        return "Parameter containing:\n" + super().__repr__()

    __str__ = __repr__

    def __deepcopy__(self, memo):
        if id(self) in memo:
            return memo[id(self)]
        result = type(self)(self.detach().clone(), self.requires_grad)
        memo[id(self)] = result
        return result

    def __reduce_ex__(self, protocol):
        return (Parameter, (self.detach().clone(), self.requires_grad))
