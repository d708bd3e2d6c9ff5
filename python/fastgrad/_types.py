"""Small value types that mirror torch's: Size, dtype, device and the named results of max/min."""
from collections import namedtuple


class Size(tuple):
    """The shape of a tensor: a tuple of ints, as torch.Size."""

    def __repr__(self):
        return "torch.Size([" + ", ".join(str(s) for s in self) + "])"

    def numel(self):
        n = 1
        for s in self:
            n *= s
        return n

    def __getitem__(self, item):
        r = super().__getitem__(item)
        return Size(r) if isinstance(item, slice) else r

    def __add__(self, other):
        return Size(tuple(self) + tuple(other))


class dtype:
    """A tensor element type; compared by identity, like torch.dtype."""

    def __init__(self, name, itemsize, is_floating_point):
        self._name = name
        self.itemsize = itemsize
        self.is_floating_point = is_floating_point

    def __repr__(self):
        return "torch." + self._name

    def __reduce__(self):
        return self._name


float32 = dtype("float32", 4, True)
float64 = dtype("float64", 8, True)
int64 = dtype("int64", 8, False)
bool_ = dtype("bool", 1, False)


class device:
    """fastgrad computes on the CPU only; device('cpu') exists so torch code that names it runs."""

    def __init__(self, type="cpu", index=None):
        if isinstance(type, device):
            type = type.type
        name = str(type).split(":")[0]
        if name != "cpu":
            raise RuntimeError(f"fastgrad runs on the CPU only; got device '{type}'")
        self.type = "cpu"
        self.index = index

    def __repr__(self):
        return "device(type='cpu')"

    def __str__(self):
        return "cpu"

    def __eq__(self, other):
        return isinstance(other, (device, str)) and str(other).split(":")[0] == "cpu"

    def __hash__(self):
        return hash("cpu")


cpu = device("cpu")

max = namedtuple("max", ["values", "indices"])
min = namedtuple("min", ["values", "indices"])
