# A module zoo: ModuleList and ModuleDict, LayerNorm, BatchNorm1d in train and eval mode, Dropout in
# eval, parameter and buffer listings, hooks, train/eval switches and a state-dict round trip.
import torch
import torch.nn as nn
from torch.nn.modules.linear import Linear
from torch.nn.modules.normalization import LayerNorm


class Block(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.fc = Linear(dim, dim)
        self.norm = LayerNorm(dim)
        self.drop = nn.Dropout(0.5)

    def forward(self, x):
        return x + self.drop(torch.relu(self.norm(self.fc(x))))


class Net(nn.Module):
    def __init__(self, dim=4, depth=3):
        super().__init__()
        self.blocks = nn.ModuleList([Block(dim) for _ in range(depth)])
        self.bn = nn.BatchNorm1d(dim)
        self.heads = nn.ModuleDict({"a": nn.Linear(dim, 2), "b": nn.Linear(dim, 1)})

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        x = self.bn(x)
        return self.heads["a"](x), self.heads["b"](x)


net = Net()
with torch.no_grad():
    for i, (name, p) in enumerate(net.named_parameters()):
        p.copy_(torch.linspace(-1, 1, p.numel()).reshape(p.shape).mul(0.5 + 0.01 * i))
print(net)
for name, p in net.named_parameters():
    print(f"{name:28s} {str(tuple(p.shape)):10s} {p.numel()}")
print("buffers:", [name for name, _ in net.named_buffers()])
print("total parameters:", sum(p.numel() for p in net.parameters()))

shapes = []
handle = net.blocks[0].register_forward_hook(lambda m, inp, out: shapes.append(tuple(out.shape)))
x = torch.linspace(-2, 2, 24).reshape(6, 4)
net.eval()
a, b = net(x)
print("eval outputs:", a.shape, b.shape, "hook saw", shapes)
handle.remove()
net.train()
net.blocks.apply(lambda m: m.eval() if isinstance(m, nn.Dropout) else None)
a, b = net(x)
print("running_mean after a training-mode batch:", [round(v, 5) for v in net.bn.running_mean.tolist()])
print("num_batches_tracked:", net.bn.num_batches_tracked.item())
print(f"head a: {a.sum().item():.5f}  head b: {b.sum().item():.5f}")
state = net.state_dict()
copy = Net()
copy.load_state_dict(state)
copy.eval(); net.eval()
with torch.no_grad():
    print("copy matches:", bool((copy(x)[0] == net(x)[0]).all()))
print("training flags:", net.training, net.blocks[0].training)
