"""Docstrings of fastgrad.Tensor's C++-bound methods and properties.

As in torch, a method that mirrors a function points to it ("See fastgrad.add"), and an in-place method
(name ending in ``_``) to its out-of-place twin. The examples run as doctests in tests/test_docstrings.py.
"""

TENSOR = {}

TENSOR[''] = """A multi-dimensional array of float32, float64, float16, bfloat16, int64, int32, int16, int8, uint8 or bool
elements, on the CPU, that autograd can differentiate: fastgrad's ``torch.Tensor``.

Create one with `fastgrad.tensor`, `fastgrad.zeros`, `fastgrad.randn` ... or share a
numpy array's memory with `fastgrad.from_numpy`. Operators (``+``, ``@``, ``[]``, ``+=`` ...) and
methods follow torch's semantics: broadcasting, type promotion, views that share memory, and reverse-mode
autograd through `Tensor.backward` when ``requires_grad`` is set.

Examples:
    >>> x = fastgrad.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    >>> y = (x * x).sum()
    >>> y.backward()
    >>> x.grad
    tensor([[2., 4.],
            [6., 8.]])"""

TENSOR['abs'] = """See `fastgrad.abs`."""

TENSOR['neg'] = """See `fastgrad.neg`."""

TENSOR['negative'] = """See `fastgrad.negative`."""

TENSOR['sign'] = """See `fastgrad.sign`."""

TENSOR['square'] = """See `fastgrad.square`."""

TENSOR['sin'] = """See `fastgrad.sin`."""

TENSOR['cos'] = """See `fastgrad.cos`."""

TENSOR['tanh'] = """See `fastgrad.tanh`."""

TENSOR['sigmoid'] = """See `fastgrad.sigmoid`."""

TENSOR['erf'] = """See `fastgrad.erf`."""

TENSOR['relu'] = """See `fastgrad.relu`."""

TENSOR['floor'] = """See `fastgrad.floor`."""

TENSOR['ceil'] = """See `fastgrad.ceil`."""

TENSOR['trunc'] = """See `fastgrad.trunc`."""

TENSOR['exp'] = """See `fastgrad.exp`."""

TENSOR['log'] = """See `fastgrad.log`."""

TENSOR['log1p'] = """See `fastgrad.log1p`."""

TENSOR['sqrt'] = """See `fastgrad.sqrt`."""

TENSOR['rsqrt'] = """See `fastgrad.rsqrt`."""

TENSOR['reciprocal'] = """See `fastgrad.reciprocal`."""

TENSOR['round'] = """See `fastgrad.round`."""

TENSOR['isnan'] = """See `fastgrad.isnan`."""

TENSOR['isinf'] = """See `fastgrad.isinf`."""

TENSOR['isfinite'] = """See `fastgrad.isfinite`."""

TENSOR['isposinf'] = """See `fastgrad.isposinf`."""

TENSOR['isneginf'] = """See `fastgrad.isneginf`."""

TENSOR['logical_not'] = """See `fastgrad.logical_not`."""

TENSOR['logical_and'] = """See `fastgrad.logical_and`."""

TENSOR['logical_or'] = """See `fastgrad.logical_or`."""

TENSOR['logical_xor'] = """See `fastgrad.logical_xor`."""

TENSOR['bitwise_not'] = """See `fastgrad.bitwise_not`."""

TENSOR['bitwise_and'] = """See `fastgrad.bitwise_and`."""

TENSOR['bitwise_or'] = """See `fastgrad.bitwise_or`."""

TENSOR['bitwise_xor'] = """See `fastgrad.bitwise_xor`."""

TENSOR['add'] = """See `fastgrad.add`."""

TENSOR['sub'] = """See `fastgrad.sub`."""

TENSOR['mul'] = """See `fastgrad.mul`."""

TENSOR['div'] = """See `fastgrad.div`."""

TENSOR['true_divide'] = """See `fastgrad.true_divide`."""

TENSOR['floor_divide'] = """See `fastgrad.floor_divide`."""

TENSOR['remainder'] = """See `fastgrad.remainder`."""

TENSOR['fmod'] = """See `fastgrad.fmod`."""

TENSOR['pow'] = """See `fastgrad.pow`."""

TENSOR['maximum'] = """See `fastgrad.maximum`."""

TENSOR['minimum'] = """See `fastgrad.minimum`."""

