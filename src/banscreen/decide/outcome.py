"""Outcome and reason codes of one program hit: DESIGN.md decision semantics, steps 2 and 5–7."""

from __future__ import annotations

from ..model import (
    COMPONENT,
    LISTED,
    LISTED_AFTER_DATE,
    NOT_LISTED_ON_DATE,
    Listing,
    ListStanding,
    MatchEvidence,
    Nexus,
    Outcome,
    PathStep,
    Policy,
    Program,
    Provenance,
)
from . import lifecycle
from . import reasons as R
from .lifecycle import Status

_CLEARING = {
    lifecycle.NOT_YET_EFFECTIVE,
    lifecycle.ENJOINED,
    lifecycle.REVOKED,
    lifecycle.RESCINDED,
}


def hit_outcome(
    program: Program,
    category_id: str | None,
    status: Status,
    policy: Policy,
    nexus: Nexus,
    evidence: MatchEvidence,
    path: tuple[PathStep, ...],
    block_threshold: float,
    listing: Listing | None = None,
    paid_via: bool = False,
    on_list: ListStanding | None = None,
) -> tuple[Outcome, tuple[str, ...]]:
    """The outcome one program gives one piece of evidence, with the reasons for it.

    `listing` is the list entry of the target the path reaches, when the program dates its
    targets: before it is added (or after it is removed) nothing is restricted.

    `paid_via`: the evidence is a payment's text naming the wallet app it was paid through
    ("Paid with <wallet app>"). Such a payment is settled by the app's operator, so
    it is a transaction with that operator: the program's outcome, not capped as a mere
    mention (see `paid_via_named_app`).

    `on_list`: the target's standing on an imported list judged through time. Listed on
    the date: the program's outcome (`DELISTED_SINCE` if no longer listed: it was
    prohibited when it happened). Listed only after the date: REVIEW `LISTED_AFTER_DATE`, a
    relationship to wind down rather than a violation. Neither on the date nor now: CLEAR.
    """
    p = program.id
    if program.jurisdiction == "us_nexus" and nexus is Nexus.FALSE:
        return Outcome.CLEAR, (f"{p}:{R.NO_US_NEXUS}",)
    if category_id is None:
        return Outcome.CLEAR, (f"{p}:{R.CATEGORY_NOT_COVERED}",)
    if status.code in _CLEARING:
        return Outcome.CLEAR, (f"{p}:{status.code}",)
    listed = listing.status_on(status.day) if listing is not None else None
    if listed is not None:
        return Outcome.CLEAR, (f"{p}:{listed}",)
    if on_list is not None and on_list.standing == NOT_LISTED_ON_DATE:
        return Outcome.CLEAR, (f"{p}:{NOT_LISTED_ON_DATE}",)

    reasons: list[str] = []
    if status.code == lifecycle.NOT_ENFORCED:
        outcome = Outcome.REVIEW
        reasons.append(f"{p}:{R.NOT_ENFORCED}")
    elif program.identification_required and not status.identified:
        if policy is Policy.ANTICIPATE:
            outcome = program.enforcement_outcome
            reasons.append(f"{p}:{R.IDENTIFICATION_ANTICIPATED}")
        else:
            outcome = Outcome.REVIEW
            reasons.append(f"{p}:{R.AWAITING_IDENTIFICATION}")
    else:
        outcome = program.enforcement_outcome
        reasons.append(f"{p}:{program.enforcement_reason}")
    if on_list is not None:
        if on_list.standing == LISTED_AFTER_DATE:
            outcome = min(outcome, Outcome.REVIEW)
        if on_list.standing != LISTED:
            reasons.append(f"{p}:{on_list.standing}")
        if on_list.before_history:
            reasons.append(f"{p}:{R.BEFORE_LIST_HISTORY}")
    if program.coverage.aggregate_ownership is not None and any(
        step.relation.startswith("owns") or step.relation == "subsidiary_of" for step in path
    ):
        reasons.append(f"{p}:{R.AGGREGATE_OWNERSHIP}")

    # Evidence that is not strong enough to BLOCK on its own caps the outcome at REVIEW.
    caps: list[str] = []
    if paid_via:
        reasons.append(R.PAID_VIA_NAMED_APP)
    elif evidence.method == "free-text":
        caps.append(R.FREE_TEXT_MENTION)
    elif evidence.field == COMPONENT:
        caps.append(R.COMPONENT_NAME)
    elif evidence.method != "identifier" and evidence.score < block_threshold:
        caps.append(R.FUZZY_MATCH)
    if evidence.max_outcome < Outcome.BLOCK:
        caps.append(evidence.extra_reason or R.EVIDENCE_CAPPED)
    elif evidence.extra_reason:
        reasons.append(evidence.extra_reason)
    facts = [evidence.fact, *(step.fact for step in path)]
    if listing is not None:
        facts.append(listing.fact)
    if any(f.provenance is Provenance.UNCONFIRMED for f in facts):
        caps.append(R.UNCONFIRMED_FACT)
    if caps:
        outcome = min(outcome, Outcome.REVIEW)
        reasons.extend(caps)
    if nexus is Nexus.UNKNOWN and program.jurisdiction == "us_nexus":
        reasons.append(R.US_NEXUS_ASSUMED)
    return outcome, tuple(reasons)


def paid_via_named_app(
    evidence: MatchEvidence, entity_roles: tuple[str, ...], category: str
) -> bool:
    """A payment whose text names a wallet app the registry marks `payment_method` was
    routed through that app: the money went to its operator (Commerce's 2020 identification
    under EO 13943: "any provision of services through the [...] mobile application for the
    purpose of transferring funds or processing payments")."""
    return (
        evidence.method == "free-text"
        and evidence.field == "text"  # not a domain's label read as text (matcher.py)
        and category == "payment"
        and "payment_method" in entity_roles
    )
