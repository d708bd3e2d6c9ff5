"""Flatten parameters into one vector and write a vector back into parameters."""
import fastgrad as _fg


def parameters_to_vector(parameters):
    """Concatenates the parameters, flattened, into one 1-D tensor.

    Args:
        parameters (iterable of Tensors): the parameters.

    Examples:
        >>> nn.utils.parameters_to_vector(nn.Linear(3, 2).parameters()).shape
        torch.Size([8])
    """
    return _fg.cat([p.reshape(-1) for p in parameters])


def vector_to_parameters(vec, parameters):
    """Copies slices of a 1-D tensor into the parameters, in order (the inverse of
    `parameters_to_vector`).

    Args:
        vec (Tensor): a 1-D tensor with as many elements as the parameters together.
        parameters (iterable of Tensors): the parameters to overwrite.

    Examples:
        >>> m = nn.Linear(3, 2)
        >>> nn.utils.vector_to_parameters(fastgrad.zeros(8), m.parameters())
        >>> m.bias
        Parameter containing:
        tensor([0., 0.], requires_grad=True)
    """
    if not isinstance(vec, _fg.Tensor):
        raise TypeError(f"expected fastgrad.Tensor, but got: {type(vec).__name__}")
    pointer = 0
    for param in parameters:
        n = param.numel()
        param.data = vec[pointer:pointer + n].reshape(tuple(param.shape)).data
        pointer += n
