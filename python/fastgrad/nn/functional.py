"""torch.nn.functional for fastgrad, composed from the core's differentiable ops.

Each public function is the single entry point its module calls, so a fused C++ kernel (linear with bias,
log_softmax + nll) can replace the body without touching the modules.
"""
import warnings

import fastgrad as _fg

_REDUCTIONS = ("none", "mean", "sum")


def _reduce(loss, reduction):
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    if reduction == "none":
        return loss
    raise ValueError(f"{reduction} is not a valid value for reduction")


def _legacy_reduction(size_average, reduce, reduction):
    # torch's deprecated size_average/reduce flags, mapped exactly as torch's _Reduction does.
    if size_average is None and reduce is None:
        return reduction
    size_average = True if size_average is None else size_average
    reduce = True if reduce is None else reduce
    if size_average and reduce:
        return "mean"
    return "sum" if reduce else "none"


def _check_reduction(reduction):
    if reduction not in _REDUCTIONS:
        raise ValueError(f"{reduction} is not a valid value for reduction")


# ------------------------------------------------------------------ layers
# The core's fused linear (one GEMM with the bias folded in) when it has one.
def linear(input, weight, bias=None):
    """Applies ``input @ weight.T + bias`` (one fused call). See `nn.Linear`.

    Args:
        input (Tensor): ``(*, in_features)``.
        weight (Tensor): ``(out_features, in_features)``.
        bias (Tensor, optional): ``(out_features,)``.

    Shape:
        - Output: ``(*, out_features)``.

    Examples:
        >>> F.linear(fastgrad.ones(2, 3), fastgrad.ones(4, 3)).shape
        torch.Size([2, 4])
    """
    return _fg.linear(input, weight, bias)


def _check_dropout_p(p):
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")


def _dropout_impl(input, p, training, inplace, feature, alpha):
    """torch's CPU dropout family: noise from bernoulli_(1 - p) (one draw per element, or per
    (sample, channel) for the feature forms), scaled by 1/(1-p), or for alpha dropout the affine
    pair (a, b) that keeps SELU's mean and variance."""
    if not training or p == 0.0 or input.numel() == 0:
        return input
    if p == 1.0:
        return input.mul_(0.0) if inplace else input * 0.0
    if alpha:
        noise, shift = _fg._C._alpha_dropout_noise(input, p, feature)
        return input.mul_(noise).add_(shift) if inplace else (input * noise).add_(shift)
    noise = _fg._C._feature_dropout_noise(input, p) if feature else _fg._C._dropout_noise(input, p)
    return input.mul_(noise) if inplace else input * noise


def dropout(input, p=0.5, training=True, inplace=False):
    """Zeroes each element with probability ``p`` and scales the rest by ``1 / (1 - p)`` when ``training``;
    returns ``input`` otherwise. See `nn.Dropout`.

    Args:
        input (Tensor): the input.
        p (float): the probability of zeroing. Default: 0.5.
        training (bool): apply dropout. Default: ``True``.
        inplace (bool): overwrite ``input``. Default: ``False``.

    Examples:
        >>> F.dropout(fastgrad.ones(4), p=0.5, training=False)
        tensor([1., 1., 1., 1.])
    """
    _check_dropout_p(p)
    return _dropout_impl(input, p, training, inplace, feature=False, alpha=False)


def alpha_dropout(input, p=0.5, training=False, inplace=False):
    """Alpha dropout for SELU networks: drops elements with probability ``p`` while keeping the input's mean
    and variance (the dropped values are set to SELU's negative saturation, then an affine correction is applied).

    Args:
        input (Tensor): the input.
        p (float): the probability of dropping an element. Default: 0.5.
        training (bool): apply it. Default: ``False``.
        inplace (bool): overwrite ``input``. Default: ``False``.

    Examples:
        >>> F.alpha_dropout(fastgrad.ones(3), 0.5, training=False)
        tensor([1., 1., 1.])
    """
    _check_dropout_p(p)
    return _dropout_impl(input, p, training, inplace, feature=False, alpha=True)


