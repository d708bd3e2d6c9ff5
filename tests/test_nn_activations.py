"""The activation modules and the inplace= forms of nn.functional: torch's constructor arguments, reprs,
parameters and outputs; inplace=True writes into its input where fastgrad has the in-place op and is
refused (NotImplementedError naming the op) where it does not, never silently out of place."""
import numpy as np
import pytest

import fastgrad
import fastgrad.nn as nn
import fastgrad.nn.functional as F
import op_ref_np as R
from conftest import torch_or_none

# the numpy reference of each module: fn(x, module)
REFS = {
    "ELU": lambda x, m: R.elu(x, m.alpha), "SELU": lambda x, m: R.selu(x), "CELU": lambda x, m: R.celu(x, m.alpha),
    "SiLU": lambda x, m: R.silu(x), "Mish": lambda x, m: R.mish(x),
    "Hardtanh": lambda x, m: R.hardtanh(x, m.min_val, m.max_val), "ReLU6": lambda x, m: R.relu6(x),
    "Hardsigmoid": lambda x, m: R.hardsigmoid(x), "Hardswish": lambda x, m: R.hardswish(x),
    "Softsign": lambda x, m: R.softsign(x), "LogSigmoid": lambda x, m: R.logsigmoid(x),
    "Tanhshrink": lambda x, m: R.tanhshrink(x), "Softshrink": lambda x, m: R.softshrink(x, m.lambd),
    "Hardshrink": lambda x, m: R.hardshrink(x, m.lambd), "Threshold": lambda x, m: R.threshold(x, m.threshold, m.value),
    "GLU": lambda x, m: R.glu(x, m.dim), "PReLU": lambda x, m: R.prelu(x, m.weight.detach().numpy()),
}

MODULES = [
    ("ELU", (), {}), ("ELU", (0.5,), {}), ("ELU", (), {"inplace": True}), ("SELU", (), {}), ("CELU", (2.0,), {}),
    ("SiLU", (), {}), ("Mish", (), {}), ("Hardtanh", (-2.0, 0.5), {}), ("ReLU6", (), {}), ("ReLU6", (True,), {}),
    ("Hardsigmoid", (), {}), ("Hardswish", (), {"inplace": True}), ("Softsign", (), {}), ("LogSigmoid", (), {}),
    ("Tanhshrink", (), {}), ("Softshrink", (0.3,), {}), ("Hardshrink", (), {}), ("Threshold", (0.1, 20.0), {}),
    ("GLU", (), {}), ("GLU", (0,), {}), ("PReLU", (), {}), ("PReLU", (4,), {"init": 0.1}),
]


def _label(m):
    return f"{m[0]}{m[1]}{m[2]}"


@pytest.mark.parametrize("spec", MODULES, ids=[_label(m) for m in MODULES])
def test_module_repr_and_output_match_torch(spec):
    name, args, kwargs = spec
    data = (np.random.default_rng(0).normal(size=(2, 4, 6)) * 3).astype(np.float32)
    module = getattr(nn, name)(*args, **kwargs)
    x = fastgrad.tensor(data.copy())
    out = module(x)
    if module.__dict__.get("inplace"):
        assert out is x  # written into its input
    want_np = REFS[name](data.astype(np.float64), module)
    np.testing.assert_allclose(out.detach().numpy(), want_np, rtol=1e-5, atol=1e-6)
    torch = torch_or_none()
    if torch is None:
        return
    tmod = getattr(torch.nn, name)(*args, **kwargs)
    if "inplace" in module.__dict__:
        module.inplace = tmod.inplace
    assert repr(module) == repr(tmod)
    want = tmod(torch.tensor(data.copy()))
    np.testing.assert_allclose(out.detach().numpy(), want.detach().numpy(), rtol=1e-6, atol=1e-6)


def test_prelu_weight_is_a_parameter_that_learns():
    m = nn.PReLU(3, init=0.2)
    assert [n for n, _ in m.named_parameters()] == ["weight"]
    np.testing.assert_array_equal(m.weight.detach().numpy(), np.full(3, 0.2, np.float32))
    x = fastgrad.tensor([[[-1.0], [2.0], [-3.0]]])
    m(x).sum().backward()
    np.testing.assert_allclose(m.weight.grad.numpy(), [-1.0, 0.0, -3.0])


def test_hardtanh_module_refuses_empty_range_as_torch():
    with pytest.raises(AssertionError, match="max_val"):
        nn.Hardtanh(1.0, 1.0)


@pytest.mark.parametrize("name", ["selu", "silu", "mish", "hardsigmoid", "hardswish"])
def test_inplace_true_writes_into_the_input(name):
    x = fastgrad.tensor([-4.0, -1.0, 0.5, 2.0, 5.0])
    want = getattr(F, name)(x.clone())
    r = getattr(F, name)(x, inplace=True)
    assert r is x or r.data_ptr() == x.data_ptr()
    np.testing.assert_array_equal(x.numpy(), want.numpy())


def test_inplace_true_keeps_the_gradient():
    a = fastgrad.tensor([-1.0, 0.5, 2.0], requires_grad=True)
    y = a * 1.0
    F.silu(y, inplace=True)
    y.sum().backward()
    s = 1 / (1 + np.exp(-np.array([-1.0, 0.5, 2.0])))
    np.testing.assert_allclose(a.grad.numpy(), s * (1 + np.array([-1.0, 0.5, 2.0]) * (1 - s)), rtol=1e-6)


def test_activation_modules_importable_from_torch_paths():
    from fastgrad.nn.modules.activation import PReLU, SiLU  # noqa: F401
    assert nn.modules.Mish is nn.Mish
