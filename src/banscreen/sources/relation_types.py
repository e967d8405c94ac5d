"""Which registry relation each published relationship label becomes: data/lists/relations.yaml,
validated at load."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ..registry import shipped_data_dir
from ..registry.schema import SLUG
from ..registry.yamlfile import YamlDocument

# The relations coverage can walk (decide/coverage.py); every other kind reaches nothing.
REACHING = ("controls", "owns", "subsidiary_of")
_KIND = r"^[a-z][a-z_]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RelationTypeSchema(_Strict):
    published: str = Field(min_length=1)
    kind: str = Field(pattern=_KIND)
    reverse: bool = False
    source: str = Field(pattern=SLUG)


class RelationTypesSchema(_Strict):
    sources: dict[str, str] = Field(min_length=1)
    relations: list[RelationTypeSchema]
    unknown: str = Field(pattern=_KIND)

    def kind_of(self, label: str) -> tuple[str, bool]:
        """(registry kind, reversed) of a published label; unknown labels reach nothing."""
        wanted = " ".join(label.split()).casefold()
        for item in self.relations:
            if item.published.casefold() == wanted:
                return item.kind, item.reverse
        return self.unknown, False


def load_relation_types(path: Path | None = None) -> RelationTypesSchema:
    return _load(path or shipped_data_dir() / "lists" / "relations.yaml")


@lru_cache(maxsize=4)
def _load(path: Path) -> RelationTypesSchema:
    doc = YamlDocument(path)
    config = doc.validated(RelationTypesSchema)
    for i, item in enumerate(config.relations):
        if item.source not in config.sources:
            raise doc.error(("relations", i, "source"), f"unknown source {item.source!r}")
    if config.unknown in REACHING:
        raise doc.error(("unknown",), "an unknown relationship must not reach")
    return config
