"""The name index on disk: built once, opened in milliseconds, shared by every process.

Everything the name index holds depends only on the registry and the matching config, so it
is written once (after `lists import`, or on the first start after a pack changes) to an
LMDB environment and read back through memory-mapped pages: opening costs a file open, a
query decodes only the few records it touches, and processes screening against the same
index (`screen --workers`, a server's workers) share one copy of its pages in the page
cache instead of each holding a copy as Python objects.

The index's classes say which of their attributes are stored and how (`STORED`, a map
from attribute to `Table`, `Tables`, `Group`, `Part`, `Parts` or `SCALAR`); `dump` writes
an object and its parts, `load` makes one back from its records without running its
constructor. Each table becomes a `StoredMap`: a read-only mapping that decodes a record
when it is first asked for and keeps a bounded number of them decoded.

Writing and the specs are here; reading, the record codecs and the manifest in tables.py.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import lmdb
import msgpack

from .tables import (
    LONG_TAG,
    SCALAR_PREFIX,
    SHORT_KEY_CHARS,
    Column,
    IndexReader,
    StoredMap,
    checked,
    int_key,
    long_record,
    table_key,
    table_prefix,
)

# What writing an index may fail with (a read-only or full disk): the caller then screens
# from the index built in memory.
WRITE_ERRORS: tuple[type[Exception], ...] = (OSError, lmdb.Error)
# Virtual address space reserved for a writer; the file grows only as records are written.
_MAP_SIZE = 1 << 38

T = TypeVar("T")


# ------------------------------------------------------------------ specs
@dataclass(frozen=True)
class Table:
    """A mapping attribute. `kind`: `map` (values as stored: tuples, dicts, numbers),
    `set` (each value a frozenset), `keys` (a set: membership only), `records` (a list of
    records, by position)."""

    kind: str = "map"


@dataclass(frozen=True)
class Tables:
    """A dict of tables under a few fixed keys (`{True: {...}, False: {...}}`)."""

    keys: tuple[Any, ...]
    kind: str = "map"


@dataclass(frozen=True)
class Part:
    """A stored object held by this one."""

    cls: type


@dataclass(frozen=True)
class Parts:
    """A dict of stored objects under a few fixed keys."""

    cls: type
    keys: tuple[Any, ...]


@dataclass(frozen=True)
class Group:
    """Several mappings of one key space stored as one record per key (fewer records to
    write and look up): `fields` are (attribute, kind) pairs, kind `map` or `set`. Each
    attribute reads back as a `Column` of the group's table."""

    fields: tuple[tuple[str, str], ...]


SCALAR = "scalar"
Spec = Table | Tables | Part | Parts | Group | str


# ------------------------------------------------------------------ writing
def _same(value: Any) -> Any:
    return value


def _items(
    prefix: bytes, pairs: Iterable[tuple[Any, bytes]], pack: Callable[[Any], bytes]
) -> list[tuple[bytes, bytes]]:
    """A table's records, sorted: (key, payload) of each (key, packed value). A string
    short in any encoding is keyed as it is, at once (most keys, a million with a large
    list); a long key's payload holds the key too (tables.py)."""
    strings = prefix + b"s"
    out = []
    for key, packed in pairs:
        if key.__class__ is str and len(key) < SHORT_KEY_CHARS:
            out.append((strings + key.encode("utf-8", "surrogatepass"), checked(packed)))
            continue
        raw = table_key(key)
        if raw[:1] == LONG_TAG:
            packed = pack(long_record(key, packed))
        out.append((prefix + raw, checked(packed)))
    out.sort()
    return out


