"""The fused C++ optimizer steps follow torch's single-tensor update formulas operation by operation.

Results agree to the last bits, not always bit for bit: torch's vectorised lerp/addcmul kernels use
fused multiply-adds on part of each tensor (and plain arithmetic on the tail), a rounding choice that
depends on the tensor's length and the CPU."""
import itertools

import numpy as np
import pytest

import fastgrad as fg
from fastgrad import _C

torch = pytest.importorskip("torch")

SHAPES = [(7,), (33, 5), (1,), (1000,)]


@pytest.fixture(params=_C._cpu_levels_supported(), autouse=True)
def cpu_level(request):
    """Every test runs at each ISA level this CPU supports (the loops are built once per level)."""
    before = _C._cpu_level()
    _C._set_cpu_level(request.param)
    yield request.param
    _C._set_cpu_level(before)


def _assert_close(a, b, dtype):
    tol = dict(rtol=2e-6, atol=1e-7) if dtype == np.float32 else dict(rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(a, b, **tol)


def _pair(rng, shape, dtype):
    a = rng.standard_normal(shape).astype(dtype)
    return fg.from_numpy(a.copy()), torch.from_numpy(a.copy())


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("momentum,dampening,nesterov,weight_decay,maximize", [
    (0.0, 0.0, False, 0.0, False), (0.9, 0.0, False, 0.0, False), (0.9, 0.1, False, 1e-2, False),
    (0.9, 0.0, True, 1e-2, True), (0.5, 0.0, False, 0.0, True),
])
def test_sgd_step_matches_torch(dtype, momentum, dampening, nesterov, weight_decay, maximize):
    rng = np.random.default_rng(0)
    ps, tps = zip(*[_pair(rng, s, dtype) for s in SHAPES])
    tps = [t.requires_grad_() for t in tps]
    opt = torch.optim.SGD(tps, lr=0.05, momentum=momentum, dampening=dampening, nesterov=nesterov,
                          weight_decay=weight_decay, maximize=maximize, foreach=False)
    bufs = [None] * len(ps)
    for _ in range(5):
        gs, tgs = zip(*[_pair(rng, s, dtype) for s in SHAPES])
        for t, g in zip(tps, tgs):
            t.grad = g
        opt.step()
        bufs = _C._sgd_step(list(ps), list(gs), bufs, 0.05, momentum, dampening, weight_decay, nesterov, maximize)
    for p, t in zip(ps, tps):
        _assert_close(p.numpy(), t.detach().numpy(), dtype)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("amsgrad,weight_decay,maximize,decoupled",
                         list(itertools.product([False, True], [0.0, 0.1], [False, True], [False, True])))
def test_adam_step_matches_torch(dtype, amsgrad, weight_decay, maximize, decoupled):
    rng = np.random.default_rng(1)
    ps, tps = zip(*[_pair(rng, s, dtype) for s in SHAPES])
    tps = [t.requires_grad_() for t in tps]
    cls = torch.optim.AdamW if decoupled else torch.optim.Adam
    opt = cls(tps, lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=weight_decay, amsgrad=amsgrad,
              maximize=maximize, foreach=False)
    m = [fg.zeros_like(p) for p in ps]
    v = [fg.zeros_like(p) for p in ps]
    vmax = [fg.zeros_like(p) for p in ps] if amsgrad else []
    for step in range(1, 6):
        gs, tgs = zip(*[_pair(rng, s, dtype) for s in SHAPES])
        for t, g in zip(tps, tgs):
            t.grad = g
        opt.step()
        _C._adam_step(list(ps), list(gs), m, v, vmax, [float(step)] * len(ps), 0.01, 0.8, 0.99, 1e-6,
                      weight_decay, amsgrad, maximize, decoupled)
    for p, t in zip(ps, tps):
        _assert_close(p.numpy(), t.detach().numpy(), dtype)


def test_sgd_step_rejects_mismatched_state():
    p = fg.zeros(3)
    with pytest.raises(RuntimeError, match="gradient must be a contiguous tensor"):
        _C._sgd_step([p], [fg.zeros(4)], [None], 0.1, 0.0, 0.0, 0.0, False, False)
