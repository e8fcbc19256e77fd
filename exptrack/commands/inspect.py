"""`track ls` and `track show`: list and inspect runs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from exptrack.commands.options import (
    JsonOption,
    RunArgument,
    StoreOption,
    complete_key,
    complete_metric,
    open_store,
    project_directions,
)

if TYPE_CHECKING:
    from exptrack.store import RunView

DEFAULT_LIMIT = 50


def ls(
    artifact: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--artifact", metavar="SHA256-OR-PATH",
        help="Only runs that produced this artifact: a sha256 (prefix), or a file, "
             "matched by its content.")] = None,
    best: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--best", metavar="METRIC", show_default=False, autocompletion=complete_metric,
        help="Rank runs by their best METRIC (direction from config, else its name).")] = None,
    sort: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--sort", metavar="KEY", show_default=False, autocompletion=complete_key,
        help="Sort by a param, a metric (val_acc, val_acc.best) or a field (started, "
             "took, status, name).")] = None,
    descending: Annotated[Optional[bool], typer.Option(  # noqa: UP045
        "--desc/--asc", show_default=False,
        help="Sort order (default: best first for metrics, newest first for times).")] = None,
    limit: Annotated[int, typer.Option("-n", "--limit", metavar="N", min=0,
                                       help="Show at most N runs (0: all).")] = DEFAULT_LIMIT,
    where: Annotated[Optional[list[str]], typer.Option(  # noqa: UP045
        "--where", "-w", metavar="EXPR", show_default=False,
        help="Keep runs matching EXPR (repeatable, all must match; quote it): 'lr<0.01', "
             "status=completed, 'model=resnet*', tag=baseline, 'val_acc>=0.9'.")] = None,
    columns: Annotated[Optional[list[str]], typer.Option(  # noqa: UP045
        "--columns", "-c", metavar="COLS", show_default=False,
        help="Comma-separated columns: id, name, status, started, took, commit, tags, "
             "host, exit_code, best, or any param or metric.")] = None,
    json_out: JsonOption = False,
    csv_out: Annotated[bool, typer.Option("--csv", help="Print CSV for spreadsheets.")] = False,
    store: StoreOption = None,
) -> None:
    """List runs, newest first: what varied, how it went, and the headline metrics.

    Parameters that are the same in every listed run are shown once above the table.

    Example:

        track ls --best val_acc -n 5

        track ls --where 'lr<0.01' --where status=completed --sort val_loss

        track ls --columns id,lr,val_acc.best --csv

        track ls --artifact checkpoints/best.pt
    """
    from exptrack import query, render, render_ls
    from exptrack.commands import lscolumns
    from exptrack.commands.options import rebuild_progress
    from exptrack.selection import Ask, list_runs

    directions = project_directions()
    selection = list_runs(open_store(store), Ask(
        artifact=artifact, where=where or [], best=best, sort=sort, descending=descending,
        limit=limit, directions=directions), rebuild_progress())
    runs, total, best_values = selection.runs, selection.total, selection.best_values
    filtered = bool(where) or artifact is not None

    picked = lscolumns.parse_columns(columns, runs) if columns else None
    if json_out:
        summaries = []
        for run in runs:
            summary = render.run_summary(run)
            summary["insights"] = selection.insights.get(run.id, [])
            if best:
                found = best_values[run.id]
                summary["best"] = {"metric": best, "value": found.value, "step": found.step}
            summaries.append(summary)
        render.print_json_rows(summaries)
        return
    if csv_out:
        render_ls.print_csv(runs, picked or lscolumns.csv_columns(runs, best))
        return
    if not runs:
        render.console().print("No runs yet. Record one with: track run -- python train.py"
                               if not total and not filtered
                               else "No run matches.")
        return
    varying, constant = query.split_params(runs)
    notes = _problem_notes(runs)
    if total > len(runs):
        notes.append(f"{len(runs)} of {total} runs shown; -n 0 shows all")
    hidden: list[str] = []
    if picked is None:
        shown_params, others = lscolumns.rank_params(runs, varying)
        picked = lscolumns.default_columns(runs, shown_params, best, selection.sort_key,
                                           directions)
        hidden = [p for p in shown_params + others if query.Key("param", p) not in picked]
    else:
        constant = {}
    from exptrack.indexinsights import marks

    render_ls.print_run_table(runs, picked, constant, best, best_values, notes, hidden=hidden,
                              marks={r.id: marks(selection.insights.get(r.id, [])) for r in runs})


MAX_PROBLEM_RUNS = 3


def _problem_notes(runs: list[RunView]) -> list[str]:
    """A line under the table for the listed runs that look fine in it but are not:
    damaged or unreadable folders, output or metrics cut short (a full disk)."""
    flagged = [(run.id, problems) for run in runs
               if (problems := [*run.damaged, *run.record.cuts()])]
    if not flagged:
        return []
    named = ", ".join(f"{run_id} ({problems[0]}"
                      + (f"; +{len(problems) - 1} more)" if len(problems) > 1 else ")")
                      for run_id, problems in flagged[:MAX_PROBLEM_RUNS])
    more = len(flagged) - MAX_PROBLEM_RUNS
    count = f"{len(flagged)} runs" if len(flagged) > 1 else "1 run"
    return [f"{count} damaged or cut short: {named}"
            + (f" and {more} more" if more > 0 else "") + "; track show RUN says more"]


def show(
    ref: RunArgument = "@",
    log: Annotated[bool, typer.Option("--log", help="Print the whole output as the "
                                                    "terminal showed it (paged on a "
                                                    "terminal).")] = False,
    raw: Annotated[bool, typer.Option("--raw", help="With --log: the exact bytes "
                                                    "(control characters made visible on "
                                                    "a terminal).")] = False,
    patch: Annotated[bool, typer.Option("--patch", help="Print the uncommitted changes "
                                                        "(git.patch).")] = False,
    env: Annotated[bool, typer.Option("--env", help="List all packages and environment "
                                                    "variables.")] = False,
    follow: Annotated[bool, typer.Option("--follow", "-f", help="Print the output as it is "
                                         "written until the run ends (Ctrl-C stops).")]
    = False,
    json_out: JsonOption = False,
    store: StoreOption = None,
) -> None:
    """Show one run on one screen (default: the latest): header, params, metrics with
    sparklines, git, environment, resources, data, artifacts, last output lines.

    Example:

        track show            # the latest run

        track show a1b2 --log

        track show a1b2 --log --raw > output.log

        track show @1 --json | jq .metrics

        track show --follow   # tail the latest run until it ends
    """
    from exptrack import render, render_show
    from exptrack.commands.options import rebuild_progress
    from exptrack.details import live_metrics, run_details
    from exptrack.selection import resolve

    (run_view,) = resolve(open_store(store), [ref], rebuild_progress())
    if follow:
        from exptrack.commands.watch import follow as follow_run

        follow_run(run_view)
        return
    if run_view.record.status == "running":
        run_view.metrics = live_metrics(run_view, project_directions())
    details = run_details(run_view)
    details["insights"] = insight_dicts(run_view)
    if json_out:
        render.print_json({**render.run_summary(run_view), **details})
    elif log or raw:
        from exptrack.render_log import print_log

        print_log(run_view.path / "output.log", raw)
    elif patch:
        render.page(_read_bytes(run_view, "git.patch"),
                         "no patch (clean working tree or no git repo)")
    elif env:
        render_show.print_env(run_view, details)
    else:
        render_show.print_run(run_view, details)


def insight_dicts(run: RunView) -> list[dict[str, Any]]:
    """The run's insights as ``show --json`` gives them (the thresholds and directions of
    the project configuration)."""
    from exptrack.commands.options import project_insights
    from exptrack.insights import Thresholds, run_insights

    settings, directions = project_insights()
    found = run_insights(run.path, Thresholds.from_mapping(settings), directions)
    return [insight.to_dict() for insight in found]


def _read_bytes(run: RunView, name: str) -> bytes:
    from exptrack.errors import ExptrackError

    try:
        return (run.path / name).read_bytes()
    except FileNotFoundError:
        return b""
    except OSError as exc:
        raise ExptrackError(f"cannot read {run.path / name}: {exc.strerror}") from exc
