"""Lists through time: a back-dated row is judged against the list versions in force on its
date and against the newest, in every list format banscreen reads.

Each format gets two dated versions written by the fixture generator: party A is on both,
B only on the first (delisted since), C only on the second (listed after). The first takes
effect on 2025-01-10, the second on 2025-06-10.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from banscreen.cli import app
from banscreen.engine import Screener
from banscreen.model import Decision, Nexus, Outcome, Transaction
from banscreen.sources import ListsPolicy, ListStore, registry_with_lists

FIXTURES = Path(__file__).parent / "fixtures" / "lists"
_spec = importlib.util.spec_from_file_location("list_fixtures", FIXTURES / "generate.py")
assert _spec is not None and _spec.loader is not None
gen = importlib.util.module_from_spec(_spec)
sys.modules["list_fixtures"] = gen
_spec.loader.exec_module(gen)

V1, V2 = "2025-01-10", "2025-06-10"
NAMES = {
    "A": "ALDERGATE PRECISION TRADING LLC",
    "B": "BRIMSTONE MARITIME HOLDINGS LLC",
    "C": "CALDERWOOD ALLOY WORKS LLC",
}
UIDS = {"A": 501, "B": 502, "C": 503}
# Parties on both versions, so the second is small beside the list and stored as a delta.
for _i in range(8):
    NAMES[f"F{_i}"] = f"QUIETWATER {('NORTH', 'SOUTH', 'EAST', 'WEST')[_i % 4]} SUPPLY {_i} LLC"
    UIDS[f"F{_i}"] = 600 + _i
FILLERS = tuple(f"F{i}" for i in range(8))
FIRST, SECOND = ("A", "B", *FILLERS), ("A", "C", *FILLERS)


def _party(tag: str) -> dict[str, object]:
    return {
        "uid": UIDS[tag],
        "kind": "entity",
        "name": NAMES[tag],
        "aliases": [],
        "country": ("AE", "United Arab Emirates"),
        "street": "1 Sheikh Zayed Street",
        "city": "Dubai",
        "program": "SDGT",
        "ids": [],
        "listed": None,
    }


def _csl(tag: str) -> dict[str, object]:
    record = dict(gen.csl_records(1)[0])
    record.update(
        _id=f"csl-{UIDS[tag]}",
        source="Specially Designated Nationals (SDN) - Treasury Department",
        name=NAMES[tag],
        alt_names=[],
        addresses=[],
        ids=[],
        start_date=None,
        end_date=None,
        federal_register_notice=None,
    )
    return record


def _ftm(tag: str) -> str:
    return json.dumps(
        {
            "id": f"NK-{UIDS[tag]}",
            "schema": "Company",
            "properties": {"name": [NAMES[tag]], "country": ["ae"], "topics": ["sanction"]},
            "datasets": ["us_ofac_sdn"],
            "target": True,
        }
    )


def _write(fmt: str, tags: tuple[str, ...], issued: str, folder: Path) -> Path:
    """One version in `fmt`; its date is in the file where the format has one."""
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "ofac-xml":
        path = folder / "sdn_advanced.xml"
        gen.write_advanced([_party(t) for t in tags], path, issued)
    elif fmt == "ofac-legacy-xml":
        path = folder / "sdn.xml"
        gen.write_legacy([_party(t) for t in tags], path, issued)
    elif fmt == "ofac-csv":
        path = folder / issued.replace("-", "")  # dated by its folder's name
        gen.write_sdn_csv([_party(t) for t in tags], path)
    elif fmt in ("csl-csv", "csl-json"):
        gen.write_csl([_csl(t) for t in tags], folder)
        path = folder / ("consolidated.csv" if fmt == "csl-csv" else "consolidated.json")
    else:
        path = folder / "entities.ftm.json"
        path.write_text("\n".join(_ftm(t) for t in tags) + "\n", "utf-8")
    return path


FORMATS = ("ofac-xml", "ofac-legacy-xml", "ofac-csv", "csl-csv", "csl-json", "ftm")


@pytest.fixture(scope="module", params=FORMATS)
def history_home(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    fmt = str(request.param)
    root = tmp_path_factory.mktemp(f"history-{fmt}")
    home = root / "home"
    store = ListStore(home)
    if fmt == "ofac-csv":  # a folder of dated CSV sets: imported as a history
        files = root / "files"
        _write(fmt, SECOND, V2, files)  # written newest first: the import orders them
        _write(fmt, FIRST, V1, files)
        result = CliRunner().invoke(app, ["--home", str(home), "lists", "import", str(files)])
        assert result.exit_code == 0, result.output
    else:
        dated = fmt in ("ofac-xml", "ofac-legacy-xml")
        for tags, issued in ((FIRST, V1), (SECOND, V2)):
            path = _write(fmt, tags, issued, root / issued)
            store.import_file(path, published=None if dated else issued)
    return home


def _decide(home: Path, tag: str, day: str, lists: ListsPolicy = ListsPolicy.dated) -> Decision:
    screener = Screener(registry_with_lists(home, lists=lists))
    tx = Transaction(
        id=f"{tag}-{day}",
        date=date.fromisoformat(day),
        category="payment",
        counterparty_name=NAMES[tag],
        us_nexus=Nexus.TRUE,
    )
    return screener.decide(tx)


def _sdn(decision: Decision) -> set[str]:
    return {r for r in decision.reasons if r.startswith("ofac-sdn:")}


def test_the_versions_take_effect_on_their_own_dates(history_home: Path) -> None:
    store = ListStore(history_home)
    (name,) = {v.list for v in store.current()}
    assert [v.effective for v in store.history(name)] == [V1, V2]
    # The second version is stored as what changed since the first.
    assert store.history(name)[1].base == store.history(name)[0].id


def test_listed_then_and_now_gives_the_programs_outcome(history_home: Path) -> None:
    decision = _decide(history_home, "A", "2025-03-01")
    assert decision.outcome is Outcome.BLOCK
    assert _sdn(decision) == {"ofac-sdn:BLOCKED_PERSON"}


def test_delisted_since_keeps_the_outcome_it_had_then(history_home: Path) -> None:
    decision = _decide(history_home, "B", "2025-03-01")
    assert decision.outcome is Outcome.BLOCK
    assert _sdn(decision) == {"ofac-sdn:BLOCKED_PERSON", "ofac-sdn:DELISTED_SINCE"}
    # Under `newest` the party is not there at all: today's relationships only.
    assert _decide(history_home, "B", "2025-03-01", ListsPolicy.newest).outcome is Outcome.CLEAR


def test_listed_after_the_date_is_review(history_home: Path) -> None:
    decision = _decide(history_home, "C", "2025-03-01")
    assert decision.outcome is Outcome.REVIEW
    assert "ofac-sdn:LISTED_AFTER_DATE" in decision.reasons
    newest = _decide(history_home, "C", "2025-03-01", ListsPolicy.newest)
    assert newest.outcome is Outcome.BLOCK


def test_a_row_before_every_version_is_judged_against_the_oldest(history_home: Path) -> None:
    listed = _decide(history_home, "A", "2024-06-01")
    assert listed.outcome is Outcome.BLOCK
    assert "ofac-sdn:BEFORE_LIST_HISTORY" in listed.reasons
    later = _decide(history_home, "C", "2024-06-01")
    assert later.outcome is Outcome.REVIEW
    assert {"ofac-sdn:LISTED_AFTER_DATE", "ofac-sdn:BEFORE_LIST_HISTORY"} <= set(later.reasons)


def test_delisted_before_the_date_is_clear(history_home: Path) -> None:
    decision = _decide(history_home, "B", "2025-07-01")
    assert decision.outcome is Outcome.CLEAR
    assert decision.reasons == ("ofac-sdn:NOT_LISTED_ON_DATE",)


def test_each_hit_names_the_versions_it_was_judged_on(history_home: Path) -> None:
    first, second = ListStore(history_home).history(ListStore(history_home).current()[0].list)
    (hit,) = [h for h in _decide(history_home, "B", "2025-03-01").hits if h.list_standing]
    assert hit.list_standing is not None
    assert (hit.list_standing.on_date, hit.list_standing.newest) == (first.id, second.id)
    assert hit.list_standing.listed_by == first.id
    assert hit.evidence.fact.source == first.id  # the entry is cited from the version naming it


# ------------------------------------------------------------------ one format, end to end

Invoke = Callable[..., object]


@pytest.fixture
def sdn_history(tmp_path: Path) -> tuple[Path, Path]:
    home = tmp_path / "home"
    runner = CliRunner()
    for tags, issued in ((FIRST, V1), (SECOND, V2)):
        path = _write("ofac-xml", tags, issued, tmp_path / issued)
        assert (
            runner.invoke(app, ["--home", str(home), "lists", "import", str(path)]).exit_code == 0
        )
    rows = [
        "id,date,category,counterparty_name,counterparty_country,counterparty_identifiers,us_nexus,text"
    ]
    rows += [f"{t},2025-03-01,payment,{NAMES[t]},AE,,true," for t in ("A", "B", "C")]
    tx = tmp_path / "tx.csv"
    tx.write_text("\n".join(rows) + "\n", "utf-8")
    return home, tx


def test_screen_json_names_the_list_versions_and_lists_newest_is_todays_behaviour(
    sdn_history: tuple[Path, Path], tmp_path: Path
) -> None:
    home, tx = sdn_history
    runner = CliRunner()
    dated = runner.invoke(app, ["--home", str(home), "screen", str(tx), "--format", "jsonl"])
    assert dated.exit_code == 0, dated.output
    by_id = {d["id"]: d for d in map(json.loads, dated.stdout.splitlines())}
    assert {k: v["outcome"] for k, v in by_id.items()} == {
        "A": "BLOCK",
        "B": "BLOCK",
        "C": "REVIEW",
    }
    versions = by_id["B"]["hits"][0]["list_versions"]
    assert versions["standing"] == "DELISTED_SINCE" and versions["on_date"] != versions["newest"]
    newest = runner.invoke(
        app, ["--home", str(home), "screen", str(tx), "--format", "jsonl", "--lists", "newest"]
    )
    assert newest.exit_code == 0, newest.output
    outcomes = {d["id"]: d["outcome"] for d in map(json.loads, newest.stdout.splitlines())}
    assert outcomes == {"A": "BLOCK", "B": "CLEAR", "C": "BLOCK"}


def test_explain_shows_the_version_that_listed_the_party(
    sdn_history: tuple[Path, Path], tmp_path: Path
) -> None:
    home, tx = sdn_history
    first = ListStore(home).history("ofac-sdn")[0].id
    result = CliRunner().invoke(app, ["--home", str(home), "explain", "B", "--input", str(tx)])
    assert result.exit_code == 0, result.output
    assert "DELISTED_SINCE" in result.stdout and first in result.stdout
    second = ListStore(home).history("ofac-sdn")[1].id
    entity = CliRunner().invoke(app, ["--home", str(home), "explain", "ofac-sdn-502"])
    assert entity.exit_code == 0, entity.output
    assert f"listed before the oldest version → {V2}  (listed by {first}, dropped by {second})" in (
        entity.stdout
    )


def test_lists_rescreen_uses_the_same_rule(sdn_history: tuple[Path, Path], tmp_path: Path) -> None:
    home, tx = sdn_history
    runner = CliRunner()
    store = ListStore(home)
    first, second = store.history("ofac-sdn")
    # The decisions a run made when only the first version was known.
    before = tmp_path / "before.csv"
    screened = runner.invoke(
        app, ["--home", str(home), "screen", str(tx), "--lists", "newest", "--out", str(before)]
    )
    assert screened.exit_code == 0
    result = runner.invoke(
        app,
        ["--home", str(home), "lists", "rescreen", str(tx), "--decisions", str(before),
         "--from", first.id, "--to", second.id, "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    changed = {r["id"]: r for r in json.loads(result.stdout)["changed"]}
    # Under newest, B was CLEAR and C BLOCK; judged by date, B stays blocked and C is REVIEW.
    assert (changed["B"]["previous_outcome"], changed["B"]["outcome"]) == ("CLEAR", "BLOCK")
    assert (changed["C"]["previous_outcome"], changed["C"]["outcome"]) == ("BLOCK", "REVIEW")


# ------------------------------------------------------------------ published relationships


@pytest.fixture(scope="module")
def related_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SDN file where a company is "owned or controlled by" a listed one and another is
    only its "associate"; neither of the two has a sanctions entry of its own."""
    root = tmp_path_factory.mktemp("related")
    owner, sub, associate = _party("A"), _party("B"), _party("C")
    sub["program"] = associate["program"] = None
    path = root / "sdn_advanced.xml"
    gen.write_advanced(
        [owner, sub, associate, *(_party(t) for t in FILLERS)],
        path,
        V1,
        [(UIDS["B"], UIDS["A"], "Owned or Controlled By"), (UIDS["C"], UIDS["A"], "Associate Of")],
    )
    ListStore(root / "home").import_file(path)
    return root / "home"


