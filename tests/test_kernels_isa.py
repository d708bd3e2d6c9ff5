"""Vectorised kernels at every ISA level this CPU has, against the generic level, numpy and torch.

The elementwise kernels come from tests/op_db.py: every entry with `isa` kernels is run with each of
its keyword variants. Each level is forced through fastgrad._C._set_cpu_level and restored after.
Values are checked on lengths 0..70 (every vector tail) and long runs that go multi-threaded, special
values (NaN, +-inf, +-0, subnormals, overflow/underflow edges), and non-contiguous inputs (the scalar
fallback). The reference is the entry's numpy reference in float64, rounded to the dtype; torch (in
float64, rounded, as it was computed before) is compared too when it is installed.
Kernels run with flush-to-zero, so subnormal results may read as 0: tolerances allow that.
"""
import operator
import sys
import threading
import time

import numpy as np
import pytest

import fastgrad as fg
import fastgrad.nn.functional as F
import op_ref_np as R
from conftest import torch_or_none
from fastgrad import _C
from op_db import ElementwiseInfo, op_db

torch = torch_or_none()

LEVELS = list(_C._cpu_levels_supported())
DTYPES = [np.float32, np.float64]
LENGTHS = list(range(0, 71)) + [1000, 100_003]
# rtol/atol per dtype: a few ulp of float32, ~1e-14 for float64
TOL = {np.float32: (2e-6, 1e-30), np.float64: (1e-14, 1e-300)}


@pytest.fixture(params=LEVELS)
def level(request):
    saved = _C._cpu_level()
    assert _C._set_cpu_level(request.param) == request.param
    yield request.param
    _C._set_cpu_level(saved)


def at_level(lvl, fn):
    saved = _C._cpu_level()
    _C._set_cpu_level(lvl)
    try:
        return fn()
    finally:
        _C._set_cpu_level(saved)


def fgt(a):
    return fg.tensor(np.ascontiguousarray(a))


def tt(a):
    return torch.from_numpy(np.array(a))


def _id(op, kw):
    return "-".join([op.name] + [f"{k}={v}" for k, v in kw.items()])


def close(got, want, dt, rtol=None, atol=None, tiny_ok=True):
    r, a = TOL[dt]
    rtol = r if rtol is None else rtol
    atol = a if atol is None else atol
    if tiny_ok:  # flush-to-zero: results below the smallest normal may read as 0
        atol = max(atol, float(np.finfo(dt).tiny) * 2)
    got, want = np.asarray(got), np.asarray(want)
    assert got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=rtol, atol=atol, equal_nan=True)


KERNEL_OPS = [op for op in op_db if isinstance(op, ElementwiseInfo) and op.isa]
UNARY = [pytest.param(op, kw, id=_id(op, kw)) for op in KERNEL_OPS if op.arity == 1 for kw in op.variants]
BINARY = [pytest.param(op, kw, id=_id(op, kw)) for op in KERNEL_OPS if op.arity == 2 for kw in op.variants]
# gelu is 0.5 x (1 + erf|tanh): the 1 + ... cancels for negative x in every implementation
ABSOLUTE_ERROR_OPS = {"gelu"}
PYOP = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}


def run(op, kw, *xs):
    """The op in fastgrad on numpy inputs, as numpy."""
    return op.call(fg, *xs, **kw).numpy()


def reference(op, kw, *arrays, dt):
    """The op's numpy reference computed in float64 and rounded to dt, and torch's the same way when
    torch is installed (None otherwise)."""
    a64 = [np.asarray(a, dtype=np.float64) for a in arrays]
    with np.errstate(all="ignore"):
        want = np.asarray(op.ref_np(*a64, **kw)).astype(dt)
        if torch is None:
            return want, None
        return want, op.call(torch, *[tt(a) for a in a64], **kw).numpy().astype(dt)


def unary_input(op, n, dt, seed=0):
    rng = np.random.default_rng(seed + n)
    scale = op.isa_scale
    if scale is None:  # log: positive over many binades
        return (10.0 ** rng.uniform(-30, 30, n)).astype(dt)
    return (rng.standard_normal(n) * scale).astype(dt)