TENSOR['eq'] = """See `fastgrad.eq`."""

TENSOR['ne'] = """See `fastgrad.ne`."""

TENSOR['lt'] = """See `fastgrad.lt`."""

TENSOR['le'] = """See `fastgrad.le`."""

TENSOR['gt'] = """See `fastgrad.gt`."""

TENSOR['ge'] = """See `fastgrad.ge`."""

TENSOR['clamp'] = """See `fastgrad.clamp`."""

TENSOR['clip'] = """See `fastgrad.clip`."""

TENSOR['clamp_min'] = """See `fastgrad.clamp_min`."""

TENSOR['clamp_max'] = """See `fastgrad.clamp_max`."""

TENSOR['softmax'] = """See `fastgrad.softmax`."""

TENSOR['log_softmax'] = """See `fastgrad.log_softmax`."""

TENSOR['logsumexp'] = """See `fastgrad.logsumexp`."""

TENSOR['sum'] = """See `fastgrad.sum`."""

TENSOR['mean'] = """See `fastgrad.mean`."""

TENSOR['prod'] = """See `fastgrad.prod`."""

TENSOR['amax'] = """See `fastgrad.amax`."""

TENSOR['amin'] = """See `fastgrad.amin`."""

TENSOR['argmax'] = """See `fastgrad.argmax`."""

TENSOR['argmin'] = """See `fastgrad.argmin`."""

TENSOR['all'] = """See `fastgrad.all`."""

TENSOR['any'] = """See `fastgrad.any`."""

TENSOR['var'] = """See `fastgrad.var`."""

TENSOR['std'] = """See `fastgrad.std`."""

TENSOR['cumsum'] = """See `fastgrad.cumsum`."""

TENSOR['cumprod'] = """See `fastgrad.cumprod`."""

TENSOR['matmul'] = """See `fastgrad.matmul`."""

TENSOR['mm'] = """See `fastgrad.mm`."""

TENSOR['dot'] = """See `fastgrad.dot`."""

TENSOR['masked_fill'] = """See `fastgrad.masked_fill`."""

TENSOR['gather'] = """See `fastgrad.gather`."""

TENSOR['index_select'] = """See `fastgrad.index_select`."""

TENSOR['scatter_add'] = """See `fastgrad.scatter_add`."""

TENSOR['index_add'] = """See `fastgrad.index_add`."""

TENSOR['reshape'] = """See `fastgrad.reshape`."""

TENSOR['permute'] = """See `fastgrad.permute`."""

TENSOR['transpose'] = """See `fastgrad.transpose`."""

TENSOR['swapaxes'] = """See `fastgrad.swapaxes`."""

TENSOR['t'] = """See `fastgrad.t`."""

TENSOR['squeeze'] = """See `fastgrad.squeeze`."""

TENSOR['unsqueeze'] = """See `fastgrad.unsqueeze`."""

TENSOR['flatten'] = """See `fastgrad.flatten`."""

TENSOR['narrow'] = """See `fastgrad.narrow`."""

TENSOR['select'] = """See `fastgrad.select`."""

TENSOR['flip'] = """See `fastgrad.flip`."""

TENSOR['tril'] = """See `fastgrad.tril`."""

TENSOR['triu'] = """See `fastgrad.triu`."""

TENSOR['split'] = """See `fastgrad.split`."""

TENSOR['chunk'] = """See `fastgrad.chunk`."""

TENSOR['clone'] = """See `fastgrad.clone`."""

TENSOR['where'] = """``self.where(condition, y)`` is ``fastgrad.where(condition, self, y)``. See `fastgrad.where`."""

TENSOR['abs_'] = """In-place version of `Tensor.abs`: writes the result into ``self``."""

TENSOR['add_'] = """In-place version of `Tensor.add`: writes the result into ``self``."""

TENSOR['ceil_'] = """In-place version of `Tensor.ceil`: writes the result into ``self``."""

TENSOR['clamp_'] = """In-place version of `Tensor.clamp`: writes the result into ``self``."""

TENSOR['clamp_max_'] = """In-place version of `Tensor.clamp_max`: writes the result into ``self``."""

TENSOR['clamp_min_'] = """In-place version of `Tensor.clamp_min`: writes the result into ``self``."""

TENSOR['div_'] = """In-place version of `Tensor.div`: writes the result into ``self``."""

TENSOR['exp_'] = """In-place version of `Tensor.exp`: writes the result into ``self``."""

