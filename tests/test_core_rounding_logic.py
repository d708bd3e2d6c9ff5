"""Rounding and integer division (floor, ceil, trunc, round, floor_divide, remainder, fmod, div with a
rounding mode, the // and % operators and their in-place forms) compared with torch: float32, float64 and
int64, broadcasting, non-contiguous inputs, negative numbers, zeros, inf and nan, signed zeros, gradients,
and the errors torch raises (those are op_db error inputs, run by tests/test_core_errors.py). Tests that
compare with torch skip when it is not installed."""
import numpy as np
import pytest

import fastgrad

import op_ref_np as R
from conftest import LAYOUTS, Input, both, check, check_exact, outcome, require_torch, rng_for, same, torch_or_none

torch = torch_or_none()
needs_torch = pytest.mark.skipif(torch is None, reason="compares with torch, which is not installed")

INF, NAN = float("inf"), float("nan")
DTYPES = ["float32", "float64", "int64"]


# ---------------------------------------------------------------- unary rounding

ROUND_VALUES = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 1.2345, -1.7, 3.0, -4.0, 0.0, -0.0, 1e20, -1e-20,
                INF, -INF, NAN, 0.49999997, 2 ** 52 + 0.5, -(2 ** 23) - 0.5]


@pytest.mark.parametrize("name", ["floor", "ceil", "trunc", "round"])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_rounding_special_values(name, dtype):
    want = getattr(np, name)(np.array(ROUND_VALUES, dtype))  # numpy rounds half to even, as torch
    check_exact(lambda L: getattr(L, name)(L.tensor(ROUND_VALUES, dtype=getattr(L, dtype))), want, name)
    check_exact(lambda L: getattr(L.tensor(ROUND_VALUES, dtype=getattr(L, dtype)), name)(), want, name + " method")


