"""Build src/banscreen/data/spellings/name_symbols.tsv.gz: persons' given and family names
written in scripts other than Latin, each beside the Latin spellings of the same name, from
rigour's person-name corpus (the data behind its name symbols and nomenklatura's
`symbolMatch`).

    python bench/build_name_symbols.py rigour-2.6.1/rust/data/names/person_names.txt \
        src/banscreen/data/spellings/name_symbols.tsv.gz

The corpus is `rust/data/names/person_names.txt` of rigour's source distribution
(rigour-2.6.1.tar.gz on PyPI, unpacked; MIT licence, OpenSanctions
Datenbanken GmbH, its copy beside the table as name_symbols.LICENSE), one line a name:
its forms, then its Wikidata item ("ovsei, ovsej, овсей => Q10000006"). rigour compiles it
into its tagger, which takes seconds to build on first use; banscreen reads this table of
what it needs instead: for each name with Latin and other forms, its Latin spellings of one
word (folded as banscreen folds a Latin word), and each of its other forms as banscreen
looks it up (`name_symbols.symbol_key`: case folded, without the marks a script writes
above or below a letter, as rigour's own tokeniser drops them).

Format: comment lines (#), then one line a name, its Latin words apart by spaces (a name's
number is its line's, from 0); a blank line; then one line a form, the form, a tab, the
numbers of the names it writes.
"""

from __future__ import annotations

import gzip
import re
import sys
import unicodedata
from pathlib import Path

from banscreen.match.name_symbols import symbol_key
from banscreen.match.text import fold_latin

_LATIN_WORD = re.compile(r"[a-z]{2,}")


def _latin(form: str) -> bool:
    """Whether each letter of a form is a Latin one (with or without accents)."""
    return all(unicodedata.name(c, "").startswith("LATIN") for c in form if c.isalpha())


def main() -> None:
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    names: list[str] = []
    forms: dict[str, list[int]] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        written, _, _item = line.rpartition(" => ")
        if not written:
            continue
        latin, other = set(), []
        for form in written.split(", "):
            if _latin(form):
                if _LATIN_WORD.fullmatch(folded := fold_latin(form.casefold())):
                    latin.add(folded)
            elif (key := symbol_key(form)) and not key.isascii():
                other.append(key)
        if not latin or not other:
            continue
        number = len(names)
        names.append(" ".join(sorted(latin)))
        for key in dict.fromkeys(other):
            forms.setdefault(key, []).append(number)
    with gzip.open(target, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(
            "# banscreen name symbols: persons' names in other scripts and their Latin "
            "spellings.\n# Source: rigour 2.6.1 (sdist), rust/data/names/person_names.txt; "
            "MIT licence, OpenSanctions Datenbanken GmbH (name_symbols.LICENSE); names from "
            "Wikidata (CC0).\n# Built by bench/build_name_symbols.py.\n"
        )
        out.writelines(f"{n}\n" for n in names)
        out.write("\n")
        out.writelines(f"{k}\t{' '.join(map(str, v))}\n" for k, v in sorted(forms.items()))
    print(f"{len(names):,} names, {len(forms):,} forms -> {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
