"""Bad inputs raise the exception class torch raises, with a message naming the shapes, dims or dtypes
involved; never a crash. The cases are the error inputs of tests/op_db.py's entries: fastgrad is held to
the class and words written there (no torch needed), and the class is checked against torch itself
when torch is installed."""
import pytest

import fastgrad

from conftest import outcome, require_torch
from op_db import op_db


ERROR_CASES = [pytest.param(op, err, id=f"{op.name}-{err.name}") for op in op_db for err in op.error_inputs]
PYTHON_ERRORS = (ValueError, TypeError, IndexError, RuntimeError)


@pytest.mark.parametrize("op,err", ERROR_CASES)
def test_error_input(op, err):
    """fastgrad raises the class the table gives (torch's, or its parent / child) naming the problem."""
    fe = outcome(err.fn, fastgrad)
    assert isinstance(fe, Exception), f"fastgrad accepted {err.name}; torch raises {err.exc.__name__}"
    assert isinstance(fe, PYTHON_ERRORS), repr(fe)
    assert isinstance(fe, err.exc) or issubclass(err.exc, type(fe)), (
        f"{err.name}: fastgrad raised {type(fe).__name__}: {fe}; torch raises {err.exc.__name__}")
    msg = str(fe)
    for needle in err.needles:
        assert needle in msg, f"{err.name}: {needle!r} not in fastgrad's message {msg!r}"
    assert len(msg) > 5


@pytest.mark.parametrize("op,err", ERROR_CASES)
def test_error_input_class_is_torchs(op, err):
    """The table's class is the one torch raises (so the test above holds fastgrad to torch)."""
    torch = require_torch()
    te = outcome(err.fn, torch)
    assert isinstance(te, Exception), f"torch accepts {err.name}"
    assert type(te) is err.exc, f"{err.name}: torch raises {type(te).__name__}: {te}; the table says {err.exc.__name__}"


def test_messages_name_the_shapes():
    with pytest.raises(RuntimeError) as e:
        fastgrad.ones(2, 3) + fastgrad.ones(4)
    assert "(3)" in str(e.value) and "(4)" in str(e.value) and "dimension 1" in str(e.value)
    with pytest.raises(RuntimeError) as e:
        fastgrad.ones(2, 3) @ fastgrad.ones(4, 5)
    assert "2x3" in str(e.value) and "4x5" in str(e.value)
    with pytest.raises(IndexError) as e:
        fastgrad.ones(2, 3).sum(4)
    assert "[-2, 1]" in str(e.value) and "4" in str(e.value)
    with pytest.raises(RuntimeError) as e:
        fastgrad.ones(2, 3).view(4)
    assert "[4]" in str(e.value) and "6" in str(e.value)


def test_cuda_device_is_refused_clearly():
    # torch's CPU build raises AssertionError("Torch not compiled with CUDA enabled"); fastgrad a RuntimeError
    for fn in (lambda: fastgrad.ones(2).to("cuda"), lambda: fastgrad.ones(2).to(device="cuda:0"),
               lambda: fastgrad.tensor([1.0], device="cuda")):
        with pytest.raises((RuntimeError, ValueError), match="cuda|CPU|cpu"):
            fn()


def test_errors_leave_no_partial_state():
    x = fastgrad.ones(3)
    v = x._version
    with pytest.raises(RuntimeError):
        x.add_(fastgrad.ones(2, 3))
    assert x._version == v and x.tolist() == [1.0, 1.0, 1.0]
    a = fastgrad.ones(2, requires_grad=True)
    with pytest.raises(RuntimeError):
        a.mul_(2)
    assert a.tolist() == [1.0, 1.0] and a.is_leaf


def test_error_inside_backward_is_a_python_exception_and_engine_recovers():
    class Boom(fastgrad.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x * 1

        @staticmethod
        def backward(ctx, g):
            return g[:1]  # wrong shape
    x = fastgrad.ones(3, requires_grad=True)
    with pytest.raises(RuntimeError, match="shape|size"):
        Boom.apply(x).sum().backward()
    (x * 2).sum().backward()
    assert x.grad.tolist() == [2.0, 2.0, 2.0]

    class Bad(fastgrad.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x * 1

        @staticmethod
        def backward(ctx, g):
            return "not a tensor"
    with pytest.raises(TypeError):
        Bad.apply(x).sum().backward()


def test_huge_sizes_raise_not_crash():
    for fn in (lambda: fastgrad.zeros(2**62, 4), lambda: fastgrad.empty(2**40, 2**40), lambda: fastgrad.ones(1).expand(2**62, 2**62).contiguous()):
        with pytest.raises((RuntimeError, ValueError, MemoryError, OverflowError)):
            fn()
