"""In-place update helpers shared by the optimizers, written with the core's in-place ops."""
import fastgrad as _fg


def fused_kernel(name):
    """The core's fused multi-tensor step `name` (e.g. _sgd_step). Callers check for None: the tests set it
    to None to run the per-op path against torch."""
    return getattr(_fg._C, name)


def all_contiguous(*tensor_lists):
    # The fused kernels take contiguous float32 / float64 tensors only; anything else (float16 and bfloat16
    # parameters too) uses the per-op path.
    return all(t is None or (t.is_contiguous() and t.dtype in (_fg.float32, _fg.float64))
               for ts in tensor_lists for t in ts)


def lerp_(t, end, weight):
    """t <- lerp(t, end, weight): the core's lerp_, with torch's two formulas, so rounding follows torch's kernel."""
    return t.lerp_(end, weight)


def with_weight_decay(grad, param, weight_decay):
    # torch: grad.add(param, alpha=weight_decay), a new tensor; p.grad itself stays untouched.
    return grad + param * weight_decay
