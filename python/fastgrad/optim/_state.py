"""Per-parameter state for the optimizers written as torch's single-tensor loops: gathering a group's
parameters that have gradients, with their state created on first use."""
import fastgrad as _fg


def scalar_step():
    """A fresh step counter: a float32 0-d tensor, as torch keeps it on the CPU path."""
    return _fg.tensor(0.0, dtype=_fg.float32)


def gather_group(optimizer, group, init_state, keys):
    """(params, grads, {key: [state[key] per param]}) for the params of `group` that have a gradient;
    `init_state(state, param, group)` fills a parameter's empty state the first time it is seen.
    A key a parameter's state lacks (Adafactor keeps either variance or row/col factors) gives None."""
    params, grads = [], []
    columns = {k: [] for k in keys}
    for p in group["params"]:
        if p.grad is None:
            continue
        params.append(p)
        grads.append(p.grad)
        state = optimizer.state[p]
        if len(state) == 0:
            init_state(state, p, group)
        for k in keys:
            columns[k].append(state.get(k))
    return params, grads, columns
