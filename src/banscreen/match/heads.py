"""Where a name ends in a longer counterparty field: the head of a field that goes on with
an address, a branch, a city or a second party after the name."""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping, Sequence

import regex

from .common_words import zipf
from .described import described_head, titled_head
from .forms import NameForm
from .normalize import Normaliser
from .parting import parted, parting, said_twice
from .payees import PayeeWords, joint_heads, letters_end, names_nobody
from .places import Places
from .references import starts_numbered, strip_references
from .text import find_words
from .variants import Variant

# The words a head of the query left out, and on which side of it ("before", "after").
Barred = tuple[frozenset[str], str]

# What separates a name from what a field says after it ("BANK MELLI IRAN, Holzbrücke 2,
# 20459 Hamburg"), in Latin and in Chinese punctuation.
_SEPARATOR = regex.compile(r"[,;，；、]")
# ... and what ends a name before a tagline (an app store's title, "Name - Slogan",
# "Name: Slogan", "名称-标语"): a dash apart, an em dash between words as English sets it,
# or a dash between Chinese characters, a colon after a word, and a bar; and before another
# party: a slash apart (or between words, `_unglued`) or a line's end; and before whom it
# is addressed to ("Acme Attn: Accounts Payable", "Acme c/o Zeltra Bank").
_FIELD_END = regex.compile(
    r"[,;，；、|｜\n\r]|\s[-–—/]+\s|(?<=\p{Han})\s*[-–—]+\s*(?=\p{Han})|(?<=\w)—(?=\w)"
    r"|(?<=\p{L}):\s|\s+(?i:attn|attention|fao|c/o)(?![\w/])[.:]?"
)
# A slash between words, of three letters or more after it and two or a full stop before it
# ("Zeltra/ACMESCAN Corp", "Zeltra S.A./ACMESCAN"; not "A/S", "c/o", "TCP/IP", "SA/NV").
_GLUED_SLASH = regex.compile(r"(?<=\p{L}{2}|\.)/(?=\p{L}['’]?\p{L}{2})")
# ... of which a comma may also stand between a person's surname and given name, and one
# word before a colon is a label ("Beneficiary: …", "Ref: …"), not a name.
_COMMAS = frozenset(",，")
_ONE_WORD_BEFORE = frozenset(",，:")
# The words that introduce a reference number, and the currency codes (text.py).
References = tuple[Sequence[str], ...]  # MatchingConfig.references


def field_head(
    text: str,
    normaliser: Normaliser,
    person_word: Callable[[str], bool],
    references: References,
    places: Places | None = None,
) -> NameForm | None:
    """The field before its first comma or semicolon, without reference numbers, when words
    follow it ("BANK MELLI IRAN, Holzbrücke 2, 20459 Hamburg, Germany"). None when nothing
    but punctuation does; when the first word after the comma is a part of listed persons'
    names (`person_word`): "ARELLANO FELIX, Enedina ..." is a person's surname and given name,
    unless the words up to the next comma are one of `places` (", Kandahar, Afghanistan",
    where a listed person's name carries "Kandahar"; not ", Santos Isidro"); and when it is
    one word without a legal form before a comma, as often a surname ("SALIM, Ahmed") as a
    firm's, but a number (an address's) after it; before another separator (a semicolon, a
    bar, a line's end, a slash or dash apart: "ACMESCAN | Zeltra") it is the first party."""
    text = _unglued(text, normaliser)
    found = _FIELD_END.search(text)
    if found is None or not any(ch.isalnum() for ch in text[found.end() :]):
        return None
    parts = [text[: found.start()], text[found.end() :]]
    numbered = starts_numbered(parts[1], references[0], references[4])  # an address's "No. 5"
    one_word_ok = found.group().strip() not in _ONE_WORD_BEFORE or numbered
    # The first word after it, past legal forms and initials (", S.A., Hamburg").
    after = [word for word in normaliser.form(parts[1]).tokens if len(word) > 1]
    if after and person_word(after[0]) and not _a_place(parts[1], normaliser, places):
        return None
    form = part_form(parts[0], normaliser, references)
    if len(form.tokens) > 1 or (form.tokens and (form.legal_forms or one_word_ok)):
        return form
    return None


