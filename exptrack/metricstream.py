"""Metric parsing of a running command's output, on a thread of its own.

The output path (terminal and ``output.log``) never waits on it: each chunk is handed over
through a bounded queue and the tee goes on. Parsing is a safety valve, not a brake: when it
falls behind (the queue holds ``MAX_QUEUED_BYTES``) or has used its time budget for the
current second (``budget_s``), chunks are recorded in ``output.log`` only and parsing
resumes at the next line start; the bytes skipped are counted. Observations keep output
order, and each row carries the time its output arrived.

The parser is made on the thread, when the first output arrives (``make_parser``): its patterns
compile there (about 80 ms on this project's 2-core machine) while the command runs, and a
command that prints nothing never pays for them.

The summarizer is shared with the recorder, which writes ``summary.yaml`` now and then:
``lock`` is held while it changes. Warnings and storage errors raised on the thread are
kept for the recorder to report from its own thread (``take_events``).
"""

from __future__ import annotations

import collections
import contextlib
import queue
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from exptrack.insights.keep import Kept
from exptrack.metrics.encode import RowWriter
from exptrack.metrics.records import record_segments

if TYPE_CHECKING:
    from exptrack.metrics import MetricParser, MetricSummarizer
    from exptrack.metrics.parser import Segment

MAX_QUEUED_BYTES = 8 * 1024 * 1024
BATCH_BYTES = 1024 * 1024
JOIN_WAIT_S = 30.0  # at the end: the queue left to parse is bounded, so is this wait

WriteRows = Callable[[bytes], None]


class MetricStream:
    """Feed it the command's output in order; it records the metrics found."""

    def __init__(self, make_parser: Callable[[], MetricParser], summarizer: MetricSummarizer,
                 write_rows: WriteRows, budget_s: float) -> None:
        self._make_parser = make_parser
        self.parser: MetricParser | None = None  # made by the thread (see the module doc)
        self.summarizer = summarizer
        self.writer = RowWriter()  # metrics.jsonl's lines: written by the thread only
        # the curves of the rows written, for the insights (thread only); None after a bug
        self.kept: Kept | None = Kept()
        self.finished = False  # the thread parsed everything queued, and ended
        self.lock = threading.Lock()  # held while the summarizer changes
        self._write_rows = write_rows
        self.budget_s = budget_s
        # (chunk, arrival time, follows a dropped chunk); None: no more chunks
        self._queue: queue.SimpleQueue[tuple[bytes, float, bool] | None] = queue.SimpleQueue()
        self._fed = 0  # bytes queued, written by the output path only
        self._taken = 0  # bytes taken from the queue, written by the thread only
        self._thread: threading.Thread | None = None
        self._gap = False  # a chunk was dropped: the next one starts mid-line
        self._dropped_bytes = 0
        self._skipped_bytes = 0  # by the worker (time budget, resync)
        self._window_start = time.monotonic()
        self._parse_s = 0.0
        self._skipping = False
        self.events: collections.deque[str] = collections.deque()  # warnings, for the recorder

    @property
    def skipped_bytes(self) -> int:
        return self._dropped_bytes + self._skipped_bytes

    # -- the output path: never blocks on parsing --------------------------------------
    def feed(self, data: bytes) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="track-metrics",
                                            daemon=True)
            self._thread.start()
        if self._fed - self._taken + len(data) > MAX_QUEUED_BYTES:
            self._gap = True
            self._dropped_bytes += len(data)
            return
        self._fed += len(data)
        self._queue.put((data, time.time(), self._gap))
        self._gap = False

    def take_events(self) -> list[str]:
        taken = []
        while self.events:
            taken.append(self.events.popleft())
        return taken

    def finish(self) -> None:
        """Parse what is queued, then the last partial line; stop the thread."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(JOIN_WAIT_S)
            if self._thread.is_alive():  # a parser stuck on some input: give up on it
                self.events.append("metric parsing did not finish; the metrics of the end "
                                   "of the output were not recorded (`track reparse` can "
                                   "retry from output.log)")
                return
        self.finished = True
        if self.parser is None:  # no output, or the parser could not be made
            return
        try:
            rest = self.parser.finish()
        except Exception:
            rest = []
        if rest:
            self._record([rest], time.time())

    # -- the thread --------------------------------------------------------------------
    def _work(self) -> None:
        try:
            self.parser = self._make_parser()
        except Exception as exc:  # never stops the command or the tee: no metrics, said so
            self.events.append(f"metrics were not parsed ({type(exc).__name__}: {exc}); "
                               "`track reparse` can retry from output.log")
            self._drain()
            return
        held: list[tuple[bytes, float, bool] | None] = []  # taken, not parsed yet
        while True:
            item = held.pop() if held else self._queue.get()
            if item is None:
                return
            data, arrived, after_gap = item
            # What queued up while we parsed is parsed as one piece: a few big pieces cost
            # far less than many small ones.
            pieces = [data]
            size = len(data)
            while size < BATCH_BYTES:
                try:
                    following = self._queue.get_nowait()
                except queue.Empty:
                    break
                if following is None or following[2]:  # the end, or a gap: a new piece
                    held.append(following)
                    break
                pieces.append(following[0])
                size += len(following[0])
            self._taken += size
            self._parse(b"".join(pieces) if len(pieces) > 1 else data, arrived, after_gap)

    def _drain(self) -> None:
        """Take the chunks, unparsed, to the end (no parser: the event says so)."""
        while (item := self._queue.get()) is not None:
            self._taken += len(item[0])

    def _parse(self, data: bytes, arrived: float, after_gap: bool) -> None:
        assert self.parser is not None  # made before the first chunk (``_work``)
        if after_gap:
            self._start_skipping()
        data = self._within_budget(data)
        if not data:
            return
        started = time.perf_counter()
        try:
            segments = self.parser.feed_segments(data)
        except Exception:
            segments = []
        if segments:
            self._record(segments, arrived)
        self._parse_s += time.perf_counter() - started

    def _start_skipping(self) -> None:
        if not self._skipping:
            self._skipping = True
            assert self.parser is not None
            with contextlib.suppress(Exception):
                self.parser.finish(end=False)  # drop its partial line (its rest is not
                # parsed); what ``finals`` holds stays held

    def _within_budget(self, data: bytes) -> bytes:
        """The part of ``data`` to parse. Parsing may take ``budget_s`` of each second;
        beyond that chunks are not parsed until the next second, and parsing resumes at
        the next line start."""
        now = time.monotonic()
        if now - self._window_start >= 1.0:
            self._window_start = now
            self._parse_s = 0.0
        if self._parse_s > self.budget_s:
            self._start_skipping()
            self._skipped_bytes += len(data)
            return b""
        if self._skipping:
            breaks = [i for i in (data.find(b"\n"), data.find(b"\r")) if i >= 0]
            if not breaks:
                self._skipped_bytes += len(data)
                return b""
            cut = min(breaks)
            self._skipping = False
            self._skipped_bytes += cut + 1
            return data[cut + 1:]
        return data

    def _record(self, segments: Sequence[Segment], arrived: float) -> None:
        try:
            with self.lock:
                _, rows = record_segments(segments, self.summarizer, self.writer,
                                          round(arrived, 3))
        except Exception as exc:  # a parser bug must never stop the command or the tee
            self.events.append(f"metrics of some output were not recorded "
                               f"({type(exc).__name__}); `track reparse` can retry from "
                               "output.log")
            return
        self._write_rows(rows.encode("utf-8"))
        if self.kept is not None:
            try:
                self.kept.add(segments, round(arrived, 3))
            except Exception:  # the insights read metrics.jsonl instead
                self.kept = None
