# Linear regression with nn.Linear, the first model of most tutorials.
import torch
import torch.nn as nn

device = "cuda" if torch.cuda.is_available() else "cpu"
print(f"Using {device} device")

# y = 3x - 2 with a deterministic wiggle instead of random noise
x = torch.linspace(-1, 1, 64).unsqueeze(1)
y = 3 * x - 2 + 0.1 * torch.sin(7 * x)
x, y = x.to(device), y.to(device)

model = nn.Linear(1, 1).to(device)
with torch.no_grad():
    model.weight.fill_(0.5)
    model.bias.zero_()

criterion = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

for epoch in range(100):
    pred = model(x)
    loss = criterion(pred, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if (epoch + 1) % 10 == 0:
        print(f"Epoch [{epoch + 1}/100], Loss: {loss.item():.6f}")

w, b = model.weight.item(), model.bias.item()
print(f"learned: y = {w:.4f} x + {b:.4f}")
print("weight shape:", model.weight.shape, "requires_grad:", model.weight.requires_grad)
with torch.no_grad():
    test = torch.tensor([[0.0], [0.5], [1.0]], device=device)
    print("predictions:", model(test).squeeze(1).tolist())
    print(model(test))
