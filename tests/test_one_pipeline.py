"""Every entry point decides a row the same way: `screen`, `screen --workers 2`,
`spark-screen`, `POST /v1/screen` and a background job give identical decision cells for
the same random rows, in any encoding, malformed and hostile rows included."""

from __future__ import annotations

import csv
import io
import re
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from banscreen.cli import app
from banscreen.engine import Screener
from banscreen.surfaces.tabular import TransactionFile
from banscreen.wire import DECISION_COLUMNS, unguard

pytest.importorskip("pyspark", reason="the spark extra (pip install 'banscreen[spark]')")
pytest.importorskip("fastapi", reason="the service extra (pip install 'banscreen[service]')")

import pyarrow.parquet as pq
from fastapi.testclient import TestClient

from banscreen.api import create_app
from banscreen.store import Store

runner = CliRunner()
CORPUS = Path(__file__).parent / "corpus"
HEADER = (
    "id,date,category,counterparty_name,counterparty_country,counterparty_identifiers,"
    "us_nexus,text,note"
)
ids = st.one_of(
    st.integers(1, 10**6).map(str),
    st.sampled_from(["=cmd|' /C calc'!A0", "+1", "-2", "@SUM(1)", "", "  x  ", "\tt"]),
)
dates = st.sampled_from(
    ["2021-03-15", "2020-12-31", "2021-06-10", "2024-01-02", "2021-02-30", "15/03/2021", ""]
)
categories = st.sampled_from(["payment", "app_store", "software", "hosting", "nope", ""])
names = st.one_of(
    st.sampled_from(
        [
            "Tenpay Payment Technology",
            "财付通支付科技有限公司",
            "腾讯控股有限公司",
            "騰訊控股有限公司",
            "支付宝（杭州）信息技术有限公司",
            "Alipay 12345",
            "We\u200bChat Pay",
            "Ant Group's Alipay",
            "Acme Widgets LLC",
            "Société Générale",
            "Сергей Шойгу",
            "テンセント",
            '=HYPERLINK("x")',
            "Ten\x1bpay\x07",
            "",
            "Kingsoft Office Software",
            "Beijing Kingsoft Office Software Inc",
            "SHAREit Technologies",
        ]
    ),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30),
)
countries = st.sampled_from(["CN", "US", "HK", "", "ZZ", "China"])
identifiers = st.sampled_from(["", "domain:pay.weixin.qq.com", "lei:nope", "bundle:com.tencent.mm"])
nexus = st.sampled_from(["true", "false", "", "maybe", "1"])
texts = st.sampled_from(["", "WeChat Pay transfer", "paid via Alipay", "-2+3", "微信支付 付款"])
notes = st.sampled_from(["", "=1+1", "n", "x" * 300])
row = st.tuples(ids, dates, categories, names, countries, identifiers, nexus, texts, notes)
# Lines a reader must turn into ERROR rows: ragged records, a NUL, an unterminated quote
# (only ever last), and the hostile corpus's data lines.
broken = st.sampled_from(
    ["9,2021-03-01,payment,Acme,US", "10,2021-03-01,payment,Acme,US,,true,,x,y,z", "11,\x00,x"]
    + [
        line
        for name in ("control-chars.csv", "formula-injection.csv", "quoted-newline.csv")
        for line in (CORPUS / name).read_text(encoding="utf-8").split("\n", 1)[1:]
        if line.strip()
    ]
)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "big5", "utf-16"])


