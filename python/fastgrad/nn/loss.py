"""Loss modules: hold the options and call the matching nn.functional loss."""
from . import functional as F
from .module import Module


class _Loss(Module):
    def __init__(self, size_average=None, reduce=None, reduction="mean"):
        super().__init__()
        self.reduction = F._legacy_reduction(size_average, reduce, reduction)


class _WeightedLoss(_Loss):
    def __init__(self, weight=None, size_average=None, reduce=None, reduction="mean"):
        super().__init__(size_average, reduce, reduction)
        # A buffer, as in torch: it follows .to(dtype) and appears in the state dict.
        self.register_buffer("weight", weight)


class MSELoss(_Loss):
    """Mean squared error between ``input`` and ``target``: ``(input - target) ** 2``, reduced.

    Args:
        reduction (str): ``'none'``: no reduction, ``'mean'`` (default): the mean, ``'sum'``: the sum.

    Shape:
        - Input and target: ``(*)``, the same shape. Output: a scalar, or ``(*)`` with ``reduction='none'``.

    Examples:
        >>> loss = nn.MSELoss()
        >>> loss(fastgrad.tensor([1.0, 2.0]), fastgrad.tensor([0.0, 0.0]))
        tensor(2.5000)
    """

    def forward(self, input, target):
        return F.mse_loss(input, target, reduction=self.reduction)


class L1Loss(_Loss):
    """Mean absolute error between ``input`` and ``target``: ``|input - target|``, reduced.

    Args:
        reduction (str): ``'none'``: no reduction, ``'mean'`` (default): the mean, ``'sum'``: the sum.

    Shape:
        - Input and target: ``(*)``, the same shape. Output: a scalar, or ``(*)`` with ``reduction='none'``.

    Examples:
        >>> nn.L1Loss()(fastgrad.tensor([1.0, -2.0]), fastgrad.tensor([0.0, 0.0]))
        tensor(1.5000)
    """

    def forward(self, input, target):
        return F.l1_loss(input, target, reduction=self.reduction)


class SmoothL1Loss(_Loss):
    """Smooth L1 loss: ``0.5 * d ** 2 / beta`` where ``|d| < beta``, else ``|d| - 0.5 * beta``, with
    ``d = input - target``.

    Args:
        reduction (str): ``'none'``: no reduction, ``'mean'`` (default): the mean, ``'sum'``: the sum.
        beta (float): where the loss turns from quadratic to linear. Default: 1.

    Examples:
        >>> nn.SmoothL1Loss()(fastgrad.tensor([0.5, 3.0]), fastgrad.tensor([0.0, 0.0]))
        tensor(1.3125)
    """

    def __init__(self, size_average=None, reduce=None, reduction="mean", beta=1.0):
        super().__init__(size_average, reduce, reduction)
        self.beta = beta

    def forward(self, input, target):
        return F.smooth_l1_loss(input, target, reduction=self.reduction, beta=self.beta)


class HuberLoss(_Loss):
    """Huber loss: ``0.5 * d ** 2`` where ``|d| < delta``, else ``delta * (|d| - 0.5 * delta)``, with
    ``d = input - target``.

    Args:
        reduction (str): ``'none'``: no reduction, ``'mean'`` (default): the mean, ``'sum'``: the sum.
        delta (float): where the loss turns from quadratic to linear. Default: 1.

    Examples:
        >>> nn.HuberLoss(delta=2.0)(fastgrad.tensor([1.0, 4.0]), fastgrad.tensor([0.0, 0.0]))
        tensor(3.2500)
    """

    def __init__(self, reduction="mean", delta=1.0):
        super().__init__(reduction=reduction)
        self.delta = delta

    def forward(self, input, target):
        return F.huber_loss(input, target, reduction=self.reduction, delta=self.delta)


