"""PNG plots: the speed-up of every workload, and GEMM throughput against matrix size."""
import matplotlib

matplotlib.use("Agg")  # no display on a build machine
import matplotlib.pyplot as plt  # noqa: E402


def speedup_bars(rows, candidate, baseline, path):
    rows = [r for r in rows if r.get("speedup_vs_baseline")]
    if not rows:
        return None
    labels = [f"{r['label']} [{r['threads']}t]" for r in rows]
    values = [r["speedup_vs_baseline"] for r in rows]
    fig, ax = plt.subplots(figsize=(10, 0.32 * len(rows) + 1.5))
    y = range(len(rows))
    bars = ax.barh(y, values, color=["#2a9d8f" if v >= 1 else "#e76f51" for v in values])
    for bar, r in zip(bars, rows):
        if any(f.get("contended") for f in r["frameworks"].values()):
            bar.set_hatch("///")
            bar.set_alpha(0.5)
    ax.axvline(1.0, color="black", linewidth=1)
    ax.set_xscale("log")
    ax.set_yticks(list(y), labels, fontsize=8)
    ax.invert_yaxis()
    for i, v in enumerate(values):
        ax.text(v, i, f" {v:.2f}x", va="center", fontsize=7)
    # two lines: one long line runs past the figure's edge
    ax.set_xlabel(f"speed-up: {baseline} time / {candidate} time (log scale; right of 1 = {candidate} faster)\n"
                  "hatched: measured beside other load")
    ax.set_title(f"{candidate} vs {baseline}")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def gemm_lines(rows, labels, path):
    squares = [r for r in rows if r["section"] == "GEMM" and "x" not in r["workload"][len("gemm-"):]]
    if not squares:
        return None
    fig, ax = plt.subplots(figsize=(8, 5))
    styles = {1: "--", 2: "-"}
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for label, color in zip(labels, colors):
        for threads in sorted({r["threads"] for r in squares}):
            pts = [(int(r["workload"][len("gemm-"):]), r["frameworks"].get(label, {}).get("gflops"))
                   for r in squares if r["threads"] == threads]
            pts = sorted((n, g) for n, g in pts if g)
            if pts:
                ax.plot([n for n, _ in pts], [g for _, g in pts], styles.get(threads, ":"), marker="o", color=color,
                        label=f"{label}, {threads} thread{'s' if threads > 1 else ''}")
    ax.set_xscale("log", base=2)
    sizes = sorted({int(r["workload"][len("gemm-"):]) for r in squares})
    ax.set_xticks(sizes, [str(n) for n in sizes])
    ax.set_xlabel("n (n x n @ n x n, float32)")
    ax.set_ylabel("GFLOP/s")
    ax.set_title("GEMM throughput")
    ax.grid(True, alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path
