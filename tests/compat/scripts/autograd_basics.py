# The autograd tutorial: gradients, graphs, no_grad, detach, autograd.grad and a custom Function.
import torch

x = torch.ones(5)
y = torch.zeros(3)
w = torch.tensor([[0.1 * (i + j) - 0.5 for j in range(3)] for i in range(5)], requires_grad=True)
b = torch.tensor([0.2, -0.1, 0.05], requires_grad=True)
z = torch.matmul(x, w) + b
loss = torch.nn.functional.binary_cross_entropy_with_logits(z, y)
print("z =", z)
print("loss =", round(loss.item(), 6))
print("grad_fn exists:", z.grad_fn is not None, loss.grad_fn is not None)
loss.backward()
print("w.grad =", w.grad)
print("b.grad =", b.grad)

with torch.no_grad():
    z = torch.matmul(x, w) + b
print("requires_grad under no_grad:", z.requires_grad)
print("requires_grad after detach:", (torch.matmul(x, w) + b).detach().requires_grad)

inp = torch.eye(4, 5, requires_grad=True)
out = (inp + 1).pow(2).t()
out.backward(torch.ones_like(out), retain_graph=True)
print(f"First call\n{inp.grad}")
out.backward(torch.ones_like(out))
print(f"Second call\n{inp.grad}")
inp.grad.zero_()
out = (inp + 1).pow(2).t()
out.backward(torch.ones_like(out))
print(f"Call after zeroing gradients\n{inp.grad}")

a = torch.tensor([2.0, 3.0], requires_grad=True)
(g,) = torch.autograd.grad((a ** 3).sum(), a, create_graph=True)
(gg,) = torch.autograd.grad(g.sum(), a)
print("first derivative:", g.tolist(), "second derivative:", gg.tolist())


class Exp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, i):
        result = i.exp()
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad_output):
        (result,) = ctx.saved_tensors
        return grad_output * result


t = torch.tensor([0.0, 0.5, 1.0], dtype=torch.float64, requires_grad=True)
Exp.apply(t).sum().backward()
print("custom Function grad:", t.grad)
print("gradcheck:", torch.autograd.gradcheck(Exp.apply, (torch.tensor([0.3, -0.2], dtype=torch.float64, requires_grad=True),)))
