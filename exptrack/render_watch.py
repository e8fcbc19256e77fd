"""`track watch` drawn: a panel a run (status, progress and ETA, latest and best of the
headline metrics, a curve of the main one, CPU/GPU/memory now), and `show --follow`'s
closing line. User text goes through rich ``Text`` (never markup) on a console that shows
control characters as ``\\xNN``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from exptrack import render
from exptrack.render import fmt_bytes, fmt_duration, fmt_value

if TYPE_CHECKING:
    from rich.console import RenderableType

    from exptrack.live import MetricState, RunFollower
    from exptrack.store import RunView

MAX_METRICS = 6
SPARK_WIDTH = 48


@dataclass
class Watched:
    """A run on the screen: its view (status, params) and what its files said so far."""

    view: RunView
    follower: RunFollower


def headline(metrics: dict[str, MetricState], limit: int = MAX_METRICS) -> list[str]:
    """Held-out metrics first (val, test, eval), then the rest as recorded."""
    def rank(item: tuple[int, str]) -> tuple[int, int]:
        lower = item[1].lower()
        held_out = lower.startswith(("val", "valid", "test", "eval", "dev"))
        return (0 if held_out else 1, item[0])

    return [name for _, name in sorted(enumerate(metrics), key=rank)][:limit]


def eta_text(run: RunView, follower: RunFollower) -> tuple[float | None, str]:
    """(fraction done, "epoch 3/10 · ETA 2m10s") for a running run; (None, "") else."""
    if run.record.status != "running":
        return None, ""
    progress = follower.progress()
    if progress is None:
        return None, ""
    eta = progress.eta_s(render.elapsed(run))
    parts = [progress.label]
    if progress.fraction is not None:
        parts.insert(0, f"{progress.fraction * 100:.0f}%")
    if eta is not None:
        parts.append(f"ETA {fmt_duration(eta)}")
    return progress.fraction, " · ".join(parts)


def resources_text(sample: dict[str, Any]) -> str:
    if not sample:
        return "resources: not sampled yet"
    parts = []
    cpu = sample.get("cpu_percent")
    if isinstance(cpu, (int, float)):
        parts.append(f"CPU {cpu:.0f}%")
    parts.append(f"mem {fmt_bytes(sample.get('rss_bytes'))}")
    gpus = sample.get("gpus")
    if isinstance(gpus, list):
        for gpu in gpus:
            if isinstance(gpu, dict):
                util, used = gpu.get("util_percent"), gpu.get("memory_used_mib")
                parts.append(f"GPU{gpu.get('index', '')} "
                             + (f"{util:.0f}% " if isinstance(util, (int, float)) else "")
                             + (fmt_bytes(used * 1024 * 1024)
                                if isinstance(used, (int, float)) else ""))
    return " · ".join(parts)


def run_panel(item: Watched) -> RenderableType:
    from rich.console import Group
    from rich.panel import Panel
    from rich.progress_bar import ProgressBar
    from rich.table import Table
    from rich.text import Text

    run, follower = item.view, item.follower
    title = Text(run.id, style="bold")
    if run.record.name:
        title.append(f" {run.record.name}")
    title.append(" · ")
    title.append_text(render.status_text(run))
    title.append(f" · {fmt_duration(render.elapsed(run))}")
    parts: list[RenderableType] = []
    fraction, progress = eta_text(run, follower)
    if progress:
        line = Table.grid(padding=(0, 1))
        line.add_column(width=30)
        line.add_column()
        line.add_row(ProgressBar(total=1.0, completed=fraction or 0.0, width=30,
                                 pulse=fraction is None), Text(progress))
        parts.append(line)
    names = headline(follower.metrics)
    if names:
        table = Table(box=None, pad_edge=False, show_edge=False, padding=(0, 2))
        for header in ("metric", "last", "best", "n"):
            table.add_column(header, justify="left" if header == "metric" else "right",
                             style="bold" if header == "metric" else "")
        for name in names:
            state = follower.metrics[name]
            table.add_row(Text(name), fmt_value(state.last),
                          "-" if state.best is None else fmt_value(state.best), str(state.count))
        parts.append(table)
        main = follower.metrics[names[0]]
        spark = render.sparkline(list(main.recent), SPARK_WIDTH)
        if spark:
            curve = Text(f"{names[0]} ", style="dim")
            curve.append(spark, style="cyan")
            curve.append(f" {fmt_value(_last_finite(main.recent))}", style="dim")
            parts.append(curve)
    else:
        parts.append(Text("no metrics yet", style="dim"))
    parts.append(Text(resources_text(follower.resources), style="dim"))
    return Panel(Group(*parts), title=title, title_align="left", border_style="dim")


def _last_finite(values: Sequence[float]) -> float | None:
    return next((v for v in reversed(values) if math.isfinite(v)), None)


def screen(items: Sequence[Watched], footer: str) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    if not items:
        body: list[RenderableType] = [Text(
            "No run is recording. Start one with: track run -- python train.py\n"
            "(waiting: new runs appear here)")]
    else:
        body = [run_panel(item) for item in items]
    return Group(*body, Text(footer, style="dim"))


def follow_summary(run: RunView, follower: RunFollower) -> str:
    """The line `show --follow` ends with."""
    names = headline(follower.metrics, 3)
    metrics = ", ".join(
        f"{name} {fmt_value(follower.metrics[name].last)}"
        + (f" (best {fmt_value(follower.metrics[name].best)})"
           if follower.metrics[name].best is not None
           and follower.metrics[name].best != follower.metrics[name].last else "")
        for name in names)
    status = render.status_text(run).plain
    return (f"track: run {run.id} {status} after {fmt_duration(render.elapsed(run))}"
            + (f": {metrics}" if metrics else ""))
