"""fastgrad.tensor and the other Python-level constructors and dispatchers."""
import builtins

import numpy as np

from . import _C
from ._types import dtype as _dtype_type
from ._types import (bfloat16, bool_, check_cpu_device, check_pin_memory, float16, float32, float64, int8, int16,
                     int32, int64, uint8)

# bfloat16 has no numpy dtype: from_numpy cannot make it and .numpy() refuses it, as in torch
_FG_TO_NP = {float32: np.float32, float64: np.float64, int64: np.int64, bool_: np.bool_, int8: np.int8,
             int16: np.int16, int32: np.int32, uint8: np.uint8, float16: np.float16}
_NP_TO_FG = {np.dtype(v): k for k, v in _FG_TO_NP.items()}


def _contains_float(data):
    if isinstance(data, builtins.float):
        return True
    if isinstance(data, (list, tuple)):
        return builtins.any(_contains_float(d) for d in data)
    return False


def _to_numpy(data, keep_float64=False):
    """Nested Python data to a numpy array with torch's inference: floats -> float32, ints -> int64
    (floats stay float64 when the caller converts to an explicit dtype, so float64 keeps every digit)."""
    if isinstance(data, _C.Tensor):
        return data.detach().numpy().copy()
    if isinstance(data, np.ndarray):
        a = data
    else:
        if isinstance(data, (list, tuple)) and builtins.any(isinstance(d, _C.Tensor) for d in _flat(data)):
            data = _map_tensors(data)
        try:
            a = np.array(data)
        except ValueError as e:
            raise ValueError(f"expected a rectangular (non-ragged) nested sequence: {e}") from None
        if a.dtype == object:
            bad = next((d for d in _flat(data) if not isinstance(d, (builtins.bool, builtins.int, builtins.float, np.generic))),
                       data)
            # torch: RuntimeError "Could not infer dtype of object" for a foreign element
            raise RuntimeError(f"Could not infer dtype of {type(bad).__name__} (while converting "
                               f"{type(data).__name__} to a tensor)")
        if a.dtype.kind == "f" and not keep_float64 and not _has_numpy_float64(data):
            a = a.astype(np.float32)
    if a.dtype.kind in "US":
        raise TypeError(f"new(): invalid data type '{a.dtype.kind == 'U' and 'str' or 'bytes'}'")
    return a


def _has_numpy_float64(data):
    """torch keeps float64 for numpy float64 scalars (alone or in a list); Python floats give float32."""
    if isinstance(data, np.generic):
        return data.dtype == np.float64
    return isinstance(data, (list, tuple)) and builtins.any(
        isinstance(d, np.floating) and d.dtype == np.float64 for d in _flat(data))


def _flat(data):
    for d in data:
        if isinstance(d, (list, tuple)):
            yield from _flat(d)
        else:
            yield d


def _map_tensors(data):
    if isinstance(data, _C.Tensor):
        return data.item() if data.numel() == 1 and data.dim() == 0 else data.tolist()
    if isinstance(data, (list, tuple)):
        return [_map_tensors(d) for d in data]
    return data


def _normalise_numpy_dtype(a):
    """Map numpy dtypes fastgrad lacks onto the nearest it has (uint32 -> int64, longdouble -> float32, ...)."""
    if a.dtype in _NP_TO_FG:
        return a
    kind = a.dtype.kind
    if kind in "iu":
        return a.astype(np.int64)
    if kind == "f":
        return a.astype(np.float32)
    if kind == "b":
        return a.astype(np.bool_)
    raise TypeError(f"can't convert np.ndarray of type numpy.{a.dtype}. The only supported types are: "
                    "float64, float32, float16, int64, int32, int16, int8, uint8, and bool.")


