"""The Tensor itself: dtypes and type promotion, strided views sharing storage, indexing, creation
functions and random generators, conversions, properties and repr, compared with torch."""
import math
import re

import numpy as np
import pytest

import fastgrad
from fastgrad import _tensor_str  # get_printoptions is private in torch too (torch._tensor_str)

torch = pytest.importorskip("torch")

DT = ["float32", "float64", "int64", "bool"]


def fdt(name):
    return getattr(fastgrad, name)


def tdt(name):
    return getattr(torch, name)


def same(f, t, exact=True, atol=0):
    assert isinstance(f, fastgrad.Tensor)
    assert tuple(f.shape) == tuple(t.shape), (tuple(f.shape), tuple(t.shape))
    assert str(f.dtype).split(".")[-1] == str(t.dtype).split(".")[-1], (f.dtype, t.dtype)
    if exact:
        np.testing.assert_array_equal(f.detach().numpy(), t.detach().numpy())
    else:
        np.testing.assert_allclose(f.detach().numpy(), t.detach().numpy(), rtol=1e-6, atol=atol)


def sample(name, lib, shape=(2, 3)):
    vals = {"float32": [[1.5, -2.0, 3.25], [0.0, 4.0, -1.0]], "float64": [[0.1, 2.0, -3.5], [1.0, -0.5, 7.0]],
            "int64": [[1, -2, 3], [4, 0, -6]], "bool": [[True, False, True], [False, False, True]]}[name]
    return lib.tensor(vals, dtype=getattr(lib, name))


# ---------------------------------------------------------------- dtypes and promotion

def test_dtype_objects():
    assert fastgrad.float32 is fastgrad.float and fastgrad.float64 is fastgrad.double and fastgrad.int64 is fastgrad.long
    for name in DT:
        d = fdt(name)
        assert str(d) == "fastgrad." + name or str(d) == "torch." + name
        assert d.is_floating_point == tdt(name).is_floating_point
        assert d.itemsize == tdt(name).itemsize
    assert fastgrad.tensor([1.0]).dtype is fastgrad.float32
    assert fastgrad.tensor([1]).dtype is fastgrad.int64
    assert fastgrad.tensor([True]).dtype is fastgrad.bool
    assert fastgrad.tensor(2.5).dtype is fastgrad.float32
    assert fastgrad.tensor([1, 2.0]).dtype is fastgrad.float32


@pytest.mark.parametrize("a", DT)
@pytest.mark.parametrize("b", DT)
def test_promotion_tensor_tensor(a, b):
    for op in ("+", "*", "/", "<"):
        f = eval(f"x {op} y", {"x": sample(a, fastgrad), "y": sample(b, fastgrad)})
        t = eval(f"x {op} y", {"x": sample(a, torch), "y": sample(b, torch)})
        same(f, t, exact=False)
    if "bool" not in (a, b):  # torch refuses - with a bool operand
        same(sample(a, fastgrad) - sample(b, fastgrad), sample(a, torch) - sample(b, torch), exact=False)


@pytest.mark.parametrize("a", DT)
@pytest.mark.parametrize("scalar", [2, -3, 0.5, True])
def test_promotion_tensor_python_scalar(a, scalar):
    for op in ("+", "*", "/", ">"):
        for expr in (f"x {op} s", f"s {op} x"):
            if isinstance(scalar, bool) and op == "/" and a == "bool":
                continue
            f = eval(expr, {"x": sample(a, fastgrad), "s": scalar})
            t = eval(expr, {"x": sample(a, torch), "s": scalar})
            same(f, t, exact=False)


@pytest.mark.parametrize("a", DT)
@pytest.mark.parametrize("b", DT)
def test_promotion_zero_dim_tensors(a, b):
    # a 0-dim tensor only decides the dtype when it is of a higher category than the other operand
    f = sample(a, fastgrad) * fastgrad.tensor(1, dtype=fdt(b))
    t = sample(a, torch) * torch.tensor(1, dtype=tdt(b))
    same(f, t, exact=False)
    f = fastgrad.tensor(2, dtype=fdt(a)) + fastgrad.tensor(1, dtype=fdt(b))
    t = torch.tensor(2, dtype=tdt(a)) + torch.tensor(1, dtype=tdt(b))
    same(f, t, exact=False)


