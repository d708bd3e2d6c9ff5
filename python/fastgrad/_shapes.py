"""torch.broadcast_shapes: the shape that tensors of the given shapes broadcast to."""
from ._types import Size


def broadcast_shapes(*shapes):
    """The shape that tensors of the given shapes broadcast to, as torch.broadcast_shapes.

    Examples:
        >>> fastgrad.broadcast_shapes((2, 1), (3,))
        torch.Size([2, 3])
    """
    result = []
    for index, shape in enumerate(shapes):
        shape = (shape,) if isinstance(shape, int) else tuple(shape)
        given = shape
        for s in shape:
            if not isinstance(s, int) or s < 0:
                raise RuntimeError(f"Trying to create tensor with negative dimension {s}: {list(shape)}")
        padded = [1] * (len(shape) - len(result)) + result
        width = max(len(padded), len(shape))
        shape = (1,) * (width - len(shape)) + shape
        out = []
        for k, (a, b) in enumerate(zip(padded, shape)):
            if a != b and a != 1 and b != 1:
                raise RuntimeError(f"Attempting to broadcast a dimension of length {b} at {k - width}! Mismatching "
                                   f"argument at index {index} had {given}; but expected shape should be "
                                   f"broadcastable to {result}")
            out.append(b if a == 1 else a)
        result = out
    return Size(result)
