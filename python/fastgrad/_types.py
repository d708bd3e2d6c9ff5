"""Small value types that mirror torch's: Size, dtype, device and the named results of max/min."""
import builtins
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

    def __init__(self, name, itemsize, is_floating_point, is_signed, abbr):
        self._name = name
        self.itemsize = itemsize
        self.is_floating_point = is_floating_point
        self.is_signed = is_signed
        self.is_complex = False  # fastgrad has no complex dtypes
        self.abbr = abbr

    def __repr__(self):
        return "torch." + self._name

    def __reduce__(self):
        return self._name


# In the order of the C++ enum (csrc/tensor/dtype.h): _C._register_dtypes takes them in that order.
float32 = dtype("float32", 4, True, True, "f32")
float64 = dtype("float64", 8, True, True, "f64")
int64 = dtype("int64", 8, False, True, "i64")
bool_ = dtype("bool", 1, False, False, "b8")
int8 = dtype("int8", 1, False, True, "i8")
int16 = dtype("int16", 2, False, True, "i16")
int32 = dtype("int32", 4, False, True, "i32")
uint8 = dtype("uint8", 1, False, False, "u8")
float16 = dtype("float16", 2, True, True, "f16")
bfloat16 = dtype("bfloat16", 2, True, True, "bf16")
ALL_DTYPES = (bool_, int64, float32, float64, int8, int16, int32, uint8, float16, bfloat16)


class layout:
    """How a tensor's elements are stored, as torch.layout: ``fastgrad.strided`` (dense) or
    ``fastgrad.sparse_coo`` (indices and values of the non-zero elements)."""

    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return "torch." + self._name

    def __reduce__(self):
        return self._name


strided = layout("strided")
sparse_coo = layout("sparse_coo")


# The device types torch's parser knows; any of them names a device, only "cpu" holds fastgrad tensors.
_DEVICE_TYPES = ("cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl", "opencl", "ideep", "hip", "ve", "fpga", "maia",
                 "xla", "lazy", "vulkan", "mps", "meta", "hpu", "mtia", "privateuseone")


class NotCompiledWithCUDAError(RuntimeError, AssertionError):
    """Raised where torch built without CUDA raises AssertionError("Torch not compiled with CUDA enabled");
    a RuntimeError too, so both torch's exception class and fastgrad's own convention catch it."""


def cpu_only_error(what):
    return NotCompiledWithCUDAError(f"{what}: fastgrad runs on the CPU only (it is not built with CUDA or any "
                                    "other accelerator)")


class device:
    """A device name as torch.device: device('cuda:1') constructs (so torch code can name devices), but
    fastgrad tensors and modules live on the CPU only and refuse to move anywhere else."""

    def __init__(self, type="cpu", index=None):
        if isinstance(type, device):
            type, index = type.type, type.index if index is None else index
        elif isinstance(type, int) and not isinstance(type, bool):
            # torch: a bare index names the current accelerator, and there is none
            raise RuntimeError("Cannot access accelerator device when none is available.")
        elif not isinstance(type, str):
            raise TypeError(f"device() expected a string, a device or an int, got {builtins.type(type).__name__}")
        name, sep, idx = type.partition(":")
        if name not in _DEVICE_TYPES:
            raise RuntimeError("Expected one of " + ", ".join(_DEVICE_TYPES) + f" device type at start of device "
                               f"string: {type}")
        if sep:
            if index is not None:
                raise RuntimeError(f"type (string) must not include an index because index was passed "
                                   f"explicitly: {type}")
            if not idx.isdigit():
                raise RuntimeError(f"Invalid device string: '{type}'")
            index = int(idx)
        if index is not None and index < 0:
            raise RuntimeError("Device index must not be negative")
        self.type = name
        self.index = index

    def __repr__(self):
        if self.index is None:
            return f"device(type='{self.type}')"
        return f"device(type='{self.type}', index={self.index})"

    def __str__(self):
        return self.type if self.index is None else f"{self.type}:{self.index}"

    def __eq__(self, other):
        # torch compares devices with devices only: device('cpu') == 'cpu' is False
        return isinstance(other, device) and (self.type, self.index) == (other.type, other.index)

    def __hash__(self):
        return hash((self.type, self.index))

    def __reduce__(self):
        return (device, (self.type, self.index))


def check_pin_memory(pin_memory):
    """pin_memory=True asks for page-locked memory for fast device copies; with no device, torch refuses."""
    if pin_memory:
        raise RuntimeError("pin_memory=True requires a CUDA or other accelerator backend; no pinned memory "
                           "allocator is available on this system.")


def check_cpu_device(dev, what="to()"):
    """Accepts None, 'cpu', 'cpu:N' or a cpu device; raises for any other device, naming it."""
    if dev is None:
        return
    d = dev if isinstance(dev, device) else device(dev)
    if d.type != "cpu":
        raise cpu_only_error(f"{what} was asked for device '{d}'")


cpu = device("cpu")

def _return_type(name, fields):
    """A named tuple of results (values, indices ...) printed as torch prints torch.return_types.<name>."""
    cls = namedtuple(name, fields)

    def __repr__(self):
        return f"torch.return_types.{name}(\n" + ",\n".join(f"{f}={v!r}" for f, v in zip(fields, self)) + ")"
    cls.__repr__ = __repr__
    return cls


max = _return_type("max", ["values", "indices"])
min = _return_type("min", ["values", "indices"])
sort = _return_type("sort", ["values", "indices"])
topk = _return_type("topk", ["values", "indices"])
kthvalue = _return_type("kthvalue", ["values", "indices"])
median = _return_type("median", ["values", "indices"])
cummax = _return_type("cummax", ["values", "indices"])
cummin = _return_type("cummin", ["values", "indices"])
mode = _return_type("mode", ["values", "indices"])
histogram = _return_type("histogram", ["hist", "bin_edges"])
aminmax = _return_type("aminmax", ["min", "max"])
nanmedian = _return_type("nanmedian", ["values", "indices"])
