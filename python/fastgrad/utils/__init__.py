"""fastgrad.utils: data loading utilities (``fastgrad.utils.data``)."""
from . import data

__all__ = ["data"]
