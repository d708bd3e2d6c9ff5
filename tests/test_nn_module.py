"""Module API: registration, traversal, modes, state dicts, hooks, conversions and repr."""
from collections import OrderedDict

import numpy as np
import pytest

import fastgrad as fg
import fastgrad.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 3)
        self.act = nn.ReLU()
        self.fc2 = nn.Linear(3, 2, bias=False)
        self.scale = nn.Parameter(fg.ones(2))
        self.register_buffer("count", fg.zeros(1))
        self.register_buffer("scratch", fg.zeros(2), persistent=False)
        self.plain = 5

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x))) * self.scale


def test_parameter_is_tensor_and_leaf():
    p = nn.Parameter(fg.randn(3, 2))
    assert isinstance(p, nn.Parameter) and isinstance(p, fg.Tensor)
    assert p.requires_grad and p.is_leaf and p.grad_fn is None
    q = nn.Parameter(fg.randn(2), requires_grad=False)
    assert not q.requires_grad
    assert repr(p).startswith("Parameter containing:")


def test_parameter_from_graph_output_is_a_fresh_leaf():
    a = fg.randn(3, requires_grad=True)
    p = nn.Parameter(a * 2)
    assert p.is_leaf and p.grad_fn is None
    (p * p).sum().backward()
    np.testing.assert_allclose(p.grad.numpy(), 2 * p.detach().numpy(), rtol=1e-6)
    assert a.grad is None


def test_registration_and_traversal_order():
    net = Net()
    assert [n for n, _ in net.named_parameters()] == ["scale", "fc1.weight", "fc1.bias", "fc2.weight"]
    assert [n for n, _ in net.named_buffers()] == ["count", "scratch"]
    assert [n for n, _ in net.named_children()] == ["fc1", "act", "fc2"]
    assert [n for n, _ in net.named_modules()] == ["", "fc1", "act", "fc2"]
    assert len(list(net.parameters())) == 4
    assert len(list(net.parameters(recurse=False))) == 1
    assert net.plain == 5 and "plain" not in net._parameters
    assert net.fc2.bias is None


def test_shared_module_and_parameter_listed_once():
    shared = nn.Linear(2, 2)
    seq = nn.Sequential(shared, nn.Tanh(), shared)
    assert len(list(seq.parameters())) == 2
    assert [n for n, _ in seq.named_modules()] == ["", "0", "1"]


def test_reassign_and_delete_attributes():
    net = Net()
    net.fc1 = nn.Linear(4, 3)
    net.scale = None
    assert "scale" in net._parameters and net.scale is None
    with pytest.raises(TypeError):
        net.fc1.weight = fg.zeros(3, 4)  # a plain tensor cannot replace a parameter
    with pytest.raises(TypeError):
        net.fc1 = 3
    del net.act
    assert "act" not in net._modules
    with pytest.raises(AttributeError):
        net.act
    with pytest.raises(KeyError):
        net.register_buffer("fc2", fg.zeros(1))


def test_train_eval_propagates():
    net = nn.Sequential(nn.Linear(2, 2), nn.Sequential(nn.Dropout(0.5)))
    assert net.training and net[1][0].training
    assert net.eval() is net
    assert not net.training and not net[1][0].training
    net.train()
    assert net[1][0].training


def test_zero_grad_set_to_none_and_zero():
    net = Net()
    net(fg.randn(5, 4)).sum().backward()
    assert all(p.grad is not None for p in net.parameters())
    net.zero_grad(set_to_none=False)
    assert all(float(p.grad.abs().sum().item()) == 0.0 for p in net.parameters())
    net.zero_grad()
    assert all(p.grad is None for p in net.parameters())


def test_state_dict_contents_and_roundtrip():
    net, other = Net(), Net()
    sd = net.state_dict()
    assert list(sd.keys()) == ["scale", "count", "fc1.weight", "fc1.bias", "fc2.weight"]
    assert all(not v.requires_grad for v in sd.values())
    result = other.load_state_dict(sd)
    assert result.missing_keys == [] and result.unexpected_keys == []
    for k, v in other.state_dict().items():
        np.testing.assert_array_equal(v.numpy(), sd[k].numpy())
    # Loading copies values: the parameter objects stay the same.
    w = other.fc1.weight
    other.load_state_dict(net.state_dict())
    assert other.fc1.weight is w


def test_load_state_dict_strict_errors_match_torch_wording():
    net = nn.Linear(4, 2)
    sd = net.state_dict()
    del sd["bias"]
    sd["extra"] = fg.zeros(1)
    with pytest.raises(RuntimeError) as e:
        net.load_state_dict(sd)
    msg = str(e.value)
    assert msg.startswith("Error(s) in loading state_dict for Linear:")
    assert 'Missing key(s) in state_dict: "bias".' in msg
    assert 'Unexpected key(s) in state_dict: "extra".' in msg
    result = net.load_state_dict(sd, strict=False)
    assert result.missing_keys == ["bias"] and result.unexpected_keys == ["extra"]


def test_load_state_dict_shape_mismatch_raises_even_non_strict():
    torch = pytest.importorskip("torch")
    net = nn.Linear(4, 2)
    bad = {"weight": fg.zeros(3, 4), "bias": fg.zeros(2)}
    with pytest.raises(RuntimeError) as e:
        net.load_state_dict(bad, strict=False)
    tnet = torch.nn.Linear(4, 2)
    with pytest.raises(RuntimeError) as te:
        tnet.load_state_dict({"weight": torch.zeros(3, 4), "bias": torch.zeros(2)}, strict=False)
    assert str(e.value) == str(te.value)


