"""The ten dtypes (bool, uint8, int8, int16, int32, int64, float16, bfloat16, float32, float64): names and
properties, casts, torch's type promotion, arithmetic, reductions, indexing, creation, numpy / DLPack
exchange, the default dtype, finfo / iinfo and the legacy constructors, each compared with torch 2.13."""
import itertools
import math

import numpy as np
import pytest

import fastgrad
from conftest import require_torch

NAMES = ["bool", "uint8", "int8", "int16", "int32", "int64", "float16", "bfloat16", "float32", "float64"]
NARROW = ["uint8", "int8", "int16", "int32", "float16", "bfloat16"]
INTS = ["uint8", "int8", "int16", "int32", "int64"]
HALVES = ["float16", "bfloat16"]
# values every dtype can hold exactly (small non-negative integers), as float64
SMALL = [0.0, 1.0, 2.0, 3.0, 5.0, 7.0, 100.0, 127.0]


def fg_dtype(name):
    return getattr(fastgrad, name)


def th_dtype(torch, name):
    return getattr(torch, name)


def to_torch(torch, t):
    """A torch copy of a fastgrad tensor, of the same dtype (through DLPack, which carries all ten)."""
    return torch.from_dlpack(t.detach().contiguous()).clone()


def assert_same(torch, ours, theirs, exact=True):
    """Same dtype, shape and values (bit for bit when exact; NaN in the same places)."""
    assert repr(ours.dtype) == repr(theirs.dtype), (ours.dtype, theirs.dtype)
    assert tuple(ours.shape) == tuple(theirs.shape)
    a = to_torch(torch, ours)
    if exact:
        assert torch.equal(a, theirs) or (a.is_floating_point() and torch.equal(a.isnan(), theirs.isnan()) and
                                          torch.equal(a.nan_to_num(0.0), theirs.nan_to_num(0.0))), (a, theirs)
    else:
        torch.testing.assert_close(a.double(), theirs.double(), rtol=1e-2, atol=1e-2)


# ---------------------------------------------------------------- names and properties

def test_dtype_names_aliases_and_properties():
    torch = require_torch()
    for name in NAMES:
        ours, theirs = fg_dtype(name), th_dtype(torch, name)
        assert repr(ours) == repr(theirs)
        assert ours.itemsize == theirs.itemsize
        assert ours.is_floating_point == theirs.is_floating_point
        assert ours.is_signed == theirs.is_signed
        assert ours.is_complex is False
    for alias in ["int", "short", "half", "long", "float", "double"]:
        assert repr(getattr(fastgrad, alias)) == repr(getattr(torch, alias)), alias


def test_dtype_objects_are_the_ones_tensors_report():
    for name in NAMES:
        dt = fg_dtype(name)
        assert fastgrad.zeros(2, dtype=dt).dtype is dt
        assert fastgrad.empty(0, dtype=dt).dtype is dt


# ---------------------------------------------------------------- casts

CAST_VALUES = [0.0, 1.0, -1.0, 2.5, -2.5, 0.5, 1.5, 127.0, 128.0, 255.0, 256.0, 300.7, -300.2, 65504.0, 65520.0,
               70000.5, 1e10, -1e10, 3e9, 1e-8, 6e-8, 1.0000001, 3.1415926, float("nan"), float("inf"), float("-inf")]


@pytest.mark.parametrize("src", ["float64", "float32"])
@pytest.mark.parametrize("dst", NAMES)
def test_cast_from_float_matches_torch(src, dst):
    torch = require_torch()
    theirs_src = torch.tensor(CAST_VALUES, dtype=th_dtype(torch, src))
    ours_src = fastgrad.from_numpy(theirs_src.numpy().copy())
    assert_same(torch, ours_src.to(fg_dtype(dst)), theirs_src.to(th_dtype(torch, dst)))
    # strided source, the conversion loop's other path
    assert_same(torch, ours_src[::3].to(fg_dtype(dst)), theirs_src[::3].to(th_dtype(torch, dst)))


