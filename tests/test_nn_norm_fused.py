"""layer_norm, batch_norm and binary_cross_entropy as single C++ nodes: graph shape, gradients by finite
differences (float64 gradcheck and gradgradcheck), numpy references, and torch's numbers, running
statistics and exception classes where torch is installed."""
import numpy as np
import pytest

import fastgrad as fg
import fastgrad.nn as nn
import fastgrad.nn.functional as F
from fastgrad.autograd import gradcheck, gradgradcheck

rng = np.random.default_rng(7)


def t64(a, requires_grad=True):
    return fg.tensor(np.asarray(a, dtype=np.float64), requires_grad=requires_grad)


def op_nodes(out):
    """The graph nodes below `out` other than the leaves' accumulators."""
    seen, kept, stack, names = set(), [], [out.grad_fn], []
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        kept.append(node)  # keeps the wrapper alive, so its id is not reused by another node's
        if node.name() != "AccumulateGrad":
            names.append(node.name())
        stack.extend(fn for fn, _ in node.next_functions)
    return names


# ------------------------------------------------------------------ graph shape
def test_layer_norm_is_one_node():
    x = fg.randn(4, 6, requires_grad=True)
    w, b = fg.ones(6, requires_grad=True), fg.zeros(6, requires_grad=True)
    out = F.layer_norm(x, (6,), w, b)
    assert op_nodes(out) == ["NativeLayerNormBackward0"]
    assert len(out.grad_fn.next_functions) == 3


def test_batch_norm_is_one_node():
    x = fg.randn(4, 3, 5, requires_grad=True)
    w, b = fg.ones(3, requires_grad=True), fg.zeros(3, requires_grad=True)
    out = F.batch_norm(x, fg.zeros(3), fg.ones(3), w, b, training=True)
    assert op_nodes(out) == ["NativeBatchNormBackward0"]


def test_binary_cross_entropy_is_one_node():
    p = fg.tensor([0.2, 0.7], requires_grad=True)
    out = F.binary_cross_entropy(p, fg.tensor([0.0, 1.0]))
    assert op_nodes(out) == ["BinaryCrossEntropyBackward0"]


def test_cross_entropy_common_call_is_one_node():
    x = fg.randn(5, 4, requires_grad=True)
    out = F.cross_entropy(x, fg.tensor([0, 1, 2, 3, 0]))
    assert op_nodes(out) == ["NllLossBackward0"]


# -------------------------------------------------------- finite differences
def _ln(norm_shape, affine):
    def f(x, *params):
        w, b = (params + (None, None))[:2] if affine else (None, None)
        return F.layer_norm(x, norm_shape, w, b, 1e-5)
    return f


@pytest.mark.parametrize("shape,norm_shape", [((3, 5), (5,)), ((2, 3, 4), (3, 4)), ((2, 2, 3), (3,))])
@pytest.mark.parametrize("affine", [True, False])
def test_layer_norm_gradcheck_and_gradgradcheck(shape, norm_shape, affine):
    x = t64(rng.standard_normal(shape) * 2)
    inputs = [x]
    if affine:
        inputs += [t64(rng.uniform(0.5, 1.5, norm_shape)), t64(rng.standard_normal(norm_shape))]
    f = _ln(norm_shape, affine)
    assert gradcheck(f, inputs)
    assert gradgradcheck(f, inputs)


def test_layer_norm_weight_only_and_bias_only():
    x = t64(rng.standard_normal((3, 4)))
    w = t64(rng.uniform(0.5, 1.5, 4))
    assert gradcheck(lambda x, w: F.layer_norm(x, (4,), w, None), [x, w])
    assert gradgradcheck(lambda x, b: F.layer_norm(x, (4,), None, b), [x, w])


