"""End-to-end tests of the command-line contract."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from banscreen.cli import app
from banscreen.engine import Screener
from banscreen.registry import Registry
from banscreen.wire import DECISION_COLUMNS as OUTPUT_COLUMNS

runner = CliRunner()
HEADER = "id,date,category,counterparty_name,counterparty_country,counterparty_identifiers,us_nexus,text,branch\n"


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def input_ids(path: Path) -> list[str]:
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        return [row["id"] for row in csv.DictReader(fh)]


def test_screen_sample_keeps_every_row_in_order(sample_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "decisions.csv"
    code, _ = run("screen", str(sample_csv), "--out", str(out))
    assert code == 0
    rows = read_csv(out)
    assert [r["id"] for r in rows] == input_ids(sample_csv)
    assert len(rows) >= 200
    assert list(rows[0])[: len(OUTPUT_COLUMNS)] == list(OUTPUT_COLUMNS)
    assert {"amount", "currency"} <= set(rows[0]), "unknown input columns are kept"
    outcomes = {r["outcome"] for r in rows}
    assert {"REVIEW", "CLEAR", "ERROR"} <= outcomes
    # the row written in Latin-1 is an ERROR naming its field, not a crash or a CLEAR
    broken = [r for r in rows if "counterparty_name" in r["error"]]
    assert broken and all(r["outcome"] == "ERROR" for r in broken)


def test_screen_to_stdout_and_anticipate_policy(sample_csv: Path) -> None:
    code, stdout = run("screen", str(sample_csv), "--policy", "anticipate", "--quiet")
    assert code == 0
    rows = list(csv.DictReader(stdout.splitlines()))
    assert len(rows) == len(input_ids(sample_csv))
    blocks = [r for r in rows if r["outcome"] == "BLOCK"]
    assert blocks and all(r["programs"] and r["path"] and r["entity_id"] for r in blocks)


def test_screen_jsonl_and_parquet_round_trip(sample_csv: Path, tmp_path: Path) -> None:
    jsonl = tmp_path / "d.jsonl"
    assert run("screen", str(sample_csv), "--out", str(jsonl))[0] == 0
    decisions = [json.loads(line) for line in jsonl.read_text("utf-8").splitlines()]
    assert [d["id"] for d in decisions] == input_ids(sample_csv)
    hit = next(d for d in decisions if d["hits"])
    assert {"program", "citation", "section", "status", "path", "evidence"} <= set(hit["hits"][0])

    parquet_in = tmp_path / "in.parquet"
    with sample_csv.open(encoding="utf-8", errors="replace", newline="") as fh:
        rows = list(csv.DictReader(fh))
    pq.write_table(pa.Table.from_pylist(rows), parquet_in)
    parquet_out = tmp_path / "out.parquet"
    assert run("screen", str(parquet_in), "--out", str(parquet_out), "--quiet")[0] == 0
    table = pq.read_table(parquet_out)
    assert table.column("id").to_pylist() == [r["id"] for r in rows]
    assert set(OUTPUT_COLUMNS) <= set(table.column_names)


def test_jsonl_input_with_identifier_list(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps(
            {
                "id": "a",
                "date": "2021-03-01",
                "category": "code_use",
                "us_nexus": "true",
                "counterparty_identifiers": ["purl:pkg:cocoapods/WechatOpenSDK@2.0.2"],
            }
        )
        + "\n"
        + "{not json\n"
        + json.dumps(
            {"id": "c", "date": "2021-03-01", "category": "payment", "counterparty_name": "Acme"}
        )
        + "\n",
        encoding="utf-8",
    )
    code, stdout = run("screen", str(path), "--policy", "anticipate", "--quiet")
    assert code == 0
    rows = list(csv.DictReader(stdout.splitlines()))
    assert [r["outcome"] for r in rows] == ["BLOCK", "ERROR", "CLEAR"]
    assert rows[1]["error"].startswith("row 2: row: not valid JSON")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_bom_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "in.csv"
    path.write_text(
        HEADER + "1,2021-03-01,payment,腾讯控股有限公司,CN,,true,,HQ\n", encoding=encoding
    )
    code, stdout = run("screen", str(path), "--quiet")
    assert code == 0
    rows = list(csv.DictReader(stdout.splitlines()))
    assert rows[0]["id"] == "1" and rows[0]["entity_id"] == "tencent-holdings"


def test_ragged_rows_are_errors_not_losses(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(
        HEADER
        + "1,2021-03-01,payment,Acme,US,,true,,x\n"
        + "2,2021-03-01,payment,Acme,US,,true\n"
        + "3,2021-03-01,payment,Acme,US,,true,,x,surplus\n"
        + '4,2021-03-01,payment,"Multi\nLine Name",US,,true,,x\n',
        encoding="utf-8",
    )
    code, stdout = run("screen", str(path), "--quiet")
    assert code == 0
    rows = list(csv.DictReader(stdout.splitlines()))
    assert [r["id"] for r in rows] == ["1", "2", "3", "4"]
    assert [r["outcome"] for r in rows] == ["CLEAR", "ERROR", "ERROR", "CLEAR"]
    assert "fields but the header has" in rows[1]["error"]


def test_as_of_fills_missing_dates(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(HEADER + "1,,payment,Tenpay,CN,,true,,x\n", encoding="utf-8")
    assert "date: missing" in run("screen", str(path), "--quiet")[1]
    code, stdout = run("screen", str(path), "--quiet", "--as-of", "2021-03-01")
    assert code == 0 and ",REVIEW," in stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"name,date\nx,y\n", "no 'id' column"),
        # Files no table is are named as what their first bytes say they are.
        (gzip.compress(b"id,date\n1,2021-03-15\n"), "gzip-compressed: decompress it first"),
        (b"PK\x03\x04" + bytes(60), "an .xlsx workbook is one"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(60), "an .xls workbook"),
        (b"%PDF-1.7\n" + bytes(60), "a PDF document"),
        (b"PAR1" + bytes(60), "give it a .parquet name"),
    ],
)
def test_unusable_input_exits_2(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(content)
    result = runner.invoke(app, ["screen", str(path)])
    assert result.exit_code == 2
    assert message in result.output


def test_scan_of_an_empty_csv_exits_2(tmp_path: Path) -> None:
    """Telling an app inventory by its header read the first line of an empty file (an
    IndexError, a traceback) when an MDM console's column names came to be read."""
    path = tmp_path / "in.csv"
    path.write_bytes(b"")
    result = runner.invoke(app, ["scan", str(path)])
    assert result.exit_code == 2 and "nothing was screened" in result.output


