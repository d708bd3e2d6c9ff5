"""PNG plots: the speed-up of every workload, and GEMM throughput against matrix size.

Only trusted ratios are drawn (summarize.py leaves out figures measured on a loaded machine).
"""


def available():
    """matplotlib comes with the `bench` extra; without it run.py writes the tables and says so."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")  # no display on a build machine
    import matplotlib.pyplot as plt

    return plt


def speedup_bars(rows, candidate, baseline, path):
    rows = [r for r in rows if r.get("speedup_vs_baseline")]
    if not rows:
        return None
    plt = _pyplot()
    labels = [f"{r['label']} [{r['threads']}t]" for r in rows]
    values = [r["speedup_vs_baseline"] for r in rows]
    fig, ax = plt.subplots(figsize=(10, 0.32 * len(rows) + 1.5))
    y = range(len(rows))
    ax.barh(y, values, color=["#2a9d8f" if v >= 1 else "#e76f51" for v in values])
    ax.axvline(1.0, color="black", linewidth=1)
    ax.set_xscale("log")
    ax.set_yticks(list(y), labels, fontsize=8)
    ax.invert_yaxis()
    for i, v in enumerate(values):
        ax.text(v, i, f" {v:.2f}x", va="center", fontsize=7)
    # two lines: one long line runs past the figure's edge
    ax.set_xlabel(f"speed-up: {baseline} time / {candidate} time (log scale; right of 1 = {candidate} faster)\n"
                  "figures measured on a loaded machine are left out")
    ax.set_title(f"{candidate} vs {baseline}")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def gemm_lines(rows, labels, path):
    from summarize import distrust

    squares = [r for r in rows if r["section"] == "GEMM" and "x" not in r["workload"][len("gemm-"):]]
    if not squares:
        return None
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 5))
    styles = {1: "--", 2: "-"}
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for label, color in zip(labels, colors):
        for threads in sorted({r["threads"] for r in squares}):
            figs = [(r, r["frameworks"].get(label, {})) for r in squares if r["threads"] == threads]
            pts = [(int(r["workload"][len("gemm-"):]), f.get("gflops")) for r, f in figs if not distrust(f)]
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
