"""The default process group over MPI and the tensor collectives (see the package docstring)."""
from __future__ import annotations

import datetime
import enum
import os
import sys
import time
import traceback
import zlib

import numpy as np

from .. import Tensor

_DEFAULT_TIMEOUT_S = 1800.0  # torch's default for CPU process groups: 30 minutes
_SIG_LEN = 13                # collective, op, dtype, root, ndim, shape[0:8]


class DistributedNotInitializedError(RuntimeError, ValueError):
    """A collective or query before init_process_group. A RuntimeError; also a ValueError, which is what
    torch.distributed raises, so code written for torch catches it too."""


class ReduceOp(enum.Enum):
    """The reduction of a collective: ``SUM``, ``AVG``, ``PRODUCT``, ``MIN`` or ``MAX``.

    Examples:
        >>> fastgrad.distributed.ReduceOp.SUM
        ReduceOp.SUM
    """

    SUM = "sum"
    AVG = "avg"
    PRODUCT = "product"
    MIN = "min"
    MAX = "max"

    def __repr__(self):
        return f"ReduceOp.{self.name}"


_OP_CODES = {op: i for i, op in enumerate(ReduceOp)}
_COLLECTIVES = {name: i for i, name in enumerate(
    ["all_reduce", "broadcast", "all_gather", "all_gather_into_tensor", "reduce_scatter", "reduce_scatter_tensor",
     "barrier", "verify"])}


class GroupMember:
    """torch's group sentinels: only the default (world) group exists here."""
    WORLD = object()
    NON_GROUP_MEMBER = object()


group = GroupMember

_MPI = None       # the mpi4py.MPI module, imported on first init (importing it initialises MPI)
_state = None     # _ProcessGroup while initialised
_prev_excepthook = None


class _ProcessGroup:
    def __init__(self, comm, timeout_s):
        self.comm = comm
        self.rank = comm.Get_rank()
        self.size = comm.Get_size()
        self.timeout_s = timeout_s
        self.checks = os.environ.get("FASTGRAD_DIST_CHECKS", "1") != "0"


def _import_mpi():
    global _MPI
    if _MPI is None:
        try:
            from mpi4py import MPI
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise RuntimeError("fastgrad.distributed needs mpi4py and an MPI runtime: "
                               "pip install 'fastgrad[distributed]' (mpi4py + mpich)") from e
        _MPI = MPI
    return _MPI


def is_available():
    """True when mpi4py can be imported (does not import it: importing initialises MPI)."""
    import importlib.util

    return importlib.util.find_spec("mpi4py") is not None


is_mpi_available = is_available


def is_initialized():
    """Returns ``True`` after `init_process_group` and before `destroy_process_group`.

    Examples:
        >>> fastgrad.distributed.is_initialized()
        False
    """
    return _state is not None


def _group(group_arg=None):
    if _state is None:
        raise DistributedNotInitializedError(
            "Default process group has not been initialized, please make sure to call init_process_group.")
    if group_arg is not None and group_arg is not GroupMember.WORLD:
        raise NotImplementedError("fastgrad.distributed supports only the default (world) process group")
    return _state


def _timeout_seconds(timeout):
    if timeout is None:
        env = os.environ.get("FASTGRAD_DIST_TIMEOUT")
        return float(env) if env else _DEFAULT_TIMEOUT_S
    if isinstance(timeout, datetime.timedelta):
        timeout = timeout.total_seconds()
    timeout = float(timeout)
    if not timeout > 0:
        raise ValueError(f"timeout must be positive, got {timeout}")
    return timeout


def _excepthook(tp, value, tb):
    # An uncaught exception on one rank would otherwise leave the others blocked in their next collective
    # (and this rank in MPI_Finalize): abort the whole job, as `python -m mpi4py` does.
    (_prev_excepthook or sys.__excepthook__)(tp, value, tb)
    g = _state
    if g is not None and g.size > 1 and _MPI is not None and not _MPI.Is_finalized():
        _abort_job(f"fastgrad.distributed: rank {g.rank} died with an uncaught {tp.__name__}; "
                   "aborting the MPI job so that the other ranks do not hang\n")