@pytest.mark.parametrize("name", ["floor", "ceil", "trunc", "round"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_rounding_layouts_and_zero_gradient(name, layout):
    x = Input((3, 4), layout, rng_for("round", name, layout), lo=-5, hi=5)
    check(lambda T, x: getattr(T, name)(x) * x, [x])


@needs_torch
@pytest.mark.parametrize("name", ["floor", "ceil", "trunc", "round"])
def test_rounding_int64_is_identity_and_bool_refused(name):
    f, t = both(lambda L: getattr(L, name)(L.tensor([3, -4, 0, 2 ** 62])))
    same(f, t)
    x = fastgrad.tensor([1, 2])
    y = getattr(fastgrad, name)(x)
    y.add_(10)  # a copy, as torch: x is unchanged
    assert x.tolist() == [1, 2] and y.dtype == fastgrad.int64
    for lib in (fastgrad, torch):
        with pytest.raises(RuntimeError, match="Bool|bool"):
            getattr(lib, name)(lib.tensor([True, False]))


def test_round_half_to_even_and_grad_fn_names():
    x = fastgrad.tensor([0.5, 1.5, 2.5, 3.5, -0.5, -3.5])
    assert fastgrad.round(x).tolist() == [0.0, 2.0, 2.0, 4.0, -0.0, -4.0]
    xg = fastgrad.tensor([1.5], requires_grad=True)
    assert fastgrad.floor(xg).grad_fn.name() == "FloorBackward0"
    assert fastgrad.ceil(xg).grad_fn.name() == "CeilBackward0"
    assert fastgrad.trunc(xg).grad_fn.name() == "TruncBackward0"
    assert fastgrad.round(xg).grad_fn.name() == "RoundBackward0"
    assert fastgrad.round(xg, decimals=2).grad_fn.name() == "RoundBackward1"


@pytest.mark.parametrize("decimals", [1, 2, 3, -1, -2, 0])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_round_decimals(decimals, dtype):
    vals = [1.2345, -2.5551, 12345.678, 0.125, 0.25, -0.35, 25.0, 15.0, -150.0, 1e-5, INF, NAN, -0.0]
    f, t = both(lambda L: L.round(L.tensor(vals, dtype=getattr(L, dtype)), decimals=decimals))
    same(f, t, f"decimals={decimals}")
    x = Input((2, 3), "transposed", rng_for("rdec", decimals, dtype), lo=-50, hi=50)
    check(lambda T, x: T.round(x, decimals=decimals) + x, [x])


@needs_torch
def test_round_decimals_int_refused():
    with pytest.raises(RuntimeError, match="round"):
        fastgrad.round(fastgrad.tensor([15, 25]), decimals=1)
    with pytest.raises(RuntimeError):  # torch: NotImplementedError (a RuntimeError)
        torch.round(torch.tensor([15, 25]), decimals=1)


# ---------------------------------------------------------------- binary: values

BINARY = {
    "floor_divide": lambda L, a, b: L.floor_divide(a, b),
    "remainder": lambda L, a, b: L.remainder(a, b),
    "fmod": lambda L, a, b: L.fmod(a, b),
    "div_floor": lambda L, a, b: L.div(a, b, rounding_mode="floor"),
    "div_trunc": lambda L, a, b: L.div(a, b, rounding_mode="trunc"),
    "floordiv_op": lambda L, a, b: a // b,
    "mod_op": lambda L, a, b: a % b,
    "method_floor_divide": lambda L, a, b: a.floor_divide(b),
    "method_remainder": lambda L, a, b: a.remainder(b),
    "method_fmod": lambda L, a, b: a.fmod(b),
    "method_div_floor": lambda L, a, b: a.div(b, rounding_mode="floor"),
}
# the numpy reference of each BINARY entry (torch's rules, signed zeros included: tests/op_ref_np.py)
NUMPY = {"floor_divide": R.floor_divide, "remainder": R.remainder, "fmod": R.fmod,
         "div_floor": lambda a, b: R.div(a, b, "floor"), "div_trunc": lambda a, b: R.div(a, b, "trunc"),
         "floordiv_op": R.floor_divide, "mod_op": R.remainder, "method_floor_divide": R.floor_divide,
         "method_remainder": R.remainder, "method_fmod": R.fmod, "method_div_floor": lambda a, b: R.div(a, b, "floor")}

# every sign combination, exact multiples, zeros of both signs, inf and nan
F_A = [5.0, -5.0, 5.0, -5.0, 4.0, -4.0, 0.0, -0.0, 0.0, -0.0, 1.5, -1.5, 0.0, INF, -INF, NAN, 7.0, -7.0, 7.0, -7.0,
       -1.0, 1.0, 1e30, 0.3, 5.5]
F_B = [3.0, 3.0, -3.0, -3.0, 2.0, -2.0, 2.0, 2.0, -2.0, -2.0, 0.0, 0.0, 0.0, 2.0, 2.0, 2.0, INF, INF, -INF, -INF,
       -2.0, -2.0, 3.0, 0.1, NAN]
I_A = [7, -7, 7, -7, 6, -6, 0, 0, 9, -9, 1, -1, 2 ** 62, -(2 ** 63), -(2 ** 63), 2 ** 63 - 1]
I_B = [2, 2, -2, -2, 3, 3, 5, -5, 1, -1, 7, 7, 3, 7, -1, -1]


@pytest.mark.parametrize("name", sorted(BINARY))
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_binary_float_special_values(name, dtype):
    check_exact(lambda L: BINARY[name](L, L.tensor(F_A, dtype=getattr(L, dtype)), L.tensor(F_B, dtype=getattr(L, dtype))),
                NUMPY[name](np.array(F_A, dtype), np.array(F_B, dtype)), name)


@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_int64(name):
    a, b = I_A, I_B
    if name.startswith("div_trunc"):
        # torch itself dies of SIGFPE on INT64_MIN / -1 with rounding_mode="trunc"; fastgrad gives INT64_MIN
        a, b = a[:-2], b[:-2]
        assert fastgrad.div(fastgrad.tensor([-(2 ** 63)]), -1, rounding_mode="trunc").tolist() == [-(2 ** 63)]
    check_exact(lambda L: BINARY[name](L, L.tensor(a), L.tensor(b)), NUMPY[name](np.array(a), np.array(b)), name)


@needs_torch
@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_int64_division_by_zero_raises(name):
    for lib in (fastgrad, torch):
        with pytest.raises(RuntimeError, match="ZeroDivisionError"):
            BINARY[name](lib, lib.tensor([1, 2, 3]), lib.tensor([1, 0, 2]))
        with pytest.raises(RuntimeError, match="ZeroDivisionError"):
            BINARY[name](lib, lib.tensor([1, 2, 3]), 0)
        with pytest.raises(RuntimeError, match="ZeroDivisionError"):  # a zero reached by broadcasting
            BINARY[name](lib, lib.tensor([[1, 2], [3, 4]]).t(), lib.tensor([[0], [1]]))


@pytest.mark.parametrize("name", sorted(BINARY))
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shapes", [((3, 4), (3, 4)), ((2, 3, 4), (4,)), ((3, 1), (1, 5)), ((), (3, 2)), ((5,), ()),
                                    ((0, 3), (3,))])
