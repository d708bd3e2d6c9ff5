"""fastgrad.nn.parallel: DistributedDataParallel over fastgrad.distributed (MPI)."""
from .distributed import DistributedDataParallel

__all__ = ["DistributedDataParallel"]
