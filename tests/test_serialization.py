"""fastgrad.save / load to .safetensors paths: round trips, optimizer state, and clear errors on bad files.

The safetensors format is written and read by fastgrad itself; where the safetensors package is
installed, tests check that it reads fastgrad's files and that fastgrad reads its files."""
import json
import pickle

import numpy as np
import pytest

import fastgrad as fg
import fastgrad.nn as nn
import fastgrad.optim as optim


def test_model_state_dict_roundtrip_is_plain_safetensors(tmp_path):
    net = nn.Sequential(nn.Linear(4, 3), nn.BatchNorm1d(3))
    path = tmp_path / "model.safetensors"
    fg.save(net.state_dict(), path)
    loaded = fg.load(path)
    assert list(loaded) == list(net.state_dict())
    for k, v in net.state_dict().items():
        assert loaded[k].dtype == v.dtype
        np.testing.assert_array_equal(loaded[k].numpy(), v.numpy())
    other = nn.Sequential(nn.Linear(4, 3), nn.BatchNorm1d(3))
    other.load_state_dict(loaded)

def test_safetensors_package_reads_our_files(tmp_path):
    st = pytest.importorskip("safetensors.numpy")
    net = nn.Sequential(nn.Linear(4, 3), nn.BatchNorm1d(3))
    path = tmp_path / "model.safetensors"
    fg.save(net.state_dict(), path)
    arrays = st.load_file(str(path))
    assert set(arrays) == set(net.state_dict())
    for k, v in net.state_dict().items():
        np.testing.assert_array_equal(arrays[k], v.numpy())


def test_optimizer_state_dict_roundtrip(tmp_path):
    p = nn.Parameter(fg.randn(3, 2))
    q = nn.Parameter(fg.randn(2))
    opt = optim.Adam([{"params": [p]}, {"params": [q], "lr": 0.5}], lr=0.01, amsgrad=True)
    for _ in range(2):
        opt.zero_grad()
        ((p.sum(0) * q).sum() ** 2).backward()
        opt.step()
    sd = opt.state_dict()
    fg.save(sd, tmp_path / "opt.safetensors")
    back = fg.load(tmp_path / "opt.safetensors")
    assert back["param_groups"] == sd["param_groups"]
    assert isinstance(back["param_groups"][0]["betas"], tuple)
    assert set(back["state"]) == {0, 1}
    for i in (0, 1):
        for key, v in sd["state"][i].items():
            np.testing.assert_array_equal(back["state"][i][key].numpy(), v.numpy())
            assert back["state"][i][key].dtype == v.dtype
    opt2 = optim.Adam([{"params": [p]}, {"params": [q]}], lr=0.01, amsgrad=True)
    opt2.load_state_dict(back)
    assert opt2.param_groups[1]["lr"] == 0.5


def test_nested_values_roundtrip(tmp_path):
    obj = {"epoch": 3, "loss": float("inf"), "name": "run", "flags": [True, None], "pair": (1, 2.5),
           "tensors": {"a": fg.tensor([1, 2]), "mask": fg.tensor([True, False])}, 7: "int key",
           "scalar": fg.tensor(2.5, dtype=fg.float64)}
    fg.save(obj, tmp_path / "x.safetensors")
    back = fg.load(tmp_path / "x.safetensors")
    assert back["epoch"] == 3 and back["loss"] == float("inf") and back[7] == "int key"
    assert back["flags"] == [True, None] and back["pair"] == (1, 2.5)
    assert back["tensors"]["a"].dtype == fg.int64 and back["tensors"]["mask"].dtype == fg.bool
    assert back["tensors"]["mask"].numpy().tolist() == [True, False]
    assert back["scalar"].item() == 2.5 and tuple(back["scalar"].shape) == ()


def test_parameters_and_requires_grad_survive(tmp_path):
    p = nn.Parameter(fg.ones(2))
    t = fg.zeros(3).requires_grad_()
    fg.save({"p": p, "t": t, "plain": fg.ones(1)}, tmp_path / "p.safetensors")
    back = fg.load(tmp_path / "p.safetensors")
    assert isinstance(back["p"], nn.Parameter) and back["p"].requires_grad
    assert back["t"].requires_grad and not back["plain"].requires_grad


def test_non_contiguous_tensor(tmp_path):
    x = fg.arange(6, dtype=fg.float32).reshape(2, 3).t()
    fg.save({"x": x}, tmp_path / "t.safetensors")
    np.testing.assert_array_equal(fg.load(tmp_path / "t.safetensors")["x"].numpy(), x.numpy())


def test_safetensors_file_objects(tmp_path):
    path = tmp_path / "w.safetensors"
    fg.save({"w": fg.ones(2)}, path)
    with open(path, "rb") as fh:
        assert fg.load(fh)["w"].numpy().tolist() == [1.0, 1.0]


