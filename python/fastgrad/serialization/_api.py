"""save and load: pick the format, open the file, hand the bytes to the reader or writer for it."""
import io
import os
import pickle
import sys
import zlib

from . import _pickler, _rebuild, _safetensors, _trusted, _unpickler, _zip

DEFAULT_PROTOCOL = 2  # torch's


def _is_path(f):
    return isinstance(f, (str, os.PathLike))


def _wants_safetensors(f):
    return _is_path(f) and os.fspath(f).endswith(".safetensors")


def save(obj, f, pickle_module=pickle, pickle_protocol=DEFAULT_PROTOCOL, _use_new_zipfile_serialization=True,
         _disable_byteorder_record=False):
    """Saves an object to a file, in torch's checkpoint format.

    Tensors, state dicts, optimizer state dicts, nested containers, numbers and strings load with
    ``fastgrad.load`` and with ``torch.load`` (weights-only). Whole objects (a module, a numpy array)
    are pickled as torch pickles them and need ``load(..., weights_only=False)``. A path ending in
    ``.safetensors`` writes a safetensors file instead (tensors and plain containers only).

    Args:
        obj: the object to save.
        f: a path or a writable binary file object.
        pickle_module: must be the standard ``pickle`` module.
        pickle_protocol (int): pickle protocol of the ``data.pkl`` record (torch's default, 2).

    Examples:
        >>> model = nn.Linear(4, 2)
        >>> fastgrad.save(model.state_dict(), "model.pt")
        >>> model.load_state_dict(fastgrad.load("model.pt"))
        <All keys matched successfully>
    """
    if pickle_module is not pickle:
        raise TypeError("fastgrad.save: pickle_module must be the standard pickle module")
    if not _use_new_zipfile_serialization:
        raise NotImplementedError("fastgrad.save writes torch's zip format only (the legacy format of "
                                  "_use_new_zipfile_serialization=False is not written)")
    if type(pickle_protocol) is not int or not 2 <= pickle_protocol <= pickle.HIGHEST_PROTOCOL:
        raise ValueError(f"pickle_protocol must be an int from 2 to {pickle.HIGHEST_PROTOCOL}, got {pickle_protocol!r}")
    if _wants_safetensors(f):
        if pickle_protocol != DEFAULT_PROTOCOL or _disable_byteorder_record:
            raise ValueError("pickle options do not apply to a .safetensors file")
        _safetensors.save(obj, f)
        return
    data_pkl, storages, _keep_alive = _pickler.dump(obj, pickle_protocol)
    records = [("data.pkl", data_pkl), (".format_version", b"1"),
               (".storage_alignment", str(_zip.ALIGNMENT).encode())]
    if not _disable_byteorder_record:
        records.append(("byteorder", sys.byteorder.encode()))
    records += [(f"data/{s.key}", s.payload()) for s in storages]
    crc = zlib.crc32(data_pkl)
    records += [("version", b"3\n"), (".data/serialization_id", f"{crc:040d}".encode())]
    if _is_path(f):
        folder = os.path.splitext(os.path.basename(os.fspath(f)))[0]
        folder = folder if folder and folder.isascii() and "/" not in folder else "archive"
        with open(os.fspath(f), "wb") as fh:
            _zip.write(fh, folder, records)
    elif hasattr(f, "write"):
        _zip.write(f, "archive", records)
    else:
        raise TypeError(f"fastgrad.save: f must be a path or a writable file object, got {type(f).__name__}")


def _read(f, mmap):
    if mmap:
        import numpy as np
        name = os.fspath(f) if _is_path(f) else getattr(f, "name", repr(f))
        if _is_path(f):
            size = os.path.getsize(name)
        else:
            try:
                size = os.fstat(f.fileno()).st_size
            except (AttributeError, OSError, io.UnsupportedOperation):
                raise ValueError("fastgrad.load: mmap=True needs a path or a file opened from disk") from None
        if size == 0:  # numpy cannot map an empty file; an empty file is no checkpoint either
            raise RuntimeError(f"{name}: empty file, not a checkpoint")
        # Copy-on-write: tensors are writable, and writes never reach the file (as torch's MAP_PRIVATE).
        return np.memmap(f, mode="c", dtype=np.uint8), name
    if _is_path(f):
        path = os.fspath(f)
        with open(path, "rb") as fh:
            return fh.read(), path
    if hasattr(f, "read"):
        data = f.read()
        if not isinstance(data, bytes):
            raise TypeError("fastgrad.load: the file object must be opened in binary mode")
        return data, getattr(f, "name", repr(f))
    raise TypeError(f"fastgrad.load: f must be a path or a readable binary file object, got {type(f).__name__}")


