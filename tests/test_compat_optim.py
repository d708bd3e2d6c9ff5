"""The optimizers beyond SGD/Adam (Adadelta, Adamax, NAdam, RAdam, ASGD, Rprop, Adafactor, LBFGS, SparseAdam) follow
torch's trajectories: the same initial weights in both, several steps on the same loss, parameters compared
after every step; state_dict round trips continue the same trajectory."""
import copy

import numpy as np
import pytest

import fastgrad


@pytest.fixture(scope="module")
def torch():
    return pytest.importorskip("torch")


def _initial_arrays(dtype):
    # deterministic, varied weights (random streams differ between the two libraries)
    w1 = (np.sin(np.arange(12, dtype=np.float64) * 1.3) * 0.6).reshape(4, 3)
    b1 = np.cos(np.arange(4, dtype=np.float64)) * 0.1
    w2 = (np.cos(np.arange(8, dtype=np.float64) * 0.7) * 0.5).reshape(2, 4)
    b2 = np.array([0.05, -0.02])
    return [a.astype(dtype) for a in (w1, b1, w2, b2)]


def _data(dtype):
    x = (np.sin(np.arange(24, dtype=np.float64) * 0.37) * 2.0).reshape(8, 3).astype(dtype)
    y = (np.cos(np.arange(16, dtype=np.float64) * 0.23)).reshape(8, 2).astype(dtype)
    return x, y


def _loss(lib, params, x, y):
    w1, b1, w2, b2 = params
    h = lib.tanh(x @ w1.T + b1)
    out = h @ w2.T + b2
    return ((out - y) ** 2).mean()


def _make(lib, dtype):
    np_dtype = np.float64 if dtype == "float64" else np.float32
    params = [lib.tensor(a, requires_grad=True) for a in _initial_arrays(np_dtype)]
    x, y = (lib.tensor(a) for a in _data(np_dtype))
    return params, x, y


def _closure(lib, opt, params, x, y):
    def closure():
        opt.zero_grad()
        loss = _loss(lib, params, x, y)
        loss.backward()
        return loss
    return closure


def _run(lib, name, kwargs, steps, dtype, split_at=None):
    """Parameters after each of `steps` steps; at `split_at` the optimizer is rebuilt from its state_dict
    (deep-copied, as a save and load would give)."""
    params, x, y = _make(lib, dtype)
    opt_cls = getattr(lib.optim, name)
    opt = opt_cls(params, **kwargs)
    history = []
    for i in range(steps):
        if i == split_at:
            saved = copy.deepcopy(opt.state_dict())
            opt = opt_cls(params, **kwargs)
            opt.load_state_dict(saved)
        opt.step(_closure(lib, opt, params, x, y))
        history.append([p.detach().numpy().copy() for p in params])
    return history, opt


CASES = [
    ("Adadelta", {}), ("Adadelta", {"lr": 0.5, "rho": 0.8, "weight_decay": 0.1}),
    ("Adadelta", {"maximize": True, "eps": 1e-4}),
    ("Adamax", {}), ("Adamax", {"lr": 0.05, "betas": (0.8, 0.99), "weight_decay": 0.05}),
    ("Adamax", {"maximize": True}),
    ("NAdam", {}), ("NAdam", {"lr": 0.05, "weight_decay": 0.1, "momentum_decay": 0.01}),
    ("NAdam", {"lr": 0.02, "weight_decay": 0.1, "decoupled_weight_decay": True}),
    ("RAdam", {}), ("RAdam", {"lr": 0.05, "betas": (0.9, 0.9), "weight_decay": 0.1}),
    ("RAdam", {"lr": 0.05, "betas": (0.85, 0.8), "weight_decay": 0.1, "decoupled_weight_decay": True}),
    ("ASGD", {}), ("ASGD", {"lr": 0.1, "lambd": 0.01, "alpha": 0.5, "t0": 3, "weight_decay": 0.05}),
    ("ASGD", {"lr": 0.05, "t0": 2, "maximize": True}),
    ("Rprop", {}), ("Rprop", {"lr": 0.05, "etas": (0.3, 1.5), "step_sizes": (1e-3, 0.2)}),
    ("Rprop", {"maximize": True}),
    ("Adafactor", {}), ("Adafactor", {"lr": 0.05, "beta2_decay": -0.5, "d": 1.5, "weight_decay": 0.05}),
    ("Adafactor", {"eps": (1e-4, 1e-2), "maximize": True}),
    ("LBFGS", {"lr": 0.5, "max_iter": 4}), ("LBFGS", {"lr": 1, "max_iter": 5, "history_size": 3}),
    ("LBFGS", {"lr": 1, "max_iter": 6, "line_search_fn": "strong_wolfe"}),
]
STEPS = 12


