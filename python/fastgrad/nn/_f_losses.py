"""nn.functional's remaining losses (kl_div, margin_ranking_loss, triplet_margin_loss,
cosine_embedding_loss, poisson_nll_loss, gaussian_nll_loss), with torch's formulas, checks and messages."""
import math
import warnings

import fastgrad as _fg
from . import functional as _F
from ._f_distance import pairwise_distance


def _reduction(size_average, reduce, reduction):
    reduction = _F._legacy_reduction(size_average, reduce, reduction)
    _F._check_reduction(reduction)
    return reduction


def kl_div(input, target, size_average=None, reduce=None, reduction="mean", log_target=False):
    """The Kullback-Leibler divergence loss, ``target * (log(target) - input)`` with ``input`` holding
    log-probabilities (and ``target`` too with ``log_target=True``). See `nn.KLDivLoss`.

    Args:
        reduction (str): ``'none'``, ``'batchmean'`` (the sum over the batch size: the mathematical KL
            divergence), ``'sum'`` or ``'mean'`` (the mean over every element). Default: ``'mean'``.

    Examples:
        >>> F.kl_div(fastgrad.tensor([-1.0, -1.0]), fastgrad.tensor([0.5, 0.5]), reduction="sum")
        tensor(0.3069)
    """
    if size_average is not None or reduce is not None:
        reduction = _F._legacy_reduction(size_average, reduce, reduction)
    elif reduction == "mean":
        warnings.warn("reduction: 'mean' divides the total loss by both the batch size and the support size."
                      "'batchmean' divides only by the batch size, and aligns with the KL div math definition."
                      "'mean' will be changed to behave the same as 'batchmean' in the next major release.",
                      stacklevel=2)
    if reduction not in ("none", "mean", "sum", "batchmean"):
        raise ValueError(f"{reduction} is not a valid value for reduction")
    if log_target:
        loss = _fg.exp(target) * (target - input)
    else:
        loss = _fg.xlogy(target, target) - target * input
    if reduction == "batchmean":
        total = loss.sum()
        return total / input.shape[0] if input.dim() != 0 else total
    return _F._reduce(loss, reduction)


def margin_ranking_loss(input1, input2, target, margin=0, size_average=None, reduce=None, reduction="mean"):
    """``max(0, -target * (input1 - input2) + margin)``, reduced. See `nn.MarginRankingLoss`.

    Examples:
        >>> F.margin_ranking_loss(fastgrad.tensor([1.0]), fastgrad.tensor([2.0]), fastgrad.tensor([1.0]))
        tensor(1.)
    """
    reduction = _reduction(size_average, reduce, reduction)
    if input1.dim() != input2.dim() or input1.dim() != target.dim():
        raise RuntimeError(f"margin_ranking_loss : All input tensors should have same dimension but got sizes: "
                           f"input1: {input1.shape}, input2: {input2.shape}, target: {target.shape} ")
    return _F._reduce(_fg.clamp_min(-target * (input1 - input2) + margin, 0), reduction)


def triplet_margin_loss(anchor, positive, negative, margin=1.0, p=2, eps=1e-6, swap=False, size_average=None,
                        reduce=None, reduction="mean"):
    """``max(d(anchor, positive) - d(anchor, negative) + margin, 0)`` with `pairwise_distance` ``d``; with
    ``swap`` the negative distance is the smaller of d(anchor, negative) and d(positive, negative). See
    `nn.TripletMarginLoss`."""
    reduction = _reduction(size_average, reduce, reduction)
    if margin <= 0:
        raise ValueError(f"margin must be greater than 0, got {margin}")
    dims = (anchor.dim(), positive.dim(), negative.dim())
    if len(set(dims)) != 1:
        raise RuntimeError(f"The anchor, positive, and negative tensors are expected to have the same number of "
                           f"dimensions, but got: anchor {dims[0]}D, positive {dims[1]}D, and negative {dims[2]}D "
                           "inputs")
    dist_pos = pairwise_distance(anchor, positive, p, eps)
    dist_neg = pairwise_distance(anchor, negative, p, eps)
    if swap:
        dist_neg = _fg.minimum(dist_neg, pairwise_distance(positive, negative, p, eps))
    return _F._reduce(_fg.clamp_min(margin + dist_pos - dist_neg, 0), reduction)


