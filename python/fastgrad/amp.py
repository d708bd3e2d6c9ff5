"""fastgrad.amp: torch.amp's autocast and GradScaler as they behave without an accelerator.

Mixed precision on a GPU (autocast to float16, loss scaling) is the common use; with no GPU, torch
disables both with a warning and runs the script in full precision, and so does fastgrad. CPU autocast
(to bfloat16) needs a dtype fastgrad does not have yet, so asking for it enabled raises instead of being
quietly ignored.
"""
import functools
import warnings


def is_autocast_enabled(device_type=None):
    """Returns ``False``: fastgrad has no automatic mixed precision, so autocast is never on.

    Args:
        device_type (str, optional): the device type asked about (``'cpu'``, ``'cuda'``).

    Examples:
        >>> fastgrad.is_autocast_enabled()
        False
    """
    return False


def _device_type(device):
    return str(device).split(":")[0]


class autocast:
    """Mixed-precision region. For an accelerator device it is disabled (none exists, as in torch without
    one); for the CPU it must be disabled (enabled=False): fastgrad has the bfloat16/float16 dtypes but not
    autocast's per-op casting lists."""

    def __init__(self, device_type, dtype=None, enabled=True, cache_enabled=None):
        if not isinstance(device_type, str):
            raise ValueError(f"Expected `device_type` of type `str`, got: `{type(device_type)}`")
        self.device = _device_type(device_type)
        self.fast_dtype = dtype
        if enabled and self.device == "cpu":
            raise NotImplementedError("autocast on the CPU (casting each op to bfloat16 or float16 by torch's op "
                                      "lists) is not implemented in fastgrad; use enabled=False, or convert the "
                                      "model and inputs with .bfloat16() / .half()")
        if enabled:
            warnings.warn("CUDA is not available or torch_xla is imported. Disabling autocast.", stacklevel=2)
        self._enabled = False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __call__(self, fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with self:
                return fn(*args, **kwargs)
        return wrapper


class GradScaler:
    """Loss scaling for float16 gradients. With no accelerator, torch disables it (with a warning) and
    every method passes through: scale() returns its input, step() calls optimizer.step()."""

    def __init__(self, device="cuda", init_scale=2.0 ** 16, growth_factor=2.0, backoff_factor=0.5,
                 growth_interval=2000, enabled=True):
        self._device = _device_type(device)
        if enabled and self._device == "cpu":
            raise NotImplementedError("GradScaler('cpu') is not implemented in fastgrad (it goes with CPU "
                                      "autocast, which fastgrad lacks); use enabled=False")
        if enabled:
            warnings.warn(f"torch.{'cuda' if self._device == 'cuda' else self._device}.amp.GradScaler is enabled, "
                          "but CUDA is not available.  Disabling.", stacklevel=2)
        self._enabled = False
        self._init_scale = init_scale
        self._growth_factor = growth_factor
        self._backoff_factor = backoff_factor
        self._growth_interval = growth_interval

    def scale(self, outputs):
        return outputs

    def unscale_(self, optimizer):
        return None

    def step(self, optimizer, *args, **kwargs):
        return optimizer.step(*args, **kwargs)

    def update(self, new_scale=None):
        return None

    def get_scale(self):
        return 1.0

    def get_growth_factor(self):
        return self._growth_factor

    def set_growth_factor(self, new_factor):
        self._growth_factor = new_factor

    def get_backoff_factor(self):
        return self._backoff_factor

    def set_backoff_factor(self, new_factor):
        self._backoff_factor = new_factor

    def get_growth_interval(self):
        return self._growth_interval

    def set_growth_interval(self, new_interval):
        self._growth_interval = new_interval

    def is_enabled(self):
        return self._enabled

    def state_dict(self):
        return {}

    def load_state_dict(self, state_dict):
        return None
