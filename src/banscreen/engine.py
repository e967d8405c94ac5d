"""screen(transactions) -> decisions: the one engine every surface calls.

Decision semantics follow DESIGN.md: validate (ERROR), match, find each program's coverage
path on the transaction date, apply the lifecycle, the identification policy and the
evidence caps, and keep the strongest outcome (ERROR > BLOCK > REVIEW > CLEAR).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from .decide import coverage_path, hit_outcome, path_target, path_text, status_on
from .decide import reasons as R
from .decide.accept import AcceptList, entity_fingerprint
from .errors import FieldError
from .match import IdentifierError, Matcher, normalise
from .model import (
    IDENTIFIER_KINDS,
    TRANSACTION_CATEGORIES,
    Decision,
    MatchEvidence,
    Outcome,
    Policy,
    ProgramHit,
    Transaction,
)
from .registry import Registry, load_registry

_METHOD_RANK = {"identifier": 4, "exact": 3, "transliterated": 2, "fuzzy": 1, "free-text": 0}


@dataclass(frozen=True)
class ScreenOptions:
    policy: Policy = Policy.STRICT
    as_of: date | None = None  # date for transactions that carry none


class Screener:
    """A registry with its match indexes, ready to decide transactions."""

    def __init__(self, registry: Registry, accept_list: AcceptList | None = None) -> None:
        self.registry = registry
        self.matcher = Matcher(registry)
        self.accept_list = accept_list or AcceptList()
        self._fingerprints = {e.id: entity_fingerprint(e) for e in registry.entities.values()}

    def list_version(self, entity_id: str) -> str:
        return self._fingerprints.get(entity_id, "")

    # ------------------------------------------------------------------ validation
    @staticmethod
    def validate(tx: Transaction, options: ScreenOptions) -> date:
        """Raise FieldError for the first malformed field; return the date to decide on."""
        if not tx.id or not tx.id.strip():
            raise FieldError("id", "missing")
        if tx.category not in TRANSACTION_CATEGORIES:
            raise FieldError(
                "category",
                f"unknown category {tx.category!r}; "
                f"expected one of {', '.join(TRANSACTION_CATEGORIES)}",
            )
        for ident in tx.identifiers:
            if ident.kind not in IDENTIFIER_KINDS:
                raise FieldError(
                    "counterparty_identifiers",
                    f"unknown identifier kind {ident.kind!r}; "
                    f"expected one of {', '.join(IDENTIFIER_KINDS)}",
                )
            try:
                normalise(ident.kind, ident.value)
            except IdentifierError as exc:
                raise FieldError("counterparty_identifiers", str(exc)) from None
        has_party = any(name.strip() for _, name in tx.parties)
        if not (tx.counterparty_name.strip() or tx.identifiers or tx.text.strip() or has_party):
            raise FieldError("counterparty_name", "empty, and no identifiers or text to screen")
        day = tx.date or options.as_of
        if day is None:
            raise FieldError("date", "missing (give the column, or --as-of for rows without one)")
        return day

    # ------------------------------------------------------------------ decision
    def decide(self, tx: Transaction, options: ScreenOptions | None = None) -> Decision:
        options = options or ScreenOptions()
        base = Decision(
            transaction_id=tx.id,
            outcome=Outcome.CLEAR,
            reasons=(),
            policy=options.policy.value,
            data_version=self.registry.version,
            extra=tx.extra,
        )
        try:
            day = self.validate(tx, options)
        except FieldError as exc:
            return replace(base, outcome=Outcome.ERROR, reasons=(R.INVALID_INPUT,), error=str(exc))
        base = replace(base, as_of=day)
        evidence = self.matcher.evidence_for(tx)
        if not evidence:
            return replace(base, reasons=(R.NO_MATCH,))
        hits = self._hits(tx, day, evidence, options)
        if not hits:
            best = max(evidence, key=_evidence_rank)
            entity = self.registry.entities[best.entity_id]
            return replace(
                base,
                reasons=(R.ENTITY_NOT_COVERED,),
                matches=tuple(evidence),
                entity_id=entity.id,
                entity_name=entity.display_name,
                score=best.score,
                method=best.method,
            )
        best_per_program: dict[str, ProgramHit] = {}
        for hit in sorted(hits, key=_hit_rank, reverse=True):
            best_per_program.setdefault(hit.program_id, hit)
        ranked = list(best_per_program.values())
        top = ranked[0]
        reasons: dict[str, None] = {}
        for hit in ranked:
            for reason in hit.reasons:
                reasons.setdefault(reason, None)
        entity = self.registry.entities[top.evidence.entity_id]
        return replace(
            base,
            outcome=top.outcome,
            reasons=tuple(reasons),
            hits=tuple(ranked),
            matches=tuple(evidence),
            entity_id=entity.id,
            entity_name=entity.display_name,
            score=top.evidence.score,
            method=top.evidence.method,
            path=top.path_text,
        )

    def _hits(
        self, tx: Transaction, day: date, evidence: list[MatchEvidence], options: ScreenOptions
    ) -> list[ProgramHit]:
        hits: list[ProgramHit] = []
        block = self.registry.matching.thresholds.block
        counterparty_key = self.matcher.normaliser.key(tx.counterparty_name)
        # A program's category and status depend on the transaction, not on the evidence.
        standing = {}
        for program in self.registry.programs.values():
            category = program.category_for(tx.category)
            category_id = category.id if category else None
            standing[program.id] = (category_id, status_on(program, category_id, day))
        for ev in evidence:
            entity = self.registry.entities[ev.entity_id]
            for program in self.registry.programs.values():
                path = coverage_path(self.registry, program, ev.entity_id, day)
                if path is None and program.listings:
                    # Reached only through a target not listed that day: say so.
                    path = coverage_path(
                        self.registry, program, ev.entity_id, day, listed_only=False
                    )
                if path is None:
                    continue
                listing = program.listings.get(path_target(ev.entity_id, path))
                category_id, status = standing[program.id]
                outcome, reasons = hit_outcome(
                    program,
                    category_id,
                    status,
                    options.policy,
                    tx.us_nexus,
                    ev,
                    path,
                    block,
                    listing,
                )
                if (
                    ev.method == "free-text"
                    and "payment_method" in entity.roles
                    and tx.category == "payment"
                ):
                    # A remittance line naming the wallet the payer used ("paid via <wallet app>")
                    # says how the money moved, not who was paid: not a hit on the payee.
                    outcome, reasons = Outcome.CLEAR, (R.PAYMENT_METHOD_MENTION,)
                if (
                    outcome > Outcome.CLEAR
                    and ev.field == "counterparty_name"
                    and self.accept_list.accepts(
                        counterparty_key, ev.entity_id, self.list_version(ev.entity_id)
                    )
                ):
                    outcome, reasons = Outcome.CLEAR, (R.ACCEPTED,)
                hits.append(
                    ProgramHit(
                        program_id=program.id,
                        citation=program.citation,
                        section=program.section,
                        category=category_id,
                        status=status.code,
                        outcome=outcome,
                        reasons=reasons,
                        evidence=ev,
                        path=path,
                        path_text=path_text(self.registry, ev.entity_id, path),
                    )
                )
        return hits

    def screen(
        self, transactions: Iterable[Transaction], options: ScreenOptions | None = None
    ) -> Iterator[Decision]:
        """Decide each transaction in order; one decision per transaction, always."""
        options = options or ScreenOptions()
        for tx in transactions:
            yield self.decide(tx, options)


def _evidence_rank(ev: MatchEvidence) -> tuple[float, int]:
    return (ev.score, _METHOD_RANK.get(ev.method, 0))


def _hit_rank(hit: ProgramHit) -> tuple[int, float, int, int]:
    return (
        int(hit.outcome),
        hit.evidence.score,
        _METHOD_RANK.get(hit.evidence.method, 0),
        -len(hit.path),
    )


_default: Screener | None = None


def default_screener() -> Screener:
    global _default
    if _default is None:
        _default = Screener(load_registry())
    return _default


def screen(
    transactions: Transaction | Iterable[Transaction],
    *,
    as_of: date | None = None,
    policy: Policy | str = Policy.STRICT,
    screener: Screener | None = None,
) -> list[Decision]:
    """Screen transactions with the shipped program packs; one Decision per transaction."""
    items = [transactions] if isinstance(transactions, Transaction) else list(transactions)
    options = ScreenOptions(policy=Policy(policy), as_of=as_of)
    return list((screener or default_screener()).screen(items, options))
