"""DistributedDataParallel over fastgrad.distributed (MPI).

How gradients are synchronised
------------------------------
Parameters are grouped into buckets in reverse registration order (roughly the order backward produces
their gradients), per dtype: the first bucket holds up to 1 MiB, the others up to ``bucket_cap_mb``, as in
torch. Each bucket owns one contiguous flat buffer.

A gradient hook on every parameter runs when backward has computed that parameter's gradient (before the
engine accumulates it into ``.grad``). The hook writes the gradient that ``.grad`` would hold (the incoming
one plus any gradient accumulated under ``no_sync()``) into the parameter's slot of the bucket buffer. When a
bucket's last slot is written, the bucket is divided by the world size and an ``MPI_Iallreduce`` on its
buffer starts: buckets start strictly in bucket order, so every rank issues the same collectives in the
same order. Later hooks poll the outstanding requests (MPI progresses non-blocking collectives when it is
called), so a bucket's reduction runs while backward computes the gradients of the earlier layers. The hook
of the last parameter to become ready waits for every bucket and points each parameter's ``.grad`` at its
averaged slot of the bucket buffer (torch's ``gradient_as_bucket_view``). So when ``loss.backward()``
returns, the gradients are averaged, as with torch; no extra call is needed before ``optimizer.step()``.

What overlaps: bucket k's all-reduce is posted while backward still computes the gradients of the
parameters in later buckets. MPI (without an asynchronous progress thread) moves a non-blocking collective
forward only inside MPI calls, so the overlap is what fits between the hooks' Test calls and the final wait:
small buckets posted early complete by then, large ones finish in the wait. Seen on the MNIST MLP split into
two buckets (bucket_cap_mb=0.1): the first bucket (fc3, fc2, fc1.bias) was posted while fc1.weight's gradient
was computed, and the final wait took 0.27 ms. A model that fits in one bucket (this MLP is 0.44 MB, under
the 1 MiB first bucket) gets no overlap: lower ``bucket_cap_mb`` to split it. MPICH can also progress in a
background thread (MPIR_CVAR_ASYNC_PROGRESS=1), worth it only with a spare core per rank.

Every parameter that requires grad must receive a gradient in every synchronised backward (torch's default
``find_unused_parameters=False``). If some did not, the next forward raises; call
``finish_gradient_synchronization()`` after backward to reduce anyway, counting missing gradients as zero.
"""
from __future__ import annotations

import contextlib
import weakref

import numpy as np

import fastgrad as _fg
from ...distributed import process_group as _pg
from ..module import Module

_FIRST_BUCKET_BYTES = 1024 * 1024


class _Bucket:
    __slots__ = ("index", "dtype", "params", "offsets", "flat", "slots", "grad_views", "pending", "req")

    def __init__(self, index, dtype):
        self.index, self.dtype = index, dtype
        self.params, self.offsets = [], []  # parameter indices and their element offsets in flat
        self.flat = None
        self.slots = []       # numpy views of flat shaped like each parameter
        self.grad_views = []  # the same views as fastgrad tensors (what .grad points to after sync)
        self.pending = 0
        self.req = None

    def nbytes(self, params):
        return sum(params[i].numel() for i in self.params) * np.dtype(self.dtype).itemsize


