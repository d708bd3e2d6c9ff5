"""Numerical gradient checking, as torch.autograd.gradcheck / gradgradcheck.

gradcheck compares the analytic vector-Jacobian products that backward computes with central finite
differences of the function itself:

    numerical   J[:, k] = (f(x + eps e_k) - f(x - eps e_k)) / (2 eps)      for every input element k
    analytical  v^T J   = autograd.grad(f(x), x, grad_outputs=v)

for a random Gaussian cotangent v over all outputs at once, and, while the outputs are small (at most
`full_jacobian_max` elements), for every one-hot cotangent too, which is the full Jacobian row by row
and names the output element a wrong gradient belongs to. Each comparison is torch's allclose,
|analytical - numerical| <= atol + rtol * |numerical|, element by element over every input that
requires grad; the first failure is reported with the input's index, the element's multi-index and
both values.

Checks are meant for float64 inputs: the truncation error of a central difference is O(eps^2) and
its rounding error O(ulp / eps), about 1e-10 relative in float64 but 1e-1 in float32. As torch does,
float32 inputs that require grad give a UserWarning (the check then usually fails for rounding alone).
"""
import itertools
import warnings

import numpy as np

from .. import _C
from .._types import float64

__all__ = ["gradcheck", "gradgradcheck", "GradcheckError"]


class GradcheckError(RuntimeError):
    """Raised by gradcheck / gradgradcheck when raise_exception=True and a check fails."""


def _is_tensor(x):
    return isinstance(x, _C.Tensor)


def _as_tuple(x):
    if isinstance(x, tuple):
        return x
    if isinstance(x, list):
        return tuple(x)
    return (x,)


def _is_float(t):
    return t.dtype.is_floating_point


def _differentiable_outputs(outputs):
    return [i for i, o in enumerate(outputs) if _is_tensor(o) and _is_float(o)]


def _check_inputs(inputs, what):
    diff = [i for i, x in enumerate(inputs) if _is_tensor(x) and x.requires_grad]
    if not diff:
        raise ValueError(f"{what} expects at least one input tensor to require gradient, "
                         "but none of the them have requires_grad=True.")
    for i in diff:
        x = inputs[i]
        if not _is_float(x):
            raise ValueError(f"{what}: input {i} requires grad but has dtype {x.dtype}; only floating point "
                             "inputs can be checked")
        if x.dtype != float64:
            warnings.warn(f"Input #{i} requires gradient and is not a double precision floating point. "
                          f"This check will likely fail if all the inputs are not of double precision floating "
                          f"point (got {x.dtype}).", UserWarning, stacklevel=3)
        # A stride-0 dim (an expanded input) would make one memory element stand for several, so the
        # finite difference of one element would perturb them all.
        if x.numel() > 1 and any(st == 0 and sz > 1 for st, sz in zip(x.stride(), x.shape)):
            raise RuntimeError(f"The {i}th input has a dimension with stride 0. {what} only supports inputs that "
                               "are non-overlapping to be able to compute the numerical gradients correctly. You "
                               "should call .contiguous on the input before passing it to gradcheck.")
    return diff


def _flat_outputs(func, inputs):
    out = _as_tuple(func(*inputs))
    return out


def _numpy_view(t):
    """A writable numpy view of t's memory (strides kept), for perturbing elements in place."""
    return t.detach().numpy()


def _numerical_jacobians(func, inputs, diff, out_idx, out_shapes, eps):
    """For every differentiable input i, an array J[i] of shape (numel(out_total), numel(x_i)) by
    central differences; outputs are flattened and concatenated in order."""
    from .. import no_grad

    def evaluate():
        with no_grad():
            outs = _as_tuple(func(*inputs))
        parts = []
        for j, shape in zip(out_idx, out_shapes):
            o = outs[j]
            if tuple(o.shape) != shape:
                raise GradcheckError(f"output {j} changed shape from {shape} to {tuple(o.shape)} under a "
                                     "perturbation of an input")
            parts.append(np.asarray(o.detach().numpy(), dtype=np.float64).reshape(-1))
        return np.concatenate(parts) if parts else np.zeros(0)

    n_out = sum(int(np.prod(s, dtype=np.int64)) for s in out_shapes)
    jacs = {}
    for i in diff:
        x = inputs[i]
        a = _numpy_view(x)
        jac = np.zeros((n_out, max(x.numel(), 0)), dtype=np.float64)
        for k, idx in enumerate(itertools.product(*[range(s) for s in a.shape])):
            orig = float(a[idx])
            a[idx] = orig + eps
            plus = evaluate()
            a[idx] = orig - eps
            minus = evaluate()
            a[idx] = orig
            jac[:, k] = (plus - minus) / (2.0 * eps)
        jacs[i] = jac
    return jacs


