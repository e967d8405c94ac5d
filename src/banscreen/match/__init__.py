"""Normalisation, candidate lookup, scoring, identifier and free-text matching."""

from .identifiers import IdentifierError, normalise
from .matcher import Matcher
from .normalize import Normaliser

__all__ = ["IdentifierError", "Matcher", "Normaliser", "normalise"]