def test_owned_or_controlled_by_reaches_the_subsidiary_with_the_relation_in_its_path(
    related_home: Path,
) -> None:
    decision = _decide(related_home, "B", "2025-03-01")
    assert decision.outcome is Outcome.BLOCK
    (hit,) = [h for h in decision.hits if h.program_id == "ofac-sdn"]
    ((step),) = hit.path
    assert (step.relation, step.target_id, step.forward) == ("controls", "ofac-sdn-501", False)
    version = ListStore(related_home).current()[0].id
    assert step.fact.source == version  # the step cites the list version that published it
    assert "<-controls-" in decision.path


def test_an_associate_is_shown_but_not_reached(related_home: Path) -> None:
    decision = _decide(related_home, "C", "2025-03-01")
    assert decision.outcome is Outcome.CLEAR
    assert decision.reasons == ("ENTITY_NOT_COVERED",)
    shown = CliRunner().invoke(app, ["--home", str(related_home), "explain", "ofac-sdn-503"])
    assert shown.exit_code == 0, shown.output
    assert "-associate_of->" in shown.stdout


def test_the_service_judges_by_date_and_the_alert_page_names_the_listing_version(
    sdn_history: tuple[Path, Path], tmp_path: Path
) -> None:
    pytest.importorskip("fastapi", reason="the service extra (pip install 'banscreen[service]')")
    from fastapi.testclient import TestClient

    from banscreen.api import create_app
    from banscreen.store import Store

    home, _ = sdn_history
    store = Store(f"sqlite:///{tmp_path / 'store.db'}")
    client = TestClient(create_app(store, Screener(registry_with_lists(home))))
    key = {"Authorization": f"Bearer {store.create_key(['screen'])}"}
    row = {"id": "B1", "date": "2025-03-01", "category": "payment", "us_nexus": "true"}
    decided = client.post("/v1/screen", json={**row, "counterparty_name": NAMES["B"]}, headers=key)
    assert decided.status_code == 200, decided.text
    assert decided.json()["outcome"] == "BLOCK"
    assert "ofac-sdn:DELISTED_SINCE" in decided.json()["reasons"]
    from helpers.service import ui_login

    assert ui_login(client, store.create_key(["review"])).status_code == 303
    alert_id = store.alerts()[0][0].id
    page = client.get(f"/ui/alerts/{alert_id}")
    first = ListStore(home).history("ofac-sdn")[0].id
    assert page.status_code == 200
    assert "DELISTED_SINCE: listed by" in page.text and first in page.text
    store.engine.dispose()


