"""Compound names written apart in a query, read joined (`Compounds`, a part of
`QueryRewrites`, rewrites.py).

Arabic compound names are one word in one rendering and apart in another (`Abd al-Rahman`,
`Abdulrahman`; ICU romanises الله as "al lh"): a run of two or three words holding a linking
particle (`compound_links`) is also read joined when a listed word writes it so. Arabic says
its article's l as the next consonant when that is a "sun letter" (`_SUN`): سراج الدين,
romanised "sraj al dyn", is Sirajuddin; such a run is also read with the l left out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from rapidfuzz.distance import OSA

from ..registry.matching import MatchingConfig
from .forms import NameForm
from .near import Words
from .normalize import Normaliser
from .sound import SoundKeys

Listed = Callable[[str], Iterable[str]]
# A run of words that may be read joined: (first position, end, the joined word).
Run = tuple[int, int, str]
# The Arabic article as romanised, and the romanised "sun letters" it is said as: t, th, d,
# dh, r, z, s, sh, the emphatic s, d, t and z (romanised without their dots), and n. (Also
# l, but "al lh" already sounds as Allah: read "alh", it met METEOR and HYDRA.)
_ARTICLES = frozenset({"al", "el"})
_SUN = ("t", "d", "r", "z", "s", "n")
ANY_ENDING: tuple[str, ...] = ("",)  # every word ends so


class Compounds:
    # What the index provides (index.py, rewrites.py).
    config: MatchingConfig
    normaliser: Normaliser
    sound: SoundKeys
    _all_words: Words
    _compound_links: frozenset[str]
    _reromanised: Callable[..., NameForm]

    def join_compounds(self, form: NameForm, listed: Listed | None = None) -> NameForm | None:
        """The name with the parts of a compound name joined where a listed word writes them
        as one ("Abd al-Rahman" against "Abdulrahman", عبد الله, which romanises "abd al lh",
        against "Abdullah"); None when there are none.

        A run of two or three words holding a linking particle (`compound_links`) is joined
        when the joined word sounds like a listed word (equal sound keys of three classes or
        more) spelt at least `person_spelling_floor` like it, the test persons' name parts
        pass to align, and more like it than like any of its words alone; runs are taken
        from the left, longest first. `listed` gives the words with a sound key (by default
        the registry's; `compare` the other name's).
        """
        runs = _from_the_left(self._every_run(form, self._listed(listed)))
        return self._joined(form, runs) if runs else None

    def compound_forms(self, form: NameForm) -> list[tuple[NameForm, bool]]:
        """`join_compounds`, and each run that may be joined, joined alone: a list may write
        one compound as one word and keep the next one's article apart ("yhyy abd al lh al
        abydy" against YAHIA ABDALLAH AL-UBAIDI: 0.78 both joined, 0.90 the first alone),
        and taking runs from the left may take a word that belongs to the next ("aadl abd al
        lh" joined "aadlabd", where "abd al lh" is the listed Abdallah). Each with whether a
        run of it was joined without a link: a person's name's parts, which count on
        persons' names only (علي حسن, "aly hsn", met the organisation AL-HISN so)."""
        every = self._every_run(form, self._listed(None))
        runs = _from_the_left(every)
        if not runs:
            return []
        alone = [[run] for run in every if [run] != runs]
        return [(self._joined(form, run), self._unlinked(form, run)) for run in [runs, *alone]]

    def _unlinked(self, form: NameForm, runs: Sequence[Run]) -> bool:
        """Whether a run of `runs` holds no linking particle."""
        return any(
            not any(w in self._compound_links for w in form.roman[start:end])
            for start, end, _ in runs
        )

    def _listed(self, listed: Listed | None) -> Listed:
        if listed is not None:
            return listed
        by_key = self._all_words.by_key
        return lambda key: by_key.get(key, ())

    def _joins(self, words: Sequence[str], listed: Listed, arabic: bool = False) -> str | None:
        """The run of words read joined, as it is written or with its article's l said as
        the sun letter after it (see `join_compounds`); None when it is not read joined.
        Two words of a name in Arabic letters (`arabic`) are also read joined without a link
        when the joined word's sound key has `compound_unlinked_min_classes` classes (شهيد
        خيل, "shhyd khyl", SHAHIDKHEL: Pashto and Persian write a name's parts -khel, -zai,
        -mal apart that Latin renderings join)."""
        least, endings = 3, ANY_ENDING
        if any(w in self.config.compound_allah for w in words):
            least = self.config.compound_allah_min_classes
            endings = tuple(self.config.compound_allah)
        elif not any(w in self._compound_links for w in words):
            if not arabic or len(words) != 2:
                return None
            least = self.config.compound_unlinked_min_classes
        if words[-1] in self.config.compound_prefixes:
            return None  # it begins a compound after the run
        floor = self.config.person_spelling_floor
        for joined in dict.fromkeys(("".join(words), assimilated(words))):
            key = self.sound.key(joined)
            if len(key) >= least and any(
                self._compound_of(joined, words, word, floor)
                for word in listed(key)
                if word.endswith(endings)
            ):
                return joined
        return None

    def _every_run(self, form: NameForm, listed: Listed) -> list[Run]:
        """Every run that may be joined, wherever it starts, longest first at each start:
        (first position, end, the joined word) of each."""
        words = form.roman
        if len(words) < 2 or form.han:
            return []
        arabic = form.script == "Arabic"
        return [
            (i, i + n, joined)
            for i in range(len(words))
            for n in (3, 2)
            if i + n <= len(words) and (joined := self._joins(words[i : i + n], listed, arabic))
        ]

    def _joined(self, form: NameForm, runs: Sequence[Run]) -> NameForm:
        """`form` with each run of its words joined into one."""
        words = form.roman
        out: list[tuple[str, int, int]] = []
        i = 0
        for start, end, joined in [*runs, (len(words), len(words), "")]:
            out += [(words[k], k, k + 1) for k in range(i, start)]
            out += [(joined, start, end)] if start < end else []
            i = end
        if form.script == "Latin":
            return self.normaliser.form(" ".join(w for w, _, _ in out))

        def merged(factors: tuple[float, ...]) -> tuple[float, ...]:
            return tuple(max(factors[start:end]) for _, start, end in out)

        factors: dict[str, Any] = {
            "roman_factors": merged(form.roman_factors),
            "roman_person_factors": merged(form.roman_person_factors),
        }
        return self._reromanised(form, tuple(w for w, _, _ in out), **factors)

    @staticmethod
    def _compound_of(joined: str, run: Sequence[str], word: str, floor: float) -> bool:
        """Whether a listed word that sounds like a joined run is spelt like it, and more like
        it than like any of its words alone ("Omar al" is Omar, not a compound)."""
        spelt = OSA.normalized_similarity(joined, word)
        return spelt >= floor and all(spelt > OSA.normalized_similarity(w, word) for w in run)


def _from_the_left(every: Sequence[Run]) -> list[Run]:
    """Of the runs that may be joined (`_every_run`), those taken from the left, the longest
    at each start, skipping the words a taken run holds: the runs `join_compounds` joins."""
    runs: list[Run] = []
    taken = 0
    for run in every:
        if run[0] >= taken:
            runs.append(run)
            taken = run[1]
    return runs


def assimilated(words: Sequence[str]) -> str:
    """A run joined with the Arabic article's l before a sun letter left out, as it is said
    ("sraj al dyn" as "srajadyn", Sirajuddin)."""
    out = []
    for k, word in enumerate(words):
        after = words[k + 1] if k + 1 < len(words) else ""
        out.append("a" if word in _ARTICLES and after.startswith(_SUN) else word)
    return "".join(out)
