"""MkDocs hook: puts the latest benchmark results into benchmarks.md.

The source is a committed run of the harness when there is one (docs/benchmarks/results.md and its PNG plots,
written by `python benchmarks/run.py --quick --out docs/benchmarks`), else the tables of README.md's
"Benchmarks" section, so the page and the README never disagree.
"""
import re
from pathlib import Path

MARKER = "<!-- benchmark-results -->"
DOCS = Path(__file__).resolve().parents[1]
RUN = DOCS / "benchmarks"
README = DOCS.parent / "README.md"
PLOTS = (("speedup.png", "Speed-up over torch per workload"), ("gemm.png", "GEMM throughput against matrix size"))


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, results())


def results():
    if (RUN / "results.md").is_file():
        lines = (RUN / "results.md").read_text().splitlines()
        body = "\n".join(lines[1:] if lines and lines[0].startswith("# ") else lines)
    else:
        readme = README.read_text()
        section = re.search(r"^## Benchmarks\n(.*?)(?=^## )", readme, re.S | re.M)
        body = section.group(1).strip() if section else "No benchmark run has been recorded yet."
    plots = [f"![{title}](benchmarks/{name})" for name, title in PLOTS if (RUN / name).is_file()]
    return body + ("\n\n## Plots\n\n" + "\n\n".join(plots) if plots else "")
