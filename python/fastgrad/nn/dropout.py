"""The dropout modules: Dropout zeroes elements with probability p in training mode, scaling the rest
by 1/(1-p); Dropout1d/2d/3d zero whole channels; AlphaDropout and FeatureAlphaDropout keep SELU's
self-normalisation. All draw torch's noise from the same generator state."""
from . import functional as F
from .module import Module


class _DropoutNd(Module):
    def __init__(self, p=0.5, inplace=False):
        super().__init__()
        if p < 0 or p > 1:
            raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
        self.p = p
        self.inplace = inplace

    def extra_repr(self):
        return f"p={self.p}, inplace={self.inplace}"


class Dropout(_DropoutNd):
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

    def forward(self, input):
        return F.dropout(input, self.p, self.training, self.inplace)


class Dropout1d(_DropoutNd):
    def forward(self, input):
        return F.dropout1d(input, self.p, self.training, self.inplace)


class Dropout2d(_DropoutNd):
    def forward(self, input):
        return F.dropout2d(input, self.p, self.training, self.inplace)


class Dropout3d(_DropoutNd):
    def forward(self, input):
        return F.dropout3d(input, self.p, self.training, self.inplace)


class AlphaDropout(_DropoutNd):
    def forward(self, input):
        return F.alpha_dropout(input, self.p, self.training)


class FeatureAlphaDropout(_DropoutNd):
    def forward(self, input):
        return F.feature_alpha_dropout(input, self.p, self.training)
