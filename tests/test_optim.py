"""Optimizers: 100 steps from the same start equal torch's; base-class behaviour; state dicts."""
import numpy as np
import pytest

import fastgrad as fg
import fastgrad.nn as nn
import fastgrad.optim as optim

rng = np.random.default_rng(2)
X = rng.standard_normal((16, 5))
Y = rng.standard_normal((16, 2))
W1, B1 = rng.standard_normal((8, 5)) * 0.5, rng.standard_normal(8) * 0.1
W2, B2 = rng.standard_normal((2, 8)) * 0.5, rng.standard_normal(2) * 0.1

CONFIGS = [
    ("SGD", dict(lr=0.05)),
    ("SGD", dict(lr=0.05, momentum=0.9)),
    ("SGD", dict(lr=0.05, momentum=0.9, dampening=0.3, weight_decay=0.01)),
    ("SGD", dict(lr=0.05, momentum=0.8, nesterov=True, weight_decay=0.02)),
    ("SGD", dict(lr=0.05, momentum=0.5, maximize=True)),
    ("Adam", dict(lr=0.01)),
    ("Adam", dict(lr=0.01, betas=(0.8, 0.99), weight_decay=0.05, amsgrad=True)),
    ("Adam", dict(lr=0.01, betas=(0.3, 0.9), maximize=True)),
    ("AdamW", dict(lr=0.01)),
    ("AdamW", dict(lr=0.01, weight_decay=0.1, amsgrad=True)),
    ("RMSprop", dict(lr=0.005)),
    ("RMSprop", dict(lr=0.005, alpha=0.9, momentum=0.7, centered=True, weight_decay=0.01)),
    ("RMSprop", dict(lr=0.005, centered=True, maximize=True)),
    ("Adagrad", dict(lr=0.05)),
    ("Adagrad", dict(lr=0.05, lr_decay=0.01, weight_decay=0.01, initial_accumulator_value=0.1)),
    ("Adagrad", dict(lr=0.05, maximize=True)),
]


def _train(lib, opt_cls, kwargs, dtype, steps=100, nudge=0.0):
    """Same model and data in either library; returns the parameters after `steps` updates.

    ``nudge`` scales the start by (1 + nudge): with nudge of an ulp it measures how far rounding noise
    alone carries this trajectory in torch itself.
    """
    ps = [lib.tensor(a * (1 + nudge), dtype=dtype, requires_grad=True) for a in (W1, B1, W2, B2)]
    x, y = lib.tensor(X, dtype=dtype), lib.tensor(Y, dtype=dtype)
    opt = opt_cls([{"params": ps[:2]}, {"params": ps[2:]}], **kwargs)
    for _ in range(steps):
        opt.zero_grad()
        h = lib.tanh(x @ ps[0].t() + ps[1])
        loss = (((h @ ps[2].t() + ps[3]) - y) ** 2).mean()
        if kwargs.get("maximize"):
            loss = -loss  # ascent on a bounded objective: maximize is exercised without diverging
        loss.backward()
        opt.step()
    return [p.detach().numpy() for p in ps], opt


@pytest.mark.parametrize("name,kwargs", CONFIGS, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CONFIGS)])
def test_100_steps_match_torch(name, kwargs):
    torch = pytest.importorskip("torch")
    ours, _ = _train(fg, getattr(optim, name), kwargs, fg.float64)
    theirs, _ = _train(torch, getattr(torch.optim, name), kwargs, torch.float64)
    # Some trajectories (Adagrad and Adam with small beta1 near a vanishing gradient) amplify last-bit
    # differences; torch's own run from a start one ulp away bounds what rounding alone explains.
    nudged, _ = _train(torch, getattr(torch.optim, name), kwargs, torch.float64, nudge=2.0 ** -52)
    for a, b, c in zip(ours, theirs, nudged):
        bound = max(1e-11, 10 * np.abs(c - b).max())
        assert np.abs(a - b).max() <= bound, (np.abs(a - b).max(), bound)
    # float32: ours must land as close to the float64 trajectory as torch's float32 run does, within the
    # spread that rounding alone causes (torch's float32 error, or its runs from starts one ulp apart).
    ours32, _ = _train(fg, getattr(optim, name), kwargs, fg.float32)
    theirs32, _ = _train(torch, getattr(torch.optim, name), kwargs, torch.float32)
    nudged32, _ = _train(torch, getattr(torch.optim, name), kwargs, torch.float32, nudge=2.0 ** -23)
    def spread(xs, ys):
        return max(np.abs(x - y).max() for x, y in zip(xs, ys))
    bound = max(2e-5, 10 * spread(theirs32, theirs), 10 * spread(nudged32, theirs32))
    assert spread(ours32, theirs) <= bound, (spread(ours32, theirs), bound)


@pytest.mark.parametrize("name,kwargs", [c for c in CONFIGS if c[0] in ("SGD", "Adam", "AdamW")][1::2])
def test_per_op_path_matches_torch_without_fused_kernels(name, kwargs, monkeypatch):
    """SGD/Adam use the core's fused steps when present; the per-op path (non-contiguous tensors, or a
    core without them) must give the same trajectory."""
    torch = pytest.importorskip("torch")
    monkeypatch.setattr(optim.sgd, "_fused_sgd", None)
    monkeypatch.setattr(optim.adam, "_fused_adam", None)
    ours, _ = _train(fg, getattr(optim, name), kwargs, fg.float64)
    theirs, _ = _train(torch, getattr(torch.optim, name), kwargs, torch.float64)
    nudged, _ = _train(torch, getattr(torch.optim, name), kwargs, torch.float64, nudge=2.0 ** -52)
    for a, b, c in zip(ours, theirs, nudged):
        assert np.abs(a - b).max() <= max(1e-11, 10 * np.abs(c - b).max())


