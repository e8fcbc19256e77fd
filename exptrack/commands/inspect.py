"""`track ls` and `track show`: list and inspect runs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

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
from exptrack.errors import UsageError

if TYPE_CHECKING:
    from exptrack.query import Key
    from exptrack.store import RunView

DEFAULT_LIMIT = 50
MAX_PARAM_COLUMNS = 3
BUILTIN_COLUMNS = ("id", "name", "status", "started", "duration", "commit", "tags", "host",
                   "exit_code", "branch", "best")


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
             "duration, status, name).")] = None,
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
        help="Comma-separated columns: id, name, status, started, duration, commit, tags, "
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
    from exptrack.commands.options import rebuild_progress
    from exptrack.selection import Ask, list_runs

    directions = project_directions()
    selection = list_runs(open_store(store), Ask(
        artifact=artifact, where=where or [], best=best, sort=sort, descending=descending,
        limit=limit, directions=directions), rebuild_progress())
    runs, total, best_values = selection.runs, selection.total, selection.best_values
    filtered = bool(where) or artifact is not None

    picked = _parse_columns(columns, runs) if columns else None
    if json_out:
        summaries = []
        for run in runs:
            summary = render.run_summary(run)
            if best:
                found = best_values[run.id]
                summary["best"] = {"metric": best, "value": found.value, "step": found.step}
            summaries.append(summary)
        render.print_json_rows(summaries)
        return
    if csv_out:
        render_ls.print_csv(runs, picked or _csv_columns(runs, best))
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
    if picked is None:
        picked = _default_columns(runs, varying, best, selection.sort_key, directions)
        hidden = [p for p in varying if query.Key("param", p) not in picked]
        if hidden:
            notes.append(f"also varying: {', '.join(hidden)} (pick with --columns)")
    else:
        constant = {}
    render_ls.print_run_table(runs, picked, constant, best, best_values, notes)


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


def _parse_columns(columns: list[str], runs: list[RunView]) -> list[str | Key]:
    from exptrack import query

    picked: list[str | Key] = []
    for group in columns:
        for name in (c.strip() for c in group.split(",")):
            if not name:
                continue
            if name in BUILTIN_COLUMNS:
                picked.append(name)
            else:
                picked.append(query.resolve_key(name, runs))
    if not picked:
        raise UsageError("--columns: name at least one column")
    return picked


def _default_columns(runs: list[RunView], varying: list[str], best: str | None,
                     sort_key: Key | None, directions: dict[str, str]) -> list[str | Key]:
    from exptrack import query

    columns: list[str | Key] = ["id"]
    if any(r.record.name or r.record.tags for r in runs):
        columns.append("name")
    columns += ["status", "started", "duration"]
    columns += [query.Key("param", p) for p in varying[:MAX_PARAM_COLUMNS]]
    if sort_key is not None and sort_key.kind == "param" and sort_key not in columns:
        columns.append(sort_key)
    if best:
        columns.append("best")
    metrics = [query.Key("metric", m)
               for m in query.headline_metrics(runs, configured=directions) if m != best]
    if sort_key is not None and sort_key.kind == "metric" and sort_key not in metrics:
        metrics.insert(0, sort_key)
    columns += metrics[: 1 if best else 2]
    if any(r.git.commit for r in runs):
        columns.append("commit")
    return columns


def _csv_columns(runs: list[RunView], best: str | None) -> list[str | Key]:
    from exptrack import query

    columns: list[str | Key] = ["id", "name", "tags", "status", "exit_code", "started_at",
                                "ended_at", "duration_s", "host", "commit", "branch", "dirty"]
    params: list[str] = []
    metrics: list[str] = []
    for run in runs:
        params.extend(p for p in run.params if p not in params)
        metrics.extend(m for m in run.metrics if m not in metrics)
    if best and best in metrics:
        metrics.remove(best)
        metrics.insert(0, best)
    columns += [query.Key("param", p) for p in params]
    for metric in metrics:
        columns += [query.Key("metric", metric, stat) for stat in ("last", "best")]
    return columns


def show(
    ref: RunArgument = "@",
    log: Annotated[bool, typer.Option("--log", help="Print the whole output (paged on a "
                                                    "terminal).")] = False,
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

        track show @1 --json | jq .metrics

        track show --follow   # tail the latest run until it ends
    """
    from exptrack import render, render_show
    from exptrack.commands.options import rebuild_progress
    from exptrack.details import run_details
    from exptrack.selection import resolve

    (run_view,) = resolve(open_store(store), [ref], rebuild_progress())
    if follow:
        from exptrack.commands.watch import follow as follow_run

        follow_run(run_view)
        return
    details = run_details(run_view)
    if json_out:
        render.print_json({**render.run_summary(run_view), **details})
    elif log:
        render.page(_read_bytes(run_view, "output.log"), "no output")
    elif patch:
        render.page(_read_bytes(run_view, "git.patch"),
                         "no patch (clean working tree or no git repo)")
    elif env:
        render_show.print_env(run_view, details)
    else:
        render_show.print_run(run_view, details)


def _read_bytes(run: RunView, name: str) -> bytes:
    from exptrack.errors import ExptrackError

    try:
        return (run.path / name).read_bytes()
    except FileNotFoundError:
        return b""
    except OSError as exc:
        raise ExptrackError(f"cannot read {run.path / name}: {exc.strerror}") from exc
