"""Who a program reaches: the shortest dated path from a matched entity to a program target.

A program reaches the persons that develop a target app, the persons that control them (up
the control chain) and the subsidiaries of each. In graph terms, from the matched entity we
may climb to a parent (when subsidiaries are covered), then descend from a controller to the
developer it controls (when controllers are covered), and finish on a `develops` edge to a
target app, or on a target entity. An app that is not itself a target leads to its developer
or publisher first. Only relations in effect on the transaction date are walked, and only
ownership above the program's control threshold counts as control: minority stakes never
reach.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from datetime import date

from ..model import PathStep, Program, Relation
from ..registry import Registry

_UP, _DOWN = 0, 1


def _is_control(rel: Relation, threshold: float) -> bool:
    if rel.kind in ("subsidiary_of", "controls"):
        return True
    if rel.kind in ("owns", "formerly_owned"):
        return rel.percentage is not None and rel.percentage > threshold
    return False


def _parents(registry: Registry, node: str, day: date, threshold: float) -> Iterator[PathStep]:
    """Entities that control `node` on `day`, as steps walked from `node`."""
    for rel in registry.outgoing(node, day):
        if rel.kind == "subsidiary_of":
            yield PathStep(node, rel.kind, rel.target_id, True, rel.fact)
    for rel in registry.incoming(node, day):
        if rel.kind != "subsidiary_of" and _is_control(rel, threshold):
            yield PathStep(node, _label(rel), rel.source_id, False, rel.fact)


def _children(registry: Registry, node: str, day: date, threshold: float) -> Iterator[PathStep]:
    """Entities that `node` controls on `day`, as steps walked from `node`."""
    for rel in registry.incoming(node, day):
        if rel.kind == "subsidiary_of":
            yield PathStep(node, rel.kind, rel.source_id, False, rel.fact)
    for rel in registry.outgoing(node, day):
        if rel.kind != "subsidiary_of" and _is_control(rel, threshold):
            yield PathStep(node, _label(rel), rel.target_id, True, rel.fact)


def _label(rel: Relation) -> str:
    if rel.percentage is not None:
        return f"{rel.kind}({rel.percentage:g}%)"
    return rel.kind


def coverage_path(
    registry: Registry, program: Program, entity_id: str, day: date, listed_only: bool = True
) -> tuple[PathStep, ...] | None:
    """Shortest path from `entity_id` to a target of `program` on `day`, or None.

    An empty tuple means the matched entity is itself a target. With `listed_only`, only
    targets on the program's list that day count (a dated addition to a list reaches
    nothing before it is added).
    """
    cov = program.coverage

    def listed(target: str) -> bool:
        listing = program.listings.get(target)
        return not listed_only or listing is None or listing.status_on(day) is None

    threshold = cov.control_threshold
    apps = {t for t in program.target_apps if listed(t)}
    targets = {t for t in program.target_entities if listed(t)}
    entity = registry.entities.get(entity_id)
    if entity is None:
        return None
    if entity_id in apps or entity_id in targets:
        return ()

    starts: list[tuple[str, tuple[PathStep, ...]]] = []
    if entity.type == "app":
        for rel in registry.incoming(entity_id, day):
            if rel.kind in ("develops", "publishes"):
                starts.append(
                    (
                        rel.source_id,
                        (PathStep(entity_id, rel.kind, rel.source_id, False, rel.fact),),
                    )
                )
    else:
        starts.append((entity_id, ()))

    queue: deque[tuple[str, int, tuple[PathStep, ...]]] = deque()
    seen: set[tuple[str, int]] = set()
    for node, path in starts:
        queue.append((node, _UP, path))
    while queue:
        node, phase, path = queue.popleft()
        if (node, phase) in seen:
            continue
        seen.add((node, phase))
        if node in targets:
            return path
        if cov.developers:
            for rel in registry.outgoing(node, day):
                if rel.kind == "develops" and rel.target_id in apps:
                    return (*path, PathStep(node, rel.kind, rel.target_id, True, rel.fact))
        if phase == _UP:
            # Switching from climbing to descending costs nothing: visit it first.
            queue.appendleft((node, _DOWN, path))
            if cov.subsidiaries:
                for step in _parents(registry, node, day, threshold):
                    queue.append((step.target_id, _UP, (*path, step)))
        elif cov.controllers:
            for step in _children(registry, node, day, threshold):
                queue.append((step.target_id, _DOWN, (*path, step)))
    return None


def path_target(start: str, path: tuple[PathStep, ...]) -> str:
    """The program target a path ends on."""
    return path[-1].target_id if path else start


def path_text(registry: Registry, start: str, path: tuple[PathStep, ...]) -> str:
    """`a-subsidiary -subsidiary_of-> its-parent -develops-> App` style; apps by name."""
    out = registry.label(start)
    for step in path:
        if step.forward:
            out += f" -{step.relation}-> {registry.label(step.target_id)}"
        else:
            out += f" <-{step.relation}- {registry.label(step.target_id)}"
    return out
