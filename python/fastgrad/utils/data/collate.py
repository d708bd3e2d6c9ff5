"""default_collate / default_convert: torch's rules for turning a list of samples into a batch."""
import collections.abc
import numbers

import numpy as np

import fastgrad as _fg


def default_convert(data):
    """Converts numpy arrays (and numbers inside lists, tuples and dicts) in a sample to tensors, without
    batching: the collate function of a `DataLoader` with ``batch_size=None``.

    Args:
        data (object): a sample.

    Examples:
        >>> import numpy as np
        >>> from fastgrad.utils.data import default_convert
        >>> default_convert({"x": np.array([1.0, 2.0])})
        {'x': tensor([1., 2.], dtype=torch.float64)}
    """
    if isinstance(data, _fg.Tensor):
        return data
    if isinstance(data, np.ndarray) and data.dtype.kind not in "SaUO":
        return _fg.tensor(data)
    if isinstance(data, np.generic) and data.dtype.kind not in "SaUO":
        return _fg.tensor(data.item())
    if isinstance(data, collections.abc.Mapping):
        return {k: default_convert(v) for k, v in data.items()}
    if isinstance(data, tuple) and hasattr(data, "_fields"):
        return type(data)(*(default_convert(d) for d in data))
    if isinstance(data, tuple):
        return [default_convert(d) for d in data]
    if isinstance(data, collections.abc.Sequence) and not isinstance(data, (str, bytes)):
        return [default_convert(d) for d in data]
    return data


def default_collate(batch):
    """Stacks a list of samples into a batch, as torch does: tensors and numpy arrays are stacked along a
    new first dimension, numbers become a tensor, and tuples, lists and dicts are collated field by field.

    Args:
        batch (list): the samples.

    Examples:
        >>> from fastgrad.utils.data import default_collate
        >>> default_collate([(fastgrad.tensor([1.0, 2.0]), 0), (fastgrad.tensor([3.0, 4.0]), 1)])
        [tensor([[1., 2.],
                [3., 4.]]), tensor([0, 1])]
    """
    elem = batch[0]
    if isinstance(elem, _fg.Tensor):
        return _fg.stack(list(batch), 0)
    if isinstance(elem, np.ndarray):
        if elem.dtype.kind in "SaUO":
            raise TypeError(f"default_collate: batch must contain tensors, numpy arrays, numbers, dicts or "
                            f"lists; found {elem.dtype}")
        return _fg.stack([_fg.tensor(b) for b in batch], 0)
    if isinstance(elem, np.generic):
        return _fg.tensor([b.item() for b in batch])
    if isinstance(elem, bool):
        return _fg.tensor(batch, dtype=_fg.bool)
    if isinstance(elem, float):
        # torch collates Python floats as float64.
        return _fg.tensor(batch, dtype=_fg.float64)
    if isinstance(elem, int):
        return _fg.tensor(batch, dtype=_fg.int64)
    if isinstance(elem, numbers.Number):
        return _fg.tensor(batch)
    if isinstance(elem, (str, bytes)):
        return batch
    if isinstance(elem, collections.abc.Mapping):
        return {key: default_collate([d[key] for d in batch]) for key in elem}
    if isinstance(elem, tuple) and hasattr(elem, "_fields"):
        return type(elem)(*(default_collate(samples) for samples in zip(*batch)))
    if isinstance(elem, collections.abc.Sequence):
        size = len(elem)
        if any(len(e) != size for e in batch):
            raise RuntimeError("each element in list of batch should be of equal size")
        # torch returns a list for tuples (TensorDataset batches are [x, y]).
        return [default_collate(list(samples)) for samples in zip(*batch)]
    raise TypeError(f"default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; "
                    f"found {type(elem)}")
