"""fastgrad.accelerator: torch.accelerator on a machine without one (fastgrad runs on the CPU only)."""

_NONE_AVAILABLE = "Cannot access accelerator device when none is available."


def is_available():
    return False


def current_accelerator(check_available=False):
    return None


def device_count():
    return 0


def current_device_index():
    raise RuntimeError(_NONE_AVAILABLE)


current_device_idx = current_device_index


def set_device_index(device):
    raise RuntimeError(_NONE_AVAILABLE)


set_device_idx = set_device_index


def synchronize(device=None):
    raise RuntimeError(_NONE_AVAILABLE)
