"""Names that were UTF-8 and were read as Latin-1 or Windows-1252 before they reached us
("å¾®ä¿¡æ”¯ä»˜" for 微信支付), and Chinese encoded as GB2312 and read so ("Î¢ÐÅÖ§¸¶"):
vendor masters that passed through a Latin-1 system carry them in files that are valid
UTF-8; names carried in a URL ("Ant%20Group%20Co.,%20Ltd."), with HTML's character
references ("AL RA&#39;Y TV"), in JSON's escapes ("\\u652f\\u4ed8\\u5b9d") or a mail header's
encoded words ("=?UTF-8?B?5pSv5LuY5a6d?="), or padded with spaces. Each was CLEAR where the
name is a hit (mojibake.py, text.clean)."""

from __future__ import annotations

import csv
import json
from email.header import Header
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from banscreen.cli import app
from banscreen.engine import Screener
from banscreen.match.mojibake import (
    GB_MIN_CHARS,
    escapes_decoded,
    gb_reading,
    header_decoded,
    mended,
    unescaped,
    url_decoded,
)
from helpers.matching import found, listed_data, persons_screener_with, transliterated_hit


def shipped_names(screener: Screener, keep) -> list[tuple[str, str]]:
    """(entity id, name) of the shipped names `keep` admits that alone find their party."""
    out = []
    for entry in screener.matcher.names.entries:
        name = entry.name.value
        if keep(name) and entry.entity_id in found(screener, name):
            out.append((entry.entity_id, name))
    return sorted(set(out))


def utf8_read_as(name: str, encoding: str) -> str:
    return name.encode("utf-8").decode(encoding, errors="replace")


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_a_name_read_as_latin1_is_found_as_itself(screener: Screener, encoding: str) -> None:
    names = shipped_names(screener, lambda n: not n.isascii())
    assert len(names) >= 20  # Chinese names of the packs, and accented ones
    missed = []
    for entity, name in names:
        query = utf8_read_as(name, encoding)
        if "\ufffd" in query:  # a byte Windows-1252 has no letter for: lost, not mended
            continue
        if found(screener, query).get(entity) != found(screener, name)[entity]:
            missed.append((name, query))
    assert not missed, missed


def test_chinese_read_as_latin1_from_gb2312_is_a_reading(screener: Screener) -> None:
    def encodable(name: str) -> bool:
        try:
            return (
                len(name) >= GB_MIN_CHARS
                and all("\u4e00" <= c <= "\u9fff" for c in name)
                and bool(name.encode("gb2312"))
            )
        except UnicodeEncodeError:
            return False

    names = shipped_names(screener, encodable)
    assert len(names) >= 10
    for entity, name in names:
        query = name.encode("gb2312").decode("latin-1")
        assert gb_reading(query) == name
        transliterated_hit(screener, query, entity)


@pytest.mark.parametrize(
    "text", ["Crème brûlée", "Müller GmbH", "Société Générale", "ÀÉÎÕ", "Ñandú", "Ærø"]
)
def test_text_that_was_never_mojibake_is_left_as_it_is(text: str) -> None:
    assert mended(text) == text
    assert gb_reading(text) is None


@given(st.text(max_size=60))
def test_mending_any_text_never_raises(text: str) -> None:
    assert isinstance(mended(text), str)
    read = gb_reading(text)
    assert read is None or all("\u4e00" <= c <= "\u9fff" or c.isspace() for c in read)
    if text.isascii():
        assert mended(text) == text and read is None


