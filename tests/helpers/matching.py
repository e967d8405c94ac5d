"""What the matcher finds for a query, as tests compare it."""

from __future__ import annotations

from banscreen.engine import Screener
from banscreen.match.entries import NameEntry


def found(screener: Screener, query: str) -> dict[str, tuple[float, str]]:
    """Entity id → (score, method) of every hit at or above review."""
    return {m.entry.entity_id: (m.score, m.method) for m in screener.matcher.match_name(query)}


def findable_latin_organisations(screener: Screener) -> list[NameEntry]:
    """The registry's entries of organisations' names in ASCII Latin letters that the
    matcher finds alone, exactly."""
    return [
        entry
        for entry in screener.matcher.names.entries
        if entry.name.value.isascii()
        and not entry.person
        and any(
            m.entry.entity_id == entry.entity_id and m.method == "exact"
            for m in screener.matcher.match_name(entry.name.value)
        )
    ]
