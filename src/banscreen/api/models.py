"""What the API takes and gives, as typed models: they validate requests, shape every
response, and are the OpenAPI schema clients generate code from.

A decision's cells come from `wire.decision_row`, the same cells `screen` writes."""

# No `from __future__ import annotations`: pydantic reads the annotations at runtime.
import json
from datetime import datetime
from functools import lru_cache
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..errors import InputError
from ..model import Decision
from ..surfaces.columns import ColumnMap, read_header
from ..tunables import ACCEPT_DAYS, ACCEPT_DAYS_MAX, MAX_BATCH
from ..wire import decision_row, score_text

_M = TypeVar("_M", bound=BaseModel)


def _from_row(cls: type[_M], row: Any, **given: Any) -> _M:
    """A response model from a stored row: each field is the row's attribute of the same
    name (times as ISO text) unless `given`."""
    values = dict(given)
    for name in cls.model_fields:
        if name not in values:
            value = getattr(row, name)
            values[name] = value.isoformat() if isinstance(value, datetime) else value
    return cls(**values)


_REMEDY = "send the counterparty's name as counterparty_name (empty to screen without one)"


@lru_cache(maxsize=256)
def _columns_of(fields: tuple[str, ...]) -> ColumnMap:
    """The fields a client sends, read as a file's columns and checked: once per set of
    names (an InputError, not kept, when they are refused)."""
    header = read_header(fields, {}, "the transaction", remedy=_REMEDY)
    header.check_names("the transaction")
    return header


class TransactionIn(BaseModel):
    """One transaction: the `screen` input columns; other fields are kept as extra columns."""

    model_config = ConfigDict(extra="allow")
    id: str | None = None
    date: str | None = None
    category: str | None = None
    counterparty_name: str | None = None
    counterparty_country: str | None = None
    counterparty_identifiers: str | list[str] | None = None
    us_nexus: str | bool | None = None
    text: str | None = None

    @model_validator(mode="after")
    def _not_a_batch(self) -> "TransactionIn":
        if "transactions" in (self.model_extra or {}):
            raise ValueError("`transactions` must be a list of at most 1,000 transactions")
        if self.model_extra:  # fields under other exports' names, read as a file's columns
            sent = [k for k in type(self).model_fields if getattr(self, k) is not None]
            try:
                _columns_of((*sent, *(k for k, v in self.model_extra.items() if v is not None)))
            except InputError as exc:
                raise ValueError(str(exc)) from None
        return self

    def _sent(self) -> dict[str, Any]:
        data = self.model_dump(exclude_none=False)
        data.update(self.model_extra or {})
        return {k: v for k, v in data.items() if v is not None}

    def fields(self) -> dict[str, Any]:
        """The row as the readers give it: the fields that were sent, extras included, and
        those sent under another export's name (`payee`) read as the input columns they
        are (surfaces/columns.py), as a file's columns are."""
        data = self._sent()
        if self.model_extra:
            data = _columns_of(tuple(data)).finish(data, by_key=True)
        if isinstance(data.get("us_nexus"), bool):
            data["us_nexus"] = "true" if data["us_nexus"] else "false"
        return {k: v for k, v in data.items() if v is not None}


class BatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    transactions: list[TransactionIn] = Field(max_length=MAX_BATCH)


class ScopeIn(BaseModel):
    """How far a clear reaches (default: this client, this category, every program,
    `ACCEPT_DAYS` days)."""

    model_config = ConfigDict(extra="forbid")
    all_clients: bool = False
    all_categories: bool = False
    program: str = Field(default="", max_length=200)
    days: int = Field(default=ACCEPT_DAYS, ge=1, le=ACCEPT_DAYS_MAX)


class ActionIn(BaseModel):
    """An action on an alert: escalate, block, clear (each possibly a proposal that another
    analyst must approve), approve, reject, reopen, assign (to `assignee`) or comment."""

    model_config = ConfigDict(extra="forbid")
    action: Literal["escalate", "block", "clear", "approve", "reject", "reopen", "assign",
                    "comment"]  # fmt: skip
    reason: str = Field(default="", max_length=10_000)
    attachments: str = Field(default="", max_length=100_000)
    assignee: str = Field(default="", max_length=200)
    scope: ScopeIn = ScopeIn()


class BulkActionIn(ActionIn):
    alert_ids: list[Annotated[int, Field(ge=1, le=2**31 - 1)]] = Field(
        min_length=1, max_length=1000
    )


class DecisionCells(BaseModel):
    """The contract's columns of a decision, as `screen` writes them."""

    id: str
    outcome: Literal["CLEAR", "REVIEW", "BLOCK", "ERROR"]
    programs: str
    entity_id: str
    entity_name: str
    score: str
    method: str
    path: str
    reasons: str
    error: str


