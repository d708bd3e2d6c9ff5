"""fastgrad against torch (and numpy for GEMM), each in its own processes, alternated round by round.

    python benchmarks/run.py --quick --out bench-out
    python benchmarks/run.py --frameworks fastgrad,torch --only 'train-*' gemm-2048
    python benchmarks/run.py --quick --frameworks torch_a=torch,torch   # harness check: torch vs itself

Writes results.json, results.md and PNG plots into --out and prints the markdown. See benchmarks/README.md.
"""
import argparse
import fnmatch
import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import contention  # noqa: E402
import importtime  # noqa: E402
import machine  # noqa: E402
import plan  # noqa: E402
import plots  # noqa: E402
import report  # noqa: E402
import summarize  # noqa: E402
from workloads import numpy_can_run  # noqa: E402

IMPORT_ITEM = plan.Item("import", 1, "Import", "`python -c 'import X'`, fresh interpreter")


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="a few minutes: fewer workloads, rounds and samples")
    p.add_argument("--out", default="bench-out", help="output directory (default: bench-out)")
    p.add_argument("--frameworks", default="fastgrad,torch,numpy",
                   help="comma-separated [label=]module; the first is the candidate, the next non-numpy one "
                        "the baseline; numpy only runs GEMM (default: fastgrad,torch,numpy)")
    p.add_argument("--only", nargs="+", metavar="WORKLOAD",
                   help="workload names or globs (train-sgd-b64, 'gemm-*', import, epoch, ...)")
    p.add_argument("--rounds", type=int, help="override the mode's number of rounds")
    p.add_argument("--data-dir", help="MNIST IDX directory (default: fastgrad's bundled copy, else the shared one)")
    p.add_argument("--max-wait", type=float,
                   help="total seconds a run may spend waiting for other processes to leave the CPUs before "
                        "starting a worker (default: 60 quick, 300 full; 0 never waits)")
    p.add_argument("--list", action="store_true", help="print the workloads this run would measure and exit")
    return p.parse_args(argv)


def parse_frameworks(spec):
    out = {}
    for entry in spec.split(","):
        label, _, module = entry.strip().partition("=")
        out[label] = module or label
    return out


def subprocess_env():
    """Workers see the developer build in python/ when there is one (tools/dev-build.sh), else the installed
    package: the same fastgrad the user would get from this checkout."""
    env = dict(os.environ)
    if any((REPO / "python" / "fastgrad").glob("_C*.so")):
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "python"), env.get("PYTHONPATH")]))
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def importable(module, env):
    r = subprocess.run([sys.executable, "-c", f"import {module}"], env=env, capture_output=True, text=True)
    return r.returncode == 0, (r.stderr.strip().splitlines() or [""])[-1]


def find_mnist(explicit):
    candidates = [explicit] if explicit else []
    candidates.append(REPO / "python" / "fastgrad" / "datasets" / "data" / "mnist-5k")
    spec = importlib.util.find_spec("fastgrad")
    if spec and spec.submodule_search_locations:
        candidates += [Path(p) / "datasets" / "data" / "mnist-5k" for p in spec.submodule_search_locations]
    candidates.append(REPO.parent / "shared" / "data" / "mnist-5k")
    for c in map(Path, candidates):
        if any((c / f"train-images-idx3-ubyte{ext}").exists() for ext in (".gz", "")):
            return str(c)
    return None


