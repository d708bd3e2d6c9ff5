# The same small problem under every torch.optim optimizer; final losses and weights printed.
import torch
import torch.nn as nn

inputs = torch.linspace(-1, 1, 30).reshape(15, 2)
targets = torch.stack([inputs[:, 0] - inputs[:, 1], inputs[:, 0] * 0.5], 1)


def fresh_model():
    model = nn.Sequential(nn.Linear(2, 6), nn.Tanh(), nn.Linear(6, 2))
    with torch.no_grad():
        for i, p in enumerate(model.parameters()):
            p.copy_(torch.linspace(-0.8, 0.8, p.numel()).reshape(p.shape).flip(0) * (1 - 0.2 * i))
    return model


configs = [
    ("SGD", dict(lr=0.1, momentum=0.9, nesterov=True)),
    ("Adam", dict(lr=0.02)),
    ("AdamW", dict(lr=0.02, weight_decay=0.05)),
    ("RMSprop", dict(lr=0.01)),
    ("Adagrad", dict(lr=0.1)),
    ("Adadelta", dict(lr=1.0)),
    ("Adamax", dict(lr=0.02)),
    ("NAdam", dict(lr=0.02)),
    ("RAdam", dict(lr=0.02)),
    ("ASGD", dict(lr=0.05, t0=10)),
    ("Rprop", dict(lr=0.01)),
    ("Adafactor", dict(lr=0.02)),
    ("LBFGS", dict(lr=0.5, max_iter=5, history_size=10)),
]
criterion = nn.MSELoss()
for name, kwargs in configs:
    model = fresh_model()
    optimizer = getattr(torch.optim, name)(model.parameters(), **kwargs)

    def closure():
        optimizer.zero_grad()
        loss = criterion(model(inputs), targets)
        loss.backward()
        return loss

    start = closure().item()
    for step in range(25 if name != "LBFGS" else 4):
        optimizer.step(closure)
    end = criterion(model(inputs), targets).item()
    print(f"{name:9s} loss {start:.5f} -> {end:.5f}  first weight row {[round(v, 4) for v in model[0].weight[0].tolist()]}")