class IndexWriter:
    """Writes one index to a new directory in one transaction."""

    def __init__(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._env = lmdb.open(str(path), map_size=_MAP_SIZE, max_dbs=0, sync=False,
                              metasync=False, lock=True, readahead=False)  # fmt: skip
        self._txn = self._env.begin(write=True)
        self._tables = 0
        self._scalars: dict[bytes, bytes] = {}
        self.counts: dict[str, int] = {}

    def scalar(self, name: str, value: object) -> None:
        """Scalars sort after every table (b"\xff"), and are written last."""
        self._scalars[SCALAR_PREFIX + name.encode()] = checked(
            msgpack.packb(value, use_bin_type=True)
        )

    def table(self, name: str, mapping: Collection[Any], kind: str) -> None:
        """A table's records, sorted, appended in one call (tables are numbered in the
        order they are written, so every record goes at the end of the file)."""
        self._tables += 1
        prefix = table_prefix(self._tables)
        self.scalar(f"table:{name}", [self._tables, len(mapping), kind])
        self.counts[name] = len(mapping)
        pack = msgpack.Packer(use_bin_type=True).pack
        items: list[tuple[bytes, bytes]]
        if kind == "records":
            items = [(prefix + int_key(i), checked(pack(r))) for i, r in enumerate(mapping)]
        elif kind == "keys":
            items = _items(prefix, ((key, b"") for key in mapping), pack)
        else:
            assert isinstance(mapping, Mapping)
            encode: Callable[[Any], Any] = sorted if kind == "set" else _same
            items = _items(prefix, ((k, pack(encode(v))) for k, v in mapping.items()), pack)
        self._txn.cursor().putmulti(items, append=True)

    def group(self, name: str, columns: list[tuple[Mapping[Any, Any], str]]) -> None:
        """Several mappings as one table of records [value of each, or None]."""
        keys = dict.fromkeys(k for mapping, _ in columns for k in mapping)
        records = {
            key: [
                None if (v := mapping.get(key)) is None else (sorted(v) if kind == "set" else v)
                for mapping, kind in columns
            ]
            for key in keys
        }
        self.table(name, records, "map")
        self.scalar(f"group:{name}", [sum(1 for v in m.values() if v is not None)
                                      for m, _ in columns])  # fmt: skip

    def close(self) -> None:
        self._txn.cursor().putmulti(sorted(self._scalars.items()), append=True)
        self._txn.commit()
        self._env.sync(True)
        self._env.close()


def dump(obj: Any, writer: IndexWriter, prefix: str) -> None:
    """Write `obj`'s stored attributes (and its parts', recursively) under `prefix`."""
    for attr, spec in type(obj).STORED.items():
        name = f"{prefix}.{attr}"
        if isinstance(spec, Group):
            writer.group(name, [(getattr(obj, field), kind) for field, kind in spec.fields])
            continue
        made = getattr(obj, f"_dump{attr}", None)  # a table made only to be stored
        value = made() if made is not None else getattr(obj, attr)
        if spec == SCALAR:
            writer.scalar(name, value)
        elif isinstance(spec, Table):
            writer.table(name, value, spec.kind)
        elif isinstance(spec, Tables):
            for key in spec.keys:
                writer.table(f"{name}.{key}", value[key], spec.kind)
        elif isinstance(spec, Part):
            dump(value, writer, name)
        elif isinstance(spec, Parts):
            for key in spec.keys:
                dump(value[key], writer, f"{name}.{key}")


# ------------------------------------------------------------------ reading
def load(cls: type[T], reader: IndexReader, prefix: str, **given: Any) -> T:
    """An object of `cls` with its stored attributes read back and `given` set as is (on it,
    not on its parts); the constructor is not run. A class may finish itself in
    `_opened()`."""
    obj = cls.__new__(cls)
    for attr, given_value in given.items():
        setattr(obj, attr, given_value)
    for attr, spec in cls.STORED.items():  # type: ignore[attr-defined]
        name = f"{prefix}.{attr}"
        value: Any
        if isinstance(spec, Group):
            table = reader.table(name)
            assert isinstance(table, StoredMap)
            counts = reader.scalar(f"group:{name}")
            for k, (field, kind) in enumerate(spec.fields):
                setattr(obj, field, Column(table, k, kind, counts[k]))
            continue
        if spec == SCALAR:
            value = reader.scalar(name)
        elif isinstance(spec, Table):
            value = reader.table(name)
        elif isinstance(spec, Tables):
            value = {key: reader.table(f"{name}.{key}") for key in spec.keys}
        elif isinstance(spec, Part):
            value = load(spec.cls, reader, name)
        elif isinstance(spec, Parts):
            value = {key: load(spec.cls, reader, f"{name}.{key}") for key in spec.keys}
        setattr(obj, attr, value)
    finish = getattr(obj, "_opened", None)
    if finish is not None:
        finish()
    return obj
