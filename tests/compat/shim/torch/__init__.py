"""A stand-in `torch` package for the compatibility suite: `import torch` (and `import torch.nn as nn`,
`from torch.utils.data import DataLoader`, ...) gives fastgrad's modules, so a script written for torch
runs unchanged on fastgrad. Only the suite puts this directory on sys.path."""
import importlib
import importlib.abc
import importlib.util
import sys

import fastgrad


class _AliasLoader(importlib.abc.Loader):
    def __init__(self, module):
        self._module = module

    def create_module(self, spec):
        return self._module

    def exec_module(self, module):
        pass


class _TorchToFastgrad(importlib.abc.MetaPathFinder):
    """Resolves torch.X.Y to the already imported or importable fastgrad.X.Y (one module object for
    both names, so classes and state are never duplicated). A name fastgrad lacks fails as a
    ModuleNotFoundError naming the torch module, as a missing feature should."""

    def find_spec(self, fullname, path=None, target=None):
        if not fullname.startswith("torch."):
            return None
        target_name = "fastgrad." + fullname[len("torch."):]
        try:
            module = importlib.import_module(target_name)
        except ModuleNotFoundError:
            return None
        return importlib.util.spec_from_loader(fullname, _AliasLoader(module))


sys.meta_path.insert(0, _TorchToFastgrad())
sys.modules[__name__] = fastgrad
