"""Flatten and Unflatten."""
from .module import Module


class Flatten(Module):
    """Flattens dimensions ``start_dim`` to ``end_dim`` into one.

    Args:
        start_dim (int): first dimension to flatten. Default: 1 (keeps the batch dimension).
        end_dim (int): last dimension to flatten. Default: -1.

    Shape:
        - Input: ``(N, *dims)``; Output: ``(N, prod(dims))`` with the defaults.

    Examples:
        >>> nn.Flatten()(fastgrad.zeros(32, 1, 28, 28)).shape
        torch.Size([32, 784])
    """

    def __init__(self, start_dim=1, end_dim=-1):
        super().__init__()
        self.start_dim = start_dim
        self.end_dim = end_dim

    def forward(self, input):
        return input.flatten(self.start_dim, self.end_dim)

    def extra_repr(self):
        return f"start_dim={self.start_dim}, end_dim={self.end_dim}"


class Unflatten(Module):
    """Expands dimension ``dim`` into ``unflattened_size``: the inverse of `Flatten`.

    Args:
        dim (int): the dimension to expand.
        unflattened_size (tuple of ints): its new shape; the product must equal its size.

    Examples:
        >>> nn.Unflatten(1, (1, 28, 28))(fastgrad.zeros(32, 784)).shape
        torch.Size([32, 1, 28, 28])
    """

    def __init__(self, dim, unflattened_size):
        super().__init__()
        if not isinstance(dim, int):
            raise TypeError(f"invalid argument: 'dim' must be int, got {type(dim).__name__}")
        if not isinstance(unflattened_size, (tuple, list)):
            raise TypeError(f"unflattened_size must be tuple or list, but found type {type(unflattened_size).__name__}")
        self.dim = dim
        self.unflattened_size = unflattened_size

    def forward(self, input):
        shape = list(input.shape)
        dim = self.dim if self.dim >= 0 else self.dim + len(shape)
        return input.reshape(tuple(shape[:dim]) + tuple(self.unflattened_size) + tuple(shape[dim + 1:]))

    def extra_repr(self):
        return f"dim={self.dim}, unflattened_size={self.unflattened_size}"
