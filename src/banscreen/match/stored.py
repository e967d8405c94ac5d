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

Every record is msgpack (lists, maps, numbers, strings) and carries a CRC-32 of its bytes:
a damaged page is found when it is read (`IndexDamaged`). The manifest beside the data
(`manifest.json`: the content key, the data file's size and a digest of the whole file)
is checked before an index is used at all.
"""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Protocol, TypeVar

import lmdb
import msgpack

from ..errors import IndexDamaged
from ..tunables import CACHE_ENTRIES

FORMAT = 1
MANIFEST = "manifest.json"
_DATA = "data.mdb"
# Virtual address space reserved for a writer; the file grows only as records are written.
_MAP_SIZE = 1 << 38
_CRC = struct.Struct("<I")

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


class Stored(Protocol):
    STORED: ClassVar[dict[str, Spec]]


# ------------------------------------------------------------------ writing
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
        self._scalars[_SCALARS + name.encode()] = _checked(msgpack.packb(value, use_bin_type=True))

    def table(self, name: str, mapping: Collection[Any], kind: str) -> None:
        """A table's records, sorted, appended in one call (tables are numbered in the
        order they are written, so every record goes at the end of the file)."""
        self._tables += 1
        prefix = _prefix(self._tables)
        self.scalar(f"table:{name}", [self._tables, len(mapping), kind])
        self.counts[name] = len(mapping)
        pack = msgpack.Packer(use_bin_type=True).pack
        items: list[tuple[bytes, bytes]]
        if kind == "records":
            items = [(prefix + _int_key(i), _checked(pack(r))) for i, r in enumerate(mapping)]
        elif kind == "keys":
            items = sorted((prefix + _key(key), _checked(b"")) for key in mapping)
        else:
            assert isinstance(mapping, Mapping)
            encode: Callable[[Any], Any] = sorted if kind == "set" else _same
            items = sorted(
                (prefix + _key(key), _checked(pack(encode(value))))
                for key, value in mapping.items()
            )
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
# LMDB lets a process open an environment once: every index opened here, by path, with the
# identity of its data file when opened.
_READERS: dict[str, tuple[tuple[int, int], IndexReader]] = {}


def open_reader(path: Path) -> IndexReader:
    """The process's reader of the index at `path`; a new one if the file was replaced."""
    try:
        stat = (path / _DATA).stat()
    except OSError as exc:
        raise IndexDamaged(f"stored index unreadable: {exc}") from None
    identity = (stat.st_ino, stat.st_mtime_ns)
    known = _READERS.get(str(path))
    if known is not None:
        if known[0] == identity:
            return known[1]
        known[1].close()
    reader = IndexReader(path)
    _READERS[str(path)] = (identity, reader)
    return reader


def forget_reader(path: Path) -> None:
    """Close the reader of an index about to be deleted."""
    known = _READERS.pop(str(path), None)
    if known is not None:
        known[1].close()


class IndexReader:
    """One stored index, opened read-only (through `open_reader`)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._open()

    def close(self) -> None:
        self._env.close()

    def _open(self) -> None:
        """Read-only and without LMDB's lock table (the files never change once written):
        a worker forked after this keeps reading the same mapped pages, which is why the
        environment is not opened again in it (LMDB refuses a second open in one process)."""
        try:
            self._env = lmdb.open(str(self.path), readonly=True, lock=False, max_dbs=0,
                                  readahead=False, create=False)  # fmt: skip
        except lmdb.Error as exc:
            raise IndexDamaged(f"cannot open the stored index: {exc}") from None
        self._txn = self._env.begin(buffers=False)

    def raw(self, key: bytes) -> bytes | None:
        """A record's bytes, once its checksum is checked."""
        data = self._txn.get(key)
        if data is None:
            return None
        payload = data[4:]
        if len(data) < 4 or _CRC.unpack_from(data)[0] != zlib.crc32(payload):
            raise IndexDamaged(f"a damaged record in the stored index {self.path.name}")
        return payload

    def scalar(self, name: str) -> Any:
        payload = self.raw(_SCALARS + name.encode())
        if payload is None:
            raise IndexDamaged(f"the stored index has no {name!r}")
        return msgpack.unpackb(payload, use_list=False, strict_map_key=False)

    def table(self, name: str) -> StoredMap | StoredSequence:
        number, size, kind = self.scalar(f"table:{name}")
        if kind == "records":
            return StoredSequence(self, _prefix(number), size)
        return StoredMap(self, _prefix(number), size, kind)


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