def test_binary_broadcast(name, dtype, shapes):
    rng = rng_for("bin", name, dtype, shapes)
    if dtype == "int64":
        a = rng.integers(-20, 20, size=shapes[0])
        b = rng.integers(1, 6, size=shapes[1]) * rng.choice([-1, 1], size=shapes[1])
    else:
        a = rng.uniform(-10, 10, size=shapes[0]).astype(dtype)
        b = (rng.uniform(0.3, 3, size=shapes[1]) * rng.choice([-1, 1], size=shapes[1])).astype(dtype)
    check_exact(lambda L: BINARY[name](L, L.tensor(np.array(a)), L.tensor(np.array(b))),
                NUMPY[name](np.array(a), np.array(b)), name)


@pytest.mark.parametrize("name", sorted(BINARY))
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_binary_non_contiguous(name, dtype, layout):
    rng = rng_for("bin-nc", name, dtype, layout)
    lo, hi = (-30, 30) if dtype == "int64" else (-10.0, 10.0)
    a = Input((3, 4), layout, rng, lo=lo, hi=hi, grad=False, dtype=dtype)
    vals = rng.integers(1, 5, size=(4, 3)) * rng.choice([-1, 1], size=(4, 3))
    b = Input((4, 3), "contig", rng, grad=False, values=vals.astype(dtype))

    check_exact(lambda L: BINARY[name](L, a.get(L), b.get(L).t()), NUMPY[name](a.numpy(), b.numpy().T), name)


SCALARS = [2, -2, 3, 2.5, -1.5, 0.7, True]


