"""A torchsummary-style table: each layer's output shape and parameter count for one forward pass."""
import fastgrad as _fg

_DTYPE_BYTES = {"float32": 4, "float64": 8, "int64": 8, "bool": 1}


def _nbytes(dtype):
    return _DTYPE_BYTES.get(str(dtype).rsplit(".", 1)[-1], 4)


def _out_shape(output, batch_size):
    if isinstance(output, (list, tuple)):
        return [_out_shape(o, batch_size) for o in output]
    shape = list(output.shape)
    if shape:
        shape[0] = batch_size
    return shape


def summary_string(model, input_size, batch_size=-1, device=None, dtypes=None):
    """Returns (text, (total_params, trainable_params)), like torchsummary.summary_string."""
    from ..._types import check_cpu_device
    check_cpu_device(device, "summary()")  # torchsummary builds its inputs there: only the CPU exists here
    if isinstance(input_size, tuple) and input_size and not isinstance(input_size[0], (tuple, list)):
        input_size = [input_size]
    dtypes = dtypes or [_fg.float32] * len(input_size)
    rows, handles = [], []
    container_types = (_fg.nn.Sequential, _fg.nn.ModuleList, _fg.nn.ModuleDict)

    def hook(module, args, output):
        n_params = trainable = 0
        for p in module.parameters(recurse=False):
            n_params += p.numel()
            trainable += p.numel() if p.requires_grad else 0
        rows.append((f"{type(module).__name__}-{len(rows) + 1}", _out_shape(output, batch_size),
                     n_params, trainable))

    for m in model.modules():
        if not isinstance(m, container_types) and m is not model:
            handles.append(m.register_forward_hook(hook))
    if not handles:
        handles.append(model.register_forward_hook(hook))
    was_training = model.training
    model.eval()
    try:
        # Batch of 2, as torchsummary uses, so BatchNorm-style layers accept it.
        xs = [_fg.rand((2,) + tuple(size)).to(dt) for size, dt in zip(input_size, dtypes)]
        with _fg.no_grad():
            model(*xs)
    finally:
        for h in handles:
            h.remove()
        model.train(was_training)

    line = "-" * 64
    out = [line, "{:>20}  {:>25} {:>15}".format("Layer (type)", "Output Shape", "Param #"), "=" * 64]
    total_output = 0
    for name, shape, n_params, _ in rows:
        out.append("{:>20}  {:>25} {:>15}".format(name, str(shape), "{0:,}".format(n_params)))
        flat = shape[0] if shape and isinstance(shape[0], list) else shape
        count = 1
        for s in flat:
            count *= abs(s)
        total_output += count
    total_params = sum(p.numel() for p in model.parameters())
    trainable_params = sum(p.numel() for p in model.parameters() if p.requires_grad)
    param_bytes = sum(p.numel() * _nbytes(p.dtype) for p in model.parameters())
    input_bytes = sum(abs(batch_size) * _prod(s) * _nbytes(dt) for s, dt in zip(input_size, dtypes))
    mb = 1024.0 ** 2
    input_mb = input_bytes / mb
    output_mb = 2.0 * total_output * 4 / mb  # x2 for gradients
    params_mb = param_bytes / mb
    out += ["=" * 64,
            f"Total params: {total_params:,}",
            f"Trainable params: {trainable_params:,}",
            f"Non-trainable params: {total_params - trainable_params:,}",
            line,
            f"Input size (MB): {input_mb:0.2f}",
            f"Forward/backward pass size (MB): {output_mb:0.2f}",
            f"Params size (MB): {params_mb:0.2f}",
            f"Estimated Total Size (MB): {input_mb + output_mb + params_mb:0.2f}",
            line]
    return "\n".join(out) + "\n", (total_params, trainable_params)


def _prod(shape):
    n = 1
    for s in shape:
        n *= s
    return n


def summary(model, input_size, batch_size=-1, device=None, dtypes=None):
    """Prints a Keras-style table of a model's layers (output shape and parameter count per module),
    running one forward pass on a random batch of 2 inputs of ``input_size``, as torchsummary does.

    Args:
        model (nn.Module): the model.
        input_size (tuple of ints, or a list of tuples): the input shape without the batch dimension (one tuple
            per input for a model with several).
        batch_size (int): the batch size shown in the table (-1 shows ``-1``; a batch of 2 is run). Default: -1.
        device (str or fastgrad.device, optional): where the inputs are made: ``None`` or the CPU (another
            device raises, as fastgrad runs on the CPU only).
        dtypes (list of fastgrad.dtype, optional): the dtype of each input. Default: float32.

    Examples:
        >>> model = nn.Sequential(nn.Linear(4, 3), nn.ReLU())
        >>> fastgrad.summary(model, (4,))  # doctest: +ELLIPSIS
        -----...
    """
    text, _ = summary_string(model, input_size, batch_size, device, dtypes)
    print(text, end="")
