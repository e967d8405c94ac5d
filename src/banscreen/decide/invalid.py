"""The one way an ERROR decision is made: input that could not be screened, named by
where it is (a row number, a record's location) and what is wrong with it.

A bad row is reported, never dropped and never cleared: every entry point that reads
records (a file row, an API item, a scanned record) and the engine's own validation build
their ERROR decisions here, so the outcome, reason and message read the same everywhere.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..errors import FieldError
from ..model import Decision, Outcome
from . import reasons as R


def invalid(
    transaction_id: str,
    where: str,
    error: FieldError | str,
    policy: str,
    extra: dict[str, str] | None = None,
    as_of: date | None = None,
    data_version: str = "",
) -> Decision:
    """ERROR `INVALID_INPUT` for a record that is not a transaction; `where` is empty or a
    place ("row 7", "message.xml: tx 3") that prefixes the message."""
    message = f"{where}: {error}" if where else str(error)
    return Decision(
        transaction_id=transaction_id,
        outcome=Outcome.ERROR,
        reasons=(R.INVALID_INPUT,),
        error=message,
        policy=policy,
        as_of=as_of,
        data_version=data_version,
        extra=extra or {},
    )


def located(decision: Decision, where: str) -> Decision:
    """An ERROR the engine made (the record parsed but failed validation), prefixed with
    the record's place like every other ERROR; other decisions are returned as they are."""
    if decision.outcome is not Outcome.ERROR or not where:
        return decision
    return replace(decision, error=f"{where}: {decision.error}")
