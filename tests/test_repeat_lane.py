"""The repeat lane writes exactly what the ordinary path writes, byte for byte."""

from __future__ import annotations

import csv
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from banscreen.batch import DecisionWriter, Pipeline, parallel, pipeline, screen_file
from banscreen.batch.pipeline import write_chunks
from banscreen.batch.run import serialised
from banscreen.engine import Screener, ScreenOptions
from banscreen.model import Policy, Transaction
from banscreen.registry import Registry
from banscreen.surfaces.rows import COUNTERPARTY_COLUMNS, RawRow, parse_row
from banscreen.surfaces.tabular import TransactionFile

HEADER = [
    "id", "date", "category", "counterparty_name", "counterparty_country",
    "counterparty_identifiers", "us_nexus", "text", "amount", "note",
]  # fmt: skip
PARTIES = [
    ("payment", "Tenpay Payment Technology Co., Ltd.", "CN", "", "fees"),
    ("payment", "Acme Trading LLC", "US", "", "Invoice 7"),
    ("payment", "腾讯控股有限公司", "HK", "", ""),
    ("app_distribution", "", "", "android:com.tencent.mm", ""),
    ("vendor", "Beijing Kingsoft Office Software, Inc.", "CN", "", "WPS Office"),
    ("payment", '=HYPERLINK("x")', "US", "", "-1+1"),
    ("gift", "Alipay", "CN", "", ""),  # unknown category: an ERROR every time
    ("payment", "", "", "", ""),  # nothing to screen: an ERROR every time
]
DATES = ["2020-09-19", "2021-01-05", "2021-02-19", "2021-03-15", "2021-06-09", "2022-03-01",
         "2021-03-15T10:00:00Z", "", "2021-02-30", "15/03/2021"]  # fmt: skip
NEXUS = ["true", "false", "unknown", "", "maybe", "TRUE"]
IDS = ["T1", " T2 ", "", "=cmd", "-5", "ид-7", "x\x00y", "@id"]
EXTRAS = ["12.50", "", "=1+2", "\tx", "Café", "+44"]

# A category written over the party's own (None keeps it): a counterparty that matched
# nothing is answered for any category and nexus the ordinary path has accepted before.
CATEGORIES = [None, None, "payment", "vendor", " Payment ", "gift", ""]

row = st.tuples(
    st.sampled_from(IDS),
    st.sampled_from(DATES),
    st.sampled_from(PARTIES),
    st.sampled_from(NEXUS),
    st.sampled_from(EXTRAS),
    st.sampled_from(EXTRAS),
    st.sampled_from(CATEGORIES),
)