class StoredMap(Mapping[Any, Any]):
    """A read-only mapping over one stored table, decoding records on first use."""

    def __init__(self, reader: IndexReader, prefix: bytes, size: int, kind: str) -> None:
        self._reader = reader
        self._prefix = prefix
        self._size = size
        self._kind = kind
        self._decoded: dict[Any, Any] = {}

    def get(self, key: Any, default: Any = None) -> Any:
        found = self._decoded.get(key, _MISSING)
        if found is _MISSING:
            found = self._fetch(key)
            if len(self._decoded) >= CACHE_ENTRIES:
                self._decoded.clear()
            self._decoded[key] = found
        return default if found is _MISSING else found

    def _fetch(self, key: Any) -> Any:
        payload = self._reader.raw(self._prefix + _key(key))
        if payload is None:
            return _MISSING
        if self._kind == "keys":
            return True
        value = msgpack.unpackb(payload, use_list=False, strict_map_key=False)
        if self._kind == "set":
            return frozenset(value)
        return value

    def __getitem__(self, key: Any) -> Any:
        found = self.get(key, _MISSING)
        if found is _MISSING:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return self.get(key, _MISSING) is not _MISSING

    def __len__(self) -> int:
        return self._size

    def __bool__(self) -> bool:
        return self._size > 0

    def __iter__(self) -> Iterator[Any]:
        """Keys, in stored order (for tools and tests; queries look keys up)."""
        cursor = self._reader._txn.cursor()
        if not cursor.set_range(self._prefix):
            return
        for raw in cursor.iternext(keys=True, values=False):
            if not raw.startswith(self._prefix):
                return
            yield _unkey(raw[len(self._prefix) :])


class Column(Mapping[Any, Any]):
    """One field of a `Group`'s records, read as a mapping of its own (a key whose field
    is None is not in it)."""

    def __init__(self, table: StoredMap, field: int, kind: str, count: int) -> None:
        self._table = table
        self._field = field
        self._set = kind == "set"
        self._count = count
        self._sets: dict[Any, frozenset[Any]] = {}

    def get(self, key: Any, default: Any = None) -> Any:
        record = self._table.get(key)
        if record is None or record[self._field] is None:
            return default
        if not self._set:
            return record[self._field]
        found = self._sets.get(key)
        if found is None:
            if len(self._sets) >= CACHE_ENTRIES:
                self._sets.clear()
            found = self._sets[key] = frozenset(record[self._field])
        return found

    def __getitem__(self, key: Any) -> Any:
        found = self.get(key, _MISSING)
        if found is _MISSING:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        record = self._table.get(key)
        return record is not None and record[self._field] is not None

    def __len__(self) -> int:
        return self._count

    def __bool__(self) -> bool:
        return self._count > 0

    def __iter__(self) -> Iterator[Any]:
        return (k for k in self._table if k in self)


class StoredSequence(Sequence[Any]):
    """A read-only list of msgpack records, decoded by index on use."""

    def __init__(self, reader: IndexReader, prefix: bytes, size: int) -> None:
        self._reader = reader
        self._prefix = prefix
        self._size = size
        self._loaded: dict[int, Any] = {}

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._size))]
        if i < 0:
            i += self._size
        if not 0 <= i < self._size:
            raise IndexError(i)
        found = self._loaded.get(i)
        if found is None:
            payload = self._reader.raw(self._prefix + _int_key(i))
            if payload is None:
                raise IndexDamaged(f"the stored index has no entry {i}")
            found = msgpack.unpackb(payload, use_list=False, strict_map_key=False)
            if len(self._loaded) >= CACHE_ENTRIES:
                self._loaded.clear()
            self._loaded[i] = found
        return found


_MISSING = object()
_SCALARS = b"\xff"


def _same(value: Any) -> Any:
    return value


def _checked(payload: bytes) -> bytes:
    return _CRC.pack(zlib.crc32(payload)) + payload


def _prefix(number: int) -> bytes:
    return struct.pack(">H", number)


def _int_key(i: int) -> bytes:
    return struct.pack(">I", i)


def _key(key: Any) -> bytes:
    """Keys are strings or ints (a tag byte keeps the two apart)."""
    if isinstance(key, str):
        return b"s" + key.encode("utf-8", "surrogatepass")
    assert isinstance(key, int) and not isinstance(key, bool), f"table key {key!r}"
    return b"i" + struct.pack(">q", key)


def _unkey(raw: bytes) -> Any:
    if raw[:1] == b"i":
        return struct.unpack(">q", raw[1:])[0]
    return raw[1:].decode("utf-8", "surrogatepass")


# ------------------------------------------------------------------ manifest
def file_digest(path: Path) -> str:
    """CRC-32 of the data file, read in large blocks (a fast whole-file check)."""
    crc = 0
    with (path / _DATA).open("rb") as fh:
        while block := fh.read(1 << 22):
            crc = zlib.crc32(block, crc)
    return f"{crc:08x}"


def write_manifest(path: Path, key: str, counts: dict[str, int]) -> None:
    manifest = {
        "format": FORMAT,
        "key": key,
        "size": (path / _DATA).stat().st_size,
        "crc32": file_digest(path),
        "counts": counts,
    }
    (path / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))


def check_manifest(path: Path, key: str, full: bool) -> dict[str, Any]:
    """The manifest of a stored index, if it is the one for `key` and intact; with `full`,
    the whole data file is read and its digest compared too."""
    try:
        manifest: dict[str, Any] = json.loads((path / MANIFEST).read_text())
        size = (path / _DATA).stat().st_size
    except (OSError, ValueError) as exc:
        raise IndexDamaged(f"stored index unreadable: {exc}") from None
    if manifest.get("format") != FORMAT or manifest.get("key") != key:
        raise IndexDamaged("stored index was built for other lists, packs or code")
    if manifest.get("size") != size:
        raise IndexDamaged(f"stored index is {size} bytes, its manifest says {manifest['size']}")
    if full and manifest.get("crc32") != file_digest(path):
        raise IndexDamaged("stored index does not match its checksum")
    return manifest


Builder = Callable[[IndexWriter], None]
