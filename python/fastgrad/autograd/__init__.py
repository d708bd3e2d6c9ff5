"""fastgrad.autograd: grad, backward, custom Functions and gradient checking, as torch.autograd."""
from .. import _C
from .._grad_mode import no_grad, enable_grad, set_grad_enabled  # noqa: F401
from .function import Function, FunctionCtx  # noqa: F401


def _as_tuple(x):
    if x is None:
        return ()
    if isinstance(x, _C.Tensor):
        return (x,)
    return tuple(x)


def _grad_outputs(outputs, grad_outputs):
    grads = list(_as_tuple(grad_outputs)) if grad_outputs is not None else [None] * len(outputs)
    if len(grads) != len(outputs):
        raise RuntimeError(f"grad requires one gradient per output: got {len(grads)} gradients for {len(outputs)} outputs")
    return grads


def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, inputs=None):
    """Accumulates the gradients of `tensors` into the .grad of the leaves (or of `inputs`)."""
    tensors = _as_tuple(tensors)
    grads = _grad_outputs(tensors, grad_tensors)
    keep = create_graph if retain_graph is None else retain_graph
    if inputs is None:
        _C._run_backward(list(tensors), grads, keep, create_graph, [], False)
        return
    inputs = _as_tuple(inputs)
    results = _C._run_backward(list(tensors), grads, keep, create_graph, list(inputs), True)
    with set_grad_enabled(create_graph):
        for t, g in zip(inputs, results):
            if g is None:
                continue
            t.grad = g if t.grad is None and create_graph else (g.clone() if t.grad is None else t.grad + g)


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, only_inputs=True,
         allow_unused=None, is_grads_batched=False, materialize_grads=False):
    """The gradients of `outputs` with respect to `inputs`, returned instead of accumulated."""
    outputs = _as_tuple(outputs)
    single = isinstance(inputs, _C.Tensor)
    inputs = _as_tuple(inputs)
    if is_grads_batched:
        raise RuntimeError("fastgrad.autograd.grad: is_grads_batched=True is not supported")
    grads = _grad_outputs(outputs, grad_outputs)
    keep = create_graph if retain_graph is None else retain_graph
    allow = bool(allow_unused) or materialize_grads
    results = _C._run_backward(list(outputs), grads, keep, create_graph, list(inputs), allow)
    if materialize_grads:
        from .. import zeros_like
        results = [zeros_like(i) if r is None else r for r, i in zip(results, inputs)]
    return tuple(results)


from .gradcheck import gradcheck, gradgradcheck  # noqa: E402,F401


class _VariableMeta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, _C.Tensor)


class Variable(metaclass=_VariableMeta):
    """torch's pre-0.4 wrapper, now the tensor itself: Variable(t, requires_grad=True) returns a tensor
    sharing t's data, and every tensor is an instance of Variable."""

    def __new__(cls, data, requires_grad=False, volatile=False):
        if not isinstance(data, _C.Tensor):
            raise TypeError(f"Variable data has to be a tensor, but got {type(data).__name__}")
        out = data.detach()
        if requires_grad:
            out.requires_grad_(True)
        return out
