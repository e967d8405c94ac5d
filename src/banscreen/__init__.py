"""banscreen: screen transactions against connected-software bans and restricted-party programs."""

from .engine import Screener, screen
from .model import Decision, Outcome, Policy, Transaction

__all__ = ["Decision", "Outcome", "Policy", "Screener", "Transaction", "screen"]
__version__ = "0.1.0"