def test_promotion_float32_with_float64_scalar_stays_float32():
    x = fastgrad.ones(3)
    assert (x * 1e-3).dtype is fastgrad.float32
    assert (x + fastgrad.tensor(2.0, dtype=fastgrad.float64)).dtype is fastgrad.float32
    assert (x + fastgrad.ones(1, dtype=fastgrad.float64)).dtype is fastgrad.float64
    assert (fastgrad.tensor([1, 2]) / 2).dtype is fastgrad.float32
    assert (fastgrad.tensor([1, 2]) ** 2).dtype is fastgrad.int64
    assert (fastgrad.tensor([1, 2]) ** 0.5).dtype is fastgrad.float32
    assert fastgrad.tensor([1, 2]).sum().dtype is fastgrad.int64
    assert (fastgrad.tensor([True]) + fastgrad.tensor([True])).dtype is fastgrad.bool


@pytest.mark.parametrize("src", DT)
@pytest.mark.parametrize("dst", DT)
def test_conversions(src, dst):
    f = sample(src, fastgrad).to(fdt(dst))
    t = sample(src, torch).to(tdt(dst))
    same(f, t)
    same(sample(src, fastgrad).to(dtype=fdt(dst)), t)
    same(getattr(sample(src, fastgrad), {"float32": "float", "float64": "double", "int64": "long",
                                          "bool": "bool"}[dst])(), t)


def test_to_same_dtype_returns_self_and_copy():
    x = fastgrad.ones(2)
    assert x.to(fastgrad.float32) is x
    assert x.to("cpu") is x
    y = x.to(fastgrad.float32, copy=True)
    assert y is not x
    y.add_(1)
    assert x.tolist() == [1.0, 1.0]
    assert x.to(fastgrad.ones(1, dtype=fastgrad.int64)).dtype is fastgrad.int64
    assert x.to("cpu", fastgrad.float64).dtype is fastgrad.float64


def test_float_to_int_truncates_like_torch():
    v = [-2.7, -0.5, 0.5, 2.7, 3.0]
    same(fastgrad.tensor(v).long(), torch.tensor(v).long())
    same(fastgrad.tensor(v).bool(), torch.tensor(v).bool())


# ---------------------------------------------------------------- views share storage

def shares(a, b):
    """True when writing through b is seen in a."""
    before = a.clone()
    with fastgrad.no_grad():
        b.add_(1)
    changed = not bool((a == before).all()) if a.numel() else False
    with fastgrad.no_grad():
        b.sub_(1)
    return changed


def test_views_share_storage():
    x = fastgrad.arange(24, dtype=fastgrad.float64).reshape(2, 3, 4)
    for v in (x.view(6, 4), x.view(-1), x.reshape(4, 6), x.transpose(0, 2), x.permute(1, 2, 0), x[0].t(), x[0].T,
              x.unsqueeze(0), x[:, :1].squeeze(1), x.flatten(), x[1, 1:, ::2], x[..., 2],
              x[None, :, 1], x.narrow(1, 1, 2), x.select(2, 3), x[:], x.view_as(x), x.detach(), x.mT):
        assert shares(x, v)
    # expand is a stride-0 view of the same memory (writing through it is refused, as in torch)
    x = fastgrad.ones(3, 1)
    e = x.expand(3, 4)
    assert tuple(e.stride()) == (1, 0)
    with fastgrad.no_grad():
        x.mul_(2)
    assert float(e.sum()) == 24.0
    with pytest.raises(RuntimeError, match="more than one element of the written-to tensor"):
        e.add_(1)


def test_strides_offsets_contiguity_match_torch():
    fx = fastgrad.arange(60).reshape(3, 4, 5)
    tx = torch.arange(60).reshape(3, 4, 5)
    ops = [lambda x: x, lambda x: x.transpose(0, 2), lambda x: x.permute(2, 0, 1), lambda x: x[1:, ::2, 1::3],
           lambda x: x[:, 1], lambda x: x[..., None, 2], lambda x: x[:, :1].expand(3, 7, 5), lambda x: x.unsqueeze(1),
           lambda x: x[2:3].squeeze(0), lambda x: x.flatten(1), lambda x: x.narrow(2, 1, 3), lambda x: x.mT]
    for op in ops:
        f, t = op(fx), op(tx)
        same(f, t)
        assert tuple(f.stride()) == t.stride()
        assert f.storage_offset() == t.storage_offset()
        assert f.is_contiguous() == t.is_contiguous()
    assert fx.stride(1) == 5 and fx.stride(-1) == 1


