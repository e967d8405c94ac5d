"""Imported list versions in the data directory: every version kept, the last good one used.

    HOME/lists/index.json                 every import attempt, good or refused, in order
    HOME/lists/versions/ID.jsonl.gz       the parsed records and relations of a good version,
                                          whole or as a delta on an earlier one (deltas.py)

Each version has the date it took effect: the publisher's own issue date when the file gives
one, else the date given on import, else the import date. A list's history is its good
versions in that order; the newest of them is the list's current version, whatever order
the files were imported in (a year of old files can be backfilled).

A new file becomes a version only if it parses completely and does not drop more than
`max_drop` of the records of the list's current version (a truncated download must never
empty a list); otherwise the attempt is recorded as refused, with the reason, and the last
good version stays in use. Files are written to a temporary name and renamed, so a crash
never leaves a half-written version or index.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import tempfile
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import ListError
from ..gcpause import paused
from .deltas import FULL_EVERY, delta_lines, parse_lines, whole_lines
from .entities import VersionInfo, slug
from .records import ListContent

DEFAULT_MAX_DROP = 0.10
_FORMAT_LISTS = {
    "ofac-xml": "ofac-sdn",
    "ofac-csv": "ofac-sdn",
    "csl-csv": "csl",
    "csl-json": "csl",
    "un-xml": "un-sc",
}
GOOD, REFUSED = "good", "refused"


@dataclass(frozen=True)
class ListVersion:
    id: str
    list: str  # the list's name: ofac-sdn, csl, ftm-<dataset>, or one the user gave
    format: str
    source: str  # the path or URL it was read from
    retrieved: str  # ISO timestamp (UTC) of the import
    sha256: str  # of the file's bytes, as read
    records: int
    relations: int
    status: str  # good | refused
    reason: str = ""
    published: str | None = None  # the publisher's issue date, or the date given on import
    base: str | None = None  # the version this one is stored as a delta on

    @property
    def effective(self) -> str:
        """The date (ISO) from which this version is the list in force."""
        return self.published or self.retrieved[:10]

    @property
    def info(self) -> VersionInfo:
        return VersionInfo(
            id=self.id,
            list_name=self.list,
            format=self.format,
            description=(
                f"{self.list} list version {self.id} ({self.format}) from {self.source}, "
                f"published {self.effective}, retrieved {self.retrieved}, "
                f"sha256 {self.sha256[:16]}, {self.records} records"
            ),
        )


@dataclass(frozen=True)
class ImportResult:
    version: ListVersion
    previous: ListVersion | None
    unchanged: bool = False


def content_hash(path: Path) -> str:
    digest = hashlib.sha256()
    files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    for file in files:
        with file.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def default_list_name(content: ListContent) -> str:
    if content.name:
        return content.name
    if content.format.startswith("ofac"):
        return "ofac-sdn"
    if content.format.startswith("csl"):
        return "csl"
    if content.format in _FORMAT_LISTS:
        return _FORMAT_LISTS[content.format]
    codes = Counter(r.list_code for r in content.records)
    return f"ftm-{slug(codes.most_common(1)[0][0])}" if codes else "ftm"


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class ListStore:
    def __init__(self, home: Path) -> None:
        self.root = home / "lists"
        self._last: tuple[str, ListContent] | None = None  # a delta chain is read in order

    # ------------------------------------------------------------------ reading
    def versions(self, list_name: str | None = None) -> list[ListVersion]:
        index = self.root / "index.json"
        if not index.is_file():
            return []
        try:
            items = json.loads(index.read_text("utf-8"))["versions"]
        except (ValueError, KeyError, TypeError) as exc:
            raise ListError(f"{index}: unreadable list index: {exc}") from None
        found = [ListVersion(**item) for item in items]
        return [v for v in found if list_name is None or v.list == list_name]

    def current(self) -> list[ListVersion]:
        """The newest good version of each list, in the order the lists were first imported."""
        newest: dict[str, ListVersion] = {}
        for version in self.versions():
            if version.status == GOOD:
                newest.setdefault(version.list, version)
        return [self.history(name)[-1] for name in newest]

    def history(self, list_name: str) -> list[ListVersion]:
        """A list's good versions in the order they took effect (then in import order)."""
        good = [v for v in self.versions(list_name) if v.status == GOOD]
        return sorted(good, key=lambda v: v.effective)  # stable: import order breaks ties

    def resolve(self, ref: str) -> ListVersion:
        """A version by id, unique id prefix, or list name (its current version)."""
        good = [v for v in self.versions() if v.status == GOOD]
        exact = [v for v in good if v.id == ref]
        if exact:
            return exact[0]
        by_list = [v for v in self.current() if v.list == ref]
        if by_list:
            return by_list[0]
        prefixed = [v for v in good if v.id.startswith(ref)]
        if len(prefixed) == 1:
            return prefixed[0]
        if prefixed:
            raise ListError(f"{ref!r} names {len(prefixed)} versions; give more of the id")
        raise ListError(f"no list version {ref!r} (see `banscreen lists`)")

    def version_path(self, version: ListVersion) -> Path:
        return self.root / "versions" / f"{version.id}.jsonl.gz"

    def load(self, version: ListVersion) -> ListContent:
        """A version's records and relations, its delta chain applied."""
        if self._last is not None and self._last[0] == version.id:
            return self._last[1]
        path = self.version_path(version)
        try:
            with gzip.open(path, "rt", encoding="utf-8") as handle:
                content, _ = parse_lines(handle, version.format, version.published, self._base)
        except (OSError, ValueError, TypeError, KeyError) as exc:
            raise ListError(f"{path}: stored list version unreadable: {exc}") from None
        if len(content.records) != version.records:
            raise ListError(
                f"{path}: holds {len(content.records)} records, the index says {version.records}"
            )
        self._last = (version.id, content)
        return content

    def _base(self, ref: str) -> ListContent:
        return self.load(self._by_id(ref))

    def _by_id(self, ref: str) -> ListVersion:
        found = [v for v in self.versions() if v.id == ref and v.status == GOOD]
        if not found:
            raise ListError(f"stored list version {ref!r} (a delta's base) is missing")
        return found[0]

    def _chain(self, version: ListVersion) -> int:
        """How many deltas must be applied to read `version`."""
        depth, ref = 0, version.base
        by_id = {v.id: v for v in self.versions()}
        while ref is not None and ref in by_id:
            depth, ref = depth + 1, by_id[ref].base
        return depth

    # ------------------------------------------------------------------ importing
    def import_file(
        self,
        path: Path,
        fmt: str | None = None,
        name: str | None = None,
        source: str | None = None,
        force: bool = False,
        max_drop: float = DEFAULT_MAX_DROP,
        published: str | None = None,
    ) -> ImportResult:
        """Parse `path` and keep it as a new version, or refuse it (ListError) and say why.

        `published` dates a file that carries no issue date of its own (ISO date)."""
        retrieved = datetime.now(UTC).replace(microsecond=0).isoformat()
        origin = source or str(path)
        from .formats import detect_format, read_list  # the importers: only to import

        try:
            fmt = fmt or detect_format(path)
            sha = content_hash(path)
            with paused():  # a large list is hundreds of thousands of live objects
                content = read_list(path, fmt)
        except ListError as exc:
            guess = name or _FORMAT_LISTS.get(fmt or "", "unknown")
            self._refuse(guess, fmt or "unknown", origin, retrieved, str(exc))
            raise
        list_name = name or default_list_name(content)
        history = self.history(list_name)
        same = next((v for v in history if v.sha256 == sha), None)
        if same is not None:
            return ImportResult(same, same, unchanged=True)
        effective = content.published or published or retrieved[:10]
        # The version it is checked against: the one in force on its date (else the oldest).
        earlier = [v for v in history if v.effective <= effective]
        previous = earlier[-1] if earlier else (history[0] if history else None)
        count = len(content.records)
        if previous is not None and not force and previous.records:
            dropped = 1 - count / previous.records
            if dropped > max_drop:
                reason = (
                    f"{count} records against {previous.records} in {previous.id}: "
                    f"{dropped:.0%} fewer, more than the {max_drop:.0%} allowed "
                    "(truncated download?); use --force if the list really shrank"
                )
                self._refuse(list_name, content.format, origin, retrieved, reason, sha, count)
                raise ListError(f"{path}: refused: {reason}")
        stamp = retrieved.replace("-", "").replace(":", "")[:15]
        lines, base = whole_lines(content), None
        last = next((v for v in reversed(self.versions(list_name)) if v.status == GOOD), None)
        if last is not None and self._chain(last) < FULL_EVERY:
            delta = delta_lines(last.id, self.load(last), content)
            if delta is not None:
                lines, base = delta, last.id
        version = ListVersion(
            id=f"{list_name}-{stamp}-{sha[:8]}",
            list=list_name,
            format=content.format,
            source=origin,
            retrieved=retrieved,
            sha256=sha,
            records=count,
            relations=len(content.relations),
            status=GOOD,
            published=content.published or published,
            base=base,
        )
        payload = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0)
        _write_atomic(self.version_path(version), payload)
        self._append(version)
        return ImportResult(version, previous)

    def _refuse(
        self,
        list_name: str,
        fmt: str,
        origin: str,
        retrieved: str,
        reason: str,
        sha: str = "",
        count: int = 0,
    ) -> None:
        stamp = retrieved.replace("-", "").replace(":", "")[:15]
        self._append(
            ListVersion(
                id=f"{list_name}-{stamp}-refused",
                list=list_name,
                format=fmt,
                source=origin,
                retrieved=retrieved,
                sha256=sha,
                records=count,
                relations=0,
                status=REFUSED,
                reason=reason,
            )
        )

    def _append(self, version: ListVersion) -> None:
        items: list[dict[str, Any]] = [asdict(v) for v in self.versions()]
        items.append(asdict(version))
        data = json.dumps({"versions": items}, indent=1, ensure_ascii=False).encode("utf-8")
        _write_atomic(self.root / "index.json", data)
