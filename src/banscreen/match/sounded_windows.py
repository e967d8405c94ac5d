"""Windows of a text's words in other scripts, read as names by how they sound (the free-
text scan, freetext.py): runs of words in scripts other than Latin and Chinese, and short
runs of Arabic or Hebrew words for apps' and brands' names written apart."""

from __future__ import annotations

import re
from itertools import pairwise

from ..registry.matching import MatchingConfig
from .across import ABJADS
from .entries import NameMatch
from .pinyin import has_han
from .similarity import SCORE_TOLERANCE
from .text import script_of
from .whole_words import spelt_whole

# Windows of words in other scripts matched as names (at most this many words, every
# `_STEP` words, so that a name of up to `_WINDOW - _STEP` words lies whole in one).
_WINDOW, _STEP = 6, 3
SOUNDED_WINDOWS = 64
SOUNDED_WORDS = SOUNDED_WINDOWS * _STEP  # the words of a text its windows reach at most
# Words of an app's or brand's name written apart in Arabic or Hebrew letters ("وي تشات
# باي", a made-up "Wi Chat Pay"), matched whole in text; and one word of this many letters
# or more, for a brand's name of one word (`abjad_brand`).
_ABJAD_WORDS = 3
_ABJAD_ONE_WORD_CHARS = 5
# Words of a brand's name written apart in the other scripts' text (`apart_windows`), each
# of at most this many letters: a brand's syllables ("Али Пэй", "위 챗").
_APART_WORDS = 3
_APART_WORD_CHARS = 7
_NOT_APART = frozenset({"", "Latin", "Han", *ABJADS})
# Scripts that write a sentence's words without spaces between them, whose words ICU's
# dictionary finds (`unspaced_windows`); it cuts a foreign name it does not know into
# syllables ("แอคมีเพย์", a made-up "Acmepay"), glued back here up to this many, each glued
# word of at least this many letters.
UNSPACED = frozenset({"Thai", "Lao", "Khmer", "Myanmar"})
_UNSPACED_PIECES = 5
_UNSPACED_MIN_CHARS = 3
_HIRAGANA = re.compile("[\u3040-\u309f]")
# A longer word is no name's: it ends a run of words read by sound (a megabyte "word" of
# Hangul took minutes to transliterate).
SOUNDED_WORD_MAX_CHARS = 64
_KOREAN_NAME_MAX_SYLLABLES = 5


def word_windows(tokens: tuple[str, ...], particles: tuple[str, ...] = ()) -> list[str]:
    """Windows of the runs of words in scripts other than Latin and Chinese (Japanese and
    Korean with characters among them), as text; a run in Hangul also with the `particles`
    off its words' ends. Not in Arabic and Hebrew, whose words without their vowels sound
    like too many names."""
    runs: list[list[str]] = []
    run: list[str] = []
    for token in (*tokens, ""):
        if (token and len(token) <= SOUNDED_WORD_MAX_CHARS and not token.isascii()
                and script_of(token) not in ABJADS):  # fmt: skip
            run.append(token)
            continue
        if any(not has_han(t) for t in run):
            runs.append(run)
            bare = [_without_particle(t, particles) for t in run]
            if bare != run:
                runs.append(bare)
        run = []
    windows: list[str] = []
    for run in runs:
        for start in range(0, max(1, len(run) - _STEP), _STEP):
            windows.append(" ".join(run[start : start + _WINDOW]))
            if len(windows) == SOUNDED_WINDOWS:
                return windows
    return windows


def abjad_windows(tokens: tuple[str, ...]) -> list[str]:
    """Each run of two to `_ABJAD_WORDS` words in Arabic or Hebrew letters, as text: an
    app's or brand's name written apart in them ("الدفع عبر زد باي", paid through "Zed Pay")
    is matched whole, as the counterparty's name is, never found inside a longer window
    (its words without their vowels sound like too many names), and counts on apps' and
    brands' names only (`joined_brand_name_kinds`). And each word of `_ABJAD_ONE_WORD_CHARS`
    letters or more alone ("أكميباي", Acmepay), held to more (`abjad_brand`)."""
    windows: list[str] = []
    for i in range(len(tokens)):
        alone = len(tokens[i]) >= _ABJAD_ONE_WORD_CHARS
        for n in range(1 if alone else 2, _ABJAD_WORDS + 1):
            words = tokens[i : i + n]
            if len(words) < n or not all(
                len(w) <= SOUNDED_WORD_MAX_CHARS and script_of(w) in ABJADS for w in words
            ):
                break
            windows.append(" ".join(words))
            if len(windows) == SOUNDED_WINDOWS:  # as many as are read
                return windows
    return windows


def brand_windows(tokens: tuple[str, ...]) -> list[str]:
    """The windows read for apps' and brands' names only (`abjad_brand`): Arabic and Hebrew
    runs and words (`abjad_windows`), other scripts' short words apart (`apart_windows`),
    and the words inside Thai's and its neighbours' runs (`unspaced_windows`)."""
    windows = [*abjad_windows(tokens), *apart_windows(tokens), *unspaced_windows(tokens)]
    return windows[:SOUNDED_WINDOWS]


