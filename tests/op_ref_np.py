"""numpy references of the ops in tests/op_db.py, written from torch's documented formulas.

Each function takes the arguments of an op_db sample with numpy arrays in place of tensors and returns
an array (or a tuple of arrays, as the op returns a tuple). They let the per-op tests check values where
torch is not installed; where it is, the same samples are also compared with torch itself. Written for
clarity, not speed: math.erf is vectorised per element, nll_loss gathers with take_along_axis.
"""
import math

import numpy as np

_erf = np.vectorize(math.erf, otypes=[np.float64])


def erf(x):
    return _erf(x).astype(np.asarray(x).dtype, copy=False)


_erfc = np.vectorize(math.erfc, otypes=[np.float64])


def erfc(x):
    return _erfc(x).astype(np.asarray(x).dtype, copy=False)


def _quiet(fn):
    """Overflow to inf, 0 * inf = nan and so on are the expected IEEE results here, not warnings."""
    def wrapped(*a, **k):
        with np.errstate(all="ignore"):
            return fn(*a, **k)
    wrapped.__name__ = fn.__name__
    return wrapped


# ---------------------------------------------------------------- elementwise
@_quiet
def add(a, b, alpha=1):
    return a + alpha * b if alpha != 1 else a + b


@_quiet
def sub(a, b, alpha=1):
    return a - alpha * b if alpha != 1 else a - b


@_quiet
def sigmoid(x):
    x = np.asarray(x)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e)).astype(x.dtype, copy=False)


@_quiet
def rsqrt(x):
    return 1 / np.sqrt(x)


@_quiet
def reciprocal(x):
    return 1 / np.asarray(x)


@_quiet
def relu(x):
    return np.maximum(x, 0).astype(np.asarray(x).dtype, copy=False)


@_quiet
def leaky_relu(x, negative_slope=0.01):
    x = np.asarray(x)
    return np.where(x > 0, x, x * x.dtype.type(negative_slope))


@_quiet
def gelu(x, approximate="none"):
    x = np.asarray(x, dtype=np.float64)
    if approximate == "tanh":
        return 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x ** 3)))
    return 0.5 * x * (1 + _erf(x / math.sqrt(2)))


@_quiet
def softplus(x, beta=1.0, threshold=20.0):
    x = np.asarray(x, dtype=np.float64)
    return np.where(x * beta > threshold, x, np.log1p(np.exp(beta * x)) / beta)


@_quiet
def logsigmoid(x):
    return -np.logaddexp(0, -np.asarray(x))


def clamp(x, min=None, max=None):  # noqa: A002 - torch's keyword names
    out = np.asarray(x)
    if min is not None:
        out = np.maximum(out, min)
    if max is not None:
        out = np.minimum(out, max)
    return out


def round_(x, decimals=0):
    return np.round(x, decimals)


@_quiet
def div(a, b, rounding_mode=None):
    if rounding_mode == "floor":
        return np.floor_divide(a, b)
    if rounding_mode == "trunc":
        if np.result_type(a, b).kind in "iu":  # exact integer truncation, not through a float quotient
            q = np.floor_divide(a, b)
            return q + ((np.remainder(a, b) != 0) & ((np.asarray(a) < 0) != (np.asarray(b) < 0)))
        return np.trunc(np.true_divide(a, b))
    return np.true_divide(a, b)


@_quiet
def remainder(a, b):
    """torch's remainder: fmod, moved into the divisor's sign; a zero keeps fmod's sign (numpy's
    np.remainder gives a zero the divisor's sign)."""
    r = np.fmod(a, b)
    return np.where((r != 0) & ((r < 0) != (np.asarray(b) < 0)), r + b, r).astype(r.dtype, copy=False)


@_quiet
def fmod(a, b):
    return np.fmod(a, b)


@_quiet
def floor_divide(a, b):
    return np.floor_divide(a, b)


def where(c, a, b):
    return np.where(c, a, b)


def masked_fill(x, mask, value):
    return np.where(mask, value, x)


# ---------------------------------------------------------------- reductions
def _axis(dim):
    if dim is None or dim == ():
        return None
    return tuple(dim) if isinstance(dim, (tuple, list)) else dim


def sum_(x, dim=None, keepdim=False):
    return np.sum(x, axis=_axis(dim), keepdims=keepdim)