# What parts a field into parties, after the first: not a comma (a surname's) nor a dash
# (a tagline's, "Name - Slogan").
_PARTIES = regex.compile(r"[;；|｜\n\r]|\s/+\s")


def other_parties(
    text: str, normaliser: Normaliser, references: References, party_words: Sequence[str] = ()
) -> list[NameForm]:
    """The parties a field names after its first, apart by a semicolon, a bar, a slash or a
    line's end ("Qorvane Trading Ltd; ACMESCAN"), each as a name; every party of a field
    that words part (`party_words`: "Zeltra Ltd dba ACMESCAN", "Zeltra, a subsidiary of
    ACMESCAN"), the first too; and a name said twice (`said_twice`), once."""
    pieces = _PARTIES.split(_unglued(text, normaliser))
    # The first too when a comma is in it, where `field_head` ends it ("ACME, S.A.; Zeltra").
    parts = pieces if len(pieces) > 1 and _COMMAS.intersection(pieces[0]) else pieces[1:]
    (pattern, firsts), folded = parting(tuple(party_words)), text.casefold()
    if pattern is not None and any(w in folded for w in firsts) and pattern.search(text):
        parts = parted(pattern, pieces)
    if (once := said_twice(text)) is not None:
        parts.append(once)
    forms = (part_form(part, normaliser, references) for part in parts if part.strip())
    return list({form.tokens: form for form in forms if form.tokens}.values())


def _unglued(text: str, normaliser: Normaliser) -> str:
    """`text` with each slash between words (`_GLUED_SLASH`) written apart, as a slash
    between two parties is; as it is when it may be a person's name as payment and travel
    systems write one, SURNAME/GIVEN NAMES ("SHOIGU/SERGEI MR": one word before the slash,
    no word read as a legal form), whose parts are no parties (each met given names)."""
    if "/" not in text or (found := _GLUED_SLASH.search(text)) is None:
        return text
    if len(text[: found.start()].split()) == 1:
        form = normaliser.form(text)
        if not form.legal_forms and len(form.tokens) >= len(find_words(normaliser.fold(text))):
            return text
    return _GLUED_SLASH.sub(" / ", text)


def acronym_variants(
    form: NameForm, normaliser: Normaliser, cap: float, firm_words: Container[str],
    short: Container[str] = (),
) -> list[Variant]:  # fmt: skip
    """A Latin field of an acronym and words no more distinctive than it ("QZV Holdings",
    "QZV Group", "QZ Lite": the acronym weighs as little as the generic words; such a field
    was CLEAR against a listed QZV), as the acronym, at most `cap`, on names that are the
    acronym alone (a listed "QZV Shipping" is another firm than "QZV Trading"). Of two
    letters, only a word the data marks as the party's own (`short`, `package_word`)."""
    tokens, word = form.tokens, form.tokens[0] if form.tokens else ""
    if form.script != "Latin" or len(tokens) < 2 or any(f >= 1.0 for f in form.factors):
        return []
    if not ((_acronym(tokens[:1]) or word in short) and word in firm_words):
        return []
    return [Variant(normaliser.form(word), cap, "contained", organisations=True, held=word,
                    whole=True)]  # fmt: skip


def firm_heads(
    query: str, form: NameForm, normaliser: Normaliser, places: Places | None,
    person_word: Callable[[str], bool], references: References, cap: float,
    firm_words: Container[str], *others: NameForm | None, short: Container[str] = (),
) -> list[Variant]:  # fmt: skip
    """The heads of a field that name an organisation, as forms of the query at most `cap`:
    the name before a place (`field_place_head`), `others` (a payee, a card's merchant),
    and an acronym before generic words (`acronym_variants`)."""
    placed = field_place_head(query, form, normaliser, places, person_word, references)
    heads = [v for head in (placed, *others) for v in head_variants(head, cap, firm_words)]
    return heads + acronym_variants(form, normaliser, cap, firm_words, short)


