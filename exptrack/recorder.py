"""`track run`: reserve a run folder, capture what precedes the command, run it with its
output teed into the folder and parsed for metrics, and record the outcome.

A failure of the recorder itself (full disk, read-only store) is reported once and never
stops the command.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import os
import socket
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from exptrack import __version__
from exptrack.capture import default_steps
from exptrack.capture.base import CaptureStep, RunContext
from exptrack.capture.params import parse_params
from exptrack.capture.redact import redact_argv, redact_mapping
from exptrack.errors import ExptrackError, StoreError
from exptrack.fsutil import write_yaml
from exptrack.metrics import MetricParser, MetricSummarizer
from exptrack.metrics.parser import Segment
from exptrack.metrics.records import record_segments
from exptrack.model import RunRecord
from exptrack.runner import RunOutcome, run_command
from exptrack.store import Store

SUMMARY_REFRESH_S = 5.0
METRICS_FLUSH_S = 0.25

Warn = Callable[[str], None]


@dataclass
class RunRequest:
    command: list[str]
    store: Store
    name: str | None = None
    tags: list[str] = field(default_factory=list)
    note: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    metric_patterns: list[str] = field(default_factory=list)
    ignore_patterns: list[str] = field(default_factory=list)
    use_default_patterns: bool = True
    directions: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    project_config: bool = True  # merge track.yaml / [tool.track] into the fields above
    use_pty: bool | None = None
    cwd: Path = field(default_factory=Path.cwd)
    steps: list[CaptureStep] | None = None  # None: capture.default_steps()
    step_options: dict[str, Any] = field(default_factory=dict)


@dataclass
class RunResult:
    run_id: str | None
    path: Path | None
    outcome: RunOutcome


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="milliseconds")


class _SafeWriter:
    """Writes into the run folder; the first OSError warns once and disables the file."""

    def __init__(self, path: Path, warn: Warn, binary: bool = True) -> None:
        self.path = path
        self._warn = warn
        self.handle: IO[Any] | None
        try:
            # Held open for the whole run, closed in close().
            self.handle = open(path, "ab", buffering=0) if binary \
                else open(path, "a", encoding="utf-8", buffering=1024 * 1024)  # noqa: SIM115
        except OSError as exc:
            self.handle = None
            self._fail(exc)

    def _fail(self, exc: OSError) -> None:
        self._warn(f"cannot write {self.path.name}: {exc.strerror or exc}; "
                   "the command goes on, this file stays as it is")
        if self.handle is not None:
            with contextlib.suppress(OSError):
                self.handle.close()
        self.handle = None

    def write(self, data: Any) -> None:
        if self.handle is None:
            return
        try:
            self.handle.write(data)
        except OSError as exc:
            self._fail(exc)

    def flush(self) -> None:
        if self.handle is None:
            return
        try:
            self.handle.flush()
        except OSError as exc:
            self._fail(exc)

    def close(self) -> None:
        if self.handle is not None:
            self.flush()
            if self.handle is not None:
                with contextlib.suppress(OSError):
                    self.handle.close()
            self.handle = None


class RunSink:
    """The runner's output sink: exact bytes to output.log, metrics to metrics.jsonl."""

    def __init__(self, run_dir: Path, parser: MetricParser, summarizer: MetricSummarizer,
                 warn: Warn) -> None:
        self.log = _SafeWriter(run_dir / "output.log", warn)
        self.metrics = _SafeWriter(run_dir / "metrics.jsonl", warn, binary=False)
        self.parser = parser
        self.summarizer = summarizer
        self._warn = warn
        self.started = time.time()
        self._last_flush = 0.0

    def write(self, data: bytes, stream: int) -> None:
        self.log.write(data)
        try:
            segments = self.parser.feed_segments(data)
        except Exception:
            segments = []
        if segments:
            self._record(segments)

    def _record(self, segments: Sequence[Segment]) -> None:
        try:
            _, rows = record_segments(segments, self.summarizer, round(time.time(), 3))
        except Exception as exc:  # a parser bug must never stop the command or the tee
            self._warn(f"metrics of some output were not recorded ({type(exc).__name__}); "
                       "`track reparse` can retry from output.log")
            return
        self.metrics.write(rows)

    def tick(self) -> None:
        self.metrics.flush()

    def finish(self) -> None:
        try:
            rest = self.parser.finish()
        except Exception:
            rest = []
        if rest:
            self._record([rest])
        self.log.close()
        self.metrics.close()


def apply_project_config(request: RunRequest) -> None:
    """Merge the project configuration (docs/config.md) under the command line's options."""
    from exptrack.config import load_config

    config = load_config(request.cwd)
    request.metric_patterns = [*config.metric_patterns, *request.metric_patterns]
    request.ignore_patterns = [*config.ignore_patterns, *request.ignore_patterns]
    request.use_default_patterns = request.use_default_patterns and config.use_default_patterns
    request.directions = {**config.directions, **request.directions}
    request.aliases = {**config.aliases, **request.aliases}