def test_reshape_copies_only_when_needed():
    x = fastgrad.arange(12.0).reshape(3, 4)
    assert shares(x, x.reshape(4, 3))
    assert shares(x, x.reshape(2, 2, 3))
    t = x.t()
    r = t.reshape(12)  # not viewable: a copy
    assert not shares(x, r)
    same(r, torch.arange(12.0).reshape(3, 4).t().reshape(12))
    # a transposed tensor reshaped in a compatible way is still a view
    assert shares(x, t.reshape(4, 3))
    assert shares(x, x[:, :2].reshape(3, 2))  # no merge needed
    # contiguous() of a contiguous tensor is itself; of a view a copy
    assert x.contiguous() is x
    c = t.contiguous()
    assert c.is_contiguous() and not shares(x, c)
    same(c, torch.arange(12.0).reshape(3, 4).t().contiguous())
    # flatten of a non-contiguous tensor copies, and matches torch
    same(t.flatten(), torch.arange(12.0).reshape(3, 4).t().flatten())


def test_view_of_expanded_and_unsqueezed():
    f = fastgrad.ones(3, 1).expand(3, 4)
    t = torch.ones(3, 1).expand(3, 4)
    same(f.reshape(12), t.reshape(12))
    same(f.reshape(3, 2, 2), t.reshape(3, 2, 2))
    assert f.unsqueeze(1).view(3, 4).shape == (3, 4)


def test_squeeze_variants():
    f = fastgrad.zeros(1, 3, 1, 2)
    t = torch.zeros(1, 3, 1, 2)
    for args in [(), (0,), (2,), (-2,), (1,), ((0, 2),), ((0, 1),)]:
        same(f.squeeze(*args), t.squeeze(*args))
        same(fastgrad.squeeze(f, *args), torch.squeeze(t, *args))
    for d in (0, 2, 4, -1, -5):
        same(f.unsqueeze(d), t.unsqueeze(d))
    same(fastgrad.tensor(3.0).unsqueeze(0), torch.tensor(3.0).unsqueeze(0))
    same(fastgrad.tensor([3.0]).squeeze(), torch.tensor([3.0]).squeeze())


def test_flatten_variants():
    f = fastgrad.arange(24).reshape(2, 3, 4)
    t = torch.arange(24).reshape(2, 3, 4)
    for args in [(), (1,), (0, 1), (-2, -1), (1, 1), (0, -1)]:
        same(f.flatten(*args), t.flatten(*args))
    same(fastgrad.tensor(5).flatten(), torch.tensor(5).flatten())


def test_permute_transpose_t_variants():
    f = fastgrad.arange(24).reshape(2, 3, 4)
    t = torch.arange(24).reshape(2, 3, 4)
    same(f.permute(2, 0, 1), t.permute(2, 0, 1))
    same(f.permute((2, 0, 1)), t.permute((2, 0, 1)))
    same(f.permute(-1, 0, 1), t.permute(-1, 0, 1))
    same(f.transpose(-1, 0), t.transpose(-1, 0))
    same(fastgrad.transpose(f, 1, 2), torch.transpose(t, 1, 2))
    same(fastgrad.t(f[0]), torch.t(t[0]))
    same(fastgrad.arange(3).t(), torch.arange(3).t())
    same(f.swapaxes(0, 1), t.swapaxes(0, 1))


def test_expand_variants():
    f = fastgrad.tensor([[1], [2], [3]])
    t = torch.tensor([[1], [2], [3]])
    same(f.expand(3, 4), t.expand(3, 4))
    same(f.expand(2, 3, 4), t.expand(2, 3, 4))
    same(f.expand(-1, 2), t.expand(-1, 2))
    same(f.expand((2, 3, 1)), t.expand((2, 3, 1)))
    same(f.expand_as(fastgrad.zeros(3, 5)), t.expand_as(torch.zeros(3, 5)))
    same(fastgrad.tensor(7).expand(2, 2), torch.tensor(7).expand(2, 2))


# ---------------------------------------------------------------- indexing

INDEX_CASES = [
    0, -1, 2, (1, 2), (1, -1, 0), slice(None), slice(1, 3), slice(None, None, 2), slice(1, None, 3),
    slice(-3, -1), slice(5, 100), slice(3, 1), (slice(None), 1), (Ellipsis, 1), (1, Ellipsis), (Ellipsis,),
    (None,), (None, 1), (slice(None), None, 2), (1, None, None, slice(0, 2)), (Ellipsis, None),
    (slice(1, 3), slice(None, None, 2), 1), (0, 0, 0),
]


