"""Adam (and AdamW's decoupled decay) with amsgrad and maximize: torch's _single_tensor_adam."""
import fastgrad as _fg
from .optimizer import Optimizer
from ._ops import all_contiguous, fused_kernel, lerp_, with_weight_decay

_fused_adam = fused_kernel("_adam_step")


def adam(params, grads, exp_avgs, exp_avg_sqs, max_exp_avg_sqs, state_steps, *, amsgrad, beta1, beta2, lr,
         weight_decay, eps, maximize, decoupled_weight_decay):
    if _fused_adam is not None and all_contiguous(params, grads, exp_avgs, exp_avg_sqs, max_exp_avg_sqs):
        steps = []
        for step_t in state_steps:
            step_t.add_(1)
            steps.append(step_t.item())
        _fused_adam(params, grads, exp_avgs, exp_avg_sqs, max_exp_avg_sqs, steps, lr, beta1, beta2, eps,
                    weight_decay, amsgrad, maximize, decoupled_weight_decay)
        return
    for i, param in enumerate(params):
        grad = grads[i] if not maximize else -grads[i]
        exp_avg = exp_avgs[i]
        exp_avg_sq = exp_avg_sqs[i]
        step_t = state_steps[i]
        step_t.add_(1)
        if weight_decay != 0:
            if decoupled_weight_decay:
                param.mul_(1 - lr * weight_decay)
            else:
                grad = with_weight_decay(grad, param, weight_decay)
        lerp_(exp_avg, grad, 1 - beta1)
        exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)

        step = step_t.item()
        bias_correction1 = 1 - beta1 ** step
        bias_correction2 = 1 - beta2 ** step
        step_size = lr / bias_correction1
        bias_correction2_sqrt = bias_correction2 ** 0.5
        if amsgrad:
            max_exp_avg_sqs[i].copy_(_fg.maximum(max_exp_avg_sqs[i], exp_avg_sq))
            denom = (max_exp_avg_sqs[i].sqrt() / bias_correction2_sqrt).add_(eps)
        else:
            denom = (exp_avg_sq.sqrt() / bias_correction2_sqrt).add_(eps)
        param.addcdiv_(exp_avg, denom, value=-step_size)


class Adam(Optimizer):
    """Adam, with torch's update rule (bias-corrected first and second moments).

    Args:
        params (iterable): the parameters to optimise, or dicts defining parameter groups (each may set its own options).
        lr (float): the learning rate. Default: 1e-3.
        betas (tuple of 2 floats): the moments' decay rates. Default: ``(0.9, 0.999)``.
        eps (float): added to the denominator. Default: 1e-8.
        weight_decay (float): L2 penalty (added to the gradient). Default: 0.
        amsgrad (bool): the AMSGrad variant. Default: ``False``.
        maximize (bool): maximise the objective. Default: ``False``.

    Examples:
        >>> model = nn.Linear(4, 1)
        >>> opt = fastgrad.optim.Adam(model.parameters(), lr=1e-3)
        >>> loss = model(fastgrad.ones(8, 4)).pow(2).mean()
        >>> opt.zero_grad()
        >>> loss.backward()
        >>> opt.step()
    """

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False, *,
                 foreach=None, maximize=False, capturable=False, differentiable=False, fused=None,
                 decoupled_weight_decay=False):
        if not 0.0 <= lr:
            raise ValueError(f"Invalid learning rate: {lr}")
        if not 0.0 <= eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        if not 0.0 <= betas[0] < 1.0:
            raise ValueError(f"Invalid beta parameter at index 0: {betas[0]}")
        if not 0.0 <= betas[1] < 1.0:
            raise ValueError(f"Invalid beta parameter at index 1: {betas[1]}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad,
                        maximize=maximize, foreach=foreach, capturable=capturable,
                        differentiable=differentiable, fused=fused,
                        decoupled_weight_decay=decoupled_weight_decay)
        super().__init__(params, defaults)

    def _step_group(self, group):
        params, grads, exp_avgs, exp_avg_sqs, max_sqs, steps = [], [], [], [], [], []
        for p in group["params"]:
            if p.grad is None:
                continue
            params.append(p)
            grads.append(p.grad)
            state = self.state[p]
            if len(state) == 0:
                # The step counter is a float32 0-d tensor, as torch keeps it on the CPU path.
                state["step"] = _fg.tensor(0.0, dtype=_fg.float32)
                state["exp_avg"] = _fg.zeros_like(p)
                state["exp_avg_sq"] = _fg.zeros_like(p)
                if group["amsgrad"]:
                    state["max_exp_avg_sq"] = _fg.zeros_like(p)
            exp_avgs.append(state["exp_avg"])
            exp_avg_sqs.append(state["exp_avg_sq"])
            if group["amsgrad"]:
                max_sqs.append(state["max_exp_avg_sq"])
            steps.append(state["step"])
        beta1, beta2 = group["betas"]
        adam(params, grads, exp_avgs, exp_avg_sqs, max_sqs, steps, amsgrad=group["amsgrad"], beta1=beta1,
             beta2=beta2, lr=group["lr"], weight_decay=group["weight_decay"], eps=group["eps"],
             maximize=group["maximize"], decoupled_weight_decay=group.get("decoupled_weight_decay", False))
