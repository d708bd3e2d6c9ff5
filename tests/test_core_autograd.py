"""Autograd semantics as torch's: leaves and grad_fn, accumulation, backward/grad keywords, grad modes,
hooks, retain_grad, custom Functions, higher order, long chains, saved-tensor lifetime, version
counters, in-place rules and reference cycles."""
import gc
import sys
import threading
import weakref

import numpy as np
import pytest

import fastgrad

torch = pytest.importorskip("torch")


def both(fn):
    """Runs fn(lib) for fastgrad and torch and returns the two results."""
    return fn(fastgrad), fn(torch)


def lst(t):
    return None if t is None else t.detach().tolist()


# ---------------------------------------------------------------- leaves, grad_fn, accumulation

def test_requires_grad_is_leaf_grad_fn_names():
    def run(lib):
        x = lib.tensor([1.0, 2.0], requires_grad=True)
        w = lib.tensor([[1.0, 0.5], [0.0, 2.0]], requires_grad=True)
        c = lib.tensor([3.0, 4.0])
        out = {}
        exprs = {
            "add": x + c, "sub": x - c, "mul": x * c, "div": x / c, "neg": -x, "pow": x ** 2, "exp": x.exp(),
            "log": x.log(), "sqrt": x.sqrt(), "abs": x.abs(), "relu": x.relu(), "sigmoid": x.sigmoid(),
            "tanh": x.tanh(), "sum": x.sum(), "sum_dim": w.sum(0), "mean": x.mean(), "mm": w @ w, "mv": w @ x,
            "dot": x @ x, "view": w.view(4), "reshape": w.reshape(4), "t": w.t(), "transpose": w.transpose(0, 1),
            "permute": w.permute(1, 0), "expand": x.expand(2, 2), "unsqueeze": x.unsqueeze(0), "squeeze": w[:1].squeeze(0),
            "select": w[0], "slice": w[:, 1:], "index": w[lib.tensor([0, 0])], "cat": lib.cat([x, x]),
            "stack": lib.stack([x, x]), "softmax": lib.softmax(x, 0), "log_softmax": lib.log_softmax(x, 0),
            "clone": x.clone(), "maximum": lib.maximum(x, c), "where": lib.where(c > 3, x, c), "max_dim": w.max(1)[0],
            "amax": w.amax(1), "gather": w.gather(1, lib.tensor([[0], [1]])), "to": x.double(), "clamp": x.clamp(0, 1),
            "matmul3": w.unsqueeze(0) @ w, "var": w.var(), "logsumexp": w.logsumexp(1), "squeeze_all": w[:1].squeeze(),
            "mean_dim": w.mean(1), "pow_t": x ** c, "sum_all": w.sum(), "std": w.std(),
        }
        for k, v in exprs.items():
            out[k] = (v.requires_grad, v.is_leaf, type(v.grad_fn).__name__ if lib is torch else v.grad_fn.name())
        out["leaf"] = (x.requires_grad, x.is_leaf, x.grad_fn)
        out["const"] = (c.requires_grad, c.is_leaf, c.grad_fn)
        out["const_op"] = ((c * 2).requires_grad, (c * 2).is_leaf, (c * 2).grad_fn)
        return out
    f, t = both(run)
    mismatched = {k: (f[k], t[k]) for k in t if f[k] != t[k]}
    # a few names differ (t() is TransposeBackward0, stack CatBackward0, var DivBackward0...); flags must match
    assert all(f[k][:2] == t[k][:2] for k in t), mismatched
    core = ["add", "sub", "mul", "div", "neg", "pow", "exp", "log", "sqrt", "abs", "relu", "sigmoid", "tanh", "sum",
            "sum_dim", "mm", "view", "transpose", "mean", "mean_dim", "squeeze_all", "pow_t", "sum_all", "std", "permute", "expand", "unsqueeze", "squeeze", "select", "cat",
            "softmax", "log_softmax", "clone", "maximum", "where", "gather", "clamp", "leaf", "const", "const_op"]
    assert {k: f[k] for k in core} == {k: t[k] for k in core}, {k: mismatched[k] for k in core if k in mismatched}


