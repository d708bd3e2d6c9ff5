"""MkDocs hook: fills the page ops.md with a table of every exported op, generated at build time.

The rows come from the gradient-check suite's registry (tests/op_db.py: one entry per differentiable op,
with whether its second derivative is checked and whether it is compared with torch) and from the
coverage test's list of exports that are not differentiable (tests/test_gradcheck_coverage.py, each with
its reason). The dtype column is measured here: each op's first sample is run with its floating-point
inputs cast to each dtype, and a dtype is listed when fastgrad accepts it.
"""
import sys
from pathlib import Path

MARKER = "<!-- op-table -->"
DTYPES = ("float32", "float64", "int64", "bool")
ROOT = Path(__file__).resolve().parents[2]


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, op_table())


def _load():
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        import op_db
        import test_gradcheck_coverage as coverage
    finally:
        sys.path.remove(str(ROOT / "tests"))
    return op_db, coverage.NON_DIFFERENTIABLE


def _dtypes(op_db, info):
    """The dtypes of DTYPES with which the op's first sample runs in fastgrad (no gradient)."""
    import fastgrad

    sample = info.samples()[0]
    float_specs = [s for s in sample.specs() if isinstance(s, op_db.T) and s.dtype == op_db.F64]
    if not float_specs:
        return []
    originals = [s.array for s in float_specs]
    grads = [s.grad for s in float_specs]
    ok = []
    try:
        for name in DTYPES:
            for s, a in zip(float_specs, originals):
                s.array, s.grad = a.astype(name), False
            try:
                fn, leaves = op_db.materialize(sample, fastgrad, info.op)
                with fastgrad.no_grad():
                    fn(*leaves)
                ok.append(name)
            except Exception:  # noqa: BLE001  any refusal means: not supported for this dtype
                pass
    finally:
        for s, a, g in zip(float_specs, originals, grads):
            s.array, s.grad = a, g
    return ok


def op_table():
    op_db, non_differentiable = _load()
    rows, seen = [], set()
    for info in op_db.op_db:
        if not info.differentiable:
            continue  # an entry for its error cases only; the export is in the list without a gradient
        samples = info._samples()
        against = (["torch"] if any(s.compare for s in samples) else []) + (["numpy"] if info.ref_np else [])
        gradgrad = info.gradgrad and any(s.gradcheck and s.gradgrad for s in samples)
        names = " ".join(f"`{c}`" for c in info.covers)
        rows.append((info.name, names, ", ".join(_dtypes(op_db, info)) or "-", "yes",
                     "yes" if gradgrad else "no", ", ".join(against) or "-"))
        seen.update(info.covers)
    reasons = {}  # reason text -> its number in the legend below the table
    for name, reason in non_differentiable.items():
        if name in seen:
            continue
        n = reasons.setdefault(reason, len(reasons) + 1)
        rows.append((name, f"`{name}`", "-", f"no ({n})", "-", "-"))
    rows.sort(key=lambda r: r[0].lower())
    n_diff = sum(1 for r in rows if r[3] == "yes")
    head = ["| Op | dtypes (measured) | Gradient | Second derivative | Values checked against |",
            "|---|---|---|---|---|"]
    body = [f"| {r[1]} | {r[2]} | {r[3]} | {r[4]} | {r[5]} |" for r in rows]
    legend = [f"{n}. {reason}" for reason, n in sorted(reasons.items(), key=lambda kv: kv[1])]
    summary = (f"{n_diff} differentiable ops, each checked by finite differences in float64, and "
               f"{len(rows) - n_diff} exports without a gradient, as in torch (the reasons are listed after "
               "the table).")
    return "\n".join([summary, "", *head, *body, "", "Why an op has no gradient:", "", *legend])
