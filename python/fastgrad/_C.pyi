"""
fastgrad C++ core: tensors, autograd, kernels
"""
from __future__ import annotations
import collections.abc
import fastgrad._types
import numpy
import typing
import typing_extensions
__all__: list[str] = ['Generator', 'Tensor', 'abs', 'acos', 'acosh', 'add', 'addbmm', 'addcdiv', 'addcmul', 'addmm', 'addmv', 'addr', 'all', 'allclose', 'amax', 'amin', 'aminmax', 'any', 'arange', 'arctan2', 'argmax', 'argmin', 'argsort', 'argwhere', 'asin', 'asinh', 'atan', 'atan2', 'atanh', 'atleast_1d', 'atleast_2d', 'atleast_3d', 'baddbmm', 'bernoulli', 'bincount', 'bitwise_and', 'bitwise_not', 'bitwise_or', 'bitwise_xor', 'block_diag', 'bmm', 'broadcast_tensors', 'broadcast_to', 'bucketize', 'cartesian_prod', 'cat', 'cdist', 'ceil', 'celu', 'celu_', 'chain_matmul', 'chunk', 'clamp', 'clamp_max', 'clamp_min', 'clip', 'clone', 'column_stack', 'combinations', 'concat', 'copysign', 'corrcoef', 'cos', 'cosh', 'count_nonzero', 'cov', 'cross', 'cummax', 'cummin', 'cumprod', 'cumsum', 'cumulative_trapezoid', 'default_generator', 'deg2rad', 'diag', 'diag_embed', 'diagflat', 'diagonal', 'diff', 'dist', 'div', 'dot', 'dsplit', 'dstack', 'einsum', 'elu', 'elu_', 'empty', 'empty_like', 'eq', 'equal', 'erf', 'erfc', 'exp', 'exp2', 'expm1', 'eye', 'flatten', 'flip', 'fliplr', 'flipud', 'float_power', 'floor', 'floor_divide', 'fmax', 'fmin', 'fmod', 'frac', 'from_dlpack', 'from_numpy', 'full', 'full_like', 'gather', 'ge', 'gelu', 'ger', 'get_default_dtype', 'get_num_threads', 'glu', 'gt', 'hardshrink', 'hardsigmoid', 'hardswish', 'hardtanh', 'hardtanh_', 'heaviside', 'histc', 'histogram', 'hsplit', 'hstack', 'hypot', 'index_add', 'index_copy', 'index_fill', 'index_put', 'index_select', 'initial_seed', 'inner', 'is_grad_enabled', 'isclose', 'isfinite', 'isin', 'isinf', 'isnan', 'isneginf', 'isposinf', 'kron', 'kthvalue', 'ldexp', 'le', 'leaky_relu', 'leaky_relu_', 'lerp', 'linear', 'linspace', 'log', 'log10', 'log1p', 'log2', 'log_softmax', 'logaddexp', 'logaddexp2', 'logcumsumexp', 'logical_and', 'logical_not', 'logical_or', 'logical_xor', 'logit', 'logsumexp', 'lt', 'manual_seed', 'masked_fill', 'masked_scatter', 'masked_select', 'matmul', 'maximum', 'mean', 'median', 'meshgrid', 'minimum', 'mish', 'mm', 'mode', 'moveaxis', 'movedim', 'msort', 'mul', 'multinomial', 'mv', 'nan_to_num', 'nanmean', 'nanmedian', 'nanquantile', 'nansum', 'narrow', 'ne', 'neg', 'negative', 'nonzero', 'ones', 'ones_like', 'outer', 'permute', 'positive', 'pow', 'prelu', 'prod', 'promote_types', 'quantile', 'rad2deg', 'rand', 'rand_like', 'randint', 'randint_like', 'randn', 'randn_like', 'randperm', 'ravel', 'reciprocal', 'relu', 'relu_', 'remainder', 'renorm', 'repeat_interleave', 'reshape', 'result_type', 'roll', 'rot90', 'round', 'row_stack', 'rsqrt', 'rsub', 'scatter', 'scatter_add', 'scatter_reduce', 'searchsorted', 'select', 'selu', 'selu_', 'set_default_dtype', 'set_num_threads', 'sgn', 'sigmoid', 'sign', 'signbit', 'silu', 'sin', 'sinc', 'sinh', 'softmax', 'softplus', 'softshrink', 'softsign', 'sort', 'split', 'split_with_sizes', 'sqrt', 'square', 'squeeze', 'stack', 'std', 'std_mean', 'sub', 'sum', 'swapaxes', 't', 'take', 'take_along_dim', 'tan', 'tanh', 'tanhshrink', 'tensor_split', 'tensordot', 'threshold', 'threshold_', 'tile', 'topk', 'trace', 'transpose', 'trapezoid', 'trapz', 'tril', 'tril_indices', 'triu', 'triu_indices', 'true_divide', 'trunc', 'unbind', 'unflatten', 'unique', 'unique_consecutive', 'unsqueeze', 'vander', 'var', 'var_mean', 'vsplit', 'vstack', 'where', 'xlogy', 'zeros', 'zeros_like']
class _Node:
    def __eq__(self, arg0: _Node) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def name(self) -> str:
        ...
    def register_hook(self, arg0: collections.abc.Callable) -> None:
        ...
    @property
    def next_functions(self) -> tuple:
        ...
class _HookHandle:
    def remove(self) -> None:
        ...
