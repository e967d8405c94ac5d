"""A stored list version as what changed since the one before it, not as a whole copy.

A year of weekly files of a 20,000-party list changes a few dozen entries a week: storing
each version whole costs 52 times the list on disk. A version whose list already has a
good version is stored as a delta against it when the delta is smaller than half the list:

    {"base": "<id of the version it applies to>"}
    {"record": {...}}            an entry added or changed (the whole new entry)
    {"removed": "<record key>"}
    {"relation": {...}}          a relation added
    {"relation_removed": "<relation fingerprint>"}

Reading applies the chain back to the last whole version. A whole version every
`FULL_EVERY` deltas keeps chains short. Entries keep their base's order; added ones follow.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from ..errors import ListError
from .diff import diff_lists
from .records import ListContent, ListRecord, ListRelation

FULL_EVERY = 26  # deltas between whole versions: a chain is read in one pass either way


def whole_lines(content: ListContent) -> list[str]:
    lines = [json.dumps({"record": r.to_json()}, ensure_ascii=False) for r in content.records]
    lines += [json.dumps({"relation": r.to_json()}) for r in content.relations]
    return lines


def delta_lines(base_id: str, base: ListContent, content: ListContent) -> list[str] | None:
    """The lines of `content` as a delta on `base`, or None when a whole copy is smaller."""
    change = diff_lists(base, content)
    size = len(change.added) + len(change.changed) + len(change.removed)
    size += len(change.relations_added) + len(change.relations_removed)
    if size * 2 > len(content.records) + len(content.relations):
        return None
    lines = [json.dumps({"base": base_id})]
    for record in (*change.added, *(c.new for c in change.changed)):
        lines.append(json.dumps({"record": record.to_json()}, ensure_ascii=False))
    lines += [json.dumps({"removed": r.key}, ensure_ascii=False) for r in change.removed]
    lines += [json.dumps({"relation": r.to_json()}) for r in change.relations_added]
    lines += [json.dumps({"relation_removed": r.fingerprint()}) for r in change.relations_removed]
    return lines


def parse_lines(
    lines: Iterable[str], fmt: str, published: str | None, base: Callable[[str], ListContent]
) -> tuple[ListContent, str | None]:
    """The content stored in `lines`, and the id of the version it was a delta on (if any).
    `base(id)` loads that version."""
    records: dict[str, ListRecord] = {}
    relations: dict[str, ListRelation] = {}
    base_id: str | None = None
    for number, line in enumerate(lines, start=1):
        item: dict[str, Any] = json.loads(line)
        if "record" in item:
            record = ListRecord.from_json(item["record"])
            records[record.key] = record
        elif "relation" in item:
            relation = ListRelation.from_json(item["relation"])
            relations[relation.fingerprint()] = relation
        elif "removed" in item:
            if records.pop(item["removed"], None) is None:
                raise ListError(f"line {number}: removes {item['removed']!r}, not in its base")
        elif "relation_removed" in item:
            relations.pop(item["relation_removed"], None)
        elif "base" in item and number == 1:
            base_id = str(item["base"])
            prior = base(base_id)
            records = prior.by_key()
            relations = {r.fingerprint(): r for r in prior.relations}
        else:
            raise ListError(f"line {number}: not a stored list line")
    content = ListContent(format=fmt, published=published)
    content.records = list(records.values())
    content.relations = list(relations.values())
    return content, base_id