def _write(path: Path, rows: list[tuple[Any, ...]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        for tx_id, day, (cat, name, country, ids, text), nexus, amount, note, *over in rows:
            if over and over[0] is not None:
                cat = over[0]
            writer.writerow([tx_id, day, cat, name, country, ids, nexus, text, amount, note])


def _output(path: Path) -> object:
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        return pq.read_table(path).to_pylist()
    return path.read_bytes()


class _Unremembering:
    """RowParser without its memory: the reference path parses every row afresh."""

    def __call__(self, row: Mapping[str, Any]) -> Transaction:
        return parse_row(row)


def _screen_both(
    registry: Registry,
    src: Path,
    workdir: Path,
    policy: Policy,
    raw: bool,
    out_fmt: str = "csv",
    workers: int = 1,
) -> tuple[object, object, int]:
    """(the lane's output, the reference path's output, rows the lane answered); the
    reference parses and decides every row afresh, with no cache of any kind."""
    options = ScreenOptions(policy=policy)
    lane_out, plain_out = workdir / f"lane.{out_fmt}", workdir / f"plain.{out_fmt}"
    stats = screen_file(
        TransactionFile(src),
        lambda extra: DecisionWriter(lane_out, out_fmt, extra, raw),
        Screener(registry),
        options,
        workers=workers,
    )
    plain = TransactionFile(src)
    plain.open_header()
    original = pipeline.RowParser
    pipeline.RowParser = _Unremembering  # type: ignore[misc,assignment]
    try:
        writer = DecisionWriter(plain_out, out_fmt, plain.extra_columns, raw)
        reference = Pipeline(Screener(registry, cache=False), options, lane=False)
        write_chunks(serialised(reference.decisions(plain.rows()), writer.serialise), writer)
    finally:
        pipeline.RowParser = original  # type: ignore[misc]
    return _output(lane_out), _output(plain_out), stats.repeats


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(row, min_size=1, max_size=60),
    st.sampled_from(list(Policy)),
    st.booleans(),
)
def test_the_lane_writes_what_the_ordinary_path_writes(
    registry: Registry, rows: list[tuple[Any, ...]],
    policy: Policy, raw: bool,
) -> None:  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "tx.csv"
        _write(src, rows * 3)  # every row repeated, so the lane has something to answer
        for out_fmt in ("csv", "parquet"):
            lane, plain, _ = _screen_both(registry, src, Path(tmp), policy, raw, out_fmt)
            assert lane == plain


def test_a_counterparty_that_matched_nothing_is_answered_for_any_valid_category_and_nexus(
    registry: Registry, tmp_path: Path
) -> None:
    """Its no-match holds whatever the category and nexus: a new pair costs no decision once
    the pair was accepted for any counterparty; an unknown one still goes the ordinary way
    (and is an ERROR)."""
    categories = ["payment", "vendor", "hosting", "gift", "employment"]
    rows = [
        (f"T{i}", DATES[i % 6], PARTIES[1], NEXUS[i % 5], "1", "n", categories[(i // 5) % 5])
        for i in range(100)
    ]
    src = tmp_path / "tx.csv"
    _write(src, rows)
    lane, plain, hits = _screen_both(registry, src, tmp_path, Policy.STRICT, False)
    assert lane == plain
    outcomes = [line.split(b",")[1] for line in lane.splitlines()[1:]]
    assert outcomes.count(b"ERROR") == 20 + 16  # the unknown category; "maybe" as a nexus
    # 64 valid rows; decided the ordinary way: the first row of each valid category and
    # of each valid nexus value (4 + 4 at most), the rest from the lane.
    assert hits >= 64 - 8


def test_repeated_rows_take_the_lane(registry: Registry, tmp_path: Path) -> None:
    rows = [
        (f"T{i}", DATES[i % 6], PARTIES[i % 5], NEXUS[i % 3], EXTRAS[i % 2], "n")
        for i in range(300)
    ]
    src = tmp_path / "tx.csv"
    _write(src, rows)
    lane, plain, hits = _screen_both(registry, src, tmp_path, Policy.STRICT, False)
    assert lane == plain
    # 5 parties x 3 nexus values x a few periods: most of the 300 rows are repeats
    assert hits > 200
    assert isinstance(lane, bytes) and len(lane.splitlines()) == 301


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(row, min_size=1, max_size=40),
    st.sampled_from(list(Policy)),
    st.sampled_from(["csv", "parquet"]),
)
def test_with_workers_the_lane_writes_what_the_ordinary_path_writes(
    registry: Registry, rows: list[tuple[Any, ...]],
    policy: Policy, out_fmt: str,
) -> None:  # fmt: skip
    # Small chunks, so rows repeat across chunks answered in the parent and chunks in flight.
    with tempfile.TemporaryDirectory() as tmp, _chunks_of(5):
        src = Path(tmp) / "tx.csv"
        _write(src, rows * 3)
        lane, plain, _ = _screen_both(registry, src, Path(tmp), policy, False, out_fmt, 2)
        assert lane == plain


def test_with_workers_repeats_are_answered_in_the_parent(
    registry: Registry, tmp_path: Path
) -> None:
    rows = [
        (f"T{i}", DATES[i % 6], PARTIES[i % 5], NEXUS[i % 3], EXTRAS[i % 2], "n")
        for i in range(600)
    ]
    src = tmp_path / "tx.csv"
    _write(src, rows)
    with _chunks_of(50):
        lane, plain, hits = _screen_both(registry, src, tmp_path, Policy.STRICT, True, "csv", 3)
    assert lane == plain
    assert isinstance(lane, bytes) and len(lane.splitlines()) == 601
    # The first chunks in flight are decided by workers; from then on the parent answers.
    assert hits > 400


@contextmanager
def _chunks_of(rows: int) -> Iterator[None]:
    original = parallel.CHUNK_ROWS
    parallel.CHUNK_ROWS = rows
    try:
        yield
    finally:
        parallel.CHUNK_ROWS = original


TYPED_IDS: list[object] = ["T1", 7, "", None, "=x", 7.0, True]
TYPED_DATES: list[object] = [
    "2021-03-15", "2022-03-01", 20210315, None, "2021-02-30", ["2021-03-15"], {"d": 1},
]  # fmt: skip
TYPED_NEXUS: list[object] = ["true", True, 1, "1", None, "false", False, 0]
TYPED_EXTRAS: list[object] = ["12.50", 12.5, None, "=1", ["a"], {"b": 1}, "Café"]


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(TYPED_IDS),
            st.sampled_from(TYPED_DATES),
            st.sampled_from(PARTIES[:5]),
            st.sampled_from(TYPED_NEXUS),
            st.sampled_from(TYPED_EXTRAS),
        ),
        min_size=1,
        max_size=40,
    ),
    st.sampled_from(["csv", "parquet"]),
    st.sampled_from([1, 2]),
)
@example(  # True == 1, but "1" is not a nexus
    [("T1", "2021-03-15", PARTIES[0], True, "12.50"), ("T2", "2021-03-15", PARTIES[0], 1, "1")],
    "csv",
    1,
)
@example(  # a date that is a JSON list or object is not hashable: an ERROR, not a crash
    [("T1", ["2021-03-15"], PARTIES[0], "true", None), ("T2", {"d": 1}, PARTIES[0], "true", None)],
    "csv",
    2,
)
@example(  # 7 == 7.0, but they are different ids as text
    [("T1", "2021-03-15", PARTIES[1], "true", None), ("T1", "2021-03-15", PARTIES[1], "true", 7)],
    "parquet",
    1,
)
def test_json_values_of_any_type_get_what_the_ordinary_path_gives(
    registry: Registry, rows: list[tuple[object, ...]], out_fmt: str, workers: int
) -> None:
    """JSON lines carry numbers and booleans that compare equal across types (True == 1)
    but do not parse alike: no cache may confuse them, in one process or with workers."""
    import json

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "tx.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for tx_id, day, (cat, name, country, ids, text), nexus, amount in rows * 3:
                record = {
                    "id": tx_id, "date": day, "category": cat, "counterparty_name": name,
                    "counterparty_country": country, "counterparty_identifiers": ids,
                    "us_nexus": nexus, "text": text, "amount": amount,
                }  # fmt: skip
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        with _chunks_of(7):
            lane, plain, _ = _screen_both(
                registry, src, Path(tmp), Policy.ANTICIPATE, False, out_fmt, workers
            )
        assert lane == plain


