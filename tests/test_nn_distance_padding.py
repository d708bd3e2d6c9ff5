"""The distance, padding, bilinear and remaining loss modules: construction and init as torch's (the same
seed gives the same parameters), repr, and their forward equal to the nn.functional call the op table checks."""
import numpy as np
import pytest

import fastgrad
import fastgrad.nn as nn
import fastgrad.nn.functional as F
from conftest import torch_or_none

PADS = [("ZeroPad1d", 2, ()), ("ZeroPad2d", (1, 0, 2, 1), ()), ("ConstantPad1d", (1, 2), (3.5,)),
        ("ConstantPad2d", 1, (-1.0,)), ("ConstantPad3d", (1, 0, 0, 1, 1, 1), (2.0,)), ("ReflectionPad1d", 2, ()),
        ("ReflectionPad2d", (1, 2, 0, 1), ()), ("ReplicationPad1d", (3, 1), ()), ("ReplicationPad2d", 1, ()),
        ("ReplicationPad3d", 1, ()), ("CircularPad1d", 1, ()), ("CircularPad2d", (1, 2, 2, 0), ())]


@pytest.mark.parametrize("name,padding,extra", PADS)
def test_padding_modules(name, padding, extra):
    dims = int(name[-2])
    shape = (1, 2) + (4,) * dims
    a = np.arange(np.prod(shape), dtype=np.float64).reshape(shape)
    module = getattr(nn, name)(padding, *extra)
    got = module(fastgrad.tensor(a))
    mode = {"Ze": "constant", "Co": "constant", "Re": "reflect", "Rp": "replicate", "Ci": "circular"}[
        "Rp" if name.startswith("Repl") else name[:2]]
    amounts = (padding,) * (2 * dims) if isinstance(padding, int) else padding
    want = F.pad(fastgrad.tensor(a), amounts, mode, *(extra if mode == "constant" and extra else ()))
    np.testing.assert_array_equal(got.numpy(), want.numpy())
    torch = torch_or_none()
    if torch is not None:
        ref = getattr(torch.nn, name)(padding, *extra)
        assert repr(module) == repr(ref)
        np.testing.assert_array_equal(got.numpy(), ref(torch.tensor(a)).numpy())


def test_bilinear_init_and_forward_match_torch():
    torch = torch_or_none()
    fastgrad.manual_seed(7)
    m = nn.Bilinear(3, 4, 5)
    assert m.weight.shape == (5, 3, 4) and m.bias.shape == (5,)
    bound = 1 / np.sqrt(3)
    assert float(m.weight.abs().max()) <= bound and float(m.bias.abs().max()) <= bound
    x1, x2 = fastgrad.randn(6, 3), fastgrad.randn(6, 4)
    np.testing.assert_allclose(m(x1, x2).detach().numpy(),
                               np.einsum("bi,oij,bj->bo", x1.numpy(), m.weight.detach().numpy(), x2.numpy())
                               + m.bias.detach().numpy(), rtol=1e-5, atol=1e-6)
    assert nn.Bilinear(2, 2, 1, bias=False).bias is None
    if torch is not None:
        torch.manual_seed(7)
        ref = torch.nn.Bilinear(3, 4, 5)
        np.testing.assert_allclose(m.weight.detach().numpy(), ref.weight.detach().numpy(), rtol=1e-6)
        np.testing.assert_allclose(m.bias.detach().numpy(), ref.bias.detach().numpy(), rtol=1e-6)
        assert repr(m) == repr(ref)


def test_distance_modules():
    a, b = fastgrad.randn(4, 3, dtype=fastgrad.float64), fastgrad.randn(4, 3, dtype=fastgrad.float64)
    assert fastgrad.equal(nn.CosineSimilarity(dim=1, eps=1e-6)(a, b), F.cosine_similarity(a, b, 1, 1e-6))
    assert fastgrad.equal(nn.PairwiseDistance(p=1.0, keepdim=True)(a, b), F.pairwise_distance(a, b, 1.0, keepdim=True))


@pytest.mark.parametrize("make,args,call", [
    (lambda L: L.nn.KLDivLoss(reduction="batchmean"), 2, lambda F_, a, b: F_.kl_div(a, b.abs(), reduction="batchmean")),
    (lambda L: L.nn.KLDivLoss(reduction="sum", log_target=True), 2,
     lambda F_, a, b: F_.kl_div(a, b, reduction="sum", log_target=True)),
    (lambda L: L.nn.MarginRankingLoss(margin=0.2), 3, lambda F_, a, b, c: F_.margin_ranking_loss(a, b, c.sign(), 0.2)),
    (lambda L: L.nn.TripletMarginLoss(margin=2.0, swap=True), 3,
     lambda F_, a, b, c: F_.triplet_margin_loss(a, b, c, margin=2.0, swap=True)),
    (lambda L: L.nn.CosineEmbeddingLoss(margin=0.1), 3, None),
    (lambda L: L.nn.PoissonNLLLoss(full=True), 2, lambda F_, a, b: F_.poisson_nll_loss(a, b.abs() * 3, full=True)),
    (lambda L: L.nn.GaussianNLLLoss(full=True), 3,
     lambda F_, a, b, c: F_.gaussian_nll_loss(a, b, c.abs(), full=True)),
])
def test_loss_modules(make, args, call):
    rng = np.random.default_rng(1)
    data = [rng.standard_normal((4, 3)) for _ in range(args)]
    torch = torch_or_none()
    for L in [fastgrad] + ([torch] if torch is not None else []):
        module = make(L)
        xs = [L.tensor(d) for d in data]
        if call is None:  # cosine embedding takes a +-1 target per row
            xs[2] = L.tensor([1, -1, 1, -1])
        elif type(module).__name__ == "KLDivLoss" and not module.log_target:
            xs[1] = xs[1].abs()
        elif type(module).__name__ == "MarginRankingLoss":
            xs[2] = xs[2].sign()
        elif type(module).__name__ == "PoissonNLLLoss":
            xs[1] = xs[1].abs() * 3
        elif type(module).__name__ == "GaussianNLLLoss":
            xs[2] = xs[2].abs()
        out = module(*xs).item()
        if L is fastgrad:
            ours = out
            if call is not None:
                assert out == pytest.approx(call(F, *[fastgrad.tensor(d) for d in data]).item(), rel=1e-12)
        else:
            assert ours == pytest.approx(out, rel=1e-10)


@pytest.mark.parametrize("make", [lambda L: L.nn.Upsample(scale_factor=2), lambda L: L.nn.Upsample(size=(3, 5), mode="bilinear"),
                                  lambda L: L.nn.UpsamplingNearest2d(scale_factor=3),
                                  lambda L: L.nn.UpsamplingBilinear2d(size=(4, 6))])
def test_upsampling_modules(make):
    a = np.random.default_rng(0).standard_normal((1, 2, 3, 4))
    m = make(fastgrad)
    got = m(fastgrad.tensor(a))
    assert got.shape[:2] == (1, 2)
    torch = torch_or_none()
    if torch is not None:
        ref = make(torch)
        assert repr(m) == repr(ref)
        np.testing.assert_allclose(got.numpy(), ref(torch.tensor(a)).numpy(), rtol=1e-12, atol=1e-12)
