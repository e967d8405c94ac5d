"""Every setting in one frozen object, read from the command line or the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

HOME_ENV = "BANSCREEN_HOME"
CACHE_ENV = "BANSCREEN_CACHE"


def cache_dir() -> Path:
    """$BANSCREEN_CACHE, else the platform's user cache directory.

    Only derived, rebuildable things live there (validated packs, the pinyin syllable table);
    deleting it costs one slower start.
    """
    env = os.environ.get(CACHE_ENV)
    return Path(env) if env else Path(platformdirs.user_cache_dir("banscreen"))


@dataclass(frozen=True)
class Settings:
    home: Path  # data directory: imported list versions, the store, the accept list

    @classmethod
    def resolve(cls, home: Path | None = None) -> Settings:
        """`--home` wins, then $BANSCREEN_HOME, then the platform's user data directory."""
        if home is None:
            env = os.environ.get(HOME_ENV)
            home = Path(env) if env else Path(platformdirs.user_data_dir("banscreen"))
        return cls(home=home.expanduser())
