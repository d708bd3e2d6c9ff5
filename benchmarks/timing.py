"""Calibrated timing of one callable: warm-up, then blocks of iterations, median per-iteration time.

Both frameworks get the same time budget rather than the same iteration count: a fixed count is either too
few for a 2 us op or far too many for a 2048 GEMM on a slow kernel.
"""
import statistics
import time
from dataclasses import dataclass


@dataclass
class Budget:
    warmup_s: float = 0.2      # warm-up also settles allocator caches and OpenMP thread pools
    block_s: float = 0.2       # one timed block; its per-iteration mean is one sample
    blocks: int = 5            # samples per process; the median over them resists a stray interrupt
    max_s: float = 20.0        # cap on the timed part when one iteration is very slow
    min_warmup_iters: int = 2


def measure(step, budget, sync=None):
    """Time `step()`. `sync()` ends each block inside the timed region, so a framework that evaluates
    lazily cannot push its work past the timer."""
    sync = sync or (lambda: None)
    t0 = time.perf_counter()
    n = 0
    while n < budget.min_warmup_iters or time.perf_counter() - t0 < budget.warmup_s:
        step()
        n += 1
    sync()
    per_iter = (time.perf_counter() - t0) / n

    iters = max(1, int(budget.block_s / per_iter))
    blocks = budget.blocks
    if per_iter * iters * blocks > budget.max_s:
        blocks = max(1, int(budget.max_s / (per_iter * iters)))

    samples = []
    for _ in range(blocks):
        t = time.perf_counter()
        for _ in range(iters):
            step()
        sync()
        samples.append((time.perf_counter() - t) / iters)
    return {
        "time_s": statistics.median(samples),
        "samples_s": samples,
        "iters_per_block": iters,
        "warmup_iters": n,
    }


def measure_fixed(step, warmup, repeats):
    """Time a fixed number of calls, for steps whose side effects must be the same in every framework
    (an epoch changes the model: a fixed count makes the final accuracy comparable)."""
    for _ in range(warmup):
        step()
    samples = []
    for _ in range(repeats):
        t = time.perf_counter()
        step()
        samples.append(time.perf_counter() - t)
    return {"time_s": statistics.median(samples), "samples_s": samples, "iters_per_block": 1,
            "warmup_iters": warmup}
