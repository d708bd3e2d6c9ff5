"""SGD with momentum, dampening, Nesterov, weight decay and maximize: torch's _single_tensor_sgd."""
from .optimizer import Optimizer
from ._ops import all_contiguous, fused_kernel, with_weight_decay

_fused_sgd = fused_kernel("_sgd_step")


def sgd(params, grads, momentum_buffers, *, lr, weight_decay, momentum, dampening, nesterov, maximize):
    """Updates params in place; momentum_buffers[i] is created on the first step (None before)."""
    if _fused_sgd is not None and all_contiguous(params, grads, momentum_buffers):
        # One C++ pass per parameter, same operation order as below.
        momentum_buffers[:] = _fused_sgd(params, grads, momentum_buffers, lr, momentum, dampening,
                                         weight_decay, nesterov, maximize)
        return
    for i, param in enumerate(params):
        grad = grads[i] if not maximize else -grads[i]
        if weight_decay != 0:
            grad = with_weight_decay(grad, param, weight_decay)
        if momentum != 0:
            buf = momentum_buffers[i]
            if buf is None:
                buf = grad.detach().clone()
                momentum_buffers[i] = buf
            else:
                buf.mul_(momentum).add_(grad, alpha=1 - dampening)
            grad = grad + buf * momentum if nesterov else buf
        param.add_(grad, alpha=-lr)


class SGD(Optimizer):
    """Stochastic gradient descent, optionally with momentum (Nesterov too) and weight decay, with
    torch's update rule (``buf = momentum * buf + (1 - dampening) * grad; p -= lr * buf``). The update of all
    parameters runs in one C++ pass per parameter.

    Args:
        params (iterable): the parameters to optimise, or dicts defining parameter groups (each may set its own options).
        lr (float): the learning rate. Default: 1e-3.
        momentum (float): the momentum factor. Default: 0.
        dampening (float): dampening for momentum. Default: 0.
        weight_decay (float): L2 penalty. Default: 0.
        nesterov (bool): Nesterov momentum. Default: ``False``.
        maximize (bool): maximise the objective. Default: ``False``.

    Examples:
        >>> model = nn.Linear(4, 1)
        >>> opt = fastgrad.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
        >>> loss = model(fastgrad.ones(8, 4)).pow(2).mean()
        >>> opt.zero_grad()
        >>> loss.backward()
        >>> opt.step()
    """

    def __init__(self, params, lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False, *,
                 maximize=False, foreach=None, differentiable=False, fused=None):
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if weight_decay < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        defaults = dict(lr=lr, momentum=momentum, dampening=dampening, weight_decay=weight_decay,
                        nesterov=nesterov, maximize=maximize, foreach=foreach,
                        differentiable=differentiable, fused=fused)
        super().__init__(params, defaults)

    def _step_group(self, group):
        params, grads, bufs = [], [], []
        momentum = group["momentum"]
        for p in group["params"]:
            if p.grad is None:
                continue
            params.append(p)
            grads.append(p.grad)
            if momentum != 0:
                bufs.append(self.state[p].get("momentum_buffer"))
        if momentum == 0:
            bufs = [None] * len(params)
        sgd(params, grads, bufs, lr=group["lr"], weight_decay=group["weight_decay"], momentum=momentum,
            dampening=group["dampening"], nesterov=group["nesterov"], maximize=group["maximize"])
        if momentum != 0:
            for p, buf in zip(params, bufs):
                self.state[p]["momentum_buffer"] = buf