@pytest.mark.parametrize("command", ["screen", "scan"])
def test_an_output_that_is_the_input_is_refused(tmp_path: Path, command: str) -> None:
    """The output takes its name when complete: written over the input, it replaced the
    transactions with their decisions."""
    path = tmp_path / "in.csv"
    content = HEADER + "1,2021-03-15,payment,Acme,US,,true,,x\n"
    path.write_text(content, encoding="utf-8")
    (tmp_path / "link.csv").symlink_to(path)
    for given in (str(path), str(tmp_path / "." / "in.csv"), str(tmp_path / "link.csv")):
        result = runner.invoke(app, [command, given, "--out", str(path)])
        assert result.exit_code == 2 and "is the input file" in result.output
        assert path.read_text(encoding="utf-8") == content


def test_missing_file_and_bad_option_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["screen", str(tmp_path / "nope.csv")]).exit_code == 2
    path = tmp_path / "in.csv"
    path.write_text(HEADER, encoding="utf-8")
    assert runner.invoke(app, ["screen", str(path), "--as-of", "someday"]).exit_code == 2


def test_header_only_file_gives_no_rows(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(HEADER, encoding="utf-8")
    code, stdout = run("screen", str(path), "--quiet")
    assert code == 0
    assert stdout.splitlines() == [",".join([*OUTPUT_COLUMNS, "branch"])]


def test_match_json_and_names_file(tmp_path: Path) -> None:
    code, stdout = run("match", "TENCENT HLDGS LTD", "--json")
    assert code == 0
    data = json.loads(stdout)
    assert data["candidates"][0]["entity_id"] == "tencent-holdings"
    assert data["candidates"][0]["method"] == "exact"
    names = tmp_path / "names.csv"
    names.write_text("name\nVMware Inc\n騰訊控股\n", encoding="utf-8")
    code, stdout = run("match", "--names", str(names))
    rows = list(csv.DictReader(stdout.splitlines()))
    assert rows[0]["name"] == "VMware Inc" and rows[0]["entity_id"] == ""
    assert rows[1]["entity_id"] == "tencent-holdings"


def test_compare_json_and_pairs(tmp_path: Path) -> None:
    code, stdout = run("compare", "VMware", "VMate", "--json")
    assert code == 0 and json.loads(stdout)["match"] is False
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "a,b,label\nTencnet Holdings,Tencent Holdings Ltd,yes\nShareFile,SHAREit,no\n",
        encoding="utf-8",
    )
    code, stdout = run("compare", "--pairs", str(pairs))
    rows = list(csv.DictReader(stdout.splitlines()))
    assert [r["match"] for r in rows] == ["true", "false"]
    assert rows[0]["label"] == "yes" and float(rows[0]["score"]) > 0.8


