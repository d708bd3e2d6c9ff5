"""What builds on the random streams, against torch 2.13 bit for bit: nn.init, the modules' default
initialisation, dropout, and the data pipeline's shuffling (samplers, DataLoader, random_split)."""
import math

import numpy as np
import pytest

import fastgrad as fg
from fastgrad import nn
from fastgrad.nn import functional as F
from fastgrad.nn import init
from fastgrad.utils import data

torch = pytest.importorskip("torch")


def assert_same(f, t):
    fa, ta = f.detach().numpy(), t.detach().numpy()
    assert fa.dtype == ta.dtype and fa.shape == ta.shape, (fa.dtype, ta.dtype, fa.shape, ta.shape)
    view = {np.dtype(np.float32): np.uint32, np.dtype(np.float64): np.uint64}.get(fa.dtype)
    if view is not None:
        fa, ta = np.ascontiguousarray(fa).view(view), np.ascontiguousarray(ta).view(view)
    assert np.array_equal(fa, ta)


@pytest.mark.parametrize("seed", [0, 1, 1234])
def test_mlp_built_after_manual_seed_has_torch_weights(seed):
    def build(nnm):
        return nnm.Sequential(nnm.Linear(784, 128), nnm.ReLU(), nnm.Linear(128, 64), nnm.ReLU(),
                              nnm.Linear(64, 10), nnm.Embedding(7, 5), nnm.Linear(3, 2, bias=False))

    fg.manual_seed(seed), torch.manual_seed(seed)
    fm, tm = build(nn), build(torch.nn)
    fsd, tsd = fm.state_dict(), tm.state_dict()
    assert list(fsd) == list(tsd)
    for k in fsd:
        assert_same(fsd[k], tsd[k])
    assert_same(fg.rand(4), torch.rand(4))  # and the default stream is left where torch leaves it


def test_embedding_padding_idx_init():
    fg.manual_seed(3), torch.manual_seed(3)
    assert_same(nn.Embedding(10, 4, padding_idx=2).weight, torch.nn.Embedding(10, 4, padding_idx=2).weight)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_init_functions(dtype):
    fd, td = getattr(fg, dtype), getattr(torch, dtype)
    cases = [
        ("uniform_", dict(a=-0.3, b=0.7)), ("normal_", dict(mean=0.2, std=0.5)),
        ("xavier_uniform_", dict(gain=1.3)), ("xavier_normal_", dict(gain=0.7)),
        ("kaiming_uniform_", dict(a=math.sqrt(5))), ("kaiming_uniform_", dict(mode="fan_out", nonlinearity="relu")),
        ("kaiming_normal_", dict()), ("kaiming_normal_", dict(a=0.1, mode="fan_out")),
    ]
    for shape in [(7, 5), (16, 3, 3), (33, 17)]:
        for name, kw in cases:
            f, t = fg.Generator().manual_seed(6), torch.Generator().manual_seed(6)
            fx, tx = fg.empty(*shape, dtype=fd), torch.empty(*shape, dtype=td)
            getattr(init, name)(fx, generator=f, **kw)
            getattr(torch.nn.init, name)(tx, generator=t, **kw)
            assert_same(fx, tx)
            fg.manual_seed(6), torch.manual_seed(6)
            getattr(init, name)(fx, **kw)
            getattr(torch.nn.init, name)(tx, **kw)
            assert_same(fx, tx)


def test_sparse_init():
    fg.manual_seed(8), torch.manual_seed(8)
    fx, tx = fg.empty(10, 6), torch.empty(10, 6)
    init.sparse_(fx, 0.3, std=0.05)
    torch.nn.init.sparse_(tx, 0.3, std=0.05)
    assert_same(fx, tx)


@pytest.mark.parametrize("p", [0.1, 0.5, 0.9])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_dropout(p, dtype):
    fd, td = getattr(fg, dtype), getattr(torch, dtype)
    fg.manual_seed(4), torch.manual_seed(4)
    for shape in [(5,), (16,), (17,), (8, 33)]:
        fx, tx = fg.randn(*shape, dtype=fd), torch.randn(*shape, dtype=td)
        assert_same(F.dropout(fx, p), torch.nn.functional.dropout(tx, p))
        assert_same(nn.Dropout(p)(fx), torch.nn.Dropout(p)(tx))
        assert_same(F.dropout(fx.clone(), p, inplace=True), torch.nn.functional.dropout(tx.clone(), p, inplace=True))
        if len(shape) == 2:  # a transposed input: noise drawn in its memory order
            assert_same(F.dropout(fx.t(), p), torch.nn.functional.dropout(tx.t(), p))
    fx, tx = fg.randn(6), torch.randn(6)
    assert F.dropout(fx, p, training=False) is fx
    assert_same(F.dropout(fx, 1.0), torch.nn.functional.dropout(tx, 1.0))
    assert_same(fg.rand(3, dtype=fd), torch.rand(3, dtype=td))