def unary_close(op, got, want, x, dt):
    if want is None:
        return  # torch is not installed
    if op.name in ABSOLUTE_ERROR_OPS:
        # compare absolutely against |x|
        eps = np.finfo(dt).eps
        with np.errstate(invalid="ignore"):
            err = np.abs(np.asarray(got, np.float64) - np.asarray(want, np.float64))
        bound = 8 * eps * np.maximum(np.abs(x.astype(np.float64)), 1e-300) + np.finfo(dt).tiny
        ok = (err <= bound) | (np.isnan(got) & np.isnan(want)) | (got == want)
        assert np.all(ok), (op.name, x[~ok], got[~ok], want[~ok])
    else:
        close(got, want, dt)


@pytest.mark.parametrize("dt", DTYPES, ids=lambda d: d.__name__)
@pytest.mark.parametrize("op,kw", UNARY)
def test_unary_values_all_lengths(level, op, kw, dt):
    for n in LENGTHS:
        x = unary_input(op, n, dt)
        got = run(op, kw, fgt(x))
        # computed in float64 and rounded: the reference without float32 approximations of its own
        for want in reference(op, kw, x, dt=dt):
            unary_close(op, got, want, x, dt)
        if level != "generic" and n in (37, 1000):
            gen = at_level("generic", lambda: run(op, kw, fgt(x)))
            unary_close(op, got, gen, x, dt)


def special_values(dt):
    fi = np.finfo(dt)
    v = [np.nan, np.inf, -np.inf, 0.0, -0.0, 1.0, -1.0, fi.tiny, -fi.tiny, fi.tiny / 4, fi.smallest_subnormal,
         fi.max, -fi.max, fi.eps, 1e-30, -1e-30, 0.625, -0.625, 0.875, 2.5, -2.5, 4.0, 6.0, 9.0, 20.0, -20.0]
    if dt == np.float32:
        v += [88.72, 88.73, 89.0, -87.3, -88.0, -103.0, -104.0, -150.0, 100.0]
    else:
        v += [709.7, 709.8, 710.0, -708.0, -745.0, -746.0, -800.0, 800.0, 19.0, 30.0]
    return np.array(v, dtype=dt)


@pytest.mark.parametrize("dt", DTYPES, ids=lambda d: d.__name__)
@pytest.mark.parametrize("op,kw", UNARY)
def test_unary_special_values(level, op, kw, dt):
    x = special_values(dt)
    if op.name == "log":
        x = np.concatenate([x, -x[3:]])
    # every element once in the vector body and once in the tail
    for xs in (x, np.tile(x, 3)[:-1]):
        got0 = run(op, kw, fgt(xs))
        for want in reference(op, kw, xs, dt=dt):
            if want is None:
                continue
            got = got0
            sub = (np.abs(xs) < np.finfo(dt).tiny) & (xs != 0)
            if op.name == "log":
                # subnormal inputs read as 0 under denormals-are-zero: -inf is right then too
                ok = sub & np.isneginf(got)
                got = np.where(ok, want, got)
            assert np.array_equal(np.isnan(got), np.isnan(want)), (op.name, xs[np.isnan(got) != np.isnan(want)])
            assert np.array_equal(np.isposinf(got), np.isposinf(want)) or op.name == "sigmoid"
            unary_close(op, got, want, xs, dt)


def test_exp_log_tanh_edges(level):
    f32 = np.float32
    x = np.array([-np.inf, np.inf, np.nan, 1000.0, -1000.0], f32)
    np.testing.assert_array_equal(fgt(x).exp().numpy(), [0.0, np.inf, np.nan, np.inf, 0.0])
    np.testing.assert_array_equal(fgt(x).tanh().numpy(), [-1.0, 1.0, np.nan, 1.0, -1.0])
    lg = fgt(np.array([0.0, -0.0, -1.0, -np.inf, np.inf, 1.0], f32)).log().numpy()
    assert lg[0] == -np.inf and lg[1] == -np.inf and np.isnan(lg[2]) and np.isnan(lg[3])
    assert lg[4] == np.inf and lg[5] == 0.0
    z = fgt(np.array([-0.0, 0.0], f32)).tanh().numpy()
    assert np.signbit(z[0]) and not np.signbit(z[1])


@pytest.mark.parametrize("dt", DTYPES, ids=lambda d: d.__name__)
@pytest.mark.parametrize("op,kw", UNARY)
def test_unary_non_contiguous(level, op, kw, dt):
    x = unary_input(op, 37 * 41, dt).reshape(37, 41)
    for view in (lambda a: a[:, ::2], lambda a: a.T, lambda a: a[::3, 1:]):
        got = run(op, kw, view(fg.tensor(x)))
        for want in reference(op, kw, np.ascontiguousarray(view(x)), dt=dt):
            unary_close(op, got, want, np.ascontiguousarray(view(x)), dt)


