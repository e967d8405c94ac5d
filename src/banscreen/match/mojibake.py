"""Text that was UTF-8 and was read as Latin-1 or Windows-1252 somewhere before us
("å¾®ä¿¡æ”¯ä»˜" for 微信支付, "SociÃ©tÃ© GÃ©nÃ©rale"): vendor masters and exports that
passed through a Latin-1 system carry it in files that are themselves valid UTF-8, so the
reader's encoding detection never sees it. Mended with ftfy, the library made for it, which
changes only what reads as such mojibake; and HTML's character references a web form or an
export left in a name ("AL RA&#39;Y TV", "J &amp; E"), undone with ftfy too; and a name
carried in a URL, in JSON's escapes ("\\u652f\\u4ed8\\u5b9d", a string escaped twice) or in
an e-mail header's encoded words ("=?UTF-8?B?5pSv5LuY5a6d?="), decoded."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote

# A letter a UTF-8 lead byte reads as, then one a continuation byte does (Latin-1 controls,
# Windows-1252's punctuation and letters, or the replacement character for its holes):
# what all such text holds, and text that was never mojibake hardly ever does.
_SUSPECT = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152-\u2122\ufffd]")
# Longer text is left as it is: mending reads it whole (a payment's text is far shorter).
MENDED_CHARS = 20_000


def mended(text: str) -> str:
    """`text` decoded again as the UTF-8 it was, when it reads as mojibake; else itself."""
    if len(text) > MENDED_CHARS or _SUSPECT.search(text) is None:
        return text
    from ftfy import fix_encoding  # only for text that needs it: ftfy takes 40 ms to import

    return fix_encoding(text)


# An encoded space or punctuation (%20, %26 to %29, %2C, %2E), or a UTF-8 lead byte and
# a continuation byte (%E6%94).
_URL_ENCODED = re.compile(r"%(?:2[0Cc6-9Ee]|[CDEFcdef][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])")


def url_decoded(text: str) -> str:
    """A name carried in a URL ("Ant%20Group%20Co.,%20Ltd.", a form's or a link's) decoded,
    when it holds an encoded space or punctuation or an encoded UTF-8 character; else, or
    when what it encodes is no UTF-8, as it is ("100% Pure", "50%OFF")."""
    if _URL_ENCODED.search(text) is None:
        return text
    try:
        return unquote(text, errors="strict")
    except UnicodeDecodeError:
        return text


# An HTML character reference, ended by its semicolon ("&#39;", "&amp;"): without it, "&not"
# in "Barnes&noble" is not one.
_REFERENCE = re.compile(r"&#?[0-9A-Za-z]{1,24};")


def unescaped(text: str) -> str:
    """`text` with its HTML character references decoded (ftfy's `unescape_html`, which
    reads only those ended by a semicolon); else itself."""
    if len(text) > MENDED_CHARS or _REFERENCE.search(text) is None:
        return text
    from ftfy.fixes import unescape_html  # only for text that needs it, as `mended`

    return unescape_html(text)


# Bytes of GB2312's characters (each byte A1-FE) as Latin-1 and Windows-1252 read them.
_GB_BYTES = frozenset(map(chr, range(0xA1, 0xFF)))
GB_MIN_CHARS = 3  # characters a reading must make: fewer, and any accented word would


def gb_reading(text: str) -> str | None:
    """Chinese text encoded as GB2312 and read as Latin-1 or Windows-1252 ("Î¢ÐÅÖ§¸¶" for
    微信支付), which ftfy does not mend: the characters again, when every letter is one such
    a byte reads as and they make `GB_MIN_CHARS` characters or more; else None. Any run of
    such letters decodes to some characters, so it is a guess, and a reading of its own."""
    if text.isascii():  # most names: no such letter in them
        return None
    letters = [ch for ch in text if not ch.isspace()]
    if len(letters) < 2 * GB_MIN_CHARS or not _GB_BYTES.issuperset(letters):
        return None
    try:
        read = text.encode("latin-1").decode("gb2312")
    except UnicodeError:
        return None
    return read if all("\u4e00" <= ch <= "\u9fff" or ch.isspace() for ch in read) else None


# A run of JSON's \\u escapes (a surrogate pair is two of them).
_ESCAPES = re.compile(r"(?:\\u[0-9A-Fa-f]{4})+")
_SURROGATE = re.compile("[\ud800-\udfff]")


def escapes_decoded(text: str) -> str:
    """`text` with its runs of JSON \\u escapes decoded (by json, which pairs surrogates),
    when they make characters; else itself."""
    if "\\u" not in text:
        return text

    def decoded(found: re.Match[str]) -> str:
        chars: str = json.loads(f'"{found.group()}"')
        return found.group() if _SURROGATE.search(chars) else chars

    return _ESCAPES.sub(decoded, text)


_ENCODED_WORD = re.compile(r"=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=")


def header_decoded(text: str) -> str:
    """`text` with an e-mail header's encoded words (RFC 2047, "=?UTF-8?B?…?=", as a name
    taken from a mail's From or Subject keeps them) decoded by the email package; else
    itself."""
    if "=?" not in text or _ENCODED_WORD.search(text) is None:
        return text
    from email.errors import HeaderParseError
    from email.header import decode_header, make_header

    try:
        return str(make_header(decode_header(text)))
    except (ValueError, LookupError, UnicodeError, HeaderParseError):
        return text


def carriers_undone(text: str) -> str:
    """`text` out of what carried it: a URL's encoding, HTML's references, JSON's escapes,
    a mail header's encoded words."""
    if "%" in text:
        text = url_decoded(text)
    if "&" in text:
        text = unescaped(text)
    if "\\u" in text:
        text = escapes_decoded(text)
    if "=?" in text:
        text = header_decoded(text)
    return text