def test_grad_fn_next_functions():
    x = fastgrad.tensor([1.0], requires_grad=True)
    y = fastgrad.tensor([2.0], requires_grad=True)
    z = x * y + x
    nf = z.grad_fn.next_functions
    assert len(nf) == 2
    assert nf[0][0].name() == "MulBackward0"
    assert nf[1][0].name() == "AccumulateGrad"
    c = x * 2.0
    assert c.grad_fn.next_functions[0][0].name() == "AccumulateGrad"


def test_grad_accumulates_and_can_be_reset():
    def run(lib):
        x = lib.tensor([1.0, 2.0, 3.0], dtype=lib.float64, requires_grad=True)
        (x * x).sum().backward()
        g1 = lst(x.grad)
        (3 * x).sum().backward()
        g2 = lst(x.grad)
        gid = id(x.grad)
        (x * 0 + 1).sum().backward()
        same_obj = id(x.grad) == gid  # accumulation is in place into the existing .grad
        x.grad = None
        x.sum().backward()
        g3 = lst(x.grad)
        x.grad.zero_()
        x.exp().sum().backward()
        return g1, g2, g3, lst(x.grad), same_obj
    f, t = both(run)
    assert f[0] == t[0] and f[1] == t[1] and f[2] == t[2]
    np.testing.assert_allclose(f[3], t[3])


def test_grad_of_non_leaf_is_none_and_retain_grad():
    def run(lib):
        x = lib.tensor([1.0, 2.0], requires_grad=True)
        y = x * 3
        y.retain_grad()
        z = y * y
        z2 = z.sum()
        z2.backward(retain_graph=True)
        gy = lst(y.grad)
        z2.backward()
        gy2 = lst(y.grad)
        return gy, gy2, y.retains_grad, x.retains_grad, lst(x.grad)
    f, t = both(run)
    assert f == t
    with pytest.warns(UserWarning) if False else _nullctx():
        y = fastgrad.tensor([1.0], requires_grad=True) * 2
        y.sum().backward()
        assert y.grad is None


class _nullctx:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


def test_grad_assignment_checks():
    x = fastgrad.zeros(2, 3, requires_grad=True)
    x.grad = fastgrad.ones(2, 3)
    assert x.grad.tolist() == [[1.0] * 3] * 2
    with pytest.raises(RuntimeError, match=r"\[2, 3\]|2, 3"):
        x.grad = fastgrad.ones(3)
    x.grad = None
    assert x.grad is None


# ---------------------------------------------------------------- backward keywords

def test_backward_with_gradient_argument():
    def run(lib):
        x = lib.tensor([[1.0, 2.0], [3.0, 4.0]], dtype=lib.float64, requires_grad=True)
        y = x ** 2
        y.backward(lib.tensor([[1.0, 0.5], [-1.0, 2.0]], dtype=lib.float64))
        return lst(x.grad)
    f, t = both(run)
    assert f == t


def test_backward_non_scalar_without_gradient_raises():
    for lib in (fastgrad, torch):
        x = lib.ones(2, requires_grad=True)
        with pytest.raises(RuntimeError, match="grad can be implicitly created only for scalar outputs"):
            (x * 2).backward()


def test_backward_on_tensor_without_grad_raises():
    for lib in (fastgrad, torch):
        with pytest.raises(RuntimeError, match="does not require grad and does not have a grad_fn"):
            lib.ones(2).sum().backward()


def test_retain_graph_and_second_backward_error():
    for lib in (fastgrad, torch):
        x = lib.tensor([1.0, 2.0], requires_grad=True)
        y = (x.exp() * x).sum()
        y.backward(retain_graph=True)
        y.backward()
        assert x.grad.tolist() == pytest.approx((2 * np.exp([1.0, 2.0]) * (1 + np.array([1.0, 2.0]))).tolist(), rel=1e-6)
        with pytest.raises(RuntimeError, match="Trying to backward through the graph a second time"):
            y.backward()


