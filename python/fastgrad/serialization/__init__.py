"""fastgrad.save and fastgrad.load: torch's checkpoint files, read by a loader that cannot run code.

``save`` writes torch's zip format (``torch.load`` reads it) or, for paths ending in ``.safetensors``,
a safetensors file. ``load`` reads both; its default ``weights_only=True`` interprets the pickle inside
torch's files against an allowlist instead of unpickling it (see ``_unpickler``).
"""
from ._api import load, save
from ._safe_globals import (add_safe_globals, clear_safe_globals, get_safe_globals, remove_safe_globals,
                            safe_globals)

__all__ = ["save", "load", "add_safe_globals", "safe_globals", "get_safe_globals", "clear_safe_globals",
           "remove_safe_globals"]
