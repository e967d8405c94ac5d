"""A person's name in Russian text, in the case the sentence puts it in: "перевод Горбачёву
Михаилу Сергеевичу" (to, dative), "от Горбачёва Михаила Сергеевича" (from, genitive), "с
Горбачёвым" (with, instrumental). Lists write the nominative, and a declined name of three
words spelt a letter or two away on each word fell below the score a name in text is held
to (`free_text_sounded_person_score`). A window of Cyrillic text holding a declined surname
or patronymic is also read with each word's case ending taken back to the nominative of a
Russian surname, patronymic or given name: a second reading, matched for persons as the
window is (freetext.py)."""

from __future__ import annotations

import re

# Surnames in -ов, -ев, -ёв, -ин and patronymics in -ич, each case's ending (longest first);
# a given name ending in -й (Сергей: Сергея, Сергею, Сергеем), in -ий (Дмитрий: Дмитрия),
# in -ь (Игорь: Игоря, Игорю) or in a consonant (Михаил: Михаила, Михаилу, Михаилом).
_ENDINGS = re.compile(
    r"(?P<stem>\w{2,}?(?:ов|ев|ёв|ин|ич))(?:ым|ем|ом|у|а|е)$"
    r"|(?P<yi>\w{2,}?и)(?:ю|я|ем)$"
    r"|(?P<y>\w{2,}?[еаоу])(?:ю|я|ем)$"
    r"|(?P<soft>\w{2,}?[лнрт])(?:ю|я|ем)$"
    r"|(?P<consonant>\w{2,}?[бвгдзклмнпрстфхцчшщ])(?:ом|у|а|е)$"
)


def nominative(word: str) -> str:
    """A lower-case Cyrillic word with a Russian name's case ending taken back to the
    nominative ("горбачёву" → "горбачёв", "сергея" → "сергей", "дмитрию" → "дмитрий"); the
    word itself when it has none."""
    found = _ENDINGS.fullmatch(word)
    if found is None:
        return word
    if found["stem"]:
        return found["stem"]
    if found["yi"]:
        return found["yi"] + "й"
    if found["y"]:
        return found["y"] + "й"
    if found["soft"]:
        return found["soft"] + "ь"
    return found["consonant"]


# What only a name declined looks like: a surname in -ов, -ев, -ёв or -ин in the dative or
# instrumental, or a patronymic in any case but the nominative. (The genitive's -а and the
# prepositional's -е end as many ordinary words: "машина", "слова".)
_DECLINED_NAME = re.compile(r"\w{2,}(?:(?:ов|ев|ёв|ин)(?:у|ым)|ич(?:а|у|ем|е))")


def nominative_reading(window: str) -> str | None:
    """A window of Cyrillic text with each word read in the nominative, or None when no
    word is a name's declined form (`_DECLINED_NAME`): reading a window again costs as
    much as reading it, and most Russian text holds no name."""
    words = window.split()
    if not any(_DECLINED_NAME.fullmatch(w) for w in words):
        return None
    read = [nominative(w) for w in words]
    return " ".join(read) if read != words else None
