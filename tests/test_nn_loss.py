"""Losses (functional and modules) against torch: values and input gradients, every reduction, float64."""
import numpy as np
import pytest

import fastgrad as fg
import fastgrad.nn as nn
import fastgrad.nn.functional as F

torch = pytest.importorskip("torch")

REDUCTIONS = ["mean", "sum", "none"]
rng = np.random.default_rng(0)


def pair(a, requires_grad=False):
    return fg.tensor(a, requires_grad=requires_grad), torch.tensor(a, requires_grad=requires_grad)


def check(fg_fn, torch_fn, inputs, grad_inputs=(0,), rtol=1e-10, atol=1e-12):
    """Runs both with the same numpy inputs; compares outputs and gradients of the chosen inputs."""
    fgs, ts = [], []
    for i, a in enumerate(inputs):
        rg = i in grad_inputs
        f, t = pair(a, rg) if isinstance(a, np.ndarray) else (a, a)
        fgs.append(f)
        ts.append(t)
    out_f, out_t = fg_fn(*fgs), torch_fn(*ts)
    np.testing.assert_allclose(out_f.detach().numpy(), out_t.detach().numpy(), rtol=rtol, atol=atol)
    cot = rng.standard_normal(tuple(out_t.shape))
    (out_f * fg.tensor(cot)).sum().backward()
    (out_t * torch.tensor(cot)).sum().backward()
    for i in grad_inputs:
        np.testing.assert_allclose(fgs[i].grad.numpy(), ts[i].grad.numpy(), rtol=rtol, atol=atol)


X = rng.standard_normal((6, 5))
Y = rng.standard_normal((6, 5))


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("name,kwargs", [
    ("mse_loss", {}), ("l1_loss", {}), ("smooth_l1_loss", {}), ("smooth_l1_loss", {"beta": 0.5}),
    ("smooth_l1_loss", {"beta": 0.0}), ("huber_loss", {}), ("huber_loss", {"delta": 0.3}),
])
def test_regression_losses(name, kwargs, reduction):
    check(lambda a, b: getattr(F, name)(a, b, reduction=reduction, **kwargs),
          lambda a, b: getattr(torch.nn.functional, name)(a, b, reduction=reduction, **kwargs),
          [X, Y], grad_inputs=(0, 1))


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("cls,kwargs", [
    ("MSELoss", {}), ("L1Loss", {}), ("SmoothL1Loss", {"beta": 2.0}), ("HuberLoss", {"delta": 1.5}),
])
def test_regression_loss_modules(cls, kwargs, reduction):
    check(getattr(nn, cls)(reduction=reduction, **kwargs), getattr(torch.nn, cls)(reduction=reduction, **kwargs),
          [3 * X, Y], grad_inputs=(0,))


LOGITS = rng.standard_normal((7, 4)) * 3
TARGET = np.array([0, 3, 1, 1, 2, 0, 3], dtype=np.int64)
TARGET_IGN = np.array([0, -100, 1, 2, 2, -100, 3], dtype=np.int64)
CW = np.array([0.2, 1.0, 2.5, 0.7])


def _ce_case(kwargs, target, weight):
    def fg_fn(x):
        w = fg.tensor(weight) if weight is not None else None
        return F.cross_entropy(x, fg.tensor(target), weight=w, **kwargs)

    def t_fn(x):
        w = torch.tensor(weight) if weight is not None else None
        return torch.nn.functional.cross_entropy(x, torch.tensor(target), weight=w, **kwargs)
    return fg_fn, t_fn


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weight", [None, CW], ids=["noweight", "weight"])
@pytest.mark.parametrize("target,ignore", [(TARGET, -100), (TARGET_IGN, -100), (TARGET, 1)],
                         ids=["plain", "ignored", "ignore1"])
