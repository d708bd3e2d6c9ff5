"""utils.data: datasets, samplers, DataLoader batching/shuffle/drop_last/len, random_split."""
import numpy as np
import pytest

import fastgrad as fg
from fastgrad.utils.data import (BatchSampler, DataLoader, Dataset, IterableDataset, RandomSampler,
                                 SequentialSampler, Subset, TensorDataset, default_collate, random_split)


def make_ds(n=10):
    x = fg.arange(n * 3, dtype=fg.float32).reshape(n, 3)
    y = fg.arange(n)
    return TensorDataset(x, y)


def test_tensor_dataset_items_and_length_check():
    ds = make_ds()
    assert len(ds) == 10
    x, y = ds[4]
    assert x.numpy().tolist() == [12.0, 13.0, 14.0] and y.item() == 4
    with pytest.raises(AssertionError):
        TensorDataset(fg.zeros(3, 2), fg.zeros(4))


def test_sequential_batches_and_len():
    dl = DataLoader(make_ds(), batch_size=4)
    batches = list(dl)
    assert len(dl) == 3 and len(batches) == 3
    xb, yb = batches[0]
    assert isinstance(batches[0], list)
    assert tuple(xb.shape) == (4, 3) and yb.dtype == fg.int64
    assert [b[1].numpy().tolist() for b in batches] == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]


def test_drop_last():
    dl = DataLoader(make_ds(), batch_size=4, drop_last=True)
    assert len(dl) == 2
    assert [len(b[1]) for b in dl] == [4, 4]


def test_batch_is_a_copy_not_a_view():
    ds = make_ds()
    xb, _ = next(iter(DataLoader(ds, batch_size=2)))
    xb.zero_()
    assert ds.tensors[0][0].numpy().tolist() == [0.0, 1.0, 2.0]
    assert ds.tensors[0][1].numpy().tolist() == [3.0, 4.0, 5.0]


def test_shuffle_covers_everything_and_is_reproducible_with_generator():
    def epoch(seed):
        g = fg.Generator()
        g.manual_seed(seed)
        dl = DataLoader(make_ds(), batch_size=3, shuffle=True, generator=g)
        return [i for _, y in dl for i in y.numpy().tolist()]
    a, b, c = epoch(7), epoch(7), epoch(8)
    assert sorted(a) == list(range(10))
    assert a == b and a != c


def test_shuffled_pairs_stay_aligned():
    ds = make_ds(50)
    for xb, yb in DataLoader(ds, batch_size=8, shuffle=True):
        np.testing.assert_array_equal(xb.numpy()[:, 0], yb.numpy() * 3)


def test_two_epochs_give_different_orders():
    g = fg.Generator()
    g.manual_seed(0)
    dl = DataLoader(make_ds(30), batch_size=30, shuffle=True, generator=g)
    first = next(iter(dl))[1].numpy().tolist()
    second = next(iter(dl))[1].numpy().tolist()
    assert sorted(first) == sorted(second) and first != second


class Squares(Dataset):
    def __len__(self):
        return 7

    def __getitem__(self, i):
        return {"x": float(i), "sq": fg.tensor([i * i]), "name": f"s{i}"}


def test_generic_dataset_default_collate():
    batches = list(DataLoader(Squares(), batch_size=3))
    assert len(batches) == 3
    b = batches[0]
    assert b["x"].dtype == fg.float64 and b["x"].numpy().tolist() == [0.0, 1.0, 2.0]
    assert tuple(b["sq"].shape) == (3, 1) and b["name"] == ["s0", "s1", "s2"]


def test_custom_collate_sampler_and_batch_sampler():
    ds = make_ds()
    dl = DataLoader(ds, batch_size=2, collate_fn=lambda samples: len(samples))
    assert list(dl) == [2, 2, 2, 2, 2]
    dl = DataLoader(ds, batch_size=3, sampler=[9, 8, 7, 0])
    assert [b[1].numpy().tolist() for b in dl] == [[9, 8, 7], [0]]
    dl = DataLoader(ds, batch_sampler=[[1, 2], [5]])
    assert [b[1].numpy().tolist() for b in dl] == [[1, 2], [5]] and len(dl) == 2
    with pytest.raises(ValueError):
        DataLoader(ds, batch_size=2, sampler=[0], shuffle=True)
    with pytest.raises(ValueError):
        DataLoader(ds, batch_size=2, batch_sampler=[[0]])


def test_batch_size_none_yields_samples():
    dl = DataLoader(make_ds(3), batch_size=None)
    items = list(dl)
    assert len(dl) == 3 and len(items) == 3
    assert items[2][1].item() == 2


def test_iterable_dataset_batches():
    class Stream(IterableDataset):
        def __iter__(self):
            return iter(range(7))

    out = [b.numpy().tolist() for b in DataLoader(Stream(), batch_size=3)]
    assert out == [[0, 1, 2], [3, 4, 5], [6]]
    with pytest.raises(ValueError):
        DataLoader(Stream(), shuffle=True)


def test_samplers():
    assert list(SequentialSampler(range(4))) == [0, 1, 2, 3]
    rs = RandomSampler(range(6))
    assert sorted(rs) == list(range(6)) and len(rs) == 6
    rs = RandomSampler(range(3), num_samples=7)
    assert len(list(rs)) == 7 and set(rs) <= {0, 1, 2}
    rr = RandomSampler(range(5), replacement=True, num_samples=20)
    assert len(list(rr)) == 20
    bs = BatchSampler(range(5), 2, drop_last=False)
    assert list(bs) == [[0, 1], [2, 3], [4]] and len(bs) == 3
    assert len(BatchSampler(range(5), 2, drop_last=True)) == 2
    with pytest.raises(ValueError):
        BatchSampler(range(5), 0, False)


def test_random_split_lengths_and_fractions():
    ds = make_ds(10)
    g = fg.Generator()
    g.manual_seed(1)
    a, b = random_split(ds, [7, 3], generator=g)
    assert isinstance(a, Subset) and len(a) == 7 and len(b) == 3
    seen = sorted(a.indices + b.indices)
    assert seen == list(range(10))
    parts = random_split(ds, [0.5, 0.3, 0.2])
    assert [len(p) for p in parts] == [5, 3, 2]
    parts = random_split(range(11), [0.5, 0.5])
    assert [len(p) for p in parts] == [6, 5]
    with pytest.raises(ValueError):
        random_split(ds, [5, 4])
    g1, g2 = fg.Generator(), fg.Generator()
    g1.manual_seed(3)
    g2.manual_seed(3)
    assert random_split(ds, [6, 4], generator=g1)[0].indices == random_split(ds, [6, 4], generator=g2)[0].indices


def test_subset_through_dataloader():
    ds = make_ds(10)
    sub = Subset(ds, [9, 3, 5])
    (x, y), = list(DataLoader(sub, batch_size=3))
    assert y.numpy().tolist() == [9, 3, 5]


def test_default_collate_numbers_and_nesting():
    out = default_collate([(1, 2.5), (3, 4.5)])
    assert out[0].dtype == fg.int64 and out[1].dtype == fg.float64
    assert out[0].numpy().tolist() == [1, 3]
    arrs = default_collate([np.zeros((2,), np.float32), np.ones((2,), np.float32)])
    assert tuple(arrs.shape) == (2, 2) and arrs.dtype == fg.float32
