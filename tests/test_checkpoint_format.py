"""fastgrad.save / load in torch's zip format, without torch: what the archive holds, round trips of
every kind of value, shared storages, map_location, mmap, whole objects and the safe-globals API."""
import io
import pickle
import pickletools
import zipfile
from collections import OrderedDict

import numpy as np
import pytest

import fastgrad as fg
import fastgrad.nn as nn
import fastgrad.optim as optim
from fastgrad import serialization


def test_archive_layout_is_torchs(tmp_path):
    path = tmp_path / "model.pt"
    fg.save({"w": fg.arange(6.0).reshape(2, 3), "b": fg.zeros(2)}, path)
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        assert names == ["model/data.pkl", "model/.format_version", "model/.storage_alignment", "model/byteorder",
                         "model/data/0", "model/data/1", "model/version", "model/.data/serialization_id"]
        assert all(i.compress_type == zipfile.ZIP_STORED for i in zf.infolist())
        assert zf.read("model/byteorder") == b"little" and zf.read("model/version") == b"3\n"
        assert zf.read("model/.format_version") == b"1" and zf.read("model/.storage_alignment") == b"64"
        assert len(zf.read("model/.data/serialization_id")) == 40
        assert zf.read("model/data/0") == np.arange(6, dtype=np.float32).tobytes()
        ops = [(op.name, arg) for op, arg, _ in pickletools.genops(zf.read("model/data.pkl"))]
        raw = path.read_bytes()
        for info in zf.infolist():  # every record's data starts on a 64-byte boundary, as torch's writer
            header = raw[info.header_offset:info.header_offset + 30]
            start = info.header_offset + 30 + int.from_bytes(header[26:28], "little") \
                + int.from_bytes(header[28:30], "little")
            assert start % 64 == 0
    assert ("GLOBAL", "torch._utils _rebuild_tensor_v2") in ops
    assert ("GLOBAL", "torch FloatStorage") in ops and ("GLOBAL", "torch Size") in ops
    assert ops[0] == ("PROTO", 2)


def test_buffer_gets_archive_folder():
    buf = io.BytesIO()
    fg.save(fg.ones(2), buf)
    assert zipfile.ZipFile(io.BytesIO(buf.getvalue())).namelist()[0] == "archive/data.pkl"
    buf.seek(0)
    assert fg.load(buf).tolist() == [1.0, 1.0]


class _WriteOnly:
    """A stream that can only be written to, like a pipe or a socket."""

    def __init__(self):
        self.chunks = []

    def write(self, data):
        self.chunks.append(bytes(data))
        return len(data)

    def flush(self):
        pass


def test_save_to_a_write_only_stream():
    out = _WriteOnly()
    fg.save({"w": fg.arange(3.0)}, out)
    assert fg.load(io.BytesIO(b"".join(out.chunks)))["w"].tolist() == [0.0, 1.0, 2.0]


def test_nested_values_roundtrip(tmp_path):
    obj = {"epoch": 3, "loss": float("inf"), "name": "run", "flags": [True, None], "pair": (1, 2.5),
           "od": OrderedDict(b=1, a=2), "set": {1, "x"}, "fs": frozenset({(1, 2)}), "bytes": b"\x00\xff",
           "c": 1 + 2j, "big": 2 ** 100, "neg": -(2 ** 70), "dtype": fg.float64, "shape": fg.Size([2, 3]),
           "tensors": {"a": fg.tensor([1, 2]), "mask": fg.tensor([True, False])}, 7: "int key",
           (1, "k"): "tuple key", "scalar": fg.tensor(2.5, dtype=fg.float64), "empty": fg.zeros(0, 3)}
    for protocol in (2, 3, 4, 5):
        path = tmp_path / f"x{protocol}.pt"
        fg.save(obj, path, pickle_protocol=protocol)
        back = fg.load(path)
        assert back["epoch"] == 3 and back["loss"] == float("inf") and back[7] == "int key"
        assert back["flags"] == [True, None] and back["pair"] == (1, 2.5) and back[(1, "k")] == "tuple key"
        assert type(back["od"]) is OrderedDict and list(back["od"]) == ["b", "a"]
        assert back["set"] == {1, "x"} and back["fs"] == frozenset({(1, 2)}) and back["bytes"] == b"\x00\xff"
        assert back["c"] == 1 + 2j and back["big"] == 2 ** 100 and back["neg"] == -(2 ** 70)
        assert back["dtype"] is fg.float64 and back["shape"] == (2, 3) and isinstance(back["shape"], fg.Size)
        assert back["tensors"]["a"].dtype == fg.int64 and back["tensors"]["mask"].tolist() == [True, False]
        assert back["scalar"].item() == 2.5 and tuple(back["scalar"].shape) == ()
        assert tuple(back["empty"].shape) == (0, 3)


