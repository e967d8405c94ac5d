"""The pipeline every entry point screens through, and what runs it over a file: the
repeat lane, worker processes, the decisions writer, checkpoints and the delta rescreen."""

from .pipeline import BatchStats, Hook, Pipeline
from .run import scan_file, screen_file
from .writer import DecisionWriter

__all__ = ["BatchStats", "DecisionWriter", "Hook", "Pipeline", "scan_file", "screen_file"]