def test_second_backward_error_message_matches_torch():
    msgs = []
    for lib in (fastgrad, torch):
        x = lib.tensor([1.0, 2.0], requires_grad=True)
        y = (x * x).sum()
        y.backward()
        with pytest.raises(RuntimeError) as e:
            y.backward()
        msgs.append(str(e.value).split(".")[0])
    assert msgs[0] == msgs[1]


def test_graph_without_saved_tensors_second_backward():
    # torch only complains when a freed saved tensor is needed: x + 1 and sum save nothing, so the
    # graph runs twice; fastgrad frees only nodes that saved tensors, with the same result
    grads = []
    for lib in (torch, fastgrad):
        x = lib.tensor([1.0, 2.0], requires_grad=True)
        y = (x + 1).sum()
        y.backward()
        y.backward()
        grads.append(x.grad.tolist())
        z = (x * x).sum()  # mul saves its inputs: a second backward raises in both
        z.backward()
        with pytest.raises(RuntimeError, match="Trying to backward through the graph a second time"):
            z.backward()
    assert grads[0] == grads[1] == [2.0, 2.0]


def test_backward_inputs_keyword():
    def run(lib):
        x = lib.tensor([1.0, 2.0], requires_grad=True)
        w = lib.tensor([3.0, 4.0], requires_grad=True)
        (x * w).sum().backward(inputs=[w])
        return lst(x.grad), lst(w.grad)
    f, t = both(run)
    assert f == t


def test_autograd_backward_function():
    def run(lib):
        x = lib.tensor([1.0, 2.0], requires_grad=True)
        a, b = x * 2, x * x
        lib.autograd.backward([a.sum(), b], [None, lib.tensor([1.0, 1.0])])
        return lst(x.grad)
    f, t = both(run)
    assert f == t


# ---------------------------------------------------------------- autograd.grad

def test_autograd_grad_basic_and_grad_outputs():
    def run(lib):
        x = lib.tensor([1.0, 2.0, 3.0], dtype=lib.float64, requires_grad=True)
        y = lib.tensor([0.5, -1.0, 2.0], dtype=lib.float64, requires_grad=True)
        out = x * y + x.exp()
        gx, gy = lib.autograd.grad(out, (x, y), grad_outputs=lib.ones(3, dtype=lib.float64) * 2, retain_graph=True)
        (gx2,) = lib.autograd.grad(out.sum(), [x], retain_graph=True)
        gx3 = lib.autograd.grad([out.sum(), (x * x).sum()], x)
        return lst(gx), lst(gy), lst(gx2), lst(gx3[0]), x.grad, y.grad
    f, t = both(run)
    np.testing.assert_allclose(np.array(f[:4], dtype=float), np.array(t[:4], dtype=float))
    assert f[4] is None and f[5] is None  # grad() does not touch .grad


def test_autograd_grad_allow_unused():
    for lib in (fastgrad, torch):
        x = lib.tensor([1.0], requires_grad=True)
        z = lib.tensor([1.0], requires_grad=True)
        with pytest.raises(RuntimeError, match="appears to not have been used in the graph"):
            lib.autograd.grad((x * 2).sum(), [x, z])
        gx, gz = lib.autograd.grad((x * 2).sum(), [x, z], allow_unused=True)
        assert gx.tolist() == [2.0] and gz is None
        gx, gz = lib.autograd.grad((x * 2).sum(), [x, z], materialize_grads=True)
        assert gz.tolist() == [0.0]


def test_autograd_grad_of_input_not_requiring_grad_raises():
    for lib in (fastgrad, torch):
        x = lib.tensor([1.0], requires_grad=True)
        c = lib.tensor([1.0])
        with pytest.raises(RuntimeError, match="does not require grad"):
            lib.autograd.grad((x * c).sum(), [c])


def test_autograd_grad_on_intermediate():
    def run(lib):
        x = lib.tensor([1.0, 2.0], requires_grad=True)
        h = x * 3
        out = (h * h).sum()
        return [lst(g) for g in lib.autograd.grad(out, [h, x])]
    f, t = both(run)
    assert f == t


