"""Modules take torch's `device=` keyword: the CPU in any spelling builds the module, another device raises
(it was accepted and ignored, so nn.Linear(..., device="cuda") silently built a CPU layer)."""
import pytest

import fastgrad
import fastgrad.nn as nn

BUILDERS = {
    "Linear": lambda d: nn.Linear(3, 2, device=d),
    "Embedding": lambda d: nn.Embedding(5, 2, device=d),
    "LayerNorm": lambda d: nn.LayerNorm(4, device=d),
    "BatchNorm1d": lambda d: nn.BatchNorm1d(4, device=d),
}


@pytest.mark.parametrize("name", sorted(BUILDERS))
@pytest.mark.parametrize("dev", [None, "cpu", fastgrad.device("cpu")])
def test_cpu_device_builds(name, dev):
    module = BUILDERS[name](dev)
    assert all(p.device == fastgrad.device("cpu") for p in module.parameters())


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_other_device_raises(name):
    with pytest.raises(RuntimeError, match="CPU"):
        BUILDERS[name]("cuda")
