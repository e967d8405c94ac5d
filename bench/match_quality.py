"""Name-matching quality of banscreen, side by side with nomenklatura (a benchmark, not a test).

    python bench/match_quality.py [--pairs FILE ...] [--errors 40] [--no-peer] [--json]
                                  [--no-sets] [--errors-split tune|measure|none]

Runs the development set (bench/data/match_pairs.csv, built by build_match_pairs.py and used
to tune the matcher) and the held-out set (bench/data/match_pairs_holdout.csv, written by hand
and kept apart) unless --pairs names others. nomenklatura comes with `pip install ".[bench]"`.

Then the real-data sets of build_name_sets.py (OFAC's SDN aliases; names in other scripts
beside their Latin names), each in two halves by party: `tune`, which the matcher was
developed against, and `measure`, which is only measured. Errors are listed for the tune
half only, unless --errors-split says otherwise.

For every labelled (query, entity) pair, banscreen looks the query up in the whole registry
through its candidate index and scores the entity (0 when it is not a candidate);
nomenklatura's current default logic (logic-v2, the engine behind yente) compares a Company
carrying the query with a Company carrying all of the entity's registry names. Prints
precision, recall and F1 at banscreen's REVIEW and BLOCK thresholds and at nomenklatura's
0.7 cut-off (and its best threshold in hindsight), for all pairs and for the Chinese-script
subset, pairs/s for both, and the pairs banscreen gets wrong.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import name_sets
from banscreen.match import Matcher
from banscreen.registry import Registry, load_registry

DATA = Path(__file__).resolve().parent / "data"
DEFAULT_PAIRS = [DATA / "match_pairs.csv", DATA / "match_pairs_holdout.csv"]
NOMENKLATURA_CUTOFF = 0.7


@dataclass
class Pair:
    query: str
    entity_id: str
    label: bool
    group: str
    note: str

    @property
    def han(self) -> bool:
        return any("\u3400" <= ch <= "\u9fff" for ch in self.query)


@dataclass
class Metrics:
    threshold: float
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int


def metrics(pairs: Sequence[Pair], predicted: Sequence[bool], threshold: float) -> Metrics:
    m = name_sets.metrics([p.label for p in pairs], predicted)
    return Metrics(threshold, m.precision, m.recall, m.f1, m.tp, m.fp, m.fn)


def read_pairs(path: Path) -> list[Pair]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            Pair(r["query"], r["entity_id"], r["label"] == "1", r["group"], r["note"])
            for r in csv.DictReader(fh)
        ]


def banscreen_scores(
    registry: Registry, pairs: Sequence[Pair]
) -> tuple[list[tuple[float, str]], float]:
    matcher = Matcher(registry)
    started = time.perf_counter()
    out = []
    for pair in pairs:
        found = {m.entry.entity_id: m for m in matcher.match_name(pair.query)}
        hit = found.get(pair.entity_id)
        out.append((hit.score, hit.method) if hit else (0.0, ""))
    return out, len(pairs) / (time.perf_counter() - started)


def nomenklatura_scores(
    registry: Registry, pairs: Sequence[Pair], run: str
) -> tuple[list[float], float] | None:
    """logic-v2 scores; entity ids are unique per run since nomenklatura caches by id."""
    try:
        from followthemoney import model
        from nomenklatura.matching import LogicV2
    except ImportError:
        return None
    config = LogicV2.default_config()
    results = {}
    for entity in registry.entities.values():
        proxy = model.make_entity("Company")
        proxy.id = f"r-{run}-{entity.id}"
        for name in entity.names:
            proxy.add("name", name.value)
        results[entity.id] = proxy
    queries = []
    for i, pair in enumerate(pairs):
        proxy = model.make_entity("Company")
        proxy.id = f"q-{run}-{i}"
        proxy.add("name", pair.query)
        queries.append(proxy)
    started = time.perf_counter()
    scores = [
        LogicV2.compare(q, results[p.entity_id], config).score
        for q, p in zip(queries, pairs, strict=True)
    ]
    return scores, len(pairs) / (time.perf_counter() - started)


def best_threshold(pairs: Sequence[Pair], scores: Sequence[float]) -> Metrics:
    best = metrics(pairs, [False] * len(pairs), 1.0)
    for t in sorted(set(scores)):
        m = metrics(pairs, [s >= t for s in scores], t)
        if m.f1 > best.f1:
            best = m
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, nargs="+", default=DEFAULT_PAIRS)
    parser.add_argument("--errors", type=int, default=40, help="how many errors to list")
    parser.add_argument("--no-peer", action="store_true", help="skip nomenklatura")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-sets", action="store_true", help="skip the real-data sets")
    parser.add_argument("--errors-split", default="tune", choices=["tune", "measure", "none"])
    args = parser.parse_args()

    registry = load_registry()
    results = [evaluate(registry, path, args.no_peer) for path in args.pairs]
    sets = None if args.no_sets else evaluate_sets(registry, args.no_peer, args.errors_split)
    if args.json:
        print(json.dumps({"labelled": results, "sets": sets}, ensure_ascii=False, indent=2))
        return
    for result in results:
        print_result(result, args.errors)
        print()
    if sets is not None:
        print_sets(sets, args.errors)


def evaluate_sets(registry: Registry, no_peer: bool, errors_split: str) -> dict[str, object]:
    parties, pairs = name_sets.read_sets()
    review = registry.matching.thresholds.review
    block = registry.matching.thresholds.block
    ours, our_rate = name_sets.banscreen_scores(name_sets.set_registry(registry, parties), pairs)
    peer = None if no_peer else name_sets.nomenklatura_scores(parties, pairs)
    table: list[dict[str, object]] = []
    for split in ("tune", "measure"):
        for subset, keep in name_sets.subsets(pairs):
            idx = [i for i, p in enumerate(pairs) if p.split == split and keep(p)]
            if not idx:
                continue
            labels = [pairs[i].label for i in idx]
            rows = [
                ("banscreen REVIEW", name_sets.metrics(labels, [ours[i] >= review for i in idx])),
                ("banscreen BLOCK", name_sets.metrics(labels, [ours[i] >= block for i in idx])),
            ]
            if peer is not None:
                rows.append(("nomenklatura logic-v2",
                             name_sets.metrics(labels, [peer[0][i] >= NOMENKLATURA_CUTOFF for i in idx])))  # fmt: skip
            for matcher, m in rows:
                table.append({"split": split, "subset": subset, "matcher": matcher, **m.__dict__})
    errors = [
        {"query": p.query, "entity": p.entity, "names": parties[p.entity][1][:3], "label": p.label,
         "score": round(s, 3), "peer": round(peer[0][i], 3) if peer else None, "subset": f"{p.set} {p.schema} {p.script}"}
        for i, (p, s) in enumerate(zip(pairs, ours, strict=True))
        if p.split == errors_split and (s >= review) != p.label
    ]  # fmt: skip
    return {
        "results": table,
        "banscreen_pairs_per_s": round(our_rate),
        "nomenklatura_pairs_per_s": round(peer[1]) if peer else None,
        "errors": errors,
    }


def print_sets(result: dict[str, object], shown: int) -> None:
    print(
        "real-data sets (bench/data/names_pairs.csv): tune = developed against, measure = measured only"
    )
    print(
        f"{'split':<8}{'subset':<28}{'matcher':<24}{'pairs':>6}{'prec':>8}{'recall':>8}{'F1':>8}{'TP':>6}{'FP':>5}{'FN':>5}"
    )
    for r in result["results"]:  # type: ignore[attr-defined]
        print(
            f"{r['split']:<8}{r['subset']:<28}{r['matcher']:<24}{r['pairs']:>6}{r['precision']:>8.4f}"
            f"{r['recall']:>8.4f}{r['f1']:>8.4f}{r['tp']:>6}{r['fp']:>5}{r['fn']:>5}"
        )
    peer_rate = result["nomenklatura_pairs_per_s"]
    print(
        f"pairs/s: banscreen {result['banscreen_pairs_per_s']:,}"
        + (f", nomenklatura {peer_rate:,}" if peer_rate else "")
    )
    errors = result["errors"]
    assert isinstance(errors, list)
    print(f"banscreen errors at REVIEW ({len(errors)}):")
    for e in errors[:shown]:
        kind = "missed" if e["label"] else "false hit"
        print(
            f"  {kind:<9} {e['score']:.3f} (peer {e['peer']}) {e['query']!r} ~ {e['names']} [{e['subset']}]"
        )


def evaluate(registry: Registry, path: Path, no_peer: bool) -> dict[str, object]:
    pairs = read_pairs(path)
    review = registry.matching.thresholds.review
    block = registry.matching.thresholds.block
    ours, our_rate = banscreen_scores(registry, pairs)
    our_scores = [s for s, _ in ours]
    peer = None if no_peer else nomenklatura_scores(registry, pairs, path.stem)

    subsets: dict[str, Callable[[Pair], bool]] = {
        "all": lambda p: True,
        "chinese-script": lambda p: p.han,
        "latin-script": lambda p: not p.han,
    }
    table: list[dict[str, object]] = []
    for subset, keep in subsets.items():
        idx = [i for i, p in enumerate(pairs) if keep(p)]
        sub = [pairs[i] for i in idx]
        rows: list[tuple[str, Metrics]] = [
            ("banscreen REVIEW", metrics(sub, [our_scores[i] >= review for i in idx], review)),
            ("banscreen BLOCK", metrics(sub, [our_scores[i] >= block for i in idx], block)),
        ]
        if peer is not None:
            peer_scores = [peer[0][i] for i in idx]
            cutoff = NOMENKLATURA_CUTOFF
            rows.append(
                ("nomenklatura logic-v2", metrics(sub, [s >= cutoff for s in peer_scores], cutoff))
            )
            rows.append(("nomenklatura best t", best_threshold(sub, peer_scores)))
        for name, m in rows:
            table.append({"subset": subset, "pairs": len(sub), "matcher": name, **m.__dict__})
    errors = [
        {"query": p.query, "entity_id": p.entity_id, "label": p.label, "score": s,
         "method": method, "group": p.group, "note": p.note}
        for p, (s, method) in zip(pairs, ours, strict=True)
        if (s >= review) != p.label
    ]  # fmt: skip
    return {
        "file": path.name,
        "pairs": len(pairs),
        "positives": sum(p.label for p in pairs),
        "chinese_script": sum(p.han for p in pairs),
        "review": review,
        "block": block,
        "results": table,
        "banscreen_pairs_per_s": round(our_rate),
        "nomenklatura_pairs_per_s": round(peer[1]) if peer else None,
        "errors": errors,
    }


def print_result(result: dict[str, object], shown: int) -> None:
    pairs, positives = result["pairs"], result["positives"]
    assert isinstance(pairs, int) and isinstance(positives, int)
    print(
        f"{result['file']}: {pairs} labelled pairs ({positives} match, {pairs - positives} no match,"
        f" {result['chinese_script']} in Chinese script); review {result['review']},"
        f" block {result['block']}"
    )
    print(
        f"{'subset':<16}{'matcher':<24}{'thresh':>7}{'prec':>8}{'recall':>8}{'F1':>8}{'TP':>6}{'FP':>5}{'FN':>5}"
    )
    for r in result["results"]:  # type: ignore[attr-defined]
        print(
            f"{r['subset']:<16}{r['matcher']:<24}{r['threshold']:>7.3f}{r['precision']:>8.4f}"
            f"{r['recall']:>8.4f}{r['f1']:>8.4f}{r['tp']:>6}{r['fp']:>5}{r['fn']:>5}"
        )
    peer_rate = result["nomenklatura_pairs_per_s"]
    print(
        f"pairs/s: banscreen {result['banscreen_pairs_per_s']:,} (query against the whole registry)"
        + (f", nomenklatura {peer_rate:,} (pairwise)" if peer_rate else "")
    )
    errors = result["errors"]
    assert isinstance(errors, list)
    print(f"banscreen errors at the REVIEW threshold ({len(errors)}):")
    for e in errors[:shown]:
        kind = "missed" if e["label"] else "false hit"
        print(
            f"  {kind:<9} {e['score']:.3f} {e['method'] or '-':<14} {e['query']!r} ~ "
            f"{e['entity_id']} [{e['group']}: {e['note']}]"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