@pytest.mark.parametrize("src", NAMES)
@pytest.mark.parametrize("dst", NAMES)
def test_cast_between_every_pair_matches_torch(src, dst):
    torch = require_torch()
    values = torch.tensor([0, 1, -1, 2, 100, -100, 127, -128, 255, 300, -300, 40000, 70000, 2 ** 31 + 5,
                           -(2 ** 40) - 3])
    theirs_src = values.to(th_dtype(torch, src))
    ours_src = fastgrad.from_dlpack(theirs_src.clone())
    assert ours_src.dtype is fg_dtype(src)
    assert_same(torch, ours_src.to(fg_dtype(dst)), theirs_src.to(th_dtype(torch, dst)))


def test_half_rounding_is_nearest_even_including_subnormals():
    torch = require_torch()
    rng = np.random.default_rng(0)
    bits = rng.integers(0, 2 ** 32, size=20000, dtype=np.uint64).astype(np.uint32)
    floats = bits.view(np.float32)
    special = np.array([2.0 ** -24, 2.0 ** -25, 3 * 2.0 ** -26, 2.0 ** -14 - 2.0 ** -25, 65519.99, 1 + 2.0 ** -11,
                        1 + 3 * 2.0 ** -11, 1 + 2.0 ** -8, 1 + 3 * 2.0 ** -8, 3.3961776e38], dtype=np.float32)
    src = np.concatenate([floats, special, -special])
    for name in HALVES:
        theirs = torch.from_numpy(src).to(th_dtype(torch, name))
        ours = fastgrad.from_numpy(src).to(fg_dtype(name))
        assert_same(torch, ours, theirs)
        # and back to float32 exactly
        assert_same(torch, ours.float(), theirs.float())


@pytest.mark.parametrize("method,name", [("int", "int32"), ("short", "int16"), ("char", "int8"), ("byte", "uint8"),
                                         ("half", "float16"), ("bfloat16", "bfloat16"), ("long", "int64"),
                                         ("float", "float32"), ("double", "float64"), ("bool", "bool")])
def test_conversion_methods(method, name):
    torch = require_torch()
    theirs_src = torch.tensor([1.7, -2.2, 0.0, 300.5])
    ours = getattr(fastgrad.tensor([1.7, -2.2, 0.0, 300.5]), method)()
    assert_same(torch, ours, getattr(theirs_src, method)())


def test_type_and_to_with_names():
    t = fastgrad.tensor([1.5, 2.5])
    assert t.type(fastgrad.int32).dtype is fastgrad.int32
    assert t.type("torch.ByteTensor").dtype is fastgrad.uint8
    assert t.half().type() == "torch.HalfTensor"
    assert t.to(fastgrad.bfloat16).dtype is fastgrad.bfloat16
    assert t.to(dtype=fastgrad.int8).tolist() == [1, 2]


# ---------------------------------------------------------------- promotion

def _operands(torch, name, kind):
    """One operand of dtype `name` in both libraries: a 1-d tensor, a 0-dim tensor or a Python number."""
    if kind == "scalar":
        v = {"bool": True}.get(name, 2.5 if "float" in name else 3)
        return v, v
    shape = () if kind == "zero_dim" else (2,)
    theirs = torch.ones(shape, dtype=th_dtype(torch, name))
    return fastgrad.ones(shape, dtype=fg_dtype(name)), theirs


@pytest.mark.parametrize("kind_b", ["tensor", "zero_dim", "scalar"])
@pytest.mark.parametrize("kind_a", ["tensor", "zero_dim"])
def test_result_type_every_pair_matches_torch(kind_a, kind_b):
    torch = require_torch()
    b_names = ["bool", "int64", "float64"] if kind_b == "scalar" else NAMES
    for a_name, b_name in itertools.product(NAMES, b_names):
        ours_a, theirs_a = _operands(torch, a_name, kind_a)
        ours_b, theirs_b = _operands(torch, b_name, kind_b)
        expected = torch.result_type(theirs_a, theirs_b)
        assert repr(fastgrad.result_type(ours_a, ours_b)) == repr(expected), (a_name, b_name)
        if expected != torch.bool:  # the op itself takes that dtype too (bool + bool is refused by sub)
            assert repr((ours_a + ours_b).dtype) == repr(expected), (a_name, b_name)
        assert repr((ours_a * ours_b).dtype) == repr(theirs_a.mul(theirs_b).dtype)


