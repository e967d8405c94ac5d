"""The same engine as a PySpark job, for back-book rescreens: `banscreen spark-screen`.

    banscreen spark-screen INPUT OUTPUT [--master local[*]] [--policy …] [--as-of DATE]
    spark-submit --master yarn …/banscreen/spark.py INPUT OUTPUT [same options]

`screen_dataframe` maps each partition's Arrow batches through the engine with
`mapInArrow`. The registry (shipped packs, extra data, imported lists) is loaded once on
the driver and broadcast; each Python worker builds its Screener from it once and keeps it
for every batch. Rows are numbered in input order on the JVM side (partition offsets plus
the position in the partition), so ERROR messages name the same row numbers as the
single-machine path, and each output row equals what `banscreen screen` writes for it.
Needs the `spark` extra (pyspark) and Java 17.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from .engine import Screener, ScreenOptions
from .model import Policy
from .registry import Registry
from .surfaces.batch import row_decider
from .surfaces.output import Serialiser
from .surfaces.repeats import RepeatLane, lane_rows
from .surfaces.rows import INPUT_COLUMNS, OUTPUT_COLUMNS
from .surfaces.tabular import RawRow

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

ROW_COLUMN = "__banscreen_row"
_PARTITION_BITS = 33  # monotonically_increasing_id: partition id above, position below

# One Screener per Python worker process, by registry version, and one repeat lane per
# screening (it outlives a partition: a worker screens many).
_screeners: dict[str, Screener] = {}
_lanes: dict[tuple[str, ScreenOptions, Serialiser], RepeatLane] = {}


def _worker(
    registry: Registry, options: ScreenOptions, serialise: Serialiser
) -> tuple[Screener, RepeatLane]:
    screener = _screeners.get(registry.version)
    if screener is None:
        screener = _screeners[registry.version] = Screener(registry)
    key = (registry.version, options, serialise)
    lane = _lanes.get(key)
    if lane is None:
        if len(_lanes) >= 8:
            _lanes.clear()
        lane = _lanes[key] = RepeatLane(screener, options, serialise, text_only=False)
    return screener, lane


def output_columns(input_columns: Sequence[str]) -> list[str]:
    """The `screen` output columns, then the input's extra columns, as `screen` orders them."""
    extra = [c for c in input_columns if c not in INPUT_COLUMNS and c != ROW_COLUMN]
    return [*OUTPUT_COLUMNS, *(c for c in extra if c not in OUTPUT_COLUMNS)]


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


def screen_dataframe(
    df: DataFrame,
    registry: Registry,
    policy: Policy = Policy.STRICT,
    as_of: date | None = None,
) -> DataFrame:
    """One decision row per transaction row: the `screen` output columns, all strings."""
    spark = df.sparkSession
    numbered = number_rows(df)
    columns = output_columns(df.columns)
    schema = pa.schema([(c, pa.string()) for c in columns])
    shared = spark.sparkContext.broadcast(registry)
    options = ScreenOptions(policy=policy, as_of=as_of)
    serialise = Serialiser("parquet", tuple(columns), raw=True)

    def decide(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        screener, lane = _worker(shared.value, options, serialise)
        decide_row = row_decider(screener, options)
        for batch in batches:
            rows = []
            for data in batch.to_pylist():
                number = int(data.pop(ROW_COLUMN))
                rows.append(RawRow(number, data))
            cells: list[list[str]] = []
            items = lane_rows(iter(rows), lane, decide_row) if lane.enabled else None
            for item in items if items is not None else map(decide_row, rows):
                cells.append(item[1] if isinstance(item, tuple) else serialise.cells(item))
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


def read_input(spark: SparkSession, path: Path, fmt: str | None = None) -> DataFrame:
    """Parquet, CSV (header row, every column as text) or JSON lines, by extension."""
    name = fmt or {".parquet": "parquet", ".csv": "csv", ".jsonl": "jsonl", ".json": "jsonl"}.get(
        path.suffix.lower(), "parquet" if path.is_dir() else ""
    )
    if name == "parquet":
        return spark.read.parquet(str(path))
    if name == "csv":
        return spark.read.csv(str(path), header=True, inferSchema=False, multiLine=True, escape='"')
    if name == "jsonl":
        return spark.read.json(str(path))
    raise ValueError(f"{path}: give --input-format parquet, csv or jsonl")


def run(
    input_path: Path,
    output_path: Path,
    registry: Registry,
    master: str = "local[*]",
    policy: Policy = Policy.STRICT,
    as_of: date | None = None,
    input_format: str | None = None,
) -> int:
    """Screen INPUT into a Parquet directory OUTPUT; returns the number of rows written."""
    spark = session(master)
    df = read_input(spark, input_path, input_format)
    decisions = screen_dataframe(df, registry, policy, as_of)
    decisions.write.mode("overwrite").parquet(str(output_path))
    return int(spark.read.parquet(str(output_path)).count())


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point for spark-submit (the cluster options go to spark-submit itself)."""
    from .sources import registry_with_lists

    parser = argparse.ArgumentParser(description="banscreen on Spark")
    parser.add_argument("input", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--master", default="local[*]")
    parser.add_argument("--policy", choices=[p.value for p in Policy], default="strict")
    parser.add_argument("--as-of", type=date.fromisoformat, default=None)
    parser.add_argument("--input-format", choices=["parquet", "csv", "jsonl"], default=None)
    parser.add_argument("--home", type=Path, default=None)
    parser.add_argument("--extra-data", type=Path, action="append", default=[])
    args = parser.parse_args(argv)
    registry = registry_with_lists(args.home, args.extra_data)
    rows = run(
        args.input, args.output, registry, args.master, Policy(args.policy), args.as_of,
        args.input_format,
    )  # fmt: skip
    print(f"screened {rows:,} rows into {args.output}")


if __name__ == "__main__":
    main()
