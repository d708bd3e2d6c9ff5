"""Resident memory of a training loop that writes into views and indexed rows every step, under fastgrad or
torch (one process each): a flat figure means the rewritten histories (CopySlices) are freed each step.

    python benchmarks/inplace_views_memory.py fastgrad
    python benchmarks/inplace_views_memory.py torch
"""
import importlib
import sys


def rss_mb():
    with open("/proc/self/statm") as f:  # the current resident set (ru_maxrss would be the high-water mark)
        return int(f.read().split()[1]) * 4096 / 2**20


def main(framework, steps=2000):
    T = importlib.import_module(framework)
    T.manual_seed(0)
    w = T.randn(64, 64, requires_grad=True)
    opt = T.optim.SGD([w], lr=1e-3)
    marks = {}
    for step in range(1, steps + 1):
        h = T.zeros(8, 64)
        for i in range(4):
            h[i] = T.tanh(w[i] * 0.5)  # index assignment of values that require grad
        h[4:] += w[4:8]  # in place through a slice
        h.diagonal().mul_(2)  # in place through a diagonal view
        idx = T.tensor([0, 2, 2, 5])
        h[idx] += w[idx]  # advanced-index accumulate (index_put_)
        loss = (h * h).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
        if step in (100, 500, 1000, 2000):
            marks[step] = round(rss_mb(), 1)
    print(f"{framework}: RSS MB after steps {marks}; final loss {loss.item():.4f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "fastgrad")
