"""What the lifecycle commands print (rm, restore, gc, tag, rerun), and the line `track
run` ends with. User data goes through ``visible`` (no terminal escapes reach the screen)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

from exptrack import render
from exptrack.render_visible import visible
from exptrack.store import RunView

# ANSI colours of the end line's status (only on a terminal, never with NO_COLOR).
_STATUS_COLOURS = {"completed": "32", "failed": "31", "interrupted": "33",
                   "crashed": "35", "running": "36"}


def runs_count(count: int) -> str:
    return f"{count} run{'' if count == 1 else 's'}"


def run_row(run: RunView, extra: str = "") -> list[str]:
    record = run.record
    status = record.status
    if status == "failed" and record.exit_code is not None:
        status = f"failed({record.exit_code})"
    return [run.id, record.name or "-", status, render.fmt_ago(record.started_at),
            render.fmt_duration(render.elapsed(run)), " ".join(record.tags), extra]


def print_runs(title: str, runs: Sequence[RunView], extras: Sequence[str] = ()) -> None:
    """``title`` then one line a run: id, name, status, started, took, tags (and why)."""
    out = render.console()
    out.print(title, markup=False, highlight=False)
    rows = [run_row(run, extras[i] if i < len(extras) else "")
            for i, run in enumerate(runs)]
    widths = [max(len(row[col]) for row in rows) for col in range(len(rows[0]))] if rows \
        else []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=True)]
        out.print("  " + "  ".join(cells).rstrip(), markup=False, highlight=False,
                  soft_wrap=True)


def run_refs(runs: Sequence[RunView]) -> list[dict[str, Any]]:
    """The ``--json`` view of runs acted on."""
    return [{"id": run.id, "name": run.record.name, "status": run.record.status,
             "tags": run.record.tags, "path": str(run.path)} for run in runs]


def stderr_color() -> bool:
    if "NO_COLOR" in os.environ:
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return os.isatty(sys.stderr.fileno())
    except (OSError, ValueError):
        return False


def end_line(run: RunView, headline: str | None, color: bool,
             insight: str | None = None) -> str:
    """``4e5e9cdc fast completed in 2m13s · val_acc 0.935 (best 0.935 @7) · track show
    4e5e9cdc``: what `track run` prints last (without the ``track: `` prefix)."""
    record = run.record
    status = record.status
    if status == "failed" and record.exit_code is not None:
        status = f"failed (exit {record.exit_code})"
    elif record.signal and status == "interrupted":
        status = f"interrupted ({record.signal})"
    if color and record.status in _STATUS_COLOURS:
        status = f"\x1b[{_STATUS_COLOURS[record.status]}m{status}\x1b[0m"
    head = " ".join(part for part in (
        run.id, visible(record.name) if record.name else None, status,
        f"in {render.fmt_duration(record.duration_s)}") if part)
    parts = [head]
    summary = run.metric(headline) if headline else None
    if headline and summary is not None:
        metric = f"{visible(headline)} {render.fmt_value(summary.last)}"
        if summary.best is not None:
            step = summary.best_step
            at = f" {render.fmt_step(step)}" if step is not None else ""
            metric += f" (best {render.fmt_value(summary.best)}{at})"
        parts.append(metric)
    if insight:
        parts.append(f"\x1b[33m{insight}\x1b[0m" if color else insight)
    parts.append(f"track show {run.id}")
    return " · ".join(parts)
