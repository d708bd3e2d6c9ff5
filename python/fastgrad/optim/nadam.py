"""NAdam: Adam with Nesterov momentum and a momentum-decay schedule, torch's _single_tensor_nadam."""
import fastgrad as _fg
from .optimizer import Optimizer
from ._ops import lerp_, with_weight_decay
from ._state import gather_group, scalar_step
from ._validate import check_betas, check_eps, check_lr, check_weight_decay


def nadam(params, grads, exp_avgs, exp_avg_sqs, mu_products, state_steps, *, beta1, beta2, lr, weight_decay,
          momentum_decay, eps, decoupled_weight_decay, maximize):
    for i, param in enumerate(params):
        grad = grads[i] if not maximize else -grads[i]
        exp_avg, exp_avg_sq, mu_product, step_t = exp_avgs[i], exp_avg_sqs[i], mu_products[i], state_steps[i]
        step_t.add_(1)
        step = step_t.item()
        bias_correction2 = 1 - beta2 ** step
        if weight_decay != 0:
            if decoupled_weight_decay:
                param.mul_(1 - lr * weight_decay)
            else:
                grad = with_weight_decay(grad, param, weight_decay)
        mu = beta1 * (1.0 - 0.5 * (0.96 ** (step * momentum_decay)))
        mu_next = beta1 * (1.0 - 0.5 * (0.96 ** ((step + 1) * momentum_decay)))
        # mu_product is a float32 tensor, as torch's: its rounding is part of the trajectory
        mu_product.mul_(mu)
        lerp_(exp_avg, grad, 1 - beta1)
        exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
        denom = exp_avg_sq.div(bias_correction2).sqrt()
        mu_product_value = mu_product.item()
        mu_product_next = mu_product_value * mu_next
        denom.add_(eps)
        param.addcdiv_(grad, denom, value=(-lr * (1.0 - mu) / (1.0 - mu_product_value)))
        param.addcdiv_(exp_avg, denom, value=(-lr * mu_next) / (1.0 - mu_product_next))


class NAdam(Optimizer):
    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, momentum_decay=4e-3,
                 decoupled_weight_decay=False, *, foreach=None, maximize=False, capturable=False,
                 differentiable=False):
        check_lr(lr)
        check_eps(eps)
        check_betas(betas)
        check_weight_decay(weight_decay)
        if not 0.0 <= momentum_decay:
            raise ValueError(f"Invalid momentum_decay value: {momentum_decay}")
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, momentum_decay=momentum_decay,
                        decoupled_weight_decay=decoupled_weight_decay, maximize=maximize, foreach=foreach,
                        capturable=capturable, differentiable=differentiable)
        super().__init__(params, defaults)

    @staticmethod
    def _init_state(state, p, group):
        state["step"] = scalar_step()
        state["mu_product"] = _fg.tensor(1.0, dtype=_fg.float32)
        state["exp_avg"] = _fg.zeros_like(p)
        state["exp_avg_sq"] = _fg.zeros_like(p)

    def _step_group(self, group):
        params, grads, s = gather_group(self, group, self._init_state,
                                        ("exp_avg", "exp_avg_sq", "mu_product", "step"))
        beta1, beta2 = group["betas"]
        nadam(params, grads, s["exp_avg"], s["exp_avg_sq"], s["mu_product"], s["step"], beta1=beta1, beta2=beta2,
              lr=group["lr"], weight_decay=group["weight_decay"], momentum_decay=group["momentum_decay"],
              eps=group["eps"], decoupled_weight_decay=group["decoupled_weight_decay"], maximize=group["maximize"])
