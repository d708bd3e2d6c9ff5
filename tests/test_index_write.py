"""The index-write family and indexing beyond the op table: every index kind of x[...] and x[...] = v
against numpy (and torch where the semantics are torch's own), autograd through index assignment
(`x[idx] += y`, repeated and negative indices), in-place forms writing into self, version counters,
torch's warnings and refusals. Gradient checks of each op are in tests/op_db.py."""
import warnings

import numpy as np
import pytest

import fastgrad
from fastgrad.autograd import gradcheck, gradgradcheck

from conftest import require_torch

BASE = np.arange(24, dtype=np.float64).reshape(2, 3, 4)

# index kinds that index the same way in numpy: the numpy result is the reference
NUMPY_INDICES = {
    "list": [1, 0], "list_neg": [-1, 0, -1], "range": range(2), "range_dim1": (slice(None), range(1, 3)),
    "ndarray": np.array([1, 0]), "ndarray_bool": np.array([True, False]), "np_int": np.int64(1), "true": True,
    "false": False, "list_bool": [True, False], "int_and_mask": (0, [True, False, True]),
    "separated": ([0, 1], slice(None), [1, 2]), "adjacent": (slice(None), [0, 1], [1, 2]),
    "broadcast": ([0], Ellipsis, [[1], [2]]), "empty_list": [],
    "ints": (0, 0, 0), "repeated": [0, 0, 0], "slice_and_list": (slice(1, 2), [0, 2]),
    "steps": (slice(None, None, 2), 1, slice(1, None)), "negative": (-1, -2), "ellipsis_none": (Ellipsis, None),
    "tuple_in_tuple": ((0, 1),), "int_then_ints": (1, [2, 0], [3, 3]),
}


@pytest.mark.parametrize("name", sorted(NUMPY_INDICES))
def test_getitem_matches_numpy(name):
    idx = NUMPY_INDICES[name]
    got = fastgrad.from_numpy(BASE.copy())[idx]
    want = BASE[idx]
    assert tuple(got.shape) == want.shape
    np.testing.assert_array_equal(got.numpy(), want)


@pytest.mark.parametrize("name", sorted(NUMPY_INDICES))
def test_setitem_matches_numpy(name):
    idx = NUMPY_INDICES[name]
    want = BASE.copy()
    want[idx] = -7.0
    x = fastgrad.from_numpy(BASE.copy())
    x[idx] = -7.0
    np.testing.assert_array_equal(x.numpy(), want)
    # a tensor value of the indexed shape, with a leading size-1 dim that torch drops first
    shape = BASE[idx].shape
    value = -np.arange(int(np.prod(shape)), dtype=np.float64).reshape((1,) + shape)
    want = BASE.copy()
    want[idx] = value.reshape(shape)
    x = fastgrad.from_numpy(BASE.copy())
    x[idx] = fastgrad.from_numpy(value)
    np.testing.assert_array_equal(x.numpy(), want)


def test_tensor_indices_match_numpy():
    x = fastgrad.from_numpy(BASE.copy())
    mask = BASE[0] % 3 == 0
    np.testing.assert_array_equal(x[0, fastgrad.from_numpy(mask)].numpy(), BASE[0][mask])
    np.testing.assert_array_equal(x[fastgrad.tensor(1)].numpy(), BASE[1])
    assert tuple(x[fastgrad.tensor(True)].shape) == (1, 2, 3, 4)
    assert tuple(x[fastgrad.tensor(False)].shape) == (0, 2, 3, 4)
    x[:, fastgrad.from_numpy(mask)] = 0.5
    want = BASE.copy()
    want[:, mask] = 0.5
    np.testing.assert_array_equal(x.numpy(), want)


def test_list_of_sequences_reads_as_a_tuple_with_torchs_warning():
    x = fastgrad.from_numpy(BASE.copy())
    with pytest.warns(UserWarning, match="non-tuple sequence"):
        got = x[[[0, 1], [1, 2]]]
    np.testing.assert_array_equal(got.numpy(), BASE[[0, 1], [1, 2]])
    with pytest.warns(UserWarning, match="non-tuple sequence"):
        got = x[[0, slice(None), 1]]
    np.testing.assert_array_equal(got.numpy(), BASE[0, :, 1])


# torch's own readings: an int beside an advanced index is not one of them (numpy counts it), and a list of
# floats indexes as its truncation
TORCH_INDICES = {"none_around": (None, [0, 1], None, 2), "int_apart": ([1, 0], slice(None), 2),
                 "float_list": [0.5, 1.7], "list_of_lists": [[0, 1], [1, 2]]}


