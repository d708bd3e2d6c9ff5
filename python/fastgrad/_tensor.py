"""Python-side conveniences attached to the C++ Tensor class: the parts of torch.Tensor that are
not on any hot path (repr, tolist, iteration, numpy protocol)."""
import numpy as np

from . import _C
from ._tensor_str import tensor_repr
from ._types import bfloat16, int16

Tensor = _C.Tensor


def _tolist(self):
    """Returns the tensor as a (nested) list of Python numbers; a 0-d tensor gives a number.

    Examples:
        >>> fastgrad.tensor([[1, 2], [3, 4]]).tolist()
        [[1, 2], [3, 4]]
        >>> fastgrad.tensor(2.5).tolist()
        2.5
    """
    a = _numpy_values(self)
    return a.tolist() if a.ndim else a.item()


def _numpy_values(t):
    """t's values as a numpy array; bfloat16, which numpy lacks, as float32 (exact)."""
    t = t.detach()
    return (t.float() if t.dtype is bfloat16 else t).numpy()


def _iter(self):
    if self.dim() == 0:
        raise TypeError("iteration over a 0-d tensor")
    return (self[i] for i in range(self.shape[0]))


def _array(self, dtype=None, copy=None):
    a = self.detach().numpy()
    if dtype is not None:
        a = a.astype(dtype, copy=False)
    if copy:
        a = a.copy()
    return a


def _type(self, dtype=None, non_blocking=False, **kwargs):
    """With no argument, returns torch's type name of the tensor (``'torch.FloatTensor'`` ...); with a dtype,
    returns the tensor converted to it.

    Args:
        dtype (fastgrad.dtype, optional): the dtype to convert to.

    Examples:
        >>> fastgrad.zeros(2).type()
        'torch.FloatTensor'
        >>> fastgrad.zeros(2).type(fastgrad.int64)
        tensor([0, 0])
    """
    if kwargs:  # torch's only other keyword is the removed ``async``
        raise TypeError(f"type() got an unexpected keyword argument '{next(iter(kwargs))}'")
    from ._legacy_tensors import dtype_for_type, legacy_name
    if dtype is None:
        return legacy_name(self.dtype)
    target = dtype_for_type(dtype)
    return self if target is self.dtype else self.to(target)


def _cuda(self, device=None, non_blocking=False, memory_format=None):
    """Raises an error that is both a ``RuntimeError`` and an ``AssertionError``, as torch built without CUDA does:
    fastgrad runs on the CPU only, so there is no CUDA device to copy the tensor to.
    """
    from ._types import cpu_only_error
    raise cpu_only_error("Tensor.cuda()")


def _share_memory_(self):
    """Moves the tensor's data into shared memory (so worker processes see the same memory) and returns
    ``self``; a no-op if it is already shared.

    Examples:
        >>> t = fastgrad.zeros(3).share_memory_()
        >>> t.is_shared()
        True
    """
    from .multiprocessing.shared_memory import share_memory_
    return share_memory_(self)


def _is_shared(self):
    """Returns ``True`` if the tensor's data is in shared memory (see `Tensor.share_memory_`).

    Examples:
        >>> fastgrad.zeros(3).is_shared()
        False
    """
    from .multiprocessing.shared_memory import is_shared
    return is_shared(self)


def _get_device(self):
    """Returns the device index: -1, torch's index for the CPU.

    Examples:
        >>> fastgrad.zeros(1).get_device()
        -1
    """
    return -1  # torch's index for "on the CPU"


def _data_ptr(self):
    """The address of the first element, as an int (0 for a tensor without elements, as in torch)."""
    if self.numel() == 0:
        return 0
    t = self.detach()
    return (t.view(int16) if t.dtype is bfloat16 else t).numpy().__array_interface__["data"][0]


def _pin_memory(self, device=None):
    # torch without an accelerator raises exactly this; pinned memory only matters for device copies
    """Raises, as torch does without an accelerator: page-locked memory only matters for copies to a device.
    """
    raise RuntimeError("Cannot access accelerator device when none is available.")


def _is_pinned(self, device=None):
    """Returns ``False``: fastgrad tensors are never in page-locked memory.

    Examples:
        >>> fastgrad.zeros(1).is_pinned()
        False
    """
    return False


def _check_new_placement(what, device, pin_memory):
    from ._types import check_cpu_device, check_pin_memory
    check_cpu_device(device, what)
    check_pin_memory(pin_memory)


def _new_tensor(self, data, dtype=None, device=None, requires_grad=False):
    """Returns a new tensor holding ``data`` (copied), with this tensor's dtype unless ``dtype`` is given.

    Args:
        data (array_like): the values.
        dtype (fastgrad.dtype, optional): the dtype. Default: ``self.dtype``.
        requires_grad (bool): Default: ``False``.

    Examples:
        >>> fastgrad.zeros(2, dtype=fastgrad.float64).new_tensor([1, 2])
        tensor([1., 2.], dtype=torch.float64)
    """
    from . import tensor
    _check_new_placement("new_tensor()", device, False)
    return tensor(data, dtype=dtype or self.dtype, requires_grad=requires_grad)


