"""The globals a user allows ``fastgrad.load`` to build, on top of the built-in allowlist (as torch's
``torch.serialization.add_safe_globals``). Only the user's own opt-in ever lets the loader call code."""
_user_globals = set()


def _key(entry):
    if isinstance(entry, tuple):
        if len(entry) != 2 or not isinstance(entry[1], str):
            raise TypeError(f"a safe global is an object or an (object, 'module.name') pair, got {entry!r}")
        return entry[1], entry[0]
    module, name = getattr(entry, "__module__", None), getattr(entry, "__qualname__", None)
    if not isinstance(module, str) or not isinstance(name, str):
        raise TypeError(f"{entry!r} has no __module__/__qualname__; pass it as (object, 'module.name')")
    return f"{module}.{name}", entry


def add_safe_globals(safe_globals):
    """Marks the given classes and functions as safe for ``fastgrad.load(weights_only=True)``.

    Args:
        safe_globals (list): objects, or ``(object, "module.name")`` pairs when the object is saved
            under another name.

    Example::

        >>> fastgrad.serialization.add_safe_globals([MyConfig])
    """
    for entry in safe_globals:
        _key(entry)
    _user_globals.update(safe_globals)


def get_safe_globals():
    """Returns the list of objects added with :func:`add_safe_globals`."""
    return list(_user_globals)


def clear_safe_globals():
    """Forgets every object added with :func:`add_safe_globals`."""
    _user_globals.clear()


def remove_safe_globals(globals_to_remove):
    """Removes the given objects from the user's safe globals."""
    _user_globals.difference_update(globals_to_remove)


class safe_globals:
    """Context manager that adds ``safe_globals`` for the duration of the block.

    Example::

        >>> with fastgrad.serialization.safe_globals([MyConfig]):
        ...     ckpt = fastgrad.load("ckpt.pt")
    """

    def __init__(self, safe_globals):
        self.safe_globals = list(safe_globals)
        for entry in self.safe_globals:
            _key(entry)

    def __enter__(self):
        self._before = set(_user_globals)
        _user_globals.update(self.safe_globals)

    def __exit__(self, *exc):
        _user_globals.clear()
        _user_globals.update(self._before)


def user_allowed():
    """'module.name' -> object for every user-allowed global."""
    return dict(_key(entry) for entry in _user_globals)
