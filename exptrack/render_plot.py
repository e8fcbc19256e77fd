"""`track plot` drawn: line charts in the terminal through plotext (one chart a metric,
the runs overlaid, each with its own marker, and colour on a colour terminal), a legend
under them; ``--png`` through matplotlib (the optional extra ``exptrack[png]``).

User text (metric names, run names, params) reaches the terminal only through
``render.visible`` or the rich console, which shows control characters as ``\\xNN``.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exptrack import render
from exptrack.errors import ExptrackError

MARKERS = "•+x*o#@%&="
# 256-colour indices, told apart on dark and light backgrounds.
PALETTE = (33, 208, 40, 199, 220, 45, 141, 160, 250, 94)
PNG_HINT = "--png needs matplotlib: pip install 'exptrack[png]'"
MIN_HEIGHT = 8


@dataclass(frozen=True)
class Line:
    """One run's curve in one chart."""

    label: str
    xs: list[float]
    ys: list[float]


@dataclass(frozen=True)
class Chart:
    """One metric: its lines (in legend order) and what x is."""

    metric: str
    title: str
    x_label: str
    lines: list[Line]
    log: bool = False


def time_scale(seconds: float) -> tuple[float, str]:
    """(divisor, unit) to show a span of ``seconds`` on a time axis."""
    if seconds >= 3 * 3600:
        return 3600.0, "h"
    if seconds >= 600:
        return 60.0, "min"
    return 1.0, "s"


def marker(index: int) -> str:
    return MARKERS[index % len(MARKERS)]


def color(index: int) -> int:
    return PALETTE[index % len(PALETTE)]


def draw_chart(chart: Chart, width: int, height: int, colored: bool) -> str:
    """The chart as text, ``width`` x ``height`` cells (ANSI colours only when
    ``colored``)."""
    import plotext

    plotext.terminal.limit(False, False)  # the size is ours (it knows only $COLUMNS)
    figure = plotext.figure
    figure.clear()
    figure.theme("colorless")
    figure.plot_size(width, height)
    for index, line in enumerate(chart.lines):
        if not line.xs:
            continue
        pixel = plotext.pixel(foreground=color(index)) if colored else None
        points = figure.signal(line.xs, line.ys, marker=plotext.marker(marker(index), pixel))
        figure.draw(points.lines())
    figure.legend(active=False)
    figure.title(render.visible(chart.title))
    figure.label(render.visible(chart.x_label), axis="x")
    if chart.log:
        figure.ruler(axis="y").scale("log")
    text: str = figure.build().string(colorless=not colored)
    figure.clear()
    return text


def print_charts(charts: Sequence[Chart], labels: Sequence[str], notes: Sequence[str],
                 size: tuple[int, int]) -> None:
    """Every chart, stacked to share the terminal's height, then the legend and notes."""
    from rich.text import Text

    out = render.console()
    colored = out.color_system is not None
    width, rows = size
    legend_rows = len(labels) + len(notes)
    height = max(MIN_HEIGHT, (rows - legend_rows - 1) // max(len(charts), 1))
    for chart in charts:
        text = draw_chart(chart, max(width, 30), height, colored)
        sys.stdout.write(text.rstrip("\n") + "\n")
    sys.stdout.flush()
    for index, label in enumerate(labels):
        line = Text(f"  {marker(index)} ", style=f"bold color({color(index)})" if colored
                    else "")
        line.append(label)
        out.print(line, overflow="ellipsis", no_wrap=True)
    for note in notes:
        out.print(Text(f"  {note}", style="dim"), overflow="ellipsis", no_wrap=True)


def save_png(charts: Sequence[Chart], labels: Sequence[str], path: Path) -> None:
    """The charts in one PNG, one panel a metric, through matplotlib (Agg: no display)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise ExptrackError(PNG_HINT) from exc
    figure, axes = plt.subplots(len(charts), 1, figsize=(9, 3.2 * len(charts)),
                                squeeze=False)
    for axis, chart in zip((row[0] for row in axes), charts, strict=True):
        for index, line in enumerate(chart.lines):
            if line.xs:
                axis.plot(line.xs, line.ys, label=labels[index], linewidth=1.4)
        axis.set_title(chart.title)
        axis.set_xlabel(chart.x_label)
        if chart.log:
            axis.set_yscale("log")
        axis.grid(alpha=0.3)
        axis.legend(fontsize="small")
    figure.tight_layout()
    try:
        figure.savefig(path, dpi=110)
    except OSError as exc:
        raise ExptrackError(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        plt.close(figure)


def charts_json(charts: Sequence[Chart], run_ids: Sequence[str]) -> list[dict[str, Any]]:
    """What ``plot --json`` prints: each line's points as drawn (smoothed)."""
    return [{"metric": chart.metric, "run": run_ids[index],
             "x": chart.x_label,
             "points": [[x, y if math.isfinite(y) else str(y)]
                        for x, y in zip(line.xs, line.ys, strict=True)]}
            for chart in charts for index, line in enumerate(chart.lines)]