def mean(x, dim=None, keepdim=False):
    return np.mean(x, axis=_axis(dim), keepdims=keepdim)


def _ddof(unbiased, correction):
    return correction if correction is not None else (1 if unbiased else 0)


def var(x, dim=None, unbiased=True, keepdim=False, *, correction=None):
    return np.var(x, axis=_axis(dim), ddof=_ddof(unbiased, correction), keepdims=keepdim)


def std(x, dim=None, unbiased=True, keepdim=False, *, correction=None):
    return np.std(x, axis=_axis(dim), ddof=_ddof(unbiased, correction), keepdims=keepdim)


def amax(x, dim=(), keepdim=False):
    return np.amax(x, axis=_axis(dim), keepdims=keepdim)


def amin(x, dim=(), keepdim=False):
    return np.amin(x, axis=_axis(dim), keepdims=keepdim)


def _extreme_dim(x, dim, keepdim, pick, arg):
    if x.ndim == 0:
        return x.copy(), np.array(0)
    return pick(x, axis=dim, keepdims=keepdim), arg(x, axis=dim, keepdims=keepdim)


def max_(x, dim=None, keepdim=False):
    return np.max(x) if dim is None else _extreme_dim(x, dim, keepdim, np.max, np.argmax)


def min_(x, dim=None, keepdim=False):
    return np.min(x) if dim is None else _extreme_dim(x, dim, keepdim, np.min, np.argmin)


def logsumexp(x, dim, keepdim=False):
    x = np.asarray(x)
    if x.ndim == 0:
        return x.copy()
    axis = _axis(dim)
    m = np.amax(x, axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, 0)
    out = np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True)) + m
    return out if keepdim else np.squeeze(out, axis=axis)


def prod(x, dim=None, keepdim=False):
    return np.prod(x, axis=_axis(dim), keepdims=keepdim)


def _scan(fn):
    def scan(x, dim, dtype=None):
        return np.array(x, copy=True) if np.ndim(x) == 0 else fn(x, axis=dim)
    return scan


cumsum = _scan(np.cumsum)
cumprod = _scan(np.cumprod)


@_quiet
def log_softmax(x, dim, dtype=None):
    # as torch's kernel: shift by the row max, so a row holding +inf or only -inf gives nan
    x = np.asarray(x)
    if x.ndim == 0:
        return np.zeros_like(x)
    shifted = x - np.amax(x, axis=dim, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=dim, keepdims=True))


def softmax(x, dim, dtype=None):
    return np.exp(log_softmax(x, dim))


def norm(x, p="fro", dim=None, keepdim=False):
    a = np.abs(x)
    axis = _axis(dim)
    if p == "fro":
        p = 2
    if p == float("inf"):
        return np.amax(a, axis=axis, keepdims=keepdim)
    if p == float("-inf"):
        return np.amin(a, axis=axis, keepdims=keepdim)
    return np.sum(a ** p, axis=axis, keepdims=keepdim) ** (1.0 / p)


# ---------------------------------------------------------------- linear algebra, indexing, joining
def linear(x, w, b=None):
    y = np.matmul(x, np.swapaxes(w, -1, -2))
    return y if b is None else y + b


def gather(x, dim, index):
    # torch reads only the leading index.shape part of the other dims
    lead = tuple(slice(None) if d == dim % x.ndim else slice(0, n) for d, n in enumerate(index.shape))
    return np.take_along_axis(x[lead], index, axis=dim)


def index_select(x, dim, index):
    return np.take(x, np.atleast_1d(index), axis=dim)


def scatter_add(x, dim, index, src):
    out = np.array(x, copy=True)
    where_ = list(np.indices(index.shape))
    where_[dim % x.ndim] = index
    np.add.at(out, tuple(where_), src[tuple(slice(0, n) for n in index.shape)])
    return out


def index_add(x, dim, index, src, alpha=1.0):
    shape = np.shape(x)
    x, index, src = _as_1d(x, index, src)
    out = np.array(x, copy=True)
    np.add.at(np.moveaxis(out, dim, 0), index, alpha * np.moveaxis(src, dim, 0))
    return out.reshape(shape)


def _scatter_where(x, dim, index):
    where_ = list(np.indices(index.shape))
    where_[dim % max(x.ndim, 1)] = index
    return tuple(where_)


def _as_1d(*arrays):  # torch reads a 0-d tensor as 1-d of size 1 in these ops
    return [None if a is None else np.atleast_1d(a) for a in arrays]


