"""relu(inplace=True) and nn.ReLU(inplace=True) write into their input, as torch: the same tensor comes back,
its history continues through the relu, and a leaf that requires grad is refused. (They returned a new
tensor and left the input untouched.) leaky_relu has no in-place form yet: inplace=True raises."""
import pytest

import fastgrad
import fastgrad.nn as nn
import fastgrad.nn.functional as F


def _run(ns):
    w = ns.tensor([[1.0, -2.0], [0.5, 3.0]], requires_grad=True)
    x = ns.tensor([[1.0, -1.0], [2.0, 0.5]])
    h = x @ w
    out = ns.nn.functional.relu(h, inplace=True)
    out.sum().backward()
    return out is h, h.detach().tolist(), w.grad.tolist()


def test_relu_inplace_writes_into_its_input():
    same, values, grad = _run(fastgrad)
    assert same
    assert values == [[0.5, 0.0], [2.25, 0.0]]
    assert grad == [[3.0, 0.0], [-0.5, 0.0]]


def test_relu_inplace_matches_torch():
    torch = pytest.importorskip("torch")
    assert _run(fastgrad) == _run(torch)


def test_relu_inplace_refuses_a_leaf_that_requires_grad():
    with pytest.raises(RuntimeError, match="leaf Variable that requires grad"):
        F.relu(fastgrad.ones(2, requires_grad=True), inplace=True)


def test_relu_module_inplace():
    t = fastgrad.tensor([-1.0, 2.0])
    out = nn.ReLU(inplace=True)(t)
    assert out is t and t.tolist() == [0.0, 2.0]


def test_leaky_relu_inplace_is_refused():
    with pytest.raises(NotImplementedError, match="leaky_relu"):
        F.leaky_relu(fastgrad.tensor([-1.0, 2.0]), inplace=True)
