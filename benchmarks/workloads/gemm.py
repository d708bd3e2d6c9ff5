"""float32 GEMM throughput, C = op(A) @ op(B), with the result allocated by the call as user code does.

A transposed operand is a transposed view of a contiguous array, never a copy: that is the layout a Linear
layer's backward hands to matmul (x^T g and g W^T), and each library has to cope with it as it comes.
"""
import numpy as np

from timing import measure


def _operand(fw, rows, cols, transposed, seed):
    shape = (cols, rows) if transposed else (rows, cols)
    a = np.random.default_rng(seed).standard_normal(shape, dtype=np.float32)
    if fw.is_numpy:
        return a.T if transposed else a
    t = fw.from_numpy(a)
    return t.t() if transposed else t


def gemm(fw, params, budget):
    m, k, n = params["m"], params["k"], params["n"]
    a = _operand(fw, m, k, params.get("ta", False), seed=0)
    b = _operand(fw, k, n, params.get("tb", False), seed=1)
    mm = fw.mod.matmul
    out = measure(lambda: mm(a, b), budget)
    out["gflops"] = 2.0 * m * n * k / out["time_s"] / 1e9
    return out
