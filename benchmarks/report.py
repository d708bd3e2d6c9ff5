"""results.md: the tables a reader compares, in the order a reader asks (training, inference, overhead, ...).

A figure measured while other processes loaded the machine is printed as "loaded" (or "unsteady" when its
rounds disagree), never as a number, and no ratio or goal is derived from it: see summarize.py.
"""
from summarize import distrust


def fmt_time(s):
    if s is None:
        return "-"
    if s < 1e-3:
        return f"{s * 1e6:.2f} us"
    if s < 1:
        return f"{s * 1e3:.2f} ms"
    return f"{s:.2f} s"


def fmt_ratio(r, withheld=None):
    if withheld:
        return f"- ({withheld})"
    return "-" if r is None else f"{r:.2f}x"


def _cell(fig, metric):
    if not fig:
        return "-"
    if "value" not in fig:
        return f"error: {fig['error']}"[:90].replace("|", "/")
    if distrust(fig):
        return distrust(fig)
    return f"{fig['value']:.0f} MiB" if metric == "peak_rss_mib" else fmt_time(fig["value"])


def _gflops(fig):
    if not fig:
        return "-"
    if "gflops" not in fig:
        return f"error: {fig.get('error', '?')}"[:60].replace("|", "/")
    return distrust(fig) or f"{fig['gflops']:.1f}"


def _machine_lines(meta):
    m, fws = meta["machine"], meta["frameworks"]
    lines = [f"- Machine: {m['cpu_model']}, {m['usable_cpus']} usable CPUs "
             f"({m['physical_cores'] or '?'} physical cores), {m['memory_gib']} GiB, "
             f"SIMD: {' '.join(m['simd_flags']) or 'unknown'}",
             f"- Python {m['python']}"]
    for label, info in fws.items():
        line = f"- {label}: module `{info.get('module')}` {info.get('version') or ''}".rstrip()
        if info.get("isa"):
            line += f", ISA level {info['isa']['value']}"
        lines.append(line)
    lines.append(f"- Mode: {meta['mode']}, {meta['rounds']} rounds per workload, frameworks alternated "
                 f"process by process; figures are medians. Command: `{meta['command']}`")
    return lines


def markdown(meta, rows, target_rows):
    cand, base, npl = meta["candidate"], meta["baseline"], meta["numpy"]
    out = ["# fastgrad benchmark results", ""] + _machine_lines(meta) + [""]

    main = [r for r in rows if r["section"] != "GEMM"]
    if main:
        head = f"| Workload | Threads | {cand} |" + (f" {base} | Speed-up ({base} / {cand}) |" if base else "")
        out += [f"Times per call (memory: peak RSS). Speed-up above 1 means {cand} is faster "
                "(or uses less memory).", "", head,
                "|---|---:|---:|" + ("---:|---:|" if base else "")]
        for r in main:
            figs = r["frameworks"]
            line = f"| {r['label']} | {r['threads']} | {_cell(figs.get(cand), r['metric'])} |"
            if base:
                line += (f" {_cell(figs.get(base), r['metric'])} | "
                         f"{fmt_ratio(r.get('speedup_vs_baseline'), r.get('speedup_vs_baseline_withheld'))} |")
            out.append(line)
        out.append("")

    gemm = [r for r in rows if r["section"] == "GEMM"]
    if gemm:
        labels = [x for x in (cand, base, npl) if x]
        head = "| GEMM (float32, GFLOP/s) | M x K x N | Threads | " + " | ".join(labels) + " |"
        ratios = [x for x in (base, npl) if x]
        head += "".join(f" {cand} / {x} |" for x in ratios)
        out += [head, "|---|---|---:|" + "---:|" * (len(labels) + len(ratios))]
        for r in gemm:
            shape = r["workload"][len("gemm-"):]
            if "x" not in shape:
                shape = f"{shape}x{shape}x{shape}"
            line = f"| {r['label']} | {shape} | {r['threads']} | "
            line += " | ".join(_gflops(r["frameworks"].get(x)) for x in labels) + " |"
            if base:
                line += f" {fmt_ratio(r.get('speedup_vs_baseline'), r.get('speedup_vs_baseline_withheld'))} |"
            if npl:
                line += f" {fmt_ratio(r.get('speedup_vs_numpy'), r.get('speedup_vs_numpy_withheld'))} |"
            out.append(line)
        out.append("")

    epoch = [r for r in rows if r["workload"] == "epoch"]
    for r in epoch:
        accs = {k: v.get("test_accuracy") for k, v in r["frameworks"].items() if v.get("test_accuracy") is not None}
        if accs:
            epochs = next(iter(r["frameworks"].values())).get("epochs_run")
            out.append(f"Test accuracy after the {epochs} epochs of the epoch workload ({r['threads']} thread(s)), "
                       "a check that both trained: " + ", ".join(f"{k} {v:.3f}" for k, v in accs.items()) + ".")
            out.append("")

    for label in meta.get("rebuilt_during_run", []):
        out += [f"Warning: {label}'s compiled extension was rebuilt during this run; its figures mix builds.", ""]
    figs = [f for r in rows for f in r["frameworks"].values() if "value" in f]
    disturbed = sum(f.get("rounds_disturbed", 0) for f in figs)
    if disturbed:
        total = sum(len(f["rounds"]) + f.get("rounds_set_aside", 0) for f in figs)
        out.append(f"Other processes used the CPUs (> 0.25 cores) during {disturbed} of {total} measured rounds. "
                   "Those rounds were left out where undisturbed rounds of the same figure existed.")
        out.append("")
    untrusted = sum(1 for f in figs if distrust(f))
    if untrusted:
        out.append(f"{untrusted} figure(s) read \"loaded\" (every round ran while other processes used the CPUs) or "
                   "\"unsteady\" (rounds more than 3x apart): they are not shown and no speed-up is computed from "
                   "them. Run again on a quiet machine; the raw rounds are in results.json.")
        out.append("")

    if target_rows:
        out += [f"Speed goals for {cand}:", "", "| Goal | Ratio | Met |", "|---|---:|---|"]
        for t in target_rows:
            met = ("not measured" + (f" ({t['withheld']})" if t.get("withheld") else "") if t["met"] is None
                   else ("yes" if t["met"] else "no"))
            out.append(f"| {t['target']} | {fmt_ratio(t['ratio'], t.get('withheld'))} | {met} |")
        out.append("")
    return "\n".join(out)