def test_every_dtype_roundtrips(tmp_path):
    for name in ("float32", "float64", "int64", "bool"):
        dtype = getattr(fg, name)
        t = fg.tensor([0, 1, 1, 0]).to(dtype).reshape(2, 2)
        fg.save({"t": t, "dtype": dtype}, tmp_path / f"{name}.pt")
        back = fg.load(tmp_path / f"{name}.pt")
        assert back["t"].dtype is dtype and back["dtype"] is dtype
        assert back["t"].tolist() == t.tolist()
    extremes = fg.tensor([np.finfo(np.float64).max, np.finfo(np.float64).tiny, -0.0, float("nan")],
                         dtype=fg.float64)
    fg.save(extremes, tmp_path / "x.pt")
    np.testing.assert_array_equal(fg.load(tmp_path / "x.pt").numpy(), extremes.numpy())


def test_shared_storage_and_views_stay_shared(tmp_path):
    base = fg.arange(12.0).reshape(3, 4)
    obj = {"base": base, "t": base.t(), "row": base[1], "col": base[:, 2], "again": base}
    fg.save(obj, tmp_path / "s.pt")
    with zipfile.ZipFile(tmp_path / "s.pt") as zf:
        assert [n for n in zf.namelist() if "/data/" in n] == ["s/data/0"]  # one storage for all five
    back = fg.load(tmp_path / "s.pt")
    assert back["again"] is back["base"]
    for k in ("t", "row", "col"):
        np.testing.assert_array_equal(back[k].numpy(), obj[k].numpy())
    back["base"].mul_(-1)
    assert back["row"].tolist() == [-4.0, -5.0, -6.0, -7.0]
    assert back["col"].tolist() == [-2.0, -6.0, -10.0]
    assert back["t"].tolist()[3] == [-3.0, -7.0, -11.0]


def test_non_contiguous_tensor_keeps_its_strides(tmp_path):
    x = fg.arange(24.0).reshape(2, 3, 4).permute(2, 0, 1)
    fg.save({"x": x}, tmp_path / "t.pt")
    back = fg.load(tmp_path / "t.pt")["x"]
    assert back.stride() == x.stride() and not back.is_contiguous()
    np.testing.assert_array_equal(back.numpy(), x.numpy())


def test_expanded_tensor_stays_a_view(tmp_path):
    x = fg.arange(3.0).expand(4, 3)
    fg.save({"x": x}, tmp_path / "e.pt")
    with zipfile.ZipFile(tmp_path / "e.pt") as zf:
        assert zf.getinfo("e/data/0").file_size == 3 * 4  # the storage, not the 12 elements it shows
    back = fg.load(tmp_path / "e.pt")["x"]
    assert tuple(back.stride()) == (0, 1) and back.tolist() == x.tolist()


def test_parameters_and_requires_grad_survive(tmp_path):
    p = nn.Parameter(fg.ones(2))
    frozen = nn.Parameter(fg.ones(2), requires_grad=False)
    t = fg.zeros(3).requires_grad_()
    fg.save({"p": p, "frozen": frozen, "t": t, "plain": fg.ones(1)}, tmp_path / "p.pt")
    back = fg.load(tmp_path / "p.pt")
    assert isinstance(back["p"], nn.Parameter) and back["p"].requires_grad
    assert isinstance(back["frozen"], nn.Parameter) and not back["frozen"].requires_grad
    assert back["t"].requires_grad and not back["plain"].requires_grad


