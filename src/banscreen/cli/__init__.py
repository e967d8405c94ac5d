"""The `banscreen` command line: a thin view over the engine (it never decides anything).

Exit codes: 0 every row was decided (ERROR rows included); 2 the input as a whole is
unusable (missing file, no header, bad option value, broken data pack).
"""

# Commands appear in --help in the order their modules register them.
from . import screening  # noqa: I001
from . import names, explaining, programs, lists, rescreening, spark, service, reporting
from ._common import app

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
    app()


if __name__ == "__main__":
    main()
