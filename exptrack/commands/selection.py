"""Which runs a viewing command (plot, watch, report, metrics) shows: named refs, or the
runs an ``ls`` filter selects (``--where``, ``--best M -n N``), or a default.

The one place these commands list and resolve runs (through the same store and query
functions as `ls`, `show` and `diff`): re-point it here when the listing changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from exptrack.commands.options import open_store, project_directions, rebuild_progress
from exptrack.errors import UsageError

if TYPE_CHECKING:
    from exptrack.store import RunView


def list_runs(store: Path | None) -> list[RunView]:
    """Every run, newest first, with params and metric summaries."""
    from exptrack.selection import all_runs

    return all_runs(open_store(store), rebuild_progress())


def select_runs(store: Path | None, refs: Sequence[str], where: Sequence[str],
                best: str | None, limit: int, descending: bool | None = None,
                default_latest: bool = True) -> list[RunView]:
    """``refs`` when given (filtered by ``where`` too), else the runs ``--where`` and
    ``--best`` select (at most ``limit``, 0: all; the index's own query, as `ls`), else
    the latest run (or all, without ``default_latest``)."""
    from exptrack import query
    from exptrack.selection import Ask, list_runs, resolve

    if refs and best:
        raise UsageError("--best ranks the runs it selects: name runs or use --best, not both")
    the_store = open_store(store)
    if refs:
        runs = list({run.id: run for run in resolve(the_store, refs, rebuild_progress())
                     }.values())
        if where:
            conditions = [query.parse_where(expr, runs) for expr in where]
            runs = query.filter_runs(runs, conditions)
    else:
        if not where and not best and default_latest:
            limit = 1
        runs = list_runs(the_store, Ask(where=where, best=best, descending=descending,
                                        limit=limit, directions=project_directions()),
                         rebuild_progress()).runs
    if not runs:
        raise UsageError("no run matches" if refs or where or best else
                         "no runs yet; record one with: track run -- python train.py")
    return runs


def metric_names(store: Path | None) -> set[str]:
    """Every metric name in the store."""
    from exptrack.selection import metric_names as names

    return names(open_store(store), rebuild_progress())


def running_runs(store: Path | None) -> list[RunView]:
    """The runs recording now, newest first (a run whose recorder died is not): those the
    index lists as running, checked on their views (which see a dead recorder)."""
    from exptrack.selection import Ask, list_runs

    listed = list_runs(open_store(store), Ask(where=["status=running"]), rebuild_progress())
    return [run for run in listed.runs if run.record.status == "running"]
