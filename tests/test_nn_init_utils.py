"""nn.init fan/gain rules, gradient clipping, parameter vectors and the model summary."""
import math

import numpy as np
import pytest

import fastgrad as fg
import fastgrad.nn as nn
from fastgrad.nn import init


@pytest.mark.parametrize("nonlinearity,param", [
    ("linear", None), ("sigmoid", None), ("tanh", None), ("relu", None), ("leaky_relu", None),
    ("leaky_relu", 0.2), ("selu", None), ("conv2d", None),
])
def test_calculate_gain_matches_torch(nonlinearity, param):
    torch = pytest.importorskip("torch")
    assert init.calculate_gain(nonlinearity, param) == torch.nn.init.calculate_gain(nonlinearity, param)


@pytest.mark.parametrize("shape", [(5, 3), (4, 3, 2, 2), (7, 1, 5)])
def test_fans_match_torch(shape):
    torch = pytest.importorskip("torch")
    assert init._calculate_fan_in_and_fan_out(fg.empty(shape)) == \
        torch.nn.init._calculate_fan_in_and_fan_out(torch.empty(shape))
    with pytest.raises(ValueError):
        init._calculate_fan_in_and_fan_out(fg.empty(3))


def _stats(fn, shape=(300, 200), **kw):
    fg.manual_seed(0)
    t = fg.empty(shape)
    out = fn(t, **kw)
    assert out is t
    return t.numpy()


def test_uniform_family_bounds_and_std():
    fan_in, fan_out = 200, 300
    a = _stats(init.xavier_uniform_, gain=2.0)
    bound = 2.0 * math.sqrt(6.0 / (fan_in + fan_out))
    assert np.abs(a).max() <= bound and np.abs(a).max() > 0.99 * bound
    a = _stats(init.kaiming_uniform_, nonlinearity="relu")
    bound = math.sqrt(2.0) * math.sqrt(3.0 / fan_in)
    assert np.abs(a).max() <= bound and np.abs(a).max() > 0.99 * bound
    a = _stats(init.kaiming_uniform_, mode="fan_out", nonlinearity="relu")
    assert np.abs(a).max() <= math.sqrt(6.0 / fan_out)
    a = _stats(init.uniform_, a=-0.5, b=2.0)
    assert a.min() >= -0.5 and a.max() <= 2.0 and abs(a.mean() - 0.75) < 0.01


def test_normal_family_std():
    a = _stats(init.xavier_normal_)
    assert abs(a.std() - math.sqrt(2.0 / 500)) < 0.02 * math.sqrt(2.0 / 500)
    a = _stats(init.kaiming_normal_, a=0.0, nonlinearity="relu")
    assert abs(a.std() - math.sqrt(2.0 / 200)) < 0.02 * math.sqrt(2.0 / 200)
    a = _stats(init.normal_, mean=3.0, std=0.5)
    assert abs(a.mean() - 3.0) < 0.01 and abs(a.std() - 0.5) < 0.01


def test_constant_zeros_ones_on_parameters():
    p = nn.Parameter(fg.empty(2, 2))
    init.constant_(p, 0.25)
    assert p.detach().numpy().tolist() == [[0.25, 0.25]] * 2 and p.is_leaf
    init.zeros_(p)
    assert float(p.detach().abs().sum().item()) == 0.0
    init.ones_(p)
    assert float(p.detach().sum().item()) == 4.0


def test_unsupported_gain_raises():
    with pytest.raises(ValueError):
        init.calculate_gain("swish")


@pytest.mark.parametrize("norm_type", [2.0, 1.0, math.inf, 3.0])
@pytest.mark.parametrize("max_norm", [0.5, 1e6])
def test_clip_grad_norm_matches_torch(norm_type, max_norm):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(0)
    grads = [rng.standard_normal((3, 4)), rng.standard_normal(5)]
    ours = [fg.tensor(g * 0, requires_grad=True) for g in grads]
    theirs = [torch.tensor(g * 0, requires_grad=True) for g in grads]
    for o, t, g in zip(ours, theirs, grads):
        o.grad = fg.tensor(g)
        t.grad = torch.tensor(g)
    n1 = nn.utils.clip_grad_norm_(ours, max_norm, norm_type)
    n2 = torch.nn.utils.clip_grad_norm_(theirs, max_norm, norm_type)
    assert n1.item() == pytest.approx(n2.item(), rel=1e-12)
    for o, t in zip(ours, theirs):
        np.testing.assert_allclose(o.grad.numpy(), t.grad.numpy(), rtol=1e-12)


def test_clip_grad_norm_nonfinite_and_value():
    p = fg.zeros(2, requires_grad=True)
    p.grad = fg.tensor([float("inf"), 1.0])
    with pytest.raises(RuntimeError):
        nn.utils.clip_grad_norm_([p], 1.0, error_if_nonfinite=True)
    p.grad = fg.tensor([3.0, -0.5])
    nn.utils.clip_grad_value_([p], 1.0)
    assert p.grad.numpy().tolist() == [1.0, -0.5]
    q = fg.zeros(1, requires_grad=True)
    assert nn.utils.clip_grad_norm_([q], 1.0).item() == 0.0


def test_parameters_vector_roundtrip():
    net = nn.Linear(3, 2)
    vec = nn.utils.parameters_to_vector(net.parameters())
    assert tuple(vec.shape) == (8,)
    np.testing.assert_array_equal(vec[:6].detach().numpy(), net.weight.detach().numpy().reshape(-1))
    w = net.weight
    nn.utils.vector_to_parameters(fg.arange(8, dtype=fg.float32), net.parameters())
    assert net.weight is w
    assert net.weight.detach().numpy().tolist() == [[0, 1, 2], [3, 4, 5]]
    assert net.bias.detach().numpy().tolist() == [6, 7]


def test_summary_table(capsys):
    model = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
    model.train()
    nn.utils.summary(model, (1, 28, 28))
    text = capsys.readouterr().out
    assert "Linear-2" in text and "[-1, 128]" in text and "100,480" in text
    assert "Total params: 101,770" in text and "Trainable params: 101,770" in text
    assert model.training
    s, (total, trainable) = nn.utils.summary_string(model, (1, 28, 28), batch_size=16)
    assert total == trainable == 101770 and "[16, 10]" in s
    # Hooks are removed afterwards.
    assert all(not m._forward_hooks for m in model.modules())
