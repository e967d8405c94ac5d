"""Which encoding a transactions file is read in: a file that is not UTF-8 but decodes
cleanly in a candidate encoding is in that encoding, however few of its rows need it and
wherever they are; a UTF-8 file with a few stray rows stays UTF-8; an --encoding the file
cannot start in is refused with a message, not a traceback."""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from banscreen.cli import app
from banscreen.surfaces import encodings
from banscreen.surfaces.encodings import detect_encoding
from banscreen.surfaces.tabular import TransactionFile

runner = CliRunner()
HEADER = "id,date,category,counterparty_name,counterparty_country,counterparty_identifiers,"
HEADER += "us_nexus,text\n"
CHINESE = ["财付通支付科技有限公司", "腾讯控股有限公司", "深圳市华强伟业有限公司", "阿里巴巴集团"]


def _han_names() -> list[str]:
    """Every Chinese name in the shipped entity packs (real names, not made-up strings)."""
    from banscreen.match.pinyin import has_han
    from banscreen.registry import load_registry

    found = {
        n.value
        for e in load_registry().entities.values()
        for n in e.names
        if has_han(n.value) and "," not in n.value and '"' not in n.value
    }
    return sorted(found)


HAN_NAMES = _han_names()
TO_TRADITIONAL = opencc.OpenCC("s2t")
FAMILY = {"gb18030": ("gb18030", "gbk", "gb2312"), "big5": ("big5", "big5hkscs", "cp950")}


def _english(i: int) -> str:
    return f"{i},2021-03-15,payment,Acme Trading {i} LLC,US,,true,\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    english=st.integers(0, 800),
    at=st.floats(0, 1),
    names=st.lists(st.sampled_from(HAN_NAMES), min_size=1, max_size=3),
    encoding=st.sampled_from(["gb18030", "big5"]),
)
def test_a_few_chinese_rows_decide_the_encoding(
    english: int, at: float, names: list[str], encoding: str
) -> None:
    rows = [_english(i) for i in range(english)]
    position = int(at * len(rows))
    for k, name in enumerate(names):
        rows.insert(position, f"c{k},2021-03-15,payment,{name},CN,,true,\n")
    # Two to four characters can read as well in another double-byte encoding (then the
    # order of candidates decides, Chinese first): eight or more say which one it is.
    assume(sum(not c.isascii() for n in set(names) for c in n) >= 8 or encoding == "gb18030")
    if encoding == "big5":
        rows = [TO_TRADITIONAL.convert(r) for r in rows]
    data = (HEADER + "".join(rows)).encode(encoding, "replace")
    assert detect_encoding(data) in FAMILY[encoding]


def test_a_chinese_row_beyond_the_first_megabyte_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(encodings, "SAMPLE_BYTES", 4096)  # the same rule, at a test's size
    path = tmp_path / "deep.csv"
    rows = [_english(i) for i in range(2000)]
    rows.insert(1500, "x1,2021-03-15,payment,财付通支付科技有限公司,CN,,true,\n")
    path.write_bytes((HEADER + "".join(rows)).encode("gb18030"))
    assert TransactionFile(path).encoding == "gb18030"
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["screen", str(path), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "ERROR" not in text
    assert any(line.startswith("x1,REVIEW") for line in text.splitlines())


def test_stray_latin1_rows_in_a_utf8_file_stay_errors_of_their_own() -> None:
    rows = [f"{i},2021-03-15,payment,{CHINESE[i % 4]},CN,,true,\n" for i in range(300)]
    data = (HEADER + "".join(rows)).encode("utf-8")
    data += "9999,2021-03-15,payment,Café Tencent,FR,,true,\n".encode("latin-1")
    assert detect_encoding(data) == "utf-8"


def test_an_encoding_the_file_cannot_start_in_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text(HEADER + _english(1), encoding="utf-8")
    result = runner.invoke(app, ["screen", str(path), "--encoding", "utf-16", "--quiet"])
    assert result.exit_code == 2
    assert "is not utf-16 text" in result.output
    assert "Traceback" not in result.output
