"""Samplers: which dataset indices an epoch visits, and how they group into batches."""
import fastgrad as _fg


class Sampler:
    """Base class of the samplers: an iterable of dataset indices (or of index lists, for a batch sampler)
    that a `DataLoader` draws from. Subclasses define ``__iter__`` and usually ``__len__``.
    """

    def __init__(self, data_source=None):
        pass


class SequentialSampler(Sampler):
    """Yields ``0, 1, ..., len(data_source) - 1`` in order.

    Args:
        data_source (Dataset): the dataset (only its length is used).

    Examples:
        >>> from fastgrad.utils.data import SequentialSampler
        >>> list(SequentialSampler(range(4)))
        [0, 1, 2, 3]
    """

    def __init__(self, data_source):
        self.data_source = data_source

    def index_tensor(self):
        """The whole epoch's indices as one int64 tensor (lets the DataLoader slice batches)."""
        return _fg.arange(len(self.data_source))

    def __iter__(self):
        return iter(range(len(self.data_source)))

    def __len__(self):
        return len(self.data_source)


class RandomSampler(Sampler):
    """Yields the dataset's indices in a random order (a fresh permutation each epoch), or ``num_samples``
    indices drawn with replacement.

    Args:
        data_source (Dataset): the dataset.
        replacement (bool): draw with replacement. Default: ``False``.
        num_samples (int, optional): how many indices to draw. Default: ``len(data_source)``.
        generator (fastgrad.Generator, optional): the random stream.

    Examples:
        >>> from fastgrad.utils.data import RandomSampler
        >>> sorted(RandomSampler(range(5), generator=fastgrad.Generator().manual_seed(0)))
        [0, 1, 2, 3, 4]
    """

    def __init__(self, data_source, replacement=False, num_samples=None, generator=None):
        self.data_source = data_source
        self.replacement = replacement
        self._num_samples = num_samples
        self.generator = generator
        if not isinstance(replacement, bool):
            raise TypeError(f"replacement should be a boolean value, but got replacement={replacement}")
        if not isinstance(self.num_samples, int) or self.num_samples <= 0:
            raise ValueError(f"num_samples should be a positive integer value, but got num_samples={self.num_samples}")

    @property
    def num_samples(self):
        return len(self.data_source) if self._num_samples is None else self._num_samples

    def _epoch_generator(self):
        if self.generator is not None:
            return self.generator
        # torch seeds a fresh generator per epoch from one int64 draw of the default generator
        generator = _fg.Generator()
        generator.manual_seed(int(_fg.empty((), dtype=_fg.int64).random_().item()))
        return generator

    def index_tensor(self):
        n = len(self.data_source)
        generator = self._epoch_generator()
        if self.replacement:
            # torch draws these 32 at a time; one element is one draw either way
            return _fg.randint(0, n, (self.num_samples,), dtype=_fg.int64, generator=generator)
        # One permutation per full pass, as torch draws them, then the leftover from one more.
        parts = [_fg.randperm(n, generator=generator) for _ in range(self.num_samples // n)]
        parts.append(_fg.randperm(n, generator=generator)[: self.num_samples % n])
        return _fg.cat(parts)

    def __iter__(self):
        # a generator, as torch's: nothing is drawn until the first index is asked for
        yield from self.index_tensor().tolist()

    def __len__(self):
        return self.num_samples


class SubsetRandomSampler(Sampler):
    """Yields the given indices in a random order.

    Args:
        indices (sequence of ints): the indices.
        generator (fastgrad.Generator, optional): the random stream.

    Examples:
        >>> from fastgrad.utils.data import SubsetRandomSampler
        >>> sorted(SubsetRandomSampler([1, 5, 7]))
        [1, 5, 7]
    """

    def __init__(self, indices, generator=None):
        self.indices = indices
        self.generator = generator

    def __iter__(self):
        for i in _fg.randperm(len(self.indices), generator=self.generator).tolist():
            yield self.indices[i]

    def __len__(self):
        return len(self.indices)


class WeightedRandomSampler(Sampler):
    """Indices drawn with probabilities proportional to ``weights`` (torch.multinomial over float64)."""

    def __init__(self, weights, num_samples, replacement=True, generator=None):
        if not isinstance(num_samples, int) or isinstance(num_samples, bool) or num_samples <= 0:
            raise ValueError(f"num_samples should be a positive integer value, but got num_samples={num_samples}")
        if not isinstance(replacement, bool):
            raise ValueError(f"replacement should be a boolean value, but got replacement={replacement}")
        weights_tensor = _fg.as_tensor(weights, dtype=_fg.float64)
        if len(weights_tensor.shape) != 1:
            raise ValueError("weights should be a 1d sequence but given "
                             f"weights have shape {tuple(weights_tensor.shape)}")
        self.weights = weights_tensor
        self.num_samples = num_samples
        self.replacement = replacement
        self.generator = generator

    def __iter__(self):
        drawn = _fg.multinomial(self.weights, self.num_samples, self.replacement, generator=self.generator)
        yield from iter(drawn.tolist())

    def __len__(self):
        return self.num_samples


class BatchSampler(Sampler):
    """Groups the indices of another sampler into lists of ``batch_size``.

    Args:
        sampler (Sampler or iterable): the indices to group.
        batch_size (int): the size of a batch.
        drop_last (bool): drop the last batch if it is smaller. 

    Examples:
        >>> from fastgrad.utils.data import BatchSampler, SequentialSampler
        >>> list(BatchSampler(SequentialSampler(range(5)), batch_size=2, drop_last=False))
        [[0, 1], [2, 3], [4]]
    """

    def __init__(self, sampler, batch_size, drop_last):
        if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size <= 0:
            raise ValueError(f"batch_size should be a positive integer value, but got batch_size={batch_size}")
        if not isinstance(drop_last, bool):
            raise ValueError(f"drop_last should be a boolean value, but got drop_last={drop_last}")
        self.sampler = sampler
        self.batch_size = batch_size
        self.drop_last = drop_last

    def __iter__(self):
        batch = []
        for idx in self.sampler:
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        if self.drop_last:
            return len(self.sampler) // self.batch_size
        return (len(self.sampler) + self.batch_size - 1) // self.batch_size
