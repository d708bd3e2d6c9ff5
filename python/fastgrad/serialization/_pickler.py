"""The pickle half of torch's checkpoint format, written for fastgrad tensors.

Tensors pickle as torch does: ``torch._utils._rebuild_tensor_v2(storage, offset, size, stride,
requires_grad, OrderedDict())`` (parameters wrapped in ``_rebuild_parameter``), where the storage is a
persistent id ``('storage', torch.FloatStorage, key, 'cpu', numel)`` whose bytes become the archive
record ``data/<key>``. dtypes pickle as ``torch.float32`` and shapes as ``torch.Size``, so torch's
weights-only loader reads the file. Tensors whose memory overlaps (views of one tensor, a parameter and
its data) are found by address and written as one storage, so they share memory again after loading.
"""
import io
import pickle
from collections import OrderedDict

import numpy as np

from . import _dtypes


class TorchName:
    """A name pickled as a GLOBAL (``torch.FloatStorage``, ``torch._utils._rebuild_tensor_v2``) without
    importing torch. It is never called: pickle only insists that a reduce function be callable."""

    def __init__(self, module, name):
        self.module, self.name = module, name

    def __call__(self, *args):
        raise TypeError(f"{self.module}.{self.name} is a name for the pickle stream only")


_REBUILD_TENSOR = TorchName("torch._utils", "_rebuild_tensor_v2")
_REBUILD_PARAMETER = TorchName("torch._utils", "_rebuild_parameter")
_SIZE = TorchName("torch", "Size")


class SavedStorage:
    """One storage to be written: the memory range [start, stop) shared by the tensors that overlap it."""

    def __init__(self, key, row, start, stop, owner):
        self.key, self.row, self.start, self.stop, self.owner = key, row, start, stop, owner
        self.type_name = TorchName("torch", row.storage)

    @property
    def numel(self):
        return (self.stop - self.start) // _dtypes.itemsize(self.row)

    def payload(self):
        """The storage's bytes: a view from the first tensor's first element across the whole range."""
        if self.stop == self.start:
            return b""
        arr = self.owner
        item = arr.itemsize
        flat = np.lib.stride_tricks.as_strided(arr, shape=(self.numel,), strides=(item,), writeable=False)
        return np.ascontiguousarray(flat).view(np.uint8).data


def _extent(arr):
    """The byte range [lo, hi) a numpy view touches (fastgrad strides are never negative)."""
    lo = arr.__array_interface__["data"][0]
    if arr.size == 0:
        return lo, lo
    return lo, lo + sum((s - 1) * st for s, st in zip(arr.shape, arr.strides)) + arr.itemsize


class _Pickler(pickle._Pickler):
    """pickle's Python pickler, taught fastgrad's tensors, dtypes and shapes (the C pickler cannot write
    a GLOBAL for a name that is not importable here, such as torch's when torch is not installed)."""

    dispatch = pickle._Pickler.dispatch.copy()

    def __init__(self, file, protocol, layout):
        super().__init__(file, protocol=protocol)
        self.layout = layout

    def save_torch_name(self, obj, name=None):
        """Writes ``name`` (a TorchName; ``obj`` itself when omitted) as a global and memoizes ``obj``."""
        name = name or obj
        if self.proto >= 4:
            self.save(name.module)
            self.save(name.name)
            self.write(pickle.STACK_GLOBAL)
        else:
            self.write(pickle.GLOBAL + name.module.encode("utf-8") + b"\n" + name.name.encode("utf-8") + b"\n")
        self.memoize(obj)

    def persistent_id(self, obj):
        if isinstance(obj, SavedStorage):
            return ("storage", obj.type_name, obj.key, "cpu", obj.numel)
        return None

    def reducer_override(self, obj):
        import fastgrad
        if isinstance(obj, fastgrad.nn.Parameter):
            return _REBUILD_PARAMETER, (obj.detach(), obj.requires_grad, OrderedDict())
        if isinstance(obj, fastgrad.Tensor):
            storage, offset = self.layout.place(obj)
            return _REBUILD_TENSOR, (storage, offset, _TorchSize(obj.shape), tuple(obj.stride()),
                                     obj.requires_grad, OrderedDict())
        return NotImplemented


class _TorchSize(tuple):
    """A tensor's shape, pickled as torch.Size(tuple) as torch writes it."""


def _save_dtype(self, obj):
    self.save_torch_name(obj, _dtype_names[_dtypes.row_of(obj).name])


def _save_size(self, obj):
    self.save_reduce(_SIZE, (tuple(obj),), obj=obj)


_dtype_names = {row.name: TorchName("torch", row.name) for row in _dtypes.ROWS}


def _install():
    from .._types import dtype, Size
    _Pickler.dispatch[TorchName] = _Pickler.save_torch_name
    _Pickler.dispatch[dtype] = _save_dtype
    _Pickler.dispatch[Size] = _save_size
    _Pickler.dispatch[_TorchSize] = _save_size


_install()


class _Layout:
    """Which storage each tensor's memory belongs to: overlapping byte ranges of one dtype merge."""

    def __init__(self):
        self.seen = []        # (lo, hi, row, numpy view): every tensor met while collecting
        self.storages = []    # SavedStorage, in key order
        self.collecting = True

    def place(self, tensor):
        arr = _dtypes.tensor_array(tensor)
        row = _dtypes.row_of(tensor.dtype)
        lo, hi = _extent(arr)
        if self.collecting:
            self.seen.append((lo, hi, row, arr))
            return None, 0
        if lo == hi:
            storage = SavedStorage(str(len(self.storages)), row, lo, lo, arr)
            self.storages.append(storage)
            return storage, 0
        for storage in self._ranges:
            if storage.start <= lo and hi <= storage.stop:
                if storage.row is not row:
                    raise RuntimeError("Cannot save multiple tensors or storages that view the same data as "
                                       "different types")
                if storage.key is None:
                    storage.key = str(len(self.storages))
                    self.storages.append(storage)
                return storage, (lo - storage.start) // arr.itemsize
        raise RuntimeError("fastgrad.save: a tensor changed while it was being saved")

    def merge(self):
        """Groups the collected ranges into storages, then switches to placing."""
        ranges = sorted((s for s in self.seen if s[0] != s[1]), key=lambda s: s[0])
        self._ranges = []
        for lo, hi, row, arr in ranges:
            last = self._ranges[-1] if self._ranges else None
            if last is not None and lo < last.stop:
                if last.row is not row or (lo - last.start) % arr.itemsize:
                    raise RuntimeError("Cannot save multiple tensors or storages that view the same data as "
                                       "different types")
                last.stop = max(last.stop, hi)
            else:
                self._ranges.append(SavedStorage(None, row, lo, hi, arr))
        self.collecting = False


def dump(obj, protocol):
    """Pickles ``obj`` as torch would; returns (pickle bytes, storages to write as data/<key>)."""
    layout = _Layout()
    _Pickler(io.BytesIO(), protocol, layout).dump(obj)  # first pass: find every tensor's memory
    layout.merge()
    out = io.BytesIO()
    _Pickler(out, protocol, layout).dump(obj)
    # The tensors must stay alive until their bytes are written: the storages hold numpy views of them.
    return out.getvalue(), layout.storages, layout.seen
