"""Checkpoints as safetensors files (paths ending in ``.safetensors``), written and read without pickle.

Tensors are stored as safetensors entries. Everything around them (nesting, int dict keys, tuples,
hyper-parameters, step counters) is a JSON description in the header's ``__metadata__`` under
``fastgrad``, where each tensor appears as ``{"__tensor__": name}``. A model state dict therefore
stays a plain safetensors file other tools read, with its keys as the entry names; an optimizer
state dict round-trips with its int keys and tuples intact. Loading parses JSON and raw bytes only,
so a file can never run code.
"""
import json
import os
import struct

import numpy as np

from . import _dtypes

_META_KEY = "fastgrad"
_FORMAT_VERSION = 1


def _fg():
    import fastgrad
    return fastgrad


# ----------------------------------------------------------------------- save
class _Encoder:
    def __init__(self):
        self.tensors = {}

    def _name_for(self, path):
        name = ".".join(path) if path else "tensor"
        if name in self.tensors:
            i = 1
            while f"{name}#{i}" in self.tensors:
                i += 1
            name = f"{name}#{i}"
        return name

    def encode(self, obj, path):
        fg = _fg()
        if isinstance(obj, fg.Tensor):
            name = self._name_for(path)
            arr = _dtypes.tensor_array(obj)
            self.tensors[name] = arr if arr.flags.c_contiguous else arr.copy(order="C")
            out = {"__tensor__": name}
            if obj.requires_grad:
                out["requires_grad"] = True
            if isinstance(obj, fg.nn.Parameter):
                out["parameter"] = True
            return out
        if obj is None or isinstance(obj, (bool, str)):
            return obj
        if isinstance(obj, (int, float)):
            return obj
        if isinstance(obj, dict):
            items = []
            for k, v in obj.items():
                if not (k is None or isinstance(k, (str, int, float, bool))):
                    raise TypeError(f"fastgrad.save: dict keys must be str, int, float, bool or None, got "
                                    f"{type(k).__name__}")
                items.append([k, self.encode(v, path + [str(k)])])
            return {"__dict__": items}
        if isinstance(obj, tuple):
            return {"__tuple__": [self.encode(v, path + [str(i)]) for i, v in enumerate(obj)]}
        if isinstance(obj, list):
            return {"__list__": [self.encode(v, path + [str(i)]) for i, v in enumerate(obj)]}
        raise TypeError(f"fastgrad.save stores tensors, numbers, strings, None and dicts/lists/tuples of "
                        f"them (safetensors, no pickle); got {type(obj).__name__} at "
                        f"'{'.'.join(path) or '<root>'}'")


def _layout(arrays):
    """safetensors' entry order (widest dtype first, then name) and each entry's byte range."""
    order = sorted(arrays, key=lambda k: (-arrays[k].dtype.itemsize, k))
    entries, offset = {}, 0
    for key in order:
        n = arrays[key].nbytes
        entries[key] = (offset, offset + n)
        offset += n
    return entries


def encode_file(arrays, metadata):
    """The bytes of a safetensors file: an 8-byte little-endian header length, a JSON header padded
    with spaces to a multiple of 8 (as the reference writer does, so the data stays aligned), then
    every array's raw little-endian bytes."""
    header = {"__metadata__": metadata} if metadata else {}
    entries = _layout(arrays)
    for key, (start, stop) in entries.items():
        row = _dtypes.BY_NAME[_np_row_name(arrays[key])]
        header[key] = {"dtype": row.safetensors, "shape": list(arrays[key].shape), "data_offsets": [start, stop]}
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    parts = [struct.pack("<Q", len(text)), text]
    for key in entries:
        arr = arrays[key]
        parts.append(np.ascontiguousarray(arr, dtype=arr.dtype.newbyteorder("<")).tobytes())
    return b"".join(parts)


def _np_row_name(arr):
    if _dtypes.is_bfloat16_bits(arr):
        return "bfloat16"
    for row in _dtypes.ROWS:
        # bfloat16's bytes travel as uint16 in numpy; an untagged uint16 array is not a bfloat16 tensor.
        if row.name != "bfloat16" and np.dtype(row.numpy) == arr.dtype.newbyteorder("<"):
            return row.name
    raise TypeError(f"fastgrad.save: no safetensors encoding for numpy dtype {arr.dtype}")


def save(obj, f):
    """Writes a tensor or a (nested) dict/list/tuple of tensors and plain values as a safetensors file."""
    enc = _Encoder()
    structure = enc.encode(obj, [])
    metadata = {_META_KEY: json.dumps({"version": _FORMAT_VERSION, "structure": structure})}
    data = encode_file(enc.tensors, metadata)
    if hasattr(f, "write"):
        f.write(data)
    else:
        with open(os.fspath(f), "wb") as fh:
            fh.write(data)


# ----------------------------------------------------------------------- load
_ST_ITEMSIZE = {r.safetensors: _dtypes.itemsize(r) for r in _dtypes.ROWS}


