"""Workload names and what they run. A name carries its parameters (`train-sgd-b64`, `gemm-64x784x128-nt`)
so that the command line, the results file and `--only` all speak the same language."""
import re

from workloads import epoch, gemm, memory, mlp, ops

_OPS = {"add": ops.add, "relu": ops.relu, "matmul": ops.matmul, "fwdbwd": ops.forward_backward}

_PATTERNS = [
    (r"train-(sgd|adam)-b(\d+)", lambda m: (mlp.train_step, {"opt": m[1], "batch": int(m[2])})),
    (r"infer-b(\d+)", lambda m: (mlp.inference, {"batch": int(m[1])})),
    (r"op-(add|relu|matmul|fwdbwd)", lambda m: (_OPS[m[1]], {})),
    (r"gemm-(\d+)", lambda m: (gemm.gemm, {"m": int(m[1]), "k": int(m[1]), "n": int(m[1])})),
    (r"gemm-(\d+)x(\d+)x(\d+)-([nt])([nt])",
     lambda m: (gemm.gemm, {"m": int(m[1]), "k": int(m[2]), "n": int(m[3]),
                            "ta": m[4] == "t", "tb": m[5] == "t"})),
    (r"memory-b(\d+)", lambda m: (memory.peak_rss, {"opt": "sgd", "batch": int(m[1]), "steps": 30})),
    (r"epoch", lambda m: (epoch.epoch, {})),
]


def resolve(name):
    """(function, params) for a workload name; ValueError for an unknown one."""
    for pattern, build in _PATTERNS:
        m = re.fullmatch(pattern, name)
        if m:
            return build(m)
    raise ValueError(f"unknown workload {name!r}")


def numpy_can_run(name):
    """numpy has no autograd or nn: it is a baseline for GEMM only."""
    return name.startswith("gemm-")
