"""Losses whose composite form would have the wrong gradient, as custom autograd Functions."""
import fastgrad as _fg

# torch's BCE backward guards with `float EPSILON = 1e-12`, i.e. 1e-12 rounded to float32.
_BCE_EPSILON = 9.999999960041972e-13


def _clamped_logs(p):
    return _fg.clamp(_fg.log(p), min=-100.0), _fg.clamp(_fg.log(1 - p), min=-100.0)


class BinaryCrossEntropy(_fg.autograd.Function):
    """Elementwise -w * (t log p + (1 - t) log(1 - p)), logs clamped at -100 as torch does.

    Differentiating the clamped composite gives 0/0 = NaN at p = 0 or 1; torch's backward formula,
    w * (p - t) / max(p (1 - p), 1e-12f), stays finite there, so it is used instead.
    """

    @staticmethod
    def forward(ctx, input, target, weight):
        # torch's check (NaN fails it too): probabilities outside [0, 1] are a caller's bug, not a loss
        if input.numel() and not (float(input.amin()) >= 0.0 and float(input.amax()) <= 1.0):
            raise RuntimeError("all elements of input should be between 0 and 1")
        log_p, log_1mp = _clamped_logs(input)
        loss = -(target * log_p + (1 - target) * log_1mp)
        if weight is not None:
            loss = loss * weight
        ctx.save_for_backward(input, target, weight)
        return loss

    @staticmethod
    def backward(ctx, grad):
        input, target, weight = ctx.saved_tensors
        g_input = g_target = None
        if ctx.needs_input_grad[0]:
            g_input = grad * (input - target) / _fg.clamp(input * (1 - input), min=_BCE_EPSILON)
            if weight is not None:
                g_input = g_input * weight
        if ctx.needs_input_grad[1]:
            log_p, log_1mp = _clamped_logs(input)
            g_target = grad * (log_1mp - log_p)
            if weight is not None:
                g_target = g_target * weight
        return g_input, g_target, None