class NLLLoss(_WeightedLoss):
    """Negative log-likelihood of class indices given log-probabilities (the output of `LogSoftmax`).

    Args:
        weight (Tensor, optional): a weight per class, ``(C,)``.
        ignore_index (int): targets with this value are skipped. Default: -100.
        reduction (str): ``'none'``: no reduction, ``'mean'`` (default): the mean, ``'sum'``: the sum.

    Shape:
        - Input: ``(N, C)`` log-probabilities; Target: ``(N,)`` int64; Output: a scalar, or ``(N,)``.

    Examples:
        >>> logp = F.log_softmax(fastgrad.tensor([[2.0, 0.0], [0.0, 2.0]]), dim=1)
        >>> nn.NLLLoss()(logp, fastgrad.tensor([0, 1]))
        tensor(0.1269)
    """

    def __init__(self, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean"):
        super().__init__(weight, size_average, reduce, reduction)
        self.ignore_index = ignore_index

    def forward(self, input, target):
        return F.nll_loss(input, target, weight=self.weight, ignore_index=self.ignore_index,
                          reduction=self.reduction)


class CrossEntropyLoss(_WeightedLoss):
    """Cross-entropy between logits and class indices (or class probabilities): ``log_softmax`` and
    the negative log-likelihood in one fused, numerically stable operation.

    Args:
        weight (Tensor, optional): a weight per class, ``(C,)``.
        ignore_index (int): targets with this value add nothing to the loss or its gradient. Default: -100.
        reduction (str): ``'none'``: no reduction, ``'mean'`` (default): the mean, ``'sum'``: the sum. The mean is weighted by ``weight`` as in torch.
        label_smoothing (float): mixes the target with the uniform distribution. Default: 0.

    Shape:
        - Input: ``(N, C)`` or ``(C,)`` logits (or ``(N, C, d1, ...)``).
        - Target: ``(N,)`` int64 class indices, or float probabilities shaped like the input.
        - Output: a scalar, or ``(N,)`` with ``reduction='none'``.

    Examples:
        >>> loss = nn.CrossEntropyLoss()
        >>> logits = fastgrad.tensor([[2.0, 0.0, 0.0], [0.0, 0.0, 2.0]])
        >>> loss(logits, fastgrad.tensor([0, 2]))
        tensor(0.2395)
    """

    def __init__(self, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean",
                 label_smoothing=0.0):
        super().__init__(weight, size_average, reduce, reduction)
        self.ignore_index = ignore_index
        self.label_smoothing = label_smoothing

    def forward(self, input, target):
        return F.cross_entropy(input, target, weight=self.weight, ignore_index=self.ignore_index,
                               reduction=self.reduction, label_smoothing=self.label_smoothing)


class BCELoss(_WeightedLoss):
    """Binary cross-entropy between probabilities ``input`` (in [0, 1]) and targets:
    ``-(t * log(p) + (1 - t) * log(1 - p))``. The logarithms are clamped at -100, as in torch. For logits use the
    more stable `BCEWithLogitsLoss`.

    Args:
        weight (Tensor, optional): a weight broadcast against the loss.
        reduction (str): ``'none'``: no reduction, ``'mean'`` (default): the mean, ``'sum'``: the sum.

    Examples:
        >>> nn.BCELoss()(fastgrad.tensor([0.9, 0.2]), fastgrad.tensor([1.0, 0.0]))
        tensor(0.1643)
    """

    def forward(self, input, target):
        return F.binary_cross_entropy(input, target, weight=self.weight, reduction=self.reduction)


class BCEWithLogitsLoss(_Loss):
    """Binary cross-entropy on logits: a sigmoid and `BCELoss` in one numerically stable operation.

    Args:
        weight (Tensor, optional): a weight broadcast against the loss.
        reduction (str): ``'none'``: no reduction, ``'mean'`` (default): the mean, ``'sum'``: the sum.
        pos_weight (Tensor, optional): a weight for the positive examples, per class.

    Examples:
        >>> nn.BCEWithLogitsLoss()(fastgrad.tensor([2.0, -1.0]), fastgrad.tensor([1.0, 0.0]))
        tensor(0.2201)
    """

    def __init__(self, weight=None, size_average=None, reduce=None, reduction="mean", pos_weight=None):
        super().__init__(size_average, reduce, reduction)
        self.register_buffer("weight", weight)
        self.register_buffer("pos_weight", pos_weight)

    def forward(self, input, target):
        return F.binary_cross_entropy_with_logits(input, target, self.weight, pos_weight=self.pos_weight,
                                                  reduction=self.reduction)


class KLDivLoss(_Loss):
    """The Kullback-Leibler divergence loss (``input`` holds log-probabilities). See `nn.functional.kl_div`.

    Args:
        reduction (str): ``'none'``, ``'batchmean'``, ``'sum'`` or ``'mean'``. Default: ``'mean'``.
        log_target (bool): ``target`` holds log-probabilities too. Default: ``False``.
    """

    def __init__(self, size_average=None, reduce=None, reduction="mean", log_target=False):
        super().__init__(size_average, reduce, reduction)
        self.log_target = log_target

    def forward(self, input, target):
        return F.kl_div(input, target, reduction=self.reduction, log_target=self.log_target)


class MarginRankingLoss(_Loss):
    """``max(0, -y * (x1 - x2) + margin)``, reduced. See `nn.functional.margin_ranking_loss`."""

    def __init__(self, margin=0.0, size_average=None, reduce=None, reduction="mean"):
        super().__init__(size_average, reduce, reduction)
        self.margin = margin

    def forward(self, input1, input2, target):
        return F.margin_ranking_loss(input1, input2, target, margin=self.margin, reduction=self.reduction)


class TripletMarginLoss(_Loss):
    """``max(d(a, p) - d(a, n) + margin, 0)`` with the pairwise distance. See
    `nn.functional.triplet_margin_loss`."""

    def __init__(self, margin=1.0, p=2.0, eps=1e-6, swap=False, size_average=None, reduce=None, reduction="mean"):
        super().__init__(size_average, reduce, reduction)
        if margin <= 0:
            raise ValueError(f"TripletMarginLoss: expected margin to be greater than 0, got {margin} instead")
        self.margin, self.p, self.eps, self.swap = margin, p, eps, swap

    def forward(self, anchor, positive, negative):
        return F.triplet_margin_loss(anchor, positive, negative, margin=self.margin, p=self.p, eps=self.eps,
                                     swap=self.swap, reduction=self.reduction)


class CosineEmbeddingLoss(_Loss):
    """``1 - cos(x1, x2)`` for y = 1, ``max(0, cos(x1, x2) - margin)`` for y = -1. See
    `nn.functional.cosine_embedding_loss`."""

    def __init__(self, margin=0.0, size_average=None, reduce=None, reduction="mean"):
        super().__init__(size_average, reduce, reduction)
        self.margin = margin

    def forward(self, input1, input2, target):
        return F.cosine_embedding_loss(input1, input2, target, margin=self.margin, reduction=self.reduction)


class PoissonNLLLoss(_Loss):
    """The Poisson negative log-likelihood. See `nn.functional.poisson_nll_loss`."""

    def __init__(self, log_input=True, full=False, size_average=None, eps=1e-8, reduce=None, reduction="mean"):
        super().__init__(size_average, reduce, reduction)
        self.log_input, self.full, self.eps = log_input, full, eps

    def forward(self, log_input, target):
        return F.poisson_nll_loss(log_input, target, log_input=self.log_input, full=self.full, eps=self.eps,
                                  reduction=self.reduction)


class GaussianNLLLoss(_Loss):
    """The Gaussian negative log-likelihood with predicted variance. See `nn.functional.gaussian_nll_loss`."""

    def __init__(self, *, full=False, eps=1e-6, reduction="mean"):
        super().__init__(None, None, reduction)
        self.full, self.eps = full, eps

    def forward(self, input, target, var):
        return F.gaussian_nll_loss(input, target, var, full=self.full, eps=self.eps, reduction=self.reduction)


class HingeEmbeddingLoss(_Loss):
    """``x`` where y = 1, ``max(0, margin - x)`` where y = -1. See `nn.functional.hinge_embedding_loss`."""

    def __init__(self, margin=1.0, size_average=None, reduce=None, reduction="mean"):
        super().__init__(size_average, reduce, reduction)
        self.margin = margin

    def forward(self, input, target):
        return F.hinge_embedding_loss(input, target, margin=self.margin, reduction=self.reduction)


class SoftMarginLoss(_Loss):
    """``log(1 + exp(-y * x))``, reduced. See `nn.functional.soft_margin_loss`."""

    def forward(self, input, target):
        return F.soft_margin_loss(input, target, reduction=self.reduction)


class MultiLabelSoftMarginLoss(_WeightedLoss):
    """The multi-label one-versus-all logistic loss. See `nn.functional.multilabel_soft_margin_loss`."""

    def forward(self, input, target):
        return F.multilabel_soft_margin_loss(input, target, weight=self.weight, reduction=self.reduction)


class MultiMarginLoss(_WeightedLoss):
    """The multi-class hinge loss. See `nn.functional.multi_margin_loss`."""

    def __init__(self, p=1, margin=1.0, weight=None, size_average=None, reduce=None, reduction="mean"):
        super().__init__(weight, size_average, reduce, reduction)
        if p not in (1, 2):
            raise ValueError("only p == 1 and p == 2 supported")
        if weight is not None and weight.dim() != 1:
            raise ValueError(f"MultiMarginLoss: expected weight to be None or 1D tensor, got {weight.dim()}D instead")
        self.p, self.margin = p, margin

    def forward(self, input, target):
        return F.multi_margin_loss(input, target, p=self.p, margin=self.margin, weight=self.weight,
                                   reduction=self.reduction)
