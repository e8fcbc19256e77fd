"""`track ls`: the run table (fitted to the terminal width) and the CSV export."""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from exptrack.query import BestValue, Key, is_missing, value_of
from exptrack.render import (
    console,
    elapsed,
    escape_markup,
    fmt_ago,
    fmt_duration,
    fmt_step,
    fmt_value,
    plain_lines,
    print_plain,
    short_commit,
    status_text,
)
from exptrack.store import RunView

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text


NAME_WIDTH = 16
FIELD_HEADERS = {"duration": "took", "started": "started", "exit_code": "exit"}


def _cell(run: RunView, column: str | Key, best: dict[str, BestValue]) -> Text | str:
    from rich.text import Text

    if isinstance(column, Key):
        if column.kind == "field":
            return _cell(run, column.name, best)
        value = value_of(run, column)
        return "-" if is_missing(value) and not isinstance(value, float) else fmt_value(value)
    if column == "id":
        return Text(run.id, style="bold")
    if column == "name":
        text = Text(run.record.name or "")
        for tag in run.record.tags:
            text.append(f" #{tag}" if text.plain else f"#{tag}", style="blue")
        return text if text.plain else "-"
    if column == "status":
        if run.record.status == "running":
            from exptrack.live import progress_note

            note = progress_note(run.path, elapsed(run))
            if note:
                return status_text(run).append(f" {note}", style="dim")
        return status_text(run)
    if column in ("started", "started_at"):
        return fmt_ago(run.record.started_at)
    if column in ("duration", "duration_s"):
        return fmt_duration(elapsed(run))
    if column == "commit":
        return short_commit(run)
    if column == "best":
        found = best.get(run.id)
        if found is None or found.value is None:
            return "-"
        return f"{fmt_value(found.value)}{fmt_step(found.step)}"
    value = value_of(run, Key("field", column))
    return "-" if is_missing(value) else fmt_value(value)


def print_run_table(runs: Sequence[RunView], columns: Sequence[str | Key],
                    constant: dict[str, Any], best_metric: str | None = None,
                    best: dict[str, BestValue] | None = None,
                    notes: Sequence[str] = (), fit: bool = True) -> None:
    """The `track ls` table; constant params once above it, notes (what was left out)
    below it. With ``fit``, columns that do not fit the width are dropped whole (least
    useful first) rather than cut to unreadable stubs."""
    out = console()
    if constant:
        pairs = "  ".join(f"{k}={fmt_value(v)}" for k, v in constant.items())
        out.print(f"[dim]same in all:[/dim] {escape_markup(pairs)}", overflow="fold")
    shown = list(columns)
    dropped: list[str] = []
    plain = _plain_table(out, runs, columns, best_metric, best or {}, fit)
    if plain is not None:
        lines, dropped = plain
        print_plain(out, lines)
    else:
        table = _run_table(runs, shown, best_metric, best or {})
        while fit and _natural_width(out, table) > out.width:
            victim = _least_useful(shown)
            if victim is None:
                break
            shown.remove(victim)
            dropped.append(_header(victim, best_metric))
            table = _run_table(runs, shown, best_metric, best or {})
        out.print(table)
    if dropped:
        notes = [*notes, f"not shown for width: {', '.join(dropped)} (pick with --columns)"]
    for note in notes:
        out.print(f"[dim]{escape_markup(note)}[/dim]")


def _run_table(runs: Sequence[RunView], columns: Sequence[str | Key], best_metric: str | None,
               best: dict[str, BestValue]) -> Table:
    from rich.table import Table

    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold",
                  collapse_padding=True)
    for column in columns:
        table.add_column(_header(column, best_metric), no_wrap=True, overflow="ellipsis",
                         justify="right" if _numeric(column) else "left",
                         max_width=NAME_WIDTH if column == "name" else None)
    for run in runs:
        table.add_row(*(_cell(run, c, best) for c in columns))
    return table


