# Code that writes into tensors taking part in autograd, as tutorials and course notebooks do: a manual
# RNN unroll into a preallocated buffer, an attention mask filled in place, in-place activations in a
# Sequential, per-example logits assigned into a batch tensor, and a manual gradient accumulation.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

T, B, D, H = 5, 3, 4, 6
xs = torch.randn(T, B, D, device=device)
targets = torch.randint(0, 2, (B,), device=device)
cell = nn.Linear(D + H, H).to(device)
head = nn.Sequential(nn.Linear(H, 8), nn.ReLU(inplace=True), nn.Linear(8, 8), nn.LeakyReLU(0.1, inplace=True),
                     nn.Linear(8, 2)).to(device)
opt = torch.optim.SGD(list(cell.parameters()) + list(head.parameters()), lr=0.1, momentum=0.9)

for step in range(6):
    h = torch.zeros(B, H, device=device)
    outputs = torch.zeros(T, B, H, device=device)
    for t in range(T):
        h = torch.tanh(cell(torch.cat([xs[t], h], dim=1)))
        outputs[t] = h  # index assignment of a value that requires grad
    scores = (outputs * outputs[-1]).sum(-1, keepdim=True)  # (T, B, 1): attention over time steps
    mask = torch.arange(T).unsqueeze(1).unsqueeze(2).expand(T, B, 1) > 3
    scores.masked_fill_(mask, float("-inf"))
    weights = F.softmax(scores, dim=0)
    context = (weights * outputs).sum(0)
    logits = torch.zeros(B, 2, device=device)
    for i in range(B):
        logits[i] = head(context[i])
    logits[:, 1] += 0.05  # a bias added through a view
    loss = F.cross_entropy(logits, targets)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(f"step {step}: loss {loss.item():.6f} grad_fn {type(logits.grad_fn).__name__}")

with torch.no_grad():
    h = torch.zeros(B, H)
    for t in range(T):
        h = torch.tanh(cell(torch.cat([xs[t], h], dim=1)))
    print("final hidden norm", round(h.norm().item(), 5))

# in-place on a non-leaf, then a view of it read after the write
a = torch.linspace(-1, 1, 12).reshape(3, 4).requires_grad_()
b = a * 2
b.add_(1)
b[:, 0].mul_(3)
b.diagonal().zero_()
b.relu_()
b.sum().backward()
print("a.grad", a.grad.tolist())
