"""Same seed, same run: five epochs of examples/mnist_mlp.py (manual_seed, default Linear init,
DataLoader(shuffle=True) with a seeded generator, SGD with momentum) on fastgrad and on torch print
the same losses, to float rounding. torch runs in its own process (two OpenMP runtimes in one
process misbehave)."""
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import fastgrad

pytest.importorskip("torch")

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "mnist_mlp.py"


def start(framework, out):
    env = dict(os.environ)
    package_parent = str(Path(list(fastgrad.__path__)[0]).parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_parent, env.get("PYTHONPATH")) if p)
    env["MPLBACKEND"] = "Agg"
    env["OMP_NUM_THREADS"] = "1"  # the two runs share the machine; one thread each trains fastest here
    cmd = [sys.executable, str(EXAMPLE), "--framework", framework, "--epochs", "5", "--seed", "3",
           "--out", str(out)]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(proc, out):
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr[-2000:]
    printed = [line.split("train loss ")[1].split(" ")[0] for line in stdout.splitlines() if "train loss" in line]
    history = json.loads((out / "train_state.json").read_text())["history"]
    return printed, history


def test_five_seeded_epochs_print_torch_losses(tmp_path):
    # both engines train at once, each in its own process
    f_proc, t_proc = start("fastgrad", tmp_path / "fg"), start("torch", tmp_path / "torch")
    f_printed, f_hist = finish(f_proc, tmp_path / "fg")
    t_printed, t_hist = finish(t_proc, tmp_path / "torch")
    assert len(f_printed) == len(t_printed) == 5
    # every random number (weights, shuffles) is torch's: only float rounding in the sums differs
    np.testing.assert_allclose(f_hist["train_loss"], t_hist["train_loss"], rtol=1e-4, atol=0)
    assert f_printed == t_printed
    np.testing.assert_allclose(f_hist["test_accuracy"], t_hist["test_accuracy"], atol=2e-3)
