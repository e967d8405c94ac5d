"""Match a transaction's counterparty, identifiers and free text against the registry."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from ..errors import IdentifierError
from ..model import (
    COMPONENT,
    FUZZY_MATCH,
    PUBLISHER_NAMESPACE,
    RELATED_APP_ID,
    MatchEvidence,
    Outcome,
    Transaction,
)
from ..registry import Registry
from ..registry.packed import identifiers_of
from ..tunables import CACHE_ENTRIES
from .bilingual import both_halves
from .cpe_names import read_cpe
from .cut import cut_hit, following_words
from .entries import NameMatch
from .forms import NameForm
from .hosts import host_parts
from .identifiers import IdentifierIndex, identifiers_in_text, normalise, purl_name
from .normalize import Normaliser
from .opening import open_indexes
from .prepared import Score
from .spans import locate
from .variants import Variant, aligns_whole, capped, pairs_initials


class Matcher:
    """All match indexes of one registry, shared by every screening. The name and free-text
    indexes are stored once per registry and opened from storage (opening.py); `stored`
    false builds them in memory instead."""

    def __init__(self, registry: Registry, stored: bool = True) -> None:
        self.registry = registry
        self.config = registry.matching
        self.normaliser = Normaliser(self.config)
        self.names, self.free_text = open_indexes(registry, self.normaliser, stored)
        self.identifiers = IdentifierIndex(identifiers_of(registry.entities))
        self.match_name = lru_cache(maxsize=CACHE_ENTRIES)(self._match_name)
        # A payee or party typed as an app's package name or a host ("com.example.app"):
        # its listed identifiers, once per distinct name.
        self.identifiers_named = lru_cache(maxsize=CACHE_ENTRIES)(self._identifiers_in)

    def _match_name(self, name: str) -> tuple[NameMatch, ...]:
        """The name's hits; one written in Chinese and in Latin letters also by its halves
        (bilingual.py)."""
        cfg = self.config
        return tuple(both_halves(self.names.match(name), name, self.names.match,
                                 cfg.thresholds.block, cfg.contained_score))  # fmt: skip

    def compare(
        self, a: str, b: str, schema: str = "auto"
    ) -> tuple[float, str, tuple[tuple[str, str, float], ...]]:
        """Similarity of two free-standing names in [0, 1]: (score, method, aligned tokens).

        `schema` is `person`, `organization` or `auto`: persons' rules when neither name
        carries a legal form or a word of organisations (generic words, places). Each name is
        also compared without the reference numbers that ride along with it; the best
        comparison counts, and the result is the same whichever name comes first.
        """
        forms_a = [v for v in self.names.variants(a) if v.form.tokens]
        forms_b = [v for v in self.names.variants(b) if v.form.tokens]
        if not forms_a or not forms_b:
            return 0.0, "none", ()
        # Compound names joined where the other name writes them as one word, and a cut
        # last word completed as the other name goes on, as a query's are where a listed
        # name does.
        forms_a, forms_b = (
            [*forms_a, *self._compounds(forms_a, forms_b), *self._completed(a, b),
             *self._initialled(a, forms_a, forms_b)],
            [*forms_b, *self._compounds(forms_b, forms_a), *self._completed(b, a),
             *self._initialled(b, forms_b, forms_a)],
        )  # fmt: skip
        # A name in a script with a learned model (Chinese, Hangul, katakana, Cyrillic, Arabic,
        # Hebrew) spelt with the other name's words as well as the registry's
        # (`ForeignScripts.spellings`).
        forms_a, forms_b = (
            [*forms_a, *self._spelt_toward(a, forms_b)],
            [*forms_b, *self._spelt_toward(b, forms_a)],
        )
        if schema == "auto":
            rules = self._auto_rules(forms_a[0].form, a, forms_b[0].form, b)
        else:
            rules = (schema == "person",)
        results = [self._best(forms_a, forms_b, person, schema) for person in rules]
        return max(results, key=lambda r: r[0])

    def _auto_rules(self, a: NameForm, text_a: str, b: NameForm, text_b: str) -> tuple[bool, ...]:
        """Whether two names given without a schema are compared by persons' rules (True),
        organisations' (False) or both (the better counts): persons' when neither carries a
        legal form or a word of organisations. A name in Chinese characters alone says
        nothing of what it names (a company's short name and a person's read alike), so
        beside a person's name in another script it is compared by both."""
        looks = self.normaliser.looks_like_person
        as_a, as_b = looks(a, text_a), looks(b, text_b)
        if as_a and as_b:
            return (True,)
        either = (a.han != b.han) and (
            (as_b and looks(a, text_a, han=True)) or (as_a and looks(b, text_b, han=True))
        )
        return (False, True) if either else (False,)

    def _best(
        self, forms_a: list[Variant], forms_b: list[Variant], person: bool, schema: str
    ) -> tuple[float, str, tuple[tuple[str, str, float], ...]]:
        """The best score of any form of one name against any of the other's."""
        best: tuple[float, str, tuple[tuple[str, str, float], ...]] = (0.0, "none", ())
        for va in forms_a:
            for vb in forms_b:
                # Persons by their person readings: words read as legal forms are name
                # parts ("Kim In Ho"). Words given by their initials are an organisation's,
                # unless the schema says otherwise ("IRISL MTI" reads as a person's name).
                fa, fb = va.form, vb.form
                if va.whole and vb.whole:
                    continue  # a head meets the other name, not the other's head (as in `match`)
                as_person = person and not (schema == "auto" and (va.initials or vb.initials))
                if not (va.admits(as_person, fb.tokens) and vb.admits(as_person, fa.tokens)):
                    continue
                if (va.barred and not va.admits(as_person, forms_b[0].form.tokens)) or (
                    vb.barred and not vb.admits(as_person, forms_a[0].form.tokens)
                ):
                    continue  # the other name itself holds what a head left out (heads.py)
                qa, qb = (fa.person, fb.person) if as_person else (fa, fb)
                result = self.names.scorer.score(
                    self.names.prepare(qa), self.names.prepare(qb), person=as_person
                )
                whole = va.whole or vb.whole
                if whole and not aligns_whole(result.alignment, qa.tokens, qb.tokens):
                    continue
                if not (va.spells(qa.tokens, qb.tokens) and vb.spells(qb.tokens, qa.tokens)):
                    continue
                if not self._cut_hit(va, vb, qa, qb, result, as_person):
                    continue
                if (va.initials and not pairs_initials(va.initials, result.alignment,
                                                       qa.tokens, qb.tokens, va.alone)) or (
                    vb.initials and not pairs_initials(vb.initials, result.alignment,
                                                       qb.tokens, qa.tokens, vb.alone)
                ):  # fmt: skip
                    continue
                score, method = capped(
                    result.score, result.method, min(va.cap, vb.cap), va.method or vb.method
                )
                if score > best[0]:
                    best = (score, method, result.alignment.pairs)
        return best

    def _spelt_toward(self, text: str, others: list[Variant]) -> list[Variant]:
        words = {t for v in others for t in v.form.tokens}
        return self.names.foreign.spellings(self.normaliser.form(text), text, words)

    def _compounds(self, forms: list[Variant], others: list[Variant]) -> list[Variant]:
        by_key: dict[str, list[str]] = {}
        for other in others:
            for word, key in zip(other.form.roman, other.form.keys, strict=True):
                by_key.setdefault(key, []).append(word)
        joined = (self.names.join_compounds(v.form, lambda k: by_key.get(k, ())) for v in forms)
        cap = self.config.compact_score
        return [Variant(f, cap) for f in joined if f is not None]

    def _initialled(self, text: str, own: list[Variant], others: list[Variant]) -> list[Variant]:
        """A name with a run of its words given by their initials where the other name
        has them as a word ("IRISL MTI" against "IRISL Maritime Training Institute")."""
        if own[0].form.script != "Latin":
            return []
        words = {t for other in others for t in other.form.tokens if self.names.may_be_initials(t)}
        return self.names.initialled(text, own[0].form, words) if words else []

    @staticmethod
    def _cut_hit(
        va: Variant, vb: Variant, qa: NameForm, qb: NameForm, result: Score, person: bool
    ) -> bool:
        """A name with a cut word completed meets the other only as `cut_hit` allows."""
        for word, other, side in ((va.cut, qb, 0), (vb.cut, qa, 1)):
            factors = other.person_factors if person and other.person_factors else other.factors
            pairs = result.alignment.pairs
            if word and not cut_hit(pairs, result.found, side, word, other.tokens, factors):
                return False
        return True

    def _completed(self, name: str, other: str) -> list[Variant]:
        return self.names.cut_variants(name, following_words([self.names.name_words(other)]).get)

    def evidence_for(self, tx: Transaction) -> list[MatchEvidence]:
        found: list[MatchEvidence] = []
        components = any(field == COMPONENT for field, _ in tx.parties)  # named apart
        for ident in tx.identifiers:
            hits = self.identifiers.lookup(ident.kind, ident.value)
            field = ident.role or "counterparty_identifiers"
            for hit in hits:
                found.append(
                    MatchEvidence(
                        entity_id=hit.entity_id,
                        method="identifier",
                        score=1.0,
                        field=field,
                        query=f"{ident.kind}:{ident.value}",
                        matched=f"{hit.identifier.kind}:{hit.identifier.value}",
                        fact=hit.identifier.fact,
                        max_outcome=hit.identifier.max_outcome,
                        extra_reason=hit.identifier.reason,
                    )
                )
            if not hits:
                found.extend(self._publisher_evidence(field, ident.kind, ident.value))
                if ident.kind == "domain":
                    found.extend(self._label_evidence(field, ident.value))
                elif ident.kind == "purl" and not components:
                    # a package not listed, named for a listed maker ("acmepayv3"), as an
                    # SBOM's component is (`COMPONENT_NAME`, a REVIEW at most)
                    found.extend(self._component_evidence(purl_name(ident.value)))
                elif ident.kind == "cpe":
                    found.extend(self._cpe_evidence(field, ident.value, components))
        names = [("counterparty_name", tx.counterparty_name), *tx.parties]
        for field, query in names:
            if not query.strip():
                continue
            if field == COMPONENT:
                found.extend(self._component_evidence(query))
            else:
                found.extend(self._name_evidence(field, query))
                found.extend(self.identifiers_named(field, query))
        if tx.text:
            found.extend(self._text_evidence(tx.text))
        return found

    def _publisher_evidence(self, field: str, kind: str, value: str) -> list[MatchEvidence]:
        """An app's package name or bundle id that is not itself listed: a variant or the
        parent listing of a listed app's id ("com.example.app.lite"; `RELATED_APP_ID`,
        `IdentifierIndex.variants`), or else written under a listed domain ("com.example.chat"
        under example.com; identifiers.publisher_domain, `PUBLISHER_NAMESPACE`): who it
        names as its publisher, which no store checks, so a REVIEW at most."""
        hits = self.identifiers.variants(kind, value)
        reason = RELATED_APP_ID if hits else PUBLISHER_NAMESPACE
        return [
            MatchEvidence(
                entity_id=hit.entity_id,
                method="identifier",
                score=self.config.contained_score,
                field=field,
                query=f"{kind}:{value}",
                matched=f"{hit.identifier.kind}:{hit.identifier.value}",
                fact=hit.identifier.fact,
                max_outcome=Outcome.REVIEW,
                extra_reason=reason,
            )
            for hit in hits or self.identifiers.publishers(kind, value)
        ]

    def _label_evidence(self, field: str, value: str) -> list[MatchEvidence]:
        """A domain not listed but named for a listed app or firm ("acmescan.cn",
        "acmepay-objects.com" were CLEAR): the words of its registrable label (hosts.py) as
        text naming it, a REVIEW at most (`FREE_TEXT_MENTION`), as a domain list's are;
        such a name says nothing of who holds the domain."""
        try:
            words = host_parts(normalise("domain", value))[1]  # as `lookup` read it
        except IdentifierError:
            return []
        query = f"domain:{value}"
        return [replace(e, field=field, query=query) for e in self._text_evidence(words)]

    def _cpe_evidence(self, field: str, value: str, components: bool) -> list[MatchEvidence]:
        """A CPE name whose vendor is not listed as one: its vendor read as the maker's name
        (a person's name is no vendor's), and its product as a component's name is
        (`COMPONENT_NAME`, a REVIEW at most) unless the record names its component."""
        try:
            name = read_cpe(value)
        except IdentifierError:
            return []
        query = value if value.lower().startswith("cpe:") else f"cpe:{value}"
        makers = [m for m in self.match_name(name.vendor_words) if not m.entry.person]
        found = [replace(e, query=query, span=None)
                 for e in self._evidence(field, name.vendor_words, makers)]  # fmt: skip
        if name.product_words and not components:
            found += self._component_evidence(name.product)
        return found

    def _name_evidence(self, field: str, query: str) -> list[MatchEvidence]:
        return self._evidence(field, query, self.match_name(query))

    def _component_evidence(self, name: str) -> list[MatchEvidence]:
        return self._evidence(COMPONENT, name, self.names.match_component(name))

    def _evidence(
        self, field: str, query: str, matches: Sequence[NameMatch]
    ) -> list[MatchEvidence]:
        return [
            MatchEvidence(
                entity_id=m.entry.entity_id,
                method=m.method,
                score=round(m.score, 4),
                field=field,
                query=query,
                matched=m.entry.name.value,
                fact=m.entry.name.fact,
                tokens=tuple((a, b, round(c, 4)) for a, b, c in m.alignment.pairs),
                span=locate(query, m.found, self.normaliser) if m.found else None,
            )
            for m in matches
        ]

    def _text_evidence(self, text: str) -> list[MatchEvidence]:
        score = self.config.free_text_score
        found = [
            MatchEvidence(
                entity_id=hit.entry.entity_id,
                method="free-text",
                score=score,
                field="text",
                query=hit.phrase,
                matched=hit.entry.name.value,
                fact=hit.entry.name.fact,
                tokens=tuple((t, t, round(1 / len(hit.entry.tokens), 4)) for t in hit.entry.tokens),
                # A name found by how it sounds in another script, with its words
                # together or apart otherwise, a person's without the middle names or a
                # firm's without its generic ending, is a REVIEW at most.
                max_outcome=Outcome.REVIEW if hit.inexact else Outcome.BLOCK,
                extra_reason=FUZZY_MATCH if hit.inexact else None,
            )
            for hit in self.free_text.scan(text)
        ]
        return found + self._identifiers_in("text", text)

    def _identifiers_in(self, field: str, text: str) -> list[MatchEvidence]:
        """The listed identifiers a field's words name (`identifiers_in_text`), as text
        naming them; a field that is one of them and nothing else names it as the
        identifiers column would (`method` identifier)."""
        found: list[MatchEvidence] = []
        whole = text.strip().lower() if field != "text" else None
        for kind, value in identifiers_in_text(text):
            ihits = self.identifiers.lookup(kind, value)
            if not ihits:
                found.extend(self._publisher_evidence(field, kind, value))
            alone = value.lower() == whole
            for ihit in ihits:
                found.append(
                    MatchEvidence(
                        entity_id=ihit.entity_id,
                        method="identifier" if alone else "free-text",
                        score=1.0 if alone else self.config.free_text_score,
                        field=field,
                        query=value,
                        matched=f"{kind}:{ihit.identifier.value}",
                        fact=ihit.identifier.fact,
                        max_outcome=ihit.identifier.max_outcome,
                        extra_reason=ihit.identifier.reason,
                    )
                )
        return found
