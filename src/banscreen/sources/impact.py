"""Which registry entities a list change can affect, for a delta rescreen.

The entities of added, removed and changed entries, and of both ends of changed ownership
relations; then everything below them in the ownership graph (assets, subsidiaries) and
their `same_as` twins, because the 50% rule passes a blocking down ownership chains.
"""

from __future__ import annotations

from collections import deque

from ..registry import Registry
from .diff import ListDiff
from .entities import entity_id


def touched_entities(diff: ListDiff, list_name: str, registry: Registry) -> set[str]:
    start = {entity_id(list_name, key) for key in diff.touched_keys()}
    found = set(start)
    queue = deque(start)
    while queue:
        node = queue.popleft()
        nexts: list[str] = []
        for rel in registry.all_relations_of(node):
            if rel.kind in ("owns", "controls") and rel.source_id == node:
                nexts.append(rel.target_id)
            elif rel.kind == "subsidiary_of" and rel.target_id == node:
                nexts.append(rel.source_id)
            elif rel.kind == "same_as":
                nexts.append(rel.target_id if rel.source_id == node else rel.source_id)
        for other in nexts:
            if other not in found:
                found.add(other)
                queue.append(other)
    return found
