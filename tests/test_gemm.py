"""The GEMM kernels: every ISA level the CPU has, against numpy, over shapes that hit each path
(matrix-vector, dot tiles, direct small, packed blocked, edge tiles), operand layouts (transposed
and strided views, never copied), alpha/beta, K == 0, and 1 or 2 threads."""
import os
import subprocess
import sys

import numpy as np
import pytest

from fastgrad import _C

ALL_LEVELS = ["generic", "avx2", "avx512"]
SUPPORTED = _C._cpu_levels_supported()
LEVELS = [pytest.param(lv, marks=pytest.mark.skipif(lv not in SUPPORTED, reason=f"CPU lacks {lv}"))
          for lv in ALL_LEVELS]


def operand(rng, rows, cols, layout, dtype):
    """A rows x cols array with the given memory layout, as a view (the kernel must not need a copy)."""
    if layout == "c":
        base = rng.standard_normal((rows, cols))
        return base.astype(dtype)
    if layout == "t":  # column-major: a transposed operand
        return rng.standard_normal((cols, rows)).astype(dtype).T
    if layout == "s":  # column stride 2
        return rng.standard_normal((rows, 2 * cols)).astype(dtype)[:, ::2]
    if layout == "ts":  # column-major with row stride 3
        return rng.standard_normal((cols, 3 * rows)).astype(dtype)[:, ::3].T
    raise ValueError(layout)


def result(rng, m, n, layout, dtype, fill):
    c = operand(rng, m, n, layout, dtype)
    if fill is not None:
        c[...] = fill
    return c


def check(a, b, c, alpha, beta, level, threads=None):
    dtype = a.dtype
    expected = alpha * (a.astype(np.float64) @ b.astype(np.float64))
    if beta != 0:
        expected = expected + beta * c.astype(np.float64)
    c_before = c.astype(np.float64)
    before = _C.get_num_threads()
    if threads is not None:
        _C.set_num_threads(threads)
    try:
        out = _C._gemm_test(a, b, c, alpha=alpha, beta=beta, level=level)
    finally:
        _C.set_num_threads(before)
    assert out is c or np.shares_memory(out, c)
    k = a.shape[1]
    scale = np.sqrt(max(k, 1)) * max(1.0, abs(alpha)) + abs(beta)
    if dtype == np.float64:
        np.testing.assert_allclose(c, expected, rtol=1e-12, atol=1e-13 * scale)
    else:
        # Rounding of a float32 sum of k products depends on how K is split into passes; its
        # probabilistic bound (Higham & Mary) is ~ u * sqrt(k) * (|alpha| |A| |B| + |beta| |C|)
        # per element. A wrong element is off by O(|A||B|), far outside it.
        size = abs(alpha) * (np.abs(a.astype(np.float64)) @ np.abs(b.astype(np.float64)))
        if beta != 0:
            size = size + abs(beta) * np.abs(c_before)
        bound = 4 * np.finfo(np.float32).eps * np.sqrt(max(k, 1)) * size + 1e-30
        err = np.abs(c.astype(np.float64) - expected)
        worst = np.unravel_index(np.argmax(err / bound), err.shape)
        assert np.all(err <= bound), (worst, err[worst], bound[worst])


