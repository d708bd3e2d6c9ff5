"""Adagrad with lr decay, weight decay and maximize: torch's _single_tensor_adagrad (dense gradients)."""
import fastgrad as _fg
from .optimizer import Optimizer
from ._ops import with_weight_decay


def adagrad(params, grads, state_sums, state_steps, *, lr, weight_decay, lr_decay, eps, maximize):
    for param, grad, state_sum, step_t in zip(params, grads, state_sums, state_steps):
        step_t.add_(1)
        step = step_t.item()
        grad = grad if not maximize else -grad
        if weight_decay != 0:
            grad = with_weight_decay(grad, param, weight_decay)
        clr = lr / (1 + (step - 1) * lr_decay)
        state_sum.addcmul_(grad, grad, value=1)
        std = state_sum.sqrt().add_(eps)
        param.addcdiv_(grad, std, value=-clr)


class Adagrad(Optimizer):
    """Adagrad, with torch's update rule.

    Args:
        params (iterable): the parameters to optimise, or dicts defining parameter groups (each may set its own options).
        lr (float): Default: 1e-2.
        lr_decay (float): Default: 0.
        weight_decay (float): Default: 0.
        initial_accumulator_value (float): Default: 0.
        eps (float): Default: 1e-10.
        maximize (bool): Default: ``False``.

    Examples:
        >>> model = nn.Linear(4, 1)
        >>> opt = fastgrad.optim.Adagrad(model.parameters(), lr=1e-2)
        >>> loss = model(fastgrad.ones(8, 4)).pow(2).mean()
        >>> opt.zero_grad()
        >>> loss.backward()
        >>> opt.step()
    """

    def __init__(self, params, lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10,
                 foreach=None, *, maximize=False, differentiable=False, fused=None):
        if not 0.0 <= lr:
            raise ValueError(f"Invalid learning rate: {lr}")
        if not 0.0 <= lr_decay:
            raise ValueError(f"Invalid lr_decay value: {lr_decay}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if not 0.0 <= initial_accumulator_value:
            raise ValueError(f"Invalid initial_accumulator_value value: {initial_accumulator_value}")
        if not 0.0 <= eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        defaults = dict(lr=lr, lr_decay=lr_decay, eps=eps, weight_decay=weight_decay,
                        initial_accumulator_value=initial_accumulator_value, foreach=foreach,
                        maximize=maximize, differentiable=differentiable, fused=fused)
        super().__init__(params, defaults)
        # Unlike the others, torch creates Adagrad's state eagerly in the constructor.
        for group in self.param_groups:
            for p in group["params"]:
                state = self.state[p]
                state["step"] = _fg.tensor(0.0, dtype=_fg.float32)
                state["sum"] = _fg.full_like(p, initial_accumulator_value)

    def _step_group(self, group):
        params, grads, sums, steps = [], [], [], []
        for p in group["params"]:
            if p.grad is None:
                continue
            params.append(p)
            grads.append(p.grad)
            state = self.state[p]
            sums.append(state["sum"])
            steps.append(state["step"])
        adagrad(params, grads, sums, steps, lr=group["lr"], weight_decay=group["weight_decay"],
                lr_decay=group["lr_decay"], eps=group["eps"], maximize=group["maximize"])
