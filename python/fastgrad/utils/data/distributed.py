"""DistributedSampler: each rank of a data-parallel job visits its own share of the dataset, as torch's."""
import math

import fastgrad as _fg

from .sampler import Sampler


class DistributedSampler(Sampler):
    """Restricts data loading to a subset of the dataset, one per rank (torch.utils.data.DistributedSampler).

    With ``shuffle`` the order is a permutation drawn from a generator seeded with ``seed + epoch`` (the same
    on every rank, so the shares are disjoint); call ``set_epoch(epoch)`` before each epoch for a new order.
    Without ``drop_last`` the index list is padded by repeating its start so that it divides evenly (some
    samples are then seen twice per epoch); with it, the tail is dropped. Rank ``r`` takes every
    ``num_replicas``-th index starting at ``r``. ``num_replicas`` and ``rank`` default to the process group's.
    """

    def __init__(self, dataset, num_replicas=None, rank=None, shuffle=True, seed=0, drop_last=False):
        if num_replicas is None or rank is None:
            from ... import distributed as dist

            if not dist.is_available() or not dist.is_initialized():
                raise RuntimeError("DistributedSampler: pass num_replicas and rank, or call "
                                   "fastgrad.distributed.init_process_group() first")
            if num_replicas is None:
                num_replicas = dist.get_world_size()
            if rank is None:
                rank = dist.get_rank()
        if rank >= num_replicas or rank < 0:
            raise ValueError(f"Invalid rank {rank}, rank should be in the interval [0, {num_replicas - 1}]")
        self.dataset = dataset
        self.num_replicas = num_replicas
        self.rank = rank
        self.epoch = 0
        self.drop_last = drop_last
        n = len(self.dataset)
        if self.drop_last and n % self.num_replicas != 0:
            # The largest per-rank count that every rank can fill without repeating an index.
            self.num_samples = math.ceil((n - self.num_replicas) / self.num_replicas)
        else:
            self.num_samples = math.ceil(n / self.num_replicas)
        self.total_size = self.num_samples * self.num_replicas
        self.shuffle = shuffle
        self.seed = seed

    def _indices(self):
        n = len(self.dataset)
        if self.shuffle:
            g = _fg.Generator()
            g.manual_seed(self.seed + self.epoch)
            indices = _fg.randperm(n, generator=g).tolist()
        else:
            indices = list(range(n))
        if not self.drop_last:
            padding_size = self.total_size - len(indices)
            if padding_size <= len(indices):
                indices += indices[:padding_size]
            else:
                indices += (indices * math.ceil(padding_size / len(indices)))[:padding_size]
        else:
            indices = indices[:self.total_size]
        assert len(indices) == self.total_size
        indices = indices[self.rank:self.total_size:self.num_replicas]
        assert len(indices) == self.num_samples
        return indices

    def index_tensor(self):
        """This rank's indices for the epoch as one int64 tensor (lets the DataLoader slice whole batches)."""
        return _fg.tensor(self._indices(), dtype=_fg.int64)

    def __iter__(self):
        return iter(self._indices())

    def __len__(self):
        return self.num_samples

    def set_epoch(self, epoch):
        """Sets the epoch; with shuffle=True it seeds this epoch's order, so call it before each epoch."""
        self.epoch = epoch
