"""Adadelta: torch's _single_tensor_adadelta (square_avg and acc_delta running averages)."""
import fastgrad as _fg
from .optimizer import Optimizer
from ._ops import with_weight_decay
from ._state import gather_group, scalar_step
from ._validate import check_eps, check_lr, check_weight_decay


def adadelta(params, grads, square_avgs, acc_deltas, state_steps, *, lr, rho, eps, weight_decay, maximize):
    for param, grad, square_avg, acc_delta, step in zip(params, grads, square_avgs, acc_deltas, state_steps):
        step.add_(1)
        grad = grad if not maximize else -grad
        if weight_decay != 0:
            grad = with_weight_decay(grad, param, weight_decay)
        square_avg.mul_(rho).addcmul_(grad, grad, value=1 - rho)
        std = (square_avg + eps).sqrt_()
        delta = (acc_delta + eps).sqrt_()
        delta.div_(std).mul_(grad)
        acc_delta.mul_(rho).addcmul_(delta, delta, value=1 - rho)
        param.add_(delta, alpha=-lr)


class Adadelta(Optimizer):
    def __init__(self, params, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0, foreach=None, *, capturable=False,
                 maximize=False, differentiable=False):
        check_lr(lr)
        if not 0.0 <= rho <= 1.0:
            raise ValueError(f"Invalid rho value: {rho}")
        check_eps(eps)
        check_weight_decay(weight_decay)
        defaults = dict(lr=lr, rho=rho, eps=eps, weight_decay=weight_decay, maximize=maximize,
                        capturable=capturable, foreach=foreach, differentiable=differentiable)
        super().__init__(params, defaults)

    @staticmethod
    def _init_state(state, p, group):
        state["step"] = scalar_step()
        state["square_avg"] = _fg.zeros_like(p)
        state["acc_delta"] = _fg.zeros_like(p)

    def _step_group(self, group):
        params, grads, s = gather_group(self, group, self._init_state, ("square_avg", "acc_delta", "step"))
        adadelta(params, grads, s["square_avg"], s["acc_delta"], s["step"], lr=group["lr"], rho=group["rho"],
                 eps=group["eps"], weight_decay=group["weight_decay"], maximize=group["maximize"])