def feature_alpha_dropout(input, p=0.5, training=False, inplace=False):
    """Alpha dropout of whole channels (one draw per sample and channel). See `alpha_dropout`.

    Args:
        input (Tensor): ``(N, C, *)``.
        p (float): the probability of dropping a channel. Default: 0.5.
        training (bool): apply it. Default: ``False``.
        inplace (bool): overwrite ``input``. Default: ``False``.
    """
    _check_dropout_p(p)
    return _dropout_impl(input, p, training, inplace, feature=True, alpha=True)


def _feature_dropout_unbatched(input, p, training, inplace, batched):
    # torch adds the batch dim, draws one value per channel, and removes the dim again
    if batched or not training or p == 0.0 or p == 1.0 or input.numel() == 0:
        return _dropout_impl(input, p, training, inplace, feature=True, alpha=False)
    noise = _fg._C._feature_dropout_noise(input.unsqueeze(0), p).squeeze(0)
    return input.mul_(noise) if inplace else input * noise


def dropout1d(input, p=0.5, training=True, inplace=False):
    """Zeroes whole channels of a ``(N, C, L)`` or ``(C, L)`` input with probability ``p`` (one draw per channel)
    and scales the rest by ``1 / (1 - p)``.

    Args:
        input (Tensor): ``(N, C, L)`` or ``(C, L)``.
        p (float): the probability of zeroing a channel. Default: 0.5.
        training (bool): apply it. Default: ``True``.
        inplace (bool): overwrite ``input``. Default: ``False``.

    Examples:
        >>> F.dropout1d(fastgrad.ones(2, 3, 4), 0.5).shape
        torch.Size([2, 3, 4])
    """
    _check_dropout_p(p)
    if input.dim() not in (2, 3):
        raise RuntimeError(f"dropout1d: Expected 2D or 3D input, but received a {input.dim()}D input. Note that "
                           "dropout1d exists to provide channel-wise dropout on inputs with 1 spatial dimension, a "
                           "channel dimension, and an optional batch dimension (i.e. 2D or 3D inputs).")
    return _feature_dropout_unbatched(input, p, training, inplace, input.dim() == 3)


def dropout2d(input, p=0.5, training=True, inplace=False):
    """Zeroes whole channels of a ``(N, C, H, W)`` or ``(C, H, W)`` input with probability ``p`` and scales the
    rest by ``1 / (1 - p)``.

    Args:
        input (Tensor): ``(N, C, H, W)`` or ``(C, H, W)``.
        p (float): the probability of zeroing a channel. Default: 0.5.
        training (bool): apply it. Default: ``True``.
        inplace (bool): overwrite ``input``. Default: ``False``.
    """
    _check_dropout_p(p)
    if input.dim() not in (3, 4):
        warnings.warn(f"dropout2d: Received a {input.dim()}-D input to dropout2d, which is deprecated and will "
                      "result in an error in a future release. To retain the behavior and silence this warning, "
                      "please use dropout instead. Note that dropout2d exists to provide channel-wise dropout on "
                      "inputs with 2 spatial dimensions, a channel dimension, and an optional batch dimension "
                      "(i.e. 3D or 4D inputs).", stacklevel=2)
    if input.dim() == 3:
        warnings.warn("dropout2d: Received a 3D input to dropout2d and assuming that channel-wise 1D dropout "
                      "behavior is desired - input is interpreted as shape (N, C, L), where C is the channel dim. "
                      "This behavior will change in a future release to interpret the input as one without a "
                      "batch dimension, i.e. shape (C, H, W). To maintain the 1D channel-wise dropout behavior, "
                      "please switch to using dropout1d instead.", stacklevel=2)
    return _dropout_impl(input, p, training, inplace, feature=True, alpha=False)


def dropout3d(input, p=0.5, training=True, inplace=False):
    """Zeroes whole channels of a ``(N, C, D, H, W)`` or ``(C, D, H, W)`` input with probability ``p`` and
    scales the rest by ``1 / (1 - p)``.

    Args:
        input (Tensor): ``(N, C, D, H, W)`` or ``(C, D, H, W)``.
        p (float): the probability of zeroing a channel. Default: 0.5.
        training (bool): apply it. Default: ``True``.
        inplace (bool): overwrite ``input``. Default: ``False``.
    """
    _check_dropout_p(p)
    if input.dim() not in (4, 5):
        warnings.warn(f"dropout3d: Received a {input.dim()}-D input to dropout3d, which is deprecated and will "
                      "result in an error in a future release. To retain the behavior and silence this warning, "
                      "please use dropout instead. Note that dropout3d exists to provide channel-wise dropout on "
                      "inputs with 3 spatial dimensions, a channel dimension, and an optional batch dimension "
                      "(i.e. 4D or 5D inputs).", stacklevel=2)
    return _feature_dropout_unbatched(input, p, training, inplace, input.dim() == 5)