def _trained_mlp():
    fg.manual_seed(0)
    net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3), nn.BatchNorm1d(3))
    opt = optim.Adam(net.parameters(), lr=0.01)
    x = fg.randn(16, 4)
    for _ in range(3):
        opt.zero_grad()
        net(x).pow(2).mean().backward()
        opt.step()
    return net, opt, x


def test_model_and_optimizer_checkpoint_roundtrip(tmp_path):
    net, opt, x = _trained_mlp()
    fg.save({"model": net.state_dict(), "opt": opt.state_dict(), "epoch": 3}, tmp_path / "ck.pt")
    ck = fg.load(tmp_path / "ck.pt")
    net2 = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3), nn.BatchNorm1d(3))
    net2.load_state_dict(ck["model"])
    opt2 = optim.Adam(net2.parameters(), lr=0.01)
    opt2.load_state_dict(ck["opt"])
    net.eval()
    net2.eval()
    np.testing.assert_array_equal(net2(x).detach().numpy(), net(x).detach().numpy())
    for o, n in ((opt, net), (opt2, net2)):  # one more step each: the restored state continues identically
        n.train()
        o.zero_grad()
        n(x).pow(2).mean().backward()
        o.step()
    for a, b in zip(net.parameters(), net2.parameters()):
        np.testing.assert_array_equal(a.detach().numpy(), b.detach().numpy())


def test_state_dict_metadata_survives(tmp_path):
    net, _, _ = _trained_mlp()
    sd = net.state_dict()
    sd._metadata = OrderedDict([("", {"version": 1})])
    fg.save(sd, tmp_path / "m.pt")
    back = fg.load(tmp_path / "m.pt")
    assert type(back) is OrderedDict and back._metadata == {"": {"version": 1}}


def test_map_location(tmp_path):
    path = tmp_path / "m.pt"
    fg.save({"w": fg.ones(2)}, path)
    for ml in ("cpu", fg.device("cpu"), {"cpu": "cpu"}, lambda storage, loc: storage, lambda s, loc: None):
        assert fg.load(path, map_location=ml)["w"].tolist() == [1.0, 1.0]
    with pytest.raises(RuntimeError, match="CPU only"):
        fg.load(path, map_location="cuda:0")
    with pytest.raises(RuntimeError, match="CPU only"):
        fg.load(path, map_location={"cpu": "cuda:1"})
    with pytest.raises(TypeError, match="map_location"):
        fg.load(path, map_location=3)
    with pytest.raises(TypeError, match="must return the storage"):
        fg.load(path, map_location=lambda s, loc: 5)
    with pytest.raises(AttributeError, match="cuda"):
        fg.load(path, map_location=lambda s, loc: s.cuda())


def test_mmap_shares_the_file_copy_on_write(tmp_path):
    path = tmp_path / "m.pt"
    w = fg.arange(4.0)
    fg.save({"w": w, "v": w[1:]}, path)
    before = path.read_bytes()
    back = fg.load(path, mmap=True)
    assert back["v"].tolist() == [1.0, 2.0, 3.0]
    back["w"].add_(10)
    assert back["v"].tolist() == [11.0, 12.0, 13.0]  # still one storage
    del back
    assert path.read_bytes() == before  # writes never reach the file
    with open(path, "rb") as fh:
        assert fg.load(fh, mmap=True)["w"].tolist() == [0.0, 1.0, 2.0, 3.0]
    with pytest.raises(ValueError, match="mmap"):
        fg.load(io.BytesIO(before), mmap=True)
    fg.save({"w": fg.ones(1)}, tmp_path / "s.safetensors")
    with pytest.raises(RuntimeError, match="mmap"):
        fg.load(tmp_path / "s.safetensors", mmap=True)


