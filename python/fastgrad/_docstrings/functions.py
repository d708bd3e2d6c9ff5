"""Docstrings of the functions fastgrad's C++ core binds (fastgrad.add, fastgrad.sum, ...).

Plain text in the Google style (Args:, Examples:); the examples are run as doctests by
tests/test_docstrings.py, so keep their outputs true.
"""

FUNCTIONS = {}

FUNCTIONS['abs'] = """Returns a new tensor with the absolute value of the elements of ``input``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
    >>> fastgrad.abs(a)
    tensor([1.5000, 0.0000, 0.5000, 2.0000])"""

FUNCTIONS['neg'] = """Returns a new tensor with the negative of the elements of ``input``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
    >>> fastgrad.neg(a)
    tensor([ 1.5000, -0.0000, -0.5000, -2.0000])"""

FUNCTIONS['negative'] = """Returns a new tensor with the negative of the elements of ``input``. Alias of `fastgrad.neg`.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
    >>> fastgrad.negative(a)
    tensor([ 1.5000, -0.0000, -0.5000, -2.0000])"""

FUNCTIONS['sign'] = """Returns a new tensor with the sign (-1, 0 or 1) of the elements of ``input``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
    >>> fastgrad.sign(a)
    tensor([-1.,  0.,  1.,  1.])"""

FUNCTIONS['square'] = """Returns a new tensor with the square of the elements of ``input``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
    >>> fastgrad.square(a)
    tensor([2.2500, 0.0000, 0.2500, 4.0000])"""

FUNCTIONS['sin'] = """Returns a new tensor with the sine (in radians) of the elements of ``input``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
    >>> fastgrad.sin(a)
    tensor([-0.9975,  0.0000,  0.4794,  0.9093])"""

FUNCTIONS['cos'] = """Returns a new tensor with the cosine (in radians) of the elements of ``input``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
    >>> fastgrad.cos(a)
    tensor([ 0.0707,  1.0000,  0.8776, -0.4161])"""

FUNCTIONS['tanh'] = """Returns a new tensor with the hyperbolic tangent of the elements of ``input``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
    >>> fastgrad.tanh(a)
    tensor([-0.9051,  0.0000,  0.4621,  0.9640])"""

FUNCTIONS['sigmoid'] = """Applies the logistic sigmoid ``1 / (1 + exp(-x))`` to the elements of ``input``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
    >>> fastgrad.sigmoid(a)
    tensor([0.1824, 0.5000, 0.6225, 0.8808])"""

FUNCTIONS['erf'] = """Returns a new tensor with the error function of the elements of ``input``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
    >>> fastgrad.erf(a)
    tensor([-0.9661,  0.0000,  0.5205,  0.9953])"""

FUNCTIONS['relu'] = """Applies the rectified linear unit ``max(x, 0)`` to the elements of ``input`` (NaN stays NaN).

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
    >>> fastgrad.relu(a)
    tensor([0.0000, 0.0000, 0.5000, 2.0000])"""

FUNCTIONS['floor'] = """Returns a new tensor with the floor of the elements of ``input``: the largest integer not greater than each.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
    >>> fastgrad.floor(a)
    tensor([-2.,  0.,  0.,  2.])"""

FUNCTIONS['ceil'] = """Returns a new tensor with the ceiling of the elements of ``input``: the smallest integer not less than each.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
    >>> fastgrad.ceil(a)
    tensor([-1.,  0.,  1.,  2.])"""

FUNCTIONS['trunc'] = """Returns a new tensor with the integer part (rounded towards zero) of the elements of ``input``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
    >>> fastgrad.trunc(a)
    tensor([-1.,  0.,  0.,  2.])"""

FUNCTIONS['exp'] = """Returns a new tensor with the exponential of the elements of ``input``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([0.0, 1.0, 2.0])
    >>> fastgrad.exp(a)
    tensor([1.0000, 2.7183, 7.3891])"""

FUNCTIONS['log'] = """Returns a new tensor with the natural logarithm of the elements of ``input``.

Note:
    ``log`` of a negative number is NaN and of 0 is ``-inf``, as in torch.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([1.0, 2.0, 10.0])
    >>> fastgrad.log(a)
    tensor([0.0000, 0.6931, 2.3026])"""

FUNCTIONS['log1p'] = """Returns ``log(1 + x)`` for the elements ``x`` of ``input``, accurate also for small ``x``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([0.0, 1e-8, 1.0])
    >>> fastgrad.log1p(a)
    tensor([0.0000e+00, 1.0000e-08, 6.9315e-01])"""

FUNCTIONS['sqrt'] = """Returns a new tensor with the square root of the elements of ``input``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([0.0, 1.0, 4.0, 2.0])
    >>> fastgrad.sqrt(a)
    tensor([0.0000, 1.0000, 2.0000, 1.4142])"""

FUNCTIONS['rsqrt'] = """Returns a new tensor with the reciprocal of the square root of the elements of ``input``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([0.25, 1.0, 4.0])
    >>> fastgrad.rsqrt(a)
    tensor([2.0000, 1.0000, 0.5000])"""

FUNCTIONS['reciprocal'] = """Returns a new tensor with the reciprocal, ``1 / x``, of the elements of ``input``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([0.5, 1.0, 4.0])
    >>> fastgrad.reciprocal(a)
    tensor([2.0000, 1.0000, 0.2500])"""

FUNCTIONS['round'] = """Rounds the elements of ``input`` to the nearest integer, halves to even (as torch and numpy do), or to ``decimals`` decimal places.

Args:
    input (Tensor): the input tensor.
    decimals (int): the number of decimal places. Default: 0.

Examples:
    >>> fastgrad.round(fastgrad.tensor([0.5, 1.5, 2.5, -0.7]))
    tensor([ 0.,  2.,  2., -1.])
    >>> fastgrad.round(fastgrad.tensor([1.234, 5.678]), decimals=1)
    tensor([1.2000, 5.7000])"""

FUNCTIONS['isnan'] = """Returns a boolean tensor that is ``True`` where the element of ``input`` is NaN.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> fastgrad.isnan(fastgrad.tensor([1.0, float('inf'), float('-inf'), float('nan')]))
    tensor([False, False, False,  True])"""

FUNCTIONS['isinf'] = """Returns a boolean tensor that is ``True`` where the element of ``input`` is positive or negative infinity.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> fastgrad.isinf(fastgrad.tensor([1.0, float('inf'), float('-inf'), float('nan')]))
    tensor([False,  True,  True, False])"""

FUNCTIONS['isfinite'] = """Returns a boolean tensor that is ``True`` where the element of ``input`` is finite (not infinity, not NaN).

Args:
    input (Tensor): the input tensor.

Examples:
    >>> fastgrad.isfinite(fastgrad.tensor([1.0, float('inf'), float('-inf'), float('nan')]))
    tensor([ True, False, False, False])"""

FUNCTIONS['isposinf'] = """Returns a boolean tensor that is ``True`` where the element of ``input`` is positive infinity.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> fastgrad.isposinf(fastgrad.tensor([1.0, float('inf'), float('-inf'), float('nan')]))
    tensor([False,  True, False, False])"""

FUNCTIONS['isneginf'] = """Returns a boolean tensor that is ``True`` where the element of ``input`` is negative infinity.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> fastgrad.isneginf(fastgrad.tensor([1.0, float('inf'), float('-inf'), float('nan')]))
    tensor([False, False,  True, False])"""

FUNCTIONS['logical_not'] = """Computes the logical NOT of ``input``: zero is ``False``, anything else ``True``. Returns a bool tensor.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> fastgrad.logical_not(fastgrad.tensor([0, 1, -2]))
    tensor([ True, False, False])"""

FUNCTIONS['logical_and'] = """Computes the element-wise logical AND of ``input`` and ``other`` (zero is ``False``, anything else ``True``). Returns a bool tensor.

Args:
    input (Tensor): the input tensor.
    other (Tensor): the second operand; broadcast against ``input``.

Examples:
    >>> fastgrad.logical_and(fastgrad.tensor([True, True, False]), fastgrad.tensor([True, False, False]))
    tensor([ True, False, False])"""

FUNCTIONS['logical_or'] = """Computes the element-wise logical OR of ``input`` and ``other`` (zero is ``False``, anything else ``True``). Returns a bool tensor.

Args:
    input (Tensor): the input tensor.
    other (Tensor): the second operand; broadcast against ``input``.

Examples:
    >>> fastgrad.logical_or(fastgrad.tensor([True, True, False]), fastgrad.tensor([True, False, False]))
    tensor([ True,  True, False])"""

FUNCTIONS['logical_xor'] = """Computes the element-wise logical XOR of ``input`` and ``other`` (zero is ``False``, anything else ``True``). Returns a bool tensor.

Args:
    input (Tensor): the input tensor.
    other (Tensor): the second operand; broadcast against ``input``.

Examples:
    >>> fastgrad.logical_xor(fastgrad.tensor([True, True, False]), fastgrad.tensor([True, False, False]))
    tensor([False,  True, False])"""

FUNCTIONS['bitwise_not'] = """Computes the bitwise NOT of ``input``, an integer or bool tensor.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> fastgrad.bitwise_not(fastgrad.tensor([0, 5, -3]))
    tensor([-1, -6,  2])"""

FUNCTIONS['bitwise_and'] = """Computes the bitwise AND of ``input`` and ``other``, integer or bool tensors.

Args:
    input (Tensor): the input tensor.
    other (Tensor or int): the second operand; broadcast against ``input``.

Examples:
    >>> fastgrad.bitwise_and(fastgrad.tensor([12, 10]), fastgrad.tensor([10, 6]))
    tensor([8, 2])"""

FUNCTIONS['bitwise_or'] = """Computes the bitwise OR of ``input`` and ``other``, integer or bool tensors.

Args:
    input (Tensor): the input tensor.
    other (Tensor or int): the second operand; broadcast against ``input``.

Examples:
    >>> fastgrad.bitwise_or(fastgrad.tensor([12, 10]), fastgrad.tensor([10, 6]))
    tensor([14, 14])"""

FUNCTIONS['bitwise_xor'] = """Computes the bitwise XOR of ``input`` and ``other``, integer or bool tensors.

Args:
    input (Tensor): the input tensor.
    other (Tensor or int): the second operand; broadcast against ``input``.

Examples:
    >>> fastgrad.bitwise_xor(fastgrad.tensor([12, 10]), fastgrad.tensor([10, 6]))
    tensor([ 6, 12])"""

