"""fastgrad.nn: torch.nn's modules, losses, init and utils on fastgrad tensors."""
from .parameter import Parameter
from .module import Module
from .linear import Bilinear, Identity, Linear
from .distance import CosineSimilarity, PairwiseDistance
from .padding import *  # noqa: F401,F403  (ZeroPad1d ... CircularPad3d)
from .padding import __all__ as _padding_names
from .activation import (CELU, ELU, GELU, GLU, SELU, Hardshrink, Hardsigmoid, Hardswish, Hardtanh, LeakyReLU,
                         LogSigmoid, LogSoftmax, Mish, PReLU, ReLU, ReLU6, Sigmoid, SiLU, Softmax, Softplus,
                         Softshrink, Softsign, Tanh, Tanhshrink, Threshold, Softmin, Softmax2d)
from .flatten import Flatten, Unflatten
from .dropout import AlphaDropout, Dropout, Dropout1d, Dropout2d, Dropout3d, FeatureAlphaDropout
from .batchnorm import BatchNorm1d, BatchNorm2d, BatchNorm3d
from .normalization import LayerNorm, RMSNorm
from .pixelshuffle import PixelShuffle, PixelUnshuffle
from .channelshuffle import ChannelShuffle
from .upsampling import Upsample, UpsamplingBilinear2d, UpsamplingNearest2d
from .sparse import Embedding
from .container import ModuleDict, ModuleList, ParameterDict, ParameterList, Sequential
from .loss import (BCELoss, BCEWithLogitsLoss, CosineEmbeddingLoss, CrossEntropyLoss, GaussianNLLLoss, HuberLoss,
                   KLDivLoss, L1Loss, MarginRankingLoss, MSELoss, NLLLoss, PoissonNLLLoss, SmoothL1Loss,
                   TripletMarginLoss, HingeEmbeddingLoss, SoftMarginLoss, MultiLabelSoftMarginLoss, MultiMarginLoss)
from . import functional, init, utils
from . import parallel  # DistributedDataParallel; mpi4py is imported only by init_process_group

__all__ = ["Parameter", "Module", "Identity", "Linear", "GELU", "LeakyReLU", "LogSoftmax", "ReLU", "Sigmoid",
           "Softmax", "Softplus", "Tanh", "CELU", "ELU", "GLU", "SELU", "Hardshrink", "Hardsigmoid", "Hardswish",
           "Hardtanh", "LogSigmoid", "Mish", "PReLU", "ReLU6", "SiLU", "Softshrink", "Softsign", "Tanhshrink",
           "Threshold", "Flatten", "Unflatten", "Dropout", "Dropout1d", "Dropout2d",
           "Dropout3d", "AlphaDropout", "FeatureAlphaDropout", "BatchNorm1d", "BatchNorm2d", "BatchNorm3d",
           "LayerNorm",
           "Embedding", "ModuleDict", "ModuleList", "Sequential", "BCELoss", "BCEWithLogitsLoss",
           "CrossEntropyLoss", "HuberLoss", "L1Loss", "MSELoss", "NLLLoss", "SmoothL1Loss",
           "functional", "init", "utils", "Bilinear", "CosineSimilarity", "PairwiseDistance", "KLDivLoss",
           "MarginRankingLoss", "TripletMarginLoss", "CosineEmbeddingLoss", "PoissonNLLLoss",
           "GaussianNLLLoss", "ParameterList", "ParameterDict", "Softmin", "Softmax2d", "RMSNorm",
           "PixelShuffle", "PixelUnshuffle", "ChannelShuffle", "HingeEmbeddingLoss", "SoftMarginLoss",
           "MultiLabelSoftMarginLoss", "MultiMarginLoss", "Upsample", "UpsamplingNearest2d", "UpsamplingBilinear2d"] + list(_padding_names)
from . import modules  # noqa: E402,F401  (torch.nn.modules.<submodule> import paths)
