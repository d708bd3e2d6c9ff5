"""BatchNorm1d/2d/3d: per-channel batch statistics in training, running statistics in eval."""
import fastgrad as _fg
from . import functional as F
from . import init
from .module import Module
from .parameter import Parameter


class _BatchNorm(Module):
    def __init__(self, num_features, eps=1e-5, momentum=0.1, affine=True, track_running_stats=True,
                 device=None, dtype=None, *, bias=True):
        super().__init__()
        dtype = dtype or _fg.float32
        self.num_features = num_features
        self.eps = eps
        self.momentum = momentum
        self.affine = affine
        self.track_running_stats = track_running_stats
        if affine:
            self.weight = Parameter(_fg.ones(num_features, dtype=dtype, device=device))
            if bias:
                self.bias = Parameter(_fg.zeros(num_features, dtype=dtype, device=device))
            else:
                self.register_parameter("bias", None)
        else:
            self.register_parameter("weight", None)
            self.register_parameter("bias", None)
        if track_running_stats:
            self.register_buffer("running_mean", _fg.zeros(num_features, dtype=dtype, device=device))
            self.register_buffer("running_var", _fg.ones(num_features, dtype=dtype, device=device))
            self.register_buffer("num_batches_tracked", _fg.tensor(0, dtype=_fg.int64))
        else:
            self.register_buffer("running_mean", None)
            self.register_buffer("running_var", None)
            self.register_buffer("num_batches_tracked", None)

    def reset_running_stats(self):
        if self.track_running_stats:
            self.running_mean.zero_()
            self.running_var.fill_(1)
            self.num_batches_tracked.zero_()

    def reset_parameters(self):
        self.reset_running_stats()
        if self.affine:
            init.ones_(self.weight)
            if self.bias is not None:
                init.zeros_(self.bias)

    def _check_input_dim(self, input):
        raise NotImplementedError

    def forward(self, input):
        self._check_input_dim(input)
        momentum = 0.0 if self.momentum is None else self.momentum
        if self.training and self.track_running_stats and self.num_batches_tracked is not None:
            self.num_batches_tracked.add_(1)
            if self.momentum is None:
                # Cumulative moving average, as torch does when momentum is None.
                momentum = 1.0 / float(self.num_batches_tracked.item())
        use_batch_stats = self.training or self.running_mean is None
        return F.batch_norm(input,
                            self.running_mean if not self.training or self.track_running_stats else None,
                            self.running_var if not self.training or self.track_running_stats else None,
                            self.weight, self.bias, use_batch_stats, momentum, self.eps)

    def extra_repr(self):
        return (f"{self.num_features}, eps={self.eps}, momentum={self.momentum}, affine={self.affine}, "
                f"bias={self.bias is not None}, track_running_stats={self.track_running_stats}")


class BatchNorm1d(_BatchNorm):
    """Batch normalisation over a 2-D ``(N, C)`` or 3-D ``(N, C, L)`` input, per channel ``C``:
    ``y = (x - mean) / sqrt(var + eps) * weight + bias``. In training the batch statistics are used and the
    running ones updated; in eval mode the running statistics are used.

    Args:
        num_features (int): ``C``.
        eps (float): added to the variance. Default: 1e-5.
        momentum (float): the running statistics' update factor. Default: 0.1.
        affine (bool): learn ``weight`` and ``bias``. Default: ``True``.
        track_running_stats (bool): keep running statistics. Default: ``True``.

    Shape:
        - Input: ``(N, C)`` or ``(N, C, L)``; Output: the same shape.

    Examples:
        >>> bn = nn.BatchNorm1d(3)
        >>> y = bn(fastgrad.randn(16, 3))
        >>> y.mean(dim=0).abs().max().item() < 1e-5
        True
    """

    def _check_input_dim(self, input):
        if input.dim() not in (2, 3):
            raise ValueError(f"expected 2D or 3D input (got {input.dim()}D input)")


class BatchNorm2d(_BatchNorm):
    def _check_input_dim(self, input):
        if input.dim() != 4:
            raise ValueError(f"expected 4D input (got {input.dim()}D input)")


class BatchNorm3d(_BatchNorm):
    def _check_input_dim(self, input):
        if input.dim() != 5:
            raise ValueError(f"expected 5D input (got {input.dim()}D input)")