class DecisionOut(DecisionCells):
    """A decision as `screen` writes it (its extra input columns too), and its stored id."""

    model_config = ConfigDict(extra="allow")
    decision_id: str

    @classmethod
    def of(cls, decision: Decision, decision_id: str) -> "DecisionOut":
        return cls.model_validate({**decision_row(decision), "decision_id": decision_id})


class DecisionsOut(BaseModel):
    decisions: list[DecisionOut]


class StoredDecisionOut(DecisionCells):
    """A stored decision: its cells, the list version it was made against, and its detail."""

    decision_id: str
    list_version: str
    decided_at: str
    detail: dict[str, Any]

    @classmethod
    def of(cls, row: Any) -> "StoredDecisionOut":
        return _from_row(
            cls,
            row,
            decision_id=row.id,
            id=row.transaction_id,
            score=score_text(row.score),
            decided_at=row.created_at.isoformat(),
            detail=json.loads(row.detail),
        )


class JobCreatedOut(BaseModel):
    job_id: str
    status: str
    bytes: int


class JobOut(BaseModel):
    job_id: str
    status: str
    rows_done: int
    bytes: int
    outcomes: dict[str, int]
    error: str | None
    created_at: str
    updated_at: str

    @classmethod
    def of(cls, row: Any) -> "JobOut":
        outcomes = json.loads(row.outcomes) if row.outcomes else {}
        return _from_row(cls, row, job_id=row.id, bytes=row.bytes_total, outcomes=outcomes)


class AlertOut(BaseModel):
    alert_id: int
    status: str
    outcome: str
    decision_id: str
    transaction_id: str
    counterparty_name: str  # as submitted
    transaction_date: str  # as submitted
    entity_id: str
    entity_name: str
    programs: str
    reasons: str
    assignee: str
    proposal: str  # a block or clear waiting for a second analyst
    proposed_by: str
    created_at: str
    updated_at: str

    @classmethod
    def of(cls, alert: Any, decision: Any) -> "AlertOut":
        submitted = json.loads(decision.submitted or "{}")
        return _from_row(
            cls,
            alert,
            alert_id=alert.id,
            **{
                k: getattr(decision, k)
                for k in ("transaction_id", "entity_id", "entity_name", "programs", "reasons")
            },
            counterparty_name=str(submitted.get("counterparty_name") or ""),
            transaction_date=str(submitted.get("date") or ""),
        )


class AlertsOut(BaseModel):
    """One page of the queue: `total` alerts match the filters; `next_offset` is null on
    the last page."""

    total: int
    offset: int
    limit: int
    next_offset: int | None
    alerts: list[AlertOut]


class BulkResultOut(BaseModel):
    alert_id: int
    ok: bool
    case_id: int | None = None
    error: str = ""


class BulkOut(BaseModel):
    results: list[BulkResultOut]


class AcceptEntryOut(BaseModel):
    id: int
    field: str
    value: str
    entity_id: str
    list_version: str
    client: str
    category: str
    program: str
    reason: str
    created_by: str
    created_at: str
    expires_at: str | None
    revoked_at: str | None
    revoked_by: str
    case_id: int | None

    @classmethod
    def of(cls, row: Any) -> "AcceptEntryOut":
        return _from_row(cls, row, value=row.counterparty)


class AcceptEntriesOut(BaseModel):
    entries: list[AcceptEntryOut]


class RevokeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str = Field(min_length=1, max_length=10_000)


class CaseOut(BaseModel):
    case_id: int
    alert_id: int
    action: str
    reason: str
    attachments: str
    analyst: str
    created_at: str

    @classmethod
    def of(cls, case: Any) -> "CaseOut":
        return _from_row(cls, case, case_id=case.id)


class CasesOut(BaseModel):
    cases: list[CaseOut]


class AlertDetailOut(AlertOut):
    decision: StoredDecisionOut
    cases: list[CaseOut]


class ProgramOut(BaseModel):
    id: str
    name: str
    citation: str
    kind: str
    statuses: dict[str, str]

    @classmethod
    def of(cls, program: Any, statuses: dict[str, str]) -> "ProgramOut":
        return _from_row(cls, program, statuses=statuses)


class ProgramsOut(BaseModel):
    date: str
    programs: list[ProgramOut]


class ListVersionOut(BaseModel):
    id: str
    list: str
    format: str
    records: int
    sha256: str
    retrieved: str
    published: str | None = None
    effective: str
    status: str
    current: bool

    @classmethod
    def of(cls, version: Any, current: bool) -> "ListVersionOut":
        return _from_row(cls, version, current=current)


class ListsOut(BaseModel):
    versions: list[ListVersionOut]


class HealthOut(BaseModel):
    status: str


class ReadyOut(BaseModel):
    status: str
    data_version: str


class ErrorOut(BaseModel):
    detail: str
