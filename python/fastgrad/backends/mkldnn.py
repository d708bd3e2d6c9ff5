"""torch.backends.mkldnn: fastgrad's kernels are its own, not oneDNN's."""
enabled = True
deterministic = False


def is_available():
    return False