@pytest.mark.parametrize("idx", INDEX_CASES, ids=[repr(i) for i in INDEX_CASES])
def test_basic_indexing(idx):
    f = fastgrad.arange(60).reshape(3, 4, 5)
    t = torch.arange(60).reshape(3, 4, 5)
    fr, tr = f[idx], t[idx]
    same(fr, tr)
    assert tuple(fr.stride()) == tr.stride() and fr.storage_offset() == tr.storage_offset()
    if fr.numel():
        assert shares(f, fr)


ADV_CASES = [
    ([0, 2],), ([[0, 1], [2, 2]],), (slice(None), [3, 0, -1]), ([0, 1], [1, 2]), ([0, 1], slice(None), [4, 0]),
    (1, [0, 3]), ([2], [[1], [3]]), (Ellipsis, [1, 1]), (None, [0, 2]), ([-1, -3],), (slice(1, 3), [True, False, True, False]),
    ([True, False, True],), (slice(None), [[0, 1]], slice(None, None, 2)),
]


@pytest.mark.parametrize("idx", ADV_CASES, ids=[repr(i) for i in ADV_CASES])
def test_advanced_indexing(idx):
    f = fastgrad.arange(60).reshape(3, 4, 5)
    t = torch.arange(60).reshape(3, 4, 5)

    def conv(lib, i):
        return lib.tensor(i) if isinstance(i, list) else i
    fi = tuple(conv(fastgrad, i) for i in idx)
    ti = tuple(conv(torch, i) for i in idx)
    same(f[fi], t[ti])
    # lists directly, as torch (a lone nested list is torch's legacy tuple-of-indices case: not compared)
    if len(idx) > 1 or not isinstance(idx[0][0], list):
        same(f[idx if len(idx) > 1 else idx[0]], t[idx if len(idx) > 1 else idx[0]])
    assert not shares(f, f[fi]) if f[fi].numel() else True


def test_bool_mask_indexing():
    a = np.arange(12.0).reshape(3, 4) - 5
    f, t = fastgrad.tensor(a), torch.tensor(a)
    same(f[f > 0], t[t > 0])
    same(f[fastgrad.tensor([True, False, True])], t[torch.tensor([True, False, True])])
    same(f[:, fastgrad.tensor([False, True, True, False])], t[:, torch.tensor([False, True, True, False])])
    same(f[f > 100], t[t > 100])
    same(f[fastgrad.tensor(True)], t[torch.tensor(True)])
    same(f[fastgrad.tensor(False)], t[torch.tensor(False)])
    same(f[True], t[True])
    same(f[False, 1], t[False, 1])
    same(f[1, None, True], t[1, None, True])
    same(f[..., fastgrad.tensor(2)], t[..., torch.tensor(2)])
    same(f[fastgrad.tensor([[0, 1]]), fastgrad.tensor([[2], [3]])], t[torch.tensor([[0, 1]]), torch.tensor([[2], [3]])])
    same(f[np.array([0, 2])], t[np.array([0, 2])])


def test_setitem_like_torch():
    cases = [
        (1, 7.0), ((slice(None), 1), -1.0), ((Ellipsis, slice(None, None, 2)), 3.0), ([0, 2], 5.0), (slice(1, 3), [1.0, 2.0, 3.0, 4.0]),
        ((0, [1, 3]), [8.0, 9.0]), ("mask", 0.0), ((slice(None), None, 2), 4.0),
    ]
    for idx, val in cases:
        out = {}
        for lib in (fastgrad, torch):
            x = lib.arange(12.0).reshape(3, 4)
            i = (x > 5) if idx == "mask" else idx
            if isinstance(i, list):
                i = lib.tensor(i)
            if isinstance(i, tuple):
                i = tuple(lib.tensor(j) if isinstance(j, list) else j for j in i)
            v = lib.tensor(val) if isinstance(val, list) else val
            x[i] = v
            out[lib] = x
        same(out[fastgrad], out[torch])
    # setitem through a view writes the base and bumps the version
    x = fastgrad.zeros(3, 4)
    v0 = x._version
    x[1][2] = 5.0
    assert x[1, 2].item() == 5.0 and x._version > v0
    x[:, 0] = fastgrad.tensor([1, 2, 3])  # int into float, broadcast
    assert x[:, 0].tolist() == [1.0, 2.0, 3.0]