def scatter(x, dim, index, src=None, value=None, reduce=None):
    shape = np.shape(x)
    x, index, src = _as_1d(x, index, src)
    out = np.array(x, copy=True)
    where_ = _scatter_where(x, dim, index)
    vals = np.broadcast_to(value, index.shape) if src is None else src[tuple(slice(0, n) for n in index.shape)]
    if reduce == "add":
        np.add.at(out, where_, vals)
    elif reduce == "multiply":
        np.multiply.at(out, where_, vals)
    else:
        for pos in np.ndindex(*index.shape):  # in order: a repeated index keeps the last value, as torch's CPU loop
            out[tuple(w[pos] for w in where_)] = vals[pos]
    return out.reshape(shape)


def scatter_reduce(x, dim, index, src, reduce, include_self=True):
    out = np.array(x, copy=True)
    where_ = _scatter_where(x, dim, index)
    vals = src[tuple(slice(0, n) for n in index.shape)]
    ufunc = {"sum": np.add, "mean": np.add, "prod": np.multiply, "amax": np.maximum, "amin": np.minimum}[reduce]
    hit = np.zeros(x.shape, dtype=bool)
    hit[where_] = True
    if not include_self:
        start = {"sum": 0, "mean": 0, "prod": 1, "amax": -np.inf, "amin": np.inf}[reduce]
        out[hit] = start
    ufunc.at(out, where_, vals)
    if reduce == "mean":
        count = np.ones(x.shape) if include_self else np.zeros(x.shape)
        np.add.at(count, where_, 1)
        out = out / np.maximum(count, 1)
    return out


def index_copy(x, dim, index, src):
    shape = np.shape(x)
    x, index, src = _as_1d(x, index, src)
    out = np.array(x, copy=True)
    for k, i in enumerate(index):  # in order: a repeated index keeps the last slice
        np.moveaxis(out, dim, 0)[i] = np.moveaxis(src, dim, 0)[k]
    return out.reshape(shape)


def index_fill(x, dim, index, value):
    shape = np.shape(x)
    x, index = _as_1d(x, index)
    out = np.array(x, copy=True)
    np.moveaxis(out, dim, 0)[index] = value
    return out.reshape(shape)


def index_put(x, indices, values, accumulate=False):
    out = np.array(x, copy=True)
    if accumulate:
        np.add.at(out, tuple(indices), values)
    else:
        out[tuple(indices)] = values
    return out


def masked_scatter(x, mask, source):
    out = np.array(np.broadcast_to(x, np.broadcast_shapes(x.shape, mask.shape)), copy=True)
    m = np.broadcast_to(mask, out.shape)
    out[m] = source.reshape(-1)[:int(m.sum())]
    return out


def cat(tensors, dim=0):
    return np.concatenate(tensors, axis=dim)


def stack(tensors, dim=0):
    return np.stack(tensors, axis=dim)


# ---------------------------------------------------------------- views and shape
def t(x):
    return np.swapaxes(x, 0, 1) if np.ndim(x) == 2 else np.asarray(x)


def squeeze(x, dim=None):
    if dim is None:
        return np.squeeze(x)
    dims = dim if isinstance(dim, (tuple, list)) else (dim,)
    if np.ndim(x) == 0:
        return np.asarray(x)
    ones = tuple(d % x.ndim for d in dims if x.shape[d] == 1)  # torch leaves a non-1 dim alone
    return np.squeeze(x, axis=ones)


def flatten(x, start_dim=0, end_dim=-1):
    if np.ndim(x) == 0:
        return np.reshape(x, (1,))
    s, e = start_dim % x.ndim, end_dim % x.ndim
    return np.reshape(x, x.shape[:s] + (-1,) + x.shape[e + 1:])


def narrow(x, dim, start, length):
    return np.take(x, np.arange(start, start + length), axis=dim)


