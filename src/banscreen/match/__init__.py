"""Normalisation, candidate lookup, scoring, identifier and free-text matching."""

from ..errors import IdentifierError
from .identifiers import normalise
from .matcher import Matcher
from .normalize import Normaliser

__all__ = ["IdentifierError", "Matcher", "Normaliser", "normalise"]
