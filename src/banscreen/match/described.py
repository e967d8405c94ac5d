"""A person's name among words that say more of the person than the name does: before it,
what the person is ("Defence Minister Sergei Shoigu"); after it, a number, a place or an
ordinary word ("Raul Castro Moscow", "... personal savings 2"). Scored as the query by
persons' rules (heads.person_heads)."""

from __future__ import annotations

from collections.abc import Callable

from .common_words import zipf
from .forms import NameForm
from .normalize import Normaliser
from .payees import PayeeWords
from .places import Places

# An ordinary English word shorter than this may be a syllable of an Asian given name spelt
# in Latin letters ("Kim Jong Il", "... Young": another person than KIM JONG UN).
DESCRIBING_MIN_CHARS = 6


def described_head(
    form: NameForm, normaliser: Normaliser, words: PayeeWords,
    person_word: Callable[[str], bool], places: Places | None,
) -> NameForm | None:  # fmt: skip
    """The name of a Latin query without the words after it that say more of the person
    than the name does: a number, a currency, a place of one word, a word of how the person
    holds an account (`words.holding`: "... Revocable Trust", "... TTEE"), an ordinary
    English word of `DESCRIBING_MIN_CHARS` letters or more (`words.common_zipf`), each one
    that no listed person's name carries ("Raul Castro Moscow", "... personal savings 2").
    Such a word was a part the listed name lacks, and with a listed middle name the two were
    different persons, CLEAR. Two words or more left; none for a query with a legal form or
    a word of organisations, nor for words before the name (a first name may be an ordinary
    word: "Richmond", "Paris"; `titled_head` reads those)."""
    tokens, factors = form.tokens, form.factors
    if form.script != "Latin" or len(tokens) < 3:
        return None
    if not normaliser.names_nothing_organisational(form):
        return None

    def describes(i: int) -> bool:
        token = tokens[i]
        if token.isdigit() or token in words.currencies:
            return True
        if person_word(token) or factors[i] == words.title_weight:
            return False
        if token in words.holding:  # "... Revocable Trust", "... TTEE", "... IRA"
            return True
        if len(token) >= DESCRIBING_MIN_CHARS and zipf(token) >= words.common_zipf:
            return True
        return bool(places and places.length_at(tokens, i) == 1)

    end = len(tokens)
    while end > 2 and describes(end - 1):
        end -= 1
    return normaliser.form(" ".join(tokens[:end])) if end < len(tokens) else None


def titled_head(
    form: NameForm, normaliser: Normaliser, words: PayeeWords, person_word: Callable[[str], bool]
) -> NameForm | None:
    """The name at the end of a Latin query after words that say who the person is
    ("Defence Minister Sergei Shoigu", "His Excellency ...", "Chechen leader Ramzan
    Kadyrov", "Wagner boss Yevgeny Prigozhin"): the last words up to the nearest before them
    that is an ordinary English word (`words.common_zipf`: "leader", "boss", "of") or a word
    of how an account is held (`words.holding`: "Heirs of ...") that no listed person's name
    carries and that is no word of organisations or place, or a title
    (weighed `person_title_weight`) that only such words or titles lead; a title inside a
    name leads nothing ("Adnan HAJI ABDUL QAYOUM"). Two to five words, a title before one
    word taken with it ("... Minister Haji Noor"); not after a place or a word of
    organisations on the way, nor after titles alone (weighed down in the name itself).
    The words before a name were read as parts the listed name lacks, and such a name was
    CLEAR where it alone is a REVIEW. The suffixes that end the query (`person_suffixes`:
    "Jr", "PhD") are left out: they make no name before them a describing word's."""
    tokens, factors = form.tokens, form.factors
    title, light = words.title_weight, (words.generic_weight, words.place_weight)
    while tokens and tokens[-1] in words.suffixes:
        tokens, factors = tokens[:-1], factors[:-1]
    if form.script != "Latin" or len(tokens) < 3:
        return None

    def describes(i: int) -> bool:
        return (
            factors[i] not in (*light, title)
            and not person_word(tokens[i])
            and (zipf(tokens[i]) >= words.common_zipf or tokens[i] in words.holding)
        )

    def leads(i: int) -> bool:  # a title that only describing words or titles lead
        return factors[i] == title and all(factors[j] == title or describes(j) for j in range(i))

    name = len(tokens) - 1  # where the name at the end starts
    while name > 0 and not (describes(name - 1) or leads(name - 1)):
        if factors[name - 1] in light:
            return None  # a name before a place or a firm's word may be a longer one's part
        name -= 1
    if len(tokens) - name == 1 and factors[name - 1] == title:
        name -= 1  # "Haji Noor": an honorific and the name it leads
    if name == 0 or not 2 <= len(tokens) - name <= 5:
        return None
    if all(f == title for f in factors[:name]):
        return None
    return normaliser.form(" ".join(tokens[name:]))
