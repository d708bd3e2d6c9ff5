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


def run(framework, out):
    env = dict(os.environ)
    package_parent = str(Path(list(fastgrad.__path__)[0]).parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_parent, env.get("PYTHONPATH")) if p)
    env["MPLBACKEND"] = "Agg"
    cmd = [sys.executable, str(EXAMPLE), "--framework", framework, "--epochs", "5", "--seed", "3",
           "--out", str(out)]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    printed = [line.split("train loss ")[1].split(" ")[0] for line in proc.stdout.splitlines() if "train loss" in line]
    history = json.loads((out / "train_state.json").read_text())["history"]
    return printed, history


def test_five_seeded_epochs_print_torch_losses(tmp_path):
    f_printed, f_hist = run("fastgrad", tmp_path / "fg")
    t_printed, t_hist = run("torch", tmp_path / "torch")
    assert len(f_printed) == len(t_printed) == 5
    # every random number (weights, shuffles) is torch's: only float rounding in the sums differs
    np.testing.assert_allclose(f_hist["train_loss"], t_hist["train_loss"], rtol=1e-4, atol=0)
    assert f_printed == t_printed
    np.testing.assert_allclose(f_hist["test_accuracy"], t_hist["test_accuracy"], atol=2e-3)
