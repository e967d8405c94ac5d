"""banscreen: screen transactions against connected-software bans and restricted-party programs.

The public names are imported when first used, so that `import banscreen.cli` or
`import banscreen.settings` does not load the engine, the registry's schemas and every
normalising library: a command imports only what it runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lazy import exports

if TYPE_CHECKING:
    from .engine import Screener, screen
    from .model import Decision, Outcome, Policy, Transaction

__all__ = ["Decision", "Outcome", "Policy", "Screener", "Transaction", "screen"]
__version__ = "0.1.0"

__getattr__ = exports(
    __name__,
    {
        "Screener": ".engine",
        "screen": ".engine",
        "Decision": ".model",
        "Outcome": ".model",
        "Policy": ".model",
        "Transaction": ".model",
    },
)
