"""Validated packs kept as pickles in the user cache directory, keyed by their content.

Parsing and validating the YAML packs is most of a command's start-up. The key is a hash of
every input file's bytes, of the source of the modules whose classes are pickled (the model
and the registry), and of banscreen's and Python's versions: an edited pack, a new extra file,
a changed class or an upgrade is a different key and is parsed again. A damaged entry is
ignored and rewritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TypeVar

from ..settings import cache_dir

T = TypeVar("T")
_FORMAT = "1"
_PACKAGE = Path(__file__).resolve().parents[1]


def _banscreen_version() -> str:
    try:
        return version("banscreen")
    except PackageNotFoundError:
        return "unknown"


@lru_cache(maxsize=1)
def _code_digest() -> bytes:
    digest = hashlib.sha256()
    for path in [_PACKAGE / "model.py", *sorted((_PACKAGE / "registry").glob("*.py"))]:
        digest.update(path.read_bytes())
    return digest.digest()


def cached(kind: str, files: Sequence[Path], build: Callable[[], T]) -> T:
    """`build()`, or its result from an earlier run with the same inputs."""
    digest = hashlib.sha256(f"{_FORMAT}|{_banscreen_version()}|{sys.version}".encode())
    digest.update(_code_digest())
    for path in files:
        digest.update(str(path).encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    entry = cache_dir() / f"{kind}-{digest.hexdigest()[:24]}.pickle"
    with contextlib.suppress(Exception):  # a missing or damaged entry: build it again
        with entry.open("rb") as fh:
            value: T = pickle.load(fh)
        return value
    value = build()
    with contextlib.suppress(OSError, pickle.PicklingError):
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = entry.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, entry)
    return value
