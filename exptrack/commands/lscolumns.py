"""Which columns `track ls` shows: the ones named with ``--columns``, or a default
picked from what the listed runs hold (the params that vary, the headline metrics), and
the columns of ``--csv``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from exptrack.errors import UsageError

if TYPE_CHECKING:
    from exptrack.query import Key
    from exptrack.store import RunView

MAX_PARAM_COLUMNS = 3
BUILTIN_COLUMNS = ("id", "name", "status", "started", "duration", "commit", "tags", "host",
                   "exit_code", "branch", "best")
REDACTED = "[REDACTED]"  # (capture.redact's marker: not imported, `ls` starts fast)
CONFIG_SUFFIXES = (".yaml", ".yml", ".json", ".toml")


def parse_columns(columns: list[str], runs: list[RunView]) -> list[str | Key]:
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


def rank_params(runs: Sequence[RunView], varying: Sequence[str]) -> tuple[list[str],
                                                                        list[str]]:
    """(params worth a column, best first; the others) among the ``varying`` ones.

    First the params whose value differs between the runs that have one, then those
    that are only missing from some runs (a store that mixes scripts). Never a column by
    default: a param whose values are all redacted (``[REDACTED]``) or all config file
    paths (the file's values are params of their own)."""
    differ: list[str] = []
    partial: list[str] = []
    rest: list[str] = []
    for name in varying:
        values = [run.params[name] for run in runs if name in run.params]
        if all(_uninformative(v) for v in values if v is not None):
            rest.append(name)
        elif len({repr(v) for v in values}) > 1:
            differ.append(name)
        else:
            partial.append(name)
    return differ + partial, rest


def _uninformative(value: Any) -> bool:
    return value == REDACTED or (isinstance(value, str) and
                                 value.lower().endswith(CONFIG_SUFFIXES))


def default_columns(runs: list[RunView], params: Sequence[str], best: str | None,
                    sort_key: Key | None, directions: dict[str, str]) -> list[str | Key]:
    """id, name and tags (when any run has one), status, times, the first ``params``,
    the sort key, the best value, headline metrics, commit."""
    from exptrack import query

    columns: list[str | Key] = ["id"]
    if any(r.record.name for r in runs):
        columns.append("name")
    if any(r.record.tags for r in runs):
        columns.append("tags")
    columns += ["status", "started", "duration"]
    columns += [query.Key("param", p) for p in params[:MAX_PARAM_COLUMNS]]
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


def csv_columns(runs: list[RunView], best: str | None) -> list[str | Key]:
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
