"""Hostile checkpoint files: fastgrad.load checks the safetensors header against the file before it
allocates, so a forged header cannot make it read out of bounds, allocate without limit or run code.

The files are forged here, byte by byte. Every case runs in one worker subprocess (a crash fails the
test instead of killing pytest) whose address space is capped (RLIMIT_AS, outside sanitizer builds)
and whose Python/numpy allocations are traced: a loader that believed a header claiming 2**80 bytes
would fail with MemoryError or exceed the traced peak, instead of raising the clear RuntimeError.
"""
import json
import os
import struct
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve()
PEAK_LIMIT = 32 << 20  # bytes of traced Python/numpy allocation any one load may reach


def st_bytes(header, data=b"", length=None):
    h = json.dumps(header).encode() if not isinstance(header, bytes) else header
    return struct.pack("<Q", len(h) if length is None else length) + h + data


def _f32(shape, offsets):
    return {"dtype": "F32", "shape": shape, "data_offsets": offsets}


def _meta(structure):
    return {"fastgrad": json.dumps({"version": 1, "structure": structure})}


# id -> (file bytes, message regex). Each must raise RuntimeError naming the problem.
def hostile_files():
    big = 2 ** 40
    deep = b'{"a": ' + b"[" * 100000 + b"]" * 100000 + b"}"
    nested = '{"version": 1, "structure": ' + '{"__list__": [' * 5000 + "]}" * 5000 + "}"
    return {
        "empty": (b"", r"not a safetensors file"),
        "seven_bytes": (b"\x01" * 7, r"not a safetensors file"),
        "length_prefix_max": (struct.pack("<Q", 2 ** 64 - 1) + b"{}", r"truncated|header claims"),
        "length_prefix_one_past_file": (st_bytes({}, length=3), r"truncated|header claims"),
        "header_not_json": (st_bytes(b"{not json"), r"not JSON"),
        "header_not_utf8": (st_bytes(b"\xff\xfe\xfd"), r"not JSON"),
        "header_is_list": (st_bytes([1, 2, 3]), r"not a JSON object"),
        "header_deeply_nested": (st_bytes(deep), r"not JSON|malformed"),
        "entry_not_object": (st_bytes({"w": 5}), r"malformed"),
        "huge_shape_tiny_span": (st_bytes({"w": _f32([big, big], [0, 4])}, b"\0" * 4), r"needs more bytes"),
        "huge_shape_huge_span": (st_bytes({"w": _f32([big, big], [0, 2 ** 82])}, b"\0" * 64),
                                 r"needs more bytes|truncated"),
        "huge_span_past_end": (st_bytes({"w": _f32([2 ** 60], [0, 2 ** 62])}, b"\0" * 64), r"truncated"),
        "offsets_past_end": (st_bytes({"w": _f32([1024], [0, 4096])}, b"\0" * 16), r"truncated"),
        "offsets_negative": (st_bytes({"w": _f32([4], [-16, 0])}, b"\0" * 16), r"data_offsets"),
        "offsets_reversed": (st_bytes({"w": _f32([2], [8, 0])}, b"\0" * 16), r"data_offsets"),
        "offsets_strings": (st_bytes({"w": _f32([2], ["0", "8"])}, b"\0" * 16), r"data_offsets"),
        "offsets_floats": (st_bytes({"w": _f32([2], [0, 1e30])}, b"\0" * 16), r"data_offsets"),
        "offsets_missing": (st_bytes({"w": {"dtype": "F32", "shape": [2]}}, b"\0" * 8), r"data_offsets"),
        "shape_negative": (st_bytes({"w": _f32([-1, -8], [0, 32])}, b"\0" * 32), r"shape"),
        "shape_not_list": (st_bytes({"w": _f32("ab", [0, 8])}, b"\0" * 8), r"shape"),
        "dtype_unknown": (st_bytes({"w": {"dtype": "Q7", "shape": [2], "data_offsets": [0, 8]}}, b"\0" * 8),
                          r"dtype"),
        "overlapping_entries": (st_bytes({"a": _f32([2], [0, 8]), "b": _f32([2], [0, 8])}, b"\0" * 8),
                                r"could not read|offset"),
        "metadata_not_strings": (st_bytes({"__metadata__": {"fastgrad": 5}}), r"__metadata__"),
        "metadata_not_json": (st_bytes({"__metadata__": {"fastgrad": "{oops"}}), r"corrupt fastgrad metadata"),
        "metadata_missing_tensor": (st_bytes({"__metadata__": _meta({"__tensor__": "ghost"})}),
                                    r"missing tensor 'ghost'"),
        "metadata_unknown_node": (st_bytes({"__metadata__": _meta({"__code__": "os.system('x')"})}),
                                  r"unrecognised"),
        "metadata_bad_dict_items": (st_bytes({"__metadata__": _meta({"__dict__": [[1, 2, 3]]})}),
                                    r"corrupt fastgrad metadata"),
        "metadata_unhashable_key": (st_bytes({"__metadata__": _meta({"__dict__": [[[1], 2]]})}),
                                    r"corrupt fastgrad metadata"),
        "metadata_deeply_nested": (st_bytes({"__metadata__": {"fastgrad": nested}}), r"corrupt fastgrad metadata"),
    }


