"""Legal forms in names: which words say what kind of company it is, not which company.

rigour's organisation-type table (ISO 20275 and more) does most of the work; the forms it
lacks, Chinese forms and misspelt long legal words come from data/matching.yaml. Latin
text is read without accents on both sides, so "Societe Anonyme" typed in ASCII loses the
same words as "Société Anonyme"; a Chinese form is removed from the end of a run of
characters, never the whole run.
"""

from __future__ import annotations

from collections.abc import Container

import regex
from rapidfuzz.distance import OSA

from ..registry.matching import MatchingConfig
from ..tunables import CACHE_ENTRIES
from .forms import by_first_token, replace_phrases
from .pinyin import HAN_CLASS, has_han
from .rigour_core import Cleanup, extract_org_types, remove_org_types
from .text import UNACCENTED, find_words, fold_latin, unaccented

# The longest legal form in Chinese characters asked for (the longest written is "股份有限公司",
# six characters; room for longer ones).
HAN_FORM_MAX_CHARS = 24

# A run of Han characters, of katakana (Japanese writes a foreign word in katakana and the
# grammar after it in hiragana: アクメで, "with Acme"), of Latin letters, or of letters,
# digits and marks of other scripts: a Latin name glued to a word in another script is two
# words, as it is beside Chinese or katakana ("ACME월렛", Acme Wallet in Hangul; "ACMEКошелек").
_KATAKANA = "\\p{Katakana}\u30fc"  # with the prolonged sound mark, which is of no script
PIECES = regex.compile(
    f"[{HAN_CLASS}]+|[{_KATAKANA}]+|[\\p{{Latin}}\\p{{N}}\\p{{M}}]+"
    f"|(?:(?![{HAN_CLASS}{_KATAKANA}]|\\p{{Latin}})[\\p{{L}}\\p{{N}}\\p{{M}}])+"
)

# Three to five letters, each a word of its own, apart by dots alone ("U.S.A.", "I.C.I.C."):
# an acronym's. Not by dots and spaces: a person's initials are written so ("A. R. M.
# Moradi"), and read as one word they weigh as one. A longer word spelt out with dots
# ("A.L.I.P.A.Y.") is spelt_out.py's to read, a REVIEW at most.
_LETTER = r"[^\W\d_]"
_INITIALS = regex.compile(
    rf"(?<![\w.]){_LETTER}(?:\.{_LETTER}(?!\w)){{2,4}}(?:\.(?![\w.])|(?![\w.]))"
)
_SPACED = regex.compile(rf"(?<![\w.]){_LETTER}(?:[ \t]+{_LETTER}(?![\w.])){{2,}}")


def initials_joined(folded: str) -> str:
    """An acronym's letters written with dots joined into one word, unless they are a legal
    form as a whole ("s.a.s.", "l.l.c."). Read letter by letter, "u.s.a." held the legal
    form "s.a." and lost it: "China Mobile International (U.S.A.) Inc" was CLEAR against
    "... (USA) Inc."; "b.v.i." lost "b.v.", "i.c.i.c." all but its first letter."""
    if "." not in folded:
        return folded
    return _INITIALS.sub(_joined, folded)


def _joined(found: regex.Match[str]) -> str:
    run = found.group()
    plain = unaccented(run)
    if (
        plain is None
        or not remove_org_types(
            plain, normalize_flags=UNACCENTED, cleanup=Cleanup.Strong, replacement=" "
        ).strip()
    ):
        return run
    return "".join(ch for ch in run if ch != "." and not ch.isspace())


