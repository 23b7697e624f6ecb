"""Quotation finding and attribution (see pipeline.py for the stages)."""

from . import sections
from .pipeline import extract_quotes
from .words import ANONYMOUS

__all__ = ["ANONYMOUS", "extract_quotes", "sections"]
