"""no_grad, enable_grad and set_grad_enabled: thread-local (the flag lives in C++ per thread),
usable as context managers and as decorators, as in torch."""
import functools

from . import _C


class _GradModeContext:
    _target = None

    def __enter__(self):
        self._prev = _C.is_grad_enabled()
        _C._set_grad_enabled(self._target)
        return self

    def __exit__(self, *exc):
        _C._set_grad_enabled(self._prev)
        return False

    def __call__(self, fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with self.__class__():
                return fn(*args, **kwargs)

        return wrapper


class _NoParamDecorator(_GradModeContext):
    """Usable as `@no_grad()` and, as in torch 2, bare `@no_grad`."""

    def __new__(cls, orig_func=None):
        if orig_func is None:
            return super().__new__(cls)
        return cls()(orig_func)


class no_grad(_NoParamDecorator):
    """Context manager (and decorator) that turns autograd off in this thread: operations inside it are
    not recorded and their results do not require grad. Use it for evaluation and for updates done by hand.

    Examples:
        >>> x = fastgrad.ones(2, requires_grad=True)
        >>> with fastgrad.no_grad():
        ...     y = x * 2
        >>> y.requires_grad
        False
        >>> @fastgrad.no_grad()
        ... def double(t):
        ...     return t * 2
        >>> double(x).requires_grad
        False
    """

    _target = False


class enable_grad(_NoParamDecorator):
    """Context manager (and decorator) that turns autograd back on inside a `no_grad` block.

    Examples:
        >>> x = fastgrad.ones(2, requires_grad=True)
        >>> with fastgrad.no_grad():
        ...     with fastgrad.enable_grad():
        ...         y = x * 2
        >>> y.requires_grad
        True
    """

    _target = True


class set_grad_enabled(_GradModeContext):
    """Turns autograd on or off in this thread: as a context manager, a decorator, or a plain call
    (which takes effect at once, as in torch).

    Args:
        mode (bool): ``True`` to record operations, ``False`` not to.

    Examples:
        >>> x = fastgrad.ones(2, requires_grad=True)
        >>> with fastgrad.set_grad_enabled(False):
        ...     y = x * 2
        >>> y.requires_grad
        False
        >>> _ = fastgrad.set_grad_enabled(False)
        >>> fastgrad.is_grad_enabled()
        False
        >>> _ = fastgrad.set_grad_enabled(True)
    """

    def __init__(self, mode):
        self._target = bool(mode)
        # torch's set_grad_enabled takes effect at construction, so it also works as a plain call
        self._prev = _C.is_grad_enabled()
        _C._set_grad_enabled(self._target)

    def __enter__(self):
        return self

    def __call__(self, fn):
        mode = self._target
        _C._set_grad_enabled(self._prev)

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with set_grad_enabled(mode):
                return fn(*args, **kwargs)

        return wrapper


class inference_mode(_GradModeContext):
    """Context manager (and decorator) for inference. In fastgrad it is `no_grad`: tensors created
    inside do not require grad (fastgrad has no separate inference-tensor kind).

    Args:
        mode (bool): ``True`` to disable autograd inside the block, ``False`` to leave it as it is. Default: ``True``.

    Examples:
        >>> x = fastgrad.ones(2, requires_grad=True)
        >>> with fastgrad.inference_mode():
        ...     y = x * 2
        >>> y.requires_grad
        False
    """

    def __init__(self, mode=True):
        self._target = not mode

    def __call__(self, fn):
        mode = self._target

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with set_grad_enabled(mode):
                return fn(*args, **kwargs)

        return wrapper
