"""Checkpoints across engines: torch 2.13 saves and fastgrad loads, fastgrad saves and torch loads with
weights_only=True; for an MLP, SGD-with-momentum and Adam optimizer states, every dtype, shared storages,
strided views and whole modules."""
import io
import pickle

import numpy as np
import pytest

import fastgrad as fg
import fastgrad.nn as nn
import fastgrad.optim as optim

torch = pytest.importorskip("torch")

DTYPES = ("float32", "float64", "int64", "bool", "float16", "bfloat16", "int32", "int16", "int8", "uint8")


def _torch_mlp(batch_norm=True):
    torch.manual_seed(0)
    layers = [torch.nn.Linear(5, 16), torch.nn.ReLU(), torch.nn.Linear(16, 16), torch.nn.Tanh(), torch.nn.Linear(16, 3)]
    return torch.nn.Sequential(*layers, *([torch.nn.BatchNorm1d(3)] if batch_norm else []))


def _fg_mlp(batch_norm=True):
    layers = [nn.Linear(5, 16), nn.ReLU(), nn.Linear(16, 16), nn.Tanh(), nn.Linear(16, 3)]
    return nn.Sequential(*layers, *([nn.BatchNorm1d(3)] if batch_norm else []))


def _inputs():
    return np.random.default_rng(1).standard_normal((8, 5)).astype(np.float32)


def _warm(net, x):
    net.train()
    net(x)  # moves BatchNorm's running statistics off their initial values
    net.eval()


def _out(net, x):
    return net(x).detach().numpy()


def test_torch_saves_fastgrad_loads_mlp(tmp_path):
    tnet, x = _torch_mlp(), _inputs()
    _warm(tnet, torch.from_numpy(x))
    torch.save(tnet.state_dict(), tmp_path / "mlp.pt")
    sd = fg.load(tmp_path / "mlp.pt")
    assert list(sd) == list(tnet.state_dict())
    for k, v in tnet.state_dict().items():  # bit for bit
        assert sd[k].dtype == (fg.int64 if k.endswith("num_batches_tracked") else fg.float32)
        np.testing.assert_array_equal(sd[k].numpy(), v.numpy())
    fnet = _fg_mlp()
    fnet.load_state_dict(sd)
    fnet.eval()
    # Two engines' float32 arithmetic differs in the last bits; the weights are the same bits.
    np.testing.assert_allclose(_out(fnet, fg.from_numpy(x)), _out(tnet, torch.from_numpy(x)), rtol=1e-5, atol=1e-6)
    # Back through fastgrad's writer, torch's model gives exactly its own outputs.
    fg.save(fnet.state_dict(), tmp_path / "again.pt")
    tnet2 = _torch_mlp()
    tnet2.load_state_dict(torch.load(tmp_path / "again.pt", weights_only=True))
    tnet2.eval()
    np.testing.assert_array_equal(_out(tnet2, torch.from_numpy(x)), _out(tnet, torch.from_numpy(x)))


def test_fastgrad_saves_torch_loads_mlp(tmp_path):
    fg.manual_seed(0)
    fnet, x = _fg_mlp(), _inputs()
    _warm(fnet, fg.from_numpy(x))
    fg.save(fnet.state_dict(), tmp_path / "mlp.pt")
    sd = torch.load(tmp_path / "mlp.pt", weights_only=True)
    for k, v in fnet.state_dict().items():
        assert str(sd[k].dtype) == str(v.dtype) and tuple(sd[k].shape) == tuple(v.shape)
        np.testing.assert_array_equal(sd[k].numpy(), v.numpy())
    tnet = _torch_mlp()
    tnet.load_state_dict(sd)
    tnet.eval()
    np.testing.assert_allclose(_out(tnet, torch.from_numpy(x)), _out(fnet, fg.from_numpy(x)), rtol=1e-5, atol=1e-6)
    # Back through torch's writer, fastgrad's model gives exactly its own outputs.
    torch.save(tnet.state_dict(), tmp_path / "again.pt")
    fnet2 = _fg_mlp()
    fnet2.load_state_dict(fg.load(tmp_path / "again.pt"))
    fnet2.eval()
    np.testing.assert_array_equal(_out(fnet2, fg.from_numpy(x)), _out(fnet, fg.from_numpy(x)))


def _step(net, opt, x):
    opt.zero_grad()
    net(x).pow(2).mean().backward()
    opt.step()


