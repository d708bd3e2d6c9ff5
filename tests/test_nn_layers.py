"""Layers and nn.functional against torch with the same weights: forward values and gradients."""
import math

import numpy as np
import pytest

import fastgrad as fg
import fastgrad.nn as nn
import fastgrad.nn.functional as F

rng = np.random.default_rng(1)


def copy_weights(dst, src):
    """Copies torch module src's state into fastgrad module dst (or back) through numpy."""
    state = {k: fg.tensor(v.detach().numpy().copy()) for k, v in src.state_dict().items()}
    dst.load_state_dict(state)


def run_both(fg_mod, t_mod, x, torch, rtol=1e-10, atol=1e-12):
    xf = fg.tensor(x, requires_grad=True)
    xt = torch.tensor(x, requires_grad=True)
    of, ot = fg_mod(xf), t_mod(xt)
    np.testing.assert_allclose(of.detach().numpy(), ot.detach().numpy(), rtol=rtol, atol=atol)
    cot = rng.standard_normal(tuple(ot.shape))
    (of * fg.tensor(cot)).sum().backward()
    (ot * torch.tensor(cot)).sum().backward()
    np.testing.assert_allclose(xf.grad.numpy(), xt.grad.numpy(), rtol=rtol, atol=atol)
    if not isinstance(fg_mod, nn.Module):
        return
    tparams = dict(t_mod.named_parameters())
    for name, p in fg_mod.named_parameters():
        np.testing.assert_allclose(p.grad.numpy(), tparams[name].grad.numpy(), rtol=rtol, atol=atol,
                                   err_msg=name)


def test_linear_matches_torch():
    torch = pytest.importorskip("torch")
    t = torch.nn.Linear(5, 3).double()
    f = nn.Linear(5, 3).double()
    copy_weights(f, t)
    run_both(f, t, rng.standard_normal((4, 5)), torch)
    run_both(f, t, rng.standard_normal((2, 4, 5)), torch)  # batched leading dims
    t2, f2 = torch.nn.Linear(5, 3, bias=False).double(), nn.Linear(5, 3, bias=False).double()
    copy_weights(f2, t2)
    run_both(f2, t2, rng.standard_normal((4, 5)), torch)


def test_linear_default_init_bounds():
    fg.manual_seed(0)
    lin = nn.Linear(400, 300)
    bound = 1 / math.sqrt(400)
    w, b = lin.weight.detach().numpy(), lin.bias.detach().numpy()
    assert w.shape == (300, 400) and b.shape == (300,)
    assert w.dtype == np.float32
    # kaiming_uniform_(a=sqrt(5)) is U(-1/sqrt(fan_in), 1/sqrt(fan_in)): std = bound / sqrt(3)
    assert np.abs(w).max() <= bound and np.abs(w).max() > 0.99 * bound
    assert abs(w.std() - bound / math.sqrt(3)) < 0.01 * bound
    assert np.abs(b).max() <= bound


def test_linear_init_is_reproducible_with_manual_seed():
    fg.manual_seed(123)
    a = nn.Linear(3, 2).weight.detach().numpy().copy()
    fg.manual_seed(123)
    b = nn.Linear(3, 2).weight.detach().numpy().copy()
    np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("name,args", [
    ("ReLU", ()), ("LeakyReLU", (0.2,)), ("Sigmoid", ()), ("Tanh", ()), ("GELU", ()), ("GELU", ("tanh",)),
    ("Softplus", (2.0, 5.0)), ("Softmax", (1,)), ("LogSoftmax", (-1,)), ("Identity", ()),
    ("Flatten", ()), ("Flatten", (0, 1)), ("Unflatten", (1, (2, 3))),
])
def test_activation_and_shape_modules(name, args):
    torch = pytest.importorskip("torch")
    x = rng.standard_normal((4, 6)) * 3
    if name.startswith("Flatten"):
        x = rng.standard_normal((2, 3, 4))
    run_both(getattr(nn, name)(*args), getattr(torch.nn, name)(*args), x, torch)


@pytest.mark.parametrize("fn,kwargs", [
    ("relu", {}), ("sigmoid", {}), ("tanh", {}), ("softmax", {"dim": 0}), ("log_softmax", {"dim": 1}),
    ("leaky_relu", {"negative_slope": 0.3}), ("gelu", {"approximate": "tanh"}), ("softplus", {"beta": 0.5}),
    ("logsigmoid", {}),
])
def test_functional_activations(fn, kwargs):
    torch = pytest.importorskip("torch")
    x = rng.standard_normal((3, 5)) * 4
    run_both(lambda a: getattr(F, fn)(a, **kwargs),
             lambda a: getattr(torch.nn.functional, fn)(a, **kwargs), x, torch)


def test_softmax_implicit_dim_warns_and_picks_torchs_dim():
    x = fg.randn(2, 3)
    with pytest.warns(UserWarning):
        out = F.softmax(x)
    np.testing.assert_allclose(out.sum(1).numpy(), np.ones(2), rtol=1e-6)