FUNCTIONS['add'] = """Adds ``other``, scaled by ``alpha``, to ``input``: ``out = input + alpha * other``, with broadcasting and torch's type promotion.

Args:
    input (Tensor): the input tensor.
    other (Tensor or Number): the second operand; broadcast against ``input``.
    alpha (Number): the multiplier for ``other``. Default: 1.

Examples:
    >>> a = fastgrad.tensor([1.0, 2.0, 3.0])
    >>> fastgrad.add(a, 10)
    tensor([11., 12., 13.])
    >>> fastgrad.add(a, fastgrad.tensor([1.0, 1.0, 1.0]), alpha=0.5)
    tensor([1.5000, 2.5000, 3.5000])"""

FUNCTIONS['sub'] = """Subtracts ``other``, scaled by ``alpha``, from ``input``: ``out = input - alpha * other``.

Args:
    input (Tensor): the input tensor.
    other (Tensor or Number): the second operand; broadcast against ``input``.
    alpha (Number): the multiplier for ``other``. Default: 1.

Examples:
    >>> fastgrad.sub(fastgrad.tensor([5.0, 7.0]), fastgrad.tensor([1.0, 2.0]), alpha=2)
    tensor([3., 3.])"""

FUNCTIONS['mul'] = """Multiplies ``input`` by ``other`` element-wise, with broadcasting.

Args:
    input (Tensor): the input tensor.
    other (Tensor or Number): the second operand; broadcast against ``input``.

Examples:
    >>> fastgrad.mul(fastgrad.tensor([[1.0], [2.0]]), fastgrad.tensor([1.0, 10.0, 100.0]))
    tensor([[  1.,  10., 100.],
            [  2.,  20., 200.]])"""

FUNCTIONS['div'] = """Divides ``input`` by ``other`` element-wise. Integer inputs give a float result unless ``rounding_mode`` is given.

Args:
    input (Tensor): the input tensor.
    other (Tensor or Number): the divisor; broadcast against ``input``.
    rounding_mode (str, optional): ``None`` for true division, ``'trunc'`` to round towards zero, ``'floor'`` to round down.

Examples:
    >>> a = fastgrad.tensor([-7, 7])
    >>> fastgrad.div(a, 2)
    tensor([-3.5000,  3.5000])
    >>> fastgrad.div(a, 2, rounding_mode='floor')
    tensor([-4,  3])
    >>> fastgrad.div(a, 2, rounding_mode='trunc')
    tensor([-3,  3])"""

FUNCTIONS['true_divide'] = """Alias of `fastgrad.div` with ``rounding_mode=None``.

Args:
    input (Tensor): the input tensor.
    other (Tensor or Number): the divisor.

Examples:
    >>> fastgrad.true_divide(fastgrad.tensor([1, 3]), 2)
    tensor([0.5000, 1.5000])"""

FUNCTIONS['floor_divide'] = """Divides ``input`` by ``other`` and rounds down (``div(input, other, rounding_mode='floor')``).

Args:
    input (Tensor): the input tensor.
    other (Tensor or Number): the divisor.

Examples:
    >>> fastgrad.floor_divide(fastgrad.tensor([-7, 7]), 2)
    tensor([-4,  3])"""

FUNCTIONS['remainder'] = """Computes Python's modulus: the remainder has the sign of the divisor (``input - floor(input / other) * other``).

Args:
    input (Tensor or Number): the dividend.
    other (Tensor or Number): the divisor.

Examples:
    >>> fastgrad.remainder(fastgrad.tensor([-3, -2, 2, 3]), 2)
    tensor([1, 0, 0, 1])"""

FUNCTIONS['fmod'] = """Computes C's ``fmod``: the remainder has the sign of the dividend.

Args:
    input (Tensor): the input tensor.
    other (Tensor or Number): the divisor.

Examples:
    >>> fastgrad.fmod(fastgrad.tensor([-3, -2, 2, 3]), 2)
    tensor([-1,  0,  0,  1])"""

FUNCTIONS['pow'] = """Raises ``input`` to the power ``exponent`` element-wise; either may be a number.

Args:
    input (Tensor or Number): the base.
    exponent (Tensor or Number): the exponent.

Examples:
    >>> fastgrad.pow(fastgrad.tensor([1.0, 2.0, 3.0]), 2)
    tensor([1., 4., 9.])
    >>> fastgrad.pow(2, fastgrad.tensor([0, 1, 3]))
    tensor([1, 2, 8])"""

FUNCTIONS['maximum'] = """Element-wise maximum of ``input`` and ``other``; NaN wins over any number.

Args:
    input (Tensor): the input tensor.
    other (Tensor): the second tensor; broadcast against ``input``.

Examples:
    >>> fastgrad.maximum(fastgrad.tensor([1.0, 5.0]), fastgrad.tensor([3.0, 2.0]))
    tensor([3., 5.])"""

FUNCTIONS['minimum'] = """Element-wise minimum of ``input`` and ``other``; NaN wins over any number.

Args:
    input (Tensor): the input tensor.
    other (Tensor): the second tensor; broadcast against ``input``.

Examples:
    >>> fastgrad.minimum(fastgrad.tensor([1.0, 5.0]), fastgrad.tensor([3.0, 2.0]))
    tensor([1., 2.])"""

FUNCTIONS['eq'] = """Computes ``input == other`` element-wise. Returns a bool tensor.

Args:
    input (Tensor): the input tensor.
    other (Tensor or Number): the value(s) to compare with; broadcast against ``input``.

Examples:
    >>> fastgrad.eq(fastgrad.tensor([1, 2, 3]), 2)
    tensor([False,  True, False])"""

FUNCTIONS['ne'] = """Computes ``input != other`` element-wise. Returns a bool tensor.

Args:
    input (Tensor): the input tensor.
    other (Tensor or Number): the value(s) to compare with; broadcast against ``input``.

Examples:
    >>> fastgrad.ne(fastgrad.tensor([1, 2, 3]), 2)
    tensor([ True, False,  True])"""

FUNCTIONS['lt'] = """Computes ``input < other`` element-wise. Returns a bool tensor.

Args:
    input (Tensor): the input tensor.
    other (Tensor or Number): the value(s) to compare with; broadcast against ``input``.

Examples:
    >>> fastgrad.lt(fastgrad.tensor([1, 2, 3]), 2)
    tensor([ True, False, False])"""

FUNCTIONS['le'] = """Computes ``input <= other`` element-wise. Returns a bool tensor.

Args:
    input (Tensor): the input tensor.
    other (Tensor or Number): the value(s) to compare with; broadcast against ``input``.

Examples:
    >>> fastgrad.le(fastgrad.tensor([1, 2, 3]), 2)
    tensor([ True,  True, False])"""

FUNCTIONS['gt'] = """Computes ``input > other`` element-wise. Returns a bool tensor.

Args:
    input (Tensor): the input tensor.
    other (Tensor or Number): the value(s) to compare with; broadcast against ``input``.

Examples:
    >>> fastgrad.gt(fastgrad.tensor([1, 2, 3]), 2)
    tensor([False, False,  True])"""

FUNCTIONS['ge'] = """Computes ``input >= other`` element-wise. Returns a bool tensor.

Args:
    input (Tensor): the input tensor.
    other (Tensor or Number): the value(s) to compare with; broadcast against ``input``.

Examples:
    >>> fastgrad.ge(fastgrad.tensor([1, 2, 3]), 2)
    tensor([False,  True,  True])"""

FUNCTIONS['clamp'] = """Clamps every element of ``input`` into ``[min, max]``. Either bound may be omitted, and either may be a tensor broadcast against ``input``.

Args:
    input (Tensor): the input tensor.
    min (Number or Tensor, optional): the lower bound.
    max (Number or Tensor, optional): the upper bound.

Examples:
    >>> fastgrad.clamp(fastgrad.tensor([-2.0, 0.5, 3.0]), min=-1.0, max=1.0)
    tensor([-1.0000,  0.5000,  1.0000])"""

FUNCTIONS['clip'] = """Alias of `fastgrad.clamp`.

Args:
    input (Tensor): the input tensor.
    min (Number or Tensor, optional): the lower bound.
    max (Number or Tensor, optional): the upper bound.

Examples:
    >>> fastgrad.clip(fastgrad.tensor([-2.0, 0.5, 3.0]), 0.0, 1.0)
    tensor([0.0000, 0.5000, 1.0000])"""

FUNCTIONS['clamp_min'] = """Clamps ``input`` from below: ``max(input, min)``.

Args:
    input (Tensor): the input tensor.
    min (Number): the lower bound.

Examples:
    >>> fastgrad.clamp_min(fastgrad.tensor([-2.0, 3.0]), 0.0)
    tensor([0., 3.])"""

FUNCTIONS['clamp_max'] = """Clamps ``input`` from above: ``min(input, max)``.

Args:
    input (Tensor): the input tensor.
    max (Number): the upper bound.

Examples:
    >>> fastgrad.clamp_max(fastgrad.tensor([-2.0, 3.0]), 0.0)
    tensor([-2.,  0.])"""

FUNCTIONS['leaky_relu'] = """Applies ``max(0, x) + negative_slope * min(0, x)`` element-wise.

Args:
    input (Tensor): the input tensor.
    negative_slope (float): the slope for negative inputs. Default: 0.01.

Examples:
    >>> fastgrad.leaky_relu(fastgrad.tensor([-2.0, 0.0, 3.0]), 0.1)
    tensor([-0.2000,  0.0000,  3.0000])"""

FUNCTIONS['gelu'] = """Applies the Gaussian Error Linear Unit, ``x * Phi(x)`` with ``Phi`` the standard normal CDF, or its tanh approximation.

Args:
    input (Tensor): the input tensor.
    approximate (str): ``'none'`` (exact, with erf) or ``'tanh'``. Default: ``'none'``.

Examples:
    >>> fastgrad.gelu(fastgrad.tensor([-1.0, 0.0, 1.0]))
    tensor([-0.1587,  0.0000,  0.8413])"""

FUNCTIONS['softplus'] = """Applies ``1 / beta * log(1 + exp(beta * x))`` element-wise; where ``beta * x > threshold`` the result is ``x`` (for numerical stability).

Args:
    input (Tensor): the input tensor.
    beta (float): Default: 1.
    threshold (float): Default: 20.

Examples:
    >>> fastgrad.softplus(fastgrad.tensor([-1.0, 0.0, 1.0]))
    tensor([0.3133, 0.6931, 1.3133])"""