@pytest.mark.parametrize("name,kwargs", [("SGD", dict(lr=0.1, momentum=0.9)), ("Adam", dict(lr=0.01))])
def test_optimizer_state_both_ways(tmp_path, name, kwargs):
    # No BatchNorm here: the bias before it has a zero gradient, whose rounding noise Adam would amplify.
    x = _inputs()
    tnet = _torch_mlp(batch_norm=False)
    topt = getattr(torch.optim, name)(tnet.parameters(), **kwargs)
    for _ in range(3):
        _step(tnet, topt, torch.from_numpy(x))
    torch.save({"model": tnet.state_dict(), "opt": topt.state_dict()}, tmp_path / "t.pt")

    ck = fg.load(tmp_path / "t.pt")
    assert ck["opt"]["param_groups"] == topt.state_dict()["param_groups"]
    for i, state in topt.state_dict()["state"].items():
        for k, v in state.items():
            np.testing.assert_array_equal(ck["opt"]["state"][i][k].numpy(), v.numpy())
    fnet = _fg_mlp(batch_norm=False)
    fnet.load_state_dict(ck["model"])
    fopt = getattr(optim, name)(fnet.parameters(), **kwargs)
    fopt.load_state_dict(ck["opt"])

    fg.save({"model": fnet.state_dict(), "opt": fopt.state_dict()}, tmp_path / "f.pt")
    back = torch.load(tmp_path / "f.pt", weights_only=True)
    tnet2 = _torch_mlp(batch_norm=False)
    tnet2.load_state_dict(back["model"])
    topt2 = getattr(torch.optim, name)(tnet2.parameters(), **kwargs)
    topt2.load_state_dict(back["opt"])
    # The state went torch -> fastgrad -> torch unchanged: torch's next step is the same from either copy.
    _step(tnet, topt, torch.from_numpy(x))
    _step(tnet2, topt2, torch.from_numpy(x))
    for a, b in zip(tnet.parameters(), tnet2.parameters()):
        np.testing.assert_array_equal(a.detach().numpy(), b.detach().numpy())
    # And fastgrad continues from the loaded state as torch does (to the engines' float32 agreement).
    _step(fnet, fopt, fg.from_numpy(x))
    for a, b in zip(fnet.parameters(), tnet.parameters()):
        np.testing.assert_allclose(a.detach().numpy(), b.detach().numpy(), rtol=1e-5, atol=1e-6)


def _torch_values(dtype):
    values = torch.tensor([0, 1, 3, 127]).to(getattr(torch, dtype))
    return values.reshape(2, 2)


@pytest.mark.parametrize("dtype", DTYPES)
def test_torch_dtype_loads(tmp_path, dtype):
    t = _torch_values(dtype)
    torch.save({"t": t, "v": t.t()}, tmp_path / "d.pt")
    back = fg.load(tmp_path / "d.pt")
    own = getattr(fg, dtype, None)
    if own is not None:
        assert back["t"].dtype is own
    else:  # a dtype fastgrad lacks loads widened to the nearest one it has
        assert back["t"].dtype is (fg.float32 if t.is_floating_point() else fg.int64)
    assert back["t"].tolist() == t.tolist() and back["v"].tolist() == t.t().tolist()


@pytest.mark.parametrize("dtype", [d for d in DTYPES if hasattr(fg, d)])
def test_fastgrad_dtype_loads_in_torch(tmp_path, dtype):
    t = fg.tensor([0, 1, 3, 127]).to(getattr(fg, dtype)).reshape(2, 2)
    fg.save({"t": t, "dtype": t.dtype}, tmp_path / "d.pt")
    back = torch.load(tmp_path / "d.pt", weights_only=True)
    assert back["t"].dtype is getattr(torch, dtype) and back["dtype"] is getattr(torch, dtype)
    assert back["t"].tolist() == t.tolist()


def test_shared_storage_and_views_cross_both_ways(tmp_path):
    base = torch.arange(24.0).reshape(4, 6)
    torch.save({"base": base, "t": base.t(), "row": base[2], "block": base[1:3, 2:5], "param":
                torch.nn.Parameter(base[3])}, tmp_path / "t.pt")
    back = fg.load(tmp_path / "t.pt")
    assert isinstance(back["param"], nn.Parameter) and back["param"].requires_grad
    assert back["block"].tolist() == base[1:3, 2:5].tolist() and tuple(back["t"].stride()) == (1, 6)
    back["base"].mul_(-1)  # one storage in the file, one memory after loading
    assert back["row"].tolist() == (-base[2]).tolist() and back["block"].tolist() == (-base[1:3, 2:5]).tolist()
    assert back["param"].detach().tolist() == (-base[3]).tolist()

    fbase = fg.arange(24.0).reshape(4, 6)
    fg.save({"base": fbase, "t": fbase.t(), "block": fbase[1:3, 2:5]}, tmp_path / "f.pt")
    tb = torch.load(tmp_path / "f.pt", weights_only=True)
    assert tb["t"].untyped_storage().data_ptr() == tb["base"].untyped_storage().data_ptr()
    assert tb["block"].storage_offset() == 8 and tb["block"].stride() == (6, 1)
    assert tb["block"].tolist() == fbase[1:3, 2:5].tolist() and tb["t"].tolist() == fbase.t().tolist()


