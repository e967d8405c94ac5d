"""A report's HTML: one self-contained file (styles and the chart inline; it asks nothing of
any other origin, so it opens from a mail attachment), with a print stylesheet."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path

from ..decide.timeline import periods
from ..registry import Registry
from .aggregate import Report

TOP_ENTITIES = 50  # matched entities shown with their path and evidence
_STATUS_COLOURS = {
    "IN_FORCE": "#f3d6d6",
    "ENJOINED": "#fbecc6",
    "REVOKED": "#e2e2e2",
    "NOT_YET_EFFECTIVE": "#ffffff",
}


def render(report: Report, registry: Registry, source: str) -> str:
    """The report as one HTML document."""
    parts = [
        _head(source),
        _run(report, registry, source),
        _outcomes(report),
        _chart(report, registry),
        _entities(report),
        _errors(report),
        "</main></body></html>\n",
    ]
    return "".join(parts)


_STYLE = """
body{font:14px/1.45 system-ui,sans-serif;color:#1d2430;margin:0;background:#fafbfc}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d5dae1}
table{border-collapse:collapse;width:100%;margin:6px 0;background:#fff}
th,td{border:1px solid #d5dae1;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef1f5}td.n{text-align:right;font-variant-numeric:tabular-nums}
.BLOCK{color:#a11}.REVIEW{color:#a60}.ERROR{color:#555}.CLEAR{color:#176}
.muted{color:#68707c}code{font-size:12px}
@media print{body{background:#fff}main{max-width:none;padding:0}h2{break-after:avoid}
table,svg{break-inside:avoid}}
"""


def _head(source: str) -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; img-src data:\">"
        f"<title>banscreen report: {escape(source)}</title><style>{_STYLE}</style></head>"
        "<body><main>"
    )


def _table(headers: Iterable[str], rows: Iterable[Iterable[object]], numeric: int = 0) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = list(row)
        tds = [
            f"<td class='n'>{c:,}</td>" if i >= len(cells) - numeric else f"<td>{c}</td>"
            for i, c in enumerate(cells)
        ]
        body.append("<tr>" + "".join(tds) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def _run(report: Report, registry: Registry, source: str) -> str:
    span = f"{report.first} to {report.last}" if report.first else "no dated rows"
    policies = ", ".join(f"{escape(p)} ({n:,})" for p, n in report.policies.most_common())
    versions = ", ".join(escape(v) for v in report.data_versions if v)
    programs = "".join(
        f"<li><b>{escape(p.id)}</b> {escape(p.citation)}: {escape(p.name)}</li>"
        for p in registry.programs.values()
    )
    return (
        f"<h1>Screening report</h1><p class='muted'>{escape(source)}: {report.rows:,} rows, "
        f"transaction dates {escape(span)}; policy {policies}; data version {versions}.</p>"
        f"<h2>Programs loaded</h2><ul>{programs}</ul>"
    )


def _outcomes(report: Report) -> str:
    order = ("BLOCK", "REVIEW", "CLEAR", "ERROR")
    counts = _table(
        ["outcome", "rows"],
        ((f"<span class='{o}'>{o}</span>", report.outcomes.get(o, 0)) for o in order),
        numeric=1,
    )
    programs = sorted({p for p, _ in report.by_program})
    by_program = _table(
        ["program", *order[:3]],
        ((escape(p), *(report.by_program.get((p, o), 0) for o in order[:3])) for p in programs),
        numeric=3,
    )
    reasons = _table(
        ["reason", "rows"],
        ((f"<code>{escape(r)}</code>", n) for r, n in report.reasons.most_common()),
        numeric=1,
    )
    return f"<h2>Outcomes</h2>{counts}<h2>Hits by program</h2>{by_program}<h2>Reasons</h2>{reasons}"


def _chart(report: Report, registry: Registry) -> str:
    """REVIEW and BLOCK rows by month of the transaction date, each hit program's status
    periods drawn behind (in force, enjoined, revoked)."""
    months = _months_between(sorted({m for m, _ in report.by_month}))
    if not months:
        return "<h2>Hits by transaction date</h2><p class='muted'>No REVIEW or BLOCK rows.</p>"
    width, height, left = 960, 220, 40
    step = (width - left) / len(months)
    top = max(report.by_month[(m, "REVIEW")] + report.by_month[(m, "BLOCK")] for m in months)
    shapes = []
    hit_programs = sorted({p for p, o in report.by_program if o in ("REVIEW", "BLOCK")})
    for row, program_id in enumerate(hit_programs[:4]):
        program = registry.programs.get(program_id)
        if program is None:
            continue
        for period in periods(program):
            if period.category != program.categories[0].id:
                continue
            first = _month_index(months, period.start.strftime("%Y-%m"))
            last = _month_index(months, period.end.strftime("%Y-%m")) if period.end else None
            x0 = left + first * step
            x1 = left + (last if last is not None else len(months)) * step
            colour = _STATUS_COLOURS.get(period.status, "#f5f5f5")
            band = height / max(1, min(4, len(hit_programs)))
            shapes.append(
                f"<rect x='{x0:.1f}' y='{row * band:.1f}' width='{max(0.0, x1 - x0):.1f}' "
                f"height='{band:.1f}' fill='{colour}'><title>{escape(program_id)} "
                f"{escape(period.status)} from {period.start}</title></rect>"
            )
    for i, month in enumerate(months):
        x = left + i * step + step * 0.15
        block, review = report.by_month[(month, "BLOCK")], report.by_month[(month, "REVIEW")]
        h_block, h_review = height * block / top, height * review / top
        shapes.append(
            f"<rect x='{x:.1f}' y='{height - h_block:.1f}' width='{step * 0.7:.1f}' "
            f"height='{h_block:.1f}' fill='#a11'><title>{month}: {block:,} BLOCK</title></rect>"
            f"<rect x='{x:.1f}' y='{height - h_block - h_review:.1f}' width='{step * 0.7:.1f}' "
            f"height='{h_review:.1f}' fill='#d98c1a'><title>{month}: {review:,} REVIEW</title>"
            "</rect>"
        )
        if len(months) <= 24 or i % max(1, len(months) // 12) == 0:
            shapes.append(
                f"<text x='{x:.1f}' y='{height + 14}' font-size='10'>{escape(month)}</text>"
            )
    legend = ", ".join(hit_programs[:4])
    return (
        "<h2>Hits by transaction date</h2>"
        f"<svg id='hits-chart' width='{width}' height='{height + 20}' role='img' "
        f"aria-label='REVIEW and BLOCK rows by month'>{''.join(shapes)}</svg>"
        f"<p class='muted'>Bars: BLOCK (red) and REVIEW (amber) rows per month. Bands behind, "
        f"top to bottom: {escape(legend)}; red in force, yellow enjoined, grey revoked.</p>"
    )


def _months_between(seen: list[str]) -> list[str]:
    """Every month from the first to the last one seen, so the axis keeps time."""
    if not seen:
        return []
    year, month = map(int, seen[0].split("-"))
    out = []
    while f"{year:04d}-{month:02d}" <= seen[-1]:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _month_index(months: list[str], month: str) -> int:
    return sum(1 for m in months if m < month)


def _entities(report: Report) -> str:
    ranked = sorted(report.entities.items(), key=lambda kv: (-kv[1].count, kv[0]))
    rows = []
    for entity_id, seen in ranked[:TOP_ENTITIES]:
        example = seen.example
        evidence = example.get("evidence") or {}
        how = (
            f"{escape(str(evidence.get('method', '')))} {evidence.get('score', '')}: "
            f"<code>{escape(str(evidence.get('query', '')))}</code> ~ "
            f"<code>{escape(str(evidence.get('matched', '')))}</code> "
            f"<span class='muted'>({escape(str(evidence.get('provenance', '')))}: "
            f"{escape(str(evidence.get('source', '')))})</span>"
        )
        rows.append(
            (
                f"<b>{escape(seen.name)}</b><br><code>{escape(entity_id)}</code>",
                f"<code>{escape(str(example.get('path', '')))}</code>",
                how,
                seen.outcomes.get("BLOCK", 0),
                seen.outcomes.get("REVIEW", 0),
            )
        )
    more = len(ranked) - TOP_ENTITIES
    note = f"<p class='muted'>{more:,} more entities not shown.</p>" if more > 0 else ""
    return (
        "<h2>Matched entities</h2>"
        + _table(["entity", "path to the named app", "evidence", "BLOCK", "REVIEW"], rows, 2)
        + note
    )


def _errors(report: Report) -> str:
    if not report.error_counts:
        return "<h2>Errors</h2><p class='muted'>No ERROR rows.</p>"
    rows = []
    for cause, count in report.error_counts.most_common():
        listed = report.errors.get(cause, [])
        more = f" … and {count - len(listed):,} more" if count > len(listed) else ""
        rows.append((escape(cause), ", ".join(str(n) for n in listed) + more, count))
    return "<h2>Errors, by cause</h2>" + _table(["cause", "rows", "count"], rows, numeric=1)


def write(report: Report, registry: Registry, source: str, out: Path) -> None:
    out.write_text(render(report, registry, source), encoding="utf-8")