def head_variants(head: NameForm | None, cap: float, firm_words: Container[str]) -> list[Variant]:
    """A name at the head of a field (before a place, after a payment's words) as a form of
    the query, at most `cap` (`contained_score`), on organisations' names only: of more
    words when it and the listed name align every word (a word more or less is another
    name); of one word, only on listed names holding that word, one of a listed firm's name
    (`firm_words`: a vessel or an aircraft has no branch). Persons' names: `person_heads`."""
    if head is None or not head.tokens:
        return []
    if len(head.tokens) > 1:
        return [Variant(head, cap, "contained", organisations=True, whole=True)]
    if (word := head.tokens[0]) in firm_words:
        return [Variant(head, cap, "contained", organisations=True, held=word)]
    return []


def person_heads(
    query: str,
    form: NameForm,
    found: tuple[NameForm | None, ...],
    normaliser: Normaliser,
    words: PayeeWords,
    references: References,
    person_word: Callable[[str], bool],
    payee: NameForm | None = None,
    places: Places | None = None,
) -> tuple[list[NameForm], dict[tuple[str, ...], Barred]]:
    """The heads of a query (`form`) scored against persons' names by persons' rules, as if
    each were the query, at most `contained_score`: those `found` (the field before its
    first comma), the `payee` a payment's words name, the field before a bracket, the name
    after a title of several words; each of two words or more (or the payee alone, whose
    one word reaches a listed person as a rare surname alone does: "Payment to Shoigu"),
    with no legal form or word of organisations, and not the query itself. "Payment to
    Sergei Shoigu" is the listed "SHOIGU, Sergei Kuzhugetovich", as "Sergei Shoigu" is: the
    words around the name counted as parts the listed name lacks, and took it below REVIEW.
    And the words before one that brings in another party or a purpose ("Sergei Shoigu for
    consulting services", "... via Western Union"), which no person's name carries. Not a
    name before a place: a place's name may be a person's name part ("PARK SUNG HO" is not
    "PARK SUNG" of Ho).

    With them, by head, the words a head after describing words or before a place left out,
    and on which side (`Variant.barred`, `beside`): a name that holds one of them, or another
    word in their place, shows them to be parts of a name, not words describing its bearer:
    without a listed person holding "ALI", "MOHAMMED ALI HASSAN AL-BAKRI" read as HASSAN
    AL-BAKRI described as "Mohammed Ali", which `MOHAMMED OMAR HASSAN AL-BAKRI` holds."""
    titled = titled_head(form, normaliser, words, person_word)
    trailed, tokens = None, form.tokens
    lettered = any(len(t) == 1 for t in tokens)  # before "via", or letters apart: "t/a"
    if form.script == "Latin" and (lettered or not words.trail.isdisjoint(tokens)):
        trails = (t in words.trail or (lettered and letters_end(tokens, i, words.letters) > i)
                  for i, t in enumerate(tokens))  # fmt: skip
        cut = next((i for i, trail in enumerate(trails) if trail), 0)
        trailed = normaliser.form(" ".join(tokens[:cut])) if cut >= 2 else None
    out: dict[tuple[str, ...], NameForm] = {}
    joints = joint_heads(query, form, normaliser, words)  # "MR A SHOIGU AND MRS B SHOIGU"
    described = described_head(form, normaliser, words, person_word, places)
    for head in (*found, *joints, payee, bracket_head(query, normaliser, references), titled,
                 trailed, described):  # fmt: skip
        if (
            head is not None
            and (len(head.tokens) > 1 or head is payee)
            and head.tokens != form.tokens
            and not head.legal_forms
            and words.generic_weight not in head.factors
        ):
            out.setdefault(head.tokens, head)
    barred = {  # only a head no other reading of the field gave
        head.tokens: (frozenset(form.tokens) - frozenset(head.tokens), side)
        for head, side in ((titled, "before"), (described, "after"))
        if head is not None and out.get(head.tokens) is head
    }
    return list(out.values()), barred


