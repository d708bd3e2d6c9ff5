"""Per-op overhead: ops on tiny tensors cost almost nothing in arithmetic, so what is timed is the path from
Python to the kernel and back (argument parsing, dispatch, allocation of the result, autograd bookkeeping)."""
import numpy as np

from timing import measure

UNROLL = 10  # ops per timed call, so the closure call of the timing loop is a small share of a ~2 us op


def _tiny(fw, *shape, seed=0):
    a = np.random.default_rng(seed).standard_normal(shape, dtype=np.float32)
    return fw.from_numpy(a)


def _per_op(out):
    out["time_s"] /= UNROLL
    out["samples_s"] = [s / UNROLL for s in out["samples_s"]]
    out["ops_per_call"] = UNROLL
    return out


def add(fw, params, budget):
    a, b = _tiny(fw, 4), _tiny(fw, 4, seed=1)

    def step():
        a + b; a + b; a + b; a + b; a + b  # noqa: E702
        a + b; a + b; a + b; a + b; a + b  # noqa: E702

    return _per_op(measure(step, budget))


def relu(fw, params, budget):
    relu_ = fw.F.relu
    a = _tiny(fw, 4)

    def step():
        relu_(a); relu_(a); relu_(a); relu_(a); relu_(a)  # noqa: E702
        relu_(a); relu_(a); relu_(a); relu_(a); relu_(a)  # noqa: E702

    return _per_op(measure(step, budget))


def matmul(fw, params, budget):
    mm = fw.mod.matmul
    a, b = _tiny(fw, 4, 4), _tiny(fw, 4, 4, seed=1)

    def step():
        mm(a, b); mm(a, b); mm(a, b); mm(a, b); mm(a, b)  # noqa: E702
        mm(a, b); mm(a, b); mm(a, b); mm(a, b); mm(a, b)  # noqa: E702

    return _per_op(measure(step, budget))


def forward_backward(fw, params, budget):
    """matmul, relu, sum, then backward into a leaf: the smallest graph that exercises the autograd engine."""
    relu_, mm = fw.F.relu, fw.mod.matmul
    x = _tiny(fw, 4, 4)
    w = _tiny(fw, 4, 4, seed=1).requires_grad_()

    def step():
        relu_(mm(x, w)).sum().backward()

    return measure(step, budget)
