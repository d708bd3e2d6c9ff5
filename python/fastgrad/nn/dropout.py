"""Dropout: zeroes elements with probability p in training mode, scaling the rest by 1/(1-p)."""
from . import functional as F
from .module import Module


class Dropout(Module):
    """During training, zeroes each element with probability ``p`` and scales the others by ``1 / (1 - p)``;
    in eval mode, returns the input. The mask is drawn from fastgrad's default generator.

    Args:
        p (float): the probability of zeroing an element. Default: 0.5.
        inplace (bool): overwrite the input. Default: ``False``.

    Shape:
        - Input: ``(*)``; Output: ``(*)``, the same shape.

    Examples:
        >>> m = nn.Dropout(p=0.5)
        >>> m(fastgrad.ones(1000)).sum().item() > 0
        True
        >>> m.eval()(fastgrad.ones(3))
        tensor([1., 1., 1.])
    """

    def __init__(self, p=0.5, inplace=False):
        super().__init__()
        if p < 0 or p > 1:
            raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
        self.p = p
        self.inplace = inplace

    def forward(self, input):
        return F.dropout(input, self.p, self.training, self.inplace)

    def extra_repr(self):
        return f"p={self.p}, inplace={self.inplace}"
