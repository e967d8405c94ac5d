"""What the matcher finds for a query, as tests compare it."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path

from banscreen.engine import Screener
from banscreen.match.entries import NameEntry, NameMatch
from banscreen.match.index import NameIndex
from banscreen.match.normalize import Normaliser
from banscreen.model import Nexus, Outcome, Transaction
from banscreen.registry import load_registry

# Payments' remittance texts a listed name is put into ("{}").
PAYMENT_TEXTS = (
    "{}",
    "Consulting fee on behalf of {}",
    "Beneficiary: {}, Dubai",
    "BNF/{}/DUBAI AE",
    "Transfer to {} via Western Union",
    "Invoice 4471 attn {}",
)

# A few listed persons, as restricted-party lists publish their names.
PERSONS = Path(__file__).resolve().parents[1] / "fixtures" / "names" / "persons.yaml"


def persons_screener(*extra: Path) -> Screener:
    """The shipped registry, the listed persons of `PERSONS`, and `extra` data files."""
    return Screener(load_registry([PERSONS, *extra]))


def persons_screener_with(folder: Path, data: str) -> Screener:
    """`persons_screener` with one more data file, written into `folder` from `data`."""
    path = folder / "extra.yaml"
    path.write_text(data, encoding="utf-8")
    return persons_screener(path)


def listed_data(entities: dict[str, tuple[str, str]]) -> str:
    """A data file (for `persons_screener_with`) of entities, id → (type, name), each fact
    from one test source."""
    fact = "source: test, provenance: confirmed"
    rows = [
        f"  - {{id: {key}, type: {kind}, {fact},\n"
        f"     names: [{{value: {json.dumps(name)}, kind: legal, {fact}}}]}}"
        for key, (kind, name) in entities.items()
    ]
    return 'sources:\n  test: "banscreen test fixture"\nentities:\n' + "\n".join(rows) + "\n"


def review(screener: Screener) -> float:
    return screener.registry.matching.thresholds.review


def found(screener: Screener, query: str) -> dict[str, tuple[float, str]]:
    """Entity id → (score, method) of every hit at or above review."""
    return {m.entry.entity_id: (m.score, m.method) for m in screener.matcher.match_name(query)}


def transliterated_hit(screener: Screener, query: str, entity: str) -> None:
    """Asserts that `query` finds `entity` as a transliteration: REVIEW, never BLOCK."""
    hits = found(screener, query)
    assert entity in hits, hits
    score, method = hits[entity]
    assert review(screener) <= score <= screener.registry.matching.transliteration_max
    assert method == "transliterated"


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


def match_key(found: list[NameMatch]) -> list[tuple[str, float, str]]:
    """What a match found, as the candidate-bound tests compare it."""
    return [(m.entry.entity_id, round(m.score, 9), m.method) for m in found]


def match_everything(index: NameIndex, query: str) -> list[tuple[str, float, str]]:
    """`match` with every registry name as a candidate: what the candidate search must
    find (`match_key` of it)."""
    original = NameIndex._candidates
    NameIndex._candidates = lambda self, form, prepared=None, person=None: set(  # type: ignore[method-assign]
        range(len(self.entries))
    )
    NameIndex._hits.cache_clear()  # hits are remembered per form
    try:
        return match_key(index.match(query))
    finally:
        NameIndex._candidates = original  # type: ignore[method-assign]
        NameIndex._hits.cache_clear()


def refused_setting(folder: Path, key: str, value: object, message: str | None = None) -> None:
    """Asserts that the shipped matching.yaml with `key` set to `value` is refused at load,
    with `message` (by default the key) in the error."""
    import pytest
    import yaml

    from banscreen.errors import DataError
    from banscreen.registry.loader import load_matching_config, shipped_data_dir

    settings = yaml.safe_load((shipped_data_dir() / "matching.yaml").read_text("utf-8"))
    settings[key] = value
    path = folder / "matching.yaml"
    path.write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    with pytest.raises(DataError, match=message or key):
        load_matching_config(path)


def text_hits(screener: Screener, text: str) -> dict[str, Outcome]:
    """Entity → the most a payment's text evidence may decide, for a payee no list names."""
    tx = Transaction("t", date(2021, 3, 15), "payment", "Global Trading LLC", text=text)
    return {e.entity_id: e.max_outcome for e in screener.matcher.evidence_for(tx)}


def text_payment(text: str, payee: str = "Acme Trading LLC", country: str = "US") -> Transaction:
    """A payment on 2021-03-15, in US jurisdiction, to a payee no list names, whose text is
    `text`: what a payment's text alone decides."""
    return Transaction(id="t1", date=date(2021, 3, 15), category="payment",
                       counterparty_name=payee, counterparty_country=country,
                       us_nexus=Nexus.TRUE, text=text)  # fmt: skip


@cache
def shared_normaliser() -> Normaliser:
    """The shipped configuration's normaliser, built once: for hypothesis tests, which take
    no fixtures."""
    return Normaliser(load_registry().matching)