TENSOR['floor_'] = """In-place version of `Tensor.floor`: writes the result into ``self``."""

TENSOR['floor_divide_'] = """In-place version of `Tensor.floor_divide`: writes the result into ``self``."""

TENSOR['fmod_'] = """In-place version of `Tensor.fmod`: writes the result into ``self``."""

TENSOR['log_'] = """In-place version of `Tensor.log`: writes the result into ``self``."""

TENSOR['masked_fill_'] = """In-place version of `Tensor.masked_fill`: writes the result into ``self``."""

TENSOR['mul_'] = """In-place version of `Tensor.mul`: writes the result into ``self``."""

TENSOR['neg_'] = """In-place version of `Tensor.neg`: writes the result into ``self``."""

TENSOR['pow_'] = """In-place version of `Tensor.pow`: writes the result into ``self``."""

TENSOR['relu_'] = """In-place version of `Tensor.relu`: writes the result into ``self``."""

TENSOR['remainder_'] = """In-place version of `Tensor.remainder`: writes the result into ``self``."""

TENSOR['round_'] = """In-place version of `Tensor.round`: writes the result into ``self``."""

TENSOR['sigmoid_'] = """In-place version of `Tensor.sigmoid`: writes the result into ``self``."""

TENSOR['sqrt_'] = """In-place version of `Tensor.sqrt`: writes the result into ``self``."""

TENSOR['sub_'] = """In-place version of `Tensor.sub`: writes the result into ``self``."""

TENSOR['tanh_'] = """In-place version of `Tensor.tanh`: writes the result into ``self``."""

TENSOR['tril_'] = """In-place version of `Tensor.tril`: writes the result into ``self``."""

TENSOR['triu_'] = """In-place version of `Tensor.triu`: writes the result into ``self``."""

TENSOR['trunc_'] = """In-place version of `Tensor.trunc`: writes the result into ``self``."""

TENSOR['max'] = """With no ``dim``: the largest element, as a 0-d tensor. With ``dim``: a named tuple ``(values, indices)`` of the maxima along ``dim`` and their positions. See `fastgrad.max`.

Args:
    dim (int, optional): the dimension to reduce.
    keepdim (bool): keep ``dim`` with size 1. Default: ``False``.

Examples:
    >>> fastgrad.tensor([[1, 5], [3, 2]]).max(dim=1)
    torch.return_types.max(
    values=tensor([5, 3]),
    indices=tensor([1, 0]))"""

TENSOR['min'] = """With no ``dim``: the smallest element, as a 0-d tensor. With ``dim``: a named tuple ``(values, indices)``. See `fastgrad.min`.

Args:
    dim (int, optional): the dimension to reduce.
    keepdim (bool): keep ``dim`` with size 1. Default: ``False``.

Examples:
    >>> fastgrad.tensor([[1, 5], [3, 2]]).min()
    tensor(1)"""

TENSOR['backward'] = """Computes the gradient of this tensor with respect to the graph leaves that require grad, and
accumulates it into their ``.grad``. For a non-scalar tensor pass ``gradient``, the vector in the
vector-Jacobian product. The graph's saved tensors are freed unless ``retain_graph``.

Args:
    gradient (Tensor, optional): the gradient of the final result with respect to this tensor (needed unless this tensor has one element).
    retain_graph (bool, optional): keep the graph so backward can run through it again. Default: ``create_graph``.
    create_graph (bool): record the backward pass so higher-order gradients can be taken. Default: ``False``.
    inputs (sequence of Tensors, optional): accumulate only into these tensors' ``.grad``.

Examples:
    >>> x = fastgrad.tensor([1.0, 2.0], requires_grad=True)
    >>> (x ** 2).sum().backward()
    >>> x.grad
    tensor([2., 4.])"""

TENSOR['register_hook'] = """Registers a function called with this tensor's gradient during backward; it may return a new gradient to use instead.

Args:
    hook (callable): ``hook(grad) -> Tensor or None``.

Returns:
    a handle whose ``remove()`` unregisters the hook.

Examples:
    >>> x = fastgrad.tensor([1.0, 2.0], requires_grad=True)
    >>> h = x.register_hook(lambda g: g * 10)
    >>> x.sum().backward()
    >>> x.grad
    tensor([10., 10.])
    >>> h.remove()"""

