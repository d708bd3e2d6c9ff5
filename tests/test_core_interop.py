"""NumPy and DLPack interop: from_numpy/.numpy() share memory, __array__, the buffer of strided
views, and DLPack both ways with numpy and torch without a copy."""
import numpy as np
import pytest

import fastgrad

torch = pytest.importorskip("torch")

NP_DTYPES = [np.float32, np.float64, np.int64, np.bool_]


@pytest.mark.parametrize("dt", NP_DTYPES)
def test_from_numpy_shares_memory_both_ways(dt):
    a = np.zeros((2, 3), dtype=dt)
    t = fastgrad.from_numpy(a)
    assert t.shape == (2, 3) and str(t.dtype).split(".")[-1] == np.dtype(dt).name.replace("bool", "bool")
    a[1, 2] = 1
    assert t[1, 2].item() == 1
    with fastgrad.no_grad():
        t[0, 0] = 1
    assert a[0, 0] == 1
    assert t._version >= 1


def test_from_numpy_strided_and_readonly():
    a = np.arange(12.0).reshape(3, 4)
    v = a[:, ::2].T  # non-contiguous numpy view
    t = fastgrad.from_numpy(v)
    assert t.tolist() == v.tolist()
    assert tuple(t.stride()) == tuple(s // 8 for s in v.strides)
    a[0, 0] = 100
    assert t[0, 0].item() == 100
    # torch accepts a read-only array (with a warning); fastgrad must not crash either
    ro = np.arange(3.0)
    ro.setflags(write=False)
    try:
        r = fastgrad.from_numpy(ro)
        assert r.tolist() == [0.0, 1.0, 2.0]
    except (ValueError, TypeError, RuntimeError) as e:
        assert "read" in str(e).lower() or "writ" in str(e).lower()


def test_from_numpy_unsupported_dtypes_raise_type_error():
    for arr in (np.zeros(2, dtype=np.complex64), np.array(["a"]), np.zeros(2, dtype=object)):
        with pytest.raises(TypeError):
            fastgrad.from_numpy(arr)
    with pytest.raises(TypeError):
        fastgrad.from_numpy([1, 2])


def test_numpy_shares_memory():
    t = fastgrad.zeros(2, 3)
    a = t.numpy()
    assert a.dtype == np.float32 and a.shape == (2, 3)
    a[0, 1] = 5
    assert t[0, 1].item() == 5
    t.add_(1)
    assert a[0, 1] == 6
    # of a view: the numpy array is a strided view of the same memory
    v = t.t()[1:]
    av = v.numpy()
    assert av.shape == (2, 2) and av.tolist() == v.tolist()
    av[0, 0] = -1
    assert t[0, 1].item() == -1
    for dt in (fastgrad.float64, fastgrad.int64, fastgrad.bool):
        assert fastgrad.ones(2, dtype=dt).numpy().dtype == {fastgrad.float64: np.float64, fastgrad.int64: np.int64,
                                                             fastgrad.bool: np.bool_}[dt]
    assert fastgrad.tensor(3.5).numpy().shape == ()
    # expanded (stride 0) views
    e = fastgrad.tensor([1.0, 2.0]).expand(3, 2)
    assert e.numpy().tolist() == [[1.0, 2.0]] * 3


def test_numpy_of_requires_grad_raises_like_torch():
    for lib in (fastgrad, torch):
        x = lib.ones(2, requires_grad=True)
        with pytest.raises(RuntimeError, match=r"Can't call numpy\(\) on Tensor that requires grad. Use tensor.detach\(\).numpy\(\) instead."):
            x.numpy()
        assert x.detach().numpy().tolist() == [1.0, 1.0]
        with pytest.raises(RuntimeError, match="requires grad"):
            (x * 2).numpy()


def test_numpy_keeps_tensor_memory_alive():
    a = fastgrad.arange(5.0).numpy()
    import gc
    gc.collect()
    assert a.tolist() == [0.0, 1.0, 2.0, 3.0, 4.0]
    b = fastgrad.from_numpy(np.arange(4.0))
    gc.collect()
    assert b.tolist() == [0.0, 1.0, 2.0, 3.0]


def test_array_protocol():
    t = fastgrad.tensor([[1.0, 2.0], [3.0, 4.0]])
    a = np.asarray(t)
    assert a.dtype == np.float32 and a.tolist() == t.tolist()
    a[0, 0] = 9
    assert t[0, 0].item() == 9  # asarray without a copy
    assert np.array(t, dtype=np.float64).dtype == np.float64
    c = np.array(t, copy=True)
    c[0, 0] = 0
    assert t[0, 0].item() == 9
    g = fastgrad.ones(2, requires_grad=True)
    assert np.asarray(g).tolist() == [1.0, 1.0]  # torch raises here; fastgrad reads the detached data
    assert np.exp(fastgrad.tensor([0.0])).tolist() == [1.0]
    assert (np.float64(2.0) * fastgrad.tensor([1.0, 2.0])).tolist() == [2.0, 4.0]
    for lib in (fastgrad, torch):  # ndarray + tensor is refused by both, with a TypeError
        with pytest.raises(TypeError):
            np.ones(2) + lib.ones(2)


@pytest.mark.parametrize("dt", ["float32", "float64", "int64", "bool"])
def test_dlpack_to_numpy_and_torch_zero_copy(dt):
    t = fastgrad.zeros(2, 3, dtype=getattr(fastgrad, dt))
    assert t.__dlpack_device__() == (1, 0)
    a = np.from_dlpack(t)
    assert a.shape == (2, 3) and a.dtype == np.dtype(dt if dt != "bool" else "bool")
    tt = torch.from_dlpack(t)
    assert tuple(tt.shape) == (2, 3) and str(tt.dtype) == "torch." + dt
    with fastgrad.no_grad():
        t[1, 2] = 1
    assert a[1, 2] == 1 and tt[1, 2].item() == 1
    tt[0, 0] = 1
    assert t[0, 0].item() == 1 and a[0, 0] == 1


def test_dlpack_of_strided_views():
    base = fastgrad.arange(12.0).reshape(3, 4)
    v = base.t()[::2]
    tt = torch.from_dlpack(v)
    assert tt.tolist() == v.tolist() and tt.stride() == tuple(v.stride())
    tt[0, 0] = -5
    assert base[0, 0].item() == -5
    a = np.from_dlpack(base[1:, 1::2])
    assert a.tolist() == base[1:, 1::2].tolist()
    s = fastgrad.tensor(2.0)
    assert torch.from_dlpack(s).item() == 2.0 and torch.from_dlpack(s).shape == ()
    e = fastgrad.zeros(0, 3)
    assert tuple(torch.from_dlpack(e).shape) == (0, 3)


def test_dlpack_from_torch_and_numpy_zero_copy():
    tt = torch.zeros(2, 3, dtype=torch.float64)
    f = fastgrad.from_dlpack(tt)
    assert f.dtype is fastgrad.float64 and f.shape == (2, 3)
    tt[0, 1] = 3
    assert f[0, 1].item() == 3
    f.add_(1)
    assert tt[0, 0].item() == 1
    # a transposed torch view keeps its strides
    tv = torch.arange(6.0).reshape(2, 3).t()
    fv = fastgrad.from_dlpack(tv)
    assert fv.tolist() == tv.tolist() and tuple(fv.stride()) == tv.stride()
    a = np.arange(4, dtype=np.int64)
    fa = fastgrad.from_dlpack(a)
    a[0] = 7
    assert fa[0].item() == 7
    # capsule protocol (old style)
    cap = torch.ones(2).__dlpack__()
    fc = fastgrad.from_dlpack(cap)
    assert fc.tolist() == [1.0, 1.0]


def test_dlpack_from_torch_keeps_producer_alive():
    import gc
    f = fastgrad.from_dlpack(torch.arange(5.0))
    gc.collect()
    assert f.tolist() == [0.0, 1.0, 2.0, 3.0, 4.0]
    t = torch.from_dlpack(fastgrad.arange(3.0) * 2)
    gc.collect()
    assert t.tolist() == [0.0, 2.0, 4.0]


def test_dlpack_unsupported_dtype_raises():
    # fastgrad has no complex or uint16/32/64 dtypes (int32, float16, ... now exchange: tests/test_dtypes.py)
    for src in (torch.zeros(2, dtype=torch.uint16), torch.zeros(2, dtype=torch.complex64)):
        with pytest.raises((TypeError, RuntimeError, BufferError), match="complex|dtype|type"):
            fastgrad.from_dlpack(src)


def test_dlpack_requires_grad_tensor():
    x = fastgrad.ones(2, requires_grad=True)
    # torch refuses to export a tensor that requires grad; fastgrad follows
    with pytest.raises(BufferError):
        torch.ones(2, requires_grad=True).__dlpack__()
    with pytest.raises((BufferError, RuntimeError), match="require"):
        x.__dlpack__()
    assert torch.from_dlpack(x.detach()).tolist() == [1.0, 1.0]


def test_torch_tensor_from_fastgrad_via_numpy_roundtrip():
    f = fastgrad.randn(3, 4, dtype=fastgrad.float64)
    t = torch.as_tensor(f.numpy())
    assert t.dtype == torch.float64 and np.array_equal(t.numpy(), f.numpy())
    back = fastgrad.from_numpy(t.numpy())
    assert back.tolist() == f.tolist()
