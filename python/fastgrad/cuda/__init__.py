"""fastgrad.cuda: torch.cuda as it behaves in a torch built without CUDA.

Queries answer "no device" (is_available() is False, device_count() is 0, memory counters are 0), seeding
and cache or synchronisation calls are harmless no-ops, and anything that needs a real device raises the
error torch raises there (an AssertionError, which fastgrad's error also is, besides a RuntimeError).
"""
from .._types import cpu_only_error


def is_available():
    return False


def device_count():
    return 0


def is_initialized():
    return False


def is_bf16_supported(including_emulation=True):
    return False


# Seeding: torch queues the seed for a device that may appear later; with none, nothing to do.
def manual_seed(seed):
    int(seed)  # torch rejects a seed that is not an integer


def manual_seed_all(seed):
    int(seed)


def seed():
    pass


def seed_all():
    pass


# No kernels are ever queued on a device, so there is nothing to wait for or to free.
def synchronize(device=None):
    pass


def empty_cache():
    pass


def memory_allocated(device=None):
    return 0


def max_memory_allocated(device=None):
    return 0


def memory_reserved(device=None):
    return 0


def max_memory_reserved(device=None):
    return 0


def _needs_device(name):
    def fn(*args, **kwargs):
        raise cpu_only_error(f"torch.cuda.{name}()")
    fn.__name__ = name
    fn.__doc__ = f"Raises: torch.cuda.{name} needs a CUDA device and fastgrad runs on the CPU only."
    return fn


for _name in ("current_device", "get_device_name", "get_device_properties", "get_device_capability",
              "set_device", "init", "get_rng_state", "get_rng_state_all", "set_rng_state", "set_rng_state_all",
              "initial_seed", "ipc_collect", "reset_peak_memory_stats", "memory_summary", "mem_get_info",
              "current_stream", "default_stream", "Stream", "Event"):
    globals()[_name] = _needs_device(_name)
del _name


class device:
    """torch.cuda.device(idx): a context manager that would select a CUDA device; with none, it selects nothing."""

    def __init__(self, device):
        self.idx = device

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


from . import amp  # noqa: E402,F401  (torch.cuda.amp)
