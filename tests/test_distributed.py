"""fastgrad.distributed, DistributedDataParallel and DistributedSampler.

The multi-process tests launch real MPI jobs (``mpirun -n 2`` and ``-n 4``, on however many cores there are)
running the worker script below, and check that data-parallel training ends with the parameters a single
process reaches training on the concatenated batches. They skip when mpi4py or mpirun is missing
(``pip install 'fastgrad[distributed]'`` brings both). This process never imports mpi4py itself (that would
initialise MPI here); the single-process reference runs in this process.
"""
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

import fastgrad as fg
import fastgrad.distributed as dist
import fastgrad.nn.functional as F
from fastgrad.nn.parallel import DistributedDataParallel
from fastgrad.utils.data import DataLoader, DistributedSampler, TensorDataset

JOB_TIMEOUT = 180  # seconds for one mpirun job; the failure tests expect far less


# --------------------------------------------------------------------------------------- launching
def _find_launcher():
    if importlib.util.find_spec("mpi4py") is None:
        return None, "mpi4py is not installed (pip install 'fastgrad[distributed]')"
    bindir = Path(sys.executable).parent
    for exe in [bindir / "mpirun", bindir / "mpiexec", shutil.which("mpirun"), shutil.which("mpiexec")]:
        if exe and Path(exe).exists():
            break
    else:
        return None, "no mpirun/mpiexec found (pip install 'fastgrad[distributed]' brings MPICH's)"
    try:
        version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"{exe} --version failed: {e}"
    text = version.stdout + version.stderr
    flags = []
    if "Open MPI" in text or "OpenRTE" in text or "prte" in text.lower():
        flags.append("--oversubscribe")  # 4 ranks on fewer cores
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            flags.append("--allow-run-as-root")
    return [str(exe), *flags], None


LAUNCHER, SKIP_REASON = _find_launcher()
needs_mpi = pytest.mark.skipif(LAUNCHER is None, reason=SKIP_REASON or "")


def _env():
    env = dict(os.environ)
    package_parent = str(Path(list(fg.__path__)[0]).parent)  # the children import this same fastgrad
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_parent, env.get("PYTHONPATH")) if p)
    env["OMP_NUM_THREADS"] = "1"  # one thread per rank: ranks already fill the cores
    return env


