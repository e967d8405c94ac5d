"""Exceptions banscreen raises, as one hierarchy so callers can catch at the right depth.

    BanscreenError
    ├── DataError            a shipped or user data pack is broken (file, line, field)
    ├── InputError           the user's input as a whole cannot be used (exit code 2)
    │   ├── FieldError       one field of one record is malformed (becomes an ERROR row)
    │   ├── IdentifierError  an identifier value is not well formed for its kind
    │   └── ListError        a list file cannot become a list version (names the record);
    │                        the last good version stays in use
    ├── StoreError           a request the store cannot honour (unknown alert, bad action)
    │   ├── ConflictError    an action the alert's state does not allow (approving one's
    │   │                    own proposal, clearing a cleared alert)
    │   └── NotFoundError    no such alert or accept entry
    └── UsageError           banscreen's own functions called in a way they cannot work
                             (a programming error in the caller, not bad data)

Each class also derives from the built-in exception its callers would expect where one
fits (IdentifierError and UsageError are ValueErrors), so `except ValueError` keeps working.

A FieldError never escapes the engine: it becomes a Decision with outcome ERROR, so a bad
row is reported, never dropped. InputError is for input that has no rows to report on
(a missing file, an unreadable format).
"""

from __future__ import annotations


class BanscreenError(Exception):
    """Base of every error banscreen raises on purpose."""


class DataError(BanscreenError):
    """A data pack (program, entities, matching tables) failed validation.

    The message names the file, the line and the field, so the author can fix the pack
    without reading our code.
    """

    def __init__(self, path: str, line: int | None, field: str, message: str) -> None:
        self.path = path
        self.line = line
        self.field = field
        self.message = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {field}: {message}")


class InputError(BanscreenError):
    """The input as a whole is unusable (missing file, unknown format, no header)."""


class FieldError(InputError):
    """One field of one record is malformed."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")

    def __reduce__(self) -> tuple[type[FieldError], tuple[str, str]]:
        # Rows are decided in worker processes; their errors travel back pickled.
        return (type(self), (self.field, self.message))


class IdentifierError(InputError, ValueError):
    """An identifier value that is not a well-formed identifier of its kind."""


class ArrayError(InputError, ValueError):
    """A JSON input's array cannot be read on from here (surfaces/json_values.py)."""


class StoreError(BanscreenError):
    """A request the store cannot honour: unknown alert, bad action, missing reason."""


class ConflictError(StoreError):
    """An action the alert's state does not allow now: a transition that does not exist,
    or one analyst approving their own proposal (four eyes)."""


class NotFoundError(StoreError):
    """The alert or accept entry named does not exist."""


class UsageError(BanscreenError, ValueError):
    """A function called with arguments it cannot work with (Parquet output without a file,
    workers with a hook): the caller's mistake, raised before any work is done."""


class ListError(InputError):
    """A restricted-party list file was refused: it does not parse, a record is malformed,
    or it would shrink the list by more than the allowed share. The last good version of
    the list stays in use, so a truncated download never empties a list.
    """


class IndexDamaged(BanscreenError):
    """A stored name index whose manifest or records do not check out: it is deleted and
    built again, never used."""
