"""What changed between two versions of a list: added, removed and changed entries."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .records import ListContent, ListRecord, ListRelation


@dataclass(frozen=True)
class RecordChange:
    key: str
    old: ListRecord
    new: ListRecord

    @property
    def fields(self) -> dict[str, tuple[Any, Any]]:
        """Each published field that differs, as (old, new)."""
        a, b = asdict(self.old), asdict(self.new)
        return {k: (a[k], b[k]) for k in a if a[k] != b[k]}


@dataclass
class ListDiff:
    added: list[ListRecord] = field(default_factory=list)
    removed: list[ListRecord] = field(default_factory=list)
    changed: list[RecordChange] = field(default_factory=list)
    relations_added: list[ListRelation] = field(default_factory=list)
    relations_removed: list[ListRelation] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.added
            or self.removed
            or self.changed
            or self.relations_added
            or self.relations_removed
        )

    def touched_keys(self) -> set[str]:
        """Record keys whose entry, or whose ownership, changed."""
        keys = {r.key for r in self.added} | {r.key for r in self.removed}
        keys |= {c.key for c in self.changed}
        for rel in (*self.relations_added, *self.relations_removed):
            keys |= {rel.source, rel.target}
        return keys

    def to_json(self) -> dict[str, Any]:
        return {
            "added": [r.to_json() for r in self.added],
            "removed": [r.to_json() for r in self.removed],
            "changed": [
                {
                    "key": c.key,
                    "name": c.new.name,
                    "fields": {k: list(v) for k, v in c.fields.items()},
                }
                for c in self.changed
            ],
            "relations_added": [r.to_json() for r in self.relations_added],
            "relations_removed": [r.to_json() for r in self.relations_removed],
        }


def diff_lists(old: ListContent, new: ListContent) -> ListDiff:
    before, after = old.by_key(), new.by_key()
    result = ListDiff()
    for key, record in after.items():
        if key not in before:
            result.added.append(record)
        elif before[key].fingerprint() != record.fingerprint():
            result.changed.append(RecordChange(key, before[key], record))
    result.removed = [r for k, r in before.items() if k not in after]
    old_rel = {r.fingerprint(): r for r in old.relations}
    new_rel = {r.fingerprint(): r for r in new.relations}
    result.relations_added = [r for k, r in new_rel.items() if k not in old_rel]
    result.relations_removed = [r for k, r in old_rel.items() if k not in new_rel]
    return result
