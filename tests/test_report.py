"""`banscreen report`: one self-contained HTML page whose numbers are the decisions file's."""

from __future__ import annotations

import csv
import re
import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from banscreen.cli import app
from banscreen.errors import InputError

runner = CliRunner()
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


@pytest.fixture(scope="module")
def screened(sample_csv: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("report")
    jsonl, table = folder / "d.jsonl", folder / "d.csv"
    for out in (jsonl, table):
        result = runner.invoke(app, ["screen", str(sample_csv), "--out", str(out), "--quiet"])
        assert result.exit_code == 0, result.output
    page = folder / "report.html"
    result = runner.invoke(app, ["report", str(jsonl), "--out", str(page)])
    assert result.exit_code == 0, result.output
    return page, table


def _rows(table: Path) -> list[dict[str, str]]:
    with table.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_the_report_counts_are_the_decisions_counts(screened: tuple[Path, Path]) -> None:
    page, table = screened
    html = page.read_text(encoding="utf-8")
    rows = _rows(table)
    counts = Counter(r["outcome"] for r in rows)
    for outcome in ("BLOCK", "REVIEW", "CLEAR", "ERROR"):
        shown = re.search(
            rf"<span class='{outcome}'>{outcome}</span></td><td class='n'>([\d,]+)", html
        )
        assert shown and int(shown.group(1).replace(",", "")) == counts[outcome], outcome
    assert f"{len(rows):,} rows" in html
    # Every ERROR row is listed under its cause, by row number.
    errors = [r for r in rows if r["outcome"] == "ERROR"]
    assert errors
    for row in errors:
        number = re.match(r"row (\d+): ", row["error"])
        assert number and re.search(rf"\b{number.group(1)}\b", html.split("Errors, by cause")[1])
    # The entity with most REVIEW/BLOCK rows comes first, with its path.
    flagged = Counter(r["entity_id"] for r in rows if r["outcome"] in ("REVIEW", "BLOCK"))
    top = flagged.most_common(1)[0][0]
    entities = html.split("Matched entities")[1]
    assert entities.index(f"<code>{top}</code>") < min(
        entities.index(f"<code>{e}</code>") for e in flagged if e != top
    )


def test_the_report_asks_nothing_of_another_origin(screened: tuple[Path, Path]) -> None:
    html = screened[0].read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=|url\(|@import|<script""", html, re.IGNORECASE)
    assert "default-src 'none'" in html and "@media print" in html


def test_a_bad_decisions_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "d.jsonl"
    bad.write_text('{"id": "1", "outcome": "CLEAR"}\nnot json\n', encoding="utf-8")
    result = runner.invoke(app, ["report", str(bad), "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "d.jsonl:2" in result.output


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def test_the_report_renders_in_chromium(screened: tuple[Path, Path]) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (service-tests)")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium (apt-get install chromium)")
    page_path = screened[0]
    requests: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.on("request", lambda r: requests.append(r.url))
        page.goto(page_path.as_uri())
        assert page.locator("#hits-chart").is_visible()
        assert page.locator("h2", has_text="Errors, by cause").is_visible()
        bars = page.locator("#hits-chart rect").count()
        assert bars > 0
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
        browser.close()
    assert all(url.startswith("file://") for url in requests), requests


def test_screen_report_is_the_report_of_its_decisions(
    sample_csv: Path, screened: tuple[Path, Path], tmp_path: Path
) -> None:
    """`screen --report` builds the report from the decisions as they are made (every row,
    the repeat lane bypassed): the same page `report` makes from the JSON-lines output."""
    page = tmp_path / "run.html"
    result = runner.invoke(
        app, ["screen", str(sample_csv), "--out", str(tmp_path / "o.csv"), "--report", str(page)]
    )
    assert result.exit_code == 0, result.output
    made = page.read_text(encoding="utf-8").replace(sample_csv.name, "SOURCE")
    expected = screened[0].read_text(encoding="utf-8").replace("d.jsonl", "SOURCE")
    assert made == expected
    refused = runner.invoke(
        app, ["screen", str(sample_csv), "--report", str(page), "--workers", "2", "--quiet"]
    )
    assert refused.exit_code == 2 and "--workers" in refused.output


def test_a_file_read_in_ranges_by_several_processes_gives_the_same_report(
    screened: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each range's aggregates are merged in file order: the same counts, the same first
    example of each entity, the same ERROR rows, as one process reading every line."""
    from dataclasses import asdict

    from banscreen.report import aggregate

    decisions = screened[0].with_name("d.jsonl")  # beside the page the fixture returns
    lines = decisions.read_text(encoding="utf-8").splitlines(keepends=True)
    big = tmp_path / "big.jsonl"
    big.write_text("".join(lines * 7), encoding="utf-8")  # ranges split inside a copy
    monkeypatch.setattr(aggregate, "PARALLEL_BYTES", 0)
    alone = aggregate.read(big, workers=1)
    together = aggregate.read(big, workers=3)
    assert alone.rows == together.rows == len(lines) * 7
    assert asdict(alone) == asdict(together)
    broken = tmp_path / "broken.jsonl"
    broken.write_text("".join(lines * 3) + "{not json\n" + "".join(lines), encoding="utf-8")
    with pytest.raises(InputError, match=rf"broken.jsonl:{len(lines) * 3 + 1}: not a decision"):
        aggregate.read(broken, workers=3)


def test_a_report_reads_only_what_it_counts_and_names_a_line_of_the_wrong_shape(
    tmp_path: Path,
) -> None:
    """The reader decodes the fields a report counts and skips the rest: fields it does not
    know are ignored, a date that is not a string is no date, and a line whose counted field
    has the wrong shape is named by its number, never a crash or a silently dropped row."""
    from banscreen.report import aggregate

    good = tmp_path / "good.jsonl"
    good.write_text(
        '{"outcome": "REVIEW", "as_of": 20210315, "entity_id": "e1", "entity_name": "E",'
        ' "extra": {"deep": [1, 2]}, "hits": [{"program": "p", "outcome": "REVIEW",'
        ' "evidence": {"method": "exact"}, "more": 1}]}\n'
        '{"outcome": "BLOCK", "as_of": "2021-03-15", "entity_id": "e1", "hits": []}\n',
        encoding="utf-8",
    )
    report = aggregate.read(good)
    assert report.rows == 2 and report.outcomes == {"REVIEW": 1, "BLOCK": 1}
    assert report.first == report.last == date(2021, 3, 15)
    assert report.entities["e1"].example == {"path": "", "evidence": {"method": "exact"}}
    assert report.by_program == {("p", "REVIEW"): 1}
    for shape in ('{"hits": "x"}', "[1, 2]", '{"hits": [3]}'):
        bad = tmp_path / "bad.jsonl"
        bad.write_text('{"outcome": "CLEAR"}\n' + shape + "\n", encoding="utf-8")
        with pytest.raises(InputError, match=r"bad.jsonl:2: not a decision"):
            aggregate.read(bad)


def test_the_report_hook_counts_a_decision_orjson_cannot_write(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The hook hands each decision to the same decoder as a file's line; a value orjson
    refuses (an integer past 64 bits) goes through the standard library instead of
    failing the run."""
    from banscreen.report import aggregate

    monkeypatch.setattr(
        aggregate, "decision_json", lambda d: {"outcome": "REVIEW", "notes": [2**70]}
    )
    hook = aggregate.ReportHook()
    hook(None, None)  # type: ignore[arg-type]
    assert hook.report.rows == 1 and hook.report.outcomes == {"REVIEW": 1}
