"""Importers for restricted-party lists and the list versions kept in the data directory.

OFAC SDN (advanced XML, legacy XML, legacy CSV), the trade.gov Consolidated Screening List
(CSV, JSON) and FollowTheMoney / OpenSanctions entities become format-independent records;
each imported file becomes a list version (versions.py); `registry_with_lists` (compose.py)
screens against the shipped packs plus every list's newest good version.

The names below are imported on first use: a command that screens against lists already
imported never loads the importers (lxml, the list-program schemas, the country tables).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import exports

if TYPE_CHECKING:
    from .compose import ListsPolicy, imported_for, registry_with_lists
    from .diff import ListDiff, diff_lists
    from .formats import FORMATS, detect_format, read_list
    from .records import ListContent, ListRecord, ListRelation
    from .versions import DEFAULT_MAX_DROP, ImportResult, ListStore, ListVersion

__all__ = [
    "DEFAULT_MAX_DROP",
    "FORMATS",
    "ImportResult",
    "ListContent",
    "ListDiff",
    "ListRecord",
    "ListRelation",
    "ListStore",
    "ListVersion",
    "ListsPolicy",
    "detect_format",
    "diff_lists",
    "imported_for",
    "read_list",
    "registry_with_lists",
]

__getattr__ = exports(
    __name__,
    {
        "ListsPolicy": ".compose",
        "imported_for": ".compose",
        "registry_with_lists": ".compose",
        "ListDiff": ".diff",
        "diff_lists": ".diff",
        "FORMATS": ".formats",
        "detect_format": ".formats",
        "read_list": ".formats",
        "ListContent": ".records",
        "ListRecord": ".records",
        "ListRelation": ".records",
        "DEFAULT_MAX_DROP": ".versions",
        "ImportResult": ".versions",
        "ListStore": ".versions",
        "ListVersion": ".versions",
    },
)
