"""Elementwise / reduction / softmax kernels: fastgrad at each ISA level vs torch, 1 thread, float32.
Each (library, level) runs in its own process; ops: exp, tanh, sigmoid, relu, add, sum, softmax
(rows of 1000 for softmax) on 1e3..1e6 elements.

    PYTHONPATH=python python benchmarks/kernels_micro.py [--sizes 1000 100000] [--windows 15]

Timing: best of N windows of >= 10 ms each (the machine is shared: the best window is the one where
no other process had the core). Prints microseconds per call and fastgrad's speed-up over torch.
"""
import argparse
import json
import os
import subprocess
import sys
import time

OPS = ["exp", "tanh", "sigmoid", "relu", "add", "sum", "softmax"]


def make(lib, op, n):
    import numpy as np
    x = np.random.default_rng(0).standard_normal(n).astype(np.float32)
    if lib == "torch":
        import torch
        t, u = torch.from_numpy(x), torch.from_numpy(x[::-1].copy())
        sm = t.reshape(-1, 1000) if n >= 1000 else t.reshape(1, -1)
        return {"exp": lambda: t.exp(), "tanh": lambda: t.tanh(), "sigmoid": lambda: t.sigmoid(),
                "relu": lambda: t.relu(), "add": lambda: t + u, "sum": lambda: t.sum(),
                "softmax": lambda: torch.softmax(sm, 1)}[op]
    import fastgrad as fg
    import fastgrad.nn.functional as F
    t, u = fg.tensor(x), fg.tensor(x[::-1].copy())
    sm = t.reshape(-1, 1000) if n >= 1000 else t.reshape(1, -1)
    return {"exp": lambda: t.exp(), "tanh": lambda: t.tanh(), "sigmoid": lambda: t.sigmoid(),
            "relu": lambda: t.relu(), "add": lambda: t + u, "sum": lambda: t.sum(),
            "softmax": lambda: F.softmax(sm, 1)}[op]


def worker(lib, level, sizes, windows):
    os.environ["OMP_NUM_THREADS"] = "1"
    if lib == "torch":
        import torch
        torch.set_num_threads(1)
    else:
        from fastgrad import _C
        _C.set_num_threads(1)
        assert _C._set_cpu_level(level) == level
    res = {}
    for op in OPS:
        for n in sizes:
            f = make(lib, op, n)
            f()
            reps = 1
            while True:  # calls per window: >= 10 ms
                t0 = time.perf_counter()
                for _ in range(reps):
                    f()
                if time.perf_counter() - t0 >= 0.01:
                    break
                reps *= 2
            best = float("inf")
            for _ in range(windows):
                t0 = time.perf_counter()
                for _ in range(reps):
                    f()
                best = min(best, (time.perf_counter() - t0) / reps)
            res[f"{op}:{n}"] = best * 1e6
    print(json.dumps(res))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000, 1000000])
    ap.add_argument("--windows", type=int, default=15)
    ap.add_argument("--worker", nargs=2)
    a = ap.parse_args()
    if a.worker:
        worker(a.worker[0], a.worker[1], a.sizes, a.windows)
        return
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "python"))
    from fastgrad import _C
    runs = [("torch", "-")] + [("fastgrad", lvl) for lvl in _C._cpu_levels_supported()]
    results = {}
    for lib, lvl in runs:
        cmd = [sys.executable, __file__, "--worker", lib, lvl, "--windows", str(a.windows), "--sizes",
               *map(str, a.sizes)]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=dict(os.environ))
        results[(lib, lvl)] = json.loads(out.stdout.strip().splitlines()[-1])
    levels = [lvl for lib, lvl in runs if lib == "fastgrad"]
    head = f"{'op':8} {'n':>8} {'torch us':>10}" + "".join(f" {lvl + ' us':>11} {'x':>6}" for lvl in levels)
    print(head)
    for op in OPS:
        for n in a.sizes:
            k = f"{op}:{n}"
            t = results[("torch", "-")][k]
            row = f"{op:8} {n:>8} {t:>10.2f}"
            for lvl in levels:
                v = results[("fastgrad", lvl)][k]
                row += f" {v:>11.2f} {t / v:>6.2f}"
            print(row)


if __name__ == "__main__":
    main()