@pytest.mark.parametrize("name,kwargs", [c for c in CONFIGS if c[0] != "SGD" or "momentum" in c[1]][::2])
def test_state_dict_layout_and_resume(name, kwargs):
    torch = pytest.importorskip("torch")
    _, ours = _train(fg, getattr(optim, name), kwargs, fg.float64, steps=3)
    _, theirs = _train(torch, getattr(torch.optim, name), kwargs, torch.float64, steps=3)
    sd, tsd = ours.state_dict(), theirs.state_dict()
    assert [g["params"] for g in sd["param_groups"]] == [g["params"] for g in tsd["param_groups"]]
    assert set(sd["state"]) == set(tsd["state"])
    for k in tsd["state"]:
        assert set(sd["state"][k]) == set(tsd["state"][k])
        for key, v in tsd["state"][k].items():
            np.testing.assert_allclose(sd["state"][k][key].numpy(), v.numpy(), rtol=1e-10, atol=1e-14)
    for g, tg in zip(sd["param_groups"], tsd["param_groups"]):
        for key in ("lr", "weight_decay"):
            assert g[key] == tg[key]


def test_load_state_dict_continues_identically():
    def make():
        ps = [fg.tensor(a.copy(), requires_grad=True) for a in (W1, B1)]
        return ps, optim.Adam(ps, lr=0.01, amsgrad=True)

    def step(ps, opt):
        opt.zero_grad()
        (fg.tanh(fg.tensor(X) @ ps[0].t() + ps[1]) ** 2).sum().backward()
        opt.step()

    ps_a, opt_a = make()
    for _ in range(3):
        step(ps_a, opt_a)
    ps_b, opt_b = make()
    with fg.no_grad():
        for pa, pb in zip(ps_a, ps_b):
            pb.copy_(pa)
    opt_b.load_state_dict(opt_a.state_dict())
    for _ in range(3):
        step(ps_a, opt_a)
        step(ps_b, opt_b)
    for pa, pb in zip(ps_a, ps_b):
        np.testing.assert_array_equal(pa.detach().numpy(), pb.detach().numpy())


def test_load_state_dict_checks_groups():
    p = fg.zeros(2, requires_grad=True)
    opt = optim.SGD([p], lr=0.1)
    other = optim.SGD([fg.zeros(2, requires_grad=True), fg.zeros(1, requires_grad=True)], lr=0.1)
    with pytest.raises(ValueError):
        opt.load_state_dict(other.state_dict())


def test_step_with_closure_returns_loss():
    p = fg.tensor([1.0, -2.0], requires_grad=True)
    opt = optim.SGD([p], lr=0.1)

    def closure():
        opt.zero_grad()
        loss = (p * p).sum()
        loss.backward()
        return loss

    loss = opt.step(closure)
    assert loss.item() == 5.0
    np.testing.assert_allclose(p.detach().numpy(), [0.8, -1.6], rtol=1e-6)


def test_params_without_grad_are_skipped_and_zero_grad():
    a = fg.ones(2, requires_grad=True)
    b = fg.ones(2, requires_grad=True)
    opt = optim.Adam([a, b], lr=0.1)
    (a * 3).sum().backward()
    opt.step()
    assert b.detach().numpy().tolist() == [1.0, 1.0]
    assert len(opt.state) == 1 and a in opt.state and b not in opt.state
    opt.zero_grad(set_to_none=False)
    assert a.grad.numpy().tolist() == [0.0, 0.0]
    opt.zero_grad()
    assert a.grad is None


def test_add_param_group_and_validation():
    net = nn.Linear(2, 2)
    opt = optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
    extra = fg.zeros(3, requires_grad=True)
    opt.add_param_group({"params": extra, "lr": 0.01})
    assert len(opt.param_groups) == 2
    assert opt.param_groups[1]["momentum"] == 0.9 and opt.param_groups[1]["lr"] == 0.01
    with pytest.raises(ValueError):
        opt.add_param_group({"params": [extra]})
    with pytest.raises(ValueError):
        optim.SGD([], lr=0.1)
    with pytest.raises(ValueError):
        optim.SGD(net.parameters(), lr=-1)
    with pytest.raises(ValueError):
        optim.SGD(net.parameters(), lr=0.1, nesterov=True)
    with pytest.raises(ValueError):
        optim.Adam(net.parameters(), betas=(1.0, 0.9))
    with pytest.raises(TypeError):
        optim.SGD(fg.zeros(2, requires_grad=True), lr=0.1)
    with pytest.raises(ValueError):
        optim.SGD([fg.zeros(2, requires_grad=True) * 2], lr=0.1)


def test_adamw_defaults_and_repr():
    opt = optim.AdamW([fg.zeros(1, requires_grad=True)])
    g = opt.param_groups[0]
    assert g["weight_decay"] == 1e-2 and g["decoupled_weight_decay"]
    text = repr(opt)
    assert text.startswith("AdamW (") and "Parameter Group 0" in text and "lr: 0.001" in text


def test_step_does_not_record_graph():
    p = fg.ones(3, requires_grad=True)
    opt = optim.RMSprop([p], lr=0.1, momentum=0.5, centered=True)
    (p * 2).sum().backward()
    opt.step()
    assert p.is_leaf and p.grad_fn is None
    for v in opt.state[p].values():
        assert not v.requires_grad
