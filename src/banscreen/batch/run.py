"""A file through the pipeline into a decisions file: `screen`, `scan` and jobs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from ..engine import Screener, ScreenOptions
from ..gcpause import streaming
from ..model import Decision
from ..surfaces.detect import detect
from ..surfaces.scan import ScanOptions
from ..surfaces.tabular import TransactionFile
from ..wire import Serialiser
from . import parallel
from .pipeline import BatchStats, Chunk, Hook, Pipeline, chunked, write_chunks
from .writer import DecisionWriter

WriterFactory = Callable[[list[str]], DecisionWriter]


def screen_file(
    source: TransactionFile,
    writer_factory: WriterFactory,
    screener: Screener,
    options: ScreenOptions,
    on_bytes: Callable[[int], None] | None = None,
    on_rows: Callable[[int], None] | None = None,
    workers: int = 1,
    hook: Hook | None = None,
) -> BatchStats:
    """Screen every row of `source` into the writer, in input order; a resumed run skips
    the rows its partial output already holds."""
    source.open_header()
    writer = writer_factory(source.extra_columns)
    rows = islice(source.rows(on_bytes), writer.resumed_rows, None)
    pipeline = Pipeline(
        screener, options, writer.serialise, text_only=source.format == "csv", hook=hook
    )
    if workers > 1:
        chunks = parallel.chunks(pipeline, rows, source.header or [], workers)
    else:
        chunks = pipeline.chunks(rows)
    with streaming():
        stats = write_chunks(chunks, writer, on_rows)
    stats.repeats = pipeline.repeats
    return stats


def serialised(decisions: Iterable[Decision], serialise: Serialiser) -> Iterator[Chunk]:
    """Decisions as the writer's chunks."""
    return chunked((d.outcome.name, serialise(d)) for d in decisions)


def scan_file(
    path: Path,
    surface: str | None,
    writer_factory: WriterFactory,
    screener: Screener,
    options: ScreenOptions,
    scan_options: ScanOptions,
    on_rows: Callable[[int], None] | None = None,
) -> tuple[str, BatchStats]:
    """Detect the surface, read every record, and write one decision per record."""
    found, reader = detect(path, surface)
    writer = writer_factory(["location"])
    items = islice(reader(path, scan_options), writer.resumed_rows, None)
    decisions = Pipeline(screener, options).scanned(items)
    return found, write_chunks(serialised(decisions, writer.serialise), writer, on_rows)
