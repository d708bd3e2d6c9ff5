"""Adamax: Adam with an infinity-norm second moment, torch's _single_tensor_adamax."""
import fastgrad as _fg
from .optimizer import Optimizer
from ._ops import lerp_, with_weight_decay
from ._state import gather_group, scalar_step
from ._validate import check_betas, check_eps, check_lr, check_weight_decay


def adamax(params, grads, exp_avgs, exp_infs, state_steps, *, eps, beta1, beta2, lr, weight_decay, maximize):
    for param, grad, exp_avg, exp_inf, step_t in zip(params, grads, exp_avgs, exp_infs, state_steps):
        grad = grad if not maximize else -grad
        step_t.add_(1)
        if weight_decay != 0:
            grad = with_weight_decay(grad, param, weight_decay)
        lerp_(exp_avg, grad, 1 - beta1)
        exp_inf.mul_(beta2)
        exp_inf.copy_(_fg.maximum(exp_inf, grad.abs().add_(eps)))
        clr = lr / (1 - beta1 ** step_t.item())
        param.addcdiv_(exp_avg, exp_inf, value=-clr)


class Adamax(Optimizer):
    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, foreach=None, *,
                 maximize=False, differentiable=False, capturable=False):
        check_lr(lr)
        check_eps(eps)
        check_betas(betas)
        check_weight_decay(weight_decay)
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, foreach=foreach, maximize=maximize,
                        differentiable=differentiable, capturable=capturable)
        super().__init__(params, defaults)

    @staticmethod
    def _init_state(state, p, group):
        state["step"] = scalar_step()
        state["exp_avg"] = _fg.zeros_like(p)
        state["exp_inf"] = _fg.zeros_like(p)

    def _step_group(self, group):
        params, grads, s = gather_group(self, group, self._init_state, ("exp_avg", "exp_inf", "step"))
        beta1, beta2 = group["betas"]
        adamax(params, grads, s["exp_avg"], s["exp_inf"], s["step"], eps=group["eps"], beta1=beta1, beta2=beta2,
               lr=group["lr"], weight_decay=group["weight_decay"], maximize=group["maximize"])
