"""`banscreen spark-screen`: the batch screen as a Spark job (the `spark` extra)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from ..errors import BanscreenError
from ..model import Policy
from ..sources import ListsPolicy
from ..surfaces.columns import parse_columns
from ._common import (
    AsOfOpt,
    CategoryOpt,
    ColumnsOpt,
    DateOrderOpt,
    EncodingOpt,
    ExtraData,
    ListsOpt,
    PolicyOpt,
    app,
    err,
    fail,
    parse_category_option,
    parse_date_option,
    registry_or_exit,
)


@app.command("spark-screen")
def spark_screen(
    input: Annotated[
        Path, typer.Argument(help="Transactions: Parquet (file or folder), CSV, JSON lines.")
    ],
    output: Annotated[Path, typer.Argument(help="Output folder of Parquet decisions.")],
    master: Annotated[
        str, typer.Option("--master", help="Spark master: local[*] (default) or a cluster URL.")
    ] = "local[*]",
    input_format: Annotated[
        str | None, typer.Option("--input-format", help="parquet, csv or jsonl.")
    ] = None,
    encoding: EncodingOpt = None,
    columns: ColumnsOpt = None,
    category: CategoryOpt = None,
    date_order: DateOrderOpt = None,
    policy: PolicyOpt = Policy.STRICT,
    as_of: AsOfOpt = None,
    extra_data: ExtraData = None,
    lists: ListsOpt = ListsPolicy.dated,
) -> None:
    """Screen INPUT on Spark into Parquet OUTPUT: the `screen` columns, one row per input row."""
    try:
        from .. import spark
    except ImportError as exc:  # pyspark is an optional extra
        raise fail(f"spark-screen needs pyspark: pip install 'banscreen[spark]' ({exc})") from None
    registry = registry_or_exit(extra_data, lists)
    started = time.perf_counter()
    try:
        rows = spark.run(
            input, output, registry, master, policy, parse_date_option(as_of), input_format,
            encoding, parse_columns(columns or []), parse_category_option(category),
            date_order.value if date_order else None,
        )  # fmt: skip
    except (BanscreenError, ValueError) as exc:
        raise fail(str(exc)) from None
    elapsed = time.perf_counter() - started
    err.print(
        f"screened {rows:,} rows on Spark ({master}) in {elapsed:.1f}s "
        f"({rows / elapsed if elapsed else 0:,.0f}/s) → {output}  [data {registry.version}]",
        highlight=False,
    )