@pytest.mark.parametrize("shape", [(5, 3), (3, 2, 4), (2, 3, 2, 2)])
@pytest.mark.parametrize("training", [True, False])
def test_batch_norm_gradcheck_and_gradgradcheck(shape, training):
    c = shape[1]
    x = t64(rng.standard_normal(shape) * 1.5 + 0.3)
    w, b = t64(rng.uniform(0.5, 1.5, c)), t64(rng.standard_normal(c))
    rm, rv = fg.tensor(rng.standard_normal(c)), fg.tensor(rng.uniform(0.5, 2, c))

    def f(x, w, b):
        # fresh copies: the running stats are updated in place on every call
        return F.batch_norm(x, rm.clone(), rv.clone(), w, b, training=training, momentum=0.1, eps=1e-5)
    assert gradcheck(f, [x, w, b])
    assert gradgradcheck(f, [x, w, b])


def test_batch_norm_without_affine_or_running_stats():
    x = t64(rng.standard_normal((4, 3, 2)))
    f = lambda x: F.batch_norm(x, None, None, training=True)  # noqa: E731
    assert gradcheck(f, [x])
    assert gradgradcheck(f, [x])


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("weighted", [False, True])
def test_binary_cross_entropy_gradcheck_and_gradgradcheck(reduction, weighted):
    p = t64(rng.uniform(0.1, 0.9, (3, 4)))
    t = t64(rng.uniform(0.0, 1.0, (3, 4)))
    w = fg.tensor(rng.uniform(0.5, 2.0, (4,))) if weighted else None
    f = lambda p, t: F.binary_cross_entropy(p, t, weight=w, reduction=reduction)  # noqa: E731
    assert gradcheck(f, [p, t])
    assert gradgradcheck(f, [p, t])


@pytest.mark.parametrize("kind", ["indices", "smoothing", "probabilities", "spatial"])
def test_cross_entropy_gradcheck_and_gradgradcheck(kind):
    x = t64(rng.standard_normal((4, 3)) * 2)
    target = fg.tensor([0, 2, 1, 2])
    kwargs = {}
    if kind == "smoothing":
        kwargs = {"label_smoothing": 0.2, "weight": fg.tensor([0.5, 1.0, 2.0], dtype=fg.float64)}
    elif kind == "probabilities":
        probs = rng.random((4, 3))
        target = fg.tensor(probs / probs.sum(1, keepdims=True))
    elif kind == "spatial":
        x = t64(rng.standard_normal((2, 3, 3)))
        target = fg.tensor([[0, 1, 2], [2, 2, 0]])
    f = lambda x: F.cross_entropy(x, target, **kwargs)  # noqa: E731
    assert gradcheck(f, [x])
    assert gradgradcheck(f, [x])