def test_item_tolist_len_iter():
    for name in DT:
        f, t = sample(name, fastgrad), sample(name, torch)
        assert f.tolist() == t.tolist()
        assert type(f[0, 0].item()) is type(t[0, 0].item())
        assert f[0, 0].item() == t[0, 0].item()
        assert f[1].tolist() == t[1].tolist()
        assert f[0, 1].tolist() == t[0, 1].tolist()
    assert fastgrad.tensor(2.5).item() == 2.5
    assert fastgrad.tensor([[3]]).item() == 3
    assert fastgrad.zeros(0).tolist() == []
    assert fastgrad.zeros(2, 0).tolist() == [[], []]
    f = fastgrad.arange(6).reshape(2, 3)
    assert len(f) == 2
    assert [r.tolist() for r in f] == [[0, 1, 2], [3, 4, 5]]
    assert float(fastgrad.tensor([2.5])) == 2.5 and int(fastgrad.tensor(3.7)) == 3
    assert bool(fastgrad.tensor([1])) is True
    assert [1, 2, 3][fastgrad.tensor(1)] == 2  # __index__
    assert math.isclose(fastgrad.tensor(0.1, dtype=fastgrad.float64).item(), 0.1, rel_tol=0, abs_tol=0)
    assert fastgrad.arange(3.0).tolist() == [0.0, 1.0, 2.0]
    assert fastgrad.tensor([1.0, 2.0]).T.tolist() == [1.0, 2.0]


def test_shape_size_dim_numel():
    f = fastgrad.zeros(2, 3, 4)
    t = torch.zeros(2, 3, 4)
    assert f.shape == t.shape and f.size() == t.size() and f.shape == (2, 3, 4)
    assert isinstance(f.shape, fastgrad.Size) and isinstance(f.shape, tuple)
    assert f.size(1) == 3 and f.size(-1) == 4 and f.shape[-2] == 3
    assert f.dim() == 3 and f.ndim == 3 and f.ndimension() == 3
    assert f.numel() == 24 and f.nelement() == 24 and fastgrad.numel(f) == 24
    assert f.shape.numel() == 24
    assert repr(f.shape) == "fastgrad.Size([2, 3, 4])" or repr(f.shape) == repr(t.shape)
    assert fastgrad.tensor(3.0).shape == () and fastgrad.tensor(3.0).dim() == 0 and fastgrad.tensor(3.0).numel() == 1
    assert f.element_size() == 4 and f.double().element_size() == 8
    assert f.is_floating_point() and not f.long().is_floating_point()
    assert f.device.type == "cpu" and str(f.device) == "cpu"
    assert f.dtype == fastgrad.float32 and f.dtype != fastgrad.float64


def test_clone_is_a_copy():
    x = fastgrad.arange(6.0).reshape(2, 3)
    for src in (x, x.t(), x[:, ::2]):
        c = src.clone()
        same(c, torch.arange(6.0).reshape(2, 3).t() if src is not x and src.shape == (3, 2) else c)
        assert not shares(x, c)
        assert c.tolist() == src.tolist()
    assert fastgrad.clone(x).tolist() == x.tolist()


# ---------------------------------------------------------------- repr

REPR_CASES = [
    "torch.tensor([1.0, 2.5, -3.0])",
    "torch.tensor([[1, 2], [3, 4]])",
    "torch.tensor(3.5)",
    "torch.tensor(7)",
    "torch.tensor([True, False])",
    "torch.tensor([0.1, 2.0], dtype=torch.float64)",
    "torch.tensor([[1e-5, 1.0], [100.0, 3.0]])",
    "torch.tensor([1e10, 1.0])",
    "torch.zeros(2, 0)",
    "torch.zeros(0)",
    "torch.arange(0)",
    "torch.zeros(0, 3, dtype=torch.float64)",
    "torch.tensor([1e-5, 2e-5])",
    "torch.tensor([1.0, 1e9])",
    "torch.tensor([0.0, -0.0, 5.0])",
    "torch.tensor([float('nan'), 1.0, 2.0])",
    "torch.arange(2000).reshape(2, 1000)",
    "torch.arange(3000.0).reshape(30, 100) / 7",
    "torch.tensor([1.0, 2.0], requires_grad=True)",
    "torch.arange(6.0).reshape(2, 3)",
    "torch.tensor([float('nan'), float('inf'), -1.5])",
    "torch.ones(2, 2, 2, dtype=torch.int64)",
    "torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)",
    "torch.arange(2000.0)",
    "torch.tensor([123456.0, 0.001])",
    "torch.tensor([-0.0, 0.0])",
    "torch.tensor([1, 2]) * 1.5",
    # suffixes that would run the last line past 80 columns go on a line of their own
    "torch.arange(8.0, dtype=torch.float64, requires_grad=True)",
    "torch.arange(3000.0, requires_grad=True).reshape(30, 100)[:2]",
    "torch.arange(12.0, requires_grad=True).reshape(2, 6) * 1.5",
]


