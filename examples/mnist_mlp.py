"""Train the classic 784-128-64-10 MLP on MNIST digits.

    python examples/mnist_mlp.py                      # bundled 5,000 real digits, offline
    python examples/mnist_mlp.py --optimizer adam --epochs 5
    python examples/mnist_mlp.py --data-dir ~/data    # the full 70,000 (add --download to fetch them)
    python examples/mnist_mlp.py --resume             # train --epochs more from the last checkpoint
    python examples/mnist_mlp.py --framework torch    # the same code on PyTorch, for comparison

The training code is plain PyTorch; only ``torch = importlib.import_module(args.framework)`` differs.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import sys
import time
from pathlib import Path

try:
    from tqdm import tqdm
except ImportError:  # tqdm comes with the `examples` extra; without it the epoch summaries still print
    tqdm = None


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--epochs", type=int, default=10, help="epochs to train (with --resume: epochs to add)")
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--optimizer", choices=["sgd", "adam"], default="sgd", help="sgd uses momentum 0.9")
    p.add_argument("--lr", type=float, default=None, help="learning rate (default: 0.05 for sgd, 0.001 for adam)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--data-dir", default=None,
                   help="directory with the MNIST IDX files, or torchvision's root (default: the bundled 5,000 digits)")
    p.add_argument("--download", action="store_true", help="download the full MNIST into --data-dir if missing")
    p.add_argument("--out", default="runs/mnist_mlp", help="directory for the checkpoint and the plot")
    p.add_argument("--resume", action="store_true", help="continue from the checkpoint in --out")
    p.add_argument("--framework", default="fastgrad", choices=["fastgrad", "torch"])
    args = p.parse_args(argv)
    if args.lr is None:
        args.lr = 0.05 if args.optimizer == "sgd" else 1e-3
    if args.download and args.data_dir is None:
        p.error("--download needs --data-dir")
    return args


def load_mnist_module(framework):
    if framework == "fastgrad":
        from fastgrad.datasets import mnist

        return mnist
    # Importing the fastgrad package would load its C++ core and OpenMP runtime into a torch process (two
    # OpenMP runtimes misbehave, and it would skew the benchmark's torch timing). The dataset module is
    # numpy-only, so load that one file by path: from an installed fastgrad, else from this checkout.
    spec = importlib.util.find_spec("fastgrad")
    if spec is not None and spec.submodule_search_locations:
        path = Path(list(spec.submodule_search_locations)[0]) / "datasets" / "mnist.py"
    else:
        path = Path(__file__).resolve().parent.parent / "python" / "fastgrad" / "datasets" / "mnist.py"
    spec = importlib.util.spec_from_file_location("_fastgrad_datasets_mnist", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_model(nn, F):
    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc1 = nn.Linear(784, 128)
            self.fc2 = nn.Linear(128, 64)
            self.fc3 = nn.Linear(64, 10)

        def forward(self, x):
            x = F.relu(self.fc1(x))
            x = F.relu(self.fc2(x))
            return self.fc3(x)

    return Net()


def evaluate(torch, model, images, labels):
    model.eval()
    with torch.no_grad():
        pred = model(images).argmax(dim=1)
        correct = (pred == labels).sum().item()
    model.train()
    return correct / labels.shape[0]


def save_plot(history, path):
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed: skipping the plot (pip install 'fastgrad[examples]')")
        return None
    epochs = range(1, len(history["train_loss"]) + 1)
    fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(9, 3.6))
    ax_loss.plot(epochs, history["train_loss"], marker="o")
    ax_loss.set(xlabel="epoch", ylabel="training loss", title="Training loss")
    ax_acc.plot(epochs, history["test_accuracy"], marker="o", color="tab:green")
    ax_acc.set(xlabel="epoch", ylabel="test accuracy", title="Test accuracy")
    for ax in (ax_loss, ax_acc):
        ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def checkpoint_paths(out, framework):
    # fastgrad.save writes safetensors; torch.save writes its own zip/pickle format, so name it honestly.
    ext = ".safetensors" if framework == "fastgrad" else ".pt"
    return out / f"model{ext}", out / f"optimizer{ext}", out / "train_state.json"


def main(argv=None):
    args = parse_args(argv)
    fw = args.framework
    torch = importlib.import_module(fw)
    nn = importlib.import_module(f"{fw}.nn")
    F = importlib.import_module(f"{fw}.nn.functional")
    optim = importlib.import_module(f"{fw}.optim")
    data = importlib.import_module(f"{fw}.utils.data")
    mnist = load_mnist_module(fw)

    t_start = time.perf_counter()
    train_set = mnist.MNIST(args.data_dir, train=True, download=args.download)
    test_set = mnist.MNIST(args.data_dir, train=False, download=args.download)
    # Whole-split tensors: the DataLoader then gathers each batch with one indexing op.
    train_x, train_y = (torch.from_numpy(a) for a in train_set.arrays())
    test_x, test_y = (torch.from_numpy(a) for a in test_set.arrays())
    source = "bundled mnist-5k" if train_set.bundled else str(train_set.root)
    print(f"{fw}: {len(train_set)} training / {len(test_set)} test digits ({source})")

    torch.manual_seed(args.seed)
    model = build_model(nn, F)
    criterion = nn.CrossEntropyLoss()
    if args.optimizer == "sgd":
        optimizer = optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)
    else:
        optimizer = optim.Adam(model.parameters(), lr=args.lr)

    generator = torch.Generator()
    loader = data.DataLoader(data.TensorDataset(train_x, train_y), batch_size=args.batch_size,
                             shuffle=True, generator=generator)

    out = Path(args.out)
    model_path, optim_path, state_path = checkpoint_paths(out, fw)
    history = {"train_loss": [], "test_accuracy": []}
    start_epoch = 0
    if args.resume:
        missing = [str(p) for p in (model_path, optim_path, state_path) if not p.is_file()]
        if missing:
            sys.exit(f"--resume: no checkpoint in {out} (missing {', '.join(missing)})")
        model.load_state_dict(torch.load(model_path))
        optimizer.load_state_dict(torch.load(optim_path))
        state = json.loads(state_path.read_text())
        start_epoch, history = state["epoch"], state["history"]
        print(f"resumed from {out} after epoch {start_epoch} "
              f"(test accuracy {history['test_accuracy'][-1]:.3f})")

    last_epoch = start_epoch + args.epochs
    if tqdm is None:
        print("tqdm is not installed: no progress bars (pip install 'fastgrad[examples]')")
    for epoch in range(start_epoch + 1, last_epoch + 1):
        # A shuffle seeded per epoch makes a resumed run see the batches an uninterrupted one would.
        generator.manual_seed(args.seed * 100_003 + epoch)
        t_epoch = time.perf_counter()
        # One bar per epoch that stays on screen, as tqdm users know; disable=None hides it where stderr is
        # not a terminal (logs, pipes), and then the summary line below is printed instead.
        # The bar is advanced by hand: a bar wrapped around the loader closes itself when the loader is
        # exhausted, before the test accuracy could be added to it.
        bar = None if tqdm is None else tqdm(total=len(loader), desc=f"epoch {epoch}/{last_epoch}", unit="batch",
                                              leave=True, disable=None, dynamic_ncols=True)
        shown = bar is not None and not bar.disable
        loss_sum, seen = 0.0, 0
        for x, y in loader:
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
            n = y.shape[0]
            loss_sum += loss.item() * n
            seen += n
            if shown:
                bar.set_postfix(loss=f"{loss_sum / seen:.4f}", refresh=False)
                bar.update(1)
        train_loss = loss_sum / seen
        accuracy = evaluate(torch, model, test_x, test_y)
        history["train_loss"].append(train_loss)
        history["test_accuracy"].append(accuracy)
        summary = (f"epoch {epoch}/{last_epoch}: train loss {train_loss:.4f}, test accuracy {accuracy:.3f} "
                   f"({time.perf_counter() - t_epoch:.2f} s)")
        if shown:
            bar.set_postfix_str(f"loss {train_loss:.4f}, test accuracy {accuracy:.3f}")
            bar.close()
        else:
            if bar is not None:
                bar.close()
            print(summary, flush=True)

    out.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), model_path)
    torch.save(optimizer.state_dict(), optim_path)
    state_path.write_text(json.dumps({"epoch": last_epoch, "history": history, "args": vars(args)}, indent=1))
    plot_path = save_plot(history, out / "mnist_mlp.png")
    accuracies = history["test_accuracy"]
    written = ", ".join(str(p) for p in [model_path, optim_path, state_path] + ([plot_path] if plot_path else []))
    if accuracies:
        best = max(range(len(accuracies)), key=accuracies.__getitem__)
        result = f"final test accuracy {accuracies[-1]:.3f} (best {accuracies[best]:.3f}, epoch {best + 1})"
    else:
        result = "no epoch trained"
    print(f"{result} after {time.perf_counter() - t_start:.1f} s; wrote {written}")
    return history


if __name__ == "__main__":
    main()
