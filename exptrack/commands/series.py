"""`track metrics`: every recorded observation of one or more runs, for notebooks and
spreadsheets."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from exptrack.commands.options import JsonOption, StoreOption, complete_metric, complete_run


def metrics(
    refs: Annotated[Optional[list[str]], typer.Argument(  # noqa: UP045
        metavar="RUN...", show_default=False, autocompletion=complete_run,
        help="Runs (id prefix, name, @, @N). Default: the latest.")] = None,
    names: Annotated[Optional[list[str]], typer.Option(  # noqa: UP045
        "--name", "-m", metavar="METRIC", show_default=False, autocompletion=complete_metric,
        help="Only this metric (repeatable; globs like 'val_*' work).")] = None,
    csv_out: Annotated[bool, typer.Option("--csv", help="Print CSV for spreadsheets.")] = False,
    json_out: JsonOption = False,
    store: StoreOption = None,
) -> None:
    """Print the full series of each metric: one row per observation (run, name, step,
    epoch, time, value), in the order recorded.

    Example:

        track metrics                       # the latest run, as a table

        track metrics a1b2 c3d4 --name val_loss --csv > val_loss.csv

        track metrics @ --json | jq '.[] | select(.name == "loss") | .value'
    """
    from exptrack import render_series
    from exptrack.commands.selection import select_runs
    from exptrack.jsonl import read_series
    from exptrack.series import pick_metrics

    runs = select_runs(store, refs or [], [], None, 0)
    rows = []
    for run in runs:
        found, _ = read_series(run.path / "metrics.jsonl")
        rows.append((run, found))
    if names:
        wanted = set(pick_metrics(names, (r.name for _, found in rows for r in found)))
        rows = [(run, [r for r in found if r.name in wanted]) for run, found in rows]
    if json_out:
        render_series.print_json(rows)
    elif csv_out:
        render_series.print_csv(rows)
    else:
        render_series.print_table(rows)
