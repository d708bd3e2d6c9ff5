"""Import time as a user meets it: a fresh interpreter running `import X`, wall clock, median over runs.

The bare interpreter's start-up is measured the same way and reported beside it, so the figure can be read
either as "what `python -c 'import X'` costs" or, minus the baseline, as the import alone.
"""
import statistics
import subprocess
import sys
import time


def _once(code, env):
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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
    base = statistics.median(baseline)
    return {label: {"time_s": statistics.median(s), "samples_s": s, "interpreter_only_s": base,
                    "import_only_s": statistics.median(s) - base} for label, s in samples.items()}