def _ids(case):
    name, kwargs = case
    return name + "-" + "-".join(f"{k}={v}" for k, v in kwargs.items())


@pytest.mark.parametrize("case", CASES, ids=[_ids(c) for c in CASES])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_trajectory_matches_torch(torch, case, dtype):
    name, kwargs = case
    steps = 4 if name == "LBFGS" else STEPS
    ours, _ = _run(fastgrad, name, kwargs, steps, dtype)
    theirs, _ = _run(torch, name, kwargs, steps, dtype)
    if name == "LBFGS" and dtype == "float32":
        # L-BFGS divides by curvature dot products over many inner iterations, which amplifies float32
        # rounding: torch's own float32 run drifts from its float64 run by up to 1e-3 here. fastgrad's
        # float32 run must stay within a few times that drift of torch's (the float64 runs agree to 1e-9).
        exact, _ = _run(torch, name, kwargs, steps, "float64")
        for step, (o, t, e) in enumerate(zip(ours, theirs, exact)):
            for po, pt, pe in zip(o, t, e):
                drift = np.abs(pt - pe).max()
                assert np.abs(po - pt).max() <= 4 * drift + 1e-5, f"{name} step {step + 1}"
        return
    tol = dict(rtol=2e-4, atol=2e-5) if dtype == "float32" else dict(rtol=1e-9, atol=1e-11)
    for step, (o, t) in enumerate(zip(ours, theirs)):
        for po, pt in zip(o, t):
            np.testing.assert_allclose(po, pt, err_msg=f"{name} step {step + 1}", **tol)
    # the trajectory moved: the comparison is not between two unchanged initial points
    assert max(np.abs(a - b).max() for a, b in zip(ours[-1], _initial_arrays(np.float64))) > 1e-3