def _header(data, name):
    # Validate the framing first so a pickle, a zip or a cut-off file gets one clear message.
    if len(data) < 8:
        raise RuntimeError(f"{name}: not a safetensors file (only {len(data)} bytes)")
    (n,) = struct.unpack("<Q", data[:8])
    if n > len(data) - 8:
        raise RuntimeError(f"{name}: not a safetensors file or truncated (header claims {n} bytes, "
                           f"file has {len(data) - 8} after the length prefix)")
    try:
        header = json.loads(data[8:8 + n].decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise RuntimeError(f"{name}: not a safetensors file (header is not JSON: {e})") from None
    if not isinstance(header, dict):
        raise RuntimeError(f"{name}: not a safetensors file (header is not a JSON object)")
    # Every entry's dtype, shape and offsets are checked against each other and against the file
    # before anything is allocated, so a hostile header cannot claim huge tensors or read past the end.
    spans = []
    for key, info in header.items():
        if key == "__metadata__":
            if not (isinstance(info, dict) and all(isinstance(v, str) for v in info.values())):
                raise RuntimeError(f"{name}: malformed safetensors __metadata__ (must map str to str)")
            continue
        if not isinstance(info, dict):
            raise RuntimeError(f"{name}: malformed safetensors header entry '{key}'")
        dtype, shape, offsets = info.get("dtype"), info.get("shape"), info.get("data_offsets")
        if dtype not in _ST_ITEMSIZE:
            raise RuntimeError(f"{name}: tensor '{key}' has unsupported dtype {dtype!r}")
        if not (isinstance(shape, list) and all(type(s) is int and s >= 0 for s in shape)):
            raise RuntimeError(f"{name}: tensor '{key}' has a malformed shape {shape!r}")
        if not (isinstance(offsets, list) and len(offsets) == 2 and all(type(o) is int for o in offsets)
                and 0 <= offsets[0] <= offsets[1]):
            raise RuntimeError(f"{name}: tensor '{key}' has malformed data_offsets {offsets!r}")
        nbytes = _ST_ITEMSIZE[dtype]
        for s in shape:
            nbytes *= s
            if nbytes > len(data):
                break
        if nbytes != offsets[1] - offsets[0]:
            raise RuntimeError(f"{name}: tensor '{key}' of dtype {dtype} and shape {shape} needs "
                               f"{nbytes if nbytes <= len(data) else 'more'} bytes but its data_offsets "
                               f"{offsets} span {offsets[1] - offsets[0]}")
        spans.append((offsets[0], offsets[1], key))
    # As the reference reader: the entries tile the data section exactly, in order, with no gap or overlap.
    spans.sort()
    end = 0
    for start, stop, key in spans:
        if start != end:
            raise RuntimeError(f"{name}: tensor '{key}' starts at data offset {start}, expected {end} "
                               f"(entries overlap or leave a gap)")
        end = stop
    if 8 + n + end > len(data):
        raise RuntimeError(f"{name}: truncated safetensors file (tensor data needs {end} bytes, "
                           f"{len(data) - 8 - n} present)")
    if 8 + n + end < len(data):
        raise RuntimeError(f"{name}: not a safetensors file ({len(data) - 8 - n - end} bytes after the last "
                           f"tensor's data)")
    return header


def _to_tensor(raw, code, shape):
    # Dtypes fastgrad lacks (float16, int32, ...) widen to the nearest one it has: see _dtypes.ROWS.
    arr, target = _dtypes.decode(raw, _dtypes.BY_SAFETENSORS[code])
    return _dtypes.array_tensor(np.array(arr.reshape(shape), order="C"), target)  # a writable copy


def _decode(node, tensors, name):
    if isinstance(node, dict):
        if "__tensor__" in node:
            key = node["__tensor__"]
            if key not in tensors:
                raise RuntimeError(f"{name}: metadata refers to missing tensor '{key}'")
            t = tensors[key]
            if node.get("parameter"):
                return _fg().nn.Parameter(t, requires_grad=bool(node.get("requires_grad")))
            if node.get("requires_grad"):
                t.requires_grad_(True)
            return t
        if "__dict__" in node:
            return {k: _decode(v, tensors, name) for k, v in node["__dict__"]}
        if "__list__" in node:
            return [_decode(v, tensors, name) for v in node["__list__"]]
        if "__tuple__" in node:
            return tuple(_decode(v, tensors, name) for v in node["__tuple__"])
        raise RuntimeError(f"{name}: unrecognised fastgrad metadata node {sorted(node)}")
    return node


def load(data, name):
    """Loads what ``save`` wrote; a safetensors file from elsewhere loads as a dict of tensors."""
    header = _header(data, name)
    base = 8 + struct.unpack("<Q", data[:8])[0]
    tensors = {}
    for key, info in header.items():
        if key != "__metadata__":
            start, stop = info["data_offsets"]
            tensors[key] = _to_tensor(data[base + start:base + stop], info["dtype"], info["shape"])
    meta = (header.get("__metadata__") or {}).get(_META_KEY)
    if meta is None:
        return tensors
    try:
        desc = json.loads(meta)
        structure = desc["structure"]
    except (ValueError, KeyError, TypeError, RecursionError) as e:
        raise RuntimeError(f"{name}: corrupt fastgrad metadata: {e}") from None
    try:
        return _decode(structure, tensors, name)
    except (ValueError, TypeError, RecursionError) as e:
        raise RuntimeError(f"{name}: corrupt fastgrad metadata: {type(e).__name__}: {e}") from None