FUNCTIONS['softmax'] = """Applies softmax along ``dim``: ``exp(x_i) / sum_j exp(x_j)``, computed max-shifted so large inputs do not overflow. The slices along ``dim`` sum to 1.

Args:
    input (Tensor): the input tensor.
    dim (int): the dimension softmax normalises over.
    dtype (fastgrad.dtype, optional): the dtype the input is cast to before the operation.

Examples:
    >>> fastgrad.softmax(fastgrad.tensor([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]]), dim=1)
    tensor([[0.0900, 0.2447, 0.6652],
            [0.3333, 0.3333, 0.3333]])"""

FUNCTIONS['log_softmax'] = """Applies ``log(softmax(x))`` along ``dim``, computed as ``x - logsumexp(x)`` (stable for large inputs).

Args:
    input (Tensor): the input tensor.
    dim (int): the dimension to normalise over.
    dtype (fastgrad.dtype, optional): the dtype the input is cast to before the operation.

Examples:
    >>> fastgrad.log_softmax(fastgrad.tensor([1.0, 2.0, 3.0]), dim=0)
    tensor([-2.4076, -1.4076, -0.4076])"""

FUNCTIONS['logsumexp'] = """Returns ``log(sum(exp(input), dim))``, computed max-shifted so it neither overflows nor underflows.

Args:
    input (Tensor): the input tensor.
    dim (int or tuple of ints): the dimension(s) to reduce.
    keepdim (bool): whether the output keeps the reduced dimension(s) with size 1. Default: ``False``.

Examples:
    >>> fastgrad.logsumexp(fastgrad.tensor([[0.0, 0.0], [1000.0, 1000.0]]), dim=1)
    tensor([6.9315e-01, 1.0007e+03])"""

FUNCTIONS['sum'] = """Returns the sum of ``input``: over all elements, or over ``dim`` (the reduced dimensions are removed unless ``keepdim``).

Args:
    input (Tensor): the input tensor.
    dim (int or tuple of ints, optional): the dimension(s) to reduce; all of them when omitted.
    keepdim (bool): whether the output keeps the reduced dimension(s) with size 1. Default: ``False``.
    dtype (fastgrad.dtype, optional): the dtype the input is cast to before the operation.

Examples:
    >>> a = fastgrad.tensor([[1.0, 2.0], [3.0, 4.0]])
    >>> fastgrad.sum(a)
    tensor(10.)
    >>> fastgrad.sum(a, dim=0)
    tensor([4., 6.])
    >>> fastgrad.sum(a, 1, keepdim=True)
    tensor([[3.],
            [7.]])"""

FUNCTIONS['mean'] = """Returns the mean of ``input``: over all elements, or over ``dim`` (the reduced dimensions are removed unless ``keepdim``).

Note:
    ``input`` must be floating point (or pass ``dtype``).

Args:
    input (Tensor): the input tensor.
    dim (int or tuple of ints, optional): the dimension(s) to reduce; all of them when omitted.
    keepdim (bool): whether the output keeps the reduced dimension(s) with size 1. Default: ``False``.
    dtype (fastgrad.dtype, optional): the dtype the input is cast to before the operation.

Examples:
    >>> a = fastgrad.tensor([[1.0, 2.0], [3.0, 4.0]])
    >>> fastgrad.mean(a)
    tensor(2.5000)
    >>> fastgrad.mean(a, dim=1)
    tensor([1.5000, 3.5000])"""

FUNCTIONS['prod'] = """Returns the product of ``input``: over all elements, or over ``dim`` (the reduced dimensions are removed unless ``keepdim``).

Note:
    ``dim`` is a single int when given.

Args:
    input (Tensor): the input tensor.
    dim (int or tuple of ints, optional): the dimension(s) to reduce; all of them when omitted.
    keepdim (bool): whether the output keeps the reduced dimension(s) with size 1. Default: ``False``.
    dtype (fastgrad.dtype, optional): the dtype the input is cast to before the operation.

Examples:
    >>> a = fastgrad.tensor([[1.0, 2.0], [3.0, 4.0]])
    >>> fastgrad.prod(a)
    tensor(24.)
    >>> fastgrad.prod(a, dim=0)
    tensor([3., 8.])"""

FUNCTIONS['amax'] = """Returns the maximum values of ``input``: over all elements, or over ``dim`` (the reduced dimensions are removed unless ``keepdim``).

Note:
    The gradient is shared evenly between equal maxima, as in torch.

Args:
    input (Tensor): the input tensor.
    dim (int or tuple of ints, optional): the dimension(s) to reduce; all of them when omitted.
    keepdim (bool): whether the output keeps the reduced dimension(s) with size 1. Default: ``False``.

Examples:
    >>> a = fastgrad.tensor([[1.0, 5.0], [3.0, 2.0]])
    >>> fastgrad.amax(a)
    tensor(5.)
    >>> fastgrad.amax(a, dim=0)
    tensor([3., 5.])"""

FUNCTIONS['amin'] = """Returns the minimum values of ``input``: over all elements, or over ``dim`` (the reduced dimensions are removed unless ``keepdim``).

Args:
    input (Tensor): the input tensor.
    dim (int or tuple of ints, optional): the dimension(s) to reduce; all of them when omitted.
    keepdim (bool): whether the output keeps the reduced dimension(s) with size 1. Default: ``False``.

Examples:
    >>> a = fastgrad.tensor([[1.0, 5.0], [3.0, 2.0]])
    >>> fastgrad.amin(a, dim=1)
    tensor([1., 2.])"""

FUNCTIONS['argmax'] = """Returns the index of the largest element of ``input``: in the flattened tensor, or along ``dim`` (which is removed unless ``keepdim``). Ties give the first index.

Args:
    input (Tensor): the input tensor.
    dim (int or tuple of ints, optional): the dimension(s) to reduce; all of them when omitted.
    keepdim (bool): whether the output keeps the reduced dimension(s) with size 1. Default: ``False``.

Examples:
    >>> a = fastgrad.tensor([[1.0, 5.0], [3.0, 2.0]])
    >>> fastgrad.argmax(a)
    tensor(1)
    >>> fastgrad.argmax(a, dim=1)
    tensor([1, 0])"""

FUNCTIONS['argmin'] = """Returns the index of the smallest element of ``input``: in the flattened tensor, or along ``dim`` (which is removed unless ``keepdim``). Ties give the first index.

Args:
    input (Tensor): the input tensor.
    dim (int or tuple of ints, optional): the dimension(s) to reduce; all of them when omitted.
    keepdim (bool): whether the output keeps the reduced dimension(s) with size 1. Default: ``False``.

Examples:
    >>> fastgrad.argmin(fastgrad.tensor([[1.0, 5.0], [3.0, 2.0]]), dim=0)
    tensor([0, 1])"""

FUNCTIONS['all'] = """Tests whether every element of ``input`` is non-zero: over all elements, or along ``dim`` (which is removed unless ``keepdim``). Returns a bool tensor.

Args:
    input (Tensor): the input tensor.
    dim (int or tuple of ints, optional): the dimension(s) to reduce; all of them when omitted.
    keepdim (bool): whether the output keeps the reduced dimension(s) with size 1. Default: ``False``.

Examples:
    >>> fastgrad.all(fastgrad.tensor([[True, False], [True, True]]), dim=1)
    tensor([False,  True])"""

FUNCTIONS['any'] = """Tests whether some element of ``input`` is non-zero: over all elements, or along ``dim`` (which is removed unless ``keepdim``). Returns a bool tensor.

Args:
    input (Tensor): the input tensor.
    dim (int or tuple of ints, optional): the dimension(s) to reduce; all of them when omitted.
    keepdim (bool): whether the output keeps the reduced dimension(s) with size 1. Default: ``False``.

Examples:
    >>> fastgrad.any(fastgrad.tensor([[True, False], [False, False]]), dim=1)
    tensor([ True, False])"""

FUNCTIONS['var'] = """Returns the variance of ``input``: over all elements, or over ``dim`` (the reduced dimensions are removed unless ``keepdim``).

Args:
    input (Tensor): the input tensor.
    dim (int or tuple of ints, optional): the dimension(s) to reduce; all of them when omitted.
    keepdim (bool): whether the output keeps the reduced dimension(s) with size 1. Default: ``False``.
    unbiased (bool, optional): ``True`` divides by ``N - 1`` (Bessel's correction), ``False`` by ``N``.
    correction (int, optional): divide by ``N - correction``. Default: 1.

Examples:
    >>> a = fastgrad.tensor([1.0, 2.0, 3.0, 4.0])
    >>> fastgrad.var(a)
    tensor(1.6667)
    >>> fastgrad.var(a, correction=0)
    tensor(1.2500)"""

FUNCTIONS['std'] = """Returns the standard deviation of ``input``: over all elements, or over ``dim`` (the reduced dimensions are removed unless ``keepdim``).

Args:
    input (Tensor): the input tensor.
    dim (int or tuple of ints, optional): the dimension(s) to reduce; all of them when omitted.
    keepdim (bool): whether the output keeps the reduced dimension(s) with size 1. Default: ``False``.
    unbiased (bool, optional): ``True`` divides by ``N - 1`` (Bessel's correction), ``False`` by ``N``.
    correction (int, optional): divide by ``N - correction``. Default: 1.

Examples:
    >>> fastgrad.std(fastgrad.tensor([1.0, 2.0, 3.0, 4.0]))
    tensor(1.2910)"""

FUNCTIONS['cumsum'] = """Returns the cumulative sum of ``input`` along ``dim``: element ``i`` combines elements ``0..i``.

Args:
    input (Tensor): the input tensor.
    dim (int): the dimension to scan.
    dtype (fastgrad.dtype, optional): the dtype the input is cast to before the operation.

Examples:
    >>> fastgrad.cumsum(fastgrad.tensor([1.0, 2.0, 3.0, 4.0]), dim=0)
    tensor([ 1.,  3.,  6., 10.])"""

FUNCTIONS['cumprod'] = """Returns the cumulative product of ``input`` along ``dim``: element ``i`` combines elements ``0..i``. The gradient is exact also where ``input`` has zeros.

Args:
    input (Tensor): the input tensor.
    dim (int): the dimension to scan.
    dtype (fastgrad.dtype, optional): the dtype the input is cast to before the operation.

Examples:
    >>> fastgrad.cumprod(fastgrad.tensor([1.0, 2.0, 3.0, 4.0]), dim=0)
    tensor([ 1.,  2.,  6., 24.])"""

