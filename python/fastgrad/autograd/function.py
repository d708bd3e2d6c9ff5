"""Custom differentiable operations written in Python, as torch.autograd.Function:

    class Exp(Function):
        @staticmethod
        def forward(ctx, x):
            y = x.exp()
            ctx.save_for_backward(y)
            return y

        @staticmethod
        def backward(ctx, grad):
            (y,) = ctx.saved_tensors
            return grad * y
"""
from .. import _C
from .._grad_mode import no_grad


class FunctionCtx:
    """The ``ctx`` object a custom `Function` receives: ``save_for_backward(*tensors)`` in forward,
    ``saved_tensors`` in backward, ``needs_input_grad``, ``mark_non_differentiable(*tensors)`` and
    ``set_materialize_grads(value)``, as in torch. ``mark_dirty`` (in-place forward) is not supported and raises.
    """

    def __init__(self):
        self._to_save = ()
        self._saved = None
        self._non_differentiable = ()
        self.needs_input_grad = ()
        self.materialize_grads = True

    def save_for_backward(self, *tensors):
        self._to_save = tensors

    @property
    def saved_tensors(self):
        if self._saved is None:
            return tuple(self._to_save)
        return tuple(None if s is None else s.unpack() for s in self._saved)

    def mark_non_differentiable(self, *tensors):
        self._non_differentiable = tensors

    def set_materialize_grads(self, value):
        self.materialize_grads = bool(value)

    def mark_dirty(self, *tensors):
        raise RuntimeError("fastgrad.autograd.Function does not support in-place forward (mark_dirty)")


def _is_in(t, seq):
    return any(t is s for s in seq)


class Function:
    """Subclass with static forward(ctx, *args) and backward(ctx, *grads); call with .apply(*args)."""

    @staticmethod
    def forward(ctx, *args, **kwargs):
        raise RuntimeError("a fastgrad.autograd.Function subclass must define a static forward(ctx, ...)")

    @staticmethod
    def backward(ctx, *grads):
        raise RuntimeError("a fastgrad.autograd.Function subclass must define a static backward(ctx, ...)")

    @classmethod
    def apply(cls, *args, **kwargs):
        ctx = FunctionCtx()
        ctx.needs_input_grad = tuple(isinstance(a, _C.Tensor) and a.requires_grad for a in args)
        with no_grad():
            result = cls.forward(ctx, *args, **kwargs)
        is_tuple = isinstance(result, tuple)
        outputs = list(result) if is_tuple else [result]
        # An output that is one of the inputs becomes a new alias, so the input's own history stays.
        outputs = [_C.Tensor(o) if isinstance(o, _C.Tensor) and _is_in(o, args) else o for o in outputs]

        if _C.is_grad_enabled() and any(ctx.needs_input_grad):
            diff = [i for i, o in enumerate(outputs)
                    if isinstance(o, _C.Tensor) and o.dtype.is_floating_point and not _is_in(o, ctx._non_differentiable)]
            n_out = len(outputs)
            out_meta = [(o.shape, o.dtype) if isinstance(o, _C.Tensor) else None for o in outputs]

            def run_backward(*grads):
                full = [None] * n_out
                for pos, g in zip(diff, grads):
                    full[pos] = g
                if ctx.materialize_grads:
                    from .. import zeros
                    full = [zeros(m[0], dtype=m[1]) if g is None and m is not None else g for g, m in zip(full, out_meta)]
                r = cls.backward(ctx, *full)
                r = r if isinstance(r, tuple) else (r,)
                if len(r) != len(args):
                    raise RuntimeError(f"function {cls.__name__}Backward returned an incorrect number of gradients "
                                       f"(expected {len(args)}, got {len(r)})")
                return r

            _C._make_function_node(cls.__name__ + "Backward", list(args), [outputs[i] for i in diff], run_backward)
        ctx._saved = [None if t is None else _C._SavedTensor(t, _is_in(t, outputs)) for t in ctx._to_save]
        ctx._to_save = ()
        return tuple(outputs) if is_tuple else outputs[0]
