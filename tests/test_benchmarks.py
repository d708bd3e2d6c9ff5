"""The benchmark harness: the worker runs tiny workloads in a subprocess and reports well-formed JSON, and the
summary never turns a round measured on a loaded machine into a ratio or a met goal. Timings are never asserted
(they belong to benchmarks/, not to tests)."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def _worker(*args):
    cmd = [sys.executable, str(BENCH / "worker.py"), "--framework", "torch", "--threads", "1",
           "--warmup-s", "0", "--block-s", "0", "--blocks", "2", *args]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=dict(os.environ))
    assert r.returncode == 0, r.stderr
    return json.loads([ln for ln in r.stdout.splitlines() if ln.startswith("{")][-1])


def test_worker_reports_each_workload():
    pytest.importorskip("torch")
    # one subprocess for all checks: a torch import is most of this test's time
    out = _worker("--workload", "train-sgd-b1", "no-such-thing", "op-add", "gemm-8x16x4-tn", "--info")
    assert out["framework"] == "torch" and out["threads"] == 1
    assert out["threads_reported"] == 1
    by_name = {r["workload"]: r for r in out["results"]}
    assert list(by_name) == ["train-sgd-b1", "no-such-thing", "op-add", "gemm-8x16x4-tn"]
    bad = by_name.pop("no-such-thing")
    assert not bad["ok"] and "unknown workload" in bad["error"]  # reported, and the run goes on
    for r in by_name.values():
        assert r["ok"], r.get("error")
        assert r["time_s"] > 0 and len(r["samples_s"]) == 2
    assert by_name["gemm-8x16x4-tn"]["gflops"] > 0
    # the machine's load is measured around each workload, not just around the process
    assert all("foreign_cores" in r for r in out["results"])
    assert "final_loss" in by_name["train-sgd-b1"]
    assert out["info"]["version"]
    assert "build" in out


def test_plan_names_resolve():
    before = set(sys.modules)
    sys.path.insert(0, str(BENCH))
    try:
        import plan
        from workloads import resolve
        for item in plan.full_items() + plan.quick_items():
            resolve(item.workload)
    finally:
        sys.path.remove(str(BENCH))
        for name in set(sys.modules) - before:  # the harness's module names (plan, timing) are generic
            del sys.modules[name]


@pytest.fixture
def harness():
    """The harness's modules (plan, summarize, report: generic names), imported from benchmarks/ and then removed."""
    before = set(sys.modules)
    sys.path.insert(0, str(BENCH))
    try:
        import plan
        import report
        import summarize
        yield plan, summarize, report
    finally:
        sys.path.remove(str(BENCH))
        for name in set(sys.modules) - before:
            del sys.modules[name]


def _rounds(times, loads):
    return [{"ok": True, "time_s": t, "foreign_cores": c, "steal_cores": 0.0} for t, c in zip(times, loads)]


def _summarize(harness, raw):
    plan, summarize, report = harness
    items = [plan.Item("op-add", 1, "Overhead", "a + b, 4 elements")]
    rows = summarize.summarize(items, raw, "fastgrad", "torch", None)
    meta = {"machine": {"cpu_model": "cpu", "usable_cpus": 2, "physical_cores": 2, "memory_gib": 4,
                        "simd_flags": [], "python": "3"},
            "frameworks": {}, "mode": "quick", "rounds": 3, "command": "python benchmarks/run.py",
            "candidate": "fastgrad", "baseline": "torch", "numpy": None}
    targets = summarize.targets(rows)
    return rows[0], targets, report.markdown(meta, rows, targets)


def test_clean_rounds_give_a_ratio_and_a_goal(harness):
    raw = {"fastgrad": {"op-add@1t": _rounds([0.4e-6, 0.41e-6, 0.39e-6], [0.0, 0.1, 0.0])},
           "torch": {"op-add@1t": _rounds([1.0e-6, 1.1e-6, 0.9e-6], [0.0, 0.0, 0.0])}}
    row, targets, md = _summarize(harness, raw)
    assert row["speedup_vs_baseline"] == pytest.approx(1.0e-6 / 0.4e-6)
    assert targets[0]["met"] is True and targets[0]["withheld"] is None
    assert "| a + b, 4 elements | 1 | 0.40 us | 1.00 us | 2.50x |" in md
    assert "| yes |" in md


def test_loaded_rounds_never_reach_the_tables(harness):
    # torch's every round ran beside a compile: 1000x slower. No ratio, and the goal is not counted as met.
    raw = {"fastgrad": {"op-add@1t": _rounds([0.4e-6, 0.41e-6, 0.39e-6], [0.0, 0.0, 0.0])},
           "torch": {"op-add@1t": _rounds([400e-6, 500e-6, 450e-6], [1.2, 0.9, 1.5])}}
    row, targets, md = _summarize(harness, raw)
    assert row["speedup_vs_baseline"] is None and row["speedup_vs_baseline_withheld"] == "loaded"
    assert targets[0]["met"] is None and targets[0]["withheld"] == "loaded"
    assert "| a + b, 4 elements | 1 | 0.40 us | loaded | - (loaded) |" in md
    assert "| not measured (loaded) |" in md
    assert not re.search(r"\d\.\d\dx", md)  # no ratio anywhere in the report


def test_loaded_rounds_are_set_aside_when_clean_ones_exist(harness):
    raw = {"fastgrad": {"op-add@1t": _rounds([0.4e-6, 40e-6, 0.4e-6], [0.0, 1.5, 0.0])},
           "torch": {"op-add@1t": _rounds([1.0e-6, 1.0e-6, 1.0e-6], [0.0, 0.0, 0.0])}}
    row, targets, _ = _summarize(harness, raw)
    assert row["frameworks"]["fastgrad"]["rounds_set_aside"] == 1
    assert row["speedup_vs_baseline"] == pytest.approx(2.5)


def test_unsteady_rounds_the_meter_missed_give_no_ratio(harness):
    # A disturbance the load meter did not see still shows as rounds 100x apart.
    raw = {"fastgrad": {"op-add@1t": _rounds([0.4e-6, 40e-6, 0.4e-6], [0.0, 0.0, 0.0])},
           "torch": {"op-add@1t": _rounds([1.0e-6, 1.0e-6, 1.0e-6], [0.0, 0.0, 0.0])}}
    row, targets, md = _summarize(harness, raw)
    assert row["speedup_vs_baseline"] is None and targets[0]["met"] is None
    assert "| not measured (unsteady) |" in md
