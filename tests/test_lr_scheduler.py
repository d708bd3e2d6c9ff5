"""Schedulers: the learning-rate sequence (and momentum, for OneCycleLR) equals torch's step by step."""
import warnings

import pytest

import fastgrad as fg
import fastgrad.optim as optim
from fastgrad.optim import lr_scheduler

torch = pytest.importorskip("torch")

SCHEDULERS = [
    ("StepLR", dict(step_size=7, gamma=0.5)),
    ("MultiStepLR", dict(milestones=[5, 12, 12, 30], gamma=0.3)),
    ("ExponentialLR", dict(gamma=0.93)),
    ("CosineAnnealingLR", dict(T_max=10, eta_min=0.001)),
    ("CosineAnnealingLR", dict(T_max=7)),
    ("LambdaLR", dict(lr_lambda=lambda e: 1.0 / (1 + e))),
    ("MultiplicativeLR", dict(lr_lambda=lambda e: 0.97)),
    ("LinearLR", dict(start_factor=0.25, end_factor=1.0, total_iters=8)),
    ("LinearLR", dict(start_factor=1.0, end_factor=0.1, total_iters=5)),
    ("ConstantLR", dict(factor=0.5, total_iters=4)),
    ("OneCycleLR", dict(max_lr=0.5, total_steps=40)),
    ("OneCycleLR", dict(max_lr=[0.5, 0.2], epochs=4, steps_per_epoch=10, anneal_strategy="linear",
                        three_phase=True)),
]


def _optimizers(lib_optim, lib, kind="SGD"):
    p1, p2 = lib.zeros(2, requires_grad=True), lib.zeros(3, requires_grad=True)
    if kind == "Adam":
        return lib_optim.Adam([{"params": [p1]}, {"params": [p2], "lr": 0.05}], lr=0.1)
    return lib_optim.SGD([{"params": [p1]}, {"params": [p2], "lr": 0.05}], lr=0.1, momentum=0.9)


def _run(lib, sched_name, kwargs, steps, kind="SGD"):
    opt = _optimizers(lib.optim, lib, kind)
    sched = getattr(lib.optim.lr_scheduler, sched_name)(opt, **kwargs)
    seen = []
    for _ in range(steps):
        seen.append((sched.get_last_lr(), [g["lr"] for g in opt.param_groups],
                     [g.get("momentum", g.get("betas")) for g in opt.param_groups]))
        opt.step()
        sched.step()
    return seen


@pytest.mark.parametrize("name,kwargs", SCHEDULERS, ids=[f"{n}-{i}" for i, (n, _) in enumerate(SCHEDULERS)])
def test_sequence_matches_torch(name, kwargs):
    steps = 39 if name == "OneCycleLR" else 35
    ours = _run(fg, name, kwargs, steps)
    theirs = _run(torch, name, kwargs, steps)
    for i, (a, b) in enumerate(zip(ours, theirs)):
        assert a[0] == pytest.approx(b[0], rel=1e-12, abs=1e-15), f"step {i}"
        assert a[1] == pytest.approx(b[1], rel=1e-12, abs=1e-15), f"step {i}"
        assert a[2] == pytest.approx(b[2], rel=1e-12), f"step {i}"


def test_one_cycle_cycles_adam_betas():
    ours = _run(fg, "OneCycleLR", dict(max_lr=0.3, total_steps=20), 19, kind="Adam")
    theirs = _run(torch, "OneCycleLR", dict(max_lr=0.3, total_steps=20), 19, kind="Adam")
    for a, b in zip(ours, theirs):
        assert a[1] == pytest.approx(b[1], rel=1e-12)
        assert [x[0] for x in a[2]] == pytest.approx([x[0] for x in b[2]], rel=1e-12)


def test_one_cycle_past_total_steps_raises():
    opt = _optimizers(optim, fg)
    sched = lr_scheduler.OneCycleLR(opt, max_lr=0.1, total_steps=3)
    for _ in range(2):
        opt.step()
        sched.step()
    opt.step()
    sched.step()
    with pytest.raises(ValueError):
        sched.step()


def test_chained_schedulers_compose_like_torch():
    def run(lib):
        opt = _optimizers(lib.optim, lib)
        s1 = lib.optim.lr_scheduler.ExponentialLR(opt, gamma=0.9)
        s2 = lib.optim.lr_scheduler.StepLR(opt, step_size=3, gamma=0.5)
        out = []
        for _ in range(10):
            opt.step()
            s1.step()
            s2.step()
            out.append([g["lr"] for g in opt.param_groups])
        return out
    for a, b in zip(run(fg), run(torch)):
        assert a == pytest.approx(b, rel=1e-12)


def test_step_with_epoch_uses_closed_form():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for lib in (fg, torch):
            opt = _optimizers(lib.optim, lib)
            s = lib.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.1)
            s.step(5)
            if lib is fg:
                ours = s.get_last_lr()
            else:
                theirs = s.get_last_lr()
    assert ours == pytest.approx(theirs)


@pytest.mark.parametrize("kwargs", [
    dict(mode="min", factor=0.5, patience=2),
    dict(mode="max", factor=0.1, patience=1, threshold_mode="abs", threshold=0.1, cooldown=2, min_lr=0.004),
    dict(mode="min", patience=0, min_lr=[0.01, 0.02], eps=1e-3),
])
def test_reduce_lr_on_plateau(kwargs):
    metrics = [1.0, 0.9, 0.95, 0.95, 0.96, 0.89, 0.9, 0.9, 0.9, 0.91, 0.5, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6]

    def run(lib):
        opt = _optimizers(lib.optim, lib)
        s = lib.optim.lr_scheduler.ReduceLROnPlateau(opt, **kwargs)
        out = []
        for m in metrics:
            opt.step()
            s.step(m)
            out.append(s.get_last_lr())
        return out
    for a, b in zip(run(fg), run(torch)):
        assert a == pytest.approx(b, rel=1e-12)


def test_scheduler_state_dict_roundtrip_and_warning_order():
    opt = _optimizers(optim, fg)
    s = lr_scheduler.CosineAnnealingLR(opt, T_max=10)
    with pytest.warns(UserWarning, match="before `optimizer.step\\(\\)`"):
        s.step()
    for _ in range(3):
        opt.step()
        s.step()
    state = s.state_dict()
    assert "optimizer" not in state and state["last_epoch"] == 4
    s2 = lr_scheduler.CosineAnnealingLR(_optimizers(optim, fg), T_max=10)
    s2.load_state_dict(state)
    assert s2.last_epoch == 4 and s2.get_last_lr() == s.get_last_lr()


def test_initial_lr_recorded_and_constructor_step():
    opt = _optimizers(optim, fg)
    s = lr_scheduler.LinearLR(opt, start_factor=0.5, total_iters=2)
    assert [g["initial_lr"] for g in opt.param_groups] == [0.1, 0.05]
    assert s.last_epoch == 0 and s.get_last_lr() == [0.05, 0.025]
    with pytest.raises(TypeError):
        lr_scheduler.StepLR(object(), step_size=1)
