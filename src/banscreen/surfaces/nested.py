"""Values inside a row's objects, read as columns by their dotted paths ("merchant.name").

Payment APIs' exports nest the counterparty in an object: Revolut's `merchant.name`, UK
Open Banking's `CreditorAccount.Name`, Stripe's `billing_details.name`; a warehouse's
Parquet export holds the same as struct columns. Read as one column each, such rows were
ERRORs (an object where text is expected) or screened without their names.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# How far into a row's objects their values are looked for (`nested_paths`): an export's
# party is an object ("merchant": {"name": …}), at times inside another ("payee": {"account":
# {"name": …}}).
_NESTED_DEPTH = 3


def nested_paths(row: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """{dotted path: keys} of the values inside a JSON row's objects, up to `_NESTED_DEPTH`
    objects down ("merchant.name": ("merchant", "name")): where an API's export nests the
    counterparty's name, which a header alias then reads as a column's."""
    found: dict[str, tuple[str, ...]] = {}

    def walk(value: dict[str, Any], keys: tuple[str, ...]) -> None:
        for key, item in value.items():
            at = (*keys, str(key))
            if isinstance(item, dict):
                if len(at) < _NESTED_DEPTH:
                    walk(item, at)
            elif not isinstance(item, list):
                found.setdefault(".".join(at), at)

    for key, item in row.items():
        if isinstance(item, dict):
            walk(item, (str(key),))
    return found


def nested_values(row: Mapping[str, Any]) -> dict[str, Any]:
    """{dotted path: value} of `nested_paths`."""
    return {path: at_path(row, keys) for path, keys in nested_paths(row).items()}


def at_path(row: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    """The value at `keys` inside a JSON row, or None where a row has no such object."""
    value: Any = row
    for key in keys:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def schema_paths(schema: Any) -> dict[str, tuple[str, ...]]:
    """`nested_paths` of a Parquet file's struct columns, from its Arrow schema: every row
    holds the same."""
    import pyarrow as pa

    found: dict[str, tuple[str, ...]] = {}

    def walk(kind: Any, keys: tuple[str, ...]) -> None:
        for child in kind:
            at = (*keys, child.name)
            if pa.types.is_struct(child.type):
                if len(at) < _NESTED_DEPTH:
                    walk(child.type, at)
            elif not pa.types.is_list(child.type) and not pa.types.is_large_list(child.type):
                found.setdefault(".".join(at), at)

    for field in schema:
        if pa.types.is_struct(field.type):
            walk(field.type, (field.name,))
    return found
