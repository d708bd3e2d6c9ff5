"""fastgrad: a small, fast CPU tensor and autograd engine with torch's API.

    import fastgrad as torch
"""
import sys as _sys

import numpy as _np

from . import _C
from ._types import Size, dtype, device, float32, float64, int64, bool_ as bool  # noqa: A001
from ._types import int8, int16, int32, uint8, float16, bfloat16, ALL_DTYPES as _ALL_DTYPES
from ._types import layout, strided, sparse_coo  # noqa: E402
from ._types import float32 as float, float64 as double, int64 as long  # noqa: A001
from ._types import int32 as int, int16 as short, float16 as half  # noqa: A001

_C._register_dtypes(_ALL_DTYPES)

# Every public function of the C++ module (its ops, creation functions, Tensor, Generator): the export
# list is the module's own, so an op added to csrc/ops is exported without editing this file.
from ._C import *  # noqa: E402,F401,F403
from . import _tensor  # noqa: E402,F401  (attaches repr, tolist, ... to Tensor)
from ._tensor_str import set_printoptions  # noqa: E402
from ._grad_mode import no_grad, enable_grad, set_grad_enabled, inference_mode  # noqa: E402
from ._creation import tensor, as_tensor, is_tensor, numel, max, min, norm as linalg_norm, norm  # noqa: E402
from ._finfo import finfo, iinfo, is_floating_point, is_signed  # noqa: E402
from ._config import get_num_threads, set_num_threads, show_config  # noqa: E402
from . import _config as __config__  # noqa: E402
from . import autograd  # noqa: E402
from . import linalg  # noqa: E402
from . import random  # noqa: E402
from .random import manual_seed, seed, initial_seed, get_rng_state, set_rng_state  # noqa: E402
from ._sampling import normal  # noqa: E402

__version__ = "0.1.0"

from . import nn, optim, utils, datasets, distributed  # noqa: E402  (distributed imports mpi4py lazily)
from .nn.utils import summary  # noqa: E402
from .serialization import save, load  # noqa: E402

# torch compatibility: device namespaces of a CPU-only build and the legacy tensor types.
from . import cuda, accelerator, backends, amp  # noqa: E402
from ._shapes import broadcast_shapes  # noqa: E402
from . import _aliases  # noqa: E402
from ._tensor_more import is_nonzero, is_same_size, is_complex  # noqa: E402
from math import pi, e, inf, nan  # noqa: E402,F401  (torch.pi, torch.e, torch.inf, torch.nan)
newaxis = None
# torch.X forms of functional ops with the same signature in both places
from .nn.functional import (bilinear, channel_shuffle, cosine_similarity, pairwise_distance,  # noqa: E402,F401
                            pdist, pixel_shuffle, pixel_unshuffle, rms_norm)
_aliases.install(_sys.modules[__name__])
from . import sparse  # noqa: E402
from .sparse import sparse_coo_tensor  # noqa: E402
from .sparse import mm as spmm  # noqa: E402
from .amp import autocast, is_autocast_enabled  # noqa: E402
from ._legacy_tensors import (  # noqa: E402
    FloatTensor, DoubleTensor, HalfTensor, BFloat16Tensor, ByteTensor, CharTensor, ShortTensor, IntTensor,
    LongTensor, BoolTensor,
)


def __getattr__(name):
    # fastgrad.multiprocessing brings in the standard library's multiprocessing (subprocess, signal, ...),
    # a third of the import time: it loads on first use, so `import fastgrad` stays quick.
    if name == "multiprocessing":
        import importlib
        return importlib.import_module(".multiprocessing", __name__)
    raise AttributeError(f"module 'fastgrad' has no attribute '{name}'")
