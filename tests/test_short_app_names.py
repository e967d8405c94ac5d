"""An app's name of two letters before words that say which edition or what kind of thing
it is ("QQ Lite", "QQ International", "QQ App"): the two letters weigh as little as the
generic words after them, and only acronyms of three letters or more were read alone before
generic words, so each such field was CLEAR. A two-letter word is now read so when the data
marks it as the party's own word (`package_word`), as package names are."""

from __future__ import annotations

from dataclasses import replace

import pytest

from banscreen.engine import Screener
from banscreen.match import Matcher
from banscreen.registry import Registry

EDITIONS = ["QQ Lite", "QQ International", "QQ Intl", "QQ App", "QQ HD", "QQ Messenger"]


@pytest.mark.parametrize("query", EDITIONS)
def test_an_apps_own_short_name_before_generic_words(screener: Screener, query: str) -> None:
    hits = {m.entry.entity_id: m for m in screener.matcher.match_name(query)}
    assert "app-tencent-qq" in hits, hits
    match = hits["app-tencent-qq"]
    config = screener.registry.matching
    assert config.thresholds.review <= match.score <= config.contained_score
    assert match.method == "contained"


def test_only_when_the_data_marks_the_word(registry: Registry) -> None:
    entity = registry.entities["app-tencent-qq"]
    names = tuple(replace(n, package_word=False) for n in entity.names)
    entities = {**registry.entities, entity.id: replace(entity, names=names)}
    plain = Matcher(replace(registry, entities=entities, version=f"{registry.version}-plain"))
    for query in EDITIONS:
        assert "app-tencent-qq" not in {m.entry.entity_id for m in plain.match_name(query)}


@pytest.mark.parametrize("query", ["QQ Smith", "QQ Zeltrava"])
def test_not_before_a_distinctive_word(screener: Screener, query: str) -> None:
    assert "app-tencent-qq" not in {m.entry.entity_id for m in screener.matcher.match_name(query)}