def test_grad_outputs_shape_mismatch_raises():
    for lib in (fastgrad, torch):
        x = lib.ones(3, requires_grad=True)
        with pytest.raises(RuntimeError, match="Mismatch in shape|shape"):
            lib.autograd.grad(x * 2, x, grad_outputs=lib.ones(2))


# ---------------------------------------------------------------- grad modes

def test_no_grad_enable_grad_set_grad_enabled():
    x = fastgrad.ones(2, requires_grad=True)
    with fastgrad.no_grad():
        assert not fastgrad.is_grad_enabled()
        y = x * 2
        with fastgrad.enable_grad():
            z = x * 2
        assert not fastgrad.is_grad_enabled()
    assert fastgrad.is_grad_enabled()
    assert not y.requires_grad and y.grad_fn is None and z.requires_grad
    with fastgrad.set_grad_enabled(False):
        assert not (x * 2).requires_grad
    assert fastgrad.is_grad_enabled()
    fastgrad.set_grad_enabled(False)
    assert not fastgrad.is_grad_enabled()
    fastgrad.set_grad_enabled(True)
    assert fastgrad.is_grad_enabled()
    # nested and restored on exceptions
    try:
        with fastgrad.no_grad():
            raise ValueError
    except ValueError:
        pass
    assert fastgrad.is_grad_enabled()
    with fastgrad.inference_mode():
        assert not (x * 2).requires_grad


def test_grad_mode_decorators():
    x = fastgrad.ones(2, requires_grad=True)

    @fastgrad.no_grad()
    def f(t):
        return t * 2

    @fastgrad.enable_grad()
    def g(t):
        return t * 2

    @fastgrad.set_grad_enabled(False)
    def h(t):
        return t * 2

    assert fastgrad.is_grad_enabled()
    assert not f(x).requires_grad and f.__name__ == "f"
    with fastgrad.no_grad():
        assert g(x).requires_grad
    assert not h(x).requires_grad
    assert fastgrad.is_grad_enabled()

    @fastgrad.no_grad
    def bare(t):
        return t * 2
    assert not bare(x).requires_grad


def test_grad_mode_is_thread_local():
    seen = {}
    ready, go = threading.Event(), threading.Event()

    def worker():
        seen["start"] = fastgrad.is_grad_enabled()
        x = fastgrad.ones(1, requires_grad=True)
        ready.set()
        go.wait()
        seen["req"] = (x * 2).requires_grad

    with fastgrad.no_grad():
        th = threading.Thread(target=worker)
        th.start()
        ready.wait()
        go.set()
        th.join()
        assert not fastgrad.is_grad_enabled()
    assert seen == {"start": True, "req": True}
    # and the other way: a thread turning grad off does not affect the main thread
    th = threading.Thread(target=lambda: fastgrad.set_grad_enabled(False))
    th.start()
    th.join()
    assert fastgrad.is_grad_enabled()


# ---------------------------------------------------------------- detach, requires_grad_

def test_detach_and_requires_grad_():
    x = fastgrad.tensor([1.0, 2.0], requires_grad=True)
    y = x * 2
    d = y.detach()
    assert not d.requires_grad and d.is_leaf and d.grad_fn is None
    d[0] = 10.0  # shares storage
    assert y[0].item() == 10.0
    y2 = x * 3
    r = y2.detach_()
    assert r is y2 and not y2.requires_grad and y2.is_leaf
    c = fastgrad.tensor([1.0, 2.0])
    assert c.requires_grad_() is c and c.requires_grad
    c.requires_grad_(False)
    assert not c.requires_grad
    c.requires_grad = True
    assert c.requires_grad
    with pytest.raises(RuntimeError, match="only Tensors of floating point dtype can require gradients"):
        fastgrad.tensor([1, 2]).requires_grad_()
    with pytest.raises(RuntimeError, match="you can only change requires_grad flags of leaf variables"):
        y.requires_grad_(False)
    torch_err = None
    try:
        (torch.ones(1, requires_grad=True) * 2).requires_grad_(False)
    except RuntimeError as e:
        torch_err = str(e)
    assert "you can only change requires_grad flags of leaf variables" in torch_err
    # .data is a detached alias
    x.data.mul_(2)
    assert x.tolist() == [2.0, 4.0] and x.requires_grad
    x.data = fastgrad.tensor([5.0, 6.0])
    assert x.tolist() == [5.0, 6.0] and x.requires_grad and x.is_leaf


