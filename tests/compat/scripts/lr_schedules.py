# Learning-rate schedules stepped once per epoch, with the lr printed as training goes.
import torch
from torch import nn, optim
from torch.optim.lr_scheduler import CosineAnnealingLR, ReduceLROnPlateau, StepLR

x = torch.linspace(-2, 2, 40).reshape(20, 2)
y = (x[:, 0] * x[:, 1]).unsqueeze(1)


def make_model():
    model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1))
    with torch.no_grad():
        for i, p in enumerate(model.parameters()):
            p.copy_(torch.linspace(-1, 1, p.numel()).reshape(p.shape) * (0.6 - 0.1 * i))
    return model


for name in ["StepLR", "CosineAnnealingLR", "ReduceLROnPlateau"]:
    model = make_model()
    optimizer = optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    if name == "StepLR":
        scheduler = StepLR(optimizer, step_size=3, gamma=0.5)
    elif name == "CosineAnnealingLR":
        scheduler = CosineAnnealingLR(optimizer, T_max=10, eta_min=0.001)
    else:
        scheduler = ReduceLROnPlateau(optimizer, mode="min", factor=0.5, patience=1)
    print(f"--- {name}")
    for epoch in range(10):
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
        if isinstance(scheduler, ReduceLROnPlateau):
            scheduler.step(loss.item())
        else:
            scheduler.step()
        lr = optimizer.param_groups[0]["lr"]
        print(f"epoch {epoch}: loss={loss.item():.5f} lr={lr:.6f}")
    print("final state:", {k: v for k, v in scheduler.state_dict().items() if k in ("last_epoch", "best", "_step_count")})
