"""Which of a row's hits decides and explains it: the strongest outcome, then the highest
score, the surest method, the most of the field found, the shortest path."""

from __future__ import annotations

from ..model import MatchEvidence, ProgramHit

METHOD_RANK = {"identifier": 4, "exact": 3, "transliterated": 2, "fuzzy": 1, "free-text": 0}


def evidence_rank(ev: MatchEvidence) -> tuple[float, int]:
    return (ev.score, METHOD_RANK.get(ev.method, 0))


def hit_rank(hit: ProgramHit) -> tuple[int, float, int, int, int]:
    return (
        int(hit.outcome),
        hit.evidence.score,
        METHOD_RANK.get(hit.evidence.method, 0),
        covered(hit.evidence),
        -len(hit.path),
    )


def covered(ev: MatchEvidence) -> int:
    """How much of its field a hit was found at: of hits alike, the one naming more of what
    was written explains the row: "Acme Holdings Limited (formerly Acme Inc)" names the
    holding company, not an app listed as "Acme Chat" found at its first word."""
    return ev.span[1] - ev.span[0] if ev.span is not None else len(ev.query)