def cosine_embedding_loss(input1, input2, target, margin=0, size_average=None, reduce=None, reduction="mean"):
    """``1 - cos(input1, input2)`` where ``target`` is 1, ``max(0, cos(input1, input2) - margin)`` where it is
    -1. See `nn.CosineEmbeddingLoss`."""
    reduction = _reduction(size_average, reduce, reduction)
    if target.dim() not in (0, 1):
        raise RuntimeError("0D or 1D target tensor expected, multi-target not supported")
    want = 2 if target.dim() == 1 else 1
    if input1.dim() != want or input2.dim() != want:
        raise RuntimeError(f"{target.dim()}D target tensor expects {want}D input tensors, but found inputs with sizes "
                           f"{list(input1.shape)} and {list(input2.shape)}.")
    dim = target.dim()
    eps = 1e-12  # torch's EPSILON
    prod_sum = (input1 * input2).sum(dim)
    mag1 = (input1 * input1).sum(dim) + eps
    mag2 = (input2 * input2).sum(dim) + eps
    cos = prod_sum / _fg.sqrt(mag1 * mag2)
    zeros = _fg.zeros_like(cos)
    pos = _fg.where(target == 1, 1 - cos, zeros)
    neg = _fg.where(target == -1, _fg.clamp_min(cos - margin, 0), zeros)
    return _F._reduce(pos + neg, reduction)


def poisson_nll_loss(input, target, log_input=True, full=False, size_average=None, eps=1e-8, reduce=None,
                     reduction="mean"):
    """The negative log-likelihood of ``target`` under a Poisson distribution of rate ``exp(input)`` (or
    ``input`` with ``log_input=False``); ``full`` adds Stirling's term. See `nn.PoissonNLLLoss`."""
    reduction = _reduction(size_average, reduce, reduction)
    if log_input:
        loss = _fg.exp(input) - target * input
    else:
        loss = input - target * _fg.log(input + eps)
    if full:
        stirling = target * _fg.log(target) - target + 0.5 * _fg.log(2 * math.pi * target)
        loss = loss + stirling.masked_fill(target <= 1, 0)
    return _F._reduce(loss, reduction)


def gaussian_nll_loss(input, target, var, full=False, eps=1e-6, reduction="mean"):
    """The negative log-likelihood of ``target`` under a Gaussian of mean ``input`` and variance ``var``
    (clamped below at ``eps``); ``var`` may have one dim of size 1 less or be a float. See
    `nn.GaussianNLLLoss`."""
    if isinstance(var, float):
        if var < 0:
            raise ValueError("var has negative entry/entries")
        var = var * _fg.ones_like(input)
    elif bool(_fg.any(var < 0)):
        raise ValueError("var has negative entry/entries")
    if tuple(var.shape) != tuple(input.shape):
        if tuple(input.shape[:-1]) == tuple(var.shape):
            var = var.unsqueeze(-1)
        elif input.dim() == var.dim() and sum(b for a, b in zip(input.shape, var.shape) if a != b) == 1:
            pass
        else:
            raise ValueError("var is of incorrect size")
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(reduction + " is not valid")
    # torch clamps a clone in place under no_grad: the value is clamped, the gradient is var's own
    detached = var.detach()
    var = var + (_fg.clamp_min(detached, eps) - detached)
    loss = 0.5 * (_fg.log(var) + (input - target) ** 2 / var)
    if full:
        loss = loss + 0.5 * math.log(2 * math.pi)
    return _F._reduce(loss, reduction)