@pytest.mark.parametrize("expr", REPR_CASES)
def test_repr_matches_torch(expr):
    t = eval(expr, {"torch": torch})
    f = eval(expr, {"torch": fastgrad})
    assert repr(f) == repr(t)
    assert str(f) == str(t)


def test_repr_grad_fn():
    t = torch.tensor([1.0, 2.0], requires_grad=True) * 2
    f = fastgrad.tensor([1.0, 2.0], requires_grad=True) * 2
    assert repr(f).split(" object")[0].replace("<", "") == repr(t).split(" object")[0].replace("<", "")


def test_grad_fn_repr_is_torch_s_object_repr():
    t = (torch.tensor([1.0, 2.0], requires_grad=True) * 2).grad_fn
    f = (fastgrad.tensor([1.0, 2.0], requires_grad=True) * 2).grad_fn
    address = re.compile(r" at 0x[0-9a-f]+>$")
    assert address.search(repr(f)) and address.search(repr(t))
    assert address.sub(">", repr(f)) == address.sub(">", repr(t)) == "<MulBackward0 object>"
    assert repr(f.next_functions[0][0]) == repr(f.next_functions[0][0])  # one node, one address


# ---------------------------------------------------------------- creation

def test_tensor_from_nested_and_scalars():
    for data in ([1, 2, 3], [[1.0, 2.0], [3.0, 4.0]], 5, 2.5, True, [True, False], [[[1]]], [], [[], []], (1, 2),
                 [1, 2.5], [True, 2], [np.float64(1.5)], [fastgrad.tensor(1.0) if False else 1.0]):
        same(fastgrad.tensor(data), torch.tensor(data))
    for dt in DT:
        same(fastgrad.tensor([1, 0, 2], dtype=fdt(dt)), torch.tensor([1, 0, 2], dtype=tdt(dt)))
        same(fastgrad.tensor([[0.1, 1e-8]], dtype=fdt(dt)), torch.tensor([[0.1, 1e-8]], dtype=tdt(dt)))
    x = fastgrad.tensor([1.0, 2.0], requires_grad=True)
    assert x.requires_grad and x.is_leaf and x.grad is None
    # from tensors (list of 0-dim tensors, and a tensor itself is copied)
    same(fastgrad.tensor([fastgrad.tensor(1.0), fastgrad.tensor(2.0)]), torch.tensor([torch.tensor(1.0), torch.tensor(2.0)]))
    src = fastgrad.ones(2)
    cp = fastgrad.tensor(src)
    cp.add_(1)
    assert src.tolist() == [1.0, 1.0]


@pytest.mark.parametrize("np_dtype", [np.float32, np.float64, np.int64, np.bool_, np.int32, np.float16, np.uint8])
def test_tensor_from_numpy_arrays(np_dtype):
    a = (np.arange(6).reshape(2, 3) % 3).astype(np_dtype)
    f = fastgrad.tensor(a)
    t = torch.tensor(a)
    np.testing.assert_array_equal(f.numpy(), a)
    assert f.shape == t.shape
    if np_dtype in (np.float32, np.float64, np.int64, np.bool_):
        same(f, t)
    a[0, 0] = 1  # tensor() copies
    assert f[0, 0].item() == 0
    # non-contiguous numpy input
    g = fastgrad.tensor(np.arange(12.0).reshape(3, 4)[:, ::2].T)
    same(g, torch.tensor(np.arange(12.0).reshape(3, 4)[:, ::2].T.copy()))
    same(fastgrad.tensor(np.float64(2.5)), torch.tensor(np.float64(2.5)))


def test_as_tensor_shares_when_it_can():
    a = np.zeros(3)
    t = fastgrad.as_tensor(a)
    a[0] = 5
    assert t[0].item() == 5
    assert fastgrad.is_tensor(t) and not fastgrad.is_tensor(a)


SIZED = ["zeros", "ones", "empty", "rand", "randn"]


@pytest.mark.parametrize("name", SIZED)
def test_sized_creation(name):
    for args in [(2, 3), ((2, 3),), ([4],), ((),), (0, 2), (fastgrad.Size([2, 2]),)]:
        targs = tuple(torch.Size(a) if isinstance(a, fastgrad.Size) else a for a in args)
        f = getattr(fastgrad, name)(*args)
        t = getattr(torch, name)(*targs)
        assert f.shape == t.shape and f.dtype is fastgrad.float32
        if name in ("zeros", "ones"):
            same(f, t)
    f = getattr(fastgrad, name)(2, dtype=fastgrad.float64, requires_grad=True)
    assert f.dtype is fastgrad.float64 and f.requires_grad and f.is_leaf
    f = getattr(fastgrad, name)(size=(3,))
    assert f.shape == (3,)
    if name in ("zeros", "ones", "empty"):
        assert getattr(fastgrad, name)(2, dtype=fastgrad.int64).dtype is fastgrad.int64
        assert getattr(fastgrad, name)(2, dtype=fastgrad.bool).dtype is fastgrad.bool


