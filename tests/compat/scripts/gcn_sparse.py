# A two-layer graph convolutional network (Kipf & Welling) on a small random graph, the adjacency held as a
# sparse COO matrix and the propagation done with torch.sparse.mm / torch.spmm, as GCN tutorials write it.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
num_nodes, num_features, num_classes = 12, 5, 3
src = torch.randint(0, num_nodes, (30,))
dst = torch.randint(0, num_nodes, (30,))
loops = torch.arange(num_nodes)
rows = torch.cat([src, dst, loops])
cols = torch.cat([dst, src, loops])
edge_index = torch.stack([rows, cols])
adj = torch.sparse_coo_tensor(edge_index, torch.ones(edge_index.shape[1]), (num_nodes, num_nodes)).coalesce()
print(adj.is_sparse, adj.layout, adj.is_coalesced(), adj._nnz())

# symmetric normalisation D^-1/2 (A + I) D^-1/2 on the values
deg = torch.sparse.sum(adj, dim=1).to_dense()
norm = deg.pow(-0.5)
i, j = adj.indices()
adj = torch.sparse_coo_tensor(adj.indices(), adj.values() * norm[i] * norm[j], adj.shape)
print("degrees", deg.tolist())
print("row sums", [round(v, 4) for v in torch.sparse.sum(adj, 1).to_dense().tolist()])
print(torch.sparse_coo_tensor(edge_index[:, :4], torch.arange(4.0), (num_nodes, num_nodes)))

x = torch.randn(num_nodes, num_features)
labels = torch.randint(0, num_classes, (num_nodes,))


class GCN(nn.Module):
    def __init__(self, n_in, n_hidden, n_out):
        super().__init__()
        self.lin1 = nn.Linear(n_in, n_hidden)
        self.lin2 = nn.Linear(n_hidden, n_out)

    def forward(self, a, h):
        h = F.relu(torch.sparse.mm(a, self.lin1(h)))
        return torch.spmm(a, self.lin2(h))


model = GCN(num_features, 16, num_classes)
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
for step in range(8):
    optimizer.zero_grad()
    out = model(adj, x)
    loss = F.cross_entropy(out, labels)
    loss.backward()
    optimizer.step()
    print(f"step {step} loss {loss.item():.6f} grad-norm {model.lin1.weight.grad.norm().item():.6f}")
pred = model(adj, x).argmax(1)
print("accuracy", (pred == labels).float().mean().item())
print("dense check", torch.allclose(torch.mm(adj, x), adj.to_dense() @ x, atol=1e-6))
