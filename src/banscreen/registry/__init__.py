"""Load and validate the entity graph and program packs; answer as-of queries."""

from .loader import load_packs, shipped_data_dir
from .registry import ImportedData, Registry, load_registry

__all__ = ["ImportedData", "Registry", "load_packs", "load_registry", "shipped_data_dir"]
