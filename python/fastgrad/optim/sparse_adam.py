"""SparseAdam: Adam for sparse gradients (nn.Embedding(sparse=True)).

fastgrad has no sparse layout yet, so every gradient it produces is dense, and SparseAdam refuses dense
gradients with torch's error, which points to Adam. The constructor validates as torch's does, so code
that builds SparseAdam for a model trained with dense gradients fails at the same step as under torch.
"""
import fastgrad as _fg
from .optimizer import Optimizer
from ._validate import check_betas, check_eps, check_lr


class SparseAdam(Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, maximize=False):
        check_lr(lr, strict=True)
        check_eps(eps, strict=True)
        check_betas(betas)
        defaults = dict(lr=lr, betas=betas, eps=eps, maximize=maximize)
        super().__init__(params, defaults)

    def step(self, closure=None):
        loss = None
        if closure is not None:
            with _fg.enable_grad():
                loss = closure()
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                if not getattr(p.grad, "is_sparse", False):
                    raise RuntimeError("SparseAdam does not support dense gradients, please consider Adam instead")
                raise NotImplementedError("SparseAdam: the update for sparse gradients is not implemented in "
                                          "fastgrad yet; use Adam with dense gradients")
        return loss