def test_torch_mmaps_fastgrad_files(tmp_path):
    """Records are 64-byte aligned as torch's writer aligns them, so torch can map them."""
    base = fg.arange(12.0).reshape(3, 4)
    fg.save({"t": base.t(), "d": fg.ones(5, dtype=fg.float64), "e": fg.zeros(0)}, tmp_path / "m.pt")
    back = torch.load(tmp_path / "m.pt", mmap=True, weights_only=True)
    assert back["t"].tolist() == base.t().tolist() and back["d"].dtype == torch.float64
    assert tuple(back["e"].shape) == (0,)


def test_torch_file_variants(tmp_path):
    """pickle protocol 4 (STACK_GLOBAL, MEMOIZE, FRAME), no byteorder record, a file object, parameters."""
    sd = _torch_mlp().state_dict()
    buf = io.BytesIO()
    torch.save(sd, buf, pickle_protocol=4, _disable_byteorder_record=True)
    buf.seek(0)
    back = fg.load(buf)
    for k, v in sd.items():
        np.testing.assert_array_equal(back[k].numpy(), v.numpy())
    params = {"w": torch.nn.Parameter(torch.ones(2)), "frozen": torch.nn.Parameter(torch.ones(2), False)}
    torch.save(params, tmp_path / "p.pt")
    back = fg.load(tmp_path / "p.pt")
    assert isinstance(back["w"], nn.Parameter) and back["w"].requires_grad and not back["frozen"].requires_grad


def test_torch_whole_module_resolves_to_fastgrad_classes(tmp_path):
    tnet, x = _torch_mlp(), _inputs()
    _warm(tnet, torch.from_numpy(x))
    torch.save(tnet, tmp_path / "net.pt")
    with pytest.raises(pickle.UnpicklingError, match=r"torch\.nn\.modules\.container\.Sequential"):
        fg.load(tmp_path / "net.pt")
    fnet = fg.load(tmp_path / "net.pt", weights_only=False)
    assert type(fnet) is nn.Sequential and type(fnet[0]) is nn.Linear and isinstance(fnet[0].weight, nn.Parameter)
    fnet.eval()
    for a, b in zip(fnet.state_dict().values(), tnet.state_dict().values()):
        np.testing.assert_array_equal(a.numpy(), b.numpy())
    np.testing.assert_allclose(_out(fnet, fg.from_numpy(x)), _out(tnet, torch.from_numpy(x)), rtol=1e-5, atol=1e-6)


def test_fastgrad_refuses_what_torch_refuses(tmp_path):
    """A torch-saved numpy array: both weights-only loaders refuse it, naming numpy's reconstruct."""
    torch.save({"a": np.arange(3)}, tmp_path / "np.pt")
    with pytest.raises(pickle.UnpicklingError):
        torch.load(tmp_path / "np.pt", weights_only=True)
    with pytest.raises(pickle.UnpicklingError, match="numpy"):
        fg.load(tmp_path / "np.pt")
    np.testing.assert_array_equal(fg.load(tmp_path / "np.pt", weights_only=False)["a"], np.arange(3))


@pytest.mark.parametrize("dtype", ["float16", "bfloat16", "int32", "int16", "int8", "uint8"])
def test_narrow_dtypes_roundtrip_with_torch_bit_for_bit(tmp_path, dtype):
    """Every bit pattern of the 16-bit floats (NaNs, subnormals, infinities) and the integer extremes cross
    both ways unchanged: torch -> fastgrad -> torch."""
    if dtype in ("float16", "bfloat16"):
        t = torch.arange(-32768, 32768, dtype=torch.int32).to(torch.int16).view(getattr(torch, dtype))
    else:
        info = torch.iinfo(getattr(torch, dtype))
        t = torch.tensor([info.min, info.max, 0, 1, -1 if info.min < 0 else 7]).to(getattr(torch, dtype))
    torch.save({"t": t, "strided": t[1::3]}, tmp_path / "a.pt")
    mine = fg.load(tmp_path / "a.pt")
    assert mine["t"].dtype is getattr(fg, dtype)
    fg.save(mine, tmp_path / "b.pt")
    back = torch.load(tmp_path / "b.pt", weights_only=True)
    bits = torch.int16 if t.element_size() == 2 else t.dtype
    assert back["t"].dtype == t.dtype and torch.equal(back["t"].view(bits), t.view(bits))
    assert torch.equal(back["strided"].view(bits), t[1::3].view(bits))
    fg.save(mine, tmp_path / "c.safetensors")
    again = fg.load(tmp_path / "c.safetensors")
    assert again["t"].dtype is getattr(fg, dtype)
    assert torch.equal(torch.from_dlpack(again["t"]).view(bits), t.view(bits))