def binary_refs(op, kw, a, b):
    """The op computed in a's and b's own dtype by numpy (IEEE, one rounding per operation) and by torch
    when it is installed."""
    with np.errstate(all="ignore"):
        refs = [np.asarray(op.ref_np(a, b, **kw))]
    if torch is not None:
        tx = [torch.tensor(v) if np.ndim(v) == 0 and isinstance(v, np.generic) else tt(v) if isinstance(v, np.ndarray)
              else v for v in (a, b)]
        refs.append(op.call(torch, *tx, **kw).numpy())
    return refs


@pytest.mark.parametrize("dt", DTYPES, ids=lambda d: d.__name__)
@pytest.mark.parametrize("op,kw", BINARY)
def test_binary_forms(level, op, kw, dt):
    rng = np.random.default_rng(1)
    for n in LENGTHS:
        a = rng.standard_normal(n).astype(dt)
        b = (rng.standard_normal(n) + 3).astype(dt)
        s = dt(1.75)
        cases = [(a, b),                       # run, run
                 (a, s), (s, b),               # run, 0-dim; 0-dim, run
                 (a, np.array([s])),           # run, broadcast (1,)
                 (np.array([s]), b)]
        # a + alpha * b may be fused (one rounding) where numpy and torch round twice: absolute error on
        # cancelling results
        eps = 8 * np.finfo(dt).eps
        for x, y in cases:
            got = op.call(fg, fg.tensor(x) if np.ndim(x) == 0 else fgt(x), fg.tensor(y) if np.ndim(y) == 0 else fgt(y),
                          **kw).numpy()
            for want in binary_refs(op, kw, x, y):
                close(got, want, dt, rtol=TOL[dt][0] / 2, atol=eps)
        got = op.call(fg, fgt(a), 2.0, **kw).numpy()
        for want in binary_refs(op, kw, a, 2.0):
            close(got, want, dt, atol=eps)
        if not kw:  # the reflected operator: a Python number on the left
            got = PYOP[op.operator](2.0, fgt(b)).numpy()
            for want in binary_refs(op, kw, 2.0, b):
                close(got, want, dt, atol=eps)


@pytest.mark.parametrize("dt", DTYPES, ids=lambda d: d.__name__)
def test_binary_special_and_strided(level, dt):
    x = special_values(dt)
    x = x[~((np.abs(x) < np.finfo(dt).tiny) & (x != 0))]  # subnormals read as 0 under DAZ (x / -0 ...)
    y = np.roll(x, 5)
    for param in BINARY:
        op, kw = param.values
        if kw:
            continue
        for want in binary_refs(op, kw, x, y):
            close(run(op, kw, fgt(x), fgt(y)), want, dt)
    a = np.random.default_rng(2).standard_normal((33, 17)).astype(dt)
    b = np.random.default_rng(3).standard_normal((17,)).astype(dt) + 3
    for param in BINARY:
        op, kw = param.values
        fa, fb = fg.tensor(a), fg.tensor(b)
        for x, y, fx, fy in ((a.T, a.T, fa.T, fa.T), (a[:, ::2], b[::2], fa[:, ::2], fb[::2]), (a, b, fa, fb),
                             (a[:, :1], b, fa[:, :1], fb)):
            for want in binary_refs(op, kw, np.ascontiguousarray(x), np.ascontiguousarray(y)):
                close(run(op, kw, fx, fy), want, dt)


@pytest.mark.parametrize("dt", DTYPES, ids=lambda d: d.__name__)
def test_inplace_arith(level, dt):
    rng = np.random.default_rng(4)
    for n in (0, 5, 17, 64, 100_003):
        a = rng.standard_normal(n).astype(dt)
        b = rng.standard_normal(n).astype(dt) + 3
        x = fgt(a)
        x.add_(fgt(b), alpha=0.25)
        x.mul_(fgt(b))
        x.div_(fgt(b))
        x.mul_(1.5)
        x.sub_(fgt(b))
        want = ((a + dt(0.25) * b) * b / b * dt(1.5)) - b  # numpy in dt: one rounding per operation
        close(x.numpy(), want, dt, rtol=4 * TOL[dt][0])
        if torch is not None:
            t = tt(a)
            t.add_(tt(b), alpha=0.25); t.mul_(tt(b)); t.div_(tt(b)); t.mul_(1.5); t.sub_(tt(b))  # noqa: E702
            close(x.numpy(), t.numpy(), dt, rtol=4 * TOL[dt][0])