FUNCTIONS['matmul'] = """Matrix product of two tensors, following torch's rules: 1-D @ 1-D is a dot product, 2-D @ 2-D a matrix product, a 1-D operand is treated as a row (left) or column (right) vector, and leading dimensions broadcast as batch dimensions.

Args:
    input (Tensor): the first operand.
    other (Tensor): the second operand.

Shape:
    ``(*, n, m) @ (*, m, p) -> (*, n, p)``

Examples:
    >>> a = fastgrad.ones(2, 3)
    >>> b = fastgrad.ones(3, 4)
    >>> fastgrad.matmul(a, b).shape
    torch.Size([2, 4])
    >>> fastgrad.matmul(fastgrad.ones(5, 2, 3), b).shape
    torch.Size([5, 2, 4])"""

FUNCTIONS['mm'] = """Matrix product of two 2-D tensors (no broadcasting; see `fastgrad.matmul` for that).

Args:
    input (Tensor): an ``(n, m)`` matrix.
    mat2 (Tensor): an ``(m, p)`` matrix.

Shape:
    ``(n, m) @ (m, p) -> (n, p)``

Examples:
    >>> fastgrad.mm(fastgrad.tensor([[1.0, 2.0]]), fastgrad.tensor([[3.0], [4.0]]))
    tensor([[11.]])"""

FUNCTIONS['dot'] = """Dot product of two 1-D tensors of the same length.

Args:
    input (Tensor): a 1-D tensor.
    other (Tensor): a 1-D tensor.

Examples:
    >>> fastgrad.dot(fastgrad.tensor([1.0, 2.0, 3.0]), fastgrad.tensor([4.0, 5.0, 6.0]))
    tensor(32.)"""

FUNCTIONS['linear'] = """Applies ``input @ weight.T + bias`` in one fused call (what `fastgrad.nn.Linear` runs).

Args:
    input (Tensor): the input, ``(*, in_features)``.
    weight (Tensor): ``(out_features, in_features)``.
    bias (Tensor, optional): ``(out_features,)``.

Shape:
    ``(*, in_features) -> (*, out_features)``

Examples:
    >>> x = fastgrad.ones(4, 3)
    >>> w = fastgrad.ones(2, 3)
    >>> fastgrad.linear(x, w, fastgrad.tensor([0.0, 1.0]))
    tensor([[3., 4.],
            [3., 4.],
            [3., 4.],
            [3., 4.]])"""

FUNCTIONS['where'] = """Returns elements chosen from ``input`` where ``condition`` is ``True`` and from ``other`` elsewhere; the three broadcast together.

Args:
    condition (Tensor): a bool tensor.
    input (Tensor or Number): values where ``condition``.
    other (Tensor or Number): values elsewhere.

Examples:
    >>> x = fastgrad.tensor([-1.0, 2.0, -3.0])
    >>> fastgrad.where(x > 0, x, 0.0)
    tensor([0., 2., 0.])"""

FUNCTIONS['masked_fill'] = """Returns a copy of ``input`` with ``value`` where ``mask`` is ``True``.

Args:
    input (Tensor): the input tensor.
    mask (Tensor): a bool tensor broadcastable to ``input``.
    value (Number or 0-d Tensor): the fill value.

Examples:
    >>> x = fastgrad.zeros(2, 3)
    >>> fastgrad.masked_fill(x, fastgrad.tensor([True, False, True]), -1.0)
    tensor([[-1.,  0., -1.],
            [-1.,  0., -1.]])"""

FUNCTIONS['gather'] = """Gathers values along ``dim``: ``out[i][j] = input[index[i][j]][j]`` for ``dim=0`` and ``out[i][j] = input[i][index[i][j]]`` for ``dim=1``.

Args:
    input (Tensor): the input tensor.
    dim (int): the axis to index along.
    index (Tensor): int64 indices; the result has its shape.

Examples:
    >>> t = fastgrad.tensor([[1.0, 2.0], [3.0, 4.0]])
    >>> fastgrad.gather(t, 1, fastgrad.tensor([[0, 0], [1, 0]]))
    tensor([[1., 1.],
            [4., 3.]])"""

FUNCTIONS['index_select'] = """Returns the slices of ``input`` at ``index`` along ``dim``.

Args:
    input (Tensor): the input tensor.
    dim (int): the dimension to index.
    index (Tensor): 1-D int64 indices.

Examples:
    >>> x = fastgrad.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    >>> fastgrad.index_select(x, 0, fastgrad.tensor([2, 0]))
    tensor([[5., 6.],
            [1., 2.]])"""

FUNCTIONS['scatter_add'] = """Returns a copy of ``input`` to which ``src`` was added at ``index`` along ``dim`` (the reverse of `fastgrad.gather`; repeated indices accumulate).

Args:
    input (Tensor): the input tensor.
    dim (int): the axis to scatter along.
    index (Tensor): int64 indices, shaped like ``src``.
    src (Tensor): the values to add.

Examples:
    >>> fastgrad.scatter_add(fastgrad.zeros(3), 0, fastgrad.tensor([0, 2, 0]), fastgrad.tensor([1.0, 2.0, 3.0]))
    tensor([4., 0., 2.])"""

FUNCTIONS['index_add'] = """Returns a copy of ``input`` with the slices of ``source`` added at ``index`` along ``dim`` (repeated indices accumulate).

Args:
    input (Tensor): the input tensor.
    dim (int): the dimension to index.
    index (Tensor): 1-D int64 indices.
    source (Tensor): the slices to add; ``source.shape[dim] == len(index)``.
    alpha (float, keyword): the factor ``source`` is scaled by (default 1).

Examples:
    >>> fastgrad.index_add(fastgrad.zeros(3, 2), 0, fastgrad.tensor([0, 0]), fastgrad.ones(2, 2))
    tensor([[2., 2.],
            [0., 0.],
            [0., 0.]])"""

FUNCTIONS['reshape'] = """Returns a tensor with ``input``'s data in the given shape: a view when the strides allow it, a copy otherwise. One dimension may be -1 (inferred).

Args:
    input (Tensor): the input tensor.
    shape (tuple of ints): the new shape.

Examples:
    >>> fastgrad.reshape(fastgrad.arange(6), (2, -1))
    tensor([[0, 1, 2],
            [3, 4, 5]])"""

FUNCTIONS['permute'] = """Returns a view of ``input`` with its dimensions reordered.

Args:
    input (Tensor): the input tensor.
    dims (tuple of ints): the new order of the dimensions.

Examples:
    >>> fastgrad.permute(fastgrad.zeros(2, 3, 4), (2, 0, 1)).shape
    torch.Size([4, 2, 3])"""

FUNCTIONS['transpose'] = """Returns a view of ``input`` with dimensions ``dim0`` and ``dim1`` swapped.

Args:
    input (Tensor): the input tensor.
    dim0 (int): the first dimension.
    dim1 (int): the second dimension.

Examples:
    >>> fastgrad.transpose(fastgrad.tensor([[1, 2, 3]]), 0, 1)
    tensor([[1],
            [2],
            [3]])"""

FUNCTIONS['swapaxes'] = """Alias of `fastgrad.transpose` (numpy's name).

Args:
    input (Tensor): the input tensor.
    axis0 (int): the first dimension.
    axis1 (int): the second dimension.

Examples:
    >>> fastgrad.swapaxes(fastgrad.zeros(2, 3), 0, 1).shape
    torch.Size([3, 2])"""

FUNCTIONS['t'] = """Transposes a tensor of at most 2 dimensions (a 0-D or 1-D tensor is returned as is).

Args:
    input (Tensor): the input tensor.

Examples:
    >>> fastgrad.t(fastgrad.tensor([[1, 2, 3]]))
    tensor([[1],
            [2],
            [3]])"""

FUNCTIONS['squeeze'] = """Returns a view of ``input`` without its dimensions of size 1 (only ``dim`` when given).

Args:
    input (Tensor): the input tensor.
    dim (int or tuple of ints, optional): the dimension(s) to remove if their size is 1.

Examples:
    >>> x = fastgrad.zeros(2, 1, 3, 1)
    >>> fastgrad.squeeze(x).shape
    torch.Size([2, 3])
    >>> fastgrad.squeeze(x, 1).shape
    torch.Size([2, 3, 1])"""

FUNCTIONS['unsqueeze'] = """Returns a view of ``input`` with a dimension of size 1 inserted at ``dim``.

Args:
    input (Tensor): the input tensor.
    dim (int): where to insert it, in ``[-input.dim() - 1, input.dim()]``.

Examples:
    >>> fastgrad.unsqueeze(fastgrad.tensor([1, 2, 3]), 0)
    tensor([[1, 2, 3]])"""

FUNCTIONS['flatten'] = """Flattens dimensions ``start_dim`` to ``end_dim`` of ``input`` into one (a view where possible).

Args:
    input (Tensor): the input tensor.
    start_dim (int): the first dimension to flatten. Default: 0.
    end_dim (int): the last dimension to flatten. Default: -1.

Examples:
    >>> fastgrad.flatten(fastgrad.zeros(2, 3, 4), start_dim=1).shape
    torch.Size([2, 12])"""

FUNCTIONS['narrow'] = """Returns a view of ``input`` holding ``length`` elements of dimension ``dim`` from ``start``.

Args:
    input (Tensor): the input tensor.
    dim (int): the dimension to narrow.
    start (int): the first index kept.
    length (int): how many indices are kept.

Examples:
    >>> fastgrad.narrow(fastgrad.arange(10), 0, 2, 3)
    tensor([2, 3, 4])"""

FUNCTIONS['select'] = """Returns the view ``input[..., index, ...]`` with ``index`` taken on dimension ``dim`` (which is removed).

Args:
    input (Tensor): the input tensor.
    dim (int): the dimension to index.
    index (int): the index to take.

Examples:
    >>> fastgrad.select(fastgrad.tensor([[1, 2], [3, 4]]), 1, 0)
    tensor([1, 3])"""

FUNCTIONS['flip'] = """Returns a copy of ``input`` with the order of the elements reversed along ``dims``.

Args:
    input (Tensor): the input tensor.
    dims (int or tuple of ints): the dimensions to reverse.

Examples:
    >>> fastgrad.flip(fastgrad.tensor([[1, 2], [3, 4]]), (1,))
    tensor([[2, 1],
            [4, 3]])"""

FUNCTIONS['tril'] = """Returns the lower triangle of a matrix (or batch of matrices); the rest is set to 0.

Args:
    input (Tensor): the input tensor.
    diagonal (int): which diagonal is the boundary: 0 the main one, positive above, negative below. Default: 0.

Examples:
    >>> fastgrad.tril(fastgrad.ones(3, 3))
    tensor([[1., 0., 0.],
            [1., 1., 0.],
            [1., 1., 1.]])"""

