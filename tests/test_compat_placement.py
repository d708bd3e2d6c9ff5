"""device=, pin_memory=, non_blocking= and keepdims= as torch takes them on the C++-bound creation
functions, Tensor.to and the reductions: the CPU is accepted in every spelling, any other device and
pinned memory are refused with torch's exception class, and nothing unknown is accepted and ignored."""
import numpy as np
import pytest

import fastgrad
from conftest import outcome, torch_or_none

CREATORS = [
    ("zeros", lambda L, **kw: L.zeros(2, 3, **kw)),
    ("ones", lambda L, **kw: L.ones((2, 3), **kw)),
    ("empty", lambda L, **kw: L.empty(2, 3, **kw)),
    ("full", lambda L, **kw: L.full((2, 3), 1.5, **kw)),
    ("arange", lambda L, **kw: L.arange(0, 6, 2, **kw)),
    ("linspace", lambda L, **kw: L.linspace(0, 1, 5, **kw)),
    ("eye", lambda L, **kw: L.eye(3, **kw)),
    ("rand", lambda L, **kw: L.rand(2, 3, **kw)),
    ("randn", lambda L, **kw: L.randn(2, 3, **kw)),
    ("randint", lambda L, **kw: L.randint(0, 5, (2, 3), **kw)),
    ("randperm", lambda L, **kw: L.randperm(4, **kw)),
    ("zeros_like", lambda L, **kw: L.zeros_like(L.ones(2, 3), **kw)),
    ("ones_like", lambda L, **kw: L.ones_like(L.ones(2, 3), **kw)),
    ("empty_like", lambda L, **kw: L.empty_like(L.ones(2, 3), **kw)),
    ("full_like", lambda L, **kw: L.full_like(L.ones(2, 3), 7.0, **kw)),
    ("rand_like", lambda L, **kw: L.rand_like(L.ones(2, 3), **kw)),
    ("randn_like", lambda L, **kw: L.randn_like(L.ones(2, 3), **kw)),
]
IDS = [c[0] for c in CREATORS]
CPU_SPELLINGS = ["cpu", "cpu:0", lambda L: L.device("cpu"), lambda L: L.device("cpu", 0), None]


def _dev(spelling, lib):
    return spelling(lib) if callable(spelling) else spelling


@pytest.mark.parametrize("make", [c[1] for c in CREATORS], ids=IDS)
@pytest.mark.parametrize("spelling", range(len(CPU_SPELLINGS)))
def test_cpu_device_is_accepted(make, spelling):
    plain = make(fastgrad)
    placed = make(fastgrad, device=_dev(CPU_SPELLINGS[spelling], fastgrad), pin_memory=False)
    assert placed.shape == plain.shape and placed.dtype is plain.dtype
    assert placed.device == fastgrad.device("cpu")


def _same_refusal(fn):
    """fastgrad raises where torch (CPU build) raises, with an exception torch's class also catches."""
    f = outcome(fn, fastgrad)
    assert isinstance(f, Exception), f"fastgrad did not raise: {f}"
    torch = torch_or_none()
    if torch is not None:
        t = outcome(fn, torch)
        assert isinstance(t, Exception), f"torch did not raise: {t}"
        assert isinstance(f, type(t)), f"{type(f).__name__}: {f} vs {type(t).__name__}: {t}"
    return f


@pytest.mark.parametrize("make", [c[1] for c in CREATORS], ids=IDS)
@pytest.mark.parametrize("device", ["cuda", "cuda:1", "mps"])
def test_other_devices_raise_saying_cpu_only(make, device):
    if device == "mps":  # torch's CPU build answers mps with its own error; fastgrad's says the same thing
        err = outcome(lambda L: make(L, device=device), fastgrad)
        assert isinstance(err, RuntimeError)
    else:
        err = _same_refusal(lambda L: make(L, device=device))
    assert "fastgrad runs on the CPU" in str(err) and device in str(err)


@pytest.mark.parametrize("make", [c[1] for c in CREATORS], ids=IDS)
def test_pin_memory_true_raises(make):
    err = _same_refusal(lambda L: make(L, pin_memory=True))
    assert isinstance(err, RuntimeError) and "pin_memory" in str(err)


@pytest.mark.parametrize("make", [c[1] for c in CREATORS], ids=IDS)
def test_malformed_device_raises_runtime_error(make):
    err = _same_refusal(lambda L: make(L, device="cpux"))
    assert isinstance(err, RuntimeError) and "cpux" in str(err)


