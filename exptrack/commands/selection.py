"""Which runs a viewing command (plot, watch, report, metrics) shows: named refs, or the
runs an ``ls`` filter selects (``--where``, ``--best M -n N``), or a default.

The one place these commands list and resolve runs (through the same store and query
functions as `ls`, `show` and `diff`): re-point it here when the listing changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from exptrack.commands.options import keep_until_exit, open_store, project_directions
from exptrack.errors import UsageError

if TYPE_CHECKING:
    from exptrack.store import RunView


def list_runs(store: Path | None) -> list[RunView]:
    """Every run, newest first, with params and metric summaries."""
    return keep_until_exit(open_store(store).load_all())


def select_runs(store: Path | None, refs: Sequence[str], where: Sequence[str],
                best: str | None, limit: int, descending: bool | None = None,
                default_latest: bool = True, listed: list[RunView] | None = None,
                ) -> list[RunView]:
    """``refs`` when given (filtered by ``where`` too), else the runs ``--where`` and
    ``--best`` select (at most ``limit``, 0: all), else the latest run (or all, without
    ``default_latest``). ``listed``: the store's runs when the caller listed them."""
    from exptrack import query

    if refs and best:
        raise UsageError("--best ranks the runs it selects: name runs or use --best, not both")
    if listed is None:
        listed = list_runs(store)
    runs = list({run.id: run for run in open_store(store).resolve_all(refs, listed)}.values()) \
        if refs else listed
    if where:
        conditions = [query.parse_where(expr, runs) for expr in where]
        runs = query.filter_runs(runs, conditions)
    if best:
        if runs and not any(best in r.metric_names() for r in runs):
            raise UsageError(f"--best: no run has a metric {best!r}")
        direction = query.best_direction(best, descending, project_directions(), runs)
        runs = [run for run, _ in query.rank_by_best(runs, best, direction)]
    elif not refs and not where:
        runs = runs[:1] if default_latest else runs
    if limit and not refs:
        runs = runs[:limit]
    if not runs:
        raise UsageError("no run matches" if refs or where or best else
                         "no runs yet; record one with: track run -- python train.py")
    return runs


def running_runs(store: Path | None) -> list[RunView]:
    """The runs recording now, newest first (a run whose recorder died is not)."""
    return [run for run in list_runs(store) if run.record.status == "running"]