@pytest.mark.parametrize("case", CASES[::3], ids=[_ids(c) for c in CASES[::3]])
def test_state_dict_round_trip_continues_the_trajectory(torch, case):
    name, kwargs = case
    steps = 4 if name == "LBFGS" else 8
    # loading casts floating state to the parameter's dtype (NAdam's mu_product, ASGD's eta and mu become
    # float64 here), in torch as in fastgrad, so the resumed run is compared with torch's resumed run
    resumed, opt = _run(fastgrad, name, kwargs, steps, "float64", split_at=steps // 2)
    theirs, topt = _run(torch, name, kwargs, steps, "float64", split_at=steps // 2)
    for o, t in zip(resumed, theirs):
        for po, pt in zip(o, t):
            np.testing.assert_allclose(po, pt, rtol=1e-9, atol=1e-11)
    ours_sd, theirs_sd = opt.state_dict(), topt.state_dict()
    assert sorted(ours_sd["param_groups"][0]) == sorted(theirs_sd["param_groups"][0])
    assert sorted(ours_sd["state"]) == sorted(theirs_sd["state"])
    for k in theirs_sd["state"]:
        assert sorted(ours_sd["state"][k]) == sorted(theirs_sd["state"][k])


def test_optimizers_work_with_lr_schedulers(torch):
    for name in ("Adadelta", "Adamax", "NAdam", "RAdam", "ASGD", "Rprop"):
        result = []
        for lib in (fastgrad, torch):
            params, x, y = _make(lib, "float64")
            opt = getattr(lib.optim, name)(params, lr=0.05)
            sched = lib.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
            for _ in range(6):
                opt.step(_closure(lib, opt, params, x, y))
                sched.step()
            result.append(([p.detach().numpy() for p in params], sched.get_last_lr()))
        (ours, our_lr), (theirs, their_lr) = result
        assert our_lr == their_lr
        for a, b in zip(ours, theirs):
            np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-11, err_msg=name)


def test_lbfgs_converges_on_a_quadratic():
    # without torch: L-BFGS with line search finds the minimum of a convex quadratic
    target = fastgrad.tensor([1.0, -2.0, 0.5], dtype=fastgrad.float64)
    scale = fastgrad.tensor([1.0, 10.0, 100.0], dtype=fastgrad.float64)
    x = fastgrad.zeros(3, dtype=fastgrad.float64, requires_grad=True)
    opt = fastgrad.optim.LBFGS([x], lr=1, max_iter=50, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        loss = (scale * (x - target) ** 2).sum()
        loss.backward()
        return loss

    opt.step(closure)
    np.testing.assert_allclose(x.detach().numpy(), target.numpy(), atol=1e-6)


@pytest.mark.parametrize("name", ["Adadelta", "Adamax", "NAdam", "RAdam", "ASGD", "Rprop", "Adafactor"])
def test_loss_decreases_without_torch(name):
    params, x, y = _make(fastgrad, "float64")
    opt = getattr(fastgrad.optim, name)(params, lr=0.5 if name == "Adadelta" else 0.02)
    first = _loss(fastgrad, params, x, y).item()
    for _ in range(30):
        opt.step(_closure(fastgrad, opt, params, x, y))
    assert _loss(fastgrad, params, x, y).item() < first


@pytest.mark.parametrize("name,kwargs", [
    ("Adadelta", {"lr": -1}), ("Adadelta", {"rho": 1.5}), ("Adadelta", {"eps": -1}),
    ("Adadelta", {"weight_decay": -1}), ("Adamax", {"betas": (1.0, 0.9)}), ("Adamax", {"betas": (0.9, -0.1)}),
    ("NAdam", {"momentum_decay": -1}), ("RAdam", {"eps": -1e-8}), ("ASGD", {"weight_decay": -0.1}),
    ("Rprop", {"etas": (1.2, 0.5)}), ("Rprop", {"lr": -0.1}), ("LBFGS", {"lr": -1}), ("SparseAdam", {"lr": 0.0}),
    ("SparseAdam", {"eps": 0.0}), ("SparseAdam", {"betas": (0.9, 1.0)}), ("Adafactor", {"beta2_decay": 0.1}),
    ("Adafactor", {"d": 0.5}), ("Adafactor", {"eps": (-1.0, 1e-3)}),
])
def test_invalid_arguments_raise_as_torch(torch, name, kwargs):
    with pytest.raises(ValueError) as theirs:
        getattr(torch.optim, name)([torch.zeros(2, requires_grad=True)], **kwargs)
    with pytest.raises(ValueError) as ours:
        getattr(fastgrad.optim, name)([fastgrad.zeros(2, requires_grad=True)], **kwargs)
    assert str(ours.value) == str(theirs.value)


def test_lbfgs_refuses_groups_and_unknown_line_search(torch):
    groups = [{"params": [fastgrad.zeros(2, requires_grad=True)]}, {"params": [fastgrad.zeros(2, requires_grad=True)]}]
    with pytest.raises(ValueError, match="parameter groups"):
        fastgrad.optim.LBFGS(groups)
    x = fastgrad.ones(2, requires_grad=True)
    opt = fastgrad.optim.LBFGS([x], line_search_fn="backtracking")

    def closure():
        opt.zero_grad()
        loss = (x * x).sum()
        loss.backward()
        return loss

    with pytest.raises(RuntimeError, match="strong_wolfe"):
        opt.step(closure)


def test_sparse_adam_refuses_dense_gradients_as_torch(torch):
    errors = []
    for lib in (fastgrad, torch):
        emb = lib.nn.Embedding(5, 3)
        opt = lib.optim.SparseAdam(emb.parameters())
        emb(lib.tensor([0, 2])).sum().backward()
        with pytest.raises(RuntimeError) as e:
            opt.step()
        errors.append(str(e.value))
    assert errors[0] == errors[1]
