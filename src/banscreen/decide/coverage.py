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
from collections.abc import Callable, Iterator
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


def _twins(registry: Registry, node: str, day: date) -> Iterator[PathStep]:
    """The same party under another record (a shipped entity and its list entry)."""
    for rel in registry.outgoing(node, day):
        if rel.kind == "same_as":
            yield PathStep(node, rel.kind, rel.target_id, True, rel.fact)
    for rel in registry.incoming(node, day):
        if rel.kind == "same_as":
            yield PathStep(node, rel.kind, rel.source_id, False, rel.fact)


def coverage_path(
    registry: Registry, program: Program, entity_id: str, day: date, listed_only: bool = True
) -> tuple[PathStep, ...] | None:
    """Shortest path from `entity_id` to a target of `program` on `day`, or None.

    An empty tuple means the matched entity is itself a target. With `listed_only`, only
    targets on the program's list that day count (a dated addition to a list reaches
    nothing before it is added). With the program's aggregate-ownership rule, a party owned
    in aggregate at or above its threshold by reached parties is reached too; its path then
    has one branch per owner.
    """
    cov = program.coverage

    def is_target(node: str) -> bool:
        if not program.is_target(node):
            return False
        if not listed_only:
            return True
        listing = program.listings.get(node)
        if listing is not None and listing.status_on(day) is not None:
            return False
        presence = program.presence.get(node)
        return presence is None or presence.period_on(day) is not None

    threshold = cov.control_threshold
    entity = registry.entities.get(entity_id)
    if entity is None:
        return None
    if is_target(entity_id):
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
        if is_target(node):
            return path
        for step in _twins(registry, node, day):
            queue.appendleft((step.target_id, phase, (*path, step)))
        if cov.developers:
            for rel in registry.outgoing(node, day):
                if rel.kind == "develops" and is_target(rel.target_id):
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
    if cov.aggregate_ownership is not None:
        for node, path in starts:
            owned = _aggregate(registry, node, day, cov.aggregate_ownership, is_target, {}, set())
            if owned is not None:
                return (*path, *owned)
    return None


def _owners(registry: Registry, node: str, day: date) -> Iterator[tuple[str, float, PathStep]]:
    """(owner, share, step) for each recorded owner of `node` on `day`.

    A `subsidiary_of` edge counts as whole ownership (a subsidiary is majority-owned); an
    `owns` edge with no percentage counts for nothing (an unknown share is never assumed).
    """
    for rel in registry.incoming(node, day):
        if rel.kind == "owns" and rel.percentage is not None:
            yield (
                rel.source_id,
                rel.percentage,
                PathStep(node, _label(rel), rel.source_id, False, rel.fact),
            )
    for rel in registry.outgoing(node, day):
        if rel.kind == "subsidiary_of":
            yield rel.target_id, 100.0, PathStep(node, rel.kind, rel.target_id, True, rel.fact)


def _aggregate(
    registry: Registry,
    node: str,
    day: date,
    threshold: float,
    is_target: Callable[[str], bool],
    memo: dict[str, tuple[PathStep, ...] | None],
    visiting: set[str],
) -> tuple[PathStep, ...] | None:
    """Proof that `node` is owned `threshold`% or more, in aggregate, by reached parties.

    Owners are reached when they are targets, or are themselves owned at the threshold by
    reached parties (ownership passes down chains). Cycles in the graph count for nothing.
    """
    if is_target(node):
        return ()
    if node in memo:
        return memo[node]
    if node in visiting:
        return None
    visiting.add(node)
    for step in _twins(registry, node, day):
        twin = _aggregate(registry, step.target_id, day, threshold, is_target, memo, visiting)
        if twin is not None:
            visiting.discard(node)
            memo[node] = (step, *twin)
            return memo[node]
    share = 0.0
    proof: list[PathStep] = []
    for owner, percentage, step in _owners(registry, node, day):
        owned = _aggregate(registry, owner, day, threshold, is_target, memo, visiting)
        if owned is not None:
            share += percentage
            proof.extend((step, *owned))
    visiting.discard(node)
    memo[node] = tuple(proof) if proof and share >= threshold - 1e-9 else None
    return memo[node]


def path_target(start: str, path: tuple[PathStep, ...]) -> str:
    """The program target a path ends on (the last branch's, for an aggregate proof)."""
    return path[-1].target_id if path else start


def path_text(registry: Registry, start: str, path: tuple[PathStep, ...]) -> str:
    """`a-subsidiary -subsidiary_of-> its-parent -develops-> App` style; apps by name."""
    out = registry.label(start)
    current = start
    for step in path:
        if step.source_id != current:  # a new branch of an aggregate-ownership proof
            out += f" + {registry.label(step.source_id)}"
        current = step.target_id
        if step.forward:
            out += f" -{step.relation}-> {registry.label(step.target_id)}"
        else:
            out += f" <-{step.relation}- {registry.label(step.target_id)}"
    return out
