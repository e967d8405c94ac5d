"""Find registry names inside free text (remittance information, invoice lines).

Only whole-token phrases count: "cam scanner" in an invoice for a document scanner is two
tokens and does not spell a one-word app name "CamScan". Short Latin names and names marked
`free_text: false` in the data are never searched for, since they occur by chance.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from ..registry.matching import MatchingConfig
from .entries import NameEntry
from .index import NameIndex
from .stored import Spec, Table


@dataclass(frozen=True)
class TextHit:
    entry: NameEntry
    phrase: str


class FreeTextIndex:
    """Registry names by their first token (indexes into `NameIndex.entries`), longest
    phrases first; stored with the name index (stored.py)."""

    STORED: ClassVar[dict[str, Spec]] = {"_by_first": Table()}
    _by_first: Mapping[str, Sequence[int]]

    def __init__(self, names: NameIndex, config: MatchingConfig) -> None:
        self.names = names
        by_first: dict[str, list[int]] = defaultdict(list)
        for i, entry in enumerate(names.entries):
            if not entry.name.free_text:
                continue
            if entry.name.script in ("han", "mixed"):
                if len(entry.compact) < config.free_text_min_han_chars:
                    continue
            elif len(entry.compact) < config.free_text_min_latin_chars:
                continue
            by_first[entry.tokens[0]].append(i)
        for ids in by_first.values():
            ids.sort(key=lambda i: -len(names.entries[i].tokens))
        self._by_first = dict(by_first)

    def scan(self, text: str) -> list[TextHit]:
        """Leftmost-longest, non-overlapping phrase hits: "X Pay" is the app X Pay, not also X."""
        tokens = self.names.normaliser.text_tokens(text)
        hits: dict[tuple[str, str], TextHit] = {}
        i = 0
        while i < len(tokens):
            for k in self._by_first.get(tokens[i], ()):  # longest phrases first
                entry = self.names.entries[k]
                n = len(entry.tokens)
                if tokens[i : i + n] == entry.tokens:
                    hits.setdefault((entry.entity_id, entry.key), TextHit(entry, entry.name.value))
                    longest = n
                    break
            else:
                longest = 1
            i += longest
        return list(hits.values())
