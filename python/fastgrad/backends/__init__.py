"""fastgrad.backends: torch.backends' queries and flags for a CPU-only build.

The cuDNN and TF32 flags are settable, as scripts set them for reproducibility, and change nothing:
fastgrad has no cuDNN and computes in full precision. The CPU backends (mkldnn, openmp) report what
fastgrad's own kernels are: OpenMP-parallel, no oneDNN.
"""
from . import cpu, cuda, cudnn, mkldnn, mps, openmp  # noqa: F401
