"""The reference numbers, dates and amounts that ride along with a name in a payee field
("Acme 12345", "Acme Pay ref 88231", "Acme 15 March 2021", "USD 1,200.00"), found so that
the name is also looked up without them."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from functools import lru_cache

import regex

from .text import clean

_TOKEN = regex.compile(r"\0|[#№]|\p{M}*[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’][\p{L}\p{N}\p{M}]+)*")
_DATE = re.compile(r"\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b")
_COMMA_AFTER = re.compile(r" *,")
# A comma, in Latin and Chinese punctuation: where a name ends and an address may start.
COMMA = regex.compile(r"[,，]")
_AMOUNT = re.compile(r"\b\d{1,3}(?:[,.' ]\d{3})+(?:[.,]\d{1,2})?\b|\b\d+[.,]\d{1,2}\b")
# A list's numbering before a name, as a name pasted from a numbered list keeps it ("1) Acme",
# "2. Acme", "(b) Acme", "iv) Acme", "#3 Acme", "1、腾讯", "一、腾讯"): a number, a letter or a
# Roman numeral closed by a bracket, a number and a full stop apart, a number after "#", a
# number or a Chinese numeral before an enumeration comma; and a SWIFT field's line number
# before a letter ("1/ACME LTD": the name line of MT 50F and 59F, whose 2/ is the address).
_ENUMERATOR = re.compile(
    r"^\s*(?:\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})\)|\d{1,3}\.(?=\s)|[#№]\s?\d{1,3}\b"
    r"|(?:\d{1,3}|[一二三四五六七八九十]{1,3})、|[1-8]/(?=[^\W\d_]))\s*(?=\w)",
    re.IGNORECASE,
)
# A field's label before a colon (or a full-width one) at the start ("Beneficiary Name: Acme",
# "收款人：…"): one to three words.
_LABEL = re.compile(r"^\s*([^\W\d_]+(?:[ .]{1,2}[^\W\d_]+){0,2})\.?\s*[:：]\s*(?=\w)")
# ... or SWIFT's codeword between slashes before a field's line ("/BNF/Sergei Shoigu", field 72).
_CODEWORD = re.compile(r"^\s*/([^\W\d_]{2,8})/\s*(?=\w)")
_LABELLED = re.compile(r"[:：]|^\s*/")
# An ordinal before an address word ("5th Floor").
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)


# English months and their abbreviations (calendar's): a date written with one ("15 March
# 2021", "Mar-2021") rides along with a name as a numeric one does. Those that are persons'
# names too ("Theresa May 2019") count only between two numbers.
_MONTHS = frozenset(m.casefold() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:]))
_NAMED_MONTHS = frozenset({"may", "june", "april", "august", "jun"})


# A number glued to a name's word, as a card network writes a store's or a terminal's
# number ("ACMEPAY8812", "POS ACME1234 NY", "8812ACMEPAY"): three letters or more and three
# digits or more, the one after the other, a whole word. It was taken for a reference code.
_GLUED_NUMBER = re.compile(
    r"(?<![^\W_])(?:([^\W\d_]{3,})(\d{3,})|(\d{3,})([^\W\d_]{3,}))(?![^\W_])"
)
# Longer, a field is no name or descriptor: it is not read so.
_GLUED_MAX_CHARS = 256


def unglued_numbers(text: str) -> str | None:
    """The text with each number glued to a word set apart from it ("ACMEPAY 8812"), or
    None when it has none."""
    if len(text) > _GLUED_MAX_CHARS:
        return None
    spaced = _GLUED_NUMBER.sub(lambda m: " ".join(g for g in m.groups() if g), text)
    return spaced if spaced != text else None


def month_word(word: str) -> bool:
    """A month's name or abbreviation that is no person's name too ("march", "dec")."""
    return word in _MONTHS and word not in _NAMED_MONTHS


def _dated(words: list[str], drop: list[bool], i: int, month: str) -> list[int]:
    """The positions of a date written with the month words[i] (`month`, casefolded, one
    of `_MONTHS`): the month and a day of one or two digits beside it, when a day or a
    dropped year is beside it (for a month that is a name too, on both sides, or a day with
    a year after it); [] otherwise."""
    near = [j for j in (i - 1, i + 1) if 0 <= j < len(words)]
    dated = [j for j in near if drop[j] or (words[j].isdigit() and len(words[j]) <= 2)]
    # A day with a dropped year on its other side dates the month as well ("May 1 1990").
    full = len(dated) == 2 or any(
        0 <= 2 * j - i < len(words) and drop[2 * j - i] for j in dated if not drop[j]
    )
    if not dated or (month in _NAMED_MONTHS and not full):
        return []
    return [i, *dated]


def _addressed(words: list[str], i: int, addresses: frozenset[str]) -> list[int]:
    """The positions of a building's, floor's or room's number with the word that says
    which (words[i], one of `addresses`: "Bldg 3", "Suite 100", "5th Floor"); [] when it
    is not one. A number of any length goes with such a word."""
    if words[i].casefold() not in addresses:
        return []
    if i + 1 < len(words) and words[i + 1][:1].isdigit():
        return [i, i + 1]
    if i > 0 and _ORDINAL.fullmatch(words[i - 1]):
        return [i - 1, i]
    return []


def _last_words(text: str, chars: int = 64) -> list[str]:
    """The last three whole words of a text, folded, read from its end only (a field may
    hold a megabyte)."""
    words = text[-chars:].casefold().split()
    return (words[1:] if len(text) > chars else words)[-3:]


def _office(last: list[str], phrases: Sequence[str]) -> int:
    """How many of the last words (`last`, folded: at most three) name the part of an
    organisation (`phrases`), or 0."""
    if not phrases or not last:
        return 0
    known = _casefolded(tuple(phrases))
    last = [w.strip("()[]-–.,;:") for w in last]
    for n in (3, 2, 1):
        if len(last) >= n and " ".join(last[-n:]) in known:
            return n
    return 0


def _label(text: str, labels: Sequence[str]) -> re.Match[str] | None:
    """A field's label before a colon, or a codeword between slashes, at the text's start,
    each of its words a label."""
    found = _LABEL.match(text) or _CODEWORD.match(text)
    if found is None or not labels:
        return None
    words = found.group(1).replace(".", " ").casefold().split()
    return found if words and set(words) <= _casefolded(tuple(labels)) else None


def _reference(word: str) -> bool:
    """A number of three digits or more, or a code of letters and two digits or more."""
    if word.isdigit():
        return len(word) >= 3
    return len(word) >= 4 and word.isascii() and sum(ch.isdigit() for ch in word) >= 2


@lru_cache(maxsize=64)
def _casefolded(words: tuple[str, ...], extra: tuple[str, ...] = ()) -> frozenset[str]:
    """The config's word lists as sets, made once rather than on every name."""
    return frozenset(w.casefold() for w in words) | frozenset(extra)


