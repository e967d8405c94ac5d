"""banscreen and nomenklatura side by side on one restricted-party list (a benchmark).

    python bench/peer_compare.py [--entities 20000] [--queries 10000] [--candidates 10] [--json]

Both screen the same query names against the same list, in one run: the synthetic 20k-party
list of bench/synthetic_list.py (FollowTheMoney JSON lines; 60k names), imported into
banscreen as a list version and loaded into a nomenklatura memory store. Queries are
labelled: exact names and aliases, misspellings, reordered and legal-form variants of list
parties, and unrelated names of the same shape.

- banscreen: `Matcher.match_name` (its candidate index, then its scorer), best candidate at
  or above the REVIEW threshold.
- nomenklatura (the engine behind yente): its DuckDB blocking index (`blocker.Index`,
  `match_entities`) for candidates, then its default name logic (`LogicV2`) on the best
  `--candidates` of each, best at or above 0.70.

A prediction is right when it names the party the query was made from; a name predicted for
an unrelated query, or the wrong party, is a false positive. Throughput is names per second
of matching (index building is timed apart). nomenklatura comes with `pip install ".[bench]"`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic_list
from banscreen.match import Matcher
from banscreen.sources import ListStore, registry_with_lists

Truth = Sequence[tuple[str, str | None]]


def scores(truth: Truth, predicted: Sequence[str | None]) -> dict[str, float]:
    tp = sum(1 for (_, t), p in zip(truth, predicted, strict=True) if p is not None and p == t)
    fp = sum(1 for (_, t), p in zip(truth, predicted, strict=True) if p is not None and p != t)
    fn = sum(1 for (_, t), p in zip(truth, predicted, strict=True) if t is not None and p != t)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def run_banscreen(list_file: Path, truth: Truth, home: Path) -> dict[str, object]:
    ListStore(home).import_file(list_file, name="syn")
    started = time.perf_counter()
    matcher = Matcher(registry_with_lists(home))
    built = time.perf_counter() - started
    prefix = "syn-"
    started = time.perf_counter()
    predicted: list[str | None] = []
    for name, _ in truth:
        found = matcher.match_name(name)
        best = found[0].entry.entity_id if found else None
        predicted.append(best[len(prefix) :] if best and best.startswith(prefix) else best)
    elapsed = time.perf_counter() - started
    return {
        "index_build_s": round(built, 2),
        "seconds": round(elapsed, 2),
        "names_per_s": round(len(truth) / elapsed),
        **scores(truth, predicted),
    }


def run_nomenklatura(
    list_file: Path, truth: Truth, candidates: int, threshold: float
) -> dict[str, object] | None:
    try:
        import orjson
        from followthemoney import Dataset, StatementEntity
        from nomenklatura.blocker.index import Index
        from nomenklatura.matching import LogicV2
        from nomenklatura.resolver import Linker
        from nomenklatura.store import MemoryStore
    except ImportError:
        return None
    started = time.perf_counter()
    dataset = Dataset.make({"name": "syn", "title": "synthetic list"})
    store = MemoryStore(dataset, Linker({}))
    with store.writer() as writer, list_file.open("rb") as fh:
        for line in fh:
            writer.add_entity(StatementEntity.from_data(dataset, orjson.loads(line)))
    view = store.default_view()
    index = Index(view, Path(tempfile.mkdtemp(prefix="nk-index-")))
    index.build()
    built = time.perf_counter() - started
    queries = Dataset.make({"name": "queries", "title": "queries"})
    entities = []
    for i, (name, _) in enumerate(truth):
        entity = StatementEntity(queries, {"schema": "LegalEntity", "id": f"q{i}"})
        entity.add("name", name)
        entities.append(entity)
    by_id = {str(e.id): e for e in entities}
    config = LogicV2.default_config()
    started = time.perf_counter()
    best: dict[str, str | None] = {}
    for query_id, matches in index.match_entities(entities):
        query = by_id[str(query_id.id)]
        top: tuple[float, str | None] = (0.0, None)
        for candidate_id, _ in matches[:candidates]:
            candidate = view.get_entity(candidate_id.id)
            if candidate is None:
                continue
            score = LogicV2.compare(query, candidate, config).score
            if score >= threshold and score > top[0]:
                top = (score, str(candidate.id))
        best[str(query_id.id)] = top[1]
    elapsed = time.perf_counter() - started
    index.close()
    predicted = [best.get(f"q{i}") for i in range(len(truth))]
    return {
        "index_build_s": round(built, 2),
        "seconds": round(elapsed, 2),
        "names_per_s": round(len(truth) / elapsed),
        **scores(truth, predicted),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=10_000)
    parser.add_argument("--candidates", type=int, default=10, help="nomenklatura: scored per query")
    parser.add_argument("--peer-threshold", type=float, default=0.70)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        list_file = Path(tmp) / "synthetic.ftm.json"
        parties = synthetic_list.write(list_file, args.entities)
        truth = synthetic_list.queries(parties, args.queries)
        ours = run_banscreen(list_file, truth, Path(tmp) / "home")
        peer = run_nomenklatura(list_file, truth, args.candidates, args.peer_threshold)
    result = {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
        "list": {"entities": len(parties), "names": sum(len(p.names) for p in parties)},
        "queries": len(truth),
        "banscreen": ours,
        "nomenklatura": peer,
        "speedup": round(ours["names_per_s"] / peer["names_per_s"], 1) if peer else None,  # type: ignore[operator]
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(
        f"peer comparison ({result['machine']}): {len(truth):,} names against "
        f"{len(parties):,} parties / {result['list']['names']:,} names"
    )  # type: ignore[index]
    print(f"{'engine':<34}{'names/s':>10}{'P':>8}{'R':>8}{'F1':>8}{'index s':>9}")
    rows = [("banscreen (REVIEW 0.80)", ours)]
    if peer:
        rows.append((f"nomenklatura (blocker + logic-v2 {args.peer_threshold})", peer))
    for label, r in rows:
        print(
            f"{label:<34}{r['names_per_s']:>10,}{r['precision']:>8}{r['recall']:>8}{r['f1']:>8}{r['index_build_s']:>9}"
        )
    if peer:
        print(f"banscreen is {result['speedup']}x nomenklatura's throughput")


if __name__ == "__main__":
    main()
