"""inplace=True in nn.functional activations and nn modules writes into the input, as torch: the same
tensor comes back, its history continues through the activation (also on a view of a non-leaf), the
gradients are torch's, and a leaf that requires grad is refused with torch's message."""
import numpy as np
import pytest

import fastgrad
from conftest import require_torch

# (functional name, extra args, module name, module args)
ACTIVATIONS = [
    ("relu", (), "ReLU", ()),
    ("relu6", (), "ReLU6", ()),
    ("leaky_relu", (0.2,), "LeakyReLU", (0.2,)),
    ("elu", (0.7,), "ELU", (0.7,)),
    ("celu", (1.3,), "CELU", (1.3,)),
    ("selu", (), "SELU", ()),
    ("silu", (), "SiLU", ()),
    ("mish", (), "Mish", ()),
    ("hardtanh", (-0.5, 0.8), "Hardtanh", (-0.5, 0.8)),
    ("hardsigmoid", (), "Hardsigmoid", ()),
    ("hardswish", (), "Hardswish", ()),
    ("threshold", (0.1, -2.0), "Threshold", (0.1, -2.0)),
]
VALUES = [[0.9, -1.7, 0.05, 2.5], [-0.3, 0.4, -4.0, 1.1], [3.5, -0.6, 0.2, -2.2]]


def _run(T, name, args, on_view):
    w = T.tensor(VALUES, dtype=T.float64, requires_grad=True)
    h = w * 1.5
    target = h[1:, ::2] if on_view else h
    out = getattr(T.nn.functional, name)(target, *args, inplace=True)
    (h * T.arange(12, dtype=T.float64).reshape(3, 4)).sum().backward()
    return out is target, h.detach().numpy().copy(), w.grad.numpy().copy()


@pytest.mark.parametrize("on_view", [False, True], ids=["tensor", "view"])
@pytest.mark.parametrize("name,args,module,margs", ACTIVATIONS, ids=[a[0] for a in ACTIVATIONS])
def test_functional_inplace_matches_torch(name, args, module, margs, on_view):
    torch = require_torch()
    same_t, h_t, g_t = _run(torch, name, args, on_view)
    same_f, h_f, g_f = _run(fastgrad, name, args, on_view)
    assert same_f and same_t
    np.testing.assert_allclose(h_f, h_t, rtol=1e-14, atol=1e-15)
    # torch's celu_ differentiates from its output with 1/alpha rounded: 2e-7 apart from the exact slope
    np.testing.assert_allclose(g_f, g_t, rtol=1e-6 if name == "celu" else 1e-14, atol=1e-15)


@pytest.mark.parametrize("name,args,module,margs", ACTIVATIONS, ids=[a[0] for a in ACTIVATIONS])
def test_module_inplace_writes_into_its_input(name, args, module, margs):
    x = fastgrad.tensor(VALUES)
    expected = getattr(fastgrad.nn.functional, name)(x.clone(), *args)
    out = getattr(fastgrad.nn, module)(*margs, inplace=True)(x)
    assert out is x
    np.testing.assert_array_equal(x.numpy(), expected.numpy())


@pytest.mark.parametrize("name,args,module,margs", ACTIVATIONS, ids=[a[0] for a in ACTIVATIONS])
def test_inplace_refuses_a_leaf_that_requires_grad(name, args, module, margs):
    leaf = fastgrad.tensor(VALUES, requires_grad=True)
    with pytest.raises(RuntimeError, match="a leaf Variable that requires grad is being used in an in-place operation"):
        getattr(fastgrad.nn.functional, name)(leaf, *args, inplace=True)


@pytest.mark.parametrize("name", ["elu_", "celu_", "leaky_relu_", "hardtanh_", "threshold_", "relu_", "selu_"])
def test_functional_underscore_forms_match_torch(name):
    torch = require_torch()
    args = {"threshold_": (0.1, 5.0)}.get(name, ())
    t = torch.tensor(VALUES, dtype=torch.float64)
    f = fastgrad.tensor(VALUES, dtype=fastgrad.float64)
    rt = getattr(torch.nn.functional, name)(t, *args)
    rf = getattr(fastgrad.nn.functional, name)(f, *args)
    assert rf is f and rt is t
    np.testing.assert_array_equal(f.numpy(), t.numpy())
