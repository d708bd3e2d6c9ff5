"""Data-parallel training of the 784-128-64-10 MNIST MLP over MPI processes.

    pip install ".[distributed]"                       # mpi4py + the MPICH runtime (mpirun) from PyPI
    mpirun -n 2 python examples/mnist_ddp.py           # 2 processes on the bundled 5,000 digits
    mpirun -n 4 python examples/mnist_ddp.py --epochs 3 --batch-size 32
    python examples/mnist_ddp.py                       # a single process (a world of size 1) also works

Each process trains on its own share of every epoch (DistributedSampler); DistributedDataParallel starts
every replica from rank 0's parameters and averages the gradients after each backward, so all replicas
take the same optimizer steps. ``--batch-size`` is per process: the global batch is batch-size x processes.
Rank 0 prints the losses, the median step time and the test accuracy.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import fastgrad as torch
import fastgrad.distributed as dist
import fastgrad.nn as nn
import fastgrad.nn.functional as F
from fastgrad.datasets import MNIST
from fastgrad.nn.parallel import DistributedDataParallel as DDP
from fastgrad.utils.data import DataLoader, DistributedSampler, TensorDataset


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--batch-size", type=int, default=64, help="per process")
    p.add_argument("--lr", type=float, default=0.05, help="SGD learning rate (momentum 0.9)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--data-dir", default=None, help="MNIST IDX files (default: the bundled 5,000 digits)")
    p.add_argument("--bucket-cap-mb", type=float, default=None, help="DDP bucket size (default 25 MB)")
    p.add_argument("--threads", type=int, default=None,
                   help="compute threads per process (default: $OMP_NUM_THREADS, else the cores shared among "
                        "this host's processes)")
    return p.parse_args(argv)


def default_threads(world):
    """Processes x threads beyond the cores is the classic CPU-training slowdown: without an explicit
    setting, share this host's cores among its ranks (mpirun tells each rank how many share its host)."""
    if os.environ.get("OMP_NUM_THREADS"):
        return None
    local = os.environ.get("MPI_LOCALNRANKS") or os.environ.get("OMPI_COMM_WORLD_LOCAL_SIZE") or world
    return max(1, (os.cpu_count() or 1) // int(local))


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


def main(argv=None):
    args = parse_args(argv)
    dist.init_process_group("mpi")
    rank, world = dist.get_rank(), dist.get_world_size()
    threads = args.threads or default_threads(world)
    if threads:
        torch.set_num_threads(threads)

    def log(*a):
        if rank == 0:
            print(*a, flush=True)

    train_set, test_set = MNIST(args.data_dir, train=True), MNIST(args.data_dir, train=False)
    train_x, train_y = (torch.from_numpy(a) for a in train_set.arrays())
    test_x, test_y = (torch.from_numpy(a) for a in test_set.arrays())
    log(f"{world} process(es) x {torch.get_num_threads()} thread(s); {len(train_set)} training / "
        f"{len(test_set)} test digits; global batch {args.batch_size * world}")

    torch.manual_seed(args.seed)
    model = DDP(Net(), bucket_cap_mb=args.bucket_cap_mb)  # every rank starts from rank 0's parameters
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)
    criterion = nn.CrossEntropyLoss()
    dataset = TensorDataset(train_x, train_y)
    sampler = DistributedSampler(dataset, seed=args.seed)  # this rank's share of each epoch
    loader = DataLoader(dataset, batch_size=args.batch_size, sampler=sampler)

    t_start = time.perf_counter()
    for epoch in range(1, args.epochs + 1):
        sampler.set_epoch(epoch)  # a new order every epoch, the same on every rank
        step_times, loss_sum, seen = [], torch.zeros(2, dtype=torch.float64), 0
        t_epoch = t_step = time.perf_counter()
        for x, y in loader:
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()  # returns with the gradients averaged over all ranks
            optimizer.step()
            n = y.shape[0]
            loss_sum[0] += loss.item() * n
            loss_sum[1] += n
            now = time.perf_counter()
            step_times.append(now - t_step)
            t_step = now
        dist.all_reduce(loss_sum)  # the epoch's loss over every rank's samples
        model.eval()
        if rank == 0:
            with torch.no_grad():
                accuracy = (model(test_x).argmax(dim=1) == test_y).sum().item() / test_y.shape[0]
        model.train()
        log(f"epoch {epoch}/{args.epochs}: train loss {(loss_sum[0] / loss_sum[1]).item():.4f}, "
            f"{len(step_times)} steps, step time median {statistics.median(step_times) * 1e3:.2f} ms, "
            f"mean {statistics.mean(step_times) * 1e3:.2f} ms "
            f"({time.perf_counter() - t_epoch:.2f} s)")
        if rank == 0:
            print(f"test accuracy: {accuracy:.3f}", flush=True)
    log(f"done in {time.perf_counter() - t_start:.1f} s")
    dist.destroy_process_group()


if __name__ == "__main__":
    main()
