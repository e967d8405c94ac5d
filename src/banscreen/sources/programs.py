"""Which program each imported list feeds: data/lists/programs.yaml, validated at load."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..errors import DataError
from ..model import TRANSACTION_CATEGORIES
from ..registry import shipped_data_dir
from ..registry.schema import REASON, SLUG
from ..registry.yamlfile import YamlDocument


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ListProgramSchema(_Strict):
    id: str = Field(pattern=SLUG)
    name: str
    citation: str
    section: str
    lists: list[str] = Field(min_length=1)
    outcome: Literal["REVIEW", "BLOCK"]
    reason: str = Field(pattern=REASON)
    aggregate_ownership: float | None = Field(default=None, gt=0, le=100)
    # Reach the parties a target controls (a published "owned or controlled by", a
    # majority stake), as well as those the 50% rule reaches.
    follow_control: bool = False
    # us_nexus: binds U.S. persons (most lists); none: binds whoever screens (the UN's
    # measures bind every member state).
    jurisdiction: Literal["us_nexus", "none"] = "us_nexus"
    categories: list[str] = ["*"]
    source: str


class UnmappedSchema(_Strict):
    id_prefix: str = Field(alias="id-prefix", pattern=SLUG)
    outcome: Literal["REVIEW", "BLOCK"]
    reason: str = Field(pattern=REASON)
    source: str


class ListProgramsSchema(_Strict):
    sources: dict[str, str] = Field(min_length=1)
    programs: list[ListProgramSchema]
    unmapped: UnmappedSchema


def load_list_programs(path: Path | None = None) -> ListProgramsSchema:
    return _load(path or shipped_data_dir() / "lists" / "programs.yaml")


@lru_cache(maxsize=4)
def _load(path: Path) -> ListProgramsSchema:
    doc = YamlDocument(path)
    config = doc.validated(ListProgramsSchema)
    seen: dict[str, str] = {}
    for i, program in enumerate(config.programs):
        if program.source not in config.sources:
            raise doc.error(("programs", i, "source"), f"unknown source {program.source!r}")
        for category in program.categories:
            if category != "*" and category not in TRANSACTION_CATEGORIES:
                raise doc.error(("programs", i, "categories"), f"unknown category {category!r}")
        for code in program.lists:
            if code in seen:
                raise doc.error(
                    ("programs", i, "lists"), f"list {code!r} already feeds {seen[code]!r}"
                )
            seen[code] = program.id
    if config.unmapped.source not in config.sources:
        raise DataError(str(path), None, "unmapped.source", "unknown source")
    return config
