"""fastgrad.multiprocessing and shared-memory tensors: share_memory_() keeps values and makes writes from
other processes visible, under the fork and spawn start methods, through process arguments and queues;
hogwild-style training (several processes updating one shared model) moves the shared parameters."""
import numpy as np
import pytest

import fastgrad
import fastgrad.multiprocessing as mp

START_METHODS = [m for m in ("fork", "spawn") if m in mp.get_all_start_methods()]


# ---- functions run in child processes (module level, so spawn can import them)
def _write_row(rank, t):
    with fastgrad.no_grad():
        t[rank] += float(rank + 1)


def _fill_weight_row(rank, model):
    with fastgrad.no_grad():
        model.weight[rank].fill_(10.0 * (rank + 1))


def _add_one_from_queue(queue, done):
    t = queue.get()
    with fastgrad.no_grad():
        t.add_(1.0)
    done.put(t.tolist())


def _raise_in_child(rank):
    if rank == 1:
        raise ValueError(f"failure in process {rank}")


def _hogwild_train(rank, model, steps):
    x = fastgrad.linspace(-1.0, 1.0, 32).reshape(16, 2) * (rank + 1)
    y = x.sum(1, keepdim=True) * 0.5 - 0.25
    opt = fastgrad.optim.SGD(model.parameters(), lr=0.05)
    for _ in range(steps):
        opt.zero_grad()
        loss = ((model(x) - y) ** 2).mean()
        loss.backward()
        opt.step()


def _surface_names():
    return ["Process", "Queue", "SimpleQueue", "Pool", "Pipe", "Lock", "Event", "Manager", "get_context",
            "set_start_method", "get_start_method", "get_all_start_methods", "cpu_count", "current_process",
            "spawn", "start_processes", "ProcessContext", "ProcessRaisedException", "ProcessExitedException",
            "get_sharing_strategy", "set_sharing_strategy", "get_all_sharing_strategies"]


@pytest.mark.parametrize("name", _surface_names())
def test_torch_multiprocessing_surface(name):
    assert hasattr(mp, name)


def test_surface_is_torchs():
    torch = pytest.importorskip("torch")
    for name in _surface_names():
        assert hasattr(torch.multiprocessing, name)
    assert mp.get_sharing_strategy() in torch.multiprocessing.get_all_sharing_strategies()


@pytest.mark.parametrize("dtype", [fastgrad.float32, fastgrad.float64, fastgrad.int64, fastgrad.bool])
def test_share_memory_keeps_values_and_is_idempotent(dtype):
    t = (fastgrad.arange(12).reshape(3, 4) % 3).to(dtype)
    before = t.tolist()
    assert not t.is_shared()
    assert t.share_memory_() is t
    assert t.is_shared() and t.tolist() == before and t.dtype is dtype and t.shape == (3, 4)
    address = t.numpy().__array_interface__["data"][0]
    t.share_memory_()
    assert t.numpy().__array_interface__["data"][0] == address


def test_share_memory_of_views_and_empty_tensors():
    base = fastgrad.arange(6.0).reshape(2, 3)
    view = base.t()
    view.share_memory_()
    assert view.tolist() == [[0.0, 3.0], [1.0, 4.0], [2.0, 5.0]] and view.is_shared()
    empty = fastgrad.zeros(0, 3)
    empty.share_memory_()
    assert empty.shape == (0, 3)


def test_shared_parameter_keeps_autograd_and_optimizer_identity():
    model = fastgrad.nn.Linear(3, 2)
    opt = fastgrad.optim.SGD(model.parameters(), lr=0.1)
    weight = model.weight
    assert model.share_memory() is model
    assert model.weight is weight and weight.is_shared() and model.bias.is_shared()
    assert weight.requires_grad and weight.is_leaf
    model(fastgrad.ones(1, 3)).sum().backward()
    before = weight.detach().clone()
    opt.step()
    np.testing.assert_allclose(weight.detach().numpy(), (before - 0.1).numpy(), rtol=1e-6)
    assert weight.is_shared()


@pytest.mark.parametrize("method", START_METHODS)
def test_child_writes_reach_the_parent(method):
    t = fastgrad.zeros(3, 2).share_memory_()
    model = fastgrad.nn.Linear(2, 3)
    model.share_memory()
    mp.start_processes(_write_row, args=(t,), nprocs=3, start_method=method)
    mp.start_processes(_fill_weight_row, args=(model,), nprocs=3, start_method=method)
    assert t.tolist() == [[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]]
    assert model.weight.tolist() == [[10.0, 10.0], [20.0, 20.0], [30.0, 30.0]]


@pytest.mark.parametrize("method", START_METHODS)
def test_tensor_through_a_queue(method):
    ctx = mp.get_context(method)
    for shared in (True, False):
        t = fastgrad.ones(2, 2)
        if shared:
            t.share_memory_()
        queue, done = ctx.Queue(), ctx.Queue()
        p = ctx.Process(target=_add_one_from_queue, args=(queue, done))
        p.start()
        queue.put(t)
        assert done.get(timeout=60) == [[2.0, 2.0], [2.0, 2.0]]
        p.join(60)
        assert p.exitcode == 0
        # shared tensors travel as the same memory; others by value, as copies
        assert t.tolist() == ([[2.0, 2.0], [2.0, 2.0]] if shared else [[1.0, 1.0], [1.0, 1.0]])


def test_spawn_reports_the_child_exception():
    with pytest.raises(mp.ProcessRaisedException, match="failure in process 1"):
        mp.spawn(_raise_in_child, nprocs=2, start_method=START_METHODS[0])


def test_spawn_without_join_returns_a_context():
    t = fastgrad.zeros(2, 2).share_memory_()
    ctx = mp.spawn(_write_row, args=(t,), nprocs=2, join=False, start_method=START_METHODS[0])
    assert len(ctx.pids()) == 2
    while not ctx.join():
        pass
    assert t.tolist() == [[1.0, 1.0], [2.0, 2.0]]


@pytest.mark.parametrize("method", START_METHODS)
def test_hogwild_training_updates_the_shared_model(method):
    model = fastgrad.nn.Linear(2, 1)
    with fastgrad.no_grad():
        model.weight.copy_(fastgrad.tensor([[0.3, -0.2]]))
        model.bias.fill_(0.1)
    model.share_memory()
    initial = [p.detach().clone() for p in model.parameters()]
    x = fastgrad.linspace(-1.0, 1.0, 32).reshape(16, 2)
    y = x.sum(1, keepdim=True) * 0.5 - 0.25
    loss_before = ((model(x) - y) ** 2).mean().item()
    processes = []
    ctx = mp.get_context(method)
    for rank in range(2):
        p = ctx.Process(target=_hogwild_train, args=(rank, model, 40))
        p.start()
        processes.append(p)
    for p in processes:
        p.join(120)
        assert p.exitcode == 0
    moved = max((p.detach() - q).abs().max().item() for p, q in zip(model.parameters(), initial))
    assert moved > 1e-2
    assert ((model(x) - y) ** 2).mean().item() < loss_before


def test_sharing_strategies():
    assert mp.get_sharing_strategy() == "file_system"
    mp.set_sharing_strategy("file_system")
    with pytest.raises(ValueError, match="file_system"):
        mp.set_sharing_strategy("file_descriptor")
