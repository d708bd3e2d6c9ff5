"""Import time as a user meets it: a fresh interpreter running `import X`, wall clock, median over runs.

The bare interpreter's start-up is measured the same way and reported beside it, so the figure can be read
either as "what `python -c 'import X'` costs" or, minus the baseline, as the import alone.
"""
import statistics
import subprocess
import sys
import time


def _once(code, env):
    """Seconds, or the error text when the import fails (a package rebuilt under us must not end the run)."""
    t = time.perf_counter()
    r = subprocess.run([sys.executable, "-c", code], env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        return (r.stderr.strip().splitlines() or [f"exit code {r.returncode}"])[-1]
    return time.perf_counter() - t


def measure(modules, runs, env):
    """{label: {...}} for modules {label: module name}, alternated run by run as the other workloads are."""
    samples = {label: [] for label in modules}
    baseline = []
    for m in modules.values():  # the first start of each pays for a cold page cache; not counted
        _once(f"import {m}", env)
    for _ in range(runs):
        baseline.append(_once("pass", env))
        for label, m in modules.items():
            samples[label].append(_once(f"import {m}", env))
    base = statistics.median([x for x in baseline if isinstance(x, float)] or [0.0])
    out = {}
    for label, s in samples.items():
        times = [x for x in s if isinstance(x, float)]
        errors = [x for x in s if not isinstance(x, float)]
        out[label] = {"samples_s": times, "errors": errors, "interpreter_only_s": base}
        if times:
            out[label].update(time_s=statistics.median(times), import_only_s=statistics.median(times) - base)
    return out
