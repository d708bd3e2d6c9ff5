"""Bad inputs raise the exception class torch raises, with a message naming the shapes, dims or dtypes
involved; never a crash. Each case runs in both libraries."""
import numpy as np
import pytest

import fastgrad

torch = pytest.importorskip("torch")


def _cases():
    # name: (fn(lib), substrings every fastgrad message must contain)
    return {
        "add_shape": (lambda T: T.ones(2, 3) + T.ones(4), ["3", "4"]),
        "mul_shape": (lambda T: T.ones(2, 3) * T.ones(3, 2), ["3", "2"]),
        "where_shape": (lambda T: T.where(T.ones(3) > 0, T.ones(2), T.ones(3)), ["3", "2"]),
        "maximum_shape": (lambda T: T.maximum(T.ones(2, 3), T.ones(2)), ["3", "2"]),
        "matmul_inner": (lambda T: T.ones(2, 3) @ T.ones(4, 5), ["2x3", "4x5"]),
        "mm_inner": (lambda T: T.mm(T.ones(2, 3), T.ones(2, 3)), ["2x3"]),
        "mm_1d": (lambda T: T.mm(T.ones(3), T.ones(3, 2)), ["matrix"]),
        "matmul_0d": (lambda T: T.matmul(T.tensor(1.0), T.ones(2)), ["1D", "0D"]),
        "matmul_batch": (lambda T: T.ones(2, 2, 3) @ T.ones(3, 3, 4), ["2", "3"]),
        "matmul_vec": (lambda T: T.ones(3) @ T.ones(4), ["3", "4"]),
        "matmul_dtype": (lambda T: T.ones(2, 2) @ T.ones(2, 2, dtype=T.float64), ["Float", "Double"]),
        "sum_dim": (lambda T: T.ones(2, 3).sum(2), ["range", "2"]),
        "sum_neg_dim": (lambda T: T.ones(2, 3).sum(-3), ["range", "-3"]),
        "mean_int": (lambda T: T.ones(2, dtype=T.int64).mean(), ["int64"]),
        "softmax_dim": (lambda T: T.softmax(T.ones(2, 3), 5), ["range", "5"]),
        "max_dim": (lambda T: T.ones(2).max(1), ["range", "1"]),
        "argmax_dim": (lambda T: T.ones(2, 2).argmax(3), ["range", "3"]),
        "transpose_dim": (lambda T: T.ones(2, 3).transpose(0, 2), ["range", "2"]),
        "permute_len": (lambda T: T.ones(2, 3).permute(0), ["2"]),
        "permute_repeat": (lambda T: T.ones(2, 3).permute(0, 0), ["duplicate"]),
        "unsqueeze_dim": (lambda T: T.ones(2).unsqueeze(3), ["range", "3"]),
        "squeeze_dim": (lambda T: T.ones(2).squeeze(2), ["range", "2"]),
        "flatten_dims": (lambda T: T.ones(2, 3).flatten(1, 0), ["start_dim", "end_dim"]),
        "view_size": (lambda T: T.ones(2, 3).view(4), ["[4]", "6"]),
        "view_two_neg": (lambda T: T.ones(2, 3).view(-1, -1), ["one"]),
        "view_stride": (lambda T: T.ones(2, 3).t().view(6), ["view", "reshape"]),
        "reshape_size": (lambda T: T.ones(2, 3).reshape(5, -1), ["[5, -1]", "6"]),
        "expand_bad": (lambda T: T.ones(2, 3).expand(4, 3), ["2", "4"]),
        "expand_fewer": (lambda T: T.ones(2, 3).expand(3), ["3"]),
        "index_range": (lambda T: T.ones(2, 3)[5], ["5", "0", "2"]),
        "index_range_dim1": (lambda T: T.ones(2, 3)[:, 3], ["3", "1"]),
        "index_neg": (lambda T: T.ones(2, 3)[-3], ["-3", "2"]),
        "index_tensor_range": (lambda T: T.ones(2, 3)[T.tensor([0, 4])], ["4", "2"]),
        "index_too_many": (lambda T: T.ones(2)[0, 0], ["too many indices", "1"]),
        "index_0d": (lambda T: T.tensor(1.0)[0], ["0"]),
        "index_float": (lambda T: T.ones(3)[1.5], ["indices"]),
        "index_float_tensor": (lambda T: T.ones(3)[T.tensor([0.0])], ["indices"]),
        "index_mask_shape": (lambda T: T.ones(2, 3)[T.tensor([True, False, True])], ["3", "2"]),
        "slice_step_zero": (lambda T: T.ones(3)[::0], ["zero"]),
        "slice_neg_step": (lambda T: T.ones(3)[::-1], ["step"]),
        "select_range": (lambda T: T.ones(2, 3).select(1, 7), ["7", "1"]),
        "narrow_range": (lambda T: T.ones(3).narrow(0, 2, 4), ["2", "4"]),
        "cat_shape": (lambda T: T.cat([T.ones(2, 3), T.ones(2, 4)]), ["3", "4"]),
        "cat_dim": (lambda T: T.cat([T.ones(2), T.ones(2)], 1), ["range", "1"]),
        "cat_empty": (lambda T: T.cat([]), ["empty"]),
        "cat_ndim": (lambda T: T.cat([T.ones(2, 3), T.ones(3)]), ["2", "1"]),
        "stack_shape": (lambda T: T.stack([T.ones(2), T.ones(3)]), ["[2]", "[3]"]),
        "stack_empty": (lambda T: T.stack([]), ["stack"]),
        "gather_dim": (lambda T: T.gather(T.ones(2, 3), 2, T.zeros(2, 3, dtype=T.int64)), ["range", "2"]),
        "gather_dtype": (lambda T: T.gather(T.ones(2, 3), 1, T.zeros(2, 3)), ["gather"]),
        "gather_range": (lambda T: T.gather(T.ones(2, 3), 1, T.tensor([[0], [5]])), ["5", "3"]),
        "gather_ndim": (lambda T: T.gather(T.ones(2, 3), 1, T.tensor([0, 1])), ["same number of dimensions"]),
        "tensor_ragged": (lambda T: T.tensor([[1, 2], [3]]), []),
        "tensor_str": (lambda T: T.tensor("abc"), []),
        "tensor_bad_dtype": (lambda T: T.tensor([1.0], dtype="float32"), []),
        "tensor_obj": (lambda T: T.tensor([object()]), []),
        "zeros_neg": (lambda T: T.zeros(2, -1), ["-1"]),
        "zeros_float_size": (lambda T: T.zeros(2.5), []),
        "ones_bad_dtype": (lambda T: T.ones(2, dtype=np.complex64), []),
        "full_neg": (lambda T: T.full((-2,), 1.0), ["-2"]),
        "empty_neg": (lambda T: T.empty(-3), ["-3"]),
        "rand_neg": (lambda T: T.rand(-1), ["-1"]),
        "randint_range": (lambda T: T.randint(5, 2, (3,)), ["5", "2"]),
        "arange_step0": (lambda T: T.arange(0, 5, 0), ["step"]),
        "arange_sign": (lambda T: T.arange(5, 0, 1), []),
        "linspace_neg": (lambda T: T.linspace(0, 1, -1), ["negative"]),
        "eye_neg": (lambda T: T.eye(-1), ["-1"]),
        "item_many": (lambda T: T.ones(2).item(), []),
        "bool_many": (lambda T: bool(T.ones(2)), ["ambiguous"]),
        "float_many": (lambda T: float(T.ones(2)), []),
        "len_0d": (lambda T: len(T.tensor(1.0)), ["0-d"]),
        "iter_0d": (lambda T: iter(T.tensor(1.0)), ["0-d"]),
        "sub_bool": (lambda T: T.ones(2, dtype=T.bool) - T.ones(2, dtype=T.bool), ["Subtraction"]),
        "neg_bool": (lambda T: -T.ones(2, dtype=T.bool), ["Negation"]),
        "pow_int_neg": (lambda T: T.tensor([2]) ** -1, ["negative"]),
        "add_str": (lambda T: T.ones(2) + "a", []),
        "add_none": (lambda T: T.ones(2) + None, []),
        "matmul_scalar": (lambda T: T.ones(2) @ 2, []),
        "inplace_cast": (lambda T: T.ones(2, dtype=T.int64).mul_(1.5), ["Float", "Long"]),
        "inplace_broadcast": (lambda T: T.ones(3).add_(T.ones(2, 3)), ["[3]", "[2, 3]"]),
        "copy_shape": (lambda T: T.ones(3).copy_(T.ones(4)), ["4"]),
        "clamp_none": (lambda T: T.clamp(T.ones(2)), []),
        "where_cond_dtype": (lambda T: T.where(T.ones(2), T.ones(2), T.ones(2)), ["condition"]),
        "var_int": (lambda T: T.ones(2, dtype=T.int64).var(), ["floating"]),
        "exp_bool": (lambda T: T.ones(2).exp(5), []),
        "requires_grad_int": (lambda T: T.ones(2, dtype=T.int64, requires_grad=True), ["floating point"]),
        "tensor_requires_grad_int": (lambda T: T.tensor([1, 2], requires_grad=True), ["floating point"]),
        "backward_nonscalar": (lambda T: (T.ones(2, requires_grad=True) * 2).backward(), ["scalar"]),
        "backward_no_grad": (lambda T: T.ones(2).sum().backward(), ["does not require grad"]),
        "backward_grad_shape": (lambda T: (T.ones(2, requires_grad=True) * 2).backward(T.ones(3)), ["3", "2"]),
        "grad_shape_assign": (lambda T: setattr(T.ones(2, requires_grad=True), "grad", T.ones(3)), []),
        "leaf_inplace": (lambda T: T.ones(2, requires_grad=True).add_(1), ["leaf Variable"]),
        "numpy_requires_grad": (lambda T: T.ones(2, requires_grad=True).numpy(), ["requires grad"]),
        "from_numpy_list": (lambda T: T.from_numpy([1, 2]), []),
        "view_dtype_bad": (lambda T: T.ones(2).view("x"), []),
        "reshape_float": (lambda T: T.ones(4).reshape(2.0, 2), []),
        "logsumexp_dim": (lambda T: T.logsumexp(T.ones(2), 3), ["range", "3"]),
        "std_dim": (lambda T: T.ones(2, 3).std(5), ["range", "5"]),
        "amax_empty": (lambda T: T.ones(0).amax(), []),
        "max_empty": (lambda T: T.ones(0).max(), []),
        "argmax_empty": (lambda T: T.ones(0).argmax(), []),
        "min_dim_empty": (lambda T: T.ones(0, 3).min(0), []),
    }


CASES = _cases()


def _outcome(fn, lib):
    try:
        fn(lib)
    except Exception as e:  # noqa: BLE001 - classifying
        return e
    return None


@pytest.mark.parametrize("name", sorted(CASES))
def test_error_matches_torch(name):
    fn, needles = CASES[name]
    te = _outcome(fn, torch)
    fe = _outcome(fn, fastgrad)
    assert te is not None, f"torch accepts {name}"
    assert fe is not None, f"fastgrad accepted {name}; torch raised {type(te).__name__}: {te}"
    # the same class, or the class torch's would be caught as (torch raises some subclasses, e.g. IndexError)
    assert isinstance(fe, (ValueError, TypeError, IndexError, RuntimeError)), repr(fe)
    assert isinstance(fe, type(te)) or isinstance(te, type(fe)), (
        f"{name}: fastgrad raised {type(fe).__name__}: {fe}\n      torch raised {type(te).__name__}: {te}")
    msg = str(fe)
    for needle in needles:
        assert needle in msg, f"{name}: {needle!r} not in fastgrad's message {msg!r} (torch: {te})"
    assert len(msg) > 5


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