# ---------------------------------------------------------------- arithmetic and comparisons

def _pair(torch, name, values, shape=None):
    theirs = torch.tensor(values, dtype=torch.float64).to(th_dtype(torch, name))
    if shape is not None:
        theirs = theirs.reshape(shape)
    return fastgrad.from_dlpack(theirs.clone()), theirs


BINARY = {
    "add": lambda m, a, b: a + b,
    "sub": lambda m, a, b: a - b,
    "mul": lambda m, a, b: a * b,
    "div": lambda m, a, b: a / b,
    "maximum": lambda m, a, b: m.maximum(a, b),
    "eq": lambda m, a, b: a == b,
    "lt": lambda m, a, b: a < b,
    "ge": lambda m, a, b: a >= b,
    "add_scalar": lambda m, a, b: a + 300,
    "mul_scalar_float": lambda m, a, b: a * 1.5,
    "rsub_scalar": lambda m, a, b: 1 - a,
    "lt_scalar": lambda m, a, b: a < 300,
}


@pytest.mark.parametrize("op", sorted(BINARY))
@pytest.mark.parametrize("name", [n for n in NAMES if n != "bool"])
def test_binary_ops_match_torch(op, name):
    torch = require_torch()
    a_vals = [1, 2, 3, 100, 120, 7, 64, 90]
    b_vals = [3, 5, 7, 100, 30, 2, 64, 1]
    ours_a, theirs_a = _pair(torch, name, a_vals, (2, 4))
    ours_b, theirs_b = _pair(torch, name, b_vals, (2, 4))
    f = BINARY[op]
    theirs = f(torch, theirs_a, theirs_b)
    ours = f(fastgrad, ours_a, ours_b)
    assert_same(torch, ours, theirs, exact=name not in HALVES or op == "div")