def test_ids_and_extras_in_any_script_take_the_lane_and_undecodable_bytes_do_not(
    registry: Registry, tmp_path: Path
) -> None:
    # A file from a Chinese or Russian system: ids and notes that are not ASCII are repeated
    # from the lane; a row with bytes that are not UTF-8 (read as lone surrogates) is not.
    lines = [",".join(HEADER).encode()]
    for i in range(400):
        tx_id = f"交易-{i}".encode() if i % 3 else f"ид{i}".encode()
        note = "深圳总部".encode() if i % 2 else b"Caf\xc3\xa9"
        if i in (7, 211):
            note = b"Caf\xe9"  # Latin-1: not UTF-8
        if i == 300:
            tx_id = b"T\xff300"
        lines.append(
            b",".join([tx_id, b"2021-03-15", b"payment", b'"%s"' % PARTIES[i % 3][1].encode(), b"CN", b"",
                       b"true", b"", b"1.00", note])
        )  # fmt: skip
    src = tmp_path / "tx.csv"
    src.write_bytes(b"\n".join(lines) + b"\n")
    for workers in (1, 2):
        with _chunks_of(50):
            lane, plain, hits = _screen_both(
                registry, src, tmp_path, Policy.STRICT, False, "csv", workers
            )
        assert lane == plain
        assert isinstance(lane, bytes) and len(lane.splitlines()) == 401
        assert lane.count("深圳总部".encode()) == 198  # 200 odd rows, 2 of them Latin-1
        assert b"row 301: id:" in lane  # the undecodable id is an ERROR naming its row
        assert hits > 300


def test_the_lane_keeps_each_distinct_decision_once_and_shares_key_strings(
    registry: Registry,
) -> None:
    """Kept cells are most of what the lane holds at LANE_KEYS keys: rows that CLEAR alike
    share one kept value, and keys share their strings rather than each row's copies."""
    from banscreen.wire import DECISION_COLUMNS, Serialiser

    screener = Screener(registry)
    flow = Pipeline(screener, ScreenOptions(), Serialiser("csv", DECISION_COLUMNS))
    assert flow.lane is not None
    names = ["Acme Trading LLC", "Globex Industrial Corp", "Initech Software Ltd"]
    rows = [
        RawRow(i + 1, {"id": f"T{i}", "date": "2021-03-15", "category": "payment",
                       "counterparty_name": "".join(list(names[i % 3])),  # a new string
                       "counterparty_country": "US", "us_nexus": "true"})
        for i in range(6)
    ]  # fmt: skip
    written = list(flow.items(rows))
    assert [outcome for outcome, _ in written] == ["CLEAR"] * 6
    kept = list(flow.lane._any_date.items())
    assert len(kept) == 3
    assert all(value is kept[0][1] for _, value in kept)  # one tuple for the three
    for key, _ in kept:
        name = key[COUNTERPARTY_COLUMNS.index("counterparty_name")]
        assert name is sys.intern("".join(list(name)))  # the interned string
