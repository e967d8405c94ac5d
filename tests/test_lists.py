"""Restricted-party list importers, list versions, diffs, and screening against the lists."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from banscreen.cli import app
from banscreen.engine import Screener, ScreenOptions
from banscreen.errors import ListError
from banscreen.model import Nexus, Outcome, Transaction
from banscreen.sources import (
    ListRecord,
    ListRelation,
    ListsPolicy,
    ListStore,
    detect_format,
    diff_lists,
    read_list,
    registry_with_lists,
)

LISTS = Path(__file__).resolve().parent / "fixtures" / "lists"
runner = CliRunner()


@pytest.fixture(scope="module")
def parsed() -> dict[str, object]:
    return {
        name: read_list(LISTS / name)
        for name in (
            "sdn_advanced.xml",
            "sdn.xml",
            "ofac_csv",
            "consolidated.csv",
            "consolidated.json",
            "opensanctions.ftm.json",
        )
    }


# ------------------------------------------------------------------ importers


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("sdn_advanced.xml", "ofac-xml"),
        ("sdn.xml", "ofac-xml"),
        ("ofac_csv", "ofac-csv"),
        ("ofac_csv/sdn.csv", "ofac-csv"),
        ("consolidated.csv", "csl-csv"),
        ("consolidated.json", "csl-json"),
        ("opensanctions.ftm.json", "ftm"),
    ],
)
def test_formats_are_detected_from_content(name: str, fmt: str) -> None:
    assert detect_format(LISTS / name) == fmt


def test_the_three_ofac_formats_give_the_same_parties(parsed: dict[str, object]) -> None:
    advanced, legacy, csv_set = (parsed[n] for n in ("sdn_advanced.xml", "sdn.xml", "ofac_csv"))
    assert len(advanced.records) == len(legacy.records) == len(csv_set.records) == 242  # type: ignore[attr-defined]
    for a, b, c in zip(advanced.records, legacy.records, csv_set.records, strict=True):  # type: ignore[attr-defined]
        assert a.key == b.key == c.key
        assert a.type == b.type == c.type
        assert a.programs == b.programs == c.programs
        assert a.countries == b.countries == c.countries
        assert (
            {i[1] for i in a.identifiers}
            == {i[1] for i in b.identifiers}
            == {i[1] for i in c.identifiers}
        )
        assert len(a.aliases) == len(b.aliases) == len(c.aliases)


def test_advanced_xml_reads_names_aliases_programs_dates_and_identifiers(
    parsed: dict[str, object],
) -> None:
    records = parsed["sdn_advanced.xml"].by_key()  # type: ignore[attr-defined]
    bnc = records["306"]
    assert bnc.name == "BANCO NACIONAL DE CUBA"
    assert bnc.aliases == ("BNC", "NATIONAL BANK OF CUBA")
    assert bnc.programs == ("CUBA",)
    assert bnc.countries == ("CU",)
    assert bnc.listed == "1986-01-01"
    assert parsed["sdn_advanced.xml"].published == "2026-11-20"  # type: ignore[attr-defined]
    kinds = {label for r in records.values() for label, _ in r.identifiers}
    assert {"SWIFT/BIC", "Website", "Vessel Registration Identification"} <= kinds
    assert any(label.startswith("Digital Currency Address") for label in kinds)
    assert {r.type for r in records.values()} == {"entity", "individual", "vessel"}


def test_legacy_csv_joins_remarks_continued_in_sdn_comments(parsed: dict[str, object]) -> None:
    csv_set = parsed["ofac_csv"].by_key()  # type: ignore[attr-defined]
    advanced = parsed["sdn_advanced.xml"].by_key()  # type: ignore[attr-defined]
    long_ones = [k for k, r in csv_set.items() if len(r.remarks) > 60]
    assert long_ones, "the fixture has remarks split into sdn_comments.csv"
    for key in long_ones:
        assert {v for _, v in csv_set[key].identifiers} == {v for _, v in advanced[key].identifiers}


def test_csl_csv_and_json_are_the_same_list(parsed: dict[str, object]) -> None:
    from_csv, from_json = parsed["consolidated.csv"], parsed["consolidated.json"]
    assert len(from_csv.records) == 261  # type: ignore[attr-defined]
    for a, b in zip(from_csv.records, from_json.records, strict=True):  # type: ignore[attr-defined]
        assert (a.key, a.list_code, a.name, a.aliases, a.programs, a.countries) == (
            b.key,
            b.list_code,
            b.name,
            b.aliases,
            b.programs,
            b.countries,
        )
        assert (a.citation, a.listed, a.source_name, a.identifiers) == (
            b.citation,
            b.listed,
            b.source_name,
            b.identifiers,
        )


def test_csl_keeps_source_list_and_citation_and_drops_the_successor_clause(
    parsed: dict[str, object],
) -> None:
    records = parsed["consolidated.csv"].records  # type: ignore[attr-defined]
    huawei = records[0]
    assert huawei.list_code == "EL"
    assert huawei.source_name == "Entity List (EL) - Bureau of Industry and Security"
    assert huawei.citation == "84 FR 22961, 05/21/2019"
    assert huawei.listed == "2019-05-16"
    assert not any("successor" in r.name.lower() for r in records)
    raw = (LISTS / "consolidated.csv").read_text("utf-8")
    assert "and any successor, sub-unit, or subsidiary thereof" in raw
    assert {r.list_code for r in records} >= {
        "EL",
        "MEU",
        "UVL",
        "DPL",
        "SDN",
        "CMIC",
        "DTC",
        "SSI",
    }


def test_ftm_reads_parties_ownership_and_sanctions(parsed: dict[str, object]) -> None:
    content = parsed["opensanctions.ftm.json"]
    assert len(content.relations) == 5  # type: ignore[attr-defined]
    assert {r.kind for r in content.relations} == {"owns"}  # type: ignore[attr-defined]
    records = content.by_key()  # type: ignore[attr-defined]
    assert records["oc-joint"].target is False
    targets = [r for r in records.values() if r.target]
    assert len(targets) == 150
    assert all(r.programs and r.listed for r in targets)


def test_store_round_trip_keeps_every_field(tmp_path: Path, parsed: dict[str, object]) -> None:
    store = ListStore(tmp_path)
    for name in ("sdn_advanced.xml", "consolidated.json", "opensanctions.ftm.json"):
        result = store.import_file(LISTS / name)
        loaded = store.load(result.version)
        original = parsed[name]
        assert loaded.records == original.records  # type: ignore[attr-defined]
        assert loaded.relations == original.relations  # type: ignore[attr-defined]
        assert result.version.sha256 and result.version.records == len(original.records)  # type: ignore[attr-defined]
    assert [v.list for v in store.current()] == ["ofac-sdn", "csl", "ftm-us-ofac-sdn"]


# ------------------------------------------------------------------ broken files


def _truncate(source: Path, target: Path, share: float) -> Path:
    data = source.read_bytes()
    target.write_bytes(data[: int(len(data) * share)])
    return target


@pytest.mark.parametrize("name", ["sdn_advanced.xml", "sdn.xml"])
def test_truncated_xml_is_refused_naming_the_last_record_and_the_good_version_stays(
    tmp_path: Path, name: str
) -> None:
    store = ListStore(tmp_path / "home")
    good = store.import_file(LISTS / name).version
    cut = _truncate(LISTS / name, tmp_path / name, 0.6)
    with pytest.raises(
        ListError, match=r"truncated XML after (DistinctParty FixedRef|sdnEntry uid)=\d+"
    ):
        store.import_file(cut)
    assert store.current() == [good]
    refused = store.versions()[-1]
    assert refused.status == "refused" and "truncated" in refused.reason


def test_an_empty_csv_is_refused_and_the_good_version_stays(tmp_path: Path) -> None:
    store = ListStore(tmp_path / "home")
    good = store.import_file(LISTS / "consolidated.csv").version
    empty = tmp_path / "consolidated.csv"
    empty.write_text("")
    with pytest.raises(ListError, match="empty file"):
        store.import_file(empty, "csl-csv")
    header_only = tmp_path / "header.csv"
    header_only.write_text((LISTS / "consolidated.csv").read_text("utf-8").splitlines()[0] + "\n")
    with pytest.raises(ListError, match="no records"):
        store.import_file(header_only)
    assert store.current() == [good]


def test_a_truncated_csv_row_names_the_record(tmp_path: Path) -> None:
    lines = (LISTS / "consolidated.csv").read_text("utf-8").splitlines()
    broken = tmp_path / "broken.csv"
    broken.write_text("\n".join([*lines[:5], lines[5][:120]]) + "\n")
    with pytest.raises(ListError, match=r"line 6 \(record [0-9a-f]{40}\).*truncated"):
        read_list(broken)


def test_csl_json_with_a_bad_date_names_the_record_and_field(tmp_path: Path) -> None:
    data = json.loads((LISTS / "consolidated.json").read_text("utf-8"))
    data["results"][3]["start_date"] = "31/12/2020"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    record = data["results"][3]["_id"]
    with pytest.raises(
        ListError, match=rf"results\[3\] \(record {record}\): start_date: not a date"
    ):
        read_list(bad)


def test_truncated_json_is_refused(tmp_path: Path) -> None:
    cut = _truncate(LISTS / "consolidated.json", tmp_path / "c.json", 0.5)
    with pytest.raises(ListError, match="not JSON"):
        read_list(cut)


def test_ftm_line_that_is_not_an_entity_is_named(tmp_path: Path) -> None:
    lines = (LISTS / "opensanctions.ftm.json").read_text("utf-8").splitlines()
    lines.insert(7, json.dumps({"id": "x1", "schema": "NoSuchSchema", "properties": {}}))
    bad = tmp_path / "bad.ftm.json"
    bad.write_text("\n".join(lines))
    with pytest.raises(ListError, match=r"line 8 \(entity x1\)"):
        read_list(bad, "ftm")


@pytest.mark.parametrize(
    ("entity", "message"),
    [({"schema": False}, "'schema' must be a schema's name, not false"),
     ({"schema": ["Person"]}, "'schema' must be"),
     ({"schema": "Person", "properties": []}, "'properties' must be"),
     ({"schema": "Person", "properties": {"name": ["X"]}, "datasets": 5}, "'datasets' must be")],
)  # fmt: skip
def test_an_ftm_entity_of_the_wrong_shape_is_refused_not_a_crash(
    tmp_path: Path, entity: dict[str, object], message: str
) -> None:
    """A fuzzer's FtM line with `"schema": false` was a traceback out of followthemoney
    (`'bool' object has no attribute 'name'`), `"datasets": 5` another; each is now the
    import refused, naming the line and entity, the last good version kept."""
    lines = (LISTS / "opensanctions.ftm.json").read_text("utf-8").splitlines()
    lines.insert(2, json.dumps({"id": "x1", **entity}))
    bad = tmp_path / "bad.ftm.json"
    bad.write_text("\n".join(lines))
    with pytest.raises(ListError, match=rf"line 3 \(entity x1\): {re.escape(message)}"):
        read_list(bad, "ftm")


def test_xml_entities_are_never_expanded(tmp_path: Path) -> None:
    bomb = tmp_path / "sdn.xml"
    lol = "".join(
        f'<!ENTITY l{i} "{"&l" + str(i - 1) + ";" * 1 if i else "lol"}{("&l" + str(i - 1) + ";") * 9 if i else ""}">'
        for i in range(8)
    )
    bomb.write_text(
        f'<?xml version="1.0"?><!DOCTYPE sdnList [{lol}]>'
        '<sdnList xmlns="http://tempuri.org/sdnList.xsd"><sdnEntry><uid>1</uid>'
        "<lastName>&l7;</lastName><sdnType>Entity</sdnType></sdnEntry></sdnList>"
    )
    try:
        content = read_list(bomb)
    except ListError:
        return  # refused outright: fine
    assert all("lol" not in r.name for r in content.records)


def test_a_file_that_is_no_list_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("hello\nworld\n")
    with pytest.raises(ListError, match="not a list format"):
        read_list(other)


# ------------------------------------------------------------------ versions


def _csl_subset(tmp_path: Path, keep: slice, name: str = "consolidated.csv") -> Path:
    lines = (LISTS / "consolidated.csv").read_text("utf-8").splitlines()
    target = tmp_path / name
    target.write_text("\n".join([lines[0], *lines[1:][keep]]) + "\n", "utf-8")
    return target


def test_a_version_that_drops_too_many_records_is_refused_unless_forced(tmp_path: Path) -> None:
    store = ListStore(tmp_path / "home")
    good = store.import_file(LISTS / "consolidated.csv").version
    half = _csl_subset(tmp_path, slice(0, 130))
    with pytest.raises(
        ListError, match=r"130 records against 261 .* 50% fewer, more than the 10% allowed"
    ):
        store.import_file(half)
    assert store.current() == [good]
    nine_percent = _csl_subset(tmp_path, slice(0, 238), "nine.csv")
    assert store.import_file(nine_percent).version.records == 238
    forced = store.import_file(half, force=True).version
    assert store.current() == [forced]
    assert [v.status for v in store.versions()] == ["good", "refused", "good", "good"]


def test_reimporting_the_same_content_adds_no_version(tmp_path: Path) -> None:
    store = ListStore(tmp_path)
    first = store.import_file(LISTS / "consolidated.csv")
    again = store.import_file(LISTS / "consolidated.csv")
    assert again.unchanged and again.version == first.version
    assert len(store.versions()) == 1


def test_diff_reports_added_removed_and_changed(tmp_path: Path) -> None:
    old = read_list(LISTS / "consolidated.json")
    data = json.loads((LISTS / "consolidated.json").read_text("utf-8"))
    removed = [data["results"].pop(10)["_id"], data["results"].pop(20)["_id"]]
    data["results"][5]["alt_names"] = [*data["results"][5]["alt_names"], "NEW ALIAS"]
    changed = data["results"][5]["_id"]
    data["results"].append({**data["results"][7], "_id": "f" * 40, "name": "Brand New Listing Ltd"})
    new_file = tmp_path / "new.json"
    new_file.write_text(json.dumps(data))
    result = diff_lists(old, read_list(new_file))
    assert [r.key for r in result.added] == ["f" * 40]
    assert sorted(r.key for r in result.removed) == sorted(removed)
    assert [c.key for c in result.changed] == [changed]
    assert set(result.changed[0].fields) == {"aliases"}


# ------------------------------------------------------------------ screening with lists


@pytest.fixture(scope="module")
def lists_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from helpers.lists import import_fixture_lists

    return import_fixture_lists(tmp_path_factory.mktemp("lists-home"))


@pytest.fixture(scope="module")
def list_screener(lists_home: Path) -> Screener:
    return Screener(registry_with_lists(lists_home))


def _tx(
    name: str, day: date = date(2026, 10, 1), category: str = "payment", **kw: object
) -> Transaction:
    return Transaction(
        id="t", date=day, category=category, counterparty_name=name, us_nexus=Nexus.TRUE, **kw
    )  # type: ignore[arg-type]


def test_an_sdn_match_blocks_with_the_list_version_as_evidence(list_screener: Screener) -> None:
    decision = list_screener.decide(_tx("Banco Nacional de Cuba"))
    assert decision.outcome is Outcome.BLOCK
    assert decision.programs == ("ofac-sdn",)
    assert "ofac-sdn:BLOCKED_PERSON" in decision.reasons
    source = decision.hits[0].evidence.fact.source
    assert source.startswith("ofac-sdn-") and source in list_screener.registry.sources


def test_an_entity_list_match_is_a_review_for_export_control(list_screener: Screener) -> None:
    el = next(
        e
        for e in list_screener.registry.entities.values()
        if e.note
        and "(EL)" in e.note
        and e.type == "company"
        and "HUAWEI" not in e.display_name.upper()
    )
    decision = list_screener.decide(_tx(el.display_name, category="vendor"))
    assert decision.outcome is Outcome.REVIEW
    assert "bis-entity-list:EXPORT_CONTROL_LIST" in decision.reasons


def test_one_decision_shows_every_program_that_reaches_the_company(list_screener: Screener) -> None:
    decision = list_screener.decide(_tx("Huawei Technologies Co., Ltd.", category="vendor"))
    assert {"bis-entity-list", "fcc-covered-list"} <= set(decision.programs)
    # Through the same_as link, an identifier of the shipped entity reaches the list entry.
    by_domain = Transaction(
        id="d",
        date=date(2026, 10, 1),
        category="vendor",
        us_nexus=Nexus.TRUE,
        identifiers=(
            __import__(
                "banscreen.model", fromlist=["CounterpartyIdentifier"]
            ).CounterpartyIdentifier("domain", "huawei.com"),
        ),
    )
    hit = {h.program_id: h for h in list_screener.decide(by_domain).hits}
    assert "bis-entity-list" in hit
    assert hit["bis-entity-list"].path_text.startswith("huawei <-same_as- csl-")


def test_a_party_listed_after_the_date_is_review_and_says_so(list_screener: Screener) -> None:
    """The entry's own listing date (2019-05-16) decides, though the version is newer."""
    decision = list_screener.decide(
        _tx("Huawei Technologies Co., Ltd.", date(2019, 5, 15), "vendor")
    )
    hit = {h.program_id: h for h in decision.hits}["bis-entity-list"]
    assert hit.outcome is Outcome.REVIEW
    assert "bis-entity-list:LISTED_AFTER_DATE" in hit.reasons
    assert "bis-entity-list:BEFORE_LIST_HISTORY" not in hit.reasons
    listed = list_screener.decide(_tx("Huawei Technologies Co., Ltd.", date(2019, 5, 16), "vendor"))
    hit = {h.program_id: h for h in listed.hits}["bis-entity-list"]
    assert hit.outcome is Outcome.REVIEW
    assert "bis-entity-list:LISTED_AFTER_DATE" not in hit.reasons