def test_full_arange_linspace_eye():
    same(fastgrad.full((2, 3), 1.5), torch.full((2, 3), 1.5))
    same(fastgrad.full((2,), 7), torch.full((2,), 7))
    same(fastgrad.full((2,), True), torch.full((2,), True))
    same(fastgrad.full([2], 3, dtype=fastgrad.float64), torch.full([2], 3, dtype=torch.float64))
    for args in [(5,), (2, 7), (1, 2, 0.25), (0.0, 1.0, 0.1), (10, 0, -3), (-1.5, 2), (0,), (5, 5), (1, 10, 4)]:
        same(fastgrad.arange(*args), torch.arange(*args), exact=False)
    same(fastgrad.arange(5, dtype=fastgrad.float64), torch.arange(5, dtype=torch.float64))
    same(fastgrad.arange(start=1, end=4), torch.arange(start=1, end=4))
    same(fastgrad.arange(0, 1, 0.1, dtype=fastgrad.float64), torch.arange(0, 1, 0.1, dtype=torch.float64))
    for args in [(0, 1, 5), (-2, 2, 1), (3, 3, 4), (0, 1, 0), (1.0, -1.0, 7), (0, 10, 11)]:
        same(fastgrad.linspace(*args), torch.linspace(*args), exact=False, atol=1e-7)
    same(fastgrad.linspace(0, 1, 5, dtype=fastgrad.float64), torch.linspace(0, 1, 5, dtype=torch.float64), exact=False)
    for args in [(3,), (2, 4), (4, 2), (0,)]:
        same(fastgrad.eye(*args), torch.eye(*args))
    same(fastgrad.eye(3, dtype=fastgrad.int64), torch.eye(3, dtype=torch.int64))


def test_like_functions():
    base = fastgrad.ones(2, 3, dtype=fastgrad.float64)
    for name in ("zeros_like", "ones_like", "empty_like", "rand_like", "randn_like"):
        r = getattr(fastgrad, name)(base)
        assert r.shape == (2, 3) and r.dtype is fastgrad.float64 and not r.requires_grad
        r = getattr(fastgrad, name)(base, dtype=fastgrad.float32, requires_grad=True)
        assert r.dtype is fastgrad.float32 and r.requires_grad
    same(fastgrad.full_like(base, 4), torch.full_like(torch.ones(2, 3, dtype=torch.float64), 4))
    same(fastgrad.zeros_like(fastgrad.tensor([1, 2])), torch.zeros_like(torch.tensor([1, 2])))
    # like functions of a non-contiguous tensor give a contiguous result of the same shape
    r = fastgrad.zeros_like(fastgrad.ones(3, 4).t())
    assert r.shape == (4, 3)
    assert fastgrad.ones(3).new_zeros(2).dtype is fastgrad.float32
    assert fastgrad.ones(3, dtype=fastgrad.float64).new_ones((2, 2)).dtype is fastgrad.float64
    assert fastgrad.ones(3).new_tensor([1, 2]).dtype is fastgrad.float32
    assert fastgrad.ones(3).new_full((2,), 5).tolist() == [5.0, 5.0]


def test_random_distributions_and_ranges():
    fastgrad.manual_seed(0)
    r = fastgrad.rand(20000, dtype=fastgrad.float64)
    assert 0 <= r.min().item() and r.max().item() < 1 and abs(r.mean().item() - 0.5) < 0.01
    n = fastgrad.randn(20000, dtype=fastgrad.float64)
    assert abs(n.mean().item()) < 0.03 and abs(n.std().item() - 1) < 0.03
    i = fastgrad.randint(3, 7, (10000,))
    assert i.dtype is fastgrad.int64 and i.min().item() == 3 and i.max().item() == 6
    i = fastgrad.randint(5, (2, 3))
    assert i.shape == (2, 3) and 0 <= i.min().item() and i.max().item() < 5
    assert fastgrad.randint(0, 10, size=(4,), dtype=fastgrad.float32).dtype is fastgrad.float32
    f32 = fastgrad.rand(10000)
    assert f32.dtype is fastgrad.float32 and f32.max().item() < 1


