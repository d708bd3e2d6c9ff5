"""Which workloads a run measures, at which thread counts, with which time budget."""
from dataclasses import dataclass

from timing import Budget

BATCHES = (1, 16, 64, 256, 1024)
SQUARES = (64, 128, 256, 512, 1024, 2048)
# (name, in_features, out_features) of the MLP's Linear layers
LAYERS = (("fc1", 784, 128), ("fc2", 128, 64), ("fc3", 64, 10))


@dataclass(frozen=True)
class Item:
    workload: str
    threads: int
    section: str
    label: str
    alone: bool = False  # needs a process of its own (peak memory is process-wide; an epoch is long)

    @property
    def key(self):
        return f"{self.workload}@{self.threads}t"


@dataclass(frozen=True)
class Mode:
    rounds: int
    budget: Budget
    import_runs: int
    max_wait_s: float  # total, for the run, waiting for a busy machine to go quiet


QUICK = Mode(rounds=3, budget=Budget(warmup_s=0.1, block_s=0.1, blocks=5, max_s=4.0),
             import_runs=5, max_wait_s=60.0)
FULL = Mode(rounds=5, budget=Budget(warmup_s=0.3, block_s=0.25, blocks=5, max_s=15.0),
            import_runs=9, max_wait_s=300.0)


def _train(opt, batch, threads):
    return Item(f"train-{opt}-b{batch}", threads, f"Training step, {opt.upper() if opt == 'sgd' else 'Adam'}",
                f"MLP train step, {'SGD+momentum' if opt == 'sgd' else 'Adam'}, batch {batch}")


def _infer(batch, threads):
    return Item(f"infer-b{batch}", threads, "Inference", f"MLP forward (no_grad), batch {batch}")


def _ops():
    return [Item("op-add", 1, "Per-op overhead", "a + b, 4 elements"),
            Item("op-relu", 1, "Per-op overhead", "relu, 4 elements"),
            Item("op-matmul", 1, "Per-op overhead", "matmul 4x4"),
            Item("op-fwdbwd", 1, "Per-op overhead", "relu(x @ w).sum().backward(), 4x4")]


def _square(n, threads):
    return Item(f"gemm-{n}", threads, "GEMM", f"{n}x{n} @ {n}x{n}")


def _layer_gemms(layer, batch, threads):
    """The three products of a Linear(in, out) step: y = x W^T, dx = g W, dW = g^T x."""
    name, fin, fout = layer
    return [
        Item(f"gemm-{batch}x{fin}x{fout}-nt", threads, "GEMM", f"{name} forward x W^T, batch {batch}"),
        Item(f"gemm-{batch}x{fout}x{fin}-nn", threads, "GEMM", f"{name} backward g W, batch {batch}"),
        Item(f"gemm-{fout}x{batch}x{fin}-tn", threads, "GEMM", f"{name} backward g^T x, batch {batch}"),
    ]


def _whole(threads):
    return [Item("memory-b1024", threads, "Memory", "peak RSS, 30 SGD steps at batch 1024", alone=True),
            Item("epoch", threads, "MNIST epoch", "one epoch, 4000 images, batch 64, SGD+momentum", alone=True)]


def quick_items():
    items = [_train("sgd", b, 1) for b in (1, 64, 1024)]
    items += [_train("adam", 64, 1), _train("sgd", 64, 2)]
    items += [_infer(1, 1), _infer(64, 1)]
    items += _ops()
    items += [_square(n, t) for t in (1, 2) for n in (64, 256, 1024, 2048)]
    items += _layer_gemms(LAYERS[0], 64, 1)
    items += _whole(1)
    return items


def full_items():
    items = [_train(opt, b, t) for t in (1, 2) for opt in ("sgd", "adam") for b in BATCHES]
    items += [_infer(b, t) for t in (1, 2) for b in (1, 64)]
    items += _ops()
    items += [_square(n, t) for t in (1, 2) for n in SQUARES]
    items += [g for b in (64, 1024) for layer in LAYERS for g in _layer_gemms(layer, b, 1)]
    items += _whole(1) + [_whole(2)[1]]
    return items