def test_under_lists_newest_a_party_is_not_restricted_before_its_listing_date(
    lists_home: Path,
) -> None:
    screener = Screener(registry_with_lists(lists_home, lists=ListsPolicy.newest))
    decision = screener.decide(_tx("Huawei Technologies Co., Ltd.", date(2019, 5, 15), "vendor"))
    hit = {h.program_id: h for h in decision.hits}["bis-entity-list"]
    assert hit.outcome is Outcome.CLEAR
    assert "bis-entity-list:NOT_YET_LISTED" in hit.reasons
    assert hit.list_standing is None


def test_the_50_percent_rule_blocks_with_the_path_shown(list_screener: Screener) -> None:
    joint = list_screener.decide(_tx("Twinfold Joint Venture LLC"))
    assert joint.outcome is Outcome.BLOCK
    assert "ofac-sdn:AGGREGATE_OWNERSHIP" in joint.reasons
    assert joint.path.count("<-owns(25%)-") == 2 and " + " in joint.path
    minority = list_screener.decide(_tx("Fortynine Minority Holdings LLC"))
    assert minority.outcome is Outcome.CLEAR and minority.reasons == ("ENTITY_NOT_COVERED",)
    chain = list_screener.decide(_tx("Downstream Grandchild GmbH"))
    assert chain.outcome is Outcome.BLOCK
    assert "<-owns(51%)-" in chain.path and "<-owns(60%)-" in chain.path


