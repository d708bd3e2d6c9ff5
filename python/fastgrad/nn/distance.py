"""Distance modules: CosineSimilarity and PairwiseDistance (torch.nn.modules.distance)."""
from . import functional as F
from .module import Module


class PairwiseDistance(Module):
    """The ``p``-norm of ``x1 - x2 + eps`` over the last dim. See `nn.functional.pairwise_distance`.

    Examples:
        >>> nn.PairwiseDistance()(fastgrad.tensor([[0.0, 0.0]]), fastgrad.tensor([[3.0, 4.0]]))
        tensor([5.0000])
    """

    def __init__(self, p=2.0, eps=1e-6, keepdim=False):
        super().__init__()
        self.norm = p
        self.eps = eps
        self.keepdim = keepdim

    def forward(self, x1, x2):
        return F.pairwise_distance(x1, x2, self.norm, self.eps, self.keepdim)


class CosineSimilarity(Module):
    """The cosine similarity of ``x1`` and ``x2`` along ``dim``. See `nn.functional.cosine_similarity`.

    Examples:
        >>> nn.CosineSimilarity(dim=0)(fastgrad.tensor([1.0, 0.0]), fastgrad.tensor([1.0, 1.0]))
        tensor(0.7071)
    """

    def __init__(self, dim=1, eps=1e-8):
        super().__init__()
        self.dim = dim
        self.eps = eps

    def forward(self, x1, x2):
        return F.cosine_similarity(x1, x2, self.dim, self.eps)
