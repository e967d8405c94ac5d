"""A listed company's branch named after it, against the list (a benchmark, not a test).

    python bench/branches.py [--json]

Each listed organisation's name that ends in a legal form (Latin: a word of
`company_form_words` or `name_end_words`; Chinese: 公司) is looked up as its branch
("NAME Shenzhen Branch", "NAME, Dubai Branch", "NAME (Representative Office)";
"NAME北京分公司", "NAME（上海分公司）") among the real-data sets' OFAC organisations and the
shipped registry's parties. Counted: queries whose own party is a hit at all, and at the
score the name alone gets (the same outcome); and queries that reach a party the name alone
does not (false hits a branch's words bring).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable

import name_sets
from banscreen.match import Matcher
from banscreen.match.pinyin import has_han
from banscreen.registry import load_registry

LATIN = ("{} Shenzhen Branch", "{}, Dubai Branch", "{} (Representative Office)")
HAN = ("{}北京分公司", "{}（上海分公司）")


def measure(matcher: Matcher, names: Iterable[tuple[str, str]]) -> dict[str, int]:
    cfg = matcher.config
    ends = {*cfg.company_form_words, *cfg.name_end_words}
    counts = {"queries": 0, "found": 0, "same_score": 0, "other_party": 0}
    for entity, name in names:
        if has_han(name):
            if not name.endswith(tuple(cfg.legal_forms_han)):
                continue
            phrases = HAN
        else:
            words = matcher.normaliser.fold(name).replace(".", " ").replace(",", " ").split()
            if not words or words[-1] not in ends:
                continue
            phrases = LATIN
        alone = {m.entry.entity_id: m.score for m in matcher.match_name(name)}
        for phrase in phrases:
            hits = {m.entry.entity_id: m.score for m in matcher.match_name(phrase.format(name))}
            counts["queries"] += 1
            counts["found"] += entity in hits
            counts["same_score"] += hits.get(entity) == alone.get(entity)
            counts["other_party"] += bool(hits.keys() - alone.keys())
    return counts


def _organisations(matcher: Matcher) -> Iterable[tuple[str, str]]:
    for entity in matcher.registry.entities.values():
        if entity.type != "person":
            yield from ((entity.id, n.value) for n in entity.names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    _, orgs, _, ofac = name_sets.ofac_organisations()
    shipped = Matcher(load_registry())
    result = {
        "ofac organisations": measure(ofac, ((k, n) for k, (_, ns) in orgs.items() for n in ns)),
        "shipped registry": measure(shipped, _organisations(shipped)),
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"{'list':22}{'queries':>9}{'found':>8}{'same score':>12}{'other party':>13}")
    for name, c in result.items():
        print(
            f"{name:22}{c['queries']:>9}{c['found']:>8}{c['same_score']:>12}{c['other_party']:>13}"
        )


if __name__ == "__main__":
    main()
