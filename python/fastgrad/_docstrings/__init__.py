"""Docstrings of the C++-bound names, as tables the extension reads when it initialises.

csrc/python/docstrings.cpp copies FUNCTIONS onto the functions of fastgrad._C and CLASSES onto the
methods and properties of its classes. This package must not import fastgrad._C (it is imported while
that module initialises).
"""
from . import scatter as _scatter
from .functions import FUNCTIONS
from .tensor import GENERATOR, TENSOR

FUNCTIONS.update(_scatter.FUNCTIONS)
TENSOR.update(_scatter.TENSOR)

CLASSES = {"Tensor": TENSOR, "Generator": GENERATOR}
