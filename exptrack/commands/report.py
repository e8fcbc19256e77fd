"""`track report`: one self-contained HTML page to keep or send: curves, params, metrics,
git, environment, resources and artifacts of one or more runs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from exptrack.commands.options import StoreOption, complete_metric, complete_run

if TYPE_CHECKING:
    from exptrack.jsonl import SeriesRow
    from exptrack.render_report import ReportChart
    from exptrack.store import RunView

DEFAULT_RUNS = 10
POINTS = 1000  # a series in the page is thinned to this many points
MAX_CHARTS = 60


def report(
    refs: Annotated[Optional[list[str]], typer.Argument(  # noqa: UP045
        metavar="RUN...", show_default=False, autocompletion=complete_run,
        help="Runs (id prefix, name, @, @N). Default: the latest, or what --where and "
             "--best select.")] = None,
    output: Annotated[Path, typer.Option(
        "-o", "--output", metavar="FILE", dir_okay=False,
        help="Where to write the page.")] = Path("report.html"),
    where: Annotated[Optional[list[str]], typer.Option(  # noqa: UP045
        "--where", "-w", metavar="EXPR", show_default=False,
        help="Report the runs matching EXPR, as in `track ls` (repeatable).")] = None,
    best: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--best", metavar="METRIC", show_default=False, autocompletion=complete_metric,
        help="Report the runs with the best METRIC (with -n).")] = None,
    descending: Annotated[Optional[bool], typer.Option(  # noqa: UP045
        "--desc/--asc", show_default=False,
        help="For --best: higher (--desc) or lower (--asc) is better.")] = None,
    limit: Annotated[int, typer.Option(
        "-n", "--limit", metavar="N", min=0,
        help="At most N runs from --where/--best (0: all).")] = DEFAULT_RUNS,
    log: Annotated[Optional[list[str]], typer.Option(  # noqa: UP045
        "--log", metavar="METRIC", show_default=False,
        help="Draw METRIC on a log scale (repeatable; globs work).")] = None,
    store: StoreOption = None,
) -> None:
    """Write one self-contained HTML page (no network needed to open it) with the runs'
    curves overlaid per metric (hover for values, click a run to hide it), the params
    (what varies highlighted), best values, git, environment, resources and artifacts.

    Example:

        track report -o report.html                 # the latest run

        track report a1b2 c3d4 -o compare.html

        track report --best val_acc -n 5 --log loss -o top5.html
    """
    from datetime import datetime, timezone

    from exptrack import render
    from exptrack.commands.selection import select_runs
    from exptrack.details import run_details
    from exptrack.errors import ExptrackError
    from exptrack.fsutil import write_atomic
    from exptrack.jsonl import read_series
    from exptrack.render_report import ReportRun, build_html

    runs = select_runs(store, refs or [], where or [], best, limit, descending)
    series = [read_series(run.path / "metrics.jsonl")[0] for run in runs]
    charts = _charts(runs, series, log or [])
    labels = _labels(runs)
    page = build_html([ReportRun(run, label, run_details(run))
                       for run, label in zip(runs, labels, strict=True)], charts,
                      datetime.now(timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M %Z"))
    try:
        write_atomic(output, page.encode("utf-8"), 0o644)
    except OSError as exc:
        raise ExptrackError(f"cannot write {output}: {exc.strerror or exc}") from exc
    render.console().print(f"wrote {render.visible(str(output))}: {len(runs)} run(s), "
                           f"{len(charts)} chart(s)")


def _charts(runs: list[RunView], series: list[list[SeriesRow]], log: list[str],
            ) -> list[ReportChart]:
    """A chart a metric (in the order first recorded), each run's curve thinned."""
    import fnmatch

    from exptrack.render_report import ReportChart
    from exptrack.render_svg import SvgSeries
    from exptrack.series import curve, thin

    names: list[str] = []
    for rows in series:
        names.extend(dict.fromkeys(row.name for row in rows if row.name not in names))
    charts = []
    for metric in names[:MAX_CHARTS]:
        logged = any(fnmatch.fnmatchcase(metric, pattern) for pattern in log)
        lines = []
        kinds = set()
        for index, rows in enumerate(series):
            found = curve(rows, metric, "step", None, logged)
            if found.xs:
                xs, ys = thin(found.xs, found.ys, POINTS)
                lines.append(SvgSeries(index, xs, ys))
                kinds.add(found.x_kind)
        if lines:
            charts.append(ReportChart(metric, " / ".join(sorted(kinds)), lines, logged))
    return charts


def _labels(runs: list[RunView]) -> list[str]:
    from exptrack.commands.plot import run_labels

    return run_labels(runs)
