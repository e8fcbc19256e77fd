"""Everything printed for humans (rich) and for scripts (``--json``), in one place."""

from __future__ import annotations

import json
import math
import os
import sys
from collections.abc import Sequence
from typing import Any

from exptrack.store import RunView

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