@pytest.mark.parametrize("name", INTS[:-1])
def test_small_int_arithmetic_wraps_as_torch(name):
    torch = require_torch()
    ours, theirs = _pair(torch, name, [100, 120, 127, 200, 0])
    for f in (lambda x: x + x, lambda x: x * x * x, lambda x: -x, lambda x: x - 250, lambda x: x.abs(),
              lambda x: x // 3, lambda x: x % 7):
        assert_same(torch, f(ours), f(theirs))


@pytest.mark.parametrize("name", HALVES)
def test_half_arithmetic_rounds_each_op_as_torch(name):
    torch = require_torch()
    rng = np.random.default_rng(1)
    a = rng.standard_normal(1000) * 10
    b = rng.standard_normal(1000)
    ours_a, theirs_a = _pair(torch, name, a.tolist())
    ours_b, theirs_b = _pair(torch, name, b.tolist())
    for f in (lambda m, x, y: x + y, lambda m, x, y: x * y, lambda m, x, y: x / y, lambda m, x, y: x - 2.5 * y,
              lambda m, x, y: m.exp(y), lambda m, x, y: m.sqrt(x.abs()), lambda m, x, y: m.tanh(x),
              lambda m, x, y: m.relu(x), lambda m, x, y: -x):
        assert_same(torch, f(fastgrad, ours_a, ours_b), f(torch, theirs_a, theirs_b))


@pytest.mark.parametrize("name", [n for n in NAMES if n != "bool"])
def test_unary_float_math_on_every_dtype(name):
    torch = require_torch()
    ours, theirs = _pair(torch, name, SMALL)
    for f in ("exp", "sqrt", "sin", "sigmoid", "log1p"):
        assert_same(torch, getattr(fastgrad, f)(ours), getattr(torch, f)(theirs), exact=False)


# ---------------------------------------------------------------- reductions

@pytest.mark.parametrize("name", NAMES)
def test_reductions_match_torch(name):
    torch = require_torch()
    ours, theirs = _pair(torch, name, [1, 0, 3, 100, 7, 2, 120, 5], (2, 4))
    assert_same(torch, ours.sum(), theirs.sum())
    assert_same(torch, ours.sum(dim=1), theirs.sum(dim=1))
    assert_same(torch, ours.amax(dim=0), theirs.amax(dim=0))
    if name != "bool":
        assert_same(torch, ours.argmax(dim=1), theirs.argmax(dim=1))
        assert_same(torch, ours.prod(dim=1), theirs.prod(dim=1), exact=name not in HALVES)
        assert_same(torch, ours.max(), theirs.max())
        assert_same(torch, ours.min(dim=1).values, theirs.min(dim=1).values)
    if fg_dtype(name).is_floating_point:
        assert_same(torch, ours.mean(), theirs.mean(), exact=name not in HALVES)
    else:
        with pytest.raises(RuntimeError, match="mean"):
            ours.mean()
        with pytest.raises(RuntimeError):
            theirs.mean()


def test_sum_of_small_ints_is_int64_without_wrapping():
    x = fastgrad.full((1000,), 100, dtype=fastgrad.int8)
    s = x.sum()
    assert s.dtype is fastgrad.int64 and s.item() == 100000


# ---------------------------------------------------------------- matmul, indexing, joining

@pytest.mark.parametrize("name", [n for n in NAMES if n != "bool"])
def test_matmul_matches_torch(name):
    torch = require_torch()
    ours_a, theirs_a = _pair(torch, name, list(range(12)), (3, 4))
    ours_b, theirs_b = _pair(torch, name, list(range(8)), (4, 2))
    assert_same(torch, ours_a @ ours_b, theirs_a @ theirs_b, exact=name not in HALVES)


@pytest.mark.parametrize("name", NAMES)
def test_indexing_gather_cat_where_match_torch(name):
    torch = require_torch()
    ours, theirs = _pair(torch, name, [1, 0, 3, 100, 7, 2, 120, 5], (2, 4))
    idx = [[0, 3], [2, 1]]
    assert_same(torch, ours.gather(1, fastgrad.tensor(idx)), theirs.gather(1, torch.tensor(idx)))
    assert_same(torch, ours[:, 1::2], theirs[:, 1::2])
    assert_same(torch, ours[fastgrad.tensor([1, 0])], theirs[torch.tensor([1, 0])])
    assert_same(torch, ours.t().contiguous(), theirs.t().contiguous())
    assert_same(torch, fastgrad.cat([ours, ours]), torch.cat([theirs, theirs]))
    assert_same(torch, fastgrad.stack([ours, ours], 1), torch.stack([theirs, theirs], 1))
    cond = [[True, False, True, False], [False, False, True, True]]
    assert_same(torch, fastgrad.where(fastgrad.tensor(cond), ours, ours.flip(1)),
                torch.where(torch.tensor(cond), theirs, theirs.flip(1)))
    assert_same(torch, ours.nonzero(), theirs.nonzero())
    assert_same(torch, ours.index_select(1, fastgrad.tensor([3, 0])), theirs.index_select(1, torch.tensor([3, 0])))


def test_setitem_and_fill_on_narrow_dtypes():
    torch = require_torch()
    for name in NARROW:
        ours, theirs = _pair(torch, name, [1, 2, 3, 4])
        ours[1] = 7
        theirs[1] = 7
        ours[2:] = fastgrad.tensor([9.7, 10.2])
        theirs[2:] = torch.tensor([9.7, 10.2])
        assert_same(torch, ours, theirs)
        assert_same(torch, ours.clone().fill_(5), theirs.clone().fill_(5))
        assert_same(torch, ours.clone().zero_(), theirs.clone().zero_())


# ---------------------------------------------------------------- creation

@pytest.mark.parametrize("name", NAMES)
def test_creation_with_dtype(name):
    torch = require_torch()
    d, td = fg_dtype(name), th_dtype(torch, name)
    assert_same(torch, fastgrad.zeros(2, 3, dtype=d), torch.zeros(2, 3, dtype=td))
    assert_same(torch, fastgrad.ones(4, dtype=d), torch.ones(4, dtype=td))
    assert_same(torch, fastgrad.full((2,), 1, dtype=d), torch.full((2,), 1, dtype=td))
    assert_same(torch, fastgrad.tensor([1, 0, 1], dtype=d), torch.tensor([1, 0, 1], dtype=td))
    assert_same(torch, fastgrad.zeros_like(fastgrad.zeros(3), dtype=d), torch.zeros_like(torch.zeros(3), dtype=td))
    assert_same(torch, fastgrad.ones_like(fastgrad.zeros(3, dtype=d)), torch.ones_like(torch.zeros(3, dtype=td)))
    assert fastgrad.empty(3, dtype=d).dtype is d
    assert fastgrad.empty_like(fastgrad.zeros(3, dtype=d)).dtype is d
    if name != "bool":
        assert_same(torch, fastgrad.arange(5, dtype=d), torch.arange(5, dtype=td))
        assert_same(torch, fastgrad.eye(3, dtype=d), torch.eye(3, dtype=td))
        assert_same(torch, fastgrad.tensor([[1.5, 2.25], [3.0, 4.0]], dtype=d),
                    torch.tensor([[1.5, 2.25], [3.0, 4.0]], dtype=td))


@pytest.mark.parametrize("name", INTS)
def test_randint_with_int_dtypes_matches_torch_stream(name):
    torch = require_torch()
    fastgrad.manual_seed(3)
    torch.manual_seed(3)
    ours = fastgrad.randint(0, 100, (50,), dtype=fg_dtype(name))
    theirs = torch.randint(0, 100, (50,), dtype=th_dtype(torch, name))
    assert_same(torch, ours, theirs)


def test_out_of_range_values_raise_as_torch():
    torch = require_torch()
    for name, value in [("uint8", 256), ("uint8", -256), ("int8", 128), ("int8", 127.9), ("int16", 40000),
                        ("int32", 2 ** 31)]:
        with pytest.raises(RuntimeError, match="without overflow"):
            torch.tensor([value], dtype=th_dtype(torch, name))
        with pytest.raises(RuntimeError, match="without overflow"):
            fastgrad.tensor([value], dtype=fg_dtype(name))
    # what torch lets through: a negative int wraps into uint8, -128 fits int8
    assert_same(torch, fastgrad.tensor([-1, -255], dtype=fastgrad.uint8), torch.tensor([-1, -255], dtype=torch.uint8))
    assert_same(torch, fastgrad.tensor([-128], dtype=fastgrad.int8), torch.tensor([-128], dtype=torch.int8))
    with pytest.raises(RuntimeError, match="without overflow"):
        fastgrad.full((2,), 300, dtype=fastgrad.int8)
    with pytest.raises(RuntimeError, match="without overflow"):
        torch.full((2,), 300, dtype=torch.int8)


# ---------------------------------------------------------------- numpy and DLPack

@pytest.mark.parametrize("name", [n for n in NAMES if n != "bfloat16"])
def test_numpy_both_ways_shares_memory(name):
    np_type = np.dtype("bool" if name == "bool" else name)
    a = np.array([1, 0, 1, 1], dtype=np_type)
    t = fastgrad.from_numpy(a)
    assert t.dtype is fg_dtype(name)
    back = t.numpy()
    assert back.dtype == np_type
    assert np.shares_memory(back, a)
    t2 = fastgrad.tensor(a)
    assert t2.dtype is fg_dtype(name) and not np.shares_memory(t2.numpy(), a)


def test_bfloat16_numpy_raises_type_error_as_torch():
    torch = require_torch()
    with pytest.raises(TypeError, match="BFloat16"):
        torch.zeros(2, dtype=torch.bfloat16).numpy()
    with pytest.raises(TypeError, match="BFloat16"):
        fastgrad.zeros(2, dtype=fastgrad.bfloat16).numpy()
    assert repr(fastgrad.tensor([1.5, 2.0], dtype=fastgrad.bfloat16)) == \
        repr(torch.tensor([1.5, 2.0], dtype=torch.bfloat16))


@pytest.mark.parametrize("name", NAMES)
def test_dlpack_exchange_with_torch_every_dtype(name):
    torch = require_torch()
    theirs = torch.tensor([1, 0, 3, 2]).to(th_dtype(torch, name))
    ours = fastgrad.from_dlpack(theirs)
    assert ours.dtype is fg_dtype(name)
    back = torch.from_dlpack(ours)
    assert back.dtype == theirs.dtype and torch.equal(back, theirs)
    assert back.data_ptr() == theirs.data_ptr()  # no copy either way


@pytest.mark.parametrize("name", NAMES)
def test_repr_matches_torch(name):
    torch = require_torch()
    ours, theirs = _pair(torch, name, [1, 0, 3, 2.5])
    assert repr(ours) == repr(theirs)
    assert ours.tolist() == theirs.tolist()
    assert ours[0].item() == theirs[0].item() and type(ours[0].item()) is type(theirs[0].item())


# ---------------------------------------------------------------- default dtype, finfo, iinfo

@pytest.fixture
def restore_default_dtype():
    yield
    fastgrad.set_default_dtype(fastgrad.float32)


@pytest.mark.parametrize("name", ["float64", "float16", "bfloat16", "float32"])
def test_set_default_dtype_changes_float_creation(name, restore_default_dtype):
    d = fg_dtype(name)
    fastgrad.set_default_dtype(d)
    assert fastgrad.get_default_dtype() is d
    assert fastgrad.tensor([1.0]).dtype is d
    assert fastgrad.tensor(2.5).dtype is d
    assert fastgrad.tensor([1, 2]).dtype is fastgrad.int64
    for f in (fastgrad.zeros, fastgrad.ones, fastgrad.empty, fastgrad.randn, fastgrad.rand):
        assert f(2).dtype is d, f
    assert fastgrad.arange(0.0, 1.0, 0.5).dtype is d
    assert fastgrad.full((1,), 1.5).dtype is d
    # a Python float operand takes the default dtype too
    assert (fastgrad.tensor([1, 2]) * 1.5).dtype is d


def test_set_default_dtype_refuses_integers(restore_default_dtype):
    torch = require_torch()
    with pytest.raises(TypeError, match="floating"):
        torch.set_default_dtype(torch.int32)
    with pytest.raises(TypeError, match="floating"):
        fastgrad.set_default_dtype(fastgrad.int32)
    assert fastgrad.get_default_dtype() is fastgrad.float32


def test_finfo_iinfo_match_torch():
    torch = require_torch()
    for name in ["float16", "bfloat16", "float32", "float64"]:
        ours, theirs = fastgrad.finfo(fg_dtype(name)), torch.finfo(th_dtype(torch, name))
        for field in ("bits", "eps", "max", "min", "tiny", "smallest_normal", "resolution", "dtype"):
            assert getattr(ours, field) == getattr(theirs, field), (name, field)
        assert repr(ours) == repr(theirs)
    for name in INTS:
        ours, theirs = fastgrad.iinfo(fg_dtype(name)), torch.iinfo(th_dtype(torch, name))
        for field in ("bits", "max", "min", "dtype"):
            assert getattr(ours, field) == getattr(theirs, field), (name, field)
        assert repr(ours) == repr(theirs)
    assert repr(fastgrad.finfo()) == repr(torch.finfo())
    with pytest.raises(TypeError):
        fastgrad.finfo(fastgrad.int32)
    with pytest.raises(TypeError):
        fastgrad.iinfo(fastgrad.float32)
    with pytest.raises(TypeError):
        fastgrad.iinfo(fastgrad.bool)


def test_is_floating_point_and_is_signed():
    torch = require_torch()
    for name in NAMES:
        ours, theirs = fastgrad.zeros(1, dtype=fg_dtype(name)), torch.zeros(1, dtype=th_dtype(torch, name))
        assert fastgrad.is_floating_point(ours) == torch.is_floating_point(theirs)
        assert ours.is_floating_point() == theirs.is_floating_point()
        assert ours.is_signed() == theirs.is_signed()


# ---------------------------------------------------------------- legacy constructors

@pytest.mark.parametrize("legacy,name", [("IntTensor", "int32"), ("ShortTensor", "int16"), ("CharTensor", "int8"),
                                         ("ByteTensor", "uint8"), ("HalfTensor", "float16"),
                                         ("BFloat16Tensor", "bfloat16")])
def test_legacy_constructors(legacy, name):
    torch = require_torch()
    cls = getattr(fastgrad, legacy)
    assert_same(torch, cls([1, 2, 3]), getattr(torch, legacy)([1, 2, 3]))
    assert cls(2, 3).shape == (2, 3) and cls(2, 3).dtype is fg_dtype(name)
    assert isinstance(fastgrad.zeros(1, dtype=fg_dtype(name)), cls)
    assert not isinstance(fastgrad.zeros(1), cls)


# ---------------------------------------------------------------- autograd on the half precisions

@pytest.mark.parametrize("name", HALVES)
def test_half_autograd_gives_grads_in_the_tensor_dtype(name):
    """Forward and backward in float16 / bfloat16: grads come in the tensor's dtype, and are as close to the
    float64 result as torch's own are (both round every op's result; the roundings differ in places)."""
    torch = require_torch()
    rng = np.random.default_rng(2)
    xv, wv = rng.standard_normal((4, 3)).tolist(), rng.standard_normal((2, 3)).tolist()

    def run(lib, dtype_name):
        d = getattr(lib, dtype_name)
        x = lib.tensor(xv, dtype=d, requires_grad=True)
        w = lib.tensor(wv, dtype=d, requires_grad=True)
        y = (lib.nn.functional.linear(x, w).tanh() * 2.0 + x.sum()).softmax(dim=1)
        loss = (y * y).sum()
        loss.backward()
        assert x.grad.dtype is d and w.grad.dtype is d
        return [np.array(t.detach().float().tolist(), dtype=np.float64) for t in (loss, x.grad, w.grad)]

    ours, theirs, exact = run(fastgrad, name), run(torch, name), run(torch, "float64")
    eps = torch.finfo(getattr(torch, name)).eps
    for o, t, e in zip(ours, theirs, exact):
        scale = max(1.0, float(np.abs(e).max()))
        assert np.abs(o - e).max() <= 2 * np.abs(t - e).max() + 2 * eps * scale, (o, t, e)


def test_integer_tensors_cannot_require_grad():
    with pytest.raises(RuntimeError, match="floating point"):
        fastgrad.zeros(2, dtype=fastgrad.int32, requires_grad=True)
    assert fastgrad.zeros(2, dtype=fastgrad.float16, requires_grad=True).requires_grad


def test_unsupported_dtype_names_raise():
    with pytest.raises(TypeError, match="unsupported dtype"):
        fastgrad.zeros(2, dtype="complex64")
    assert not hasattr(fastgrad, "complex64") and not hasattr(fastgrad, "uint16")
    assert math.isnan(fastgrad.tensor([float("nan")], dtype=fastgrad.float16).item())


def test_int32_indices_and_uint8_masks_index_as_in_torch():
    torch = require_torch()
    ours, theirs = fastgrad.arange(10) * 3, torch.arange(10) * 3
    i32 = [1, 7, 2]
    assert_same(torch, ours[fastgrad.tensor(i32, dtype=fastgrad.int32)], theirs[torch.tensor(i32, dtype=torch.int32)])
    assert_same(torch, ours.index_select(0, fastgrad.tensor(i32, dtype=fastgrad.int32)),
                theirs.index_select(0, torch.tensor(i32, dtype=torch.int32)))
    mask = [1, 0, 1, 0, 0, 0, 0, 0, 0, 1]
    with pytest.warns(UserWarning, match="uint8"):
        got = ours[fastgrad.tensor(mask, dtype=fastgrad.uint8)]
    with pytest.warns(UserWarning, match="uint8"):
        want = theirs[torch.tensor(mask, dtype=torch.uint8)]
    assert_same(torch, got, want)
    with pytest.raises(IndexError):
        theirs[torch.tensor([1], dtype=torch.int8)]
    with pytest.raises(IndexError):
        ours[fastgrad.tensor([1], dtype=fastgrad.int8)]


@pytest.mark.parametrize("name", HALVES)
@pytest.mark.parametrize("n", [5, 16, 37, 100, 4099])
def test_half_random_streams_match_torch(name, n):
    torch = require_torch()
    for f, kw in (("randn", {}), ("rand", {})):
        torch.manual_seed(7)
        fastgrad.manual_seed(7)
        assert_same(torch, getattr(fastgrad, f)(n, dtype=fg_dtype(name), **kw),
                    getattr(torch, f)(n, dtype=th_dtype(torch, name), **kw))
    for mean, std in ((2.0, 3.0), (-1.5, 0.1)):
        torch.manual_seed(8)
        fastgrad.manual_seed(8)
        assert_same(torch, fastgrad.empty(n, dtype=fg_dtype(name)).normal_(mean, std),
                    torch.empty(n, dtype=th_dtype(torch, name)).normal_(mean, std))


def test_reductions_with_dtype_argument_match_torch():
    torch = require_torch()
    ours, theirs = _pair(torch, "int8", [100, 100, 7])
    for f in (lambda L, x: x.sum(dtype=L.int8), lambda L, x: x.sum(dtype=L.int32), lambda L, x: x.prod(dtype=L.int16),
              lambda L, x: x.sum(dtype=L.float16), lambda L, x: x.cumsum(0, dtype=L.int8),
              lambda L, x: x.float().sum(dtype=L.bfloat16), lambda L, x: x.mean(dtype=L.float16)):
        assert_same(torch, f(fastgrad, ours), f(torch, theirs))


@pytest.mark.parametrize("name", HALVES)
@pytest.mark.parametrize("opt", ["SGD", "Adam", "AdamW"])
def test_optimizers_step_half_precision_parameters(name, opt):
    """A float16 / bfloat16 model trains (the fused float32 kernels are skipped): parameters stay in their
    dtype and follow torch's to the dtype's rounding."""
    torch = require_torch()
    rng = np.random.default_rng(3)
    w0, xv, yv = rng.standard_normal((3, 4)) * 0.5, rng.standard_normal((8, 4)), rng.standard_normal((8, 3))
    results = []
    for lib in (fastgrad, torch):
        d = getattr(lib, name)
        w = lib.nn.Parameter(lib.tensor(w0.tolist(), dtype=d))
        kw = {"momentum": 0.9} if opt == "SGD" else {}
        o = getattr(lib.optim, opt)([w], lr=0.05, **kw)
        x, y = lib.tensor(xv.tolist(), dtype=d), lib.tensor(yv.tolist(), dtype=d)
        for _ in range(3):
            o.zero_grad()
            loss = ((x @ w.t() - y) ** 2).mean()
            loss.backward()
            o.step()
        assert w.dtype is d and w.grad.dtype is d
        results.append(w.detach())
    assert_same(torch, results[0], results[1], exact=False)


@pytest.mark.parametrize("name", HALVES)
def test_cross_entropy_on_half_logits(name):
    torch = require_torch()
    rng = np.random.default_rng(4)
    logits, target = rng.standard_normal((5, 4)).tolist(), [0, 3, 1, 1, 2]
    results = []
    for lib in (fastgrad, torch):
        x = lib.tensor(logits, dtype=getattr(lib, name), requires_grad=True)
        loss = lib.nn.functional.cross_entropy(x, lib.tensor(target))
        loss.backward()
        assert loss.dtype is getattr(lib, name) and x.grad.dtype is getattr(lib, name)
        results.append((loss.detach(), x.grad))
    for ours, theirs in zip(*results):
        assert_same(torch, ours, theirs, exact=False)


@pytest.mark.parametrize("name", NARROW + ["bool"])
def test_index_writes_and_scatters_in_every_dtype(name):
    torch = require_torch()
    results = []
    for lib in (fastgrad, torch):
        d = getattr(lib, name)
        x = lib.tensor([[1, 0, 3], [4, 5, 0]]).to(d)
        idx = lib.tensor([[0, 2], [1, 1]])
        src = lib.tensor([[7, 1], [2, 9]]).to(d)
        a = x.clone()
        a[lib.tensor([1, 0]), lib.tensor([2, 1])] = lib.tensor([6, 1]).to(d)
        b = x.clone().scatter_(1, idx, src)
        m = x.clone().masked_scatter(x > 0 if name != "bool" else x, lib.ones(6).to(d))
        out = [a, b, m, x.index_select(1, lib.tensor([2, 0]))]
        if name != "bool":
            out += [x.clone().scatter_add_(1, idx, src), x.clone().index_add_(0, lib.tensor([1, 0]), x)]
        results.append(out)
    for ours, theirs in zip(*results):
        assert_same(torch, ours, theirs)
