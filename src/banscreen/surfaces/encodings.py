"""What a text file's bytes read as: the evidence behind the encoding a file is read in
(`detect_encoding`), and behind the rows that are not in it.

A file's encoding is decided once, from its first rows. A file joined from two systems'
exports can still hold rows in another: UTF-8 rows in a GB18030 or Shift-JIS file, say.
Read in the file's encoding their bytes mostly decode all the same, as other characters
(腾讯控股 written in UTF-8 and read as GB18030 is 鑵捐鎺ц偂), which match nothing: a
silent CLEAR. So a field of a file read in any encoding but UTF-8 whose bytes are also UTF-8
text, or that reads as private-use characters, is that row's ERROR (`foreign_field`).
"""

from __future__ import annotations

import codecs
import io
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any, BinaryIO

from rigour._core import codepoint_script

from ..errors import FieldError, InputError
from ..tunables import SAMPLE_BYTES

CANDIDATE_ENCODINGS = (
    "utf_8", "gb18030", "big5", "shift_jis", "euc_kr", "cp1251", "koi8_r", "cp1252", "latin_1"
)  # fmt: skip

# Each double-byte encoding's block of most frequent characters, by its lead bytes and
# trail bytes: GB2312's level-1 hanzi (within GB18030), Big5's frequent traditional hanzi,
# KS X 1001's Hangul syllables, and Shift-JIS's kana and level-1 kanji. Read in the wrong
# one of them, the same bytes land mostly outside it (Korean Hanja, GBK's rare extension
# characters, symbol rows).
_HIGH = range(0xA1, 0xFF)
_ANY = range(0x40, 0x100)
_FREQUENT = {
    "gb18030": (range(0xB0, 0xD8), _HIGH),
    "big5": (range(0xA4, 0xC7), _ANY),
    "euc_kr": (range(0xB0, 0xC9), _HIGH),
    "shift_jis": ((0x82, 0x83, *range(0x88, 0xA0)), _ANY),
}


def decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def plausible(text: str, encoding: str) -> float:
    """The share of the non-ASCII characters of `text` that are frequent in `encoding`:
    letters of words as people write them for a single-byte encoding (`_written`), the
    blocks above for a double-byte one."""
    wide = [c for c in text if not c.isascii()]
    if not wide:
        return 0.0
    block = _FREQUENT.get(encoding)
    if block is None:
        written = sum(sum(not c.isascii() for c in w) for w in _WORD.findall(text) if _written(w))
        return written / len(wide)
    leads, trails = block
    found = 0
    for c in wide:
        data = c.encode(encoding)
        found += len(data) == 2 and data[0] in leads and data[1] in trails
    return found / len(wide)


_WORD = re.compile(r"[^\W\d_]+")


def _written(word: str) -> bool:
    """Whether a word reads as one people write: two letters or more, of one script, in
    lower case, upper case or with a capital first, and, in Latin letters, no more of them
    beyond ASCII than within. Cyrillic read in Windows-1252 is words of accented letters alone
    ("Òåíñåíò", Тенсент); Windows-1251 read as KOI8-R swaps a word's case ("тЕНСЕНТ"); a
    French name read in Windows-1251 mixes scripts ("Sociйtй")."""
    scripts = {_script(c) for c in word}
    if len(word) < 2 or len(scripts) != 1:
        return False  # (a letter alone is mostly a double-byte character's half)
    if not (word.islower() or word.isupper() or word.istitle()):
        return False
    return scripts != {"Latin"} or 2 * sum(not c.isascii() for c in word) <= len(word)


def utf16_without_mark(sample: bytes) -> str | None:
    """UTF-16 ("utf-16-le" or "utf-16-be") for text written in it without a byte-order
    mark (the header alone says so: every ASCII character is a zero byte beside its code),
    else None. Read as UTF-8 such a file has no column the reader knows."""
    head = sample[:4096]
    if len(head) < 8 or b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.4 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.4 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


# Scripts names are written in (Unicode's Script property, as rigour gives it; kana are
# counted with Han, as Japanese writes them together). A UTF-8 reading in another (Yi
# syllables, say) is a legacy encoding's bytes falling where they may, not text.
_SCRIPTS = frozenset(
    {"Latin", "Cyrillic", "Greek", "Hebrew", "Arabic", "Han", "Hangul", "Thai", "Devanagari"}
    | {"Armenian", "Georgian", "Khmer", "Bengali", "Tamil"}
)
_KANA = frozenset(("Hiragana", "Katakana"))
# Characters of no one script: digits, signs, katakana's prolonged sound mark ("Common"),
# and combining accents ("Inherited").
_SHARED = frozenset(("Common", "Inherited"))
# The legacy character sets that hold a script's letters in common use: of a reading in
# UTF-8 of another encoding's bytes, the letters are mostly outside them (archaic
# Cyrillic, Cyrillic of Kazakh or Abkhaz, Hanzi of the CJK extensions).
_COMMON_SETS = {
    "Han": ("gb2312", "big5", "euc_jp"),
    "Hangul": ("euc_kr",),
    "Latin": ("cp1252", "cp1250", "cp1254", "cp1257", "cp1258", "iso8859_16"),
    "Cyrillic": ("cp1251",),
    "Greek": ("cp1253",),
    "Hebrew": ("cp1255",),
    "Arabic": ("cp1256",),
    "Thai": ("cp874",),
}
# Shift-JIS, Big5 and GB18030 put the second byte of a character in the ASCII range (from
# `@` to `~`), so a legacy name's bytes can read in UTF-8 as one character and a lone ASCII
# one beside it.
_LONE_ASCII_AFTER_WIDE = re.compile(
    "[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff][@-~](?![!-~])"
)