def _refuse_other_formats(data, name, weights_only):
    head = bytes(data[:8])
    if len(data) > 262 and bytes(data[257:262]) == b"ustar":
        raise RuntimeError(f"{name}: a tar archive (torch's legacy tar checkpoint format) is not read by "
                           f"fastgrad.load; re-save it with torch.save in torch >= 1.6")
    if head[:1] == b"\x80" and head[1:2] in (b"\x02", b"\x03", b"\x04", b"\x05"):
        # torch's class for it: UnpicklingError from its weights-only loader, RuntimeError otherwise.
        error = pickle.UnpicklingError if weights_only else RuntimeError
        raise error(f"{name}: a plain pickle (torch's legacy pre-1.6 format, or pickle.dump) is not a torch zip "
                    f"checkpoint and is not read by fastgrad.load; re-save it with torch.save in torch >= 1.6")


def load(f, map_location=None, pickle_module=None, *, weights_only=None, mmap=None, **pickle_load_args):
    """Loads an object saved with ``fastgrad.save`` or ``torch.save`` (or a safetensors file).

    By default (``weights_only=True``) the pickle in torch's file is interpreted against an allowlist:
    tensors, parameters, dtypes, dicts, OrderedDicts, lists, tuples, sets, numbers, strings and bytes.
    Any other class or function raises ``pickle.UnpicklingError`` naming it; nothing in the file is
    imported or called. Allow more names with :func:`fastgrad.serialization.add_safe_globals`.

    ``weights_only=False`` uses Python's unpickler, which **runs any code the file holds**: use it only
    for files you trust, e.g. to load a whole saved module. torch class paths in the file resolve to
    fastgrad's classes.

    Args:
        f: a path or a readable binary file object.
        map_location: where storages go: fastgrad runs on the CPU, so ``'cpu'``, ``torch.device('cpu')``,
            a dict mapping saved locations to ``'cpu'``, or a callable ``(storage, location)`` returning
            the storage. Without it, tensors saved on another device raise.
        weights_only (bool): see above; default True.
        mmap (bool): map the file's tensor data instead of reading it (copy-on-write; torch zip files only).

    Examples:
        >>> model = nn.Linear(4, 2)
        >>> fastgrad.save(model.state_dict(), "model.pt")
        >>> state = fastgrad.load("model.pt", map_location="cpu")
        >>> model.load_state_dict(state)
        <All keys matched successfully>
    """
    if weights_only is None:
        weights_only = True
    if pickle_module is not None and weights_only:
        raise RuntimeError("Can not safely load weights when explicit pickle_module is specified")
    if weights_only and pickle_load_args:
        raise TypeError(f"fastgrad.load: unexpected keyword arguments {sorted(pickle_load_args)}")
    _rebuild.check_map_location(map_location)
    if _is_path(f) and not mmap:
        # Read a torch archive record by record from the open file: a checkpoint never sits in memory twice.
        with open(os.fspath(f), "rb") as fh:
            if fh.read(4) == _zip.ZIP_MAGIC:
                return _load_archive(fh, os.fspath(f), map_location, pickle_module, weights_only, False,
                                     pickle_load_args)
    data, name = _read(f, mmap)
    if bytes(data[:4]) != _zip.ZIP_MAGIC:
        if mmap:
            raise RuntimeError(f"{name}: mmap=True reads torch zip checkpoints only")
        _refuse_other_formats(data, name, weights_only)
        return _safetensors.load(data, name)
    return _load_archive(data, name, map_location, pickle_module, weights_only, mmap, pickle_load_args)


def _load_archive(source, name, map_location, pickle_module, weights_only, mmap, pickle_load_args):
    archive = _zip.Archive(source, name)
    if not archive.has("version"):
        raise RuntimeError(f"{name}: the archive has no 'version' record; not a torch checkpoint")
    if not archive.has("data.pkl"):
        raise RuntimeError(f"{name}: the archive has no data.pkl record; not a torch checkpoint")
    byteorder = bytes(archive.read("byteorder")) if archive.has("byteorder") else sys.byteorder.encode()
    if byteorder not in (b"little", b"big"):
        raise RuntimeError(f"{name}: unknown byteorder record {byteorder[:16]!r}")
    storages = _rebuild.StorageLoader(archive, map_location, lazy=bool(mmap), big_endian=byteorder == b"big")
    pickled = archive.read("data.pkl")
    if weights_only:
        return _unpickler.PickleInterpreter(pickled, storages).load()
    return _trusted.load(pickled, storages, pickle_module, pickle_load_args, weights_only=weights_only)


__all__ = ["save", "load"]
