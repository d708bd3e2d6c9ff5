"""Flatten parameters into one vector and write a vector back into parameters."""
import fastgrad as _fg


def parameters_to_vector(parameters):
    return _fg.cat([p.reshape(-1) for p in parameters])


def vector_to_parameters(vec, parameters):
    if not isinstance(vec, _fg.Tensor):
        raise TypeError(f"expected fastgrad.Tensor, but got: {type(vec).__name__}")
    pointer = 0
    for param in parameters:
        n = param.numel()
        param.data = vec[pointer:pointer + n].reshape(tuple(param.shape)).data
        pointer += n