def test_whole_module_needs_weights_only_false(tmp_path):
    net, _, x = _trained_mlp()
    net.eval()
    fg.save(net, tmp_path / "net.pt")
    with pytest.raises(pickle.UnpicklingError, match=r"GLOBAL fastgrad\.nn\.container\.Sequential"):
        fg.load(tmp_path / "net.pt")
    back = fg.load(tmp_path / "net.pt", weights_only=False)
    assert type(back) is nn.Sequential
    np.testing.assert_array_equal(back(x).detach().numpy(), net(x).detach().numpy())


def test_numpy_array_needs_opt_in(tmp_path):
    arr = np.arange(6, dtype=np.float32).reshape(2, 3)
    fg.save(arr, tmp_path / "a.pt")
    with pytest.raises(pickle.UnpicklingError, match="numpy"):
        fg.load(tmp_path / "a.pt")
    np.testing.assert_array_equal(fg.load(tmp_path / "a.pt", weights_only=False), arr)
    # As with torch: allowing numpy's reconstruct, ndarray and dtype lets the default loader read it.
    reconstruct = arr.__reduce__()[0]
    with serialization.safe_globals([reconstruct, np.ndarray, np.dtype, type(arr.dtype)]):
        np.testing.assert_array_equal(fg.load(tmp_path / "a.pt"), arr)


class Config:
    def __init__(self, depth):
        self.depth = depth


def test_safe_globals_api(tmp_path):
    path = tmp_path / "c.pt"
    fg.save({"cfg": Config(4), "w": fg.ones(1)}, path)
    with pytest.raises(pickle.UnpicklingError, match=f"{__name__}.Config"):
        fg.load(path)
    with serialization.safe_globals([Config]):
        assert Config in serialization.get_safe_globals()
        assert fg.load(path)["cfg"].depth == 4
    assert Config not in serialization.get_safe_globals()
    serialization.add_safe_globals([(Config, f"{__name__}.Config")])
    try:
        assert fg.load(path)["cfg"].depth == 4
    finally:
        serialization.clear_safe_globals()
    assert serialization.get_safe_globals() == []
    with pytest.raises(TypeError, match="module.name"):
        serialization.add_safe_globals([(Config, 1, 2)])


def test_bad_arguments_raise(tmp_path):
    path = tmp_path / "x.pt"
    with pytest.raises(NotImplementedError, match="zip format"):
        fg.save(fg.ones(1), path, _use_new_zipfile_serialization=False)
    with pytest.raises(ValueError, match="pickle_protocol"):
        fg.save(fg.ones(1), path, pickle_protocol=1)
    with pytest.raises(TypeError, match="pickle_module"):
        fg.save(fg.ones(1), path, pickle_module=object())
    with pytest.raises(TypeError, match="path or a writable"):
        fg.save(fg.ones(1), 5)
    fg.save(fg.ones(1), path)
    with pytest.raises(RuntimeError, match="pickle_module"):
        fg.load(path, pickle_module=pickle)
    with pytest.raises(TypeError, match="encoding"):
        fg.load(path, encoding="latin1")
    assert fg.load(path, pickle_module=pickle, weights_only=False).tolist() == [1.0]
    with pytest.raises(pickle.PicklingError):
        fg.save({"f": lambda: 0}, path)


def test_byteorder_big_is_swapped(tmp_path):
    """A file written on a big-endian machine: its byteorder record says so and the bytes are swapped."""
    path = tmp_path / "le.pt"
    fg.save({"w": fg.tensor([1.5, -2.0]), "i": fg.tensor([1, 2 ** 40])}, path)
    with zipfile.ZipFile(path) as zf:
        records = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    records["le/byteorder"] = b"big"
    records["le/data/0"] = np.frombuffer(records["le/data/0"], "<f4").astype(">f4").tobytes()
    records["le/data/1"] = np.frombuffer(records["le/data/1"], "<i8").astype(">i8").tobytes()
    big = tmp_path / "be.pt"
    with zipfile.ZipFile(big, "w") as zf:
        for name, data in records.items():
            zf.writestr(name, data)
    back = fg.load(big)
    assert back["w"].tolist() == [1.5, -2.0] and back["i"].tolist() == [1, 2 ** 40]
