"""torch.backends.openmp: whether fastgrad's kernels were built with OpenMP."""


def is_available():
    from .. import _C
    return bool(_C._build_info.get("openmp"))