def _header(column: str | Key, best_metric: str | None) -> str:
    if column == "best":
        return f"best {best_metric}"
    return column.label if isinstance(column, Key) else FIELD_HEADERS.get(column, column)


def _numeric(column: str | Key) -> bool:
    return column == "best" or (isinstance(column, Key) and column.kind in ("param", "metric"))


def _plain_table(out: Console, runs: Sequence[RunView], columns: Sequence[str | Key],
                 best_metric: str | None, best: dict[str, BestValue],
                 fit: bool) -> tuple[list[str], list[str]] | None:
    """(lines, headers of the columns dropped for width) of the table as rich lays it
    out, when the output is plain and every cell is one plain line (see
    ``render.plain_lines``); None when rich must lay it out."""
    from rich.text import Text

    if out.color_system is not None:
        return None
    shown = list(columns)
    cells: dict[str | Key, list[str]] = {}
    for column in shown:
        texts = [_header(column, best_metric)]
        for run in runs:
            cell = _cell(run, column, best)
            texts.append(cell.plain if isinstance(cell, Text) else cell)
        if column == "name":  # rich's ellipsis at the column's maximum width
            texts = [t if len(t) <= NAME_WIDTH else t[:NAME_WIDTH - 1] + "…" for t in texts]
        cells[column] = texts
    dropped: list[str] = []
    while fit and sum(len(max(cells[c], key=len)) + 1 for c in shown) - 1 > out.width:
        victim = _least_useful(shown)
        if victim is None:
            return None
        shown.remove(victim)
        dropped.append(_header(victim, best_metric))
    lines = plain_lines(out, [[cells[c][row] for c in shown] for row in range(len(runs) + 1)],
                        right=[i for i, c in enumerate(shown) if _numeric(c)], markup=True)
    return None if lines is None else (lines, dropped)


def _natural_width(out: Console, table: Table) -> int:
    from rich.measure import Measurement

    return Measurement.get(out, out.options.update(width=10_000), table).maximum


def _least_useful(columns: Sequence[str | Key]) -> str | Key | None:
    """Which column to give up first when the table is too wide: duration, then extra
    metrics, then params beyond two, the start time, params beyond one, commit, name."""
    params: list[str | Key] = [c for c in columns if isinstance(c, Key) and c.kind == "param"]
    metrics: list[str | Key] = [c for c in columns
                                if isinstance(c, Key) and c.kind == "metric"]
    order: list[list[str | Key]] = [
        ["duration"], metrics[1:][::-1], params[2:][::-1], ["started"], params[1:][::-1],
        ["commit", "name"]]
    for group in order:
        for column in group:
            if column in columns:
                return column
    return None


def print_csv(runs: Sequence[RunView], columns: Sequence[str | Key]) -> None:
    """One row a run: fields, then params, then metrics; missing values are empty cells.
    Exact when piped; on a terminal, control characters are shown (``visible``)."""
    import csv

    from exptrack.render import visible

    tty = sys.stdout.isatty()
    writer = csv.writer(sys.stdout, lineterminator="\n")
    headers = []
    for column in columns:
        if isinstance(column, Key):
            prefix = "params." if column.kind == "param" else (
                "metrics." if column.kind == "metric" else "")
            headers.append(prefix + column.label)
        else:
            headers.append(column)
    writer.writerow([visible(header) for header in headers] if tty else headers)
    for run in runs:
        cells: list[str] = []
        for column in columns:
            key = column if isinstance(column, Key) else Key("field", column)
            value = value_of(run, key)
            if is_missing(value) and not (isinstance(value, float) and math.isnan(value)):
                cells.append("")
            elif isinstance(value, list):
                cells.append(";".join(str(v) for v in value))
            elif isinstance(value, float):
                cells.append(fmt_value(value) if not math.isfinite(value) else repr(value))
            else:
                cells.append(str(value).lower() if isinstance(value, bool) else str(value))
        writer.writerow([visible(cell) for cell in cells] if tty else cells)
