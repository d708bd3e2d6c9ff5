"""MkDocs hook: puts the tables of the committed benchmark run (docs/benchmarks/results.md, written by
`python benchmarks/run.py --quick --out docs/benchmarks`) into benchmarks.md, so the page shows exactly
what the harness printed, with the machine, the command and the load notes."""
from pathlib import Path

MARKER = "<!-- benchmark-results -->"
RESULTS = Path(__file__).resolve().parents[1] / "benchmarks" / "results.md"


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    lines = RESULTS.read_text().splitlines()
    if lines and lines[0].startswith("# "):
        lines = lines[1:]  # the page has its own title
    return markdown.replace(MARKER, "\n".join(lines))
