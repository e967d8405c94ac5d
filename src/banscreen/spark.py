"""The same engine as a PySpark job, for back-book rescreens: `banscreen spark-screen`.

    banscreen spark-screen INPUT OUTPUT [--master local[*]] [--policy …] [--as-of DATE]
    spark-submit --master yarn …/banscreen/spark.py INPUT OUTPUT [same options]

`screen_dataframe` maps each partition's Arrow batches through the engine with
`mapInArrow`. The registry (shipped packs, extra data, imported lists) is loaded once on
the driver and broadcast; each Python worker builds its Screener from it once and keeps it
for every batch. Rows are numbered in input order on the JVM side (partition offsets plus
the position in the partition), so ERROR messages name the same row numbers as the
single-machine path, and each output row equals what `banscreen screen` writes for it.

CSV and JSON lines are read by the same reader as `screen` (surfaces/tabular.py: encoding
detection or `--encoding`, undecodable bytes and malformed records as ERROR rows), which
stages them as Parquet for Spark: each row's number, its fields as JSON (lone surrogates,
the bytes the encoding could not read, survive JSON's escapes) and its read error. Spark's
own CSV reader would read a GB18030 file as broken UTF-8 and decide on garbage.
Needs the `spark` extra (pyspark) and Java 17.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

from .batch.pipeline import Pipeline
from .engine import Screener, ScreenOptions
from .errors import FieldError, InputError
from .model import Policy
from .registry import Registry
from .surfaces.columns import ColumnMap, parse_columns, read_header
from .surfaces.nested import at_path, schema_paths
from .surfaces.object_columns import read_paths
from .surfaces.rows import INPUT_COLUMNS, RawRow, category_id
from .surfaces.tabular import TransactionFile, detect_format
from .surfaces.written_dates import DATE_ORDERS
from .tunables import STAGE_ROWS
from .wire import DECISION_COLUMNS, Serialiser

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

ROW_COLUMN = "__banscreen_row"
# Columns of a staged CSV or JSON-lines file (see stage()).
RAW_COLUMN = "__banscreen_raw"
ERROR_COLUMN = "__banscreen_error"
_PARTITION_BITS = 33  # monotonically_increasing_id: partition id above, position below

# One Screener per Python worker process, by registry version, and one pipeline per
# screening (its repeat lane outlives a partition: a worker screens many).
_screeners: dict[str, Screener] = {}
_pipelines: dict[tuple[str, ScreenOptions, Serialiser], Pipeline] = {}


def _pipeline(registry: Registry, options: ScreenOptions, serialise: Serialiser) -> Pipeline:
    screener = _screeners.get(registry.version)
    if screener is None:
        screener = _screeners[registry.version] = Screener(registry)
    key = (registry.version, options, serialise)
    found = _pipelines.get(key)
    if found is None:
        if len(_pipelines) >= 8:
            _pipelines.clear()
        found = _pipelines[key] = Pipeline(screener, options, serialise, text_only=False)
    return found


def output_columns(input_columns: Sequence[str]) -> list[str]:
    """The `screen` output columns, then the input's extra columns, as `screen` orders them."""
    extra = [c for c in input_columns if c not in INPUT_COLUMNS and c != ROW_COLUMN]
    return [*DECISION_COLUMNS, *(c for c in extra if c not in DECISION_COLUMNS)]


def number_rows(df: DataFrame) -> DataFrame:
    """Add the 1-based input row number, computed on the JVM (no Python round trip)."""
    from pyspark.sql import functions as F

    tagged = df.withColumn("__pid", F.spark_partition_id()).withColumn(
        "__mid", F.monotonically_increasing_id()
    )
    sizes = {int(r[0]): int(r[1]) for r in tagged.groupBy("__pid").count().collect()}
    offsets: list[Any] = []
    total = 0
    for pid in sorted(sizes):
        offsets += [F.lit(pid), F.lit(total)]
        total += sizes[pid]
    offset = F.create_map(*offsets)[F.col("__pid")] if offsets else F.lit(0)
    position = F.col("__mid") - F.shiftleft(F.col("__pid").cast("long"), _PARTITION_BITS)
    return tagged.withColumn(ROW_COLUMN, offset + position + 1).drop("__pid", "__mid")


