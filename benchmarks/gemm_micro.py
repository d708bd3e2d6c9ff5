"""GEMM GFLOP/s of fastgrad vs numpy (OpenBLAS) vs torch, each library in its own process so their
thread pools never compete. Shapes: squares and the matmuls of an MNIST MLP 784-128-64-10
(forward x @ W^T, backward g @ W and g^T @ x).

    PYTHONPATH=python python benchmarks/gemm_micro.py [--threads 1 2] [--quick]

Timing: best of 30 windows of >= 20 ms each: on a shared machine the best short window is the one
where no other process had the core.
"""
import argparse
import json
import os
import subprocess
import sys
import time


def shapes(quick):
    sq = [64, 128, 256, 512, 1024, 2048]
    if quick:
        sq = [256, 2048]
    out = [(f"{n}^3", n, n, n, False, False) for n in sq]
    for b in ([1, 64, 1024] if quick else [1, 8, 64, 256, 1024]):
        out += [
            (f"fwd  x@W1^T b={b}", b, 128, 784, False, True),   # (b,784) @ (128,784)^T
            (f"fwd  h@W2^T b={b}", b, 64, 128, False, True),
            (f"bwd  g@W1   b={b}", b, 784, 128, False, False),  # grad_x = g (b,128) @ W1 (128,784)
            (f"bwd g^T@x   b={b}", 128, 784, b, True, False),  # grad_W1 = g^T (128,b) @ x (b,784)
        ]
    return out


def worker(lib, threads, cases):
    os.environ["OMP_NUM_THREADS"] = os.environ["OPENBLAS_NUM_THREADS"] = str(threads)
    import numpy as np
    if lib == "torch":
        import torch
        torch.set_num_threads(threads)
    elif lib == "fastgrad":
        from fastgrad import _C
        _C.set_num_threads(threads)
    res = {}
    for name, m, n, k, ta, tb in cases:
        rng = np.random.default_rng(0)
        a = rng.standard_normal((k, m) if ta else (m, k)).astype(np.float32)
        b = rng.standard_normal((n, k) if tb else (k, n)).astype(np.float32)
        a, b = (a.T if ta else a), (b.T if tb else b)
        if lib == "torch":
            ta_, tb_ = torch.from_numpy(a), torch.from_numpy(b)
            out = torch.empty(m, n)
            f = lambda: torch.mm(ta_, tb_, out=out)
        elif lib == "numpy":
            out = np.empty((m, n), np.float32)
            f = lambda: np.matmul(a, b, out=out)
        else:
            out = np.empty((m, n), np.float32)
            f = lambda: _C._gemm_test(a, b, out)
        f()
        best = float("inf")
        for _ in range(30):
            it, t0 = 0, time.perf_counter()
            while True:
                f()
                it += 1
                el = time.perf_counter() - t0
                if el > 0.02:
                    break
            best = min(best, el / it)
        res[name] = (best, 2.0 * m * n * k / best / 1e9)
    return res


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    p.add_argument("--quick", action="store_true")
    p.add_argument("--worker", nargs=2)
    args = p.parse_args()
    cases = shapes(args.quick)
    if args.worker:
        print(json.dumps(worker(args.worker[0], int(args.worker[1]), cases)))
        return
    libs = ["fastgrad", "numpy", "torch"]
    for th in args.threads:
        results = {}
        for lib in libs:
            cmd = [sys.executable, __file__, "--worker", lib, str(th)] + (["--quick"] if args.quick else [])
            results[lib] = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
        print(f"\nthreads={th}   GFLOP/s (time us)          fastgrad          numpy          torch")
        for name, *_ in cases:
            row = "".join(f"{results[l][name][1]:8.1f} ({results[l][name][0] * 1e6:8.1f})" for l in libs)
            print(f"  {name:22s} {row}")


if __name__ == "__main__":
    main()
