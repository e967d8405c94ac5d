"""The repeat lane writes exactly what the ordinary path writes, byte for byte."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from banscreen.engine import Screener, ScreenOptions
from banscreen.model import Policy
from banscreen.registry import Registry
from banscreen.surfaces.batch import decide_rows, screen_file, write_decisions
from banscreen.surfaces.output import DecisionWriter
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

row = st.tuples(
    st.sampled_from(IDS),
    st.sampled_from(DATES),
    st.sampled_from(PARTIES),
    st.sampled_from(NEXUS),
    st.sampled_from(EXTRAS),
    st.sampled_from(EXTRAS),
)


def _write(path: Path, rows: list[tuple[str, str, tuple[str, ...], str, str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        for tx_id, day, (cat, name, country, ids, text), nexus, amount, note in rows:
            writer.writerow([tx_id, day, cat, name, country, ids, nexus, text, amount, note])


def _screen_both(
    registry: Registry, src: Path, workdir: Path, policy: Policy, raw: bool
) -> tuple[bytes, bytes, int]:
    options = ScreenOptions(policy=policy)
    lane_out, plain_out = workdir / "lane.csv", workdir / "plain.csv"

    def writer(out: Path) -> DecisionWriter:
        source = TransactionFile(src)
        source.open_header()
        return DecisionWriter(out, "csv", source.extra_columns, raw)

    stats = screen_file(
        TransactionFile(src),
        lambda extra: DecisionWriter(lane_out, "csv", extra, raw),
        Screener(registry),
        options,
    )
    plain = TransactionFile(src)
    plain.open_header()
    write_decisions(
        decide_rows(plain.rows(), Screener(registry, cache=False), options),
        writer(plain_out),
    )
    return lane_out.read_bytes(), plain_out.read_bytes(), stats.repeats


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
    registry: Registry, rows: list[tuple[str, str, tuple[str, ...], str, str, str]],
    policy: Policy, raw: bool,
) -> None:  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "tx.csv"
        _write(src, rows * 3)  # every row repeated, so the lane has something to answer
        lane, plain, _ = _screen_both(registry, src, Path(tmp), policy, raw)
        assert lane == plain


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
    assert len(lane.splitlines()) == 301