def test_list_identifiers_match_bic_branches_and_crypto_addresses(list_screener: Screener) -> None:
    from banscreen.model import CounterpartyIdentifier

    entities = list_screener.registry.entities.values()
    bic = next(i for e in entities for i in e.identifiers if i.kind == "bic")
    branch = bic.value[:8] + "XXX"
    decision = list_screener.decide(
        Transaction(
            id="b",
            date=date(2026, 10, 1),
            category="payment",
            us_nexus=Nexus.TRUE,
            identifiers=(CounterpartyIdentifier("bic", branch),),
        )
    )
    assert decision.outcome is Outcome.BLOCK and decision.method == "identifier"
    wallet = next(i for e in entities for i in e.identifiers if i.kind == "crypto")
    decision = list_screener.decide(
        Transaction(
            id="c",
            date=date(2026, 10, 1),
            category="payment",
            us_nexus=Nexus.TRUE,
            identifiers=(
                CounterpartyIdentifier("crypto", wallet.value.upper().replace("0X", "0x")),
            ),
        )
    )
    assert decision.outcome is Outcome.BLOCK


def test_without_us_nexus_the_sdn_hit_is_reported_but_clear(list_screener: Screener) -> None:
    tx = Transaction(
        id="n",
        date=date(2026, 10, 1),
        category="payment",
        counterparty_name="Banco Nacional de Cuba",
        us_nexus=Nexus.FALSE,
    )
    decision = list_screener.decide(tx, ScreenOptions())
    assert decision.outcome is Outcome.CLEAR and decision.programs == ("ofac-sdn",)


