"""fastgrad: a small, fast CPU tensor and autograd engine with torch's API.

    import fastgrad as torch
"""
import numpy as _np

from . import _C
from ._types import Size, dtype, device, float32, float64, int64, bool_ as bool  # noqa: A001
from ._types import float32 as float, float64 as double, int64 as long  # noqa: A001

_C._register_dtypes(float32, float64, int64, bool)

from ._C import (  # noqa: E402
    Tensor, Generator, default_generator, from_numpy, from_dlpack,
    zeros, ones, empty, full, zeros_like, ones_like, empty_like, full_like, rand, randn, rand_like, randn_like,
    randint, randint_like, randperm, bernoulli, multinomial, arange, linspace, eye,
    add, sub, mul, div, true_divide, pow, maximum, minimum, eq, ne, lt, le, gt, ge, where, masked_fill,
    floor_divide, remainder, fmod, floor, ceil, trunc, round,
    isnan, isinf, isfinite, isposinf, isneginf, logical_not, logical_and, logical_or, logical_xor,
    bitwise_and, bitwise_or, bitwise_xor, bitwise_not, all, any,
    neg, negative, exp, log, log1p, sqrt, rsqrt, abs, sign, sin, cos, erf, reciprocal, square, clamp, clip,
    clamp_min, clamp_max, relu, sigmoid, tanh, leaky_relu, gelu, softplus,
    sum, mean, var, std, amax, amin, argmax, argmin, logsumexp, softmax, log_softmax,
    matmul, mm, dot, linear, gather, index_select, scatter_add, index_add,
    transpose, swapaxes, squeeze, unsqueeze, flatten, narrow, select, reshape, permute, t, clone,
    cat, concat, stack, split, chunk, flip, tril, triu, cumsum, cumprod, prod, is_grad_enabled,
)
from . import _tensor  # noqa: E402,F401  (attaches repr, tolist, ... to Tensor)
from ._grad_mode import no_grad, enable_grad, set_grad_enabled, inference_mode  # noqa: E402
from ._creation import tensor, as_tensor, is_tensor, numel, max, min, norm as linalg_norm, norm  # noqa: E402
from ._config import get_num_threads, set_num_threads, show_config  # noqa: E402
from . import _config as __config__  # noqa: E402
from . import autograd  # noqa: E402
from . import random  # noqa: E402
from .random import manual_seed, seed, initial_seed, get_rng_state, set_rng_state  # noqa: E402
from ._sampling import normal  # noqa: E402

__version__ = "0.1.0"

from . import nn, optim, utils, datasets, distributed  # noqa: E402  (distributed imports mpi4py lazily)
from .nn.utils import summary  # noqa: E402
from .serialization import save, load  # noqa: E402
