"""Per-round worker results -> one figure per framework and workload, and the ratios between frameworks.

A figure is the median over rounds of each process's own median. Ratios are taken between those medians;
the per-round paired ratios (the two processes ran seconds apart) are kept too, as a check on drift.

A figure is not trusted when every one of its rounds ran while other processes used the CPUs ("loaded"),
or when its rounds disagree by more than UNSTEADY_SPREAD ("unsteady": a disturbance the load meter missed).
No ratio is computed from an untrusted figure, so a loaded round can never show up as a 1000x speed-up
nor count as meeting a goal; its raw rounds stay in results.json.
"""
import statistics

# (goal, workload key, compare against, minimum ratio): the speed goals the project holds itself to
TARGETS = (
    ("MLP train step SGD, batch 1, 1 thread: >= 5x torch", "train-sgd-b1@1t", "baseline", 5.0),
    ("MLP train step SGD, batch 64, 1 thread: >= 1.3x torch", "train-sgd-b64@1t", "baseline", 1.3),
    ("MLP train step SGD, batch 1024, 1 thread: >= 1x torch", "train-sgd-b1024@1t", "baseline", 1.0),
    ("a + b on 4 elements: >= 2x torch", "op-add@1t", "baseline", 2.0),
    ("GEMM 2048 float32, 2 threads: >= 0.9x numpy", "gemm-2048@2t", "numpy", 0.9),
    ("GEMM 2048 float32, 1 thread: >= 1x torch", "gemm-2048@1t", "baseline", 1.0),
)


# a round during which other processes used more than this many cores is set aside when clean ones exist
CLEAN_BELOW_CORES = 0.25
# rounds of one figure whose slowest is this many times its fastest were disturbed, measured or not
UNSTEADY_SPREAD = 3.0


def metric_name(workload):
    return "peak_rss_mib" if workload.startswith("memory-") else "time_s"


def _figure(rounds, metric):
    good = [r for r in rounds if r.get("ok")]
    if not good:
        first_error = next((r for r in rounds if not r.get("ok")), {})
        return {"error": first_error.get("error", "not run"), "traceback": first_error.get("traceback")}
    clean = [r for r in good if (r.get("foreign_cores") or 0.0) < CLEAN_BELOW_CORES]
    used = clean or good
    values = [r[metric] for r in used]
    fig = {"value": statistics.median(values), "metric": metric, "rounds": values,
           "rounds_disturbed": len(good) - len(clean), "rounds_set_aside": len(good) - len(used), "contended": not clean and "foreign_cores" in good[0],
           "max_foreign_cores": max((r.get("foreign_cores") or 0.0) for r in used)}
    if len(good) < len(rounds):
        fig["failed_rounds"] = len(rounds) - len(good)
    fig["unsteady"] = len(values) > 1 and min(values) > 0 and max(values) / min(values) > UNSTEADY_SPREAD
    if "gflops" in used[0]:
        flops = used[0]["gflops"] * used[0]["time_s"]
        fig["gflops"] = flops / fig["value"]
    for extra in ("test_accuracy", "test_accuracy_error", "mean_loss_last_epoch", "epochs_run", "steps",
                  "rss_after_import_mib", "final_loss", "iters_per_block"):
        if extra in used[-1]:
            fig[extra] = used[-1][extra]
    return fig


def distrust(fig):
    """Why a figure cannot be used in a ratio ('loaded', 'unsteady'), or None when it can."""
    if fig.get("contended"):
        return "loaded"
    if fig.get("unsteady"):
        return "unsteady"
    return None


def _ratio(figs, slower, faster):
    """slower's value / faster's value: > 1 means `faster` wins (less time, less memory). None when a
    figure is missing or not trusted."""
    a, b = figs.get(slower, {}), figs.get(faster, {})
    if "value" not in a or "value" not in b or not b["value"] or distrust(a) or distrust(b):
        return None
    return a["value"] / b["value"]


def _withheld(figs, *labels):
    """The reason a ratio between these figures is not given, or None."""
    return next((distrust(figs[x]) for x in labels if x in figs and distrust(figs[x])), None)


def _paired(figs, slower, faster):
    a, b = figs.get(slower, {}).get("rounds"), figs.get(faster, {}).get("rounds")
    if not a or not b or len(a) != len(b) or figs[slower]["rounds_set_aside"] or figs[faster]["rounds_set_aside"]:
        return None
    return [x / y for x, y in zip(a, b)]


def summarize(items, raw, candidate, baseline, numpy_label):
    """items: plan.Item list; raw: {label: {key: [worker result per round]}}."""
    rows = []
    for item in items:
        metric = metric_name(item.workload)
        figs = {label: _figure(per_key[item.key], metric)
                for label, per_key in raw.items() if item.key in per_key}
        row = {"key": item.key, "workload": item.workload, "threads": item.threads, "section": item.section,
               "label": item.label, "metric": metric, "frameworks": figs}
        if baseline:
            row["speedup_vs_baseline"] = _ratio(figs, baseline, candidate)
            row["speedup_vs_baseline_withheld"] = _withheld(figs, baseline, candidate)
            row["paired_round_ratios"] = _paired(figs, baseline, candidate)
        if numpy_label and numpy_label in figs:
            row["speedup_vs_numpy"] = _ratio(figs, numpy_label, candidate)
            row["speedup_vs_numpy_withheld"] = _withheld(figs, numpy_label, candidate)
        rows.append(row)
    return rows


def targets(rows):
    """Each goal's ratio and whether it is met: None ('not measured') when its ratio was withheld."""
    by_key = {r["key"]: r for r in rows}
    out = []
    for name, key, against, minimum in TARGETS:
        row = by_key.get(key)
        if row is None:
            continue
        field = "speedup_vs_numpy" if against == "numpy" else "speedup_vs_baseline"
        ratio = row.get(field)
        out.append({"target": name, "key": key, "ratio": ratio, "minimum": minimum,
                    "met": None if ratio is None else ratio >= minimum,
                    "withheld": row.get(f"{field}_withheld"),
                    "contended": any(f.get("contended") for f in row["frameworks"].values())})
    return out