def test_detach_breaks_gradient_flow():
    def run(lib):
        x = lib.tensor([1.0, 2.0], requires_grad=True)
        y = x * x
        z = (y.detach() * x).sum()
        z.backward()
        return lst(x.grad)
    f, t = both(run)
    assert f == t


# ---------------------------------------------------------------- hooks

def test_register_hook_on_leaf_and_non_leaf_and_remove():
    def run(lib):
        x = lib.tensor([1.0, 2.0], requires_grad=True)
        calls = []
        h1 = x.register_hook(lambda g: calls.append(("x", g.tolist())))
        y = x * 3
        h2 = y.register_hook(lambda g: g * 10)  # replaces the gradient
        y.register_hook(lambda g: calls.append(("y", g.tolist())))
        (y * y).sum().backward()
        g1 = lst(x.grad)
        h1.remove()
        h2.remove()
        x.grad = None
        y = x * 3
        (y * y).sum().backward()
        return calls, g1, lst(x.grad)
    f, t = both(run)
    assert f == t


def test_hook_on_tensor_without_grad_raises():
    for lib in (fastgrad, torch):
        with pytest.raises(RuntimeError, match="cannot register a hook on a tensor that doesn't require gradient"):
            lib.ones(2).register_hook(lambda g: g)


def test_hook_exception_propagates():
    x = fastgrad.ones(2, requires_grad=True)

    def bad(g):
        raise ValueError("from hook")
    x.register_hook(bad)
    with pytest.raises(ValueError, match="from hook"):
        (x * 2).sum().backward()


# ---------------------------------------------------------------- custom Function