def unspaced_windows(tokens: tuple[str, ...]) -> list[str]:
    """Inside each word of a script that writes no spaces between its words (Thai, Lao,
    Khmer, Burmese), the runs of the pieces ICU's dictionary cuts it into, glued back: an
    app's name inside a sentence ("ชำระผ่านแอคมีเพย์", paid through "Acmepay") is one of them,
    matched as one word, and counts on apps' and brands' names only, held to a one-word
    name spelt alike (`abjad_brand`). The whole word is a window of `word_windows`."""
    windows: list[str] = []
    for token in tokens:
        if len(token) > SOUNDED_WORD_MAX_CHARS or script_of(token) not in UNSPACED:
            continue
        pieces = dictionary_words(token)
        for i in range(len(pieces)):
            for n in range(1, min(_UNSPACED_PIECES, len(pieces) - i) + 1):
                glued = "".join(pieces[i : i + n])
                if n < len(pieces) and len(glued) >= _UNSPACED_MIN_CHARS:
                    windows.append(glued)
    return windows


def dictionary_words(word: str) -> list[str]:
    """The pieces ICU's word breaker, with its dictionaries for scripts written without
    spaces, cuts a word into."""
    import icu  # only for text in such scripts

    breaker = icu.BreakIterator.createWordInstance(icu.Locale.getRoot())
    breaker.setText(word)
    bounds = [0, *breaker]
    return [word[a:b] for a, b in pairwise(bounds) if word[a:b].strip()]


def apart_windows(tokens: tuple[str, ...]) -> list[str]:
    """Each run of two to `_APART_WORDS` short words of one script other than Latin, Chinese,
    Arabic and Hebrew, as text: an app's or brand's name written apart in text ("Оплата
    через Али Пэй", "위 챗 페이로 결제") is matched whole, as the counterparty's name is,
    where a longer window of the text holds it among other words; it counts on apps' and
    brands' names only, as the Arabic and Hebrew runs do (`abjad_brand`)."""
    windows: list[str] = []
    scripts = [_apart_script(t) for t in tokens]
    for i, script in enumerate(scripts):
        if script in _NOT_APART:
            continue
        for n in range(2, _APART_WORDS + 1):
            if i + n > len(tokens) or scripts[i + n - 1] != script:
                break
            windows.append(" ".join(tokens[i : i + n]))
            if len(windows) == SOUNDED_WINDOWS:
                return windows
    return windows


def _apart_script(word: str) -> str:
    """The script of a word that may be a syllable of a brand's name written apart, or "":
    short, of two letters or more (a Hangul syllable is one), not in hiragana, which writes
    Japanese's own words and endings, never a brand's ("チケット よく" met a listed app)."""
    if len(word) > _APART_WORD_CHARS or word.isascii() or _HIRAGANA.search(word):
        return ""
    script = script_of(word)
    return script if len(word) >= 2 or script == "Hangul" else ""


def abjad_brand(
    match: NameMatch, brands: frozenset[str], least: float, word: tuple[str, ...] = (),
    floor: float = 0.0, glued: tuple[str, ...] | None = None,
) -> bool:  # fmt: skip
    """Whether a window of Arabic or Hebrew words is an app's or brand's name (one of the
    kinds `brands`), sounding like it at `least` (`sound_equal_score`), its words in the
    name's order: by less, or out of order, about one in 1,000 runs of frequent words
    met one. A window of one word (`word`: its romanised words) must be one word, the name
    one word too, and the two spelt `floor` alike (`abjad_text_word_spelling_floor`):
    without its vowels, a word sounds like too many names ("alab", ألعاب, games, like a
    listed app), and Arabic's article begins many ("al bab", الباب, the door). A word
    `glued` from a run of a script written without spaces (`unspaced_windows`; its other
    readings, loanwords.py) may be a name of several words, which such a script writes as
    one ("แอคมีเพย์", "Acme Pay"), spelt `floor` alike by any of its readings."""
    order = [j for _, j in sorted(match.alignment.positions)]
    ordered = order == sorted(order)
    readings = (*word, *(glued or ()))
    if word and not (
        len(word) == 1
        and (glued is not None or len(match.entry.tokens) == 1)
        and any(spelt_whole((w,), (match.entry.compact,), floor) for w in readings)
    ):
        return False
    # A score that is `least` may come out a hair under it, by how the words' weights
    # round (0.8999999999999999): which side it fell on changed with any name added.
    heard = match.score >= least - SCORE_TOLERANCE
    return match.entry.name.kind in brands and heard and ordered


def korean_name_words(word: str, config: MatchingConfig) -> list[str]:
    """A Hangul word of text and, with its particle and then an honorific taken off its end
    (`hangul_particles`, `hangul_name_suffixes`: "김여정에게", "김여정님께"), the words
    left, of `korean_text_name_min_syllables` to five syllables (a surname of two and a
    given name of three at most)."""
    least = config.korean_text_name_min_syllables
    out = [word]
    for endings in (config.hangul_particles, config.hangul_name_suffixes):
        bare = [w[: -len(e)] for w in out for e in endings if w.endswith(e)]
        out += [w for w in bare if w not in out]
    return [w for w in out if least <= len(w) <= _KOREAN_NAME_MAX_SYLLABLES]


def _without_particle(word: str, particles: tuple[str, ...]) -> str:
    """A Hangul word without the particle on its end, if one leaves two syllables or more."""
    if script_of(word) != "Hangul":
        return word
    for particle in particles:
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            return word[: -len(particle)]
    return word