@pytest.mark.parametrize("name", ["zeros", "ones", "empty", "rand", "randn"])
def test_unknown_keyword_is_refused_not_ignored(name):
    err = _same_refusal(lambda L: getattr(L, name)(2, devise="cpu"))
    assert isinstance(err, TypeError) and "devise" in str(err)


def test_creation_values_unchanged_by_placement():
    np.testing.assert_array_equal(fastgrad.arange(0, 6, 2, device="cpu").numpy(), [0, 2, 4])
    np.testing.assert_array_equal(fastgrad.full((2,), 1.5, device=fastgrad.device("cpu")).numpy(), [1.5, 1.5])
    fastgrad.manual_seed(3)
    a = fastgrad.randn(4, device="cpu")
    fastgrad.manual_seed(3)
    np.testing.assert_array_equal(a.numpy(), fastgrad.randn(4).numpy())
    assert fastgrad.randperm(3, dtype=fastgrad.float64, requires_grad=True, device="cpu").requires_grad


def test_tensor_to_takes_device_non_blocking_copy():
    x = fastgrad.ones(2, 3)
    assert x.to("cpu", non_blocking=True) is x
    assert x.to(fastgrad.device("cpu"), fastgrad.float64, non_blocking=True).dtype is fastgrad.float64
    assert x.to(device="cpu", dtype=fastgrad.float64).dtype is fastgrad.float64
    y = x.to("cpu", copy=True)
    assert y is not x and y.data_ptr() != x.data_ptr()
    assert x.to("cpu", memory_format=None) is x


@pytest.mark.parametrize("device", ["cuda", "cuda:0", lambda L: L.device("cuda")])
def test_tensor_to_other_device_raises(device):
    err = _same_refusal(lambda L: L.ones(2).to(_dev(device, L)))
    assert "fastgrad runs on the CPU" in str(err)
    err = _same_refusal(lambda L: L.ones(2).to(device=_dev(device, L), non_blocking=True))
    assert "fastgrad runs on the CPU" in str(err)


def test_tensor_to_unknown_keyword_raises():
    err = _same_refusal(lambda L: L.ones(2).to("cpu", blocking=True))
    assert isinstance(err, TypeError) and "blocking" in str(err)


REDUCTIONS = [
    ("sum", lambda x, **kw: x.sum(1, **kw)), ("mean", lambda x, **kw: x.mean(1, **kw)),
    ("amax", lambda x, **kw: x.amax(1, **kw)), ("amin", lambda x, **kw: x.amin(1, **kw)),
    ("std", lambda x, **kw: x.std(1, **kw)), ("var", lambda x, **kw: x.var(1, **kw)),
    ("argmax", lambda x, **kw: x.argmax(1, **kw)), ("argmin", lambda x, **kw: x.argmin(1, **kw)),
    ("logsumexp", lambda x, **kw: x.logsumexp(1, **kw)), ("prod", lambda x, **kw: x.prod(1, **kw)),
    ("all", lambda x, **kw: (x > 0).all(1, **kw)), ("any", lambda x, **kw: (x > 0).any(1, **kw)),
    ("max", lambda x, **kw: x.max(1, **kw)[0]), ("min", lambda x, **kw: x.min(1, **kw)[1]),
]


@pytest.mark.parametrize("reduce", [r[1] for r in REDUCTIONS], ids=[r[0] for r in REDUCTIONS])
@pytest.mark.parametrize("keep", [True, False])
def test_keepdims_is_keepdim(reduce, keep):
    x = fastgrad.tensor(np.random.default_rng(0).normal(size=(3, 4)))
    want = reduce(x, keepdim=keep)
    got = reduce(x, keepdims=keep)
    assert got.shape == want.shape == ((3, 1) if keep else (3,))
    np.testing.assert_array_equal(got.numpy(), want.numpy())


@pytest.mark.parametrize("name", ["sum", "mean", "amax", "logsumexp", "max", "argmax"])
def test_keepdims_in_function_form(name):
    x = fastgrad.ones(2, 3)
    r = getattr(fastgrad, name)(x, 0, keepdims=True)
    r = r[0] if isinstance(r, tuple) else r
    assert r.shape == (1, 3)


def test_keepdim_and_keepdims_together_is_a_type_error():
    with pytest.raises(TypeError, match="keepdim"):
        fastgrad.ones(2, 3).sum(0, keepdim=True, keepdims=True)
