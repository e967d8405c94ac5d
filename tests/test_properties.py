"""Any string in any column never crashes screening and always yields exactly one row."""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from banscreen.batch import DecisionWriter, Pipeline, screen_file
from banscreen.engine import Screener, ScreenOptions
from banscreen.model import Outcome
from banscreen.surfaces.rows import INPUT_COLUMNS, RawRow
from banscreen.surfaces.tabular import TransactionFile

any_text = st.text(st.characters(), max_size=60)
file_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
likely = st.sampled_from(
    [
        "",
        "2021-03-01",
        "payment",
        "Tencent",
        "true",
        "false",
        "android:com.tencent.mm",
        "purl:pkg:maven/com.alipay.sdk/alipay-sdk-java",
        "domain:qq.com",
        "支付宝",
        "unknown",
    ]
)
# A JSON string may escape a lone UTF-16 surrogate ("\\ud800"), which st.characters never
# draws: it reaches a reader as a str that no UTF-8 writes.
surrogate = st.sampled_from(["\ud800", "\udbff", "\udc80", "\udfff", "\ud83d"])
with_surrogate = st.builds(lambda a, s, b: a + s + b, any_text, surrogate, any_text)
cell = st.one_of(any_text, likely, with_surrogate)
row = st.fixed_dictionaries({c: cell for c in INPUT_COLUMNS})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(row, max_size=5))
def test_any_row_yields_exactly_one_decision(
    screener: Screener, rows: list[dict[str, str]]
) -> None:
    raws = [RawRow(i + 1, r) for i, r in enumerate(rows)]
    decisions = list(Pipeline(screener, ScreenOptions()).decisions(raws))
    assert len(decisions) == len(rows)
    for decision, source in zip(decisions, rows, strict=True):
        if decision.outcome is Outcome.ERROR:
            assert decision.error, "an ERROR always says why"
        else:
            assert decision.transaction_id == source["id"].strip()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.fixed_dictionaries({c: st.one_of(file_text, likely) for c in INPUT_COLUMNS}),
        min_size=1,
        max_size=6,
    )
)
def test_any_csv_file_yields_one_output_row_per_record(
    screener: Screener, rows: list[dict[str, str]]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in.csv", Path(tmp) / "out.csv"
        for i, r in enumerate(rows):
            r["id"] = f"row{i}"
        with src.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(INPUT_COLUMNS))
            writer.writeheader()
            writer.writerows(rows)
        count, out = _screened(screener, src, dst)
    assert count == len(rows)
    assert [r["id"] for r in out] == [r["id"] for r in rows]


def _screened(screener: Screener, src: Path, dst: Path) -> tuple[int, list[dict[str, str]]]:
    """`src` screened into the CSV file `dst`: the rows counted, and the rows written."""
    stats = screen_file(
        TransactionFile(src),
        lambda extra: DecisionWriter(dst, "csv", extra),
        screener,
        ScreenOptions(),
    )
    with dst.open(encoding="utf-8", newline="") as fh:
        return stats.rows, list(csv.DictReader(fh))


# Rows valid but for what is drawn in the fields names are looked for in.
matched_row = st.fixed_dictionaries(
    {
        "id": st.just(""), "date": st.just("2021-03-15"), "category": st.just("payment"),
        "counterparty_name": st.one_of(likely, with_surrogate),
        "counterparty_country": st.sampled_from(["", "CN"]),
        "counterparty_identifiers": st.one_of(likely, with_surrogate.map("domain:{}".format)),
        "us_nexus": st.just("true"), "text": st.one_of(likely, with_surrogate),
    }
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(row, matched_row), min_size=1, max_size=6))
def test_any_json_lines_file_yields_one_output_row_per_record(
    screener: Screener, rows: list[dict[str, str]]
) -> None:
    """JSON escapes what a CSV file cannot hold (lone surrogates among them): each line is
    still one output row, written as UTF-8, in order."""
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in.jsonl", Path(tmp) / "out.csv"
        for i, r in enumerate(rows):
            r["id"] = f"row{i}"
        src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="ascii")
        count, out = _screened(screener, src, dst)
    assert count == len(rows)
    assert [r["id"] for r in out] == [r["id"] for r in rows]
    for got, sent in zip(out, rows, strict=True):
        if any("\ud800" <= ch <= "\udfff" for value in sent.values() for ch in value):
            assert got["outcome"] == "ERROR", got  # its first problem named, whichever it is


@settings(max_examples=300, deadline=None)
@given(st.lists(row, min_size=1, max_size=6), st.data())
def test_the_remembering_row_parser_agrees_with_parse_row(
    rows: list[dict[str, str]], data: st.DataObject
) -> None:
    from banscreen.errors import FieldError
    from banscreen.surfaces.rows import RowParser, parse_row

    parser = RowParser()
    # Repeat rows with new ids and dates: the remembered part must not leak between them.
    rows = [*rows, *({**r, "id": data.draw(cell), "date": data.draw(cell)} for r in rows)]
    for raw in rows:
        try:
            expected: object = parse_row(raw)
        except FieldError as exc:
            expected = str(exc)
        try:
            got: object = parser(raw)
        except FieldError as exc:
            got = str(exc)
        assert got == expected