class DistributedDataParallel(Module):
    """Data-parallel training over `fastgrad.distributed` (MPI), as torch's DDP: the module's
    parameters and buffers are broadcast from rank 0 at construction, and during ``backward`` the gradients are
    averaged over the ranks in buckets, each all-reduce overlapping the rest of backward. When ``backward``
    returns, every rank holds the same averaged ``.grad``. Inside ``no_sync()`` gradients accumulate locally.

    Args:
        module (Module): the model to replicate.
        broadcast_buffers (bool): broadcast rank 0's buffers at each forward. Default: ``True``.
        process_group (optional): ``None`` or the world group.
        bucket_cap_mb (float, optional): the size of a gradient bucket in MiB. Default: 25 (1 for the first).
        find_unused_parameters (bool): must be ``False`` (``True`` raises): every parameter must get a gradient.

    The other arguments of torch's signature are accepted for compatibility.

    Examples:
        Run with ``mpirun -n 2 python train.py``:

        ```python
        dist.init_process_group("mpi")
        model = nn.parallel.DistributedDataParallel(nn.Linear(10, 1))
        loss = model(x).pow(2).mean()
        loss.backward()   # gradients averaged over the ranks
        opt.step()
        ```
    """

    def __init__(self, module, device_ids=None, output_device=None, dim=0, broadcast_buffers=True,
                 process_group=None, bucket_cap_mb=None, find_unused_parameters=False, check_reduction=False,
                 gradient_as_bucket_view=False, static_graph=False):
        super().__init__()
        # torch's check for a CPU module (fastgrad's modules are all on the CPU): device ids name GPUs
        if device_ids or output_device:
            raise ValueError(
                "DistributedDataParallel device_ids and output_device arguments only work with "
                "single-device/multiple-device GPU modules or CPU modules, but got device_ids "
                f"{device_ids}, output_device {output_device}, and module parameters {{device(type='cpu')}}.")
        g = _pg._group(process_group)
        if find_unused_parameters:
            raise NotImplementedError(
                "DistributedDataParallel(find_unused_parameters=True) is not supported: call "
                "ddp.finish_gradient_synchronization() after backward when some parameters get no gradient")
        if not isinstance(module, Module):
            raise TypeError(f"DistributedDataParallel wraps a fastgrad.nn.Module, got {type(module).__name__}")
        self.module = module
        object.__setattr__(self, "_pg", g)
        object.__setattr__(self, "broadcast_buffers", bool(broadcast_buffers))
        # torch keeps these as attributes; dim only says how to scatter inputs over several GPUs, so on
        # the CPU (one device per rank) it has no effect in torch either
        object.__setattr__(self, "device_ids", None)
        object.__setattr__(self, "output_device", None)
        object.__setattr__(self, "dim", dim)
        object.__setattr__(self, "require_backward_grad_sync", True)
        object.__setattr__(self, "bucket_bytes_cap", int((25 if bucket_cap_mb is None else bucket_cap_mb) * 2**20))
        named = [(n, p) for n, p in module.named_parameters() if p.requires_grad]
        object.__setattr__(self, "_param_names", [n for n, _ in named])
        object.__setattr__(self, "_params", [p for _, p in named])

        self._verify_model_across_ranks(module)
        self._sync_module_states(module)
        self._build_buckets()
        object.__setattr__(self, "_ready", [False] * len(self._params))
        object.__setattr__(self, "_num_ready", 0)
        object.__setattr__(self, "_next_launch", 0)
        object.__setattr__(self, "_sync_this_backward", True)
        self_ref = weakref.ref(self)  # hooks live on the parameters: no reference cycle back to this wrapper
        handles = []
        # A world of one has nothing to average: no hooks, so DDP costs nothing there (saves ~0.1 ms per MLP step).
        for i, p in enumerate(self._params if g.size > 1 else []):
            handles.append(p.register_hook(lambda grad, i=i: DistributedDataParallel._on_grad(self_ref(), i, grad)))
        object.__setattr__(self, "_hook_handles", handles)

    # ----------------------------------------------------------------------------- construction
    def _verify_model_across_ranks(self, module):
        values = [(n, tuple(p.shape), str(p.dtype)) for n, p in module.named_parameters()]
        values += [(n, tuple(b.shape), str(b.dtype)) for n, b in module.named_buffers()]

        def describe(lists):
            for r, other in enumerate(lists):
                if other != lists[0]:
                    diff = next((a, b) for a, b in zip(lists[0] + [None], other + [None]) if a != b)
                    return (f"rank {r}'s model differs from rank 0's: rank 0 has {diff[0]}, rank {r} has {diff[1]} "
                            f"({len(lists[0])} vs {len(other)} parameters and buffers)")
            return "models differ across ranks"

        if self._pg.size > 1:
            _pg._verify_same_across_ranks(self._pg, "DistributedDataParallel", values, describe)

    def _sync_module_states(self, module):
        """Rank 0's parameters and buffers overwrite everyone's, so all replicas start equal."""
        if self._pg.size == 1:
            return
        tensors = [p for p in module.parameters()] + [b for b in module.buffers()]
        reqs, copies = [], []
        for t in tensors:
            arr = t.detach().numpy()
            if not arr.flags.c_contiguous:
                copy = np.ascontiguousarray(arr)
                copies.append((arr, copy))
                arr = copy
            reqs.append(self._pg.comm.Ibcast(arr, root=0))
        for r in reqs:
            _pg._wait(r, "DistributedDataParallel: broadcast of rank 0's parameters", self._pg)
        for arr, copy in copies:
            arr[...] = copy

    def _build_buckets(self):
        buckets, open_by_dtype = [], {}
        for i in reversed(range(len(self._params))):
            p = self._params[i]
            dtype = p.detach().numpy().dtype
            nbytes = p.numel() * dtype.itemsize
            b = open_by_dtype.get(dtype)
            cap = _FIRST_BUCKET_BYTES if not buckets or b is buckets[0] else self.bucket_bytes_cap
            cap = min(cap, self.bucket_bytes_cap)
            if b is not None and b.params and b.nbytes(self._params) + nbytes > cap:
                b = None
            if b is None:
                b = _Bucket(len(buckets), dtype)
                buckets.append(b)
                open_by_dtype[dtype] = b
            b.params.append(i)
        param_bucket = [None] * len(self._params)
        for b in buckets:
            total = 0
            for i in b.params:
                b.offsets.append(total)
                total += self._params[i].numel()
            b.flat = np.zeros(total, dtype=b.dtype)
            for i, off in zip(b.params, b.offsets):
                p = self._params[i]
                view = b.flat[off:off + p.numel()].reshape(tuple(p.shape))
                b.slots.append(view)
                b.grad_views.append(_fg.from_numpy(view))
            for j, i in enumerate(b.params):
                param_bucket[i] = (b, j)
            b.pending = len(b.params)
        object.__setattr__(self, "_buckets", buckets)
        object.__setattr__(self, "_param_bucket", param_bucket)

    # ----------------------------------------------------------------------------- forward
    def forward(self, *args, **kwargs):
        if self._num_ready:
            missing = [n for n, r in zip(self._param_names, self._ready) if not r]
            raise RuntimeError(
                "DistributedDataParallel: expected to have finished reduction in the prior iteration before "
                "starting a new one: these parameters received no gradient in the last backward: "
                f"{', '.join(missing)}. Make every parameter take part in the loss, or call "
                "finish_gradient_synchronization() after backward (missing gradients count as zero).")
        sync = self.require_backward_grad_sync and _fg.is_grad_enabled()
        object.__setattr__(self, "_sync_this_backward", sync)
        if self.broadcast_buffers and self.module.training and self._pg.size > 1 and sync:
            reqs = [self._pg.comm.Ibcast(b.detach().numpy(), root=0) for b in self.module.buffers()]
            for r in reqs:
                _pg._wait(r, "DistributedDataParallel: buffer broadcast", self._pg)
        return self.module(*args, **kwargs)

    @contextlib.contextmanager
    def no_sync(self):
        """Backward passes of forwards run inside this context accumulate gradients locally, unsynchronised;
        the first synchronised backward after it averages the accumulated gradients."""
        old = self.require_backward_grad_sync
        object.__setattr__(self, "require_backward_grad_sync", False)
        try:
            yield
        finally:
            object.__setattr__(self, "require_backward_grad_sync", old)

    # ----------------------------------------------------------------------------- backward
    @staticmethod
    def _on_grad(self, i, grad):
        if self is None or not self._sync_this_backward:
            return None
        if self._ready[i]:
            raise RuntimeError(
                f"DistributedDataParallel: parameter {self._param_names[i]} received a second gradient before the "
                "previous one was reduced; use no_sync() to accumulate over several backward passes")
        b, j = self._param_bucket[i]
        p = self._params[i]
        slot = b.slots[j]
        g = grad.detach().numpy()
        old = p.grad
        if old is None:
            np.copyto(slot, g)
        else:
            o = old.detach().numpy()
            if o.ctypes.data == slot.ctypes.data:
                slot += g  # .grad is already this bucket slot (after a previous synchronised step)
            else:
                np.add(o, g, out=slot)
        self._ready[i] = True
        self._num_ready += 1
        b.pending -= 1
        if b.pending == 0:
            self._launch_ready_buckets()
        if self._num_ready == len(self._params):
            self._finalize(skip=i)
            p.grad = None
            return b.grad_views[j]  # the engine stores this as .grad
        # The engine sets .grad to this gradient right after the hook; _finalize replaces it.
        p.grad = None
        self._progress()
        return None

    def _launch_ready_buckets(self):
        world = self._pg.size
        while self._next_launch < len(self._buckets) and self._buckets[self._next_launch].pending == 0:
            b = self._buckets[self._next_launch]
            if world > 1:
                np.divide(b.flat, world, out=b.flat)
                b.req = self._pg.comm.Iallreduce(_pg._MPI.IN_PLACE, b.flat, op=_pg._MPI.SUM)
            self._next_launch += 1

    def _progress(self):
        for b in self._buckets[:self._next_launch]:
            if b.req is not None and b.req.Test():
                b.req = None

    def _finalize(self, skip=None):
        for b in self._buckets:
            if b.req is not None:
                _pg._wait(b.req, f"DistributedDataParallel: gradient all_reduce of bucket {b.index}", self._pg)
                b.req = None
        for b in self._buckets:
            for j, i in enumerate(b.params):
                if i != skip:
                    self._params[i].grad = b.grad_views[j]
            b.pending = len(b.params)
        self._ready = [False] * len(self._params)
        self._num_ready = 0
        self._next_launch = 0

    def finish_gradient_synchronization(self):
        """Complete a synchronisation in which some parameters got no gradient (they count as zero, or as
        the gradient they hold from no_sync steps). A no-op when backward already synchronised everything."""
        if not self._num_ready:
            return
        for i, ready in enumerate(self._ready):
            if not ready:
                b, j = self._param_bucket[i]
                old = self._params[i].grad
                if old is None:
                    b.slots[j].fill(0)
                else:
                    o = old.detach().numpy()
                    if o.ctypes.data != b.slots[j].ctypes.data:
                        np.copyto(b.slots[j], o)
                self._ready[i] = True
                b.pending -= 1
        self._launch_ready_buckets()
        self._finalize()

    def __setattr__(self, name, value):
        # Bookkeeping attributes are plain attributes; Module.__setattr__ handles modules and parameters.
        if name in ("_ready", "_num_ready", "_next_launch"):
            object.__setattr__(self, name, value)
        else:
            super().__setattr__(name, value)
