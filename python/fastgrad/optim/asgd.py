"""ASGD: averaged SGD with a decaying step size, torch's _single_tensor_asgd."""
import fastgrad as _fg
from .optimizer import Optimizer
from ._ops import with_weight_decay
from ._state import gather_group, scalar_step
from ._validate import check_lr, check_weight_decay


def asgd(params, grads, axs, mus, etas, state_steps, *, lambd, lr, t0, alpha, weight_decay, maximize):
    for param, grad, ax, mu, eta, step_t in zip(params, grads, axs, mus, etas, state_steps):
        grad = grad if not maximize else -grad
        step_t.add_(1)
        if weight_decay != 0:
            grad = with_weight_decay(grad, param, weight_decay)
        eta_value = eta.item()
        param.mul_(1 - lambd * eta_value)
        param.add_(grad, alpha=-eta_value)
        # averaging: ax tracks the running mean of the iterates once step > t0
        if mu.item() != 1:
            ax.add_(param.sub(ax).mul_(mu))
        else:
            ax.copy_(param)
        step = step_t.item()
        # eta and mu are float32 0-d tensors, as torch's, so their rounding matches
        eta.fill_(lr / ((1 + lambd * lr * step) ** alpha))
        mu.fill_(1 / max(1, step - t0))


class ASGD(Optimizer):
    def __init__(self, params, lr=1e-2, lambd=1e-4, alpha=0.75, t0=1e6, weight_decay=0, foreach=None,
                 maximize=False, differentiable=False, capturable=False):
        check_lr(lr)
        check_weight_decay(weight_decay)
        defaults = dict(lr=lr, lambd=lambd, alpha=alpha, t0=t0, weight_decay=weight_decay, foreach=foreach,
                        maximize=maximize, differentiable=differentiable, capturable=capturable)
        super().__init__(params, defaults)

    @staticmethod
    def _init_state(state, p, group):
        state["step"] = scalar_step()
        state["eta"] = _fg.tensor(group["lr"], dtype=_fg.float32)
        state["mu"] = _fg.tensor(1.0, dtype=_fg.float32)
        state["ax"] = _fg.zeros_like(p)

    def _step_group(self, group):
        params, grads, s = gather_group(self, group, self._init_state, ("ax", "mu", "eta", "step"))
        asgd(params, grads, s["ax"], s["mu"], s["eta"], s["step"], lambd=group["lambd"], lr=group["lr"],
             t0=group["t0"], alpha=group["alpha"], weight_decay=group["weight_decay"], maximize=group["maximize"])