def _names_any(text: str, words: Sequence[str]) -> bool:
    """Whether `words` (lower-case) occur anywhere in `text`: the text folded once, not
    once per word (a field may hold a megabyte)."""
    if not words:
        return False
    folded = text.casefold()
    return any(w in folded for w in words)


def _tickers(
    words: list[str], found: list[regex.Match[str]], marked: str, drop: list[bool],
    exchanges: frozenset[str], suffixes: frozenset[str],
) -> None:  # fmt: skip
    """Marks a stock ticker's words in `drop`: an exchange's name and the code after its
    colon (up to six capitals or digits, as written: "NYSE: BABA"; "SSE PLC" is a name),
    and an exchange's suffix joined by a dot to a number already dropped ("0700.HK")."""
    for i, word in enumerate(words):
        folded = word.casefold()
        code = words[i + 1] if i + 1 < len(words) else ""
        if (
            folded in exchanges and 0 < len(code) <= 6 and (code.isupper() or code.isdigit())
            and marked[found[i].end() : found[i + 1].start()].strip() == ":"
        ):  # fmt: skip
            drop[i] = drop[i + 1] = True
        elif (
            folded in suffixes and i > 0 and drop[i - 1] and words[i - 1].isdigit()
            and marked[found[i - 1].end() : found[i].start()] == "."
        ):  # fmt: skip
            drop[i] = True


def starts_numbered(
    text: str, reference_words: Sequence[str], address_words: Sequence[str]
) -> bool:
    """Whether a text starts with a number, or with words that introduce one and then a
    number (`reference_words`, `address_words`: "No. 55 Hi-tech Road", "Bldg 3", "PO Box
    12", and "P.O. Box 12", whose letters apart are no word): where an address starts."""
    words = _TOKEN.findall(text[:64])
    if not words:
        return False
    if words[0][:1].isdigit():
        return True
    known = _casefolded((*reference_words, *address_words), ("#", "№"))
    i = 0
    while i < min(len(words), 3) and (
        words[i].casefold() in known or (len(words[i]) == 1 and words[i].isalpha())
    ):
        i += 1
    introduced = any(w.casefold() in known for w in words[:i])
    return introduced and i < len(words) and words[i][:1].isdigit()


