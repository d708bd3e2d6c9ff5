"""The compatibility suite: tutorial-style scripts in tests/compat/scripts, written for torch, run once
with torch and once with fastgrad standing in for it (tests/compat/shim puts a `torch` package on the
path that resolves every torch.X import to fastgrad.X). What they print must agree: the same text, and
every number equal to the precision it was printed with (a relative 1e-4 for long float printouts)."""
import importlib.util
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
SCRIPTS = sorted((HERE / "compat" / "scripts").glob("*.py"))
SHIM = HERE / "compat" / "shim"
# The folder holding the fastgrad this test runs against: the installed package (as in CI, where the
# clone's python/ has no built extension) or python/ of a development tree on PYTHONPATH.
FASTGRAD_SRC = Path(importlib.util.find_spec("fastgrad").origin).resolve().parent.parent

_NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")


def _run(script, with_fastgrad):
    env = dict(os.environ)
    paths = [str(SHIM), str(FASTGRAD_SRC)] if with_fastgrad else []
    if not with_fastgrad and "PYTHONPATH" in env:
        # keep the real torch: drop any shim from an inherited path
        paths = [p for p in env["PYTHONPATH"].split(os.pathsep) if Path(p).resolve() != SHIM.resolve()]
    elif env.get("PYTHONPATH"):
        paths.append(env["PYTHONPATH"])
    env["PYTHONPATH"] = os.pathsep.join(paths)
    env["OMP_NUM_THREADS"] = env.get("OMP_NUM_THREADS", "1")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=300,
                            cwd=str(script.parent))
    who = "fastgrad" if with_fastgrad else "torch"
    assert result.returncode == 0, f"{script.name} failed under {who}:\n{result.stderr[-3000:]}"
    return result.stdout


def _tolerance(printed, reference):
    """What a printed number may differ by: two units of its last printed digit, or 1e-4 relative."""
    mantissa = printed.lower().split("e")[0]
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    exponent = int(printed.lower().split("e")[1]) if "e" in printed.lower() else 0
    return max(2 * 10.0 ** (exponent - decimals), 1e-4 * abs(reference))


def compare_outputs(ours, theirs):
    """Returns a list of differences (empty when the outputs agree)."""
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
            if not (math.isclose(fx, fy, abs_tol=max(_tolerance(x, fy), _tolerance(y, fy)))):
                problems.append(f"line {n}: {x} vs torch's {y}\n  fastgrad: {a}\n  torch:    {b}")
    return problems


def test_comparison_catches_differences():
    assert compare_outputs("loss 0.1234\n", "loss 0.1235\n") == []
    assert compare_outputs("loss 0.1234\n", "loss 0.1294\n")
    assert compare_outputs("acc 1.0\n", "accuracy 1.0\n")
    assert compare_outputs("a\nb\n", "a\n")
    assert compare_outputs("w 1.23456789e-03", "w 1.23457e-03") == []


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.stem for s in SCRIPTS])
def test_script_prints_what_torch_prints(script):
    pytest.importorskip("torch")
    theirs = _run(script, with_fastgrad=False)
    ours = _run(script, with_fastgrad=True)
    assert theirs.strip(), f"{script.name} printed nothing"
    problems = compare_outputs(ours, theirs)
    assert not problems, f"{script.name}:\n" + "\n".join(problems[:10])


def test_suite_has_scripts():
    assert len(SCRIPTS) >= 6


def test_shim_resolves_torch_names_to_fastgrad():
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SHIM), str(FASTGRAD_SRC)]))
    code = ("import torch, torch.nn as nn, torch.nn.functional as F\n"
            "from torch.utils.data import DataLoader\n"
            "from torch.nn.modules.linear import Linear\n"
            "import fastgrad\n"
            "print(torch is fastgrad, nn is fastgrad.nn, F is fastgrad.nn.functional, "
            "DataLoader is fastgrad.utils.data.DataLoader, Linear is fastgrad.nn.Linear)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True"] * 5