@pytest.mark.parametrize("smoothing", [0.0, 0.15])
def test_cross_entropy_class_indices(reduction, weight, target, ignore, smoothing):
    f, t = _ce_case(dict(reduction=reduction, ignore_index=ignore, label_smoothing=smoothing), target, weight)
    check(f, t, [LOGITS])


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weight", [None, CW], ids=["noweight", "weight"])
@pytest.mark.parametrize("smoothing", [0.0, 0.2])
def test_cross_entropy_probabilities(reduction, weight, smoothing):
    probs = rng.random((7, 4))
    probs /= probs.sum(1, keepdims=True)
    f, t = _ce_case(dict(reduction=reduction, label_smoothing=smoothing), probs, weight)
    check(f, t, [LOGITS])


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_cross_entropy_spatial_and_unbatched(reduction):
    x = rng.standard_normal((2, 3, 5))
    tgt = rng.integers(0, 3, (2, 5))
    f, t = _ce_case(dict(reduction=reduction, label_smoothing=0.1), tgt, np.array([1.0, 2.0, 0.5]))
    check(f, t, [x])
    f, t = _ce_case(dict(reduction=reduction), np.array(2, dtype=np.int64), None)
    check(f, t, [rng.standard_normal(4)])


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weight", [None, CW], ids=["noweight", "weight"])
def test_nll_loss_and_module(reduction, weight):
    logp = torch.log_softmax(torch.tensor(LOGITS), 1).numpy()
    w_f = fg.tensor(weight) if weight is not None else None
    w_t = torch.tensor(weight) if weight is not None else None
    check(lambda x: nn.NLLLoss(weight=w_f, reduction=reduction)(x, fg.tensor(TARGET_IGN)),
          lambda x: torch.nn.NLLLoss(weight=w_t, reduction=reduction)(x, torch.tensor(TARGET_IGN)), [logp])
    check(lambda x: nn.CrossEntropyLoss(weight=w_f, reduction=reduction, label_smoothing=0.05)(x, fg.tensor(TARGET)),
          lambda x: torch.nn.CrossEntropyLoss(weight=w_t, reduction=reduction, label_smoothing=0.05)(
              x, torch.tensor(TARGET)), [LOGITS])


def test_nll_loss_errors():
    with pytest.raises(IndexError):
        F.nll_loss(fg.randn(3, 4), fg.tensor([0, 1, 4]))
    with pytest.raises(ValueError):
        F.nll_loss(fg.randn(3, 4), fg.tensor([0, 1]))
    with pytest.raises(ValueError):
        F.cross_entropy(fg.randn(3, 4), fg.tensor([0, 1, 2]), reduction="avg")


P = 1 / (1 + np.exp(-rng.standard_normal((5, 3)) * 2))
T = rng.random((5, 3))
BW = rng.random((5, 3)) + 0.5


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weighted", [False, True])
def test_bce(reduction, weighted):
    w = BW if weighted else None
    check(lambda p, t: F.binary_cross_entropy(p, t, weight=fg.tensor(w) if weighted else None, reduction=reduction),
          lambda p, t: torch.nn.functional.binary_cross_entropy(
              p, t, weight=torch.tensor(w) if weighted else None, reduction=reduction),
          [P, T], grad_inputs=(0,), rtol=1e-9)


def test_bce_clamps_log_at_minus_100_like_torch():
    p = np.array([0.0, 1.0, 0.5])
    t = np.array([1.0, 0.0, 1.0])
    got = nn.BCELoss(reduction="none")(fg.tensor(p), fg.tensor(t)).numpy()
    want = torch.nn.BCELoss(reduction="none")(torch.tensor(p), torch.tensor(t)).numpy()
    np.testing.assert_allclose(got, want)
    assert got[0] == 100.0


def test_bce_gradient_stays_finite_at_saturation_like_torch():
    p = np.array([0.0, 1.0, 0.5, 1e-30])
    t = np.array([1.0, 0.0, 1.0, 0.0])
    pf, pt = fg.tensor(p, requires_grad=True), torch.tensor(p, requires_grad=True)
    F.binary_cross_entropy(pf, fg.tensor(t), reduction="sum").backward()
    torch.nn.functional.binary_cross_entropy(pt, torch.tensor(t), reduction="sum").backward()
    assert np.all(np.isfinite(pf.grad.numpy()))
    np.testing.assert_allclose(pf.grad.numpy(), pt.grad.numpy(), rtol=1e-12)


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("pos_weight", [None, np.array([0.5, 2.0, 3.0])], ids=["nopw", "pw"])
@pytest.mark.parametrize("weighted", [False, True])
def test_bce_with_logits(reduction, pos_weight, weighted):
    x = rng.standard_normal((5, 3)) * 30  # large logits: the stable form must not overflow
    pw_f = fg.tensor(pos_weight) if pos_weight is not None else None
    pw_t = torch.tensor(pos_weight) if pos_weight is not None else None
    w_f = fg.tensor(BW) if weighted else None
    w_t = torch.tensor(BW) if weighted else None
    check(lambda a, b: nn.BCEWithLogitsLoss(weight=w_f, pos_weight=pw_f, reduction=reduction)(a, b),
          lambda a, b: torch.nn.BCEWithLogitsLoss(weight=w_t, pos_weight=pw_t, reduction=reduction)(a, b),
          [x, T], grad_inputs=(0, 1))


def test_float32_cross_entropy_close_to_torch():
    x = rng.standard_normal((16, 10)).astype(np.float32)
    y = rng.integers(0, 10, 16)
    a = F.cross_entropy(fg.tensor(x), fg.tensor(y)).item()
    b = torch.nn.functional.cross_entropy(torch.tensor(x), torch.tensor(y)).item()
    assert abs(a - b) < 1e-6