def split(x, split_size_or_sections, dim=0):
    n = x.shape[dim]
    if isinstance(split_size_or_sections, int):
        if n == 0:  # torch: one empty piece, whatever the size
            return (np.array(x, copy=True),)
        sizes = [split_size_or_sections] * (n // split_size_or_sections)
        if n % split_size_or_sections:
            sizes.append(n % split_size_or_sections)
    else:
        sizes = list(split_size_or_sections)
    return tuple(np.split(x, np.cumsum(sizes)[:-1], axis=dim))


def chunk(x, chunks, dim=0):
    n = x.shape[dim]
    if n == 0:  # torch: `chunks` empty pieces
        return (np.array(x, copy=True),) * chunks
    return split(x, -(-n // chunks), dim)


def flip(x, dims):
    return np.flip(x, axis=tuple(dims)) if len(dims) else np.array(x, copy=True)


def tril(x, diagonal=0):
    return np.tril(x, diagonal)


def triu(x, diagonal=0):
    return np.triu(x, diagonal)


def view(x, *shape):
    return np.reshape(x, shape[0] if len(shape) == 1 and isinstance(shape[0], (tuple, list)) else shape)


def expand(x, *shape):
    shape = shape[0] if len(shape) == 1 and isinstance(shape[0], (tuple, list)) else shape
    lead = len(shape) - np.ndim(x)
    full = tuple(np.shape(x)[i - lead] if s == -1 else s for i, s in enumerate(shape))
    return np.broadcast_to(x, full)


# ---------------------------------------------------------------- nn.functional
def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    axes = tuple(range(x.ndim - len(normalized_shape), x.ndim))
    m = x.mean(axis=axes, keepdims=True)
    v = x.var(axis=axes, keepdims=True)
    y = (x - m) / np.sqrt(v + eps)
    if weight is not None:
        y = y * weight
    if bias is not None:
        y = y + bias
    return y


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    per_channel = (1, -1) + (1,) * (x.ndim - 2)
    if training:
        axes = (0,) + tuple(range(2, x.ndim))
        m, v = x.mean(axis=axes), x.var(axis=axes)
    else:
        m, v = running_mean, running_var
    y = (x - m.reshape(per_channel)) / np.sqrt(v.reshape(per_channel) + eps)
    if weight is not None:
        y = y * weight.reshape(per_channel)
    if bias is not None:
        y = y + bias.reshape(per_channel)
    return y


def embedding(index, weight, padding_idx=None):
    return weight[index]


def _reduce(loss, reduction):
    if reduction == "none":
        return loss
    return loss.sum() if reduction == "sum" else loss.mean()


def mse_loss(a, b, reduction="mean"):
    return _reduce((a - b) ** 2, reduction)


def l1_loss(a, b, reduction="mean"):
    return _reduce(np.abs(a - b), reduction)


def smooth_l1_loss(a, b, reduction="mean", beta=1.0):
    d = np.abs(a - b)
    loss = d if beta == 0 else np.where(d < beta, 0.5 * d * d / (beta if beta else 1), d - 0.5 * beta)
    return _reduce(loss, reduction)


def huber_loss(a, b, reduction="mean", delta=1.0):
    d = np.abs(a - b)
    return _reduce(np.where(d < delta, 0.5 * d * d, delta * (d - 0.5 * delta)), reduction)


def _class_last(x):
    """(N, C, d...) -> (N, d..., C); an unbatched (C,) -> (1, C)."""
    return np.moveaxis(x, 1, -1)


def nll_loss(x, target, weight=None, ignore_index=-100, reduction="mean"):
    unbatched = x.ndim == 1
    if unbatched:
        x, target = x[None], np.asarray(target)[None]
    xl = _class_last(x)
    w = np.ones(xl.shape[-1]) if weight is None else weight
    valid = target != ignore_index
    tc = np.where(valid, target, 0)
    picked = np.take_along_axis(xl, tc[..., None], axis=-1)[..., 0]
    wt = w[tc] * valid
    loss = -picked * wt
    if reduction == "none":
        return loss[0] if unbatched else loss
    return loss.sum() if reduction == "sum" else loss.sum() / wt.sum()


def cross_entropy(x, target, weight=None, ignore_index=-100, reduction="mean", label_smoothing=0.0):
    unbatched = x.ndim == 1
    if unbatched:
        x, target = x[None], np.asarray(target)[None]
    logp = log_softmax(x, 1)
    n_classes = x.shape[1]
    w_c = np.ones(n_classes) if weight is None else weight
    per_channel = (1, -1) + (1,) * (x.ndim - 2)
    if np.issubdtype(np.asarray(target).dtype, np.floating):  # class probabilities
        q = target * (1 - label_smoothing) + label_smoothing / n_classes
        loss = -(logp * q * w_c.reshape(per_channel)).sum(axis=1)
        if reduction == "none":
            return loss[0] if unbatched else loss
        return loss.sum() if reduction == "sum" else loss.sum() / loss.size
    nll = nll_loss(logp, target, weight, ignore_index, reduction)
    if label_smoothing == 0:
        return nll[0] if unbatched and reduction == "none" else nll
    # torch's cross_entropy_loss_label_smoothing: the uniform part, weighted per class, zero where ignored
    ignored = target == ignore_index
    smooth = np.where(ignored, 0.0, -(logp * w_c.reshape(per_channel)).sum(axis=1))
    if reduction == "none":
        ret = smooth
    elif reduction == "sum":
        ret = smooth.sum()
    elif weight is not None:
        ret = smooth.sum() / w_c[target[~ignored]].sum()
    else:
        ret = smooth.mean()
    return (1 - label_smoothing) * nll + ret * (label_smoothing / n_classes)


def binary_cross_entropy(x, t, weight=None, reduction="mean"):
    loss = -(t * np.maximum(np.log(x), -100) + (1 - t) * np.maximum(np.log1p(-x), -100))
    if weight is not None:
        loss = loss * weight
    return _reduce(loss, reduction)


def binary_cross_entropy_with_logits(x, t, weight=None, reduction="mean", pos_weight=None):
    softplus_neg = np.log1p(np.exp(-np.abs(x))) + np.maximum(-x, 0)  # log(1 + exp(-x)), stable
    if pos_weight is None:
        loss = (1 - t) * x + softplus_neg
    else:
        loss = (1 - t) * x + (1 + (pos_weight - 1) * t) * softplus_neg
    if weight is not None:
        loss = loss * weight
    return _reduce(loss, reduction)


# ---------------------------------------------------------------- activations
_SELU_ALPHA, _SELU_SCALE = 1.6732632423543772, 1.0507009873554805


@_quiet
def elu(x, alpha=1.0):
    x = np.asarray(x)
    return np.where(x > 0, x, alpha * np.expm1(x)).astype(x.dtype, copy=False)


@_quiet
def celu(x, alpha=1.0):
    x = np.asarray(x)
    return np.where(x > 0, x, alpha * np.expm1(x / alpha)).astype(x.dtype, copy=False)


@_quiet
def selu(x):
    x = np.asarray(x)
    return (_SELU_SCALE * np.where(x > 0, x, _SELU_ALPHA * np.expm1(x))).astype(x.dtype, copy=False)


@_quiet
def silu(x):
    return np.asarray(x) * sigmoid(x)


@_quiet
def mish(x):
    x = np.asarray(x)
    return x * np.tanh(np.log1p(np.exp(x)))


@_quiet
def softsign(x):
    x = np.asarray(x)
    return x / (np.abs(x) + 1)


@_quiet
def tanhshrink(x):
    x = np.asarray(x)
    return x - np.tanh(x)


@_quiet
def hardsigmoid(x):
    x = np.asarray(x)
    return (np.clip(x + 3, 0, 6) / 6).astype(x.dtype, copy=False)


@_quiet
def hardswish(x):
    x = np.asarray(x)
    return (x * np.clip(x + 3, 0, 6) / 6).astype(x.dtype, copy=False)


def hardtanh(x, min_val=-1.0, max_val=1.0):
    x = np.asarray(x)
    return np.clip(x, min_val, max_val).astype(x.dtype, copy=False)


def relu6(x):
    return hardtanh(x, 0.0, 6.0)


def softshrink(x, lambd=0.5):
    x = np.asarray(x)
    return np.where(x > lambd, x - lambd, np.where(x < -lambd, x + lambd, 0)).astype(x.dtype, copy=False)


def hardshrink(x, lambd=0.5):
    x = np.asarray(x)
    return np.where((x >= -lambd) & (x <= lambd), 0, x).astype(x.dtype, copy=False)


def threshold(x, threshold, value):
    x = np.asarray(x)
    return np.where(x <= threshold, value, x).astype(x.dtype, copy=False)


def glu(x, dim=-1):
    a, b = np.split(np.asarray(x), 2, axis=dim)
    return a * sigmoid(b)


def prelu(x, weight):
    x, w = np.asarray(x), np.asarray(weight)
    if w.size != 1:
        w = w.reshape((-1,) + (1,) * (x.ndim - 2))
    else:
        w = w.reshape(())
    return np.where(x > 0, x, w * x)


# ---------------------------------------------------------------- sorting and selection
def sort(x, dim=-1, descending=False):
    """Stable, NaN after every number ascending and before every number descending, as torch."""
    x = np.asarray(x)
    if x.ndim == 0:
        return x.copy(), np.array(0)
    key = np.where(np.isnan(x), -np.inf, -x) if descending else x
    idx = np.argsort(key, axis=dim, kind="stable")
    return np.take_along_axis(x, idx, dim), idx


def topk(x, k, dim=-1, largest=True):
    v, i = sort(x, dim, descending=largest)
    if np.asarray(x).ndim == 0:
        return v, i
    return np.take(v, range(k), axis=dim), np.take(i, range(k), axis=dim)


def kthvalue(x, k, dim=-1, keepdim=False):
    v, i = sort(x, dim)
    v, i = np.take(v, [k - 1], axis=dim), np.take(i, [k - 1], axis=dim)
    return (v, i) if keepdim else (v.squeeze(dim), i.squeeze(dim))


def median_dim(x, dim, keepdim=False):
    v, i = sort(x, dim)
    n = np.asarray(x).shape[dim]
    nans = np.isnan(v).sum(axis=dim, keepdims=True)
    pos = np.where(nans > 0, n - nans, (n - 1) // 2)
    v, i = np.take_along_axis(v, pos, dim), np.take_along_axis(i, pos, dim)
    return (v, i) if keepdim else (v.squeeze(dim), i.squeeze(dim))


def median(x):
    return median_dim(np.asarray(x).reshape(-1), 0)[0]


def cum_extreme(x, dim, is_max):
    x = np.moveaxis(np.asarray(x), dim, -1)
    v, idx = np.empty_like(x), np.zeros(x.shape, np.int64)
    for r in np.ndindex(*x.shape[:-1]):
        best, at = x[r + (0,)], 0
        for j in range(x.shape[-1]):
            e = x[r + (j,)]
            if np.isnan(e) or (not np.isnan(best) and (e >= best if is_max else e <= best)):
                best, at = e, j
            v[r + (j,)], idx[r + (j,)] = best, at
    return np.moveaxis(v, -1, dim), np.moveaxis(idx, -1, dim)


def mode(x, dim=-1, keepdim=False):
    """The most frequent value along dim (the smallest of equally frequent ones) and its last index (no NaNs)."""
    x = np.asarray(x)
    if x.ndim == 0:
        return x.copy(), np.array(0)
    moved = np.moveaxis(x, dim, -1)
    v, idx = np.empty(moved.shape[:-1], x.dtype), np.zeros(moved.shape[:-1], np.int64)
    for r in np.ndindex(*moved.shape[:-1]):
        row = moved[r]
        values, counts = np.unique(row, return_counts=True)
        v[r] = values[np.argmax(counts)]  # argmax takes the first, i.e. the smallest, of the most frequent
        idx[r] = np.nonzero(row == v[r])[0][-1]
    if keepdim:
        return np.expand_dims(v, dim), np.expand_dims(idx, dim)
    return v, idx


def sparse_dense(indices, values, size):
    """The dense array of a COO tensor (duplicates summed)."""
    a = np.zeros(size, dtype=np.asarray(values).dtype)
    np.add.at(a, tuple(np.asarray(indices)), values)
    return a


def xlogy(x, y):
    x, y = np.broadcast_arrays(np.asarray(x, float), np.asarray(y, float))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where((x == 0) & ~np.isnan(y), 0.0, x * np.log(y))


def renorm(x, p, dim, maxnorm):
    others = tuple(d for d in range(x.ndim) if d != dim % x.ndim)
    norm = np.sum(np.abs(x) ** p, axis=others, keepdims=True) ** (1.0 / p)
    return x * np.where(norm > maxnorm, maxnorm / (norm + 1e-7), 1.0)


def block_diag(*arrays):
    blocks = [np.atleast_2d(a) if np.ndim(a) else np.reshape(a, (1, 1)) for a in arrays]
    out = np.zeros((sum(b.shape[0] for b in blocks), sum(b.shape[1] for b in blocks)))
    r = c = 0
    for b in blocks:
        out[r:r + b.shape[0], c:c + b.shape[1]] = b
        r, c = r + b.shape[0], c + b.shape[1]
    return out


def combinations(x, r=2, with_replacement=False):
    import itertools
    pick = itertools.combinations_with_replacement if with_replacement else itertools.combinations
    return np.array([list(c) for c in pick(list(x), r)]).reshape(-1, r)


def _loss_reduce(loss, reduction):
    return {"mean": np.mean, "sum": np.sum}.get(reduction, lambda v: v)(loss)


def _vnorm(x, p, axis, keepdims=False):
    if p == np.inf:
        return np.max(np.abs(x), axis=axis, keepdims=keepdims)
    return np.sum(np.abs(x) ** p, axis=axis, keepdims=keepdims) ** (1.0 / p)


def normalize(x, p=2.0, dim=1, eps=1e-12):
    return x / np.maximum(_vnorm(x, p, dim, True), eps)


def cosine_similarity(a, b, dim=1, eps=1e-8):
    a, b = np.broadcast_arrays(a, b)
    return np.sum(a / np.maximum(_vnorm(a, 2, dim, True), eps) * (b / np.maximum(_vnorm(b, 2, dim, True), eps)), axis=dim)


def pairwise_distance(a, b, p=2.0, eps=1e-6, keepdim=False):
    return _vnorm(a - b + eps, p, max(a.ndim, b.ndim) - 1, keepdim)


def pdist(x, p=2):
    i, j = np.triu_indices(x.shape[0], 1)
    return _vnorm(x[i] - x[j], p, 1)


def bilinear(x1, x2, w, b=None):
    out = np.einsum("...i,oij,...j->...o", x1, w, x2)
    return out if b is None else out + b


def kl_div(inp, tgt, reduction="mean", log_target=False):
    loss = np.exp(tgt) * (tgt - inp) if log_target else xlogy(tgt, tgt) - tgt * inp
    if reduction == "batchmean":
        return loss.sum() / inp.shape[0]
    return _loss_reduce(loss, reduction)


def margin_ranking_loss(x1, x2, y, margin=0.0, reduction="mean"):
    return _loss_reduce(np.maximum(-y * (x1 - x2) + margin, 0), reduction)


def triplet_margin_loss(a, pos, neg, margin=1.0, p=2.0, eps=1e-6, swap=False, reduction="mean"):
    d_pos, d_neg = pairwise_distance(a, pos, p, eps), pairwise_distance(a, neg, p, eps)
    if swap:
        d_neg = np.minimum(d_neg, pairwise_distance(pos, neg, p, eps))
    return _loss_reduce(np.maximum(margin + d_pos - d_neg, 0), reduction)


def cosine_embedding_loss(x1, x2, y, margin=0.0, reduction="mean"):
    d = y.ndim
    cos = (x1 * x2).sum(d) / np.sqrt(((x1 * x1).sum(d) + 1e-12) * ((x2 * x2).sum(d) + 1e-12))
    return _loss_reduce(np.where(y == 1, 1 - cos, 0) + np.where(y == -1, np.maximum(cos - margin, 0), 0), reduction)


def poisson_nll_loss(x, t, log_input=True, full=False, eps=1e-8, reduction="mean"):
    loss = np.exp(x) - t * x if log_input else x - t * np.log(x + eps)
    if full:
        with np.errstate(divide="ignore", invalid="ignore"):
            stirling = t * np.log(t) - t + 0.5 * np.log(2 * np.pi * t)
        loss = loss + np.where(t <= 1, 0, stirling)
    return _loss_reduce(loss, reduction)


def gaussian_nll_loss(x, t, var, full=False, eps=1e-6, reduction="mean"):
    if var.shape != x.shape and x.shape[:-1] == var.shape:
        var = var[..., None]
    var = np.maximum(var, eps)
    loss = 0.5 * (np.log(var) + (x - t) ** 2 / var) + (0.5 * np.log(2 * np.pi) if full else 0)
    return _loss_reduce(loss, reduction)


def pad(x, amounts, mode="constant", value=None):
    amounts = list(amounts)
    for k in range(len(amounts) // 2):  # crop the negative amounts first
        dim = x.ndim - 1 - k
        lo, hi = amounts[2 * k], amounts[2 * k + 1]
        x = np.take(x, range(max(-lo, 0), x.shape[dim] - max(-hi, 0)), axis=dim)
    width = [(0, 0)] * x.ndim
    for k in range(len(amounts) // 2):
        width[x.ndim - 1 - k] = (max(amounts[2 * k], 0), max(amounts[2 * k + 1], 0))
    np_mode = {"constant": "constant", "reflect": "reflect", "replicate": "edge", "circular": "wrap"}[mode]
    kw = {"constant_values": value or 0.0} if mode == "constant" else {}
    return np.pad(x, width, mode=np_mode, **kw)


def softmin(x, dim):
    e = np.exp(-x - np.max(-x, axis=dim, keepdims=True))
    return e / e.sum(axis=dim, keepdims=True)


def rms_norm(x, shape, weight=None, eps=None):
    dims = tuple(range(x.ndim - len(shape), x.ndim))
    out = x / np.sqrt(np.mean(x * x, axis=dims, keepdims=True) + (np.finfo(x.dtype).eps if eps is None else eps))
    return out if weight is None else out * weight


def pixel_shuffle(x, r):
    *b, c, h, w = x.shape
    y = x.reshape(*b, c // (r * r), r, r, h, w)
    nb = len(b)
    y = np.transpose(y, list(range(nb)) + [nb, nb + 3, nb + 1, nb + 4, nb + 2])
    return y.reshape(*b, c // (r * r), h * r, w * r)


def pixel_unshuffle(x, r):
    *b, c, h, w = x.shape
    nb = len(b)
    y = x.reshape(*b, c, h // r, r, w // r, r)
    y = np.transpose(y, list(range(nb)) + [nb, nb + 2, nb + 4, nb + 1, nb + 3])
    return y.reshape(*b, c * r * r, h // r, w // r)


def channel_shuffle(x, g):
    n, c, *rest = x.shape
    return np.swapaxes(x.reshape(n, g, c // g, *rest), 1, 2).reshape(n, c, *rest)


def hinge_embedding_loss(x, y, margin=1.0, reduction="mean"):
    loss = np.where(y != 1, np.maximum(margin - x, 0), 0) + np.where(y != -1, x, 0)
    return _loss_reduce(loss, reduction)


def soft_margin_loss(x, y, reduction="mean"):
    return _loss_reduce(np.log1p(np.exp(-x * y)), reduction)


def multilabel_soft_margin_loss(x, y, weight=None, reduction="mean"):
    logsig = lambda v: -np.logaddexp(0, -v)  # noqa: E731
    loss = -(y * logsig(x) + (1 - y) * logsig(-x))
    if weight is not None:
        loss = loss * weight
    return _loss_reduce(loss.sum(-1) / x.shape[-1], reduction)


def multi_margin_loss(x, y, p=1, margin=1.0, weight=None, reduction="mean"):
    x2 = x if x.ndim == 2 else x.reshape(1, -1)
    y = np.asarray(y).reshape(-1)
    picked = x2[np.arange(len(y)), y][:, None]
    z = np.maximum(margin - picked + x2, 0) ** p
    if weight is not None:
        z = z * weight[y][:, None]
    z[np.arange(len(y)), y] = 0
    loss = z.sum(1) / x2.shape[1]
    return _loss_reduce(loss if x.ndim == 2 else loss.reshape(()), reduction)


def nanmedian(x, dim=None, keepdim=False):
    """The lower median of the non-NaN values (and its index, with dim); NaN (first NaN) for an all-NaN slice."""
    if dim is None:
        v = np.sort(x.reshape(-1))
        k = int(np.sum(~np.isnan(v)))
        return v[(k - 1) // 2 if k else 0]
    order = np.argsort(x, axis=dim, kind="stable")
    v = np.take_along_axis(x, order, dim)
    k = np.sum(~np.isnan(v), axis=dim, keepdims=True)
    pos = np.where(k > 0, (k - 1) // 2, 0)
    vals, idx = np.take_along_axis(v, pos, dim), np.take_along_axis(order, pos, dim)
    return (vals, idx) if keepdim else (vals.squeeze(dim), idx.squeeze(dim))


def sum_to(x, shape):
    """x summed down to `shape` (the reverse of broadcasting)."""
    shape = tuple(shape)
    lead = x.ndim - len(shape)
    out = x.sum(axis=tuple(range(lead))) if lead else x
    axes = tuple(i for i, s in enumerate(shape) if s == 1 and out.shape[i] != 1)
    return out.sum(axis=axes, keepdims=True) if axes else out