def one_hot(tensor, num_classes=-1):
    """Returns the one-hot encoding of an int64 tensor: a new last dimension of size ``num_classes`` with a
    1 at each value's index.

    Args:
        tensor (Tensor): int64 class indices.
        num_classes (int): the number of classes; -1 means ``tensor.max() + 1``. Default: -1.

    Shape:
        - Input: ``(*)``; Output: ``(*, num_classes)``, int64.

    Examples:
        >>> F.one_hot(fastgrad.tensor([0, 2, 1]), 3)
        tensor([[1, 0, 0],
                [0, 0, 1],
                [0, 1, 0]])
    """
    if tensor.dtype != _fg.int64:
        raise RuntimeError("one_hot is only applicable to index tensor of type LongTensor.")
    if num_classes == -1:
        if tensor.numel() == 0:
            raise RuntimeError("Can not infer total number of classes from empty tensor.")
        num_classes = int(tensor.max().item()) + 1
    if tensor.numel() > 0:
        if int(tensor.min().item()) < 0:
            raise RuntimeError("Class values must be non-negative.")
        if int(tensor.max().item()) >= num_classes:
            raise RuntimeError("Class values must be smaller than num_classes.")
    classes = _fg.arange(num_classes)
    return (tensor.unsqueeze(-1) == classes).long()


def embedding(input, weight, padding_idx=None):
    """Looks up rows of ``weight`` at the indices in ``input``. See `nn.Embedding`.

    Args:
        input (Tensor): int64 indices, ``(*)``.
        weight (Tensor): the table, ``(num_embeddings, embedding_dim)``.
        padding_idx (int, optional): a row that gets no gradient.

    Shape:
        - Output: ``(*, embedding_dim)``.

    Examples:
        >>> F.embedding(fastgrad.tensor([1, 0]), fastgrad.tensor([[0.0, 0.0], [1.0, 2.0]]))
        tensor([[1., 2.],
                [0., 0.]])
    """
    if padding_idx is not None and padding_idx < 0:
        padding_idx += weight.shape[0]
    # one node, as torch's: the padding row's value shows, but it gets no gradient
    return _fg._C._embedding(weight, input, padding_idx)


# ------------------------------------------------------------- activations
def relu(input, inplace=False):
    """Applies ``max(0, x)`` element-wise. See `nn.ReLU`.

    Args:
        input (Tensor): the input.
        inplace (bool): overwrite ``input``. Default: ``False``.

    Examples:
        >>> F.relu(fastgrad.tensor([-1.0, 2.0]))
        tensor([0., 2.])
    """
    return input.relu_() if inplace else _fg.relu(input)


def leaky_relu(input, negative_slope=0.01, inplace=False):
    """Applies ``max(0, x) + negative_slope * min(0, x)`` element-wise. See `nn.LeakyReLU`.

    Args:
        input (Tensor): the input.
        negative_slope (float): Default: 0.01.
        inplace (bool): overwrite ``input``. Default: ``False``.

    Examples:
        >>> F.leaky_relu(fastgrad.tensor([-1.0, 2.0]), 0.5)
        tensor([-0.5000,  2.0000])
    """
    return _fg.leaky_relu_(input, negative_slope) if inplace else _fg.leaky_relu(input, negative_slope)


def sigmoid(input):
    """Applies ``1 / (1 + exp(-x))`` element-wise. See `nn.Sigmoid`.

    Args:
        input (Tensor): the input.

    Examples:
        >>> F.sigmoid(fastgrad.tensor([0.0]))
        tensor([0.5000])
    """
    return _fg.sigmoid(input)


def tanh(input):
    """Applies the hyperbolic tangent element-wise. See `nn.Tanh`.

    Args:
        input (Tensor): the input.

    Examples:
        >>> F.tanh(fastgrad.tensor([0.0]))
        tensor([0.])
    """
    return _fg.tanh(input)


