"""fastgrad.utils.data: torch.utils.data's datasets, samplers and DataLoader."""
from .dataset import ChainDataset, ConcatDataset, Dataset, IterableDataset, Subset, TensorDataset, random_split
from .sampler import (BatchSampler, RandomSampler, Sampler, SequentialSampler, SubsetRandomSampler,
                      WeightedRandomSampler)
from .collate import default_collate, default_convert
from .dataloader import DataLoader
from ._worker import WorkerInfo, get_worker_info
from .distributed import DistributedSampler  # noqa: E402

__all__ = ["Dataset", "IterableDataset", "TensorDataset", "ConcatDataset", "ChainDataset", "Subset",
           "random_split", "Sampler", "SequentialSampler", "RandomSampler", "SubsetRandomSampler",
           "WeightedRandomSampler", "BatchSampler", "DataLoader", "get_worker_info", "WorkerInfo",
           "default_collate", "default_convert"]
