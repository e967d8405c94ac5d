"""The real-data name sets (bench/data/names_*.csv): loading, scoring, metrics.

Each pair is a query name and a party (all the party's names but the query itself, when
the query is one of them). banscreen scores the query against each of the party's names by
the rules of the party's schema, against an index of every party of the set (so token
weights are those of a real list), and keeps the best; nomenklatura's logic-v2 compares an
entity carrying the query with an entity carrying the party's names, of the same schema.
"""

from __future__ import annotations

import csv
import hashlib
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from banscreen.match import Matcher
from banscreen.match.cut import cut_hit_on
from banscreen.model import Entity, Fact, Name, Provenance
from banscreen.registry import Registry

DATA = Path(__file__).resolve().parent / "data"
SCHEMA_TYPES = {"Person": "person", "Organization": "company", "Vessel": "vessel"}


@dataclass(frozen=True)
class SetPair:
    set: str
    split: str
    schema: str
    script: str
    query: str
    entity: str
    label: bool
    group: str


def probe_names(script: str, folder: Path = DATA) -> list[str]:
    """The names of no list written in `script` (script_names_probe.csv), in file order:
    the unlisted names the false-hit benches look up."""
    with (folder / "script_names_probe.csv").open(encoding="utf-8") as fh:
        return [r["name"] for r in csv.DictReader(fh) if r["script"] == script]