FUNCTIONS['triu'] = """Returns the upper triangle of a matrix (or batch of matrices); the rest is set to 0.

Args:
    input (Tensor): the input tensor.
    diagonal (int): which diagonal is the boundary: 0 the main one, positive above, negative below. Default: 0.

Examples:
    >>> fastgrad.triu(fastgrad.ones(3, 3), diagonal=1)
    tensor([[0., 1., 1.],
            [0., 0., 1.],
            [0., 0., 0.]])"""

FUNCTIONS['cat'] = """Concatenates tensors along an existing dimension. All must have the same shape except in ``dim``.

Args:
    tensors (sequence of Tensors): the tensors to join.
    dim (int): the dimension. Default: 0.

Examples:
    >>> a = fastgrad.tensor([[1, 2]])
    >>> fastgrad.cat([a, a], dim=0)
    tensor([[1, 2],
            [1, 2]])
    >>> fastgrad.cat([a, a], dim=1)
    tensor([[1, 2, 1, 2]])"""

FUNCTIONS['concat'] = """Alias of `fastgrad.cat`.

Args:
    tensors (sequence of Tensors): the tensors to join.
    dim (int): the dimension. Default: 0.

Examples:
    >>> fastgrad.concat([fastgrad.tensor([1]), fastgrad.tensor([2, 3])])
    tensor([1, 2, 3])"""

FUNCTIONS['stack'] = """Joins tensors of the same shape along a new dimension ``dim``.

Args:
    tensors (sequence of Tensors): the tensors to join.
    dim (int): where the new dimension goes. Default: 0.

Examples:
    >>> a = fastgrad.tensor([1, 2])
    >>> fastgrad.stack([a, a])
    tensor([[1, 2],
            [1, 2]])
    >>> fastgrad.stack([a, a], dim=1)
    tensor([[1, 1],
            [2, 2]])"""

FUNCTIONS['split'] = """Splits ``input`` into views along ``dim``: pieces of ``split_size_or_sections`` elements (the last may be smaller), or pieces of the listed sizes.

Args:
    input (Tensor): the input tensor.
    split_size_or_sections (int or list of ints): the size of each piece, or the list of sizes.
    dim (int): the dimension to split. Default: 0.

Returns:
    a tuple of tensors.

Examples:
    >>> fastgrad.split(fastgrad.arange(5), 2)
    (tensor([0, 1]), tensor([2, 3]), tensor([4]))
    >>> fastgrad.split(fastgrad.arange(5), [1, 4])
    (tensor([0]), tensor([1, 2, 3, 4]))"""

FUNCTIONS['chunk'] = """Splits ``input`` into ``chunks`` views of (nearly) equal size along ``dim``; fewer may come back, as in torch.

Args:
    input (Tensor): the input tensor.
    chunks (int): the number of pieces.
    dim (int): the dimension to split. Default: 0.

Returns:
    a tuple of tensors.

Examples:
    >>> fastgrad.chunk(fastgrad.arange(6), 3)
    (tensor([0, 1]), tensor([2, 3]), tensor([4, 5]))"""

FUNCTIONS['clone'] = """Returns a copy of ``input`` with its own memory. The copy stays in the autograd graph: gradients flow back to ``input``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([1.0, 2.0])
    >>> b = fastgrad.clone(a)
    >>> b[0] = 5.0
    >>> a
    tensor([1., 2.])"""

FUNCTIONS['zeros'] = """Returns a tensor filled with 0, of the given shape.

Args:
    *size (int...): the shape of the result, as integers or one tuple/list.
    dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``fastgrad.float32`` (``int64`` for integer-only results).
    requires_grad (bool): whether autograd records operations on the result. Default: ``False``.

Examples:
    >>> fastgrad.zeros(2, 3)
    tensor([[0., 0., 0.],
            [0., 0., 0.]])
    >>> fastgrad.zeros((2,), dtype=fastgrad.int64)
    tensor([0, 0])"""

FUNCTIONS['zeros_like'] = """Returns a tensor filled with 0, with the shape of ``input``.

Args:
    input (Tensor): the tensor whose shape (and, by default, dtype) the result takes.
    dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``input.dtype``.
    requires_grad (bool): whether autograd records operations on the result. Default: ``False``.

Examples:
    >>> fastgrad.zeros_like(fastgrad.tensor([[1, 2, 3]]))
    tensor([[0, 0, 0]])"""

FUNCTIONS['ones'] = """Returns a tensor filled with 1, of the given shape.

Args:
    *size (int...): the shape of the result, as integers or one tuple/list.
    dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``fastgrad.float32`` (``int64`` for integer-only results).
    requires_grad (bool): whether autograd records operations on the result. Default: ``False``.

Examples:
    >>> fastgrad.ones(2, 3)
    tensor([[1., 1., 1.],
            [1., 1., 1.]])
    >>> fastgrad.ones((2,), dtype=fastgrad.int64)
    tensor([1, 1])"""

FUNCTIONS['ones_like'] = """Returns a tensor filled with 1, with the shape of ``input``.

Args:
    input (Tensor): the tensor whose shape (and, by default, dtype) the result takes.
    dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``input.dtype``.
    requires_grad (bool): whether autograd records operations on the result. Default: ``False``.

Examples:
    >>> fastgrad.ones_like(fastgrad.tensor([[1, 2, 3]]))
    tensor([[1, 1, 1]])"""

FUNCTIONS['empty'] = """Returns a tensor of uninitialised memory (its values are whatever was there), of the given shape.

Args:
    *size (int...): the shape of the result, as integers or one tuple/list.
    dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``fastgrad.float32`` (``int64`` for integer-only results).
    requires_grad (bool): whether autograd records operations on the result. Default: ``False``.

Examples:
    >>> fastgrad.empty(2, 3).shape
    torch.Size([2, 3])"""

FUNCTIONS['empty_like'] = """Returns a tensor of uninitialised memory (its values are whatever was there), with the shape of ``input``.

Args:
    input (Tensor): the tensor whose shape (and, by default, dtype) the result takes.
    dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``input.dtype``.
    requires_grad (bool): whether autograd records operations on the result. Default: ``False``.

Examples:
    >>> fastgrad.empty_like(fastgrad.tensor([[1, 2, 3]])).shape
    torch.Size([1, 3])"""

FUNCTIONS['full'] = """Returns a tensor of the given shape filled with ``fill_value``. The dtype follows the value (bool, int64 or float32) unless given.

Args:
    size (tuple of ints): the shape.
    fill_value (Number): the value.
    dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``fastgrad.float32`` (``int64`` for integer-only results).
    requires_grad (bool): whether autograd records operations on the result. Default: ``False``.

Examples:
    >>> fastgrad.full((2, 2), 7)
    tensor([[7, 7],
            [7, 7]])
    >>> fastgrad.full((3,), 0.5)
    tensor([0.5000, 0.5000, 0.5000])"""

FUNCTIONS['full_like'] = """Returns a tensor with the shape of ``input`` filled with ``fill_value``.

Args:
    input (Tensor): the tensor whose shape (and, by default, dtype) the result takes.
    fill_value (Number): the value.
    dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``input.dtype``.
    requires_grad (bool): whether autograd records operations on the result. Default: ``False``.

Examples:
    >>> fastgrad.full_like(fastgrad.zeros(2), 3.0)
    tensor([3., 3.])"""

FUNCTIONS['rand'] = """Returns a tensor of numbers drawn uniformly from ``[0, 1)``.

Args:
    *size (int...): the shape of the result, as integers or one tuple/list.
    generator (fastgrad.Generator, optional): the random stream to draw from (the default one if omitted).
    dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``fastgrad.float32`` (``int64`` for integer-only results).
    requires_grad (bool): whether autograd records operations on the result. Default: ``False``.

Examples:
    >>> _ = fastgrad.manual_seed(0)
    >>> fastgrad.rand(3)
    tensor([0.4963, 0.7682, 0.0885])"""

FUNCTIONS['randn'] = """Returns a tensor of numbers drawn from the standard normal distribution.

Args:
    *size (int...): the shape of the result, as integers or one tuple/list.
    generator (fastgrad.Generator, optional): the random stream to draw from (the default one if omitted).
    dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``fastgrad.float32`` (``int64`` for integer-only results).
    requires_grad (bool): whether autograd records operations on the result. Default: ``False``.

Examples:
    >>> _ = fastgrad.manual_seed(0)
    >>> fastgrad.randn(2, 2)
    tensor([[ 1.5410, -0.2934],
            [-2.1788,  0.5684]])"""

FUNCTIONS['rand_like'] = """Returns `fastgrad.rand` numbers with the shape of ``input``.

Args:
    input (Tensor): the tensor whose shape (and, by default, dtype) the result takes.
    dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``input.dtype``.
    requires_grad (bool): whether autograd records operations on the result. Default: ``False``.
    generator (fastgrad.Generator, optional): the random stream to draw from (the default one if omitted).

Examples:
    >>> fastgrad.rand_like(fastgrad.zeros(2, 3)).shape
    torch.Size([2, 3])"""

FUNCTIONS['randn_like'] = """Returns `fastgrad.randn` numbers with the shape of ``input``.

Args:
    input (Tensor): the tensor whose shape (and, by default, dtype) the result takes.
    dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``input.dtype``.
    requires_grad (bool): whether autograd records operations on the result. Default: ``False``.
    generator (fastgrad.Generator, optional): the random stream to draw from (the default one if omitted).

Examples:
    >>> fastgrad.randn_like(fastgrad.zeros(2, 3)).shape
    torch.Size([2, 3])"""

FUNCTIONS['randint'] = """Returns a tensor of integers drawn uniformly from ``[low, high)``; called as ``randint(high, size)`` or ``randint(low, high, size)``.

Args:
    low (int, optional): the lowest value. Default: 0.
    high (int): one above the highest value.
    size (tuple of ints): the shape.
    generator (fastgrad.Generator, optional): the random stream to draw from (the default one if omitted).
    dtype (fastgrad.dtype, optional): Default: ``fastgrad.int64``.
    requires_grad (bool): whether autograd records operations on the result. Default: ``False``.

Examples:
    >>> _ = fastgrad.manual_seed(0)
    >>> fastgrad.randint(0, 10, (5,))
    tensor([4, 9, 3, 0, 3])"""

