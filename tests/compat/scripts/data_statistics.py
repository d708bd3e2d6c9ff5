# Exploring a small tabular dataset before training, as data-handling tutorials do: summary statistics,
# histograms, quantile binning, category counts, normalisation and a metric-learning loss on the result.
import torch
import torch.nn.functional as F

torch.manual_seed(3)
ages = torch.randn(200) * 12 + 40
incomes = torch.exp(torch.randn(200) * 0.5 + 10)
cities = torch.randint(0, 5, (200,))

print("age min/max:", [round(v.item(), 3) for v in torch.aminmax(ages)])
print("age quartiles:", [round(v, 3) for v in torch.quantile(ages, torch.tensor([0.25, 0.5, 0.75])).tolist()])
print("income median:", round(torch.median(incomes).item(), 2), "nanmean:", round(torch.nanmean(incomes).item(), 2))
hist, edges = torch.histogram(ages, bins=6)
print("age histogram:", hist.tolist())
print("edges:", [round(e, 2) for e in edges.tolist()])
print("histc:", torch.histc(ages, bins=4, min=20, max=60).tolist())
print("city counts:", torch.bincount(cities, minlength=6).tolist())
values, counts = torch.unique(cities, return_counts=True)
print("city mode:", torch.mode(cities).values.item(), "unique:", values.tolist(), counts.tolist())

boundaries = torch.quantile(incomes, torch.tensor([0.2, 0.4, 0.6, 0.8]))
income_band = torch.bucketize(incomes, boundaries)
print("income bands:", torch.bincount(income_band).tolist())
print("searchsorted:", torch.searchsorted(boundaries, torch.tensor([20000.0, 22000.0, 30000.0]), right=True).tolist())

features = torch.stack([ages, torch.log(incomes), cities.float()], dim=1)
print("cov:\n", torch.cov(features.T))
print("corrcoef:\n", torch.corrcoef(features.T))
normed = F.normalize(features - features.mean(0), dim=1)
print("normalised row norms:", normed.norm(dim=1)[:3])
print("cosine(first, second):", round(F.cosine_similarity(normed[:1], normed[1:2]).item(), 5))
print("pdist shape:", F.pdist(features[:5]).shape, "cdist top-left:", torch.cdist(features[:2], features[:2])[0, 1].item() > 0)

anchor = features[:8].clone().requires_grad_(True)
loss = F.triplet_margin_loss(anchor, features[8:16], features[16:24], margin=1.0)
loss.backward()
print("triplet loss:", round(loss.item(), 4), "grad norm:", round(anchor.grad.norm().item(), 4))
print("logcumsumexp tail:", torch.logcumsumexp(torch.tensor([-1000.0, 0.0, 1.0]), 0).tolist())
print("diff of sorted ages:", torch.diff(torch.sort(ages[:5]).values).tolist()[:2])