def tensor(data, dtype=None, device=None, requires_grad=False, pin_memory=False):
    """Returns a new tensor holding a copy of ``data``. The dtype is inferred as torch infers it (Python floats
    give the default dtype, float32 unless set, integers int64, bools bool; a numpy array keeps its dtype
    where fastgrad has it). Integers that do not fit an integer ``dtype`` raise RuntimeError, as in torch.

    Args:
        data (array_like): nested lists or tuples of numbers, a number, a numpy array or a tensor.
        dtype (fastgrad.dtype, optional): the dtype of the result. Default: inferred from ``data``.
        device (str or fastgrad.device, optional): must be the CPU.
        requires_grad (bool): whether autograd records operations on the result. Default: ``False``.
        pin_memory (bool): must be ``False``: there is no accelerator to pin memory for (``True`` raises, as in torch).

    Examples:
        >>> fastgrad.tensor([[0.1, 1.2], [2.2, 3.1]])
        tensor([[0.1000, 1.2000],
                [2.2000, 3.1000]])
        >>> fastgrad.tensor([1, 2, 3]).dtype
        torch.int64
        >>> fastgrad.tensor(3.5, requires_grad=True)
        tensor(3.5000, requires_grad=True)
    """
    check_cpu_device(device, "tensor()")
    check_pin_memory(pin_memory)
    if dtype is None and _python_floats(data):
        dtype = _C.get_default_dtype()  # Python floats take the default dtype (float32 unless set)
    a = _to_numpy(data, keep_float64=dtype is not None)
    a = a if dtype is not None and a.dtype.kind == "f" else _normalise_numpy_dtype(a)
    if dtype is not None:
        if not isinstance(dtype, _dtype_type):
            raise TypeError(f"tensor(): argument 'dtype' must be torch.dtype, not {type(dtype).__name__}")
        _check_int_range(data, dtype)
    # the conversion to dtype is fastgrad's own cast (torch's rules), not numpy's
    t = _C.from_numpy(np.array(a, order="C", copy=True))
    if dtype is not None and t.dtype is not dtype:
        t = t.to(dtype)
    if requires_grad:
        t.requires_grad_(True)
    return t


def _check_int_range(data, dtype):
    """Python numbers that do not fit an integer dtype raise, as torch.tensor([300], dtype=torch.int8) does
    (a negative int down to -255 wraps into uint8, as torch lets it; a numpy array is cast unchecked)."""
    if isinstance(data, (np.ndarray, _C.Tensor)) or dtype.is_floating_point or dtype is bool_:
        return
    info = np.iinfo(_FG_TO_NP[dtype])
    lowest = -info.max if info.min == 0 else info.min
    for v in ([data] if not isinstance(data, (list, tuple)) else _flat(data)):
        if isinstance(v, (builtins.bool, np.bool_)) or not isinstance(v, (builtins.int, builtins.float, np.number)):
            continue
        low = lowest if isinstance(v, (builtins.int, np.integer)) else info.min
        if not (low <= v <= info.max):  # NaN fails too
            raise RuntimeError(f"value cannot be converted to type {repr(dtype)[len('torch.'):]} without overflow")


def _python_floats(data):
    """Whether torch would infer the default dtype: Python floats, not a numpy array or numpy float64."""
    if isinstance(data, (np.ndarray, _C.Tensor)) or _has_numpy_float64(data):
        return False
    return _contains_float(data)


def as_tensor(data, dtype=None, device=None):
    """Converts ``data`` to a tensor, sharing memory with it when it already is a tensor or a numpy array of
    a dtype fastgrad has (and ``dtype`` does not ask for another); otherwise copies, as `fastgrad.tensor`.

    Args:
        data (array_like): a tensor, a numpy array, nested lists or a number.
        dtype (fastgrad.dtype, optional): the dtype of the result.
        device (str or fastgrad.device, optional): must be the CPU.

    Examples:
        >>> import numpy as np
        >>> a = np.array([1.0, 2.0])
        >>> t = fastgrad.as_tensor(a)
        >>> a[0] = -1.0
        >>> t
        tensor([-1.,  2.], dtype=torch.float64)
    """
    check_cpu_device(device, "as_tensor()")
    if isinstance(data, _C.Tensor):
        return data if dtype is None or data.dtype is dtype else data.to(dtype)
    if isinstance(data, np.ndarray) and data.dtype in _NP_TO_FG and (dtype is None or _NP_TO_FG[data.dtype] is dtype):
        return _C.from_numpy(data)
    return tensor(data, dtype=dtype, device=device)


def is_tensor(obj):
    """Returns ``True`` if ``obj`` is a fastgrad tensor.

    Args:
        obj (object): the object to test.

    Examples:
        >>> fastgrad.is_tensor(fastgrad.zeros(1)), fastgrad.is_tensor([0.0])
        (True, False)
    """
    return isinstance(obj, _C.Tensor)


def numel(t):
    """Returns the number of elements of the tensor ``t``.

    Args:
        t (Tensor): the tensor.

    Examples:
        >>> fastgrad.numel(fastgrad.zeros(2, 3))
        6
    """
    return t.numel()


def _keepdim(keepdim, keepdims):
    """torch takes numpy's spelling `keepdims=` as an alias of `keepdim=`."""
    return keepdim if keepdims is None else keepdims