TENSOR['retain_grad'] = """Makes this non-leaf tensor keep its ``.grad`` after backward (leaves always do).

Examples:
    >>> x = fastgrad.tensor([1.0], requires_grad=True)
    >>> y = x * 2
    >>> y.retain_grad()
    >>> (y * 3).sum().backward()
    >>> y.grad
    tensor([3.])"""

TENSOR['requires_grad_'] = """Sets ``requires_grad`` in place and returns ``self``.

Args:
    requires_grad (bool): Default: ``True``.

Examples:
    >>> fastgrad.zeros(2).requires_grad_().requires_grad
    True"""

TENSOR['detach'] = """Returns a tensor that shares this tensor's memory but is out of the autograd graph.

Examples:
    >>> x = fastgrad.tensor([1.0], requires_grad=True)
    >>> (x * 2).detach().requires_grad
    False"""

TENSOR['detach_'] = """Detaches this tensor from the graph that created it, in place, making it a leaf."""

TENSOR['item'] = """Returns the value of a one-element tensor as a Python number.

Examples:
    >>> fastgrad.tensor([[2.5]]).item()
    2.5"""

TENSOR['numpy'] = """Returns a numpy array that shares this tensor's memory (the tensor must not require grad: call ``detach()`` first).

Examples:
    >>> fastgrad.tensor([1, 2]).numpy()
    array([1, 2])"""

TENSOR['size'] = """Returns the shape as a `fastgrad.Size` (a tuple), or the size of dimension ``dim``.

Args:
    dim (int, optional): the dimension.

Examples:
    >>> x = fastgrad.zeros(2, 3)
    >>> x.size()
    torch.Size([2, 3])
    >>> x.size(-1)
    3"""

TENSOR['stride'] = """Returns the strides (in elements) as a tuple, or the stride of dimension ``dim``.

Args:
    dim (int, optional): the dimension.

Examples:
    >>> fastgrad.zeros(2, 3).stride()
    (3, 1)
    >>> fastgrad.zeros(2, 3).t().stride()
    (1, 3)"""

TENSOR['storage_offset'] = """Returns this tensor's offset in its storage, in elements.

Examples:
    >>> fastgrad.arange(5)[2:].storage_offset()
    2"""

TENSOR['dim'] = """Returns the number of dimensions.

Examples:
    >>> fastgrad.zeros(2, 3).dim()
    2"""

TENSOR['ndimension'] = """Alias of `Tensor.dim`."""

TENSOR['numel'] = """Returns the number of elements.

Examples:
    >>> fastgrad.zeros(2, 3).numel()
    6"""

TENSOR['nelement'] = """Alias of `Tensor.numel`."""

TENSOR['element_size'] = """Returns the size of one element in bytes.

Examples:
    >>> fastgrad.zeros(1, dtype=fastgrad.float64).element_size()
    8"""

TENSOR['is_contiguous'] = """Returns ``True`` when the elements are laid out row-major without gaps.

Examples:
    >>> x = fastgrad.zeros(2, 3)
    >>> x.is_contiguous(), x.t().is_contiguous()
    (True, False)"""

TENSOR['contiguous'] = """Returns ``self`` if it is contiguous, else a contiguous copy (which autograd tracks)."""

TENSOR['is_floating_point'] = """Returns ``True`` for float32 and float64 tensors.

Examples:
    >>> fastgrad.tensor([1]).is_floating_point()
    False"""

TENSOR['view'] = """Returns a tensor with the same data and a new shape, sharing memory. Raises when the strides do not allow a view (use `Tensor.reshape` then). ``view(dtype)`` reinterprets the bytes as another dtype of the same size.

Args:
    *shape (int...): the new shape; one dimension may be -1.

Examples:
    >>> fastgrad.arange(6).view(2, 3)
    tensor([[0, 1, 2],
            [3, 4, 5]])"""

TENSOR['view_as'] = """``self.view(other.shape)``."""

TENSOR['reshape_as'] = """``self.reshape(other.shape)``."""

TENSOR['expand'] = """Returns a view with dimensions of size 1 repeated to the given sizes (no copy); -1 keeps a size.

Args:
    *sizes (int...): the new shape.

Examples:
    >>> fastgrad.tensor([[1], [2]]).expand(2, 3)
    tensor([[1, 1, 1],
            [2, 2, 2]])"""

TENSOR['expand_as'] = """``self.expand(other.size())``."""

