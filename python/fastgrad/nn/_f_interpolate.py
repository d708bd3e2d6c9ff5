"""nn.functional.interpolate (and upsample) for the nearest, nearest-exact, linear, bilinear and trilinear
modes, as torch computes them: each spatial dim is resampled in turn by gathering source rows
(index_select) and, for the linear modes, blending the two neighbours with torch's source coordinates
(align_corners or half-pixel centres). Gradients flow back through the gathers."""
import math

import numpy as np

import fastgrad as _fg

_LINEAR = {"linear": 1, "bilinear": 2, "trilinear": 3}
_NEAREST = ("nearest", "nearest-exact")


def _output_sizes(input, size, scale_factor, n):
    if (size is None) == (scale_factor is None):
        raise ValueError("either size or scale_factor should be defined" if size is None
                         else "only one of size or scale_factor should be defined")
    if size is not None:
        sizes = [size] * n if isinstance(size, int) else list(size)
        if len(sizes) != n:
            raise ValueError(f"Input and output must have the same number of spatial dimensions, but got input with "
                             f"spatial dimensions of {list(input.shape[2:])} and output size of {sizes}. Please provide "
                             "input tensor in (N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.")
        return [int(s) for s in sizes], [None] * n
    factors = [scale_factor] * n if isinstance(scale_factor, (int, float)) else list(scale_factor)
    if len(factors) != n:
        raise ValueError(f"Input and scale_factor must have the same number of spatial dimensions, but got input with "
                         f"spatial dimensions of {list(input.shape[2:])} and scale_factor of shape {factors}. Please "
                         "provide input tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) "
                         "format.")
    return [int(math.floor(input.shape[2 + i] * float(f))) for i, f in enumerate(factors)], [float(f) for f in factors]


def _scale(in_size, out_size, factor, align_corners):
    if align_corners:
        return (in_size - 1) / (out_size - 1) if out_size > 1 else 0.0
    return 1.0 / factor if factor is not None and factor > 0 else in_size / out_size


def _nearest_index(in_size, out_size, factor, exact):
    scale = _scale(in_size, out_size, factor, False)
    dst = np.arange(out_size, dtype=np.float64)
    src = np.floor((dst + 0.5) * np.float32(scale)) if exact else np.floor(dst * np.float32(scale))
    return np.minimum(src.astype(np.int64), in_size - 1)


def _linear_weights(in_size, out_size, factor, align_corners, ftype):
    # the source coordinates in the input's precision (torch's accscalar_t); nearest uses float32 as torch
    scale = ftype(_scale(in_size, out_size, factor, align_corners))
    dst = np.arange(out_size, dtype=ftype)
    src = dst * scale if align_corners else np.maximum((dst + ftype(0.5)) * scale - ftype(0.5), 0)
    lo = np.minimum(src.astype(np.int64), in_size - 1)
    hi = np.minimum(lo + 1, in_size - 1)
    return lo, hi, (src - lo).astype(np.float64)


def interpolate(input, size=None, scale_factor=None, mode="nearest", align_corners=None, recompute_scale_factor=None,
                antialias=False):
    """Resizes the spatial dims (all after the first two) of an ``(N, C, ...)`` input to ``size`` or by
    ``scale_factor``. Modes: ``nearest``, ``nearest-exact``, ``linear`` (3-d input), ``bilinear`` (4-d),
    ``trilinear`` (5-d); ``align_corners`` for the linear modes as torch. Other modes and ``antialias`` raise.

    Examples:
        >>> F.interpolate(fastgrad.tensor([[[1.0, 2.0]]]), scale_factor=2)
        tensor([[[1., 1., 2., 2.]]])
    """
    n = input.dim() - 2
    if n < 1:
        raise ValueError(f"Input Error: Only 3D, 4D and 5D input Tensors supported (got {input.dim()}D) for the "
                         f"modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact "
                         f"(got {mode})")
    if mode not in _NEAREST and mode not in _LINEAR:
        raise NotImplementedError(f"interpolate(mode={mode!r}) is not supported by fastgrad; use nearest, "
                                  "nearest-exact, linear, bilinear or trilinear")
    if antialias:
        raise NotImplementedError("interpolate(antialias=True) is not supported by fastgrad")
    if mode in _NEAREST and align_corners is not None:
        raise ValueError("align_corners option can only be set with the interpolating modes: linear | bilinear | "
                         "bicubic | trilinear")
    if mode in _LINEAR and _LINEAR[mode] != n:
        raise NotImplementedError(f"Got {input.dim()}D input, but {mode} mode needs {_LINEAR[mode] + 2}D input")
    sizes, factors = _output_sizes(input, size, scale_factor, n)
    if recompute_scale_factor:
        factors = [None] * n  # torch recomputes the scale from the output size
    out = input
    for i in range(n):
        dim = 2 + i
        in_size, out_size = input.shape[dim], sizes[i]
        if mode in _NEAREST:
            idx = _nearest_index(in_size, out_size, factors[i], mode == "nearest-exact")
            out = out.index_select(dim, _fg.tensor(idx, dtype=_fg.int64))
            continue
        ftype = np.float64 if input.dtype is _fg.float64 else np.float32
        lo, hi, w = _linear_weights(in_size, out_size, factors[i], bool(align_corners), ftype)
        shape = [1] * input.dim()
        shape[dim] = out_size
        weight = _fg.tensor(w, dtype=out.dtype).reshape(shape)
        a = out.index_select(dim, _fg.tensor(lo, dtype=_fg.int64))
        b = out.index_select(dim, _fg.tensor(hi, dtype=_fg.int64))
        out = a * (1 - weight) + b * weight
    return out


def upsample(input, size=None, scale_factor=None, mode="nearest", align_corners=None):
    """Deprecated in torch in favour of `interpolate`, which it calls."""
    return interpolate(input, size, scale_factor, mode, align_corners)
