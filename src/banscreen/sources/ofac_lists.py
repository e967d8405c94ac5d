"""Which OFAC list each entry of an OFAC file is on: data/lists/ofac_lists.yaml.

OFAC's files name program tags, not lists, and its consolidated non-SDN list comes in the
same formats as the SDN list: read as the SDN list, every NS-CMIC securities restriction
and SSI directive would BLOCK. The rules decide from the tags and identifier types whether
the file is the non-SDN list and which list each of its entries is on.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ..registry import shipped_data_dir
from ..registry.yamlfile import YamlDocument
from .records import ListContent, ListRecord


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ListRule(_Strict):
    tag: str | None = None
    id_type: str | None = None
    list: str = Field(min_length=1)
    name: str = Field(min_length=1)

    def applies(self, record: ListRecord) -> bool:
        if self.tag is not None:
            return any(re.search(self.tag, p) for p in record.programs)
        if self.id_type is not None:
            return any(re.search(self.id_type, label) for label, _ in record.identifiers)
        return True


class OfacListsSchema(_Strict):
    sources: dict[str, str] = Field(min_length=1)
    file_name: str
    non_sdn_only: list[ListRule]
    in_non_sdn_file: list[ListRule]
    otherwise: ListRule
    source: str


def load_ofac_lists(path: Path | None = None) -> OfacListsSchema:
    return _load(path or shipped_data_dir() / "lists" / "ofac_lists.yaml")


@lru_cache(maxsize=4)
def _load(path: Path) -> OfacListsSchema:
    doc = YamlDocument(path)
    config = doc.validated(OfacListsSchema)
    for section in ("non_sdn_only", "in_non_sdn_file"):
        for i, rule in enumerate(getattr(config, section)):
            if (rule.tag is None) == (rule.id_type is None):
                raise doc.error((section, i), "give exactly one of tag and id_type")
            for pattern in (rule.tag, rule.id_type):
                try:
                    re.compile(pattern or "")
                except re.error as exc:
                    raise doc.error((section, i), f"not a regular expression: {exc}") from None
    if config.source not in config.sources:
        raise doc.error(("source",), f"unknown source {config.source!r}")
    return config


def assign_lists(content: ListContent) -> None:
    """Put each entry of an OFAC file on its list, and name the file's list, in place."""
    config = load_ofac_lists()
    marked = [next((r for r in config.non_sdn_only if r.applies(x)), None) for x in content.records]
    if not any(marked):
        return  # the SDN list: every entry stays on it
    content.name = config.file_name
    for i, record in enumerate(content.records):
        rule = marked[i] or next(
            (r for r in config.in_non_sdn_file if r.applies(record)), config.otherwise
        )
        content.records[i] = replace(record, list_code=rule.list, source_name=rule.name)