def test_a_pairs_row_that_does_not_line_up_with_its_header_is_an_error_row(
    tmp_path: Path,
) -> None:
    """A name with an unquoted comma gives its row a cell more than the header: that was a
    traceback (csv's "dict contains fields not in fieldnames") and no output for any row
    after it. Now the row is written, not compared, and the rows after it are compared."""
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "a,b\n腾讯控股,Tencent Holdings Co., Ltd.\nShort\nTencnet Holdings,Tencent Holdings Ltd\n",
        encoding="utf-8",
    )
    code, stdout = run("compare", "--pairs", str(pairs))
    assert code == 0
    rows = list(csv.DictReader(stdout.splitlines()))
    assert [r["match"] for r in rows] == ["error", "error", "true"]
    assert rows[0]["a"] == "腾讯控股" and rows[0]["score"] == ""
    code, stdout = run("compare", "--pairs", str(pairs), "--json")
    lines = [json.loads(x) for x in stdout.splitlines()]
    assert lines[0]["error"].endswith("3 cells where the header has 2; not compared")
    assert lines[0]["extra"] == [" Ltd."] and lines[1]["match"] is None
    assert lines[2]["match"] is True
    pairs.write_bytes(b"a,b\n\xff\xfe\x00,x\n")
    code, _ = run("compare", "--pairs", str(pairs))
    assert code == 2


def test_names_and_pairs_files_as_json_lines_and_guarded_csv(tmp_path: Path) -> None:
    """A file of names or pairs gives a JSON line each with --json (not CSV), and its CSV
    guards the cells a spreadsheet would run as formulas."""
    names = tmp_path / "names.txt"
    names.write_text('=HYPERLINK("http://x")\nTENCENT HLDGS LTD\n', encoding="utf-8")
    code, stdout = run("match", "--names", str(names), "--json")
    assert code == 0
    lines = [json.loads(line) for line in stdout.splitlines()]
    assert [line["query"] for line in lines] == ['=HYPERLINK("http://x")', "TENCENT HLDGS LTD"]
    assert lines[0]["candidates"] == []
    assert lines[1]["candidates"][0]["entity_id"] == "tencent-holdings"
    code, stdout = run("match", "--names", str(names))
    rows = list(csv.DictReader(stdout.splitlines()))
    assert rows[0]["name"] == '\'=HYPERLINK("http://x")'
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("a,b,note\nTencnet Holdings,Tencent Holdings Ltd,@SUM(1)\n", "utf-8")
    code, stdout = run("compare", "--pairs", str(pairs), "--json")
    assert code == 0
    (line,) = [json.loads(x) for x in stdout.splitlines()]
    assert line["match"] is True and line["row"]["note"] == "@SUM(1)"
    assert line["score"] > 0.8 and line["tokens"]
    code, stdout = run("compare", "--pairs", str(pairs))
    (row,) = csv.DictReader(stdout.splitlines())
    assert row["note"] == "'@SUM(1)" and row["match"] == "true"


