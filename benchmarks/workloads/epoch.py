"""One epoch over the bundled MNIST digits with a tutorial's training loop: DataLoader over a TensorDataset,
batch 64, shuffled, SGD with momentum, the running loss read with .item() every step."""
from timing import measure_fixed
from workloads import mlp, mnist_idx


def _test_accuracy(fw, model, directory):
    x, y = mnist_idx.load(directory, "test")
    with fw.mod.no_grad():
        logits = model(fw.from_numpy(x)).numpy()
    return float((logits.argmax(axis=1) == y).mean())


def epoch(fw, params, budget):
    x, y = mnist_idx.load(params["data_dir"], "train")
    fw.seed(0)
    data = fw.data
    loader = data.DataLoader(data.TensorDataset(fw.from_numpy(x), fw.from_numpy(y)),
                             batch_size=64, shuffle=True)
    model = mlp.build_model(fw)
    opt = fw.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss_fn = fw.nn.CrossEntropyLoss()
    last = {}

    def one_epoch():
        total, steps = 0.0, 0
        for xb, yb in loader:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            total += loss.item()
            steps += 1
        last["mean_loss"], last["steps"] = total / steps, steps

    out = measure_fixed(one_epoch, warmup=1, repeats=budget.blocks)
    out.update(images=len(x), steps=last["steps"], mean_loss_last_epoch=last["mean_loss"],
               epochs_run=1 + budget.blocks)
    try:
        out["test_accuracy"] = _test_accuracy(fw, model, params["data_dir"])
    except Exception as e:  # a sanity figure; its absence must not discard the timing
        out["test_accuracy_error"] = f"{type(e).__name__}: {e}"
    return out