def test_dropout_gradient_matches_torch():
    fg.manual_seed(12), torch.manual_seed(12)
    fx, tx = fg.randn(4, 20, requires_grad=True), torch.randn(4, 20, requires_grad=True)
    F.dropout(fx, 0.4).sum().backward()
    torch.nn.functional.dropout(tx, 0.4).sum().backward()
    assert_same(fx.grad, tx.grad)


# ---- data ------------------------------------------------------------------------------------------

def epoch_indices(dl_module, dataset, **kw):
    return [b[0].tolist() for b in dl_module.DataLoader(dataset, **kw)]


def datasets(n=23):
    x = np.arange(n, dtype=np.float32).reshape(n, 1)
    return data.TensorDataset(fg.from_numpy(x.copy())), torch.utils.data.TensorDataset(torch.from_numpy(x.copy()))


@pytest.mark.parametrize("use_generator", [False, True])
def test_dataloader_shuffle_order(use_generator):
    fds, tds = datasets()
    fg.manual_seed(10), torch.manual_seed(10)
    fgen = fg.Generator().manual_seed(3) if use_generator else None
    tgen = torch.Generator().manual_seed(3) if use_generator else None
    for _ in range(3):  # one base-seed draw per iterator, then the sampler's draws
        assert epoch_indices(data, fds, batch_size=5, shuffle=True, generator=fgen) == \
            epoch_indices(torch.utils.data, tds, batch_size=5, shuffle=True, generator=tgen)
    assert_same(fg.rand(3), torch.rand(3))


def test_dataloader_map_dataset_and_drop_last():
    class Squares:
        def __len__(self):
            return 19

        def __getitem__(self, i):
            return i * i

    fg.manual_seed(0), torch.manual_seed(0)
    fl = [b.tolist() for b in data.DataLoader(Squares(), batch_size=4, shuffle=True, drop_last=True)]
    tl = [b.tolist() for b in torch.utils.data.DataLoader(Squares(), batch_size=4, shuffle=True, drop_last=True)]
    assert fl == tl
    assert_same(fg.rand(2), torch.rand(2))


def test_samplers():
    fg.manual_seed(1), torch.manual_seed(1)
    src = list(range(13))
    for kw in [dict(), dict(replacement=True), dict(num_samples=30), dict(replacement=True, num_samples=70),
               dict(num_samples=26)]:
        assert list(data.RandomSampler(src, **kw)) == list(torch.utils.data.RandomSampler(src, **kw))
    f, t = fg.Generator().manual_seed(5), torch.Generator().manual_seed(5)
    assert list(data.RandomSampler(src, generator=f)) == list(torch.utils.data.RandomSampler(src, generator=t))
    idx = [3, 9, 4, 12, 0, 7]
    assert list(data.SubsetRandomSampler(idx)) == list(torch.utils.data.SubsetRandomSampler(idx))
    assert list(data.SubsetRandomSampler(idx, generator=f)) == \
        list(torch.utils.data.SubsetRandomSampler(idx, generator=t))
    weights = [0.1, 0.0, 2.0, 0.5, 1.5, 0.3]
    for n, repl in [(20, True), (4, False), (1, True)]:
        assert list(data.WeightedRandomSampler(weights, n, repl)) == \
            list(torch.utils.data.WeightedRandomSampler(weights, n, repl))
        assert list(data.WeightedRandomSampler(weights, n, repl, generator=f)) == \
            list(torch.utils.data.WeightedRandomSampler(weights, n, repl, generator=t))
    assert_same(fg.rand(2), torch.rand(2))


