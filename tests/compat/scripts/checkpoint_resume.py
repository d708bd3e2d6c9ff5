# Save a model and its optimizer to a checkpoint, load both into fresh objects, resume training.
import os
import tempfile

import torch
import torch.nn as nn
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
if torch.cuda.is_available():
    torch.cuda.manual_seed_all(0)


class Regressor(nn.Module):
    def __init__(self, hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(3, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def init_weights(model):
    with torch.no_grad():
        for name, p in model.named_parameters():
            p.copy_(torch.linspace(-0.5, 0.5, p.numel()).reshape(p.shape))
            if "bias" in name:
                p.mul_(0.1)


x = torch.stack([torch.linspace(-1, 1, 50), torch.linspace(1, -1, 50) ** 2, torch.linspace(0, 2, 50).cos()], 1)
y = (x[:, :1] * 2 - x[:, 1:2] + 0.5 * x[:, 2:3]).to(device)
x = x.to(device)


def run(model, opt, steps):
    for _ in range(steps):
        opt.zero_grad()
        loss = F.mse_loss(model(x), y)
        loss.backward()
        opt.step()
    return loss.item()


model = Regressor().to(device)
init_weights(model)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=1e-4)
print(f"loss after 20 steps: {run(model, optimizer, 20):.6f}")

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "checkpoint.pt")
    torch.save({"epoch": 20, "model_state_dict": model.state_dict(),
                "optimizer_state_dict": optimizer.state_dict()}, path)
    print("saved keys:", sorted(model.state_dict().keys()))
    for k, v in model.state_dict().items():
        print(f"  {k}: {tuple(v.shape)}")

    restored = Regressor()
    restored_opt = torch.optim.Adam(restored.parameters(), lr=0.01, weight_decay=1e-4)
    checkpoint = torch.load(path)
    print(restored.load_state_dict(checkpoint["model_state_dict"]))
    restored_opt.load_state_dict(checkpoint["optimizer_state_dict"])
    print("resuming from epoch", checkpoint["epoch"])

with torch.no_grad():
    same = bool((model(x) == restored(x)).all())
print("restored model gives the same outputs:", same)
print(f"original continues: {run(model, optimizer, 20):.6f}")
print(f"restored continues: {run(restored, restored_opt, 20):.6f}")
print("optimizer state step:", restored_opt.state_dict()["state"][0]["step"].item())
