"""DataLoader: batches from a dataset, in the main process.

A TensorDataset batch under the default collate is gathered with one indexing op per tensor
(``t[idx]``) instead of one __getitem__ per sample and a stack: same values and dtypes as torch's
``[x_batch, y_batch]``, without the per-sample Python cost that dominates in-memory training.
"""
import fastgrad as _fg
from .collate import default_collate, default_convert
from .dataset import IterableDataset, TensorDataset
from ._worker import InProcessWorkers
from .sampler import BatchSampler, RandomSampler, SequentialSampler


class DataLoader:
    """Iterates over a dataset in batches, as ``torch.utils.data.DataLoader``: samples indices (in order,
    shuffled, or from a sampler), fetches the samples and collates them into batched tensors. Over a
    `TensorDataset` a batch is gathered with one indexing operation per tensor instead of one per sample.

    Args:
        dataset (Dataset): the dataset (map-style or iterable).
        batch_size (int, optional): samples per batch; ``None`` yields samples one by one. Default: 1.
        shuffle (bool): reshuffle the indices every epoch. Default: ``False``.
        sampler (Sampler or iterable, optional): where the indices come from (instead of ``shuffle``).
        batch_sampler (Sampler or iterable, optional): yields whole batches of indices.
        num_workers (int): must be 0: fastgrad loads data in the main process.
        collate_fn (callable, optional): turns a list of samples into a batch. Default: `default_collate`.
        drop_last (bool): drop the last incomplete batch. Default: ``False``.
        generator (fastgrad.Generator, optional): the random stream of the shuffle.

    Examples:
        >>> from fastgrad.utils.data import DataLoader, TensorDataset
        >>> ds = TensorDataset(fastgrad.arange(10.0).reshape(5, 2), fastgrad.arange(5))
        >>> for x, y in DataLoader(ds, batch_size=2):
        ...     print(x.shape, y.tolist())
        torch.Size([2, 2]) [0, 1]
        torch.Size([2, 2]) [2, 3]
        torch.Size([1, 2]) [4]
    """

    def __init__(self, dataset, batch_size=1, shuffle=None, sampler=None, batch_sampler=None, num_workers=0,
                 collate_fn=None, pin_memory=False, drop_last=False, timeout=0, worker_init_fn=None,
                 multiprocessing_context=None, generator=None, *, prefetch_factor=None,
                 persistent_workers=False, pin_memory_device="", in_order=True):
        if num_workers < 0:
            raise ValueError("num_workers option should be non-negative; use num_workers=0 to disable "
                             "multiprocessing.")
        if timeout < 0:
            raise ValueError("timeout option should be non-negative")
        # torch's checks of the worker-only options; with workers, prefetching and the start method only
        # change how early batches are made, not which (in_order=False allows, and here gets, the order)
        if num_workers == 0 and prefetch_factor is not None:
            raise ValueError("prefetch_factor option could only be specified in multiprocessing.let num_workers > 0 "
                             "to enable multiprocessing, otherwise set prefetch_factor to None.")
        if num_workers == 0 and multiprocessing_context is not None:
            raise ValueError("multiprocessing_context can only be used with multi-process loading (num_workers > 0), "
                             f"but got num_workers={num_workers}")
        if pin_memory_device:
            from ..._types import check_cpu_device
            check_cpu_device(pin_memory_device, "DataLoader(pin_memory_device=)")
        self.dataset = dataset
        # Loading stays in-process, the fast path for in-memory data; with num_workers > 0 each batch is
        # fetched in the random state its torch worker process would have (see _worker.py).
        self.num_workers = num_workers
        self.persistent_workers = persistent_workers
        self._workers = None
        self.pin_memory = pin_memory
        self.timeout = timeout
        self.worker_init_fn = worker_init_fn
        self.generator = generator
        self._iterable = isinstance(dataset, IterableDataset)

        if self._iterable:
            if shuffle not in (None, False):
                raise ValueError(f"DataLoader with IterableDataset: expected unspecified shuffle option, but got "
                                 f"shuffle={shuffle}")
            if sampler is not None:
                raise ValueError(f"DataLoader with IterableDataset: expected unspecified sampler option, but got "
                                 f"sampler={sampler}")
            if batch_sampler is not None:
                raise ValueError("DataLoader with IterableDataset: expected unspecified batch_sampler option, "
                                 f"but got batch_sampler={batch_sampler}")
        else:
            shuffle = bool(shuffle)
        if sampler is not None and shuffle:
            raise ValueError("sampler option is mutually exclusive with shuffle")
        if batch_sampler is not None:
            if batch_size != 1 or shuffle or sampler is not None or drop_last:
                raise ValueError("batch_sampler option is mutually exclusive with batch_size, shuffle, "
                                 "sampler, and drop_last")
            batch_size = None
            drop_last = False
        elif batch_size is None and drop_last:
            raise ValueError("batch_size=None option disables auto-batching and is mutually exclusive with "
                             "drop_last")

        if sampler is None and not self._iterable:
            sampler = RandomSampler(dataset, generator=generator) if shuffle else SequentialSampler(dataset)
        if batch_size is not None and batch_sampler is None and not self._iterable:
            batch_sampler = BatchSampler(sampler, batch_size, drop_last)

        self.batch_size = batch_size
        self.drop_last = drop_last
        self.sampler = sampler
        self.batch_sampler = batch_sampler
        self._user_collate = collate_fn is not None
        if collate_fn is None:
            collate_fn = default_collate if self._auto_collation else default_convert
        self.collate_fn = collate_fn

    @property
    def _auto_collation(self):
        return self.batch_sampler is not None or (self._iterable and self.batch_size is not None)

    def __len__(self):
        if self._iterable:
            n = len(self.dataset)
            if self.batch_size is not None:
                return n // self.batch_size if self.drop_last else -(-n // self.batch_size)
            return n
        if self.batch_sampler is not None:
            return len(self.batch_sampler)
        return len(self.sampler)

    def __iter__(self):
        # torch draws a base seed (the workers' seeds) from the loader's generator each time an iterator
        # is made, before the sampler's first draw; persistent workers keep theirs across epochs.
        if self.num_workers > 0 and self.persistent_workers and self._workers is not None:
            self._workers.reset()
        else:
            self._base_seed = int(_fg.empty((), dtype=_fg.int64).random_(generator=self.generator).item())
            self._workers = (InProcessWorkers(self.num_workers, self._base_seed, self.dataset, self.worker_init_fn)
                             if self.num_workers > 0 else None)
        if self._iterable:
            return self._iter_iterable()
        if self.batch_sampler is None:
            return (self._fetch(lambda i=i: self.collate_fn(self.dataset[i])) for i in self.sampler)
        if isinstance(self.dataset, TensorDataset) and not self._user_collate:
            return self._iter_tensor_dataset()
        return self._iter_map()

    def _iter_map(self):
        getitems = getattr(self.dataset, "__getitems__", None)
        def fetch(indices):
            return self.collate_fn(getitems(indices) if callable(getitems) else [self.dataset[i] for i in indices])

        for indices in self.batch_sampler:
            yield self._fetch(lambda: fetch(indices))

    def _fetch(self, fetch):
        return fetch() if self._workers is None else self._workers.run(fetch)

    def _iter_tensor_dataset(self):
        tensors = self.dataset.tensors
        bs = self.batch_sampler
        whole_epoch = getattr(bs.sampler, "index_tensor", None) if type(bs) is BatchSampler else None
        if whole_epoch is not None:
            # Default samplers: draw the epoch's order once, then slice it per batch.
            order = whole_epoch()
            n, size = order.shape[0], bs.batch_size
            stop = n - n % size if bs.drop_last else n
            for start in range(0, stop, size):
                idx = order[start:start + size]
                yield [t[idx] for t in tensors]
            return
        for indices in bs:
            idx = _fg.tensor(indices, dtype=_fg.int64)
            yield [t[idx] for t in tensors]

    def _iter_iterable(self):
        if self._workers is not None:
            yield from self._iter_iterable_workers()
            return
        if self.batch_size is None:
            for sample in self.dataset:
                yield self.collate_fn(sample)
            return
        batch = []
        for sample in self.dataset:
            batch.append(sample)
            if len(batch) == self.batch_size:
                yield self.collate_fn(batch)
                batch = []
        if batch and not self.drop_last:
            yield self.collate_fn(batch)

    def _iter_iterable_workers(self):
        # torch: every worker iterates its own copy of the dataset (get_worker_info() lets it shard);
        # batches come from the workers in turn, a worker whose data ran out dropping from the turn.
        workers = self._workers
        iterators = [workers.run(lambda: iter(self.dataset)) for _ in range(workers.num_workers)]
        active = list(range(workers.num_workers))
        workers.reset()

        def fetch(it):
            if self.batch_size is None:
                return self.collate_fn(next(it))
            batch = []
            for _ in range(self.batch_size):
                try:
                    batch.append(next(it))
                except StopIteration:
                    break
            if not batch or (self.drop_last and len(batch) < self.batch_size):
                raise StopIteration
            return self.collate_fn(batch)

        while active:
            for w in list(active):
                workers.select(w)
                try:
                    yield workers.run(lambda: fetch(iterators[w]))
                except StopIteration:
                    active.remove(w)