def person_variants(
    heads: list[NameForm], cap: float, barred: Mapping[tuple[str, ...], Barred]
) -> list[Variant]:
    """`person_heads` as forms of the query for persons' names, at most `cap` (`contained`);
    one of one word (a payee alone) only on names that hold the word as it is spelt (its
    romanised word): by sound and spelling alike, a word alone met other names' parts
    ("Payment to Rodero" met `ROMERO, Antonio`, "Payment to Ternan" `GONZALES, Hernan`)."""
    out = []
    for h in heads:
        left, side = barred.get(h.tokens, (frozenset(), ""))
        held = h.roman[0] if len(h.roman) == 1 else ""
        out.append(Variant(h, cap, "contained", persons=True, held=held, barred=left, beside=side))
    return out


def card_heads(
    text: str, normaliser: Normaliser, references: References, words: PayeeWords
) -> tuple[NameForm | None, NameForm | None]:
    """The payment processor of a card or wallet statement's descriptor, the words before
    its star ("QUORVELPAY*SHOPNAME", "PAYPAL *ACME"), and the merchant, the words after it:
    each a name of its own, one word as often as not ("PAYPAL *ACME" was a CLEAR against a
    listed ACME); a merchant of one word English uses (`words.common_zipf`) only with a
    legal form ("PAYPAL *CITY" is a city's). (None, None) without a star between words."""
    head, star, rest = text.partition("*")
    if not star or not any(ch.isalnum() for ch in head) or not any(ch.isalnum() for ch in rest):
        return None, None
    processor, merchant = (part_form(part, normaliser, references) for part in (head, rest))
    named = bool(merchant.tokens) and not names_nobody(merchant, words, merchant.legal_last)
    return processor if processor.tokens else None, merchant if named else None


def _first_part(text: str) -> str:
    """The field up to its first comma or semicolon (all of it when it has none)."""
    return _SEPARATOR.split(text, maxsplit=1)[0]


_BRACKET = regex.compile(r"[(\[（]")


def bracket_head(
    text: str, normaliser: Normaliser, references: References, least: int = 2
) -> NameForm | None:
    """The field before a bracket that something follows, when it has `least` words or
    more: a person's name, qualified ("Sergei Shoigu (Russia)"); a firm's name and a remark
    ("Acme Games (online store)"), which organisations read through `head_variants`: an
    organisation's brackets may be part of its name ("Acme Trading (Hong Kong) Ltd"), so
    the head is a form of the query at most `contained_score`, beside the whole."""
    parts = _BRACKET.split(text, maxsplit=1)
    if len(parts) < 2 or not any(ch.isalnum() for ch in parts[1]):
        return None
    form = part_form(parts[0], normaliser, references)
    return form if form.tokens and len(form.tokens) >= least else None


def part_form(part: str, normaliser: Normaliser, references: References) -> NameForm:
    """A part of a field as a name, without reference numbers."""
    return normaliser.form(strip_references(part, *references) or part)


def _a_place(rest: str, normaliser: Normaliser, places: Places | None) -> bool:
    """Whether the words of `rest` up to its next separator are a place's name, whole."""
    words = normaliser.form(_first_part(rest)).tokens
    return bool(places and words and places.length_at(words, 0) == len(words))


def field_place_head(
    text: str,
    form: NameForm,
    normaliser: Normaliser,
    places: Places | None,
    person_word: Callable[[str], bool],
    references: References,
) -> NameForm | None:
    """`place_head` of a field whose name's form is `form`: within the field's first part
    ("QATTAN, Wasim, Tijuana" is a person), or one word across a comma too ("HIZBALLAH,
    Beirut"). A field in another alphabet is read in its Latin letters ("Газпромбанк
    Москва", "gazprombank moskva", was a CLEAR where "Gazprombank Moskva" is a REVIEW)."""
    if form.script not in ("Latin", "Han", "Kana") and form.roman:
        text = " ".join(form.roman)
        form = normaliser.form(text)
    first = _first_part(text)
    if first == text:
        return place_head(form, normaliser, places, person_word)
    placed = place_head(part_form(first, normaliser, references), normaliser, places, person_word)
    if placed is not None:
        return placed
    placed = place_head(form, normaliser, places, person_word)
    return placed if placed is not None and len(placed.tokens) == 1 else None


