"""Docstrings of the index-write family (scatter, scatter_reduce, index_copy, index_fill, index_put,
masked_scatter) and of their in-place Tensor methods, merged into FUNCTIONS and TENSOR by the package."""

FUNCTIONS = {}
TENSOR = {}

FUNCTIONS['scatter'] = """Returns a copy of ``input`` with ``src`` (or the number ``value``) written at ``index`` along ``dim``:
``out[index[i][j]][j] = src[i][j]`` for ``dim=0``. A repeated index keeps the last value written.

Args:
    input (Tensor): the input tensor.
    dim (int): the axis to write along.
    index (Tensor): int64 indices, no larger than ``src`` in any dim and than ``input`` outside ``dim``.
    src (Tensor): the values (only the ``index``-shaped corner is read), or
    value (float): one number for every written slot.
    reduce (str, optional): ``'add'`` or ``'multiply'`` combines instead of overwriting (torch's older
        form: no gradient; with a tensor ``src`` it warns, use `fastgrad.scatter_reduce`).

Examples:
    >>> fastgrad.scatter(fastgrad.zeros(2, 3), 0, fastgrad.tensor([[1, 0, 1]]), fastgrad.tensor([[1.0, 2.0, 3.0]]))
    tensor([[0., 2., 0.],
            [1., 0., 3.]])
    >>> fastgrad.zeros(3).scatter(0, fastgrad.tensor([2]), 5.0)
    tensor([0., 0., 5.])"""

FUNCTIONS['scatter_reduce'] = """Returns a copy of ``input`` where the values of ``src`` are reduced into the slots ``index`` names
along ``dim``, with ``reduce`` one of ``'sum'``, ``'prod'``, ``'mean'``, ``'amax'``, ``'amin'``.

Args:
    input (Tensor): the input tensor.
    dim (int): the axis to reduce along.
    index (Tensor): int64 indices, shaped like (a corner of) ``src``.
    src (Tensor): the values to reduce.
    reduce (str): the reduction.
    include_self (bool): whether ``input``'s own values take part where ``src`` lands (default True).

The gradient of ``'amax'``/``'amin'`` is shared evenly between tied values, as in torch.

Examples:
    >>> x = fastgrad.tensor([1.0, 2.0, 3.0])
    >>> fastgrad.scatter_reduce(x, 0, fastgrad.tensor([0, 0, 2]), fastgrad.tensor([5.0, 7.0, 1.0]), "amax")
    tensor([7., 2., 3.])
    >>> fastgrad.scatter_reduce(x, 0, fastgrad.tensor([0, 0]), fastgrad.tensor([5.0, 7.0]), "mean", include_self=False)
    tensor([6., 2., 3.])"""

FUNCTIONS['index_copy'] = """Returns a copy of ``input`` whose slices ``index[i]`` along ``dim`` are replaced by the slices ``i``
of ``source``.

Args:
    input (Tensor): the input tensor.
    dim (int): the dimension to index.
    index (Tensor): 1-D (or 0-d) int64 indices.
    source (Tensor): the slices to copy; ``source.shape[dim] == len(index)``.

Examples:
    >>> fastgrad.index_copy(fastgrad.zeros(3, 2), 0, fastgrad.tensor([2, 0]), fastgrad.tensor([[1.0, 2.0], [3.0, 4.0]]))
    tensor([[3., 4.],
            [0., 0.],
            [1., 2.]])"""

FUNCTIONS['index_fill'] = """Returns a copy of ``input`` whose slices ``index`` along ``dim`` are filled with ``value``.

Args:
    input (Tensor): the input tensor.
    dim (int): the dimension to index.
    index (Tensor): 1-D (or 0-d) int64 indices; negative ones count from the end.
    value (float or Tensor): a number or a 0-d tensor (differentiable).

Examples:
    >>> fastgrad.index_fill(fastgrad.zeros(2, 3), 1, fastgrad.tensor([0, -1]), 7.0)
    tensor([[7., 0., 7.],
            [7., 0., 7.]])"""

FUNCTIONS['index_put'] = """Returns a copy of ``input`` with ``values`` written at the advanced index ``indices`` (what
``input[indices] = values`` writes), or added there with ``accumulate=True`` (repeated indices add up).

Args:
    input (Tensor): the input tensor.
    indices (tuple of Tensor): int64 or bool index tensors, one per leading dim, broadcast together.
    values (Tensor): broadcast to the indexed shape; same dtype as ``input``.
    accumulate (bool): add instead of overwrite (default False).

Examples:
    >>> x = fastgrad.zeros(3)
    >>> fastgrad.index_put(x, (fastgrad.tensor([0, 0, 2]),), fastgrad.tensor([1.0, 2.0, 3.0]), accumulate=True)
    tensor([3., 0., 3.])"""

FUNCTIONS['masked_scatter'] = """Returns a copy of ``input`` where the slots ``mask`` sets take the elements of ``source`` in order.

Args:
    input (Tensor): the input tensor.
    mask (Tensor): bool, broadcast with ``input``.
    source (Tensor): at least as many elements as ``mask`` has ``True`` values.

Examples:
    >>> fastgrad.masked_scatter(fastgrad.zeros(4), fastgrad.tensor([True, False, True, False]), fastgrad.tensor([1.0, 2.0]))
    tensor([1., 0., 2., 0.])"""

for _name in ("scatter", "scatter_reduce", "index_copy", "index_fill", "index_put", "masked_scatter"):
    TENSOR[_name] = f"""See `fastgrad.{_name}`."""
for _name in ("scatter", "scatter_add", "scatter_reduce", "index_add", "index_copy", "index_fill", "index_put",
              "masked_scatter"):
    TENSOR[_name + "_"] = f"""In-place version of `Tensor.{_name}`: writes the result into ``self`` (recording it for
autograd when ``self`` or the written values require grad)."""
del _name