def init_process_group(backend="mpi", init_method=None, timeout=None, world_size=-1, rank=-1, store=None,
                       group_name="", pg_options=None, device_id=None):
    """Join the MPI job as the default process group. Rank and world size come from MPI (mpirun); passing
    others is an error. ``timeout`` (timedelta or seconds; default $FASTGRAD_DIST_TIMEOUT or 30 minutes)
    bounds every collective: past it the job is aborted with a message naming the collective."""
    global _state, _prev_excepthook
    if _state is not None:
        raise RuntimeError("trying to initialize the default process group twice!")
    if backend is None:
        backend = "mpi"
    if str(backend).lower() != "mpi":
        raise ValueError(f"fastgrad.distributed supports only the 'mpi' backend (launch with mpirun), "
                         f"got backend={backend!r}")
    if init_method not in (None, "env://") or store is not None:
        raise ValueError("the mpi backend takes its rendezvous from mpirun: init_method/store are not used")
    if device_id is not None:
        from .._types import check_cpu_device
        check_cpu_device(device_id, "init_process_group(device_id=)")
    timeout_s = _timeout_seconds(timeout)
    MPI = _import_mpi()
    world = MPI.COMM_WORLD
    for name, given, actual in (("world_size", world_size, world.Get_size()), ("rank", rank, world.Get_rank())):
        if given not in (None, -1) and given != actual:
            raise ValueError(f"init_process_group: {name}={given} does not match MPI's {name} {actual} "
                             "(the mpi backend takes rank and world size from mpirun)")
    _state = _ProcessGroup(world.Dup(), timeout_s)
    if sys.excepthook is not _excepthook:
        _prev_excepthook = sys.excepthook
        sys.excepthook = _excepthook


def destroy_process_group(group=None):
    """Leave the process group. MPI itself stays initialised (mpi4py finalises it at exit), so a later
    init_process_group works again."""
    global _state
    g = _group(group)
    _state = None
    if _MPI is not None and not _MPI.Is_finalized():
        g.comm.Free()


def get_rank(group=None):
    """Returns this process's rank in the default process group (0 to world size - 1).

    Args:
        group (optional): ``None`` or the world group (fastgrad has no sub-groups).
    """
    return _group(group).rank


def get_world_size(group=None):
    """Returns the number of processes in the default process group.

    Args:
        group (optional): ``None`` or the world group.
    """
    return _group(group).size


def get_backend(group=None):
    """Returns the backend of the process group: ``'mpi'``.

    Args:
        group (optional): ``None`` or the world group.
    """
    _group(group)
    return "mpi"


# ------------------------------------------------------------------------------------------- helpers
def _abort_job(message):
    """Print `message` to stderr and abort the whole MPI job."""
    sys.stderr.write(message)
    sys.stderr.flush()
    sys.stdout.flush()
    # mpiexec tears the job down on Abort, and what it had not yet read from this rank's pipes is lost;
    # a moment's wait lets the message reach the user (test runs saw it go missing without it, on the
    # uncaught-exception and the timeout paths alike).
    time.sleep(0.2)
    _MPI.COMM_WORLD.Abort(1)


def _abort_timeout(g, what):
    _abort_job(
        f"fastgrad.distributed: rank {g.rank}: {what} did not complete within the process group's timeout "
        f"({g.timeout_s:g} s): a peer rank has exited or is stuck. Aborting the MPI job.\n"
        + "".join(traceback.format_stack(limit=8)))