def test_screen_reads_a_vendor_master_with_mojibake(tmp_path: Path) -> None:
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    header = ["id", "date", "category", "counterparty_name", "counterparty_country",
              "counterparty_identifiers", "us_nexus", "text"]  # fmt: skip
    rows = [
        ["1", "2021-03-15", "payment", utf8_read_as("微信支付", "cp1252"), "CN", "", "true", ""],
        ["2", "2021-03-15", "payment", "Acme Ltd", "US", "", "true",
         "Paid via " + utf8_read_as("支付宝", "latin-1")],
        ["3", "2021-03-15", "payment", "腾讯控股有限公司".encode("gb2312").decode("latin-1"),
         "CN", "", "true", ""],
    ]  # fmt: skip
    with src.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([header, *rows])
    result = CliRunner().invoke(app, ["screen", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as fh:
        outcomes = {r["id"]: r["outcome"] for r in csv.DictReader(fh)}
    assert outcomes == {"1": "REVIEW", "2": "REVIEW", "3": "REVIEW"}, outcomes


def test_a_name_carried_in_a_url_is_found_as_itself(screener: Screener) -> None:
    names = shipped_names(screener, lambda n: " " in n or not n.isascii())
    missed = []
    for entity, name in names:
        query = quote(name)
        if found(screener, query).get(entity) != found(screener, name)[entity]:
            missed.append((name, query))
    assert not missed, missed


@pytest.mark.parametrize("text", ["100% Pure", "50%OFF", "Acme 20%", "%FF%FE Acme", "%"])
def test_a_percent_sign_that_encodes_nothing_stays(text: str) -> None:
    assert url_decoded(text) == text


@given(st.text(max_size=40))
def test_url_decoding_never_raises_and_undoes_quoting(text: str) -> None:
    assert isinstance(url_decoded(text), str)
    if " " in text:  # an encoded space marks a text as encoded
        assert url_decoded(quote(text)) == text


@pytest.mark.parametrize(
    ("query", "entity"),
    [("AL RA&#39;Y TV", "org-alray"), ("KATA&#x27;IB ZORVEX", "org-kataib"),
     ("J &amp; E Zorvex S.A.", "org-je"), ("Soci&eacute;t&eacute; Qorvane", "org-societe"),
     ("SOCI&EACUTE;T&EACUTE; QORVANE", "org-societe")],
)  # fmt: skip
def test_a_name_with_html_references_is_found_as_itself(
    referenced: Screener, query: str, entity: str
) -> None:
    """A web form's or an export's HTML character references were read as more words of
    the name ("AL RA&#39;Y TV" as "al ra 39 y tv"), and such names were CLEAR."""
    assert found(referenced, query).get(entity) == (1.0, "exact")


@pytest.fixture(scope="module")
def referenced(tmp_path_factory: pytest.TempPathFactory) -> Screener:
    listed = {"org-alray": ("company", "AL RA'Y TV"), "org-kataib": ("company", "KATA'IB ZORVEX"),
              "org-je": ("company", "J & E Zorvex S.A."),
              "org-societe": ("company", "Société Qorvane"),
              "org-peleng": ("company", "ZORVELENG JOINT-STOCK COMPANY")}  # fmt: skip
    return persons_screener_with(tmp_path_factory.mktemp("referenced"), listed_data(listed))


@pytest.mark.parametrize("text", ["Barnes&noble", "AT&T", "R&D Ltd", "A & B", "&amp"])
def test_an_ampersand_that_references_nothing_stays(text: str) -> None:
    """Only a reference ended by its semicolon is one: "&not" in "Barnes&noble" is not ¬."""
    assert unescaped(text) == text


def test_a_name_padded_with_spaces_is_found_as_itself(
    screener: Screener, referenced: Screener
) -> None:
    """A fixed-width field pads, a copy doubles: "PELENG  JOINT-STOCK  COMPANY" kept its legal
    form's words (rigour's forms are words one space apart) and was CLEAR."""
    for query in ("ZORVELENG  JOINT-STOCK  COMPANY", "ZORVELENG\tJOINT-STOCK\tCOMPANY"):
        assert found(referenced, query).get("org-peleng") == (1.0, "exact"), query
    names = shipped_names(screener, lambda n: " " in n)
    missed = []
    for entity, name in names:
        for query in (name.replace(" ", "  "), name.replace(" ", "\t"), f" {name}   "):
            if found(screener, query).get(entity) != found(screener, name)[entity]:
                missed.append((name, query))
    assert not missed, missed


def escaped(name: str) -> str:
    """A name as a JSON string escaped twice writes it ("\\u652f\\u4ed8\\u5b9d")."""
    return json.dumps(name, ensure_ascii=True)[1:-1]


def test_a_name_in_json_escapes_is_found_as_itself(screener: Screener) -> None:
    names = shipped_names(screener, lambda n: not n.isascii())
    assert len(names) > 40
    missed = [
        (name, escaped(name)) for entity, name in names
        if found(screener, escaped(name)).get(entity) != found(screener, name)[entity]
    ]  # fmt: skip
    assert not missed, missed


@pytest.mark.parametrize("charset", ["utf-8", "gb2312", "big5"])
@pytest.mark.parametrize("how", ["b", "q"])
def test_a_name_in_a_mail_headers_encoded_words_is_found_as_itself(
    screener: Screener, charset: str, how: str
) -> None:
    names = shipped_names(screener, lambda n: not n.isascii() or " " in n)
    checked = 0
    for entity, name in names:
        try:
            encoded = Header(name, charset).encode() if how == "b" else _q_word(name, charset)
        except UnicodeError:  # a character the charset has not
            continue
        checked += 1
        assert found(screener, encoded).get(entity) == found(screener, name)[entity], encoded
    assert checked > 20


def _q_word(name: str, charset: str) -> str:
    from email.charset import QP, Charset

    words = Charset(charset)
    words.header_encoding = QP
    return str(Header(name, words).encode())


@given(st.text(max_size=40))
def test_escapes_and_encoded_words_never_raise(text: str) -> None:
    for variant in (text, escaped(text), f"=?utf-8?q?{text}?=", f"=?x?B?{text}?="):
        assert isinstance(header_decoded(escapes_decoded(variant)), str)


@given(st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters='\\"'),
               max_size=40))  # fmt: skip
def test_json_escapes_decode_to_the_text_they_escape(text: str) -> None:
    assert escapes_decoded(escaped(text)) == text


@pytest.mark.parametrize("text", ["C:\\users\\u1", "\\u12", "=?", "a =?b?= c", "\\ud800 x"])
def test_what_encodes_nothing_stays(text: str) -> None:
    assert header_decoded(escapes_decoded(text)) == text
