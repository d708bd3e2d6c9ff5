# A small MLP classifier on synthetic 3-class data, trained with DataLoader batches.
import math

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
torch.backends.cudnn.benchmark = True

# three interleaved arcs, built deterministically
points, labels = [], []
for c in range(3):
    for i in range(40):
        r = 0.2 + 0.8 * i / 40
        a = c * 2 * math.pi / 3 + 2.5 * r
        points.append([r * math.cos(a), r * math.sin(a)])
        labels.append(c)
X = torch.tensor(points)
Y = torch.tensor(labels)
print("data:", X.shape, X.dtype, Y.shape, Y.dtype)

train_ds = TensorDataset(X[::2], Y[::2])
test_ds = TensorDataset(X[1::2], Y[1::2])
train_loader = DataLoader(train_ds, batch_size=20, shuffle=False, pin_memory=True)
test_loader = DataLoader(test_ds, batch_size=30)
print(f"{len(train_ds)} training samples in {len(train_loader)} batches")


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 3))

    def forward(self, x):
        return self.layers(x)


model = Net().to(device)
with torch.no_grad():
    for i, p in enumerate(model.parameters()):
        n = p.numel()
        p.copy_((torch.arange(n, dtype=torch.float32).reshape(p.shape) * (0.37 + 0.1 * i)).sin() * 0.5)
print(model)
print("trainable parameters:", sum(p.numel() for p in model.parameters() if p.requires_grad))

loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)


def train(dataloader):
    model.train()
    total = 0.0
    for batch, (xb, yb) in enumerate(dataloader):
        xb, yb = xb.to(device), yb.to(device)
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
    return total / len(dataloader.dataset)


def test(dataloader):
    model.eval()
    correct, loss = 0, 0.0
    with torch.no_grad():
        for xb, yb in dataloader:
            pred = model(xb)
            loss += loss_fn(pred, yb).item()
            correct += (pred.argmax(1) == yb).type(torch.float).sum().item()
    return loss / len(dataloader), correct / len(dataloader.dataset)


for epoch in range(30):
    train_loss = train(train_loader)
    if epoch % 5 == 4:
        test_loss, acc = test(test_loader)
        print(f"epoch {epoch + 1:2d}  train loss {train_loss:.4f}  test loss {test_loss:.4f}  "
              f"accuracy {100 * acc:.1f}%")

with torch.no_grad():
    probs = torch.softmax(model(X[:4]), dim=1)
print("first probabilities:", [[round(v, 4) for v in row] for row in probs.tolist()])
print("Done!")
