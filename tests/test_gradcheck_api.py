"""fastgrad.autograd.gradcheck / gradgradcheck themselves: they catch a planted wrong backward, pass a
correct one, warn on float32, refuse what they cannot check, and say where a mismatch is."""
import math
import re
import warnings

import numpy as np
import pytest

import fastgrad
from fastgrad.autograd import Function, gradcheck, gradgradcheck
from fastgrad.autograd.gradcheck import GradcheckError

# The suite's tolerances (tests/test_gradcheck_ops.py): float64 central differences are accurate to ~1e-9,
# so rtol=1e-5 leaves a wide margin and still resolves a 0.05% error.
SUITE_TOL = dict(atol=1e-6, rtol=1e-5)


def make_exp(factor):
    class Exp(Function):
        @staticmethod
        def forward(ctx, x):
            y = x.exp()
            ctx.save_for_backward(y)
            return y

        @staticmethod
        def backward(ctx, grad):
            (y,) = ctx.saved_tensors
            return grad * y * factor
    return Exp


def make_mul(factor_b):
    class Mul(Function):
        @staticmethod
        def forward(ctx, a, b):
            ctx.save_for_backward(a, b)
            return a * b

        @staticmethod
        def backward(ctx, grad):
            a, b = ctx.saved_tensors
            return grad * b, grad * a * factor_b
    return Mul


def x64(*shape, seed=0, requires_grad=True):
    rng = np.random.default_rng(seed)
    return fastgrad.tensor(rng.standard_normal(shape), dtype=fastgrad.float64, requires_grad=requires_grad)


def test_correct_custom_function_passes():
    assert gradcheck(make_exp(1.0).apply, (x64(3, 4),), **SUITE_TOL) is True
    assert gradcheck(make_mul(1.0).apply, (x64(3, 4), x64(3, 4, seed=1)), **SUITE_TOL) is True


def test_planted_bug_off_by_0_05_percent_is_caught():
    bad = make_exp(1.0005)  # the gradient is 0.05% too large
    with pytest.raises(GradcheckError) as info:
        gradcheck(bad.apply, (x64(3, 4),), **SUITE_TOL)
    msg = str(info.value)
    assert "input 0" in msg and "numerical" in msg and "analytical" in msg
    assert gradcheck(bad.apply, (x64(3, 4),), raise_exception=False, **SUITE_TOL) is False


def test_planted_bug_in_second_input_names_that_input():
    bad = make_mul(1.0005)
    with pytest.raises(GradcheckError, match=r"input 1 at element \(\d+, \d+\)"):
        gradcheck(bad.apply, (x64(2, 3), x64(2, 3, seed=1)), **SUITE_TOL)


def test_torch_default_tolerance_semantics():
    # With torch's defaults (rtol=1e-3) a 0.05% error is inside the tolerance by definition, for torch's
    # gradcheck as for this one; a 1% error is not. The suite uses rtol=1e-5 for that reason.
    assert gradcheck(make_exp(1.0005).apply, (x64(3, 4),)) is True
    assert gradcheck(make_exp(1.01).apply, (x64(3, 4),), raise_exception=False) is False


def test_message_names_input_element_and_both_values():
    class OneWrong(Function):
        # the gradient of element (1, 2) only is wrong: +0.25
        @staticmethod
        def forward(ctx, x):
            return x * 2.0

        @staticmethod
        def backward(ctx, g):
            mask = fastgrad.zeros(2, 3, dtype=fastgrad.float64)
            mask[1, 2] = 1.0
            return g * 2.0 + mask * g.sum() * 0.0 + mask * 0.25
    x = x64(2, 3)
    with pytest.raises(GradcheckError) as info:
        gradcheck(OneWrong.apply, (x,), **SUITE_TOL)
    msg = str(info.value)
    assert "input 0 at element (1, 2)" in msg
    num = float(re.search(r"numerical: (\S+)", msg).group(1))
    ana = float(re.search(r"analytical: (\S+)", msg).group(1))
    assert abs(ana - num - 0.25) < 1e-6


def test_full_jacobian_names_the_output_element():
    class Swapped(Function):
        # forward y = (x0, 2 x1) but backward returns the gradients of (2 x0, x1)
        @staticmethod
        def forward(ctx, x):
            return x * fastgrad.tensor([1.0, 2.0], dtype=fastgrad.float64)

        @staticmethod
        def backward(ctx, g):
            return g * fastgrad.tensor([2.0, 1.0], dtype=fastgrad.float64)
    with pytest.raises(GradcheckError, match=r"input 0 at element \(\d,\)"):
        gradcheck(Swapped.apply, (x64(2),))
    with pytest.raises(GradcheckError, match=r"output 0 element \(0,\)"):
        gradcheck(Swapped.apply, (x64(2),), full_jacobian_max=10**6, seed=3)


def test_tuple_outputs_are_all_checked():
    def f(a, b):
        return a * b, (a - b).exp(), fastgrad.argmax(a)  # the int output is ignored
    assert gradcheck(f, (x64(2, 3), x64(2, 3, seed=1)), **SUITE_TOL)

    class BadSecond(Function):
        @staticmethod
        def forward(ctx, a):
            return a * 1.0, a * 3.0

        @staticmethod
        def backward(ctx, g1, g2):
            return g1 + g2 * 3.003
    with pytest.raises(GradcheckError):
        gradcheck(BadSecond.apply, (x64(3),), **SUITE_TOL)


def test_inputs_without_grad_and_non_tensors_pass_through():
    w = x64(3, requires_grad=False)
    assert gradcheck(lambda x, w, k: (x * w) ** k, (x64(3), w, 2), **SUITE_TOL)


