"""Load and validate the entity graph and program packs; answer as-of queries."""

from .loader import load_packs, shipped_data_dir
from .registry import Registry, load_registry

__all__ = ["Registry", "load_packs", "load_registry", "shipped_data_dir"]
