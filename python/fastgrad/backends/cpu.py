"""torch.backends.cpu: the SIMD level of the CPU kernels."""


def get_cpu_capability():
    """'AVX512', 'AVX2' or 'DEFAULT' (generic), as torch names the level its kernels dispatch to."""
    from .. import _C
    level = _C._cpu_level()
    return "DEFAULT" if level == "generic" else level.upper()