def _analytical_vjp(outputs, out_idx, inputs, diff, cotangent_parts, what):
    from . import grad
    outs = [outputs[j] for j in out_idx]
    live = [(o, c) for o, c in zip(outs, cotangent_parts) if o.requires_grad]
    results = {}
    if live:
        grads = grad([o for o, _ in live], [inputs[i] for i in diff], grad_outputs=[c for _, c in live],
                     retain_graph=True, allow_unused=True)
    else:
        grads = [None] * len(diff)
    for i, g in zip(diff, grads):
        x = inputs[i]
        if g is None:
            results[i] = np.zeros(x.numel(), dtype=np.float64)
            continue
        if tuple(g.shape) != tuple(x.shape):
            raise GradcheckError(f"{what}: the gradient for input {i} has shape {tuple(g.shape)}, "
                                 f"expected {tuple(x.shape)}")
        if g.dtype != x.dtype:
            raise GradcheckError(f"{what}: the gradient for input {i} has dtype {g.dtype}, expected {x.dtype}")
        results[i] = np.asarray(g.detach().numpy(), dtype=np.float64).reshape(-1)
    return results


def _fmt_index(shape, k):
    if not shape:
        return "()"
    return str(tuple(int(v) for v in np.unravel_index(k, shape)))


def _fail(msg, raise_exception):
    if raise_exception:
        raise GradcheckError(msg)
    return False


def gradcheck(func, inputs, eps=1e-6, atol=1e-5, rtol=1e-3, raise_exception=True, nondet_tol=0.0,
              check_undefined_grad=True, check_grad_dtypes=False, check_batched_grad=False,
              check_batched_forward_grad=False, check_forward_ad=False, check_backward_ad=True,
              fast_mode=False, masked=None, *, full_jacobian_max=32, seed=0):
    """Checks the gradients of `func` at `inputs` against central finite differences.

    func: called as func(*inputs); returns a tensor or a tuple of them (non-float outputs are ignored).
    inputs: a tensor or a tuple; every tensor with requires_grad=True is checked (use float64).
    Returns True when all gradients match; otherwise raises GradcheckError, or returns False with
    raise_exception=False. The error message names the input, the element and both values.

    fast_mode=True compares only random-cotangent products (one backward), never the full Jacobian.
    check_undefined_grad: a zero cotangent must give zero gradients. The gradients' dtypes and shapes are
    always checked against the inputs' (check_grad_dtypes=False does not turn that off).
    check_forward_ad / check_batched_grad are accepted for torch compatibility; fastgrad has no forward
    mode AD, so asking for them raises.
    """
    if check_forward_ad or check_batched_grad or check_batched_forward_grad:
        raise NotImplementedError("fastgrad.autograd.gradcheck: forward-mode and batched gradient checks are "
                                  "not supported (fastgrad has reverse mode only)")
    if masked:
        raise NotImplementedError("fastgrad.autograd.gradcheck(masked=True): masked (sparse) semantics are not "
                                  "supported; fastgrad's sparse tensors keep their gradients at their non-zeros")
    inputs = _as_tuple(inputs)
    diff = _check_inputs(inputs, "gradcheck")
    if not check_backward_ad:
        return True
    from .. import enable_grad
    with enable_grad():
        outputs = _flat_outputs(func, inputs)
    out_idx = _differentiable_outputs(outputs)
    out_shapes = [tuple(outputs[j].shape) for j in out_idx]
    out_sizes = [int(np.prod(s, dtype=np.int64)) for s in out_shapes]
    n_out = sum(out_sizes)

    jacs = _numerical_jacobians(func, inputs, diff, out_idx, out_shapes, eps)

    rng = np.random.default_rng(seed)
    # cotangents: (label, flat vector over all outputs)
    # one-hot cotangents first (the full Jacobian, row by row: a failure names the output element too),
    # then the random one, which covers every output at once whatever their size
    random_v = rng.standard_normal(n_out)
    cotangents = []
    if not fast_mode and n_out <= full_jacobian_max:
        for k in range(n_out):
            e = np.zeros(n_out)
            e[k] = 1.0
            j, off = 0, k
            while off >= out_sizes[j]:
                off -= out_sizes[j]
                j += 1
            cotangents.append((f"for output {out_idx[j]} element {_fmt_index(out_shapes[j], off)}", e))
    cotangents.append(("with a random cotangent", random_v))

    def split(v):
        parts, off = [], 0
        for j, shape, size in zip(out_idx, out_shapes, out_sizes):
            dt = outputs[j].dtype
            arr = np.array(v[off:off + size].reshape(shape), dtype=np.float64, order="C")
            parts.append(_C.from_numpy(arr).to(dt))
            off += size
        return parts

    for label, v in cotangents:
        parts = split(v)
        analytic = _analytical_vjp(outputs, out_idx, inputs, diff, parts, "gradcheck")
        for i in diff:
            numeric = v @ jacs[i] if n_out else np.zeros(inputs[i].numel())
            a = analytic[i]
            bad = np.abs(a - numeric) > atol + rtol * np.abs(numeric)
            bad |= np.isnan(a) != np.isnan(numeric)
            if bad.any():
                k = int(np.flatnonzero(bad)[0])
                shape = tuple(inputs[i].shape)
                n_bad = int(bad.sum())
                return _fail(
                    f"Jacobian mismatch for input {i} at element {_fmt_index(shape, k)}, {label}:\n"
                    f"numerical: {float(numeric[k])!r}\nanalytical: {float(a[k])!r}\n"
                    f"difference {abs(a[k] - numeric[k]):.3e} > atol {atol} + rtol {rtol} * |numerical|; "
                    f"{n_bad} of {a.size} elements of input {i} differ", raise_exception)
        if label == "with a random cotangent":
            # backward must be deterministic: a second run gives the same vjp (to nondet_tol)
            again = _analytical_vjp(outputs, out_idx, inputs, diff, parts, "gradcheck")
            for i in diff:
                d = np.abs(again[i] - analytic[i])
                if (d > nondet_tol).any():
                    k = int(np.argmax(d))
                    return _fail(f"Backward is not reentrant, i.e., running backward with the same input and "
                                 f"grad_output multiple times gives different values (input {i} element "
                                 f"{_fmt_index(tuple(inputs[i].shape), k)}: {float(analytic[i][k])!r} vs "
                                 f"{float(again[i][k])!r}), although analytical gradient matches numerical gradient. "
                                 f"The tolerance for nondeterminism was {nondet_tol}.", raise_exception)
    if check_undefined_grad and n_out:
        # outputs without a gradient count as zeros: backward must then give zero gradients
        zero = _analytical_vjp(outputs, out_idx, inputs, diff, split(np.zeros(n_out)), "gradcheck")
        for i in diff:
            if np.any(zero[i] != 0):
                k = int(np.flatnonzero(zero[i])[0])
                return _fail(f"Expected backward function to handle undefined output grads as zeros: a zero "
                             f"cotangent gives {float(zero[i][k])!r} for input {i} element "
                             f"{_fmt_index(tuple(inputs[i].shape), k)}", raise_exception)
    return True