@pytest.mark.parametrize("name", sorted(TORCH_INDICES))
def test_getitem_and_setitem_match_torch(name):
    torch = require_torch()
    idx = TORCH_INDICES[name]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        want = torch.from_numpy(BASE.copy())[idx].numpy()
        got = fastgrad.from_numpy(BASE.copy())[idx].numpy()
        assert got.shape == want.shape
        np.testing.assert_array_equal(got, want)
        t, x = torch.from_numpy(BASE.copy()), fastgrad.from_numpy(BASE.copy())
        t[idx] = -1.0
        x[idx] = -1.0
    np.testing.assert_array_equal(x.numpy(), t.numpy())


@pytest.mark.parametrize("idx", [1.5, "a", object(), [None, "b"], np.True_])
def test_bad_index_kinds_raise_like_torch(idx):
    torch = require_torch()
    x = fastgrad.zeros(2, 3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            torch.zeros(2, 3)[idx]
            torch_exc = None
        except Exception as e:  # noqa: BLE001 - the class is what is compared
            torch_exc = type(e)
        if torch_exc is None:
            x[idx]  # torch accepts it: fastgrad must too
            return
        with pytest.raises(Exception) as e:
            x[idx]
    assert issubclass(e.type, torch_exc) or issubclass(torch_exc, e.type), (e.type, torch_exc)


def test_full_slices_index_the_tensor_itself():
    # x[:, idx] = v is index_put_ on x (no view in between), so it works where x takes part in autograd
    x = fastgrad.randn(3, 4, dtype=fastgrad.float64, requires_grad=True)
    v = fastgrad.randn(3, 2, dtype=fastgrad.float64, requires_grad=True)
    y = x * 2
    y[:, fastgrad.tensor([3, 0])] = v
    y.sum().backward()
    assert x.grad[:, 1].tolist() == [2.0, 2.0, 2.0] and x.grad[:, 0].tolist() == [0.0, 0.0, 0.0]
    assert v.grad.tolist() == [[1.0, 1.0]] * 3
    # and x[...] keeps its history
    z = x[...]
    assert z.requires_grad and z.grad_fn is not None


def _iadd_through_index(L, x0, idx, y0, dtype):
    x = L.tensor(x0, dtype=dtype, requires_grad=True)
    y = L.tensor(y0, dtype=dtype, requires_grad=True)
    h = x * 1.5  # a non-leaf, as in a model's activations
    h[L.tensor(idx)] += y
    (h * L.tensor(np.arange(h.numel()).reshape(h.shape), dtype=dtype)).sum().backward()
    return h.detach().numpy(), x.grad.numpy(), y.grad.numpy()


@pytest.mark.parametrize("idx", [[2, 0, 5], [-1, 0, -1], [3, 3, 1]], ids=["out_of_order", "negative", "repeated"])
def test_iadd_through_index_matches_torch(idx):
    torch = require_torch()
    rng = np.random.default_rng(7)
    x0, y0 = rng.standard_normal((6, 3)), rng.standard_normal((3, 3))
    got = _iadd_through_index(fastgrad, x0, idx, y0, fastgrad.float64)
    want = _iadd_through_index(torch, x0, idx, y0, torch.float64)
    for g, w in zip(got, want):
        np.testing.assert_allclose(g, w, rtol=1e-12, atol=1e-12)


def test_setitem_value_gradients_gradcheck():
    idx = fastgrad.tensor([[0, 2], [3, 1]])  # each row once: an overwritten value has no derivative

    x = fastgrad.randn(4, 5, dtype=fastgrad.float64, requires_grad=True)
    v = fastgrad.randn(4, 3, dtype=fastgrad.float64, requires_grad=True)

    def g(x, v):
        y = x * 1.0
        y[idx] = v.reshape(2, 2, 3)[..., 1:2] * v.reshape(2, 2, 3)[..., 0:1]  # (2, 2, 1) broadcast over rows
        return y

    assert gradcheck(g, (x, v)) and gradgradcheck(g, (x, v))


def test_inplace_forms_write_into_self_without_grad():
    x = fastgrad.zeros(3, 4)
    ptr, version = x.data_ptr(), x._version
    idx = fastgrad.tensor([[0, 1, 2, 0]])
    ops = [
        lambda: x.scatter_(0, idx, 1.0), lambda: x.scatter_(0, idx, fastgrad.ones(1, 4)),
        lambda: x.scatter_add_(0, idx, fastgrad.ones(1, 4)), lambda: x.scatter_reduce_(0, idx, fastgrad.ones(1, 4), "amax"),
        lambda: x.index_add_(1, fastgrad.tensor([3]), fastgrad.ones(3, 1)), lambda: x.index_copy_(0, fastgrad.tensor([1]), fastgrad.ones(1, 4)),
        lambda: x.index_fill_(1, fastgrad.tensor([0]), 2.0), lambda: x.index_put_((fastgrad.tensor([2]),), fastgrad.ones(4)),
        lambda: x.masked_scatter_(fastgrad.tensor([True, False, False, True]), fastgrad.ones(8)),
    ]
    for k, op in enumerate(ops):
        assert op() is x
        assert x.data_ptr() == ptr and x._version == version + k + 1


def test_inplace_on_a_non_contiguous_target():
    base = np.arange(12, dtype=np.float64).reshape(3, 4)
    x = fastgrad.from_numpy(base.copy()).t()  # (4, 3), transposed strides
    x.masked_scatter_(fastgrad.tensor([True, False, True]), fastgrad.arange(-1.0, -9.0, -1.0, dtype=fastgrad.float64))
    want = base.T.copy()
    want[:, [0, 2]] = -np.arange(1, 9, dtype=np.float64).reshape(4, 2)
    np.testing.assert_array_equal(x.numpy(), want)
    x.index_put_((fastgrad.tensor([0, 3]),), fastgrad.tensor(9.0, dtype=fastgrad.float64))
    want[[0, 3]] = 9.0
    np.testing.assert_array_equal(x.numpy(), want)


def test_inplace_history_moves_to_self():
    x = fastgrad.randn(3, 4, dtype=fastgrad.float64, requires_grad=True)
    src = fastgrad.randn(1, 4, dtype=fastgrad.float64, requires_grad=True)
    y = x * 3.0
    y.scatter_reduce_(0, fastgrad.tensor([[0, 1, 2, 0]]), src, "prod")  # prod's backward reads y's old values
    assert y.grad_fn.name() == "ScatterReduceBackward0"
    y.sum().backward()
    x64 = x.detach().numpy()
    want = np.full((3, 4), 3.0)
    want[[0, 1, 2, 0], [0, 1, 2, 3]] *= src.detach().numpy()[0]
    np.testing.assert_allclose(x.grad.numpy(), want, rtol=1e-12)
    np.testing.assert_allclose(src.grad.numpy()[0], 3.0 * x64[[0, 1, 2, 0], [0, 1, 2, 3]], rtol=1e-12)


def test_saved_tensor_overwritten_by_index_put_is_detected():
    x = fastgrad.randn(3, dtype=fastgrad.float64, requires_grad=True)
    a = x * 1.0
    b = a * a  # saves a
    a[fastgrad.tensor([0])] = 0.0
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        b.sum().backward()


def test_scatter_reduce_argument_warns_and_has_no_gradient_as_in_torch():
    x = fastgrad.zeros(3, 4, dtype=fastgrad.float64, requires_grad=True)
    idx = fastgrad.tensor([[0, 1], [2, 0]])
    src = fastgrad.ones(2, 2, dtype=fastgrad.float64)
    with pytest.warns(UserWarning, match="scatter_reduce"):
        out = x.scatter(0, idx, src, reduce="add")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out2 = x.scatter(0, idx, 2.0, reduce="multiply")  # the number form does not warn
    assert out.requires_grad and out2.requires_grad
    for o in (out, out2):
        with pytest.raises(RuntimeError, match="derivative for aten::scatter is not implemented"):
            o.sum().backward()
    np.testing.assert_array_equal(out.detach().numpy()[:, :2], [[1, 1], [0, 1], [1, 0]])


def test_scatter_reduce_old_spellings_run_forward_and_refuse_backward():
    x = fastgrad.zeros(2, 3, dtype=fastgrad.float64)
    src = fastgrad.tensor([[1.0, 2.0, 3.0]], dtype=fastgrad.float64, requires_grad=True)
    out = x.scatter_reduce(0, fastgrad.tensor([[0, 0, 1]]), src, "max")
    assert out.detach().tolist() == [[1.0, 2.0, 0.0], [0.0, 0.0, 3.0]]
    with pytest.raises(RuntimeError, match="'amax', 'amin' but got max"):
        out.sum().backward()


def test_scatter_reduce_prod_double_backward_with_two_zeros_raises():
    x = fastgrad.tensor([1.2, 1.5], dtype=fastgrad.float64, requires_grad=True)
    s = fastgrad.tensor([0.0, 0.0, 2.0], dtype=fastgrad.float64, requires_grad=True)
    out = x.scatter_reduce(0, fastgrad.tensor([0, 0, 1]), s, "prod")
    (g,) = fastgrad.autograd.grad(out.sum(), s, create_graph=True)
    assert g.tolist() == [0.0, 0.0, 1.5]
    with pytest.raises(RuntimeError, match="Double backward is unsupported"):
        g.sum().backward()


def test_scatter_reduce_integer_mean_floors_as_torch():
    x = fastgrad.zeros(2, 3, dtype=fastgrad.int64)
    out = x.scatter_reduce(0, fastgrad.tensor([[0, 0, 1]]), fastgrad.tensor([[-1, -2, -3]]), "mean")
    assert out.tolist() == [[-1, -1, 0], [0, 0, -2]]


def test_int64_extremes_survive_amax_without_self():
    big = 2**62 + 1
    x = fastgrad.tensor([5, 5], dtype=fastgrad.int64)
    out = x.scatter_reduce(0, fastgrad.tensor([0]), fastgrad.tensor([-big]), "amax", include_self=False)
    assert out.tolist() == [-big, 5]
    out = x.scatter_reduce(0, fastgrad.tensor([1]), fastgrad.tensor([big]), "amin", include_self=False)
    assert out.tolist() == [5, big]


def _write_grad_values_into_plain_tensor(L):
    v = L.tensor([[1.0, 2.0], [3.0, 4.0]], dtype=L.float64, requires_grad=True)
    out = L.zeros(3, 2, dtype=L.float64)  # needs no grad itself: the written values bring the history
    out[L.tensor([2, 0])] = v * 2
    out[[1]] = v[:1] ** 2
    (out * L.arange(6.0, dtype=L.float64).reshape(3, 2)).sum().backward()
    return out.detach().numpy(), v.grad.numpy(), out.grad_fn.name()


def test_values_that_require_grad_give_the_target_a_history():
    got = _write_grad_values_into_plain_tensor(fastgrad)
    np.testing.assert_array_equal(got[0], [[6.0, 8.0], [1.0, 4.0], [2.0, 4.0]])
    np.testing.assert_array_equal(got[1], [[12.0, 22.0], [0.0, 2.0]])
    assert got[2] == "IndexPutBackward0"
    torch = pytest.importorskip("torch")
    want = _write_grad_values_into_plain_tensor(torch)
    for g, w in zip(got[:2], want[:2]):
        np.testing.assert_array_equal(g, w)
    assert got[2] == want[2]


def _reduce_case(L, case):
    """One random scatter-family call and its gradients, in namespace L."""
    op, dim, index, x0, s0, include_self, cot0 = case
    x = L.tensor(x0, dtype=L.float64, requires_grad=True)
    s = L.tensor(s0, dtype=L.float64, requires_grad=True)
    i = L.tensor(index, dtype=L.int64)
    if op == "scatter":
        out = x.scatter(dim, i, s)
    elif op == "scatter_add":
        out = x.scatter_add(dim, i, s)
    else:
        out = x.scatter_reduce(dim, i, s, op, include_self=include_self)
    gx, gs = L.autograd.grad(out, (x, s), L.tensor(cot0, dtype=L.float64), allow_unused=True)
    as_np = lambda t, like: np.zeros(np.shape(like)) if t is None else t.numpy()  # noqa: E731
    return out.detach().numpy(), as_np(gx, x0), as_np(gs, s0)


def test_random_scatter_family_calls_match_torch():
    # small integer values make ties and zeros common: torch's sub-gradient conventions are compared too
    torch = require_torch()
    rng = np.random.default_rng(11)
    for _ in range(300):
        nd = int(rng.integers(1, 3))
        shape = tuple(int(n) for n in rng.integers(1, 4, nd))
        dim = int(rng.integers(-nd, nd))
        ishape = tuple(int(rng.integers(1, shape[k] + (2 if k == dim % nd else 1))) for k in range(nd))
        ints = rng.random() < 0.5
        draw = (lambda sh: rng.integers(-2, 3, sh).astype(np.float64)) if ints else rng.standard_normal
        op = str(rng.choice(["sum", "prod", "mean", "amax", "amin", "scatter", "scatter_add"]))
        case = (op, dim, rng.integers(0, shape[dim], ishape), draw(shape), draw(ishape), bool(rng.random() < 0.5),
                rng.standard_normal(shape))
        got, want = _reduce_case(fastgrad, case), _reduce_case(torch, case)
        for g, w in zip(got, want):
            np.testing.assert_allclose(g, w, rtol=1e-12, atol=1e-12, err_msg=repr(case))


def _random_index_item(rng, n):
    k = int(rng.integers(0, 8))
    if k == 0:
        return slice(None)
    if k == 1:
        return [int(i) for i in rng.integers(-n, n, int(rng.integers(1, 4)))]
    if k == 2:
        return ("mask", [bool(b) for b in rng.random(n) < 0.5])
    if k == 3:
        return ("tensor", [[int(i)] for i in rng.integers(-n, n, int(rng.integers(1, 3)))])
    if k == 4:
        return int(rng.integers(-n, n))
    if k == 5:
        return slice([None, 1][int(rng.integers(0, 2))], [None, n - 1, -1][int(rng.integers(0, 3))],
                     [None, 2][int(rng.integers(0, 2))])
    if k == 6:
        return None
    return Ellipsis


def _assign_through_index(L, items, accumulate, data):
    w0, cot0, draw = data
    idx = tuple(L.tensor(i[1]) if isinstance(i, tuple) else i for i in items)
    w = L.tensor(w0, dtype=L.float64, requires_grad=True)
    y = w * 2.0  # a non-leaf: the assignment rewrites its history
    v = L.tensor(draw(tuple(y[idx].shape)), dtype=L.float64, requires_grad=True)
    if accumulate:
        y[idx] += v * 3
    else:
        y[idx] = v * 3
    (y * L.tensor(cot0, dtype=L.float64)).sum().backward()
    return y.detach().numpy(), w.grad.numpy(), v.grad.numpy()


def test_random_index_assignments_with_grad_match_torch():
    # ints, slices with steps, None, Ellipsis, lists, masks and tensors mixed: views, then index_put_ or copy_
    torch = require_torch()
    rng = np.random.default_rng(5)
    shape = (3, 4, 5)
    done = 0
    while done < 300:
        items, d = [], 0
        for _ in range(int(rng.integers(1, 4))):
            if d >= 3:
                break
            it = _random_index_item(rng, shape[d])
            if it is Ellipsis and any(i is Ellipsis for i in items):
                continue
            items.append(it)
            d += it is not None and it is not Ellipsis
        seed = int(rng.integers(0, 2**31))
        data = (rng.standard_normal(shape), rng.standard_normal(shape),
                lambda sh, s=seed: np.random.default_rng(s).standard_normal(sh))
        accumulate = bool(rng.random() < 0.3)
        try:
            want = _assign_through_index(torch, items, accumulate, data)
        except (IndexError, RuntimeError) as e:  # e.g. a mask drawn for a dim that an Ellipsis moved
            with pytest.raises(type(e)):
                _assign_through_index(fastgrad, items, accumulate, data)
            continue
        got = _assign_through_index(fastgrad, items, accumulate, data)
        for g, w in zip(got, want):
            np.testing.assert_allclose(g, w, rtol=1e-12, atol=1e-12, err_msg=repr((items, accumulate)))
        done += 1


def test_one_mask_and_one_value_take_the_targets_dtype_as_in_torch():
    # torch fills through masked_fill there; other index_put_ calls need matching dtypes
    x = fastgrad.zeros(3, 4)
    x[fastgrad.tensor([True, False, True])] = fastgrad.tensor(2.0, dtype=fastgrad.float64)
    assert x.dtype == fastgrad.float32 and x.sum().item() == 16.0
    x[:, fastgrad.tensor([False, True, False, False])] = fastgrad.tensor(5, dtype=fastgrad.int64)
    assert x[:, 1].tolist() == [5.0, 5.0, 5.0]
    with pytest.raises(RuntimeError, match="dtypes match"):
        x[fastgrad.tensor([0])] = fastgrad.tensor(1.0, dtype=fastgrad.float64)
    with pytest.raises(RuntimeError, match="dtypes match"):
        x.index_put_((fastgrad.tensor([True, False, True]),), fastgrad.tensor(1.0, dtype=fastgrad.float64), True)
    w = fastgrad.ones(3, dtype=fastgrad.float64, requires_grad=True)
    v = fastgrad.tensor(3.0, requires_grad=True)  # float32 into float64: the gradient comes back as float32
    y = w * 2.0
    y[fastgrad.tensor([True, False, True])] = v
    y.sum().backward()
    assert v.grad.dtype == fastgrad.float32 and v.grad.item() == 2.0 and w.grad.tolist() == [0.0, 2.0, 0.0]
