"""Where a name is found whole inside a longer one: an organisation's, not run on into
another name by a distinctive word after it (a place after it says where, and does not);
a person's, written or spoken, not beside another listed person's name part. A part of
`Scorer` (scoring.py), which provides what these checks read."""

from __future__ import annotations

from collections.abc import Callable

from ..registry.matching import MatchingConfig
from .common_words import made_up, zipf
from .forms import spoken_order
from .pinyin import has_han
from .places import Places
from .prepared import Prepared, Score, Side
from .similarity import find


class Inside:
    # What the scorer provides (scoring.py).
    config: MatchingConfig
    places: Places | None
    person_word: Callable[[str], bool]
    _references: frozenset[str]
    _party_words: frozenset[str]
    _payment_words: frozenset[str]  # `payment_words`: "payout", "topup", "ach", "pos"
    _streets: frozenset[str]
    _street_suffixes: tuple[str, ...]
    _titles: frozenset[str]  # persons' titles and suffixes, Latin ("sheikh", "general", "jr")

    # ------------------------------------------------------------------ distinctiveness
    def distinctive(self, tokens: tuple[str, ...], factors: tuple[float, ...], han: bool) -> bool:
        """Specific enough that finding it inside another name is not chance: long enough
        ("ZQ" is not), and either with a distinctive token or a phrase ("Brand Office"), a
        Chinese character counting as the two letters or more of its syllable ("ZQ钱包", as
        "ZQ Wallet", is a phrase)."""
        compact = "".join(tokens)
        letters = len(compact) + (sum(map(has_han, compact)) if han else 0)
        if not any(f >= 1.0 for f in factors) and (len(tokens) < 2 or letters < 6):
            return False
        if han:
            return len(compact) >= self.config.free_text_min_han_chars
        return len(compact) >= self.config.free_text_min_latin_chars

    def _contains(
        self, haystack: Side, needle: Side, allowed: bool, describing: bool = False
    ) -> int:
        """Where the distinctive `needle` occurs whole in the longer `haystack`, not run on
        into another name by a distinctive word right after it (`_says_what`); -1 if it
        does not. With `describing`, the rest of `haystack` may only describe (places,
        generic words): pinyin syllables found among a Chinese name's are chance otherwise
        (a two-syllable app name read in the middle of an unrelated company's characters)."""
        if not allowed or len(needle.tokens) >= len(haystack.tokens):
            return -1
        if not self.distinctive(needle.tokens, needle.factors, needle.han):
            return -1 if describing else self._short_brand_at(haystack, needle)
        at = find(haystack.tokens, needle.tokens)
        if at < 0:
            return -1
        after = at + len(needle.tokens)
        if describing:
            rest = [f for i, f in enumerate(haystack.factors) if not at <= i < after]
            return at if all(f < 1.0 for f in rest) else -1
        # A reference typed after it ("Acme INV-5543 Trading") does not end the name: the
        # word after the reference decides, as it does once the reference is taken away.
        tail = haystack.tokens[after:]
        after += next((i for i, t in enumerate(tail) if not self._rides_along(t)), len(tail))
        if after < len(haystack.tokens) and haystack.factors[after] >= 1.0 and self.places:
            # A place right after it says where ("Bank Melli Iran Hamburg Branch"): the word
            # after the place decides.
            after += self.places.length_at(haystack.tokens, after)
        if (
            after < len(haystack.tokens)
            and haystack.factors[after] >= 1.0
            and not self._says_what(needle, haystack, after)
            and not self._street_at(haystack.tokens, after)
            and not self._brand_leads(needle, haystack, at)
        ):
            return -1
        return at

    def _short_brand_at(self, haystack: Side, needle: Side) -> int:
        """Where a listed name of one short Latin word (`free_text_min_latin_chars` letters
        or more, weighed as an acronym is) leads the longer name and the words after it say
        what the row is for (`_says_what`: "ZTE router MF286", "ZTE Telecom Equipment");
        -1 if it does not. Only a brand's, an app's or an abbreviated name is looked for
        inside another (`allowed`), and a short word after another name's words is chance
        ("Zeltra ZTE Logistics"); a payment's words before it are none (`_paying`: "CARD
        4421 ZTE ROUTER", "Purchase of ZTE routers")."""
        word = needle.tokens[0]
        short = self.config.free_text_min_latin_chars
        if len(needle.tokens) > 1 or len(word) < short or not word.isascii():
            return -1
        at = find(haystack.tokens, needle.tokens)
        if at < 0 or not self._paid_before(haystack, at):
            return -1
        after = at + 1
        if after < len(haystack.tokens) and not self._says_what(needle, haystack, after):
            return -1
        return at

    def _brand_leads(self, needle: Side, haystack: Side, at: int) -> bool:
        """Whether `needle` leads `haystack` as its brand: nothing distinctive before it
        (a place may be), and a made-up word of its own (`brand_head_min_chars` letters or
        more, rarer in English than `trailing_name_max_zipf`), or two Chinese characters or
        more. A firm named by a made-up brand and more words is the brand's arm far more
        often than another's name: a listed group's arms ("Acmescan Mobility Limited",
        "Acmescan Connect Ltd", its brand's characters before 智行科技有限公司) were CLEAR,
        read as other firms' names. Names of ordinary words ("Golden Star Restaurant
        Supplies") and acronyms ("QZV Solar Kraftwerk") go on into other names as often as
        not. A payment's words and references before it say how the row was paid ("CARD
        4421 Acmescan TOPUP", "Debit card Acmescan"), as a place says where: each was
        CLEAR, read as another firm's name. Not any ordinary English word: firms' names
        start with them ("Golden Acmescan Vokari" is another firm's)."""
        if needle.han:  # a Chinese name's brand leads it, and a place may come first
            return (
                all(map(has_han, needle.tokens))
                and len(needle.tokens) >= 2
                and not any(f >= 1.0 for f in haystack.factors[:at])
            )
        if not self._paid_before(haystack, at):
            return False
        cfg = self.config
        return any(
            made_up(t, cfg.brand_head_min_chars, cfg.trailing_name_max_zipf)
            for t, f in zip(needle.tokens, needle.factors, strict=True)
            if f >= 1.0
        )

    def _street_at(self, tokens: tuple[str, ...], at: int) -> bool:
        """Whether a street's name starts at `at`: a street's word among the next words
        (`street_words`, `street_name_max_words`: "Ferdowsi Avenue", "Rue de Rivoli",
        "ul. Lenina"), or a word ending in one (`street_suffixes`: "Hauptstrasse")."""
        window = tokens[at : at + self.config.street_name_max_words + 1]
        return any(
            t in self._streets
            or any(t.endswith(s) and len(t) > len(s) for s in self._street_suffixes)
            for t in window
        )

    def _says_what(self, needle: Side, haystack: Side, after: int) -> bool:
        """Whether the words after `needle` in `haystack` (from `after`) say what the row is
        for rather than go on with another name ("Acmescan license", "Acme Trading annual
        maintenance INV-2231", "Acme Wallet TOPUP"): each distinctive one an ordinary
        English word (`trailing_word_min_zipf`) or a payment's (`_says_how`) up to the end
        or a word that brings in another party
        ("... license for Zeltra Corp": `payee_lead_words`, `payee_trail_words`), after a
        name holding a word English does not use (`trailing_name_max_zipf`). A name of
        ordinary words goes on with them as often ("Golden Star Restaurant"), a word English
        does not use is another name's ("... Bank Solar Kraftwerk"), and so are the words
        before a legal form that ends the longer name ("Zork Acmescan Marketing Agency LLC"
        is a company's name, whatever the listed Acmescan's legal form; "Acmescan LLC
        maintenance" is not). A made-up brand that leads the longer name is found there
        whatever follows (`_brand_leads`)."""
        cfg = self.config
        if haystack.tokens[after] in self._party_words:  # "Acmescan-owned Zeltra Ltd"
            return True
        if haystack.legal_last:
            return False
        if not any(zipf(t) < cfg.trailing_name_max_zipf for t in needle.tokens):
            return False
        for word, factor in zip(haystack.tokens[after:], haystack.factors[after:], strict=True):
            if word in self._party_words:
                break
            if factor >= 1.0 and not self._says_how(word):
                return False
        return True

    def _says_how(self, word: str) -> bool:
        """An ordinary English word, a payment's word or a reference (`_paying`): after a
        name, it says what the row was for, not whose name it is."""
        return self.ordinary(word) or self._paying(word)

    def _paid_before(self, haystack: Side, at: int) -> bool:
        """Whether each distinctive word before `at` says how the row was paid (`_paying`),
        and none starts another name."""
        before = zip(haystack.tokens[:at], haystack.factors[:at], strict=True)
        return all(f < 1.0 or self._paying(t) for t, f in before)

    def _paying(self, word: str) -> bool:
        """A payment's word (`payment_words`: the card, the rails and codes a statement
        writes, what a platform pays out or charges: "CARD", "ACH", "TOPUP", "payout") or
        a reference."""
        return word in self._payment_words or self._rides_along(word)

    def ordinary(self, word: str) -> bool:
        """An ordinary English word (`trailing_word_min_zipf`), or the plural of one (the
        frequency list keeps "router", not "routers"): after a name it says what the row is
        for, and two of them run together spell too many brands' names ("ten cent")."""
        if not word.isascii():
            return False
        least = self.config.trailing_word_min_zipf
        if zipf(word) >= least:
            return True
        return len(word) > 3 and word[-1] == "s" and any(zipf(w) >= least for w in _singulars(word))

    def _rides_along(self, word: str) -> bool:
        """A reference number or the word that introduces one ("INV", "5543"): rides along
        with a name, and neither ends nor continues it."""
        return word in self._references or any(c.isdigit() for c in word)

    def _person_within(self, haystack: Side, needle: Side, allowed: bool) -> tuple[str, ...]:
        """A person's whole name of two parts or more, `needle`, as it occurs in a longer
        `haystack`, written or spoken ("Payment to Sergei Shoigu for ...", "Wire from
        SHOIGU, Sergei"), not in another person's longer name; () if it does not. Persons'
        rules count the words around a name as parts it lacks, and enough of them
        ("Transfer to ... via Western Union") take a listed person's name below REVIEW."""
        if not allowed or not 2 <= len(needle.tokens) < len(haystack.tokens):
            return ()
        if not self.distinctive(needle.tokens, needle.factors, needle.han):
            return ()
        spoken = spoken_order(needle.tokens, needle.inverted)
        for order in dict.fromkeys((needle.tokens, spoken)):
            at = find(haystack.tokens, order)
            if at >= 0 and not self.in_longer_name(haystack.tokens, at, at + len(order)):
                return order
        return ()

    def in_longer_name(self, tokens: tuple[str, ...], start: int, end: int) -> bool:
        """Whether a part of a listed person's name stands right before or after
        tokens[start:end]: a name found there is part of another person's longer one. A
        title is none, though a listed name carries it ("Sheikh", "General" before "Ayman
        al-Zawahiri" or "Qasem Soleimani" in text: each made the name another's)."""
        around = tokens[max(start - 1, 0) : start] + tokens[end : end + 1]
        return any(self.person_word(w) and w not in self._titles for w in around)

    def person_found(self, pa: Prepared, pb: Prepared, otherwise: Score) -> Score:
        """A listed person's whole name `pb` found in the query `pa` (`_person_within`) as
        a `contained` score; `otherwise` if it is not."""
        found = self._person_within(side_of(pa, True), side_of(pb, True), True)
        if not found:
            return otherwise
        return Score(self.config.contained_score, "contained", otherwise.alignment, found)


def side_of(prepared: Prepared, person: bool) -> Side:
    """A name's tokens with their factors and weights by persons' or organisations' rules."""
    f, p = prepared.form, prepared
    if person:
        return Side(f.tokens, f.person_factors, p.person_weights, f.han, f.inverted)
    return Side(f.tokens, f.factors, p.weights, f.han, f.inverted, f.legal_last)


def _singulars(word: str) -> tuple[str, ...]:
    """What an English plural's singular may be, by its regular endings ("routers", "boxes",
    "proxies"); the frequency list says which is a word."""
    found: tuple[str, ...] = (word[:-1],)
    if word.endswith("es"):
        found += (word[:-2],)
    if word.endswith("ies"):
        found += (word[:-3] + "y",)
    return found
