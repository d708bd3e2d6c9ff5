"""`x[idx] += y` with autograd (forward + backward) against torch, and the no-grad index writes.

    python benchmarks/index_assign.py [--rounds 3] [--threads 1] [--frameworks fastgrad,torch]

x is a non-leaf (10000, 64) float32 tensor (`w * 1.0` of a leaf w), idx 1000 int64 indices drawn by numpy
(repeats allowed), y (1000, 64) requires grad. One call: the forward `h = w * 1.0; h[idx] += y`, then
`h.sum().backward()` and the gradients reset. Each framework runs in its own process per round (two
OpenMP runtimes never share a process), rounds alternate, and a figure is the median over rounds of
timing.py's median per-call time.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
N, D, K = 10000, 64, 1000


def cases(lib):
    rng = np.random.default_rng(0)
    w = lib.from_numpy(rng.standard_normal((N, D)).astype(np.float32)).requires_grad_(True)
    y = lib.from_numpy(rng.standard_normal((K, D)).astype(np.float32)).requires_grad_(True)
    idx = lib.from_numpy(rng.integers(0, N, K).astype(np.int64))
    buf = lib.zeros(N, D)
    vals = lib.from_numpy(rng.standard_normal((K, D)).astype(np.float32))

    def iadd_autograd():
        h = w * 1.0
        h[idx] += y
        h.sum().backward()
        w.grad = None
        y.grad = None

    def setitem_no_grad():
        buf[idx] = vals
        buf.sum().item()

    def index_add_no_grad():
        buf.index_add_(0, idx, vals)
        buf.sum().item()

    return {"x[idx] += y, autograd fwd+bwd": iadd_autograd, "x[idx] = v (no grad)": setitem_no_grad,
            "x.index_add_(0, idx, v) (no grad)": index_add_no_grad}


def worker(framework, threads, budget_s):
    sys.path.insert(0, HERE)
    from timing import Budget, measure
    lib = __import__(framework)
    lib.set_num_threads(threads)
    results = {}
    for name, step in cases(lib).items():
        results[name] = measure(step, Budget(warmup_s=budget_s, block_s=budget_s, blocks=5))["time_s"]
    print(json.dumps(results))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--frameworks", default="fastgrad,torch")
    p.add_argument("--block-s", type=float, default=0.2)
    p.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.worker:
        worker(a.worker, a.threads, a.block_s)
        return
    env = dict(os.environ, OMP_NUM_THREADS=str(a.threads), MKL_NUM_THREADS=str(a.threads))
    fws = a.frameworks.split(",")
    times = {fw: {} for fw in fws}
    for _ in range(a.rounds):
        for fw in fws:
            out = subprocess.run([sys.executable, __file__, "--worker", fw, "--threads", str(a.threads),
                                  "--block-s", str(a.block_s)], env=env, check=True, capture_output=True,
                                 text=True).stdout
            for name, t in json.loads(out.strip().splitlines()[-1]).items():
                times[fw].setdefault(name, []).append(t)
    base = fws[-1]
    print(f"threads={a.threads} rounds={a.rounds}; x ({N}, {D}) float32, {K} int64 indices; median us per call")
    print(f"| case | {' | '.join(fws)} | {base}/{fws[0]} |")
    print("|---|" + "---|" * len(fws) + "---|")
    for name in times[fws[0]]:
        med = {fw: statistics.median(times[fw][name]) for fw in fws}
        cells = " | ".join(f"{med[fw] * 1e6:.1f}" for fw in fws)
        print(f"| {name} | {cells} | {med[base] / med[fws[0]]:.2f}x |")


if __name__ == "__main__":
    main()
