"""Runs a script written for torch once with torch and once with fastgrad standing in for it, and compares
what the two print. tests/compat/shim puts a `torch` package on the path that resolves every torch.X import to
fastgrad.X, so the script's text is the same in both runs. Used by the compatibility suites
(test_compat_scripts.py for our own scripts, test_compat_corpus.py for third-party ones)."""
import importlib.util
import math
import os
import re
import subprocess
import sys
from pathlib import Path

SHIM = Path(__file__).parent / "compat" / "shim"
# The folder holding the fastgrad the tests run against: the installed package (as in CI, where the
# clone's python/ has no built extension) or python/ of a development tree on PYTHONPATH.
FASTGRAD_SRC = Path(importlib.util.find_spec("fastgrad").origin).resolve().parent.parent

_NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")

# Seeds torch's generator (and Python's and numpy's) before the script runs, for scripts that draw random
# numbers without seeding (tutorials often do): both engines then draw the same stream, as fastgrad's
# generator follows torch's.
_SEEDED_LAUNCH = ("import random, runpy, sys, numpy, torch\n"
                  "torch.manual_seed({seed}); random.seed({seed}); numpy.random.seed({seed})\n"
                  "sys.argv = [sys.argv[1]]\n"
                  "sys.path[0] = __import__('os').path.dirname(sys.argv[0])  # as `python script.py` sets it\n"
                  "runpy.run_path(sys.argv[0], run_name='__main__')\n")


def script_env(with_fastgrad):
    """The environment a script runs in: the shim and fastgrad first on the path, or the real torch."""
    env = dict(os.environ)
    paths = [str(SHIM), str(FASTGRAD_SRC)] if with_fastgrad else []
    if not with_fastgrad and "PYTHONPATH" in env:
        # keep the real torch: drop any shim from an inherited path
        paths = [p for p in env["PYTHONPATH"].split(os.pathsep) if Path(p).resolve() != SHIM.resolve()]
    elif env.get("PYTHONPATH"):
        paths.append(env["PYTHONPATH"])
    env["PYTHONPATH"] = os.pathsep.join(paths)
    env["OMP_NUM_THREADS"] = env.get("OMP_NUM_THREADS", "1")
    # scripts that number words by iterating a set of strings get the same numbering in both runs
    env["PYTHONHASHSEED"] = "0"
    env["MPLBACKEND"] = "Agg"  # scripts that plot draw off screen
    return env


def run_script(script, with_fastgrad, seed=None, timeout=300, cwd=None):
    """The finished process (returncode, stdout, stderr) of `script` run in `cwd` (default: its own folder);
    with a seed, torch's, Python's and numpy's generators are seeded first."""
    script = Path(script).resolve()
    command = [sys.executable, str(script)]
    if seed is not None:
        command = [sys.executable, "-c", _SEEDED_LAUNCH.format(seed=int(seed)), str(script)]
    return subprocess.run(command, capture_output=True, text=True, env=script_env(with_fastgrad),
                          timeout=timeout, cwd=str(cwd or script.parent))


def first_error(stderr):
    """The exception line of a traceback (its last line starting with a name and a colon), with the line of
    the script that raised it, e.g. "AttributeError: ... (at foo.py:12)"."""
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    if not lines:
        return "no error printed"
    error = next((line for line in reversed(lines) if re.match(r"^[\w.]+(Error|Exception|Interrupt|Exit)\b", line)),
                 lines[-1])
    frames = re.findall(r'File "([^"]+)", line (\d+)', stderr)
    script_frames = [(Path(f).name, n) for f, n in frames if "/fastgrad/" not in f and "<frozen" not in f
                     and "runpy" not in Path(f).name and f != "<string>"]
    where = f" (at {script_frames[-1][0]}:{script_frames[-1][1]})" if script_frames else ""
    return error.strip() + where


def _tolerance(printed, reference):
    """What a printed number may differ by: two units of its last printed digit, or 1e-4 relative."""
    mantissa = printed.lower().split("e")[0]
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    exponent = int(printed.lower().split("e")[1]) if "e" in printed.lower() else 0
    return max(2 * 10.0 ** (exponent - decimals), 1e-4 * abs(reference))


def compare_outputs(ours, theirs, ignore=(), abs_tol=0.0):
    """A list of differences (empty when the outputs agree). `ignore` holds regular expressions for printed
    text that differs between any two runs (timings, addresses); what they match is left out of both sides.
    `abs_tol` is for values that are zero in exact arithmetic, where only rounding residue is printed."""
    for pattern in ignore:
        ours, theirs = re.sub(pattern, "", ours), re.sub(pattern, "", theirs)
    problems = []
    ours_lines, theirs_lines = ours.splitlines(), theirs.splitlines()
    if len(ours_lines) != len(theirs_lines):
        problems.append(f"{len(ours_lines)} lines printed, torch printed {len(theirs_lines)}")
    for n, (a, b) in enumerate(zip(ours_lines, theirs_lines), 1):
        if _NUMBER.sub("#", a) != _NUMBER.sub("#", b):
            problems.append(f"line {n} text differs:\n  fastgrad: {a}\n  torch:    {b}")
            continue
        for x, y in zip(_NUMBER.findall(a), _NUMBER.findall(b)):
            fx, fy = float(x), float(y)
            if not (math.isclose(fx, fy, abs_tol=max(_tolerance(x, fy), _tolerance(y, fy), abs_tol))):
                problems.append(f"line {n}: {x} vs torch's {y}\n  fastgrad: {a}\n  torch:    {b}")
    return problems
