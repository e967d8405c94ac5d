"""Timeline charts of programs (PNG or SVG), drawn with matplotlib (the `charts` extra)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..decide.timeline import chart_range, periods
from ..errors import InputError
from ..model import Program

COLOURS = {
    "NOT_YET_EFFECTIVE": "#d9d9d9",
    "IN_FORCE": "#c0392b",
    "NOT_ENFORCED": "#f1c40f",
    "ENJOINED": "#e67e22",
    "REVOKED": "#7f8c8d",
    "RESCINDED": "#95a5a6",
}


def draw_timeline(program: Program, path: Path, today: date | None = None) -> Path:
    """One horizontal bar per program category, coloured by status, events marked."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.dates as mdates
        import matplotlib.pyplot as plt
        from matplotlib.patches import Patch
    except ImportError as exc:
        raise InputError('charts need matplotlib: pip install "banscreen[charts]"') from exc

    start, end = chart_range(program)
    spans = periods(program)
    categories = [c.id for c in program.categories]
    fig, ax = plt.subplots(figsize=(11, 1.2 + 0.5 * len(categories)))
    for row, category in enumerate(categories):
        for period in spans:
            if period.category != category:
                continue
            left = max(period.start, start)
            right = min(period.end or end, end)
            ax.barh(
                row,
                mdates.date2num(right) - mdates.date2num(left),
                left=mdates.date2num(left),
                color=COLOURS.get(period.status, "#bbbbbb"),
                edgecolor="white",
            )
    for event in program.events:
        ax.axvline(mdates.date2num(event.date), color="#34495e", linewidth=0.6, alpha=0.5)
    if today is not None and start <= today <= end:
        ax.axvline(mdates.date2num(today), color="black", linestyle="--", linewidth=0.8)
    ax.set_yticks(range(len(categories)), labels=categories)
    ax.invert_yaxis()
    ax.xaxis_date()
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    ax.set_title(f"{program.id}: {program.citation}", loc="left", fontsize=10)
    used = {p.status for p in spans}
    ax.legend(
        handles=[Patch(color=c, label=s) for s, c in COLOURS.items() if s in used],
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize=8,
    )
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, metadata={"Date": None} if path.suffix == ".svg" else None)
    plt.close(fig)
    return path