def _wait(req, what, g=None, timeout_s=None):
    """Wait for a non-blocking MPI request with the group's timeout. MPI progresses the request only inside
    MPI calls, so this polls Test: a pure spin for the first 0.5 ms (a collective between ranks that are all
    running completes in ~0.1 ms), then spinning with sched_yield up to 50 ms (so a rank waiting for a
    descheduled peer gives it the core when ranks or other jobs outnumber the cores), then every ms.
    Measured on a loaded 2-core machine: yielding from the start made the median 2-rank MLP step 3x slower."""
    if req.Test():
        return
    g = g or _state
    start = time.monotonic()
    while not req.Test():
        waited = time.monotonic() - start
        if waited < 0.0005:
            continue
        if waited < 0.05:
            os.sched_yield()
            continue
        if waited > (g.timeout_s if timeout_s is None else timeout_s):
            _abort_timeout(g, what)
        time.sleep(0.001)


def _array(tensor, name):
    if not isinstance(tensor, Tensor):
        raise TypeError(f"{name} must be a fastgrad Tensor, got {type(tensor).__name__}")
    if not tensor.is_contiguous():
        raise ValueError(f"{name}: collectives pass the tensor's memory to MPI without copying, so it must be "
                         "contiguous; use t.contiguous() and copy the result back")
    return tensor.detach().numpy()


def _signature(coll, arr, op=None, root=-1):
    shape = arr.shape
    sig = np.zeros(_SIG_LEN, dtype=np.int64)
    sig[0] = _COLLECTIVES[coll]
    sig[1] = -1 if op is None else _OP_CODES[op]
    sig[2] = ord(arr.dtype.char)
    sig[3] = root
    sig[4] = len(shape)
    if len(shape) <= 8:
        sig[5:5 + len(shape)] = shape
    else:
        sig[5] = zlib.crc32(np.asarray(shape, dtype=np.int64).tobytes())
    return sig


def _describe(sig):
    names = {v: k for k, v in _COLLECTIVES.items()}
    coll = names.get(int(sig[0]), "?")
    dtype = np.dtype(chr(int(sig[2]))).name
    ndim = int(sig[4])
    shape = "[" + ", ".join(str(int(s)) for s in sig[5:5 + ndim]) + "]" if ndim <= 8 else f"<{ndim}-d>"
    s = f"{coll}({dtype}{shape}"
    if sig[1] >= 0:
        s += f", op={list(ReduceOp)[int(sig[1])].name}"
    if sig[3] >= 0:
        s += f", src={int(sig[3])}"
    return s + ")"


def _check_same(g, sig, what):
    """All ranks exchange their call's signature; on a mismatch every rank raises the same error before any
    data moves (MPI would otherwise hang, or reduce garbage, on mismatched sizes)."""
    if not g.checks or g.size == 1:
        return
    allsigs = np.empty((g.size, _SIG_LEN), dtype=np.int64)
    _wait(g.comm.Iallgather(sig, allsigs), f"{what} (signature exchange)", g)
    if (allsigs != allsigs[0]).any():
        lines = "; ".join(f"rank {r}: {_describe(s)}" for r, s in enumerate(allsigs))
        raise RuntimeError(f"fastgrad.distributed.{what}: the ranks called it with different arguments ({lines}). "
                           "Every rank must call the same collective with tensors of the same shape and dtype.")


def _mpi_op(op):
    if not isinstance(op, ReduceOp):
        raise TypeError(f"op must be a fastgrad.distributed.ReduceOp, got {op!r}")
    MPI = _MPI
    return {ReduceOp.SUM: MPI.SUM, ReduceOp.AVG: MPI.SUM, ReduceOp.PRODUCT: MPI.PROD, ReduceOp.MIN: MPI.MIN,
            ReduceOp.MAX: MPI.MAX}[op]


def _check_avg(arr, op, what):
    if op is ReduceOp.AVG and arr.dtype.kind not in "fc":
        raise ValueError(f"{what}: ReduceOp.AVG needs a floating-point tensor, got {arr.dtype}")


