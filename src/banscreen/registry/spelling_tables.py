"""The learned spelling models' tables (data/spellings/<script>.json, made by
bench/build_spelling_models.py): how Chinese, Korean, katakana, Russian, Arabic and Hebrew
write names' sounds. Read, checked and kept when a model is first asked for: they are large
(some 530 kB together), and a command that meets no name in those scripts never reads them."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import DataError
from .loader import shipped_data_dir
from .table_checks import (
    arabic_letter,
    ascii_word,
    check_spelling_model,
    cyrillic_letter,
    hangul_syllable,
    hebrew_letter,
    kana_mora,
)

# Each table's units: pinyin syllables, Hangul syllables, katakana morae, and the letters of
# Cyrillic, Arabic and Hebrew.
UNITS: dict[str, Callable[[str], bool]] = {
    "han": ascii_word,
    "hangul": hangul_syllable,
    "kana": kana_mora,
    "cyrillic": cyrillic_letter,
    "arabic": arabic_letter,
    "hebrew": hebrew_letter,
}


@dataclass(frozen=True)
class SpellingTable:
    units: dict[str, dict[str, float]]  # unit → run of Latin letters → probability
    letters: dict[str, dict[str, float]]  # letter → next letter → probability
    source: str


@cache
def load_spelling_table(script: str, path: Path | None = None) -> SpellingTable:
    """The table of `script` (a key of UNITS), from the shipped data unless `path`."""
    target = path or shipped_data_dir() / "spellings" / f"{script}.json"
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise DataError(str(target), None, "file", f"cannot read: {exc}") from exc
    if not isinstance(data, dict) or not all(
        isinstance(data.get(k), dict) for k in ("units", "letters")
    ):
        raise DataError(str(target), None, "units", "give `units` and `letters` mappings")
    if not isinstance(data.get("source"), str) or not data["source"]:
        raise DataError(str(target), None, "source", "say where the table was learned from")
    units, letters = data["units"], data["letters"]
    try:
        check_spelling_model(units, letters, UNITS[script])
    except ValueError as exc:
        raise DataError(str(target), None, "table", str(exc)) from exc
    return SpellingTable(units, letters, data["source"])
