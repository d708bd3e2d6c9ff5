"""Datasets shaped like torchvision's, for fastgrad."""

from .mnist import MNIST, read_idx

__all__ = ["MNIST", "read_idx"]