def test_explain_transaction_and_entity(sample_csv: Path) -> None:
    code, stdout = run("explain", "riot-games", "--json", "--as-of", "2021-03-01")
    assert code == 0
    info = json.loads(stdout)
    reached = {p["program"]: p for p in info["programs"]}
    assert reached["eo13971"]["reached"] and "tencent-holdings" in reached["eo13971"]["path"]
    with sample_csv.open(encoding="utf-8", errors="replace", newline="") as fh:
        first_review = next(
            r for r in csv.DictReader(fh) if r["counterparty_name"] == "Riot Games, Inc."
        )
    code, stdout = run("explain", first_review["id"], "--input", str(sample_csv), "--json")
    assert code == 0
    decision = json.loads(stdout)
    assert decision["id"] == first_review["id"] and decision["hits"]
    assert runner.invoke(app, ["explain", "no-such-entity"]).exit_code == 2


def test_programs_status_on_a_date() -> None:
    code, stdout = run("programs", "--date", "2021-03-01", "--json")
    assert code == 0
    rows = {(r["program"], r["category"]): r for r in json.loads(stdout)["programs"]}
    assert rows[("eo13971", "any")]["status"] == "IN_FORCE"
    assert rows[("eo13971", "any")]["identified"] is False
    assert rows[("eo13943", "payment")]["status"] == "ENJOINED"


