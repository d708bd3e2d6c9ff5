"""Arguments fastgrad used to accept and ignore now do what torch does with them, or raise: summary's
device, DistributedDataParallel's device_ids / output_device / dim, barrier's device_ids, randint's
keywords, Tensor.type's keywords, forward hooks' always_call, DataLoader's worker-only options."""
import warnings

import pytest

import fastgrad
import fastgrad.nn as nn
from conftest import torch_or_none
from fastgrad.utils.data import DataLoader, TensorDataset


def test_summary_device():
    model = nn.Sequential(nn.Linear(4, 3))
    text, (total, _) = fastgrad.nn.utils.summary_string(model, (4,), device="cpu")
    assert total == 15 and "Linear-1" in text
    with pytest.raises(RuntimeError, match="CPU"):
        fastgrad.summary(model, (4,), device="cuda")


@pytest.mark.parametrize("kw", [dict(device_ids=[0]), dict(output_device=1), dict(device_ids=[0], output_device=0)])
def test_ddp_device_ids_on_a_cpu_module_raise_as_torch(kw):
    with pytest.raises(ValueError, match="device_ids and output_device arguments only work with"):
        nn.parallel.DistributedDataParallel(nn.Linear(2, 2), **kw)


def test_barrier_device_ids_type():
    with pytest.raises(TypeError, match="List\\[int\\]"):
        fastgrad.distributed.barrier(device_ids=0)


def test_randint_keywords():
    assert fastgrad.randint(0, 5, (3,), layout=fastgrad.strided).shape == (3,)
    with pytest.raises(TypeError, match="unexpected keyword argument 'foo'"):
        fastgrad.randint(0, 5, (3,), foo=1)
    with pytest.raises(NotImplementedError, match="out="):
        fastgrad.randint(0, 5, (3,), out=fastgrad.zeros(3))
    with pytest.raises(NotImplementedError, match="layout"):
        fastgrad.randint(0, 5, (3,), layout=fastgrad.sparse_coo)
    with pytest.raises(TypeError, match="unexpected keyword argument 'size'"):
        fastgrad.randint_like(fastgrad.zeros(3), 5, size=(2,))
    with pytest.raises(RuntimeError, match="CPU"):
        fastgrad.randint_like(fastgrad.zeros(3), 5, device="cuda")
    torch = torch_or_none()
    if torch is not None:
        with pytest.raises(TypeError):
            torch.randint(0, 5, (3,), foo=1)


def test_tensor_type_rejects_unknown_keywords():
    with pytest.raises(TypeError, match="unexpected keyword argument 'foo'"):
        fastgrad.zeros(2).type(fastgrad.float64, foo=1)


def test_forward_hook_always_call_runs_when_forward_raises():
    class Boom(nn.Module):
        def forward(self, x):
            raise ValueError("boom")

    seen = []
    m = Boom()
    m.register_forward_hook(lambda mod, args, out: seen.append(("always", out)), always_call=True)
    m.register_forward_hook(lambda mod, args, out: seen.append(("normal", out)))
    with pytest.raises(ValueError, match="boom"):
        m(fastgrad.zeros(1))
    assert seen == [("always", None)]
    ok = nn.Linear(2, 2)
    ok.register_forward_hook(lambda mod, args, out: seen.append("ran"), always_call=True)
    ok(fastgrad.zeros(2))
    assert seen[-1] == "ran" and len(seen) == 2

    def failing_hook(mod, args, out):
        raise KeyError("hook")
    m2 = Boom()
    m2.register_forward_hook(failing_hook, always_call=True)
    with warnings.catch_warnings(record=True) as w, pytest.raises(ValueError, match="boom"):
        warnings.simplefilter("always")
        m2(fastgrad.zeros(1))
    assert any("always_call" in str(x.message) for x in w)


def test_dataloader_worker_only_options_need_workers():
    ds = TensorDataset(fastgrad.arange(4.0))
    with pytest.raises(ValueError, match="prefetch_factor"):
        DataLoader(ds, prefetch_factor=2)
    with pytest.raises(ValueError, match="multiprocessing_context"):
        DataLoader(ds, multiprocessing_context="spawn")
    with pytest.raises(RuntimeError, match="CPU"):
        DataLoader(ds, pin_memory_device="cuda")
    assert len(list(DataLoader(ds, batch_size=2, num_workers=1, prefetch_factor=2))) == 2


def test_gradcheck_masked_is_refused():
    x = fastgrad.ones(2, dtype=fastgrad.float64, requires_grad=True)
    with pytest.raises(NotImplementedError, match="masked"):
        fastgrad.autograd.gradcheck(lambda t: t * 2, (x,), masked=True)
    with pytest.raises(NotImplementedError, match="masked"):
        fastgrad.autograd.gradgradcheck(lambda t: t * 2, (x,), masked=True)
