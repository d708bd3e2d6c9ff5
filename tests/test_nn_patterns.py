"""The seed documents' PyTorch patterns, run with `import fastgrad as torch` and nothing else changed."""
import numpy as np
import pytest

import fastgrad as torch  # noqa: the point of these tests is torch-shaped code running on fastgrad
import fastgrad.nn as nn
import fastgrad.nn.functional as F
import fastgrad.optim as optim
from fastgrad.utils.data import DataLoader, TensorDataset


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 128)
        self.fc2 = nn.Linear(128, 64)
        self.fc3 = nn.Linear(64, 10)

    def forward(self, x):
        x = x.view(-1, 784)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


def _data(n=256, seed=0):
    rng = np.random.default_rng(seed)
    centers = rng.standard_normal((10, 784)).astype(np.float32)
    labels = rng.integers(0, 10, n)
    images = centers[labels] + 0.5 * rng.standard_normal((n, 784)).astype(np.float32)
    return images.reshape(n, 1, 28, 28), labels


def test_mlp_relu_cross_entropy_sgd_learns():
    torch.manual_seed(0)
    images, labels = _data()
    model = Net()
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    inputs, targets = torch.tensor(images), torch.tensor(labels)
    losses = []
    for _ in range(15):
        optimizer.zero_grad()
        outputs = model(inputs)
        loss = criterion(outputs, targets)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    assert losses[-1] < 0.5 * losses[0]
    with torch.no_grad():
        predicted = model(inputs).argmax(dim=1)
    accuracy = (predicted == targets).float().mean().item()
    assert accuracy > 0.9


def test_mlp_training_matches_real_torch_from_same_weights():
    real = pytest.importorskip("torch")

    class TorchNet(real.nn.Module):
        def __init__(self):
            super().__init__()
            self.fc1 = real.nn.Linear(784, 128)
            self.fc2 = real.nn.Linear(128, 64)
            self.fc3 = real.nn.Linear(64, 10)

        def forward(self, x):
            x = x.view(-1, 784)
            x = real.nn.functional.relu(self.fc1(x))
            x = real.nn.functional.relu(self.fc2(x))
            return self.fc3(x)

    images, labels = _data(64, seed=1)
    tnet, net = TorchNet(), Net()
    net.load_state_dict({k: torch.tensor(v.numpy().copy()) for k, v in tnet.state_dict().items()})
    topt = real.optim.SGD(tnet.parameters(), lr=0.05, momentum=0.9)
    opt = optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    for _ in range(10):
        for o, n, lib, crit, x, y in ((topt, tnet, real, real.nn.CrossEntropyLoss(), real.tensor(images),
                                       real.tensor(labels)),
                                      (opt, net, torch, nn.CrossEntropyLoss(), torch.tensor(images),
                                       torch.tensor(labels))):
            o.zero_grad()
            crit(n(x), y).backward()
            o.step()
    for k, v in tnet.state_dict().items():
        np.testing.assert_allclose(net.state_dict()[k].numpy(), v.numpy(), rtol=1e-3, atol=1e-5)


def test_sigmoid_network_with_mse():
    torch.manual_seed(0)
    x = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = torch.tensor([[0.0], [1.0], [1.0], [0.0]])
    model = nn.Sequential(nn.Linear(2, 8), nn.Sigmoid(), nn.Linear(8, 1), nn.Sigmoid())
    criterion = nn.MSELoss()
    optimizer = optim.SGD(model.parameters(), lr=2.0)
    first = None
    for _ in range(300):
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        first = first if first is not None else loss.item()
    assert loss.item() < first


def test_epoch_loop_over_dataloader():
    torch.manual_seed(0)
    images, labels = _data(200, seed=2)
    dataset = TensorDataset(torch.tensor(images), torch.tensor(labels))
    loader = DataLoader(dataset, batch_size=32, shuffle=True)
    model = Net()
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.Adam(model.parameters(), lr=1e-3)
    epoch_losses = []
    for epoch in range(3):
        model.train()
        running_loss = 0.0
        for inputs, targets in loader:
            optimizer.zero_grad()
            loss = criterion(model(inputs), targets)
            loss.backward()
            optimizer.step()
            running_loss += loss.item() * inputs.size(0)
        epoch_losses.append(running_loss / len(dataset))
    assert len(loader) == 7
    assert epoch_losses[-1] < epoch_losses[0]


def test_scalar_autograd_pattern():
    x = torch.tensor(1.0, requires_grad=True)
    w = torch.tensor(2.0, requires_grad=True)
    b = torch.tensor(3.0, requires_grad=True)
    y = x * w + b
    loss = (y - 2) ** 2
    loss.backward()
    assert loss.item() == 9.0
    assert (x.grad.item(), w.grad.item(), b.grad.item()) == (12.0, 6.0, 6.0)
