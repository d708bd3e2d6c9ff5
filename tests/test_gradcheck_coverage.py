"""Coverage of the op table: every differentiable function fastgrad exports (the top-level namespace,
nn.functional, Tensor methods and operators) has an entry in tests/op_db.py, so a new op cannot land
without a gradient check. What is exported but not differentiable is listed here, each with its reason;
an export in neither place fails the test and names itself."""
import inspect

import pytest

import fastgrad
import fastgrad.nn.functional as F

from op_db import op_db

GRAD_DB = [op for op in op_db if op.differentiable]  # the rest are errors-only entries (see op_db.errors)
COVERED = {name for op in GRAD_DB for name in op.covers}

_BOOL = "returns a bool tensor (comparison / logic): no gradient, as in torch"
_INT = "returns integer indices: no gradient, as in torch"
_CREATE = "creates a tensor from sizes, values or data: a leaf, not a function of a differentiable input"
_RNG = "random-number state or an in-place random fill: no gradient, as in torch"
_MODE = "grad-mode / autograd machinery (tested by the autograd tests)"
_UTIL = "utility, no tensor output"
_META = "metadata or a Python value (shape, dtype, flags, item, list, numpy): leaves autograd"
_DETACH = "detach / .data: deliberately cut from the graph"
_BITS = "bitwise logic on bool / int64 tensors (float is refused): no gradient, as in torch"
_NODERIV = ("torch has no derivative for floor_divide: the result requires grad and backward through it raises "
            "RuntimeError, as in torch (tested in test_core_rounding_logic.py)")

_HALF = ("conversion to a 16-bit float: float64 gradcheck cannot see through its rounding; half-precision "
         "gradients (in the tensor's dtype) are compared with torch in test_dtypes.py")
_SPARSE_ONLY = "a sparse tensor's method: a dense tensor raises, as torch's"
_COUNT = ("counts (or sums of weights): torch has no derivative for it; a weighted result's backward raises, as "
          "torch's (tested in test_search_count.py)")

