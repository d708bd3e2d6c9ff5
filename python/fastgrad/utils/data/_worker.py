"""The DataLoader's workers, in-process: each keeps the random state torch's worker process would have
(the generator seeded with base_seed + id, Python's ``random`` likewise, numpy's from the SeedSequence
torch derives from both) and runs its share of the batches (batch k goes to worker k mod num_workers,
as torch hands them out) with that state in place. A dataset that draws random numbers, or a
``worker_init_fn``, then sees torch's numbers with ``num_workers > 0``, and the main stream is left
alone, as the separate processes leave it."""
import random

import numpy as np

import fastgrad as _fg

_worker_info = None


class WorkerInfo:
    """What ``get_worker_info()`` returns inside a worker: id, num_workers, seed and dataset."""

    def __init__(self, **kwargs):
        for k, v in kwargs.items():
            object.__setattr__(self, k, v)
        object.__setattr__(self, "_keys", tuple(kwargs))

    def __setattr__(self, key, val):
        raise RuntimeError(f"Cannot assign attributes to {self.__class__.__name__} objects")

    def __repr__(self):
        return f"{self.__class__.__name__}({', '.join(f'{k}={getattr(self, k)}' for k in self._keys)})"


def get_worker_info():
    """The current worker's WorkerInfo while a worker fetches data, None in the main process."""
    return _worker_info


class _RandomState:
    """Everything a worker process would keep to itself: the three generators and its WorkerInfo."""

    def __init__(self, info=None):
        self.torch = _fg.get_rng_state()
        self.python = random.getstate()
        self.numpy = np.random.get_state()
        self.info = info if info is not None else _worker_info

    def restore(self):
        global _worker_info
        _fg.set_rng_state(self.torch)
        random.setstate(self.python)
        np.random.set_state(self.numpy)
        _worker_info = self.info


class InProcessWorkers:
    def __init__(self, num_workers, base_seed, dataset, worker_init_fn):
        global _worker_info
        self.num_workers = num_workers
        self.states = []
        main = _RandomState()
        try:
            for worker_id in range(num_workers):
                seed = base_seed + worker_id
                random.seed(seed)
                _fg.manual_seed(seed)
                np.random.seed(np.random.SeedSequence([worker_id, base_seed & 0xFFFFFFFF, base_seed >> 32, 0])
                               .generate_state(4))
                _worker_info = WorkerInfo(id=worker_id, num_workers=num_workers, seed=seed, dataset=dataset)
                if worker_init_fn is not None:
                    worker_init_fn(worker_id)
                self.states.append(_RandomState())
        finally:
            main.restore()
        self.reset()

    def reset(self):
        """A new epoch hands its first batch to worker 0 again."""
        self._next = 0

    def select(self, worker):
        """The next run() goes to this worker (for loaders whose turn skips finished workers)."""
        self._next = worker

    def run(self, fetch):
        """fetch() in the next worker's random state, which then keeps what fetch() drew."""
        worker = self._next
        self._next = (self._next + 1) % self.num_workers
        main = _RandomState()
        self.states[worker].restore()
        try:
            return fetch()
        finally:
            self.states[worker] = _RandomState()
            main.restore()