def gelu(input, approximate="none"):
    """Applies the Gaussian Error Linear Unit element-wise. See `nn.GELU`.

    Args:
        input (Tensor): the input.
        approximate (str): ``'none'`` or ``'tanh'``. Default: ``'none'``.

    Examples:
        >>> F.gelu(fastgrad.tensor([1.0]), approximate="tanh")
        tensor([0.8412])
    """
    if approximate not in ("none", "tanh"):
        raise ValueError(f"approximate argument must be either none or tanh, got {approximate}")
    return _fg.gelu(input, approximate=approximate)


def softplus(input, beta=1.0, threshold=20.0):
    """Applies ``1 / beta * log(1 + exp(beta * x))`` element-wise. See `nn.Softplus`.

    Args:
        input (Tensor): the input.
        beta (float): Default: 1.
        threshold (float): above ``beta * x > threshold`` the result is ``x``. Default: 20.

    Examples:
        >>> F.softplus(fastgrad.tensor([0.0, 30.0]))
        tensor([ 0.6931, 30.0000])
    """
    return _fg.softplus(input, beta, threshold)


def logsigmoid(input):
    # log(sigmoid(x)) = -softplus(-x). A threshold of 40 makes softplus exact to rounding in float32 and
    # float64 (exp(-40) is below half an ulp of 40) while exp(40) still fits in float32.
    """Applies ``log(sigmoid(x))`` element-wise, computed stably (``-softplus(-x)``).

    Args:
        input (Tensor): the input.

    Examples:
        >>> F.logsigmoid(fastgrad.tensor([0.0, -200.0]))
        tensor([  -0.6931, -200.0000])
    """
    return -_fg.softplus(-input, 1.0, 40.0)


# the in-place forms torch.nn.functional has as functions
elu_ = _fg.elu_
celu_ = _fg.celu_
leaky_relu_ = _fg.leaky_relu_
hardtanh_ = _fg.hardtanh_
threshold_ = _fg.threshold_
relu_ = _fg.relu_
selu_ = _fg.selu_


def elu(input, alpha=1.0, inplace=False):
    """Applies ELU element-wise. See `nn.ELU` and `fastgrad.elu`; ``inplace=True`` writes into ``input``."""
    return _fg.elu_(input, alpha) if inplace else _fg.elu(input, alpha)


def selu(input, inplace=False):
    """Applies SELU element-wise. See `nn.SELU`; ``inplace=True`` writes into ``input``."""
    return input.selu_() if inplace else _fg.selu(input)


def celu(input, alpha=1.0, inplace=False):
    """Applies CELU element-wise. See `nn.CELU`; ``inplace=True`` writes into ``input``."""
    return _fg.celu_(input, alpha) if inplace else _fg.celu(input, alpha)


def silu(input, inplace=False):
    """Applies ``x * sigmoid(x)`` element-wise. See `nn.SiLU`; ``inplace=True`` writes into ``input``."""
    return input.silu_() if inplace else _fg.silu(input)


def mish(input, inplace=False):
    """Applies ``x * tanh(softplus(x))`` element-wise. See `nn.Mish`; ``inplace=True`` writes into ``input``."""
    return input.mish_() if inplace else _fg.mish(input)


def hardsigmoid(input, inplace=False):
    """Applies ``min(max(x + 3, 0), 6) / 6`` element-wise. See `nn.Hardsigmoid`."""
    return input.hardsigmoid_() if inplace else _fg.hardsigmoid(input)


def hardswish(input, inplace=False):
    """Applies ``x * min(max(x + 3, 0), 6) / 6`` element-wise. See `nn.Hardswish`."""
    return input.hardswish_() if inplace else _fg.hardswish(input)


def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):
    """Clamps to ``[min_val, max_val]``. See `nn.Hardtanh`; ``inplace=True`` writes into ``input``."""
    return _fg.hardtanh_(input, min_val, max_val) if inplace else _fg.hardtanh(input, min_val, max_val)