NON_DIFFERENTIABLE = {
    # top level
    "eq": _BOOL, "ne": _BOOL, "lt": _BOOL, "le": _BOOL, "gt": _BOOL, "ge": _BOOL,
    "argmax": _INT, "argmin": _INT,
    "argsort": _INT, "nonzero": _INT, "count_nonzero": _INT, "isclose": _BOOL, "allclose": _UTIL + " (a bool)",
    "equal": _UTIL + " (a bool)", "unique": "sorted distinct values with int64 inverse and counts: torch has no derivative for it",
    "zeros": _CREATE, "ones": _CREATE, "empty": _CREATE, "full": _CREATE, "zeros_like": _CREATE,
    "ones_like": _CREATE, "empty_like": _CREATE, "full_like": _CREATE, "arange": _CREATE, "linspace": _CREATE,
    "eye": _CREATE, "tensor": _CREATE + " (torch.tensor copies data without history too)", "as_tensor": _CREATE,
    "from_numpy": _CREATE, "from_dlpack": _CREATE,
    "rand": _RNG, "randn": _RNG, "rand_like": _RNG, "randn_like": _RNG, "randint": _RNG, "randperm": _RNG,
    "bernoulli": _RNG, "manual_seed": _RNG, "initial_seed": _RNG, "seed": _RNG, "get_rng_state": _RNG,
    "set_rng_state": _RNG, "randint_like": _RNG, "multinomial": _RNG,
    "normal": "a random draw: torch defines zero gradients for mean and std (checked against torch in "
              "test_random_streams.py); gradcheck cannot re-evaluate a draw",
    "floor_divide": _NODERIV,
    "broadcast_shapes": _UTIL + " (a shape)", "is_complex": _META, "is_nonzero": _META, "is_same_size": _META,
    "Tensor.is_complex": _META, "Tensor.itemsize": _META, "Tensor.nbytes": _META, "Tensor.sparse_dim": _META,
    "Tensor.dense_dim": _META, "Tensor.coalesce": _SPARSE_ONLY, "Tensor.indices": _SPARSE_ONLY,
    "Tensor.values": _SPARSE_ONLY, "Tensor.is_coalesced": _SPARSE_ONLY, "signbit": _BOOL, "Tensor.signbit": _BOOL, "isin": _BOOL,
    "argwhere": _INT, "Tensor.argwhere": _INT,
    "heaviside": "a step function: torch has no derivative for it", "Tensor.heaviside": "a step function: torch has "
    "no derivative for it", "unique_consecutive": "distinct runs with int64 inverse and counts: torch has no derivative "
    "for it", "Tensor.unique_consecutive": "distinct runs with int64 inverse and counts: torch has no derivative for it", "tril_indices": _CREATE, "triu_indices": _CREATE,
    "searchsorted": _INT, "bucketize": _INT, "bincount": _COUNT, "histc": _COUNT, "histogram": _COUNT,
    "isnan": _BOOL, "isinf": _BOOL, "isfinite": _BOOL, "isposinf": _BOOL, "isneginf": _BOOL, "logical_not": _BOOL,
    "logical_and": _BOOL, "logical_or": _BOOL, "logical_xor": _BOOL, "all": _BOOL, "any": _BOOL,
    "bitwise_and": _BITS, "bitwise_or": _BITS, "bitwise_xor": _BITS, "bitwise_not": _BITS,
    "is_grad_enabled": _MODE, "is_autocast_enabled": _MODE,
    "is_tensor": _UTIL, "numel": _UTIL, "get_num_threads": _UTIL, "set_num_threads": _UTIL, "show_config": _UTIL,
    "set_printoptions": _UTIL,
    "save": _UTIL, "load": _UTIL, "summary": _UTIL + " (model summary table)",
    "get_default_dtype": _META, "set_default_dtype": _MODE, "promote_types": _META, "result_type": _META,
    "is_floating_point": _META, "is_signed": _META, "Tensor.is_signed": _META,
    "Tensor.int": _INT + " (conversion to int32)", "Tensor.short": _INT + " (conversion to int16)",
    "Tensor.char": _INT + " (conversion to int8)", "Tensor.byte": _INT + " (conversion to uint8)",
    "Tensor.half": _HALF, "Tensor.bfloat16": _HALF,
    # nn.functional
    "nn.functional.one_hot": _INT,
    # Tensor methods
    "Tensor.eq": _BOOL, "Tensor.ne": _BOOL, "Tensor.lt": _BOOL, "Tensor.le": _BOOL, "Tensor.gt": _BOOL,
    "Tensor.ge": _BOOL, "Tensor.logical_not": _BOOL, "Tensor.bool": _BOOL, "Tensor.all": _BOOL, "Tensor.any": _BOOL,
    "Tensor.__eq__": _BOOL, "Tensor.__ne__": _BOOL, "Tensor.__lt__": _BOOL, "Tensor.__le__": _BOOL,
    "Tensor.__gt__": _BOOL, "Tensor.__ge__": _BOOL, "Tensor.__and__": _BOOL, "Tensor.__or__": _BOOL,
    "Tensor.__rand__": _BOOL, "Tensor.__ror__": _BOOL, "Tensor.__invert__": _BOOL,
    "Tensor.__xor__": _BOOL, "Tensor.__rxor__": _BOOL, "Tensor.__iand__": _BOOL, "Tensor.__ior__": _BOOL,
    "Tensor.__ixor__": _BOOL, "Tensor.isnan": _BOOL, "Tensor.isinf": _BOOL, "Tensor.isfinite": _BOOL,
    "Tensor.isposinf": _BOOL, "Tensor.isneginf": _BOOL, "Tensor.logical_and": _BOOL, "Tensor.logical_or": _BOOL,
    "Tensor.logical_xor": _BOOL, "Tensor.bitwise_and": _BITS, "Tensor.bitwise_or": _BITS, "Tensor.bitwise_xor": _BITS,
    "Tensor.bitwise_not": _BITS,
    "Tensor.bernoulli": _RNG, "Tensor.cauchy_": _RNG, "Tensor.exponential_": _RNG, "Tensor.geometric_": _RNG,
    "Tensor.log_normal_": _RNG, "Tensor.multinomial": _RNG, "Tensor.random_": _RNG,
    "Tensor.is_sparse": _META, "Tensor.layout": _META,
    "Tensor.bincount": _COUNT, "Tensor.histc": _COUNT, "Tensor.histogram": _COUNT,
    "Tensor.floor_divide": _NODERIV, "Tensor.floor_divide_": _NODERIV, "Tensor.__floordiv__": _NODERIV,
    "Tensor.__rfloordiv__": _NODERIV, "Tensor.__ifloordiv__": _NODERIV,
    "Tensor.argmax": _INT, "Tensor.argmin": _INT, "Tensor.argsort": _INT, "Tensor.nonzero": _INT, "Tensor.count_nonzero": _INT,
    "Tensor.isclose": _BOOL, "Tensor.allclose": _UTIL + " (a bool)", "Tensor.equal": _UTIL + " (a bool)",
    "Tensor.unique": "sorted distinct values with int64 inverse and counts: torch has no derivative for it", "Tensor.long": _INT + " (conversion to int64)",
    "Tensor.new_full": _CREATE, "Tensor.new_ones": _CREATE, "Tensor.new_tensor": _CREATE, "Tensor.new_zeros": _CREATE,
    "Tensor.normal_": _RNG, "Tensor.uniform_": _RNG, "Tensor.bernoulli_": _RNG,
    "Tensor.backward": _MODE, "Tensor.register_hook": _MODE, "Tensor.retain_grad": _MODE,
    "Tensor.requires_grad_": _MODE,
    "Tensor.detach": _DETACH, "Tensor.detach_": _DETACH, "Tensor.data": _DETACH,
    "Tensor.item": _META, "Tensor.tolist": _META, "Tensor.numpy": _META, "Tensor.dim": _META, "Tensor.ndim": _META,
    "Tensor.ndimension": _META, "Tensor.nelement": _META, "Tensor.numel": _META, "Tensor.size": _META,
    "Tensor.shape": _META, "Tensor.stride": _META, "Tensor.storage_offset": _META, "Tensor.element_size": _META,
    "Tensor.is_contiguous": _META, "Tensor.is_cpu": _META, "Tensor.is_cuda": _META, "Tensor.is_floating_point": _META,
    "Tensor.is_leaf": _META, "Tensor.device": _META, "Tensor.dtype": _META, "Tensor.grad": _META,
    "Tensor.grad_fn": _META, "Tensor.requires_grad": _META, "Tensor.retains_grad": _META, "Tensor.type": _META,
    "Tensor.__bool__": _META, "Tensor.__float__": _META, "Tensor.__int__": _META, "Tensor.__index__": _META,
    "Tensor.__len__": _META, "Tensor.__array__": _META, "Tensor.__dlpack__": _META, "Tensor.__dlpack_device__": _META,
    "Tensor.cuda": "raises: fastgrad runs on the CPU only", "Tensor.pin_memory": "raises: no accelerator to pin for",
    "Tensor.is_pinned": _META, "Tensor.is_shared": _META, "Tensor.get_device": _META, "Tensor.data_ptr": _META,
    "Tensor.share_memory_": "moves the elements to shared memory in place; values unchanged, no graph",
}

