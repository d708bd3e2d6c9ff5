# A training loop written for GPUs with mixed precision, as many examples are: on a machine without
# CUDA the scaler and autocast turn themselves off and the loop runs in float32.
import time

import torch
import torch.nn as nn
from torch.cuda.amp import GradScaler
from torch.utils.data import DataLoader, TensorDataset

device = "cuda" if torch.cuda.is_available() else "cpu"
use_amp = device == "cuda"
print(f"device={device} amp={use_amp} mps={torch.backends.mps.is_available()}")

features = torch.linspace(-3, 3, 96).reshape(32, 3)
labels = (features.sum(1) > 0).long()
loader = DataLoader(TensorDataset(features, labels), batch_size=8, shuffle=False, num_workers=0,
                    pin_memory=torch.cuda.is_available())

model = nn.Sequential(nn.Linear(3, 12), nn.GELU(), nn.Dropout(0.0), nn.Linear(12, 2)).to(device)
with torch.no_grad():
    for p in model.parameters():
        p.copy_(torch.linspace(0.4, -0.4, p.numel()).reshape(p.shape).mul(torch.arange(p.numel()).reshape(p.shape) % 3 - 1))
optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3)
scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=5e-2, total_steps=5 * len(loader))
scaler = GradScaler(enabled=use_amp)
criterion = nn.CrossEntropyLoss(label_smoothing=0.1)

start = time.time()
for epoch in range(5):
    model.train()
    running = 0.0
    for step, (xb, yb) in enumerate(loader):
        xb, yb = xb.to(device, non_blocking=True), yb.to(device, non_blocking=True)
        optimizer.zero_grad(set_to_none=True)
        with torch.autocast(device_type=device, enabled=use_amp):
            loss = criterion(model(xb), yb)
        scaler.scale(loss).backward()
        scaler.unscale_(optimizer)
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
        scaler.step(optimizer)
        scaler.update()
        scheduler.step()
        running += loss.item()
    if torch.cuda.is_available():
        torch.cuda.synchronize()
    print(f"epoch {epoch}: mean loss {running / len(loader):.5f}  lr {scheduler.get_last_lr()[0]:.6f}  "
          f"scale {scaler.get_scale()}")
elapsed = time.time() - start
print("timing recorded:", elapsed >= 0)

model.eval()
with torch.inference_mode():
    correct = sum((model(xb).argmax(dim=1) == yb).sum().item() for xb, yb in loader)
print(f"Accuracy: {correct}/{len(loader.dataset)} ({100.0 * correct / len(loader.dataset):.0f}%)")
print("memory allocated:", torch.cuda.memory_allocated() if torch.cuda.is_available() else 0)
