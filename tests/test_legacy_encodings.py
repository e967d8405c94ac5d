"""Legacy encodings a transactions file is read in: Russian files in Windows-1251 and
KOI8-R, Korean ones in EUC-KR, and Chinese persons' names in GB18030, each of which was read
in another encoding (as Windows-1252 letters, or as GB18030's hanzi) and screened as
mojibake, which matches nothing: a silent CLEAR."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from banscreen.cli import app
from banscreen.surfaces.encodings import detect_encoding
from helpers.cli import HEADER

runner = CliRunner()


def _file(*rows: tuple[str, str]) -> str:
    lines = (f"{i},2021-03-15,payment,{n},XX,,true,{t}" for i, (n, t) in enumerate(rows))
    return "\n".join((HEADER, *lines)) + "\n"


RUSSIAN = _file(
    ("Тенсент Холдингс Лимитед", "Оплата за услуги"), ("ООО Ромашка", "Оплата по счёту")
)
KOREAN = _file(("텐센트 홀딩스", "송금"), ("주식회사 한빛", "대금 지급"))


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RUSSIAN, "cp1251"),  # was read as Windows-1252 ("Òåíñåíò")
        (RUSSIAN, "koi8_r"),  # was read as Windows-1252
        (KOREAN, "euc_kr"),  # was read as GB18030's hanzi
        # Chinese persons' names with characters beyond GB2312's first level: were read as
        # Windows-1252's accented letters
        (_file(("何廷楠", ""), ("于道邃", ""), ("倪巽生", "")), "gb18030"),
        # and the files that were read right still are
        (_file(("Société Générale", "Müller façade"), ("Ærø Æble", "")), "cp1252"),
        (_file(("腾讯控股有限公司", ""), ("财付通支付科技有限公司", "")), "gb18030"),
        (_file(("騰訊控股有限公司", ""), ("財付通支付科技有限公司", "")), "big5"),
        (
            _file(
                ("テンセント・ホールディングス", "お支払い"),
            ),
            "shift_jis",
        ),
    ],
)
def test_a_legacy_file_is_read_in_its_encoding(text: str, encoding: str) -> None:
    assert detect_encoding(text.encode(encoding)) == encoding


@pytest.mark.parametrize(("text", "encoding"), [(RUSSIAN, "cp1251"), (KOREAN, "euc_kr")])
def test_a_listed_name_in_such_a_file_is_found(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "legacy.csv"
    path.write_bytes(text.encode(encoding))
    result = runner.invoke(app, ["screen", str(path)])
    assert result.exit_code == 0, result.output
    assert f"read as {encoding}" in result.output
    first = next(line for line in result.output.splitlines() if line.startswith("0,"))
    assert first.split(",")[1] == "REVIEW", first


def test_a_few_hangul_syllables_stay_chinese() -> None:
    """Fewer than a dozen characters, all in the rows EUC-KR's Hangul and GB2312's hanzi
    share, say nothing of which they are (阿里巴巴 is four): Chinese, first, as before."""
    assert (
        detect_encoding(
            _file(
                ("김여정", ""),
            ).encode("euc_kr")
        )
        == "gb18030"
    )
    assert detect_encoding(_file(("阿里巴巴", ""), ("大华股份", "")).encode("gb18030")) == "gb18030"
