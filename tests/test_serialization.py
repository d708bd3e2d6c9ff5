"""fastgrad.save / load: safetensors round trips, optimizer state, and clear errors on bad files."""
import io
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
    # Other safetensors readers see the state dict's own keys.
    from safetensors.numpy import load_file
    assert set(load_file(str(path))) == set(net.state_dict())


def test_optimizer_state_dict_roundtrip(tmp_path):
    p = nn.Parameter(fg.randn(3, 2))
    q = nn.Parameter(fg.randn(2))
    opt = optim.Adam([{"params": [p]}, {"params": [q], "lr": 0.5}], lr=0.01, amsgrad=True)
    for _ in range(2):
        opt.zero_grad()
        ((p.sum(0) * q).sum() ** 2).backward()
        opt.step()
    sd = opt.state_dict()
    fg.save(sd, tmp_path / "opt.st")
    back = fg.load(tmp_path / "opt.st")
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
    fg.save(obj, tmp_path / "x.st")
    back = fg.load(tmp_path / "x.st")
    assert back["epoch"] == 3 and back["loss"] == float("inf") and back[7] == "int key"
    assert back["flags"] == [True, None] and back["pair"] == (1, 2.5)
    assert back["tensors"]["a"].dtype == fg.int64 and back["tensors"]["mask"].dtype == fg.bool
    assert back["tensors"]["mask"].numpy().tolist() == [True, False]
    assert back["scalar"].item() == 2.5 and tuple(back["scalar"].shape) == ()


def test_parameters_and_requires_grad_survive(tmp_path):
    p = nn.Parameter(fg.ones(2))
    t = fg.zeros(3).requires_grad_()
    fg.save({"p": p, "t": t, "plain": fg.ones(1)}, tmp_path / "p.st")
    back = fg.load(tmp_path / "p.st")
    assert isinstance(back["p"], nn.Parameter) and back["p"].requires_grad
    assert back["t"].requires_grad and not back["plain"].requires_grad


def test_non_contiguous_tensor(tmp_path):
    x = fg.arange(6, dtype=fg.float32).reshape(2, 3).t()
    fg.save({"x": x}, tmp_path / "t.st")
    np.testing.assert_array_equal(fg.load(tmp_path / "t.st")["x"].numpy(), x.numpy())


def test_file_objects():
    buf = io.BytesIO()
    fg.save({"w": fg.ones(2)}, buf)
    buf.seek(0)
    assert fg.load(buf)["w"].numpy().tolist() == [1.0, 1.0]


def test_unsupported_objects_are_refused(tmp_path):
    with pytest.raises(TypeError, match="no pickle"):
        fg.save({"f": lambda: 0}, tmp_path / "bad.st")


def test_truncated_file_raises_naming_the_file(tmp_path):
    path = tmp_path / "model.st"
    fg.save(nn.Linear(30, 30).state_dict(), path)
    data = path.read_bytes()
    for cut in (4, 20, len(data) - 10):
        bad = tmp_path / f"cut{cut}.st"
        bad.write_bytes(data[:cut])
        with pytest.raises(RuntimeError, match=f"cut{cut}.st"):
            fg.load(bad)


def test_foreign_files_raise(tmp_path):
    pkl = tmp_path / "model.pt"
    pkl.write_bytes(pickle.dumps({"w": [1, 2, 3]}))
    with pytest.raises(RuntimeError, match="model.pt"):
        fg.load(pkl)
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x10\x00\x00\x00\x00\x00\x00\x00not json at all!")
    with pytest.raises(RuntimeError, match="not a safetensors file"):
        fg.load(junk)


def test_foreign_safetensors_loads_as_dict(tmp_path):
    from safetensors.numpy import save_file
    path = tmp_path / "hf.safetensors"
    save_file({"emb": np.ones((2, 2), np.float16), "ids": np.arange(3, dtype=np.int32)}, str(path),
              metadata={"format": "pt"})
    back = fg.load(path)
    assert back["emb"].dtype == fg.float32 and back["ids"].dtype == fg.int64


def test_metadata_is_json_in_header(tmp_path):
    path = tmp_path / "o.st"
    fg.save({"step": 5, "w": fg.ones(1)}, path)
    raw = path.read_bytes()
    n = int.from_bytes(raw[:8], "little")
    header = json.loads(raw[8:8 + n])
    desc = json.loads(header["__metadata__"]["fastgrad"])
    assert desc["structure"]["__dict__"][0] == ["step", 5]
