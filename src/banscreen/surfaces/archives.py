"""Checks on zip archives (APK, IPA) before anything in them is read.

Members are only ever read into memory, never extracted, but a hostile archive is refused
all the same: a member name that climbs out of the archive (`../`, an absolute path), an
uncompressed total or a compression ratio that says zip bomb, or too many members.
"""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

from ..errors import InputError

MAX_MEMBERS = 100_000
MAX_TOTAL_BYTES = 4 << 30  # 4 GiB uncompressed
MAX_RATIO = 200  # uncompressed / compressed, for members over MIN_RATIO_BYTES
MIN_RATIO_BYTES = 10 << 20
MAX_READ_BYTES = 64 << 20  # largest member we read into memory (a manifest, a plist)


def archive_problem(path: Path) -> str | None:
    """Why the archive must not be read, or None when it looks sound."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        return f"not a readable zip archive: {exc}"
    if len(members) > MAX_MEMBERS:
        return f"{len(members):,} members (more than {MAX_MEMBERS:,})"
    total = 0
    for member in members:
        name = PurePosixPath(member.filename.replace("\\", "/"))
        if name.is_absolute() or ".." in name.parts:
            return f"member {member.filename!r} points outside the archive (path traversal)"
        total += member.file_size
        if member.file_size > MIN_RATIO_BYTES:
            ratio = member.file_size / max(1, member.compress_size)
            if ratio > MAX_RATIO:
                return f"member {member.filename!r} expands {ratio:,.0f} times (zip bomb)"
    if total > MAX_TOTAL_BYTES:
        return f"{total:,} bytes uncompressed (more than {MAX_TOTAL_BYTES:,}: zip bomb)"
    return None


def read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    """A member's bytes, refusing members too large to hold in memory."""
    info = archive.getinfo(name)
    if info.file_size > MAX_READ_BYTES:
        raise InputError(
            f"member {name!r} is {info.file_size:,} bytes (more than {MAX_READ_BYTES:,})"
        )
    return archive.read(name)
