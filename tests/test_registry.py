"""Packs are validated at load: a broken pack names the file, the line and the field."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest

from banscreen.decide import coverage_path
from banscreen.engine import Screener, ScreenOptions
from banscreen.errors import DataError
from banscreen.model import Nexus, Outcome, Policy, Provenance, Transaction
from banscreen.registry import Registry, load_registry
from banscreen.registry.loader import load_packs

ENTITY_PACK = """\
sources:
  filing: "A company filing"
entities:
  - id: tencent-technology-shenzhen
    type: company
    country: CN
    source: filing
    provenance: confirmed
    names:
      - {value: "Tencent Technology (Shenzhen) Company Limited", kind: legal, source: filing, provenance: confirmed}
      - {value: "腾讯科技（深圳）有限公司", kind: local-language, source: filing, provenance: confirmed}
relations:
  - {kind: subsidiary_of, from: tencent-technology-shenzhen, to: tencent-holdings, source: filing, provenance: confirmed}
"""


def write(tmp_path: Path, text: str, name: str = "extra.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_registry_loads(registry: Registry) -> None:
    assert {"eo13971", "eo13942", "eo13943"} <= set(registry.programs)
    apps = set(registry.programs["eo13971"].target_apps)
    assert len(apps) == 8
    for app in apps:
        entity = registry.entities[app]
        assert entity.type == "app"
        # every named app has a developer in the graph
        assert any(r.kind == "develops" for r in registry.all_relations_of(app))


def test_every_fact_has_a_declared_source(registry: Registry) -> None:
    for entity in registry.entities.values():
        for fact in [
            entity.fact,
            *(n.fact for n in entity.names),
            *(i.fact for i in entity.identifiers),
        ]:
            assert fact.source in registry.sources
            assert isinstance(fact.provenance, Provenance)
    for relation in registry.relations:
        assert relation.fact.source in registry.sources


def test_every_reference_entity_has_english_and_chinese_names(registry: Registry) -> None:
    for entity_id in (
        "ant-group",
        "alipay-hangzhou",
        "alibaba-group",
        "ucweb",
        "tencent-holdings",
        "tenpay",
        "tencent-computer-systems",
        "intsig",
        "kingsoft-office",
        "kingsoft-corp",
        "bytedance",
    ):
        scripts = {n.script for n in registry.entities[entity_id].names}
        assert {"latin", "han"} <= scripts, entity_id


def test_extra_data_adds_a_subsidiary(tmp_path: Path) -> None:
    extra = write(tmp_path, ENTITY_PACK)
    registry = load_registry([extra])
    screener = Screener(registry)
    tx = Transaction(
        "t1", date(2021, 3, 1), "payment", "腾讯科技（深圳）有限公司", us_nexus=Nexus.TRUE
    )
    decision = screener.decide(tx, ScreenOptions(policy=Policy.ANTICIPATE))
    assert decision.outcome is Outcome.BLOCK
    assert decision.entity_id == "tencent-technology-shenzhen"
    assert decision.path.startswith("tencent-technology-shenzhen -subsidiary_of-> tencent-holdings")
    # the shipped registry is unchanged
    assert "tencent-technology-shenzhen" not in load_registry().entities


@pytest.mark.parametrize(
    ("mutation", "field", "line"),
    [
        (
            ("provenance: confirmed\n    names", "provenance: sure\n    names"),
            "entities[0].provenance",
            8,
        ),
        (
            ("kind: legal, source: filing", "kind: legal, source: nowhere"),
            "entities[0].names[0].source",
            10,
        ),
        (("to: tencent-holdings", "to: no-such-entity"), "relations[0].to", 13),
        (("type: company", "type: spaceship"), "entities[0].type", 5),
        (
            ("{kind: subsidiary_of,", "{kind: subsidiary_of, start: 2021-02-30,"),
            "relations[0].start",
            13,
        ),
    ],
)
def test_broken_pack_names_file_line_and_field(
    tmp_path: Path, mutation: tuple[str, str], field: str, line: int
) -> None:
    old, new = mutation
    assert old in ENTITY_PACK
    path = write(tmp_path, ENTITY_PACK.replace(old, new, 1))
    with pytest.raises(DataError) as info:
        load_registry([path])
    err = info.value
    assert err.path == str(path)
    assert err.field == field
    assert err.line == line
    assert re.match(rf"^{re.escape(str(path))}:{line}: {re.escape(field)}: ", str(err))


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "sources:\n  a: b\nentities: [\n  {id: x\n")
    with pytest.raises(DataError) as info:
        load_registry([path])
    assert info.value.line is not None and info.value.field == "yaml"


def test_duplicate_entity_id_is_refused(tmp_path: Path) -> None:
    text = ENTITY_PACK.replace("id: tencent-technology-shenzhen", "id: tenpay", 1)
    with pytest.raises(DataError, match="duplicate entity id 'tenpay'"):
        load_registry([write(tmp_path, text)])


def test_missing_extra_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no such file"):
        load_registry([tmp_path / "nope.yaml"])


def test_made_up_program_from_yaml(tmp_path: Path) -> None:
    """A new program is a new YAML file: no code change."""
    program = """\