def relu_grad(a, g):
    """torch's threshold_backward: the gradient passes where the input is not <= 0 (NaN included)."""
    return np.where(a <= 0, np.zeros_like(g), g)


@pytest.mark.parametrize("dt", DTYPES, ids=lambda d: d.__name__)
def test_relu_backward(level, dt):
    rng = np.random.default_rng(5)
    for n in LENGTHS:
        a = rng.standard_normal(n).astype(dt)
        if n > 4:
            a[:4] = [np.nan, 0.0, -0.0, np.inf]
        g = rng.standard_normal(n).astype(dt)
        x = fgt(a).requires_grad_()
        x.relu().backward(fgt(g))
        with np.errstate(invalid="ignore"):
            np.testing.assert_array_equal(x.grad.numpy(), relu_grad(a, g))
        if torch is not None:
            tx = tt(a).requires_grad_()
            tx.relu().backward(tt(g))
            np.testing.assert_array_equal(x.grad.numpy(), tx.grad.numpy())
    # strided out/grad through the scalar path
    a = rng.standard_normal((20, 9)).astype(dt)
    x = fg.tensor(a).requires_grad_()
    y = x.T.relu()
    y.backward(fg.tensor(np.ones((9, 20), dt)).T.T)
    np.testing.assert_array_equal(x.grad.numpy(), (a > 0).astype(dt))


@pytest.mark.parametrize("dt", DTYPES, ids=lambda d: d.__name__)
def test_sum_rows_columns(level, dt):
    rng = np.random.default_rng(6)
    for n in LENGTHS[:-1] + [5000]:
        for rows in (1, 3):
            a = rng.standard_normal((rows, n)).astype(dt)
            # double accumulation: within float rounding of the exact sum
            want = a.astype(np.float64).sum(-1)
            close(fg.tensor(a).sum(-1).numpy(), want.astype(dt), dt, atol=n * np.finfo(dt).eps)
            want0 = a.astype(np.float64).sum(0)
            close(fg.tensor(a).sum(0).numpy(), want0.astype(dt), dt, atol=rows * np.finfo(dt).eps)
            b = rng.standard_normal((n, 7)).astype(dt)  # columns, not a multiple of any width
            close(fg.tensor(b).sum(0).numpy(), b.astype(np.float64).sum(0).astype(dt), dt,
                  atol=n * 4 * np.finfo(dt).eps)
    big = rng.standard_normal((300, 700)).astype(dt)
    close(fg.tensor(big).sum().numpy(), np.array(big.astype(np.float64).sum(), dt), dt, atol=1e-3)
    close(fg.tensor(big).sum(0).numpy(), big.astype(np.float64).sum(0).astype(dt), dt, atol=1e-4)
    close(fg.tensor(big).sum(1).numpy(), big.astype(np.float64).sum(1).astype(dt), dt, atol=1e-4)
    close(fg.tensor(big).T.sum(1).numpy(), big.astype(np.float64).sum(0).astype(dt), dt, atol=1e-4)
    sp = special_values(dt)
    with np.errstate(all="ignore"):
        for k in range(1, len(sp) + 1):
            got = fg.tensor(sp[:k]).sum().numpy()
            # NaN exactly where IEEE summation gives it (inf + -inf, a NaN input); finite overflow to inf
            # depends on the order, so only NaN-ness is compared
            want = np.array(sp[:k].astype(np.float64).sum(), dt)
            assert np.isnan(got) == np.isnan(want)
            if torch is not None:
                assert np.isnan(got) == np.isnan(torch.tensor(sp[:k].astype(np.float64)).sum().numpy())


def _dim_extremes(a):
    """numpy's max/min/argmax/... along rows: NaN wins and the first index of a tie wins, as torch."""
    return {"max": (np.max(a, 1), np.argmax(a, 1)), "min": (np.min(a, 1), np.argmin(a, 1)),
            "argmax": np.argmax(a, 1), "amax": np.amax(a, 1), "amin": np.amin(a, 1), "argmax_all": np.argmax(a),
            "argmax_T": np.argmax(a.T, 1)}


