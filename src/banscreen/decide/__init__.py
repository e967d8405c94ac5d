"""Coverage paths, lifecycle on a date, policy, outcome and reasons."""

from .coverage import coverage_path, path_target, path_text
from .lifecycle import Status, status_on
from .outcome import hit_outcome, paid_via_named_app

__all__ = [
    "Status",
    "coverage_path",
    "hit_outcome",
    "paid_via_named_app",
    "path_target",
    "path_text",
    "status_on",
]
