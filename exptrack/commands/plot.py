"""`track plot`: metric curves of one or more runs, overlaid, in the terminal (or a PNG)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from exptrack.commands.options import JsonOption, StoreOption, complete_metric, complete_run

if TYPE_CHECKING:
    from exptrack.jsonl import SeriesRow
    from exptrack.render_plot import Chart
    from exptrack.store import RunView

DEFAULT_RUNS = 5
POINTS_PER_COLUMN = 2


def complete_metric_or_run(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion of plot's arguments: metric names, then run ids and names."""
    return [*complete_metric(ctx, incomplete),
            *(found for found, _ in complete_run(ctx, incomplete))]


def plot(
    targets: Annotated[Optional[list[str]], typer.Argument(  # noqa: UP045
        metavar="METRIC... [RUN...]", show_default=False, autocompletion=complete_metric_or_run,
        help="Metrics to plot (names or globs: 'val_*'; default: the headline metric), "
             "then runs (id prefix, name, @, @N; default: the latest, or what --where and "
             "--best select).")] = None,
    where: Annotated[Optional[list[str]], typer.Option(  # noqa: UP045
        "--where", "-w", metavar="EXPR", show_default=False,
        help="Plot the runs matching EXPR, as in `track ls` (repeatable).")] = None,
    best: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--best", metavar="METRIC", show_default=False, autocompletion=complete_metric,
        help="Plot the runs with the best METRIC (with -n).")] = None,
    descending: Annotated[Optional[bool], typer.Option(  # noqa: UP045
        "--desc/--asc", show_default=False,
        help="For --best: higher (--desc) or lower (--asc) is better.")] = None,
    limit: Annotated[int, typer.Option(
        "-n", "--limit", metavar="N", min=0,
        help="At most N runs from --where/--best (0: all).")] = DEFAULT_RUNS,
    x_axis: Annotated[str, typer.Option(
        "--x", metavar="step|epoch|time",
        help="The x axis: step (epoch or position for metrics without steps), epoch, or "
             "time since the run started.")] = "step",
    window: Annotated[int, typer.Option(
        "--smooth", metavar="N", min=0, help="Moving average over N points.")] = 0,
    log: Annotated[bool, typer.Option("--log", help="Logarithmic y axis.")] = False,
    png: Annotated[Optional[Path], typer.Option(  # noqa: UP045
        "--png", metavar="FILE", show_default=False, dir_okay=False,
        help="Write a PNG instead (needs: pip install 'exptrack[png]').")] = None,
    json_out: JsonOption = False,
    store: StoreOption = None,
) -> None:
    """Plot metric curves in the terminal: one chart per metric, runs overlaid with a
    legend. Fits the terminal; plain text when not a terminal or with NO_COLOR.

    Example:

        track plot loss                     # the latest run

        track plot loss val_loss a1b2 c3d4  # two runs, two charts

        track plot val_acc --best val_acc -n 3 --smooth 5

        track plot 'val_*' --where 'lr<0.01' --x time --png curves.png
    """
    from exptrack import query, render, render_plot
    from exptrack.commands.selection import metric_names, select_runs
    from exptrack.jsonl import read_series
    from exptrack.series import X_AXES, pick_metrics

    if x_axis not in X_AXES:
        from exptrack.errors import UsageError

        raise UsageError(f"--x must be one of {', '.join(X_AXES)}, not {x_axis!r}")
    metric_args, refs = _split_targets(targets or [], metric_names(store))
    runs = select_runs(store, refs, where or [], best, limit, descending)
    series = [read_series(run.path / "metrics.jsonl")[0] for run in runs]
    known = [row.name for rows in series for row in rows]
    metrics = pick_metrics(metric_args, known) if metric_args else \
        query.headline_metrics(runs, 1) or known[:1]
    if not metrics:
        from exptrack.errors import ExptrackError

        raise ExptrackError("the selected runs have no metrics to plot")
    width, rows = terminal_size()
    charts, notes = _charts(runs, series, metrics, x_axis, window, log,
                            POINTS_PER_COLUMN * width)
    labels = run_labels(runs)
    if json_out:
        render.print_json(render_plot.charts_json(charts, [run.id for run in runs]))
    elif png is not None:
        render_plot.save_png(charts, labels, png)
        render.console().print(f"wrote {render.visible(str(png))}")
    else:
        render_plot.print_charts(charts, labels, notes, (width, rows))