def gradgradcheck(func, inputs, grad_outputs=None, eps=1e-6, atol=1e-5, rtol=1e-3,
                  gen_non_contig_grad_outputs=False, raise_exception=True, nondet_tol=0.0,
                  check_undefined_grad=True, check_grad_dtypes=False, check_batched_grad=False,
                  check_fwd_over_rev=False, check_rev_over_rev=True, fast_mode=False, masked=False, *,
                  full_jacobian_max=32, seed=0):
    """Checks second derivatives: gradcheck of (inputs, grad_outputs) -> autograd.grad(func(inputs),
    inputs, grad_outputs, create_graph=True). grad_outputs default to random float64 tensors shaped like
    the differentiable outputs (requiring grad, so the check covers them too)."""
    from .. import enable_grad
    from . import grad
    if masked:
        raise NotImplementedError("fastgrad.autograd.gradgradcheck(masked=True): masked (sparse) semantics are not "
                                  "supported")
    inputs = _as_tuple(inputs)
    diff = _check_inputs(inputs, "gradgradcheck")
    if not check_rev_over_rev:
        return True
    with enable_grad():
        outputs = _as_tuple(func(*inputs))
    out_idx = [j for j in _differentiable_outputs(outputs) if outputs[j].requires_grad]
    if grad_outputs is None:
        rng = np.random.default_rng(seed + 1)
        grad_outputs = []
        for j in out_idx:
            o = outputs[j]
            arr = rng.standard_normal(tuple(o.shape))
            if gen_non_contig_grad_outputs and o.dim() >= 1:
                arr = np.repeat(arr[..., None], 2, axis=-1)[..., 0]  # a strided (non-contiguous) view
            g = _C.from_numpy(np.asarray(arr, dtype=np.float64)).to(o.dtype)
            g.requires_grad_(True)
            grad_outputs.append(g)
    grad_outputs = list(_as_tuple(grad_outputs))
    if len(grad_outputs) != len(out_idx):
        raise ValueError(f"gradgradcheck: expected {len(out_idx)} grad_outputs (one per differentiable output), "
                         f"got {len(grad_outputs)}")
    n_in = len(inputs)

    def first_derivative(*args):
        xs, gs = args[:n_in], args[n_in:]
        with enable_grad():
            outs = _as_tuple(func(*xs))
            outs = [outs[j] for j in out_idx]
            grads = grad(outs, [xs[i] for i in diff], grad_outputs=list(gs), create_graph=True, allow_unused=True)
        return tuple(g for g in grads if g is not None)

    return gradcheck(first_derivative, tuple(inputs) + tuple(grad_outputs), eps=eps, atol=atol, rtol=rtol,
                     raise_exception=raise_exception, nondet_tol=nondet_tol, fast_mode=fast_mode,
                     full_jacobian_max=full_jacobian_max, seed=seed)