id: test-ban
name: "A made-up ban on CamScanner hosting"
citation: "Test Order 1"
section: "Sec. 1"
jurisdiction: us_nexus
source: order
provenance: confirmed
sources: {order: "Test Order 1"}
identification: {required: false}
targets: {apps: [app-camscanner]}
coverage: {developers: true, controllers: true, subsidiaries: true}
categories:
  - {id: hosting, label: "Hosting", transaction_categories: [hosting]}
events:
  - {type: effective, date: 2030-01-01, source: order, provenance: confirmed}
  - {type: non_enforcement, date: 2030-02-01, until: 2030-03-01, source: order, provenance: confirmed}
"""
    registry = load_registry([write(tmp_path, program, "test-ban.yaml")])
    screener = Screener(registry)

    def decide(day: date, category: str = "hosting") -> tuple[Outcome, tuple[str, ...]]:
        tx = Transaction("t", day, category, "INTSIG Information Co., Ltd.", us_nexus=Nexus.TRUE)
        d = screener.decide(tx)
        return d.outcome, d.reasons

    outcome, reasons = decide(date(2029, 12, 31))
    assert outcome is Outcome.CLEAR
    assert set(reasons) == {"test-ban:NOT_YET_EFFECTIVE", "eo13971:REVOKED"}
    assert decide(date(2030, 1, 1))[0] is Outcome.BLOCK
    assert "test-ban:IN_FORCE" in decide(date(2030, 1, 1))[1]
    assert decide(date(2030, 2, 1))[0] is Outcome.REVIEW
    assert "test-ban:NOT_ENFORCED" in decide(date(2030, 2, 15))[1]
    assert decide(date(2030, 3, 1))[0] is Outcome.BLOCK
    assert "test-ban:CATEGORY_NOT_COVERED" in decide(date(2030, 1, 5), "payment")[1]


def test_coverage_respects_relation_dates(registry: Registry) -> None:
    program = registry.programs["eo13971"]
    # VidMate was UCWeb's until 2018: reached before the sale, not after.
    assert coverage_path(registry, program, "app-vidmate", date(2018, 6, 1)) is not None
    assert coverage_path(registry, program, "app-vidmate", date(2019, 1, 1)) is None


def test_minority_stakes_never_reach(registry: Registry) -> None:
    program = registry.programs["eo13971"]
    day = date(2021, 3, 1)
    assert coverage_path(registry, program, "epic-games", day) is None
    assert coverage_path(registry, program, "snap-inc", day) is None
    # Ant Group is reached as the controller of Alipay's developer, never through Alibaba.
    path = coverage_path(registry, program, "alibaba-group", day)
    assert path is not None and all("ant-group" not in (s.source_id, s.target_id) for s in path)


def test_no_entity_names_in_python_code(registry: Registry) -> None:
    """Data, not code: no shipped entity name or id appears in the package's Python source."""
    src = Path(__file__).resolve().parents[1] / "src" / "banscreen"
    code = "\n".join(p.read_text("utf-8") for p in src.rglob("*.py")).lower()
    for entity in registry.entities.values():
        assert f'"{entity.id}"' not in code, entity.id
        for name in entity.names:
            if len(name.value) >= 5:
                assert name.value.lower() not in code, name.value


