# Image-style data handling as tutorials write it: uint8 pixels from numpy, int32 labels, byte masks,
# conversions between dtypes, a half / bfloat16 model for inference, and the dtype facts scripts print.
import numpy as np
import torch
import torch.nn as nn

rng = np.random.default_rng(0)
images = rng.integers(0, 256, size=(6, 4, 4, 3), dtype=np.uint8)   # NHWC, as images load
labels = np.array([0, 2, 1, 2, 0, 1], dtype=np.int32)

x = torch.from_numpy(images).permute(0, 3, 1, 2)                       # NCHW uint8
print(x.dtype, x.shape, x.max().item(), x.sum().item(), x.sum().dtype)
x = x.float().div(255)
y = torch.from_numpy(labels).long()
print(torch.tensor(labels).dtype, y.dtype, y.tolist())

bright = (x.mean(dim=(1, 2, 3)) > 0.5)
print(bright, bright.byte(), bright.int().sum())
counts = (x * 255).round().to(torch.uint8)
print(counts[0, 0, 0], (counts[0, 0, 0] + 200), (counts[0, 0, 0].int() + 200))
print(torch.iinfo(torch.uint8), torch.finfo(torch.float16).eps, torch.finfo(torch.bfloat16).max)

torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(48, 16), nn.ReLU(), nn.Linear(16, 3))
with torch.no_grad():
    logits32 = model(x)
    model_half = model.half()
    logits16 = model_half(x.half())
    print(logits16.dtype, (logits16.float() - logits32).abs().max().item() < 0.05)
    model_bf = model.bfloat16()
    logitsbf = model_bf(x.bfloat16())
    print(logitsbf.dtype, logitsbf.argmax(1).tolist() == logits32.argmax(1).tolist())
print(logits16.float().softmax(1)[0])

h = torch.tensor([1.0, 2.5, 65504.0, 70000.0, 1e-8]).half()
print(h, h.float(), h.to(torch.int32))
b = torch.randn(4, dtype=torch.bfloat16)
print(b.dtype, b.is_floating_point(), torch.is_floating_point(b), b.element_size())
print(torch.tensor([1, 2], dtype=torch.int8) * 100, torch.tensor([200], dtype=torch.uint8) + torch.tensor([100], dtype=torch.int8))
print(torch.result_type(torch.tensor([1], dtype=torch.int32), 2.5), torch.promote_types(torch.uint8, torch.int8))
torch.set_default_dtype(torch.float64)
print(torch.tensor([1.5]).dtype, torch.zeros(2).dtype, torch.get_default_dtype())
torch.set_default_dtype(torch.float32)
print(torch.IntTensor([1, 2]), torch.ByteTensor(2, 2).shape, torch.HalfTensor([0.1]))