def test_single_tensor_input_and_0d():
    assert gradcheck(lambda x: x.sin(), x64(3), **SUITE_TOL)
    x = fastgrad.tensor(0.3, dtype=fastgrad.float64, requires_grad=True)
    assert gradcheck(lambda x: x.exp() * x, (x,), **SUITE_TOL)


def test_float32_inputs_warn():
    x = fastgrad.randn(3, requires_grad=True)
    with pytest.warns(UserWarning, match="not a double precision"):
        gradcheck(lambda x: x * 2.0, (x,), raise_exception=False)


def test_float32_is_too_coarse_for_the_default_eps():
    x = fastgrad.tensor([0.5, 1.5, 2.5], requires_grad=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        assert gradcheck(lambda x: x.exp(), (x,), raise_exception=False) is False


def test_refuses_when_nothing_requires_grad():
    with pytest.raises(ValueError, match="at least one input tensor to require gradient"):
        gradcheck(lambda x: x * 2, (x64(3, requires_grad=False),))


def test_refuses_overlapping_inputs():
    x = x64(3, 1).expand(3, 4)
    with pytest.raises(RuntimeError, match="stride 0"):
        gradcheck(lambda x: x * 2, (x,))


def test_non_contiguous_input():
    base = x64(4, 3)
    x = base.detach().t().requires_grad_()  # a transposed leaf
    assert not x.is_contiguous()
    assert gradcheck(lambda x: (x * x).sum(1), (x,), **SUITE_TOL)


def test_gradient_with_wrong_shape_is_reported():
    class WrongShape(Function):
        @staticmethod
        def forward(ctx, x):
            return x.sum()

        @staticmethod
        def backward(ctx, g):
            return g.expand(4)
    with pytest.raises(Exception):
        gradcheck(WrongShape.apply, (x64(3),))


def test_non_differentiable_path_is_caught():
    # a forward that detaches part of the computation: the analytical gradient misses that part
    with pytest.raises(GradcheckError, match="analytical: 0.0"):
        gradcheck(lambda x: x.detach().exp(), (x64(3),))
    with pytest.raises(GradcheckError, match="Jacobian mismatch for input 0"):
        gradcheck(lambda x: x.detach() * x, (x64(3),))


def test_nondeterministic_backward_is_caught():
    calls = {"n": 0}

    class Flaky(Function):
        @staticmethod
        def forward(ctx, x):
            return x * 1.0

        @staticmethod
        def backward(ctx, g):
            calls["n"] += 1
            return g * (1.0 + 1e-9 * calls["n"])
    with pytest.raises(GradcheckError, match="not reentrant"):
        gradcheck(Flaky.apply, (x64(3),), **SUITE_TOL)
    assert gradcheck(Flaky.apply, (x64(3),), nondet_tol=1e-6, **SUITE_TOL)


def test_gradgradcheck_passes_and_catches_a_bad_second_derivative():
    assert gradgradcheck(lambda x, y: (x * y).sin(), (x64(2, 3), x64(2, 3, seed=1)), **SUITE_TOL)

    class FirstOrderOnly(Function):
        # correct first derivative, but computed from a detached input: no second derivative
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x.sin()

        @staticmethod
        def backward(ctx, g):
            (x,) = ctx.saved_tensors
            return g * x.detach().cos()
    assert gradcheck(FirstOrderOnly.apply, (x64(3),), **SUITE_TOL)
    with pytest.raises(GradcheckError):
        gradgradcheck(FirstOrderOnly.apply, (x64(3),), **SUITE_TOL)
    assert gradgradcheck(FirstOrderOnly.apply, (x64(3),), raise_exception=False, **SUITE_TOL) is False


def test_gradgradcheck_with_given_grad_outputs():
    g = fastgrad.tensor([0.5, -1.0, 2.0], dtype=fastgrad.float64, requires_grad=True)
    assert gradgradcheck(lambda x: x.exp() * x, (x64(3),), (g,), **SUITE_TOL)
    assert gradgradcheck(lambda x: x.tanh(), (x64(3),), gen_non_contig_grad_outputs=True, **SUITE_TOL)


def test_agrees_with_torch_gradcheck_on_the_same_functions():
    torch = pytest.importorskip("torch")
    xs = np.random.default_rng(0).standard_normal((3, 4))
    for fn in (lambda ns, x: (x.sin() * x).sum(1), lambda ns, x: ns.softmax(x * 3, 1),
               lambda ns, x: ns.logsumexp(x, 0)):
        assert torch.autograd.gradcheck(lambda x: fn(torch, x), (torch.tensor(xs, requires_grad=True),))
        assert gradcheck(lambda x: fn(fastgrad, x), (fastgrad.tensor(xs, requires_grad=True),), **SUITE_TOL)


def test_exported_like_torch():
    assert fastgrad.autograd.gradcheck is gradcheck
    assert fastgrad.autograd.gradgradcheck is gradgradcheck
    assert issubclass(GradcheckError, RuntimeError)
    assert not math.isnan(1.0)


def test_check_undefined_grad_catches_a_backward_that_is_not_zero_for_a_zero_cotangent():
    class Odd(fastgrad.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2

        @staticmethod
        def backward(ctx, g):
            return g * 2 + (g.abs().sum() == 0).to(g.dtype)  # right unless the whole cotangent is zero

    x = fastgrad.tensor([0.5, -1.0], dtype=fastgrad.float64, requires_grad=True)
    assert fastgrad.autograd.gradcheck(Odd.apply, (x,), check_undefined_grad=False)
    with pytest.raises(GradcheckError, match="undefined output grads"):
        fastgrad.autograd.gradcheck(Odd.apply, (x,))
