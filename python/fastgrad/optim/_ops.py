"""In-place update helpers shared by the optimizers, written with the core's in-place ops."""


def lerp_(t, end, weight):
    """t <- lerp(t, end, weight) with torch's two formulas, so rounding follows torch's kernel."""
    native = getattr(t, "lerp_", None)
    if native is not None:
        return native(end, weight)
    if weight < 0.5:
        t.add_(end - t, alpha=weight)
    else:
        diff = end - t
        t.copy_(end).add_(diff, alpha=-(1.0 - weight))
    return t


def with_weight_decay(grad, param, weight_decay):
    # torch: grad.add(param, alpha=weight_decay), a new tensor; p.grad itself stays untouched.
    return grad + param * weight_decay