TENSOR['to'] = """Returns this tensor converted to another dtype (or ``self`` when it already has it). ``to('cpu')`` is accepted; any other device raises, as fastgrad runs on the CPU only.

Args:
    dtype (fastgrad.dtype): the target dtype.
    device (str or fastgrad.device, optional): must be the CPU.
    copy (bool): always return a new tensor. Default: ``False``.

Examples:
    >>> fastgrad.tensor([1, 2]).to(fastgrad.float32)
    tensor([1., 2.])"""

TENSOR['type_as'] = """Returns this tensor converted to the dtype of ``other``."""

TENSOR['float'] = """``self.to(fastgrad.float32)``."""

TENSOR['double'] = """``self.to(fastgrad.float64)``."""

TENSOR['long'] = """``self.to(fastgrad.int64)``."""

TENSOR['bool'] = """``self.to(fastgrad.bool)``."""

TENSOR['int'] = """``self.to(fastgrad.int32)``."""

TENSOR['short'] = """``self.to(fastgrad.int16)``."""

TENSOR['char'] = """``self.to(fastgrad.int8)``."""

TENSOR['byte'] = """``self.to(fastgrad.uint8)``."""

TENSOR['half'] = """``self.to(fastgrad.float16)``: rounds to nearest even; values past 65504 become inf."""

TENSOR['bfloat16'] = """``self.to(fastgrad.bfloat16)``: float32's range with 8 bits of precision, rounded to nearest even."""

TENSOR['is_signed'] = """Whether the tensor's dtype holds negative values (every dtype but ``bool`` and ``uint8``).

Examples:
    >>> fastgrad.zeros(1, dtype=fastgrad.uint8).is_signed(), fastgrad.zeros(1, dtype=fastgrad.int8).is_signed()
    (False, True)
"""

TENSOR['cpu'] = """Returns ``self``: fastgrad tensors are always on the CPU."""

TENSOR['copy_'] = """Copies the elements of ``src`` into ``self`` (broadcasting and converting dtype) and returns ``self``.

Args:
    src (Tensor): the source.

Examples:
    >>> x = fastgrad.zeros(2, 2)
    >>> x.copy_(fastgrad.tensor([1.0, 2.0]))
    tensor([[1., 2.],
            [1., 2.]])"""

TENSOR['fill_'] = """Fills ``self`` with ``value`` and returns it.

Args:
    value (Number): the value.

Examples:
    >>> fastgrad.zeros(3).fill_(2.0)
    tensor([2., 2., 2.])"""

TENSOR['zero_'] = """Fills ``self`` with zeros and returns it."""

TENSOR['uniform_'] = """Fills ``self`` with numbers drawn uniformly from ``[from, to)``.

Args:
    from (float): Default: 0.
    to (float): Default: 1.
    generator (fastgrad.Generator, optional): the random stream."""

TENSOR['normal_'] = """Fills ``self`` with numbers drawn from a normal distribution.

Args:
    mean (float): Default: 0.
    std (float): Default: 1.
    generator (fastgrad.Generator, optional): the random stream."""

TENSOR['bernoulli_'] = """Fills ``self`` with 0 or 1, drawing 1 with probability ``p``.

Args:
    p (float or Tensor): Default: 0.5.
    generator (fastgrad.Generator, optional): the random stream."""

TENSOR['lerp_'] = """In place: ``self += weight * (end - self)``.

Args:
    end (Tensor): the end point.
    weight (float or Tensor): the interpolation weight."""

TENSOR['addcmul_'] = """In place: ``self += value * tensor1 * tensor2``.

Args:
    tensor1 (Tensor): 
    tensor2 (Tensor): 
    value (Number): Default: 1."""

TENSOR['addcdiv_'] = """In place: ``self += value * tensor1 / tensor2``.

Args:
    tensor1 (Tensor): 
    tensor2 (Tensor): 
    value (Number): Default: 1."""

TENSOR['shape'] = """The shape of the tensor, a `fastgrad.Size` (a tuple of ints)."""

TENSOR['ndim'] = """The number of dimensions (`Tensor.dim`)."""

TENSOR['dtype'] = """The `fastgrad.dtype` of the elements."""

TENSOR['device'] = """The device: always ``cpu``."""

TENSOR['is_cuda'] = """``False``: fastgrad runs on the CPU."""