@needs_torch
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("scalar", SCALARS)
@pytest.mark.parametrize("op", ["//", "%"])
def test_scalar_operands_reflected_and_promotion(dtype, scalar, op):
    # (an int64 zero divisor raises: tested above; float zeros give inf / nan here)
    data = {"int64": [7, -7, 1, 5, -3, 4], "float32": [7.5, -7.5, 0.0, 5.0, -3.25, -0.0],
            "float64": [7.5, -7.5, 0.0, 5.0, -3.25, -0.0]}[dtype]

    def fwd(L):
        x = L.tensor(data, dtype=getattr(L, dtype))
        return (x // scalar, x.__rfloordiv__(scalar)) if op == "//" else (x % scalar, x.__rmod__(scalar))
    for f, t in zip(fwd(fastgrad), fwd(torch)):
        same(f, t, f"{op} {scalar!r}")


def _fwd_or_error(fn):
    out = []
    for L in (fastgrad, require_torch()):
        out.append(outcome(fn, L))
    return out


@pytest.mark.parametrize("expr", [
    lambda L: 7 // L.tensor([2, -2, 3]),
    lambda L: 7 % L.tensor([2, -2, 3]),
    lambda L: 7.5 % L.tensor([2, -2, 3]),
    lambda L: -7.5 // L.tensor([2, -2, 3]),
    lambda L: L.tensor([2, -2, 3]) % 2.5,
    lambda L: L.tensor([2, -2, 3]) // 2.5,
    lambda L: L.tensor([2, -2, 3]) // -1,
    lambda L: L.tensor([True, False]) % 2,
    lambda L: L.tensor([2.0, -2.0], dtype=L.float64) % L.tensor(1.5),       # 0-dim float32 tensor: float64 result
    lambda L: L.tensor([5, -5]) % L.tensor(1.5, dtype=L.float64),           # int with a 0-dim float tensor
    lambda L: L.tensor([5.0, -5.0]) % L.tensor([2, 3]),
    lambda L: L.tensor([5.0, -5.0]) // L.tensor([2.0, 3.0], dtype=L.float64),
    lambda L: L.remainder(7, L.tensor([2, -2])),
    lambda L: L.remainder(-7.5, L.tensor([2.0, -2.0])),
    lambda L: L.fmod(L.tensor([5, -5]), 2.5),
    lambda L: L.div(L.tensor([5, -5]), 2, rounding_mode="floor"),
    lambda L: L.div(L.tensor([5, -5]), 2, rounding_mode="trunc"),
    lambda L: L.div(L.tensor([5, -5]), 2.0, rounding_mode="floor"),
    lambda L: L.div(L.tensor([5, -5]), 2, rounding_mode=None),
    lambda L: L.div(L.tensor([5.0, -5.0]), 0, rounding_mode="floor"),
    lambda L: L.div(L.tensor([5.0, -5.0, 0.0]), 0.0, rounding_mode="trunc"),
    lambda L: L.tensor([5.0, -5.0, 0.0]) // 0,
    lambda L: L.tensor([5.0, -5.0, 0.0]) % 0,
    lambda L: L.fmod(L.tensor([5.0, -5.0, 0.0]), 0),
])
def test_promotion_and_scalar_forms(expr):
    f, t = _fwd_or_error(expr)
    assert not isinstance(t, Exception), t
    same(f, t)


# ---------------------------------------------------------------- gradients

def _away_inputs(name, layout, shape_b=(3, 4)):
    rng = rng_for("grad", name, layout, shape_b)
    a = Input((3, 4), layout, rng, lo=-6, hi=6)
    bv = rng.uniform(0.3, 2.0, size=shape_b) * rng.choice([-1.0, 1.0], size=shape_b)
    b = Input(shape_b, "contig", rng, values=bv)
    return a, b


@pytest.mark.parametrize("name", ["remainder", "fmod", "mod_op", "method_remainder", "method_fmod", "div_floor",
                                  "div_trunc", "method_div_floor"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_binary_gradients(name, layout):
    a, b = _away_inputs(name, layout)
    check(lambda T, a, b: BINARY[name](T, a, b), [a, b])


@pytest.mark.parametrize("name", ["remainder", "fmod", "div_floor"])
@pytest.mark.parametrize("shape_b", [(4,), (3, 1), ()])
def test_binary_gradients_broadcast(name, shape_b):
    a, b = _away_inputs(name, "contig", shape_b)
    check(lambda T, a, b: BINARY[name](T, a, b) * 1.5, [a, b])


@pytest.mark.parametrize("name", ["remainder", "fmod"])
def test_mod_gradient_b_matches_formula_and_finite_differences(name):
    a = fastgrad.tensor([5.3, -5.3, 5.3, -5.3, 0.4], dtype=fastgrad.float64, requires_grad=True)
    b = fastgrad.tensor([2.0, 2.0, -2.0, -2.0, 0.3], dtype=fastgrad.float64, requires_grad=True)
    getattr(fastgrad, name)(a, b).sum().backward()
    q = np.floor(a.detach().numpy() / b.detach().numpy()) if name == "remainder" else np.trunc(
        a.detach().numpy() / b.detach().numpy())
    np.testing.assert_allclose(b.grad.numpy(), -q)
    np.testing.assert_allclose(a.grad.numpy(), np.ones(5))
    assert fastgrad.autograd.gradcheck(lambda x, y: getattr(fastgrad, name)(x, y), (a, b))
    assert fastgrad.autograd.gradgradcheck(lambda x, y: getattr(fastgrad, name)(x, y), (a, b))


@needs_torch
def test_mod_grad_fn_names_as_torch():
    for lib in (fastgrad, torch):
        x = lib.tensor([1.5, 2.5], requires_grad=True)
        names = [(x % 1.2).grad_fn.name(), (x % x).grad_fn.name(), lib.fmod(x, 1.2).grad_fn.name(),
                 lib.fmod(x, x).grad_fn.name(), lib.div(x, 2, rounding_mode="floor").grad_fn.name()]
        if lib is fastgrad:
            fg_names = names
    assert fg_names == names


def test_scalar_dividend_remainder_has_a_gradient():
    # torch.remainder(number, tensor) has no derivative in torch (backward raises); fastgrad gives -g * floor(a / b)
    b = fastgrad.tensor([0.7, -1.1, 2.9], dtype=fastgrad.float64, requires_grad=True)
    (2.5 % b).sum().backward()
    np.testing.assert_allclose(b.grad.numpy(), -np.floor(2.5 / np.array([0.7, -1.1, 2.9])))


@needs_torch
def test_floor_divide_is_not_differentiable_as_torch():
    for lib in (fastgrad, torch):
        x = lib.tensor([1.5, -2.5], dtype=lib.float64, requires_grad=True)
        for y in (x // 2.0, lib.floor_divide(x, x), 3.0 // x, x.floor_divide(2)):
            assert y.requires_grad
            with pytest.raises(RuntimeError, match="derivative for aten::floor_divide is not implemented"):
                y.sum().backward()
        z = x.clone()
        z //= 2
        assert z.requires_grad
        with pytest.raises(RuntimeError, match="floor_divide"):
            z.sum().backward()
        with lib.no_grad():
            assert not (x // 2).requires_grad
    # the engine is usable after the error
    x = fastgrad.tensor([1.0, 2.0], requires_grad=True)
    (x * 3).sum().backward()
    assert x.grad.tolist() == [3.0, 3.0]


def test_integer_results_do_not_require_grad():
    x = fastgrad.tensor([1.5], requires_grad=True)
    assert fastgrad.floor(fastgrad.tensor([1, 2])).requires_grad is False
    assert (fastgrad.tensor([7]) % fastgrad.tensor([2])).requires_grad is False
    assert fastgrad.floor(x).requires_grad


# ---------------------------------------------------------------- in-place

INPLACE = {
    "floor_": lambda x, y: x.floor_(),
    "ceil_": lambda x, y: x.ceil_(),
    "trunc_": lambda x, y: x.trunc_(),
    "round_": lambda x, y: x.round_(),
    "round_decimals_": lambda x, y: x.round_(decimals=1),
    "remainder_": lambda x, y: x.remainder_(y),
    "fmod_": lambda x, y: x.fmod_(y),
    "imod": lambda x, y: x.__imod__(y),
    "div_floor_": lambda x, y: x.div_(y, rounding_mode="floor"),
    "div_trunc_": lambda x, y: x.div_(y, rounding_mode="trunc"),
    "floor_divide_": lambda x, y: x.floor_divide_(y),
    "ifloordiv": lambda x, y: x.__ifloordiv__(y),
    "scalar_remainder_": lambda x, y: x.remainder_(-1.3),
}


@needs_torch
@pytest.mark.parametrize("name", sorted(INPLACE))
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_inplace_values_on_views(name, dtype):
    rng = rng_for("inpl-r", name, dtype)
    base = rng.uniform(-8, 8, size=(4, 6)).astype(dtype)
    y = (rng.uniform(0.5, 2, size=(3,)) * rng.choice([-1, 1], size=(3,))).astype(dtype)
    out = {}
    for lib in (fastgrad, torch):
        x = lib.tensor(base.copy())
        view = x[1:, ::2]
        v = x._version
        r = INPLACE[name](view, lib.tensor(y))
        assert r is view and x._version > v
        out[lib] = x
    same(out[fastgrad], out[torch], name)


@needs_torch
@pytest.mark.parametrize("name", ["floor_", "remainder_", "fmod_", "imod", "div_floor_", "floor_divide_", "ifloordiv"])
def test_inplace_int64(name):
    out = {}
    for lib in (fastgrad, torch):
        x = lib.tensor([7, -7, 7, -7, 0])
        INPLACE[name](x, lib.tensor([2, 2, -2, -2, 3]))
        out[lib] = x
    same(out[fastgrad], out[torch], name)


@pytest.mark.parametrize("name", ["floor_", "ceil_", "trunc_", "round_", "round_decimals_", "remainder_", "fmod_",
                                  "imod", "div_floor_", "scalar_remainder_"])
def test_inplace_gradients(name):
    rng = rng_for("inpl-g", name)
    a = Input((3, 4), "transposed", rng, lo=-6, hi=6)
    bv = rng.uniform(0.3, 2.0, size=(4,)) * rng.choice([-1.0, 1.0], size=(4,))
    b = Input((4,), "contig", rng, values=bv)

    def fn(T, a, b):
        x = a * 1.0
        r = INPLACE[name](x, b)
        assert r is x
        return x * a
    check(fn, [a, b])


@needs_torch
def test_inplace_dtype_rules():
    for lib in (fastgrad, torch):
        x = lib.tensor([5, 7])
        with pytest.raises(RuntimeError, match="Float|Long|cast"):
            x %= 2.5
        with pytest.raises(RuntimeError, match="Float|Long|cast"):
            x.floor_divide_(2.5)
        assert x.tolist() == [5, 7]
        x //= 2
        assert x.tolist() == [2, 3] and x.dtype == lib.int64
        with pytest.raises(RuntimeError, match="leaf Variable"):
            lib.tensor([1.5], requires_grad=True).floor_()


# (the error cases of these ops are op_db error inputs, run by tests/test_core_errors.py)


# ================================================================ predicates and logic

# no float32 denormals: fastgrad's kernels run with denormals-are-zero (DESIGN.md), so a float32 denormal
# counts as zero in every op (x != 0 included), where torch sees a nonzero
PRED_VALUES = [1.0, 0.0, -0.0, NAN, INF, -INF, -2.5, 1e-30, 3e38, -3e38]
PREDICATES = ["isnan", "isinf", "isfinite", "isposinf", "isneginf", "logical_not"]


@pytest.mark.parametrize("name", PREDICATES)
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_predicates_float(name, dtype):
    want = getattr(np, name)(np.array(PRED_VALUES, dtype))
    check_exact(lambda L: getattr(L, name)(L.tensor(PRED_VALUES, dtype=getattr(L, dtype))), want, name)
    check_exact(lambda L: getattr(L.tensor(PRED_VALUES, dtype=getattr(L, dtype)), name)(), want, name + " method")


@needs_torch
@pytest.mark.parametrize("name", PREDICATES)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_predicates_layouts_int_bool_and_no_grad(name, layout):
    rng = rng_for("pred", name, layout)
    vals = rng.choice(np.array([0.0, 1.5, -2.0, NAN, INF, -INF]), size=(3, 4))
    x = Input((3, 4), "contig", rng, values=vals)
    v = Input((3, 4), layout, rng, grad=False, values=np.ascontiguousarray(vals.T) if layout == "transposed" else
              (np.concatenate([vals, vals, vals[:1]]) if layout == "sliced" else vals[:, :1] if layout == "expanded"
               else vals))
    same(*[getattr(L, name)(v.get(L)) for L in (fastgrad, torch)], name)
    out = getattr(fastgrad, name)(x.get(fastgrad))
    assert out.dtype == fastgrad.bool and not out.requires_grad
    for data in ([3, 0, -7, 2 ** 62], [True, False]):
        same(*[getattr(L, name)(L.tensor(data)) for L in (fastgrad, torch)], f"{name} {data}")
    same(*[getattr(L, name)(L.tensor(NAN)) for L in (fastgrad, torch)], name + " 0-dim")
    same(*[getattr(L, name)(L.ones(0, 2)) for L in (fastgrad, torch)], name + " empty")


LOGICAL = {
    "logical_and": lambda L, a, b: L.logical_and(a, b),
    "logical_or": lambda L, a, b: L.logical_or(a, b),
    "logical_xor": lambda L, a, b: L.logical_xor(a, b),
    "method_logical_and": lambda L, a, b: a.logical_and(b),
    "method_logical_xor": lambda L, a, b: a.logical_xor(b),
}
NUMPY_LOGICAL = {"logical_and": np.logical_and, "logical_or": np.logical_or, "logical_xor": np.logical_xor,
                 "method_logical_and": np.logical_and, "method_logical_xor": np.logical_xor}


@pytest.mark.parametrize("name", sorted(LOGICAL))
@pytest.mark.parametrize("dtypes", [("float32", "float32"), ("float64", "int64"), ("int64", "bool"), ("bool", "bool"),
                                    ("bool", "float32")])
@pytest.mark.parametrize("shapes", [((3, 4), (3, 4)), ((2, 3, 4), (4,)), ((3, 1), (1, 5)), ((), (3,)), ((0, 2), (2,))])
def test_logical_binary(name, dtypes, shapes):
    rng = rng_for("logical", name, dtypes, shapes)

    def make(dtype, shape):
        if dtype == "bool":
            return rng.random(shape) < 0.5
        return rng.choice(np.array([0, 1, -2, 3] if dtype == "int64" else [0.0, -0.0, 1.5, NAN, -INF]), size=shape).astype(dtype)
    a, b = make(dtypes[0], shapes[0]), make(dtypes[1], shapes[1])
    want = NUMPY_LOGICAL[name](a, b)
    check_exact(lambda L: LOGICAL[name](L, L.tensor(np.array(a)), L.tensor(np.array(b))), want, name)
    # non-contiguous operands: every other element of a wider tensor

    def strided(L, v):
        return L.tensor(np.stack([v, v], -1))[..., 0]
    check_exact(lambda L: LOGICAL[name](L, strided(L, a), strided(L, b)), want, name + " non-contiguous")


BITWISE = {
    "and_op": lambda L, a, b: a & b,
    "or_op": lambda L, a, b: a | b,
    "xor_op": lambda L, a, b: a ^ b,
    "bitwise_and": lambda L, a, b: L.bitwise_and(a, b),
    "bitwise_or": lambda L, a, b: L.bitwise_or(a, b),
    "bitwise_xor": lambda L, a, b: L.bitwise_xor(a, b),
    "method_bitwise_xor": lambda L, a, b: a.bitwise_xor(b),
}
NUMPY_BITWISE = {"and_op": np.bitwise_and, "or_op": np.bitwise_or, "xor_op": np.bitwise_xor,
                 "bitwise_and": np.bitwise_and, "bitwise_or": np.bitwise_or, "bitwise_xor": np.bitwise_xor,
                 "method_bitwise_xor": np.bitwise_xor}


@pytest.mark.parametrize("name", sorted(BITWISE))
@pytest.mark.parametrize("dtypes", [("int64", "int64"), ("bool", "bool"), ("bool", "int64"), ("int64", "bool")])
@pytest.mark.parametrize("layout", ["contig", "transposed", "sliced", "expanded"])
def test_bitwise_binary(name, dtypes, layout):
    rng = rng_for("bits", name, dtypes, layout)
    a = Input((3, 4), layout, rng, lo=-50, hi=50, grad=False, dtype=dtypes[0])
    b = Input((4,), "contig", rng, lo=-(2 ** 40), hi=2 ** 40, grad=False, dtype=dtypes[1])
    check_exact(lambda L: BITWISE[name](L, a.get(L), b.get(L)), NUMPY_BITWISE[name](a.numpy(), b.numpy()), name)


@pytest.mark.parametrize("expr", [
    lambda L: 1 & L.tensor([5, 3]),
    lambda L: 6 | L.tensor([5, 3]),
    lambda L: 6 ^ L.tensor([5, -3]),
    lambda L: L.tensor([5, 3]) & True,
    lambda L: L.tensor([True, False]) & 1,
    lambda L: L.tensor([True, False]) | False,
    lambda L: True ^ L.tensor([True, False]),
    lambda L: ~L.tensor([5, -3, 0]),
    lambda L: ~L.tensor([True, False]),
    lambda L: L.bitwise_not(L.tensor([[1, 2], [3, 4]]).t()),
    lambda L: L.tensor([-(2 ** 63), 2 ** 63 - 1]) ^ -1,
    lambda L: L.logical_not(L.tensor([5.0, 0.0, NAN]).logical_not()),
])
def test_bitwise_scalars_and_invert(expr):
    same(*both(expr))


@needs_torch
def test_bitwise_inplace_operators():
    out = {}
    for L in (fastgrad, torch):
        a, b = L.tensor([True, False, True]), L.tensor([5, 6, -7])
        ids = (id(a), id(b))
        a &= L.tensor([True, True, False])
        a |= L.tensor([False, True, False])
        a ^= L.tensor([True, True, True])
        b &= 7
        b |= 8
        b ^= L.tensor([1, 2, 3])
        assert (id(a), id(b)) == ids
        out[L] = (a, b)
        with pytest.raises(RuntimeError, match="Long|Bool|cast"):
            a &= L.tensor([1, 1, 1])
    same(out[fastgrad][0], out[torch][0])
    same(out[fastgrad][1], out[torch][1])


ALL_ANY_DIMS = [(), (0,), (1,), (-1, True), ((0, 1),), ((1,), True), ((0, 2),), (2,)]


@pytest.mark.parametrize("name", ["all", "any"])
@pytest.mark.parametrize("dtype", ["float32", "float64", "int64", "bool"])
@pytest.mark.parametrize("args", ALL_ANY_DIMS, ids=str)
@pytest.mark.parametrize("layout", ["contig", "transposed", "sliced", "expanded"])
def test_all_any(name, dtype, args, layout):
    rng = rng_for("allany", name, dtype, args, layout)
    if dtype == "bool":
        vals = rng.random((3, 2, 4)) < 0.8
    elif dtype == "int64":
        vals = rng.choice(np.array([0, 1, -3]), p=[0.15, 0.45, 0.4], size=(3, 2, 4))
    else:
        vals = rng.choice(np.array([0.0, -0.0, 1.5, NAN, INF]), p=[0.1, 0.05, 0.6, 0.15, 0.1], size=(3, 2, 4))
    x = Input((3, 2, 4), layout, rng, grad=False, values=np.asarray(vals, dtype=dtype) if layout == "contig" else
              {"transposed": np.ascontiguousarray(np.swapaxes(vals, -1, -2)), "sliced": np.concatenate([vals] * 2 + [vals[:1]]),
               "expanded": vals[..., :1]}[layout].astype(dtype))
    dim, keepdim = args[0] if args else None, args[1] if len(args) > 1 else False
    want = getattr(np, name)(x.numpy(), axis=dim, keepdims=keepdim)
    check_exact(lambda L: getattr(L, name)(x.get(L), *args), want, name)
    check_exact(lambda L: getattr(x.get(L), name)(*args), want, name + " method")


@pytest.mark.parametrize("name", ["all", "any"])
def test_all_any_edge_cases(name):
    for fn in (lambda L: getattr(L, name)(L.ones(0, 3)), lambda L: getattr(L, name)(L.ones(0, 3), 0),
               lambda L: getattr(L, name)(L.ones(0, 3), 1), lambda L: getattr(L, name)(L.tensor(0.0)),
               lambda L: getattr(L, name)(L.tensor(NAN), 0), lambda L: getattr(L, name)(L.tensor([[0, 0], [0, 2]]), dim=1, keepdim=True),
               lambda L: getattr(L.zeros(5000, 3), name)(0), lambda L: getattr(L.ones(3, 5000), name)(1),
               lambda L: getattr(L.ones(7, dtype=L.float64, requires_grad=True), name)()):
        f, t = both(fn)
        same(f, t, name)
        assert not f.requires_grad
