"""The candidate index never loses a match: whatever scores at or above REVIEW against any
registry name is found, with the same score, as if every name had been scored.

The index walks only some postings and drops candidates by an upper bound of their score
(`Postings.search`); a bound that is not an upper bound is a wrong CLEAR. Checked on the
shipped registry plus the three list fixtures (about 1,300 names, Latin and Han, persons
and organisations) and twins of some of their parties written in other scripts, with
queries made from registry names by the edits real payment data shows: typos, dropped and
added words, initials, words given by their initials, titles, reference numbers, invisible characters, possessives, words
run together, names inside a payment's words, persons' names in their spoken order, names
cut off by a field's length, and whole names written in another script.
"""

from __future__ import annotations

import random
from dataclasses import replace

import icu
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from banscreen.match.index import NameIndex
from banscreen.registry import Registry
from banscreen.sources import registry_with_lists
from helpers.matching import match_everything, match_key

SCRIPTS = ["Latin-Cyrillic", "Latin-Greek", "Latin-Hangul", "Latin-Katakana", "Latin-Arabic",
           "Latin-Hebrew", "Latin-Georgian", "Latin-Armenian"]  # fmt: skip
_WRITERS = {s: icu.Transliterator.createInstance(s) for s in SCRIPTS}


@pytest.fixture(scope="module")
def big_registry(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    from helpers.lists import import_fixture_lists

    registry = registry_with_lists(import_fixture_lists(tmp_path_factory.mktemp("bound-home")))
    # Twins of some parties with their names in other scripts, as lists publish them.
    rng = random.Random(7)
    entities = dict(registry.entities)
    for k, entity in enumerate(rng.sample(sorted(entities.values(), key=lambda e: e.id), 120)):
        writer = _WRITERS[SCRIPTS[k % len(SCRIPTS)]]
        names = tuple(replace(n, value=writer.transliterate(n.value)) for n in entity.names[:2])
        twin = replace(entity, id=f"{entity.id}-twin", names=(*entity.names[:1], *names))
        entities[twin.id] = twin
    # Parties whose names carry numbers, apart or glued on ("Ocean Star 2000", "Media4000"),
    # which a reference number in a query may spell.
    for k, entity in enumerate(rng.sample(sorted(entities.values(), key=lambda e: e.id), 40)):
        first = entity.names[0]
        number = NUMBERS[k % len(NUMBERS)]
        value = f"{first.value} {number}" if k % 2 else f"{first.value.split()[0]}{number}"
        numbered = replace(entity, id=f"{entity.id}-numbered", names=(replace(first, value=value),))
        entities[numbered.id] = numbered
    return replace(registry, entities=entities)


NUMBERS = ["2000", "777", "12345", "4411", "1200", "2021"]


@pytest.fixture(scope="module")
def index(big_registry: Registry) -> NameIndex:
    from banscreen.match import Matcher

    return Matcher(big_registry).names


def _mutate(rng: random.Random, name: str) -> str:
    words = name.split()
    for _ in range(rng.randint(0, 3)):
        kind = rng.choice(["typo", "swap", "drop", "add", "form", "upper", "join", "initial",
                           "title", "ref", "invisible", "possessive", "camel",
                           "sentence", "spoken", "initials"])  # fmt: skip
        if not words:
            break
        at = rng.randrange(len(words))
        word = words[at]
        if kind == "typo" and len(word) > 3:
            i = rng.randrange(len(word) - 1)
            words[at] = rng.choice(
                [word[:i] + word[i + 1 :], word[:i] + word[i + 1] + word[i] + word[i + 2 :],
                 word[:i] + rng.choice("aeiounrst") + word[i + 1 :]]
            )  # fmt: skip
        elif kind == "swap" and len(words) > 1:
            words[at], words[-1] = words[-1], words[at]
        elif kind == "drop" and len(words) > 1:
            del words[at]
        elif kind == "add":
            words.insert(
                at,
                rng.choice(["Trading", "Group", "International", "Holdings", "Shenzhen", "Tech"]),
            )
        elif kind == "form":
            words.append(rng.choice(["LLC", "Ltd.", "Co., Ltd.", "GmbH", "JSC", "有限公司"]))
        elif kind == "upper":
            words[at] = word.upper()
        elif kind == "join" and at + 1 < len(words):
            words[at : at + 2] = [words[at] + words[at + 1]]
        elif kind == "initial" and len(words) > 1:
            words[at] = word[:1] + "."
        elif kind == "title":
            words.insert(0, rng.choice(["Mr", "President", "Sheikh", "Dr.", "General"]))
        elif kind == "ref":
            words.append(
                rng.choice(["ref 88231", "INV-7781", "12345", "2021-03-15", "USD 1,200.00"])
            )
        elif kind == "invisible" and len(word) > 2:
            words[at] = word[:1] + rng.choice(["\u200b", "\u2060", "\u200d", "\u00ad"]) + word[1:]
        elif kind == "possessive" and len(words) > 1:
            words[at] = word + "'s"
        elif kind == "camel" and at + 1 < len(words):
            words[at : at + 2] = [words[at].lower() + words[at + 1].capitalize()]
        elif kind == "sentence":  # the name inside a payment's words
            words = [*rng.choice([["Payment", "to"], ["Transfer", "to"], ["Wire", "from"], []]),
                     *words, *rng.choice([["via", "Western", "Union"], ["consulting", "fee"],
                                          ["for", "school", "fees"], []])]  # fmt: skip
        elif kind == "initials" and len(words) - at > 2:  # words given by their initials
            run = rng.randint(3, min(5, len(words) - at))
            words[at : at + run] = ["".join(w[:1] for w in words[at : at + run]).upper()]
        elif kind == "spoken" and "," in name:  # "SURNAME, Given" said as "Given Surname"
            surname, given = name.split(",", 1)
            words = [*given.split(), *surname.split()]
    text = " ".join(words)
    if rng.random() < 0.15 and len(text) > 8:  # cut off by a field's length, inside a word
        text = text[: rng.randrange(8, len(text))]
    if rng.random() < 0.1:  # the whole name written in another script
        text = _WRITERS[rng.choice(SCRIPTS)].transliterate(text)
    return text


# The same 400 examples on every run (`derandomize`): a random run found the gap below,
# which the search has had since before it was found; a soundness failure that comes and
# goes with the seed would fail unrelated changes. Widen the search (more examples, another
# seed) when working on the candidate bound.
@settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.integers(0, 10**9), st.integers(0, 10**9))
def test_the_index_finds_what_scoring_every_name_finds(
    index: NameIndex, seed: int, pick: int
) -> None:
    rng = random.Random(seed)
    entries = index.entries
    name = entries[pick % len(entries)].name.value
    if rng.random() < 0.2:  # two names run together, or a name inside a longer one
        other = entries[rng.randrange(len(entries))].name.value
        name = f"{name} {other}" if rng.random() < 0.5 else f"Payment to {name} ref 4411"
    query = _mutate(rng, name)
    assert match_key(index.match(query)) == match_everything(index, query), query


