"""The alert queue's view of the store: filters read from the URL as an analyst types them,
how old an alert is, and one alert as a row of the queue and of its CSV export."""

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

from ..store import STATUSES, AlertQuery
from ..store.base import aware

FILTERS = ("status", "outcome", "q", "entity", "program", "reason", "assignee", "since",
           "until", "sort")  # fmt: skip


EXPORT_COLUMNS = (
    "alert_id", "status", "outcome", "assignee", "transaction_id", "transaction_date",
    "counterparty_name", "entity_id", "entity_name", "programs", "reasons", "raised", "age_days",
)  # fmt: skip


def day_of(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def view_of(params: dict[str, str]) -> tuple[AlertQuery, dict[str, str]]:
    """The queue's view from the URL, and the filters as they were understood (a value
    that is not one the filter takes is dropped, not an error: the URL is typed by hand)."""
    got = {k: (params.get(k) or "").strip()[:200] for k in FILTERS}
    if got["status"] not in ("", *STATUSES, "any"):
        got["status"] = "open"
    if "status" not in params:
        got["status"] = "open"
    if got["outcome"] not in ("", "REVIEW", "BLOCK"):
        got["outcome"] = ""
    if got["sort"] not in ("oldest", "newest", "outcome", "status", "updated"):
        got["sort"] = "oldest"
    since, until = day_of(got["since"]), day_of(got["until"])
    got["since"] = since.isoformat() if since else ""
    got["until"] = until.isoformat() if until else ""
    view = AlertQuery(
        status="" if got["status"] == "any" else got["status"],
        outcome=got["outcome"],
        search=got["q"],
        entity=got["entity"],
        program=got["program"],
        reason=got["reason"],
        assignee=got["assignee"],
        since=day_start(since),
        until=day_after(until),
        sort=got["sort"],
    )
    return view, got


def day_start(day: date | None) -> datetime | None:
    """The first moment of `day` (UTC), the bound of a view raised from it."""
    return None if day is None else datetime.combine(day, datetime.min.time(), UTC)


def day_after(day: date | None) -> datetime | None:
    """The first moment after `day` (UTC), the bound of a view raised up to it; none after
    the last day there is."""
    if day is None or day == date.max:
        return None
    return datetime.combine(day + timedelta(days=1), datetime.min.time(), UTC)


def age(moment: datetime, at: datetime) -> str:
    """How long an alert has been open, as an analyst reads it: 3d 4h, 5h 12m, 40m."""
    seconds = max(0, int((at - aware(moment)).total_seconds()))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    if days:
        return f"{days}d {hours}h"
    return f"{hours}h {rest // 60}m" if hours else f"{rest // 60}m"


def queue_item(a: Any, d: Any, at: datetime) -> dict[str, Any]:
    submitted = json.loads(d.submitted or "{}")
    return {
        "alert_id": a.id,
        "outcome": a.outcome,
        "status": a.status,
        "assignee": a.assignee,
        "proposal": a.proposal,
        "transaction_id": d.transaction_id,
        "transaction_date": str(submitted.get("date") or ""),
        "counterparty_name": str(submitted.get("counterparty_name") or ""),
        "entity_id": d.entity_id,
        "entity_name": d.entity_name,
        "programs": d.programs,
        "reasons": d.reasons,
        "raised": aware(a.created_at).isoformat(timespec="seconds"),
        "age": age(a.created_at, at),
        "age_days": f"{(at - aware(a.created_at)).total_seconds() / 86400:.1f}",
    }
