"""Tensors whose storage lives in shared memory, so several processes read and write the same numbers
(torch's share_memory_() / is_shared(), and what hogwild training relies on).

fastgrad's storage can borrow memory it does not own (from_numpy keeps the numpy array, and with it the
memory, alive), and assigning ``t.data`` swaps a tensor's storage in place. So sharing a tensor is: map a
named shared-memory file, copy the elements into it, and make the tensor borrow that mapping. Every holder
of the tensor (a module, an optimizer) sees the new storage, because it is the same tensor object.

Passing a shared tensor to another process goes by name: multiprocessing's pickler sends the file name,
offset, shape and strides, and the receiver maps the same file. With the fork start method the child
inherits the mapping itself. The creating process unlinks the file when its mapping is garbage-collected
or at exit; a process that has already mapped it keeps its view.

Unlike torch, which moves a whole storage (and so every view of it), this moves the tensor it is called
on: other tensors that were views of the old storage keep the old, private memory.
"""
import mmap
import os
import secrets
import tempfile
import weakref

import numpy as np

import fastgrad as _fg

_DIR = "/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir()
_NP_DTYPE = {"float32": np.float32, "float64": np.float64, "int64": np.int64, "bool": np.bool_}

# start address of each live mapping -> (file path, size in bytes, weak reference to the mmap)
_segments = {}


def _dtype_name(t):
    return str(t.dtype).split(".")[-1]


def _map(path, nbytes, create):
    fd = os.open(path, os.O_RDWR | (os.O_CREAT | os.O_EXCL if create else 0), 0o600)
    try:
        if create:
            os.ftruncate(fd, nbytes)
        return mmap.mmap(fd, nbytes)
    finally:
        os.close(fd)  # the mapping stays valid without the descriptor


def _register(buf, path, nbytes, owner):
    start = np.frombuffer(buf, dtype=np.uint8).ctypes.data
    _segments[start] = (path, nbytes, weakref.ref(buf))
    weakref.finalize(buf, _forget, start, path if owner else None, os.getpid())


def _forget(start, path_to_unlink, creator_pid):
    _segments.pop(start, None)
    # a forked child inherits this finaliser; only the creating process removes the name
    if path_to_unlink is not None and os.getpid() == creator_pid:
        try:
            os.unlink(path_to_unlink)
        except FileNotFoundError:
            pass


def _segment_of(t):
    """(start address, path) of the shared mapping holding t's elements, or None."""
    if t.numel() == 0:
        return None
    address = t.data_ptr()
    for start, (path, nbytes, ref) in list(_segments.items()):
        if ref() is not None and start <= address < start + nbytes:
            return start, path
    return None


def is_shared(t):
    return _segment_of(t) is not None


def _tensor_on(buf, offset_bytes, shape, strides, dtype_name):
    np_dtype = _NP_DTYPE[dtype_name]
    itemsize = np.dtype(np_dtype).itemsize
    array = np.ndarray(shape, dtype=np_dtype, buffer=buf, offset=offset_bytes,
                       strides=tuple(s * itemsize for s in strides))
    return _fg.from_numpy(array)


def share_memory_(t):
    """Moves t's elements into a new shared mapping (once; a shared tensor is returned unchanged)."""
    if is_shared(t):
        return t
    if _dtype_name(t) not in _NP_DTYPE:
        raise TypeError(f"share_memory_: tensors of dtype {t.dtype} cannot be shared yet")
    shape = tuple(t.shape)
    itemsize = np.dtype(_NP_DTYPE[_dtype_name(t)]).itemsize
    nbytes = max(t.numel() * itemsize, 1)  # a zero-length mapping is not allowed
    path = os.path.join(_DIR, f"fastgrad_{os.getpid()}_{secrets.token_hex(8)}")
    buf = _map(path, nbytes, create=True)
    _register(buf, path, nbytes, owner=True)
    strides = tuple(int(np.prod(shape[i + 1:], dtype=np.int64)) for i in range(len(shape)))
    shared = _tensor_on(buf, 0, shape, strides, _dtype_name(t))
    shared.copy_(t.detach())
    t.data = shared
    return t


def _attach(path, nbytes):
    """This process's mapping of `path`, reusing one already open here."""
    for start, (p, n, ref) in _segments.items():
        buf = ref()
        if p == path and buf is not None:
            return buf
    buf = _map(path, nbytes, create=False)
    _register(buf, path, nbytes, owner=False)
    return buf


def _handle(t):
    start, path = _segment_of(t)
    nbytes = _segments[start][1]
    return (path, nbytes, t.data_ptr() - start, tuple(t.shape), tuple(t.stride()), _dtype_name(t),
            t.requires_grad)


def rebuild_shared_tensor(path, nbytes, offset_bytes, shape, strides, dtype_name, requires_grad):
    t = _tensor_on(_attach(path, nbytes), offset_bytes, shape, strides, dtype_name)
    if requires_grad:
        t.requires_grad_(True)
    return t


def rebuild_shared_parameter(path, nbytes, offset_bytes, shape, strides, dtype_name, requires_grad):
    from ..nn import Parameter
    return Parameter(rebuild_shared_tensor(path, nbytes, offset_bytes, shape, strides, dtype_name, False),
                     requires_grad)


def reduce_tensor(t):
    """multiprocessing's pickling of a tensor: by name when shared, by value otherwise."""
    if is_shared(t):
        return rebuild_shared_tensor, _handle(t)
    return t.__reduce_ex__(2)


def reduce_parameter(p):
    if is_shared(p):
        return rebuild_shared_parameter, _handle(p)
    return p.__reduce_ex__(2)