FUNCTIONS['randperm'] = """Returns a random permutation of the integers ``0 .. n - 1``.

Args:
    n (int): the number of integers.
    generator (fastgrad.Generator, optional): the random stream to draw from (the default one if omitted).
    dtype (fastgrad.dtype, optional): Default: ``fastgrad.int64``.

Examples:
    >>> _ = fastgrad.manual_seed(0)
    >>> fastgrad.randperm(5)
    tensor([4, 0, 1, 3, 2])"""

FUNCTIONS['bernoulli'] = """Draws 0 or 1 for each element: 1 with the probability given by that element of ``input`` (in [0, 1]).

Args:
    input (Tensor): the probabilities.
    generator (fastgrad.Generator, optional): the random stream to draw from (the default one if omitted).

Examples:
    >>> _ = fastgrad.manual_seed(0)
    >>> fastgrad.bernoulli(fastgrad.tensor([0.0, 1.0, 0.5, 0.5]))
    tensor([0., 1., 1., 1.])"""

FUNCTIONS['arange'] = """Returns the 1-D tensor ``[start, start + step, ...]`` up to (not including) ``end``; called with one argument, that is ``end`` and ``start`` is 0. Integer arguments give int64, any float gives float32.

Args:
    start (Number): the first value. Default: 0.
    end (Number): the end (excluded).
    step (Number): the gap between values. Default: 1.
    dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``fastgrad.float32`` (``int64`` for integer-only results).
    requires_grad (bool): whether autograd records operations on the result. Default: ``False``.

Examples:
    >>> fastgrad.arange(5)
    tensor([0, 1, 2, 3, 4])
    >>> fastgrad.arange(1, 2.5, 0.5)
    tensor([1.0000, 1.5000, 2.0000])"""

FUNCTIONS['linspace'] = """Returns ``steps`` evenly spaced values from ``start`` to ``end``, both included.

Args:
    start (float): the first value.
    end (float): the last value.
    steps (int): how many values.
    dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``fastgrad.float32`` (``int64`` for integer-only results).
    requires_grad (bool): whether autograd records operations on the result. Default: ``False``.

Examples:
    >>> fastgrad.linspace(0, 1, 5)
    tensor([0.0000, 0.2500, 0.5000, 0.7500, 1.0000])"""

FUNCTIONS['eye'] = """Returns a 2-D tensor with ones on the diagonal and zeros elsewhere.

Args:
    n (int): the number of rows.
    m (int, optional): the number of columns. Default: ``n``.
    dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``fastgrad.float32`` (``int64`` for integer-only results).
    requires_grad (bool): whether autograd records operations on the result. Default: ``False``.

Examples:
    >>> fastgrad.eye(2)
    tensor([[1., 0.],
            [0., 1.]])
    >>> fastgrad.eye(2, 3)
    tensor([[1., 0., 0.],
            [0., 1., 0.]])"""

FUNCTIONS['from_numpy'] = """Returns a tensor that shares memory with a numpy array: writes through either show in the other. float32, float64, float16, int64, int32, int16, int8, uint8 and bool arrays are shared; other dtypes raise (convert with ``astype`` first).

Args:
    ndarray (numpy.ndarray): the array.

Examples:
    >>> import numpy as np
    >>> a = np.array([1.0, 2.0], dtype=np.float32)
    >>> t = fastgrad.from_numpy(a)
    >>> a[0] = 5.0
    >>> t
    tensor([5., 2.])"""

FUNCTIONS['from_dlpack'] = """Returns a tensor that shares memory with another library's CPU tensor or array through DLPack (numpy, torch, JAX ...).

Args:
    ext_tensor (object): an object with ``__dlpack__`` (or a DLPack capsule).

Examples:
    >>> import numpy as np
    >>> fastgrad.from_dlpack(np.arange(3.0))
    tensor([0., 1., 2.], dtype=torch.float64)"""

FUNCTIONS['manual_seed'] = """Seeds the default random generator, as ``torch.manual_seed`` does: the same seed gives the same random numbers (``rand``, ``randn``, ``randint``, ``randperm``, ``bernoulli``, dropout, ``nn.init``, shuffling).

Args:
    seed (int): the seed.

Returns:
    the default `fastgrad.Generator`.

Examples:
    >>> _ = fastgrad.manual_seed(42)
    >>> a = fastgrad.rand(2)
    >>> _ = fastgrad.manual_seed(42)
    >>> bool((a == fastgrad.rand(2)).all())
    True"""

FUNCTIONS['initial_seed'] = """Returns the seed of the default random generator.

Examples:
    >>> _ = fastgrad.manual_seed(7)
    >>> fastgrad.initial_seed()
    7"""

FUNCTIONS['is_grad_enabled'] = """Returns ``True`` when autograd records operations in this thread (see `fastgrad.no_grad`).

Examples:
    >>> fastgrad.is_grad_enabled()
    True
    >>> with fastgrad.no_grad():
    ...     fastgrad.is_grad_enabled()
    False"""

FUNCTIONS['get_num_threads'] = """Returns the number of threads fastgrad's kernels may use (set by `fastgrad.set_num_threads`; by default the CPUs this process may run on).

Examples:
    >>> fastgrad.get_num_threads() >= 1
    True"""

FUNCTIONS['set_num_threads'] = """Sets the number of threads fastgrad's kernels may use. Small tensors always run on the calling thread.

Args:
    n (int): the number of threads, at least 1.

Examples:
    >>> n = fastgrad.get_num_threads()
    >>> fastgrad.set_num_threads(1)
    >>> fastgrad.set_num_threads(n)"""

FUNCTIONS['tan'] = """Returns a new tensor with the tangent (in radians) of the elements of ``input``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-1.0, 0.0, 0.5])
    >>> fastgrad.tan(a)
    tensor([-1.5574,  0.0000,  0.5463])"""

FUNCTIONS['asin'] = """Returns a new tensor with the arcsine of the elements of ``input`` (NaN outside [-1, 1]).

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-1.0, 0.0, 0.5])
    >>> fastgrad.asin(a)
    tensor([-1.5708,  0.0000,  0.5236])"""

FUNCTIONS['acos'] = """Returns a new tensor with the arccosine of the elements of ``input`` (NaN outside [-1, 1]).

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-1.0, 0.0, 0.5])
    >>> fastgrad.acos(a)
    tensor([3.1416, 1.5708, 1.0472])"""

FUNCTIONS['atan'] = """Returns a new tensor with the arctangent of the elements of ``input``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-1.0, 0.0, 0.5])
    >>> fastgrad.atan(a)
    tensor([-0.7854,  0.0000,  0.4636])"""

FUNCTIONS['sinh'] = """Returns a new tensor with the hyperbolic sine of the elements of ``input``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-1.0, 0.0, 0.5])
    >>> fastgrad.sinh(a)
    tensor([-1.1752,  0.0000,  0.5211])"""

FUNCTIONS['cosh'] = """Returns a new tensor with the hyperbolic cosine of the elements of ``input``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-1.0, 0.0, 0.5])
    >>> fastgrad.cosh(a)
    tensor([1.5431, 1.0000, 1.1276])"""

FUNCTIONS['asinh'] = """Returns a new tensor with the inverse hyperbolic sine of the elements of ``input``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-1.0, 0.0, 0.5])
    >>> fastgrad.asinh(a)
    tensor([-0.8814,  0.0000,  0.4812])"""

FUNCTIONS['acosh'] = """Returns a new tensor with the inverse hyperbolic cosine of the elements of ``input`` (NaN below 1).

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([1.0, 2.0, 10.0])
    >>> fastgrad.acosh(a)
    tensor([0.0000, 1.3170, 2.9932])"""

FUNCTIONS['atanh'] = """Returns a new tensor with the inverse hyperbolic tangent of the elements of ``input`` (NaN outside [-1, 1]).

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-0.5, 0.0, 0.5])
    >>> fastgrad.atanh(a)
    tensor([-0.5493,  0.0000,  0.5493])"""

FUNCTIONS['erfc'] = """Returns a new tensor with the complementary error function ``1 - erf(x)`` of the elements of ``input``, accurate where ``erf(x)`` is close to 1.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-1.0, 0.0, 3.0])
    >>> fastgrad.erfc(a)
    tensor([1.8427e+00, 1.0000e+00, 2.2090e-05])"""

FUNCTIONS['exp2'] = """Returns a new tensor with ``2 ** x`` for the elements ``x`` of ``input``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([-1.0, 0.0, 3.0])
    >>> fastgrad.exp2(a)
    tensor([0.5000, 1.0000, 8.0000])"""

FUNCTIONS['expm1'] = """Returns ``exp(x) - 1`` for the elements ``x`` of ``input``, accurate also for small ``x``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([0.0, 1e-8, 1.0])
    >>> fastgrad.expm1(a)
    tensor([0.0000e+00, 1.0000e-08, 1.7183e+00])"""

FUNCTIONS['log2'] = """Returns a new tensor with the base-2 logarithm of the elements of ``input``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([1.0, 2.0, 8.0])
    >>> fastgrad.log2(a)
    tensor([0., 1., 3.])"""

FUNCTIONS['log10'] = """Returns a new tensor with the base-10 logarithm of the elements of ``input``.

Args:
    input (Tensor): the input tensor.

Examples:
    >>> a = fastgrad.tensor([1.0, 10.0, 1000.0])
    >>> fastgrad.log10(a)
    tensor([0., 1., 3.])"""

FUNCTIONS['lerp'] = """Linear interpolation: ``input + weight * (end - input)``, element-wise with broadcasting.

Args:
    input (Tensor): the start points.
    end (Tensor): the end points.
    weight (float or Tensor): the interpolation weight(s).

Examples:
    >>> start = fastgrad.tensor([0.0, 10.0])
    >>> end = fastgrad.tensor([10.0, 20.0])
    >>> fastgrad.lerp(start, end, 0.25)
    tensor([ 2.5000, 12.5000])"""

FUNCTIONS['multinomial'] = """Draws ``num_samples`` category indices from the distribution given by each row of ``input``
(non-negative weights, not necessarily normalised), with or without replacement.

Args:
    input (Tensor): ``(C,)`` or ``(N, C)`` weights.
    num_samples (int): how many indices to draw per row.
    replacement (bool): draw with replacement. Default: ``False``.
    generator (fastgrad.Generator, optional): the random stream.

Examples:
    >>> fastgrad.multinomial(fastgrad.tensor([0.0, 1.0, 0.0]), 2, replacement=True)
    tensor([1, 1])"""