def _new_zeros(self, *size, dtype=None, device=None, requires_grad=False, pin_memory=False):
    """Returns a tensor of zeros of the given shape, with this tensor's dtype unless ``dtype`` is given.

    Args:
        *size (int...): the shape.
        dtype (fastgrad.dtype, optional): Default: ``self.dtype``.
        requires_grad (bool): Default: ``False``.

    Examples:
        >>> fastgrad.tensor([1, 2]).new_zeros(3)
        tensor([0, 0, 0])
    """
    from . import zeros
    _check_new_placement("new_zeros()", device, pin_memory)
    return zeros(*size, dtype=dtype or self.dtype, requires_grad=requires_grad)


def _new_ones(self, *size, dtype=None, device=None, requires_grad=False, pin_memory=False):
    """Returns a tensor of ones of the given shape, with this tensor's dtype unless ``dtype`` is given.

    Args:
        *size (int...): the shape.
        dtype (fastgrad.dtype, optional): Default: ``self.dtype``.
        requires_grad (bool): Default: ``False``.

    Examples:
        >>> fastgrad.tensor([1.0]).new_ones(2, 2)
        tensor([[1., 1.],
                [1., 1.]])
    """
    from . import ones
    _check_new_placement("new_ones()", device, pin_memory)
    return ones(*size, dtype=dtype or self.dtype, requires_grad=requires_grad)


def _new_full(self, size, fill_value, dtype=None, device=None, requires_grad=False, pin_memory=False):
    """Returns a tensor of the given shape filled with ``fill_value``, with this tensor's dtype unless
    ``dtype`` is given.

    Args:
        size (tuple of ints): the shape.
        fill_value (Number): the value.
        dtype (fastgrad.dtype, optional): Default: ``self.dtype``.
        requires_grad (bool): Default: ``False``.

    Examples:
        >>> fastgrad.tensor([1.0]).new_full((2,), 7)
        tensor([7., 7.])
    """
    from . import full
    _check_new_placement("new_full()", device, pin_memory)
    return full(size, fill_value, dtype=dtype or self.dtype, requires_grad=requires_grad)


def _norm(self, p="fro", dim=None, keepdim=False):
    """Returns the p-norm of the tensor, over all elements or over ``dim``. See `fastgrad.norm`.

    Args:
        p (float or str): the order: a number, ``inf``, ``-inf``, or ``'fro'`` (2-norm). Default: ``'fro'``.
        dim (int or tuple of ints, optional): the dimension(s) to reduce.
        keepdim (bool): Default: ``False``.

    Examples:
        >>> fastgrad.tensor([3.0, 4.0]).norm()
        tensor(5.)
    """
    from . import linalg_norm
    return linalg_norm(self, p, dim, keepdim)


def _reduce_ex(self, protocol):
    # fastgrad never pickles tensor data implicitly (checkpoints use safetensors); copying a model
    # with copy.deepcopy goes through here.
    from . import tensor
    if self.dtype is bfloat16:  # numpy has no bfloat16: its bits travel as int16
        return (_rebuild_bfloat16, (self.detach().view(int16).numpy().copy(), self.requires_grad))
    return (_rebuild, (self.detach().numpy().copy(), self.requires_grad))


def _rebuild_bfloat16(bits, requires_grad):
    t = _C.from_numpy(bits).view(bfloat16)
    if requires_grad:
        t.requires_grad_(True)
    return t


def _rebuild(array, requires_grad):
    from . import from_numpy
    t = from_numpy(array)
    if requires_grad:
        t.requires_grad_(True)
    return t


def _deepcopy(self, memo):
    if id(self) in memo:
        return memo[id(self)]
    from . import _C as C
    new = C.Tensor.__new__(type(self))
    C.Tensor.__init__(new, self.detach().clone())
    if self.requires_grad and self.is_leaf:
        new.requires_grad_(True)
    if self.grad is not None:
        new.grad = self.grad.detach().clone()
    if hasattr(self, "__dict__"):
        import copy
        for k, v in self.__dict__.items():
            setattr(new, k, copy.deepcopy(v, memo))
    memo[id(self)] = new
    return new


for _name, _fn in {
    "__repr__": tensor_repr,
    "__str__": tensor_repr,
    "tolist": _tolist,
    "__iter__": _iter,
    "__array__": _array,
    "type": _type,
    "cuda": _cuda,
    "pin_memory": _pin_memory,
    "share_memory_": _share_memory_,
    "get_device": _get_device,
    "data_ptr": _data_ptr,
    "is_shared": _is_shared,
    "is_pinned": _is_pinned,
    "new_tensor": _new_tensor,
    "new_zeros": _new_zeros,
    "new_ones": _new_ones,
    "new_full": _new_full,
    "norm": _norm,
    "__reduce_ex__": _reduce_ex,
    "__deepcopy__": _deepcopy,
}.items():
    setattr(Tensor, _name, _fn)

Tensor.__array_priority__ = 1000  # numpy defers `ndarray + tensor` to Tensor.__radd__
Tensor.is_cpu = True
