"""Everything printed for humans (rich) and for scripts (``--json``), in one place.

User data (names, notes, params, commands, paths, metric names, config and environment
values, error messages quoting input) never reaches a terminal raw: ``console()``'s
consoles show every control character as ``\\xNN`` (``visible``) in whatever they render,
and ``warn``/``error`` do the same, so an escape sequence in a note cannot set the
window title or move the cursor. ``--json`` output stays exact (JSON escapes them).
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any, TextIO, cast

from exptrack.model import finite_or_text
from exptrack.render_visible import visible as visible  # (re-exported for the views)
from exptrack.render_visible import visible_console
from exptrack.store import RunView

if TYPE_CHECKING:
    from datetime import datetime

    from rich.console import Console
    from rich.text import Text
_PLAIN = frozenset((str, int, bool, type(None)))


def _clean(value: Any) -> Any:
    """JSON has no NaN/inf: they become strings, as in the run folder."""
    if type(value) in _PLAIN:
        return value
    if isinstance(value, float) and not math.isfinite(value):
        return finite_or_text(value)
    plain = _PLAIN  # (leaves checked inline: a call a value costs a second at 10,000 runs)
    if isinstance(value, dict):
        return {str(k): v if type(v) in plain else _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [v if type(v) in plain else _clean(v) for v in value]
    return value


def run_summary(run: RunView) -> dict[str, Any]:
    """The stable JSON summary of a run (DESIGN.md, "Public interfaces"); ``print_json``
    and ``print_json_rows`` make its NaNs and infinities strings."""
    record = run.record
    summary: dict[str, Any] = ({
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
        "origin": record.origin,
        "host": record.host,
        "params": run.params,
        "metrics": {name: m.to_dict() for name, m in run.metrics.items()},
        "git": {"commit": run.git.commit, "branch": run.git.branch, "dirty": run.git.dirty},
        "path": str(run.path),
        "damaged": run.damaged,
        "warnings": record.warnings,  # the recorder's (a cut output.log ...), as recorded
    })
    return summary


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(_clean(data), indent=2, ensure_ascii=False, default=str) + "\n")


def print_json_rows(rows: Sequence[Any]) -> None:
    """A JSON array with one element a line: what ``ls --json`` prints. Each line is
    encoded by the json module's C encoder (an indented dump is pure Python: 10,000 runs
    took 3 s instead of 0.5 s) and stays greppable."""
    if not rows:
        sys.stdout.write("[]\n")
        return
    encode = json.JSONEncoder(ensure_ascii=False, default=str, separators=(", ", ": ")).encode
    last = len(rows) - 1
    sys.stdout.write("[\n" + "".join(f"  {encode(_clean(row))}{',' if i < last else ''}\n"
                                      for i, row in enumerate(rows)) + "]\n")


def use_color() -> bool:
    """Colour only on a terminal, never with NO_COLOR; FORCE_COLOR forces it (tests, CI)."""
    if "NO_COLOR" in os.environ:
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def console() -> Console:
    """The one way commands get a rich console: no colour, no highlighting of numbers,
    control characters made visible."""
    color = use_color()
    return visible_console()(file=cast("TextIO", _TrimmedLines(sys.stdout)), no_color=not color,
                   force_terminal=color, highlight=False, soft_wrap=False)


# Linear: a run of spaces can only start at its first space (the lookbehind), so a long
# run followed by text is scanned once, not once per space.
_TRAILING = re.compile(r"(?<! ) +((?:\x1b\[[0-9;]*m)*)$")


class _TrimmedLines:
    """stdout without the trailing spaces rich pads table cells with (clean to copy,
    grep and diff)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._pending = ""
        self.encoding = getattr(stream, "encoding", None) or "utf-8"

    def write(self, text: str) -> int:
        *lines, self._pending = (self._pending + text).split("\n")
        if lines:
            self._stream.write("".join(_TRAILING.sub(r"\1", line) + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self._stream.write(self._pending)
            self._pending = ""
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()


def plain_lines(out: Console, rows: Sequence[Sequence[str]], right: Collection[int] = (),
                gap: int = 1, min_first: int = 0, max_first: int | None = None,
                markup: bool = False) -> list[str] | None:
    """The lines rich prints for a borderless table (``box=None, pad_edge=False``,
    ``collapse_padding``, ``gap`` spaces between columns) of one-line cells when everything
    fits at its natural width: each column as wide as its widest cell (the first at least
    ``min_first``), ``right`` the columns justified right. Without rich's per-cell layout,
    a tenth of the time. Only for output without styles (not a terminal, or no colour);
    None when the cells need rich: a cell to fold or truncate (the first column wider than
    ``max_first``), characters whose width is not one cell, or, with ``markup`` (cells
    given to rich as strings), what could be markup or an emoji code."""
    if out.color_system is not None or not rows:
        return None
    from rich.cells import cell_len

    widths = [0] * len(rows[0])
    for row in rows:
        for position, cell in enumerate(row):
            if not cell.isprintable() or cell != cell.strip() \
                    or not (cell.isascii() or cell_len(cell) == len(cell)) \
                    or (markup and ("[" in cell or ":" in cell)):
                return None
            widths[position] = max(widths[position], len(cell))
    widths[0] = max(widths[0], min_first)
    if (max_first is not None and widths[0] > max_first) \
            or sum(widths) + gap * (len(widths) - 1) > out.width:
        return None
    space = " " * gap
    return [space.join(cell.rjust(width) if position in right else cell.ljust(width)
                       for position, (cell, width) in enumerate(zip(row, widths, strict=True)))
            .rstrip() for row in rows]


def print_plain(out: Console, lines: list[str]) -> None:
    """Print what ``plain_lines`` laid out: every line fits, so rich need not wrap it."""
    from rich.text import Text

    out.print(Text("\n".join(lines)), no_wrap=True, overflow="ignore", crop=False)


def warn(message: str) -> None:
    """A one-line warning from track on stderr (also readable in a raw-mode terminal)."""
    end = "\r\n" if _stderr_raw() else "\n"
    sys.stderr.write(f"track: warning: {visible(message)}{end}")
    sys.stderr.flush()


def notice(message: str) -> None:
    """A one-line remark from track on stderr (not a problem), as ``warn`` writes it."""
    notice_raw(visible(message))


def notice_raw(line: str) -> None:
    """``notice`` of a line whose user data was already made visible (it may hold colour)."""
    end = "\r\n" if _stderr_raw() else "\n"
    sys.stderr.write(f"track: {line}{end}")
    sys.stderr.flush()


def error(message: str) -> None:
    sys.stderr.write(f"track: error: {visible(message)}\n")
    sys.stderr.flush()


def _stderr_raw() -> bool:
    try:
        import termios

        if not os.isatty(2):
            return False
        return not termios.tcgetattr(2)[1] & termios.OPOST
    except (OSError, ImportError, Exception):
        return False



def page(data: bytes, missing: str) -> None:
    """Raw bytes to stdout, through $PAGER (default ``less -FRX``) on a terminal."""
    if not data:
        warn(f"this run has {missing}")
        return
    if sys.stdout.isatty():
        import shlex
        import subprocess

        command = shlex.split(os.environ.get("PAGER") or "less")
        env = dict(os.environ)
        env.setdefault("LESS", "FRX")
        try:
            subprocess.run(command, input=data, env=env, check=False)
            return
        except OSError:
            pass
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


# ---------------------------------------------------------------- small formatters

STATUS_STYLES = {"completed": "green", "failed": "red", "interrupted": "yellow",
                 "crashed": "bold magenta", "running": "bold cyan"}
VERDICT_STYLES = {"better": "green", "worse": "red"}
SPARK = "▁▂▃▄▅▆▇█"


def fmt_value(value: Any) -> str:
    """A param or metric value in few characters; missing is '-'."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.4g}" if math.isfinite(value) else str(finite_or_text(value))
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(fmt_value(v) for v in value) + "]"
    return str(value)


def fmt_step(step: Any) -> str:
    return "" if step is None else f"@{fmt_value(step)}"


def fmt_duration(seconds: float | None) -> str:
    if seconds is None or not math.isfinite(seconds):
        return "-"
    if seconds < 1:
        return f"{seconds:.2f}s"
    if seconds < 10:
        return f"{seconds:.1f}s"
    whole = round(seconds)
    if whole < 60:
        return f"{whole}s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes}m{secs:02d}s"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours}h{minutes:02d}m"
    return f"{hours // 24}d{hours % 24:02d}h"


def parse_time(stamp: str | None) -> datetime | None:
    from datetime import datetime

    if not stamp:
        return None
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None


def fmt_ago(stamp: str | None, now: datetime | None = None) -> str:
    """'just now', '42s ago', '3m ago', '5h ago', '2d ago', else the date."""
    from datetime import datetime, timezone

    when = parse_time(stamp)
    if when is None:
        return (stamp or "-")[:16]
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    seconds = ((now or datetime.now(timezone.utc)) - when).total_seconds()
    if seconds < 0:
        return str(when.astimezone().strftime("%Y-%m-%d %H:%M"))
    for limit, unit, size in ((5, "", 1), (60, "s", 1), (3600, "m", 60), (86400, "h", 3600),
                              (30 * 86400, "d", 86400)):
        if seconds < limit:
            return "just now" if not unit else f"{int(seconds // size)}{unit} ago"
    return when.astimezone().strftime("%Y-%m-%d")


def fmt_time(stamp: str | None) -> str:
    when = parse_time(stamp)
    if when is None:
        return stamp or "-"
    return when.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")


def fmt_bytes(size: Any) -> str:
    if not isinstance(size, (int, float)) or isinstance(size, bool):
        return "-"
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if abs(value) < 1024 or unit == "TiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} TiB"


def elapsed(run: RunView) -> float | None:
    """Duration, or the time so far for a running run."""
    from datetime import datetime, timezone

    if run.record.duration_s is not None:
        return run.record.duration_s
    started = parse_time(run.record.started_at)
    if run.record.status == "running" and started is not None:
        return (datetime.now(timezone.utc) - started).total_seconds()
    return None


def short_commit(run: RunView) -> str:
    if not run.git.commit:
        return "-"
    return run.git.commit[:7] + ("*" if run.git.dirty else "")


def status_text(run: RunView) -> Text:
    from rich.text import Text

    status = run.record.status
    label = status
    if status in ("failed",) and run.record.exit_code is not None:
        label = f"failed({run.record.exit_code})"
    return Text(label, style=STATUS_STYLES.get(status, ""))


def sparkline(values: Sequence[float], width: int = 24) -> str:
    """A unicode sparkline of ``values`` resampled to ``width`` buckets (NaN/inf skipped)."""
    finite = [v for v in values if math.isfinite(v)]
    if not finite:
        return ""
    if len(finite) > width:
        buckets = []
        for i in range(width):
            chunk = finite[i * len(finite) // width:(i + 1) * len(finite) // width]
            buckets.append(sum(chunk) / len(chunk))
        finite = buckets
    low, high = min(finite), max(finite)
    span = high - low
    if span <= 0:
        return SPARK[3] * len(finite)
    return "".join(SPARK[min(7, int((v - low) / span * 7.999))] for v in finite)


def run_label(run: RunView) -> str:
    return f"{run.id} ({run.record.name})" if run.record.name else run.id


def escape_markup(text: str) -> str:
    from rich.markup import escape

    return escape(text)
