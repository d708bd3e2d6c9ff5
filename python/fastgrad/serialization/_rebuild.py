"""Storages and tensors from a torch checkpoint's records, for both unpicklers.

torch's pickle names each storage with a persistent id ('storage', <storage class>, key, location,
numel) whose bytes are the archive record ``data/<key>``, and rebuilds each tensor as a strided view
(offset, size, stride) of one storage. Every number is checked against the record before memory is
touched, and tensors that share a storage in the file share memory after loading (they are numpy
views of one buffer handed to ``fastgrad.from_numpy``, which keeps the buffer's memory).
"""
import pickle

import numpy as np

from . import _dtypes

_MAX_DIM = 64  # far more dimensions than any tensor has; bounds the work a forged size list can cause
_MAX_EXTENT = 2 ** 62


class StorageType:
    """Stands for torch.FloatStorage, torch.LongStorage, ... where a pickle names a storage class."""

    def __init__(self, torch_name, row):
        self.torch_name, self.row = torch_name, row

    def __repr__(self):
        return f"torch.{self.torch_name}"


class Storage:
    """One loaded storage: a flat numpy buffer of fastgrad-supported dtype, shared by its tensors."""

    def __init__(self, array, dtype, location):
        self.array, self.dtype, self.location = array, dtype, location

    def cpu(self):
        return self

    def __len__(self):
        return len(self.array)

    def __repr__(self):
        return f"<storage of {len(self.array)} x {self.dtype} on {self.location}>"


def check_map_location(map_location):
    from .._types import device
    if map_location is None or callable(map_location) or isinstance(map_location, (str, device)):
        return
    if isinstance(map_location, dict):
        if all(isinstance(k, str) and isinstance(v, (str, device)) for k, v in map_location.items()):
            return
        raise TypeError("map_location: a dict must map location strings to location strings or devices")
    raise TypeError(f"map_location must be None, a string, a torch.device, a dict or a callable, "
                    f"got {type(map_location).__name__}")


class StorageLoader:
    """persistent_load for torch's archives: reads each ``data/<key>`` record once and shares it."""

    def __init__(self, archive, map_location, lazy, big_endian):
        self.archive, self.map_location, self.lazy, self.big_endian = archive, map_location, lazy, big_endian
        self.storages = {}

    def __call__(self, pid):
        if not (isinstance(pid, tuple) and len(pid) == 5 and pid[0] in ("storage", b"storage")):
            raise pickle.UnpicklingError(f"unsupported persistent id of type {type(pid).__name__}: a torch "
                                         f"checkpoint names only storages")
        _, storage_type, key, location, numel = pid
        if not isinstance(storage_type, StorageType):
            raise pickle.UnpicklingError(f"persistent id names {type(storage_type).__name__}, not a storage class")
        if isinstance(location, bytes):
            location = location.decode("ascii", "replace")
        if not (isinstance(key, str) and isinstance(location, str) and type(numel) is int and numel >= 0):
            raise pickle.UnpicklingError("malformed storage id (key and location must be strings, numel an int >= 0)")
        if key in self.storages:
            storage = self.storages[key]
            if storage.row is not storage_type.row:
                raise pickle.UnpicklingError(f"storage '{key}' is named with two dtypes")
            return storage.value
        record = f"data/{key}"
        if not self.archive.has(record):
            raise pickle.UnpicklingError(f"storage '{key}' has no record '{record}' in the archive")
        nbytes = numel * _dtypes.itemsize(storage_type.row)
        if nbytes != self.archive.size(record):
            raise pickle.UnpicklingError(f"storage '{key}' claims {numel} elements of {storage_type} "
                                         f"({nbytes} bytes) but its record holds {self.archive.size(record)} bytes")
        self._restore_location(key, location)
        raw = self.archive.read(record, check_crc=not self.lazy)
        array, dtype = _dtypes.decode(raw, storage_type.row, self.big_endian)
        if not self.lazy and not array.flags.writeable:
            array = array.copy()  # the file's bytes are read-only; a loaded tensor is writable
        value = Storage(array, dtype, "cpu")
        self.storages[key] = _Entry(storage_type.row, value)
        return value

    def _restore_location(self, key, location):
        ml = self.map_location
        if ml is None:
            target = location
        elif isinstance(ml, dict):
            target = ml.get(location, location)
        elif callable(ml):
            probe = Storage(np.empty(0), None, location)
            result = ml(probe, location)
            if result is not None and result is not probe:
                raise TypeError("fastgrad.load: a map_location callable must return the storage it is given "
                                "(or None); fastgrad keeps every storage on the CPU")
            target = "cpu"
        else:
            target = str(ml)
        if str(target).split(":")[0] != "cpu":
            raise RuntimeError(f"fastgrad runs on the CPU only, and storage '{key}' of this checkpoint was saved "
                               f"on '{location}'. Pass map_location='cpu' (or torch.device('cpu')) to load it "
                               f"on the CPU.")


