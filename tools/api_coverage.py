"""How much of torch's public API fastgrad has: for torch, torch.nn, torch.nn.functional, torch.Tensor
and torch.optim, the names in dir() not starting with "_" that also exist on fastgrad's counterpart.

    python tools/api_coverage.py              # counts per namespace and the total
    python tools/api_coverage.py --missing    # also lists the torch names fastgrad lacks

torch's names are read in a child process (torch and fastgrad each bring an OpenMP runtime; they are
kept apart, as the benchmarks keep them). Run from the repository root with fastgrad importable
(PYTHONPATH=python).
"""
import argparse
import json
import subprocess
import sys

NAMESPACES = ["torch", "torch.nn", "torch.nn.functional", "torch.Tensor", "torch.optim"]

_LIST_TORCH_NAMES = """
import importlib, json, torch
out = {}
for ns in %r:
    obj = torch.Tensor if ns == "torch.Tensor" else importlib.import_module(ns)
    out[ns] = sorted(n for n in dir(obj) if not n.startswith("_"))
print(json.dumps(out))
""" % (NAMESPACES,)


def torch_names():
    result = subprocess.run([sys.executable, "-c", _LIST_TORCH_NAMES], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def fastgrad_namespace(ns):
    import importlib
    import fastgrad
    if ns == "torch.Tensor":
        return fastgrad.Tensor
    return importlib.import_module("fastgrad" + ns[len("torch"):])


def coverage():
    rows = []
    for ns, names in torch_names().items():
        ours = fastgrad_namespace(ns)
        have = [n for n in names if hasattr(ours, n)]
        missing = [n for n in names if not hasattr(ours, n)]
        rows.append((ns, len(have), len(names), missing))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--missing", action="store_true", help="list the torch names fastgrad lacks")
    args = parser.parse_args()
    rows = coverage()
    total_have = sum(r[1] for r in rows)
    total = sum(r[2] for r in rows)
    for ns, have, count, missing in rows:
        print(f"{ns:22s} {have:5d} / {count:5d}  ({100 * have / count:5.1f}%)")
        if args.missing:
            print("    missing: " + ", ".join(missing))
    print(f"{'total':22s} {total_have:5d} / {total:5d}  ({100 * total_have / total:5.1f}%)")


if __name__ == "__main__":
    main()