TENSOR['requires_grad'] = """Whether autograd records operations on this tensor (settable on leaves)."""

TENSOR['grad'] = """The gradient accumulated by backward into this tensor (a leaf, or a tensor that called ``retain_grad()``), or ``None``. Settable; ``optimizer.zero_grad()`` resets it."""

TENSOR['is_leaf'] = """``True`` for tensors created by the user rather than by a recorded operation."""

TENSOR['grad_fn'] = """The autograd node that created this tensor, or ``None`` for a leaf."""

TENSOR['retains_grad'] = """Whether this non-leaf tensor keeps its ``.grad`` (see `Tensor.retain_grad`)."""

TENSOR['data'] = """This tensor detached from autograd (shares memory). Setting it replaces the contents."""

TENSOR['T'] = """The tensor with its dimensions reversed (the transpose of a matrix)."""

TENSOR['mT'] = """The tensor with its last two dimensions swapped (a batch of transposed matrices)."""


TENSOR['tan'] = """See `fastgrad.tan`."""

TENSOR['asin'] = """See `fastgrad.asin`."""

TENSOR['acos'] = """See `fastgrad.acos`."""

TENSOR['atan'] = """See `fastgrad.atan`."""

TENSOR['sinh'] = """See `fastgrad.sinh`."""

TENSOR['cosh'] = """See `fastgrad.cosh`."""

TENSOR['asinh'] = """See `fastgrad.asinh`."""

TENSOR['acosh'] = """See `fastgrad.acosh`."""

TENSOR['atanh'] = """See `fastgrad.atanh`."""

TENSOR['erfc'] = """See `fastgrad.erfc`."""

TENSOR['exp2'] = """See `fastgrad.exp2`."""

TENSOR['expm1'] = """See `fastgrad.expm1`."""

TENSOR['log2'] = """See `fastgrad.log2`."""

TENSOR['log10'] = """See `fastgrad.log10`."""

TENSOR['lerp'] = """See `fastgrad.lerp`."""

TENSOR['exp2_'] = """In-place version of `Tensor.exp2`: writes the result into ``self``."""

TENSOR['expm1_'] = """In-place version of `Tensor.expm1`: writes the result into ``self``."""

TENSOR['log2_'] = """In-place version of `Tensor.log2`: writes the result into ``self``."""

TENSOR['log10_'] = """In-place version of `Tensor.log10`: writes the result into ``self``."""

TENSOR['log1p_'] = """In-place version of `Tensor.log1p`: writes the result into ``self``."""

TENSOR['rsqrt_'] = """In-place version of `Tensor.rsqrt`: writes the result into ``self``."""

TENSOR['reciprocal_'] = """In-place version of `Tensor.reciprocal`: writes the result into ``self``."""

TENSOR['sign_'] = """In-place version of `Tensor.sign`: writes the result into ``self``."""

TENSOR['sin_'] = """In-place version of `Tensor.sin`: writes the result into ``self``."""

TENSOR['cos_'] = """In-place version of `Tensor.cos`: writes the result into ``self``."""

TENSOR['tan_'] = """In-place version of `Tensor.tan`: writes the result into ``self``."""

TENSOR['asin_'] = """In-place version of `Tensor.asin`: writes the result into ``self``."""

TENSOR['acos_'] = """In-place version of `Tensor.acos`: writes the result into ``self``."""

TENSOR['atan_'] = """In-place version of `Tensor.atan`: writes the result into ``self``."""

TENSOR['sinh_'] = """In-place version of `Tensor.sinh`: writes the result into ``self``."""

TENSOR['cosh_'] = """In-place version of `Tensor.cosh`: writes the result into ``self``."""

TENSOR['asinh_'] = """In-place version of `Tensor.asinh`: writes the result into ``self``."""

TENSOR['acosh_'] = """In-place version of `Tensor.acosh`: writes the result into ``self``."""

TENSOR['atanh_'] = """In-place version of `Tensor.atanh`: writes the result into ``self``."""

TENSOR['erf_'] = """In-place version of `Tensor.erf`: writes the result into ``self``."""

TENSOR['erfc_'] = """In-place version of `Tensor.erfc`: writes the result into ``self``."""

TENSOR['cauchy_'] = """Fills ``self`` with numbers drawn from the Cauchy distribution with ``median`` and scale ``sigma``."""

TENSOR['log_normal_'] = """Fills ``self`` with numbers whose logarithm is normal with ``mean`` and ``std``."""

