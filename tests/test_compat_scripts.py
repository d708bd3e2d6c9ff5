"""The compatibility suite: tutorial-style scripts in tests/compat/scripts, written for torch, run once
with torch and once with fastgrad standing in for it (tests/compat/shim puts a `torch` package on the
path that resolves every torch.X import to fastgrad.X). What they print must agree: the same text, and
every number equal to the precision it was printed with (a relative 1e-4 for long float printouts)."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from script_compare import FASTGRAD_SRC, SHIM, compare_outputs, first_error, run_script

HERE = Path(__file__).parent
SCRIPTS = sorted((HERE / "compat" / "scripts").glob("*.py"))


def _run(script, with_fastgrad):
    result = run_script(script, with_fastgrad)
    who = "fastgrad" if with_fastgrad else "torch"
    assert result.returncode == 0, f"{script.name} failed under {who}:\n{result.stderr[-3000:]}"
    return result.stdout


def test_comparison_catches_differences():
    assert compare_outputs("loss 0.1234\n", "loss 0.1235\n") == []
    assert compare_outputs("loss 0.1234\n", "loss 0.1294\n")
    assert compare_outputs("acc 1.0\n", "accuracy 1.0\n")
    assert compare_outputs("a\nb\n", "a\n")
    assert compare_outputs("w 1.23456789e-03", "w 1.23457e-03") == []
    assert compare_outputs("epoch 1 (0.0123s)\n", "epoch 1 (0.0456s)\n", ignore=[r"\(\d+\.\d+s\)"]) == []
    assert compare_outputs("epoch 1 (0.0123s)\n", "epoch 5 (0.0456s)\n", ignore=[r"\(\d+\.\d+s\)"])
    assert compare_outputs("c = -2.2204459931571278e-21\n", "c = -3.392665037793563e-10\n")
    assert compare_outputs("c = -2.2204459931571278e-21\n", "c = -3.392665037793563e-10\n", abs_tol=1e-8) == []


def test_first_error_names_the_exception_and_the_script_line():
    stderr = ('Traceback (most recent call last):\n  File "/x/corpus/demo.py", line 3, in <module>\n'
              '    torch.frob()\n  File "/y/python/fastgrad/__init__.py", line 9, in __getattr__\n'
              "AttributeError: module 'fastgrad' has no attribute 'frob'\n")
    assert first_error(stderr) == "AttributeError: module 'fastgrad' has no attribute 'frob' (at demo.py:3)"


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
