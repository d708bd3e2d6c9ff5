"""The MNIST MLP (784-128-64-10, ReLU, CrossEntropyLoss): one training step and one inference forward."""
import numpy as np

from timing import measure

IN, H1, H2, OUT = 784, 128, 64, 10
OPTIMIZERS = {
    # the settings a tutorial uses; identical in both frameworks
    "sgd": lambda optim, params: optim.SGD(params, lr=0.01, momentum=0.9),
    "adam": lambda optim, params: optim.Adam(params, lr=1e-3),
}


def build_model(fw):
    nn = fw.nn
    return nn.Sequential(nn.Linear(IN, H1), nn.ReLU(), nn.Linear(H1, H2), nn.ReLU(), nn.Linear(H2, OUT))


def batch(fw, size, seed=0):
    # the same numbers for every framework: drawn by numpy, handed over
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((size, IN), dtype=np.float32)
    y = rng.integers(0, OUT, size=size, dtype=np.int64)
    return fw.from_numpy(x), fw.from_numpy(y)


def train_step(fw, params, budget):
    fw.seed(0)
    model = build_model(fw)
    opt = OPTIMIZERS[params["opt"]](fw.optim, model.parameters())
    loss_fn = fw.nn.CrossEntropyLoss()
    x, y = batch(fw, params["batch"])
    last = {}

    def step():
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        last["loss"] = loss

    out = measure(step, budget, sync=lambda: last["loss"].item())
    out["final_loss"] = last["loss"].item()
    return out


def inference(fw, params, budget):
    fw.seed(0)
    model = build_model(fw)
    model.eval()
    x, _ = batch(fw, params["batch"])
    last = {}

    def step():
        with fw.mod.no_grad():
            last["out"] = model(x)

    out = measure(step, budget, sync=lambda: last["out"].sum().item())
    return out
