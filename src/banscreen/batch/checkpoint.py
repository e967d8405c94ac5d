"""Checkpoints of a batch run, so a killed run resumes without losing or repeating rows.

Every few thousand rows the writer flushes and syncs its partial output file and records,
beside it, how many input rows are written and how many bytes they take. A resumed run
truncates the partial file to that length and skips that many input rows: the rows after
the last checkpoint are decided again, exactly once in the final file. A checkpoint names
the input (path, size, modification time) and the run's options; resuming anything else is
refused.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from ..errors import InputError
from ..tunables import CHECKPOINT_ROWS

EVERY_ROWS = CHECKPOINT_ROWS


@dataclass(frozen=True)
class RunIdentity:
    input: str
    size: int
    mtime_ns: int
    options: str  # policy, as-of date, data version, output format and columns

    @classmethod
    def of(cls, path: Path, options: str) -> RunIdentity:
        stat = path.stat()
        return cls(str(path.resolve()), stat.st_size, stat.st_mtime_ns, options)


@dataclass(frozen=True)
class Checkpoint:
    identity: RunIdentity
    rows: int
    bytes: int


def checkpoint_path(partial: Path) -> Path:
    return partial.with_name(partial.name + ".checkpoint")


def save(partial: Path, checkpoint: Checkpoint) -> None:
    """Write the checkpoint atomically (a crash mid-write keeps the previous one)."""
    target = checkpoint_path(partial)
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_text(json.dumps(asdict(checkpoint)), encoding="utf-8")
    os.replace(temporary, target)


def load(partial: Path, identity: RunIdentity) -> Checkpoint | None:
    """The checkpoint of an interrupted run of the same input and options, if any."""
    target = checkpoint_path(partial)
    if not target.exists() or not partial.exists():
        return None
    try:
        data = json.loads(target.read_text("utf-8"))
        found = Checkpoint(RunIdentity(**data["identity"]), int(data["rows"]), int(data["bytes"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{target}: unreadable checkpoint: {exc}") from exc
    if found.identity != identity:
        raise InputError(
            f"{target}: the interrupted run was of another input or other options; "
            "run again without --resume to start over"
        )
    if partial.stat().st_size < found.bytes:
        raise InputError(f"{partial}: shorter than its checkpoint; run again without --resume")
    return found


def clear(partial: Path) -> None:
    checkpoint_path(partial).unlink(missing_ok=True)