def test_two_histories_with_the_same_newest_version_are_not_the_same_data() -> None:
    """Loaded registries are cached by their lists' identities: a history is more than its
    newest version (two homes can import the same file in the same second and share that
    id while their earlier versions differ)."""
    from datetime import date

    from banscreen.sources.entities import _history_version

    newest = "ofac-sdn-20250301T000000-43a71df6"
    one = ((date(2025, 1, 1), "ofac-sdn-20250101T000000-6fedae99"), (date(2025, 3, 1), newest))
    other = ((date(2025, 1, 1), "ofac-sdn-20250101T000001-6fedae99"), (date(2025, 3, 1), newest))
    assert _history_version(newest, one) != _history_version(newest, other)
    assert _history_version(newest, one) == _history_version(newest, one)


def test_match_reads_a_single_version_list_through_the_composition_its_import_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`match` and `compare` read names only: a list of one version names the same parties
    in its newest and dated views, so they use the dated one `lists import` built and cached
    (composing the newest again cost the first `match` after a 40,000-party import 8 s). With
    two versions the newest view is composed, and a party delisted since is no candidate."""
    import banscreen.sources.compose as compose

    home = tmp_path / "home"
    runner = CliRunner()
    path = _write("ofac-xml", FIRST, V1, tmp_path / V1)
    assert runner.invoke(app, ["--home", str(home), "lists", "import", str(path)]).exit_code == 0
    composed: list[str] = []
    real = compose.imported_for

    def counted(store: ListStore, version: Any, base: Any) -> Any:
        composed.append(version.id)
        return real(store, version, base)

    monkeypatch.setattr(compose, "imported_for", counted)
    delisted = runner.invoke(app, ["--home", str(home), "match", NAMES["B"], "--json"])
    assert delisted.exit_code == 0, delisted.output
    found = json.loads(delisted.stdout)["candidates"]
    assert found[0]["entity_id"] == "ofac-sdn-502" and composed == []
    path = _write("ofac-xml", SECOND, V2, tmp_path / V2)
    assert runner.invoke(app, ["--home", str(home), "lists", "import", str(path)]).exit_code == 0
    after = runner.invoke(app, ["--home", str(home), "match", NAMES["B"], "--json"])
    assert after.exit_code == 0, after.output
    assert json.loads(after.stdout)["candidates"] == []
    assert composed == [ListStore(home).history("ofac-sdn")[1].id]
