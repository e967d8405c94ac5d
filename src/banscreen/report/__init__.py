"""A batch report to look at: one self-contained HTML file from a JSON-lines decisions file.

`banscreen report decisions.jsonl --out report.html` reads the decisions `screen --format
jsonl` wrote and keeps only aggregates (aggregate.py), so a report of a million rows takes the
memory of a few thousand; html.py draws them. `screen --report` and a job's report build the
same aggregates while they screen (`ReportHook`).
"""

from .aggregate import ROWS_PER_CAUSE, EntitySeen, Report, ReportHook, read
from .html import TOP_ENTITIES, render, write

__all__ = [
    "ROWS_PER_CAUSE",
    "TOP_ENTITIES",
    "EntitySeen",
    "Report",
    "ReportHook",
    "read",
    "render",
    "write",
]
