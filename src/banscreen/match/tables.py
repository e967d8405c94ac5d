"""The stored name index read back: one read-only LMDB environment per index and process
(`open_reader`), its tables as mappings that decode a record on first use (`StoredMap`,
`Column`, `StoredSequence`), the record and key codecs, and the manifest beside the data.

Every record is msgpack and carries a CRC-32 of its bytes: a damaged page is found when it
is read (`IndexDamaged`). The manifest (`manifest.json`: the content key, the data file's
size and a CRC-32 of the whole file) is checked whenever an index is opened; the whole-file
CRC is read once per version of the file (`check_manifest`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import struct
import zlib
from collections.abc import Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import lmdb
import msgpack

from ..errors import IndexDamaged
from ..tunables import STORED_RECORDS, WHOLE_TABLE_RECORDS

FORMAT = 1
MANIFEST = "manifest.json"
_DATA = "data.mdb"
# The data file's identity (inode, size, change and modification times) when its checksum
# last matched: while the file keeps that identity it has not been written since, and the
# whole-file read is skipped (it is a tenth of a start with a large list).
_VERIFIED = "verified.json"
_CRC = struct.Struct("<I")


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
    if known is not None and known[0] == identity:
        return known[1]
    reader = IndexReader(path)
    _READERS[str(path)] = (identity, reader)
    return reader


def forget_reader(path: Path) -> None:
    """Stop handing out the reader of an index about to be deleted. It is not closed:
    indexes opened through it may still be in use, and read the deleted file's pages until
    they go (LMDB tells environments apart by file, so the rebuilt one opens afresh)."""
    _READERS.pop(str(path), None)


class IndexReader:
    """One stored index, opened read-only (through `open_reader`)."""

    def __init__(self, path: Path) -> None:
        """Read-only and without LMDB's lock table (the files never change once written):
        a worker forked after this keeps reading the same mapped pages, which is why the
        environment is not opened again in it (LMDB refuses a second open in one process)."""
        self.path = path
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
        return self._payload(data)

    def _payload(self, data: bytes) -> bytes:
        payload = data[4:]
        if len(data) < 4 or int.from_bytes(data[:4], "little") != zlib.crc32(payload):
            raise IndexDamaged(f"a damaged record in the stored index {self.path.name}")
        return payload

    def records(self, prefix: bytes) -> Iterator[tuple[bytes, bytes]]:
        """Every record of one table, in stored order: (key without the prefix, checked
        payload)."""
        cursor = self._txn.cursor()
        if not cursor.set_range(prefix):
            return
        for key, data in cursor:
            if not key.startswith(prefix):
                return
            yield key[len(prefix) :], self._payload(data)

    def scalar(self, name: str) -> Any:
        payload = self.raw(SCALAR_PREFIX + name.encode())
        if payload is None:
            raise IndexDamaged(f"the stored index has no {name!r}")
        return _unpack(payload)

    def table(self, name: str) -> StoredMap | StoredSequence:
        number, size, kind = self.scalar(f"table:{name}")
        if kind == "records":
            return StoredSequence(self, table_prefix(number), size)
        return StoredMap(self, table_prefix(number), size, kind)


class _Lookup(Mapping[Any, Any]):
    """What the stored mappings share: `get` is theirs; the size is known without reading."""

    _count: int

    def __getitem__(self, key: Any) -> Any:
        found = self.get(key, _MISSING)
        if found is _MISSING:
            raise KeyError(key)
        return found

    def __len__(self) -> int:
        return self._count

    def __bool__(self) -> bool:
        return self._count > 0


class StoredMap(_Lookup):
    """A read-only mapping over one stored table, decoding records on first use."""

    def __init__(self, reader: IndexReader, prefix: bytes, size: int, kind: str) -> None:
        self._reader = reader
        self._prefix = prefix
        self._str_prefix = prefix + b"s"  # most keys are strings: their prefix made once
        self._count = size
        self._kind = kind
        self._decoded: dict[Any, Any] = {}
        # A small table is read whole on first use (`_read_whole`); from then on `_decoded`
        # holds every record, and a key not in it is not in the table.
        self._whole = size == 0
        self._small = 0 < size <= WHOLE_TABLE_RECORDS

    def get(self, key: Any, default: Any = None) -> Any:
        found = self._decoded.get(key, _MISSING)
        if found is _MISSING:
            if self._whole:
                return default
            if self._small:
                self._read_whole()
                return self._decoded.get(key, default)
            found = self._fetch(key)
            if len(self._decoded) >= STORED_RECORDS:
                self._decoded.clear()
            self._decoded[key] = found
        return default if found is _MISSING else found

    def _read_whole(self) -> None:
        """Every record of the table, decoded: most keys a query asks a small table for are
        not in it (a table of a few listed Korean names is asked for every query's key), and
        a miss read from the file costs as much as a hit."""
        decoded = {
            table_unkey(key, payload): self._value(payload, key[:1] == LONG_TAG)
            for key, payload in self._reader.records(self._prefix)
        }
        if len(decoded) != self._count:
            raise IndexDamaged(f"a table of the stored index {self._reader.path.name} does "
                               "not hold the records its header counts")  # fmt: skip
        self._decoded, self._whole, self._small = decoded, True, False

    def _fetch(self, key: Any) -> Any:
        long = False
        if key.__class__ is str and len(key) < SHORT_KEY_CHARS:
            raw = self._str_prefix + key.encode("utf-8", "surrogatepass")
        else:
            raw = self._prefix + table_key(key)
            long = raw[len(self._prefix) : len(self._prefix) + 1] == LONG_TAG
        payload = self._reader.raw(raw)
        if payload is None:
            return _MISSING
        if long:  # the record holds the key (another key's digest may be the same) and value
            stored, payload = _unpack(payload)
            if stored != key:
                return _MISSING
        return self._value(payload)

    def _value(self, payload: bytes, long: bool = False) -> Any:
        if self._kind == "keys":
            return True
        value = _unpack(_unpack(payload)[1] if long else payload)
        if self._kind == "set":
            return frozenset(value)
        return value

    def __contains__(self, key: object) -> bool:
        return self.get(key, _MISSING) is not _MISSING

    def __iter__(self) -> Iterator[Any]:
        """Keys, in stored order (for tools and tests; queries look keys up)."""
        cursor = self._reader._txn.cursor()
        if not cursor.set_range(self._prefix):
            return
        for raw, data in cursor.iternext(keys=True, values=True):
            if not raw.startswith(self._prefix):
                return
            yield table_unkey(raw[len(self._prefix) :], self._reader._payload(data))


class Column(_Lookup):
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
            if len(self._sets) >= STORED_RECORDS:
                self._sets.clear()
            found = self._sets[key] = frozenset(record[self._field])
        return found

    def __contains__(self, key: object) -> bool:
        record = self._table.get(key)
        return record is not None and record[self._field] is not None

    def __iter__(self) -> Iterator[Any]:
        return (k for k in self._table if k in self)


class StoredSequence(Sequence[Any]):
    """A read-only list of msgpack records, decoded by index on every use: its one reader
    (`entries.StoredEntries`) keeps what it makes of them."""

    def __init__(self, reader: IndexReader, prefix: bytes, size: int) -> None:
        self._reader = reader
        self._prefix = prefix
        self._size = size

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._size))]
        if i < 0:
            i += self._size
        if not 0 <= i < self._size:
            raise IndexError(i)
        payload = self._reader.raw(self._prefix + int_key(i))
        if payload is None:
            raise IndexDamaged(f"the stored index has no entry {i}")
        return _unpack(payload)


_MISSING = object()
_unpack = partial(msgpack.unpackb, use_list=False, strict_map_key=False)
SCALAR_PREFIX = b"\xff"
# Keys of this many bytes or more are stored under a digest (LMDB's limit is 511 bytes,
# table prefix and tag included).
LONG_KEY_BYTES = 480
SHORT_KEY_CHARS = LONG_KEY_BYTES // 4  # a string this short is short in any encoding
LONG_TAG = b"h"


def checked(payload: bytes) -> bytes:
    return _CRC.pack(zlib.crc32(payload)) + payload


def table_prefix(number: int) -> bytes:
    return struct.pack(">H", number)


def int_key(i: int) -> bytes:
    return struct.pack(">I", i)


def table_key(key: Any) -> bytes:
    """Keys are strings or ints (a tag byte keeps the two apart). LMDB takes keys of 511
    bytes at most: a longer string (a listed name of some 250 Cyrillic letters) is stored
    under a digest of it, its record holding the key itself (`long_record`)."""
    if isinstance(key, str):
        encoded = key.encode("utf-8", "surrogatepass")
        return b"s" + encoded if len(encoded) < LONG_KEY_BYTES else _long_key(encoded)
    assert isinstance(key, int) and not isinstance(key, bool), f"table key {key!r}"
    return b"i" + struct.pack(">q", key)


def _long_key(encoded: bytes) -> bytes:
    return LONG_TAG + hashlib.blake2b(encoded, digest_size=32).digest()


def long_record(key: str, packed: bytes) -> list[Any]:
    """What a record under a long key stores: the key, then its value as packed."""
    return [key, packed]


def table_unkey(raw: bytes, payload: bytes = b"") -> Any:
    """A key from its stored form; a long key's from its record (`payload`)."""
    if raw[:1] == b"i":
        return struct.unpack(">q", raw[1:])[0]
    if raw[:1] == LONG_TAG:
        return _unpack(payload)[0]
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
    """The manifest of a data file just written, and its stamp as verified: the checksum
    was taken from the file as it now is, so the first open need not read it whole again."""
    crc = file_digest(path)
    stat = (path / _DATA).stat()
    manifest = {"format": FORMAT, "key": key, "size": stat.st_size, "crc32": crc,
                "counts": counts}  # fmt: skip
    (path / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    _stamp(path, _identity(stat, crc))


def check_manifest(path: Path, key: str) -> dict[str, Any]:
    """The manifest of a stored index, if it is the one for `key` and intact: the whole
    data file is read and its digest compared too, unless it was verified before and has
    not been written since."""
    try:
        manifest: dict[str, Any] = json.loads((path / MANIFEST).read_text())
        stat = (path / _DATA).stat()
    except (OSError, ValueError) as exc:
        raise IndexDamaged(f"stored index unreadable: {exc}") from None
    if manifest.get("format") != FORMAT or manifest.get("key") != key:
        raise IndexDamaged("stored index was built for other lists, packs or code")
    if manifest.get("size") != stat.st_size:
        raise IndexDamaged(
            f"stored index is {stat.st_size} bytes, its manifest says {manifest['size']}"
        )
    identity = _identity(stat, manifest.get("crc32"))
    with contextlib.suppress(OSError, ValueError):
        if json.loads((path / _VERIFIED).read_text()) == identity:
            return manifest
    if manifest.get("crc32") != file_digest(path):
        raise IndexDamaged("stored index does not match its checksum")
    _stamp(path, identity)
    return manifest


def _identity(stat: os.stat_result, crc: str | None) -> list[Any]:
    return [stat.st_ino, stat.st_size, stat.st_ctime_ns, stat.st_mtime_ns, crc]


def _stamp(path: Path, identity: list[Any]) -> None:
    with contextlib.suppress(OSError):
        tmp = path / f"{_VERIFIED}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(identity))
        os.replace(tmp, path / _VERIFIED)