def _worker(cases):
    import resource
    import tempfile
    import fastgrad  # noqa: F401  (loaded before the address space is capped)
    if not os.environ.get("FASTGRAD_SANITIZED"):
        # 4 GiB of address space: enough for the interpreter, numpy, OpenMP stacks and these files.
        resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
    files = hostile_files()
    with tempfile.TemporaryDirectory() as d:
        for cid in cases:
            print(json.dumps(load_traced(os.path.join(d, cid), cid, files[cid][0])), flush=True)


def load_traced(path, cid, raw):
    """Writes ``raw`` to ``path`` and loads it: the exception raised and the traced allocation peak
    beyond the file's own size. Shared with test_checkpoint_hostile's worker."""
    import tracemalloc
    import fastgrad as fg
    with open(path, "wb") as fh:
        fh.write(raw)
    tracemalloc.start()
    try:
        fg.load(path)
        out = {"id": cid, "type": None, "msg": ""}
    except BaseException as e:  # noqa: BLE001
        out = {"id": cid, "type": type(e).__name__, "msg": str(e)[:400]}
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    out["peak"] = peak - len(raw)
    return out


def run_script(script, args, timeout=120):
    """Runs ``python script --worker *args`` with this fastgrad importable."""
    import fastgrad
    env = dict(os.environ)
    parent = str(Path(list(fastgrad.__path__)[0]).parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (parent, env.get("PYTHONPATH")) if p)
    return subprocess.run([sys.executable, str(script), "--worker", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


def run_worker(ids, script=HERE, leading=()):
    """Runs the cases ``ids`` in worker subprocesses; a case that kills its worker is reported as a crash
    and a fresh worker carries on after it. ``leading`` arguments go before the ids."""
    results, pending = {}, list(ids)
    while pending:
        proc = run_script(script, [*leading, *pending])
        for line in proc.stdout.splitlines():
            if line.startswith("{"):
                r = json.loads(line)
                results[r["id"]] = r
        pending = [i for i in pending if i not in results]
        if pending:
            crasher = pending.pop(0)
            results[crasher] = {"id": crasher, "type": f"CRASH(rc={proc.returncode})", "msg": proc.stderr[-1500:],
                                "peak": 0}
    return results


def test_hostile_headers_raise_clear_errors_without_allocating():
    import re
    files = hostile_files()
    results = run_worker(list(files))
    failures = []
    for cid, (_raw, pattern) in files.items():
        r = results[cid]
        if r["type"] != "RuntimeError" or not re.search(pattern, r["msg"]):
            failures.append(f"{cid}: {r['type']}: {r['msg'][:300]} (expected RuntimeError /{pattern}/)")
        elif r["peak"] > PEAK_LIMIT:
            failures.append(f"{cid}: traced allocation peaked at {r['peak']} bytes")
    print(f"{len(files)} hostile checkpoint files")
    assert not failures, "\n".join(failures)


def test_pickle_payload_never_runs(tmp_path):
    """A plain pickle that would run code when unpickled is refused as a file of no checkpoint format,
    in both load modes: only a torch zip archive's data.pkl is ever unpickled."""
    import pickle
    import fastgrad as fg
    import pytest
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    path = tmp_path / "evil.pt"
    path.write_bytes(pickle.dumps({"state_dict": Evil()}))
    with pytest.raises(pickle.UnpicklingError, match="plain pickle"):
        fg.load(path)
    with pytest.raises(RuntimeError, match="plain pickle"):
        fg.load(str(path), weights_only=False)
    assert not marker.exists()


def test_truncation_at_every_length_is_clean(tmp_path):
    """Every prefix of a real checkpoint fails with RuntimeError (or, for the full file, loads)."""
    import fastgrad as fg
    import pytest
    path = tmp_path / "ok.safetensors"
    fg.save({"w": fg.arange(6.0).reshape(2, 3), "step": 3, "b": fg.tensor([True, False])}, path)
    raw = path.read_bytes()
    cut = tmp_path / "cut.safetensors"
    for n in range(len(raw)):
        cut.write_bytes(raw[:n])
        with pytest.raises(RuntimeError):
            fg.load(cut)
    back = fg.load(path)
    assert back["step"] == 3 and back["w"].tolist() == [[0, 1, 2], [3, 4, 5]]


def test_foreign_safetensors_file_loads(tmp_path):
    """A plain safetensors file from another tool loads with its own dtypes (float16, int32, ...)."""
    import numpy as np
    import pytest
    save_file = pytest.importorskip("safetensors.numpy").save_file
    import fastgrad as fg
    path = tmp_path / "foreign.safetensors"
    save_file({"h": np.arange(4, dtype=np.float16), "i": np.arange(3, dtype=np.int32),
               "e": np.zeros((0, 5), dtype=np.float32)}, str(path))
    back = fg.load(path)
    assert back["h"].dtype == fg.float16 and back["h"].tolist() == [0, 1, 2, 3]
    assert back["i"].dtype == fg.int32 and back["i"].tolist() == [0, 1, 2]
    assert tuple(back["e"].shape) == (0, 5)


def test_bit_flips_never_crash(tmp_path):
    """Random single-byte corruptions of a real safetensors checkpoint: a result or a clean exception."""
    script = r"""
import os, pickle, random, sys
import fastgrad as fg
p = sys.argv[1]
fg.save({"w": fg.randn(4, 3), "opt": {"step": 2, "betas": (0.9, 0.99)}, "i": fg.arange(5)}, p)
raw = bytearray(open(p, "rb").read())
rng = random.Random(0)
ok = err = 0
for _ in range(400):
    b = bytearray(raw)
    for _ in range(rng.randint(1, 3)):
        b[rng.randrange(len(b))] = rng.randrange(256)
    open(p, "wb").write(b)
    try:
        fg.load(p); ok += 1
    except (RuntimeError, ValueError, TypeError, KeyError, pickle.UnpicklingError):
        err += 1
print(ok, err)
"""
    import fastgrad
    env = dict(os.environ)
    parent = str(Path(list(fastgrad.__path__)[0]).parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (parent, env.get("PYTHONPATH")) if p)
    proc = subprocess.run([sys.executable, "-c", script, str(tmp_path / "f.safetensors")], capture_output=True,
                          text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    ok, err = map(int, proc.stdout.split())
    assert ok + err == 400


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        _worker(sys.argv[2:])
        sys.exit(0)
    sys.path.insert(0, str(HERE.parent.parent / "python"))
    for cid, r in run_worker(list(hostile_files())).items():
        print(cid, r["type"], r["peak"], r["msg"][:150])
