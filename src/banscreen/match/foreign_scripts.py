"""A person's name written in Chinese characters, Hangul, katakana, Cyrillic, Arabic or
Hebrew, read back into Latin letters as forms of the query (rewrites.py): the rules'
readings and learned models' likeliest spellings (foreign_han.py, foreign_spelling.py); and a
person's name in any script other than Latin as the listed Latin spellings of the names its
words are forms of (name_symbols.py)."""

from __future__ import annotations

from collections.abc import Collection

from ..registry.matching import MatchingConfig
from .foreign_han import ForeignHan
from .foreign_spelling import SCRIPTS, ForeignSpelling
from .forms import NameForm
from .name_symbols import NameSymbols
from .normalize import Normaliser
from .spelling_model import Sounding
from .variants import Variant


class ForeignScripts:
    def __init__(
        self,
        config: MatchingConfig,
        normaliser: Normaliser,
        known: Collection[str],
        sounding: Sounding | None = None,
    ) -> None:
        self.han = ForeignHan(config, normaliser, known, sounding)
        self.spelt = [ForeignSpelling(s, config, normaliser, known, sounding) for s in SCRIPTS]
        self.symbols = NameSymbols(config, normaliser, known)

    def variants(self, form: NameForm, text: str) -> list[Variant]:
        """The rules' readings, the models' spellings and the names' Latin spellings, looked
        up among the registry's words."""
        found = self.han.variants(form, text)
        for script in self.spelt:
            found.extend(script.spellings(form, text))
        found.extend(self.symbols.forms(form, text))
        return [v for v in found if v.form.tokens]

    def gated(self, found: list[Variant], form: NameForm, text: str) -> list[Variant]:
        """A query's forms (`found`) `held` to their gate, then `variants`."""
        return [*self.held(found, form, text), *self.variants(form, text)]

    def held(self, found: list[Variant], form: NameForm, text: str) -> list[Variant]:
        """A query's forms, those of a person's name in a script with a model held to its
        gate on persons' names (`ForeignSpelling.gate`: one word, or more): the forms in its
        own script, and in an alphabet (Cyrillic, Arabic, Hebrew) its Latin readings too
        (palladius.py read саво as "sa wo", which met SAYF)."""
        for script in self.spelt:
            gate = script.gate(form, text)
            if gate is not None:
                every = script.script.readings
                return [v._replace(heard=gate)
                        if v.heard is None and (every or v.form.script == form.script) else v
                        for v in found]  # fmt: skip
        return found

    def spellings(
        self, form: NameForm, text: str, known: Collection[str] | None = None
    ) -> list[Variant]:
        """The models' spellings, those made of known words looked up among `known` (by
        default the registry's words; `Matcher.compare`: the other name's)."""
        found = [*self.han.spellings(form, text, known)]
        for script in self.spelt:
            found.extend(script.spellings(form, text, known))
        found.extend(self.symbols.forms(form, text, known))
        return [v for v in found if v.form.tokens]