def relu6(input, inplace=False):
    """Clamps to ``[0, 6]``. See `nn.ReLU6`; ``inplace=True`` writes into ``input``."""
    return _fg.hardtanh_(input, 0.0, 6.0) if inplace else _fg.hardtanh(input, 0.0, 6.0)


def softsign(input):
    """Applies ``x / (1 + |x|)`` element-wise. See `nn.Softsign`."""
    return _fg.softsign(input)


def tanhshrink(input):
    """Applies ``x - tanh(x)`` element-wise. See `nn.Tanhshrink`."""
    return _fg.tanhshrink(input)


def softshrink(input, lambd=0.5):
    """Shrinks towards zero by ``lambd``. See `nn.Softshrink`."""
    return _fg.softshrink(input, lambd)


def hardshrink(input, lambd=0.5):
    """Zeroes the elements in ``[-lambd, lambd]``. See `nn.Hardshrink`."""
    return _fg.hardshrink(input, lambd)


def threshold(input, threshold, value, inplace=False):
    """Replaces the elements ``<= threshold`` by ``value``. See `nn.Threshold`; ``inplace=True`` writes into
    ``input``."""
    return _fg.threshold_(input, threshold, value) if inplace else _fg.threshold(input, threshold, value)


def glu(input, dim=-1):
    """The gated linear unit ``a * sigmoid(b)`` of the two halves of ``dim``. See `nn.GLU`."""
    return _fg.glu(input, dim)


def prelu(input, weight):
    """``x`` where positive, else ``weight * x``. See `nn.PReLU`."""
    return _fg.prelu(input, weight)


def _softmax_dim(ndim):
    warnings.warn("Implicit dimension choice for softmax has been deprecated. "
                  "Change the call to include dim=X as an argument.", stacklevel=3)
    return 0 if ndim in (0, 1, 3) else 1


def softmax(input, dim=None, _stacklevel=3, dtype=None):
    """Applies softmax along ``dim``. See `nn.Softmax`.

    Args:
        input (Tensor): the input.
        dim (int): the dimension to normalise over.
        dtype (fastgrad.dtype, optional): cast ``input`` to this dtype first.

    Examples:
        >>> F.softmax(fastgrad.tensor([0.0, 0.0]), dim=0)
        tensor([0.5000, 0.5000])
    """
    if dim is None:
        dim = _softmax_dim(input.dim())
    if dtype is not None:
        input = input.to(dtype)
    return _fg.softmax(input, dim)


def log_softmax(input, dim=None, _stacklevel=3, dtype=None):
    """Applies ``log(softmax(x))`` along ``dim``, stably. See `nn.LogSoftmax`.

    Args:
        input (Tensor): the input.
        dim (int): the dimension to normalise over.
        dtype (fastgrad.dtype, optional): cast ``input`` to this dtype first.

    Examples:
        >>> F.log_softmax(fastgrad.tensor([0.0, 0.0]), dim=0)
        tensor([-0.6931, -0.6931])
    """
    if dim is None:
        dim = _softmax_dim(input.dim())
    if dtype is not None:
        input = input.to(dtype)
    return _fg.log_softmax(input, dim)


# ----------------------------------------------------------- normalization
def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-5):
    # one C++ node (NativeLayerNormBackward0) with fused forward and backward kernels
    """Layer normalisation over the trailing ``normalized_shape`` dimensions. See `nn.LayerNorm`.

    Args:
        input (Tensor): ``(N, *)``.
        normalized_shape (tuple of ints): the trailing shape to normalise over.
        weight (Tensor, optional): the scale, shaped ``normalized_shape``.
        bias (Tensor, optional): the shift, shaped ``normalized_shape``.
        eps (float): added to the variance. Default: 1e-5.

    Examples:
        >>> F.layer_norm(fastgrad.tensor([[1.0, 3.0]]), (2,))
        tensor([[-1.0000,  1.0000]])
    """
    return _fg._C._layer_norm(input, normalized_shape, weight, bias, eps)


def batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False,
               momentum=0.1, eps=1e-5):
    """Batch normalisation with the batch's statistics (``training=True``, updating ``running_mean`` and
    ``running_var`` in place) or with the running ones. See `nn.BatchNorm1d`.

    Args:
        input (Tensor): ``(N, C)`` or ``(N, C, L)``.
        running_mean (Tensor or None): ``(C,)``.
        running_var (Tensor or None): ``(C,)``.
        weight (Tensor, optional): ``(C,)``.
        bias (Tensor, optional): ``(C,)``.
        training (bool): use batch statistics. Default: ``False``.
        momentum (float): the running statistics' update factor. Default: 0.1.
        eps (float): added to the variance. Default: 1e-5.

    Examples:
        >>> F.batch_norm(fastgrad.tensor([[1.0], [3.0]]), None, None, training=True)
        tensor([[-1.0000],
                [ 1.0000]])
    """
    if training:
        # torch checks this in Python too (its _verify_batch_size)
        size = tuple(input.shape)
        per_channel = size[0] if len(size) else 0
        for s in size[2:]:
            per_channel *= s
        if per_channel == 1:
            raise ValueError(f"Expected more than 1 value per channel when training, got input size {list(size)}")
    # one C++ node (NativeBatchNormBackward0); running stats are updated in place by the core
    return _fg._C._batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)


# ------------------------------------------------------------------- losses
def mse_loss(input, target, size_average=None, reduce=None, reduction="mean", weight=None):
    """Mean squared error. See `nn.MSELoss`.

    Args:
        input (Tensor): the prediction.
        target (Tensor): the target, same shape.
        reduction (str): ``'none'``: no reduction, ``'mean'`` (default): the mean, ``'sum'``: the sum.

    Examples:
        >>> F.mse_loss(fastgrad.tensor([1.0, 3.0]), fastgrad.tensor([1.0, 1.0]))
        tensor(2.)
    """
    reduction = _legacy_reduction(size_average, reduce, reduction)
    _check_reduction(reduction)
    _warn_broadcast(input, target)
    if weight is None:
        return _fg._C._mse_loss(input, target, reduction)  # one node, MseLossBackward0 as torch's
    diff = input - target
    return _reduce(diff * diff * weight, reduction)


def l1_loss(input, target, size_average=None, reduce=None, reduction="mean", weight=None):
    """Mean absolute error. See `nn.L1Loss`.

    Args:
        input (Tensor): the prediction.
        target (Tensor): the target, same shape.
        reduction (str): ``'none'``: no reduction, ``'mean'`` (default): the mean, ``'sum'``: the sum.

    Examples:
        >>> F.l1_loss(fastgrad.tensor([1.0, 3.0]), fastgrad.tensor([1.0, 1.0]))
        tensor(1.)
    """
    reduction = _legacy_reduction(size_average, reduce, reduction)
    _check_reduction(reduction)
    _warn_broadcast(input, target)
    loss = _fg.abs(input - target)
    if weight is not None:
        loss = loss * weight
    return _reduce(loss, reduction)


def smooth_l1_loss(input, target, size_average=None, reduce=None, reduction="mean", beta=1.0):
    """Smooth L1 loss. See `nn.SmoothL1Loss`.

    Args:
        input (Tensor): the prediction.
        target (Tensor): the target, same shape.
        reduction (str): ``'none'``: no reduction, ``'mean'`` (default): the mean, ``'sum'``: the sum.
        beta (float): Default: 1.

    Examples:
        >>> F.smooth_l1_loss(fastgrad.tensor([0.5, 3.0]), fastgrad.tensor([0.0, 0.0]))
        tensor(1.3125)
    """
    reduction = _legacy_reduction(size_average, reduce, reduction)
    _check_reduction(reduction)
    if beta < 0:
        raise RuntimeError("smooth_l1_loss does not support negative values for beta.")
    _warn_broadcast(input, target)
    if beta == 0.0:
        return l1_loss(input, target, reduction=reduction)
    diff = _fg.abs(input - target)
    loss = _fg.where(diff < beta, (0.5 / beta) * diff * diff, diff - 0.5 * beta)
    return _reduce(loss, reduction)


