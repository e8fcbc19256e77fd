"""Line charts as SVG for `track report` (pure): axes with round ticks, one path a run,
all text escaped. The page's small script (assets/report.js) adds hover values and run
toggles from the same points, embedded as JSON.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 58, 12, 14, 34
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf")


def color(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


@dataclass(frozen=True)
class SvgSeries:
    """One run's points in a chart; ``run`` is its index in the report's run list."""

    run: int
    xs: list[float]
    ys: list[float]


@dataclass(frozen=True)
class Bounds:
    x0: float
    x1: float
    y0: float
    y1: float  # in plotted units: log10 of the values on a log scale


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """About ``count`` round values (1, 2, 2.5, 5 x 10^k) covering [low, high]."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return []
    if high <= low:
        return [low]
    raw = (high - low) / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step - 1e-9) * step
    ticks: list[float] = []
    value = first
    while value <= high + step * 1e-9 and len(ticks) < 50:
        ticks.append(round(value, 12))
        value += step
    return ticks


def fmt_tick(value: float) -> str:
    if value == 0:
        return "0"
    if abs(value) >= 1e5 or abs(value) < 1e-3:
        return f"{value:.1e}"
    return f"{value:.6g}"


def bounds(series: Sequence[SvgSeries], log: bool) -> Bounds:
    """The data's extent, padded so that no curve touches the frame."""
    xs = [x for s in series for x in s.xs]
    ys = [_y(y, log) for s in series for y in s.ys]
    x0, x1 = min(xs), max(xs)
    y0, y1 = min(ys), max(ys)
    if x1 == x0:
        x0, x1 = x0 - 1, x1 + 1
    pad = (y1 - y0) * 0.05 or (abs(y0) * 0.05 or 1.0)
    return Bounds(x0, x1, y0 - pad, y1 + pad)


def _y(value: float, log: bool) -> float:
    return math.log10(value) if log else value


def chart_svg(series: Sequence[SvgSeries], log: bool, x_label: str, chart_id: int) -> str:
    """An SVG line chart; each run's path carries ``data-run`` for the toggles."""
    box = bounds(series, log)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def sx(x: float) -> float:
        return LEFT + (x - box.x0) / (box.x1 - box.x0) * plot_w

    def sy(y: float) -> float:
        return TOP + (box.y1 - _y(y, log)) / (box.y1 - box.y0) * plot_h

    parts = [f'<svg class="chart" id="chart-{chart_id}" viewBox="0 0 {WIDTH} {HEIGHT}" '
             f'data-chart="{chart_id}" role="img" xmlns="http://www.w3.org/2000/svg">',
             f'<rect class="frame" x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}"/>']
    for tick in nice_ticks(box.x0, box.x1, 6):
        x = sx(tick)
        parts.append(f'<line class="grid" x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" '
                     f'y2="{TOP + plot_h}"/><text class="tick" x="{x:.1f}" '
                     f'y="{TOP + plot_h + 14}" text-anchor="middle">{fmt_tick(tick)}</text>')
    for tick in nice_ticks(box.y0, box.y1, 5):
        y = TOP + (box.y1 - tick) / (box.y1 - box.y0) * plot_h
        label = fmt_tick(10 ** tick if log else tick)
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y:.1f}" '
                     f'y2="{y:.1f}"/><text class="tick" x="{LEFT - 6}" y="{y + 4:.1f}" '
                     f'text-anchor="end">{label}</text>')
    parts.append(f'<text class="axis-label" x="{LEFT + plot_w / 2:.0f}" y="{HEIGHT - 4}" '
                 f'text-anchor="middle">{escape(x_label)}</text>')
    for line in series:
        points = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in zip(line.xs, line.ys,
                                                                      strict=True))
        if len(line.xs) == 1:
            cx, cy = points.split(",")
            parts.append(f'<circle class="series" data-run="{line.run}" cx="{cx}" cy="{cy}" '
                         f'r="3" fill="{color(line.run)}"/>')
        else:
            parts.append(f'<polyline class="series" data-run="{line.run}" fill="none" '
                         f'stroke="{color(line.run)}" points="{points}"/>')
    parts.append(f'<g class="hover"></g><rect class="overlay" x="{LEFT}" y="{TOP}" '
                 f'width="{plot_w}" height="{plot_h}" fill="transparent"/></svg>')
    return "".join(parts)


def layout() -> dict[str, float]:
    """The plot area, for the hover script (it maps the mouse back to data)."""
    return {"left": LEFT, "top": TOP, "width": WIDTH - LEFT - RIGHT,
            "height": HEIGHT - TOP - BOTTOM, "svgWidth": WIDTH, "svgHeight": HEIGHT}