def test_extra_data_option_reports_broken_pack(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("sources: {a: b}\nentities:\n  - {id: X, type: company}\n", encoding="utf-8")
    result = runner.invoke(app, ["match", "Tencent", "--extra-data", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}:3: entities[0]" in result.output


def test_home_setting_resolution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from banscreen.settings import Settings

    monkeypatch.setenv("BANSCREEN_HOME", str(tmp_path / "env"))
    assert Settings.resolve().home == tmp_path / "env"
    assert Settings.resolve(tmp_path / "flag").home == tmp_path / "flag"
    monkeypatch.delenv("BANSCREEN_HOME")
    assert Settings.resolve().home.name == "banscreen"
    assert runner.invoke(app, ["--home", str(tmp_path), "programs", "--json"]).exit_code == 0


def test_programs_diff_reports_status_and_listing_changes() -> None:
    code, stdout = run("programs", "diff", "2021-02-18", "2021-02-19", "--json")
    assert code == 0
    changes = {
        (c["program"], c["category"]): (c["before"], c["after"])
        for c in json.loads(stdout)["changes"]
    }
    assert changes == {("eo13971", "any"): ("NOT_YET_EFFECTIVE", "IN_FORCE")}
    code, stdout = run("programs", "diff", "2022-03-24", "2022-03-25", "--json")
    listed = {c["category"] for c in json.loads(stdout)["changes"]}
    assert {"listing:kaspersky-lab", "listing:china-mobile-international-usa"} <= listed
    code, stdout = run("programs", "diff", "2023-01-01", "2023-01-02")
    assert code == 0 and "no program changed" in stdout


def test_programs_timeline_json() -> None:
    code, stdout = run("programs", "--timeline", "--json")
    assert code == 0
    timelines = {t["program"]: t for t in json.loads(stdout)["timelines"]}
    pafaca = [
        (p["from"], p["to"], p["status"])
        for p in timelines["pafaca"]["periods"]
        if p["category"] == "app_store"
    ]
    assert ("2025-01-19", "2025-01-20", "IN_FORCE") in pafaca
    assert ("2025-01-20", "2025-12-17", "NOT_ENFORCED") in pafaca
    assert pafaca[-1] == ("2025-12-17", None, "IN_FORCE")
    assert {lst["target"] for lst in timelines["fcc-covered-list"]["listings"]} >= {"huawei", "zte"}


@pytest.mark.parametrize("fmt", ["svg", "png"])
def test_programs_chart(tmp_path: Path, fmt: str) -> None:
    result = runner.invoke(app, ["programs", "--chart", str(tmp_path), "--chart-format", fmt])
    assert result.exit_code == 0
    files = sorted(p.name for p in tmp_path.iterdir())
    assert f"eo13971.{fmt}" in files and f"pafaca.{fmt}" in files
    data = (tmp_path / f"eo13971.{fmt}").read_bytes()
    assert data.startswith(b"\x89PNG") if fmt == "png" else b"<svg" in data[:2000]


@pytest.mark.parametrize(
    ("encoding", "name", "branch"),
    [
        ("gb18030", "腾讯控股有限公司", "深圳总部"),
        ("big5", "騰訊控股有限公司", "香港辦事處"),
        ("cp1252", "Tencent Holdings Limited", "Zürich Société Générale"),
        ("latin-1", "Tencent Holdings Limited", "Genève Crédit Agricole"),
        ("shift_jis", "騰訊控股有限公司", "東京オフィス"),
    ],
)
def test_legacy_encodings_are_detected(
    tmp_path: Path, encoding: str, name: str, branch: str
) -> None:
    rows = "".join(f"{i},2021-03-01,payment,{name},CN,,true,,{branch}\n" for i in range(30))
    path = tmp_path / "in.csv"
    path.write_bytes((HEADER + rows).encode(encoding))
    result = runner.invoke(app, ["screen", str(path)])
    assert result.exit_code == 0
    decisions = list(csv.DictReader(result.stdout.splitlines()))
    assert len(decisions) == 30
    assert all(d["entity_id"] == "tencent-holdings" and d["branch"] == branch for d in decisions), (
        decisions[0]
    )
    assert "read as" in result.output


def test_kanji_without_kana_is_read_as_shift_jis(tmp_path: Path) -> None:
    # Shift-JIS bytes of kanji also decode in GB18030, as rare characters: read as the
    # frequent characters of its script, the file is Shift-JIS, kana or not (an earlier
    # rule refused to guess, and every row was an ERROR).
    rows = "".join(
        f"{i},2021-03-01,payment,騰訊控股有限公司,CN,,true,,東京本社\n" for i in range(30)
    )
    path = tmp_path / "in.csv"
    path.write_bytes((HEADER + rows).encode("shift_jis"))
    code, stdout = run("screen", str(path), "--quiet")
    decisions = list(csv.DictReader(stdout.splitlines()))
    assert code == 0 and len(decisions) == 30
    assert all(
        d["entity_id"] == "tencent-holdings" and d["branch"] == "東京本社" for d in decisions
    )
    code, stdout = run("screen", str(path), "--quiet", "--encoding", "shift_jis")
    assert code == 0 and stdout.count(",tencent-holdings,") == 30


def test_encoding_override(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes((HEADER + "1,2021-03-01,payment,騰訊,CN,,true,,HQ\n").encode("big5"))
    code, stdout = run("screen", str(path), "--encoding", "big5", "--quiet")
    assert code == 0 and ",tencent-holdings," in stdout
    assert runner.invoke(app, ["screen", str(path), "--encoding", "klingon"]).exit_code == 2


def test_spreadsheet_formulas_are_neutralised(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(
        HEADER + '=HYPERLINK("http://x"),2021-03-01,payment,Acme,US,,true,,@SUM(A1)\n',
        encoding="utf-8",
    )
    code, stdout = run("screen", str(path), "--quiet")
    row = next(csv.DictReader(stdout.splitlines()))
    assert row["id"] == '\'=HYPERLINK("http://x")' and row["branch"] == "'@SUM(A1)"
    code, stdout = run("screen", str(path), "--quiet", "--raw-csv")
    assert code == 0
    assert next(csv.DictReader(stdout.splitlines()))["id"].startswith("=HYPERLINK")


def test_failed_run_leaves_no_output_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from banscreen.engine import Screener

    path = tmp_path / "in.csv"
    path.write_text(
        HEADER + "".join(f"{i},2021-03-01,payment,Acme {i},US,,true,,x\n" for i in range(5)),
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    calls = {"n": 0}
    original = Screener.decide

    def failing(self: Screener, tx: object, options: object = None) -> object:
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("simulated crash")
        return original(self, tx, options)  # type: ignore[arg-type]

    monkeypatch.setattr(Screener, "decide", failing)
    result = runner.invoke(app, ["screen", str(path), "--out", str(out)])
    assert result.exit_code != 0
    assert not out.exists() and not (tmp_path / "out.csv.partial").exists()


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_workers_write_exactly_what_one_process_writes(
    sample_csv: Path, tmp_path: Path, fmt: str
) -> None:
    # The sample has ragged and malformed rows too: they must come back in place.
    rows = sample_csv.read_text("latin-1").splitlines()
    big = tmp_path / "big.csv"
    big.write_text("\n".join([rows[0], *(rows[1:] * 40), "ragged,row"]) + "\n", "latin-1")
    outs = []
    for workers in ("1", "3"):
        out = tmp_path / f"out-{workers}.{fmt}"
        result = runner.invoke(
            app, ["screen", str(big), "--out", str(out), "--workers", workers, "--quiet"]
        )
        assert result.exit_code == 0, result.output
        outs.append(out.read_bytes() if fmt != "parquet" else pq.read_table(out).to_pylist())
    assert outs[0] == outs[1]
    count = len(outs[0]) if fmt == "parquet" else outs[0].count(b"\n") - (1 if fmt == "csv" else 0)
    assert count == (len(rows) - 1) * 40 + 1


def test_an_accept_list_row_that_cannot_apply_is_reported_with_its_line(
    tmp_path: Path, screener: Screener
) -> None:
    version = screener.list_version("tenpay")
    accept = tmp_path / "accept.csv"
    accept.write_text(
        "counterparty,entity_id,list_version,reason\n"
        f"Tenpay Payment Technology,tenpay,{version},checked\n"
        f"Tenpay, Payment Technology,tenpay,{version},unquoted comma\n"
        "Tenpay Payment Technology,tenpay,0ld0ld0ld0ld,stale\n"
        f"Tenpay Payment Technology,no-such-entity,{version},unknown\n",
        encoding="utf-8",
    )
    scoped = tmp_path / "scoped.csv"
    scoped.write_text(
        "counterparty,entity_id,list_version,reason,category,expires\n"
        f"Tenpay Payment Technology,tenpay,{version},old,,2020-01-31\n"
        f"Tenpay Payment Technology,tenpay,{version},vendors only,vendor,\n"
        f"Tenpay Payment Technology,tenpay,{version},bad date,,31/01/2030\n",
        encoding="utf-8",
    )
    tx = tmp_path / "tx.csv"
    tx.write_text(HEADER + "1,2021-03-15,payment,Tenpay Payment Technology,CN,,true,,\n")
    result = runner.invoke(app, ["screen", str(tx), "--accept-list", str(accept)])
    assert result.exit_code == 0, result.output
    assert f"{accept}:3: 5 fields, expected 4 (an unquoted comma?)" in result.output
    assert f"{accept}:4: list_version 0ld0ld0ld0ld is not tenpay's current version" in result.output
    assert f"{accept}:5: unknown entity 'no-such-entity'" in result.output
    assert "1 clearances applied, 3 not applied" in result.output
    assert "ACCEPTED" in result.stdout  # the good row still applies
    # An expired row is reported and not applied; one scoped to another category applies
    # to none of a payment's hits.
    scoped_run = runner.invoke(app, ["screen", str(tx), "--accept-list", str(scoped)])
    assert f"{scoped}:2: expired on 2020-01-31" in scoped_run.output
    assert f"{scoped}:4: expires '31/01/2030' is not an ISO date" in scoped_run.output
    assert "1 clearances applied, 2 not applied" in scoped_run.output
    assert "ACCEPTED" not in scoped_run.stdout and "REVIEW" in scoped_run.stdout


def test_explain_prints_data_in_brackets_and_relation_dates(registry: Registry) -> None:
    entity = next(
        e for e in registry.entities.values()
        if any(r.start or r.end for r in registry.all_relations_of(e.id))
    )  # fmt: skip
    result = runner.invoke(app, ["explain", entity.id])
    assert result.exit_code == 0, result.output
    name = entity.names[0]
    # "[kind, provenance: source]" was swallowed as Rich markup.
    assert f"[{name.kind}, {name.fact.provenance.value}: {name.fact.source}]" in result.output
    dated = next(r for r in registry.all_relations_of(entity.id) if r.start or r.end)
    day = dated.start or dated.end
    assert day is not None and day.isoformat() in result.output


def test_tables_are_printed_whole_off_a_terminal(tmp_path: Path) -> None:
    home = tmp_path / "home"
    lists = Path(__file__).parent / "fixtures" / "lists"
    source = next(p for p in sorted(lists.iterdir()) if p.suffix in (".xml", ".csv", ".json"))
    assert runner.invoke(app, ["--home", str(home), "lists", "import", str(source)]).exit_code in (
        0,
        2,
    )
    shown = runner.invoke(app, ["--home", str(home), "lists"])
    assert shown.exit_code == 0
    assert "…" not in shown.output  # no cell cut to fit 80 columns


def test_cli_edges_say_what_is_wrong(tmp_path: Path) -> None:
    folder = runner.invoke(app, ["screen", str(tmp_path)])
    assert folder.exit_code == 2 and "a folder, not a transactions file" in folder.output
    bad_date = runner.invoke(app, ["programs", "--date", "2025-13-01"])
    assert bad_date.exit_code == 2 and "--date: not a date" in bad_date.output
    home = tmp_path / "home"
    missing = runner.invoke(app, ["--home", str(home), "lists", "import", str(tmp_path / "x.xml")])
    assert missing.exit_code == 2 and "no such file" in missing.output
    listed = runner.invoke(app, ["--home", str(home), "lists", "--json"])
    assert '"versions": []' in listed.output.replace("\n", "").replace("  ", " ")
    customers = tmp_path / "customers.txt"
    customers.write_text("a,b\n", encoding="utf-8")
    named = runner.invoke(app, ["scan", "payments", str(customers)])
    assert named.exit_code == 2 and "not an ISO 20022 payment message" in named.output
    assert "cannot tell which surface" not in named.output
    for command in (["screen"], ["scan"], ["lists", "import"], ["programs"], ["explain"]):
        shown = runner.invoke(app, [*command, "--help"])
        flags = [line for line in shown.output.splitlines() if "<bool>" in line]
        assert all("--help" in line for line in flags), flags


def test_help_shows_no_value_beside_flags() -> None:
    """A flag takes no value: `--help`, `--json`, `--resume` show no `<bool>`."""
    import subprocess
    import sys

    banscreen = str(Path(sys.executable).with_name("banscreen"))
    for args in (["--help"], ["screen", "--help"], ["lists", "import", "--help"]):
        shown = subprocess.run([banscreen, *args], capture_output=True, text=True, check=True)
        assert "--help" in shown.stdout
        assert "<bool>" not in shown.stdout, args


def test_nested_extra_values_are_carried_as_json(tmp_path: Path) -> None:
    """A Parquet list column or a JSON line's object is carried to the output as JSON, not
    as Python's printed form ([{'a': 1}])."""
    table = pa.table({
        "id": ["1"], "date": ["2021-03-01"], "category": ["payment"],
        "counterparty_name": ["Acme"], "tags": [[{"a": 1, "b": "é"}]],
    })  # fmt: skip
    path = tmp_path / "in.parquet"
    pq.write_table(table, path)
    _, stdout = run("screen", str(path), "--quiet")
    row = next(csv.DictReader(stdout.splitlines()))
    assert json.loads(row["tags"]) == [{"a": 1, "b": "é"}]
    lines = tmp_path / "in.jsonl"
    lines.write_text(json.dumps({"id": "1", "date": "2021-03-01", "category": "payment",
                                 "counterparty_name": "Acme", "meta": {"k": [1, 2]}}) + "\n")  # fmt: skip
    _, stdout = run("screen", str(lines), "--quiet")
    assert json.loads(next(csv.DictReader(stdout.splitlines()))["meta"]) == {"k": [1, 2]}


def test_a_parquet_binary_column_is_read_as_utf8_and_its_error_says_so(tmp_path: Path) -> None:
    """--encoding is for text files: a binary column's bytes that are not UTF-8 are named as
    such, not as bytes "the file's encoding" does not read."""
    table = pa.table({
        "id": ["1", "2"], "date": ["2021-03-01"] * 2, "category": ["payment"] * 2,
        "counterparty_name": pa.array([b"Tenpay", b"\xff\xfe"], pa.binary()),
    })  # fmt: skip
    path = tmp_path / "in.parquet"
    pq.write_table(table, path)
    code, stdout = run("screen", str(path), "--quiet")
    rows = list(csv.DictReader(stdout.splitlines()))
    assert code == 0 and [r["outcome"] for r in rows] == ["REVIEW", "ERROR"]
    assert rows[1]["error"] == "row 2: counterparty_name: bytes that are not valid in UTF-8"