def _run(cmd, timeout=JOB_TIMEOUT):
    """Run a job in its own session so that a timeout kills mpirun and every rank it started."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        pytest.fail(f"{' '.join(cmd)} hung: killed after {timeout} s\n{out}\n{err}")
    return proc.returncode, out, err, time.monotonic() - start


def mpirun(n, script, *args, timeout=JOB_TIMEOUT):
    return _run([*LAUNCHER, "-n", str(n), sys.executable, str(script), *map(str, args)], timeout)


WORKER = textwrap.dedent(r'''
    import datetime, os, signal, sys, time
    import numpy as np
    import fastgrad as fg
    import fastgrad.distributed as dist
    import fastgrad.nn.functional as F
    from fastgrad.nn.parallel import DistributedDataParallel as DDP

    mode, out = sys.argv[1], sys.argv[2]
    dist.init_process_group("mpi", timeout=datetime.timedelta(seconds=float(os.environ.get("T", "120"))))
    rank, world = dist.get_rank(), dist.get_world_size()

    def build_model():
        m = fg.nn.Sequential(fg.nn.Linear(20, 32), fg.nn.Tanh(), fg.nn.Linear(32, 16), fg.nn.ReLU(),
                             fg.nn.Linear(16, 4))
        m.register_buffer("scale", fg.full((4,), float(rank + 1)))  # differs per rank until DDP broadcasts it
        return m

    if mode == "train":
        steps, micro, batch = (int(a) for a in sys.argv[3:6])
        fg.manual_seed(1000 + rank)  # a different initialisation on every rank: DDP must broadcast rank 0's
        model = build_model()
        ddp = DDP(model, bucket_cap_mb=300 * 4 / 2**20)  # 300-float buckets: 4 per backward
        assert len(ddp._buckets) > 1
        assert ddp.module is model
        if rank == 0:
            np.savez(f"{out}/init.npz", **{k: v.numpy() for k, v in model.state_dict().items()})
        opt = fg.optim.SGD(ddp.parameters(), lr=0.1, momentum=0.9)
        rng = np.random.default_rng(7)
        for step in range(steps):
            opt.zero_grad()
            for m in range(micro):
                # The global micro-batch; this rank trains on its slice.
                X = rng.standard_normal((batch * world, 20)).astype(np.float32)
                Y = rng.integers(0, 4, batch * world)
                x = fg.from_numpy(X[rank * batch:(rank + 1) * batch])
                y = fg.from_numpy(Y[rank * batch:(rank + 1) * batch])
                if m < micro - 1:
                    with ddp.no_sync():
                        F.cross_entropy(ddp(x) * model.scale, y).backward()
                else:
                    F.cross_entropy(ddp(x) * model.scale, y).backward()
            opt.step()
        state = {k: v.numpy() for k, v in model.state_dict().items()}
        np.savez(f"{out}/rank{rank}.npz", **state)
        print(f"TRAIN OK rank {rank}/{world}", flush=True)

    elif mode == "collectives":
        W, r = world, rank
        t = fg.full((3, 2), float(r + 1)); dist.all_reduce(t)
        assert t.tolist() == [[W * (W + 1) / 2] * 2] * 3, t
        for op, expect in [(dist.ReduceOp.AVG, (W + 1) / 2), (dist.ReduceOp.MAX, W), (dist.ReduceOp.MIN, 1),
                           (dist.ReduceOp.PRODUCT, float(np.prod(np.arange(1, W + 1))))]:
            t = fg.full((5,), float(r + 1)); dist.all_reduce(t, op=op)
            assert t.tolist() == [expect] * 5, (op, t)
        t = fg.full((4,), r, dtype=fg.int64); dist.all_reduce(t, op=dist.ReduceOp.SUM)
        assert t.tolist() == [W * (W - 1) // 2] * 4
        # The collective writes the tensor's own memory: a numpy view of it sees the result.
        t = fg.full((4,), 1.0); view = t.numpy(); dist.all_reduce(t); assert view.tolist() == [W] * 4
        t = fg.full((2,), float(r + 1)); work = dist.all_reduce(t, async_op=True); work.wait()
        assert work.is_completed() and t.tolist() == [W * (W + 1) / 2] * 2
        t = fg.full((2, 2), float(r)); dist.broadcast(t, src=W - 1); assert t.tolist() == [[W - 1.0] * 2] * 2
        outs = [fg.zeros(3) for _ in range(W)]; dist.all_gather(outs, fg.full((3,), float(r)))
        assert [o.tolist() for o in outs] == [[float(i)] * 3 for i in range(W)]
        big = fg.zeros(W, 3); dist.all_gather_into_tensor(big, fg.full((3,), float(r)))
        assert big.tolist() == [[float(i)] * 3 for i in range(W)]
        o = fg.zeros(2); dist.reduce_scatter(o, [fg.full((2,), float(10 * r + i)) for i in range(W)])
        assert o.tolist() == [float(sum(10 * s + r for s in range(W)))] * 2, o
        o = fg.zeros(2); dist.reduce_scatter_tensor(o, fg.arange(2 * W, dtype=fg.float32), op=dist.ReduceOp.AVG)
        assert o.tolist() == [2.0 * r, 2.0 * r + 1], o
        dist.barrier()
        # Errors: every rank must raise the same error, and the job must go on afterwards.
        try:
            dist.all_reduce(fg.zeros(3, 2).t())
            raise AssertionError("non-contiguous tensor accepted")
        except ValueError as e:
            assert "contiguous" in str(e)
        try:
            dist.all_reduce(fg.ones(2 + (r == 1)))
            raise AssertionError("mismatched shapes not detected")
        except RuntimeError as e:
            assert "different arguments" in str(e) and "float32[3]" in str(e) and "float32[2]" in str(e), e
        try:
            if r == 0:
                dist.broadcast(fg.ones(2), src=0)
            else:
                dist.all_reduce(fg.ones(2))
            raise AssertionError("mismatched collectives not detected")
        except RuntimeError as e:
            assert "broadcast" in str(e) and "all_reduce" in str(e), e
        try:
            DDP(fg.nn.Linear(3, 2 + (r == 1)))
            raise AssertionError("mismatched models not detected")
        except RuntimeError as e:
            assert "differs from rank 0" in str(e), e
        try:
            dist.init_process_group("mpi")
            raise AssertionError("second init accepted")
        except RuntimeError as e:
            assert "twice" in str(e)
        # A parameter that gets no gradient: the next forward says which, finish_gradient_synchronization()
        # reduces anyway (the missing gradient counts as zero).
        fg.manual_seed(0)
        net = fg.nn.ModuleDict({"used": fg.nn.Linear(3, 2), "unused": fg.nn.Linear(3, 2)})
        ddp = DDP(net)
        x = fg.full((4, 3), float(r + 1))
        net["used"](x).sum().backward()
        try:
            ddp(x)  # (a ModuleDict has no forward: the check comes first)
            raise AssertionError("unused parameter not reported")
        except RuntimeError as e:
            assert "unused.weight" in str(e) and "used.weight" not in str(e).replace("unused.", ""), e
        ddp.finish_gradient_synchronization()
        expect = 4 * (W + 1) / 2  # d sum(x @ w.T) / dw = column sums of x, averaged over ranks
        assert net["used"].weight.grad.tolist() == [[expect] * 3] * 2, net["used"].weight.grad
        assert net["unused"].weight.grad.tolist() == [[0.0] * 3] * 2
        t = fg.ones(1); dist.all_reduce(t); assert t.item() == W  # still in lockstep after the errors
        dist.destroy_process_group()
        assert not dist.is_initialized()
        print(f"COLLECTIVES OK rank {r}/{W}", flush=True)

    elif mode.startswith("die-"):
        t = fg.ones(1000)
        dist.all_reduce(t)
        if rank == 1:
            print("rank 1 dying", flush=True)
            if mode == "die-raise":
                raise RuntimeError("rank 1 fails")
            if mode == "die-exit1":
                os._exit(1)
            if mode == "die-kill":
                os.kill(os.getpid(), signal.SIGKILL)
            if mode == "die-exit0":
                sys.exit(0)  # leaves cleanly, but the others still wait for it: only the timeout helps
        while True:
            dist.all_reduce(t)
''')


@pytest.fixture(scope="module")
def worker(tmp_path_factory):
    path = tmp_path_factory.mktemp("dist") / "worker.py"
    path.write_text(WORKER)
    return path


# ------------------------------------------------------------------------- data-parallel == one process
def _reference(init, steps, micro, batch, world):
    """One process training on the concatenated batches of all ranks (same data stream as the workers)."""
    model = fg.nn.Sequential(fg.nn.Linear(20, 32), fg.nn.Tanh(), fg.nn.Linear(32, 16), fg.nn.ReLU(),
                             fg.nn.Linear(16, 4))
    model.register_buffer("scale", fg.zeros(4))
    model.load_state_dict({k: fg.from_numpy(v.copy()) for k, v in init.items()})
    opt = fg.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    rng = np.random.default_rng(7)
    for _ in range(steps):
        opt.zero_grad()
        for _ in range(micro):
            X = fg.from_numpy(rng.standard_normal((batch * world, 20)).astype(np.float32))
            Y = fg.from_numpy(rng.integers(0, 4, batch * world))
            F.cross_entropy(model(X) * model.scale, Y).backward()
        opt.step()
    return {k: v.numpy() for k, v in model.state_dict().items()}


@needs_mpi
@pytest.mark.parametrize("world", [2, 4])
def test_ddp_matches_single_process(worker, tmp_path, world):
    steps, micro, batch = 5, 2, 8
    rc, out, err, _ = mpirun(world, worker, "train", tmp_path, steps, micro, batch)
    assert rc == 0, f"mpirun failed ({rc}):\n{out}\n{err}"
    assert out.count("TRAIN OK") == world
    init = dict(np.load(tmp_path / "init.npz"))
    assert init["scale"].tolist() == [1.0] * 4  # rank 0's buffer
    ranks = [dict(np.load(tmp_path / f"rank{r}.npz")) for r in range(world)]
    for r in range(1, world):  # replicas stay identical (every rank gets the same reduced bits)
        for k in ranks[0]:
            np.testing.assert_array_equal(ranks[r][k], ranks[0][k], err_msg=f"rank {r} diverged in {k}")
    ref = _reference(init, steps, micro, batch, world)
    moved = max(float(np.abs(ref[k] - init[k]).max()) for k in ref)
    assert moved > 1e-2  # training did change the parameters
    for k in ref:
        np.testing.assert_allclose(ranks[0][k], ref[k], rtol=1e-5, atol=2e-6, err_msg=k)


@needs_mpi
def test_single_rank_without_mpirun(worker, tmp_path):
    # A plain `python script.py` is a world of size 1 (MPI singleton): DDP degenerates to local training.
    steps, micro, batch = 3, 2, 8
    rc, out, err, _ = _run([sys.executable, str(worker), "train", str(tmp_path), str(steps), str(micro),
                            str(batch)])
    assert rc == 0, f"{out}\n{err}"
    ref = _reference(dict(np.load(tmp_path / "init.npz")), steps, micro, batch, 1)
    got = dict(np.load(tmp_path / "rank0.npz"))
    for k in ref:
        np.testing.assert_allclose(got[k], ref[k], rtol=1e-6, atol=1e-7, err_msg=k)


@needs_mpi
@pytest.mark.parametrize("world", [2, 4])
def test_collectives(worker, tmp_path, world):
    rc, out, err, _ = mpirun(world, worker, "collectives", tmp_path)
    assert rc == 0, f"mpirun failed ({rc}):\n{out}\n{err}"
    assert out.count("COLLECTIVES OK") == world, out + err


# ------------------------------------------------------------------------------------ failing ranks
@needs_mpi
@pytest.mark.parametrize("how, message", [
    ("die-raise", "aborting the MPI job"),        # uncaught exception: our excepthook aborts the job
    ("die-exit1", ""),                            # non-zero exit: mpirun kills the others
    ("die-kill", ""),                             # killed by a signal: mpirun kills the others
    ("die-exit0", "did not complete within"),     # a clean early exit: the collective timeout aborts the job
])
def test_dead_rank_ends_the_job(worker, tmp_path, how, message):
    os.environ["T"] = "5"  # the process group's collective timeout in the workers, seconds
    try:
        rc, out, err, elapsed = mpirun(2, worker, how, tmp_path, timeout=90)
    finally:
        del os.environ["T"]
    assert "rank 1 dying" in out, out + err
    assert rc != 0, f"the job ended with rc 0:\n{out}\n{err}"
    assert message in err, err
    assert elapsed < 60


# ------------------------------------------------------------------------------- no process group
def test_collectives_before_init_raise():
    assert not dist.is_initialized()
    for call in (lambda: dist.all_reduce(fg.ones(2)), lambda: dist.broadcast(fg.ones(2), 0), dist.barrier,
                 dist.get_rank, dist.get_world_size,
                 lambda: dist.all_gather([fg.ones(2)], fg.ones(2)),
                 lambda: dist.reduce_scatter(fg.ones(2), [fg.ones(2)]),
                 lambda: DistributedDataParallel(fg.nn.Linear(2, 2))):
        with pytest.raises(RuntimeError, match="has not been initialized"):
            call()
    # torch raises ValueError here: code written for torch catches this too.
    with pytest.raises(ValueError):
        dist.all_reduce(fg.ones(2))
    with pytest.raises(RuntimeError, match="init_process_group"):
        DistributedSampler(range(10))
    with pytest.raises(ValueError, match="backend"):
        dist.init_process_group("nccl")


# ------------------------------------------------------------------------------- DistributedSampler
@pytest.mark.parametrize("n", [1, 7, 10, 12])
@pytest.mark.parametrize("replicas", [1, 3, 4])
@pytest.mark.parametrize("drop_last", [False, True])
@pytest.mark.parametrize("shuffle", [False, True])
def test_distributed_sampler_partitions(n, replicas, drop_last, shuffle):
    if drop_last and n < replicas:
        pytest.skip("no sample per rank")
    samplers = [DistributedSampler(range(n), replicas, r, shuffle=shuffle, seed=3, drop_last=drop_last)
                for r in range(replicas)]
    shares = [list(s) for s in samplers]
    per_rank = (n // replicas) if drop_last else -(-n // replicas)
    assert all(len(s) == per_rank == samplers[0].num_samples for s in shares)
    flat = [i for s in shares for i in s]
    if drop_last:
        assert len(set(flat)) == len(flat)  # disjoint, nothing repeated
    else:
        assert set(flat) == set(range(n))  # everything seen; padding repeats the start
    # Interleaved: rank r holds positions r, r + replicas, ... of the epoch order.
    order = [shares[p % replicas][p // replicas] for p in range(per_rank * replicas)]
    if not shuffle:
        assert order == [i % n for i in range(per_rank * replicas)]
    else:
        g = fg.Generator()
        g.manual_seed(3)
        perm = fg.randperm(n, generator=g).tolist()
        assert order == (perm * (per_rank * replicas // n + 1))[:per_rank * replicas]


def test_distributed_sampler_epochs_and_loader():
    s = DistributedSampler(range(100), num_replicas=2, rank=1, seed=5)
    e0 = list(s)
    assert list(s) == e0  # the same epoch, the same order
    s.set_epoch(1)
    e1 = list(s)
    assert e1 != e0 and sorted(e1) != e1
    s2 = DistributedSampler(range(100), num_replicas=2, rank=1, seed=5)
    s2.set_epoch(1)
    assert list(s2) == e1  # deterministic in (seed, epoch)
    with pytest.raises(ValueError, match="Invalid rank"):
        DistributedSampler(range(10), num_replicas=2, rank=2)
    # The DataLoader slices this rank's share into batches.
    xs = fg.arange(10, dtype=fg.float32)
    loader = DataLoader(TensorDataset(xs), batch_size=2, sampler=DistributedSampler(range(10), 3, 2, shuffle=False))
    assert [b[0].tolist() for b in loader] == [[2.0, 5.0], [8.0, 1.0]]


@pytest.mark.skipif(importlib.util.find_spec("torch") is None, reason="torch is not installed")
@pytest.mark.parametrize("n, replicas, drop_last", [(10, 3, False), (10, 3, True), (2, 5, False), (12, 4, True)])
def test_distributed_sampler_matches_torch_without_shuffle(n, replicas, drop_last):
    # With shuffle the permutations come from different generators; the padding, dropping and
    # interleaving rules are the same, checked here on the unshuffled order.
    import torch.utils.data

    for r in range(replicas):
        ours = DistributedSampler(range(n), replicas, r, shuffle=False, drop_last=drop_last)
        theirs = torch.utils.data.DistributedSampler(range(n), replicas, r, shuffle=False, drop_last=drop_last)
        assert list(ours) == list(theirs) and len(ours) == len(theirs)
