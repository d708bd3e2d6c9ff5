# Code in the style of older PyTorch tutorials: Variable, legacy tensor types, .data, .type(),
# reproducibility flags and explicit device checks.
import torch
from torch.autograd import Variable

use_cuda = torch.cuda.is_available()
print("cuda:", use_cuda, "devices:", torch.cuda.device_count())
torch.backends.cudnn.deterministic = True
torch.backends.cudnn.benchmark = False
torch.cuda.manual_seed_all(1)
FloatTensor = torch.cuda.FloatTensor if use_cuda else torch.FloatTensor
LongTensor = torch.cuda.LongTensor if use_cuda else torch.LongTensor

x = Variable(FloatTensor([[0.5, -1.0], [1.5, 2.0], [-0.5, 0.25]]))
t = Variable(LongTensor([1, 0, 1]))
print(x.type(), t.type(), isinstance(x, torch.FloatTensor), isinstance(t, torch.FloatTensor))
W = Variable(torch.FloatTensor([[0.2, -0.3], [0.1, 0.4]]), requires_grad=True)
for step in range(5):
    logits = x.mm(W)
    loss = torch.nn.functional.cross_entropy(logits, t)
    loss.backward()
    W.data -= 0.5 * W.grad.data
    W.grad.data.zero_()
    print("step", step, "loss", round(loss.data.item(), 5))
print("W =", W.data)
print("as double:", W.data.type(torch.DoubleTensor).dtype, W.type("torch.LongTensor").tolist())
print("empty legacy tensor:", torch.FloatTensor(2, 3).shape, torch.LongTensor().shape)
print("device:", x.device, torch.device("cuda" if use_cuda else "cpu"), torch.device("cuda:1"))