# ------------------------------------------------------------------ command line


def test_cli_import_list_and_refusal_exit_codes(tmp_path: Path) -> None:
    home = ["--home", str(tmp_path)]
    ok = runner.invoke(app, [*home, "lists", "import", str(LISTS / "consolidated.csv"), "--json"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout)["version"]["records"] == 261
    cut = _truncate(LISTS / "sdn_advanced.xml", tmp_path / "cut.xml", 0.5)
    refused = runner.invoke(app, [*home, "lists", "import", str(cut)])
    assert refused.exit_code == 2
    assert "refused" in refused.stderr and "last good version" in refused.stderr
    listing = json.loads(runner.invoke(app, [*home, "lists", "--json"]).stdout)["versions"]
    assert [(v["list"], v["status"], v["current"]) for v in listing] == [
        ("csl", "good", True),
        ("ofac-sdn", "refused", False),
    ]
    screened = runner.invoke(app, [*home, "match", "Huawei Technologies Co Ltd", "--json"])
    assert any(m["entity_id"].startswith("csl-") for m in json.loads(screened.stdout)["candidates"])


def test_cli_diff_between_a_version_and_a_file(tmp_path: Path) -> None:
    home = ["--home", str(tmp_path / "home")]
    runner.invoke(app, [*home, "lists", "import", str(LISTS / "consolidated.csv")])
    smaller = _csl_subset(tmp_path, slice(3, None))
    result = runner.invoke(app, [*home, "lists", "diff", "csl", str(smaller), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert len(payload["removed"]) == 3 and not payload["added"] and not payload["changed"]


def test_delta_rescreen_decides_only_affected_rows_and_reports_changes(tmp_path: Path) -> None:
    home = ["--home", str(tmp_path / "home")]
    records = read_list(LISTS / "consolidated.csv").records
    entity_records = [r for r in records if r.type == "entity" and r.list_code == "SDN"]
    removed, kept = entity_records[0], entity_records[1]
    lines = (LISTS / "consolidated.csv").read_text("utf-8").splitlines()
    v1 = tmp_path / "v1.csv"
    v1.write_text("\n".join(lines) + "\n", "utf-8")
    runner.invoke(app, [*home, "lists", "import", str(v1)])
    tx = tmp_path / "tx.csv"
    rows = [
        "id,date,category,counterparty_name,counterparty_country,counterparty_identifiers,us_nexus,text"
    ]
    rows += [f"r{i},2026-10-01,payment,Plain Supplier {i} Inc,US,,true," for i in range(40)]
    rows += [
        f"gone,2026-10-01,payment,{removed.name},,,true,",
        f"kept,2026-10-01,payment,{kept.name},,,true,",
    ]
    rows += [
        "newly,2026-10-01,payment,Brand New Listing Trading LLC,AE,,true,",
        "bad,not-a-date,payment,X,,,true,",
    ]
    tx.write_text("\n".join(rows) + "\n", "utf-8")
    decisions = tmp_path / "decisions.csv"
    newest = ["--lists", "newest"]  # today's relationships: the removed party is gone
    assert (
        runner.invoke(app, [*home, "screen", str(tx), *newest, "--out", str(decisions)]).exit_code
        == 0
    )
    # v2: one SDN entry removed, one new entry for a counterparty that was CLEAR.
    added = lines[1].replace(lines[1].split(",")[0], '"' + "e" * 40 + '"', 1)
    added = added.replace("Huawei Technologies Co., Ltd.", "Brand New Listing Trading LLC").replace(
        '"Huawei"', '""'
    )
    v2 = tmp_path / "v2.csv"
    v2.write_text("\n".join(x for x in [*lines, added] if removed.key not in x) + "\n", "utf-8")
    assert runner.invoke(app, [*home, "lists", "import", str(v2)]).exit_code == 0
    result = runner.invoke(
        app,
        [*home, "lists", "rescreen", str(tx), "--decisions", str(decisions), *newest, "--json"],
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    summary = payload["summary"]
    assert (summary["entries_added"], summary["entries_removed"]) == (1, 1)
    assert summary["rows"] == 44 and summary["rows_invalid"] == 1
    assert summary["rows_rescreened"] == 2  # the removed party's row and the newly listed one
    changed = {row["id"]: row for row in payload["changed"]}
    assert set(changed) == {"gone", "newly"}
    assert (changed["gone"]["previous_outcome"], changed["gone"]["outcome"]) == ("BLOCK", "CLEAR")
    assert (changed["newly"]["previous_outcome"], changed["newly"]["outcome"]) == (
        "CLEAR",
        "REVIEW",
    )
    # A full rescreen agrees with the delta on every row.
    full = tmp_path / "full.csv"
    assert (
        runner.invoke(app, [*home, "screen", str(tx), *newest, "--out", str(full)]).exit_code == 0
    )
    before = {
        line.split(",")[0]: line.split(",")[1] for line in decisions.read_text().splitlines()[1:]
    }
    after = {line.split(",")[0]: line.split(",")[1] for line in full.read_text().splitlines()[1:]}
    assert {k for k in after if after[k] != before[k]} == set(changed)
    # Judged by date (the default), the removed party's row is dated before the version
    # that dropped it (both were imported today): it stays BLOCK, so it has not changed.
    dated = runner.invoke(
        app, [*home, "lists", "rescreen", str(tx), "--decisions", str(decisions), "--json"]
    )
    assert dated.exit_code == 0, dated.output
    assert {row["id"] for row in json.loads(dated.stdout)["changed"]} == {"newly"}


def test_fetch_of_a_local_path_imports_it(tmp_path: Path) -> None:
    folder = tmp_path / "ofac"
    shutil.copytree(LISTS / "ofac_csv", folder)
    result = runner.invoke(
        app, ["--home", str(tmp_path / "home"), "lists", "fetch", str(folder), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["version"]["format"] == "ofac-csv"


def test_lists_live_in_the_home_given_on_the_command_line(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert (
        runner.invoke(
            app, ["--home", str(a), "lists", "import", str(LISTS / "consolidated.csv")]
        ).exit_code
        == 0
    )
    assert (a / "lists" / "index.json").is_file()
    assert json.loads(runner.invoke(app, ["--home", str(b), "lists", "--json"]).stdout) == {
        "versions": []
    }
    in_a = runner.invoke(app, ["--home", str(a), "match", "Huawei Technologies Co Ltd", "--json"])
    in_b = runner.invoke(app, ["--home", str(b), "match", "Huawei Technologies Co Ltd", "--json"])
    assert any(m["entity_id"].startswith("csl-") for m in json.loads(in_a.stdout)["candidates"])
    assert not any(m["entity_id"].startswith("csl-") for m in json.loads(in_b.stdout)["candidates"])


CORPUS = Path(__file__).resolve().parent / "corpus" / "lists"


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*")), ids=lambda p: p.name)
def test_broken_list_files_from_fuzzing_are_refused_cleanly(path: Path, tmp_path: Path) -> None:
    """Each file here once crashed a reader; now it is a version or a ListError, nothing else."""
    fmt = {
        "csv": "ofac-csv" if path.name.startswith("ofac") else "csl-csv",
        "json": "csl-json",
        "xml": "ofac-xml",
        "jsonl": "ftm",
    }[path.suffix.lstrip(".")]
    target = tmp_path / ("sdn.csv" if fmt == "ofac-csv" else path.name)
    shutil.copy(path, target)
    try:
        content = read_list(target, fmt)
    except ListError as exc:
        assert str(exc)
    else:
        assert content.records


def test_a_converted_list_and_its_normalised_names_come_back_the_same_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second start reads the converted list version and the registry's normalised names
    from the cache directory; what it reads equals what was built."""
    from banscreen.engine import Screener
    from banscreen.registry.registry import _load
    from banscreen.sources.compose import _CACHE

    cache = tmp_path / "cache"
    monkeypatch.setenv("BANSCREEN_CACHE", str(cache))
    home = tmp_path / "home"
    ListStore(home).import_file(LISTS / "sdn_advanced.xml")

    def start() -> Screener:
        _CACHE.clear()
        _load.cache_clear()
        return Screener(registry_with_lists(home))

    built = start()
    assert len(list(cache.glob("history-*.pickle"))) == 1
    assert len(list(cache.glob("forms-*.pickle"))) == 1

    def not_again(*args: object) -> None:
        raise AssertionError("the list version was converted again")

    monkeypatch.setattr("banscreen.sources.entities.imported_data", not_again)
    monkeypatch.setattr("banscreen.sources.history.build_history", not_again)
    again = start()
    assert again.registry is not built.registry
    assert again.registry.entities == built.registry.entities
    assert again.registry.relations == built.registry.relations
    assert [e.form for e in again.matcher.names.entries] == [
        e.form for e in built.matcher.names.entries
    ]


REAL = Path(__file__).resolve().parent / "fixtures" / "realworld" / "lists"


def test_ofacs_csv_set_as_published_with_its_end_of_file_byte_imports_whole(
    tmp_path: Path,
) -> None:
    folder = REAL / "ofac_csv_published"
    assert (folder / "sdn.csv").read_bytes().rstrip().endswith(b"\x1a")  # as OFAC publishes it
    content = read_list(folder)
    assert len(content.records) == 8976
    result = ListStore(tmp_path).import_file(folder)
    assert result.version.records == 8976


def test_ofacs_non_sdn_list_puts_each_entry_on_its_own_list_with_its_own_effect(
    tmp_path: Path,
) -> None:
    """OFAC's consolidated non-SDN XML of 2023-03-08, as published: nothing in it is blocking
    but the FSE entry; NS-CMIC is a securities restriction and SSI a sectoral one."""
    path = REAL / "ofac_non_sdn_2023-03-08.xml"
    result = ListStore(tmp_path).import_file(path)
    assert (result.version.list, result.version.records) == ("ofac-non-sdn", 445)
    assert result.version.published == "2023-03-08"
    screener = Screener(registry_with_lists(tmp_path))

    def first_hit(name: str) -> tuple[str, str, tuple[str, ...]]:
        decision = screener.decide(_tx(name, date(2023, 6, 1), "vendor"))
        hit = next(h for h in decision.hits if h.program_id.startswith("ofac"))
        return hit.program_id, hit.outcome.name, hit.reasons

    cases = {
        "Huawei Technologies Co., Ltd.": ("ofac-cmic", "REVIEW", "SECURITIES_RESTRICTION"),
        "Hangzhou Hikvision Digital Technology Co., Ltd.": (
            "ofac-cmic", "REVIEW", "SECURITIES_RESTRICTION",
        ),
        "Public Joint Stock Company Gazprom Neft": ("ofac-ssi", "REVIEW", "SECTORAL_SANCTIONS"),
        "Bank of Kunlun Co Ltd": ("ofac-561", "REVIEW", "CORRESPONDENT_ACCOUNT_RESTRICTION"),
        "Ismail Abdul Salah Haniya": ("ofac-plc", "REVIEW", "PLC_LISTED"),
        "Evren Kayakiran": ("ofac-fse", "BLOCK", "PROHIBITED_PARTY"),
    }  # fmt: skip
    for name, (program, outcome, reason) in cases.items():
        found, got, reasons = first_hit(name)
        assert (found, got) == (program, outcome), name
        assert f"{program}:{reason}" in reasons, name
    registry = screener.registry
    assert "ofac-sdn" not in {
        p.id for p in registry.programs.values() if p.target_entities
    }  # not one entry of the non-SDN file is on the SDN list


def test_the_un_consolidated_list_imports_and_its_names_in_original_script_match(
    tmp_path: Path,
) -> None:
    path = REAL / "un_consolidated.xml"
    assert detect_format(path) == "un-xml"
    result = ListStore(tmp_path).import_file(path)
    assert (result.version.list, result.version.records) == ("un-sc", 1003)
    assert result.version.published == "2026-02-27"
    content = read_list(path)
    assert sum(r.type == "individual" for r in content.records) == 730
    saddam = next(r for r in content.records if r.citation == "IQi.001")
    assert saddam.listed == "2003-06-27" and saddam.countries == ("IQ",)
    assert ("Date of birth (exact)", "1937-04-28") in saddam.identifiers
    assert "Abu Ali" in saddam.remarks and "Abu Ali" not in saddam.aliases  # low quality
    screener = Screener(registry_with_lists(tmp_path))
    for name in ("صدام حسين التكريتي", "Saddam Hussein al-Tikriti"):
        decision = screener.decide(_tx(name, date(2024, 1, 5)))
        assert decision.outcome is Outcome.BLOCK, name
        assert decision.entity_id == "un-sc-6908048", name
        assert "un-sc:UN_ASSET_FREEZE" in decision.reasons
    # The UN's measures bind every member state: no U.S. nexus needed.
    abroad = screener.decide(
        Transaction(
            id="t", date=date(2024, 1, 5), category="payment",
            counterparty_name="Saddam Hussein al-Tikriti", us_nexus=Nexus.FALSE,
        )
    )  # fmt: skip
    assert abroad.outcome is Outcome.BLOCK


_WORDS = st.text(max_size=6)
_RECORDS = st.builds(
    ListRecord,
    key=_WORDS, list_code=_WORDS, type=st.sampled_from(["entity", "person"]), name=_WORDS,
    aliases=st.tuples(_WORDS, _WORDS), identifiers=st.lists(st.tuples(_WORDS, _WORDS)).map(tuple),
    listed=st.none() | st.just("2021-01-05"), target=st.booleans(),
)  # fmt: skip
_RELATIONS = st.builds(
    ListRelation, kind=st.sampled_from(["owns", "controls"]), source=_WORDS, target=_WORDS,
    percentage=st.none() | st.floats(0, 100),
)  # fmt: skip


@given(_RECORDS, _RELATIONS)
def test_stored_lines_and_fingerprints_are_those_of_the_published_fields(
    record: ListRecord, relation: ListRelation
) -> None:
    """Records are written and fingerprinted from their fields by name, as `asdict` gives
    them (without its deep copy): the stored lines and the diff keys of versions already
    kept stay the same."""
    import dataclasses
    import hashlib

    for item, dropped in ((record, ((), "", None, True)), (relation, ("", None))):
        full = dataclasses.asdict(item)
        assert item.to_json() == {k: v for k, v in full.items() if v not in dropped}
        text = json.dumps(full, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        assert item.fingerprint() == hashlib.sha256(text.encode()).hexdigest()[:16]


def test_a_swift_code_is_read_as_a_bic(list_screener: Screener) -> None:
    from banscreen.surfaces.rows import parse_identifiers

    entities = list_screener.registry.entities.values()
    bic = next(i for e in entities for i in e.identifiers if i.kind == "bic")
    for written in (f"swift:{bic.value}", f"SWIFT_BIC:{bic.value}"):
        (ident,) = parse_identifiers(written)
        assert ident.kind == "bic"
        decision = list_screener.decide(
            Transaction(id="s", date=date(2026, 10, 1), category="payment",
                        us_nexus=Nexus.TRUE, identifiers=(ident,))
        )  # fmt: skip
        assert decision.outcome is Outcome.BLOCK and decision.method == "identifier"
