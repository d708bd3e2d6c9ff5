"""Threads and build configuration, as torch.get_num_threads / torch.__config__.show()."""
from . import _C


def get_num_threads():
    """Returns the number of threads fastgrad's kernels may use (see `set_num_threads`).

    Examples:
        >>> fastgrad.get_num_threads() >= 1
        True
    """
    return _C.get_num_threads()


def set_num_threads(n):
    """Sets the number of threads fastgrad's kernels may use. Tensors below a size threshold always
    run on the calling thread, so small models are not slowed by thread wake-ups.

    Args:
        n (int): the number of threads, at least 1.

    Examples:
        >>> n = fastgrad.get_num_threads()
        >>> fastgrad.set_num_threads(1)
        >>> fastgrad.get_num_threads()
        1
        >>> fastgrad.set_num_threads(n)
    """
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ValueError(f"set_num_threads expects a positive integer, got {n!r}")
    _C.set_num_threads(n)


def show():
    """What this build is and what it chose at run time: ISA level, threads, compiler and flags."""
    from . import __version__
    info = _C._build_info
    lines = [
        f"fastgrad {__version__}",
        f"  - CPU ISA level in use: {_C._cpu_level()} (supported here: {', '.join(_C._cpu_levels_supported())};"
        " FASTGRAD_CPU_LEVEL=generic|avx2|avx512 forces one)",
        f"  - threads: {get_num_threads()} (OpenMP {info['openmp']}, max {info['omp_max_threads']})",
        f"  - compiler: {info['compiler']}, C++ {info['cxx_standard']}",
        f"  - build: {info['build_type']}, sanitizers: {info['sanitizers']}",
        "  - denormals: flushed to zero in kernel threads (FTZ/DAZ)",
    ]
    return "\n".join(lines)


def show_config():
    """Returns a description of this build: the CPU instruction set in use, threads, compiler and flags
    (what ``fastgrad.__config__.show()`` returns).

    Examples:
        >>> print(fastgrad.show_config())  # doctest: +ELLIPSIS
        fastgrad ...
    """
    return show()