def _fg_extremes(a):
    x = fg.tensor(a)
    return {"max": tuple(t.numpy() for t in x.max(1)), "min": tuple(t.numpy() for t in x.min(1)),
            "argmax": x.argmax(1).numpy(), "amax": x.amax(1).numpy(), "amin": x.amin(1).numpy(),
            "argmax_all": x.argmax().numpy(),
            "argmax_T": x.T.argmax(1).numpy()}  # columns and strided fall back to the scalar kernel


@pytest.mark.parametrize("dt", DTYPES, ids=lambda d: d.__name__)
def test_max_argmax_rows(level, dt):
    rng = np.random.default_rng(7)
    for n in list(range(1, 71)) + [1000, 40_000]:
        a = rng.standard_normal((3, n)).astype(dt)
        a[1, n // 2] = a[1].max() + 1
        a[1, -1] = a[1, n // 2]  # a tie: the first index wins
        a[2, n // 3] = np.nan    # a NaN wins
        if n > 5:
            a[2, n - 2] = np.nan
        got, want = _fg_extremes(a), _dim_extremes(a)
        for key in want:
            np.testing.assert_equal(got[key], want[key], err_msg=key)
        if torch is not None:
            ta = tt(a)
            for key, t in (("max", ta.max(1)), ("min", ta.min(1))):
                np.testing.assert_equal(got[key], tuple(v.numpy() for v in t), err_msg=key)
            for key, t in (("argmax", ta.argmax(1)), ("amax", ta.amax(1)), ("amin", ta.amin(1)),
                           ("argmax_all", ta.argmax()), ("argmax_T", ta.T.argmax(1))):
                np.testing.assert_equal(got[key], t.numpy(), err_msg=key)
    inf = np.array([[-np.inf, -np.inf, -np.inf], [np.inf, 0, np.inf]], dt)
    np.testing.assert_array_equal(fg.tensor(inf).argmax(1).numpy(), [0, 0])


@pytest.mark.parametrize("dt", DTYPES, ids=lambda d: d.__name__)
@pytest.mark.parametrize("log", [False, True])
def test_softmax_rows(level, dt, log):
    rng = np.random.default_rng(8)
    fn = F.log_softmax if log else F.softmax
    ref = R.log_softmax if log else R.softmax

    def wants(x, dim):
        """numpy's reference in float64 rounded to dt, and torch's when it is installed."""
        out = [ref(x.astype(np.float64), dim).astype(dt)]
        if torch is not None:
            tfn = torch.log_softmax if log else torch.softmax
            out.append(tfn(tt(x.astype(np.float64)), dim).numpy().astype(dt))
        return out
    for n in list(range(1, 71)) + [1000, 70_000]:
        a = (rng.standard_normal((3, n)) * 5).astype(dt)
        a[1] += 1e4  # shifted: must stay finite (log_softmax then carries lse's rounding at 1e4)
        got = fn(fg.tensor(a), 1).numpy()
        for want in wants(a, 1):
            close(got[[0, 2]], want[[0, 2]], dt, rtol=8 * TOL[dt][0], atol=8 * np.finfo(dt).eps)
            close(got[1], want[1], dt, rtol=8 * TOL[dt][0], atol=(4e4 if log else 8) * np.finfo(dt).eps)
    a = np.array([[1.0, np.nan, 2.0], [-np.inf, 0.0, -np.inf], [-np.inf] * 3, [np.inf, 0.0, 1.0]], dt)
    got = fn(fg.tensor(a), 1).numpy()
    for want in wants(a, 1):
        close(got, want, dt)
    # a non-last dim goes through a transposed copy
    b = rng.standard_normal((5, 9, 4)).astype(dt)
    for want in wants(b, 1):
        close(fn(fg.tensor(b), 1).numpy(), want, dt, rtol=8 * TOL[dt][0], atol=8 * np.finfo(dt).eps)


@pytest.mark.parametrize("dt", DTYPES, ids=lambda d: d.__name__)
def test_cross_entropy_rows(level, dt):
    rng = np.random.default_rng(9)
    for n, c in ((1, 1), (4, 10), (7, 33), (64, 10), (3, 1000), (600, 100)):
        a = (rng.standard_normal((n, c)) * 3).astype(dt)
        t = rng.integers(0, c, n)
        x = fg.tensor(a).requires_grad_()
        loss = F.cross_entropy(x, fg.tensor(t))
        loss.backward()
        a64 = a.astype(np.float64)
        want_grad = R.softmax(a64, 1)  # d mean(-log p_t) / d logits = (softmax - onehot) / n
        want_grad[np.arange(n), t] -= 1
        wants = [(R.cross_entropy(a64, t), want_grad / n)]
        if torch is not None:
            tx = tt(a64).requires_grad_()
            tl = torch.nn.functional.cross_entropy(tx, torch.from_numpy(t))
            tl.backward()
            wants.append((tl.detach().numpy(), tx.grad.numpy()))
        for want_loss, want_g in wants:
            close(loss.detach().numpy(), np.asarray(want_loss).astype(dt), dt, rtol=8 * TOL[dt][0])
            close(x.grad.numpy(), want_g.astype(dt), dt, rtol=8 * TOL[dt][0], atol=8 * np.finfo(dt).eps / n)
    a = np.array([[1.0, np.nan, 0.0], [0.0, 1.0, 2.0]], dt)
    loss = F.cross_entropy(fg.tensor(a), fg.tensor(np.array([0, 2])), reduction="none").numpy()
    assert np.isnan(loss[0]) and np.isfinite(loss[1])


def test_level_switch_changes_dispatch():
    """The table follows _set_cpu_level at once: each level gives results (and the restore works)."""
    saved = _C._cpu_level()
    x = np.random.default_rng(10).standard_normal(1001).astype(np.float32)
    outs = {}
    for lvl in LEVELS:
        _C._set_cpu_level(lvl)
        assert _C._cpu_level() == lvl
        outs[lvl] = fgt(x).tanh().numpy()
    _C._set_cpu_level(saved)
    assert _C._cpu_level() == saved
    for lvl in LEVELS:
        close(outs[lvl], outs["generic"], np.float32)


def test_gil_released_around_large_matmul():
    """Two threads run big matmuls at once with correct results, and the main thread keeps running
    Python while a matmul is inside its kernel (it could not if the GIL were held)."""
    rng = np.random.default_rng(11)
    n = 700
    mats = [rng.standard_normal((n, n)).astype(np.float32) for _ in range(4)]
    want = [mats[0] @ mats[1], mats[2] @ mats[3]]
    results, spans = [None, None], [None, None]

    def work(k):
        a, b = fg.tensor(mats[2 * k]), fg.tensor(mats[2 * k + 1])
        t0 = time.perf_counter()
        r = fg.matmul(a, b)
        spans[k] = (t0, time.perf_counter())
        results[k] = r.numpy()

    threads = [threading.Thread(target=work, args=(k,)) for k in range(2)]
    ticks = []
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        ticks.append(time.perf_counter())
    for t in threads:
        t.join()
    for k in range(2):
        np.testing.assert_allclose(results[k], want[k], rtol=1e-4, atol=1e-3)
    # ticks strictly inside the middle half of a matmul call: impossible with the GIL held
    inside = 0
    for t0, t1 in spans:
        lo, hi = t0 + 0.25 * (t1 - t0), t1 - 0.25 * (t1 - t0)
        inside += sum(lo < x < hi for x in ticks)
    assert inside > 0


@pytest.mark.parametrize("case", ["exp", "sin", "exp_strided"])
def test_gil_released_around_large_elementwise(case):
    """Every big elementwise loop runs without the GIL: the vector path (exp), the scalar path of an op
    with no vector kernel (sin held the GIL for its whole call), and strided runs."""
    x = fgt(np.random.default_rng(12).standard_normal(4_000_000).astype(np.float32))
    if case == "exp_strided":
        x = x.reshape(2000, 2000).t()
    op = (lambda t: t.sin()) if case == "sin" else (lambda t: t.exp())
    spans, ticks = [], []

    def work():
        for _ in range(3):
            t0 = time.perf_counter()
            op(x)
            spans.append((t0, time.perf_counter()))

    # A long switch interval: the interpreter never takes the GIL from a thread inside a C++ call, so the
    # main thread ticks inside a call only if the kernel released the GIL itself.
    interval = sys.getswitchinterval()
    sys.setswitchinterval(0.2)
    try:
        th = threading.Thread(target=work)
        th.start()
        while th.is_alive():
            ticks.append(time.perf_counter())
        th.join()
    finally:
        sys.setswitchinterval(interval)
    inside = sum(t0 + 0.25 * (t1 - t0) < x < t1 - 0.25 * (t1 - t0) for t0, t1 in spans for x in ticks)
    assert inside > 0
