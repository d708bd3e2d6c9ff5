"""The third-party corpus: public PyTorch scripts written by others (tutorials, examples, lecture and course
code) run once with torch and once with fastgrad through the `torch` shim, and what they print compared
(script_compare.py, as for our own scripts in test_compat_scripts.py).

tests/compat/corpus/corpus.toml lists every script with its source, licence and changes; the scripts are
not in the repository (README.md there says where they come from), so a checkout without them skips these
tests. A script fastgrad does not run yet is a strict xfail whose reason is its first error: the count of
xfails is the distance to go, and a script that starts passing fails the suite until its xfail is deleted."""
import tomllib
from pathlib import Path

import pytest

from script_compare import compare_outputs, first_error, run_script

CORPUS = Path(__file__).parent / "compat" / "corpus"
MANIFEST = tomllib.loads((CORPUS / "corpus.toml").read_text())
SCRIPTS = MANIFEST["scripts"]


class TorchRunFailed(Exception):
    """The script fails under torch itself: a broken corpus entry, never an expected fastgrad failure."""


def _params():
    for name, entry in SCRIPTS.items():
        # raises=AssertionError: only a fastgrad failure or difference is expected, never TorchRunFailed
        marks = [pytest.mark.xfail(reason=entry["xfail"], strict=True, raises=AssertionError)] \
            if "xfail" in entry else []
        yield pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("name", list(_params()))
def test_corpus_script_prints_what_torch_prints(name):
    script = CORPUS / f"{name}.py"
    if not script.exists():
        pytest.skip(f"{script.name} is not in this checkout: the third-party scripts are kept out of the "
                    "repository (tests/compat/corpus/README.md)")
    pytest.importorskip("torch")
    entry = SCRIPTS[name]
    theirs = run_script(script, with_fastgrad=False, seed=0)
    if theirs.returncode != 0:
        raise TorchRunFailed(f"{script.name} fails under torch: {first_error(theirs.stderr)}")
    if not theirs.stdout.strip():
        raise TorchRunFailed(f"{script.name} prints nothing under torch: nothing to compare")
    ours = run_script(script, with_fastgrad=True, seed=0)
    assert ours.returncode == 0, f"{script.name} fails under fastgrad: {first_error(ours.stderr)}"
    problems = compare_outputs(ours.stdout, theirs.stdout, entry.get("ignore", ()), entry.get("abs_tol", 0.0))
    assert not problems, f"{script.name}:\n" + "\n".join(problems[:10])


def test_manifest_entries_say_where_from_and_what_changed():
    assert len(SCRIPTS) >= 15
    for name, entry in SCRIPTS.items():
        assert entry["source"].startswith("https://github.com/"), name
        assert entry["licence"] and entry["changes"], name
        assert set(entry) <= {"source", "licence", "changes", "ignore", "abs_tol", "xfail"}, name


def test_every_corpus_script_present_is_listed():
    present = {p.stem for p in CORPUS.glob("*.py") if not p.name.startswith("_")}
    assert present <= set(SCRIPTS), f"not in corpus.toml: {sorted(present - set(SCRIPTS))}"
