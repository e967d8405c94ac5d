"""Text shown to an analyst exactly as it is: characters that are invisible or reorder what
follows (zero-width spaces, joiners, the bidirectional overrides and isolates, other
format and control characters) are shown as `⟨U+202E⟩`, so an id `inv-` U+202E `gpj.exe`
reads as what it is, not as "inv-exe.jpg"."""

from __future__ import annotations

import unicodedata
from typing import Any

from markupsafe import Markup

# Cf: format (bidi controls, zero-width, BOM); Cc: controls; Zl/Zp: line/paragraph
# separators; Co/Cn: private use and unassigned.
_HIDDEN = frozenset({"Cf", "Cc", "Zl", "Zp", "Co", "Cn"})
_KEEP = frozenset("\n\t")


def _hidden(char: str) -> bool:
    return char not in _KEEP and unicodedata.category(char) in _HIDDEN


def visible(text: str) -> str:
    if text.isprintable() and text.isascii():
        return text
    return "".join(f"⟨U+{ord(c):04X}⟩" if _hidden(c) else c for c in text)


def finalize(value: Any) -> Any:
    """Jinja's `finalize`: every value a template prints is made visible (markup the code
    built on purpose is left alone; it escapes its own text with `visible`)."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return visible(value)