def test_a_hebrew_name_with_another_given_name_is_found_by_the_index(index: NameIndex) -> None:
    """Found by a random run of the test above: "DOROSHENKO, Dmitri" in Hebrew letters
    ("dorosshenko dmitri") scored 0.80 against `Arman DOROSHENKO` and `DOROSHENKO,
    Nikolai` (across scripts one unaligned part on each side is no conflict). Scoring aligns
    "dorosshenko" with "doroshenko" at 1.0, the doubled letter being one abjad letter kept
    apart; the search offered them at their edit similarity (0.91) and dropped both. (The
    two scores move with the lists' weights: the offer is checked as well as the result.)"""
    query = "דֳרֳסהֶנכֳ, דמִטרִ"
    assert match_key(index.match(query)) == match_everything(index, query)
    assert dict(index._abjad_sources("dorosshenko"))["doroshenko"] == 1.0
    assert dict(index._roman_sources("dorosshenko"))["doroshenko"] == 1.0


@pytest.mark.parametrize(
    "query",
    [
        # One word of a query in another script that sounds like a listed name of several
        # words by another reading of its letters ("harbursshipping": "ss" before "h" is
        # also one sound), as the scoring reads it; the candidate search read each word
        # by its first key only and lost four of the five HARBOR SHIPPING GROUP parties.
        "Ant Group Co., Ltd. هَربُرسهِپپِنگ گرُُپ ٥١٨٦",
    ],
)
def test_found_cases(index: NameIndex, query: str) -> None:
    assert match_key(index.match(query)) == match_everything(index, query)


def test_the_check_sees_a_dropped_candidate(index: NameIndex) -> None:
    """The comparison above can fail: an index that drops its candidates is caught."""
    query = _mutate(random.Random(1), index.entries[0].name.value) + "x"
    original, lookups = NameIndex._candidates, NameIndex._lookups
    NameIndex._candidates = lambda self, form, prepared=None, person=None: set()  # type: ignore[method-assign]
    NameIndex._lookups = lambda self, form, prepared: set()  # type: ignore[method-assign]
    NameIndex._hits.cache_clear()
    try:
        starved = match_key(index.match(query))
    finally:
        NameIndex._candidates, NameIndex._lookups = original, lookups  # type: ignore[method-assign]
        NameIndex._hits.cache_clear()
    assert starved != match_everything(index, query)


def test_a_repeated_token_counts_once_per_occurrence(index: NameIndex) -> None:
    """Found by the test above: "巴巴" aligns twice, so the bound must count it twice (it
    counted it once, and the index lost a REVIEW the full scan finds)."""
    query = "Shenzhen 阿里巴巴集团控股限有公司"
    found = match_key(index.match(query))
    assert found and found == match_everything(index, query)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.integers(0, 10**9), st.integers(0, 10**9))
def test_leaving_out_references_that_pair_with_nothing_changes_no_match(
    index: NameIndex, seed: int, pick: int
) -> None:
    """variants() scores only the name when the references taken away from a query pair
    with nothing listed; matching with and without that shortcut agrees, hit for hit, also
    where a listed name spells the number ("Ocean Star 2000", "Media2000")."""
    rng = random.Random(seed)
    words = _mutate(rng, index.entries[pick % len(index.entries)].name.value).split()
    number = rng.choice([*NUMBERS, str(rng.randint(100, 10**6))])
    reference = rng.choice([number, f"ref {number}", f"INV-{number}", f"USD {number}.00",
                            "2021-03-15"])  # fmt: skip
    words.insert(rng.randint(0, len(words)), reference)
    query = " ".join(words)
    shortcut = match_key(index.match(query))
    index.skip_inert_references = False
    try:
        assert match_key(index.match(query)) == shortcut, query
    finally:
        index.skip_inert_references = True
