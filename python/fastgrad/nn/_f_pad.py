"""nn.functional.pad: constant, reflect, replicate and circular padding (negative amounts crop), written
with cat, slices and index_select, so the gradient flows back to the elements each output copies."""
import fastgrad as _fg

_MODES = ("constant", "reflect", "replicate", "circular")


def _check_non_constant(input, pad, mode):
    n = len(pad) // 2
    if input.dim() not in (n + 1, n + 2) or n > 3:
        raise NotImplementedError(
            f"Padding size {len(pad)} is not supported for {input.dim()}D input tensor.\n"
            "Supported combinations for non-constant padding:\n"
            "  - 2D or 3D input: padding size = 2 (pads last dimension)\n"
            "  - 3D or 4D input: padding size = 4 (pads last 2 dimensions)\n"
            "  - 4D or 5D input: padding size = 6 (pads last 3 dimensions)")


def _positions(size, left, right, mode, dim, input_shape, pad_pair):
    """The source index of each output position along a dim of `size`, padded by (left, right)."""
    out = []
    for i in range(-left, size + right):
        if mode == "reflect":
            if left >= size or right >= size:
                raise RuntimeError(f"Argument #4: Padding size should be less than the corresponding input dimension, "
                                   f"but got: padding {pad_pair} at dimension {dim} of input {list(input_shape)}")
            j = -i if i < 0 else (2 * (size - 1) - i if i >= size else i)
        elif mode == "replicate":
            j = min(max(i, 0), size - 1)
        else:  # circular
            if left > size or right > size:
                raise RuntimeError("Padding value causes wrapping around more than once.")
            j = i % size
        out.append(j)
    return out


def pad(input, pad, mode="constant", value=None):
    """Pads (or, with negative amounts, crops) the last ``len(pad) // 2`` dims: ``pad = (left, right)`` for
    the last dim, then ``(top, bottom)`` for the one before, and so on.

    Args:
        input (Tensor): the tensor.
        pad (tuple of ints): the amounts, starting from the last dim.
        mode (str): ``'constant'`` (fill with ``value``, default 0), ``'reflect'`` (mirror without the edge),
            ``'replicate'`` (repeat the edge) or ``'circular'`` (wrap around).
        value (float, optional): the fill of constant padding.

    Examples:
        >>> F.pad(fastgrad.tensor([[1.0, 2.0]]), (1, 2))
        tensor([[0., 1., 2., 0., 0.]])
        >>> F.pad(fastgrad.tensor([[1.0, 2.0, 3.0]]), (2, 1), mode="reflect")
        tensor([[3., 2., 1., 2., 3., 2.]])
    """
    pad = [int(p) for p in pad]
    if mode not in _MODES:
        raise NotImplementedError(f"Unrecognised padding mode {mode}")
    if len(pad) % 2:
        raise RuntimeError("Padding length must be divisible by 2")
    if len(pad) // 2 > input.dim():
        raise RuntimeError(f"Padding length should be less than or equal to two times the input dimension but got "
                           f"padding length {len(pad)} and input of dimension {input.dim()}")
    if mode != "constant":
        if value is not None and value != 0:
            raise RuntimeError(f'Padding mode "{mode}" doesn\'t take in value argument')
        _check_non_constant(input, pad, mode)
    out = input
    for k in range(len(pad) // 2):
        dim = input.dim() - 1 - k
        left, right = pad[2 * k], pad[2 * k + 1]
        if left == 0 and right == 0:
            continue
        size = out.shape[dim]
        if mode == "constant":
            if left < 0 or right < 0:  # crop first
                out = out.narrow(dim, max(-left, 0), size - max(-left, 0) - max(-right, 0))
            parts = []
            for amount in (left, right):
                shape = list(out.shape)
                shape[dim] = max(amount, 0)
                parts.append(_fg.full(shape, 0 if value is None else value, dtype=out.dtype))
            out = _fg.cat([parts[0], out, parts[1]], dim) if left > 0 or right > 0 else out
        else:
            index = _positions(size, left, right, mode, dim, input.shape, (left, right))
            out = out.index_select(dim, _fg.tensor(index, dtype=_fg.int64))
    return out if out is not input else input.clone()
