"""In-place update helpers shared by the optimizers, written with the core's in-place ops."""
import fastgrad as _fg


def fused_kernel(name):
    """The core's fused multi-tensor step `name` (e.g. _sgd_step), or None where the core lacks it."""
    return getattr(getattr(_fg, "_C", None), name, None)


def all_contiguous(*tensor_lists):
    # The fused kernels take contiguous tensors only; anything else uses the per-op path.
    return all(t is None or t.is_contiguous() for ts in tensor_lists for t in ts)


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