def _described_from(
    tokens: tuple[str, ...], factors: tuple[float, ...], places: Places
) -> int | None:
    """The first position after the first token where a place or a word of what body an
    organisation is begins and only those and words that are not distinctive follow; one
    pass each way, however long the field."""
    n = len(tokens)
    said = [places.described_at(tokens, i) for i in range(n)]
    plain = [True] * (n + 1)  # from here on, nothing distinctive but places and body words
    for i in range(n - 1, -1, -1):
        plain[i] = bool(said[i] and plain[i + said[i]]) or (factors[i] < 1.0 and plain[i + 1])
    return next((k for k in range(1, n) if said[k] and plain[k]), None)


def place_head(
    form: NameForm,
    normaliser: Normaliser,
    places: Places | None,
    person_word: Callable[[str], bool],
) -> NameForm | None:
    """The name before a place that ends the field, or before a place and words that only
    describe ("Hizballah Beirut", "Bank Meli Iran Hamburg Branch"), or before words that say
    what body it is (`Places.body_words`: "Hamas Political Bureau"), or after them
    ("Political Bureau of Hamas"); None when neither follows or precedes a distinctive
    word. A name of more words is found inside the field by containment (inside.py), which
    a place does not stop, but only as written: this head also meets it misspelt. A list's
    name of one word is not looked for inside longer ones (entries.py), so a place after it
    made it a CLEAR; one word counts unless an ordinary English word
    (`person_common_word_zipf` or more) or a part of listed persons' names ("Daniel Paris"
    is a person). The caller asks, too, that a one-word head be a word of a listed firm's
    name (a vessel or an aircraft has no branches) and a hit be on a name holding it, and
    that a longer head stand before the field's first comma (`QATTAN, Wasim, Tijuana` is a
    person's surname, given name and city) and align every word with the listed name (a
    word more or less is another name)."""
    tokens, factors = form.tokens, form.factors
    if places is None or len(tokens) < 2 or form.script != "Latin":
        return None
    found = _described_from(tokens, factors, places)
    if found is not None:
        head = _named(tokens[:found], factors[:found], normaliser, places, person_word)
        if head is not None:
            return head
    # Or after words that say what body it is ("Political Bureau of Hamas", the "of" a stop
    # word), up to the end of the field or a place or body words after it.
    lead = 0
    while lead < len(tokens) and tokens[lead] in places.body_words:
        lead += 1
    rest, rest_factors = tokens[lead:], factors[lead:]
    if not lead or not rest:
        return None
    found = _described_from(rest, rest_factors, places) if len(rest) > 1 else None
    end = len(rest) if found is None else found
    return _named(rest[:end], rest_factors[:end], normaliser, places, person_word)


def _named(
    tokens: tuple[str, ...],
    factors: tuple[float, ...],
    normaliser: Normaliser,
    places: Places,
    person_word: Callable[[str], bool],
) -> NameForm | None:
    """`place_head`'s name, if it may be one: a distinctive word, or an acronym as the one
    word (an acronym is no distinctive word, but alone before what body it is or where,
    it names the body: "PKK Branch"); of one word, not an ordinary English one nor a part
    of listed persons' names (`person_word`)."""
    if not _acronym(tokens) and not any(f >= 1.0 for f in factors):
        return None
    if len(tokens) == 1 and (
        person_word(tokens[0]) or zipf(tokens[0]) >= places.config.person_common_word_zipf
    ):
        return None
    return normaliser.form(" ".join(tokens))


def _acronym(tokens: tuple[str, ...]) -> bool:
    """Whether a head is one word of letters that may be an acronym ("PKK", "QZV")."""
    return len(tokens) == 1 and tokens[0].isalpha() and len(tokens[0]) >= 3