FUNCTIONS['randint_like'] = """Returns a tensor with the shape of ``input`` filled with integers drawn uniformly from ``[low, high)``;
called as ``randint_like(input, high)`` or ``randint_like(input, low, high)``.

Args:
    input (Tensor): the tensor whose shape (and, by default, dtype) the result takes.
    low (int, optional): the lowest value. Default: 0.
    high (int): one above the highest value.
    dtype (fastgrad.dtype, optional): Default: ``input.dtype``.
    generator (fastgrad.Generator, optional): the random stream.

Examples:
    >>> fastgrad.randint_like(fastgrad.zeros(2, 3), 10).shape
    torch.Size([2, 3])"""


# ------------------------------------------------------------------ activations, products, sorting, helpers
def _doc(name, text):
    FUNCTIONS[name] = text


for _name, _text in {
    "selu": "Applies SELU element-wise: ``scale * (max(0, x) + min(0, alpha * (exp(x) - 1)))`` with torch's constants "
            "alpha = 1.6732632423543772 and scale = 1.0507009873554805.",
    "silu": "Applies SiLU (swish) element-wise: ``x * sigmoid(x)``.",
    "mish": "Applies Mish element-wise: ``x * tanh(softplus(x))``.",
    "softsign": "Applies ``x / (1 + |x|)`` element-wise.",
    "tanhshrink": "Applies ``x - tanh(x)`` element-wise.",
    "hardsigmoid": "Applies the piecewise-linear sigmoid element-wise: ``min(max(x + 3, 0), 6) / 6``.",
    "hardswish": "Applies ``x * min(max(x + 3, 0), 6) / 6`` element-wise.",
    "elu": "Applies ELU element-wise: ``x`` where positive, else ``alpha * (exp(x) - 1)``.\n\nArgs:\n    input (Tensor): "
           "a floating-point tensor.\n    alpha (float): the scale of the negative part. Default: ``1.0``.",
    "celu": "Applies CELU element-wise: ``max(0, x) + min(0, alpha * (exp(x / alpha) - 1))``.\n\nArgs:\n    input "
            "(Tensor): a floating-point tensor.\n    alpha (float): non-zero. Default: ``1.0``.",
    "hardtanh": "Clamps every element to ``[min_val, max_val]``; the gradient is zero outside the open interval.\n\n"
                "Args:\n    input (Tensor): the input.\n    min_val (float): Default: ``-1.0``.\n    max_val (float): "
                "Default: ``1.0``.",
    "softshrink": "Shrinks every element towards zero by ``lambd``: ``x - lambd`` above it, ``x + lambd`` below "
                  "``-lambd``, else 0.\n\nArgs:\n    input (Tensor): a floating-point tensor.\n    lambd (float): "
                  "non-negative. Default: ``0.5``.",
    "hardshrink": "Zeroes the elements in ``[-lambd, lambd]`` and keeps the others.\n\nArgs:\n    input (Tensor): a "
                  "floating-point tensor.\n    lambd (float): Default: ``0.5``.",
    "threshold": "Replaces every element ``<= threshold`` by ``value``.\n\nArgs:\n    input (Tensor): the input.\n"
                 "    threshold (float): the cut-off.\n    value (float): what replaces the elements at or below it.",
    "glu": "The gated linear unit: splits ``input`` in two halves ``a, b`` along ``dim`` and returns "
           "``a * sigmoid(b)``.\n\nArgs:\n    input (Tensor): the input; its size along ``dim`` must be even.\n    dim "
           "(int): Default: ``-1``.",
    "prelu": "``x`` where positive, else ``weight * x``; ``weight`` holds one slope or one per channel (dim 1).\n\n"
             "Args:\n    input (Tensor): the input.\n    weight (Tensor): 0-d or 1-d, of input's dtype.",
    "bmm": "Batched matrix product of two 3-d tensors ``(b, n, m) @ (b, m, p) -> (b, n, p)``.",
    "baddbmm": "``beta * input + alpha * bmm(batch1, batch2)``; ``input`` broadcasts to the product's shape and "
               "is ignored (NaN too) when ``beta`` is 0.",
    "addmm": "``beta * input + alpha * mm(mat1, mat2)``; ``input`` broadcasts to the product's shape and is "
             "ignored (NaN too) when ``beta`` is 0.",
    "mv": "Matrix-vector product ``(n, m) @ (m,) -> (n,)``.",
    "addmv": "``beta * input + alpha * mv(mat, vec)``.",
    "outer": "Outer product of two 1-d tensors: ``out[i, j] = input[i] * vec2[j]``.",
    "ger": "Alias of `fastgrad.outer`.",
    "diagonal": "The diagonal ``offset`` of the plane ``(dim1, dim2)``, as a new last dim. Unlike torch (a view), "
                "fastgrad returns a copy that carries the gradient.",
    "diag": "For a 1-d input, the square matrix with it on diagonal ``diagonal``; for a 2-d input, that diagonal "
            "as a 1-d tensor.",
    "trace": "The sum of a matrix's main diagonal.",
    "einsum": "Sums the product of the operands over the indices the equation names, in numpy's notation "
              "(``'ij,jk->ik'``, ``'bij,bjk'``, ``'ii->i'``, ``'...ij,...jk->...ik'``); operands may be given "
              "one by one or as a list. Contractions run as batched matrix products.\n\nExamples:\n    >>> a = "
              "fastgrad.tensor([[1.0, 2.0], [3.0, 4.0]])\n    >>> fastgrad.einsum('ij,jk->ik', a, a)\n    "
              "tensor([[ 7., 10.],\n            [15., 22.]])",
    "cdist": "The p-norm distance between every row of ``x1`` ``(..., P, M)`` and of ``x2`` ``(..., R, M)``: "
             "``(..., P, R)``. Every compute_mode computes the differences directly.",
    "sort": "Sorts along ``dim`` (stably; NaN after every number ascending, before descending) and returns "
            "``(values, indices)``.",
    "argsort": "The indices that sort ``input`` along ``dim``: ``sort(...).indices``.",
    "topk": "The ``k`` largest (or smallest) elements along ``dim`` and their indices, sorted.",
    "kthvalue": "The ``k``-th smallest element along ``dim`` (1-based) and its index.",
    "median": "The lower median of all elements, or ``(values, indices)`` along ``dim``; NaN when the values "
              "hold one.",
    "cummax": "The running maximum along ``dim`` and the index where it was last reached.",
    "cummin": "The running minimum along ``dim`` and the index where it was last reached.",
    "unique": "The sorted distinct elements of ``input`` (with ``dim``: the distinct slices along ``dim``, in "
              "lexicographic order); with ``return_inverse`` each element's (slice's) index into them, with "
              "``return_counts`` how often each occurs.",
    "frac": "The fractional part of each element, ``input - trunc(input)`` (sign kept).",
    "logit": "``log(p / (1 - p))`` of each element; with ``eps`` the input is first clamped to ``[eps, 1 - eps]``.",
    "xlogy": "``input * log(other)``, 0 where ``input`` is 0 (unless ``other`` is NaN); either may be a number.",
    "aminmax": "The minimum and maximum (over ``dim``, or every element), as ``(min, max)``.",
    "cross": "The cross product of 3-vectors along ``dim`` (without ``dim``: the first dim of size 3); the inputs "
             "broadcast.",
    "renorm": "Each slice along ``dim`` whose ``p``-norm exceeds ``maxnorm`` scaled down to norm ``maxnorm``.",
    "logcumsumexp": "``log(cumsum(exp(input)))`` along ``dim``, computed stably (a running log-add-exp).",
    "diff": "The ``n``-th forward difference along ``dim`` (``prepend`` / ``append`` joined first); bool inputs "
            "give where consecutive elements differ.",
    "fliplr": "Reverses dim 1 (left/right) of a tensor with at least 2 dims.",
    "flipud": "Reverses dim 0 (up/down) of a tensor with at least 1 dim.",
    "rot90": "Rotates by 90 degrees ``k`` times in the plane of ``dims`` (from the first towards the second).",
    "tril_indices": "The ``(2, n)`` row and column indices of the lower triangle (below diagonal ``offset``) of a "
                    "``row x col`` matrix.",
    "triu_indices": "The ``(2, n)`` row and column indices of the upper triangle (from diagonal ``offset``) of a "
                    "``row x col`` matrix.",
    "block_diag": "A block-diagonal matrix of the given tensors (0-d and 1-d ones taken as one row).",
    "cartesian_prod": "The cartesian product of 1-d tensors, one combination per row.",
    "combinations": "The length-``r`` combinations of a 1-d tensor's elements (with repeats when "
                    "``with_replacement``), one per row, as itertools.",
    "vander": "The Vandermonde matrix of a 1-d ``x``: columns ``x**(N-1) ... x**0`` (increasing powers with "
              "``increasing=True``).",
    "atan2": "The angle of the point ``(other, input)``: ``atan(input / other)`` in the right quadrant, in "
             "``[-pi, pi]``.",
    "arctan2": "Alias of `fastgrad.atan2`.",
    "hypot": "``sqrt(input**2 + other**2)`` without overflow or underflow in the squares.",
    "logaddexp": "``log(exp(input) + exp(other))``, computed stably.",
    "logaddexp2": "``log2(2**input + 2**other)``, computed stably.",
    "fmax": "The element-wise maximum, taking the number where one operand is NaN.",
    "fmin": "The element-wise minimum, taking the number where one operand is NaN.",
    "copysign": "The magnitude of ``input`` with the sign (bit) of ``other``.",
    "float_power": "``input ** exponent`` computed in float64.",
    "heaviside": "The step function: 0 below zero, 1 above, ``values`` at zero.",
    "signbit": "Whether each element's sign bit is set (True for -0.0), as a bool tensor.",
    "deg2rad": "Degrees to radians.",
    "rad2deg": "Radians to degrees.",
    "sgn": "The sign of each element (for real tensors, `fastgrad.sign`).",
    "sinc": "The normalised sinc, ``sin(pi x) / (pi x)``, 1 at 0.",
    "nansum": "The sum treating NaN as zero (over ``dim`` or every element).",
    "nanmean": "The mean of the non-NaN elements (over ``dim`` or every element).",
    "inner": "The inner product over the last dims: ``(..., k) x (..., k) -> (..., ...)``; a 0-d operand multiplies.",
    "kron": "The Kronecker product.",
    "cov": "The covariance matrix of the variables in the rows of ``input`` (a 1-d input is one variable), with "
           "``correction`` (1: the unbiased estimate).",
    "corrcoef": "The Pearson correlation matrix of the variables in the rows of ``input``.",
    "isin": "Whether each element of ``elements`` occurs in ``test_elements`` (or not, with ``invert``).",
    "trapezoid": "The trapezoid-rule integral of ``y`` along ``dim``, with sample points ``x`` or spacing ``dx``.",
    "trapz": "Alias of `fastgrad.trapezoid`.",
    "broadcast_to": "``input`` broadcast to ``size`` (a view; -1 keeps a dim).",
    "broadcast_tensors": "The tensors broadcast to their common shape (views).",
    "atleast_1d": "Each tensor with at least 1 dim (one tensor, or a tuple for several).",
    "atleast_2d": "Each tensor with at least 2 dims (one tensor, or a tuple for several).",
    "atleast_3d": "Each tensor with at least 3 dims (one tensor, or a tuple for several).",
    "hstack": "Joins the tensors horizontally: along dim 0 for 1-d tensors, dim 1 otherwise.",
    "vstack": "Joins the tensors vertically (as rows, after making them at least 2-d).",
    "row_stack": "Alias of `fastgrad.vstack`.",
    "dstack": "Joins the tensors depthwise (along dim 2, after making them at least 3-d).",
    "column_stack": "Joins the tensors as columns (1-d tensors become columns).",
    "ravel": "The elements as a contiguous 1-d tensor.",
    "tensor_split": "Splits into ``sections`` nearly equal pieces, or at the given indices, along ``dim`` (views).",
    "hsplit": "`fastgrad.tensor_split` along dim 1 (dim 0 for 1-d); an int must divide the size.",
    "vsplit": "`fastgrad.tensor_split` along dim 0 of a tensor with at least 2 dims; an int must divide the size.",
    "dsplit": "`fastgrad.tensor_split` along dim 2 of a tensor with at least 3 dims; an int must divide the size.",
    "unflatten": "Expands dim ``dim`` into ``sizes`` (one may be -1).",
    "take": "The elements at the given flat indices (negative from the end), shaped like ``index``.",
    "argwhere": "The indices of the non-zero elements, ``(count, ndim)``: `fastgrad.nonzero`.",
    "msort": "``input`` sorted along dim 0.",
    "unique_consecutive": "The elements with consecutive repeats collapsed; with ``return_inverse`` each element's "
                          "index into them, with ``return_counts`` the run lengths.",
    "quantile": "The ``q``-th quantiles (a number or a 1-d tensor, in [0, 1]) over ``dim`` (or every element), "
                "interpolated ``linear`` (default), ``lower``, ``higher``, ``midpoint`` or ``nearest``; NaN where a "
                "slice holds a NaN.",
    "nanquantile": "`fastgrad.quantile` of the non-NaN values (NaN where a slice has none).",
    "nanmedian": "The lower median of the non-NaN values, or ``(values, indices)`` along ``dim``.",
    "diag_embed": "A tensor whose ``(dim1, dim2)`` planes hold ``input``'s last dim on diagonal ``offset``, "
                  "zeros elsewhere.",
    "diagflat": "The square matrix with the flattened ``input`` on diagonal ``offset``.",
    "addr": "``beta * input + alpha * outer(vec1, vec2)``; ``input`` is ignored (NaN too) when ``beta`` is 0.",
    "addbmm": "``beta * input + alpha * sum_b(batch1[b] @ batch2[b])``.",
    "tensordot": "Contracts ``a``'s and ``b``'s ``dims`` (an int: ``a``'s last n with ``b``'s first n; or two lists).",
    "dist": "The ``p``-norm of ``input - other``.",
    "chain_matmul": "The product of the matrices in order (deprecated in torch for `fastgrad.linalg` style ``@``).",
    "cumulative_trapezoid": "The running trapezoid-rule integral of ``y`` along ``dim`` (one element fewer).",
    "split_with_sizes": "Splits along ``dim`` into pieces of the given sizes (views); the sizes must sum to the dim.",
    "rsub": "``other - alpha * input``.",
    "positive": "``input`` itself (``+input``); bool tensors are refused as torch refuses them.",
    "ldexp": "``input * 2 ** other``.",
    "mode": "The most frequent value along ``dim`` and the index of its last occurrence, as ``(values, "
            "indices)``; among equally frequent values the smallest wins, as torch's CPU kernel. The values "
            "carry the gradient back to that index.",
    "searchsorted": "For each value of ``input``, the index in the innermost dim of ``sorted_sequence`` where "
                    "it would be inserted to keep it sorted: the first such index, or the last with "
                    "``right=True`` / ``side='right'``. ``sorter`` holds the indices that sort an unsorted "
                    "sequence; a sequence with more than one dim has the values' leading dims. ``out_int32=True`` "
                    "raises (fastgrad has no int32 yet).\n\nExamples:\n    >>> fastgrad.searchsorted("
                    "fastgrad.tensor([1.0, 3.0, 5.0]), fastgrad.tensor([3.0, 4.0]))\n    tensor([1, 2])",
    "bucketize": "The index of the bucket each element of ``input`` falls in, given 1-d sorted "
                 "``boundaries``: ``searchsorted(boundaries, input, right=right)``.",
    "bincount": "How often each non-negative integer occurs in a 1-d int tensor (or the sums of ``weights`` "
                "per value), at least ``minlength`` long.",
    "histc": "A histogram of ``bins`` equal-width bins over ``[min, max]`` (the data's extremes when ``min == "
             "max``); elements outside are ignored.",
    "histogram": "``(hist, bin_edges)``: a histogram of ``input`` in ``bins`` equal-width bins over ``range`` "
                 "(the data's extremes without one) or in the given edges (a 1-d tensor); ``weight`` sums "
                 "weights instead of counting, ``density`` divides by the total and the bin widths.",
    "isclose": "Element-wise ``|input - other| <= atol + rtol * |other|`` (equal infinities are close; NaN is "
               "close to NaN only with ``equal_nan``).",
    "allclose": "Whether every element of `fastgrad.isclose` holds, as a Python bool.",
    "equal": "Whether both tensors have the same shape and elements, as a Python bool.",
    "nan_to_num": "Replaces NaN by ``nan``, +inf by ``posinf`` and -inf by ``neginf`` (defaults: 0 and the "
                  "dtype's largest and lowest finite values).",
    "addcmul": "``input + value * tensor1 * tensor2``.",
    "addcdiv": "``input + value * tensor1 / tensor2``.",
    "tile": "Repeats ``input`` ``dims[i]`` times along dim ``i``; missing leading reps count as 1.",
    "repeat_interleave": "Repeats each element (or slice along ``dim``) ``repeats`` times in place: an int or "
                         "one count per element.",
    "roll": "Rotates ``input`` by ``shifts`` along ``dims`` (along the flattened tensor without dims).",
    "meshgrid": "Coordinate grids from 1-d tensors, with ``indexing='ij'`` (matrix) or ``'xy'`` (cartesian).",
    "nonzero": "The indices of the non-zero elements, ``(count, ndim)``; with ``as_tuple=True`` one index "
               "tensor per dim.",
    "masked_select": "The elements of ``input`` where the bool ``mask`` (broadcast) holds, as a 1-d tensor.",
    "take_along_dim": "Picks values of ``input`` at ``indices`` along ``dim`` (of the flattened tensor without "
                      "one); other dims broadcast.",
    "count_nonzero": "The number of non-zero elements, over ``dim`` or all.",
    "std_mean": "``(std, mean)`` of ``input`` over ``dim``, with std's ``correction``.",
    "var_mean": "``(var, mean)`` of ``input`` over ``dim``, with var's ``correction``.",
    "elu_": "In-place `elu`: writes ``elu(input, alpha)`` into ``input`` and returns it.",
    "celu_": "In-place `celu`: writes ``celu(input, alpha)`` into ``input`` and returns it.",
    "leaky_relu_": "In-place `leaky_relu`: writes ``leaky_relu(input, negative_slope)`` into ``input`` and returns it.",
    "hardtanh_": "In-place `hardtanh`: clamps ``input`` to ``[min_val, max_val]`` in place and returns it.",
    "threshold_": "In-place `threshold`: replaces the elements ``<= threshold`` of ``input`` by ``value``.",
    "relu_": "In-place `relu`: zeroes the negative elements of ``input`` and returns it.",
    "selu_": "In-place `selu`: writes ``selu(input)`` into ``input`` and returns it.",
    "unbind": "The slices of ``input`` along ``dim``, as a tuple of views (one dim fewer each).\n\nArgs:\n    input "
              "(Tensor): the input.\n    dim (int): Default: ``0``.",
    "movedim": "A view of ``input`` with the dims in ``source`` moved to the positions in ``destination``; the other "
               "dims keep their order.",
    "moveaxis": "Alias of `movedim`.",
}.items():
    _doc(_name, _text)


