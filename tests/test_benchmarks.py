"""Smoke test of the benchmark harness: the worker runs tiny workloads in a subprocess and reports well-formed
JSON. Timings are never asserted (they belong to benchmarks/, not to tests)."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("torch")

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def _worker(*args):
    cmd = [sys.executable, str(BENCH / "worker.py"), "--framework", "torch", "--threads", "1",
           "--warmup-s", "0", "--block-s", "0", "--blocks", "2", *args]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=dict(os.environ))
    assert r.returncode == 0, r.stderr
    return json.loads([ln for ln in r.stdout.splitlines() if ln.startswith("{")][-1])


def test_worker_reports_each_workload():
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