def stage(source: TransactionFile, target: Path) -> list[str]:
    """Read a CSV or JSON-lines file as `screen` does and write it to `target` as Parquet
    (row number, fields as JSON, read error); returns the output columns."""
    source.open_header()
    columns = output_columns(source.extra_columns)
    schema = pa.schema(
        [(ROW_COLUMN, pa.int64()), (RAW_COLUMN, pa.string()), (ERROR_COLUMN, pa.string())]
    )
    with pq.ParquetWriter(target, schema) as writer:
        chunk: list[RawRow] = []
        for row in source.rows():
            chunk.append(row)
            if len(chunk) >= STAGE_ROWS:
                writer.write_batch(_staged(chunk, schema))
                chunk = []
        writer.write_batch(_staged(chunk, schema))
    return columns


def _staged(rows: list[RawRow], schema: pa.Schema) -> pa.RecordBatch:
    errors = [
        None if r.error is None else json.dumps([r.error.field, r.error.message]) for r in rows
    ]
    return pa.RecordBatch.from_arrays(
        [
            pa.array([r.number for r in rows], pa.int64()),
            pa.array([json.dumps(r.data) for r in rows], pa.string()),
            pa.array(errors, pa.string()),
        ],
        schema=schema,
    )


def _unstaged(data: dict[str, Any]) -> RawRow:
    error = data.get(ERROR_COLUMN)
    return RawRow(
        int(data[ROW_COLUMN]),
        json.loads(data[RAW_COLUMN]),
        None if error is None else FieldError(*json.loads(error)),
    )


def screen_dataframe(
    df: DataFrame,
    registry: Registry,
    policy: Policy = Policy.STRICT,
    as_of: date | None = None,
    columns: Sequence[str] | None = None,
    chosen: Mapping[str, str] | None = None,
    category: str | None = None,
    date_order: str | None = None,
) -> DataFrame:
    """One decision row per transaction row: the `screen` output columns, all strings.
    `columns`: the output columns of a staged file (see stage()), whose rows are numbered.
    Else the frame's columns are read as `screen` reads a file's (columns.py: `chosen` is
    --columns), its struct columns by their fields' paths (object_columns.py)."""
    spark = df.sparkSession
    staged = columns is not None
    numbered = df if staged else number_rows(df)
    header = ColumnMap(list(df.columns), nameless=True)  # a staged file's: read already
    paths: dict[str, tuple[str, ...]] = {}
    if not staged:
        from pyspark.sql.pandas.types import to_arrow_schema

        paths, objects = read_paths(schema_paths(to_arrow_schema(df.schema)), chosen or {})
        header = read_header([*df.columns, *paths], chosen or {}, "the input",
                             date_order=date_order, objects=objects, nested=paths)  # fmt: skip
        header.check_names("the input")
    columns = list(columns) if columns is not None else output_columns(header.names)
    schema = pa.schema([(c, pa.string()) for c in columns])
    shared = spark.sparkContext.broadcast(registry)
    options = ScreenOptions(policy=policy, as_of=as_of, category=category)
    serialise = Serialiser("parquet", tuple(columns), raw=True)

    def decide(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        pipeline = _pipeline(shared.value, options, serialise)
        for batch in batches:
            rows = []
            for data in batch.to_pylist():
                if staged:
                    rows.append(_unstaged(data))
                    continue
                number = int(data.pop(ROW_COLUMN))
                for path, keys in paths.items():  # a struct's fields, as columns
                    data[path] = at_path(data, keys)
                data = header.finish(data, by_key=True)
                rows.append(RawRow(number, data))
            cells = [item for _, item in pipeline.items(rows)]
            arrays = [pa.array(list(column), pa.string()) for column in zip(*cells, strict=True)]
            if not cells:
                arrays = [pa.array([], pa.string()) for _ in columns]
            yield pa.RecordBatch.from_arrays(arrays, schema=schema)

    ddl = ", ".join(f"`{c}` string" for c in columns)
    return numbered.mapInArrow(decide, ddl)


def session(master: str = "local[*]", app_name: str = "banscreen") -> SparkSession:
    from pyspark.sql import SparkSession

    if master.startswith("local") and "PYSPARK_PYTHON" not in os.environ:
        # Local workers run this interpreter, so they import this banscreen.
        os.environ["PYSPARK_PYTHON"] = sys.executable
    return (
        SparkSession.builder.master(master)
        .appName(app_name)
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "10000")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )


def input_format(path: Path, fmt: str | None = None) -> str:
    """parquet (a file or a folder of them), csv or jsonl: given, or by extension."""
    if fmt is None and path.is_dir():
        return "parquet"
    if not path.exists():
        raise InputError(f"{path}: no such file")
    return detect_format(path, fmt)


def run(
    input_path: Path,
    output_path: Path,
    registry: Registry,
    master: str = "local[*]",
    policy: Policy = Policy.STRICT,
    as_of: date | None = None,
    input_format_name: str | None = None,
    encoding: str | None = None,
    chosen: Mapping[str, str] | None = None,
    category: str | None = None,
    date_order: str | None = None,
) -> int:
    """Screen INPUT into a Parquet directory OUTPUT; returns the number of rows written.
    A CSV or JSON-lines INPUT is staged as Parquet beside OUTPUT first (see stage())."""
    name = input_format(input_path, input_format_name)
    spark = session(master)
    if name == "parquet":
        frame = spark.read.parquet(str(input_path))
        decisions = screen_dataframe(
            frame, registry, policy, as_of, None, chosen, category, date_order
        )
        decisions.write.mode("overwrite").parquet(str(output_path))
        return int(spark.read.parquet(str(output_path)).count())
    source = TransactionFile(input_path, name, encoding, chosen, date_order=date_order)
    output_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".banscreen-stage-", dir=output_path.parent) as tmp:
        staged = Path(tmp) / "input.parquet"
        columns = stage(source, staged)
        df = spark.read.parquet(str(staged))
        decisions = screen_dataframe(df, registry, policy, as_of, columns, None, category)
        decisions.write.mode("overwrite").parquet(str(output_path))
    return int(spark.read.parquet(str(output_path)).count())


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point for spark-submit (the cluster options go to spark-submit itself)."""
    from .sources import ListsPolicy, registry_with_lists

    parser = argparse.ArgumentParser(description="banscreen on Spark")
    parser.add_argument("input", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--master", default="local[*]")
    parser.add_argument("--policy", choices=[p.value for p in Policy], default="strict")
    parser.add_argument("--as-of", type=date.fromisoformat, default=None)
    parser.add_argument("--input-format", choices=["parquet", "csv", "jsonl"], default=None)
    parser.add_argument("--encoding", default=None)
    parser.add_argument("--columns", action="append", default=[])
    parser.add_argument("--category", default=None)
    parser.add_argument("--date-order", choices=DATE_ORDERS, default=None)
    parser.add_argument("--home", type=Path, default=None)
    parser.add_argument("--extra-data", type=Path, action="append", default=[])
    parser.add_argument("--lists", choices=[p.value for p in ListsPolicy], default="dated")
    args = parser.parse_args(argv)
    registry = registry_with_lists(args.home, args.extra_data, ListsPolicy(args.lists))
    rows = run(
        args.input, args.output, registry, args.master, Policy(args.policy), args.as_of,
        args.input_format, args.encoding, parse_columns(args.columns),
        category_id(args.category) if args.category else None, args.date_order,
    )  # fmt: skip
    print(f"screened {rows:,} rows into {args.output}")


if __name__ == "__main__":
    main()