# ------------------------------------------------------------ numpy references
def _np_layer_norm(x, k, w, b, eps):
    axes = tuple(range(x.ndim - k, x.ndim))
    mean = x.mean(axis=axes, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=axes, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


@pytest.mark.parametrize("dtype,tol", [(np.float64, 1e-12), (np.float32, 2e-6)])
def test_layer_norm_matches_numpy(dtype, tol):
    x = (rng.standard_normal((6, 3, 40)) * 3 + 5).astype(dtype)
    w, b = rng.uniform(0.5, 1.5, (3, 40)).astype(dtype), rng.standard_normal((3, 40)).astype(dtype)
    out = F.layer_norm(fg.tensor(x), (3, 40), fg.tensor(w), fg.tensor(b), 1e-5).numpy()
    want = _np_layer_norm(x.astype(np.float64), 2, w, b, 1e-5)
    np.testing.assert_allclose(out, want, rtol=tol, atol=tol * 10)


def test_layer_norm_large_rows_use_threads_consistently():
    # enough rows to be split across threads: every row must equal its own single-row result
    x = rng.standard_normal((300, 256)).astype(np.float32)
    full = F.layer_norm(fg.tensor(x), (256,)).numpy()
    rows = np.stack([F.layer_norm(fg.tensor(x[i:i + 1]), (256,)).numpy()[0] for i in (0, 150, 299)])
    np.testing.assert_array_equal(full[[0, 150, 299]], rows)


@pytest.mark.parametrize("layer,shape", [("layer_norm", (600, 128)), ("batch_norm", (1024, 64)),
                                         ("batch_norm", (16, 8, 32, 32))])
def test_threaded_kernels_give_the_single_thread_result(layer, shape):
    # each row / channel / column is summed in one fixed order whatever the split across threads
    x = rng.standard_normal(shape).astype(np.float32)
    cot = rng.standard_normal(shape).astype(np.float32)
    size = shape[-1] if layer == "layer_norm" else shape[1]
    results = []
    old = fg.get_num_threads()
    try:
        for threads in (1, 2):
            fg.set_num_threads(threads)
            xv, w, b = fg.tensor(x, requires_grad=True), fg.ones(size, requires_grad=True), fg.zeros(size,
                                                                                                   requires_grad=True)
            if layer == "layer_norm":
                y = F.layer_norm(xv, (size,), w, b)
            else:
                y = F.batch_norm(xv, fg.zeros(size), fg.ones(size), w, b, training=True)
            (y * fg.tensor(cot)).sum().backward()
            results.append([y.detach().numpy(), xv.grad.numpy(), w.grad.numpy(), b.grad.numpy()])
    finally:
        fg.set_num_threads(old)
    for a, b in zip(*results):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("shape", [(6, 4), (3, 4, 5), (2, 4, 3, 3)])
def test_batch_norm_training_matches_numpy_and_updates_running_stats(shape):
    x = rng.standard_normal(shape) * 2 + 1
    axes = (0,) + tuple(range(2, len(shape)))
    rm, rv = fg.zeros(4, dtype=fg.float64), fg.ones(4, dtype=fg.float64)
    out = F.batch_norm(fg.tensor(x), rm, rv, training=True, momentum=0.3, eps=1e-5).numpy()
    mean, var = x.mean(axis=axes, keepdims=True), x.var(axis=axes, keepdims=True)
    np.testing.assert_allclose(out, (x - mean) / np.sqrt(var + 1e-5), rtol=1e-10, atol=1e-12)
    count = x.size // 4
    np.testing.assert_allclose(rm.numpy(), 0.3 * mean.reshape(-1), rtol=1e-12)
    np.testing.assert_allclose(rv.numpy(), 0.7 + 0.3 * var.reshape(-1) * count / (count - 1), rtol=1e-12)


def test_batch_norm_updates_strided_running_stats():
    x = rng.standard_normal((5, 3))
    stats = fg.zeros(3, 2, dtype=fg.float64)
    rm, rv = stats[:, 0], stats[:, 1]  # column views: stride 2
    rv.fill_(1.0)
    F.batch_norm(fg.tensor(x), rm, rv, training=True, momentum=0.5)
    np.testing.assert_allclose(stats.numpy()[:, 0], 0.5 * x.mean(0), rtol=1e-12)
    np.testing.assert_allclose(stats.numpy()[:, 1], 0.5 + 0.5 * x.var(0, ddof=1), rtol=1e-12)


def test_batch_norm_bumps_running_stats_version():
    # the update is in place, as torch's: a graph that saved the buffer sees it changed
    rm, rv = fg.zeros(3), fg.ones(3)
    before = (rm._version, rv._version)
    F.batch_norm(fg.randn(4, 3), rm, rv, training=True)
    assert (rm._version, rv._version) == (before[0] + 1, before[1] + 1)
    F.batch_norm(fg.randn(4, 3), rm, rv, training=False)
    assert (rm._version, rv._version) == (before[0] + 1, before[1] + 1)


@pytest.mark.parametrize("shape", [(0, 3), (0, 3, 4), (2, 3, 0)])
def test_batch_norm_empty_batch_leaves_running_stats(shape):
    rm, rv = fg.tensor([0.5, 1.0, -1.0]), fg.tensor([1.0, 2.0, 3.0])
    x = fg.randn(*shape, requires_grad=True)
    w = fg.ones(3, requires_grad=True)
    out = F.batch_norm(x, rm, rv, w, None, training=True)
    out.sum().backward()
    assert tuple(out.shape) == shape and tuple(x.grad.shape) == shape
    np.testing.assert_array_equal(w.grad.numpy(), np.zeros(3))
    np.testing.assert_array_equal(rm.numpy(), [0.5, 1.0, -1.0])
    np.testing.assert_array_equal(rv.numpy(), [1.0, 2.0, 3.0])


def test_batch_norm_eval_uses_running_stats():
    x = rng.standard_normal((5, 3, 2))
    rm, rv = rng.standard_normal(3), rng.uniform(0.5, 2, 3)
    out = F.batch_norm(fg.tensor(x), fg.tensor(rm), fg.tensor(rv), training=False).numpy()
    want = (x - rm[None, :, None]) / np.sqrt(rv[None, :, None] + 1e-5)
    np.testing.assert_allclose(out, want, rtol=1e-12, atol=1e-12)


def test_binary_cross_entropy_matches_numpy():
    p = rng.uniform(0.01, 0.99, (4, 5))
    t = rng.uniform(0, 1, (4, 5))
    w = rng.uniform(0.5, 2, (5,))
    got = F.binary_cross_entropy(fg.tensor(p), fg.tensor(t), weight=fg.tensor(w), reduction="none").numpy()
    np.testing.assert_allclose(got, -w * (t * np.log(p) + (1 - t) * np.log1p(-p)), rtol=1e-12)


# ------------------------------------------------------------------- errors
def test_layer_norm_errors():
    x = fg.randn(2, 4)
    with pytest.raises(RuntimeError, match="normalized_shape"):
        F.layer_norm(x, (5,))
    with pytest.raises(RuntimeError, match="weight"):
        F.layer_norm(x, (4,), fg.ones(5))
    with pytest.raises(RuntimeError, match="bias"):
        F.layer_norm(x, (4,), None, fg.ones(5))
    with pytest.raises(RuntimeError, match="at least 1-dimensional"):
        F.layer_norm(x, ())
    with pytest.raises(RuntimeError):
        F.layer_norm(x, (4,), fg.ones(4, dtype=fg.float64))
    with pytest.raises(RuntimeError):
        F.layer_norm(fg.tensor([[1, 2]]), (2,))


def test_batch_norm_errors():
    with pytest.raises(ValueError, match="more than 1 value per channel"):
        F.batch_norm(fg.randn(1, 3), None, None, training=True)
    with pytest.raises(RuntimeError, match="running_mean should contain 3 elements not 4"):
        F.batch_norm(fg.randn(2, 3), fg.zeros(4), fg.ones(4), training=True)
    with pytest.raises(RuntimeError, match="weight should contain 3 elements not 4"):
        F.batch_norm(fg.randn(2, 3), None, None, fg.ones(4), training=True)
    with pytest.raises(RuntimeError, match="running_mean must be defined in evaluation mode"):
        F.batch_norm(fg.randn(2, 3), None, None, training=False)
    with pytest.raises(IndexError):
        F.batch_norm(fg.randn(3), None, None, training=True)
    with pytest.raises(ValueError, match="expected 4D input"):
        nn.BatchNorm2d(3)(fg.randn(2, 3))
    with pytest.raises(ValueError, match="expected 2D or 3D input"):
        nn.BatchNorm1d(3)(fg.randn(2, 3, 2, 2))


def test_binary_cross_entropy_errors():
    with pytest.raises(RuntimeError, match="input should be between 0 and 1"):
        F.binary_cross_entropy(fg.tensor([1.5]), fg.tensor([1.0]))
    with pytest.raises(RuntimeError, match="target should be between 0 and 1"):
        F.binary_cross_entropy(fg.tensor([0.5]), fg.tensor([1.5]))
    with pytest.raises(RuntimeError):
        F.binary_cross_entropy(fg.tensor([0.5]), fg.tensor([1.0], dtype=fg.float64))
    with pytest.raises(RuntimeError, match="weight"):
        F.binary_cross_entropy(fg.tensor([0.5]), fg.tensor([1.0]), weight=fg.tensor([1.0], requires_grad=True))


# --------------------------------------------------------------------- torch
def _pair(a, requires_grad=True):
    torch = pytest.importorskip("torch")
    return fg.tensor(a, requires_grad=requires_grad), torch.tensor(a, requires_grad=requires_grad)


@pytest.mark.parametrize("shape,norm_shape", [((64, 512), (512,)), ((4, 16, 24), (24,)), ((3, 5, 6), (5, 6))])
@pytest.mark.parametrize("affine", [True, False])
def test_layer_norm_float32_matches_torch(shape, norm_shape, affine):
    torch = pytest.importorskip("torch")
    x = (rng.standard_normal(shape) * 2 + 0.5).astype(np.float32)
    xf, xt = _pair(x)
    wf = wt = bf = bt = None
    if affine:
        wf, wt = _pair(rng.uniform(0.5, 1.5, norm_shape).astype(np.float32))
        bf, bt = _pair(rng.standard_normal(norm_shape).astype(np.float32))
    of = F.layer_norm(xf, norm_shape, wf, bf)
    ot = torch.nn.functional.layer_norm(xt, norm_shape, wt, bt)
    np.testing.assert_allclose(of.detach().numpy(), ot.detach().numpy(), rtol=1e-5, atol=1e-5)
    cot = rng.standard_normal(shape).astype(np.float32)
    (of * fg.tensor(cot)).sum().backward()
    (ot * torch.tensor(cot)).sum().backward()
    np.testing.assert_allclose(xf.grad.numpy(), xt.grad.numpy(), rtol=1e-4, atol=1e-4)
    if affine:
        np.testing.assert_allclose(wf.grad.numpy(), wt.grad.numpy(), rtol=1e-4, atol=1e-4)
        np.testing.assert_allclose(bf.grad.numpy(), bt.grad.numpy(), rtol=1e-5, atol=1e-4)


@pytest.mark.parametrize("cls,shape", [("BatchNorm1d", (256, 32)), ("BatchNorm1d", (8, 6, 5)),
                                       ("BatchNorm2d", (8, 6, 4, 4)), ("BatchNorm3d", (2, 3, 2, 3, 4))])
def test_batch_norm_modules_float32_match_torch(cls, shape):
    torch = pytest.importorskip("torch")
    c = shape[1]
    t = getattr(torch.nn, cls)(c, momentum=0.2)
    f = getattr(nn, cls)(c, momentum=0.2)
    with torch.no_grad():
        t.weight.uniform_(0.5, 1.5)
        t.bias.uniform_(-1, 1)
    f.load_state_dict({k: fg.tensor(v.numpy().copy()) for k, v in t.state_dict().items()})
    for step in range(3):
        if step == 2:
            f.eval()
            t.eval()
        x = (rng.standard_normal(shape) * 3 + 1).astype(np.float32)
        xf, xt = _pair(x)
        of, ot = f(xf), t(xt)
        np.testing.assert_allclose(of.detach().numpy(), ot.detach().numpy(), rtol=1e-5, atol=1e-5)
        cot = rng.standard_normal(shape).astype(np.float32)
        (of * fg.tensor(cot)).sum().backward()
        (ot * torch.tensor(cot)).sum().backward()
        np.testing.assert_allclose(xf.grad.numpy(), xt.grad.numpy(), rtol=1e-4, atol=1e-4)
        np.testing.assert_allclose(f.weight.grad.numpy(), t.weight.grad.numpy(), rtol=1e-4, atol=1e-3)
        np.testing.assert_allclose(f.bias.grad.numpy(), t.bias.grad.numpy(), rtol=1e-5, atol=1e-4)
        f.zero_grad()
        t.zero_grad()
        for name in ("running_mean", "running_var"):
            np.testing.assert_allclose(getattr(f, name).numpy(), getattr(t, name).numpy(), rtol=1e-6, atol=1e-7,
                                       err_msg=name)
    assert f.num_batches_tracked.item() == t.num_batches_tracked.item()


@pytest.mark.parametrize("layer", ["layer_norm", "batch_norm"])
def test_double_backward_matches_torch(layer):
    torch = pytest.importorskip("torch")
    x = rng.standard_normal((4, 3, 2) if layer == "batch_norm" else (3, 5))
    c = x.shape[1] if layer == "batch_norm" else x.shape[-1]
    w = rng.uniform(0.5, 1.5, c)
    grads = []
    for lib in (fg, torch):
        xv, wv = lib.tensor(x, requires_grad=True), lib.tensor(w, requires_grad=True)
        if layer == "layer_norm":
            y = lib.nn.functional.layer_norm(xv, (c,), wv, None)
        else:
            y = lib.nn.functional.batch_norm(xv, None, None, wv, None, training=True)
        gx, = lib.autograd.grad((y ** 3).sum(), [xv], create_graph=True)
        (gx * gx).sum().backward()
        grads.append((xv.grad.numpy(), wv.grad.numpy()))
    for a, b in zip(*grads):
        np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-11)