def test_random_split():
    fg.manual_seed(2), torch.manual_seed(2)
    for lengths in [[10, 13], [0.3, 0.3, 0.4], [0.5, 0.5]]:
        fs = data.random_split(range(23), lengths)
        ts = torch.utils.data.random_split(range(23), lengths)
        assert [list(s) for s in fs] == [list(s) for s in ts]
    f, t = fg.Generator().manual_seed(9), torch.Generator().manual_seed(9)
    assert [list(s) for s in data.random_split(range(23), [20, 3], generator=f)] == \
        [list(s) for s in torch.utils.data.random_split(range(23), [20, 3], generator=t)]


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_feature_and_alpha_dropout(dtype):
    fd, td = getattr(fg, dtype), getattr(torch, dtype)
    fg.manual_seed(21), torch.manual_seed(21)
    tF = torch.nn.functional
    cases = [("dropout1d", (4, 3, 5)), ("dropout1d", (3, 5)), ("dropout2d", (2, 3, 4, 5)), ("dropout3d", (2, 3, 2, 2, 2)),
             ("dropout3d", (3, 2, 2, 2)), ("alpha_dropout", (6, 7)), ("feature_alpha_dropout", (2, 3, 4))]
    for p in [0.2, 0.5]:
        for name, shape in cases:
            fx, tx = fg.randn(*shape, dtype=fd), torch.randn(*shape, dtype=td)
            assert_same(getattr(F, name)(fx, p, True), getattr(tF, name)(tx, p, True))
            assert_same(getattr(F, name)(fx.clone(), p, True, True), getattr(tF, name)(tx.clone(), p, True, True))
    for name, shape in [("Dropout1d", (2, 3, 4)), ("Dropout2d", (2, 3, 2, 2)), ("Dropout3d", (2, 3, 2, 2, 2)),
                        ("AlphaDropout", (5, 6)), ("FeatureAlphaDropout", (2, 3, 4))]:
        fm, tm = getattr(nn, name)(0.3), getattr(torch.nn, name)(0.3)
        fx, tx = fg.randn(*shape, dtype=fd), torch.randn(*shape, dtype=td)
        assert_same(fm(fx), tm(tx))
        fm.eval(), tm.eval()
        assert_same(fm(fx), tm(tx))
    assert F.alpha_dropout(fx, 0.5) is fx  # training defaults to False, as torch's
    with pytest.raises(RuntimeError, match="Expected 2D or 3D input"):
        F.dropout1d(fg.zeros(2, 3, 4, 5))
    assert_same(fg.rand(3, dtype=fd), torch.rand(3, dtype=td))


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_trunc_normal(dtype):
    fd, td = getattr(fg, dtype), getattr(torch, dtype)
    # both of torch's samplers: normal draws with redraws (wide bounds), uniform proposals (narrow)
    for kw in [dict(), dict(mean=0.5, std=0.02, a=0.46, b=0.6), dict(std=3.0, a=-1.0, b=10.0),
               dict(std=1.0, a=1.5, b=2.5), dict(mean=0.0, std=2.0, a=-0.3, b=0.1)]:
        f, t = fg.Generator().manual_seed(14), torch.Generator().manual_seed(14)
        for shape in [(7,), (16, 17), (300, 40)]:
            assert_same(init.trunc_normal_(fg.empty(*shape, dtype=fd), generator=f, **kw),
                        torch.nn.init.trunc_normal_(torch.empty(*shape, dtype=td), generator=t, **kw))
    fg.manual_seed(2), torch.manual_seed(2)
    fw, tw = nn.Linear(8, 9).weight, torch.nn.Linear(8, 9).weight
    assert_same(init.trunc_normal_(fw, std=0.02), torch.nn.init.trunc_normal_(tw, std=0.02))
    assert fw.requires_grad and fw.is_leaf


class _NoisyDigits:
    """A map-style dataset drawing from all three generators in __getitem__, as augmentations do."""

    def __init__(self, lib, n=14):
        self.lib, self.n = lib, n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        import random as pyrandom
        info = self.lib.utils.data.get_worker_info()
        wid = -1 if info is None else info.id
        return [float(i), float(self.lib.rand(()).item()), pyrandom.random(), float(np.random.rand()), float(wid)]


def _seed_everything(lib, seed):
    import random as pyrandom
    lib.manual_seed(seed)
    pyrandom.seed(seed)
    np.random.seed(seed)


def _rows(batches):
    return [[list(map(float, row)) for row in zip(*[c.tolist() for c in b])] for b in batches]


@pytest.mark.parametrize("persistent", [False, True])
def test_dataloader_workers_draw_torch_numbers(persistent):
    record = {}

    def init_fn(lib):
        def fn(worker_id):
            record.setdefault(lib.__name__, []).append(float(lib.rand(()).item()))
        return fn

    out = {}
    for lib in (fg, torch):
        _seed_everything(lib, 3)
        loader = lib.utils.data.DataLoader(_NoisyDigits(lib), batch_size=3, shuffle=True, num_workers=2,
                                           worker_init_fn=init_fn(lib), persistent_workers=persistent)
        out[lib.__name__] = [_rows(loader) for _ in range(2)] + [float(lib.rand(()).item())]
    assert out["fastgrad"] == out["torch"]


def test_worker_info_outside_workers():
    assert data.get_worker_info() is None
    info = data.WorkerInfo(id=1, num_workers=2, seed=5, dataset=None)
    with pytest.raises(RuntimeError, match="Cannot assign"):
        info.id = 3


def _sharded_stream(lib, n):
    class Stream(lib.utils.data.IterableDataset):
        def __iter__(self):
            info = lib.utils.data.get_worker_info()
            ids = range(n) if info is None else range(info.id, n, info.num_workers)
            for i in ids:
                yield [float(i), float(lib.rand(()).item())]
    return Stream()


@pytest.mark.parametrize("n", [12, 13, 7])
def test_iterable_dataset_workers(n):
    out = {}
    for lib in (fg, torch):
        lib.manual_seed(8)
        loader = lib.utils.data.DataLoader(_sharded_stream(lib, n), batch_size=2, num_workers=2)
        out[lib.__name__] = [[x.tolist() for x in b] for b in loader] + [float(lib.rand(()).item())]
    assert out["fastgrad"] == out["torch"]