def _script(c: str) -> str:
    script = codepoint_script(ord(c)) or "Common"
    return "Han" if script in _KANA else script


def _common(c: str, script: str) -> bool:
    for encoding in _COMMON_SETS.get(script, ()):
        try:
            c.encode(encoding)
        except UnicodeEncodeError:
            continue
        return True
    return script not in _COMMON_SETS


def utf8_reading(value: str, encoding: str) -> str | None:
    """`value` as UTF-8 reads it, when its bytes in `encoding` (the file's, not UTF-8) are
    UTF-8 text rather than text in `encoding`; else None.

    UTF-8 text: the reading's letters are of one script people write names in, its other
    characters spaces, punctuation or that script's marks; most of its letters (half of
    its hanzi, kana and Hangul) are in the script's legacy character sets; and it is not a
    wide character with a lone ASCII one glued on (how two characters of Shift-JIS can
    read). bench/mixed_encodings.py measures it on real names.
    """
    if value.isascii() or not holds_foreign_rows(encoding):
        return None
    try:
        data = value.encode(encoding, "surrogateescape")
        text = data.decode("utf-8")
    except (UnicodeError, LookupError):
        return None
    wide = [c for c in text if not c.isascii()]
    letters = [c for c in wide if unicodedata.category(c)[0] == "L" and _script(c) not in _SHARED]
    if not letters:
        # Latin text whose only other characters are typographic quotes, dashes and
        # spaces (Sab’awi): a legacy encoding's bytes seldom read as those.
        typographic = all("\u2000" <= c <= "\u206f" or c == "\xa0" for c in wide)
        ascii_letters = any(c.isascii() and c.isalpha() for c in text)
        return text if typographic and ascii_letters else None
    scripts = {_script(c) for c in letters}
    if len(scripts) != 1 or not scripts <= _SCRIPTS:
        return None
    (script,) = scripts
    marks = (script, "Inherited") if script == "Latin" else (script,)
    for i, c in enumerate(text):
        kind = unicodedata.category(c)[0]
        if kind == "M" and _script(c) in marks and i and text[i - 1].isalpha():
            continue  # a vowel sign, tone mark or accent on a letter of the script
        if not c.isascii() and kind not in "LPZ":
            return None
        if kind in "PZ" and _script(c) in _SCRIPTS and _script(c) != script:
            return None  # a Hebrew geresh among Cyrillic letters
    if script == "Latin" and not any(c.isascii() and c.isalpha() for c in text):
        return None
    # Names hold rare hanzi (何䲡): half of them in the sets will do; of other scripts, most.
    needed = len(letters) / 2 if script in ("Han", "Hangul") else len(letters) // 2 + 1
    if sum(_common(c, script) for c in letters) < needed:
        return None
    if _LONE_ASCII_AFTER_WIDE.search(text):
        return None
    return text


def holds_foreign_rows(encoding: str) -> bool:
    """Whether a file read in `encoding` is checked for UTF-8 rows: any encoding but the
    Unicode ones (a UTF-8 file's rows in another encoding do not decode: ERRORs already)."""
    return not encoding.lower().replace("_", "-").startswith(("utf", "u8"))