def huber_loss(input, target, reduction="mean", delta=1.0, weight=None):
    """Huber loss. See `nn.HuberLoss`.

    Args:
        input (Tensor): the prediction.
        target (Tensor): the target, same shape.
        reduction (str): ``'none'``: no reduction, ``'mean'`` (default): the mean, ``'sum'``: the sum.
        delta (float): Default: 1.

    Examples:
        >>> F.huber_loss(fastgrad.tensor([0.5, 3.0]), fastgrad.tensor([0.0, 0.0]))
        tensor(1.3125)
    """
    _check_reduction(reduction)
    if delta <= 0:
        raise RuntimeError("huber_loss does not support non-positive values for delta.")
    _warn_broadcast(input, target)
    diff = _fg.abs(input - target)
    loss = _fg.where(diff < delta, 0.5 * diff * diff, delta * (diff - 0.5 * delta))
    if weight is not None:
        loss = loss * weight
    return _reduce(loss, reduction)


def _warn_broadcast(input, target):
    if tuple(target.shape) != tuple(input.shape):
        warnings.warn(f"Using a target size ({tuple(target.shape)}) that is different to the input size "
                      f"({tuple(input.shape)}). This will likely lead to incorrect results due to "
                      "broadcasting. Please ensure they have the same size.", stacklevel=3)


def nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
             reduction="mean"):
    """Negative log-likelihood loss on log-probabilities. See `nn.NLLLoss`.

    Args:
        input (Tensor): ``(N, C)`` log-probabilities.
        target (Tensor): ``(N,)`` int64 class indices.
        weight (Tensor, optional): a weight per class.
        ignore_index (int): a target value to skip. Default: -100.
        reduction (str): ``'none'``: no reduction, ``'mean'`` (default): the mean, ``'sum'``: the sum.

    Examples:
        >>> F.nll_loss(fastgrad.tensor([[-0.1, -2.0]]), fastgrad.tensor([0]))
        tensor(0.1000)
    """
    reduction = _legacy_reduction(size_average, reduce, reduction)
    _check_reduction(reduction)
    if input.dim() == 1:
        # Unbatched: (C,) scores with a 0-d target.
        out = nll_loss(input.unsqueeze(0), target.reshape(1), weight, ignore_index=ignore_index,
                       reduction=reduction)
        return out.reshape(()) if reduction == "none" else out
    if target.dim() == 0 or target.shape[0] != input.shape[0]:
        raise ValueError(f"Expected input batch_size ({input.shape[0]}) to match target batch_size "
                         f"({target.shape[0] if target.dim() else 0}).")
    if target.dim() != input.dim() - 1 or tuple(target.shape[1:]) != tuple(input.shape[2:]):
        raise RuntimeError(f"Expected target of shape {list(input.shape[:1]) + list(input.shape[2:])} for "
                           f"input of shape {list(input.shape)}, got {list(target.shape)}")
    if target.dtype != _fg.int64:
        raise RuntimeError(f"expected scalar type Long but found {target.dtype}")
    n_classes = input.shape[1]
    if weight is None and reduction != "none" and not 0 <= ignore_index < n_classes:
        # Fast path for the common call: an ignored target is out of range here, so gather fails on it
        # and we fall through to the masked computation below; otherwise no mask is needed at all.
        try:
            picked = _fg.gather(input, 1, target.unsqueeze(1))
        except (IndexError, RuntimeError):
            picked = None
        if picked is not None:
            return -picked.mean() if reduction == "mean" else -picked.sum()
    ignored = target == ignore_index
    safe_target = _fg.where(ignored, _fg.zeros_like(target), target)
    try:
        picked = _fg.gather(input, 1, safe_target.unsqueeze(1)).squeeze(1)
    except (IndexError, RuntimeError):
        # Only on failure: find the offending class id for torch's message (no extra pass otherwise).
        bad = [t for t in safe_target.reshape(-1).tolist() if t < 0 or t >= n_classes]
        raise IndexError(f"Target {bad[0] if bad else '?'} is out of bounds.") from None
    if weight is not None:
        w = _fg.index_select(weight, 0, safe_target.reshape(-1)).reshape(tuple(target.shape))
        w = _fg.where(ignored, _fg.zeros_like(w), w)
    else:
        w = 1.0 - ignored.to(input.dtype)
    loss = -picked * w
    if reduction == "none":
        return loss
    if reduction == "sum":
        return loss.sum()
    return loss.sum() / w.sum()


def cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
                  reduction="mean", label_smoothing=0.0):
    # class indices (any shape), class probabilities and label smoothing all live in the core;
    # the common (N, C) call with int64 targets is one fused node there
    """Cross-entropy between logits and class indices or class probabilities, with a fused, stable
    log-softmax. See `nn.CrossEntropyLoss`.

    Args:
        input (Tensor): ``(N, C)`` logits (or ``(C,)``, or ``(N, C, d1, ...)``).
        target (Tensor): ``(N,)`` int64 class indices, or probabilities shaped like ``input``.
        weight (Tensor, optional): a weight per class.
        ignore_index (int): a target value to skip. Default: -100.
        reduction (str): ``'none'``: no reduction, ``'mean'`` (default): the mean, ``'sum'``: the sum.
        label_smoothing (float): Default: 0.

    Examples:
        >>> F.cross_entropy(fastgrad.tensor([[2.0, 0.0, 0.0]]), fastgrad.tensor([0]))
        tensor(0.2395)
    """
    reduction = _legacy_reduction(size_average, reduce, reduction)
    return _fg._C._cross_entropy(input, target, weight, ignore_index, reduction, label_smoothing)


def binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None, reduction="mean"):
    """Binary cross-entropy on probabilities. See `nn.BCELoss`.

    Args:
        input (Tensor): probabilities in [0, 1].
        target (Tensor): targets in [0, 1], same shape.
        weight (Tensor, optional): broadcast against the loss.
        reduction (str): ``'none'``: no reduction, ``'mean'`` (default): the mean, ``'sum'``: the sum.

    Examples:
        >>> F.binary_cross_entropy(fastgrad.tensor([0.5]), fastgrad.tensor([1.0]))
        tensor(0.6931)
    """
    reduction = _legacy_reduction(size_average, reduce, reduction)
    _check_reduction(reduction)
    if tuple(target.shape) != tuple(input.shape):
        raise ValueError(f"Using a target size ({tuple(target.shape)}) that is different to the input size "
                         f"({tuple(input.shape)}) is deprecated. Please ensure they have the same size.")
    # one C++ node with torch's backward formula (finite at p = 0 and 1) and its log clamp at -100
    return _fg._C._binary_cross_entropy(input, target, weight, reduction)


def binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None,
                                     reduction="mean", pos_weight=None):
    """Binary cross-entropy on logits, stably. See `nn.BCEWithLogitsLoss`.

    Args:
        input (Tensor): logits.
        target (Tensor): targets in [0, 1], same shape.
        weight (Tensor, optional): broadcast against the loss.
        reduction (str): ``'none'``: no reduction, ``'mean'`` (default): the mean, ``'sum'``: the sum.
        pos_weight (Tensor, optional): a weight for positive examples.

    Examples:
        >>> F.binary_cross_entropy_with_logits(fastgrad.tensor([0.0]), fastgrad.tensor([1.0]))
        tensor(0.6931)
    """
    reduction = _legacy_reduction(size_average, reduce, reduction)
    _check_reduction(reduction)
    if tuple(target.shape) != tuple(input.shape):
        raise ValueError(f"Target size ({tuple(target.shape)}) must be the same as input size "
                         f"({tuple(input.shape)})")
    # torch's form: (1 - t) * x - w_log * logsigmoid(x), with w_log = 1 + (pos_weight - 1) * t.
    log_sig = logsigmoid(input)
    if pos_weight is not None:
        log_sig = log_sig * ((pos_weight - 1) * target + 1)
    loss = (1 - target) * input - log_sig
    if weight is not None:
        loss = loss * weight
    return _reduce(loss, reduction)


# the distances, remaining losses and padding live in their own files; they are part of this namespace
from ._f_distance import bilinear, cosine_similarity, normalize, pairwise_distance, pdist  # noqa: E402
from ._f_losses import (cosine_embedding_loss, gaussian_nll_loss, kl_div, margin_ranking_loss,  # noqa: E402
                        poisson_nll_loss, triplet_margin_loss)
from ._f_pad import pad  # noqa: E402
from ._f_more import (channel_shuffle, hinge_embedding_loss, multi_margin_loss,  # noqa: E402
                      multilabel_soft_margin_loss, pixel_shuffle, pixel_unshuffle, rms_norm, soft_margin_loss, softmin)
from ._f_interpolate import interpolate, upsample  # noqa: E402
