"""Following runs as they record, for `track watch`, `show --follow` and the progress
`ls` shows: files polled cheaply (a stat, then only the bytes appended since the last
read), never written.
"""

from __future__ import annotations

import codecs
import json
import math
import os
import re
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exptrack.progress import Progress, estimate
from exptrack.series import is_better

if TYPE_CHECKING:
    from exptrack.jsonl import Decoder

TAIL_BYTES = 64 * 1024  # the output tail progress is read from
MAX_READ = 4 * 1024 * 1024  # at most this much of a file's new bytes a poll
CURVE_POINTS = 120
_KEPT = re.compile(r"\x1b\[[0-9;]{0,32}[mK]|[\r\n\t]")  # linear: bounded, no nesting
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


def screen_lines(data: bytes) -> list[str]:
    """Output as a terminal would have left it: escapes removed, a carriage return keeps
    what was written after it (a redrawn progress bar's last state), blank lines dropped."""
    text = _ANSI.sub("", data.decode("utf-8", "replace"))
    shown = []
    for raw in text.split("\n"):
        parts = [p for p in raw.split("\r") if p.strip()]
        if parts:
            shown.append(parts[-1].rstrip())
    return shown


def read_tail(path: Path, size: int = TAIL_BYTES) -> bytes:
    try:
        with path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            end = handle.tell()
            handle.seek(max(0, end - size))
            return handle.read()
    except OSError:
        return b""


def run_progress(run_dir: Path) -> Progress | None:
    """How far a running run is, from the tail of its output."""
    return estimate(screen_lines(read_tail(run_dir / "output.log"))[-40:])


class FileTail:
    """The bytes appended to a file since the last ``read``; a file replaced or cut
    shorter is read again from its start."""

    def __init__(self, path: Path, offset: int = 0) -> None:
        self.path = path
        self.offset = offset
        self._inode: int | None = None

    def read(self) -> bytes:
        try:
            st = os.stat(self.path)
        except OSError:
            return b""
        if self._inode is not None and (st.st_ino != self._inode or st.st_size < self.offset):
            self.offset = 0
        self._inode = st.st_ino
        if st.st_size <= self.offset:
            return b""
        try:
            with self.path.open("rb") as handle:
                handle.seek(self.offset)
                data = handle.read(min(st.st_size - self.offset, MAX_READ))
        except OSError:
            return b""
        self.offset += len(data)
        return data


@dataclass
class MetricState:
    """A metric so far: last and best value, count, and its recent values (a sparkline)."""

    last: float = math.nan
    best: float | None = None
    count: int = 0
    recent: deque[float] = field(default_factory=lambda: deque(maxlen=CURVE_POINTS))


class RunFollower:
    """What `watch` shows of one run, brought up to date by ``poll``: metrics (through
    ``jsonl.read_series`` from the last offset), the output's tail (progress), the latest
    resources sample."""

    def __init__(self, run_dir: Path, directions: dict[str, str | None]) -> None:
        self.run_dir = run_dir
        self.directions = directions
        self.metrics: dict[str, MetricState] = {}
        self._metrics_offset = 0
        self._metrics_file: tuple[int, int] | None = None  # (device, inode) being followed
        self._decoder: Decoder | None = None
        self._output = FileTail(run_dir / "output.log")
        self._resources = FileTail(run_dir / "resources.jsonl")
        self._resources_pending = b""
        self.output_tail = b""
        self.resources: dict[str, Any] = {}

    def poll(self) -> bool:
        """Read what was appended since the last poll; True when anything changed."""
        from exptrack.jsonl import Decoder, read_series

        path = self.run_dir / "metrics.jsonl"
        try:
            st = os.stat(path)
            identity: tuple[int, int] | None = (st.st_dev, st.st_ino)
        except OSError:
            identity = None
        if identity != self._metrics_file or self._decoder is None \
                or (identity is not None and st.st_size < self._metrics_offset):
            # a new file: the first poll, or the recorder rewrote it whole (framework
            # metric files merged in): read it again from the start
            self._metrics_file, self._metrics_offset = identity, 0
            self._decoder = Decoder(rows=True)
            self.metrics.clear()
        rows, self._metrics_offset = read_series(path, self._metrics_offset,
                                                 decoder=self._decoder)
        for row in rows:
            state = self.metrics.get(row.name)
            if state is None:
                state = self.metrics[row.name] = MetricState()
            state.last = row.value
            state.count += 1
            if is_better(row.value, state.best, self._direction(row.name)):
                state.best = row.value
            if math.isfinite(row.value):
                state.recent.append(row.value)
        output = self._output.read()
        if output:
            self.output_tail = (self.output_tail + output)[-TAIL_BYTES:]
        sample = self._read_resources()
        return bool(rows or output or sample)

    def _direction(self, name: str) -> str | None:
        if name not in self.directions:
            from exptrack.directions import metric_direction

            self.directions[name] = metric_direction(name)
        return self.directions[name]

    def _read_resources(self) -> bool:
        data = self._resources_pending + self._resources.read()
        lines = data.split(b"\n")
        self._resources_pending = lines.pop()[-65536:]
        for line in reversed(lines):
            try:
                sample = json.loads(line)
            except (ValueError, RecursionError):
                continue
            if isinstance(sample, dict):
                self.resources = sample
                return True
        return False

    def progress(self) -> Progress | None:
        return estimate(screen_lines(self.output_tail)[-40:])


def terminal_safe(text: str) -> str:
    """Output of a run for a terminal: colours (SGR), erase-line, carriage returns, tabs
    and newlines kept; every other control character or escape shown as ``\\xNN``."""
    from exptrack.render_visible import visible

    out: list[str] = []
    position = 0
    for match in _KEPT.finditer(text):
        out.append(visible(text[position:match.start()]))
        out.append(match.group())
        position = match.end()
    out.append(visible(text[position:]))
    return "".join(out)


def utf8_decoder() -> codecs.IncrementalDecoder:
    """A decoder for bytes read in pieces (a character may straddle two reads)."""
    return codecs.getincrementaldecoder("utf-8")("replace")


def progress_note(run_dir: Path, elapsed_s: float | None) -> str:
    """A running run's progress for a table cell: ``40% ETA 2m10s``, or what its output
    shows (``epoch 2 45/100``); empty when it shows no counter."""
    from exptrack.render import fmt_duration

    progress = run_progress(run_dir)
    if progress is None:
        return ""
    if progress.fraction is None:
        return progress.label
    eta = progress.eta_s(elapsed_s)
    return f"{progress.fraction * 100:.0f}%" + (f" ETA {fmt_duration(eta)}" if eta is not None
                                               else "")
