"""A request body that names a field twice. The JSON parser keeps the last value alone, so
`{"counterparty_name": "<a listed firm>", "counterparty_name": "Acme"}` was screened as
Acme: CLEAR. The body is read again keeping every pair, and a transaction whose copies
of a field differ is an ERROR naming the field, as a file's row with a repeated column is
(surfaces/header.py); a body naming `transactions` twice, whose first list would go
unanswered, is refused."""

from __future__ import annotations

import json
from typing import Any

from fastapi import HTTPException

from ..errors import FieldError
from ..surfaces.header import RepeatedKeys, keyed_object


def repeated_fields(body: bytes) -> dict[int, FieldError]:
    """Each transaction's (by its place in the request, from 0) error for a field given
    twice with different values; none for a body that repeats no key."""
    try:
        value: Any = json.loads(body, object_pairs_hook=keyed_object)
    except (ValueError, RecursionError):  # the model's validation has answered for it
        return {}
    if isinstance(value, RepeatedKeys):
        keys = [key for key, _ in value.pairs]
        if keys.count("transactions") > 1:
            raise HTTPException(422, "the body names `transactions` more than once")
    batch = isinstance(value, dict) and isinstance(value.get("transactions"), list)
    items = value["transactions"] if batch else [value]
    out: dict[int, FieldError] = {}
    for i, item in enumerate(items):
        if isinstance(item, RepeatedKeys):
            clash = item.resolved()[1]
            if clash is not None:
                out[i] = clash
    return out
