"""examples/mnist_mlp.py end to end, as a user runs it: short runs on the bundled digits.

Runs on fastgrad, and on torch where it is installed (the benchmark suite times the example on both).
"""

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import fastgrad

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "mnist_mlp.py"

FRAMEWORKS = [
    pytest.param("fastgrad", marks=pytest.mark.skipif(
        importlib.util.find_spec("fastgrad._C") is None, reason="fastgrad's C++ core is not built")),
    pytest.param("torch", marks=pytest.mark.skipif(
        importlib.util.find_spec("torch") is None, reason="torch is not installed")),
]


def example_env():
    env = dict(os.environ)
    # The subprocess must import the same fastgrad as this test (an installed wheel or a dev tree).
    package_parent = str(Path(list(fastgrad.__path__)[0]).parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_parent, env.get("PYTHONPATH")) if p)
    env["MPLBACKEND"] = "Agg"
    return env


def run_example(framework, out, *args):
    cmd = [sys.executable, str(EXAMPLE), "--framework", framework, "--out", str(out), *args]
    proc = subprocess.run(cmd, env=example_env(), capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, f"{cmd} failed:\n{proc.stdout}\n{proc.stderr}"
    accuracies = [float(m) for m in re.findall(
        r"^epoch \d+/\d+: train loss \d+\.\d{4}, test accuracy (\d\.\d{3}) \(\d+\.\d\d s\)$", proc.stdout, re.M)]
    return proc.stdout, accuracies


def load_weights(framework, path):
    if framework == "fastgrad":
        # The checkpoint must be a real safetensors file, readable without fastgrad.
        from safetensors.numpy import load_file

        return load_file(str(path))
    import torch

    return {k: v.numpy() for k, v in torch.load(path).items()}


def checkpoint(framework, out):
    ext = ".safetensors" if framework == "fastgrad" else ".pt"
    return out / f"model{ext}", out / f"optimizer{ext}", out / "train_state.json"


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_short_run_learns_and_saves(tmp_path, framework):
    out = tmp_path / "run"
    stdout, acc = run_example(framework, out, "--epochs", "2")
    assert len(acc) == 2, stdout
    assert acc[-1] >= 0.8, stdout  # chance is 0.1; two epochs of SGD reach about 0.9

    model_path, optim_path, state_path = checkpoint(framework, out)
    assert optim_path.is_file() and optim_path.stat().st_size > 0
    weights = load_weights(framework, model_path)
    shapes = {k: tuple(v.shape) for k, v in weights.items()}
    assert shapes == {
        "fc1.weight": (128, 784), "fc1.bias": (128,),
        "fc2.weight": (64, 128), "fc2.bias": (64,),
        "fc3.weight": (10, 64), "fc3.bias": (10,),
    }
    state = json.loads(state_path.read_text())
    assert state["epoch"] == 2 and state["history"]["test_accuracy"] == pytest.approx(acc, abs=5e-4)
    assert len(state["history"]["train_loss"]) == 2
    assert state["history"]["train_loss"][1] < state["history"]["train_loss"][0]

    plot = out / "mnist_mlp.png"
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    # The last line restates the result and every file written.
    last = stdout.strip().splitlines()[-1]
    best = max(acc)
    assert last.startswith(f"final test accuracy {acc[-1]:.3f} (best {best:.3f}, epoch {acc.index(best) + 1}) after ")
    for path in (model_path, optim_path, state_path, plot):
        assert str(path) in last, last


@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_resume_continues_the_run(tmp_path, framework, optimizer):
    interrupted, straight = tmp_path / "interrupted", tmp_path / "straight"
    _, first = run_example(framework, interrupted, "--epochs", "1", "--optimizer", optimizer)
    stdout, resumed = run_example(framework, interrupted, "--epochs", "1", "--optimizer", optimizer, "--resume")
    assert "resumed from" in stdout and "epoch 2/2" in stdout
    assert len(first) == 1 and len(resumed) == 1

    state = json.loads(checkpoint(framework, interrupted)[2].read_text())
    assert state["epoch"] == 2
    assert state["history"]["test_accuracy"] == pytest.approx(first + resumed, abs=5e-4)

    # Resuming restores weights, optimizer state (momentum / Adam moments and step) and the shuffle, so
    # one epoch + one resumed epoch lands where two uninterrupted epochs do.
    _, both = run_example(framework, straight, "--epochs", "2", "--optimizer", optimizer)
    assert both == first + resumed
    a = load_weights(framework, checkpoint(framework, interrupted)[0])
    b = load_weights(framework, checkpoint(framework, straight)[0])
    for name in b:
        np.testing.assert_allclose(a[name], b[name], rtol=0, atol=1e-6, err_msg=name)


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_resume_without_checkpoint_fails_clearly(tmp_path, framework):
    proc = subprocess.run(
        [sys.executable, str(EXAMPLE), "--framework", framework, "--out", str(tmp_path), "--resume"],
        env=example_env(), capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode != 0
    assert "no checkpoint" in proc.stderr and str(tmp_path) in proc.stderr


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_runs_without_the_examples_extra(tmp_path, framework):
    # Shadow tqdm and matplotlib with modules that fail to import, as on an install without [examples].
    blocked = tmp_path / "blocked"
    (blocked / "matplotlib").mkdir(parents=True)
    (blocked / "tqdm.py").write_text("raise ImportError('tqdm is blocked by this test')\n")
    (blocked / "matplotlib" / "__init__.py").write_text("raise ImportError('matplotlib is blocked by this test')\n")
    env = example_env()
    env["PYTHONPATH"] = os.pathsep.join((str(blocked), env["PYTHONPATH"]))
    out = tmp_path / "run"
    proc = subprocess.run(
        [sys.executable, str(EXAMPLE), "--framework", framework, "--out", str(out), "--epochs", "1"],
        env=env, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert re.search(r"^epoch 1/1: train loss \d+\.\d{4}, test accuracy 0\.\d{3} ", proc.stdout, re.M)
    assert "tqdm is not installed: no progress bars (pip install 'fastgrad[examples]')" in proc.stdout
    assert "matplotlib is not installed: skipping the plot (pip install 'fastgrad[examples]')" in proc.stdout
    assert not (out / "mnist_mlp.png").exists()
    assert all(p.is_file() for p in checkpoint(framework, out))


def test_progress_bars_stay_on_a_terminal(tmp_path):
    # On a terminal each epoch keeps its finished bar (loss and test accuracy at its end), as tqdm users know.
    pytest.importorskip("tqdm")
    import pty

    import fcntl
    import struct
    import termios

    primary, secondary = pty.openpty()
    # a terminal 120 columns wide (a new pty reports 0 columns, and tqdm fits its bar to the width)
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    out = tmp_path / "run"
    proc = subprocess.Popen(
        [sys.executable, str(EXAMPLE), "--framework", "fastgrad", "--out", str(out), "--epochs", "2"],
        env=example_env(), stdout=subprocess.PIPE, stderr=secondary, text=True)
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(primary, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    stdout = proc.stdout.read()
    assert proc.wait(timeout=300) == 0
    os.close(primary)
    terminal = b"".join(chunks).decode(errors="replace")
    # tqdm redraws a bar with carriage returns; what stays on screen is each line's last redraw.
    lines = [ln.rstrip("\r").split("\r")[-1] for ln in terminal.replace("\r\n", "\n").split("\n")]
    finished = [ln for ln in lines if re.match(r"epoch [12]/2: 100%.*loss \d\.\d{4}, test accuracy 0\.\d{3}", ln)]
    assert [ln[:10] for ln in finished] == ["epoch 1/2:", "epoch 2/2:"], terminal
    assert stdout.strip().splitlines()[-1].startswith("final test accuracy ")
