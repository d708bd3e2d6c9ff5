"""fastgrad.nn: torch.nn's modules, losses, init and utils on fastgrad tensors."""
from .parameter import Parameter
from .module import Module
from .linear import Identity, Linear
from .activation import GELU, LeakyReLU, LogSoftmax, ReLU, Sigmoid, Softmax, Softplus, Tanh
from .flatten import Flatten, Unflatten
from .dropout import AlphaDropout, Dropout, Dropout1d, Dropout2d, Dropout3d, FeatureAlphaDropout
from .batchnorm import BatchNorm1d, BatchNorm2d, BatchNorm3d
from .normalization import LayerNorm
from .sparse import Embedding
from .container import ModuleDict, ModuleList, Sequential
from .loss import (BCELoss, BCEWithLogitsLoss, CrossEntropyLoss, HuberLoss, L1Loss, MSELoss, NLLLoss,
                   SmoothL1Loss)
from . import functional, init, utils
from . import parallel  # DistributedDataParallel; mpi4py is imported only by init_process_group

__all__ = ["Parameter", "Module", "Identity", "Linear", "GELU", "LeakyReLU", "LogSoftmax", "ReLU", "Sigmoid",
           "Softmax", "Softplus", "Tanh", "Flatten", "Unflatten", "Dropout", "Dropout1d", "Dropout2d",
           "Dropout3d", "AlphaDropout", "FeatureAlphaDropout", "BatchNorm1d", "BatchNorm2d", "BatchNorm3d",
           "LayerNorm",
           "Embedding", "ModuleDict", "ModuleList", "Sequential", "BCELoss", "BCEWithLogitsLoss",
           "CrossEntropyLoss", "HuberLoss", "L1Loss", "MSELoss", "NLLLoss", "SmoothL1Loss",
           "functional", "init", "utils"]
from . import modules  # noqa: E402,F401  (torch.nn.modules.<submodule> import paths)
