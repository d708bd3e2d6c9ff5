"""Adafactor: Adam-like steps with a factored second moment (row and column averages for matrices),
torch's _single_tensor_adafactor."""
import numpy as np

import fastgrad as _fg
from .optimizer import Optimizer
from ._ops import lerp_
from ._state import gather_group, scalar_step

_NP_DTYPE = {"float32": np.float32, "float64": np.float64}


def _machine_eps(dtype):
    # torch.finfo(dtype).eps, the default eps1
    return float(np.finfo(_NP_DTYPE[str(dtype).split(".")[-1]]).eps)


def adafactor(params, grads, row_vars, col_vars, variances, state_steps, *, d, lr, beta2_decay, weight_decay, eps1,
              eps2, maximize):
    for i, param in enumerate(params):
        grad = grads[i] if not maximize else -grads[i]
        step_t, row_var, col_var, variance = state_steps[i], row_vars[i], col_vars[i], variances[i]
        eps1_value = _machine_eps(param.dtype) if eps1 is None else eps1
        step_t.add_(1)
        step_float = step_t.item()
        one_minus_beta2_t = step_float ** beta2_decay
        rho_t = min(lr, 1 / (step_float ** 0.5))
        alpha = max(eps2, param.norm(2).item() / (param.numel() ** 0.5)) * rho_t
        if weight_decay != 0:
            param.mul_(1 - lr * weight_decay)
        if grad.dim() > 1:
            # mean of g*g along each of the last two dims, through the norm as torch computes it
            row_mean = _fg.norm(grad, dim=-1, keepdim=True).square().div_(grad.size(-1))
            lerp_(row_var, row_mean, one_minus_beta2_t)
            col_mean = _fg.norm(grad, dim=-2, keepdim=True).square().div_(grad.size(-2))
            lerp_(col_var, col_mean, one_minus_beta2_t)
            var_estimate = row_var @ col_var
            var_estimate.div_(row_var.mean(dim=-2, keepdim=True).clamp_(min=eps1_value))
        else:
            lerp_(variance, grad * grad, one_minus_beta2_t)
            var_estimate = variance.clone()
        update = var_estimate.clamp_(min=eps1_value * eps1_value).rsqrt()
        update.mul_(grad)
        denom = max(1.0, update.norm(2).item() / ((update.numel() ** 0.5) * d))
        param.add_(update, alpha=-alpha / denom)


class Adafactor(Optimizer):
    def __init__(self, params, lr=1e-2, beta2_decay=-0.8, eps=(None, 1e-3), d=1.0, weight_decay=0.0, *,
                 foreach=None, maximize=False):
        if not 0.0 <= lr:
            raise ValueError(f"Learning rate should be >= 0 but is: {lr}")
        if not 0.0 >= beta2_decay:
            raise ValueError(f"beta2_decay should be <= 0 but is: {beta2_decay}")
        if eps[0] is not None and not 0.0 <= eps[0]:
            raise ValueError(f"epsilon1 should be >= 0 but is: {eps[0]}")
        if not 0.0 <= eps[1]:
            raise ValueError(f"epsilon2 should be >= 0 but is: {eps[1]}")
        if not 1.0 <= d:
            raise ValueError(f"Clipping threshold d should be >= 1 but is: {d}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"weight_decay should be >= 0 but is: {weight_decay}")
        defaults = dict(lr=lr, beta2_decay=beta2_decay, eps=eps, d=d, weight_decay=weight_decay, foreach=foreach,
                        maximize=maximize)
        super().__init__(params, defaults)

    @staticmethod
    def _init_state(state, p, group):
        state["step"] = scalar_step()
        if p.grad.dim() > 1:
            # the second moment of a matrix is kept as its row and column means
            row_shape, col_shape = list(p.grad.shape), list(p.grad.shape)
            row_shape[-1] = 1
            col_shape[-2] = 1
            state["row_var"] = p.grad.new_zeros(row_shape)
            state["col_var"] = p.grad.new_zeros(col_shape)
        else:
            state["variance"] = _fg.zeros_like(p.grad)

    def _step_group(self, group):
        params, grads, s = gather_group(self, group, self._init_state, ("row_var", "col_var", "variance", "step"))
        eps1, eps2 = group["eps"]
        adafactor(params, grads, s["row_var"], s["col_var"], s["variance"], s["step"], d=group["d"], lr=group["lr"],
                  beta2_decay=group["beta2_decay"], weight_decay=group["weight_decay"], eps1=eps1, eps2=eps2,
                  maximize=group["maximize"])
