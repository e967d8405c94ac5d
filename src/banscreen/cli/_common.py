"""Shared pieces of the command line: the app, consoles, common options and helpers."""

from __future__ import annotations

import sys
from contextvars import ContextVar
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, overload

import typer
from rich.console import Console
from rich.text import Text

from ..errors import BanscreenError
from ..model import Policy
from ..registry import Registry
from ..settings import HOME_ENV, Settings
from ..sources import ListsPolicy, registry_with_lists

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Screen transactions against connected-software bans (EO 13971 and successors).",
)


def _console(stderr: bool) -> Console:
    """No markup: data (names, sources in brackets) is printed as it is, never read as
    Rich markup. Off a terminal every cell is printed whole: a pipe has no width to fit."""
    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else 100_000
    return Console(stderr=stderr, soft_wrap=True, markup=False, width=width)


err = _console(stderr=True)
out = _console(stderr=False)

EXIT_UNUSABLE = 2
# Set once per invocation by the root callback, read by commands that need the data dir.
_settings: ContextVar[Settings | None] = ContextVar("banscreen_settings", default=None)


class OutFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


ExtraData = Annotated[
    list[Path] | None,
    typer.Option(
        "--extra-data",
        help="Extra entities/relations (or program) YAML file or folder; repeatable.",
    ),
]
EncodingOpt = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        help="Input encoding of CSV or JSON lines (default: detected; see the summary).",
    ),
]
ColumnsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--columns",
        help="Which of the file's columns is an input column, as INPUT_COLUMN=HEADER "
        "(counterparty_name=Payee,text=Memo); repeatable. `counterparty_name=` screens a "
        "file that names no counterparty. Default: the contract's names, then other "
        "exports' (Payee, Verwendungszweck, 交易对方).",
    ),
]
PolicyOpt = Annotated[
    Policy,
    typer.Option(
        "--policy", help="strict: the law as written; anticipate: BLOCK before identification."
    ),
]
ListsOpt = Annotated[
    ListsPolicy,
    typer.Option(
        "--lists",
        help="dated: each row against the list versions in force on its date and the newest "
        "(a party delisted since still hits); newest: only the newest versions.",
    ),
]


class DateOrder(StrEnum):
    dmy = "dmy"
    mdy = "mdy"


DateOrderOpt = Annotated[
    DateOrder | None,
    typer.Option(
        "--date-order",
        help="How the file writes dates in digits with the day or month first: dmy "
        "(15.03.2021) or mdy (03/15/2021). Default: such a date is an ERROR.",
    ),
]
CategoryOpt = Annotated[
    str | None,
    typer.Option(
        "--category",
        help="Transaction category for rows that carry none (a bank statement's: payment).",
    ),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option("--as-of", help="Date (YYYY-MM-DD) for rows and surfaces that carry none."),
]


@app.callback()
def _main(
    ctx: typer.Context,
    home: Annotated[
        Path | None,
        typer.Option(
            "--home", help=f"Data directory (default ${HOME_ENV}, else the user data dir)."
        ),
    ] = None,
) -> None:
    """Screen transactions against connected-software bans (EO 13971 and successors)."""
    ctx.obj = Settings.resolve(home)
    _settings.set(ctx.obj)


def fail(message: str) -> typer.Exit:
    err.print(Text.assemble(("error:", "red"), f" {message}"), highlight=False)
    return typer.Exit(EXIT_UNUSABLE)


def current_settings() -> Settings:
    """The settings of the running command (`--home`), or the defaults outside one."""
    return _settings.get() or Settings.resolve()


def registry_or_exit(
    extra: list[Path] | None, lists: ListsPolicy = ListsPolicy.dated, names_only: bool = False
) -> Registry:
    """Shipped packs, `--extra-data`, and every imported list, seen as `lists` says
    (`names_only`: see `registry_with_lists`)."""
    try:
        return registry_with_lists(
            current_settings().home, extra or [], lists, names_only=names_only
        )
    except BanscreenError as exc:
        raise fail(str(exc)) from None


def parse_category_option(value: str | None) -> str | None:
    """--category's value as a category id, or exit 2 saying which there are."""
    if value is None:
        return None
    from ..model import TRANSACTION_CATEGORIES
    from ..surfaces.rows import category_id

    found = category_id(value)
    if found not in TRANSACTION_CATEGORIES:
        raise fail(f"--category: {value!r} is none of {', '.join(TRANSACTION_CATEGORIES)}")
    return found


@overload
def parse_date_option(value: str, option: str = ...) -> date: ...
@overload
def parse_date_option(value: None, option: str = ...) -> None: ...
def parse_date_option(value: str | None, option: str = "--as-of") -> date | None:
    """A date option's value, or exit 2 naming the option that is wrong."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(f"{option}: not a date (YYYY-MM-DD): {value!r}") from None
