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
    visible,
)
from exptrack.store import RunView

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text


FIELD_HEADERS = {"duration": "took", "duration_s": "took", "started": "started",
                 "exit_code": "exit"}
NAME_WIDTH = 16  # a name is cut to at least this many characters (more when wide)


def cell_caps(width: int) -> tuple[int, int]:
    """(name, any other cell): how wide a cell may be before it is cut with an ellipsis,
    for a terminal ``width`` columns wide. Ids are never cut."""
    return max(NAME_WIDTH, min(48, width // 4)), max(12, min(40, width // 5))


Marks = dict[str, list[tuple[str, str, str]]]  # run id: (code, kind, severity), worst first
SEVERITY_STYLES = {"error": "bold red", "warning": "yellow"}


def _plain_cell(run: RunView, column: str | Key, best: dict[str, BestValue],
                marks: Marks) -> str:
    """The text of one cell (its control characters not yet made visible)."""
    if isinstance(column, Key):
        if column.kind == "field":
            return _plain_cell(run, column.name, best, marks)
        value = value_of(run, column)
        text = "-" if is_missing(value) and not isinstance(value, float) else fmt_value(value)
    elif column == "id":
        return run.id
    elif column == "name":
        text = run.record.name or "-"
    elif column in ("tags", "tag"):
        text = ",".join(run.record.tags)
    elif column == "status":
        text = status_text(run).plain
        if run.record.status == "running":
            from exptrack.live import progress_note

            note = progress_note(run.path, elapsed(run))
            if note:
                text = f"{text} {note}"
        if marks.get(run.id):
            text = f"{text} {''.join(code for code, _, _ in marks[run.id])}"
    elif column in ("started", "started_at"):
        text = fmt_ago(run.record.started_at)
    elif column in ("duration", "duration_s"):
        text = fmt_duration(elapsed(run))
    elif column == "commit":
        text = short_commit(run)
    elif column == "best":
        found = best.get(run.id)
        text = "-" if found is None or found.value is None \
            else f"{fmt_value(found.value)}{fmt_step(found.step)}"
    else:
        value = value_of(run, Key("field", column))
        text = "-" if is_missing(value) else fmt_value(value)
    return text


def _styled(run: RunView, column: str | Key, text: str, marks: Marks) -> Text:
    from rich.text import Text

    name = column.name if isinstance(column, Key) and column.kind == "field" else column
    if name == "id":
        return Text(text, style="bold")
    if name in ("tags", "tag"):
        return Text(text, style="blue")
    if name == "status":
        codes = "".join(code for code, _, _ in marks.get(run.id, []))
        if not codes or not text.endswith(" " + codes):
            return Text(text, style=status_text(run).style)
        styled = Text(text[:-len(codes)], style=status_text(run).style)
        for code, _, severity in marks[run.id]:
            styled.append(code, style=SEVERITY_STYLES.get(severity, ""))
        return styled
    return Text(text)


def _cap(text: str, limit: int) -> str:
    from rich.cells import cell_len, set_cell_size

    if len(text) <= limit and (text.isascii() or cell_len(text) <= limit):
        return text
    return set_cell_size(text, limit - 1) + "…"


def print_run_table(runs: Sequence[RunView], columns: Sequence[str | Key],
                    constant: dict[str, Any], best_metric: str | None = None,
                    best: dict[str, BestValue] | None = None,
                    notes: Sequence[str] = (), fit: bool = True,
                    hidden: Sequence[str] = (), marks: Marks | None = None) -> None:
    """The `track ls` table; constant params once above it, notes (what was left out)
    below it. Long cells are cut with an ellipsis (ids never); with ``fit``, columns that
    do not fit the width are dropped whole (least useful first) rather than squeezed to
    unreadable stubs. Every column not shown (dropped here, or ``hidden`` by the caller)
    is named in a footer line. ``marks``: the one-letter insight codes after a run's
    status, coloured by severity on a terminal, explained in a legend line."""
    from rich.cells import cell_len

    out = console()
    if constant:
        pairs = "  ".join(f"{k}={fmt_value(v)}" for k, v in constant.items())
        out.print(f"[dim]same in all:[/dim] {escape_markup(pairs)}", overflow="fold")
    name_cap, cell_cap = cell_caps(out.width)
    best = best or {}
    marks = marks or {}
    cells: dict[str | Key, list[str]] = {}
    widths: dict[str | Key, int] = {}
    for column in columns:
        limit = None if column in ("id", "status") \
            else name_cap if column == "name" else cell_cap
        texts = [_header(column, best_metric), *(_plain_cell(run, column, best, marks)
                                                 for run in runs)]
        joined = "\n".join(texts)  # (one look at a column in the usual case: fast)
        if visible(joined) is not joined:  # measured as shown: control characters visible
            texts = [visible(text) for text in texts]
        ascii_only = joined.isascii()
        if limit is not None and (not ascii_only or max(map(len, texts)) > limit):
            texts = [_cap(text, limit) for text in texts]
        cells[column] = texts
        widths[column] = max(map(len, texts)) if ascii_only \
            else max(cell_len(t) for t in texts)  # ("…" is one cell)
    shown = list(columns)
    dropped: list[str] = []
    while fit and sum(widths[c] + 1 for c in shown) - 1 > out.width:
        victim = _least_useful(shown)
        if victim is None:
            break
        shown.remove(victim)
        dropped.append(_header(victim, best_metric))
    right = [i for i, c in enumerate(shown) if _numeric(c)]
    rows = [[cells[c][row] for c in shown] for row in range(len(runs) + 1)]
    lines = _plain_table(out, rows, right)
    if lines is not None:
        print_plain(out, lines)
    else:
        out.print(_run_table(runs, shown, rows, right, widths.get("id", 0), marks))
    missing = [*dropped, *(h for h in hidden if h not in dropped)]
    if missing:
        notes = [*notes, f"hidden: {', '.join(missing)} — use -c"]
    legend = {code: kind for run in runs if "status" in shown
              for code, kind, _ in marks.get(run.id, [])}
    if legend:
        notes = [", ".join(f"{code} {kind}" for code, kind in sorted(legend.items())), *notes]
    for note in notes:
        out.print(f"[dim]{escape_markup(note)}[/dim]")


def _run_table(runs: Sequence[RunView], columns: Sequence[str | Key],
               rows: Sequence[Sequence[str]], right: Sequence[int], id_width: int,
               marks: Marks) -> Table:
    from rich.table import Table

    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold",
                  collapse_padding=True)
    for position, column in enumerate(columns):
        table.add_column(rows[0][position], no_wrap=True, overflow="ellipsis",
                         justify="right" if position in right else "left",
                         min_width=id_width if column == "id" else None)
    for run, row in zip(runs, rows[1:], strict=True):
        table.add_row(*(_styled(run, c, text, marks)
                        for c, text in zip(columns, row, strict=True)))
    return table


def _header(column: str | Key, best_metric: str | None) -> str:
    if column == "best":
        return f"best {best_metric}"
    if isinstance(column, Key):
        return FIELD_HEADERS.get(column.name, column.name) if column.kind == "field" \
            else column.label
    return FIELD_HEADERS.get(column, column)


def _numeric(column: str | Key) -> bool:
    return column == "best" or (isinstance(column, Key) and column.kind in ("param", "metric"))


def _plain_table(out: Console, rows: Sequence[Sequence[str]],
                 right: Sequence[int]) -> list[str] | None:
    """The lines of the table as rich lays it out, when the output is plain and every
    cell is one plain line that fits (see ``render.plain_lines``); None when rich must
    lay it out."""
    return plain_lines(out, rows, right=right)


def _least_useful(columns: Sequence[str | Key]) -> str | Key | None:
    """Which column to give up first when the table is too wide: duration, then extra
    metrics, then params beyond two, the start time, params beyond one, commit, tags,
    name, then any other from the right; never the id."""
    params: list[str | Key] = [c for c in columns if isinstance(c, Key) and c.kind == "param"]
    metrics: list[str | Key] = [c for c in columns
                                if isinstance(c, Key) and c.kind == "metric"]
    order: list[list[str | Key]] = [
        ["duration"], metrics[1:][::-1], params[2:][::-1], ["started"], params[1:][::-1],
        ["commit", "tags", "name"], [c for c in columns if c != "id"][::-1]]
    for group in order:
        for column in group:
            if column in columns:
                return column
    return None


def print_csv(runs: Sequence[RunView], columns: Sequence[str | Key]) -> None:
    """One row a run: fields, then params, then metrics; missing values are empty cells.
    Exact when piped; on a terminal, control characters are shown (``visible``)."""
    import csv

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