def test_binary_cross_entropy_target_gradient_matches_torch():
    torch = pytest.importorskip("torch")
    p = np.array([0.0, 1.0, 0.3, 0.9])
    t = np.array([0.2, 0.7, 0.1, 1.0])
    res = []
    for lib, fn in ((fg, F.binary_cross_entropy), (torch, torch.nn.functional.binary_cross_entropy)):
        pv, tv = lib.tensor(p, requires_grad=True), lib.tensor(t, requires_grad=True)
        loss = fn(pv, tv, reduction="sum")
        loss.backward()
        res.append((loss.detach().numpy(), pv.grad.numpy(), tv.grad.numpy()))
    for a, b in zip(*res):
        np.testing.assert_allclose(a, b, rtol=1e-12)


@pytest.mark.parametrize("call", [
    lambda F, lib: F.layer_norm(lib.randn(2, 4), (5,)),
    lambda F, lib: F.layer_norm(lib.randn(2, 4), (4,), lib.ones(5)),
    lambda F, lib: F.layer_norm(lib.randn(2, 4), ()),
    lambda F, lib: F.batch_norm(lib.randn(1, 3), None, None, training=True),
    lambda F, lib: F.batch_norm(lib.randn(2, 3), lib.zeros(4), lib.ones(4), training=True),
    lambda F, lib: F.batch_norm(lib.randn(2, 3), None, None, None, lib.ones(4), training=True),
    lambda F, lib: F.batch_norm(lib.randn(2, 3), None, None, training=False),
    lambda F, lib: F.batch_norm(lib.randn(3), None, None, training=True),
    lambda F, lib: F.binary_cross_entropy(lib.tensor([1.5]), lib.tensor([1.0])),
    lambda F, lib: F.binary_cross_entropy(lib.tensor([0.5]), lib.tensor([2.0])),
    lambda F, lib: F.binary_cross_entropy(lib.tensor([0.5]), lib.tensor([1.0, 0.0])),
    lambda F, lib: F.cross_entropy(lib.randn(2, 3), lib.tensor([0, 1]), label_smoothing=1.5),
    lambda F, lib: F.cross_entropy(lib.randn(2, 3, 4), lib.tensor([0, 1])),
    lambda F, lib: F.cross_entropy(lib.randn(2, 3), lib.tensor([0, 1, 1])),
    lambda F, lib: F.cross_entropy(lib.randn(2, 3), lib.tensor([0, 5])),
    lambda F, lib: F.cross_entropy(lib.randn(2, 3), lib.tensor([[0, 1, 1], [0, 0, 0]])),
    lambda F, lib: F.cross_entropy(lib.randn(2, 3), lib.tensor([0, 1]), weight=lib.ones(4)),
])
def test_error_classes_match_torch(call):
    torch = pytest.importorskip("torch")
    with pytest.raises(Exception) as want:
        call(torch.nn.functional, torch)
    with pytest.raises(Exception) as got:
        call(F, fg)
    assert type(got.value) is type(want.value), (got.value, want.value)
