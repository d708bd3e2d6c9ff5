"""Optimizer base: parameter groups, per-parameter state and torch's state_dict layout."""
from collections.abc import MutableMapping
from copy import deepcopy
from itertools import chain

import fastgrad as _fg


class _RequiredParameter:
    def __repr__(self):
        return "<required parameter>"


required = _RequiredParameter()


class _ParamState(MutableMapping):
    """optimizer.state: parameter -> its state dict, created empty on first access (torch's defaultdict).

    Keyed by object identity: tensors compare elementwise, so value hashing would be wrong, and
    identity is what torch uses. Non-tensor keys (state of params a loaded dict did not match) are kept
    as themselves.
    """

    def __init__(self):
        self._data = {}  # key -> (original key object, state)

    @staticmethod
    def _key(p):
        return p if isinstance(p, (int, str)) else ("id", id(p))

    def __getitem__(self, p):
        k = self._key(p)
        entry = self._data.get(k)
        if entry is None:
            entry = self._data[k] = (p, {})
        return entry[1]

    def __setitem__(self, p, value):
        self._data[self._key(p)] = (p, value)

    def __delitem__(self, p):
        del self._data[self._key(p)]

    def __contains__(self, p):
        return self._key(p) in self._data

    def __iter__(self):
        return (obj for obj, _ in self._data.values())

    def __len__(self):
        return len(self._data)

    def items(self):
        return list(self._data.values())

    def __repr__(self):
        return "{" + ", ".join(f"{type(k).__name__}@{id(k):#x}: {v!r}" for k, v in self._data.values()) + "}"


class Optimizer:
    """Base class of the optimizers, as ``torch.optim.Optimizer``: parameter groups (``param_groups``),
    per-parameter ``state``, ``zero_grad()``, ``step()``, ``add_param_group()`` and ``state_dict()`` /
    ``load_state_dict()`` in torch's layout, so a schedule or checkpoint code written for torch works.

    Args:
        params (iterable): tensors or dicts of parameter groups.
        defaults (dict): the default options of a group.
    """

    def __init__(self, params, defaults):
        self.defaults = defaults
        if isinstance(params, _fg.Tensor):
            raise TypeError("params argument given to the optimizer should be an iterable of Tensors or "
                            f"dicts, but got {type(params).__name__}")
        self.state = _ParamState()
        self.param_groups = []
        param_groups = list(params)
        if len(param_groups) == 0:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(param_groups[0], dict):
            param_groups = [{"params": param_groups}]
        for group in param_groups:
            self.add_param_group(group)

    def __getstate__(self):
        return {"defaults": self.defaults, "state": self.state, "param_groups": self.param_groups}

    def __setstate__(self, state):
        self.__dict__.update(state)

    def __repr__(self):
        s = self.__class__.__name__ + " ("
        for i, group in enumerate(self.param_groups):
            s += "\n"
            s += f"Parameter Group {i}\n"
            for key in sorted(group.keys()):
                if key != "params":
                    s += f"    {key}: {group[key]}\n"
        return s + ")"

    def add_param_group(self, param_group):
        if not isinstance(param_group, dict):
            raise TypeError(f"param_group must be a dict, but got {type(param_group).__name__}")
        params = param_group["params"]
        if isinstance(params, _fg.Tensor):
            param_group["params"] = [params]
        elif isinstance(params, set):
            raise TypeError("optimizer parameters need to be organized in ordered collections, but the "
                            "ordering of tensors in sets will change between runs. Please use a list instead.")
        else:
            param_group["params"] = list(params)
        for param in param_group["params"]:
            if not isinstance(param, _fg.Tensor):
                raise TypeError(f"optimizer can only optimize Tensors, but one of the params is {type(param).__name__}")
            if not param.is_leaf:
                raise ValueError("can't optimize a non-leaf Tensor")
        for name, default in self.defaults.items():
            if default is required and name not in param_group:
                raise ValueError(f"parameter group didn't specify a value of required optimization parameter {name}")
            param_group.setdefault(name, default)
        ids = [id(p) for p in param_group["params"]]
        if len(ids) != len(set(ids)):
            import warnings
            warnings.warn("optimizer contains a parameter group with duplicate parameters; in future, this "
                          "will cause an error", stacklevel=3)
        seen = {id(p) for group in self.param_groups for p in group["params"]}
        if seen & set(ids):
            raise ValueError("some parameters appear in more than one parameter group")
        self.param_groups.append(param_group)

    def zero_grad(self, set_to_none=True):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                if set_to_none:
                    p.grad = None
                else:
                    g = p.grad
                    if g.grad_fn is not None:
                        g.detach_()
                    else:
                        g.requires_grad_(False)
                    g.zero_()

    def step(self, closure=None):
        """Re-evaluates the loss with ``closure`` when given, then updates every group in place.

        Subclasses provide ``_step_group(group)``, which reads ``p.grad`` and writes ``p`` under no_grad.
        """
        loss = None
        if closure is not None:
            with _fg.enable_grad():
                loss = closure()
        with _fg.no_grad():
            for group in self.param_groups:
                self._step_group(group)
        return loss

    # ------------------------------------------------------------ state dict
    def state_dict(self):
        # Parameters become integer ids in group order, as in torch.
        param_mappings = {}
        start_index = 0

        def pack_group(group):
            nonlocal start_index
            packed = {k: v for k, v in group.items() if k != "params"}
            for i, p in enumerate(group["params"], start_index):
                param_mappings.setdefault(id(p), i)
            packed["params"] = [param_mappings[id(p)] for p in group["params"]]
            start_index += len(packed["params"])
            return packed

        param_groups = [pack_group(g) for g in self.param_groups]
        packed_state = {}
        for k, v in self.state.items():
            key = param_mappings[id(k)] if isinstance(k, _fg.Tensor) else k
            packed_state[key] = v
        return {"state": packed_state, "param_groups": param_groups}

    def load_state_dict(self, state_dict):
        state_dict = dict(state_dict)
        groups = self.param_groups
        saved_groups = deepcopy(state_dict["param_groups"])
        if len(groups) != len(saved_groups):
            raise ValueError("loaded state dict has a different number of parameter groups")
        param_lens = (len(g["params"]) for g in groups)
        saved_lens = (len(g["params"]) for g in saved_groups)
        if any(p_len != s_len for p_len, s_len in zip(param_lens, saved_lens)):
            raise ValueError("loaded state dict contains a parameter group that doesn't match the size of "
                             "optimizer's group")
        id_map = dict(zip(chain.from_iterable(g["params"] for g in saved_groups),
                          chain.from_iterable(g["params"] for g in groups)))

        def cast(param, value, key=None):
            if isinstance(value, _fg.Tensor):
                # Floating state follows the parameter's dtype, except the step counter (torch's rule).
                if key != "step" and value.dtype in (_fg.float32, _fg.float64):
                    return value.to(param.dtype).clone()
                return value.clone()
            if isinstance(value, dict):
                return {k: cast(param, v, key=k) for k, v in value.items()}
            if isinstance(value, (list, tuple)):
                return type(value)(cast(param, v) for v in value)
            return value

        state = _ParamState()
        for k, v in state_dict["state"].items():
            k = int(k) if isinstance(k, str) and k.isdigit() else k
            if k in id_map:
                param = id_map[k]
                state[param] = cast(param, v)
            else:
                state[k] = v

        def update_group(group, new_group):
            new_group["params"] = group["params"]
            return new_group

        self.param_groups = [update_group(g, ng) for g, ng in zip(groups, saved_groups)]
        self.state = state
