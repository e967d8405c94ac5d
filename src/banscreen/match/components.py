"""Makers of software named inside a software component's name (`ComponentNames`).

A part of `NameIndex` (index.py), kept apart because it reads a package's name, not a
counterparty's: it asks the index only for the names of makers of software and their
entries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container, Mapping, Sequence

from .common_words import zipf
from .entries import NameEntry, NameMatch
from .rewrites import QueryRewrites
from .scoring import Scorer
from .similarity import Alignment, find
from .text import package_words

# The fewest letters of a maker's name split off a word it is glued into (components'
# `_affixed`): shorter names end and begin too many words.
_AFFIXED_MAKER_CHARS = 5


class ComponentNames(QueryRewrites):
    # What the index provides (index.py).
    entries: Sequence[NameEntry]
    scorer: Scorer
    _maker_names: Mapping[str, Sequence[int]]
    _firm_words: frozenset[str]
    coined_words: frozenset[str]
    _own_words: frozenset[str]  # short names the data marks as a party's own (package_word)
    _packaging: frozenset[str]
    _component_words: Container[str]
    made_up: Callable[[str], bool]  # partners.py

    def _build_makers(self, types: Mapping[str, str]) -> None:
        """Names a software component may carry: of apps and companies, long enough not to
        be an ordinary word of package names (by their first word), or a short name the
        data marks as a word package names write for that party alone (`package_word`:
        "qq-botpy"); the words of firms' names, which have branches (heads.py); and firms'
        names of one made-up word (`made_up`), found inside longer strings."""
        maker_names: dict[str, list[int]] = defaultdict(list)
        firms: set[str] = set()
        coined: set[str] = set()
        own: set[str] = set()
        for i, entry in enumerate(self.entries):
            entity_kind = types.get(entry.entity_id, "")
            if entry.person or entity_kind in ("vessel", "aircraft") or entry.form.han:
                continue
            firms.update(entry.tokens)
            if len(entry.tokens) == 1 and self.made_up(entry.tokens[0]):
                coined.add(entry.tokens[0])
            least = (
                self.config.component_app_min_chars
                if entry.name.kind == "app"
                else self.config.component_min_chars
            )
            if entry.name.package_word:  # the data says package names write it for this party
                maker_names[entry.tokens[0]].append(i)
                if len(entry.tokens) == 1:
                    own.add(entry.tokens[0])
                continue
            if len(entry.tokens) < 2 and (
                len(entry.compact) < least
                or zipf(entry.tokens[0]) >= self.config.component_common_word_zipf
            ):
                continue
            if not self.scorer.distinctive(entry.tokens, entry.form.factors, False):
                continue
            maker_names[entry.tokens[0]].append(i)
        self._maker_names, self._firm_words = dict(maker_names), frozenset(firms)
        self.coined_words, self._own_words = frozenset(coined), frozenset(own)

    def match_component(self, name: str) -> list[NameMatch]:
        """Makers of software named in a software component's name: an app, trade or legal
        name of an entity that is not a person or a vessel, found whole among the
        component's words (a package built to integrate an app: "acmepay-axios-plugin",
        "acme-sdk-python", "AcmeOpenSDK"), each word also split where the registry
        writes it as two. A component is not its maker: such a hit is scored at
        `contained_score` (REVIEW at most), method `contained`. Names of one short word
        (under `component_min_chars`, `component_app_min_chars` for an app's own name, or
        an ordinary English word) are not looked for: package names are made of ordinary
        words ("base", "stream", "terminal")."""
        words = package_words(name, self._packaging)
        if not words:
            return []
        split = [
            w
            for word in words
            for w in (
                self.split_run_together(word, self._component_words)
                or self._affixed(word)
                or (word,)
            )
            if w not in self._packaging
        ]
        found: dict[str, NameMatch] = {}
        for tokens in (tuple(words), tuple(split)):
            present = set(tokens)
            seen: set[int] = set()
            for token in present:
                for i in self._maker_names.get(token, ()):
                    if i in seen:
                        continue
                    seen.add(i)
                    entry = self.entries[i]
                    needle = entry.form.tokens
                    if not present.issuperset(needle) or find(tokens, needle) < 0:
                        continue
                    if entry.entity_id not in found:
                        found[entry.entity_id] = NameMatch(
                            entry, self.config.contained_score, "contained",
                            Alignment(self.config.contained_score,
                                      tuple((t, t, 1 / len(needle)) for t in needle)),
                            needle,
                        )  # fmt: skip
        return sorted(found.values(), key=lambda m: m.entry.entity_id)

    def _affixed(self, word: str) -> tuple[str, ...] | None:
        """A word that is a maker's name's first word, five letters or more, with a word
        of English (`component_affix_zipf`, three letters or more) or of packaging glued
        before or after it ("easyacmepay", "flaskacmepay", "acmepayclone": each was CLEAR
        where "pyacmepay" was a hit), split so; None for another word, or one English uses
        whole."""
        cfg = self.config
        if not word.isalpha() or len(word) < 7 or zipf(word) >= cfg.run_together_max_zipf:
            return None
        for cut in range(2, len(word) - 1):
            head, tail = word[:cut], word[cut:]
            for maker, rest in ((tail, head), (head, tail)):
                if (
                    len(maker) >= _AFFIXED_MAKER_CHARS
                    and maker in self._maker_names
                    and (
                        rest in self._packaging
                        or (len(rest) >= 3 and zipf(rest) >= cfg.component_affix_zipf)
                    )
                ):
                    return head, tail
        return None
