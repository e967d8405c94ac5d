"""A registry name found in free text, and how (freetext.py)."""

from __future__ import annotations

from dataclasses import dataclass

from .entries import NameEntry


@dataclass(frozen=True)
class TextHit:
    entry: NameEntry
    phrase: str
    sounded: bool = False  # found by how it sounds, in another script
    joined: bool = False  # found with its words written together or apart otherwise
    # a person's name without its middle names, or misspelt; a firm's without its generic ending
    shortened: bool = False

    @property
    def inexact(self) -> bool:
        """Found otherwise than written as listed: a REVIEW at most."""
        return self.sounded or self.joined or self.shortened