def test_manual_seed_reproducible_and_generators():
    def draw():
        return (fastgrad.rand(5).tolist(), fastgrad.randn(2, 3).tolist(), fastgrad.randint(0, 100, (4,)).tolist())
    fastgrad.manual_seed(123)
    a = draw()
    fastgrad.manual_seed(123)
    b = draw()
    assert a == b
    fastgrad.manual_seed(124)
    assert draw() != a
    assert fastgrad.manual_seed(5) is not None
    assert fastgrad.initial_seed() == 5
    g1 = fastgrad.Generator().manual_seed(7)
    g2 = fastgrad.Generator()
    g2.manual_seed(7)
    x1 = fastgrad.randn(4, generator=g1)
    fastgrad.rand(10)  # the default generator does not disturb g1/g2
    x2 = fastgrad.randn(4, generator=g2)
    assert x1.tolist() == x2.tolist()
    assert g1.initial_seed() == 7
    # a generator's state can be saved and restored
    st = g1.get_state()
    y1 = fastgrad.rand(3, generator=g1)
    g1.set_state(st)
    assert fastgrad.rand(3, generator=g1).tolist() == y1.tolist()
    fastgrad.manual_seed(9)
    s = fastgrad.default_generator.get_state()
    z = fastgrad.randn(3)
    fastgrad.default_generator.set_state(s)
    assert fastgrad.randn(3).tolist() == z.tolist()
    p = fastgrad.randperm(10, generator=fastgrad.Generator().manual_seed(1))
    assert sorted(p.tolist()) == list(range(10)) and p.dtype is fastgrad.int64


def test_random_in_thread_is_seeded_the_same():
    import threading
    out = []

    def work():
        fastgrad.manual_seed(42)
        out.append(fastgrad.rand(3).tolist())
    th = threading.Thread(target=work)
    th.start()
    th.join()
    fastgrad.manual_seed(42)
    assert out[0] == fastgrad.rand(3).tolist()


def test_legacy_tensor_constructor():
    same(fastgrad.Tensor([1, 2]), torch.Tensor([1, 2]))
    same(fastgrad.Tensor([[1.5], [2]]), torch.Tensor([[1.5], [2]]))
    assert fastgrad.Tensor(2, 3).shape == (2, 3) and fastgrad.Tensor(2, 3).dtype is fastgrad.float32
    assert fastgrad.Tensor().shape == (0,)
    x = fastgrad.ones(2)
    assert fastgrad.Tensor(x).tolist() == [1.0, 1.0]


# ---------------------------------------------------------------- print options

PRINT_OPTION_CASES = [
    dict(sci_mode=False), dict(sci_mode=True), dict(precision=2), dict(precision=6, linewidth=50),
    dict(threshold=5, edgeitems=1), dict(profile="short"), dict(profile="full"), dict(profile="short", precision=3),
]
PRINTED = ["torch.tensor([1e-5, 2.5, 300.0])", "torch.tensor([1.0, 2.0])", "torch.arange(12.0).reshape(3, 4) / 3",
           "torch.arange(2000.0)", "torch.tensor([[0.1234567, 1e6], [3.0, -2.0]])", "torch.tensor(3.14159)"]


@pytest.fixture
def restore_print_options():
    yield
    fastgrad.set_printoptions(profile="default")
    torch.set_printoptions(profile="default")


@pytest.mark.parametrize("options", PRINT_OPTION_CASES, ids=[repr(o) for o in PRINT_OPTION_CASES])
def test_set_printoptions_prints_as_torch(options, restore_print_options):
    fastgrad.set_printoptions(**options)
    torch.set_printoptions(**options)
    for expr in PRINTED:
        assert repr(eval(expr, {"torch": fastgrad})) == repr(eval(expr, {"torch": torch})), (options, expr)
    assert _tensor_str.get_printoptions() == torch._tensor_str.get_printoptions()


def test_set_printoptions_without_sci_mode_resets_it(restore_print_options):
    fastgrad.set_printoptions(sci_mode=False)
    fastgrad.set_printoptions(precision=3)  # as in torch, every call sets sci_mode (None unless given)
    assert _tensor_str.get_printoptions()["sci_mode"] is None
    assert repr(fastgrad.tensor([1e-5, 1.0])) == "tensor([1.000e-05, 1.000e+00])"


def test_set_printoptions_rejects_an_unknown_profile(restore_print_options):
    with pytest.raises(ValueError, match="profile must be one of"):
        fastgrad.set_printoptions(profile="long")