SHAPES = [
    (1, 1, 1), (1, 7, 5), (5, 1, 7), (7, 5, 1), (1, 128, 784), (1, 784, 128), (1, 10, 64), (1, 33, 300),
    (2, 3, 4), (3, 17, 33), (4, 10, 64), (11, 13, 9), (12, 32, 16), (13, 33, 17), (16, 128, 784),
    (25, 47, 31), (64, 128, 784), (64, 10, 64), (128, 784, 64), (784, 128, 64), (100, 1, 50),
    (37, 131, 259), (257, 65, 130), (300, 200, 520), (1, 1000, 3), (1000, 3, 2),
]


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("m,n,k", SHAPES)
def test_layouts_against_numpy(level, dtype, m, n, k):
    rng = np.random.default_rng(m * 10007 + n * 101 + k)
    # every pairing of A/B layouts over the shape list without a full cross product
    layouts = ["c", "t", "s", "ts"]
    for i in range(4):
        la, lb, lc = layouts[i], layouts[(i + m + n) % 4], layouts[(i + k) % 4]
        a, b = operand(rng, m, k, la, dtype), operand(rng, k, n, lb, dtype)
        check(a, b, result(rng, m, n, lc, dtype, None), 1.0, 0.0, level)


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("k", [20, 300])  # A read in place (k <= 256) / packed
def test_every_tile_height(level, dtype, k):
    # M is cut into near-equal row tiles (64 -> 11, 11, 11, 11, 10, 10), so every height from 1 to
    # the register tile and every mix of two adjacent heights must give the right rows.
    rng = np.random.default_rng(k)
    for m in list(range(1, 40)) + [64, 97]:
        for la in ("c", "t"):
            a, b = operand(rng, m, k, la, dtype), operand(rng, k, 40, "c", dtype)
            check(a, b, result(rng, m, 40, "c", dtype, None), 1.0, 0.5, level)


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("alpha,beta", [(1.0, 1.0), (-1.5, 0.5), (0.25, 0.0), (2.0, -1.0)])
@pytest.mark.parametrize("m,n,k", [(1, 50, 40), (3, 70, 20), (29, 45, 61), (130, 70, 600)])
def test_alpha_beta(level, dtype, alpha, beta, m, n, k):
    rng = np.random.default_rng(7)
    for la, lb, lc in [("c", "c", "c"), ("c", "t", "t"), ("t", "c", "s")]:
        a, b = operand(rng, m, k, la, dtype), operand(rng, k, n, lb, dtype)
        check(a, b, result(rng, m, n, lc, dtype, None), alpha, beta, level)


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("m,n,k", [(1, 9, 5), (13, 40, 30), (70, 90, 300), (1, 300, 7)])
@pytest.mark.parametrize("lb", ["c", "t"])
def test_beta_zero_ignores_nan_in_c(level, m, n, k, lb):
    rng = np.random.default_rng(3)
    a, b = operand(rng, m, k, "c", np.float32), operand(rng, k, n, lb, np.float32)
    c = result(rng, m, n, "c", np.float32, np.nan)
    check(a, b, c, 1.0, 0.0, level)
    assert not np.isnan(c).any()


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_k_zero_scales_c(level, dtype):
    rng = np.random.default_rng(4)
    a, b = np.zeros((6, 0), dtype), np.zeros((0, 5), dtype)
    c = result(rng, 6, 5, "c", dtype, np.nan)
    _C._gemm_test(a, b, c, beta=0.0, level=level)
    assert (c == 0).all()
    c = result(rng, 6, 5, "t", dtype, None)
    c0 = c.copy()
    _C._gemm_test(a, b, c, beta=0.5, level=level)
    np.testing.assert_array_equal(c, 0.5 * c0)
    assert _C._gemm_test(a, b, level=level).shape == (6, 5)
    assert (_C._gemm_test(a, b, level=level) == 0).all()


@pytest.mark.parametrize("level", LEVELS)
def test_empty_m_n(level):
    for m, n in [(0, 5), (5, 0)]:
        out = _C._gemm_test(np.ones((m, 3), np.float32), np.ones((3, n), np.float32), level=level)
        assert out.shape == (m, n)


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("m,n,k", [(300, 301, 302), (1, 4000, 900), (2000, 3, 800), (64, 128, 784),
                                   (513, 1030, 260)])
def test_threads(level, threads, dtype, m, n, k):
    rng = np.random.default_rng(5)
    for la, lb in [("c", "c"), ("t", "t"), ("c", "t")]:
        a, b = operand(rng, m, k, la, dtype), operand(rng, k, n, lb, dtype)
        check(a, b, result(rng, m, n, "c", dtype, None), 1.0, 0.5, level, threads=threads)


def test_reference_kernel_matches_numpy():
    rng = np.random.default_rng(6)
    a, b = operand(rng, 9, 11, "t", np.float64), operand(rng, 11, 7, "s", np.float64)
    c = rng.standard_normal((9, 7))
    expected = 2.0 * a @ b + 0.5 * c
    _C._gemm_test(a, b, c, alpha=2.0, beta=0.5, reference=True)
    np.testing.assert_allclose(c, expected, rtol=1e-13)


def test_rejects_bad_arguments():
    a = np.ones((3, 4), np.float32)
    with pytest.raises(ValueError):
        _C._gemm_test(a, np.ones((5, 2), np.float32))
    with pytest.raises(ValueError):
        _C._gemm_test(a, np.ones((4, 2), np.float64))
    with pytest.raises(ValueError):
        _C._gemm_test(a, np.ones((4, 2), np.float32), level="sse9")
    ro = np.ones((3, 2), np.float32)
    ro.flags.writeable = False
    with pytest.raises(ValueError):
        _C._gemm_test(a, np.ones((4, 2), np.float32), ro)


def test_cpu_level_api():
    before = _C._cpu_level()
    assert before in SUPPORTED and SUPPORTED[0] == "generic"
    try:
        assert _C._set_cpu_level("generic") == "generic"
        assert _C._cpu_level() == "generic"
        # clamped to what the CPU has
        assert _C._set_cpu_level("avx512") == SUPPORTED[-1]
        with pytest.raises(ValueError):
            _C._set_cpu_level("avx9000")
    finally:
        _C._set_cpu_level(before)
    assert _C._cpu_level() == before


@pytest.mark.parametrize("env,expected", [("generic", "generic"), ("avx512", None), ("bogus", None)])
def test_cpu_level_env_var(env, expected):
    expected = expected or SUPPORTED[-1]
    code = "from fastgrad import _C; print(_C._cpu_level())"
    out = subprocess.run([sys.executable, "-c", code], env={**os.environ, "FASTGRAD_CPU_LEVEL": env},
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out == expected


def test_set_num_threads():
    before = _C.get_num_threads()
    try:
        _C.set_num_threads(1)
        assert _C.get_num_threads() == 1
        _C.set_num_threads(3)
        assert _C.get_num_threads() == 3
    finally:
        _C.set_num_threads(before)
