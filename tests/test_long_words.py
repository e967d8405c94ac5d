"""Words and fields far longer than any name: bounded work, never a batch killed.

Before, a megabyte of Chinese characters in `text` (within its 1 MB limit) held 24 GB and
was killed, taking the whole run with it; a megabyte of Hangul took minutes; `banscreen
match` of a 100,000-letter word ran out of memory; a megabyte of "ﷺ" (which reads as 18
characters) was screened as 18 MB of words. Each bound below is asserted by what it does,
not by the time it takes."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from banscreen.cli import app
from banscreen.engine import Screener
from banscreen.match import sounded_windows
from banscreen.match.legal import HAN_FORM_MAX_CHARS, LegalForms
from banscreen.match.pinyin import SPLIT_MAX_CHARS, pinyin_syllables, split_pinyin
from banscreen.match.rewrites import RUN_TOGETHER_MAX_CHARS
from banscreen.registry import load_registry
from banscreen.surfaces.rows import FIELD_LIMITS

HEADER = "id,date,category,counterparty_name,counterparty_country,counterparty_identifiers,us_nexus,text\n"


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_registry())


def test_a_token_longer_than_any_pinyin_word_is_not_split() -> None:
    syllables = pinyin_syllables()
    assert split_pinyin("a" * SPLIT_MAX_CHARS, syllables) == ("a",) * SPLIT_MAX_CHARS
    assert split_pinyin("a" * (SPLIT_MAX_CHARS + 1), syllables) is None


def test_a_token_longer_than_any_run_together_name_is_not_split(screener: Screener) -> None:
    names = screener.matcher.names
    word = "holdings"
    fits = word * (RUN_TOGETHER_MAX_CHARS // len(word))
    assert names.split_run_together(fits, {word}) == (word,) * (len(fits) // len(word))
    assert names.split_run_together(fits + word, {word}) is None


def test_only_a_han_runs_last_characters_are_asked_for_a_legal_form(
    screener: Screener, monkeypatch: pytest.MonkeyPatch
) -> None:
    legal = LegalForms(screener.registry.matching)
    asked: list[str] = []
    ask = legal.is_han_form
    monkeypatch.setattr(legal, "is_han_form", lambda text: asked.append(text) or ask(text))
    assert legal.strip_han_form("中" * 5000 + "有限公司") == "中" * 5000
    assert max(len(t) for t in asked[1:]) <= HAN_FORM_MAX_CHARS
    assert len(asked) <= 2 * (HAN_FORM_MAX_CHARS + 1)


def test_sounded_windows_skip_words_no_name_has_and_stop_at_what_is_read() -> None:
    long_word = "가" * 65
    assert sounded_windows.word_windows(("위챗", long_word, "페이")) == ["위챗", "페이"]
    arabic = tuple(["زد", "باي"] * 5000)
    assert len(sounded_windows.abjad_windows(arabic)) == sounded_windows.SOUNDED_WINDOWS
    assert sounded_windows.abjad_windows(("زد", "ب" * 65)) == []


@pytest.mark.parametrize("unit", ["中", "가", "ب", "A B ", "微信 "])
def test_a_long_text_field_is_decided_and_its_neighbours_too(tmp_path: Path, unit: str) -> None:
    size = 200_000
    text = (unit * (size // len(unit) + 1))[:size]
    path = tmp_path / "in.csv"
    path.write_text(
        HEADER + f"1,2021-03-01,payment,Acme,US,,true,{text}\n"
        "2,2021-03-01,payment,Tenpay,CN,,true,\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["screen", str(path), "--quiet"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["id"] for r in rows] == ["1", "2"]
    assert rows[0]["outcome"] in ("CLEAR", "REVIEW")
    assert rows[1]["entity_id"] == "tenpay"


def test_a_field_that_unfolds_past_its_limit_is_an_error_naming_it(tmp_path: Path) -> None:
    """U+FDFA reads as 18 characters: 60,000 of them are 1,080,000, past `text`'s limit."""
    limit = FIELD_LIMITS["text"]
    count = limit // 18 + 1
    path = tmp_path / "in.csv"
    path.write_text(
        HEADER + "1,2021-03-01,payment,Acme,US,,true," + "\ufdfa" * count + "\n"
        "2,2021-03-01,payment,Acme,US,,true," + "\ufdfa" * (count - 2) + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["screen", str(path), "--quiet"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["outcome"] for r in rows] == ["ERROR", "CLEAR"]
    assert rows[0]["error"].startswith("row 1: text:") and "unfolded" in rows[0]["error"]


def test_match_and_compare_refuse_a_name_longer_than_screen_takes(tmp_path: Path) -> None:
    limit = FIELD_LIMITS["counterparty_name"]
    runner = CliRunner()
    for args in (["match", "中" * (limit + 1)], ["compare", "a", "中" * (limit + 1)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and "a name may have" in result.output
    assert runner.invoke(app, ["compare", "a", "中" * limit]).exit_code == 0
    names = tmp_path / "names.txt"
    names.write_text("Tenpay\n" + "x" * (limit + 1) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["match", "--names", str(names)])
    assert result.exit_code == 2 and "name 2" in result.output


@pytest.mark.parametrize("name", ["中" * 5000, "\ufdfa" * 300])
def test_a_list_naming_a_party_longer_than_a_name_is_refused(tmp_path: Path, name: str) -> None:
    """Before, three such names took 90 s to import and made the index unstorable."""
    import json

    rows = [
        {"id": "e1", "schema": "Company", "properties": {"name": ["Acme Trading LLC"]}},
        {"id": "e2", "schema": "Company", "properties": {"name": ["Zed", name]}},
    ]
    path = tmp_path / "list.ftm.json"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["--home", str(tmp_path / "home"), "lists", "import", str(path), "--format", "ftm"]
    )
    assert result.exit_code == 2
    assert "record e2" in result.output and "a name may have" in result.output


def test_a_scanned_record_named_longer_than_a_name_is_an_error(tmp_path: Path) -> None:
    """As a row would be: before, a component named with a megabyte of characters was
    screened (seconds) and CLEAR."""
    import json

    bom = {
        "bomFormat": "CycloneDX",
        "specVersion": "1.4",
        "version": 1,
        "components": [
            {"type": "library", "name": "中" * 5000, "version": "1"},
            {"type": "library", "name": "left-pad", "version": "1.3.0"},
        ],
    }
    path = tmp_path / "bom.json"
    path.write_text(json.dumps(bom, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(app, ["scan", str(path), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    rows = {r["location"][-9:]: r for r in csv.DictReader(io.StringIO(out.read_text("utf-8")))}
    assert len(rows) == 2
    long_row = next(r for r in rows.values() if "中" in r["location"])
    assert long_row["outcome"] == "ERROR" and "5,000 characters" in long_row["error"]
    assert rows["pad@1.3.0"]["outcome"] == "CLEAR"


def test_a_hostname_longer_than_dns_allows_is_not_one_but_text_keeps_its_end() -> None:
    """A 64,000-character "a.a.a..." domain was looked up parent by parent (seconds) and was
    CLEAR; a hostname has at most 253 characters. In text, a run of dotted words that long
    still names the host it ends with."""
    from banscreen.errors import IdentifierError
    from banscreen.match.identifiers import hosts_in_text, normalise_domain

    with pytest.raises(IdentifierError):
        normalise_domain("a." * 32_000 + "qq.com")
    assert normalise_domain("a." * 100 + "qq.com") == "a." * 100 + "qq.com"
    found = hosts_in_text("paid via " + "a." * 500_000 + "pay.weixin.qq.com today")
    assert found and found[0].endswith(".pay.weixin.qq.com") and len(found[0]) <= 253


def test_an_error_names_a_long_value_by_its_start_and_length(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(HEADER + '1,2021-03-01,payment,Acme,US,"lei:' + "X" * 60_000 + '",true,\n')
    result = CliRunner().invoke(app, ["screen", str(path), "--quiet"])
    row = next(csv.DictReader(io.StringIO(result.output)))
    assert row["outcome"] == "ERROR" and "not an LEI" in row["error"]
    assert "(60,000 characters)" in row["error"] and len(row["error"]) < 400