def _line(values: tuple[str, ...]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(values)
    return out.getvalue()


def _file(rows: list[tuple[str, ...] | str], encoding: str, bad_byte: bool) -> bytes:
    text = HEADER + "\n" + "".join(r if isinstance(r, str) else _line(r) for r in rows)
    data = text.encode(encoding, "replace")
    if bad_byte and encoding in ("utf-8", "utf-8-sig"):
        data += b"12,2021-03-01,payment,Caf\xe9 Tencent,FR,,true,,\n"
    return data


def _cells(row: dict[str, Any]) -> tuple[str, ...]:
    return tuple(unguard(str(row.get(c) or "")) for c in DECISION_COLUMNS)


def _read_csv(text: str) -> list[tuple[str, ...]]:
    return [_cells(r) for r in csv.DictReader(io.StringIO(text))]


def _screen(path: Path, out: Path, *extra: str) -> list[tuple[str, ...]]:
    result = runner.invoke(app, ["screen", str(path), "--out", str(out), "--quiet", *extra])
    assert result.exit_code in (0, 1), result.output
    return _read_csv(out.read_text(encoding="utf-8"))


def _spark(path: Path, out: Path) -> list[tuple[str, ...]]:
    result = runner.invoke(app, ["spark-screen", str(path), str(out), "--master", "local[2]"])
    assert result.exit_code == 0, result.output
    return [_cells(r) for r in pq.read_table(out).to_pylist()]


_ROW_PREFIX = re.compile(r"^row \d+: ")
# Bytes the file's encoding could not read: JSON (and so the API) cannot carry them.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _api(client: TestClient, key: str, path: Path) -> tuple[list[int], list[tuple[str, ...]]]:
    """The rows the reader read whole, posted as JSON; (their row numbers, decisions)."""
    source = TransactionFile(path)
    source.open_header()
    numbers, bodies = [], []
    for raw in source.rows():
        if raw.error is None and not any(_SURROGATE.search(str(v)) for v in raw.data.values()):
            numbers.append(raw.number)
            bodies.append(raw.data)
    if not bodies:
        return [], []
    response = client.post(
        "/v1/screen", json={"transactions": bodies}, headers={"Authorization": f"Bearer {key}"}
    )
    assert response.status_code == 200, response.text
    got = [_cells(d) for d in response.json()["decisions"]]
    # The API numbers rows by their place in the request: the error says which one.
    index = DECISION_COLUMNS.index("error")
    for position, cells in enumerate(got, 1):
        assert not cells[index] or cells[index].startswith(f"row {position}: ")
    return numbers, got


def _job(client: TestClient, key: str, path: Path) -> list[tuple[str, ...]]:
    auth = {"Authorization": f"Bearer {key}"}
    response = client.post("/v1/jobs?format=csv", content=path.read_bytes(), headers=auth)
    assert response.status_code == 202, response.text
    job_id = response.json()["job_id"]
    for _ in range(600):
        status = client.get(f"/v1/jobs/{job_id}", headers=auth).json()
        if status["status"] in ("done", "failed"):
            break
        time.sleep(0.05)
    assert status["status"] == "done", status
    return _read_csv(client.get(f"/v1/jobs/{job_id}/decisions", headers=auth).text)


@pytest.fixture(scope="module")
def service(
    tmp_path_factory: pytest.TempPathFactory, screener: Screener
) -> tuple[TestClient, str, Store]:
    folder = tmp_path_factory.mktemp("service")
    store = Store(f"sqlite:///{folder / 'store.db'}")
    client = TestClient(create_app(store, screener, home=folder))
    return client, store.create_key(["screen"], "pipeline"), store


def _no_prefix(cells: tuple[str, ...]) -> tuple[str, ...]:
    index = DECISION_COLUMNS.index("error")
    return (*cells[:index], _ROW_PREFIX.sub("", cells[index]), *cells[index + 1 :])


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    rows=st.lists(st.one_of(row, broken), min_size=1, max_size=25),
    encoding=encodings,
    bad_byte=st.booleans(),
    truncated=st.booleans(),
)
def test_every_entry_point_gives_the_same_decisions(
    rows: list[tuple[str, ...] | str],
    encoding: str,
    bad_byte: bool,
    truncated: bool,
    service: tuple[TestClient, str, Store],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = tmp_path_factory.mktemp("pipeline")
    lines: list[tuple[str, ...] | str] = [r if isinstance(r, tuple) else r + "\n" for r in rows]
    if truncated:
        lines.append('13,2021-03-01,payment,"Tencent,CN,,true,')
    path = folder / "rows.csv"
    path.write_bytes(_file(lines, encoding, bad_byte))
    single = _screen(path, folder / "single.csv")
    assert single, "every file here has rows"
    assert _screen(path, folder / "workers.csv", "--workers", "2") == single
    assert _spark(path, folder / "spark") == single
    client, key, _ = service
    assert _job(client, key, path) == single
    numbers, posted = _api(client, key, path)
    source = TransactionFile(path)
    source.open_header()
    by_number = dict(zip((r.number for r in source.rows()), single, strict=True))
    assert [_no_prefix(c) for c in posted] == [_no_prefix(by_number[n]) for n in numbers]
