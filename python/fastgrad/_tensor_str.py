"""repr(tensor) in torch's format: 4 decimals (or scientific when the range calls for it),
integer-valued floats as `1.`, aligned columns, `...` summaries past 1000 elements, and the
dtype / requires_grad / grad_fn suffixes torch prints."""
import math

import numpy as np

_PRECISION = 4
_THRESHOLD = 1000
_EDGEITEMS = 3
_LINEWIDTH = 80


class _Formatter:
    """torch's _Formatter: int mode, scientific mode and the column width are decided from the
    nonzero finite values only (so -0., nan and inf never widen a column)."""

    def __init__(self, values, is_float):
        self.is_float = is_float
        self.int_mode = True
        self.sci_mode = False
        self.max_width = 1
        if not is_float:
            self.max_width = max((len(str(v)) for v in values), default=1)
            return
        nonzero = [v for v in values if math.isfinite(v) and v != 0]
        if not nonzero:
            return
        self.int_mode = all(v == math.ceil(v) for v in nonzero)
        hi, lo = max(abs(v) for v in nonzero), min(abs(v) for v in nonzero)
        if self.int_mode:
            self.sci_mode = hi / lo > 1000.0 or hi > 1.0e8
        else:
            self.sci_mode = hi / lo > 1000.0 or hi > 1.0e8 or lo < 1.0e-4
        self.max_width = max(len(self._fmt(v)) for v in nonzero)

    def _fmt(self, v):
        if not self.is_float:
            return str(v)
        if not math.isfinite(v):
            return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")
        if self.sci_mode:
            return f"{v:.{_PRECISION}e}"
        if self.int_mode:
            return f"{v:.0f}."
        return f"{v:.{_PRECISION}f}"

    def format(self, v):
        return self._fmt(v).rjust(self.max_width)


def _summarized_values(a, summarize):
    if not summarize or a.ndim == 0:
        return a.ravel().tolist()
    out = []
    if a.ndim == 1:
        if a.shape[0] > 2 * _EDGEITEMS:
            return a[:_EDGEITEMS].tolist() + a[-_EDGEITEMS:].tolist()
        return a.tolist()
    rows = range(a.shape[0])
    if a.shape[0] > 2 * _EDGEITEMS:
        rows = list(range(_EDGEITEMS)) + list(range(a.shape[0] - _EDGEITEMS, a.shape[0]))
    for i in rows:
        out.extend(_summarized_values(a[i], summarize))
    return out


def _format_array(a, fmt, indent, summarize):
    if a.ndim == 0:
        return fmt.format(a.item())
    if a.ndim == 1:
        items = [fmt.format(v) for v in a.tolist()]
        if summarize and len(items) > 2 * _EDGEITEMS:
            items = items[:_EDGEITEMS] + [" ..."] + items[-_EDGEITEMS:]  # torch pads it with a space
        per_line = max(1, (_LINEWIDTH - indent) // (fmt.max_width + 2))
        lines = [", ".join(items[i:i + per_line]) for i in range(0, len(items), per_line)]
        return "[" + (",\n" + " " * (indent + 1)).join(lines) + "]"
    rows = list(range(a.shape[0]))
    parts = []
    for k, i in enumerate(rows):
        if summarize and a.shape[0] > 2 * _EDGEITEMS and _EDGEITEMS <= i < a.shape[0] - _EDGEITEMS:
            if i == _EDGEITEMS:
                parts.append("...")
            continue
        parts.append(_format_array(a[i], fmt, indent + 1, summarize))
    sep = "," + "\n" * (a.ndim - 1) + " " * (indent + 1)
    return "[" + sep.join(parts) + "]"


def tensor_body(t, indent):
    """The bracketed elements of a non-empty tensor, continuation lines indented by `indent` columns
    (torch's _tensor_str; a sparse tensor's repr nests its indices and values with a deeper indent)."""
    from . import bfloat16, bool as bool_

    a = (t.detach().float() if t.dtype is bfloat16 else t.detach()).numpy()  # numpy has no bfloat16
    is_float = t.dtype.is_floating_point
    summarize = a.size > _THRESHOLD
    values = _summarized_values(a, summarize)
    if t.dtype is bool_:
        values = [bool(v) for v in values]
        fmt = _Formatter(values, False)
        return _format_array(a, fmt, indent, summarize)
    fmt = _Formatter([float(v) for v in values] if is_float else [int(v) for v in values], is_float)
    return _format_array(a if not is_float else a.astype(np.float64), fmt, indent, summarize)


def tensor_repr(t):
    from . import bfloat16, get_default_dtype, int64, bool as bool_

    default_float = get_default_dtype()  # torch names every dtype but this one, int64 and bool
    a = (t.detach().float() if t.dtype is bfloat16 else t.detach()).numpy()  # numpy has no bfloat16
    prefix = "tensor("
    suffixes = []
    if a.size == 0:
        body = "[]"
        if a.ndim != 1:
            suffixes.append("size=" + str(tuple(a.shape)))
        if t.dtype is not default_float:  # nothing to infer an int64/bool dtype from: torch names it
            suffixes.append(f"dtype={t.dtype!r}")
    else:
        body = tensor_body(t, len(prefix))
    if a.size and t.dtype not in (default_float, int64, bool_):
        suffixes.append(f"dtype={t.dtype!r}")
    if t.grad_fn is not None:
        suffixes.append(f"grad_fn=<{t.grad_fn.name()}>")
    elif t.requires_grad:
        suffixes.append("requires_grad=True")
    return _add_suffixes(prefix + body, suffixes, len(prefix))


def _add_suffixes(text, suffixes, indent):
    """torch's layout of the suffixes: each goes on a new line when it would pass the line width."""
    parts = [text]
    last_line_len = len(text) - text.rfind("\n") + 1
    for suffix in suffixes:
        if last_line_len + len(suffix) + 2 > _LINEWIDTH:
            parts.append(",\n" + " " * indent + suffix)
            last_line_len = indent + len(suffix)
        else:
            parts.append(", " + suffix)
            last_line_len += len(suffix) + 2
    parts.append(")")
    return "".join(parts)
