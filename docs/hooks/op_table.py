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
    rows = []
    for info in op_db.op_db:
        samples = info._samples()
        compared = any(s.compare for s in samples)
        gradgrad = info.gradgrad and any(s.gradcheck and s.gradgrad for s in samples)
        covers = ", ".join(f"`{c}`" for c in info.covers[1:])
        rows.append((info.name, ", ".join(_dtypes(op_db, info)), "yes (gradcheck, float64)",
                     "yes (gradgradcheck)" if gradgrad else "no", "yes" if compared else "no", covers))
    for name, reason in sorted(non_differentiable.items()):
        rows.append((name, "", f"no: {reason}", "-", "-", ""))
    rows.sort(key=lambda r: r[0].lower())
    head = ["| Op | dtypes (measured) | Differentiable | Second derivative | Checked against torch | Also covers |",
            "|---|---|---|---|---|---|"]
    body = [f"| `{r[0]}` | {r[1] or '-'} | {r[2]} | {r[3]} | {r[4]} | {r[5] or '-'} |" for r in rows]
    n_diff = len(op_db.op_db)
    summary = (f"{n_diff} differentiable ops (each checked by finite differences in float64, and against torch "
               f"where marked) and {len(non_differentiable)} exports without a gradient, as in torch.")
    return summary + "\n\n" + "\n".join(head + body)
