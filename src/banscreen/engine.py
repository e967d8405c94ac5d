"""screen(transactions) -> decisions: the one engine every surface calls.

Decision semantics follow DESIGN.md: validate (ERROR), match, find each program's coverage
path on the transaction date, apply the lifecycle, the identification policy and the
evidence caps, and keep the strongest outcome (ERROR > BLOCK > REVIEW > CLEAR).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from .decide import (
    Status,
    coverage_path,
    hit_outcome,
    paid_via_named_app,
    path_target,
    path_text,
    status_on,
)
from .decide import reasons as R
from .decide.accept import AcceptList, Scope, accept_value, entity_fingerprint
from .decide.invalid import invalid
from .decide.ranking import evidence_rank, hit_rank
from .errors import FieldError, IdentifierError
from .gcpause import paused
from .match import Matcher, normalise
from .model import (
    IDENTIFIER_KINDS,
    TRANSACTION_CATEGORIES,
    Decision,
    MatchEvidence,
    Outcome,
    PathStep,
    Policy,
    Program,
    ProgramHit,
    Transaction,
)
from .registry import Registry, load_registry
from .tunables import CACHE_ENTRIES, CACHEABLE_TEXT


@dataclass(frozen=True)
class ScreenOptions:
    policy: Policy = Policy.STRICT
    as_of: date | None = None  # date for transactions that carry none
    category: str | None = None  # category for transactions that carry none (a statement's)
    client: str = ""  # who asks (an API key, "key:ID"): accept entries may be scoped to one


class Screener:
    """A registry with its match indexes, ready to decide transactions.

    Decisions are cached: a transaction file repeats its counterparties, and a decision
    depends only on the transaction's fields and on which period between the registry's
    breakpoints its date falls in (`Registry.period_of`), so a repeat is answered from the
    cache with its own id, date and extra columns. Coverage paths and program statuses are
    cached the same way. The caches are exact: they hold what the engine would compute again.
    """

    def __init__(
        self, registry: Registry, accept_list: AcceptList | None = None, cache: bool = True
    ) -> None:
        self.registry = registry
        self.cache = cache
        with paused():
            self.matcher = Matcher(registry)
        self._accept_list = accept_list or AcceptList()
        # Each entity's fingerprint, worked out when a decision first names it.
        self._fingerprints: dict[str, str] = {}
        self._decisions: dict[tuple[object, ...], Decision] = {}
        self._paths: dict[tuple[str, str, int, bool], tuple[tuple[PathStep, ...], str] | None] = {}
        self._statuses: dict[tuple[str, str | None, int], Status] = {}
        self._evidence: dict[tuple[object, ...], list[MatchEvidence]] = {}

    @property
    def accept_list(self) -> AcceptList:
        return self._accept_list

    @accept_list.setter
    def accept_list(self, value: AcceptList) -> None:
        self._accept_list = value
        self._decisions.clear()  # cached decisions were made under the old list

    def list_version(self, entity_id: str) -> str:
        found = self._fingerprints.get(entity_id)
        if found is None:
            entity = self.registry.entities.get(entity_id)
            found = self._fingerprints[entity_id] = entity_fingerprint(entity) if entity else ""
        return found

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
            field = ident.role or "counterparty_identifiers"
            if ident.kind not in IDENTIFIER_KINDS:
                expected = f"expected one of {', '.join(IDENTIFIER_KINDS)}"
                raise FieldError(field, f"unknown identifier kind {ident.kind!r}; {expected}")
            try:
                normalise(ident.kind, ident.value)
            except IdentifierError as exc:
                raise FieldError(field, str(exc)) from None
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
        if options.category and not tx.category:
            tx = replace(tx, category=options.category)
        try:
            day = self.validate(tx, options)
        except FieldError:
            return self._decide(tx, options)
        period = self.registry.period_of(day)
        if not self.cache or len(tx.text) > CACHEABLE_TEXT:
            return self._decide(tx, options, day, period)
        key = (
            tx.counterparty_name,
            tx.counterparty_country,
            tx.identifiers,
            tx.us_nexus,
            tx.text,
            tx.category,
            tx.parties,
            period,
            options.policy,
            options.client,
        )
        cached = self._decisions.get(key)
        if cached is None:
            cached = self._decide(tx, options, day, period)
            if len(self._decisions) >= CACHE_ENTRIES:
                self._decisions.clear()
            self._decisions[key] = cached
            return cached
        return _for(cached, tx, day)

    def _decide(
        self,
        tx: Transaction,
        options: ScreenOptions,
        day: date | None = None,
        period: int | None = None,
    ) -> Decision:
        def decision(outcome: Outcome, reasons: tuple[str, ...], **rest: Any) -> Decision:
            return Decision(
                transaction_id=tx.id,
                outcome=outcome,
                reasons=reasons,
                policy=options.policy.value,
                as_of=day,
                data_version=self.registry.version,
                extra=tx.extra,
                **rest,
            )

        if day is None or period is None:
            try:
                day = self.validate(tx, options)
            except FieldError as exc:
                return invalid(
                    tx.id, "", exc, options.policy.value, tx.extra, day, self.registry.version
                )
            period = self.registry.period_of(day)
        evidence = self.evidence(tx)
        if not evidence:
            return decision(Outcome.CLEAR, (R.NO_MATCH,))
        hits = self._hits(tx, day, period, evidence, options)
        if not hits:
            best = max(evidence, key=evidence_rank)
            entity = self.registry.entities[best.entity_id]
            return decision(
                Outcome.CLEAR,
                (R.ENTITY_NOT_COVERED,),
                matches=tuple(evidence),
                entity_id=entity.id,
                entity_name=entity.display_name,
                score=best.score,
                method=best.method,
            )
        best_per_program: dict[str, ProgramHit] = {}
        for hit in sorted(hits, key=hit_rank, reverse=True):
            best_per_program.setdefault(hit.program_id, hit)
        ranked = list(best_per_program.values())
        top = ranked[0]
        reasons: dict[str, None] = {}
        for hit in ranked:
            for reason in hit.reasons:
                reasons.setdefault(reason, None)
        entity = self.registry.entities[top.evidence.entity_id]
        return decision(
            top.outcome,
            tuple(reasons),
            hits=tuple(ranked),
            matches=tuple(evidence),
            entity_id=entity.id,
            entity_name=entity.display_name,
            score=top.evidence.score,
            method=top.evidence.method,
            path=top.path_text,
        )

    def evidence(self, tx: Transaction) -> list[MatchEvidence]:
        """The matcher's evidence, cached by what it reads (not the date or category)."""
        if not self.cache or len(tx.text) > CACHEABLE_TEXT:
            return self.matcher.evidence_for(tx)
        key = (tx.counterparty_name, tx.identifiers, tx.text, tx.parties)
        found = self._evidence.get(key)
        if found is None:
            found = self.matcher.evidence_for(tx)
            if len(self._evidence) >= CACHE_ENTRIES:
                self._evidence.clear()
            self._evidence[key] = found
        return found

    def _path(
        self, program: Program, entity_id: str, day: date, period: int, listed_only: bool
    ) -> tuple[tuple[PathStep, ...], str] | None:
        key = (program.id, entity_id, period, listed_only)
        if self.cache and key in self._paths:
            return self._paths[key]
        path = coverage_path(self.registry, program, entity_id, day, listed_only)
        found = None if path is None else (path, path_text(self.registry, entity_id, path))
        if len(self._paths) >= CACHE_ENTRIES:
            self._paths.clear()
        self._paths[key] = found
        return found

    def _status(self, program: Program, category_id: str | None, day: date, period: int) -> Status:
        key = (program.id, category_id, period)
        found = self._statuses.get(key) if self.cache else None
        if found is None:
            found = status_on(program, category_id, day)
            self._statuses[key] = found
        if found.day == day:
            return found
        return Status(found.code, found.identified, found.deciding_event, day)

    def _hits(
        self,
        tx: Transaction,
        day: date,
        period: int,
        evidence: list[MatchEvidence],
        options: ScreenOptions,
    ) -> list[ProgramHit]:
        hits: list[ProgramHit] = []
        block = self.registry.matching.thresholds.block
        key = self.matcher.normaliser.key
        # A program's category and status depend on the transaction, not on the evidence.
        standing = {}
        for program in self.registry.programs.values():
            category = program.category_for(tx.category)
            category_id = category.id if category else None
            standing[program.id] = (category_id, self._status(program, category_id, day, period))
        for ev in evidence:
            entity = self.registry.entities[ev.entity_id]
            for program in self.registry.programs.values():
                found = self._path(program, ev.entity_id, day, period, True)
                if found is None and (program.listings or program.presence):
                    # Reached only through a target not listed that day: say so.
                    found = self._path(program, ev.entity_id, day, period, False)
                if found is None:
                    continue
                path, text = found
                target = path_target(ev.entity_id, path)
                listing = program.listings.get(target)
                presence = program.presence.get(target)
                on_list = presence.standing_on(day) if presence is not None else None
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
                    paid_via=paid_via_named_app(ev, entity.roles, tx.category),
                    on_list=on_list,
                )
                if outcome > Outcome.CLEAR and self.accept_list.accepts(
                    accept_value(ev, key),  # the counterparty's key, for a name's evidence
                    ev.entity_id,
                    self.list_version(ev.entity_id),
                    ev.field,
                    Scope(options.client, tx.category, program.id),
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
                        path_text=text,
                        list_standing=on_list,
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


def same_on_every_date(decision: Decision) -> bool:
    """Whether a valid transaction's decision would be the same on any date, with any nexus
    and in any category: nothing matched, so no program, path or lifecycle was consulted
    (see `_decide`). Callers may keep these under the counterparty alone."""
    return decision.outcome is Outcome.CLEAR and decision.reasons == (R.NO_MATCH,)


def _for(cached: Decision, tx: Transaction, day: date) -> Decision:
    """A cached decision, given the identity of the transaction it now answers."""
    return Decision(
        transaction_id=tx.id,
        outcome=cached.outcome,
        reasons=cached.reasons,
        hits=cached.hits,
        matches=cached.matches,
        entity_id=cached.entity_id,
        entity_name=cached.entity_name,
        score=cached.score,
        method=cached.method,
        path=cached.path,
        error=cached.error,
        policy=cached.policy,
        as_of=day,
        data_version=cached.data_version,
        extra=tx.extra,
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