def foreign_field(data: Mapping[str, Any], encoding: str) -> FieldError | None:
    """The first field of a row, read in the file's `encoding`, that is in another, as the
    row's ERROR; else None. Another: its bytes are UTF-8 text (`utf8_reading`), or they
    read as private-use characters, which no text holds but a double-byte encoding gives to
    byte pairs that are not its characters (Big5 read as GB18030: 財付通 is 癩\ue64f硄)."""
    for name, value in data.items():
        if not isinstance(value, str) or value.isascii():
            continue
        reading = utf8_reading(value, encoding)
        if reading is not None:
            return FieldError(
                name,
                f"its bytes are UTF-8 text ({reading[:60]!r}), not {encoding} as the rest "
                "of the file: a file joined from files in two encodings (save it in one, "
                "or name one with --encoding)",
            )
        if _PRIVATE_USE.search(value):
            return FieldError(
                name,
                f"reads in {encoding} as private-use characters, which no text holds: its "
                "bytes are in another encoding than the rest of the file (save it in one, "
                "or name one with --encoding)",
            )
    return None


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def detect_encoding(sample: bytes) -> str:
    """The encoding of a text file from its bytes (see `encoding_sample` for which).

    A byte-order mark decides, and so do the zero bytes of UTF-16 written without one.
    Lines that are all valid UTF-8 are UTF-8. When some are not:
    if other lines hold UTF-8 text beyond ASCII, the file is UTF-8 and the few that are not
    are stray rows (from a Latin-1 system, say), each an ERROR row naming it, not a reason to
    misread the Chinese names of every other row. Otherwise the lines that are not UTF-8 are
    the evidence, however few: of the encodings our users' files come in (GB18030, Big5,
    Shift-JIS, EUC-KR, Windows-1251, KOI8-R, Windows-1252, Latin-1) that decode the whole
    sample cleanly, the one that reads those lines as the most frequent characters of its
    script, or as words people write, wins.
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if utf16 := utf16_without_mark(sample):
        return utf16
    lines = sample.split(b"\n")
    if len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut in the middle of a character
    readable = [decodes(line, "utf-8") for line in lines]
    bad = [line for line, ok in zip(lines, readable, strict=True) if not ok]
    if not bad:
        return "utf-8"
    utf8_text = any(ok and not line.isascii() for line, ok in zip(lines, readable, strict=True))
    if utf8_text and len(bad) <= max(1, len(lines) // 100):
        return "utf-8"
    whole = b"\n".join(lines)
    evidence = b"\n".join(bad)
    fitting = [e for e in CANDIDATE_ENCODINGS[1:] if decodes(whole, e)]
    if not fitting:
        return "utf-8"
    # A few bytes decode cleanly in several encodings; the right one reads them as the
    # characters people write most. A handful of characters can fit two equally well; then
    # the order of CANDIDATE_ENCODINGS decides (Chinese files first), and --encoding is
    # there for the rest.
    best = max(fitting, key=lambda e: plausible(evidence.decode(e), e))
    return "euc_kr" if best == "gb18030" and _korean(evidence, fitting) else best


# EUC-KR's Hangul (lead bytes B0-C8) reads in GB18030 as GB2312's frequent hanzi, which
# span lead bytes B0-D7 in pinyin order: a Korean file always tied with a Chinese one and
# was read as Chinese. Chinese text has a character beyond C8 among a dozen all but always
# (有限公司 has two), Korean text has none.
_KOREAN_LEADS = range(0xB0, 0xC9)
_KOREAN_EVIDENCE = 12


def _korean(evidence: bytes, fitting: list[str]) -> bool:
    """Whether lines that fit GB18030 and EUC-KR alike are Korean: at least
    `_KOREAN_EVIDENCE` double-byte characters, each a Hangul syllable in EUC-KR."""
    if "euc_kr" not in fitting:
        return False
    wide = [c for c in evidence.decode("euc_kr") if not c.isascii()]
    return len(wide) >= _KOREAN_EVIDENCE and all(
        len(b := c.encode("euc_kr")) == 2 and b[0] in _KOREAN_LEADS for c in wide
    )


def encoding_sample(path: Path) -> bytes:
    """The bytes to detect a file's encoding from: its first SAMPLE_BYTES, or, when those are
    all ASCII, the first block further on that is not (reading stops there): one Chinese
    row deep in an English file decides as much as one at the top."""
    with path.open("rb") as fh:
        return _sample_of(fh)


def _sample_of(fh: BinaryIO) -> bytes:
    """`encoding_sample` of an open file (or of bytes already read, in a BytesIO)."""
    sample = fh.read(SAMPLE_BYTES)
    if not sample.isascii():
        return sample
    head = sample[: sample.find(b"\n") + 1]  # the header, for the BOM-free line split
    while block := fh.read(SAMPLE_BYTES):
        if not block.isascii():
            first = _NON_ASCII.search(block)
            assert first is not None
            start = block.rfind(b"\n", 0, first.start()) + 1
            return head + block[start:] + fh.read(SAMPLE_BYTES // 4)
    return sample


_NON_ASCII = re.compile(rb"[\x80-\xff]")


def check_start(path: Path, sample: bytes, encoding: str) -> None:
    """Refuse an --encoding the file cannot even start in (UTF-16 without its byte-order
    mark, say): bytes it cannot read inside a row are that row's ERROR, but a file that is
    not in the encoding at all has no rows to report on."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="surrogateescape")
    try:
        decoder.decode(sample[:4096], final=False)
    except UnicodeError as exc:
        raise InputError(f"--encoding {encoding}: {path} is not {encoding} text ({exc})") from None


def file_text(path: Path) -> str:
    """A small text file (an app inventory, a domain list) in the encoding it is detected
    in, each byte that encoding does not read kept as a lone surrogate, which makes its
    record an ERROR, rather than replaced and read as other letters."""
    data = path.read_bytes()
    encoding = detect_encoding(_sample_of(io.BytesIO(data)))  # the file is read once
    try:
        return data.decode(encoding, errors="surrogateescape")
    except UnicodeDecodeError:  # UTF-16's codec takes no escapes
        return data.decode(encoding, errors="replace").replace("\ufffd", "\udcff")
