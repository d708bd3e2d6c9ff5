"""LayerNorm and BatchNorm forward + backward against torch, and their graph node counts.

    python benchmarks/norm_layers.py [--rounds 3] [--threads 1] [--frameworks fastgrad,torch]

Each framework runs in its own process per round (as run.py does: two OpenMP runtimes never share a
process), rounds alternate between frameworks, and a figure is the median over rounds of timing.py's
median per-call time. A call is: the functional forward as the module calls it (affine parameters; running stats in
training for batch_norm), `.sum().backward()` (or `.backward(cotangent)` with --dense-grad), gradients
reset.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# name: (functional, normalized size or channels, input shape)
CASES = {
    "layer_norm (64, 512)": ("layer_norm", 512, (64, 512)),
    "layer_norm (32, 128, 256)": ("layer_norm", 256, (32, 128, 256)),
    "batch_norm 1d (256, 512)": ("batch_norm", 512, (256, 512)),
    "batch_norm 2d (32, 64, 8, 8)": ("batch_norm", 64, (32, 64, 8, 8)),
}


def make_call(lib, fn, size, shape):
    """The layer as its module calls it: affine parameters, and running stats in training for batch_norm."""
    F = lib.nn.functional
    w = lib.ones(size, requires_grad=True)
    b = lib.zeros(size, requires_grad=True)
    if fn == "layer_norm":
        return (lambda x: F.layer_norm(x, (size,), w, b, 1e-5)), (w, b)
    rm, rv = lib.zeros(size), lib.ones(size)
    return (lambda x: F.batch_norm(x, rm, rv, w, b, True, 0.1, 1e-5)), (w, b)


def count_nodes(out):
    """Graph nodes of the op(s) below `out`, leaves' accumulators excluded."""
    seen, kept, stack, n = set(), [], [out.grad_fn], 0
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        kept.append(node)  # keeps the wrapper alive, so its id is not reused by another node's
        if node.name() != "AccumulateGrad":
            n += 1
        stack.extend(fn for fn, _ in node.next_functions)
    return n


def worker(framework, threads, budget_s, dense_grad):
    sys.path.insert(0, HERE)
    from timing import Budget, measure
    lib = __import__(framework)
    lib.set_num_threads(threads)
    lib.manual_seed(0)
    results = {}
    for name, (fn, size, shape) in CASES.items():
        call, params = make_call(lib, fn, size, shape)
        x = lib.randn(*shape, requires_grad=True)
        cot = lib.randn(*shape)

        def step():
            if dense_grad:
                call(x).backward(cot)
            else:
                call(x).sum().backward()
            x.grad = None
            for p in params:
                p.grad = None

        nodes = count_nodes(call(x)) if framework != "torch" else None
        r = measure(step, Budget(warmup_s=budget_s, block_s=budget_s, blocks=5))
        results[name] = {"time_s": r["time_s"], "nodes": nodes}
    print(json.dumps(results))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--frameworks", default="fastgrad,torch")
    p.add_argument("--block-s", type=float, default=0.2)
    p.add_argument("--dense-grad", action="store_true",
                   help="backward from a dense random cotangent instead of .sum()'s stride-0 one (torch's "
                        "batch_norm backward takes a slow path on the latter)")
    p.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.worker:
        worker(a.worker, a.threads, a.block_s, a.dense_grad)
        return
    env = dict(os.environ, OMP_NUM_THREADS=str(a.threads), MKL_NUM_THREADS=str(a.threads))
    fws = a.frameworks.split(",")
    times = {fw: {name: [] for name in CASES} for fw in fws}
    nodes = {}
    for _ in range(a.rounds):
        for fw in fws:
            out = subprocess.run([sys.executable, __file__, "--worker", fw, "--threads", str(a.threads),
                                  "--block-s", str(a.block_s)] + (["--dense-grad"] if a.dense_grad else []), env=env, check=True, capture_output=True,
                                 text=True).stdout
            for name, r in json.loads(out.strip().splitlines()[-1]).items():
                times[fw][name].append(r["time_s"])
                if r["nodes"] is not None:
                    nodes[name] = r["nodes"]
    base = fws[-1]
    grad = "a dense cotangent" if a.dense_grad else ".sum()"
    print(f"threads={a.threads} rounds={a.rounds}; forward + backward from {grad}, median us per call")
    print(f"| case | nodes | {' | '.join(fws)} | {base}/{fws[0]} |")
    print("|---|---|" + "---|" * len(fws) + "---|")
    for name in CASES:
        med = {fw: statistics.median(times[fw][name]) for fw in fws}
        cells = " | ".join(f"{med[fw] * 1e6:.1f}" for fw in fws)
        print(f"| {name} | {nodes.get(name, '-')} | {cells} | {med[base] / med[fws[0]]:.2f}x |")


if __name__ == "__main__":
    main()
