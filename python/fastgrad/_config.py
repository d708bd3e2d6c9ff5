"""Threads and build configuration, as torch.get_num_threads / torch.__config__.show()."""
from . import _C


def get_num_threads():
    return _C.get_num_threads()


def set_num_threads(n):
    if not isinstance(n, int) or n < 1:
        raise ValueError(f"set_num_threads expects a positive integer, got {n!r}")
    _C.set_num_threads(n)


def show():
    """A human-readable description of how fastgrad was built and what it chose at run time."""
    lines = ["fastgrad " + _version()]
    lines.append(f"  threads: {get_num_threads()}")
    level = getattr(_C, "_cpu_level", None)
    if level is not None:
        lines.append(f"  CPU ISA level: {level()}")
    return "\n".join(lines)


def show_config():
    return show()


def _version():
    from . import __version__
    return __version__