def test_an_edited_pack_is_read_again_not_served_from_the_cache(tmp_path: Path) -> None:
    extra = write(tmp_path, ENTITY_PACK)
    assert "tencent-technology-shenzhen" in load_registry([extra]).entities
    extra.write_text(
        ENTITY_PACK.replace("tencent-technology-shenzhen", "tencent-tech-sz"), encoding="utf-8"
    )
    edited = load_registry([extra])
    assert "tencent-tech-sz" in edited.entities
    assert "tencent-technology-shenzhen" not in edited.entities


def test_a_damaged_cache_entry_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BANSCREEN_CACHE", str(tmp_path / "cache"))
    first = load_packs()
    entries = list((tmp_path / "cache").glob("packs-*.pickle"))
    assert len(entries) == 1
    entries[0].write_bytes(b"not a pickle")
    again = load_packs()
    assert again.entities.keys() == first.entities.keys()
    assert again.version == first.version
    assert entries[0].read_bytes() != b"not a pickle"


def test_the_cache_keeps_the_most_recently_used_entries_of_each_kind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from banscreen.registry.cache import KEEP, cached

    cache = tmp_path / "cache"
    monkeypatch.setenv("BANSCREEN_CACHE", str(cache))
    assert cached("pinyin-words", [], lambda: "other kind") == "other kind"

    def entries() -> set[Path]:
        return set(cache.glob("pinyin-[0-9a-f]*.pickle"))

    for i in range(KEEP):  # written one after another, entry 0 the oldest
        before = entries()
        cached("pinyin", [], lambda i=i: i, key=[str(i)])
        (new,) = entries() - before
        os.utime(new, (1000 + i, 1000 + i))
    assert cached("pinyin", [], lambda: "built again", key=["0"]) == 0  # read: now the newest
    for i in (KEEP, KEEP + 1):
        cached("pinyin", [], lambda i=i: i, key=[str(i)])
    assert len(entries()) == KEEP
    found = [cached("pinyin", [], lambda: "gone", key=[str(i)]) for i in range(KEEP + 2)]
    assert found[:3] == [0, "gone", "gone"]  # the two least recently used were deleted
    assert cached("pinyin-words", [], lambda: "built again") == "other kind"


def test_a_broken_pack_is_refused_even_after_a_good_one_was_cached(tmp_path: Path) -> None:
    extra = write(tmp_path, ENTITY_PACK)
    load_registry([extra])
    extra.write_text(ENTITY_PACK.replace("provenance: confirmed", "provenance: sure"), "utf-8")
    with pytest.raises(DataError):
        load_registry([extra])


def test_a_key_given_twice_in_a_pack_is_an_error_at_its_line(tmp_path: Path) -> None:
    from banscreen.registry.yamlfile import YamlDocument

    path = tmp_path / "pack.yaml"
    path.write_text("entities:\n  - id: x\n    identifiers: []\n    identifiers: []\n", "utf-8")
    with pytest.raises(DataError) as caught:
        YamlDocument(path)
    assert "pack.yaml:4" in str(caught.value) and "given twice" in str(caught.value)


def test_installed_versions_read_from_dist_info_folders_are_importlib_metadatas() -> None:
    """The versions that key every cache are read from `.dist-info` folder names (fast); for
    every distribution installed here they are the versions importlib.metadata reads from
    the distribution's own metadata, and one that is not installed is "unknown"."""
    from importlib.metadata import distributions, version

    from banscreen.registry.cache import _dist_info_versions, package_version

    names = {dist.metadata["Name"] for dist in distributions()}
    assert len(names) > 20 and len(_dist_info_versions()) > 20
    for name in names:
        assert package_version(name) == version(name), name
    assert package_version("no-such-distribution-here") == "unknown"


def test_the_matching_configuration_key_is_written_once_and_stays_its_values() -> None:
    """The key is remembered on the (frozen) configuration: the same string each time, and
    equal to writing the values afresh."""
    import json
    from dataclasses import asdict

    config = load_registry().matching
    first = config.key()
    assert config.key() is first
    assert first == json.dumps(asdict(config), sort_keys=True, ensure_ascii=False)
