"""Rprop: per-element step sizes grown or shrunk by the sign of successive gradients, torch's
_single_tensor_rprop."""
import fastgrad as _fg
from .optimizer import Optimizer
from ._state import gather_group, scalar_step
from ._validate import check_lr


def rprop(params, grads, prevs, step_sizes, state_steps, *, step_size_min, step_size_max, etaminus, etaplus,
          maximize):
    for param, grad, prev, step_size, step in zip(params, grads, prevs, step_sizes, state_steps):
        grad = grad if not maximize else -grad
        step.add_(1)
        agreement = grad.mul(prev).sign()
        flipped = agreement < 0  # the gradient changed sign: shrink the step and skip this element
        # built from a tensor of the parameter's dtype, so the etas keep float64 precision for float64 params
        factor = _fg.where(agreement > 0, etaplus, _fg.where(flipped, etaminus, _fg.ones_like(agreement)))
        step_size.mul_(factor).clamp_(step_size_min, step_size_max)
        grad = _fg.where(flipped, 0.0, grad)
        param.addcmul_(grad.sign(), step_size, value=-1)
        prev.copy_(grad)


class Rprop(Optimizer):
    def __init__(self, params, lr=1e-2, etas=(0.5, 1.2), step_sizes=(1e-6, 50), *, capturable=False, foreach=None,
                 maximize=False, differentiable=False):
        check_lr(lr)
        if not 0.0 < etas[0] < 1.0 < etas[1]:
            raise ValueError(f"Invalid eta values: {etas[0]}, {etas[1]}")
        defaults = dict(lr=lr, etas=etas, step_sizes=step_sizes, foreach=foreach, maximize=maximize,
                        differentiable=differentiable, capturable=capturable)
        super().__init__(params, defaults)

    @staticmethod
    def _init_state(state, p, group):
        state["step"] = scalar_step()
        state["prev"] = _fg.zeros_like(p)
        state["step_size"] = _fg.full_like(p.grad, group["lr"])

    def _step_group(self, group):
        params, grads, s = gather_group(self, group, self._init_state, ("prev", "step_size", "step"))
        etaminus, etaplus = group["etas"]
        step_size_min, step_size_max = group["step_sizes"]
        rprop(params, grads, s["prev"], s["step_size"], s["step"], step_size_min=step_size_min,
              step_size_max=step_size_max, etaminus=etaminus, etaplus=etaplus, maximize=group["maximize"])
