"""A reference after a payee in a phrase does not hide the payee.

"Invoice from ZTE Corporation" and "ZTE Corporation ref 12345" each found ZTE; "Invoice
from ZTE Corporation ref 12345" found nothing: the field's heads were read with the
reference still in them (the payee read as ZTE CORPORATION REF 12345). The same held for
"Halti S.A.". The heads are read from the name without its reference too.
"""

from __future__ import annotations

import pytest

from banscreen.engine import Screener

PHRASES = ("Invoice from {}", "Payment to {}", "Transfer via {}", "FBO {}")
REFERENCES = ("ref 12345", "INV-2021-0042", "order 5512")


def _names(screener: Screener) -> list[tuple[str, str]]:
    return [
        (entity.id, name.value)
        for entity in screener.registry.entities.values()
        for name in entity.names[:2]
        if name.kind in ("legal", "trade", "app") and name.value.isascii() and len(name.value) > 3
    ]


@pytest.mark.parametrize("phrase", PHRASES)
def test_a_reference_after_a_phrase_s_payee_never_loses_it(screener: Screener, phrase: str) -> None:
    review = screener.registry.matching.thresholds.review
    lost = []
    checked = 0
    for entity_id, name in _names(screener):
        query = phrase.format(name)
        bare = {h.entry.entity_id: h.score for h in screener.matcher.match_name(query)}
        if bare.get(entity_id, 0.0) < review:
            continue
        checked += 1
        for reference in REFERENCES:
            found = {
                h.entry.entity_id: h.score
                for h in screener.matcher.match_name(f"{query} {reference}")
            }
            if found.get(entity_id, 0.0) < review:
                lost.append(f"{query} {reference}")
    assert checked > 20
    assert lost == []
