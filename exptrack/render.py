"""Everything printed for humans (rich) and for scripts (``--json``), in one place."""

from __future__ import annotations

import json
import math
import os
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from exptrack.store import RunView

if TYPE_CHECKING:
    from exptrack.metrics import Observation
    from exptrack.model import MetricSummary

JSON_SCHEMA_VERSION = 1


def _clean(value: Any) -> Any:
    """JSON has no NaN/inf: they become strings, as in the run folder."""
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def run_summary(run: RunView) -> dict[str, Any]:
    """The stable JSON summary of a run (DESIGN.md, "Public interfaces")."""
    record = run.record
    summary: dict[str, Any] = _clean({
        "id": record.id,
        "name": record.name,
        "status": record.status,
        "exit_code": record.exit_code,
        "signal": record.signal,
        "command": record.command,
        "cwd": record.cwd,
        "started_at": record.started_at,
        "ended_at": record.ended_at,
        "duration_s": record.duration_s,
        "tags": record.tags,
        "note": record.note,
        "host": record.host,
        "params": run.params,
        "metrics": {name: m.to_dict() for name, m in run.metrics.items()},
        "git": {"commit": run.git.commit, "branch": run.git.branch, "dirty": run.git.dirty},
        "path": str(run.path),
        "damaged": run.damaged,
    })
    return summary


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(_clean(data), indent=2, ensure_ascii=False, default=str) + "\n")


def use_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def warn(message: str) -> None:
    """A one-line warning from track on stderr (also readable in a raw-mode terminal)."""
    end = "\r\n" if _stderr_raw() else "\n"
    sys.stderr.write(f"track: warning: {message}{end}")
    sys.stderr.flush()


def error(message: str) -> None:
    sys.stderr.write(f"track: error: {message}\n")
    sys.stderr.flush()


def _stderr_raw() -> bool:
    try:
        import termios

        if not os.isatty(2):
            return False
        return not termios.tcgetattr(2)[1] & termios.OPOST
    except (OSError, ImportError, Exception):
        return False


def print_run_list(runs: Sequence[RunView]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(no_color=not use_color(), highlight=False)
    if not runs:
        console.print("No runs yet. Record one with: track run -- python train.py")
        return
    table = Table(box=None, pad_edge=False)
    for column in ("id", "name", "status", "started", "metrics"):
        table.add_column(column)
    for run in runs:
        metrics = ", ".join(f"{k}={m.last:.4g}" for k, m in list(run.metrics.items())[:3])
        table.add_row(run.id, run.record.name or "", run.record.status,
                      run.record.started_at[:19].replace("T", " "), metrics)
    console.print(table)


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    return f"{value:.6g}" if isinstance(value, float) else str(value)


def print_parse_result(summaries: Mapping[str, MetricSummary],
                       observations: Sequence[Observation] | None, json_out: bool) -> None:
    """`track parse`: the per-metric summary, and every observation when asked."""
    if json_out:
        print_json({
            "metrics": {name: s.to_dict() for name, s in summaries.items()},
            "observations": [{"name": o.name, "value": o.value, "step": o.step,
                              "epoch": o.epoch} for o in observations or []],
        })
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(no_color=not use_color(), highlight=False)
    if observations:
        table = Table(box=None, pad_edge=False, title="observations", title_justify="left")
        for column in ("name", "value", "step", "epoch"):
            table.add_column(column, justify="left" if column == "name" else "right")
        for obs in observations:
            table.add_row(obs.name, _number(obs.value), _number(obs.step), _number(obs.epoch))
        console.print(table)
    if not summaries:
        console.print("No metrics found. Add a pattern with --metric-pattern "
                      "'name=(?P<name>[\\d.]+)' or in track.yaml (docs/config.md).")
        return
    table = Table(box=None, pad_edge=False)
    for column in ("metric", "count", "last", "min", "max", "best", "last step", "direction"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for name, summary in summaries.items():
        table.add_row(name, str(summary.count), _number(summary.last), _number(summary.min),
                      _number(summary.max), _number(summary.best),
                      _number(summary.last_step), summary.direction or "")
    console.print(table)


def print_reparse_results(results: Sequence[Mapping[str, Any]], json_out: bool) -> None:
    """`track reparse`: for each run, the metrics it had and has now."""
    if json_out:
        print_json(list(results))
        return
    for result in results:
        before, after = set(result["before"]), set(result["after"])
        added = ", ".join(sorted(after - before)) or "none"
        removed = ", ".join(sorted(before - after)) or "none"
        sys.stdout.write(f"{result['id']}: {len(after)} metrics, {result['observations']} "
                         f"observations (new: {added}; gone: {removed})\n")