TENSOR['exponential_'] = """Fills ``self`` with numbers drawn from the exponential distribution of rate ``lambd``."""

TENSOR['geometric_'] = """Fills ``self`` with the number of Bernoulli(``p``) trials until the first success (1, 2, ...)."""

TENSOR['random_'] = """Fills ``self`` with integers drawn uniformly from ``[from, to)`` (``random_(to)``, ``random_(from, to)``; with no argument, the dtype's range)."""

TENSOR['bernoulli'] = """Returns 0 or 1 for each element, 1 with probability ``p`` (or, without ``p``, the element's own value). See `fastgrad.bernoulli`."""

TENSOR['multinomial'] = """See `fastgrad.multinomial`."""

GENERATOR = {}

GENERATOR[''] = """A random number stream, seeded with ``manual_seed``. Pass one as ``generator=`` to the random functions, samplers and ``DataLoader`` to keep a stream apart from the default one.

Examples:
    >>> g = fastgrad.Generator().manual_seed(0)
    >>> fastgrad.rand(2, generator=g)
    tensor([0.4963, 0.7682])"""

GENERATOR['manual_seed'] = """Seeds this generator and returns it.

Args:
    seed (int): the seed."""

GENERATOR['seed'] = """Seeds this generator from a non-deterministic source and returns the seed."""

GENERATOR['initial_seed'] = """Returns the seed this generator was last seeded with."""

GENERATOR['get_state'] = """Returns the generator's state as a uint8 tensor (restore it with ``set_state``)."""

GENERATOR['set_state'] = """Restores a state returned by ``get_state``.

Args:
    state (Tensor): the state."""



# methods that mirror the functions added with the activation, product, sorting and helper families
for _name in ("selu", "silu", "mish", "softsign", "tanhshrink", "hardsigmoid", "hardswish", "hardshrink", "prelu",
              "bmm", "baddbmm", "addmm", "mv", "addmv", "outer", "ger", "diagonal", "diag", "trace", "sort",
              "argsort", "topk", "kthvalue", "median", "cummax", "cummin", "unique", "isclose", "allclose", "equal",
              "nan_to_num", "addcmul", "addcdiv", "tile", "repeat_interleave", "roll", "nonzero", "masked_select",
              "take_along_dim", "count_nonzero", "mode", "bincount", "histc", "histogram",
              "frac", "logit", "xlogy", "aminmax", "cross", "renorm", "logcumsumexp", "diff", "fliplr", "flipud", "rot90",
              "atan2", "arctan2", "hypot", "logaddexp", "logaddexp2", "fmax", "fmin", "copysign", "float_power",
              "heaviside", "signbit", "deg2rad", "rad2deg", "sgn", "sinc", "nansum", "nanmean", "inner", "kron", "cov",
              "corrcoef", "broadcast_to", "ravel", "tensor_split", "hsplit", "vsplit",
              "dsplit", "unflatten", "take", "argwhere", "msort", "unique_consecutive", "quantile", "nanquantile",
              "nanmedian", "diag_embed", "diagflat", "addr", "addbmm", "dist", "split_with_sizes", "positive",
              "ldexp"):
    TENSOR[_name] = f"See `fastgrad.{_name}`."
TENSOR["sum_to_size"] = """The sum of the tensor down to ``size`` (the reverse of broadcasting to this tensor's shape).

Examples:
    >>> fastgrad.ones(2, 3).sum_to_size(1, 3)
    tensor([[2., 2., 2.]])"""
for _name in ("selu", "silu", "mish", "softsign", "tanhshrink", "hardsigmoid", "hardswish"):
    TENSOR[_name + "_"] = f"In-place version of `Tensor.{_name}`."
TENSOR["repeat"] = """Repeats the tensor ``sizes[i]`` times along dim ``i`` (as numpy's tile); there may be more
sizes than dims (new leading dims).

Examples:
    >>> fastgrad.tensor([1, 2]).repeat(2, 2)
    tensor([[1, 2, 1, 2],
            [1, 2, 1, 2]])"""
TENSOR["unbind"] = "See `fastgrad.unbind`: the slices along ``dim`` as a tuple of views."
TENSOR["movedim"] = "See `fastgrad.movedim`: a view with the dims in ``source`` moved to ``destination``."
TENSOR["moveaxis"] = "Alias of `Tensor.movedim`."
