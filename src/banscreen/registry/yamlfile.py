"""Read a YAML file keeping line numbers, so validation errors can point at the line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import TypeAdapter, ValidationError

from ..errors import DataError

M = TypeVar("M")


class _PackLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so pydantic reports a bad date by its field."""


_PackLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class YamlDocument:
    """A parsed YAML file plus its node tree, to map a field path back to a line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataError(str(path), None, "file", f"cannot read: {exc}") from exc
        try:
            self.node = yaml.compose(text, Loader=_PackLoader)
            self.data: Any = yaml.load(text, Loader=_PackLoader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            raise DataError(str(path), line, "yaml", str(exc).replace("\n", " ")) from exc
        self.text = text
        self._no_duplicate_keys(self.node)

    def _no_duplicate_keys(self, node: yaml.Node | None) -> None:
        """A key given twice in one mapping would silently drop the first value (an entity's
        second `identifiers:` block hiding its first): an error, at the second key's line."""
        stack = [node] if node is not None else []
        while stack:
            current = stack.pop()
            if isinstance(current, yaml.MappingNode):
                seen: set[str] = set()
                for key_node, value_node in current.value:
                    key = str(key_node.value)
                    if key in seen:
                        line = key_node.start_mark.line + 1
                        raise DataError(str(self.path), line, key, "key given twice")
                    seen.add(key)
                    stack.append(value_node)
            elif isinstance(current, yaml.SequenceNode):
                stack.extend(current.value)

    def line_of(self, loc: Sequence[int | str]) -> int | None:
        """Line (1-based) of the deepest node on `loc` that exists in the file."""
        node = self.node
        if node is None:
            return None
        line: int = node.start_mark.line + 1
        for key in loc:
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == key:
                        node = value_node
                        line = key_node.start_mark.line + 1
                        break
                else:
                    return line
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
                if key >= len(node.value):
                    return line
                node = node.value[key]
                line = node.start_mark.line + 1
            else:
                return line
        return line

    def validated(self, model: type[M]) -> M:
        """The document as `model` (a pydantic model or a dataclass), or the DataError of its
        first problem, at its line."""
        try:
            return TypeAdapter(model).validate_python(self.data)
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = tuple(p for p in first["loc"] if isinstance(p, int | str))
            raise self.error(loc, first["msg"]) from None

    def error(self, loc: Sequence[int | str], message: str) -> DataError:
        return DataError(str(self.path), self.line_of(loc), format_loc(loc), message)


def format_loc(loc: Sequence[int | str]) -> str:
    """`entities[3].names[0].kind` from a pydantic-style location tuple."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(document)"
