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
    _target = False


class enable_grad(_NoParamDecorator):
    _target = True


class set_grad_enabled(_GradModeContext):
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
    def __init__(self, mode=True):
        self._target = not mode

    def __call__(self, fn):
        mode = self._target

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with set_grad_enabled(mode):
                return fn(*args, **kwargs)

        return wrapper