# Python object protocol on Tensor: not ops.
_PROTOCOL = {
    "__class__", "__delattr__", "__dir__", "__doc__", "__format__", "__getattribute__", "__getstate__", "__hash__",
    "__init__", "__init_subclass__", "__module__", "__new__", "__reduce__", "__reduce_ex__", "__repr__",
    "__setattr__", "__sizeof__", "__str__", "__subclasshook__", "__array_priority__", "__deepcopy__", "__dict__",
    "__weakref__", "__copy__", "__setstate__", "_pybind11_conduit_v1_",
}


def exported_ops():
    names = []
    for n in dir(fastgrad):
        if n.startswith("_"):
            continue
        obj = getattr(fastgrad, n)
        if inspect.ismodule(obj) or isinstance(obj, type) or not callable(obj):
            continue  # modules, classes (Tensor, Size, no_grad, ...) and dtype objects
        names.append(n)
    for n in dir(F):
        obj = getattr(F, n)
        if n.startswith("_") or inspect.ismodule(obj) or isinstance(obj, type) or not callable(obj):
            continue
        names.append("nn.functional." + n)
    for n in dir(fastgrad.Tensor):
        if n in _PROTOCOL or (n.startswith("_") and not n.startswith("__")):
            continue
        names.append("Tensor." + n)
    return names


def _same_object(name):
    """The op an alias is bound to (fastgrad.absolute is fastgrad.abs), or None."""
    owner, _, attr = name.rpartition(".")
    ns = {"": fastgrad, "Tensor": fastgrad.Tensor, "nn.functional": F}[owner]
    obj = ns.__dict__.get(attr) if owner == "Tensor" else getattr(ns, attr)
    if owner == "" and getattr(F, attr, None) is obj:  # torch.X forms of nn.functional.X
        return "nn.functional." + attr
    for other in (dir(ns) if obj is not None else ()):
        if other != attr and not other.startswith("_"):
            candidate = ns.__dict__.get(other) if owner == "Tensor" else getattr(ns, other, None)
            if candidate is obj:
                return (owner + "." if owner else "") + other
    return None


