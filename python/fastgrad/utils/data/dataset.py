"""Datasets: the map-style base, TensorDataset, Subset, ConcatDataset and random_split."""
import bisect
import math
import warnings

import fastgrad as _fg


class Dataset:
    """Map-style dataset: subclasses define __getitem__ (and usually __len__)."""

    def __add__(self, other):
        return ConcatDataset([self, other])


class IterableDataset(Dataset):
    """Stream-style dataset: subclasses define __iter__; the DataLoader batches what it yields."""

    def __add__(self, other):
        return ChainDataset([self, other])


class TensorDataset(Dataset):
    """Sample i is ``tuple(t[i] for t in tensors)``; the DataLoader gathers whole batches at once."""

    def __init__(self, *tensors):
        if not tensors:
            raise ValueError("TensorDataset needs at least one tensor")
        n = tensors[0].shape[0] if tensors[0].dim() > 0 else None
        for t in tensors:
            if t.dim() == 0 or t.shape[0] != n:
                # torch asserts here, so callers catching AssertionError keep working.
                raise AssertionError("Size mismatch between tensors")
        self.tensors = tensors

    def __getitem__(self, index):
        return tuple(t[index] for t in self.tensors)

    def __len__(self):
        return self.tensors[0].shape[0]


class ConcatDataset(Dataset):
    """A dataset that chains several map-style datasets end to end: index ``i`` runs through the first,
    then the second, ...

    Args:
        datasets (sequence of Dataset): the datasets; each must have a length.

    Examples:
        >>> from fastgrad.utils.data import ConcatDataset, TensorDataset
        >>> d = ConcatDataset([TensorDataset(fastgrad.arange(3)), TensorDataset(fastgrad.arange(10, 12))])
        >>> len(d), d[3]
        (5, (tensor(10),))
    """

    def __init__(self, datasets):
        self.datasets = list(datasets)
        if not self.datasets:
            raise AssertionError("datasets should not be an empty iterable")
        for d in self.datasets:
            if isinstance(d, IterableDataset):
                raise AssertionError("ConcatDataset does not support IterableDataset")
        self.cumulative_sizes = []
        total = 0
        for d in self.datasets:
            total += len(d)
            self.cumulative_sizes.append(total)

    def __len__(self):
        return self.cumulative_sizes[-1]

    def __getitem__(self, idx):
        if idx < 0:
            if -idx > len(self):
                raise ValueError("absolute value of index should not exceed dataset length")
            idx = len(self) + idx
        d = bisect.bisect_right(self.cumulative_sizes, idx)
        sample_idx = idx if d == 0 else idx - self.cumulative_sizes[d - 1]
        return self.datasets[d][sample_idx]


class ChainDataset(IterableDataset):
    """Chains iterable-style datasets: iterating it iterates each in turn.

    Args:
        datasets (iterable of IterableDataset): the datasets.
    """

    def __init__(self, datasets):
        self.datasets = datasets

    def __iter__(self):
        for d in self.datasets:
            yield from d

    def __len__(self):
        return sum(len(d) for d in self.datasets)


class Subset(Dataset):
    """The part of a dataset at the given indices.

    Args:
        dataset (Dataset): the whole dataset.
        indices (sequence of ints): the indices it keeps, in order.

    Examples:
        >>> from fastgrad.utils.data import Subset, TensorDataset
        >>> s = Subset(TensorDataset(fastgrad.arange(10)), [7, 2])
        >>> len(s), s[0]
        (2, (tensor(7),))
    """

    def __init__(self, dataset, indices):
        self.dataset = dataset
        self.indices = indices

    def __getitem__(self, idx):
        if isinstance(idx, list):
            return self.dataset[[self.indices[i] for i in idx]]
        return self.dataset[self.indices[idx]]

    def __getitems__(self, indices):
        if callable(getattr(self.dataset, "__getitems__", None)):
            return self.dataset.__getitems__([self.indices[i] for i in indices])
        return [self.dataset[self.indices[i]] for i in indices]

    def __len__(self):
        return len(self.indices)


def random_split(dataset, lengths, generator=None):
    """Splits into non-overlapping Subsets; ``lengths`` are counts or fractions summing to 1."""
    n = len(dataset)
    if math.isclose(sum(lengths), 1) and sum(lengths) <= 1:
        subset_lengths = []
        for i, frac in enumerate(lengths):
            if frac < 0 or frac > 1:
                raise ValueError(f"Fraction at index {i} is not between 0 and 1")
            subset_lengths.append(int(math.floor(n * frac)))
        remainder = n - sum(subset_lengths)
        # torch hands the leftover samples out round-robin from the first subset.
        for i in range(remainder):
            subset_lengths[i % len(subset_lengths)] += 1
        lengths = subset_lengths
        for i, length in enumerate(lengths):
            if length == 0:
                warnings.warn(f"Length of split at index {i} is 0. This might result in an empty dataset.")
    if sum(lengths) != n:
        raise ValueError("Sum of input lengths does not equal the length of the input dataset!")
    perm = (_fg.randperm(sum(lengths)) if generator is None
            else _fg.randperm(sum(lengths), generator=generator)).tolist()
    subsets, offset = [], 0
    for length in lengths:
        subsets.append(Subset(dataset, perm[offset:offset + length]))
        offset += length
    return subsets
