"""RMSprop with momentum, centering, weight decay and maximize: torch's _single_tensor_rmsprop."""
import fastgrad as _fg
from .optimizer import Optimizer
from ._ops import lerp_, with_weight_decay


def rmsprop(params, grads, square_avgs, grad_avgs, momentum_buffers, state_steps, *, lr, alpha, eps,
            weight_decay, momentum, centered, maximize):
    for i, param in enumerate(params):
        grad = grads[i] if not maximize else -grads[i]
        square_avg = square_avgs[i]
        state_steps[i].add_(1)
        if weight_decay != 0:
            grad = with_weight_decay(grad, param, weight_decay)
        square_avg.mul_(alpha).addcmul_(grad, grad, value=1 - alpha)
        if centered:
            grad_avg = grad_avgs[i]
            lerp_(grad_avg, grad, 1 - alpha)
            avg = square_avg.clone().addcmul_(grad_avg, grad_avg, value=-1).sqrt_()
        else:
            avg = square_avg.sqrt()
        avg = avg.add_(eps)
        if momentum > 0:
            buf = momentum_buffers[i]
            buf.mul_(momentum).addcdiv_(grad, avg)
            param.add_(buf, alpha=-lr)
        else:
            param.addcdiv_(grad, avg, value=-lr)


class RMSprop(Optimizer):
    """RMSprop, with torch's update rule.

    Args:
        params (iterable): the parameters to optimise, or dicts defining parameter groups (each may set its own options).
        lr (float): Default: 1e-2.
        alpha (float): the smoothing constant. Default: 0.99.
        eps (float): Default: 1e-8.
        weight_decay (float): Default: 0.
        momentum (float): Default: 0.
        centered (bool): normalise by the estimated variance of the gradient. Default: ``False``.
        maximize (bool): Default: ``False``.

    Examples:
        >>> model = nn.Linear(4, 1)
        >>> opt = fastgrad.optim.RMSprop(model.parameters(), lr=1e-2)
        >>> loss = model(fastgrad.ones(8, 4)).pow(2).mean()
        >>> opt.zero_grad()
        >>> loss.backward()
        >>> opt.step()
    """

    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False,
                 capturable=False, foreach=None, maximize=False, differentiable=False):
        if not 0.0 <= lr:
            raise ValueError(f"Invalid learning rate: {lr}")
        if not 0.0 <= eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        if not 0.0 <= momentum:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if not 0.0 <= alpha:
            raise ValueError(f"Invalid alpha value: {alpha}")
        defaults = dict(lr=lr, momentum=momentum, alpha=alpha, eps=eps, centered=centered,
                        weight_decay=weight_decay, capturable=capturable, foreach=foreach, maximize=maximize,
                        differentiable=differentiable)
        super().__init__(params, defaults)

    def _step_group(self, group):
        params, grads, square_avgs, grad_avgs, bufs, steps = [], [], [], [], [], []
        for p in group["params"]:
            if p.grad is None:
                continue
            params.append(p)
            grads.append(p.grad)
            state = self.state[p]
            if len(state) == 0:
                state["step"] = _fg.tensor(0.0, dtype=_fg.float32)
                state["square_avg"] = _fg.zeros_like(p)
                if group["momentum"] > 0:
                    state["momentum_buffer"] = _fg.zeros_like(p)
                if group["centered"]:
                    state["grad_avg"] = _fg.zeros_like(p)
            square_avgs.append(state["square_avg"])
            steps.append(state["step"])
            if group["momentum"] > 0:
                bufs.append(state["momentum_buffer"])
            if group["centered"]:
                grad_avgs.append(state["grad_avg"])
        rmsprop(params, grads, square_avgs, grad_avgs, bufs, steps, lr=group["lr"], alpha=group["alpha"],
                eps=group["eps"], weight_decay=group["weight_decay"], momentum=group["momentum"],
                centered=group["centered"], maximize=group["maximize"])