class Work:
    """Handle of an async_op=True collective: ``wait()`` blocks (with the group's timeout) and finishes it."""

    def __init__(self, req, what, finish=None):
        self._req, self._what, self._finish, self._done = req, what, finish, False

    def is_completed(self):
        if not self._done and self._req.Test():
            self._complete()
        return self._done

    def wait(self, timeout=None):
        """Blocks until the collective finishes; past ``timeout`` (a timedelta or seconds; default the
        group's) the job is aborted with a message naming the collective, as the group's timeout does."""
        if not self._done:
            _wait(self._req, self._what, timeout_s=None if timeout is None else _timeout_seconds(timeout))
            self._complete()
        return True

    def _complete(self):
        self._done = True
        if self._finish is not None:
            self._finish()


def _run(req, what, finish, async_op):
    work = Work(req, what, finish)
    if async_op:
        return work
    work.wait()
    return None


# ----------------------------------------------------------------------------------------- collectives
def all_reduce(tensor, op=ReduceOp.SUM, group=None, async_op=False):
    """Reduce ``tensor`` across ranks in place (MPI_Allreduce with MPI_IN_PLACE on the tensor's memory)."""
    g = _group(group)
    arr = _array(tensor, "all_reduce: tensor")
    mpi_op = _mpi_op(op)
    _check_avg(arr, op, "all_reduce")
    _check_same(g, _signature("all_reduce", arr, op), "all_reduce")
    finish = (lambda: np.divide(arr, g.size, out=arr)) if op is ReduceOp.AVG else None
    return _run(g.comm.Iallreduce(_MPI.IN_PLACE, arr, op=mpi_op), "all_reduce", finish, async_op)


def broadcast(tensor, src, group=None, async_op=False):
    """Copy rank ``src``'s tensor into every rank's ``tensor`` (in place)."""
    g = _group(group)
    if not 0 <= int(src) < g.size:
        raise ValueError(f"broadcast: src={src} is not a rank of a world of size {g.size}")
    arr = _array(tensor, "broadcast: tensor")
    _check_same(g, _signature("broadcast", arr, root=int(src)), "broadcast")
    return _run(g.comm.Ibcast(arr, root=int(src)), "broadcast", None, async_op)


def _arrays_like(g, op, arg, tensors, like, like_name):
    """The arrays of a per-rank tensor list (one tensor per rank, each shaped and typed like `like`)."""
    if len(tensors) != g.size:
        raise ValueError(f"{op}: {arg} has {len(tensors)} tensors for a world of size {g.size}")
    arrs = [_array(t, f"{op}: {arg}[{i}]") for i, t in enumerate(tensors)]
    for i, a in enumerate(arrs):
        if a.shape != like.shape or a.dtype != like.dtype:
            raise ValueError(f"{op}: {arg}[{i}] is {a.dtype}{list(a.shape)}, "
                             f"expected {like.dtype}{list(like.shape)} like {like_name}")
    return arrs


def all_gather(tensor_list, tensor, group=None, async_op=False):
    """``tensor_list[r]`` receives rank r's ``tensor``. MPI gathers into one contiguous buffer, which is then
    copied into the list's tensors; all_gather_into_tensor receives straight into the output's memory."""
    g = _group(group)
    arr = _array(tensor, "all_gather: tensor")
    outs = _arrays_like(g, "all_gather", "tensor_list", tensor_list, arr, "the input tensor")
    _check_same(g, _signature("all_gather", arr), "all_gather")
    recv = np.empty((g.size,) + arr.shape, dtype=arr.dtype)

    def finish():
        for i, o in enumerate(outs):
            o[...] = recv[i]

    return _run(g.comm.Iallgather(arr, recv), "all_gather", finish, async_op)


def all_gather_into_tensor(output_tensor, input_tensor, group=None, async_op=False):
    """Gather every rank's ``input_tensor`` into ``output_tensor`` (world_size times its size: stacked on a
    new first dim or concatenated along dim 0), received directly into the output's memory."""
    g = _group(group)
    arr = _array(input_tensor, "all_gather_into_tensor: input_tensor")
    out = _array(output_tensor, "all_gather_into_tensor: output_tensor")
    if out.size != arr.size * g.size or out.dtype != arr.dtype:
        raise ValueError(f"all_gather_into_tensor: output is {out.dtype}{list(out.shape)}, expected "
                         f"{arr.dtype} with world_size x {arr.size} elements")
    _check_same(g, _signature("all_gather_into_tensor", arr), "all_gather_into_tensor")
    return _run(g.comm.Iallgather(arr, out), "all_gather_into_tensor", None, async_op)