def strip_references(
    text: str,
    reference_words: Sequence[str],
    currency_codes: Sequence[str],
    exchanges: Sequence[str] = (),
    ticker_suffixes: Sequence[str] = (),
    address_words: Sequence[str] = (),
    field_labels: Sequence[str] = (),
    office_phrases: Sequence[str] = (),
) -> str | None:
    """The text without the reference numbers, dates and amounts that ride along with a
    name ("Acme 12345", "Acme Pay ref 88231", "AcmeScan INV 7781", "USD 1,200.00"),
    or None when there are none (or nothing else is left).

    A word that introduces a reference ("ref", "invoice", "no") goes with it, and a
    currency code with an amount; on their own they stay. Numbers of one or two digits stay
    too: they are part of names ("Brigade 44", "7-Eleven"); not a list's numbering before
    the name ("1) Acme").
    """
    split = split_references(text, reference_words, currency_codes, exchanges,
                             ticker_suffixes, address_words, field_labels,
                             office_phrases)  # fmt: skip
    return None if split is None else split[0]


def split_references(
    text: str,
    reference_words: Sequence[str],
    currency_codes: Sequence[str],
    exchanges: Sequence[str] = (),
    ticker_suffixes: Sequence[str] = (),
    address_words: Sequence[str] = (),
    field_labels: Sequence[str] = (),
    office_phrases: Sequence[str] = (),
) -> tuple[str, list[str]] | None:
    """strip_references, with the words it took away (a date or an amount as one word). A
    stock ticker goes too: a code after an exchange's name (`exchanges`: "HKEX: 700",
    "NYSE: BABA"), and an exchange's suffix after a number ("0700.HK"); a building's,
    floor's or room's number with its word (`address_words`: "Bldg 3"); a list's
    numbering before the name ("1) Acme"); a field's label before a colon, of words that
    are `field_labels` ("Beneficiary Name: Acme"); and the part of an organisation named
    at the field's end (`office_phrases`: "Acme Head Office")."""
    labelled = _label(text, field_labels) if _LABELLED.search(text) else None
    office = _office(_last_words(text), office_phrases)
    numbering = _ENUMERATOR.match(text) is not None or labelled is not None or office
    if not numbering and not any(ch.isdigit() for ch in text) and not _names_any(text, exchanges):
        return None  # every reference, date and amount has a digit, as most tickers do
    cleaned = clean(text)
    if labelled is not None:  # where the label ends in the cleaned text
        labelled = _label(cleaned, field_labels)
        if labelled is not None:
            cleaned = cleaned[labelled.end() :]
    if (numbered := _ENUMERATOR.match(cleaned)) is not None:
        cleaned = cleaned[numbered.end() :]
    dates = _DATE.findall(cleaned)
    dated = _DATE.sub(" \0 ", cleaned)
    amounts = _AMOUNT.findall(dated)
    marked = _AMOUNT.sub(" \0 ", dated)
    found = list(_TOKEN.finditer(marked))
    words = [m.group() for m in found]
    introducers = _casefolded(tuple(reference_words), ("#", "№"))
    currencies = _casefolded(tuple(currency_codes))
    addresses = _casefolded(tuple(address_words))
    drop = [w == "\0" or _reference(w) for w in words]
    _tickers(words, found, marked, drop, _casefolded(tuple(exchanges)),
             _casefolded(tuple(ticker_suffixes)))  # fmt: skip
    for i, word in enumerate(words):
        folded = word.casefold()
        if folded in introducers and any(drop[i + 1 : i + 3]):
            drop[i] = True
        if folded in currencies and (
            (i + 1 < len(words) and drop[i + 1]) or (i > 0 and drop[i - 1])
        ):
            drop[i] = True
        if folded in _MONTHS:
            for j in _dated(words, drop, i, folded):
                drop[j] = True
        if folded in addresses:
            for j in _addressed(words, i, addresses):
                drop[j] = True
    if office:
        ending = _office([w.casefold() for w in words[-3:]], office_phrases)
        if ending and ending < len(words):
            drop[-ending:] = [True] * ending
    if not any(drop) and numbered is None and labelled is None:
        return None
    kept = [w for w, gone in zip(words, drop, strict=True) if not gone]
    if not any(any(ch.isalpha() for ch in w) for w in kept):
        return None
    removed = [w for w, gone in zip(words, drop, strict=True) if gone and w != "\0"]
    if numbered is not None:
        removed.insert(0, numbered.group().strip())
    if labelled is not None:
        removed.insert(0, labelled.group(1))
    # A comma after a kept word stays: "SHOIGU, Sergei, passport 1234567" is still written
    # surname first ("SHOIGU, Sergei"; persons.inverted).
    commas = [_COMMA_AFTER.match(marked, m.end()) is not None for m in found]
    text = " ".join(w + "," * c for w, c, gone in zip(words, commas, drop, strict=True) if not gone)
    return text.rstrip(","), dates + amounts + removed
