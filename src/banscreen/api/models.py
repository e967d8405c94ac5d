"""What the API takes and gives, as typed models: they validate requests, shape every
response, and are the OpenAPI schema clients generate code from.

A decision's cells come from `wire.decision_row`, the same cells `screen` writes."""

# No `from __future__ import annotations`: pydantic reads the annotations at runtime.
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..model import Decision
from ..wire import decision_row, score_text

MAX_BATCH = 1000


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
        return self

    def fields(self) -> dict[str, Any]:
        """The row as the readers give it: the fields that were sent, extras included."""
        data = self.model_dump(exclude_none=False)
        data.update(self.model_extra or {})
        if isinstance(data.get("us_nexus"), bool):
            data["us_nexus"] = "true" if data["us_nexus"] else "false"
        return {k: v for k, v in data.items() if v is not None}


class BatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    transactions: list[TransactionIn] = Field(max_length=MAX_BATCH)


class ActionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    action: Literal["escalate", "block", "clear"]
    reason: str = Field(min_length=1, max_length=10_000)
    attachments: str = Field(default="", max_length=100_000)


class DecisionOut(BaseModel):
    """A decision as `screen` writes it (its extra input columns too), and its stored id."""

    model_config = ConfigDict(extra="allow")
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
    decision_id: str

    @classmethod
    def of(cls, decision: Decision, decision_id: str) -> "DecisionOut":
        return cls.model_validate({**decision_row(decision), "decision_id": decision_id})


class DecisionsOut(BaseModel):
    decisions: list[DecisionOut]


class StoredDecisionOut(BaseModel):
    decision_id: str
    id: str
    outcome: str
    programs: str
    entity_id: str
    entity_name: str
    score: str
    method: str
    path: str
    reasons: str
    error: str
    list_version: str
    decided_at: str
    detail: dict[str, Any]

    @classmethod
    def of(cls, row: Any) -> "StoredDecisionOut":
        return cls(
            decision_id=row.id,
            id=row.transaction_id,
            outcome=row.outcome,
            programs=row.programs,
            entity_id=row.entity_id,
            entity_name=row.entity_name,
            score=score_text(row.score),
            method=row.method,
            path=row.path,
            reasons=row.reasons,
            error=row.error,
            list_version=row.list_version,
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
        return cls(
            job_id=row.id,
            status=row.status,
            rows_done=row.rows_done,
            bytes=row.bytes_total,
            outcomes=json.loads(row.outcomes) if row.outcomes else {},
            error=row.error,
            created_at=row.created_at.isoformat(),
            updated_at=row.updated_at.isoformat(),
        )


class AlertOut(BaseModel):
    alert_id: int
    status: str
    outcome: str
    decision_id: str
    transaction_id: str
    entity_id: str
    entity_name: str
    reasons: str
    created_at: str
    updated_at: str

    @classmethod
    def of(cls, alert: Any, decision: Any) -> "AlertOut":
        return cls(
            alert_id=alert.id,
            status=alert.status,
            outcome=alert.outcome,
            decision_id=alert.decision_id,
            transaction_id=decision.transaction_id,
            entity_id=decision.entity_id,
            entity_name=decision.entity_name,
            reasons=decision.reasons,
            created_at=alert.created_at.isoformat(),
            updated_at=alert.updated_at.isoformat(),
        )


class AlertsOut(BaseModel):
    alerts: list[AlertOut]


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
        return cls(
            case_id=case.id,
            alert_id=case.alert_id,
            action=case.action,
            reason=case.reason,
            attachments=case.attachments,
            analyst=case.analyst,
            created_at=case.created_at.isoformat(),
        )


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
    status: str
    current: bool


class ListsOut(BaseModel):
    versions: list[ListVersionOut]


class HealthOut(BaseModel):
    status: str


class ReadyOut(BaseModel):
    status: str
    data_version: str


class ErrorOut(BaseModel):
    detail: str