class LegalForms:
    """The legal forms of one matching configuration."""

    def __init__(self, config: MatchingConfig) -> None:
        written_apart = [*config.legal_forms_latin, *config.legal_forms_other_scripts]
        self._latin = by_first_token(written_apart)
        self.words = frozenset(w for form in written_apart for w in form)
        # A place's code in three letters or more apart by spaces ("u s a").
        self._spaced_codes = frozenset(
            "".join(letters)
            for phrases in config.place_codes.values()
            for letters in (p.split() for p in phrases)
            if len(letters) >= 3 and all(len(w) == 1 for w in letters)
        )
        self._han = frozenset(config.legal_forms_han)
        self._fuzzy = tuple(config.legal_words_fuzzy)
        self._fuzzy_floor = config.legal_words_similarity
        self._misspelt: dict[str, bool] = {}
        self._han_cache: dict[str, bool] = {}

    def is_han_form(self, text: str) -> bool:
        if text in self._han:
            return True
        if len(text) > HAN_FORM_MAX_CHARS:
            return False
        known = self._han_cache.get(text)
        if known is None:
            found = extract_org_types(text, generic=True)
            known = bool(found) and found[0][0] == text
            if len(self._han_cache) < CACHE_ENTRIES:
                self._han_cache[text] = known
        return known

    def strip_han_form(self, run: str) -> str:
        """Drop the longest legal-form suffix of a Han run ("…有限公司"), never the whole run.
        Only the last `HAN_FORM_MAX_CHARS` characters are asked: a run of free text may be
        a megabyte long, and asking every suffix of it held gigabytes."""
        if self.is_han_form(run):
            return run
        changed = True
        while changed:
            changed = False
            for cut in range(max(1, len(run) - HAN_FORM_MAX_CHARS), len(run) - 1):
                if self.is_han_form(run[cut:]):
                    run, changed = run[:cut], True
                    break
        return run

    def initials_joined(self, folded: str) -> str:
        """`initials_joined`, and a place's code in letters apart by spaces as one word:
        "u s a inc" lost "s a" as "u.s.a." did. Other letters apart by spaces stay apart:
        a name's words read so once its legal forms and grammar words are gone."""
        folded = initials_joined(folded)
        if not self._spaced_codes or " " not in folded:
            return folded
        return _SPACED.sub(self._spaced_code, folded)

    def _spaced_code(self, found: regex.Match[str]) -> str:
        joined = "".join(found.group().split())
        return joined if joined in self._spaced_codes else found.group()

    def without_org_types(self, folded: str) -> str:
        """rigour's legal forms removed. Latin text is read without accents, against the
        table read the same way, so that a name typed in ASCII ("Societe Anonyme") loses the
        same words as the accented one; other text as written."""
        plain = unaccented(folded)
        if plain is None:
            return remove_org_types(folded, replacement=" ")
        stripped = remove_org_types(plain, normalize_flags=UNACCENTED, cleanup=Cleanup.Strong,
                                    replacement=" ")  # fmt: skip
        return stripped if stripped.split() != plain.split() else folded

    def _misspelt_word(self, token: str) -> bool:
        found = self._misspelt.get(token)
        if found is None:
            found = self._misspelt[token] = len(token) >= 6 and any(
                OSA.normalized_similarity(token, word) >= self._fuzzy_floor for word in self._fuzzy
            )
            if len(self._misspelt) > CACHE_ENTRIES:
                self._misspelt.clear()
        return found

    def drop_latin(self, tokens: list[str]) -> list[str]:
        """Our sequences, rigour's table and misspelt legal words, until nothing changes."""
        while True:
            kept = replace_phrases(tokens, self._latin, join=False)
            kept = [t for t in kept if has_han(t) or not self._misspelt_word(t)]
            latin = [t for t in kept if not has_han(t)]
            if latin:
                cleaned = set(remove_org_types(" ".join(latin), replacement=" ").split())
                kept = [t for t in kept if has_han(t) or t in cleaned]
            if kept == tokens:
                return kept
            tokens = kept

    def classes(self, folded: str) -> frozenset[str]:
        """Generic classes of the legal forms a folded name carries ("oy" is llc, "s.a." is
        jsc), its letters read as its tokens are ("u s a" holds no "s a")."""
        folded = self.initials_joined(folded)
        plain = unaccented(folded)
        if plain is None:
            found = {target for _, target in extract_org_types(folded, generic=True)}
        else:
            found = {
                target
                for _, target in extract_org_types(
                    plain, normalize_flags=UNACCENTED, cleanup=Cleanup.Strong, generic=True
                )
            }
        for run in PIECES.findall(folded):
            if has_han(run):
                for cut in range(len(run) - 1):
                    hit = extract_org_types(run[cut:], generic=True)
                    if hit and hit[0][0] == run[cut:]:
                        found.add(hit[0][1])
                        break
        return frozenset(found)


def name_before_more(folded: str, ends: Container[str]) -> str | None:
    """A company's name up to the legal form that ends it (`ends`: a folded word of one),
    when more words follow ("Acme Ltd, 1 Main Street", "Acme Co Ltd Shenzhen Branch"). None
    for any other name, and for Chinese, which has no spaces to end a name at."""
    if has_han(folded):
        return None
    words = find_words(folded)
    ending = [fold_latin(word) in ends for word, _, _ in words]  # "Ço" as "Co"
    for k in range(1, len(words) - 1):
        if ending[k]:
            last = k
            while last + 1 < len(words) and ending[last + 1]:
                last += 1  # "Co Ltd", "Corporation Limited"
            return folded[: words[last][2]] if last + 1 < len(words) else None
    return None