def test_apply_visits_children_first():
    seen = []
    net = nn.Sequential(nn.Linear(1, 1), nn.Sequential(nn.ReLU()))
    net.apply(lambda m: seen.append(type(m).__name__))
    assert seen == ["Linear", "ReLU", "Sequential", "Sequential"]


def test_to_double_keeps_parameter_objects():
    net = nn.Sequential(nn.Linear(3, 2), nn.BatchNorm1d(2))
    w = net[0].weight
    net.double()
    assert net[0].weight is w and w.dtype == fg.float64
    assert isinstance(net[0].weight, nn.Parameter)
    assert net[1].running_mean.dtype == fg.float64
    assert net[1].num_batches_tracked.dtype == fg.int64
    out = net(fg.randn(4, 3, dtype=fg.float64))
    assert out.dtype == fg.float64
    net.float()
    assert w.dtype == fg.float32
    assert net.to(fg.float64) is net and w.dtype == fg.float64


def test_forward_hooks_modify_and_remove():
    lin = nn.Linear(2, 2)
    calls = []
    h1 = lin.register_forward_pre_hook(lambda m, args: (args[0] * 0,))
    h2 = lin.register_forward_hook(lambda m, args, out: calls.append(out.shape) or out + 1)
    out = lin(fg.randn(3, 2))
    expected = lin.bias.detach().numpy() + 1
    np.testing.assert_allclose(out.detach().numpy(), np.broadcast_to(expected, (3, 2)), rtol=1e-6)
    assert calls == [out.shape]
    h1.remove()
    h2.remove()
    x = fg.randn(3, 2)
    np.testing.assert_allclose(lin(x).detach().numpy(), (x @ lin.weight.t() + lin.bias).detach().numpy())
    assert len(calls) == 1


def test_forward_hook_with_kwargs():
    class Scale(nn.Module):
        def forward(self, x, factor=1.0):
            return x * factor

    m = Scale()
    m.register_forward_pre_hook(lambda mod, args, kwargs: (args, {"factor": 3.0}), with_kwargs=True)
    assert m(fg.ones(1)).item() == 3.0


def test_missing_forward_raises():
    with pytest.raises(NotImplementedError):
        nn.Module()(fg.ones(1))


def test_repr_matches_torch():
    torch = pytest.importorskip("torch")

    def build(nn_mod):
        class Model(nn_mod.Module):
            def __init__(self):
                super().__init__()
                self.features = nn_mod.Sequential(
                    nn_mod.Flatten(), nn_mod.Linear(784, 128), nn_mod.ReLU(), nn_mod.Dropout(0.2),
                    nn_mod.LeakyReLU(0.1), nn_mod.GELU(approximate="tanh"), nn_mod.BatchNorm1d(128),
                    nn_mod.LayerNorm(128), nn_mod.Softplus(), nn_mod.Softmax(dim=1), nn_mod.LogSoftmax(dim=1))
                self.blocks = nn_mod.ModuleList([nn_mod.Linear(4, 4) for _ in range(3)] + [nn_mod.Tanh()])
                self.heads = nn_mod.ModuleDict({"a": nn_mod.Sigmoid(), "b": nn_mod.Identity()})
                self.emb = nn_mod.Embedding(10, 3, padding_idx=0)
                self.unflat = nn_mod.Unflatten(1, (2, 5))
                self.loss = nn_mod.CrossEntropyLoss()
        return Model()

    assert repr(build(nn)) == repr(build(torch.nn))


def test_containers():
    seq = nn.Sequential(OrderedDict([("a", nn.Linear(2, 3)), ("b", nn.ReLU())]))
    assert isinstance(seq.a, nn.Linear) and seq[-1] is seq.b
    assert len(seq[0:1]) == 1 and isinstance(seq[0:1], nn.Sequential)
    seq.append(nn.Tanh())
    assert len(seq) == 3
    ml = nn.ModuleList([nn.Linear(1, 1)])
    ml.append(nn.ReLU())
    ml.extend([nn.Tanh()])
    ml.insert(0, nn.Sigmoid())
    assert [type(m).__name__ for m in ml] == ["Sigmoid", "Linear", "ReLU", "Tanh"]
    del ml[0]
    assert [type(m).__name__ for m in ml] == ["Linear", "ReLU", "Tanh"]
    assert len(list(ml.parameters())) == 2
    md = nn.ModuleDict({"x": nn.Linear(1, 1)})
    md["y"] = nn.ReLU()
    assert list(md.keys()) == ["x", "y"] and "y" in md and len(md) == 2
    assert [n for n, _ in md.named_parameters()] == ["x.weight", "x.bias"]
    with pytest.raises(IndexError):
        seq[5]


def test_get_submodule_and_parameter():
    net = nn.Sequential(nn.Sequential(nn.Linear(2, 2)))
    assert net.get_submodule("0.0") is net[0][0]
    assert net.get_parameter("0.0.bias") is net[0][0].bias
    with pytest.raises(AttributeError):
        net.get_submodule("0.1")


def test_requires_grad_toggles_all():
    net = Net()
    net.requires_grad_(False)
    assert not any(p.requires_grad for p in net.parameters())