def test_linear_functional_shapes():
    x, w, b = fg.randn(4, 3), fg.randn(2, 3), fg.randn(2)
    assert tuple(F.linear(x, w, b).shape) == (4, 2)
    assert tuple(F.linear(x, w).shape) == (4, 2)


def test_dropout_train_and_eval():
    fg.manual_seed(0)
    d = nn.Dropout(0.25)
    x = fg.ones(200, 200)
    y = d(x).numpy()
    zero_frac = (y == 0).mean()
    assert abs(zero_frac - 0.25) < 0.02
    np.testing.assert_allclose(np.unique(y), [0.0, 1 / 0.75], rtol=1e-6)
    d.eval()
    assert d(x) is x
    assert F.dropout(x, 0.5, training=False) is x
    assert float(F.dropout(x, 1.0).abs().sum().item()) == 0.0
    with pytest.raises(ValueError):
        nn.Dropout(1.5)


def test_dropout_gradient_uses_same_mask():
    x = fg.ones(50, 50, requires_grad=True)
    y = F.dropout(x, 0.5)
    y.sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), y.detach().numpy())


@pytest.mark.parametrize("shape", [(8, 3), (4, 3, 5)])
@pytest.mark.parametrize("momentum", [0.1, None])
def test_batchnorm1d_training_and_eval(shape, momentum):
    torch = pytest.importorskip("torch")
    t = torch.nn.BatchNorm1d(3, momentum=momentum).double()
    f = nn.BatchNorm1d(3, momentum=momentum).double()
    with torch.no_grad():
        t.weight.uniform_(0.5, 1.5)
        t.bias.uniform_(-1, 1)
    copy_weights(f, t)
    for _ in range(3):
        run_both(f, t, rng.standard_normal(shape) * 2 + 1, torch)
    for name in ("running_mean", "running_var"):
        np.testing.assert_allclose(getattr(f, name).numpy(), getattr(t, name).numpy(), rtol=1e-12)
    assert f.num_batches_tracked.item() == 3
    f.eval()
    t.eval()
    run_both(f, t, rng.standard_normal(shape), torch)
    assert f.num_batches_tracked.item() == 3


def test_batchnorm1d_without_running_stats():
    torch = pytest.importorskip("torch")
    t = torch.nn.BatchNorm1d(4, affine=False, track_running_stats=False).double()
    f = nn.BatchNorm1d(4, affine=False, track_running_stats=False).double()
    assert f.running_mean is None and list(f.state_dict()) == []
    f.eval()
    t.eval()
    run_both(f, t, rng.standard_normal((6, 4)), torch)


@pytest.mark.parametrize("shape,norm", [((4, 6), 6), ((2, 3, 4), (3, 4))])
def test_layernorm(shape, norm):
    torch = pytest.importorskip("torch")
    t = torch.nn.LayerNorm(norm).double()
    f = nn.LayerNorm(norm).double()
    with torch.no_grad():
        t.weight.uniform_(0.5, 1.5)
        t.bias.uniform_(-1, 1)
    copy_weights(f, t)
    run_both(f, t, rng.standard_normal(shape) * 3, torch)


def test_embedding_and_padding_idx_gets_no_gradient():
    torch = pytest.importorskip("torch")
    t = torch.nn.Embedding(6, 3, padding_idx=2).double()
    f = nn.Embedding(6, 3, padding_idx=2).double()
    assert np.all(f.weight.detach().numpy()[2] == 0)
    with torch.no_grad():
        t.weight[2] = 5.0  # a non-zero padding row still shows in the output
    copy_weights(f, t)
    idx = np.array([[0, 2, 5], [2, 1, 1]], dtype=np.int64)
    of, ot = f(fg.tensor(idx)), t(torch.tensor(idx))
    np.testing.assert_allclose(of.detach().numpy(), ot.detach().numpy())
    cot = rng.standard_normal((2, 3, 3))
    (of * fg.tensor(cot)).sum().backward()
    (ot * torch.tensor(cot)).sum().backward()
    np.testing.assert_allclose(f.weight.grad.numpy(), t.weight.grad.numpy())
    assert np.all(f.weight.grad.numpy()[2] == 0)


def test_embedding_from_pretrained():
    w = fg.randn(4, 2)
    e = nn.Embedding.from_pretrained(w)
    assert not e.weight.requires_grad
    np.testing.assert_array_equal(e(fg.tensor([3])).numpy(), w[3:4].numpy())


def test_one_hot():
    out = F.one_hot(fg.tensor([0, 2, 1]))
    assert out.dtype == fg.int64
    np.testing.assert_array_equal(out.numpy(), [[1, 0, 0], [0, 0, 1], [0, 1, 0]])
    assert tuple(F.one_hot(fg.tensor([[1], [0]]), num_classes=4).shape) == (2, 1, 4)
    with pytest.raises(RuntimeError):
        F.one_hot(fg.tensor([0, 5]), num_classes=3)