def reduce_scatter(output, input_list, op=ReduceOp.SUM, group=None, async_op=False):
    """``output`` on rank r receives the reduction over ranks of ``input_list[r]``. The list is first copied
    into one contiguous send buffer (MPI needs one); reduce_scatter_tensor avoids that copy."""
    g = _group(group)
    out = _array(output, "reduce_scatter: output")
    mpi_op = _mpi_op(op)
    _check_avg(out, op, "reduce_scatter")
    ins = _arrays_like(g, "reduce_scatter", "input_list", input_list, out, "the output")
    _check_same(g, _signature("reduce_scatter", out, op), "reduce_scatter")
    send = np.concatenate([a.reshape(-1) for a in ins]) if ins else np.empty(0, out.dtype)
    finish = (lambda: np.divide(out, g.size, out=out)) if op is ReduceOp.AVG else None
    return _run(g.comm.Ireduce_scatter_block(send, out, op=mpi_op), "reduce_scatter", finish, async_op)


def reduce_scatter_tensor(output, input, op=ReduceOp.SUM, group=None, async_op=False):
    """``input`` holds world_size equal chunks along dim 0; rank r's ``output`` receives the reduction of
    chunk r. No copy: MPI reads the input's memory and writes the output's."""
    g = _group(group)
    out = _array(output, "reduce_scatter_tensor: output")
    arr = _array(input, "reduce_scatter_tensor: input")
    mpi_op = _mpi_op(op)
    _check_avg(out, op, "reduce_scatter_tensor")
    if arr.size != out.size * g.size or arr.dtype != out.dtype:
        raise ValueError(f"reduce_scatter_tensor: input is {arr.dtype}{list(arr.shape)}, expected "
                         f"{out.dtype} with world_size x {out.size} elements")
    _check_same(g, _signature("reduce_scatter_tensor", out, op), "reduce_scatter_tensor")
    finish = (lambda: np.divide(out, g.size, out=out)) if op is ReduceOp.AVG else None
    return _run(g.comm.Ireduce_scatter_block(arr, out, op=mpi_op), "reduce_scatter_tensor", finish, async_op)


def barrier(group=None, async_op=False, device_ids=None):
    """Blocks until every rank has called it.

    Args:
        group (optional): ``None`` or the world group (fastgrad has no sub-groups).
        async_op (bool): return a work handle to ``wait()`` on instead of blocking. Default: ``False``.
        device_ids (list of int, optional): the device whose stream the barrier runs on, as torch's (which
            uses the first id); fastgrad runs on the CPU, where torch also takes the id and the barrier is
            the same.
    """
    if device_ids is not None and not (isinstance(device_ids, list) and
                                       all(isinstance(d, int) and not isinstance(d, bool) for d in device_ids)):
        raise TypeError("Invalid function argument: device_ids type should be List[int]")
    g = _group(group)
    return _run(g.comm.Ibarrier(), "barrier", None, async_op)


def _verify_same_across_ranks(g, what, values, describe):
    """Used by DistributedDataParallel: every rank must hold the same list of (shape, dtype). A hash is
    compared first; on a mismatch the full lists are gathered so the error can say where they differ."""
    blob = repr(values).encode()
    sig = np.array([_COLLECTIVES["verify"], zlib.crc32(blob), len(values)], dtype=np.int64)
    allsigs = np.empty((g.size, 3), dtype=np.int64)
    _wait(g.comm.Iallgather(sig, allsigs), what, g)
    if (allsigs == allsigs[0]).all():
        return
    lists = g.comm.allgather(values)  # small pickled lists; only on the error path
    detail = describe(lists)
    raise RuntimeError(f"{what}: {detail}")
