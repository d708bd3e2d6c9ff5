"""One handle per framework under test, so each workload is written once against torch's API.

Submodules are imported by name (`X.nn`, `X.optim`, `X.utils.data`) instead of trusting `X` to import them
eagerly; a missing one surfaces as the ImportError a user would see.
"""
import importlib


class Framework:
    def __init__(self, module_name):
        self.name = module_name
        self.mod = importlib.import_module(module_name)
        self.is_numpy = module_name == "numpy"

    def sub(self, dotted):
        return importlib.import_module(f"{self.name}.{dotted}")

    @property
    def nn(self):
        return self.sub("nn")

    @property
    def F(self):
        return self.sub("nn.functional")

    @property
    def optim(self):
        return self.sub("optim")

    @property
    def data(self):
        return self.sub("utils.data")

    def set_threads(self, n):
        setter = getattr(self.mod, "set_num_threads", None)
        if setter is not None:
            setter(n)

    def get_threads(self):
        getter = getattr(self.mod, "get_num_threads", None)
        return getter() if getter is not None else None

    def seed(self, s):
        if self.is_numpy:
            return
        self.mod.manual_seed(s)

    def from_numpy(self, a):
        return self.mod.from_numpy(a)

    def version(self):
        return getattr(self.mod, "__version__", None)