def read_sets(folder: Path = DATA) -> tuple[dict[str, tuple[str, list[str]]], list[SetPair]]:
    """(party → (schema, names)), pairs."""
    parties: dict[str, tuple[str, list[str]]] = {}
    with (folder / "names_entities.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            parties.setdefault(row["entity"], (row["schema"], []))[1].append(row["name"])
    with (folder / "names_pairs.csv").open(encoding="utf-8", newline="") as fh:
        pairs = [
            SetPair(
                r["set"],
                r["split"],
                r["schema"],
                r["script"],
                r["query"],
                r["entity"],
                r["label"] == "1",
                r["group"],
            )
            for r in csv.DictReader(fh)
        ]
    return parties, pairs


def set_registry(base: Registry, parties: dict[str, tuple[str, list[str]]]) -> Registry:
    """The shipped registry's configuration with the set's parties as its entities."""
    fact = Fact("bench", Provenance.CONFIRMED)
    entities = {
        key: Entity(
            id=key,
            type=SCHEMA_TYPES.get(schema, "company"),
            names=tuple(Name(n, "legal", "latin", fact) for n in names),
            identifiers=(),
            fact=fact,
        )
        for key, (schema, names) in parties.items()
    }
    # A version of its own: the stored name index is found by the registry's version (and
    # entity count), which names the content of packs and lists; these entities are neither.
    version = hashlib.sha256(repr(sorted(parties.items())).encode()).hexdigest()[:12]
    return replace(base, entities=entities, relations=(), programs={}, version=version)


def ofac_persons_matcher(parties: dict[str, tuple[str, list[str]]]) -> Matcher:
    """A matcher over the shipped registry's configuration with the OFAC set's persons as its
    entities: the list the probes of false hits match names of no listed person against."""
    from banscreen.registry import load_registry

    persons = {k: v for k, v in parties.items() if v[0] == "Person" and k.startswith("ofac")}
    return Matcher(set_registry(load_registry(), persons))


Parties = dict[str, tuple[str, list[str]]]


def unlisted_persons(parties: Parties) -> list[str]:
    """The Latin names of the `scripts` set's persons (none of them listed), one a party:
    the unlisted payees the probes of names in phrases count false hits on."""
    return sorted({names[0] for key, (schema, names) in parties.items()
                   if schema == "Person" and not key.startswith("ofac") and names[0].isascii()})  # fmt: skip


def english_words() -> list[str]:
    """wordfreq's 3,000 most frequent English words, alphabetic, of three letters or more."""
    from wordfreq import top_n_list

    return [w for w in top_n_list("en", 3000) if w.isalpha() and len(w) > 2]


def ofac_organisations() -> tuple[Parties, Parties, dict[str, str], Matcher]:
    """Every party of the sets, OFAC's organisations among them, each organisation's split
    (`tune` when it is in no pair), and a matcher with those organisations as its entities:
    what the probes of organisations' names in phrases look names up among."""
    from banscreen.registry import load_registry

    parties, pairs = read_sets()
    orgs = {k: v for k, v in parties.items() if v[0] != "Person" and k.startswith("ofac")}
    split = {p.entity: p.split for p in pairs if p.entity in orgs}
    return parties, orgs, split, Matcher(set_registry(load_registry(), orgs))


def ids(matcher: Matcher, query: str) -> set[str]:
    """The parties `query` is a hit on at REVIEW, as `match` finds them."""
    return {m.entry.entity_id for m in matcher.match_name(query)}


def banscreen_scores(registry: Registry, pairs: Sequence[SetPair]) -> tuple[list[float], float]:
    matcher = Matcher(registry)
    index = matcher.names
    by_entity: dict[str, list[int]] = defaultdict(list)
    for i, entry in enumerate(index.entries):
        by_entity[entry.entity_id].append(i)
    read_cap = registry.matching.transliteration_max  # a listed name read in English spelling
    started = time.perf_counter()
    scores = []
    for pair in pairs:
        query = pair.query.casefold().strip()
        best = 0.0
        for variant in index.variants(pair.query):
            form = variant.form
            if not form.tokens:
                continue
            prepared = index.prepare(form)
            person = index.prepare(form.person)
            for i in by_entity[pair.entity]:
                entry = index.entries[i]
                if entry.name.value.casefold().strip() == query:
                    continue
                if not variant.admits(entry.person, entry.tokens):
                    continue
                score, _, alignment, found = index.score_entry(prepared, entry, person)
                if not variant.fits(alignment, entry.tokens):
                    continue
                if not variant.cut or cut_hit_on(variant.cut, entry, alignment, found):
                    cap = min(variant.cap, read_cap) if entry.read else variant.cap
                    best = max(best, min(cap, score))
        scores.append(round(best, 9))  # as the index reads a threshold (SCORE_TOLERANCE)
    return scores, len(pairs) / (time.perf_counter() - started)


def nomenklatura_scores(
    parties: dict[str, tuple[str, list[str]]], pairs: Sequence[SetPair]
) -> tuple[list[float], float] | None:
    try:
        from followthemoney import model
        from nomenklatura.matching import LogicV2
    except ImportError:
        return None
    config = LogicV2.default_config()
    queries, results = [], []
    for i, pair in enumerate(pairs):
        schema, names = parties[pair.entity]
        query = model.make_entity(schema)
        query.id = f"q{i}"
        query.add("name", pair.query)
        result = model.make_entity(schema)
        result.id = f"r{i}"
        for name in names:
            if name.casefold().strip() != pair.query.casefold().strip():
                result.add("name", name)
        queries.append(query)
        results.append(result)
    started = time.perf_counter()
    scores = [LogicV2.compare(q, r, config).score for q, r in zip(queries, results, strict=True)]
    return scores, len(pairs) / (time.perf_counter() - started)


@dataclass
class Metrics:
    pairs: int
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int


def metrics(labels: Sequence[bool], predicted: Sequence[bool]) -> Metrics:
    tp = sum(y and p for y, p in zip(labels, predicted, strict=True))
    fp = sum((not y) and p for y, p in zip(labels, predicted, strict=True))
    fn = sum(y and not p for y, p in zip(labels, predicted, strict=True))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Metrics(len(labels), precision, recall, f1, tp, fp, fn)


def subsets(pairs: Sequence[SetPair]) -> Iterable[tuple[str, Callable[[SetPair], bool]]]:
    """The groups each split is reported by: per set and schema, and per script."""
    yield "all", lambda p: True
    for name in sorted({p.set for p in pairs}):
        for schema in ("Person", "Organization"):
            yield f"{name} {schema}", lambda p, n=name, s=schema: p.set == n and p.schema == s
    for script in sorted({p.script for p in pairs if p.set == "scripts"}):
        yield f"script {script}", lambda p, s=script: p.set == "scripts" and p.script == s
