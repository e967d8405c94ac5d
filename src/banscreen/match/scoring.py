"""Scoring two names: explainable rules over a weighted token alignment.

Equal tokens are exact, unless the legal forms conflict or, once dropped, leave a short
acronym ("ABC LLC" ~ "ABC Corporation": `weak_name_max`). Otherwise the weighted token
alignment (similarity.py), capped at `generic_only_max` when it aligns no distinctive
token; equality once spaces are removed scores at least `compact_score`; a distinctive name
found whole inside a longer one at least `contained_score` (method `contained`) unless the
word after it continues it into another name ("Acme Solar" is not "Acme"; a place after it,
"Acme Hamburg", does not: inside.py). Names in different
scripts are also compared in a common Latin form: Chinese and Latin by pinyin syllables,
exactly (homophones are common in Chinese names); any other pair of scripts by their
romanised words and how they sound (sound.py). Such a transliterated match is capped at
`transliteration_max`: it reaches REVIEW, never BLOCK on its own.

A person (the registry name's entity is of type person) is scored by the rules of persons'
names: a two- or three-letter word is a name part, not an acronym; an initial aligns with a
name part it begins, and spellings that sound alike align; parts that one name has and the
other lacks (a patronymic, a middle name) count `person_extra_weight` of their weight; but
when both names keep a part the other lacks, they are different persons (at most
`person_conflict_max`), and the same parts in another spoken order are for a person to
confirm (at most `person_order_max`); a person's whole name is found inside a longer
query unless a listed person's name part stands beside it. A BLOCK needs every query word
spelt as listed and every listed word but titles and particles (and a person's places)
aligned, an organisation's in order unless none is missing. Every rule here only ever
raises a score through a pair of tokens or a lookup the candidate search (candidates.py)
knows about.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from itertools import pairwise

from rapidfuzz.distance import OSA

from ..registry.matching import MatchingConfig
from .across import AcrossScripts
from .candidates import SHORT_FORM_WORDS
from .common_words import zipf
from .forms import NameForm
from .inside import Inside, side_of
from .korean import KoreanNames
from .persons import initials_only, one_part, title_words
from .places import Places
from .prepared import Prepared, Score, Side, any_distinctive, held
from .similarity import Alignment, Pairs, PairSimilarity, align, spelt_alike
from .sound import SoundKeys
from .word_pairs import WordPairs

# How far below the block threshold a fuzzy score that may not BLOCK is put.
BLOCK_MARGIN = 0.01
# Scripts whose persons' names are written a word a part, as Latin ones are (Chinese and
# Korean write a whole name as one word; katakana puts a ・ between a foreign name's parts).
SPACED = frozenset({"Cyrillic", "Greek", "Arabic", "Hebrew", "Armenian", "Georgian", "Kana"})
# Name parts each side must keep unaligned for two names in different scripts to be two
# persons (one unaligned part is as often a transliteration that did not align).
CONFLICT_PARTS_WRITTEN = 2
# A query of this many words or more, each spelt as in a listed organisation's name and in
# its order, is that name's whole though it leaves out the listed name's generic words
# ("Ant Small and Micro Financial Services" for "Zhejiang Ant Small and Micro Financial
# Services Group Co., Ltd.", a name of common and generic words only).
LONG_GENERIC_NAME = 4


class Scorer(WordPairs, AcrossScripts, Inside):
    """The scoring rules under one matching configuration."""

    def __init__(
        self,
        config: MatchingConfig,
        sound: SoundKeys,
        known: Callable[[str], bool] = lambda word: False,
        person_word: Callable[[str], bool] = lambda word: False,
        places: Places | None = None,
    ) -> None:
        self.config = config
        self.sound = sound
        self.known = known  # whether the lists spell a word (as one of theirs, or nearly)
        self.person_word = person_word  # whether a word is a part of listed persons' names
        self.places = places  # where places' names begin in a name's tokens
        self._part_floor = config.short_token_weight  # a person's name part, not a title
        self._references = frozenset((*config.reference_words, *config.currency_codes))
        self._party_words = frozenset((*config.payee_lead_words, *config.payee_trail_words))
        self._payment_words = frozenset(config.payment_words)
        self._streets = frozenset(config.street_words)
        self._street_suffixes = tuple(config.street_suffixes)
        self._titles = title_words(config)
        self.korean = KoreanNames(config)

    # ------------------------------------------------------------------ rules
    def _rules(
        self,
        a: Side,
        b: Side,
        alignment: Alignment,
        person: bool,
        contained_a: bool,
        contained_b: bool,
        short_b: bool = False,
        written: bool = False,
    ) -> tuple[float, str, tuple[str, ...]]:
        """A token alignment's score under the rules above: (score, method, found).

        `short_b`: `b` is a listed name that the query `a` may give in short ("Rayan Roshd
        Company" for "Rayan Roshd Afzar Company"): when `a` has two distinctive words or more
        and every one aligns, the words of `b` it lacks count `org_extra_weight` of their
        weight.
        """
        cfg = self.config
        method = "fuzzy"
        if person:
            score = self._person(a, b, alignment, written)
        elif short_b and self._short_form(a, alignment):
            score = self._partial(a, b, alignment, 1.0, cfg.org_extra_weight)
        else:
            score = alignment.score
        if (
            not any_distinctive(alignment.aligned_a, a.factors)
            and not any_distinctive(alignment.aligned_b, b.factors)
            and (person or not self._both_whole(a, b, alignment))
        ):
            score = min(score, cfg.generic_only_max)
        if "".join(a.tokens) == "".join(b.tokens):
            score = max(score, cfg.compact_score)
        if score >= cfg.thresholds.block and not self._whole(a, b, alignment, person):
            score = cfg.thresholds.block - BLOCK_MARGIN
        found: tuple[str, ...] = ()
        if score < cfg.contained_score:
            if person:
                found = self._person_within(a, b, contained_b) or self._person_within(
                    b, a, contained_a
                )
            elif self._contains(a, b, contained_b) >= 0:
                found = b.tokens
            elif self._contains(b, a, contained_a) >= 0:
                found = a.tokens
            if found:
                score, method = cfg.contained_score, "contained"
        return score, method, found

    @staticmethod
    def _short_form(a: Side, alignment: Alignment) -> bool:
        """The query gives a name in short: two distinctive words or more, all aligned."""
        distinctive = [i for i, f in enumerate(a.factors) if f >= 1.0]
        return len(distinctive) >= SHORT_FORM_WORDS and all(
            i in alignment.aligned_a for i in distinctive
        )

    def _both_whole(self, a: Side, b: Side, alignment: Alignment) -> bool:
        """Whether two organisations' names are each other's whole, spelt alike, but for
        particles, and places of the listed one: "KNH Shipping Ltd." is "KNH Shipping Pvt
        Ltd", a name of a short word and a generic one, which no distinctive word makes more
        than a generic overlap (a missing place keeps it from BLOCK: `_whole`); the query
        may add generic words to a listed name with a word more than generic ("KNH
        Technology Group" for "KNH Group")."""
        optional = self.config.name_particle_weight
        if any(f > self.config.generic_weight for f in b.factors):
            optional = max(optional, self.config.generic_weight)
        listed_optional = self.config.place_weight
        if len(alignment.aligned_a) >= LONG_GENERIC_NAME and _in_order(
            j for _, j in sorted(alignment.positions)
        ):
            listed_optional = self.config.generic_weight
        return (
            all(similarity >= 1.0 for similarity in alignment.similarities)
            and held(alignment.aligned_a, a.factors, optional)
            and held(alignment.aligned_b, b.factors, listed_optional)
        )

    def _whole(self, a: Side, b: Side, alignment: Alignment, person: bool) -> bool:
        """Whether an alignment may BLOCK: every word of the query `a` spelt as in the listed
        name, and every word of the listed name `b` there but titles and particles, and but
        places in a person's name. A fuzzy score near 1 with a word added ("... Shipping
        Lines Investment Company"), a generic word changed ("Myanmar Economic Corporation"
        against "Myanmar Economic Holding") or one letter changed is a REVIEW: it may be
        another party. So is an organisation's name without the place the listed one names
        ("Strait Shipbrokers Singapore Pte. Ltd.", "Hong Kong Hong Pang Gems ... Co."): a
        place tells a subsidiary or a branch from its parent. An organisation's words in
        another order are its name ("Melli Bank", "Bank Melli") only when nothing else of
        the listed name is missing ("Habanero's Restaurante" is not surely "Restaurante el
        Habanero")."""
        if any(similarity < 1.0 for similarity in alignment.similarities):
            return False
        if len(alignment.aligned_a) < len(a.tokens):
            return False
        cfg = self.config
        optional = cfg.place_weight if person else cfg.name_particle_weight
        if not held(alignment.aligned_b, b.factors, optional):
            return False
        if person or _in_order(j for _, j in sorted(alignment.positions)):
            return True
        return held(alignment.aligned_b, b.factors, 0.0)

    @staticmethod
    def _partial(a: Side, b: Side, alignment: Alignment, alpha_a: float, alpha_b: float) -> float:
        """The alignment's score with each side's unaligned words counting `alpha` of their
        weight (the plain score at 1.0)."""
        total_a, total_b = sum(a.weights), sum(b.weights)
        if total_a + total_b <= 0:
            return 0.0
        gained = alignment.score * (total_a + total_b)
        held_a = sum(a.weights[i] for i in alignment.aligned_a)
        held_b = sum(b.weights[j] for j in alignment.aligned_b)
        denominator = held_a + held_b + alpha_a * (total_a - held_a) + alpha_b * (total_b - held_b)
        return min(1.0, gained / denominator) if denominator > 0 else 0.0

    def _person(self, a: Side, b: Side, alignment: Alignment, written: bool = False) -> float:
        """The score of persons' names: unaligned parts count `person_extra_weight`; two
        names that each keep a name part the other lacks are different persons. Between
        scripts (`written`), where a transliteration may leave a part unaligned that is the
        same, it takes `CONFLICT_PARTS_WRITTEN` such parts on each side."""
        cfg = self.config
        alpha = cfg.person_extra_weight
        score = self._partial(a, b, alignment, alpha, alpha)
        if initials_only(alignment.pairs, cfg.token_similarity):
            return min(score, cfg.generic_only_max)
        need = CONFLICT_PARTS_WRITTEN if written else 1
        kept_a = sum(
            f >= self._part_floor for i, f in enumerate(a.factors) if i not in alignment.aligned_a
        )
        kept_b = sum(
            f >= self._part_floor for j, f in enumerate(b.factors) if j not in alignment.aligned_b
        )
        if kept_a >= need and kept_b >= need:
            score = min(score, cfg.person_conflict_max)
        if score > cfg.person_order_max and not self._in_order(a, b, alignment):
            # "ARELLANO FELIX, Ramon Eduardo" is not "ARELLANO FELIX, Eduardo Ramon", nor
            # surely "Putin Vladimir" "Vladimir Putin": the same parts in another order are
            # for a person to confirm.
            score = cfg.person_order_max
        return score

    def _one_word(
        self, score: float, method: str, alignment: Alignment, b: NameForm,
        rare: Callable[[str], bool], capped: bool,
    ) -> tuple[float, str]:  # fmt: skip
        """A query of one word against a listed person's name `b`: a REVIEW only when it is
        (a spelling of) a word that so few listed persons carry it names one
        (`person_rare_name_*`: "Shoigu"), and that is the surname where `b` says which
        part that is ("RABALSKY, Jacob": "Jacob" alone names no one). Otherwise
        (`capped`), against a name of two parts or more, below REVIEW however little the
        parts it lacks weigh ("Nasser" against "ALI, Nasser", "Ali" being in thousands of
        names; "NYSE", which sounds like it)."""
        cfg = self.config
        review = cfg.thresholds.review
        if capped and score >= review and sum(f >= self._part_floor for f in b.factors) >= 2:
            score = review - BLOCK_MARGIN
        if (
            score < cfg.person_rare_name_score
            and any(rare(y) for _, y, _ in _surnames(alignment, b.inverted))
            and self._spells(alignment.pairs)
        ):
            score, method = cfg.person_rare_name_score, "fuzzy"
        return score, method

    def _spells(self, pairs: tuple[tuple[str, str, float], ...]) -> bool:
        """Whether a word is a spelling of its partner: spelt like it to
        `person_rare_name_spelling`, or, spelt `person_rare_name_sound_spelling` alike,
        sounding like it by equal keys of `person_near_min_classes` classes or more
        (`Gorbatschow`, `Gorbachev`; not `Lund`, `Lindo`, whose keys are short). Not a word
        of English text at least `person_rare_name_common_zipf` frequent that no listed
        person carries: it is that word ("Honda", "Nikon"), not a rare name misspelt
        ("Houda", "Nikos")."""
        cfg = self.config
        common = cfg.person_rare_name_common_zipf
        pairs = tuple(
            (x, y, s) for x, y, s in pairs
            if x == y or zipf(x) < common or self.person_word(x)
        )  # fmt: skip
        if spelt_alike(pairs, cfg.person_rare_name_spelling):
            return True
        least = cfg.person_near_min_classes
        return any(
            len(x) >= 4
            and OSA.normalized_similarity(x, y) >= cfg.person_rare_name_sound_spelling
            and self.sound.similarity(x, y, least, least) >= self.sound.equal_score
            for x, y, _ in pairs
        )

    @staticmethod
    def _in_order(a: Side, b: Side, alignment: Alignment) -> bool:
        """Whether the aligned parts of two persons' names come in the same spoken order."""
        return _in_order(
            b.spoken(j) for _, j in sorted(alignment.positions, key=lambda p: a.spoken(p[0]))
        )

    # ------------------------------------------------------------------ scoring
    def score(
        self,
        pa: Prepared,
        pb: Prepared,
        person: bool = False,
        contained_b: bool = True,
        contained_a: bool = True,
        rare: Callable[[str], bool] | None = None,
        short_b: bool = False,
    ) -> Score:
        """Similarity of two names; symmetric with the defaults.

        `person`: score by the rules of persons' names. `contained_b` / `contained_a`: which
        side may be the one found whole inside the other. `rare`: whether a token is carried
        by so few listed persons that, given alone (`pa` a single word), it identifies one.
        `short_b`: `pb` is a listed name the query `pa` may give in short (see `_rules`).
        """
        cfg = self.config
        a, b = pa.form, pb.form
        conflict = bool(a.legal_forms and b.legal_forms) and a.legal_forms.isdisjoint(b.legal_forms)
        # Weak unless both carry the same legal forms (a name is itself; "ABC Inc" is "ABC
        # Ltd." in rigour's classes), which leaves "ABC Corporation" ~ "ABC LLC" weak.
        short = cfg.weak_name_max_chars
        weak = (
            not person and a.legal_forms != b.legal_forms and (a.acronym(short) or b.acronym(short))
        )
        if a.tokens == b.tokens:
            pairs = tuple((t, t, 1.0 / len(a.tokens)) for t in a.tokens)
            if weak:
                capped = 0.0 if conflict else cfg.weak_name_max
                return Score(capped, "fuzzy", Alignment(capped, pairs))
            if conflict:
                return Score(cfg.legal_form_conflict_max, "fuzzy", Alignment(1.0, pairs))
            return Score(1.0, "exact", Alignment(1.0, pairs))
        side_a, side_b = side_of(pa, person), side_of(pb, person)
        other: PairSimilarity = self._person_pair if person else self._org_pair
        lexical = align(
            side_a.tokens, side_a.weights, pa.ordered, side_b.tokens, side_b.weights, pb.ordered,
            cfg.token_similarity, other,
        )  # fmt: skip
        score, method, found = self._rules(
            side_a, side_b, lexical, person, contained_a, contained_b, short_b
        )
        # A query of one name part, however many titles lead it ("Mr Khamenei" as
        # "Khamenei": the title took a rare surname's REVIEW away). Not one that follows
        # it: "JOHNSON, Prince" is a given name.
        one = rare if person and one_part(a.factors, self._part_floor) else None
        if one is not None and method != "contained":
            spaced = a.script == "Latin" or a.script in SPACED
            score, method = self._one_word(score, method, lexical, b, one, spaced)
        if conflict:
            score = min(score, cfg.legal_form_conflict_max)
        if weak:
            score, method = (0.0 if conflict else min(score, cfg.weak_name_max)), "fuzzy"
        best = Score(score, method, lexical, found)
        if a.script == b.script:
            if person and a.script == "Latin" and score < 1.0:
                # One Korean name in two romanisations is a REVIEW; two Korean names are
                # two persons, however alike their syllables sound (korean.py).
                verdict = self.korean.latin_verdict(a.tokens, b.tokens)
                if verdict and score < cfg.sound_equal_score:
                    return Score(cfg.sound_equal_score, "fuzzy", lexical, found)
                if verdict is False and score > cfg.person_conflict_max:
                    return Score(cfg.person_conflict_max, method, lexical, found)
            return best
        if {a.script, b.script} == {"Han", "Latin"}:
            sound = self._pinyin(pa, pb, contained_a, contained_b)
            if person:  # a Korean name in characters (金正恩, Kim Jong Un)
                sound = replace(sound, score=self._korean(a, b, sound.score))
        elif a.script == "Han" or b.script == "Han":
            return best  # Chinese meets Latin by pinyin, and other scripts not at all
        else:
            sound = self._romanised(pa, pb, person, contained_a, contained_b, short_b)
            if one is not None and (
                a.script in SPACED
                or (_word_by_sound(a, sound.alignment) and not self.korean_verdict(a, b))
            ):
                # A surname alone in Cyrillic, Arabic, Greek or Hebrew letters, as in Latin;
                # and one Hangul word met by sound on one word of a listed person's name
                # (후유히메 on HAMOU, Ahmed at 0.84): a Korean name written as one word
                # (김영철, KIM Yong Chol) is met by the Korean rules, which align no words,
                # or align its reading on a surname of one letter besides (오극렬, whose
                # "ogeuglyeol" starts as O, Kuk-Ryol does: the name is whole, not a surname).
                alone = self._one_word(sound.score, sound.method, sound.alignment, b, one, True)
                sound = replace(sound, score=min(alone[0], cfg.transliteration_max))
        if sound.score > best.score:
            return sound
        return best


def _word_by_sound(a: NameForm, alignment: Alignment) -> bool:
    """Whether a name in Hangul, which writes a whole name as one word, was met by the sound of
    its word on words of the other name (not by the Korean rules: korean.py)."""
    return a.script == "Hangul" and bool(alignment.pairs)


def _surnames(alignment: Alignment, inverted: int) -> Pairs:
    """The aligned pairs whose listed word is in a surname: before the comma of a name
    written "SURNAME, Given" (`inverted` words); any word of a name that does not say, or
    when more than the one part aligned (a title the listed name carries too: "Haji NOOR"
    against "NOOR, Haji Mohammad")."""
    pairs = alignment.pairs
    if not inverted or len(pairs) != 1 or len(alignment.positions) != 1:
        return pairs
    return pairs if alignment.positions[0][1] < inverted else ()


def _in_order(positions: Iterable[int]) -> bool:
    """Whether positions only ever increase."""
    return all(x < y for x, y in pairwise(positions))
