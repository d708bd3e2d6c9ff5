"""Constructor argument checks shared by the optimizers, with torch's ValueError messages."""


def check_lr(lr, strict=False):
    if not (0.0 < lr if strict else 0.0 <= lr):
        raise ValueError(f"Invalid learning rate: {lr}")


def check_eps(eps, strict=False):
    if not (0.0 < eps if strict else 0.0 <= eps):
        raise ValueError(f"Invalid epsilon value: {eps}")


def check_betas(betas):
    for i in (0, 1):
        if not 0.0 <= betas[i] < 1.0:
            raise ValueError(f"Invalid beta parameter at index {i}: {betas[i]}")


def check_weight_decay(weight_decay):
    if not 0.0 <= weight_decay:
        raise ValueError(f"Invalid weight_decay value: {weight_decay}")

