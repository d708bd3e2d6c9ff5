"""fastgrad.nn.modules: torch.nn.modules' import paths (torch.nn.modules.linear.Linear, ...).

fastgrad's layer files already carry torch's submodule names (activation, linear, loss, ...), so each
path here is that same module object registered under a second name: one definition per class, and
layers added to those files appear under both paths without a list to keep in step.
"""
import sys

from .. import (activation, batchnorm, channelshuffle, container, distance, dropout, flatten, linear, loss,  # noqa: F401
                module, normalization, padding, pixelshuffle, sparse, upsampling)
from .. import Module as _Module

for _sub in (activation, batchnorm, channelshuffle, container, distance, dropout, flatten, linear, loss, module,
             normalization, padding, pixelshuffle, sparse, upsampling):
    sys.modules[f"{__name__}.{_sub.__name__.rsplit('.', 1)[1]}"] = _sub

# torch.nn.modules also exports every layer class itself (torch.nn.modules.Linear)
globals().update({name: obj for name, obj in vars(sys.modules[__package__.rpartition('.')[0]]).items()
                  if isinstance(obj, type) and issubclass(obj, _Module)})
del _sub