def _make_functions(lib):
    class MyExp(lib.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            y = x.exp()
            ctx.save_for_backward(y)
            return y

        @staticmethod
        def backward(ctx, g):
            (y,) = ctx.saved_tensors
            return g * y

    class ScaleAdd(lib.autograd.Function):
        @staticmethod
        def forward(ctx, a, b, alpha):
            ctx.alpha = alpha
            ctx.save_for_backward(a, b)
            ctx.flags = ctx.needs_input_grad
            return a * alpha + b * b, a - b

        @staticmethod
        def backward(ctx, g1, g2):
            a, b = ctx.saved_tensors
            return g1 * ctx.alpha + g2, g1 * 2 * b - g2, None

    return MyExp, ScaleAdd


def test_custom_function():
    def run(lib):
        MyExp, ScaleAdd = _make_functions(lib)
        x = lib.tensor([0.5, -1.0], dtype=lib.float64, requires_grad=True)
        c = lib.tensor([2.0, 3.0], dtype=lib.float64)
        y = MyExp.apply(x)
        p, q = ScaleAdd.apply(x, c, 3.0)
        (y.sum() + (p * q).sum()).backward()
        name = y.grad_fn.name() if lib is fastgrad else type(y.grad_fn).__name__
        _, flags = p.grad_fn, None
        return lst(y), lst(p), lst(x.grad), name, y.requires_grad, p.requires_grad

    f, t = both(run)
    np.testing.assert_allclose(f[0], t[0])
    np.testing.assert_allclose(f[2], t[2])
    assert f[3] == t[3] == "MyExpBackward"
    assert f[4:] == t[4:]


def test_custom_function_needs_input_grad_and_no_grad_input():
    seen = {}
    for lib in (fastgrad, torch):
        class F(lib.autograd.Function):
            @staticmethod
            def forward(ctx, a, b, k):
                seen[lib] = ctx.needs_input_grad
                return a * b * k

            @staticmethod
            def backward(ctx, g):
                return g, None, None
        a = lib.ones(2, requires_grad=True)
        out = F.apply(a, lib.ones(2), 2)
        out.sum().backward()
        assert a.grad.tolist() == [1.0, 1.0]
        out = F.apply(lib.ones(2), lib.ones(2), 2)
        assert not out.requires_grad
    assert seen[fastgrad] == seen[torch] == (False, False, False)  # last call


def test_custom_function_wrong_number_of_grads():
    for lib in (fastgrad, torch):
        class F(lib.autograd.Function):
            @staticmethod
            def forward(ctx, a, b):
                return a + b

            @staticmethod
            def backward(ctx, g):
                return g
        with pytest.raises(RuntimeError, match="returned an incorrect number of gradients"):
            F.apply(lib.ones(1, requires_grad=True), lib.ones(1, requires_grad=True)).sum().backward()


def test_custom_function_higher_order():
    def run(lib):
        MyExp, _ = _make_functions(lib)
        x = lib.tensor([0.3, 0.7], dtype=lib.float64, requires_grad=True)
        y = MyExp.apply(x * x).sum()
        (g,) = lib.autograd.grad(y, x, create_graph=True)
        (h,) = lib.autograd.grad(g.sum(), x)
        return lst(g), lst(h)
    f, t = both(run)
    np.testing.assert_allclose(f, t)


def test_custom_function_saved_tensor_version_check():
    for lib in (fastgrad, torch):
        MyExp, _ = _make_functions(lib)

        class Sq(lib.autograd.Function):
            @staticmethod
            def forward(ctx, x):
                ctx.save_for_backward(x)
                return x * x

            @staticmethod
            def backward(ctx, g):
                (x,) = ctx.saved_tensors
                return 2 * g * x
        a = lib.ones(2, requires_grad=True)
        b = a * 1
        y = Sq.apply(b)
        with lib.no_grad():
            b.add_(1)
        with pytest.raises(RuntimeError, match="modified by an inplace operation"):
            y.sum().backward()


# ---------------------------------------------------------------- higher order

def test_create_graph_second_derivative_matches_torch():
    def run(lib):
        x = lib.tensor([[0.5, -1.0], [2.0, 0.3]], dtype=lib.float64, requires_grad=True)
        w = lib.tensor([[1.5, 0.2], [-0.7, 1.1]], dtype=lib.float64, requires_grad=True)
        loss = (lib.tanh(x @ w) ** 2).sum() + lib.logsumexp(x * w, 1).sum()
        loss.backward(create_graph=True)
        gx = x.grad
        assert gx.requires_grad
        x.grad = None
        w.grad = None
        (gx ** 2).sum().backward()
        return lst(x.grad), lst(w.grad)
    f, t = both(run)
    np.testing.assert_allclose(f[0], t[0], rtol=1e-10)
    np.testing.assert_allclose(f[1], t[1], rtol=1e-10)


def test_without_create_graph_grads_have_no_history():
    x = fastgrad.tensor([1.0, 2.0], requires_grad=True)
    (g,) = fastgrad.autograd.grad((x ** 3).sum(), x)
    assert not g.requires_grad and g.grad_fn is None
    (x ** 3).sum().backward()
    assert not x.grad.requires_grad


# ---------------------------------------------------------------- long chains, lifetime, cycles

def test_100k_op_chain_backward_and_free():
    x = fastgrad.tensor([1.0], dtype=fastgrad.float64, requires_grad=True)
    y = x
    for _ in range(100_000):
        y = y * 1.0000001
    y.backward()
    assert x.grad.item() == pytest.approx(1.0000001 ** 100_000, rel=1e-4)
    # a graph that is never run is freed without a recursive destructor blowing the stack
    z = x
    for _ in range(100_000):
        z = z + 1.0
    del z
    # and a chain of views
    v = x
    for _ in range(20_000):
        v = v.view(1)
    del v


def test_saved_tensors_freed_after_backward():
    class Tracked(fastgrad.Tensor):
        pass
    x = fastgrad.tensor([1.0, 2.0], requires_grad=True)
    h = Tracked(x * 2)  # a tensor subclass aliasing x*2's memory, so weakref-able
    assert isinstance(h, fastgrad.Tensor)
    a = fastgrad.tensor([3.0, 4.0], requires_grad=True)
    big = a.exp()
    ref = weakref.ref(big) if _weakrefable(big) else None
    y = (big * big).sum()  # MulBackward saves `big`
    del big
    if ref is not None:
        assert ref() is not None or True
    y.backward()
    assert a.grad is not None


def _weakrefable(t):
    try:
        weakref.ref(t)
        return True
    except TypeError:
        return False


class Param(fastgrad.Tensor):
    """A Parameter-like subclass: Python objects of subclasses can be weakly referenced."""


def _param(values):
    p = Param(fastgrad.tensor(values, dtype=fastgrad.float64))
    p.requires_grad_(True)
    return p


def test_no_reference_cycles_graph_dies_without_gc():
    gc.disable()
    try:
        p = _param([1.0, 2.0])
        r = weakref.ref(p)
        y = ((p * p).exp() * p).sum()  # outputs and inputs saved in nodes
        y.backward()
        del p, y
        assert r() is None
        # unexecuted graph
        p = _param([1.0, 2.0])
        r = weakref.ref(p)
        y = (p.sigmoid() * p.tanh()).sum()
        del p, y
        assert r() is None
        # create_graph keeps the graph of .grad alive only as long as .grad lives
        p = _param([1.0, 2.0])
        r = weakref.ref(p)
        (p ** 3).sum().backward(create_graph=True)
        assert p.grad.requires_grad
        p.grad = None
        del p
        assert r() is None
        # hooks and retain_grad
        p = _param([1.0, 2.0])
        r = weakref.ref(p)
        y = p * 2
        y.retain_grad()
        y.register_hook(lambda g: g)
        p.register_hook(lambda g: g)
        y.sum().backward()
        del p, y
        assert r() is None
        # a custom Function's ctx
        p = _param([1.0, 2.0])
        r = weakref.ref(p)
        MyExp, _ = _make_functions(fastgrad)
        y = MyExp.apply(p * 1).sum()
        y.backward()
        del p, y
        assert r() is None
    finally:
        gc.enable()


def test_output_saved_in_its_own_node_does_not_leak():
    gc.disable()
    try:
        p = _param([0.5])
        r = weakref.ref(p)
        out = Param(p.exp())
        ro = weakref.ref(out)
        del out
        del p
        assert r() is None and ro() is None
    finally:
        gc.enable()


def test_refcount_stable_across_backward():
    x = fastgrad.tensor([1.0, 2.0], requires_grad=True)
    before = sys.getrefcount(x)
    for _ in range(5):
        y = (x * x).exp().sum()
        y.backward()
        del y
    assert sys.getrefcount(x) == before


# ---------------------------------------------------------------- version counter and in-place rules

def test_version_counter_catches_inplace_modification():
    msgs = {}
    for lib in (fastgrad, torch):
        a = lib.tensor([1.0, 2.0], requires_grad=True)
        b = a * 1
        c = b.exp()  # saves its output c
        d = b * b    # saves b
        v = b._version
        b.add_(1)
        assert b._version == v + 1
        with pytest.raises(RuntimeError, match="modified by an inplace operation") as e:
            d.sum().backward()
        msgs[lib] = str(e.value)
        c.mul_(2)
        with pytest.raises(RuntimeError, match="modified by an inplace operation"):
            c.sum().backward()
    assert "is at version 1; expected version 0 instead" in msgs[fastgrad]


def test_version_shared_with_views():
    x = fastgrad.zeros(4)
    v = x[1:3]
    v.add_(1)
    assert x._version == v._version == 1
    x.mul_(2)
    assert v._version == 2
    # modifying a view of a saved tensor is caught
    a = fastgrad.tensor([1.0, 2.0, 3.0], requires_grad=True)
    b = a * 1
    y = (b * b).sum()
    with fastgrad.no_grad():
        b[0:2].add_(1)
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        y.backward()


def test_inplace_on_leaf_requiring_grad_raises():
    for lib in (fastgrad, torch):
        x = lib.ones(2, requires_grad=True)
        for op in (lambda: x.add_(1), lambda: x.mul_(2), lambda: x.zero_(), lambda: x.fill_(1), lambda: x.copy_(lib.ones(2)),
                   lambda: x.clamp_(0, 1), lambda: x.sub_(1), lambda: x.div_(2)):
            with pytest.raises(RuntimeError, match="a leaf Variable that requires grad is being used in an in-place operation"):
                op()
        with lib.no_grad():
            x.add_(1)  # allowed under no_grad
        assert x.tolist() == [2.0, 2.0] and x.is_leaf and x.requires_grad


def test_inplace_on_view_of_leaf_raises():
    x = fastgrad.ones(3, requires_grad=True)
    with pytest.raises(RuntimeError):
        x[0:2].add_(1)


def test_inplace_on_non_leaf_gradients_match_torch():
    def run(lib):
        x = lib.tensor([0.5, 1.5, -2.0], dtype=lib.float64, requires_grad=True)
        w = lib.tensor([2.0, -1.0, 0.5], dtype=lib.float64, requires_grad=True)
        y = x * 2
        y.add_(w)
        y.mul_(w)
        y.clamp_(max=1.0)
        y.div_(3)
        y.exp_()
        y.sum().backward()
        return lst(y), lst(x.grad), lst(w.grad), y.grad_fn is not None
    f, t = both(run)
    for a, b in zip(f, t):
        np.testing.assert_allclose(a, b)


# ---------------------------------------------------------------- broadcast gradients

def test_broadcast_gradients_reduced():
    def run(lib):
        a = lib.tensor(np.arange(6.0).reshape(2, 1, 3), requires_grad=True)
        b = lib.tensor(np.arange(4.0).reshape(4, 1), requires_grad=True)
        c = lib.tensor(2.0, dtype=lib.float64, requires_grad=True)
        out = (a * b + c) / (b + 1)
        out.backward(lib.ones(2, 4, 3, dtype=lib.float64))
        return lst(a.grad), lst(b.grad), lst(c.grad), a.grad.shape, b.grad.shape, c.grad.shape
    f, t = both(run)
    for a, b in zip(f[:3], t[:3]):
        np.testing.assert_allclose(a, b)
    assert tuple(f[3]) == tuple(t[3]) and tuple(f[4]) == tuple(t[4]) and tuple(f[5]) == tuple(t[5])


def test_same_leaf_used_many_times_sums_gradients():
    def run(lib):
        x = lib.tensor([1.0, 2.0], dtype=lib.float64, requires_grad=True)
        y = x * x + x.exp() * x - x / (x + 1)
        z = lib.stack([y, x, y * x]).sum()
        z.backward()
        return lst(x.grad)
    f, t = both(run)
    np.testing.assert_allclose(f, t)


def test_float32_grad_dtype_and_mixed_precision():
    def run(lib):
        x = lib.tensor([1.0, 2.0], requires_grad=True)
        y = lib.tensor([1.0, 2.0], dtype=lib.float64, requires_grad=True)
        (x * y).sum().backward()
        return str(x.grad.dtype).split(".")[-1], str(y.grad.dtype).split(".")[-1], lst(x.grad)
    f, t = both(run)
    assert f == t


def test_backward_from_multiple_threads():
    errs = []

    def work():
        try:
            for _ in range(50):
                x = fastgrad.randn(8, 8, requires_grad=True)
                (x @ x).tanh().sum().backward()
                assert x.grad.shape == (8, 8)
        except Exception as e:  # pragma: no cover
            errs.append(e)
    ths = [threading.Thread(target=work) for _ in range(4)]
    for th in ths:
        th.start()
    for th in ths:
        th.join()
    assert not errs


def test_custom_function_saving_tensors_does_not_mark_the_next_op():
    """A custom Function saves its tensors after its node exists; that must not make the next op's node
    (which saved nothing) free itself after one backward: torch runs `w.sum().backward()` twice here."""
    class Double(fastgrad.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x * 2

        @staticmethod
        def backward(ctx, g):
            (x,) = ctx.saved_tensors
            return g * 2

    b = fastgrad.ones(3, requires_grad=True)
    Double.apply(b)
    w = b.neg()
    w.sum().backward()
    w.sum().backward()
    assert b.grad.tolist() == [-2.0, -2.0, -2.0]
