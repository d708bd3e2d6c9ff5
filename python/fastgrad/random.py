"""fastgrad.random: the default generator's seed and state, and fork_rng, as torch.random.

The generator is torch's CPU generator (mt19937 with torch's seeding and transforms), so after
``manual_seed(s)`` fastgrad draws torch's numbers. States are torch's 5056-byte layout in a uint8 tensor;
``set_rng_state`` takes that, a torch ByteTensor or a numpy uint8 array.
"""
import contextlib

from . import _C
from ._C import Generator, default_generator

__all__ = ["manual_seed", "seed", "initial_seed", "get_rng_state", "set_rng_state", "fork_rng", "Generator",
           "default_generator"]


def manual_seed(seed):
    """Seeds the default generator and returns it (torch.manual_seed)."""
    return _C.manual_seed(seed)


def seed():
    """Seeds the default generator from the OS and returns the seed (torch.seed)."""
    return default_generator.seed()


def initial_seed():
    """The seed the default generator was last seeded with."""
    return default_generator.initial_seed()


def get_rng_state():
    """The default generator's state in torch's byte layout (a uint8 tensor)."""
    return default_generator.get_state()


def set_rng_state(new_state):
    """Restores the default generator from get_rng_state() (fastgrad's or torch's)."""
    default_generator.set_state(new_state)


@contextlib.contextmanager
def fork_rng(devices=None, enabled=True, _caller="fork_rng", _devices_kw="devices", device_type="cuda"):
    """Restores the default generator's state on exit, so draws inside the block leave no trace.

    fastgrad has only the CPU generator: as torch on a machine without accelerators, there are no
    device generators to fork, and naming devices is an error.
    """
    if not enabled:
        yield
        return
    if devices:
        raise RuntimeError(f"{_caller}: fastgrad has no {device_type} generators to fork, got {_devices_kw}={devices!r}")
    state = get_rng_state()
    try:
        yield
    finally:
        set_rng_state(state)
