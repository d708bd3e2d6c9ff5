"""Runs workloads for one framework in this process and prints one JSON line with the results.

    python benchmarks/worker.py --framework torch --threads 1 --workload train-sgd-b64 op-add

run.py starts one of these per framework and round, so two OpenMP runtimes never share a process and each
framework starts from the same state. Thread counts are fixed through the environment before the framework
is imported (OpenMP and BLAS read it once, at start) and through its set_num_threads.
"""
import argparse
import contextlib
import io
import json
import os
import re
import sys
import time
import traceback

THREAD_ENV = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--framework", required=True, help="module name: fastgrad, torch or numpy")
    p.add_argument("--workload", nargs="*", default=[], help="workload names, run in this order")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--info", action="store_true", help="also describe the framework (version, config, ISA)")
    p.add_argument("--warmup-s", type=float, default=0.2)
    p.add_argument("--block-s", type=float, default=0.2)
    p.add_argument("--blocks", type=int, default=5)
    p.add_argument("--max-s", type=float, default=20.0)
    p.add_argument("--data-dir", default=None, help="MNIST IDX directory, for the epoch workload")
    return p.parse_args(argv)


def _config_text(mod):
    """torch.__config__.show() returns a string; a library may print instead, so both are caught."""
    for path in ("__config__.show", "show_config", "config.show"):
        obj = mod
        try:
            for part in path.split("."):
                obj = getattr(obj, part)
        except AttributeError:
            continue
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            ret = obj()
        return {"via": f"{mod.__name__}.{path}()", "text": ret if isinstance(ret, str) else buf.getvalue()}
    return None


def _isa(mod):
    """The SIMD level the library dispatches to, if it says; torch names it its 'CPU capability'."""
    candidates = ("backends.cpu.get_cpu_capability", "get_cpu_capability", "_C._cpu_level",
                  "_C.get_cpu_capability", "_C.cpu_level", "_C.isa", "isa", "cpu_isa")
    for path in candidates:
        obj = mod
        try:
            for part in path.split("."):
                obj = getattr(obj, part)
            return {"via": f"{mod.__name__}.{path}", "value": str(obj() if callable(obj) else obj)}
        except AttributeError:
            continue
    return None


def build_id(fw):
    """Which compiled extension this process loaded: a developer rebuilding mid-run would otherwise mix two
    builds into one figure unnoticed."""
    ext = getattr(fw.mod, "_C", None)
    path = getattr(ext, "__file__", None)
    if not path:
        return None
    st = os.stat(os.path.realpath(path))
    return f"{os.path.realpath(path)}@{st.st_mtime_ns}:{st.st_size}"


def describe(fw):
    info = {"module": fw.name, "version": fw.version(), "path": getattr(fw.mod, "__file__", None),
            "threads_reported": fw.get_threads()}
    if fw.is_numpy:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            fw.mod.show_config()
        info["config"] = {"via": "numpy.show_config()", "text": buf.getvalue()}
        return info
    try:
        info["config"] = _config_text(fw.mod)
    except Exception as e:  # an optional description must not lose the measurements
        info["config"] = {"error": f"{type(e).__name__}: {e}"}
    info["isa"] = _isa(fw.mod) or _isa_from_config(info["config"])
    return info


def _isa_from_config(config):
    m = re.search(r"(?:ISA level|CPU capability)[^:\n]*:\s*(\S+)", (config or {}).get("text") or "")
    return {"via": config["via"], "value": m[1]} if m else None


def run_one(fw, name, budget, data_dir):
    import resource

    import contention
    from workloads import resolve
    t0 = time.perf_counter()
    meter = contention.Meter(resource.RUSAGE_SELF).start()
    try:
        fn, params = resolve(name)
        if data_dir is not None:
            params["data_dir"] = data_dir
        out = fn(fw, params, budget)
        out["ok"] = True
    except Exception as e:
        out = {"ok": False, "error": f"{type(e).__name__}: {e}",
               "traceback": traceback.format_exc().strip().splitlines()[-6:]}
    out["workload"] = name
    out["wall_s"] = time.perf_counter() - t0
    out.update(meter.stop())  # the machine's load while this workload alone ran
    return out


def main(argv=None):
    args = parse_args(argv)
    for var in THREAD_ENV:
        os.environ[var] = str(args.threads)
    t0 = time.perf_counter()
    from timing import Budget
    from workloads.framework import Framework
    fw = Framework(args.framework)
    import_s = time.perf_counter() - t0
    fw.set_threads(args.threads)
    budget = Budget(warmup_s=args.warmup_s, block_s=args.block_s, blocks=args.blocks, max_s=args.max_s)

    report = {"framework": args.framework, "threads": args.threads,
              "threads_reported": fw.get_threads(), "import_in_worker_s": import_s, "build": build_id(fw),
              "results": []}
    for name in args.workload:
        report["results"].append(run_one(fw, name, budget, args.data_dir))
    if args.info:
        report["info"] = describe(fw)
    sys.stdout.write("\n" + json.dumps(report) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