class Recorder:
    def __init__(self, request: RunRequest, warn: Warn) -> None:
        self.request = request
        self._warned: set[str] = set()
        self._warn_out = warn
        self.record: RunRecord | None = None
        self.run_dir: Path | None = None

    def warn(self, message: str) -> None:
        if message not in self._warned:
            self._warned.add(message)
            self._warn_out(message)
            if self.record is not None:
                self.record.warnings.append(message)

    def _write_yaml(self, name: str, data: Any) -> None:
        assert self.run_dir is not None
        try:
            write_yaml(self.run_dir / name, data)
        except OSError as exc:
            self.warn(f"cannot write {name}: {exc.strerror or exc}")

    def _write_record(self) -> None:
        assert self.record is not None
        self._write_yaml("run.yaml", self.record.to_dict())

    def run(self) -> RunResult:
        request = self.request
        command = request.command
        if request.project_config:
            apply_project_config(request)  # an invalid file stops here, before anything runs
        use_pty = request.use_pty if request.use_pty is not None else _stdout_is_tty()
        try:
            run_id, run_dir = request.store.new_run_dir()
        except StoreError as exc:
            self.warn(f"{exc}; running the command without recording it")
            outcome = run_command(command, _child_env(None, None, use_pty), str(request.cwd),
                                  _NullSink(), use_pty=use_pty)
            return RunResult(None, None, outcome)
        self.run_dir = run_dir
        started = time.time()
        self.record = RunRecord(
            id=run_id, command=redact_argv(command), cwd=str(request.cwd),
            started_at=now_iso(), status="running", name=request.name,
            tags=list(request.tags), note=request.note, host=socket.gethostname(),
            user=_user(), pid=os.getpid(), pty=use_pty, track_version=__version__,
        )
        self._write_record()
        ctx = RunContext(run_id=run_id, run_dir=run_dir, command=list(command),
                         cwd=request.cwd, store=request.store, warn=self.warn,
                         params=parse_params(command), options=dict(request.step_options))
        steps = request.steps if request.steps is not None else default_steps()
        for step in steps:
            self._call_step(step, "before_start", ctx)
        ctx.params.update(request.params)  # --param wins over everything
        self._write_yaml("params.yaml", redact_mapping(ctx.params))

        parser = MetricParser(request.metric_patterns, request.use_default_patterns,
                              request.ignore_patterns, request.aliases)
        summarizer = MetricSummarizer(request.directions)
        sink = RunSink(run_dir, parser, summarizer, self.warn)
        last_summary = [time.monotonic()]

        def on_start(pid: int) -> None:
            assert self.record is not None
            self.record.child_pid = pid
            self._write_record()
            for step in steps:
                self._call_step(step, "started", ctx, pid)

        def on_tick() -> None:
            sink.tick()
            if time.monotonic() - last_summary[0] >= SUMMARY_REFRESH_S:
                last_summary[0] = time.monotonic()
                self._write_summary(summarizer)

        env = _child_env(run_id, run_dir, use_pty)
        try:
            outcome = run_command(command, env, str(request.cwd), sink, use_pty=use_pty,
                                  on_start=on_start, on_tick=on_tick)
        except ExptrackError as exc:
            sink.finish()
            failed = RunOutcome(exit_code=exc.exit_code)
            for step in steps:
                self._call_step(step, "finished", ctx, failed)
            self._finalize(started, failed, summarizer, error=str(exc))
            raise
        sink.finish()
        for step in steps:
            self._call_step(step, "finished", ctx, outcome)
        self._finalize(started, outcome, summarizer)
        return RunResult(run_id, run_dir, outcome)

    def _call_step(self, step: CaptureStep, moment: str, *args: Any) -> None:
        """A capture step that fails costs one warning, never the run."""
        try:
            getattr(step, moment)(*args)
        except Exception as exc:
            self.warn(f"{step.name} capture failed: {type(exc).__name__}: {exc}")

    def _write_summary(self, summarizer: MetricSummarizer) -> None:
        self._write_yaml("summary.yaml", {
            "metrics": {name: s.to_dict() for name, s in summarizer.summaries.items()},
        })

    def _finalize(self, started: float, outcome: RunOutcome, summarizer: MetricSummarizer,
                  error: str | None = None) -> None:
        assert self.record is not None
        record = self.record
        record.ended_at = now_iso()
        record.duration_s = round(time.time() - started, 3)
        record.exit_code = outcome.exit_code
        if outcome.signal:
            import signal

            record.signal = signal.Signals(outcome.signal).name
        if error:
            record.status = "failed"
            record.warnings.append(error)
        elif outcome.interrupted:
            record.status = "interrupted"
        elif outcome.exit_code == 0:
            record.status = "completed"
        else:
            record.status = "failed"
        self._write_summary(summarizer)
        self._write_record()


class _NullSink:
    def write(self, data: bytes, stream: int) -> None:
        pass


def _stdout_is_tty() -> bool:
    try:
        return os.isatty(sys.stdout.fileno())
    except (OSError, ValueError):
        return False


def _child_env(run_id: str | None, run_dir: Path | None, use_pty: bool) -> dict[str, str]:
    env = dict(os.environ)
    if run_id and run_dir:
        env["TRACK_RUN_ID"] = run_id
        env["TRACK_RUN_DIR"] = str(run_dir)
    if not use_pty:
        env.setdefault("PYTHONUNBUFFERED", "1")
    return env


def _user() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None
