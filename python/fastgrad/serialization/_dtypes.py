"""The one table that ties a tensor element type to its names in each checkpoint format.

Each row names a dtype as fastgrad and torch spell it, torch's storage class (what torch's pickles
reference), the safetensors code and the numpy type that holds its bytes. A row whose dtype fastgrad
does not have yet still lets its files load: the values are widened to ``widen_to``. When fastgrad
gains the dtype (``fastgrad.<name>`` exists), the same row makes it load, save and round-trip exactly.
"""
from collections import namedtuple

import numpy as np

DtypeRow = namedtuple("DtypeRow", "name storage safetensors numpy widen_to")

# numpy "<u2" for bfloat16: numpy has no bfloat16, its bytes are the high half of a float32.
ROWS = (
    DtypeRow("float32", "FloatStorage", "F32", "<f4", None),
    DtypeRow("float64", "DoubleStorage", "F64", "<f8", None),
    DtypeRow("int64", "LongStorage", "I64", "<i8", None),
    DtypeRow("bool", "BoolStorage", "BOOL", "|b1", None),
    DtypeRow("float16", "HalfStorage", "F16", "<f2", "float32"),
    DtypeRow("bfloat16", "BFloat16Storage", "BF16", "<u2", "float32"),
    DtypeRow("int32", "IntStorage", "I32", "<i4", "int64"),
    DtypeRow("int16", "ShortStorage", "I16", "<i2", "int64"),
    DtypeRow("int8", "CharStorage", "I8", "|i1", "int64"),
    DtypeRow("uint8", "ByteStorage", "U8", "|u1", "int64"),
)

BY_NAME = {r.name: r for r in ROWS}
BY_STORAGE = {r.storage: r for r in ROWS}
BY_SAFETENSORS = {r.safetensors: r for r in ROWS}
# torch.UntypedStorage holds bytes; torch saves it with numel counted in bytes.
BY_STORAGE["UntypedStorage"] = BY_NAME["uint8"]


def fastgrad_dtype(name):
    """fastgrad's dtype object called ``name``, or None when fastgrad does not have it yet."""
    import fastgrad
    from .._types import dtype
    value = getattr(fastgrad, name, None)
    return value if isinstance(value, dtype) else None


def row_of(fg_dtype):
    """The table row of a fastgrad dtype object."""
    row = BY_NAME.get(getattr(fg_dtype, "_name", None))
    if row is None:
        raise TypeError(f"fastgrad.save: no checkpoint encoding for dtype {fg_dtype}")
    return row


# numpy has no bfloat16: its bits travel in uint16 arrays tagged with this dtype, so that an array made
# from a bfloat16 tensor is told apart from a genuine uint16 one (which fastgrad has no dtype for).
BFLOAT16_BITS = np.dtype("<u2", metadata={"fastgrad_dtype": "bfloat16"})


def is_bfloat16_bits(arr):
    return (arr.dtype.metadata or {}).get("fastgrad_dtype") == "bfloat16"


def tensor_array(tensor):
    """A numpy view of a tensor's memory (bfloat16 as tagged uint16 bits)."""
    t = tensor.detach()
    if t.dtype is fastgrad_dtype("bfloat16"):
        return t.view(fastgrad_dtype("int16")).numpy().view(BFLOAT16_BITS)
    return t.numpy()


def array_tensor(arr, dtype):
    """A tensor of ``dtype`` sharing ``arr``'s memory (bfloat16 from its uint16 bits)."""
    from .. import _C
    if dtype is fastgrad_dtype("bfloat16"):
        return _C.from_numpy(arr.view(np.int16)).view(dtype)
    return _C.from_numpy(arr)


def itemsize(row):
    return np.dtype(row.numpy).itemsize


def decode(raw, row, big_endian=False):
    """A numpy array of ``row``'s values from raw bytes, widened to a dtype fastgrad has.

    Returns (array, fastgrad dtype). The array shares ``raw``'s memory when no conversion is needed.
    """
    np_type = np.dtype(row.numpy)
    if big_endian and np_type.itemsize > 1:
        np_type = np_type.newbyteorder(">")
    arr = np.frombuffer(raw, dtype=np_type)
    if row.name == "bool":
        as_bytes = arr.view(np.uint8)
        if as_bytes.size and as_bytes.max() > 1:
            # A bool byte other than 0 or 1 is not a value numpy or the kernels expect: normalise it.
            arr = as_bytes != 0
    target = fastgrad_dtype(row.name)
    if target is not None and not big_endian:
        return arr, target
    name = row.name if target is not None else row.widen_to
    if row.name == "bfloat16" and target is None:
        wide = (arr.astype(np.uint32) << 16).view(np.float32)
    else:
        wide = arr.astype(np.dtype(BY_NAME[name].numpy).newbyteorder("="))
    return wide, fastgrad_dtype(name)