def run_worker(module, workloads, threads, budget, env, data_dir=None, info=False):
    cmd = [sys.executable, str(HERE / "worker.py"), "--framework", module, "--threads", str(threads),
           "--warmup-s", str(budget.warmup_s), "--block-s", str(budget.block_s), "--blocks", str(budget.blocks),
           "--max-s", str(budget.max_s)]
    if workloads:
        cmd += ["--workload", *workloads]
    if data_dir:
        cmd += ["--data-dir", data_dir]
    if info:
        cmd.append("--info")
    env = dict(env, **{v: str(threads) for v in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")})
    timeout = 120 + len(workloads) * (3 * budget.max_s + 30)
    try:
        r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return _failed(workloads, f"worker timed out after {timeout:.0f} s")
    lines = [ln for ln in r.stdout.splitlines() if ln.startswith("{")]
    if r.returncode != 0 or not lines:
        tail = " / ".join(r.stderr.strip().splitlines()[-3:])
        return _failed(workloads, f"worker exited with code {r.returncode}: {tail}")
    return json.loads(lines[-1])


def _failed(workloads, message):
    return {"results": [{"workload": w, "ok": False, "error": message} for w in workloads]}


def process_groups(items):
    """Workloads at one thread count share a process (one framework import per round instead of one per
    workload, which keeps --quick to minutes); those marked `alone` get their own."""
    groups = {}
    for item in items:
        key = (item.key,) if item.alone else ("shared", item.threads)
        groups.setdefault(key, []).append(item)
    return list(groups.values())


def select(items, only):
    if not only:
        return items
    return [i for i in items if any(fnmatch.fnmatchcase(i.workload, pat) or fnmatch.fnmatchcase(i.key, pat)
                                    for pat in only)]


class Progress:
    def __init__(self):
        self.t0 = time.perf_counter()

    def __call__(self, msg):
        print(f"[{time.perf_counter() - self.t0:6.1f}s] {msg}", file=sys.stderr, flush=True)


def main(argv=None):
    args = parse_args(argv)
    mode = plan.QUICK if args.quick else plan.FULL
    rounds = args.rounds or mode.rounds
    items = select((plan.quick_items() if args.quick else plan.full_items()) + [IMPORT_ITEM], args.only)
    if args.list:
        for i in items:
            print(f"{i.key:28s} {i.section:22s} {i.label}")
        return 0
    if not items:
        sys.exit(f"--only {' '.join(args.only)} matches no workload (see --list)")

    log = Progress()
    wait_quiet = contention.QuietWaiter(args.max_wait if args.max_wait is not None else mode.max_wait_s, log=log)
    env = subprocess_env()
    frameworks = {}
    for label, module in parse_frameworks(args.frameworks).items():
        ok, err = importable(module, env)
        if ok:
            frameworks[label] = module
        else:
            hint = " (pip install 'fastgrad[bench]' installs torch 2.13.0)" if module == "torch" else ""
            log(f"skipping {label}: `import {module}` fails: {err}{hint}")
    non_numpy = [lb for lb, m in frameworks.items() if m != "numpy"]
    if not non_numpy:
        sys.exit("no framework to measure")
    candidate, baseline = non_numpy[0], (non_numpy[1] if len(non_numpy) > 1 else None)
    numpy_label = next((lb for lb, m in frameworks.items() if m == "numpy"), None)
    data_dir = find_mnist(args.data_dir)

    meta = {"machine": machine.describe(), "mode": "quick" if args.quick else "full", "rounds": rounds,
            "budget": vars(mode.budget), "candidate": candidate, "baseline": baseline, "numpy": numpy_label,
            "frameworks": {}, "mnist_dir": data_dir, "command": " ".join(["python", "benchmarks/run.py", *sys.argv[1:]])}
    for label, module in frameworks.items():
        desc = run_worker(module, [], 1, mode.budget, env, info=True)
        meta["frameworks"][label] = dict(desc.get("info", {}), default_threads=desc.get("threads_reported"))
    log(f"candidate {candidate}, baseline {baseline}, numpy {numpy_label}; {len(items)} workloads, "
        f"{rounds} rounds, MNIST from {data_dir}")

    raw = {label: {} for label in frameworks}
    builds = {}
    timed = [i for i in items if i is not IMPORT_ITEM]
    for group in process_groups(timed):
        threads = group[0].threads
        for r in range(rounds):
            for label, module in frameworks.items():
                names = [i.workload for i in group if module != "numpy" or numpy_can_run(i.workload)]
                if not names:
                    continue
                load_before = wait_quiet()
                t, meter = time.perf_counter(), contention.Meter().start()
                out = run_worker(module, names, threads, mode.budget, env, data_dir=data_dir)
                load = meter.stop()
                builds.setdefault(label, set()).add(out.get("build"))
                for res in out["results"]:
                    # the worker's own per-workload figure is the precise one; keep the process-wide one too
                    res.setdefault("foreign_cores", load["foreign_cores"])
                    res.setdefault("steal_cores", load["steal_cores"])
                    res.update(process_foreign_cores=load["foreign_cores"], load_before=load_before)
                    raw[label].setdefault(f"{res['workload']}@{threads}t", []).append(res)
                    if not res.get("ok"):
                        log(f"  {label} {res['workload']}: {res['error']}")
                log(f"round {r + 1}/{rounds} {label:8s} {threads}t {len(names):2d} workload(s) "
                    f"{time.perf_counter() - t:5.1f}s, foreign load {load['foreign_cores']} cores  "
                    f"({names[0]}{' ...' if len(names) > 1 else ''})")

    if IMPORT_ITEM in items:
        log("import time")
        wait_quiet()
        meter = contention.Meter().start()
        figs = importtime.measure(frameworks, mode.import_runs, env)
        load = meter.stop()
        for label, fig in figs.items():
            raw[label][IMPORT_ITEM.key] = ([dict(load, ok=True, time_s=s) for s in fig["samples_s"]]
                                           + [{"ok": False, "error": e} for e in fig["errors"]])
            meta["frameworks"][label]["import"] = fig

    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / "results.json", "w") as f:  # the measurements survive a failure in the reporting below
        json.dump({"meta": meta, "raw": raw}, f, indent=1)
    meta["rebuilt_during_run"] = sorted(lb for lb, b in builds.items() if len(b - {None}) > 1)
    for label in meta["rebuilt_during_run"]:
        log(f"warning: {label}'s compiled extension changed during the run; its figures mix builds")
    rows = summarize.summarize(items, raw, candidate, baseline, numpy_label)
    target_rows = summarize.targets(rows) if baseline else []
    meta["total_s"] = time.perf_counter() - log.t0
    md = report.markdown(meta, rows, target_rows)
    (out_dir / "results.md").write_text(md + "\n")
    pngs = []
    if plots.available():
        pngs = [p for p in (
            plots.speedup_bars(rows, candidate, baseline, out_dir / "speedup.png") if baseline else None,
            plots.gemm_lines(rows, [x for x in (candidate, baseline, numpy_label) if x], out_dir / "gemm.png"),
        ) if p]
    else:
        log("matplotlib is not installed: no plots (pip install 'fastgrad[bench]')")
    meta["plots"] = [str(p.name) for p in pngs]
    with open(out_dir / "results.json", "w") as f:
        json.dump({"meta": meta, "rows": rows, "targets": target_rows, "raw": raw}, f, indent=1)
    print(md)
    log(f"wrote {', '.join(str(out_dir / n) for n in ['results.json', 'results.md', *meta['plots']])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
