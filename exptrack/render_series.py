"""`track metrics` printed: a table for people, CSV and JSON (every observation exact)."""

from __future__ import annotations

import csv
import math
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from exptrack import render
from exptrack.model import finite_or_text

if TYPE_CHECKING:
    from exptrack.jsonl import SeriesRow
    from exptrack.store import RunView

COLUMNS = ("run", "name", "step", "epoch", "time", "value")
RunRows = Sequence[tuple["RunView", Sequence["SeriesRow"]]]


def _number(value: float | None) -> str:
    """A number as the run folder has it: exact (``repr``), NaN/inf as words, None empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else str(finite_or_text(value))
    return str(value)


def _cells(run: RunView, row: SeriesRow) -> list[str]:
    return [run.id, row.name, _number(row.step), _number(row.epoch), _number(row.time),
            _number(row.value)]


def print_csv(rows: RunRows) -> None:
    """One line an observation; exact when piped, control characters shown on a tty."""
    tty = sys.stdout.isatty()
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(COLUMNS)
    for run, found in rows:
        for row in found:
            cells = _cells(run, row)
            writer.writerow([render.visible(c) for c in cells] if tty else cells)


def print_json(rows: RunRows) -> None:
    """A JSON array, one observation a line: {run, name, step, epoch, time, value}."""
    out: list[dict[str, Any]] = []
    for run, found in rows:
        out.extend({"run": run.id, "name": row.name, "step": row.step, "epoch": row.epoch,
                    "time": row.time, "value": row.value} for row in found)
    render.print_json_rows(out)


def print_table(rows: RunRows) -> None:
    """Aligned columns (the run column only for several runs); times as local clock."""
    from datetime import datetime

    out = render.console()
    several = len(rows) > 1
    lines: list[list[str]] = [list(COLUMNS if several else COLUMNS[1:])]
    for run, found in rows:
        for row in found:
            stamp = "" if row.time is None else \
                datetime.fromtimestamp(row.time).strftime("%H:%M:%S.%f")[:-3]
            cells = [row.name, _number(row.step), _number(row.epoch), stamp,
                     render.fmt_value(row.value) if not math.isfinite(row.value)
                     else f"{row.value:.6g}"]
            lines.append([run.id, *cells] if several else cells)
    if len(lines) == 1:
        out.print("No metrics recorded.")
        return
    right = set(range(len(lines[0]) - 4, len(lines[0])))
    laid = render.plain_lines(out, lines, right=right, gap=2)
    if laid is not None:
        render.print_plain(out, laid)
        return
    from rich.table import Table

    table = Table(box=None, pad_edge=False, show_header=False)
    for position in range(len(lines[0])):
        table.add_column(justify="right" if position in right else "left")
    for line in lines:
        table.add_row(*line)
    out.print(table)