def _write_out(result, out):
    """Copies `result` (a tensor or a tuple of them) into the caller's out= tensors and returns those.
    fastgrad cannot resize a tensor in place, so an out tensor must already have the result's shape."""
    if out is None:
        return result
    results = (result,) if isinstance(result, _C.Tensor) else tuple(result)
    outs = (out,) if isinstance(out, _C.Tensor) else tuple(out)
    if len(outs) != len(results):
        raise TypeError(f"out= expects {len(results)} tensor(s), got {len(outs)}")
    for o, r in zip(outs, results):
        if o.dtype is not r.dtype:
            raise RuntimeError(f"Expected out tensor to have dtype {r.dtype}, but got {o.dtype} instead")
        if tuple(o.shape) != tuple(r.shape):
            raise RuntimeError(f"out= tensor has shape {list(o.shape)} but the result has shape {list(r.shape)}; "
                               "fastgrad does not resize out= tensors")
        with _no_grad():
            o.copy_(r)
    return outs[0] if isinstance(result, _C.Tensor) else type(result)(*outs)


def _no_grad():
    from ._grad_mode import no_grad
    return no_grad()


def max(input, dim=None, keepdim=False, *, keepdims=None, out=None):  # noqa: A001
    """Returns the largest element of ``input`` (a 0-d tensor), or, with ``dim``, a named tuple
    ``(values, indices)`` of the maxima along ``dim`` and where they are. NaN propagates.

    Args:
        input (Tensor): the input tensor.
        dim (int, optional): the dimension to reduce.
        keepdim (bool): whether ``values`` and ``indices`` keep ``dim`` with size 1. Default: ``False``.
        keepdims (bool, optional): numpy's spelling of ``keepdim``.
        out (Tensor or tuple of Tensors, optional): tensors of the result's dtype and shape to write it into.

    Examples:
        >>> a = fastgrad.tensor([[1.0, 5.0], [3.0, 2.0]])
        >>> fastgrad.max(a)
        tensor(5.)
        >>> fastgrad.max(a, dim=1)
        torch.return_types.max(
        values=tensor([5., 3.]),
        indices=tensor([1, 0]))
    """
    return _write_out(input.max(dim, _keepdim(keepdim, keepdims)), out)


def min(input, dim=None, keepdim=False, *, keepdims=None, out=None):  # noqa: A001
    """Returns the smallest element of ``input`` (a 0-d tensor), or, with ``dim``, a named tuple
    ``(values, indices)`` of the minima along ``dim`` and where they are. NaN propagates.

    Args:
        input (Tensor): the input tensor.
        dim (int, optional): the dimension to reduce.
        keepdim (bool): whether ``values`` and ``indices`` keep ``dim`` with size 1. Default: ``False``.
        keepdims (bool, optional): numpy's spelling of ``keepdim``.
        out (Tensor or tuple of Tensors, optional): tensors of the result's dtype and shape to write it into.

    Examples:
        >>> a = fastgrad.tensor([[1.0, 5.0], [3.0, 2.0]])
        >>> fastgrad.min(a, dim=0).values
        tensor([1., 2.])
    """
    return _write_out(input.min(dim, _keepdim(keepdim, keepdims)), out)


def norm(input, p="fro", dim=None, keepdim=False, dtype=None, *, keepdims=None):
    """Returns the vector p-norm of ``input``: over all elements, or over ``dim``.

    Args:
        input (Tensor): the input tensor.
        p (float or str): any real number (``0`` counts the non-zero elements, negatives as torch), ``inf``
            (the largest absolute value), ``-inf`` (the smallest) or ``'fro'`` (the 2-norm). Default: ``'fro'``.
        dim (int or tuple of ints, optional): the dimension(s) to reduce.
        keepdim (bool): whether the output keeps the reduced dimensions with size 1. Default: ``False``.
        dtype (fastgrad.dtype, optional): cast ``input`` to this dtype first.
        keepdims (bool, optional): numpy's spelling of ``keepdim``.

    Examples:
        >>> fastgrad.norm(fastgrad.tensor([3.0, 4.0]))
        tensor(5.)
        >>> fastgrad.norm(fastgrad.tensor([[1.0, -2.0], [3.0, 0.0]]), p=1, dim=1)
        tensor([3., 3.])
    """
    keepdim = _keepdim(keepdim, keepdims)
    if p == "fro":
        p = 2
    if isinstance(p, str):
        raise NotImplementedError(f"norm: p={p!r} needs a singular value decomposition, which fastgrad does not "
                                  "have yet; 'fro' and numeric p are supported")
    return _C._linalg_vector_norm(input, builtins.float(p), dim, keepdim, dtype=dtype)