FUNCTIONS['get_default_dtype'] = """Returns the default floating dtype: what Python floats, ``fastgrad.tensor([1.0])``,
``zeros``, ``randn`` ... produce when no dtype is given (``fastgrad.float32`` unless set).

Examples:
    >>> fastgrad.get_default_dtype()
    torch.float32
"""

FUNCTIONS['set_default_dtype'] = """Sets the default floating dtype (float32, float64, float16 or bfloat16); an integer
dtype raises TypeError, as in torch.

Args:
    d (fastgrad.dtype): the new default.

Examples:
    >>> fastgrad.set_default_dtype(fastgrad.float64)
    >>> fastgrad.tensor([1.5]).dtype
    torch.float64
    >>> fastgrad.set_default_dtype(fastgrad.float32)
"""

FUNCTIONS['result_type'] = """The dtype an arithmetic op on ``tensor1`` and ``tensor2`` returns, by torch's promotion
rules (a 0-dim tensor or a Python number only raises the category: bool < integer < floating).

Args:
    tensor1 (Tensor or Number): an operand.
    tensor2 (Tensor or Number): the other.

Examples:
    >>> fastgrad.result_type(fastgrad.zeros(2, dtype=fastgrad.uint8), fastgrad.zeros(2, dtype=fastgrad.int8))
    torch.int16
    >>> fastgrad.result_type(fastgrad.zeros(2, dtype=fastgrad.int32), 2.5)
    torch.float32
"""

FUNCTIONS['promote_types'] = """The smallest dtype both ``type1`` and ``type2`` convert to without losing range, as
torch.promote_types.

Args:
    type1 (fastgrad.dtype): a dtype.
    type2 (fastgrad.dtype): another.

Examples:
    >>> fastgrad.promote_types(fastgrad.bfloat16, fastgrad.float16)
    torch.float32
"""
