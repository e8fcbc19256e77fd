"""The runner's output sink for one run: the exact bytes to ``output.log`` at once, the
metrics to ``metrics.jsonl`` from a parsing thread (``MetricStream``) the output never
waits for. A write that fails (full disk, size limit, read-only store) stops that file,
keeps where it was cut, and is reported once; the command is never disturbed.
"""

from __future__ import annotations

import collections
import contextlib
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from exptrack.metricstream import MetricStream
from exptrack.model import cut_warning

if TYPE_CHECKING:
    from exptrack.metrics import MetricParser, MetricSummarizer

Warn = Callable[[str], None]
StorageError = Callable[[str, OSError], None]  # (file name, error)
PARSE_BUDGET_S = 0.9  # metric parsing may take this much of each second of output


class SafeWriter:
    """Appends to a file of the run folder, each write straight to the file (a crash or
    ``kill -9`` loses nothing written). The first OSError is reported through
    ``on_error`` and disables the file; the command is never disturbed. A file stopped
    before the end keeps ``cut``: (its size then, why). Safe to use from two threads
    (metrics.jsonl is written by the parsing thread)."""

    def __init__(self, path: Path, on_error: StorageError, file_mode: int = 0o600) -> None:
        self.path = path
        self._on_error = on_error
        self._lock = threading.Lock()  # no write to a closed (or reused) fd
        self.fd: int | None = None
        self.size = 0
        self.cut: tuple[int, str] | None = None
        try:
            # Held open for the whole run, closed in close().
            self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC,
                              file_mode)
            self.size = os.fstat(self.fd).st_size
        except OSError as exc:
            self._on_error(self.path.name, exc)

    def _close_fd(self) -> None:
        if self.fd is not None:
            with contextlib.suppress(OSError):
                os.close(self.fd)
        self.fd = None

    def _mark_cut(self, why: OSError) -> None:
        if self.cut is None:
            self.cut = (self.size, why.strerror or str(why))

    def stop(self, why: OSError) -> None:
        """Stop appending before the end (the disk is full, or this file failed)."""
        with self._lock:
            self._mark_cut(why)
            self._close_fd()

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        failed = None
        with self._lock:
            while view and self.fd is not None:
                try:
                    written = os.write(self.fd, view)
                except OSError as exc:  # full disk, file size limit, read-only, I/O error
                    self._mark_cut(exc)
                    self._close_fd()
                    failed = exc
                    break
                self.size += written
                view = view[written:]  # a short write is followed by the error, if any
        if failed is not None:  # reported outside the lock: the handler may stop us
            self._on_error(self.path.name, failed)

    def close(self) -> None:
        with self._lock:
            self._close_fd()


class RunSink:
    """The runner's output sink: exact bytes to output.log, at once; metrics to
    metrics.jsonl, parsed on a thread of their own (``MetricStream``) that the output never
    waits for."""

    def __init__(self, run_dir: Path, make_parser: Callable[[], MetricParser],
                 summarizer: MetricSummarizer,
                 on_error: StorageError, warn: Warn, file_mode: int = 0o600) -> None:
        self._on_error = on_error
        self._warn = warn
        self._errors: collections.deque[tuple[str, OSError]] = collections.deque()
        self.log = SafeWriter(run_dir / "output.log", on_error, file_mode)
        # written from the parsing thread: its errors are reported from ours
        self.metrics = SafeWriter(run_dir / "metrics.jsonl",
                                   lambda name, exc: self._errors.append((name, exc)), file_mode)
        self.stream = MetricStream(make_parser, summarizer, self.metrics.write,
                                   env_seconds("TRACK_PARSE_BUDGET_S", PARSE_BUDGET_S))
        self.started = time.time()

    @property
    def skipped_bytes(self) -> int:
        return self.stream.skipped_bytes

    def write(self, data: bytes, stream: int) -> None:
        self.log.write(data)
        self.stream.feed(data)
        if self._errors or self.stream.events:
            self.report()

    def report(self) -> None:
        """Pass on what the parsing thread ran into (from the recorder's thread)."""
        while self._errors:
            self._on_error(*self._errors.popleft())
        for message in self.stream.take_events():
            self._warn(message)

    def stop_streaming(self, why: OSError) -> None:
        """The disk is full: stop appending, so what is left goes to the outcome."""
        for writer in (self.log, self.metrics):
            if writer.fd is not None:
                writer.stop(why)

    def cuts(self) -> list[str]:
        """Where output.log and metrics.jsonl stopped before the end, and why."""
        return [cut_warning(writer.path.name, *writer.cut)
                for writer in (self.log, self.metrics) if writer.cut is not None]

    def finish(self) -> None:
        self.stream.finish()
        self.log.close()
        self.metrics.close()
        self.report()
        kept = self.stream.kept
        if self.stream.finished and kept is not None and self.metrics.cut is None:
            from exptrack.insights.keep import remember

            # the insights at the end take the curves from memory while metrics.jsonl
            # stays as written (framework files merged into it are read from it)
            remember(self.metrics.path, kept)


def env_seconds(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value >= 0 else default
