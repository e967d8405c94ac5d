"""Find registry names inside free text (remittance information, invoice lines).

Only whole-token phrases count: "cam scanner" in an invoice for a document scanner is two
tokens and does not spell a one-word app name "CamScan". Short Latin names and names marked
`free_text: false` in the data are never searched for, since they occur by chance.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..registry.schema import MatchingSchema
from .entries import NameEntry
from .index import NameIndex


@dataclass(frozen=True)
class TextHit:
    entry: NameEntry
    phrase: str


class FreeTextIndex:
    def __init__(self, names: NameIndex, config: MatchingSchema) -> None:
        self._normaliser = names.normaliser
        self._by_first: dict[str, list[NameEntry]] = defaultdict(list)
        for entry in names.entries:
            if not entry.name.free_text:
                continue
            if entry.name.script in ("han", "mixed"):
                if len(entry.compact) < config.free_text_min_han_chars:
                    continue
            elif len(entry.compact) < config.free_text_min_latin_chars:
                continue
            self._by_first[entry.tokens[0]].append(entry)
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e.tokens))

    def scan(self, text: str) -> list[TextHit]:
        """Leftmost-longest, non-overlapping phrase hits: "X Pay" is the app X Pay, not also X."""
        tokens = self._normaliser.text_tokens(text)
        hits: dict[tuple[str, str], TextHit] = {}
        i = 0
        while i < len(tokens):
            for entry in self._by_first.get(tokens[i], ()):  # longest phrases first
                n = len(entry.tokens)
                if tokens[i : i + n] == entry.tokens:
                    hits.setdefault((entry.entity_id, entry.key), TextHit(entry, entry.name.value))
                    longest = n
                    break
            else:
                longest = 1
            i += longest
        return list(hits.values())