def test_unsupported_objects_are_refused(tmp_path):
    with pytest.raises(TypeError, match="no pickle"):
        fg.save({"f": lambda: 0}, tmp_path / "bad.safetensors")
    with pytest.raises(ValueError, match="pickle options"):
        fg.save({"w": fg.ones(1)}, tmp_path / "bad.safetensors", pickle_protocol=4)


def test_truncated_file_raises_naming_the_file(tmp_path):
    path = tmp_path / "model.safetensors"
    fg.save(nn.Linear(30, 30).state_dict(), path)
    data = path.read_bytes()
    for cut in (4, 20, len(data) - 10):
        bad = tmp_path / f"cut{cut}.safetensors"
        bad.write_bytes(data[:cut])
        with pytest.raises(RuntimeError, match=f"cut{cut}.safetensors"):
            fg.load(bad)


def test_foreign_files_raise(tmp_path):
    pkl = tmp_path / "model.pt"
    pkl.write_bytes(pickle.dumps({"w": [1, 2, 3]}))
    with pytest.raises(pickle.UnpicklingError, match="model.pt.*plain pickle"):
        fg.load(pkl)
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x10\x00\x00\x00\x00\x00\x00\x00not json at all!")
    with pytest.raises(RuntimeError, match="not a safetensors file"):
        fg.load(junk)


def test_foreign_safetensors_loads_as_dict(tmp_path):
    save_file = pytest.importorskip("safetensors.numpy").save_file
    path = tmp_path / "hf.safetensors"
    save_file({"emb": np.ones((2, 2), np.float16), "ids": np.arange(3, dtype=np.int32)}, str(path),
              metadata={"format": "pt"})
    back = fg.load(path)
    assert back["emb"].dtype == fg.float16 and back["ids"].dtype == fg.int32


def test_metadata_is_json_in_header(tmp_path):
    path = tmp_path / "o.safetensors"
    fg.save({"step": 5, "w": fg.ones(1)}, path)
    raw = path.read_bytes()
    n = int.from_bytes(raw[:8], "little")
    header = json.loads(raw[8:8 + n])
    desc = json.loads(header["__metadata__"]["fastgrad"])
    assert desc["structure"]["__dict__"][0] == ["step", 5]
    assert header["w"] == {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}
    assert (8 + n) % 8 == 0  # the header is padded so the data stays aligned, as the reference writer does
    assert raw[8 + n:] == np.ones(1, np.float32).tobytes()


def test_hand_written_safetensors_with_narrow_dtypes(tmp_path):
    """A file in the format's spec, written byte by byte: the narrow dtypes load as themselves."""
    blobs = {"h": np.array([1.5, -2], "<f2"), "i": np.array([7, -8], "<i4"), "u": np.array([255], "u1"),
             "bf": np.array([0x3FC0], "<u2")}  # bfloat16 1.5
    codes = {"h": "F16", "i": "I32", "u": "U8", "bf": "BF16"}
    header, data = {}, b""
    for k, a in blobs.items():
        header[k] = {"dtype": codes[k], "shape": list(a.shape), "data_offsets": [len(data), len(data) + a.nbytes]}
        data += a.tobytes()
    text = json.dumps(header).encode()
    path = tmp_path / "spec.safetensors"
    path.write_bytes(len(text).to_bytes(8, "little") + text + data)
    back = fg.load(path)
    assert back["h"].dtype == fg.float16 and back["h"].tolist() == [1.5, -2.0]
    assert back["i"].dtype == fg.int32 and back["i"].tolist() == [7, -8]
    assert back["u"].dtype == fg.uint8 and back["u"].tolist() == [255]
    assert back["bf"].dtype == fg.bfloat16 and back["bf"].tolist() == [1.5]
    fg.save(back, tmp_path / "again.safetensors")  # and writes them back with the same codes
    again = fg.load(tmp_path / "again.safetensors")
    assert {k: (v.dtype, v.tolist()) for k, v in again.items()} == {k: (v.dtype, v.tolist()) for k, v in back.items()}


def test_every_dtype_roundtrips(tmp_path):
    values = {"f32": fg.tensor([1.5, -2.0]), "f64": fg.tensor([1e-300], dtype=fg.float64),
              "i64": fg.tensor([2 ** 62, -3]), "b": fg.tensor([True, False, True]),
              "f16": fg.tensor([1.5, 65504.0, 6e-8], dtype=fg.float16),
              "bf16": fg.tensor([1.5, -3e38, 1e-30], dtype=fg.bfloat16),
              "i32": fg.tensor([2 ** 31 - 1, -5], dtype=fg.int32), "i16": fg.tensor([-32768], dtype=fg.int16),
              "i8": fg.tensor([-128, 127], dtype=fg.int8), "u8": fg.tensor([0, 255], dtype=fg.uint8)}
    fg.save(values, tmp_path / "d.safetensors")
    back = fg.load(tmp_path / "d.safetensors")
    for k, v in values.items():
        assert back[k].dtype == v.dtype and back[k].tolist() == v.tolist()
