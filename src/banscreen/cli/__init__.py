"""The `banscreen` command line: a thin view over the engine (it never decides anything).

Exit codes: 0 every row was decided (ERROR rows included); 2 the input as a whole is
unusable (missing file, no header, bad option value, broken data pack).

A run imports only the module of the command it names (`banscreen match` never loads the
batch runtime, the service or the list importers); `--help`, an unknown command and
`app` itself load them all, in the order `--help` lists their commands.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib import import_module
from typing import Any

# Command modules in the order --help lists their commands.
MODULES = (
    "screening",
    "names",
    "explaining",
    "programs",
    "lists",
    "rescreening",
    "spark",
    "service",
    "reporting",
)
# The modules that register each top-level command or group (a test holds this to what
# registering every module gives).
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "screen": ("screening",),
    "scan": ("screening",),
    "match": ("names",),
    "compare": ("names",),
    "explain": ("explaining",),
    "programs": ("programs",),
    "lists": ("lists", "rescreening"),
    "spark-screen": ("spark",),
    "serve": ("service",),
    "keys": ("service",),
    "audit": ("service",),
    "accept": ("service",),
    "report": ("reporting",),
}
# Root options that take a value (the command name comes after it).
_VALUED_ROOT_OPTIONS = ("--home",)

__all__ = ["COMMAND_MODULES", "MODULES", "app", "command_modules", "main"]


def command_modules(args: Sequence[str]) -> tuple[str, ...]:
    """The command modules a run with these arguments needs: the named command's, or all."""
    rest = iter(args)
    for arg in rest:
        if arg in _VALUED_ROOT_OPTIONS:
            next(rest, None)
        elif arg.startswith("-"):
            if not any(arg.startswith(f"{option}=") for option in _VALUED_ROOT_OPTIONS):
                return MODULES  # --help or a mistyped option: the full command list
        else:
            return COMMAND_MODULES.get(arg, MODULES)
    return MODULES


def _register(modules: Sequence[str]) -> Any:
    for module in modules:
        import_module(f".{module}", __name__)
    from ._common import app

    return app


def __getattr__(name: str) -> Any:
    if name == "app":
        return _register(MODULES)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    from typer.main import get_command

    command = get_command(_register(command_modules(sys.argv[1:])))
    _no_flag_metavars(command)
    command()


def _no_flag_metavars(command: Any) -> None:
    """A flag takes no value, so its help shows no `<bool>`: typer shows one for `--help`
    itself and for any flag not given `metavar=""`."""
    for param in [*command.params, command.get_help_option(command.context_class(command))]:
        if param is not None and getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
    for sub in getattr(command, "commands", {}).values():
        _no_flag_metavars(sub)


if __name__ == "__main__":
    main()