def terminal_size() -> tuple[int, int]:
    """(columns, rows): the terminal's own on a terminal (a stale $COLUMNS is ignored),
    else $COLUMNS/$LINES, else 100 x 30."""
    import os
    import shutil
    import sys

    if sys.stdout.isatty():
        try:
            size = os.get_terminal_size(sys.stdout.fileno())
            if size.columns > 0 and size.lines > 0:
                return size.columns, size.lines
        except OSError:
            pass
    size = shutil.get_terminal_size((100, 30))
    return size.columns, size.lines


def _split_targets(targets: list[str], metric_names: set[str]) -> tuple[list[str], list[str]]:
    """Metric names (or globs matching one) first, the rest run refs."""
    import fnmatch

    metrics: list[str] = []
    refs: list[str] = []
    for target in targets:
        is_metric = target in metric_names or (
            any(c in target for c in "*?[") and bool(fnmatch.filter(metric_names, target)))
        (metrics if is_metric and not refs else refs).append(target)
    return metrics, refs


def _charts(runs: list[RunView], series: list[list[SeriesRow]], metrics: list[str],
            x_axis: str, window: int, log: bool, points: int,
            ) -> tuple[list[Chart], list[str]]:
    from exptrack import render
    from exptrack.errors import ExptrackError
    from exptrack.render_plot import Chart, Line, time_scale
    from exptrack.series import curve, smooth, thin

    charts: list[Chart] = []
    notes: list[str] = []
    for metric in metrics:
        curves = [curve(rows, metric, x_axis, _start(run), log)
                  for run, rows in zip(runs, series, strict=True)]
        if not any(c.xs for c in curves):
            raise ExptrackError(f"no {metric!r} values with a{'n' if x_axis == 'epoch' else ''}"
                                f" {x_axis} in the selected runs"
                                + ("; try --x step" if x_axis != "step" else ""))
        divisor, unit = 1.0, ""
        if x_axis == "time":
            divisor, unit = time_scale(max(max(c.xs, default=0.0) for c in curves))
        lines = []
        for run, found in zip(runs, curves, strict=True):
            xs, ys = thin([x / divisor for x in found.xs], smooth(found.ys, window), points)
            lines.append(Line(run.id, xs, ys))
            if not found.xs:
                notes.append(f"{run.id}: no {metric}" + (f" with a {x_axis}"
                                                         if found.skipped else ""))
            elif found.skipped:
                notes.append(f"{run.id}: {found.skipped} {metric} value(s) left out "
                             f"({'no ' + x_axis + ', ' if x_axis != 'step' else ''}"
                             f"NaN/inf{' or <= 0 on the log scale' if log else ''})")
        kinds = {c.x_kind for c in curves if c.xs}
        x_label = f"time ({unit})" if x_axis == "time" else " / ".join(sorted(kinds))
        title = metric + (f" (smoothed over {window})" if window > 1 else "")
        charts.append(Chart(metric, title, x_label, lines, log))
    return charts, [render.visible(note) for note in notes]


def _start(run: RunView) -> float | None:
    from exptrack.render import parse_time

    started = parse_time(run.record.started_at)
    return started.timestamp() if started is not None else None


def run_labels(runs: list[RunView]) -> list[str]:
    """Each run's legend: id, name, and the params that differ between the runs."""
    from exptrack import query, render

    varying, _ = query.split_params(runs) if len(runs) > 1 else ([], {})
    labels = []
    for run in runs:
        params = " ".join(f"{name}={render.fmt_value(run.params.get(name))}"
                          for name in varying[:4])
        labels.append(" ".join(part for part in (render.run_label(run), params) if part))
    return labels