class Tensor:
    """
    A multi-dimensional array of float32, float64, float16, bfloat16, int64, int32, int16, int8, uint8 or bool
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
                [6., 8.]])
    """
    __array_priority__: typing.ClassVar[int] = 1000
    is_cpu: typing.ClassVar[bool] = True
    is_sparse: typing.ClassVar[bool] = False
    layout: typing.ClassVar[fastgrad._types.layout]
    @staticmethod
    def __repr__(t):
        ...
    @staticmethod
    def __str__(t):
        ...
    @staticmethod
    def absolute(*args, **kwargs):
        """
        abs(self: fastgrad._C.Tensor) -> fastgrad._C.Tensor
        
        See `fastgrad.abs`.
        """
    @staticmethod
    def arccos(*args, **kwargs):
        """
        acos(self: fastgrad._C.Tensor) -> fastgrad._C.Tensor
        
        See `fastgrad.acos`.
        """
    @staticmethod
    def arccosh(*args, **kwargs):
        """
        acosh(self: fastgrad._C.Tensor) -> fastgrad._C.Tensor
        
        See `fastgrad.acosh`.
        """
    @staticmethod
    def arcsin(*args, **kwargs):
        """
        asin(self: fastgrad._C.Tensor) -> fastgrad._C.Tensor
        
        See `fastgrad.asin`.
        """
    @staticmethod
    def arcsinh(*args, **kwargs):
        """
        asinh(self: fastgrad._C.Tensor) -> fastgrad._C.Tensor
        
        See `fastgrad.asinh`.
        """
    @staticmethod
    def arctan(*args, **kwargs):
        """
        atan(self: fastgrad._C.Tensor) -> fastgrad._C.Tensor
        
        See `fastgrad.atan`.
        """
    @staticmethod
    def arctanh(*args, **kwargs):
        """
        atanh(self: fastgrad._C.Tensor) -> fastgrad._C.Tensor
        
        See `fastgrad.atanh`.
        """
    @staticmethod
    def divide(*args, **kwargs):
        """
        div(self: fastgrad._C.Tensor, other: object, *, rounding_mode: object = None) -> fastgrad._C.Tensor
        
        See `fastgrad.div`.
        """
    @staticmethod
    def fix(*args, **kwargs):
        """
        trunc(self: fastgrad._C.Tensor) -> fastgrad._C.Tensor
        
        See `fastgrad.trunc`.
        """
    @staticmethod
    def greater(*args, **kwargs):
        """
        gt(self: fastgrad._C.Tensor, other: object) -> fastgrad._C.Tensor
        
        See `fastgrad.gt`.
        """
    @staticmethod
    def greater_equal(*args, **kwargs):
        """
        ge(self: fastgrad._C.Tensor, other: object) -> fastgrad._C.Tensor
        
        See `fastgrad.ge`.
        """
    @staticmethod
    def less(*args, **kwargs):
        """
        lt(self: fastgrad._C.Tensor, other: object) -> fastgrad._C.Tensor
        
        See `fastgrad.lt`.
        """
    @staticmethod
    def less_equal(*args, **kwargs):
        """
        le(self: fastgrad._C.Tensor, other: object) -> fastgrad._C.Tensor
        
        See `fastgrad.le`.
        """
    @staticmethod
    def multiply(*args, **kwargs):
        """
        mul(self: fastgrad._C.Tensor, other: object) -> fastgrad._C.Tensor
        
        See `fastgrad.mul`.
        """
    @staticmethod
    def not_equal(*args, **kwargs):
        """
        ne(self: fastgrad._C.Tensor, other: object) -> fastgrad._C.Tensor
        
        See `fastgrad.ne`.
        """
    @staticmethod
    def subtract(*args, **kwargs):
        """
        sub(self: fastgrad._C.Tensor, other: object, *, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> fastgrad._C.Tensor
        
        See `fastgrad.sub`.
        """
    @staticmethod
    def swapdims(*args, **kwargs):
        """
        swapaxes(self: fastgrad._C.Tensor, axis0: typing.SupportsInt | typing.SupportsIndex, axis1: typing.SupportsInt | typing.SupportsIndex) -> fastgrad._C.Tensor
        
        See `fastgrad.swapaxes`.
        """
    def __abs__(self) -> Tensor:
        ...
    def __add__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __and__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __array__(self, dtype = None, copy = None):
        ...
    def __bool__(self) -> bool:
        ...
    def __deepcopy__(self, memo):
        ...
    def __dlpack__(self, *, stream: typing.Any = None, max_version: typing.Any = None, dl_device: typing.Any = None, copy: typing.Any = None) -> typing_extensions.CapsuleType:
        ...
    def __dlpack_device__(self) -> tuple[int, int]:
        ...
    def __eq__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __float__(self) -> float:
        ...
    def __floordiv__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __format__(self, arg0: str) -> typing.Any:
        ...
    def __ge__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __getitem__(self, arg0: typing.Any) -> Tensor:
        ...
    def __gt__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __hash__(self) -> int:
        ...
    def __iadd__(self, arg0: typing.Any) -> Tensor:
        ...
    def __iand__(self, arg0: typing.Any) -> Tensor:
        ...
    def __ifloordiv__(self, arg0: typing.Any) -> Tensor:
        ...
    def __imod__(self, arg0: typing.Any) -> Tensor:
        ...
    def __imul__(self, arg0: typing.Any) -> Tensor:
        ...
    def __index__(self) -> typing.Any:
        ...
    @typing.overload
    def __init__(self) -> None:
        ...
    @typing.overload
    def __init__(self, data: Tensor) -> None:
        ...
    @typing.overload
    def __init__(self, *args) -> None:
        ...
    def __int__(self) -> typing.Any:
        ...
    def __invert__(self) -> Tensor:
        ...
    def __ior__(self, arg0: typing.Any) -> Tensor:
        ...
    def __isub__(self, arg0: typing.Any) -> Tensor:
        ...
    def __iter__(self):
        ...
    def __itruediv__(self, arg0: typing.Any) -> Tensor:
        ...
    def __ixor__(self, arg0: typing.Any) -> Tensor:
        ...
    def __le__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __len__(self) -> int:
        ...
    def __lt__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __matmul__(self, arg0: Tensor) -> Tensor:
        ...
    def __mod__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __mul__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __ne__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __neg__(self) -> Tensor:
        ...
    def __or__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __pos__(self) -> Tensor:
        ...
    def __pow__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __radd__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __rand__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __reduce_ex__(self, protocol):
        ...
    def __rfloordiv__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __rmatmul__(self, arg0: Tensor) -> Tensor:
        ...
    def __rmod__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __rmul__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __ror__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __rpow__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __rsub__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __rtruediv__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __rxor__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __setitem__(self, arg0: typing.Any, arg1: typing.Any) -> None:
        ...
    def __sub__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __truediv__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __xor__(self, arg0: typing.Any) -> typing.Any:
        ...
    def _is_view(self) -> bool:
        ...
    def abs(self) -> Tensor:
        """
        See `fastgrad.abs`.
        """
    def abs_(self) -> Tensor:
        """
        In-place version of `Tensor.abs`: writes the result into ``self``.
        """
    def acos(self) -> Tensor:
        """
        See `fastgrad.acos`.
        """
    def acos_(self) -> Tensor:
        """
        In-place version of `Tensor.acos`: writes the result into ``self``.
        """
    def acosh(self) -> Tensor:
        """
        See `fastgrad.acosh`.
        """
    def acosh_(self) -> Tensor:
        """
        In-place version of `Tensor.acosh`: writes the result into ``self``.
        """
    def add(self, other: typing.Any, *, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
        """
        See `fastgrad.add`.
        """
    def add_(self, other: typing.Any, *, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
        """
        In-place version of `Tensor.add`: writes the result into ``self``.
        """
    def addbmm(self, batch1: Tensor, batch2: Tensor, *, beta: typing.SupportsFloat | typing.SupportsIndex = 1.0, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
        """
        See `fastgrad.addbmm`.
        """
    def addcdiv(self, tensor1: Tensor, tensor2: Tensor, *, value: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
        """
        See `fastgrad.addcdiv`.
        """
    def addcdiv_(self, tensor1: Tensor, tensor2: Tensor, *, value: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
        """
        In place: ``self += value * tensor1 / tensor2``.
        
        Args:
            tensor1 (Tensor): 
            tensor2 (Tensor): 
            value (Number): Default: 1.
        """
    def addcmul(self, tensor1: Tensor, tensor2: Tensor, *, value: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
        """
        See `fastgrad.addcmul`.
        """
    def addcmul_(self, tensor1: Tensor, tensor2: Tensor, *, value: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
        """
        In place: ``self += value * tensor1 * tensor2``.
        
        Args:
            tensor1 (Tensor): 
            tensor2 (Tensor): 
            value (Number): Default: 1.
        """
    def addmm(self, mat1: Tensor, mat2: Tensor, *, beta: typing.SupportsFloat | typing.SupportsIndex = 1.0, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
        """
        See `fastgrad.addmm`.
        """
    def addmv(self, mat: Tensor, vec: Tensor, *, beta: typing.SupportsFloat | typing.SupportsIndex = 1.0, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
        """
        See `fastgrad.addmv`.
        """
    def addr(self, vec1: Tensor, vec2: Tensor, *, beta: typing.SupportsFloat | typing.SupportsIndex = 1.0, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
        """
        See `fastgrad.addr`.
        """
    def all(self, dim: typing.Any = None, keepdim: bool = False, *, keepdims: typing.Any = None) -> Tensor:
        """
        See `fastgrad.all`.
        """
    def allclose(self, other: Tensor, rtol: typing.SupportsFloat | typing.SupportsIndex = 1e-05, atol: typing.SupportsFloat | typing.SupportsIndex = 1e-08, equal_nan: bool = False) -> bool:
        """
        See `fastgrad.allclose`.
        """
    def amax(self, dim: typing.Any = (), keepdim: bool = False, *, keepdims: typing.Any = None) -> Tensor:
        """
        See `fastgrad.amax`.
        """
    def amin(self, dim: typing.Any = (), keepdim: bool = False, *, keepdims: typing.Any = None) -> Tensor:
        """
        See `fastgrad.amin`.
        """
    def aminmax(self, *, dim: typing.Any = None, keepdim: bool = False) -> typing.Any:
        """
        See `fastgrad.aminmax`.
        """
    def any(self, dim: typing.Any = None, keepdim: bool = False, *, keepdims: typing.Any = None) -> Tensor:
        """
        See `fastgrad.any`.
        """
    def arctan2(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.arctan2`.
        """
    def argmax(self, dim: typing.Any = None, keepdim: bool = False, *, keepdims: typing.Any = None) -> Tensor:
        """
        See `fastgrad.argmax`.
        """
    def argmin(self, dim: typing.Any = None, keepdim: bool = False, *, keepdims: typing.Any = None) -> Tensor:
        """
        See `fastgrad.argmin`.
        """
    def argsort(self, dim: typing.SupportsInt | typing.SupportsIndex = -1, descending: bool = False, *, stable: bool = False) -> Tensor:
        """
        See `fastgrad.argsort`.
        """
    def argwhere(self) -> Tensor:
        """
        See `fastgrad.argwhere`.
        """
    def asin(self) -> Tensor:
        """
        See `fastgrad.asin`.
        """
    def asin_(self) -> Tensor:
        """
        In-place version of `Tensor.asin`: writes the result into ``self``.
        """
    def asinh(self) -> Tensor:
        """
        See `fastgrad.asinh`.
        """
    def asinh_(self) -> Tensor:
        """
        In-place version of `Tensor.asinh`: writes the result into ``self``.
        """
    def atan(self) -> Tensor:
        """
        See `fastgrad.atan`.
        """
    def atan2(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.atan2`.
        """
    def atan_(self) -> Tensor:
        """
        In-place version of `Tensor.atan`: writes the result into ``self``.
        """
    def atanh(self) -> Tensor:
        """
        See `fastgrad.atanh`.
        """
    def atanh_(self) -> Tensor:
        """
        In-place version of `Tensor.atanh`: writes the result into ``self``.
        """
    def backward(self, gradient: typing.Any = None, retain_graph: typing.Any = None, create_graph: bool = False, inputs: typing.Any = None) -> Tensor:
        """
        Computes the gradient of this tensor with respect to the graph leaves that require grad, and
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
            tensor([2., 4.])
        """
    def baddbmm(self, batch1: Tensor, batch2: Tensor, *, beta: typing.SupportsFloat | typing.SupportsIndex = 1.0, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
        """
        See `fastgrad.baddbmm`.
        """
    def bernoulli(self, p: typing.Any = None, *, generator: typing.Any = None) -> Tensor:
        """
        Returns 0 or 1 for each element, 1 with probability ``p`` (or, without ``p``, the element's own value). See `fastgrad.bernoulli`.
        """
    def bernoulli_(self, p: typing.Any = 0.5, *, generator: typing.Any = None) -> Tensor:
        """
        Fills ``self`` with 0 or 1, drawing 1 with probability ``p``.
        
        Args:
            p (float or Tensor): Default: 0.5.
            generator (fastgrad.Generator, optional): the random stream.
        """
    def bfloat16(self) -> Tensor:
        """
        ``self.to(fastgrad.bfloat16)``: float32's range with 8 bits of precision, rounded to nearest even.
        """
    def bincount(self, weights: typing.Any = None, minlength: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
        """
        See `fastgrad.bincount`.
        """
    def bitwise_and(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.bitwise_and`.
        """
    def bitwise_not(self) -> Tensor:
        """
        See `fastgrad.bitwise_not`.
        """
    def bitwise_or(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.bitwise_or`.
        """
    def bitwise_xor(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.bitwise_xor`.
        """
    def bmm(self, mat2: Tensor) -> Tensor:
        """
        See `fastgrad.bmm`.
        """
    def bool(self) -> Tensor:
        """
        ``self.to(fastgrad.bool)``.
        """
    def broadcast_to(self, size: typing.Any) -> Tensor:
        """
        See `fastgrad.broadcast_to`.
        """
    def byte(self) -> Tensor:
        """
        ``self.to(fastgrad.uint8)``.
        """
    def cauchy_(self, median: typing.SupportsFloat | typing.SupportsIndex = 0.0, sigma: typing.SupportsFloat | typing.SupportsIndex = 1.0, *, generator: typing.Any = None) -> Tensor:
        """
        Fills ``self`` with numbers drawn from the Cauchy distribution with ``median`` and scale ``sigma``.
        """
    def ceil(self) -> Tensor:
        """
        See `fastgrad.ceil`.
        """
    def ceil_(self) -> Tensor:
        """
        In-place version of `Tensor.ceil`: writes the result into ``self``.
        """
    def char(self) -> Tensor:
        """
        ``self.to(fastgrad.int8)``.
        """
    def chunk(self, chunks: typing.SupportsInt | typing.SupportsIndex, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> tuple:
        """
        See `fastgrad.chunk`.
        """
    def clamp(self, min: typing.Any = None, max: typing.Any = None) -> Tensor:
        """
        See `fastgrad.clamp`.
        """
    def clamp_(self, min: typing.Any = None, max: typing.Any = None) -> Tensor:
        """
        In-place version of `Tensor.clamp`: writes the result into ``self``.
        """
    def clamp_max(self, max: typing.SupportsFloat | typing.SupportsIndex) -> Tensor:
        """
        See `fastgrad.clamp_max`.
        """
    def clamp_max_(self, max: typing.SupportsFloat | typing.SupportsIndex) -> Tensor:
        """
        In-place version of `Tensor.clamp_max`: writes the result into ``self``.
        """
    def clamp_min(self, min: typing.SupportsFloat | typing.SupportsIndex) -> Tensor:
        """
        See `fastgrad.clamp_min`.
        """
    def clamp_min_(self, min: typing.SupportsFloat | typing.SupportsIndex) -> Tensor:
        """
        In-place version of `Tensor.clamp_min`: writes the result into ``self``.
        """
    def clip(self, min: typing.Any = None, max: typing.Any = None) -> Tensor:
        """
        See `fastgrad.clip`.
        """
    def clone(self) -> Tensor:
        """
        See `fastgrad.clone`.
        """
    def coalesce(self, *args, **kwargs):
        """
        Sparse tensors only: a dense tensor raises, as torch's ``coalesce``.
        """
    def contiguous(self) -> Tensor:
        """
        Returns ``self`` if it is contiguous, else a contiguous copy (which autograd tracks).
        """
    def copy_(self, src: Tensor) -> Tensor:
        """
        Copies the elements of ``src`` into ``self`` (broadcasting and converting dtype) and returns ``self``.
        
        Args:
            src (Tensor): the source.
        
        Examples:
            >>> x = fastgrad.zeros(2, 2)
            >>> x.copy_(fastgrad.tensor([1.0, 2.0]))
            tensor([[1., 2.],
                    [1., 2.]])
        """
    def copysign(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.copysign`.
        """
    def corrcoef(self) -> Tensor:
        """
        See `fastgrad.corrcoef`.
        """
    def cos(self) -> Tensor:
        """
        See `fastgrad.cos`.
        """
    def cos_(self) -> Tensor:
        """
        In-place version of `Tensor.cos`: writes the result into ``self``.
        """
    def cosh(self) -> Tensor:
        """
        See `fastgrad.cosh`.
        """
    def cosh_(self) -> Tensor:
        """
        In-place version of `Tensor.cosh`: writes the result into ``self``.
        """
    def count_nonzero(self, dim: typing.Any = None) -> Tensor:
        """
        See `fastgrad.count_nonzero`.
        """
    def cov(self, *, correction: typing.SupportsInt | typing.SupportsIndex = 1, fweights: typing.Any = None, aweights: typing.Any = None) -> Tensor:
        """
        See `fastgrad.cov`.
        """
    def cpu(self) -> Tensor:
        """
        Returns ``self``: fastgrad tensors are always on the CPU.
        """
    def cross(self, other: Tensor, dim: typing.Any = None) -> Tensor:
        """
        See `fastgrad.cross`.
        """
    def cuda(self, device = None, non_blocking = False, memory_format = None):
        """
        Raises an error that is both a ``RuntimeError`` and an ``AssertionError``, as torch built without CUDA does:
            fastgrad runs on the CPU only, so there is no CUDA device to copy the tensor to.
            
        """
    def cummax(self, dim: typing.SupportsInt | typing.SupportsIndex) -> typing.Any:
        """
        See `fastgrad.cummax`.
        """
    def cummin(self, dim: typing.SupportsInt | typing.SupportsIndex) -> typing.Any:
        """
        See `fastgrad.cummin`.
        """
    def cumprod(self, dim: typing.SupportsInt | typing.SupportsIndex, *, dtype: typing.Any = None) -> Tensor:
        """
        See `fastgrad.cumprod`.
        """
    def cumsum(self, dim: typing.SupportsInt | typing.SupportsIndex, *, dtype: typing.Any = None) -> Tensor:
        """
        See `fastgrad.cumsum`.
        """
    def data_ptr(self):
        """
        The address of the first element, as an int (0 for a tensor without elements, as in torch).
        """
    def deg2rad(self) -> Tensor:
        """
        See `fastgrad.deg2rad`.
        """
    def dense_dim(self):
        """
        The number of dense dims: all of a dense tensor's.
        """
    def detach(self) -> Tensor:
        """
        Returns a tensor that shares this tensor's memory but is out of the autograd graph.
        
        Examples:
            >>> x = fastgrad.tensor([1.0], requires_grad=True)
            >>> (x * 2).detach().requires_grad
            False
        """
    def detach_(self) -> Tensor:
        """
        Detaches this tensor from the graph that created it, in place, making it a leaf.
        """
    def diag(self, diagonal: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
        """
        See `fastgrad.diag`.
        """
    def diag_embed(self, offset: typing.SupportsInt | typing.SupportsIndex = 0, dim1: typing.SupportsInt | typing.SupportsIndex = -2, dim2: typing.SupportsInt | typing.SupportsIndex = -1) -> Tensor:
        """
        See `fastgrad.diag_embed`.
        """
    def diagflat(self, offset: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
        """
        See `fastgrad.diagflat`.
        """
    def diagonal(self, offset: typing.SupportsInt | typing.SupportsIndex = 0, dim1: typing.SupportsInt | typing.SupportsIndex = 0, dim2: typing.SupportsInt | typing.SupportsIndex = 1) -> Tensor:
        """
        See `fastgrad.diagonal`.
        """
    def diff(self, n: typing.SupportsInt | typing.SupportsIndex = 1, dim: typing.SupportsInt | typing.SupportsIndex = -1, prepend: typing.Any = None, append: typing.Any = None) -> Tensor:
        """
        See `fastgrad.diff`.
        """
    def dim(self) -> int:
        """
        Returns the number of dimensions.
        
        Examples:
            >>> fastgrad.zeros(2, 3).dim()
            2
        """
    def dist(self, other: Tensor, p: typing.SupportsFloat | typing.SupportsIndex = 2.0) -> Tensor:
        """
        See `fastgrad.dist`.
        """
    def div(self, other: typing.Any, *, rounding_mode: typing.Any = None) -> Tensor:
        """
        See `fastgrad.div`.
        """
    def div_(self, other: typing.Any, *, rounding_mode: typing.Any = None) -> Tensor:
        """
        In-place version of `Tensor.div`: writes the result into ``self``.
        """
    def dot(self, other: Tensor) -> Tensor:
        """
        See `fastgrad.dot`.
        """
    def double(self) -> Tensor:
        """
        ``self.to(fastgrad.float64)``.
        """
    def dsplit(self, indices_or_sections: typing.Any) -> tuple:
        """
        See `fastgrad.dsplit`.
        """
    def element_size(self) -> int:
        """
        Returns the size of one element in bytes.
        
        Examples:
            >>> fastgrad.zeros(1, dtype=fastgrad.float64).element_size()
            8
        """
    def eq(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.eq`.
        """
    def equal(self, other: Tensor) -> bool:
        """
        See `fastgrad.equal`.
        """
    def erf(self) -> Tensor:
        """
        See `fastgrad.erf`.
        """
    def erf_(self) -> Tensor:
        """
        In-place version of `Tensor.erf`: writes the result into ``self``.
        """
    def erfc(self) -> Tensor:
        """
        See `fastgrad.erfc`.
        """
    def erfc_(self) -> Tensor:
        """
        In-place version of `Tensor.erfc`: writes the result into ``self``.
        """
    def exp(self) -> Tensor:
        """
        See `fastgrad.exp`.
        """
    def exp2(self) -> Tensor:
        """
        See `fastgrad.exp2`.
        """
    def exp2_(self) -> Tensor:
        """
        In-place version of `Tensor.exp2`: writes the result into ``self``.
        """
    def exp_(self) -> Tensor:
        """
        In-place version of `Tensor.exp`: writes the result into ``self``.
        """
    def expand(self, *args) -> Tensor:
        """
        Returns a view with dimensions of size 1 repeated to the given sizes (no copy); -1 keeps a size.
        
        Args:
            *sizes (int...): the new shape.
        
        Examples:
            >>> fastgrad.tensor([[1], [2]]).expand(2, 3)
            tensor([[1, 1, 1],
                    [2, 2, 2]])
        """
    def expand_as(self, arg0: Tensor) -> Tensor:
        """
        ``self.expand(other.size())``.
        """
    def expm1(self) -> Tensor:
        """
        See `fastgrad.expm1`.
        """
    def expm1_(self) -> Tensor:
        """
        In-place version of `Tensor.expm1`: writes the result into ``self``.
        """
    def exponential_(self, lambd: typing.SupportsFloat | typing.SupportsIndex = 1.0, *, generator: typing.Any = None) -> Tensor:
        """
        Fills ``self`` with numbers drawn from the exponential distribution of rate ``lambd``.
        """
    def fill_(self, value: typing.Any) -> Tensor:
        """
        Fills ``self`` with ``value`` and returns it.
        
        Args:
            value (Number): the value.
        
        Examples:
            >>> fastgrad.zeros(3).fill_(2.0)
            tensor([2., 2., 2.])
        """
    def flatten(self, start_dim: typing.SupportsInt | typing.SupportsIndex = 0, end_dim: typing.SupportsInt | typing.SupportsIndex = -1) -> Tensor:
        """
        See `fastgrad.flatten`.
        """
    def flip(self, *args) -> Tensor:
        """
        See `fastgrad.flip`.
        """
    def fliplr(self) -> Tensor:
        """
        See `fastgrad.fliplr`.
        """
    def flipud(self) -> Tensor:
        """
        See `fastgrad.flipud`.
        """
    def float(self) -> Tensor:
        """
        ``self.to(fastgrad.float32)``.
        """
    def float_power(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.float_power`.
        """
    def floor(self) -> Tensor:
        """
        See `fastgrad.floor`.
        """
    def floor_(self) -> Tensor:
        """
        In-place version of `Tensor.floor`: writes the result into ``self``.
        """
    def floor_divide(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.floor_divide`.
        """
    def floor_divide_(self, other: typing.Any) -> Tensor:
        """
        In-place version of `Tensor.floor_divide`: writes the result into ``self``.
        """
    def fmax(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.fmax`.
        """
    def fmin(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.fmin`.
        """
    def fmod(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.fmod`.
        """
    def fmod_(self, other: typing.Any) -> Tensor:
        """
        In-place version of `Tensor.fmod`: writes the result into ``self``.
        """
    def frac(self) -> Tensor:
        """
        See `fastgrad.frac`.
        """
    def gather(self, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor) -> Tensor:
        """
        See `fastgrad.gather`.
        """
    def ge(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.ge`.
        """
    def geometric_(self, p: typing.SupportsFloat | typing.SupportsIndex, *, generator: typing.Any = None) -> Tensor:
        """
        Fills ``self`` with the number of Bernoulli(``p``) trials until the first success (1, 2, ...).
        """
    def ger(self, vec2: Tensor) -> Tensor:
        """
        See `fastgrad.ger`.
        """
    def get_device(self):
        """
        Returns the device index: -1, torch's index for the CPU.
        
            Examples:
                >>> fastgrad.zeros(1).get_device()
                -1
            
        """
    def gt(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.gt`.
        """
    def half(self) -> Tensor:
        """
        ``self.to(fastgrad.float16)``: rounds to nearest even; values past 65504 become inf.
        """
    def hardshrink(self, lambd: typing.SupportsFloat | typing.SupportsIndex = 0.5) -> Tensor:
        """
        See `fastgrad.hardshrink`.
        """
    def hardsigmoid(self) -> Tensor:
        """
        See `fastgrad.hardsigmoid`.
        """
    def hardsigmoid_(self) -> Tensor:
        """
        In-place version of `Tensor.hardsigmoid`.
        """
    def hardswish(self) -> Tensor:
        """
        See `fastgrad.hardswish`.
        """
    def hardswish_(self) -> Tensor:
        """
        In-place version of `Tensor.hardswish`.
        """
    def heaviside(self, values: Tensor) -> Tensor:
        """
        See `fastgrad.heaviside`.
        """
    def histc(self, bins: typing.SupportsInt | typing.SupportsIndex = 100, min: typing.SupportsFloat | typing.SupportsIndex = 0.0, max: typing.SupportsFloat | typing.SupportsIndex = 0.0) -> Tensor:
        """
        See `fastgrad.histc`.
        """
    def histogram(self, bins: typing.Any = 100, *, range: typing.Any = None, weight: typing.Any = None, density: bool = False) -> typing.Any:
        """
        See `fastgrad.histogram`.
        """
    def hsplit(self, indices_or_sections: typing.Any) -> tuple:
        """
        See `fastgrad.hsplit`.
        """
    def hypot(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.hypot`.
        """
    def index_add(self, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, source: Tensor, *, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
        """
        See `fastgrad.index_add`.
        """
    def index_add_(self, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, source: Tensor, *, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
        """
        In-place version of `Tensor.index_add`: writes the result into ``self`` (recording it for
        autograd when ``self`` or the written values require grad).
        """
    def index_copy(self, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, source: Tensor) -> Tensor:
        """
        See `fastgrad.index_copy`.
        """
    def index_copy_(self, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, source: Tensor) -> Tensor:
        """
        In-place version of `Tensor.index_copy`: writes the result into ``self`` (recording it for
        autograd when ``self`` or the written values require grad).
        """
    def index_fill(self, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, value: typing.Any) -> Tensor:
        """
        See `fastgrad.index_fill`.
        """
    def index_fill_(self, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, value: typing.Any) -> Tensor:
        """
        In-place version of `Tensor.index_fill`: writes the result into ``self`` (recording it for
        autograd when ``self`` or the written values require grad).
        """
    def index_put(self, indices: typing.Any, values: Tensor, accumulate: bool = False) -> Tensor:
        """
        See `fastgrad.index_put`.
        """
    def index_put_(self, indices: typing.Any, values: Tensor, accumulate: bool = False) -> Tensor:
        """
        In-place version of `Tensor.index_put`: writes the result into ``self`` (recording it for
        autograd when ``self`` or the written values require grad).
        """
    def index_select(self, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor) -> Tensor:
        """
        See `fastgrad.index_select`.
        """
    def indices(self, *args, **kwargs):
        """
        Sparse tensors only: a dense tensor raises, as torch's ``indices``.
        """
    def inner(self, other: Tensor) -> Tensor:
        """
        See `fastgrad.inner`.
        """
    def int(self) -> Tensor:
        """
        ``self.to(fastgrad.int32)``.
        """
    def is_coalesced(self, *args, **kwargs):
        """
        Sparse tensors only: a dense tensor raises, as torch's ``is_coalesced``.
        """
    def is_complex(self):
        """
        Whether the dtype is complex: never, fastgrad has no complex dtypes.
        """
    def is_contiguous(self) -> bool:
        """
        Returns ``True`` when the elements are laid out row-major without gaps.
        
        Examples:
            >>> x = fastgrad.zeros(2, 3)
            >>> x.is_contiguous(), x.t().is_contiguous()
            (True, False)
        """
    def is_floating_point(self) -> bool:
        """
        Returns ``True`` for float32 and float64 tensors.
        
        Examples:
            >>> fastgrad.tensor([1]).is_floating_point()
            False
        """
    def is_pinned(self, device = None):
        """
        Returns ``False``: fastgrad tensors are never in page-locked memory.
        
            Examples:
                >>> fastgrad.zeros(1).is_pinned()
                False
            
        """
    def is_shared(self):
        """
        Returns ``True`` if the tensor's data is in shared memory (see `Tensor.share_memory_`).
        
            Examples:
                >>> fastgrad.zeros(3).is_shared()
                False
            
        """
    def is_signed(self) -> bool:
        """
        Whether the tensor's dtype holds negative values (every dtype but ``bool`` and ``uint8``).
        
        Examples:
            >>> fastgrad.zeros(1, dtype=fastgrad.uint8).is_signed(), fastgrad.zeros(1, dtype=fastgrad.int8).is_signed()
            (False, True)
        """
    def isclose(self, other: Tensor, rtol: typing.SupportsFloat | typing.SupportsIndex = 1e-05, atol: typing.SupportsFloat | typing.SupportsIndex = 1e-08, equal_nan: bool = False) -> Tensor:
        """
        See `fastgrad.isclose`.
        """
    def isfinite(self) -> Tensor:
        """
        See `fastgrad.isfinite`.
        """
    def isinf(self) -> Tensor:
        """
        See `fastgrad.isinf`.
        """
    def isnan(self) -> Tensor:
        """
        See `fastgrad.isnan`.
        """
    def isneginf(self) -> Tensor:
        """
        See `fastgrad.isneginf`.
        """
    def isposinf(self) -> Tensor:
        """
        See `fastgrad.isposinf`.
        """
    def item(self) -> typing.Any:
        """
        Returns the value of a one-element tensor as a Python number.
        
        Examples:
            >>> fastgrad.tensor([[2.5]]).item()
            2.5
        """
    def kron(self, other: Tensor) -> Tensor:
        """
        See `fastgrad.kron`.
        """
    def kthvalue(self, k: typing.SupportsInt | typing.SupportsIndex, dim: typing.SupportsInt | typing.SupportsIndex = -1, keepdim: bool = False) -> typing.Any:
        """
        See `fastgrad.kthvalue`.
        """
    def ldexp(self, other: Tensor) -> Tensor:
        """
        See `fastgrad.ldexp`.
        """
    def le(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.le`.
        """
    def lerp(self, end: Tensor, weight: typing.Any) -> Tensor:
        """
        See `fastgrad.lerp`.
        """
    def lerp_(self, end: Tensor, weight: typing.Any) -> Tensor:
        """
        In place: ``self += weight * (end - self)``.
        
        Args:
            end (Tensor): the end point.
            weight (float or Tensor): the interpolation weight.
        """
    def log(self) -> Tensor:
        """
        See `fastgrad.log`.
        """
    def log10(self) -> Tensor:
        """
        See `fastgrad.log10`.
        """
    def log10_(self) -> Tensor:
        """
        In-place version of `Tensor.log10`: writes the result into ``self``.
        """
    def log1p(self) -> Tensor:
        """
        See `fastgrad.log1p`.
        """
    def log1p_(self) -> Tensor:
        """
        In-place version of `Tensor.log1p`: writes the result into ``self``.
        """
    def log2(self) -> Tensor:
        """
        See `fastgrad.log2`.
        """
    def log2_(self) -> Tensor:
        """
        In-place version of `Tensor.log2`: writes the result into ``self``.
        """
    def log_(self) -> Tensor:
        """
        In-place version of `Tensor.log`: writes the result into ``self``.
        """
    def log_normal_(self, mean: typing.SupportsFloat | typing.SupportsIndex = 1.0, std: typing.SupportsFloat | typing.SupportsIndex = 2.0, *, generator: typing.Any = None) -> Tensor:
        """
        Fills ``self`` with numbers whose logarithm is normal with ``mean`` and ``std``.
        """
    def log_softmax(self, dim: typing.SupportsInt | typing.SupportsIndex, dtype: typing.Any = None) -> Tensor:
        """
        See `fastgrad.log_softmax`.
        """
    def logaddexp(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.logaddexp`.
        """
    def logaddexp2(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.logaddexp2`.
        """
    def logcumsumexp(self, dim: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
        """
        See `fastgrad.logcumsumexp`.
        """
    def logical_and(self, other: Tensor) -> Tensor:
        """
        See `fastgrad.logical_and`.
        """
    def logical_not(self) -> Tensor:
        """
        See `fastgrad.logical_not`.
        """
    def logical_or(self, other: Tensor) -> Tensor:
        """
        See `fastgrad.logical_or`.
        """
    def logical_xor(self, other: Tensor) -> Tensor:
        """
        See `fastgrad.logical_xor`.
        """
    def logit(self, eps: typing.Any = None) -> Tensor:
        """
        See `fastgrad.logit`.
        """
    def logsumexp(self, dim: typing.Any, keepdim: bool = False, *, keepdims: typing.Any = None) -> Tensor:
        """
        See `fastgrad.logsumexp`.
        """
    def long(self) -> Tensor:
        """
        ``self.to(fastgrad.int64)``.
        """
    def lt(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.lt`.
        """
    def masked_fill(self, mask: Tensor, value: typing.Any) -> Tensor:
        """
        See `fastgrad.masked_fill`.
        """
    def masked_fill_(self, mask: Tensor, value: typing.Any) -> Tensor:
        """
        In-place version of `Tensor.masked_fill`: writes the result into ``self``.
        """
    def masked_scatter(self, mask: Tensor, source: Tensor) -> Tensor:
        """
        See `fastgrad.masked_scatter`.
        """
    def masked_scatter_(self, mask: Tensor, source: Tensor) -> Tensor:
        """
        In-place version of `Tensor.masked_scatter`: writes the result into ``self`` (recording it for
        autograd when ``self`` or the written values require grad).
        """
    def masked_select(self, mask: Tensor) -> Tensor:
        """
        See `fastgrad.masked_select`.
        """
    @typing.overload
    def matmul(self, other: Tensor) -> Tensor:
        ...
    @typing.overload
    def matmul(self, other: typing.Any) -> typing.Any:
        """
        See `fastgrad.matmul`.
        """
    def max(self, dim: typing.Any = None, keepdim: bool = False, *, keepdims: typing.Any = None) -> typing.Any:
        """
        With no ``dim``: the largest element, as a 0-d tensor. With ``dim``: a named tuple ``(values, indices)`` of the maxima along ``dim`` and their positions. See `fastgrad.max`.
        
        Args:
            dim (int, optional): the dimension to reduce.
            keepdim (bool): keep ``dim`` with size 1. Default: ``False``.
        
        Examples:
            >>> fastgrad.tensor([[1, 5], [3, 2]]).max(dim=1)
            torch.return_types.max(
            values=tensor([5, 3]),
            indices=tensor([1, 0]))
        """
    def maximum(self, other: Tensor) -> Tensor:
        """
        See `fastgrad.maximum`.
        """
    def mean(self, dim: typing.Any = None, keepdim: bool = False, *, dtype: typing.Any = None, keepdims: typing.Any = None) -> Tensor:
        """
        See `fastgrad.mean`.
        """
    def median(self, dim: typing.Any = None, keepdim: bool = False) -> typing.Any:
        """
        See `fastgrad.median`.
        """
    def min(self, dim: typing.Any = None, keepdim: bool = False, *, keepdims: typing.Any = None) -> typing.Any:
        """
        With no ``dim``: the smallest element, as a 0-d tensor. With ``dim``: a named tuple ``(values, indices)``. See `fastgrad.min`.
        
        Args:
            dim (int, optional): the dimension to reduce.
            keepdim (bool): keep ``dim`` with size 1. Default: ``False``.
        
        Examples:
            >>> fastgrad.tensor([[1, 5], [3, 2]]).min()
            tensor(1)
        """
    def minimum(self, other: Tensor) -> Tensor:
        """
        See `fastgrad.minimum`.
        """
    def mish(self) -> Tensor:
        """
        See `fastgrad.mish`.
        """
    def mish_(self) -> Tensor:
        """
        In-place version of `Tensor.mish`.
        """
    @typing.overload
    def mm(self, mat2: Tensor) -> Tensor:
        ...
    @typing.overload
    def mm(self, mat2: typing.Any) -> typing.Any:
        """
        See `fastgrad.mm`.
        """
    def mode(self, dim: typing.SupportsInt | typing.SupportsIndex = -1, keepdim: bool = False) -> typing.Any:
        """
        See `fastgrad.mode`.
        """
    def moveaxis(self, source: typing.Any, destination: typing.Any) -> Tensor:
        """
        Alias of `Tensor.movedim`.
        """
    def movedim(self, source: typing.Any, destination: typing.Any) -> Tensor:
        """
        See `fastgrad.movedim`: a view with the dims in ``source`` moved to ``destination``.
        """
    def msort(self) -> Tensor:
        """
        See `fastgrad.msort`.
        """
    def mul(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.mul`.
        """
    def mul_(self, other: typing.Any) -> Tensor:
        """
        In-place version of `Tensor.mul`: writes the result into ``self``.
        """
    def multinomial(self, num_samples: typing.SupportsInt | typing.SupportsIndex, replacement: bool = False, *, generator: typing.Any = None) -> Tensor:
        """
        See `fastgrad.multinomial`.
        """
    def mv(self, vec: Tensor) -> Tensor:
        """
        See `fastgrad.mv`.
        """
    def nan_to_num(self, nan: typing.SupportsFloat | typing.SupportsIndex = 0.0, posinf: typing.Any = None, neginf: typing.Any = None) -> Tensor:
        """
        See `fastgrad.nan_to_num`.
        """
    def nanmean(self, dim: typing.Any = None, keepdim: bool = False, *, dtype: typing.Any = None) -> Tensor:
        """
        See `fastgrad.nanmean`.
        """
    def nanmedian(self, dim: typing.Any = None, keepdim: bool = False) -> typing.Any:
        """
        See `fastgrad.nanmedian`.
        """
    def nanquantile(self, q: typing.Any, dim: typing.Any = None, keepdim: bool = False, *, interpolation: str = 'linear') -> Tensor:
        """
        See `fastgrad.nanquantile`.
        """
    def nansum(self, dim: typing.Any = None, keepdim: bool = False, *, dtype: typing.Any = None) -> Tensor:
        """
        See `fastgrad.nansum`.
        """
    def narrow(self, dim: typing.SupportsInt | typing.SupportsIndex, start: typing.SupportsInt | typing.SupportsIndex, length: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
        """
        See `fastgrad.narrow`.
        """
    def ndimension(self) -> int:
        """
        Alias of `Tensor.dim`.
        """
    def ne(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.ne`.
        """
    def neg(self) -> Tensor:
        """
        See `fastgrad.neg`.
        """
    def neg_(self) -> Tensor:
        """
        In-place version of `Tensor.neg`: writes the result into ``self``.
        """
    def negative(self) -> Tensor:
        """
        See `fastgrad.negative`.
        """
    def nelement(self) -> int:
        """
        Alias of `Tensor.numel`.
        """
    def new_full(self, size, fill_value, dtype = None, device = None, requires_grad = False, pin_memory = False):
        """
        Returns a tensor of the given shape filled with ``fill_value``, with this tensor's dtype unless
            ``dtype`` is given.
        
            Args:
                size (tuple of ints): the shape.
                fill_value (Number): the value.
                dtype (fastgrad.dtype, optional): Default: ``self.dtype``.
                requires_grad (bool): Default: ``False``.
        
            Examples:
                >>> fastgrad.tensor([1.0]).new_full((2,), 7)
                tensor([7., 7.])
            
        """
    def new_ones(self, *size, dtype = None, device = None, requires_grad = False, pin_memory = False):
        """
        Returns a tensor of ones of the given shape, with this tensor's dtype unless ``dtype`` is given.
        
            Args:
                *size (int...): the shape.
                dtype (fastgrad.dtype, optional): Default: ``self.dtype``.
                requires_grad (bool): Default: ``False``.
        
            Examples:
                >>> fastgrad.tensor([1.0]).new_ones(2, 2)
                tensor([[1., 1.],
                        [1., 1.]])
            
        """
    def new_tensor(self, data, dtype = None, device = None, requires_grad = False):
        """
        Returns a new tensor holding ``data`` (copied), with this tensor's dtype unless ``dtype`` is given.
        
            Args:
                data (array_like): the values.
                dtype (fastgrad.dtype, optional): the dtype. Default: ``self.dtype``.
                requires_grad (bool): Default: ``False``.
        
            Examples:
                >>> fastgrad.zeros(2, dtype=fastgrad.float64).new_tensor([1, 2])
                tensor([1., 2.], dtype=torch.float64)
            
        """
    def new_zeros(self, *size, dtype = None, device = None, requires_grad = False, pin_memory = False):
        """
        Returns a tensor of zeros of the given shape, with this tensor's dtype unless ``dtype`` is given.
        
            Args:
                *size (int...): the shape.
                dtype (fastgrad.dtype, optional): Default: ``self.dtype``.
                requires_grad (bool): Default: ``False``.
        
            Examples:
                >>> fastgrad.tensor([1, 2]).new_zeros(3)
                tensor([0, 0, 0])
            
        """
    def nonzero(self, *, as_tuple: bool = False) -> typing.Any:
        """
        See `fastgrad.nonzero`.
        """
    def norm(self, p = 'fro', dim = None, keepdim = False):
        """
        Returns the p-norm of the tensor, over all elements or over ``dim``. See `fastgrad.norm`.
        
            Args:
                p (float or str): the order: a number, ``inf``, ``-inf``, or ``'fro'`` (2-norm). Default: ``'fro'``.
                dim (int or tuple of ints, optional): the dimension(s) to reduce.
                keepdim (bool): Default: ``False``.
        
            Examples:
                >>> fastgrad.tensor([3.0, 4.0]).norm()
                tensor(5.)
            
        """
    def normal_(self, mean: typing.SupportsFloat | typing.SupportsIndex = 0.0, std: typing.SupportsFloat | typing.SupportsIndex = 1.0, *, generator: typing.Any = None) -> Tensor:
        """
        Fills ``self`` with numbers drawn from a normal distribution.
        
        Args:
            mean (float): Default: 0.
            std (float): Default: 1.
            generator (fastgrad.Generator, optional): the random stream.
        """
    def numel(self) -> int:
        """
        Returns the number of elements.
        
        Examples:
            >>> fastgrad.zeros(2, 3).numel()
            6
        """
    def numpy(self, *, force: bool = False) -> numpy.ndarray:
        """
        Returns a numpy array that shares this tensor's memory (the tensor must not require grad: call ``detach()`` first).
        
        Examples:
            >>> fastgrad.tensor([1, 2]).numpy()
            array([1, 2])
        """
    def outer(self, vec2: Tensor) -> Tensor:
        """
        See `fastgrad.outer`.
        """
    def permute(self, *args) -> Tensor:
        """
        See `fastgrad.permute`.
        """
    def pin_memory(self, device = None):
        """
        Raises, as torch does without an accelerator: page-locked memory only matters for copies to a device.
            
        """
    def positive(self) -> Tensor:
        """
        See `fastgrad.positive`.
        """
    def pow(self, exponent: typing.Any) -> Tensor:
        """
        See `fastgrad.pow`.
        """
    def pow_(self, exponent: typing.Any) -> Tensor:
        """
        In-place version of `Tensor.pow`: writes the result into ``self``.
        """
    def prelu(self, weight: Tensor) -> Tensor:
        """
        See `fastgrad.prelu`.
        """
    def prod(self, dim: typing.Any = None, keepdim: bool = False, *, dtype: typing.Any = None, keepdims: typing.Any = None) -> Tensor:
        """
        See `fastgrad.prod`.
        """
    def quantile(self, q: typing.Any, dim: typing.Any = None, keepdim: bool = False, *, interpolation: str = 'linear') -> Tensor:
        """
        See `fastgrad.quantile`.
        """
    def rad2deg(self) -> Tensor:
        """
        See `fastgrad.rad2deg`.
        """
    def random_(self, *args, **kwargs) -> Tensor:
        """
        Fills ``self`` with integers drawn uniformly from ``[from, to)`` (``random_(to)``, ``random_(from, to)``; with no argument, the dtype's range).
        """
    def ravel(self) -> Tensor:
        """
        See `fastgrad.ravel`.
        """
    def reciprocal(self) -> Tensor:
        """
        See `fastgrad.reciprocal`.
        """
    def reciprocal_(self) -> Tensor:
        """
        In-place version of `Tensor.reciprocal`: writes the result into ``self``.
        """
    def register_hook(self, arg0: collections.abc.Callable) -> _HookHandle:
        """
        Registers a function called with this tensor's gradient during backward; it may return a new gradient to use instead.
        
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
            >>> h.remove()
        """
    def relu(self) -> Tensor:
        """
        See `fastgrad.relu`.
        """
    def relu_(self) -> Tensor:
        """
        In-place version of `Tensor.relu`: writes the result into ``self``.
        """
    def remainder(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.remainder`.
        """
    def remainder_(self, other: typing.Any) -> Tensor:
        """
        In-place version of `Tensor.remainder`: writes the result into ``self``.
        """
    def renorm(self, p: typing.SupportsFloat | typing.SupportsIndex, dim: typing.SupportsInt | typing.SupportsIndex, maxnorm: typing.SupportsFloat | typing.SupportsIndex) -> Tensor:
        """
        See `fastgrad.renorm`.
        """
    def repeat(self, *args) -> Tensor:
        """
        Repeats the tensor ``sizes[i]`` times along dim ``i`` (as numpy's tile); there may be more
        sizes than dims (new leading dims).
        
        Examples:
            >>> fastgrad.tensor([1, 2]).repeat(2, 2)
            tensor([[1, 2, 1, 2],
                    [1, 2, 1, 2]])
        """
    def repeat_interleave(self, repeats: typing.Any, dim: typing.Any = None) -> Tensor:
        """
        See `fastgrad.repeat_interleave`.
        """
    def requires_grad_(self, requires_grad: bool = True) -> Tensor:
        """
        Sets ``requires_grad`` in place and returns ``self``.
        
        Args:
            requires_grad (bool): Default: ``True``.
        
        Examples:
            >>> fastgrad.zeros(2).requires_grad_().requires_grad
            True
        """
    def reshape(self, *args) -> Tensor:
        """
        See `fastgrad.reshape`.
        """
    def reshape_as(self, arg0: Tensor) -> Tensor:
        """
        ``self.reshape(other.shape)``.
        """
    def retain_grad(self) -> None:
        """
        Makes this non-leaf tensor keep its ``.grad`` after backward (leaves always do).
        
        Examples:
            >>> x = fastgrad.tensor([1.0], requires_grad=True)
            >>> y = x * 2
            >>> y.retain_grad()
            >>> (y * 3).sum().backward()
            >>> y.grad
            tensor([3.])
        """
    def roll(self, shifts: typing.Any, dims: typing.Any = None) -> Tensor:
        """
        See `fastgrad.roll`.
        """
    def rot90(self, k: typing.SupportsInt | typing.SupportsIndex = 1, dims: typing.Any = (0, 1)) -> Tensor:
        """
        See `fastgrad.rot90`.
        """
    def round(self, *, decimals: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
        """
        See `fastgrad.round`.
        """
    def round_(self, *, decimals: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
        """
        In-place version of `Tensor.round`: writes the result into ``self``.
        """
    def rsqrt(self) -> Tensor:
        """
        See `fastgrad.rsqrt`.
        """
    def rsqrt_(self) -> Tensor:
        """
        In-place version of `Tensor.rsqrt`: writes the result into ``self``.
        """
    def scatter(self, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, src: typing.Any = None, value: typing.Any = None, *, reduce: typing.Any = None) -> Tensor:
        """
        See `fastgrad.scatter`.
        """
    def scatter_(self, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, src: typing.Any = None, value: typing.Any = None, *, reduce: typing.Any = None) -> Tensor:
        """
        In-place version of `Tensor.scatter`: writes the result into ``self`` (recording it for
        autograd when ``self`` or the written values require grad).
        """
    def scatter_add(self, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, src: Tensor) -> Tensor:
        """
        See `fastgrad.scatter_add`.
        """
    def scatter_add_(self, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, src: Tensor) -> Tensor:
        """
        In-place version of `Tensor.scatter_add`: writes the result into ``self`` (recording it for
        autograd when ``self`` or the written values require grad).
        """
    def scatter_reduce(self, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, src: Tensor, reduce: str, *, include_self: bool = True) -> Tensor:
        """
        See `fastgrad.scatter_reduce`.
        """
    def scatter_reduce_(self, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, src: Tensor, reduce: str, *, include_self: bool = True) -> Tensor:
        """
        In-place version of `Tensor.scatter_reduce`: writes the result into ``self`` (recording it for
        autograd when ``self`` or the written values require grad).
        """
    def select(self, dim: typing.SupportsInt | typing.SupportsIndex, index: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
        """
        See `fastgrad.select`.
        """
    def selu(self) -> Tensor:
        """
        See `fastgrad.selu`.
        """
    def selu_(self) -> Tensor:
        """
        In-place version of `Tensor.selu`.
        """
    def sgn(self) -> Tensor:
        """
        See `fastgrad.sgn`.
        """
    def share_memory_(self):
        """
        Moves the tensor's data into shared memory (so worker processes see the same memory) and returns
            ``self``; a no-op if it is already shared.
        
            Examples:
                >>> t = fastgrad.zeros(3).share_memory_()
                >>> t.is_shared()
                True
            
        """
    def short(self) -> Tensor:
        """
        ``self.to(fastgrad.int16)``.
        """
    def sigmoid(self) -> Tensor:
        """
        See `fastgrad.sigmoid`.
        """
    def sigmoid_(self) -> Tensor:
        """
        In-place version of `Tensor.sigmoid`: writes the result into ``self``.
        """
    def sign(self) -> Tensor:
        """
        See `fastgrad.sign`.
        """
    def sign_(self) -> Tensor:
        """
        In-place version of `Tensor.sign`: writes the result into ``self``.
        """
    def signbit(self) -> Tensor:
        """
        See `fastgrad.signbit`.
        """
    def silu(self) -> Tensor:
        """
        See `fastgrad.silu`.
        """
    def silu_(self) -> Tensor:
        """
        In-place version of `Tensor.silu`.
        """
    def sin(self) -> Tensor:
        """
        See `fastgrad.sin`.
        """
    def sin_(self) -> Tensor:
        """
        In-place version of `Tensor.sin`: writes the result into ``self``.
        """
    def sinc(self) -> Tensor:
        """
        See `fastgrad.sinc`.
        """
    def sinh(self) -> Tensor:
        """
        See `fastgrad.sinh`.
        """
    def sinh_(self) -> Tensor:
        """
        In-place version of `Tensor.sinh`: writes the result into ``self``.
        """
    def size(self, dim: typing.Any = None) -> typing.Any:
        """
        Returns the shape as a `fastgrad.Size` (a tuple), or the size of dimension ``dim``.
        
        Args:
            dim (int, optional): the dimension.
        
        Examples:
            >>> x = fastgrad.zeros(2, 3)
            >>> x.size()
            torch.Size([2, 3])
            >>> x.size(-1)
            3
        """
    def softmax(self, dim: typing.SupportsInt | typing.SupportsIndex, dtype: typing.Any = None) -> Tensor:
        """
        See `fastgrad.softmax`.
        """
    def softsign(self) -> Tensor:
        """
        See `fastgrad.softsign`.
        """
    def softsign_(self) -> Tensor:
        """
        In-place version of `Tensor.softsign`.
        """
    def sort(self, dim: typing.SupportsInt | typing.SupportsIndex = -1, descending: bool = False, *, stable: bool = False) -> typing.Any:
        """
        See `fastgrad.sort`.
        """
    def sparse_dim(self):
        """
        The number of sparse dims: 0 for a dense tensor.
        """
    def split(self, split_size_or_sections: typing.Any, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> tuple:
        """
        See `fastgrad.split`.
        """
    def split_with_sizes(self, split_sizes: typing.Any, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> tuple:
        """
        See `fastgrad.split_with_sizes`.
        """
    def sqrt(self) -> Tensor:
        """
        See `fastgrad.sqrt`.
        """
    def sqrt_(self) -> Tensor:
        """
        In-place version of `Tensor.sqrt`: writes the result into ``self``.
        """
    def square(self) -> Tensor:
        """
        See `fastgrad.square`.
        """
    def squeeze(self, dim: typing.Any = None) -> Tensor:
        """
        See `fastgrad.squeeze`.
        """
    def std(self, dim: typing.Any = None, unbiased: typing.Any = None, keepdim: bool = False, *, correction: typing.Any = None, keepdims: typing.Any = None) -> Tensor:
        """
        See `fastgrad.std`.
        """
    def storage_offset(self) -> int:
        """
        Returns this tensor's offset in its storage, in elements.
        
        Examples:
            >>> fastgrad.arange(5)[2:].storage_offset()
            2
        """
    def stride(self, dim: typing.Any = None) -> typing.Any:
        """
        Returns the strides (in elements) as a tuple, or the stride of dimension ``dim``.
        
        Args:
            dim (int, optional): the dimension.
        
        Examples:
            >>> fastgrad.zeros(2, 3).stride()
            (3, 1)
            >>> fastgrad.zeros(2, 3).t().stride()
            (1, 3)
        """
    def sub(self, other: typing.Any, *, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
        """
        See `fastgrad.sub`.
        """
    def sub_(self, other: typing.Any, *, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
        """
        In-place version of `Tensor.sub`: writes the result into ``self``.
        """
    def sum(self, dim: typing.Any = None, keepdim: bool = False, *, dtype: typing.Any = None, keepdims: typing.Any = None) -> Tensor:
        """
        See `fastgrad.sum`.
        """
    def sum_to_size(self, *args) -> Tensor:
        """
        The sum of the tensor down to ``size`` (the reverse of broadcasting to this tensor's shape).
        
        Examples:
            >>> fastgrad.ones(2, 3).sum_to_size(1, 3)
            tensor([[2., 2., 2.]])
        """
    def swapaxes(self, axis0: typing.SupportsInt | typing.SupportsIndex, axis1: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
        """
        See `fastgrad.swapaxes`.
        """
    def t(self) -> Tensor:
        """
        See `fastgrad.t`.
        """
    def take(self, index: Tensor) -> Tensor:
        """
        See `fastgrad.take`.
        """
    def take_along_dim(self, indices: Tensor, dim: typing.Any = None) -> Tensor:
        """
        See `fastgrad.take_along_dim`.
        """
    def tan(self) -> Tensor:
        """
        See `fastgrad.tan`.
        """
    def tan_(self) -> Tensor:
        """
        In-place version of `Tensor.tan`: writes the result into ``self``.
        """
    def tanh(self) -> Tensor:
        """
        See `fastgrad.tanh`.
        """
    def tanh_(self) -> Tensor:
        """
        In-place version of `Tensor.tanh`: writes the result into ``self``.
        """
    def tanhshrink(self) -> Tensor:
        """
        See `fastgrad.tanhshrink`.
        """
    def tanhshrink_(self) -> Tensor:
        """
        In-place version of `Tensor.tanhshrink`.
        """
    def tensor_split(self, indices_or_sections: typing.Any, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> tuple:
        """
        See `fastgrad.tensor_split`.
        """
    def tile(self, dims: typing.Any) -> Tensor:
        """
        See `fastgrad.tile`.
        """
    def to(self, *args, **kwargs) -> Tensor:
        """
        Returns this tensor converted to another dtype (or ``self`` when it already has it). ``to('cpu')`` is accepted; any other device raises, as fastgrad runs on the CPU only.
        
        Args:
            dtype (fastgrad.dtype): the target dtype.
            device (str or fastgrad.device, optional): must be the CPU.
            copy (bool): always return a new tensor. Default: ``False``.
        
        Examples:
            >>> fastgrad.tensor([1, 2]).to(fastgrad.float32)
            tensor([1., 2.])
        """
    def to_dense(self, dtype = None, *, masked_grad = None):
        """
        A dense tensor is its own dense form.
        """
    def to_sparse(self, sparse_dim = None, *, layout = None, blocksize = None, dense_dim = None):
        """
        The sparse COO form of this tensor: the indices and values of its non-zero elements, coalesced.
            Differentiable: the gradient of the values goes back to those elements.
        """
    def to_sparse_coo(self):
        """
        `Tensor.to_sparse`: the sparse COO form.
        """
    def tolist(self):
        """
        Returns the tensor as a (nested) list of Python numbers; a 0-d tensor gives a number.
        
            Examples:
                >>> fastgrad.tensor([[1, 2], [3, 4]]).tolist()
                [[1, 2], [3, 4]]
                >>> fastgrad.tensor(2.5).tolist()
                2.5
            
        """
    def topk(self, k: typing.SupportsInt | typing.SupportsIndex, dim: typing.SupportsInt | typing.SupportsIndex = -1, largest: bool = True, sorted: bool = True) -> typing.Any:
        """
        See `fastgrad.topk`.
        """
    def trace(self) -> Tensor:
        """
        See `fastgrad.trace`.
        """
    def transpose(self, dim0: typing.SupportsInt | typing.SupportsIndex, dim1: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
        """
        See `fastgrad.transpose`.
        """
    def tril(self, diagonal: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
        """
        See `fastgrad.tril`.
        """
    def tril_(self, diagonal: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
        """
        In-place version of `Tensor.tril`: writes the result into ``self``.
        """
    def triu(self, diagonal: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
        """
        See `fastgrad.triu`.
        """
    def triu_(self, diagonal: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
        """
        In-place version of `Tensor.triu`: writes the result into ``self``.
        """
    def true_divide(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.true_divide`.
        """
    def trunc(self) -> Tensor:
        """
        See `fastgrad.trunc`.
        """
    def trunc_(self) -> Tensor:
        """
        In-place version of `Tensor.trunc`: writes the result into ``self``.
        """
    def type(self, dtype = None, non_blocking = False, **kwargs):
        """
        With no argument, returns torch's type name of the tensor (``'torch.FloatTensor'`` ...); with a dtype,
            returns the tensor converted to it.
        
            Args:
                dtype (fastgrad.dtype, optional): the dtype to convert to.
        
            Examples:
                >>> fastgrad.zeros(2).type()
                'torch.FloatTensor'
                >>> fastgrad.zeros(2).type(fastgrad.int64)
                tensor([0, 0])
            
        """
    def type_as(self, arg0: Tensor) -> Tensor:
        """
        Returns this tensor converted to the dtype of ``other``.
        """
    def unbind(self, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> tuple:
        """
        See `fastgrad.unbind`: the slices along ``dim`` as a tuple of views.
        """
    def unflatten(self, dim: typing.SupportsInt | typing.SupportsIndex, sizes: typing.Any) -> Tensor:
        """
        See `fastgrad.unflatten`.
        """
    def uniform_(self, from_: typing.SupportsFloat | typing.SupportsIndex = 0.0, to: typing.SupportsFloat | typing.SupportsIndex = 1.0, *, generator: typing.Any = None) -> Tensor:
        """
        Fills ``self`` with numbers drawn uniformly from ``[from, to)``.
        
        Args:
            from (float): Default: 0.
            to (float): Default: 1.
            generator (fastgrad.Generator, optional): the random stream.
        """
    def unique(self, sorted: bool = True, return_inverse: bool = False, return_counts: bool = False, dim: typing.Any = None) -> typing.Any:
        """
        See `fastgrad.unique`.
        """
    def unique_consecutive(self, return_inverse: bool = False, return_counts: bool = False, dim: typing.Any = None) -> typing.Any:
        """
        See `fastgrad.unique_consecutive`.
        """
    def unsqueeze(self, dim: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
        """
        See `fastgrad.unsqueeze`.
        """
    def values(self, *args, **kwargs):
        """
        Sparse tensors only: a dense tensor raises, as torch's ``values``.
        """
    def var(self, dim: typing.Any = None, unbiased: typing.Any = None, keepdim: bool = False, *, correction: typing.Any = None, keepdims: typing.Any = None) -> Tensor:
        """
        See `fastgrad.var`.
        """
    def view(self, *args) -> Tensor:
        """
        Returns a tensor with the same data and a new shape, sharing memory. Raises when the strides do not allow a view (use `Tensor.reshape` then). ``view(dtype)`` reinterprets the bytes as another dtype of the same size.
        
        Args:
            *shape (int...): the new shape; one dimension may be -1.
        
        Examples:
            >>> fastgrad.arange(6).view(2, 3)
            tensor([[0, 1, 2],
                    [3, 4, 5]])
        """
    def view_as(self, arg0: Tensor) -> Tensor:
        """
        ``self.view(other.shape)``.
        """
    def vsplit(self, indices_or_sections: typing.Any) -> tuple:
        """
        See `fastgrad.vsplit`.
        """
    def where(self, condition: Tensor, other: typing.Any) -> Tensor:
        """
        ``self.where(condition, y)`` is ``fastgrad.where(condition, self, y)``. See `fastgrad.where`.
        """
    def xlogy(self, other: typing.Any) -> Tensor:
        """
        See `fastgrad.xlogy`.
        """
    def zero_(self) -> Tensor:
        """
        Fills ``self`` with zeros and returns it.
        """
    @property
    def H(self):
        """
        The conjugate transpose of a matrix (its transpose, for real tensors).
        """
    @property
    def T(self) -> Tensor:
        """
        The tensor with its dimensions reversed (the transpose of a matrix).
        """
    @property
    def _base(self) -> Tensor:
        ...
    @property
    def _version(self) -> int:
        ...
    @property
    def data(self) -> Tensor:
        """
        This tensor detached from autograd (shares memory). Setting it replaces the contents.
        """
    @data.setter
    def data(self, arg1: Tensor) -> None:
        ...
    @property
    def device(self) -> ...:
        """
        The device: always ``cpu``.
        """
    @property
    def dtype(self) -> typing.Any:
        """
        The `fastgrad.dtype` of the elements.
        """
    @property
    def grad(self) -> Tensor:
        """
        The gradient accumulated by backward into this tensor (a leaf, or a tensor that called ``retain_grad()``), or ``None``. Settable; ``optimizer.zero_grad()`` resets it.
        """
    @grad.setter
    def grad(self, arg1: typing.Any) -> None:
        ...
    @property
    def grad_fn(self) -> typing.Any:
        """
        The autograd node that created this tensor, or ``None`` for a leaf.
        """
    @property
    def is_cuda(self) -> bool:
        """
        ``False``: fastgrad runs on the CPU.
        """
    @property
    def is_leaf(self) -> bool:
        """
        ``True`` for tensors created by the user rather than by a recorded operation.
        """
    @property
    def itemsize(self):
        """
        Bytes per element.
        """
    @property
    def mH(self):
        """
        The conjugate transpose of the last two dims (their transpose, for real tensors).
        """
    @property
    def mT(self) -> Tensor:
        """
        The tensor with its last two dimensions swapped (a batch of transposed matrices).
        """
    @property
    def nbytes(self):
        """
        Bytes of the elements (numel * itemsize).
        """
    @property
    def ndim(self) -> int:
        """
        The number of dimensions (`Tensor.dim`).
        """
    @property
    def requires_grad(self) -> bool:
        """
        Whether autograd records operations on this tensor (settable on leaves).
        """
    @requires_grad.setter
    def requires_grad(self, arg1: bool) -> None:
        ...
    @property
    def retains_grad(self) -> bool:
        """
        Whether this non-leaf tensor keeps its ``.grad`` (see `Tensor.retain_grad`).
        """
    @property
    def shape(self) -> typing.Any:
        """
        The shape of the tensor, a `fastgrad.Size` (a tuple of ints).
        """
class _SavedTensor:
    def __init__(self, arg0: Tensor, arg1: bool) -> None:
        ...
    def unpack(self) -> Tensor:
        ...
class Generator:
    """
    A random number stream, seeded with ``manual_seed``. Pass one as ``generator=`` to the random functions, samplers and ``DataLoader`` to keep a stream apart from the default one.
    
    Examples:
        >>> g = fastgrad.Generator().manual_seed(0)
        >>> fastgrad.rand(2, generator=g)
        tensor([0.4963, 0.7682])
    """
    def __init__(self, device: typing.Any = 'cpu') -> None:
        ...
    def get_state(self) -> Tensor:
        """
        Returns the generator's state as a uint8 tensor (restore it with ``set_state``).
        """
    def initial_seed(self) -> int:
        """
        Returns the seed this generator was last seeded with.
        """
    def manual_seed(self, seed: typing.Any) -> Generator:
        """
        Seeds this generator and returns it.
        
        Args:
            seed (int): the seed.
        """
    def seed(self) -> int:
        """
        Seeds this generator from a non-deterministic source and returns the seed.
        """
    def set_state(self, new_state: typing.Any) -> Generator:
        """
        Restores a state returned by ``get_state``.
        
        Args:
            state (Tensor): the state.
        """
    @property
    def device(self) -> str:
        ...
def _adam_step(params: collections.abc.Sequence[Tensor], grads: collections.abc.Sequence[Tensor], exp_avgs: collections.abc.Sequence[Tensor], exp_avg_sqs: collections.abc.Sequence[Tensor], max_exp_avg_sqs: collections.abc.Sequence[Tensor], steps: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], lr: typing.SupportsFloat | typing.SupportsIndex, beta1: typing.SupportsFloat | typing.SupportsIndex, beta2: typing.SupportsFloat | typing.SupportsIndex, eps: typing.SupportsFloat | typing.SupportsIndex, weight_decay: typing.SupportsFloat | typing.SupportsIndex, amsgrad: bool, maximize: bool, decoupled: bool) -> None:
    ...
def _allocator_cached_bytes() -> int:
    ...
def _allocator_empty_cache() -> None:
    ...
def _alpha_dropout_noise(input: Tensor, p: typing.SupportsFloat | typing.SupportsIndex, feature: bool, *, generator: typing.Any = None) -> tuple[Tensor, Tensor]:
    ...
def _batch_norm(input: Tensor, running_mean: typing.Any, running_var: typing.Any, weight: typing.Any = None, bias: typing.Any = None, training: bool = False, momentum: typing.SupportsFloat | typing.SupportsIndex = 0.1, eps: typing.SupportsFloat | typing.SupportsIndex = 1e-05) -> Tensor:
    ...
def _binary_cross_entropy(input: Tensor, target: Tensor, weight: typing.Any = None, reduction: str = 'mean') -> Tensor:
    ...
def _cpu_level() -> str:
    """
    The instruction-set level kernels dispatch to: 'generic', 'avx2' or 'avx512'.
    """
def _cpu_levels_supported() -> list[str]:
    ...
def _cross_entropy(input: Tensor, target: Tensor, weight: typing.Any = None, ignore_index: typing.SupportsInt | typing.SupportsIndex = -100, reduction: str = 'mean', label_smoothing: typing.SupportsFloat | typing.SupportsIndex = 0.0) -> Tensor:
    ...
def _dropout_noise(input: Tensor, p: typing.SupportsFloat | typing.SupportsIndex, *, generator: typing.Any = None) -> Tensor:
    ...
def _embedding(weight: Tensor, indices: Tensor, padding_idx: typing.SupportsInt | typing.SupportsIndex | None = None) -> Tensor:
    ...
def _feature_dropout_noise(input: Tensor, p: typing.SupportsFloat | typing.SupportsIndex, *, generator: typing.Any = None) -> Tensor:
    ...
def _gemm_test(a: numpy.ndarray, b: numpy.ndarray, c: typing.Any = None, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0, beta: typing.SupportsFloat | typing.SupportsIndex = 0.0, level: str = '', reference: bool = False) -> numpy.ndarray:
    """
    c = alpha * a @ b + beta * c on numpy arrays of any strides, without copies. level forces an ISA for this call ('' = current); reference=True runs the simple reference kernel. With c None a new array is returned (beta is then ignored: c starts uninitialised).
    """
def _layer_norm(input: Tensor, normalized_shape: typing.Any, weight: typing.Any = None, bias: typing.Any = None, eps: typing.SupportsFloat | typing.SupportsIndex = 1e-05) -> Tensor:
    ...
def _linalg_vector_norm(x: Tensor, ord: typing.SupportsFloat | typing.SupportsIndex = 2.0, dim: typing.Any = None, keepdim: bool = False, *, dtype: typing.Any = None) -> Tensor:
    ...
def _make_function_node(arg0: str, arg1: collections.abc.Sequence[typing.Any], arg2: collections.abc.Sequence[Tensor], arg3: typing.Any) -> None:
    ...
def _mse_loss(input: Tensor, target: Tensor, reduction: str = 'mean') -> Tensor:
    ...
def _register_dtypes(arg0: collections.abc.Sequence) -> None:
    ...
def _run_backward(arg0: collections.abc.Sequence[Tensor], arg1: collections.abc.Sequence[typing.Any], arg2: bool, arg3: bool, arg4: collections.abc.Sequence[Tensor], arg5: bool) -> list[Tensor]:
    ...
def _set_cpu_level(name: str) -> str:
    """
    Forces a level (clamped to what the CPU has); returns the level in effect.
    """
def _set_grad_enabled(arg0: bool) -> None:
    ...
def _sgd_step(params: collections.abc.Sequence[Tensor], grads: collections.abc.Sequence[Tensor], momentum_buffers: collections.abc.Sequence[typing.Any], lr: typing.SupportsFloat | typing.SupportsIndex, momentum: typing.SupportsFloat | typing.SupportsIndex, dampening: typing.SupportsFloat | typing.SupportsIndex, weight_decay: typing.SupportsFloat | typing.SupportsIndex, nesterov: bool, maximize: bool) -> list[Tensor]:
    ...
def _to_dtype(arg0: Tensor, arg1: typing.Any) -> Tensor:
    ...
def abs(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the absolute value of the elements of ``input``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
        >>> fastgrad.abs(a)
        tensor([1.5000, 0.0000, 0.5000, 2.0000])
    """
def acos(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the arccosine of the elements of ``input`` (NaN outside [-1, 1]).
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-1.0, 0.0, 0.5])
        >>> fastgrad.acos(a)
        tensor([3.1416, 1.5708, 1.0472])
    """
def acosh(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the inverse hyperbolic cosine of the elements of ``input`` (NaN below 1).
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([1.0, 2.0, 10.0])
        >>> fastgrad.acosh(a)
        tensor([0.0000, 1.3170, 2.9932])
    """
def add(input: Tensor, other: typing.Any, *, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
    """
    Adds ``other``, scaled by ``alpha``, to ``input``: ``out = input + alpha * other``, with broadcasting and torch's type promotion.
    
    Args:
        input (Tensor): the input tensor.
        other (Tensor or Number): the second operand; broadcast against ``input``.
        alpha (Number): the multiplier for ``other``. Default: 1.
    
    Examples:
        >>> a = fastgrad.tensor([1.0, 2.0, 3.0])
        >>> fastgrad.add(a, 10)
        tensor([11., 12., 13.])
        >>> fastgrad.add(a, fastgrad.tensor([1.0, 1.0, 1.0]), alpha=0.5)
        tensor([1.5000, 2.5000, 3.5000])
    """
def addbmm(input: Tensor, batch1: Tensor, batch2: Tensor, *, beta: typing.SupportsFloat | typing.SupportsIndex = 1.0, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
    """
    ``beta * input + alpha * sum_b(batch1[b] @ batch2[b])``.
    """
def addcdiv(input: Tensor, tensor1: Tensor, tensor2: Tensor, *, value: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
    """
    ``input + value * tensor1 / tensor2``.
    """
def addcmul(input: Tensor, tensor1: Tensor, tensor2: Tensor, *, value: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
    """
    ``input + value * tensor1 * tensor2``.
    """
def addmm(input: Tensor, mat1: Tensor, mat2: Tensor, *, beta: typing.SupportsFloat | typing.SupportsIndex = 1.0, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
    """
    ``beta * input + alpha * mm(mat1, mat2)``; ``input`` broadcasts to the product's shape and is ignored (NaN too) when ``beta`` is 0.
    """
def addmv(input: Tensor, mat: Tensor, vec: Tensor, *, beta: typing.SupportsFloat | typing.SupportsIndex = 1.0, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
    """
    ``beta * input + alpha * mv(mat, vec)``.
    """
def addr(input: Tensor, vec1: Tensor, vec2: Tensor, *, beta: typing.SupportsFloat | typing.SupportsIndex = 1.0, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
    """
    ``beta * input + alpha * outer(vec1, vec2)``; ``input`` is ignored (NaN too) when ``beta`` is 0.
    """
def all(input: Tensor, dim: typing.Any = None, keepdim: bool = False, *, keepdims: typing.Any = None) -> Tensor:
    """
    Tests whether every element of ``input`` is non-zero: over all elements, or along ``dim`` (which is removed unless ``keepdim``). Returns a bool tensor.
    
    Args:
        input (Tensor): the input tensor.
        dim (int or tuple of ints, optional): the dimension(s) to reduce; all of them when omitted.
        keepdim (bool): whether the output keeps the reduced dimension(s) with size 1. Default: ``False``.
    
    Examples:
        >>> fastgrad.all(fastgrad.tensor([[True, False], [True, True]]), dim=1)
        tensor([False,  True])
    """
def allclose(input: Tensor, other: Tensor, rtol: typing.SupportsFloat | typing.SupportsIndex = 1e-05, atol: typing.SupportsFloat | typing.SupportsIndex = 1e-08, equal_nan: bool = False) -> bool:
    """
    Whether every element of `fastgrad.isclose` holds, as a Python bool.
    """
def amax(input: Tensor, dim: typing.Any = (), keepdim: bool = False, *, keepdims: typing.Any = None) -> Tensor:
    """
    Returns the maximum values of ``input``: over all elements, or over ``dim`` (the reduced dimensions are removed unless ``keepdim``).
    
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
        tensor([3., 5.])
    """
def amin(input: Tensor, dim: typing.Any = (), keepdim: bool = False, *, keepdims: typing.Any = None) -> Tensor:
    """
    Returns the minimum values of ``input``: over all elements, or over ``dim`` (the reduced dimensions are removed unless ``keepdim``).
    
    Args:
        input (Tensor): the input tensor.
        dim (int or tuple of ints, optional): the dimension(s) to reduce; all of them when omitted.
        keepdim (bool): whether the output keeps the reduced dimension(s) with size 1. Default: ``False``.
    
    Examples:
        >>> a = fastgrad.tensor([[1.0, 5.0], [3.0, 2.0]])
        >>> fastgrad.amin(a, dim=1)
        tensor([1., 2.])
    """
def aminmax(input: Tensor, *, dim: typing.Any = None, keepdim: bool = False) -> typing.Any:
    """
    The minimum and maximum (over ``dim``, or every element), as ``(min, max)``.
    """
def any(input: Tensor, dim: typing.Any = None, keepdim: bool = False, *, keepdims: typing.Any = None) -> Tensor:
    """
    Tests whether some element of ``input`` is non-zero: over all elements, or along ``dim`` (which is removed unless ``keepdim``). Returns a bool tensor.
    
    Args:
        input (Tensor): the input tensor.
        dim (int or tuple of ints, optional): the dimension(s) to reduce; all of them when omitted.
        keepdim (bool): whether the output keeps the reduced dimension(s) with size 1. Default: ``False``.
    
    Examples:
        >>> fastgrad.any(fastgrad.tensor([[True, False], [False, False]]), dim=1)
        tensor([ True, False])
    """
def arange(start: typing.Any, end: typing.Any = None, step: typing.Any = 1, *, dtype: typing.Any = None, device: typing.Any = None, requires_grad: bool = False, pin_memory: typing.Any = None) -> Tensor:
    """
    Returns the 1-D tensor ``[start, start + step, ...]`` up to (not including) ``end``; called with one argument, that is ``end`` and ``start`` is 0. Integer arguments give int64, any float gives float32.
    
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
        tensor([1.0000, 1.5000, 2.0000])
    """
def arctan2(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Alias of `fastgrad.atan2`.
    """
def argmax(input: Tensor, dim: typing.Any = None, keepdim: bool = False, *, keepdims: typing.Any = None) -> Tensor:
    """
    Returns the index of the largest element of ``input``: in the flattened tensor, or along ``dim`` (which is removed unless ``keepdim``). Ties give the first index.
    
    Args:
        input (Tensor): the input tensor.
        dim (int or tuple of ints, optional): the dimension(s) to reduce; all of them when omitted.
        keepdim (bool): whether the output keeps the reduced dimension(s) with size 1. Default: ``False``.
    
    Examples:
        >>> a = fastgrad.tensor([[1.0, 5.0], [3.0, 2.0]])
        >>> fastgrad.argmax(a)
        tensor(1)
        >>> fastgrad.argmax(a, dim=1)
        tensor([1, 0])
    """
def argmin(input: Tensor, dim: typing.Any = None, keepdim: bool = False, *, keepdims: typing.Any = None) -> Tensor:
    """
    Returns the index of the smallest element of ``input``: in the flattened tensor, or along ``dim`` (which is removed unless ``keepdim``). Ties give the first index.
    
    Args:
        input (Tensor): the input tensor.
        dim (int or tuple of ints, optional): the dimension(s) to reduce; all of them when omitted.
        keepdim (bool): whether the output keeps the reduced dimension(s) with size 1. Default: ``False``.
    
    Examples:
        >>> fastgrad.argmin(fastgrad.tensor([[1.0, 5.0], [3.0, 2.0]]), dim=0)
        tensor([0, 1])
    """
def argsort(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex = -1, descending: bool = False, *, stable: bool = False) -> Tensor:
    """
    The indices that sort ``input`` along ``dim``: ``sort(...).indices``.
    """
def argwhere(input: Tensor) -> Tensor:
    """
    The indices of the non-zero elements, ``(count, ndim)``: `fastgrad.nonzero`.
    """
def asin(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the arcsine of the elements of ``input`` (NaN outside [-1, 1]).
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-1.0, 0.0, 0.5])
        >>> fastgrad.asin(a)
        tensor([-1.5708,  0.0000,  0.5236])
    """
def asinh(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the inverse hyperbolic sine of the elements of ``input``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-1.0, 0.0, 0.5])
        >>> fastgrad.asinh(a)
        tensor([-0.8814,  0.0000,  0.4812])
    """
def atan(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the arctangent of the elements of ``input``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-1.0, 0.0, 0.5])
        >>> fastgrad.atan(a)
        tensor([-0.7854,  0.0000,  0.4636])
    """
def atan2(input: typing.Any, other: typing.Any) -> Tensor:
    """
    The angle of the point ``(other, input)``: ``atan(input / other)`` in the right quadrant, in ``[-pi, pi]``.
    """
def atanh(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the inverse hyperbolic tangent of the elements of ``input`` (NaN outside [-1, 1]).
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-0.5, 0.0, 0.5])
        >>> fastgrad.atanh(a)
        tensor([-0.5493,  0.0000,  0.5493])
    """
def atleast_1d(*args) -> typing.Any:
    """
    Each tensor with at least 1 dim (one tensor, or a tuple for several).
    """
def atleast_2d(*args) -> typing.Any:
    """
    Each tensor with at least 2 dims (one tensor, or a tuple for several).
    """
def atleast_3d(*args) -> typing.Any:
    """
    Each tensor with at least 3 dims (one tensor, or a tuple for several).
    """
def baddbmm(input: Tensor, batch1: Tensor, batch2: Tensor, *, beta: typing.SupportsFloat | typing.SupportsIndex = 1.0, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
    """
    ``beta * input + alpha * bmm(batch1, batch2)``; ``input`` broadcasts to the product's shape and is ignored (NaN too) when ``beta`` is 0.
    """
def bernoulli(input: Tensor, p: typing.Any = None, *, generator: typing.Any = None) -> Tensor:
    """
    Draws 0 or 1 for each element: 1 with the probability given by that element of ``input`` (in [0, 1]).
    
    Args:
        input (Tensor): the probabilities.
        generator (fastgrad.Generator, optional): the random stream to draw from (the default one if omitted).
    
    Examples:
        >>> _ = fastgrad.manual_seed(0)
        >>> fastgrad.bernoulli(fastgrad.tensor([0.0, 1.0, 0.5, 0.5]))
        tensor([0., 1., 1., 1.])
    """
def bincount(input: Tensor, weights: typing.Any = None, minlength: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
    """
    How often each non-negative integer occurs in a 1-d int tensor (or the sums of ``weights`` per value), at least ``minlength`` long.
    """
def bitwise_and(input: Tensor, other: typing.Any) -> Tensor:
    """
    Computes the bitwise AND of ``input`` and ``other``, integer or bool tensors.
    
    Args:
        input (Tensor): the input tensor.
        other (Tensor or int): the second operand; broadcast against ``input``.
    
    Examples:
        >>> fastgrad.bitwise_and(fastgrad.tensor([12, 10]), fastgrad.tensor([10, 6]))
        tensor([8, 2])
    """
def bitwise_not(input: Tensor) -> Tensor:
    """
    Computes the bitwise NOT of ``input``, an integer or bool tensor.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> fastgrad.bitwise_not(fastgrad.tensor([0, 5, -3]))
        tensor([-1, -6,  2])
    """
def bitwise_or(input: Tensor, other: typing.Any) -> Tensor:
    """
    Computes the bitwise OR of ``input`` and ``other``, integer or bool tensors.
    
    Args:
        input (Tensor): the input tensor.
        other (Tensor or int): the second operand; broadcast against ``input``.
    
    Examples:
        >>> fastgrad.bitwise_or(fastgrad.tensor([12, 10]), fastgrad.tensor([10, 6]))
        tensor([14, 14])
    """
def bitwise_xor(input: Tensor, other: typing.Any) -> Tensor:
    """
    Computes the bitwise XOR of ``input`` and ``other``, integer or bool tensors.
    
    Args:
        input (Tensor): the input tensor.
        other (Tensor or int): the second operand; broadcast against ``input``.
    
    Examples:
        >>> fastgrad.bitwise_xor(fastgrad.tensor([12, 10]), fastgrad.tensor([10, 6]))
        tensor([ 6, 12])
    """
def block_diag(*args) -> Tensor:
    """
    A block-diagonal matrix of the given tensors (0-d and 1-d ones taken as one row).
    """
def bmm(input: Tensor, mat2: Tensor) -> Tensor:
    """
    Batched matrix product of two 3-d tensors ``(b, n, m) @ (b, m, p) -> (b, n, p)``.
    """
def broadcast_tensors(*args) -> tuple:
    """
    The tensors broadcast to their common shape (views).
    """
def broadcast_to(input: Tensor, size: typing.Any) -> Tensor:
    """
    ``input`` broadcast to ``size`` (a view; -1 keeps a dim).
    """
def bucketize(input: typing.Any, boundaries: Tensor, *, out_int32: bool = False, right: bool = False) -> Tensor:
    """
    The index of the bucket each element of ``input`` falls in, given 1-d sorted ``boundaries``: ``searchsorted(boundaries, input, right=right)``.
    """
def cartesian_prod(*args) -> Tensor:
    """
    The cartesian product of 1-d tensors, one combination per row.
    """
def cat(tensors: collections.abc.Sequence[Tensor], dim: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
    """
    Concatenates tensors along an existing dimension. All must have the same shape except in ``dim``.
    
    Args:
        tensors (sequence of Tensors): the tensors to join.
        dim (int): the dimension. Default: 0.
    
    Examples:
        >>> a = fastgrad.tensor([[1, 2]])
        >>> fastgrad.cat([a, a], dim=0)
        tensor([[1, 2],
                [1, 2]])
        >>> fastgrad.cat([a, a], dim=1)
        tensor([[1, 2, 1, 2]])
    """
def cdist(x1: Tensor, x2: Tensor, p: typing.SupportsFloat | typing.SupportsIndex = 2.0, compute_mode: typing.Any = None) -> Tensor:
    """
    The p-norm distance between every row of ``x1`` ``(..., P, M)`` and of ``x2`` ``(..., R, M)``: ``(..., P, R)``. Every compute_mode computes the differences directly.
    """
def ceil(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the ceiling of the elements of ``input``: the smallest integer not less than each.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
        >>> fastgrad.ceil(a)
        tensor([-1.,  0.,  1.,  2.])
    """
def celu(input: Tensor, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
    """
    Applies CELU element-wise: ``max(0, x) + min(0, alpha * (exp(x / alpha) - 1))``.
    
    Args:
        input (Tensor): a floating-point tensor.
        alpha (float): non-zero. Default: ``1.0``.
    """
def celu_(input: Tensor, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
    """
    In-place `celu`: writes ``celu(input, alpha)`` into ``input`` and returns it.
    """
def chain_matmul(*args) -> Tensor:
    """
    The product of the matrices in order (deprecated in torch for `fastgrad.linalg` style ``@``).
    """
def chunk(input: Tensor, chunks: typing.SupportsInt | typing.SupportsIndex, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> tuple:
    """
    Splits ``input`` into ``chunks`` views of (nearly) equal size along ``dim``; fewer may come back, as in torch.
    
    Args:
        input (Tensor): the input tensor.
        chunks (int): the number of pieces.
        dim (int): the dimension to split. Default: 0.
    
    Returns:
        a tuple of tensors.
    
    Examples:
        >>> fastgrad.chunk(fastgrad.arange(6), 3)
        (tensor([0, 1]), tensor([2, 3]), tensor([4, 5]))
    """
def clamp(input: Tensor, min: typing.Any = None, max: typing.Any = None) -> Tensor:
    """
    Clamps every element of ``input`` into ``[min, max]``. Either bound may be omitted, and either may be a tensor broadcast against ``input``.
    
    Args:
        input (Tensor): the input tensor.
        min (Number or Tensor, optional): the lower bound.
        max (Number or Tensor, optional): the upper bound.
    
    Examples:
        >>> fastgrad.clamp(fastgrad.tensor([-2.0, 0.5, 3.0]), min=-1.0, max=1.0)
        tensor([-1.0000,  0.5000,  1.0000])
    """
def clamp_max(input: Tensor, max: typing.SupportsFloat | typing.SupportsIndex) -> Tensor:
    """
    Clamps ``input`` from above: ``min(input, max)``.
    
    Args:
        input (Tensor): the input tensor.
        max (Number): the upper bound.
    
    Examples:
        >>> fastgrad.clamp_max(fastgrad.tensor([-2.0, 3.0]), 0.0)
        tensor([-2.,  0.])
    """
def clamp_min(input: Tensor, min: typing.SupportsFloat | typing.SupportsIndex) -> Tensor:
    """
    Clamps ``input`` from below: ``max(input, min)``.
    
    Args:
        input (Tensor): the input tensor.
        min (Number): the lower bound.
    
    Examples:
        >>> fastgrad.clamp_min(fastgrad.tensor([-2.0, 3.0]), 0.0)
        tensor([0., 3.])
    """
def clip(input: Tensor, min: typing.Any = None, max: typing.Any = None) -> Tensor:
    """
    Alias of `fastgrad.clamp`.
    
    Args:
        input (Tensor): the input tensor.
        min (Number or Tensor, optional): the lower bound.
        max (Number or Tensor, optional): the upper bound.
    
    Examples:
        >>> fastgrad.clip(fastgrad.tensor([-2.0, 0.5, 3.0]), 0.0, 1.0)
        tensor([0.0000, 0.5000, 1.0000])
    """
def clone(input: Tensor) -> Tensor:
    """
    Returns a copy of ``input`` with its own memory. The copy stays in the autograd graph: gradients flow back to ``input``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([1.0, 2.0])
        >>> b = fastgrad.clone(a)
        >>> b[0] = 5.0
        >>> a
        tensor([1., 2.])
    """
def column_stack(tensors: typing.Any) -> Tensor:
    """
    Joins the tensors as columns (1-d tensors become columns).
    """
def combinations(input: Tensor, r: typing.SupportsInt | typing.SupportsIndex = 2, with_replacement: bool = False) -> Tensor:
    """
    The length-``r`` combinations of a 1-d tensor's elements (with repeats when ``with_replacement``), one per row, as itertools.
    """
def concat(tensors: collections.abc.Sequence[Tensor], dim: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
    """
    Alias of `fastgrad.cat`.
    
    Args:
        tensors (sequence of Tensors): the tensors to join.
        dim (int): the dimension. Default: 0.
    
    Examples:
        >>> fastgrad.concat([fastgrad.tensor([1]), fastgrad.tensor([2, 3])])
        tensor([1, 2, 3])
    """
def copysign(input: typing.Any, other: typing.Any) -> Tensor:
    """
    The magnitude of ``input`` with the sign (bit) of ``other``.
    """
def corrcoef(input: Tensor) -> Tensor:
    """
    The Pearson correlation matrix of the variables in the rows of ``input``.
    """
def cos(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the cosine (in radians) of the elements of ``input``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
        >>> fastgrad.cos(a)
        tensor([ 0.0707,  1.0000,  0.8776, -0.4161])
    """
def cosh(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the hyperbolic cosine of the elements of ``input``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-1.0, 0.0, 0.5])
        >>> fastgrad.cosh(a)
        tensor([1.5431, 1.0000, 1.1276])
    """
def count_nonzero(input: Tensor, dim: typing.Any = None) -> Tensor:
    """
    The number of non-zero elements, over ``dim`` or all.
    """
def cov(input: Tensor, *, correction: typing.SupportsInt | typing.SupportsIndex = 1, fweights: typing.Any = None, aweights: typing.Any = None) -> Tensor:
    """
    The covariance matrix of the variables in the rows of ``input`` (a 1-d input is one variable), with ``correction`` (1: the unbiased estimate).
    """
def cross(input: Tensor, other: Tensor, dim: typing.Any = None) -> Tensor:
    """
    The cross product of 3-vectors along ``dim`` (without ``dim``: the first dim of size 3); the inputs broadcast.
    """
def cummax(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex) -> typing.Any:
    """
    The running maximum along ``dim`` and the index where it was last reached.
    """
def cummin(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex) -> typing.Any:
    """
    The running minimum along ``dim`` and the index where it was last reached.
    """
def cumprod(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, *, dtype: typing.Any = None) -> Tensor:
    """
    Returns the cumulative product of ``input`` along ``dim``: element ``i`` combines elements ``0..i``. The gradient is exact also where ``input`` has zeros.
    
    Args:
        input (Tensor): the input tensor.
        dim (int): the dimension to scan.
        dtype (fastgrad.dtype, optional): the dtype the input is cast to before the operation.
    
    Examples:
        >>> fastgrad.cumprod(fastgrad.tensor([1.0, 2.0, 3.0, 4.0]), dim=0)
        tensor([ 1.,  2.,  6., 24.])
    """
def cumsum(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, *, dtype: typing.Any = None) -> Tensor:
    """
    Returns the cumulative sum of ``input`` along ``dim``: element ``i`` combines elements ``0..i``.
    
    Args:
        input (Tensor): the input tensor.
        dim (int): the dimension to scan.
        dtype (fastgrad.dtype, optional): the dtype the input is cast to before the operation.
    
    Examples:
        >>> fastgrad.cumsum(fastgrad.tensor([1.0, 2.0, 3.0, 4.0]), dim=0)
        tensor([ 1.,  3.,  6., 10.])
    """
def cumulative_trapezoid(y: Tensor, x: typing.Any = None, *, dx: typing.Any = None, dim: typing.SupportsInt | typing.SupportsIndex = -1) -> Tensor:
    """
    The running trapezoid-rule integral of ``y`` along ``dim`` (one element fewer).
    """
def deg2rad(input: Tensor) -> Tensor:
    """
    Degrees to radians.
    """
def diag(input: Tensor, diagonal: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
    """
    For a 1-d input, the square matrix with it on diagonal ``diagonal``; for a 2-d input, that diagonal as a 1-d tensor.
    """
def diag_embed(input: Tensor, offset: typing.SupportsInt | typing.SupportsIndex = 0, dim1: typing.SupportsInt | typing.SupportsIndex = -2, dim2: typing.SupportsInt | typing.SupportsIndex = -1) -> Tensor:
    """
    A tensor whose ``(dim1, dim2)`` planes hold ``input``'s last dim on diagonal ``offset``, zeros elsewhere.
    """
def diagflat(input: Tensor, offset: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
    """
    The square matrix with the flattened ``input`` on diagonal ``offset``.
    """
def diagonal(input: Tensor, offset: typing.SupportsInt | typing.SupportsIndex = 0, dim1: typing.SupportsInt | typing.SupportsIndex = 0, dim2: typing.SupportsInt | typing.SupportsIndex = 1) -> Tensor:
    """
    The diagonal ``offset`` of the plane ``(dim1, dim2)``, as a new last dim. Unlike torch (a view), fastgrad returns a copy that carries the gradient.
    """
def diff(input: Tensor, n: typing.SupportsInt | typing.SupportsIndex = 1, dim: typing.SupportsInt | typing.SupportsIndex = -1, prepend: typing.Any = None, append: typing.Any = None) -> Tensor:
    """
    The ``n``-th forward difference along ``dim`` (``prepend`` / ``append`` joined first); bool inputs give where consecutive elements differ.
    """
def dist(input: Tensor, other: Tensor, p: typing.SupportsFloat | typing.SupportsIndex = 2.0) -> Tensor:
    """
    The ``p``-norm of ``input - other``.
    """
def div(input: Tensor, other: typing.Any, *, rounding_mode: typing.Any = None) -> Tensor:
    """
    Divides ``input`` by ``other`` element-wise. Integer inputs give a float result unless ``rounding_mode`` is given.
    
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
        tensor([-3,  3])
    """
def dot(input: Tensor, other: Tensor) -> Tensor:
    """
    Dot product of two 1-D tensors of the same length.
    
    Args:
        input (Tensor): a 1-D tensor.
        other (Tensor): a 1-D tensor.
    
    Examples:
        >>> fastgrad.dot(fastgrad.tensor([1.0, 2.0, 3.0]), fastgrad.tensor([4.0, 5.0, 6.0]))
        tensor(32.)
    """
def dsplit(input: Tensor, indices_or_sections: typing.Any) -> tuple:
    """
    `fastgrad.tensor_split` along dim 2 of a tensor with at least 3 dims; an int must divide the size.
    """
def dstack(tensors: typing.Any) -> Tensor:
    """
    Joins the tensors depthwise (along dim 2, after making them at least 3-d).
    """
def einsum(equation: str, *args) -> Tensor:
    """
    Sums the product of the operands over the indices the equation names, in numpy's notation (``'ij,jk->ik'``, ``'bij,bjk'``, ``'ii->i'``, ``'...ij,...jk->...ik'``); operands may be given one by one or as a list. Contractions run as batched matrix products.
    
    Examples:
        >>> a = fastgrad.tensor([[1.0, 2.0], [3.0, 4.0]])
        >>> fastgrad.einsum('ij,jk->ik', a, a)
        tensor([[ 7., 10.],
                [15., 22.]])
    """
def elu(input: Tensor, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
    """
    Applies ELU element-wise: ``x`` where positive, else ``alpha * (exp(x) - 1)``.
    
    Args:
        input (Tensor): a floating-point tensor.
        alpha (float): the scale of the negative part. Default: ``1.0``.
    """
def elu_(input: Tensor, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
    """
    In-place `elu`: writes ``elu(input, alpha)`` into ``input`` and returns it.
    """
def empty(*args, **kwargs) -> Tensor:
    """
    Returns a tensor of uninitialised memory (its values are whatever was there), of the given shape.
    
    Args:
        *size (int...): the shape of the result, as integers or one tuple/list.
        dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``fastgrad.float32`` (``int64`` for integer-only results).
        requires_grad (bool): whether autograd records operations on the result. Default: ``False``.
    
    Examples:
        >>> fastgrad.empty(2, 3).shape
        torch.Size([2, 3])
    """
def empty_like(input: Tensor, *, dtype: typing.Any = None, device: typing.Any = None, requires_grad: bool = False, pin_memory: typing.Any = None) -> Tensor:
    """
    Returns a tensor of uninitialised memory (its values are whatever was there), with the shape of ``input``.
    
    Args:
        input (Tensor): the tensor whose shape (and, by default, dtype) the result takes.
        dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``input.dtype``.
        requires_grad (bool): whether autograd records operations on the result. Default: ``False``.
    
    Examples:
        >>> fastgrad.empty_like(fastgrad.tensor([[1, 2, 3]])).shape
        torch.Size([1, 3])
    """
def eq(input: Tensor, other: typing.Any) -> Tensor:
    """
    Computes ``input == other`` element-wise. Returns a bool tensor.
    
    Args:
        input (Tensor): the input tensor.
        other (Tensor or Number): the value(s) to compare with; broadcast against ``input``.
    
    Examples:
        >>> fastgrad.eq(fastgrad.tensor([1, 2, 3]), 2)
        tensor([False,  True, False])
    """
def equal(input: Tensor, other: Tensor) -> bool:
    """
    Whether both tensors have the same shape and elements, as a Python bool.
    """
def erf(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the error function of the elements of ``input``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
        >>> fastgrad.erf(a)
        tensor([-0.9661,  0.0000,  0.5205,  0.9953])
    """
def erfc(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the complementary error function ``1 - erf(x)`` of the elements of ``input``, accurate where ``erf(x)`` is close to 1.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-1.0, 0.0, 3.0])
        >>> fastgrad.erfc(a)
        tensor([1.8427e+00, 1.0000e+00, 2.2090e-05])
    """
def exp(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the exponential of the elements of ``input``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([0.0, 1.0, 2.0])
        >>> fastgrad.exp(a)
        tensor([1.0000, 2.7183, 7.3891])
    """
def exp2(input: Tensor) -> Tensor:
    """
    Returns a new tensor with ``2 ** x`` for the elements ``x`` of ``input``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-1.0, 0.0, 3.0])
        >>> fastgrad.exp2(a)
        tensor([0.5000, 1.0000, 8.0000])
    """
def expm1(input: Tensor) -> Tensor:
    """
    Returns ``exp(x) - 1`` for the elements ``x`` of ``input``, accurate also for small ``x``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([0.0, 1e-8, 1.0])
        >>> fastgrad.expm1(a)
        tensor([0.0000e+00, 1.0000e-08, 1.7183e+00])
    """
def eye(n: typing.SupportsInt | typing.SupportsIndex, m: typing.Any = None, *, dtype: typing.Any = None, device: typing.Any = None, requires_grad: bool = False, pin_memory: typing.Any = None) -> Tensor:
    """
    Returns a 2-D tensor with ones on the diagonal and zeros elsewhere.
    
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
                [0., 1., 0.]])
    """
def flatten(input: Tensor, start_dim: typing.SupportsInt | typing.SupportsIndex = 0, end_dim: typing.SupportsInt | typing.SupportsIndex = -1) -> Tensor:
    """
    Flattens dimensions ``start_dim`` to ``end_dim`` of ``input`` into one (a view where possible).
    
    Args:
        input (Tensor): the input tensor.
        start_dim (int): the first dimension to flatten. Default: 0.
        end_dim (int): the last dimension to flatten. Default: -1.
    
    Examples:
        >>> fastgrad.flatten(fastgrad.zeros(2, 3, 4), start_dim=1).shape
        torch.Size([2, 12])
    """
def flip(input: Tensor, dims: typing.Any) -> Tensor:
    """
    Returns a copy of ``input`` with the order of the elements reversed along ``dims``.
    
    Args:
        input (Tensor): the input tensor.
        dims (int or tuple of ints): the dimensions to reverse.
    
    Examples:
        >>> fastgrad.flip(fastgrad.tensor([[1, 2], [3, 4]]), (1,))
        tensor([[2, 1],
                [4, 3]])
    """
def fliplr(input: Tensor) -> Tensor:
    """
    Reverses dim 1 (left/right) of a tensor with at least 2 dims.
    """
def flipud(input: Tensor) -> Tensor:
    """
    Reverses dim 0 (up/down) of a tensor with at least 1 dim.
    """
def float_power(input: typing.Any, other: typing.Any) -> Tensor:
    """
    ``input ** exponent`` computed in float64.
    """
def floor(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the floor of the elements of ``input``: the largest integer not greater than each.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
        >>> fastgrad.floor(a)
        tensor([-2.,  0.,  0.,  2.])
    """
def floor_divide(input: Tensor, other: typing.Any) -> Tensor:
    """
    Divides ``input`` by ``other`` and rounds down (``div(input, other, rounding_mode='floor')``).
    
    Args:
        input (Tensor): the input tensor.
        other (Tensor or Number): the divisor.
    
    Examples:
        >>> fastgrad.floor_divide(fastgrad.tensor([-7, 7]), 2)
        tensor([-4,  3])
    """
def fmax(input: typing.Any, other: typing.Any) -> Tensor:
    """
    The element-wise maximum, taking the number where one operand is NaN.
    """
def fmin(input: typing.Any, other: typing.Any) -> Tensor:
    """
    The element-wise minimum, taking the number where one operand is NaN.
    """
def fmod(input: Tensor, other: typing.Any) -> Tensor:
    """
    Computes C's ``fmod``: the remainder has the sign of the dividend.
    
    Args:
        input (Tensor): the input tensor.
        other (Tensor or Number): the divisor.
    
    Examples:
        >>> fastgrad.fmod(fastgrad.tensor([-3, -2, 2, 3]), 2)
        tensor([-1,  0,  0,  1])
    """
def frac(input: Tensor) -> Tensor:
    """
    The fractional part of each element, ``input - trunc(input)`` (sign kept).
    """
def from_dlpack(ext_tensor: typing.Any) -> Tensor:
    """
    Returns a tensor that shares memory with another library's CPU tensor or array through DLPack (numpy, torch, JAX ...).
    
    Args:
        ext_tensor (object): an object with ``__dlpack__`` (or a DLPack capsule).
    
    Examples:
        >>> import numpy as np
        >>> fastgrad.from_dlpack(np.arange(3.0))
        tensor([0., 1., 2.], dtype=torch.float64)
    """
def from_numpy(ndarray: numpy.ndarray) -> Tensor:
    """
    Returns a tensor that shares memory with a numpy array: writes through either show in the other. float32, float64, float16, int64, int32, int16, int8, uint8 and bool arrays are shared; other dtypes raise (convert with ``astype`` first).
    
    Args:
        ndarray (numpy.ndarray): the array.
    
    Examples:
        >>> import numpy as np
        >>> a = np.array([1.0, 2.0], dtype=np.float32)
        >>> t = fastgrad.from_numpy(a)
        >>> a[0] = 5.0
        >>> t
        tensor([5., 2.])
    """
def full(size: typing.Any, fill_value: typing.Any, *, dtype: typing.Any = None, device: typing.Any = None, requires_grad: bool = False, pin_memory: typing.Any = None) -> Tensor:
    """
    Returns a tensor of the given shape filled with ``fill_value``. The dtype follows the value (bool, int64 or float32) unless given.
    
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
        tensor([0.5000, 0.5000, 0.5000])
    """
def full_like(input: Tensor, fill_value: typing.Any, *, dtype: typing.Any = None, device: typing.Any = None, requires_grad: bool = False, pin_memory: typing.Any = None) -> Tensor:
    """
    Returns a tensor with the shape of ``input`` filled with ``fill_value``.
    
    Args:
        input (Tensor): the tensor whose shape (and, by default, dtype) the result takes.
        fill_value (Number): the value.
        dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``input.dtype``.
        requires_grad (bool): whether autograd records operations on the result. Default: ``False``.
    
    Examples:
        >>> fastgrad.full_like(fastgrad.zeros(2), 3.0)
        tensor([3., 3.])
    """
def gather(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor) -> Tensor:
    """
    Gathers values along ``dim``: ``out[i][j] = input[index[i][j]][j]`` for ``dim=0`` and ``out[i][j] = input[i][index[i][j]]`` for ``dim=1``.
    
    Args:
        input (Tensor): the input tensor.
        dim (int): the axis to index along.
        index (Tensor): int64 indices; the result has its shape.
    
    Examples:
        >>> t = fastgrad.tensor([[1.0, 2.0], [3.0, 4.0]])
        >>> fastgrad.gather(t, 1, fastgrad.tensor([[0, 0], [1, 0]]))
        tensor([[1., 1.],
                [4., 3.]])
    """
def ge(input: Tensor, other: typing.Any) -> Tensor:
    """
    Computes ``input >= other`` element-wise. Returns a bool tensor.
    
    Args:
        input (Tensor): the input tensor.
        other (Tensor or Number): the value(s) to compare with; broadcast against ``input``.
    
    Examples:
        >>> fastgrad.ge(fastgrad.tensor([1, 2, 3]), 2)
        tensor([False,  True,  True])
    """
def gelu(input: Tensor, approximate: str = 'none') -> Tensor:
    """
    Applies the Gaussian Error Linear Unit, ``x * Phi(x)`` with ``Phi`` the standard normal CDF, or its tanh approximation.
    
    Args:
        input (Tensor): the input tensor.
        approximate (str): ``'none'`` (exact, with erf) or ``'tanh'``. Default: ``'none'``.
    
    Examples:
        >>> fastgrad.gelu(fastgrad.tensor([-1.0, 0.0, 1.0]))
        tensor([-0.1587,  0.0000,  0.8413])
    """
def ger(input: Tensor, vec2: Tensor) -> Tensor:
    """
    Alias of `fastgrad.outer`.
    """
def get_default_dtype() -> typing.Any:
    """
    Returns the default floating dtype: what Python floats, ``fastgrad.tensor([1.0])``,
    ``zeros``, ``randn`` ... produce when no dtype is given (``fastgrad.float32`` unless set).
    
    Examples:
        >>> fastgrad.get_default_dtype()
        torch.float32
    """
def get_num_threads() -> int:
    """
    Threads kernels may use.
    
    Returns the number of threads fastgrad's kernels may use (set by `fastgrad.set_num_threads`; by default the CPUs this process may run on).
    
    Examples:
        >>> fastgrad.get_num_threads() >= 1
        True
    """
def glu(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex = -1) -> Tensor:
    """
    The gated linear unit: splits ``input`` in two halves ``a, b`` along ``dim`` and returns ``a * sigmoid(b)``.
    
    Args:
        input (Tensor): the input; its size along ``dim`` must be even.
        dim (int): Default: ``-1``.
    """
def gt(input: Tensor, other: typing.Any) -> Tensor:
    """
    Computes ``input > other`` element-wise. Returns a bool tensor.
    
    Args:
        input (Tensor): the input tensor.
        other (Tensor or Number): the value(s) to compare with; broadcast against ``input``.
    
    Examples:
        >>> fastgrad.gt(fastgrad.tensor([1, 2, 3]), 2)
        tensor([False, False,  True])
    """
def hardshrink(input: Tensor, lambd: typing.SupportsFloat | typing.SupportsIndex = 0.5) -> Tensor:
    """
    Zeroes the elements in ``[-lambd, lambd]`` and keeps the others.
    
    Args:
        input (Tensor): a floating-point tensor.
        lambd (float): Default: ``0.5``.
    """
def hardsigmoid(input: Tensor) -> Tensor:
    """
    Applies the piecewise-linear sigmoid element-wise: ``min(max(x + 3, 0), 6) / 6``.
    """
def hardswish(input: Tensor) -> Tensor:
    """
    Applies ``x * min(max(x + 3, 0), 6) / 6`` element-wise.
    """
def hardtanh(input: Tensor, min_val: typing.SupportsFloat | typing.SupportsIndex = -1.0, max_val: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
    """
    Clamps every element to ``[min_val, max_val]``; the gradient is zero outside the open interval.
    
    Args:
        input (Tensor): the input.
        min_val (float): Default: ``-1.0``.
        max_val (float): Default: ``1.0``.
    """
def hardtanh_(input: Tensor, min_val: typing.SupportsFloat | typing.SupportsIndex = -1.0, max_val: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
    """
    In-place `hardtanh`: clamps ``input`` to ``[min_val, max_val]`` in place and returns it.
    """
def heaviside(input: Tensor, values: Tensor) -> Tensor:
    """
    The step function: 0 below zero, 1 above, ``values`` at zero.
    """
def histc(input: Tensor, bins: typing.SupportsInt | typing.SupportsIndex = 100, min: typing.SupportsFloat | typing.SupportsIndex = 0.0, max: typing.SupportsFloat | typing.SupportsIndex = 0.0) -> Tensor:
    """
    A histogram of ``bins`` equal-width bins over ``[min, max]`` (the data's extremes when ``min == max``); elements outside are ignored.
    """
def histogram(input: Tensor, bins: typing.Any = 100, *, range: typing.Any = None, weight: typing.Any = None, density: bool = False) -> typing.Any:
    """
    ``(hist, bin_edges)``: a histogram of ``input`` in ``bins`` equal-width bins over ``range`` (the data's extremes without one) or in the given edges (a 1-d tensor); ``weight`` sums weights instead of counting, ``density`` divides by the total and the bin widths.
    """
def hsplit(input: Tensor, indices_or_sections: typing.Any) -> tuple:
    """
    `fastgrad.tensor_split` along dim 1 (dim 0 for 1-d); an int must divide the size.
    """
def hstack(tensors: typing.Any) -> Tensor:
    """
    Joins the tensors horizontally: along dim 0 for 1-d tensors, dim 1 otherwise.
    """
def hypot(input: typing.Any, other: typing.Any) -> Tensor:
    """
    ``sqrt(input**2 + other**2)`` without overflow or underflow in the squares.
    """
def index_add(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, source: Tensor, *, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
    """
    Returns a copy of ``input`` with the slices of ``source`` added at ``index`` along ``dim`` (repeated indices accumulate).
    
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
                [0., 0.]])
    """
def index_copy(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, source: Tensor) -> Tensor:
    """
    Returns a copy of ``input`` whose slices ``index[i]`` along ``dim`` are replaced by the slices ``i``
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
                [1., 2.]])
    """
def index_fill(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, value: typing.Any) -> Tensor:
    """
    Returns a copy of ``input`` whose slices ``index`` along ``dim`` are filled with ``value``.
    
    Args:
        input (Tensor): the input tensor.
        dim (int): the dimension to index.
        index (Tensor): 1-D (or 0-d) int64 indices; negative ones count from the end.
        value (float or Tensor): a number or a 0-d tensor (differentiable).
    
    Examples:
        >>> fastgrad.index_fill(fastgrad.zeros(2, 3), 1, fastgrad.tensor([0, -1]), 7.0)
        tensor([[7., 0., 7.],
                [7., 0., 7.]])
    """
def index_put(input: Tensor, indices: typing.Any, values: Tensor, accumulate: bool = False) -> Tensor:
    """
    Returns a copy of ``input`` with ``values`` written at the advanced index ``indices`` (what
    ``input[indices] = values`` writes), or added there with ``accumulate=True`` (repeated indices add up).
    
    Args:
        input (Tensor): the input tensor.
        indices (tuple of Tensor): int64 or bool index tensors, one per leading dim, broadcast together.
        values (Tensor): broadcast to the indexed shape; same dtype as ``input``.
        accumulate (bool): add instead of overwrite (default False).
    
    Examples:
        >>> x = fastgrad.zeros(3)
        >>> fastgrad.index_put(x, (fastgrad.tensor([0, 0, 2]),), fastgrad.tensor([1.0, 2.0, 3.0]), accumulate=True)
        tensor([3., 0., 3.])
    """
def index_select(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor) -> Tensor:
    """
    Returns the slices of ``input`` at ``index`` along ``dim``.
    
    Args:
        input (Tensor): the input tensor.
        dim (int): the dimension to index.
        index (Tensor): 1-D int64 indices.
    
    Examples:
        >>> x = fastgrad.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
        >>> fastgrad.index_select(x, 0, fastgrad.tensor([2, 0]))
        tensor([[5., 6.],
                [1., 2.]])
    """
def initial_seed() -> int:
    """
    Returns the seed of the default random generator.
    
    Examples:
        >>> _ = fastgrad.manual_seed(7)
        >>> fastgrad.initial_seed()
        7
    """
def inner(input: Tensor, other: Tensor) -> Tensor:
    """
    The inner product over the last dims: ``(..., k) x (..., k) -> (..., ...)``; a 0-d operand multiplies.
    """
def is_grad_enabled() -> bool:
    """
    Returns ``True`` when autograd records operations in this thread (see `fastgrad.no_grad`).
    
    Examples:
        >>> fastgrad.is_grad_enabled()
        True
        >>> with fastgrad.no_grad():
        ...     fastgrad.is_grad_enabled()
        False
    """
def isclose(input: Tensor, other: Tensor, rtol: typing.SupportsFloat | typing.SupportsIndex = 1e-05, atol: typing.SupportsFloat | typing.SupportsIndex = 1e-08, equal_nan: bool = False) -> Tensor:
    """
    Element-wise ``|input - other| <= atol + rtol * |other|`` (equal infinities are close; NaN is close to NaN only with ``equal_nan``).
    """
def isfinite(input: Tensor) -> Tensor:
    """
    Returns a boolean tensor that is ``True`` where the element of ``input`` is finite (not infinity, not NaN).
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> fastgrad.isfinite(fastgrad.tensor([1.0, float('inf'), float('-inf'), float('nan')]))
        tensor([ True, False, False, False])
    """
def isin(elements: typing.Any, test_elements: typing.Any, *, assume_unique: bool = False, invert: bool = False) -> Tensor:
    """
    Whether each element of ``elements`` occurs in ``test_elements`` (or not, with ``invert``).
    """
def isinf(input: Tensor) -> Tensor:
    """
    Returns a boolean tensor that is ``True`` where the element of ``input`` is positive or negative infinity.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> fastgrad.isinf(fastgrad.tensor([1.0, float('inf'), float('-inf'), float('nan')]))
        tensor([False,  True,  True, False])
    """
def isnan(input: Tensor) -> Tensor:
    """
    Returns a boolean tensor that is ``True`` where the element of ``input`` is NaN.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> fastgrad.isnan(fastgrad.tensor([1.0, float('inf'), float('-inf'), float('nan')]))
        tensor([False, False, False,  True])
    """
def isneginf(input: Tensor) -> Tensor:
    """
    Returns a boolean tensor that is ``True`` where the element of ``input`` is negative infinity.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> fastgrad.isneginf(fastgrad.tensor([1.0, float('inf'), float('-inf'), float('nan')]))
        tensor([False, False,  True, False])
    """
def isposinf(input: Tensor) -> Tensor:
    """
    Returns a boolean tensor that is ``True`` where the element of ``input`` is positive infinity.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> fastgrad.isposinf(fastgrad.tensor([1.0, float('inf'), float('-inf'), float('nan')]))
        tensor([False,  True, False, False])
    """
def kron(input: Tensor, other: Tensor) -> Tensor:
    """
    The Kronecker product.
    """
def kthvalue(input: Tensor, k: typing.SupportsInt | typing.SupportsIndex, dim: typing.SupportsInt | typing.SupportsIndex = -1, keepdim: bool = False) -> typing.Any:
    """
    The ``k``-th smallest element along ``dim`` (1-based) and its index.
    """
def ldexp(input: Tensor, other: Tensor) -> Tensor:
    """
    ``input * 2 ** other``.
    """
def le(input: Tensor, other: typing.Any) -> Tensor:
    """
    Computes ``input <= other`` element-wise. Returns a bool tensor.
    
    Args:
        input (Tensor): the input tensor.
        other (Tensor or Number): the value(s) to compare with; broadcast against ``input``.
    
    Examples:
        >>> fastgrad.le(fastgrad.tensor([1, 2, 3]), 2)
        tensor([ True,  True, False])
    """
def leaky_relu(input: Tensor, negative_slope: typing.SupportsFloat | typing.SupportsIndex = 0.01) -> Tensor:
    """
    Applies ``max(0, x) + negative_slope * min(0, x)`` element-wise.
    
    Args:
        input (Tensor): the input tensor.
        negative_slope (float): the slope for negative inputs. Default: 0.01.
    
    Examples:
        >>> fastgrad.leaky_relu(fastgrad.tensor([-2.0, 0.0, 3.0]), 0.1)
        tensor([-0.2000,  0.0000,  3.0000])
    """
def leaky_relu_(input: Tensor, negative_slope: typing.SupportsFloat | typing.SupportsIndex = 0.01) -> Tensor:
    """
    In-place `leaky_relu`: writes ``leaky_relu(input, negative_slope)`` into ``input`` and returns it.
    """
def lerp(input: Tensor, end: Tensor, weight: typing.Any) -> Tensor:
    """
    Linear interpolation: ``input + weight * (end - input)``, element-wise with broadcasting.
    
    Args:
        input (Tensor): the start points.
        end (Tensor): the end points.
        weight (float or Tensor): the interpolation weight(s).
    
    Examples:
        >>> start = fastgrad.tensor([0.0, 10.0])
        >>> end = fastgrad.tensor([10.0, 20.0])
        >>> fastgrad.lerp(start, end, 0.25)
        tensor([ 2.5000, 12.5000])
    """
def linear(input: Tensor, weight: Tensor, bias: typing.Any = None) -> Tensor:
    """
    Applies ``input @ weight.T + bias`` in one fused call (what `fastgrad.nn.Linear` runs).
    
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
                [3., 4.]])
    """
def linspace(start: typing.SupportsFloat | typing.SupportsIndex, end: typing.SupportsFloat | typing.SupportsIndex, steps: typing.SupportsInt | typing.SupportsIndex, *, dtype: typing.Any = None, device: typing.Any = None, requires_grad: bool = False, pin_memory: typing.Any = None) -> Tensor:
    """
    Returns ``steps`` evenly spaced values from ``start`` to ``end``, both included.
    
    Args:
        start (float): the first value.
        end (float): the last value.
        steps (int): how many values.
        dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``fastgrad.float32`` (``int64`` for integer-only results).
        requires_grad (bool): whether autograd records operations on the result. Default: ``False``.
    
    Examples:
        >>> fastgrad.linspace(0, 1, 5)
        tensor([0.0000, 0.2500, 0.5000, 0.7500, 1.0000])
    """
def log(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the natural logarithm of the elements of ``input``.
    
    Note:
        ``log`` of a negative number is NaN and of 0 is ``-inf``, as in torch.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([1.0, 2.0, 10.0])
        >>> fastgrad.log(a)
        tensor([0.0000, 0.6931, 2.3026])
    """
def log10(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the base-10 logarithm of the elements of ``input``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([1.0, 10.0, 1000.0])
        >>> fastgrad.log10(a)
        tensor([0., 1., 3.])
    """
def log1p(input: Tensor) -> Tensor:
    """
    Returns ``log(1 + x)`` for the elements ``x`` of ``input``, accurate also for small ``x``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([0.0, 1e-8, 1.0])
        >>> fastgrad.log1p(a)
        tensor([0.0000e+00, 1.0000e-08, 6.9315e-01])
    """
def log2(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the base-2 logarithm of the elements of ``input``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([1.0, 2.0, 8.0])
        >>> fastgrad.log2(a)
        tensor([0., 1., 3.])
    """
def log_softmax(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, dtype: typing.Any = None) -> Tensor:
    """
    Applies ``log(softmax(x))`` along ``dim``, computed as ``x - logsumexp(x)`` (stable for large inputs).
    
    Args:
        input (Tensor): the input tensor.
        dim (int): the dimension to normalise over.
        dtype (fastgrad.dtype, optional): the dtype the input is cast to before the operation.
    
    Examples:
        >>> fastgrad.log_softmax(fastgrad.tensor([1.0, 2.0, 3.0]), dim=0)
        tensor([-2.4076, -1.4076, -0.4076])
    """
def logaddexp(input: typing.Any, other: typing.Any) -> Tensor:
    """
    ``log(exp(input) + exp(other))``, computed stably.
    """
def logaddexp2(input: typing.Any, other: typing.Any) -> Tensor:
    """
    ``log2(2**input + 2**other)``, computed stably.
    """
def logcumsumexp(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    """
    ``log(cumsum(exp(input)))`` along ``dim``, computed stably (a running log-add-exp).
    """
def logical_and(input: Tensor, other: Tensor) -> Tensor:
    """
    Computes the element-wise logical AND of ``input`` and ``other`` (zero is ``False``, anything else ``True``). Returns a bool tensor.
    
    Args:
        input (Tensor): the input tensor.
        other (Tensor): the second operand; broadcast against ``input``.
    
    Examples:
        >>> fastgrad.logical_and(fastgrad.tensor([True, True, False]), fastgrad.tensor([True, False, False]))
        tensor([ True, False, False])
    """
def logical_not(input: Tensor) -> Tensor:
    """
    Computes the logical NOT of ``input``: zero is ``False``, anything else ``True``. Returns a bool tensor.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> fastgrad.logical_not(fastgrad.tensor([0, 1, -2]))
        tensor([ True, False, False])
    """
def logical_or(input: Tensor, other: Tensor) -> Tensor:
    """
    Computes the element-wise logical OR of ``input`` and ``other`` (zero is ``False``, anything else ``True``). Returns a bool tensor.
    
    Args:
        input (Tensor): the input tensor.
        other (Tensor): the second operand; broadcast against ``input``.
    
    Examples:
        >>> fastgrad.logical_or(fastgrad.tensor([True, True, False]), fastgrad.tensor([True, False, False]))
        tensor([ True,  True, False])
    """
def logical_xor(input: Tensor, other: Tensor) -> Tensor:
    """
    Computes the element-wise logical XOR of ``input`` and ``other`` (zero is ``False``, anything else ``True``). Returns a bool tensor.
    
    Args:
        input (Tensor): the input tensor.
        other (Tensor): the second operand; broadcast against ``input``.
    
    Examples:
        >>> fastgrad.logical_xor(fastgrad.tensor([True, True, False]), fastgrad.tensor([True, False, False]))
        tensor([False,  True, False])
    """
def logit(input: Tensor, eps: typing.Any = None) -> Tensor:
    """
    ``log(p / (1 - p))`` of each element; with ``eps`` the input is first clamped to ``[eps, 1 - eps]``.
    """
def logsumexp(input: Tensor, dim: typing.Any, keepdim: bool = False, *, keepdims: typing.Any = None) -> Tensor:
    """
    Returns ``log(sum(exp(input), dim))``, computed max-shifted so it neither overflows nor underflows.
    
    Args:
        input (Tensor): the input tensor.
        dim (int or tuple of ints): the dimension(s) to reduce.
        keepdim (bool): whether the output keeps the reduced dimension(s) with size 1. Default: ``False``.
    
    Examples:
        >>> fastgrad.logsumexp(fastgrad.tensor([[0.0, 0.0], [1000.0, 1000.0]]), dim=1)
        tensor([6.9315e-01, 1.0007e+03])
    """
def lt(input: Tensor, other: typing.Any) -> Tensor:
    """
    Computes ``input < other`` element-wise. Returns a bool tensor.
    
    Args:
        input (Tensor): the input tensor.
        other (Tensor or Number): the value(s) to compare with; broadcast against ``input``.
    
    Examples:
        >>> fastgrad.lt(fastgrad.tensor([1, 2, 3]), 2)
        tensor([ True, False, False])
    """
def manual_seed(seed: typing.Any) -> Generator:
    """
    Seeds the default random generator, as ``torch.manual_seed`` does: the same seed gives the same random numbers (``rand``, ``randn``, ``randint``, ``randperm``, ``bernoulli``, dropout, ``nn.init``, shuffling).
    
    Args:
        seed (int): the seed.
    
    Returns:
        the default `fastgrad.Generator`.
    
    Examples:
        >>> _ = fastgrad.manual_seed(42)
        >>> a = fastgrad.rand(2)
        >>> _ = fastgrad.manual_seed(42)
        >>> bool((a == fastgrad.rand(2)).all())
        True
    """
def masked_fill(input: Tensor, mask: Tensor, value: typing.Any) -> Tensor:
    """
    Returns a copy of ``input`` with ``value`` where ``mask`` is ``True``.
    
    Args:
        input (Tensor): the input tensor.
        mask (Tensor): a bool tensor broadcastable to ``input``.
        value (Number or 0-d Tensor): the fill value.
    
    Examples:
        >>> x = fastgrad.zeros(2, 3)
        >>> fastgrad.masked_fill(x, fastgrad.tensor([True, False, True]), -1.0)
        tensor([[-1.,  0., -1.],
                [-1.,  0., -1.]])
    """
def masked_scatter(input: Tensor, mask: Tensor, source: Tensor) -> Tensor:
    """
    Returns a copy of ``input`` where the slots ``mask`` sets take the elements of ``source`` in order.
    
    Args:
        input (Tensor): the input tensor.
        mask (Tensor): bool, broadcast with ``input``.
        source (Tensor): at least as many elements as ``mask`` has ``True`` values.
    
    Examples:
        >>> fastgrad.masked_scatter(fastgrad.zeros(4), fastgrad.tensor([True, False, True, False]), fastgrad.tensor([1.0, 2.0]))
        tensor([1., 0., 2., 0.])
    """
def masked_select(input: Tensor, mask: Tensor) -> Tensor:
    """
    The elements of ``input`` where the bool ``mask`` (broadcast) holds, as a 1-d tensor.
    """
@typing.overload
def matmul(input: Tensor, other: Tensor) -> Tensor:
    ...
@typing.overload
def matmul(input: typing.Any, other: typing.Any) -> typing.Any:
    """
    Matrix product of two tensors, following torch's rules: 1-D @ 1-D is a dot product, 2-D @ 2-D a matrix product, a 1-D operand is treated as a row (left) or column (right) vector, and leading dimensions broadcast as batch dimensions.
    
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
        torch.Size([5, 2, 4])
    """
def maximum(input: Tensor, other: Tensor) -> Tensor:
    """
    Element-wise maximum of ``input`` and ``other``; NaN wins over any number.
    
    Args:
        input (Tensor): the input tensor.
        other (Tensor): the second tensor; broadcast against ``input``.
    
    Examples:
        >>> fastgrad.maximum(fastgrad.tensor([1.0, 5.0]), fastgrad.tensor([3.0, 2.0]))
        tensor([3., 5.])
    """
def mean(input: Tensor, dim: typing.Any = None, keepdim: bool = False, *, dtype: typing.Any = None, keepdims: typing.Any = None) -> Tensor:
    """
    Returns the mean of ``input``: over all elements, or over ``dim`` (the reduced dimensions are removed unless ``keepdim``).
    
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
        tensor([1.5000, 3.5000])
    """
def median(input: Tensor, dim: typing.Any = None, keepdim: bool = False) -> typing.Any:
    """
    The lower median of all elements, or ``(values, indices)`` along ``dim``; NaN when the values hold one.
    """
def meshgrid(*args, indexing: str = 'ij') -> tuple:
    """
    Coordinate grids from 1-d tensors, with ``indexing='ij'`` (matrix) or ``'xy'`` (cartesian).
    """
def minimum(input: Tensor, other: Tensor) -> Tensor:
    """
    Element-wise minimum of ``input`` and ``other``; NaN wins over any number.
    
    Args:
        input (Tensor): the input tensor.
        other (Tensor): the second tensor; broadcast against ``input``.
    
    Examples:
        >>> fastgrad.minimum(fastgrad.tensor([1.0, 5.0]), fastgrad.tensor([3.0, 2.0]))
        tensor([1., 2.])
    """
def mish(input: Tensor) -> Tensor:
    """
    Applies Mish element-wise: ``x * tanh(softplus(x))``.
    """
@typing.overload
def mm(input: Tensor, mat2: Tensor) -> Tensor:
    ...
@typing.overload
def mm(input: typing.Any, mat2: typing.Any) -> typing.Any:
    """
    Matrix product of two 2-D tensors (no broadcasting; see `fastgrad.matmul` for that).
    
    Args:
        input (Tensor): an ``(n, m)`` matrix.
        mat2 (Tensor): an ``(m, p)`` matrix.
    
    Shape:
        ``(n, m) @ (m, p) -> (n, p)``
    
    Examples:
        >>> fastgrad.mm(fastgrad.tensor([[1.0, 2.0]]), fastgrad.tensor([[3.0], [4.0]]))
        tensor([[11.]])
    """
def mode(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex = -1, keepdim: bool = False) -> typing.Any:
    """
    The most frequent value along ``dim`` and the index of its last occurrence, as ``(values, indices)``; among equally frequent values the smallest wins, as torch's CPU kernel. The values carry the gradient back to that index.
    """
def moveaxis(input: Tensor, source: typing.Any, destination: typing.Any) -> Tensor:
    """
    Alias of `movedim`.
    """
def movedim(input: Tensor, source: typing.Any, destination: typing.Any) -> Tensor:
    """
    A view of ``input`` with the dims in ``source`` moved to the positions in ``destination``; the other dims keep their order.
    """
def msort(input: Tensor) -> Tensor:
    """
    ``input`` sorted along dim 0.
    """
def mul(input: Tensor, other: typing.Any) -> Tensor:
    """
    Multiplies ``input`` by ``other`` element-wise, with broadcasting.
    
    Args:
        input (Tensor): the input tensor.
        other (Tensor or Number): the second operand; broadcast against ``input``.
    
    Examples:
        >>> fastgrad.mul(fastgrad.tensor([[1.0], [2.0]]), fastgrad.tensor([1.0, 10.0, 100.0]))
        tensor([[  1.,  10., 100.],
                [  2.,  20., 200.]])
    """
def multinomial(input: Tensor, num_samples: typing.SupportsInt | typing.SupportsIndex, replacement: bool = False, *, generator: typing.Any = None) -> Tensor:
    """
    Draws ``num_samples`` category indices from the distribution given by each row of ``input``
    (non-negative weights, not necessarily normalised), with or without replacement.
    
    Args:
        input (Tensor): ``(C,)`` or ``(N, C)`` weights.
        num_samples (int): how many indices to draw per row.
        replacement (bool): draw with replacement. Default: ``False``.
        generator (fastgrad.Generator, optional): the random stream.
    
    Examples:
        >>> fastgrad.multinomial(fastgrad.tensor([0.0, 1.0, 0.0]), 2, replacement=True)
        tensor([1, 1])
    """
def mv(input: Tensor, vec: Tensor) -> Tensor:
    """
    Matrix-vector product ``(n, m) @ (m,) -> (n,)``.
    """
def nan_to_num(input: Tensor, nan: typing.SupportsFloat | typing.SupportsIndex = 0.0, posinf: typing.Any = None, neginf: typing.Any = None) -> Tensor:
    """
    Replaces NaN by ``nan``, +inf by ``posinf`` and -inf by ``neginf`` (defaults: 0 and the dtype's largest and lowest finite values).
    """
def nanmean(input: Tensor, dim: typing.Any = None, keepdim: bool = False, *, dtype: typing.Any = None) -> Tensor:
    """
    The mean of the non-NaN elements (over ``dim`` or every element).
    """
def nanmedian(input: Tensor, dim: typing.Any = None, keepdim: bool = False) -> typing.Any:
    """
    The lower median of the non-NaN values, or ``(values, indices)`` along ``dim``.
    """
def nanquantile(input: Tensor, q: typing.Any, dim: typing.Any = None, keepdim: bool = False, *, interpolation: str = 'linear') -> Tensor:
    """
    `fastgrad.quantile` of the non-NaN values (NaN where a slice has none).
    """
def nansum(input: Tensor, dim: typing.Any = None, keepdim: bool = False, *, dtype: typing.Any = None) -> Tensor:
    """
    The sum treating NaN as zero (over ``dim`` or every element).
    """
def narrow(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, start: typing.SupportsInt | typing.SupportsIndex, length: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    """
    Returns a view of ``input`` holding ``length`` elements of dimension ``dim`` from ``start``.
    
    Args:
        input (Tensor): the input tensor.
        dim (int): the dimension to narrow.
        start (int): the first index kept.
        length (int): how many indices are kept.
    
    Examples:
        >>> fastgrad.narrow(fastgrad.arange(10), 0, 2, 3)
        tensor([2, 3, 4])
    """
def ne(input: Tensor, other: typing.Any) -> Tensor:
    """
    Computes ``input != other`` element-wise. Returns a bool tensor.
    
    Args:
        input (Tensor): the input tensor.
        other (Tensor or Number): the value(s) to compare with; broadcast against ``input``.
    
    Examples:
        >>> fastgrad.ne(fastgrad.tensor([1, 2, 3]), 2)
        tensor([ True, False,  True])
    """
def neg(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the negative of the elements of ``input``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
        >>> fastgrad.neg(a)
        tensor([ 1.5000, -0.0000, -0.5000, -2.0000])
    """
def negative(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the negative of the elements of ``input``. Alias of `fastgrad.neg`.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
        >>> fastgrad.negative(a)
        tensor([ 1.5000, -0.0000, -0.5000, -2.0000])
    """
def nonzero(input: Tensor, *, as_tuple: bool = False) -> typing.Any:
    """
    The indices of the non-zero elements, ``(count, ndim)``; with ``as_tuple=True`` one index tensor per dim.
    """
def ones(*args, **kwargs) -> Tensor:
    """
    Returns a tensor filled with 1, of the given shape.
    
    Args:
        *size (int...): the shape of the result, as integers or one tuple/list.
        dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``fastgrad.float32`` (``int64`` for integer-only results).
        requires_grad (bool): whether autograd records operations on the result. Default: ``False``.
    
    Examples:
        >>> fastgrad.ones(2, 3)
        tensor([[1., 1., 1.],
                [1., 1., 1.]])
        >>> fastgrad.ones((2,), dtype=fastgrad.int64)
        tensor([1, 1])
    """
def ones_like(input: Tensor, *, dtype: typing.Any = None, device: typing.Any = None, requires_grad: bool = False, pin_memory: typing.Any = None) -> Tensor:
    """
    Returns a tensor filled with 1, with the shape of ``input``.
    
    Args:
        input (Tensor): the tensor whose shape (and, by default, dtype) the result takes.
        dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``input.dtype``.
        requires_grad (bool): whether autograd records operations on the result. Default: ``False``.
    
    Examples:
        >>> fastgrad.ones_like(fastgrad.tensor([[1, 2, 3]]))
        tensor([[1, 1, 1]])
    """
def outer(input: Tensor, vec2: Tensor) -> Tensor:
    """
    Outer product of two 1-d tensors: ``out[i, j] = input[i] * vec2[j]``.
    """
def permute(input: Tensor, dims: typing.Any) -> Tensor:
    """
    Returns a view of ``input`` with its dimensions reordered.
    
    Args:
        input (Tensor): the input tensor.
        dims (tuple of ints): the new order of the dimensions.
    
    Examples:
        >>> fastgrad.permute(fastgrad.zeros(2, 3, 4), (2, 0, 1)).shape
        torch.Size([4, 2, 3])
    """
def positive(input: Tensor) -> Tensor:
    """
    ``input`` itself (``+input``); bool tensors are refused as torch refuses them.
    """
def pow(input: typing.Any, exponent: typing.Any) -> Tensor:
    """
    Raises ``input`` to the power ``exponent`` element-wise; either may be a number.
    
    Args:
        input (Tensor or Number): the base.
        exponent (Tensor or Number): the exponent.
    
    Examples:
        >>> fastgrad.pow(fastgrad.tensor([1.0, 2.0, 3.0]), 2)
        tensor([1., 4., 9.])
        >>> fastgrad.pow(2, fastgrad.tensor([0, 1, 3]))
        tensor([1, 2, 8])
    """
def prelu(input: Tensor, weight: Tensor) -> Tensor:
    """
    ``x`` where positive, else ``weight * x``; ``weight`` holds one slope or one per channel (dim 1).
    
    Args:
        input (Tensor): the input.
        weight (Tensor): 0-d or 1-d, of input's dtype.
    """
def prod(input: Tensor, dim: typing.Any = None, keepdim: bool = False, *, dtype: typing.Any = None, keepdims: typing.Any = None) -> Tensor:
    """
    Returns the product of ``input``: over all elements, or over ``dim`` (the reduced dimensions are removed unless ``keepdim``).
    
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
        tensor([3., 8.])
    """
def promote_types(type1: typing.Any, type2: typing.Any) -> typing.Any:
    """
    The smallest dtype both ``type1`` and ``type2`` convert to without losing range, as
    torch.promote_types.
    
    Args:
        type1 (fastgrad.dtype): a dtype.
        type2 (fastgrad.dtype): another.
    
    Examples:
        >>> fastgrad.promote_types(fastgrad.bfloat16, fastgrad.float16)
        torch.float32
    """
def quantile(input: Tensor, q: typing.Any, dim: typing.Any = None, keepdim: bool = False, *, interpolation: str = 'linear') -> Tensor:
    """
    The ``q``-th quantiles (a number or a 1-d tensor, in [0, 1]) over ``dim`` (or every element), interpolated ``linear`` (default), ``lower``, ``higher``, ``midpoint`` or ``nearest``; NaN where a slice holds a NaN.
    """
def rad2deg(input: Tensor) -> Tensor:
    """
    Radians to degrees.
    """
def rand(*args, **kwargs) -> Tensor:
    """
    Returns a tensor of numbers drawn uniformly from ``[0, 1)``.
    
    Args:
        *size (int...): the shape of the result, as integers or one tuple/list.
        generator (fastgrad.Generator, optional): the random stream to draw from (the default one if omitted).
        dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``fastgrad.float32`` (``int64`` for integer-only results).
        requires_grad (bool): whether autograd records operations on the result. Default: ``False``.
    
    Examples:
        >>> _ = fastgrad.manual_seed(0)
        >>> fastgrad.rand(3)
        tensor([0.4963, 0.7682, 0.0885])
    """
def rand_like(input: Tensor, *, generator: typing.Any = None, dtype: typing.Any = None, device: typing.Any = None, requires_grad: bool = False, pin_memory: typing.Any = None) -> Tensor:
    """
    Returns `fastgrad.rand` numbers with the shape of ``input``.
    
    Args:
        input (Tensor): the tensor whose shape (and, by default, dtype) the result takes.
        dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``input.dtype``.
        requires_grad (bool): whether autograd records operations on the result. Default: ``False``.
        generator (fastgrad.Generator, optional): the random stream to draw from (the default one if omitted).
    
    Examples:
        >>> fastgrad.rand_like(fastgrad.zeros(2, 3)).shape
        torch.Size([2, 3])
    """
def randint(*args, **kwargs) -> Tensor:
    """
    Returns a tensor of integers drawn uniformly from ``[low, high)``; called as ``randint(high, size)`` or ``randint(low, high, size)``.
    
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
        tensor([4, 9, 3, 0, 3])
    """
def randint_like(*args, **kwargs) -> Tensor:
    """
    Returns a tensor with the shape of ``input`` filled with integers drawn uniformly from ``[low, high)``;
    called as ``randint_like(input, high)`` or ``randint_like(input, low, high)``.
    
    Args:
        input (Tensor): the tensor whose shape (and, by default, dtype) the result takes.
        low (int, optional): the lowest value. Default: 0.
        high (int): one above the highest value.
        dtype (fastgrad.dtype, optional): Default: ``input.dtype``.
        generator (fastgrad.Generator, optional): the random stream.
    
    Examples:
        >>> fastgrad.randint_like(fastgrad.zeros(2, 3), 10).shape
        torch.Size([2, 3])
    """
def randn(*args, **kwargs) -> Tensor:
    """
    Returns a tensor of numbers drawn from the standard normal distribution.
    
    Args:
        *size (int...): the shape of the result, as integers or one tuple/list.
        generator (fastgrad.Generator, optional): the random stream to draw from (the default one if omitted).
        dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``fastgrad.float32`` (``int64`` for integer-only results).
        requires_grad (bool): whether autograd records operations on the result. Default: ``False``.
    
    Examples:
        >>> _ = fastgrad.manual_seed(0)
        >>> fastgrad.randn(2, 2)
        tensor([[ 1.5410, -0.2934],
                [-2.1788,  0.5684]])
    """
def randn_like(input: Tensor, *, generator: typing.Any = None, dtype: typing.Any = None, device: typing.Any = None, requires_grad: bool = False, pin_memory: typing.Any = None) -> Tensor:
    """
    Returns `fastgrad.randn` numbers with the shape of ``input``.
    
    Args:
        input (Tensor): the tensor whose shape (and, by default, dtype) the result takes.
        dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``input.dtype``.
        requires_grad (bool): whether autograd records operations on the result. Default: ``False``.
        generator (fastgrad.Generator, optional): the random stream to draw from (the default one if omitted).
    
    Examples:
        >>> fastgrad.randn_like(fastgrad.zeros(2, 3)).shape
        torch.Size([2, 3])
    """
def randperm(n: typing.SupportsInt | typing.SupportsIndex, *, generator: typing.Any = None, dtype: typing.Any = None, device: typing.Any = None, requires_grad: bool = False, pin_memory: typing.Any = None) -> Tensor:
    """
    Returns a random permutation of the integers ``0 .. n - 1``.
    
    Args:
        n (int): the number of integers.
        generator (fastgrad.Generator, optional): the random stream to draw from (the default one if omitted).
        dtype (fastgrad.dtype, optional): Default: ``fastgrad.int64``.
    
    Examples:
        >>> _ = fastgrad.manual_seed(0)
        >>> fastgrad.randperm(5)
        tensor([4, 0, 1, 3, 2])
    """
def ravel(input: Tensor) -> Tensor:
    """
    The elements as a contiguous 1-d tensor.
    """
def reciprocal(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the reciprocal, ``1 / x``, of the elements of ``input``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([0.5, 1.0, 4.0])
        >>> fastgrad.reciprocal(a)
        tensor([2.0000, 1.0000, 0.2500])
    """
def relu(input: Tensor) -> Tensor:
    """
    Applies the rectified linear unit ``max(x, 0)`` to the elements of ``input`` (NaN stays NaN).
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
        >>> fastgrad.relu(a)
        tensor([0.0000, 0.0000, 0.5000, 2.0000])
    """
def relu_(input: Tensor) -> Tensor:
    """
    In-place `relu`: zeroes the negative elements of ``input`` and returns it.
    """
def remainder(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Computes Python's modulus: the remainder has the sign of the divisor (``input - floor(input / other) * other``).
    
    Args:
        input (Tensor or Number): the dividend.
        other (Tensor or Number): the divisor.
    
    Examples:
        >>> fastgrad.remainder(fastgrad.tensor([-3, -2, 2, 3]), 2)
        tensor([1, 0, 0, 1])
    """
def renorm(input: Tensor, p: typing.SupportsFloat | typing.SupportsIndex, dim: typing.SupportsInt | typing.SupportsIndex, maxnorm: typing.SupportsFloat | typing.SupportsIndex) -> Tensor:
    """
    Each slice along ``dim`` whose ``p``-norm exceeds ``maxnorm`` scaled down to norm ``maxnorm``.
    """
def repeat_interleave(input: Tensor, repeats: typing.Any, dim: typing.Any = None) -> Tensor:
    """
    Repeats each element (or slice along ``dim``) ``repeats`` times in place: an int or one count per element.
    """
def reshape(input: Tensor, shape: typing.Any) -> Tensor:
    """
    Returns a tensor with ``input``'s data in the given shape: a view when the strides allow it, a copy otherwise. One dimension may be -1 (inferred).
    
    Args:
        input (Tensor): the input tensor.
        shape (tuple of ints): the new shape.
    
    Examples:
        >>> fastgrad.reshape(fastgrad.arange(6), (2, -1))
        tensor([[0, 1, 2],
                [3, 4, 5]])
    """
def result_type(tensor1: typing.Any, tensor2: typing.Any) -> typing.Any:
    """
    The dtype an arithmetic op on ``tensor1`` and ``tensor2`` returns, by torch's promotion
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
def roll(input: Tensor, shifts: typing.Any, dims: typing.Any = None) -> Tensor:
    """
    Rotates ``input`` by ``shifts`` along ``dims`` (along the flattened tensor without dims).
    """
def rot90(input: Tensor, k: typing.SupportsInt | typing.SupportsIndex = 1, dims: typing.Any = (0, 1)) -> Tensor:
    """
    Rotates by 90 degrees ``k`` times in the plane of ``dims`` (from the first towards the second).
    """
def round(input: Tensor, *, decimals: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
    """
    Rounds the elements of ``input`` to the nearest integer, halves to even (as torch and numpy do), or to ``decimals`` decimal places.
    
    Args:
        input (Tensor): the input tensor.
        decimals (int): the number of decimal places. Default: 0.
    
    Examples:
        >>> fastgrad.round(fastgrad.tensor([0.5, 1.5, 2.5, -0.7]))
        tensor([ 0.,  2.,  2., -1.])
        >>> fastgrad.round(fastgrad.tensor([1.234, 5.678]), decimals=1)
        tensor([1.2000, 5.7000])
    """
def row_stack(tensors: typing.Any) -> Tensor:
    """
    Alias of `fastgrad.vstack`.
    """
def rsqrt(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the reciprocal of the square root of the elements of ``input``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([0.25, 1.0, 4.0])
        >>> fastgrad.rsqrt(a)
        tensor([2.0000, 1.0000, 0.5000])
    """
def rsub(input: Tensor, other: typing.Any, *, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
    """
    ``other - alpha * input``.
    """
def scatter(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, src: typing.Any = None, value: typing.Any = None, *, reduce: typing.Any = None) -> Tensor:
    """
    Returns a copy of ``input`` with ``src`` (or the number ``value``) written at ``index`` along ``dim``:
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
        tensor([0., 0., 5.])
    """
def scatter_add(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, src: Tensor) -> Tensor:
    """
    Returns a copy of ``input`` to which ``src`` was added at ``index`` along ``dim`` (the reverse of `fastgrad.gather`; repeated indices accumulate).
    
    Args:
        input (Tensor): the input tensor.
        dim (int): the axis to scatter along.
        index (Tensor): int64 indices, shaped like ``src``.
        src (Tensor): the values to add.
    
    Examples:
        >>> fastgrad.scatter_add(fastgrad.zeros(3), 0, fastgrad.tensor([0, 2, 0]), fastgrad.tensor([1.0, 2.0, 3.0]))
        tensor([4., 0., 2.])
    """
def scatter_reduce(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, src: Tensor, reduce: str, *, include_self: bool = True) -> Tensor:
    """
    Returns a copy of ``input`` where the values of ``src`` are reduced into the slots ``index`` names
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
        tensor([6., 2., 3.])
    """
def searchsorted(sorted_sequence: Tensor, input: typing.Any, *, out_int32: bool = False, right: bool = False, side: str | None = None, sorter: typing.Any = None) -> Tensor:
    """
    For each value of ``input``, the index in the innermost dim of ``sorted_sequence`` where it would be inserted to keep it sorted: the first such index, or the last with ``right=True`` / ``side='right'``. ``sorter`` holds the indices that sort an unsorted sequence; a sequence with more than one dim has the values' leading dims. ``out_int32=True`` raises (fastgrad has no int32 yet).
    
    Examples:
        >>> fastgrad.searchsorted(fastgrad.tensor([1.0, 3.0, 5.0]), fastgrad.tensor([3.0, 4.0]))
        tensor([1, 2])
    """
def select(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, index: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    """
    Returns the view ``input[..., index, ...]`` with ``index`` taken on dimension ``dim`` (which is removed).
    
    Args:
        input (Tensor): the input tensor.
        dim (int): the dimension to index.
        index (int): the index to take.
    
    Examples:
        >>> fastgrad.select(fastgrad.tensor([[1, 2], [3, 4]]), 1, 0)
        tensor([1, 3])
    """
def selu(input: Tensor) -> Tensor:
    """
    Applies SELU element-wise: ``scale * (max(0, x) + min(0, alpha * (exp(x) - 1)))`` with torch's constants alpha = 1.6732632423543772 and scale = 1.0507009873554805.
    """
def selu_(input: Tensor) -> Tensor:
    """
    In-place `selu`: writes ``selu(input)`` into ``input`` and returns it.
    """
def set_default_dtype(d: typing.Any) -> None:
    """
    Sets the default floating dtype (float32, float64, float16 or bfloat16); an integer
    dtype raises TypeError, as in torch.
    
    Args:
        d (fastgrad.dtype): the new default.
    
    Examples:
        >>> fastgrad.set_default_dtype(fastgrad.float64)
        >>> fastgrad.tensor([1.5]).dtype
        torch.float64
        >>> fastgrad.set_default_dtype(fastgrad.float32)
    """
def set_num_threads(n: typing.SupportsInt | typing.SupportsIndex) -> None:
    """
    Sets the threads kernels may use.
    
    Sets the number of threads fastgrad's kernels may use. Small tensors always run on the calling thread.
    
    Args:
        n (int): the number of threads, at least 1.
    
    Examples:
        >>> n = fastgrad.get_num_threads()
        >>> fastgrad.set_num_threads(1)
        >>> fastgrad.set_num_threads(n)
    """
def sgn(input: Tensor) -> Tensor:
    """
    The sign of each element (for real tensors, `fastgrad.sign`).
    """
def sigmoid(input: Tensor) -> Tensor:
    """
    Applies the logistic sigmoid ``1 / (1 + exp(-x))`` to the elements of ``input``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
        >>> fastgrad.sigmoid(a)
        tensor([0.1824, 0.5000, 0.6225, 0.8808])
    """
def sign(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the sign (-1, 0 or 1) of the elements of ``input``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
        >>> fastgrad.sign(a)
        tensor([-1.,  0.,  1.,  1.])
    """
def signbit(input: Tensor) -> Tensor:
    """
    Whether each element's sign bit is set (True for -0.0), as a bool tensor.
    """
def silu(input: Tensor) -> Tensor:
    """
    Applies SiLU (swish) element-wise: ``x * sigmoid(x)``.
    """
def sin(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the sine (in radians) of the elements of ``input``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
        >>> fastgrad.sin(a)
        tensor([-0.9975,  0.0000,  0.4794,  0.9093])
    """
def sinc(input: Tensor) -> Tensor:
    """
    The normalised sinc, ``sin(pi x) / (pi x)``, 1 at 0.
    """
def sinh(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the hyperbolic sine of the elements of ``input``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-1.0, 0.0, 0.5])
        >>> fastgrad.sinh(a)
        tensor([-1.1752,  0.0000,  0.5211])
    """
def softmax(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, dtype: typing.Any = None) -> Tensor:
    """
    Applies softmax along ``dim``: ``exp(x_i) / sum_j exp(x_j)``, computed max-shifted so large inputs do not overflow. The slices along ``dim`` sum to 1.
    
    Args:
        input (Tensor): the input tensor.
        dim (int): the dimension softmax normalises over.
        dtype (fastgrad.dtype, optional): the dtype the input is cast to before the operation.
    
    Examples:
        >>> fastgrad.softmax(fastgrad.tensor([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]]), dim=1)
        tensor([[0.0900, 0.2447, 0.6652],
                [0.3333, 0.3333, 0.3333]])
    """
def softplus(input: Tensor, beta: typing.SupportsFloat | typing.SupportsIndex = 1.0, threshold: typing.SupportsFloat | typing.SupportsIndex = 20.0) -> Tensor:
    """
    Applies ``1 / beta * log(1 + exp(beta * x))`` element-wise; where ``beta * x > threshold`` the result is ``x`` (for numerical stability).
    
    Args:
        input (Tensor): the input tensor.
        beta (float): Default: 1.
        threshold (float): Default: 20.
    
    Examples:
        >>> fastgrad.softplus(fastgrad.tensor([-1.0, 0.0, 1.0]))
        tensor([0.3133, 0.6931, 1.3133])
    """
def softshrink(input: Tensor, lambd: typing.SupportsFloat | typing.SupportsIndex = 0.5) -> Tensor:
    """
    Shrinks every element towards zero by ``lambd``: ``x - lambd`` above it, ``x + lambd`` below ``-lambd``, else 0.
    
    Args:
        input (Tensor): a floating-point tensor.
        lambd (float): non-negative. Default: ``0.5``.
    """
def softsign(input: Tensor) -> Tensor:
    """
    Applies ``x / (1 + |x|)`` element-wise.
    """
def sort(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex = -1, descending: bool = False, *, stable: bool = False) -> typing.Any:
    """
    Sorts along ``dim`` (stably; NaN after every number ascending, before descending) and returns ``(values, indices)``.
    """
def split(input: Tensor, split_size_or_sections: typing.Any, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> tuple:
    """
    Splits ``input`` into views along ``dim``: pieces of ``split_size_or_sections`` elements (the last may be smaller), or pieces of the listed sizes.
    
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
        (tensor([0]), tensor([1, 2, 3, 4]))
    """
def split_with_sizes(input: Tensor, split_sizes: typing.Any, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> tuple:
    """
    Splits along ``dim`` into pieces of the given sizes (views); the sizes must sum to the dim.
    """
def sqrt(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the square root of the elements of ``input``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([0.0, 1.0, 4.0, 2.0])
        >>> fastgrad.sqrt(a)
        tensor([0.0000, 1.0000, 2.0000, 1.4142])
    """
def square(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the square of the elements of ``input``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
        >>> fastgrad.square(a)
        tensor([2.2500, 0.0000, 0.2500, 4.0000])
    """
def squeeze(input: Tensor, dim: typing.Any = None) -> Tensor:
    """
    Returns a view of ``input`` without its dimensions of size 1 (only ``dim`` when given).
    
    Args:
        input (Tensor): the input tensor.
        dim (int or tuple of ints, optional): the dimension(s) to remove if their size is 1.
    
    Examples:
        >>> x = fastgrad.zeros(2, 1, 3, 1)
        >>> fastgrad.squeeze(x).shape
        torch.Size([2, 3])
        >>> fastgrad.squeeze(x, 1).shape
        torch.Size([2, 3, 1])
    """
def stack(tensors: collections.abc.Sequence[Tensor], dim: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
    """
    Joins tensors of the same shape along a new dimension ``dim``.
    
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
                [2, 2]])
    """
def std(input: Tensor, dim: typing.Any = None, unbiased: typing.Any = None, keepdim: bool = False, *, correction: typing.Any = None, keepdims: typing.Any = None) -> Tensor:
    """
    Returns the standard deviation of ``input``: over all elements, or over ``dim`` (the reduced dimensions are removed unless ``keepdim``).
    
    Args:
        input (Tensor): the input tensor.
        dim (int or tuple of ints, optional): the dimension(s) to reduce; all of them when omitted.
        keepdim (bool): whether the output keeps the reduced dimension(s) with size 1. Default: ``False``.
        unbiased (bool, optional): ``True`` divides by ``N - 1`` (Bessel's correction), ``False`` by ``N``.
        correction (int, optional): divide by ``N - correction``. Default: 1.
    
    Examples:
        >>> fastgrad.std(fastgrad.tensor([1.0, 2.0, 3.0, 4.0]))
        tensor(1.2910)
    """
def std_mean(input: Tensor, dim: typing.Any = None, unbiased: typing.Any = None, keepdim: bool = False, *, correction: typing.Any = None) -> tuple[Tensor, Tensor]:
    """
    ``(std, mean)`` of ``input`` over ``dim``, with std's ``correction``.
    """
def sub(input: Tensor, other: typing.Any, *, alpha: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> Tensor:
    """
    Subtracts ``other``, scaled by ``alpha``, from ``input``: ``out = input - alpha * other``.
    
    Args:
        input (Tensor): the input tensor.
        other (Tensor or Number): the second operand; broadcast against ``input``.
        alpha (Number): the multiplier for ``other``. Default: 1.
    
    Examples:
        >>> fastgrad.sub(fastgrad.tensor([5.0, 7.0]), fastgrad.tensor([1.0, 2.0]), alpha=2)
        tensor([3., 3.])
    """
def sum(input: Tensor, dim: typing.Any = None, keepdim: bool = False, *, dtype: typing.Any = None, keepdims: typing.Any = None) -> Tensor:
    """
    Returns the sum of ``input``: over all elements, or over ``dim`` (the reduced dimensions are removed unless ``keepdim``).
    
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
                [7.]])
    """
def swapaxes(input: Tensor, axis0: typing.SupportsInt | typing.SupportsIndex, axis1: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    """
    Alias of `fastgrad.transpose` (numpy's name).
    
    Args:
        input (Tensor): the input tensor.
        axis0 (int): the first dimension.
        axis1 (int): the second dimension.
    
    Examples:
        >>> fastgrad.swapaxes(fastgrad.zeros(2, 3), 0, 1).shape
        torch.Size([3, 2])
    """
def t(input: Tensor) -> Tensor:
    """
    Transposes a tensor of at most 2 dimensions (a 0-D or 1-D tensor is returned as is).
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> fastgrad.t(fastgrad.tensor([[1, 2, 3]]))
        tensor([[1],
                [2],
                [3]])
    """
def take(input: Tensor, index: Tensor) -> Tensor:
    """
    The elements at the given flat indices (negative from the end), shaped like ``index``.
    """
def take_along_dim(input: Tensor, indices: Tensor, dim: typing.Any = None) -> Tensor:
    """
    Picks values of ``input`` at ``indices`` along ``dim`` (of the flattened tensor without one); other dims broadcast.
    """
def tan(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the tangent (in radians) of the elements of ``input``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-1.0, 0.0, 0.5])
        >>> fastgrad.tan(a)
        tensor([-1.5574,  0.0000,  0.5463])
    """
def tanh(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the hyperbolic tangent of the elements of ``input``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
        >>> fastgrad.tanh(a)
        tensor([-0.9051,  0.0000,  0.4621,  0.9640])
    """
def tanhshrink(input: Tensor) -> Tensor:
    """
    Applies ``x - tanh(x)`` element-wise.
    """
def tensor_split(input: Tensor, indices_or_sections: typing.Any, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> tuple:
    """
    Splits into ``sections`` nearly equal pieces, or at the given indices, along ``dim`` (views).
    """
def tensordot(a: Tensor, b: Tensor, dims: typing.Any = 2) -> Tensor:
    """
    Contracts ``a``'s and ``b``'s ``dims`` (an int: ``a``'s last n with ``b``'s first n; or two lists).
    """
def threshold(input: Tensor, threshold: typing.SupportsFloat | typing.SupportsIndex, value: typing.SupportsFloat | typing.SupportsIndex) -> Tensor:
    """
    Replaces every element ``<= threshold`` by ``value``.
    
    Args:
        input (Tensor): the input.
        threshold (float): the cut-off.
        value (float): what replaces the elements at or below it.
    """
def threshold_(input: Tensor, threshold: typing.SupportsFloat | typing.SupportsIndex, value: typing.SupportsFloat | typing.SupportsIndex) -> Tensor:
    """
    In-place `threshold`: replaces the elements ``<= threshold`` of ``input`` by ``value``.
    """
def tile(input: Tensor, dims: typing.Any) -> Tensor:
    """
    Repeats ``input`` ``dims[i]`` times along dim ``i``; missing leading reps count as 1.
    """
def topk(input: Tensor, k: typing.SupportsInt | typing.SupportsIndex, dim: typing.SupportsInt | typing.SupportsIndex = -1, largest: bool = True, sorted: bool = True) -> typing.Any:
    """
    The ``k`` largest (or smallest) elements along ``dim`` and their indices, sorted.
    """
def trace(input: Tensor) -> Tensor:
    """
    The sum of a matrix's main diagonal.
    """
def transpose(input: Tensor, dim0: typing.SupportsInt | typing.SupportsIndex, dim1: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    """
    Returns a view of ``input`` with dimensions ``dim0`` and ``dim1`` swapped.
    
    Args:
        input (Tensor): the input tensor.
        dim0 (int): the first dimension.
        dim1 (int): the second dimension.
    
    Examples:
        >>> fastgrad.transpose(fastgrad.tensor([[1, 2, 3]]), 0, 1)
        tensor([[1],
                [2],
                [3]])
    """
def trapezoid(y: Tensor, x: typing.Any = None, *, dx: typing.Any = None, dim: typing.SupportsInt | typing.SupportsIndex = -1) -> Tensor:
    """
    The trapezoid-rule integral of ``y`` along ``dim``, with sample points ``x`` or spacing ``dx``.
    """
def trapz(y: Tensor, x: typing.Any = None, *, dx: typing.Any = None, dim: typing.SupportsInt | typing.SupportsIndex = -1) -> Tensor:
    """
    Alias of `fastgrad.trapezoid`.
    """
def tril(input: Tensor, diagonal: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
    """
    Returns the lower triangle of a matrix (or batch of matrices); the rest is set to 0.
    
    Args:
        input (Tensor): the input tensor.
        diagonal (int): which diagonal is the boundary: 0 the main one, positive above, negative below. Default: 0.
    
    Examples:
        >>> fastgrad.tril(fastgrad.ones(3, 3))
        tensor([[1., 0., 0.],
                [1., 1., 0.],
                [1., 1., 1.]])
    """
def tril_indices(row: typing.SupportsInt | typing.SupportsIndex, col: typing.SupportsInt | typing.SupportsIndex, offset: typing.SupportsInt | typing.SupportsIndex = 0, *, dtype: typing.Any = None, device: typing.Any = None, layout: typing.Any = None) -> Tensor:
    """
    The ``(2, n)`` row and column indices of the lower triangle (below diagonal ``offset``) of a ``row x col`` matrix.
    """
def triu(input: Tensor, diagonal: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
    """
    Returns the upper triangle of a matrix (or batch of matrices); the rest is set to 0.
    
    Args:
        input (Tensor): the input tensor.
        diagonal (int): which diagonal is the boundary: 0 the main one, positive above, negative below. Default: 0.
    
    Examples:
        >>> fastgrad.triu(fastgrad.ones(3, 3), diagonal=1)
        tensor([[0., 1., 1.],
                [0., 0., 1.],
                [0., 0., 0.]])
    """
def triu_indices(row: typing.SupportsInt | typing.SupportsIndex, col: typing.SupportsInt | typing.SupportsIndex, offset: typing.SupportsInt | typing.SupportsIndex = 0, *, dtype: typing.Any = None, device: typing.Any = None, layout: typing.Any = None) -> Tensor:
    """
    The ``(2, n)`` row and column indices of the upper triangle (from diagonal ``offset``) of a ``row x col`` matrix.
    """
def true_divide(input: Tensor, other: typing.Any) -> Tensor:
    """
    Alias of `fastgrad.div` with ``rounding_mode=None``.
    
    Args:
        input (Tensor): the input tensor.
        other (Tensor or Number): the divisor.
    
    Examples:
        >>> fastgrad.true_divide(fastgrad.tensor([1, 3]), 2)
        tensor([0.5000, 1.5000])
    """
def trunc(input: Tensor) -> Tensor:
    """
    Returns a new tensor with the integer part (rounded towards zero) of the elements of ``input``.
    
    Args:
        input (Tensor): the input tensor.
    
    Examples:
        >>> a = fastgrad.tensor([-1.5, 0.0, 0.5, 2.0])
        >>> fastgrad.trunc(a)
        tensor([-1.,  0.,  0.,  2.])
    """
def unbind(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> tuple:
    """
    The slices of ``input`` along ``dim``, as a tuple of views (one dim fewer each).
    
    Args:
        input (Tensor): the input.
        dim (int): Default: ``0``.
    """
def unflatten(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, sizes: typing.Any) -> Tensor:
    """
    Expands dim ``dim`` into ``sizes`` (one may be -1).
    """
def unique(input: Tensor, sorted: bool = True, return_inverse: bool = False, return_counts: bool = False, dim: typing.Any = None) -> typing.Any:
    """
    The sorted distinct elements of ``input`` (with ``dim``: the distinct slices along ``dim``, in lexicographic order); with ``return_inverse`` each element's (slice's) index into them, with ``return_counts`` how often each occurs.
    """
def unique_consecutive(input: Tensor, return_inverse: bool = False, return_counts: bool = False, dim: typing.Any = None) -> typing.Any:
    """
    The elements with consecutive repeats collapsed; with ``return_inverse`` each element's index into them, with ``return_counts`` the run lengths.
    """
def unsqueeze(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    """
    Returns a view of ``input`` with a dimension of size 1 inserted at ``dim``.
    
    Args:
        input (Tensor): the input tensor.
        dim (int): where to insert it, in ``[-input.dim() - 1, input.dim()]``.
    
    Examples:
        >>> fastgrad.unsqueeze(fastgrad.tensor([1, 2, 3]), 0)
        tensor([[1, 2, 3]])
    """
def vander(x: Tensor, N: typing.Any = None, increasing: bool = False) -> Tensor:
    """
    The Vandermonde matrix of a 1-d ``x``: columns ``x**(N-1) ... x**0`` (increasing powers with ``increasing=True``).
    """
def var(input: Tensor, dim: typing.Any = None, unbiased: typing.Any = None, keepdim: bool = False, *, correction: typing.Any = None, keepdims: typing.Any = None) -> Tensor:
    """
    Returns the variance of ``input``: over all elements, or over ``dim`` (the reduced dimensions are removed unless ``keepdim``).
    
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
        tensor(1.2500)
    """
def var_mean(input: Tensor, dim: typing.Any = None, unbiased: typing.Any = None, keepdim: bool = False, *, correction: typing.Any = None) -> tuple[Tensor, Tensor]:
    """
    ``(var, mean)`` of ``input`` over ``dim``, with var's ``correction``.
    """
def vsplit(input: Tensor, indices_or_sections: typing.Any) -> tuple:
    """
    `fastgrad.tensor_split` along dim 0 of a tensor with at least 2 dims; an int must divide the size.
    """
def vstack(tensors: typing.Any) -> Tensor:
    """
    Joins the tensors vertically (as rows, after making them at least 2-d).
    """
def where(condition: Tensor, input: typing.Any, other: typing.Any) -> Tensor:
    """
    Returns elements chosen from ``input`` where ``condition`` is ``True`` and from ``other`` elsewhere; the three broadcast together.
    
    Args:
        condition (Tensor): a bool tensor.
        input (Tensor or Number): values where ``condition``.
        other (Tensor or Number): values elsewhere.
    
    Examples:
        >>> x = fastgrad.tensor([-1.0, 2.0, -3.0])
        >>> fastgrad.where(x > 0, x, 0.0)
        tensor([0., 2., 0.])
    """
def xlogy(input: typing.Any, other: typing.Any) -> Tensor:
    """
    ``input * log(other)``, 0 where ``input`` is 0 (unless ``other`` is NaN); either may be a number.
    """
def zeros(*args, **kwargs) -> Tensor:
    """
    Returns a tensor filled with 0, of the given shape.
    
    Args:
        *size (int...): the shape of the result, as integers or one tuple/list.
        dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``fastgrad.float32`` (``int64`` for integer-only results).
        requires_grad (bool): whether autograd records operations on the result. Default: ``False``.
    
    Examples:
        >>> fastgrad.zeros(2, 3)
        tensor([[0., 0., 0.],
                [0., 0., 0.]])
        >>> fastgrad.zeros((2,), dtype=fastgrad.int64)
        tensor([0, 0])
    """
def zeros_like(input: Tensor, *, dtype: typing.Any = None, device: typing.Any = None, requires_grad: bool = False, pin_memory: typing.Any = None) -> Tensor:
    """
    Returns a tensor filled with 0, with the shape of ``input``.
    
    Args:
        input (Tensor): the tensor whose shape (and, by default, dtype) the result takes.
        dtype (fastgrad.dtype, optional): the dtype of the result. Default: ``input.dtype``.
        requires_grad (bool): whether autograd records operations on the result. Default: ``False``.
    
    Examples:
        >>> fastgrad.zeros_like(fastgrad.tensor([[1, 2, 3]]))
        tensor([[0, 0, 0]])
    """
_build_info: dict = {'compiler': 'gcc-compatible 12.2.0', 'cxx_standard': 201703, 'openmp': 201511, 'build_type': 'release (-O3, no -march: ISA kernels chosen at run time)', 'sanitizers': 'none', 'omp_max_threads': 2}
_docstring_orphans: list = list()
default_generator: Generator
