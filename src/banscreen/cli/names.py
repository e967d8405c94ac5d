"""match and compare: the name matcher from the command line."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from ..engine import Screener
from ..errors import FieldError
from ..match.similarity import SCORE_TOLERANCE
from ..sources import ListsPolicy
from ..surfaces.rows import check_text
from ..tunables import NAME_LIMIT
from ..wire import guard
from ._common import (
    ExtraData,
    app,
    err,
    fail,
    out,
    registry_or_exit,
)


class Schema(StrEnum):
    AUTO = "auto"
    PERSON = "person"
    ORGANIZATION = "organization"


def _name(value: str, where: str) -> str:
    """A name no longer than a counterparty's name may be in `screen` (4,096 characters):
    longer, it is no name, and reading it costs seconds; and text as a counterparty's name
    must be (bytes the terminal's encoding does not read arrive as lone surrogates)."""
    if len(value) > NAME_LIMIT:
        raise fail(
            f"{where}: {len(value):,} characters, more than the {NAME_LIMIT:,} a name may have"
        )
    try:
        check_text(value, "counterparty_name", undecoded="the terminal's encoding")
    except FieldError as exc:
        raise fail(f"{where}: {exc.message}") from None
    return value


def _candidates_json(screener: Screener, name: str) -> list[dict[str, Any]]:
    rows = []
    for rank, m in enumerate(screener.matcher.match_name(name), start=1):
        entity = screener.registry.entities[m.entry.entity_id]
        rows.append(
            {
                "rank": rank,
                "entity_id": entity.id,
                "entity_name": entity.display_name,
                "matched_name": m.entry.name.value,
                "score": round(m.score, 4),
                "method": m.method,
                "tokens": [
                    {"query": a, "name": b, "share": round(c, 4)} for a, b, c in m.alignment.pairs
                ],
            }
        )
    return rows


def _read_names(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(f"{path}: cannot read: {exc}") from None
    lines = text.splitlines()
    if lines and "name" in next(csv.reader([lines[0]])):
        return [row.get("name", "") or "" for row in csv.DictReader(lines)]
    return lines


def _match_file(screener: Screener, path: Path, as_json: bool) -> None:
    """Each name of a file looked up: a CSV row per candidate (a row with no entity when
    none), cells a spreadsheet would run as formulas guarded; with `as_json`, a JSON line
    per name, as `match NAME --json` gives it."""
    writer = csv.writer(sys.stdout, lineterminator="\n")
    if not as_json:
        writer.writerow(["name", "rank", "entity_id", "entity_name", "score", "method"])
    for line, query in enumerate(_read_names(path), start=1):
        cands = _candidates_json(screener, _name(query, f"{path} name {line}"))
        if as_json:
            print(json.dumps({"query": query, "candidates": cands}, ensure_ascii=False))
            continue
        if not cands:
            writer.writerow([guard(query), "", "", "", "", ""])
        for c in cands:
            writer.writerow([guard(query), c["rank"], c["entity_id"], guard(c["entity_name"]),
                             f"{c['score']:.4f}", c["method"]])  # fmt: skip


def _compared(screener: Screener, a: str, b: str, schema: Schema) -> dict[str, Any]:
    """What `compare` says of two names, as its JSON gives it."""
    thresholds = screener.registry.matching.thresholds
    score, method, aligned = screener.matcher.compare(a, b, schema=schema.value)
    return {
        "a": a,
        "b": b,
        "score": round(score, 4),
        "method": method,
        "match": score >= thresholds.review - SCORE_TOLERANCE,
        "review_threshold": thresholds.review,
        "block_threshold": thresholds.block,
        "tokens": [{"a": x, "b": y, "share": round(c, 4)} for x, y, c in aligned],
    }


def _compare_file(screener: Screener, path: Path, schema: Schema, as_json: bool) -> None:
    """Each pair (columns a and b) of a CSV file compared: the file's columns and the score
    and verdict, cells guarded as `_match_file`'s; with `as_json`, a JSON line per pair, as
    `compare A B --json` gives it, with the file's row under "row".

    A row with more or fewer cells than the header (a name with an unquoted comma) is not
    compared, since its a and b may not be the names meant: it is written with `match`
    "error" (an "error" key in JSON), its cells as read, and named on stderr."""
    try:
        fh = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise fail(f"{path}: {exc}") from None
    with fh:
        reader = csv.DictReader(fh)
        try:
            fields = list(reader.fieldnames or [])
            if "a" not in fields or "b" not in fields:
                raise fail(f"{path}: needs columns a and b")
            writer = csv.DictWriter(
                sys.stdout, fieldnames=[*fields, "score", "match"], lineterminator="\n"
            )
            if not as_json:
                writer.writeheader()
            for row in reader:
                _compare_row(screener, row, schema, writer if not as_json else None, path,
                             reader.line_num)  # fmt: skip
        except UnicodeDecodeError as exc:
            raise fail(f"{path}: not UTF-8: {exc}") from None


def _compare_row(
    screener: Screener,
    row: dict[Any, Any],
    schema: Schema,
    writer: csv.DictWriter[str] | None,
    path: Path,
    line: int,
) -> None:
    extra = row.pop(None, None)
    if extra is not None or any(v is None for v in row.values()):
        given = len([v for v in row.values() if v is not None]) + len(extra or [])
        error = f"{path} line {line}: {given} cells where the header has {len(row)}; not compared"
        err.print(error, highlight=False, markup=False)
        kept = {k: v or "" for k, v in row.items()}
        if writer is None:
            shown = {"error": error, "match": None, "row": kept, "extra": extra or []}
            print(json.dumps(shown, ensure_ascii=False))
        else:
            writer.writerow(
                {**{k: guard(v) for k, v in kept.items()}, "score": "", "match": "error"}
            )
        return
    a, b = (_name(row[k] or "", f"{path} line {line}, {k}") for k in ("a", "b"))
    result = _compared(screener, a, b, schema)
    if writer is None:
        print(json.dumps({**result, "row": row}, ensure_ascii=False))
        return
    cells = {k: guard(v) if isinstance(v, str) else v for k, v in row.items()}
    writer.writerow(
        {**cells, "score": f"{result['score']:.4f}", "match": str(result["match"]).lower()}
    )


@app.command()
def match(
    name: Annotated[str | None, typer.Argument(help="A name to look up.")] = None,
    names: Annotated[
        Path | None,
        typer.Option("--names", help="File of names (one a line, or CSV with a name column)."),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="JSON output (with --names, a line per name).", metavar=""),
    ] = False,
    extra_data: ExtraData = None,
) -> None:
    """Registry candidates scoring at or above the REVIEW threshold, best first."""
    # A name is looked up in the lists as they stand: the newest version of each.
    screener = Screener(registry_or_exit(extra_data, ListsPolicy.newest, names_only=True))
    if names is not None:
        _match_file(screener, names, as_json)
        return
    if name is None:
        raise fail("give a NAME or --names FILE")
    cands = _candidates_json(screener, _name(name, "NAME"))
    if as_json:
        print(json.dumps({"query": name, "candidates": cands}, ensure_ascii=False, indent=2))
        return
    if not cands:
        out.print(
            f"no hit for {name!r} (review threshold {screener.registry.matching.thresholds.review})"
        )
        return
    table = Table("rank", "entity_id", "entity_name", "matched name", "score", "method")
    for c in cands:
        table.add_row(
            str(c["rank"]),
            c["entity_id"],
            c["entity_name"],
            c["matched_name"],
            f"{c['score']:.4f}",
            c["method"],
        )
    out.print(table)


@app.command()
def compare(
    name_a: Annotated[str | None, typer.Argument(help="First name.")] = None,
    name_b: Annotated[str | None, typer.Argument(help="Second name.")] = None,
    pairs: Annotated[
        Path | None, typer.Option("--pairs", help="CSV with columns a, b (others kept).")
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="JSON output with the token alignment (with --pairs, a line per pair).",
            metavar="",
        ),
    ] = False,
    schema: Annotated[
        Schema,
        typer.Option(
            "--schema",
            help="Compare by the rules of persons' or organisations' names; auto: persons'"
            " when neither name has a legal form or a word of organisations.",
        ),
    ] = Schema.AUTO,
    extra_data: ExtraData = None,
) -> None:
    """Similarity in [0, 1] of two names; `match` is true at the REVIEW threshold."""
    screener = Screener(registry_or_exit(extra_data, ListsPolicy.newest, names_only=True))
    if pairs is not None:
        _compare_file(screener, pairs, schema, as_json)
        return
    if name_a is None or name_b is None:
        raise fail("give NAME_A NAME_B or --pairs FILE")
    result = _compared(screener, _name(name_a, "A"), _name(name_b, "B"), schema)
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        out.print(f"{result['score']:.4f}" + ("  (match)" if result["match"] else ""))
