"""fastgrad.multiprocessing: torch.multiprocessing's surface.

Everything from Python's multiprocessing (Process, Queue, Pool, get_context, set_start_method, ...), plus
spawn/start_processes, and pickling rules so that a tensor or parameter in shared memory
(Tensor.share_memory_(), Module.share_memory()) reaches another process as the same memory rather than a
copy, whichever start method is used. Tensors that are not shared are sent by value.
"""
import multiprocessing
from multiprocessing import *  # noqa: F401,F403
from multiprocessing.reduction import ForkingPickler

from .shared_memory import reduce_parameter, reduce_tensor
from .spawn import (ProcessContext, ProcessException, ProcessExitedException, ProcessRaisedException,  # noqa: F401
                    spawn, start_processes)

__all__ = multiprocessing.__all__ + ["spawn", "start_processes", "ProcessContext", "ProcessRaisedException",
                                     "ProcessExitedException", "get_sharing_strategy", "set_sharing_strategy",
                                     "get_all_sharing_strategies", "init_reductions"]

# fastgrad has one way to share: a named file in shared memory, like torch's "file_system" strategy
_SHARING_STRATEGIES = {"file_system"}
_sharing_strategy = "file_system"


def get_all_sharing_strategies():
    return set(_SHARING_STRATEGIES)


def get_sharing_strategy():
    return _sharing_strategy


def set_sharing_strategy(new_strategy):
    if new_strategy not in _SHARING_STRATEGIES:
        raise ValueError(f"sharing strategy '{new_strategy}' is not available in fastgrad; it shares tensors by "
                         f"named shared-memory file only ('file_system')")
    global _sharing_strategy
    _sharing_strategy = new_strategy


def init_reductions():
    """Teaches multiprocessing's pickler to send shared tensors by name (done at import)."""
    from .. import Tensor
    from ..nn import Parameter
    ForkingPickler.register(Tensor, reduce_tensor)
    ForkingPickler.register(Parameter, reduce_parameter)


init_reductions()
