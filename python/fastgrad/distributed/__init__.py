"""fastgrad.distributed: torch.distributed's process-group API over MPI (mpi4py).

Launch one process per rank with ``mpirun -n 4 python train.py``; in each, ``init_process_group("mpi")``
takes the rank and world size from MPI. Collectives hand the tensor's own memory to MPI (``tensor.numpy()``
views, ``MPI.IN_PLACE`` for all_reduce): no copy for contiguous tensors, a ValueError for non-contiguous ones.

Failure handling, so that a broken job ends instead of hanging:

- every collective first exchanges a small signature (which collective, dtype, shape, op, root) and raises
  the same RuntimeError on every rank when they disagree, before any data moves;
- a rank that dies from an uncaught exception aborts the whole MPI job (as ``python -m mpi4py`` does);
  a rank killed by a signal or exiting non-zero is cleaned up by mpirun;
- a collective that does not complete within the process group's ``timeout`` (a peer that left early or
  is stuck) prints which collective timed out and aborts the job.

Needs ``pip install 'fastgrad[distributed]'`` (mpi4py and the MPICH runtime from PyPI).
"""
from .process_group import (DistributedNotInitializedError, GroupMember, ReduceOp, Work, all_gather,
                            all_gather_into_tensor, all_reduce, barrier, broadcast, destroy_process_group,
                            get_backend, get_rank, get_world_size, group, init_process_group, is_available,
                            is_initialized, is_mpi_available, reduce_scatter, reduce_scatter_tensor)

__all__ = ["DistributedNotInitializedError", "GroupMember", "ReduceOp", "Work", "all_gather",
           "all_gather_into_tensor", "all_reduce", "barrier", "broadcast", "destroy_process_group", "get_backend",
           "get_rank", "get_world_size", "group", "init_process_group", "is_available", "is_initialized",
           "is_mpi_available", "reduce_scatter", "reduce_scatter_tensor"]
