"""AdamW: Adam with decoupled weight decay (param *= 1 - lr * wd before the Adam step), default wd 1e-2."""
from .adam import Adam


class AdamW(Adam):
    """AdamW: Adam with decoupled weight decay (``p -= lr * weight_decay * p`` before the Adam step).

    Args:
        params (iterable): the parameters to optimise, or dicts defining parameter groups (each may set its own options).
        lr (float): the learning rate. Default: 1e-3.
        betas (tuple of 2 floats): Default: ``(0.9, 0.999)``.
        eps (float): Default: 1e-8.
        weight_decay (float): the decoupled decay. Default: 1e-2.
        amsgrad (bool): Default: ``False``.
        maximize (bool): Default: ``False``.

    Examples:
        >>> model = nn.Linear(4, 1)
        >>> opt = fastgrad.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
        >>> loss = model(fastgrad.ones(8, 4)).pow(2).mean()
        >>> opt.zero_grad()
        >>> loss.backward()
        >>> opt.step()
    """

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *,
                 maximize=False, foreach=None, capturable=False, differentiable=False, fused=None):
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad, foreach=foreach, maximize=maximize,
                         capturable=capturable, differentiable=differentiable, fused=fused,
                         decoupled_weight_decay=True)

    def __setstate__(self, state):
        super().__setstate__(state)
        for group in self.param_groups:
            group["decoupled_weight_decay"] = True

    def load_state_dict(self, state_dict):
        super().load_state_dict(state_dict)
        # A state dict saved from Adam must not switch AdamW back to coupled decay.
        for group in self.param_groups:
            group["decoupled_weight_decay"] = True
