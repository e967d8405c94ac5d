"""rigour's functions as the matcher calls them, straight from rigour's compiled core.

rigour's Python packages (`rigour.names`, `rigour.text`) import normality, ICU and two
charset detectors on first import, about a fifth of a `match` command's start-up, to wrap
functions that live in `rigour._core`. This module calls the core directly, with rigour's
own flag values, and imports rigour's Python wrapper only for what the core cannot do
alone: `ascii_text` of a script outside rigour's six, which falls back to normality's ICU
transliteration. tests/test_start_up.py holds each function here to rigour's public one.
"""

from __future__ import annotations

from enum import IntEnum, IntFlag

from rigour import _core


class Normalize(IntFlag):
    """`rigour.text.normalize.Normalize`: the steps rigour's normaliser runs."""

    STRIP = 1 << 0
    SQUASH_SPACES = 1 << 1
    CASEFOLD = 1 << 2
    NFC = 1 << 3
    NFKC = 1 << 4
    NFKD = 1 << 5
    NAME = 1 << 6
    ADDRESS = 1 << 7


class Cleanup(IntEnum):
    """`rigour.text.normalize.Cleanup`: which characters the normaliser rewrites."""

    Noop = 0
    Strong = 1
    Slug = 2


def stopwords() -> tuple[str, ...]:
    """The words `rigour.text.is_stopword` knows: grammar words of many languages."""
    return tuple(_core.stopwords_list())


def normalize(text: str, flags: Normalize, cleanup: Cleanup = Cleanup.Noop) -> str | None:
    """`rigour.text.normalize.normalize`: None when nothing is left."""
    return _core._normalize(text, int(flags), int(cleanup))


def remove_org_types(
    name: str,
    replacement: str = "",
    normalize_flags: Normalize = Normalize.CASEFOLD,
    cleanup: Cleanup = Cleanup.Noop,
) -> str:
    """`rigour.names.org_types.remove_org_types`."""
    return _core.remove_org_types(name, int(normalize_flags), int(cleanup), replacement)


def extract_org_types(
    name: str,
    normalize_flags: Normalize = Normalize.CASEFOLD,
    cleanup: Cleanup = Cleanup.Noop,
    generic: bool = False,
) -> list[tuple[str, str]]:
    """`rigour.names.org_types.extract_org_types`: (alias as found, its form) pairs."""
    return _core.extract_org_types(name, int(normalize_flags), int(cleanup), generic)


def ascii_text(text: str) -> str:
    """`rigour.text.translit.ascii_text`: rigour's own spellings for its six scripts, and
    normality's (imported here, on the first word that needs it) for the rest."""
    out = _core.maybe_ascii(text)
    if out.isascii():
        return out
    from rigour.text.translit import ascii_text as full

    return full(text)
