"""Reads the MNIST IDX files with numpy alone, so the epoch benchmark times training, not either framework's
dataset code, and both frameworks see byte-identical inputs."""
import gzip
import os

import numpy as np

MEAN, STD = 0.1307, 0.3081  # the usual MNIST normalisation


def _read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        raw = f.read()
    magic = int.from_bytes(raw[0:4], "big")
    if magic >> 8 != 0x08:  # 0x08: unsigned byte elements; the low byte is the rank
        raise ValueError(f"{path}: not a uint8 IDX file (magic {magic:#x})")
    ndim = magic & 0xFF
    dims = [int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def _file(directory, stem):
    for name in (stem + ".gz", stem):
        path = os.path.join(directory, name)
        if os.path.exists(path):
            return path
    raise FileNotFoundError(f"{stem}[.gz] not found in {directory}")


def load(directory, split="train"):
    """Images flattened to float32 (N, 784), normalised; labels int64 (N,)."""
    prefix = "train" if split == "train" else "t10k"
    images = _read_idx(_file(directory, f"{prefix}-images-idx3-ubyte"))
    labels = _read_idx(_file(directory, f"{prefix}-labels-idx1-ubyte"))
    x = (images.reshape(len(images), -1).astype(np.float32) / 255.0 - MEAN) / STD
    return np.ascontiguousarray(x, dtype=np.float32), labels.astype(np.int64)
