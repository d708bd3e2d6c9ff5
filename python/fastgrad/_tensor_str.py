"""repr(tensor) in torch's format: 4 decimals (or scientific when the range calls for it),
integer-valued floats as `1.`, aligned columns, `...` summaries past 1000 elements, and the
dtype / requires_grad / grad_fn suffixes torch prints; set_printoptions changes those numbers as torch's does."""
import dataclasses
import math

import numpy as np


@dataclasses.dataclass
class _PrintOptions:
    precision: int = 4
    threshold: float = 1000
    edgeitems: int = 3
    linewidth: int = 80
    sci_mode: object = None  # None: decided per tensor from its values; True / False: forced


PRINT_OPTS = _PrintOptions()

_PROFILES = {
    "default": dict(precision=4, threshold=1000, edgeitems=3, linewidth=80),
    "short": dict(precision=2, threshold=1000, edgeitems=2, linewidth=80),
    "full": dict(precision=4, threshold=math.inf, edgeitems=3, linewidth=80),
}


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None, sci_mode=None):
    """Sets how tensors print, as torch.set_printoptions does.

    Args:
        precision (int, optional): digits after the decimal point (default 4).
        threshold (int, optional): element count above which a tensor prints summarized (default 1000).
        edgeitems (int, optional): items shown at each end of a summarized dimension (default 3).
        linewidth (int, optional): characters per line (default 80).
        profile (str, optional): "default", "short" or "full" (never summarize); the other arguments
            given override it.
        sci_mode (bool, optional): True / False force scientific notation on or off; None (the default,
            and what every call without it sets again) lets each tensor's values decide.

    Examples:
        >>> fastgrad.set_printoptions(precision=2)
        >>> fastgrad.tensor([1.12345])
        tensor([1.12])
        >>> fastgrad.set_printoptions(profile="default")
    """
    if profile is not None:
        if profile not in _PROFILES:
            # torch silently ignores an unknown profile name; naming the choices is kinder and changes nothing valid
            raise ValueError(f"set_printoptions(): profile must be one of {sorted(_PROFILES)}, got {profile!r}")
        for name, value in _PROFILES[profile].items():
            setattr(PRINT_OPTS, name, value)
    for name, value in (("precision", precision), ("threshold", threshold), ("edgeitems", edgeitems),
                        ("linewidth", linewidth)):
        if value is not None:
            setattr(PRINT_OPTS, name, value)
    PRINT_OPTS.sci_mode = sci_mode


def get_printoptions():
    """The current print options as a dict that set_printoptions(**options) accepts."""
    return dataclasses.asdict(PRINT_OPTS)


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
        if PRINT_OPTS.sci_mode is not None:
            self.sci_mode = bool(PRINT_OPTS.sci_mode)
        elif self.int_mode:
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
            return f"{v:.{PRINT_OPTS.precision}e}"
        if self.int_mode:
            return f"{v:.0f}."
        return f"{v:.{PRINT_OPTS.precision}f}"

    def format(self, v):
        return self._fmt(v).rjust(self.max_width)


def _summarized_values(a, summarize):
    if not summarize or a.ndim == 0:
        return a.ravel().tolist()
    out = []
    if a.ndim == 1:
        if a.shape[0] > 2 * PRINT_OPTS.edgeitems:
            return a[:PRINT_OPTS.edgeitems].tolist() + a[-PRINT_OPTS.edgeitems:].tolist()
        return a.tolist()
    rows = range(a.shape[0])
    if a.shape[0] > 2 * PRINT_OPTS.edgeitems:
        rows = list(range(PRINT_OPTS.edgeitems)) + list(range(a.shape[0] - PRINT_OPTS.edgeitems, a.shape[0]))
    for i in rows:
        out.extend(_summarized_values(a[i], summarize))
    return out


def _format_array(a, fmt, indent, summarize):
    if a.ndim == 0:
        return fmt.format(a.item())
    if a.ndim == 1:
        items = [fmt.format(v) for v in a.tolist()]
        edge = PRINT_OPTS.edgeitems
        if summarize and len(items) > 2 * edge:
            items = items[:edge] + [" ..."] + items[-edge:]  # torch pads it with a space
        per_line = max(1, (PRINT_OPTS.linewidth - indent) // (fmt.max_width + 2))
        lines = [", ".join(items[i:i + per_line]) for i in range(0, len(items), per_line)]
        return "[" + (",\n" + " " * (indent + 1)).join(lines) + "]"
    rows = list(range(a.shape[0]))
    parts = []
    edge = PRINT_OPTS.edgeitems
    for k, i in enumerate(rows):
        if summarize and a.shape[0] > 2 * edge and edge <= i < a.shape[0] - edge:
            if i == edge:
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
    summarize = a.size > PRINT_OPTS.threshold
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
    """torch's rule: a suffix that would run the last line past the line width starts a new line."""
    parts = [text]
    last_line_len = len(text) - text.rfind("\n") + 1  # torch's count (2 more than the line when on one line)
    for suffix in suffixes:
        if last_line_len + len(suffix) + 2 > PRINT_OPTS.linewidth:
            parts.append(",\n" + " " * indent + suffix)
            last_line_len = indent + len(suffix)
        else:
            parts.append(", " + suffix)
            last_line_len += len(suffix) + 2
    parts.append(")")
    return "".join(parts)