class _Entry:
    def __init__(self, row, value):
        self.row, self.value = row, value


def _int_list(value, what):
    if not isinstance(value, (tuple, list)) or len(value) > _MAX_DIM:
        raise pickle.UnpicklingError(f"tensor {what} must be a tuple of at most {_MAX_DIM} ints")
    if not all(type(v) is int and 0 <= v < _MAX_EXTENT for v in value):
        raise pickle.UnpicklingError(f"tensor {what} {list(value)[:8]} holds a negative, huge or non-int entry")
    return tuple(value)


def _empty_hooks(hooks, what):
    if hooks is None or (isinstance(hooks, dict) and not hooks):
        return
    raise pickle.UnpicklingError(f"{what}: backward hooks or extra state in a checkpoint are not supported")


def rebuild_tensor(storage, storage_offset, size, stride, requires_grad=False, backward_hooks=None,
                   metadata=None):
    """torch._utils._rebuild_tensor_v2: a strided view of a loaded storage, bounds-checked first."""
    import fastgrad
    if not isinstance(storage, Storage):
        raise pickle.UnpicklingError(f"a tensor must be rebuilt from a storage, got {type(storage).__name__}")
    size, stride = _int_list(size, "size"), _int_list(stride, "stride")
    if len(size) != len(stride):
        raise pickle.UnpicklingError(f"tensor size {list(size)} and stride {list(stride)} differ in length")
    if type(storage_offset) is not int or storage_offset < 0:
        raise pickle.UnpicklingError(f"tensor storage offset {storage_offset!r} is not an int >= 0")
    if type(requires_grad) is not bool:
        raise pickle.UnpicklingError("tensor requires_grad must be a bool")
    _empty_hooks(backward_hooks, "tensor")
    _empty_hooks(metadata, "tensor")
    n = len(storage.array)
    if 0 not in size:
        last = storage_offset + sum((s - 1) * st for s, st in zip(size, stride))
        if last >= n:
            raise pickle.UnpicklingError(f"tensor of size {list(size)}, stride {list(stride)} and offset "
                                         f"{storage_offset} reaches element {last} of a storage of {n}")
    elif storage_offset > n:
        raise pickle.UnpicklingError(f"tensor offset {storage_offset} is past its storage of {n} elements")
    item = storage.array.itemsize
    view = np.lib.stride_tricks.as_strided(storage.array[storage_offset:], shape=size,
                                           strides=[s * item for s in stride], writeable=True)
    tensor = _dtypes.array_tensor(view, storage.dtype)
    if requires_grad:
        if not tensor.is_floating_point():
            raise pickle.UnpicklingError(f"a tensor of dtype {tensor.dtype} cannot require grad")
        tensor.requires_grad_(True)
    return tensor


def rebuild_tensor_v1(storage, storage_offset, size, stride):
    """torch._utils._rebuild_tensor: the pre-1.0 signature."""
    return rebuild_tensor(storage, storage_offset, size, stride)


def rebuild_parameter(data, requires_grad, backward_hooks, state=None):
    """torch._utils._rebuild_parameter(_with_state): a Parameter sharing the rebuilt tensor's memory."""
    import fastgrad
    if not isinstance(data, fastgrad.Tensor) or type(requires_grad) is not bool:
        raise pickle.UnpicklingError("a parameter is rebuilt from a tensor and a bool")
    _empty_hooks(backward_hooks, "parameter")
    _empty_hooks(state, "parameter")
    if requires_grad and not data.is_floating_point():
        raise pickle.UnpicklingError(f"a parameter of dtype {data.dtype} cannot require grad")
    return fastgrad.nn.Parameter(data, requires_grad=requires_grad)


def storage_types():
    """'torch.FloatStorage' -> StorageType, for every row of the dtype table."""
    return {f"torch.{name}": StorageType(name, row) for name, row in _dtypes.BY_STORAGE.items()}


