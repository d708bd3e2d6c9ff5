"""Peak resident memory of a training run: interpreter + framework + model + the steps' working set.

Read from the kernel (getrusage's ru_maxrss, kilobytes on Linux), so it counts every allocator, including
ones a framework's own statistics would not report. Must run alone in its process: the peak is process-wide.
"""
import resource

from workloads import mlp


def _current_rss_mib():
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def _peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_rss(fw, params, budget):
    after_import = _current_rss_mib()
    fw.seed(0)
    model = mlp.build_model(fw)
    opt = mlp.OPTIMIZERS[params["opt"]](fw.optim, model.parameters())
    loss_fn = fw.nn.CrossEntropyLoss()
    x, y = mlp.batch(fw, params["batch"])
    for _ in range(params["steps"]):
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
    loss.item()
    return {"peak_rss_mib": _peak_rss_mib(), "rss_after_import_mib": after_import,
            "batch": params["batch"], "steps": params["steps"]}