def _covered(name, follow_alias=True):
    if name in COVERED:
        return True
    # an alias bound to the same object as a covered op (torch's "Alias for torch.abs()") is covered by it
    if follow_alias and (target := _same_object(name)) is not None and _covered(target, follow_alias=False):
        return True
    # a method bound from the same C++ definition as the top-level function (def_both) is covered by it
    if name.startswith("Tensor.") and name[len("Tensor."):] in COVERED:
        return True
    if follow_alias and name.startswith("Tensor.") and (target := _same_object(name)) is not None:
        return _covered(target, follow_alias=False)
    return False


def test_every_differentiable_export_has_an_op_db_entry():
    missing = [n for n in exported_ops() if not _covered(n) and n not in NON_DIFFERENTIABLE
               and _same_object(n) not in NON_DIFFERENTIABLE]  # an alias of a listed op shares its reason
    assert not missing, ("exported ops with no entry in tests/op_db.py (add an OpInfo, or list the name in "
                         f"NON_DIFFERENTIABLE with the reason): {missing}")


def test_non_differentiable_list_has_no_stale_or_doubly_listed_names():
    exported = set(exported_ops())
    stale = sorted(n for n in NON_DIFFERENTIABLE if n not in exported)
    assert not stale, f"NON_DIFFERENTIABLE names that fastgrad no longer exports: {stale}"
    both = sorted(n for n in NON_DIFFERENTIABLE if n in COVERED)
    assert not both, f"names both in the op table and in NON_DIFFERENTIABLE: {both}"


def test_table_entries_name_real_exports():
    # an entry's own name may describe a variant (operators, Tensor.add_alpha_); what it claims to cover
    # besides that must exist
    exported = set(exported_ops())
    bad = [(op.name, n) for op in GRAD_DB for n in op.covers[1:] if n not in exported]
    assert not bad, bad


def test_errors_only_entries_are_listed_non_differentiable_exports():
    # an entry without gradient samples exists for its error inputs: it must name an op that is exported
    # and listed as not differentiable, so a differentiable op cannot hide there without a gradient check
    bad = [op.name for op in op_db if not op.differentiable and op.name not in NON_DIFFERENTIABLE]
    assert not bad, f"errors-only op_db entries that are not in NON_DIFFERENTIABLE: {bad}"


def test_every_entry_has_a_numpy_reference():
    # the values of every sample are checked against it, so they keep being checked where torch is absent
    missing = [op.name for op in GRAD_DB if op.ref_np is None]
    assert not missing, f"op_db entries without ref_np (add one to tests/op_ref_np.py or inline): {missing}"


def test_every_entry_has_a_gradient_sample():
    no_grad = [op.name for op in GRAD_DB if not any(s.gradcheck for s in op.samples())]
    # conversions through float32 cannot be gradchecked in float64; compared with torch instead
    assert set(no_grad) <= {"Tensor.to_float32"}, no_grad


@pytest.mark.parametrize("name", ["eq", "lt", "ge", "argmax", "Tensor.logical_not", "isnan", "isfinite", "all", "any",
                                  "logical_and", "logical_xor"])
def test_listed_non_differentiable_ops_really_give_no_gradient(name):
    x = fastgrad.randn(3, dtype=fastgrad.float64, requires_grad=True)
    fn = getattr(fastgrad.Tensor, name.split(".")[1]) if name.startswith("Tensor.") else getattr(fastgrad, name)
    if name.startswith("logical_"):
        out = fn(x, x * 2)
    else:
        out = fn(x) if name in ("argmax", "Tensor.logical_not", "isnan", "isfinite", "all", "any") else fn(x, 0.0)
    assert not out.requires_grad and not out.dtype.is_floating_point


def test_setitem_into_a_leaf_that_requires_grad_is_refused():
    # torch's refusal and message; the same write under no_grad is allowed
    x = fastgrad.randn(2, 3, dtype=fastgrad.float64, requires_grad=True)
    with pytest.raises(RuntimeError, match="a leaf Variable that requires grad is being used in an in-place operation"):
        x[fastgrad.tensor([0])] = 0.5
    with fastgrad.no_grad():
        x[:, 1] = 0.5
    assert x.detach()[:, 1].tolist() == [0.5, 0.5]
