"""``fastgrad.load(..., weights_only=False)``: Python's own unpickler, which runs whatever code the file
names. This is the only place in fastgrad that hands a file to it, and only on that explicit opt-in.

Class paths torch writes resolve to fastgrad's equivalents: ``torch.nn.modules.linear.Linear`` to
``fastgrad.nn.Linear``, ``torch._utils._rebuild_tensor_v2`` to fastgrad's tensor rebuild, and so on.
"""
import importlib
import io
import pickle

from . import _unpickler

_NAMESPACES = ("nn", "optim", "optim.lr_scheduler", "utils.data", "")


def torch_to_fastgrad(module, name):
    """The fastgrad object a torch class path names, or UnpicklingError naming the path."""
    full = f"{module}.{name}"
    allowed = _unpickler.builtin_allowlist().get(full)
    if allowed is not None:
        return allowed.fn if isinstance(allowed, _unpickler._Callable) else allowed
    if full == "torch.nn.parameter.Parameter":
        full = "torch.nn.Parameter"
    candidates = ["fastgrad" + module[len("torch"):]]
    parts = module.split(".")
    for ns in _NAMESPACES:  # torch.nn.modules.linear -> fastgrad.nn; torch.optim.adam -> fastgrad.optim
        prefix = ["torch"] + (ns.split(".") if ns else [])
        if parts[:len(prefix)] == prefix:
            candidates.append(".".join(["fastgrad"] + prefix[1:]))
    for candidate in candidates:
        try:
            value = getattr(importlib.import_module(candidate), name, None)
        except ImportError:
            continue
        if value is not None:
            return value
    raise pickle.UnpicklingError(f"{full} has no fastgrad equivalent")


def load(data, persistent_load, pickle_module, pickle_load_args, *, weights_only):
    """Unpickles ``data`` with Python's unpickler; only ever reached with ``weights_only=False``."""
    if weights_only is not False:
        raise RuntimeError("internal error: Python's unpickler is reserved for weights_only=False")
    module = pickle_module or pickle

    class TrustingUnpickler(module.Unpickler):
        def find_class(self, mod_name, name):
            if mod_name == "torch" or mod_name.startswith("torch."):
                return torch_to_fastgrad(mod_name, name)
            return super().find_class(mod_name, name)

        def persistent_load(self, pid):
            return persistent_load(pid)

    # Guarded above: weights_only=False, the caller asked for Python's unpickler and any code the file holds.
    return TrustingUnpickler(io.BytesIO(bytes(data)), **pickle_load_args).load()
