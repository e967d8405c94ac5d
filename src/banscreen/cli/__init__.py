"""The `banscreen` command line: a thin view over the engine (it never decides anything).

Exit codes: 0 every row was decided (ERROR rows included); 2 the input as a whole is
unusable (missing file, no header, bad option value, broken data pack).
"""

# Commands appear in --help in the order their modules register them.
from . import screening  # noqa: I001
from . import names, explaining, programs, lists, rescreening, spark, service, reporting
from ._common import app
from typing import Any

from typer.main import get_command

__all__ = [
    "app",
    "explaining",
    "lists",
    "main",
    "names",
    "programs",
    "reporting",
    "rescreening",
    "screening",
    "service",
    "spark",
]


def main() -> None:
    command = get_command(app)
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
