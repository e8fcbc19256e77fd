"""`track run`: reserve a run folder, capture what precedes the command, run it with its
output teed into the folder and parsed for metrics, and record the outcome.

A failure of the recorder itself (full disk, read-only store) is reported once and never
stops the command.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import os
import shutil
import signal
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exptrack import __version__
from exptrack.capture import default_steps
from exptrack.capture.base import CaptureStep, RunContext
from exptrack.capture.params import parse_params
from exptrack.capture.redact import redact_argv, redact_mapping, redact_text
from exptrack.errors import ExptrackError, StoreError
from exptrack.fsutil import write_yaml
from exptrack.metrics import MetricSummarizer
from exptrack.model import RunRecord
from exptrack.runner import RunOutcome, run_command
from exptrack.runrequest import RunRequest, RunResult, apply_project_config, now_iso
from exptrack.sink import RunSink, Warn

if TYPE_CHECKING:
    from exptrack.capture.metricfiles import MetricFileWatcher
    from exptrack.livepush import LivePush
    from exptrack.metrics import MetricParser

__all__ = ["Recorder", "RunRequest", "RunResult", "apply_project_config", "now_iso"]

SUMMARY_REFRESH_S = 5.0
# The first seconds: summary.yaml refreshed often, so `ls`/`show` see the first metrics.
SUMMARY_FIRST_S = 0.5
SUMMARY_FAST_FOR_S = 15.0
METRICS_FLUSH_S = 0.25

RESERVE_NAME = ".reserve"
RESERVE_BYTES = 64 * 1024  # freed when the disk fills up, so the outcome can be written


class Recorder:
    def __init__(self, request: RunRequest, warn: Warn, notice: Warn | None = None) -> None:
        self.request = request
        self._notice = notice  # track's own remarks that are not problems (a first Ctrl-C)
        self._warned: set[str] = set()
        self._warn_out = warn
        self.record: RunRecord | None = None
        self.run_dir: Path | None = None
        self.sink: RunSink | None = None
        self.watcher: MetricFileWatcher | None = None
        self._storage_warned = False
        self.file_mode = 0o600
        # summary.yaml as last written (none yet: no metrics, none to write while running)
        self._last_summary: dict[str, Any] = {"metrics": {}}

    def warn(self, message: str) -> None:
        if message not in self._warned:
            self._warned.add(message)
            self._warn_out(message)
            if self.record is not None:
                self.record.warnings.append(message)

    def storage_failed(self, name: str, exc: OSError) -> None:
        """A write into the run folder failed (full disk, size limit, read-only store).

        One warning on the terminal for the whole run; each failure is kept in run.yaml's
        ``warnings`` when it can still be written. A full disk stops the appending logs and
        frees the reserve, so the outcome still fits."""
        detail = f"cannot write {name}: {exc.strerror or exc}"
        if self.record is not None and detail not in self.record.warnings:
            self.record.warnings.append(detail)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            if self.sink is not None:
                self.sink.stop_streaming(exc)
            self._release_reserve()
        if not self._storage_warned:
            self._storage_warned = True
            self._warn_out(f"{detail}; the command goes on, the run keeps what was "
                           "written so far")

    def _release_reserve(self) -> None:
        if self.run_dir is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.run_dir / RESERVE_NAME)

    def _write_yaml(self, name: str, data: Any) -> OSError | None:
        """Write a YAML file of the run; the error, if it could not be written."""
        assert self.run_dir is not None
        try:
            write_yaml(self.run_dir / name, data, mode=self.file_mode)
        except OSError as exc:
            self.storage_failed(name, exc)
            return exc
        return None

    def _write_record(self) -> OSError | None:
        assert self.record is not None and self.run_dir is not None
        from exptrack.runedit import adopt_edits, record_lock

        with record_lock(self.run_dir):  # a `track tag` meanwhile is kept, not overwritten
            adopt_edits(self.run_dir, self.record)
            return self._write_yaml("run.yaml", self.record.to_dict())

    def _run_unrecorded(self, why: str, command: list[str], use_pty: bool) -> RunResult:
        self.warn(f"{why}; running the command without recording it")
        outcome = run_command(command, _child_env(None, None, use_pty),
                              str(self.request.cwd), _NullSink(), use_pty=use_pty)
        return RunResult(None, None, outcome)

    def run(self) -> RunResult:
        request = self.request
        command = request.command
        if request.project_config:
            apply_project_config(request)  # an invalid file stops here, before anything runs
        use_pty = request.use_pty if request.use_pty is not None else _stdout_is_tty()
        try:
            run_id, run_dir = request.store.new_run_dir()
        except StoreError as exc:
            return self._run_unrecorded(str(exc), command, use_pty)
        self.run_dir = run_dir
        self.file_mode = request.store.modes().file
        started = time.time()
        self.record = RunRecord(
            id=run_id, command=redact_argv(command), cwd=str(request.cwd),
            started_at=now_iso(), status="running", name=request.name,
            tags=list(request.tags), note=redact_text(request.note) if request.note else None,
            host=socket.gethostname(),
            user=_user(), pid=os.getpid(), pty=use_pty, track_version=__version__,
            origin=request.origin,
        )
        try:
            write_yaml(run_dir / "run.yaml", self.record.to_dict(), mode=self.file_mode)
        except OSError as exc:
            # Nothing can be recorded (a full disk): the command runs unrecorded and says
            # so, rather than leaving a run folder that would read as crashed.
            self.record = self.run_dir = None
            shutil.rmtree(run_dir, ignore_errors=True)
            return self._run_unrecorded(f"cannot record the run: cannot write run.yaml in "
                                        f"{run_dir.parent}: {exc.strerror or exc}",
                                        command, use_pty)
        self._write_reserve()
        ctx = RunContext(run_id=run_id, run_dir=run_dir, command=list(command),
                         cwd=request.cwd, store=request.store, warn=self.warn,
                         params=parse_params(command), options=dict(request.step_options),
                         file_mode=self.file_mode)
        steps = request.steps if request.steps is not None else default_steps()
        for step in steps:
            self._call_step(step, "before_start", ctx)
        ctx.params.update(request.params)  # --param wins over everything
        self._write_yaml("params.yaml", redact_mapping(ctx.params))

        summarizer = MetricSummarizer(request.directions)
        sink = RunSink(run_dir, lambda: _parser_for(request), summarizer, self.storage_failed,
                       self.warn, self.file_mode)
        self.sink = sink
        from exptrack.capture.metricfiles import MetricFileWatcher

        watcher = MetricFileWatcher(request.cwd, run_dir, started, {request.store.root},
                                    self.file_mode)
        self.watcher = watcher
        last_summary = [time.monotonic()]
        begun = last_summary[0]
        pushing: list[LivePush] = []

        def on_start(pid: int) -> None:
            assert self.record is not None
            self.record.child_pid = pid
            self._write_record()
            watcher.start()
            for step in steps:
                self._call_step(step, "started", ctx, pid)
            from exptrack.index import note_run

            note_run(request.store, run_dir)  # best effort, never raises
            if request.push:
                from exptrack.livepush import LivePush

                pushing.append(LivePush(request.push, run_dir))

        def on_tick() -> None:
            sink.report()
            # The parsing thread may be folding a chunk into the summary: then next tick.
            now = time.monotonic()
            if now - last_summary[0] >= (SUMMARY_FIRST_S if now - begun < SUMMARY_FAST_FOR_S
                                         else SUMMARY_REFRESH_S) \
                    and sink.stream.lock.acquire(blocking=False):
                try:
                    last_summary[0] = time.monotonic()
                    self._write_summary(summarizer, if_changed=True)
                finally:
                    sink.stream.lock.release()

        env = _child_env(run_id, run_dir, use_pty)
        try:
            outcome = run_command(command, env, str(request.cwd), sink, use_pty=use_pty,
                                  on_start=on_start, on_tick=on_tick,
                                  on_interrupt=self._first_interrupt)
        except ExptrackError as exc:
            with self._finishing(ctx):
                sink.finish()
                self._finish_sources(summarizer)
                failed = RunOutcome(exit_code=exc.exit_code)
                for step in steps:
                    self._call_step(step, "finished", ctx, failed)
                self._finalize(started, failed, summarizer, error=str(exc))
            raise
        with self._finishing(ctx):
            sink.finish()
            self._finish_sources(summarizer)
            if sink.skipped_bytes:
                self.warn(f"metric parsing could not keep up with the output: "
                          f"{sink.skipped_bytes} bytes were not parsed for metrics "
                          f"(they are in output.log: `track reparse {run_id}` parses them)")
            for step in steps:
                self._call_step(step, "finished", ctx, outcome)
            self._finalize(started, outcome, summarizer)
        for pusher in pushing:
            pusher.finish(self.warn)
        return RunResult(run_id, run_dir, outcome, self.record)

    def _first_interrupt(self) -> None:
        if self._notice is not None:
            self._notice("Ctrl-C passed on to the command; press it again within 5 s to "
                         "terminate the command")

    @contextlib.contextmanager
    def _finishing(self, ctx: RunContext) -> Iterator[None]:
        """The command has ended; the record is being completed. An interrupt now (Ctrl-C
        while big weights are hashed, a scheduler's SIGTERM) must not leave a half-written
        run that reads as crashed: it makes the slow steps stop early instead."""

        def hurry(signum: int, _frame: object) -> None:
            if not ctx.hurry.is_set():
                ctx.hurry.set()
                self._warn_out("interrupted while finishing the record: skipping what is "
                               "left of the artifact hashing")

        from exptrack import signals

        # The command has ended: a signal to pass on (SLURM's SIGUSR1) has no one to reach
        # and must not end us; one the caller ignored stays ignored.
        previous = {}
        for sig in signals.HANDLED:
            if sig not in signals.ignored_by_caller((sig,)):
                with contextlib.suppress(OSError, ValueError):
                    previous[sig] = signal.signal(
                        sig, hurry if sig in signals.INTERRUPTS else signal.SIG_IGN)
        try:
            yield
        finally:
            for sig, handler in previous.items():
                with contextlib.suppress(OSError, ValueError, TypeError):
                    signal.signal(sig, handler)

    def _write_reserve(self) -> None:
        assert self.run_dir is not None
        try:
            fd = os.open(self.run_dir / RESERVE_NAME, os.O_WRONLY | os.O_CREAT, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(b"\0" * RESERVE_BYTES)
        except OSError as exc:
            self.storage_failed(RESERVE_NAME, exc)

    def _call_step(self, step: CaptureStep, moment: str, *args: Any) -> None:
        """A capture step that fails costs one warning, never the run."""
        try:
            getattr(step, moment)(*args)
        except OSError as exc:  # writing its file into the run folder failed
            self.storage_failed(f"{step.name} capture", exc)
        except Exception as exc:
            self.warn(f"{step.name} capture failed: {type(exc).__name__}: {exc}")

    def _write_summary(self, summarizer: MetricSummarizer, if_changed: bool = False) -> None:
        """``summary.yaml`` now; with ``if_changed``, only when it would change (a run that
        waits leaves its files alone, so the index can trust them)."""
        summaries = None
        if self.watcher is not None and self.record is not None \
                and self.record.status == "running":
            summaries = self.watcher.live_summaries(summarizer, self.request.directions)
        data = {"metrics": {name: s.to_dict()
                            for name, s in (summaries or summarizer.summaries).items()}}
        if if_changed and data == self._last_summary:
            return
        self._last_summary = data
        self._write_yaml("summary.yaml", data)

    def _finish_sources(self, summarizer: MetricSummarizer) -> None:
        """Framework metric files: their final state joins what the output showed."""
        if self.watcher is None or self.run_dir is None:
            return
        try:
            found = self.watcher.finish(summarizer, self.run_dir / "metrics.jsonl")
        except OSError as exc:
            self.storage_failed("metrics.jsonl", exc)
            found = []
        except Exception as exc:  # a bug here must not cost the run its outcome
            self.warn(f"framework metric files were not merged ({type(exc).__name__}); "
                      "`track reparse` can retry")
            found = []
        for message in self.watcher.warnings:
            self.warn(message)
        if found:
            self._write_yaml("sources.yaml", {"sources": found})

    def _finalize(self, started: float, outcome: RunOutcome, summarizer: MetricSummarizer,
                  error: str | None = None) -> None:
        assert self.record is not None
        record = self.record
        record.ended_at = now_iso()
        record.duration_s = round(time.time() - started, 3)
        record.exit_code = outcome.exit_code
        if outcome.signal:
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
        self._release_reserve()
        if self.sink is not None:  # where the output and metrics were cut, for the readers
            record.warnings += [cut for cut in self.sink.cuts() if cut not in record.warnings]
        self._write_summary(summarizer)
        failed = self._write_record()
        if failed is not None:
            self.warn(f"the outcome of run {record.id} could not be recorded (cannot write "
                      f"run.yaml: {failed.strerror or failed}): it will read as crashed")
        assert self.run_dir is not None
        self.request.store.apply_modes(self.run_dir)
        from exptrack.index import note_run

        # The run's row in the index, written last (after any chmod, whose ctime change
        # would make it stale); never raises.
        note_run(self.request.store, self.run_dir)


class _NullSink:
    def write(self, data: bytes, stream: int) -> None:
        pass


def _parser_for(request: RunRequest) -> MetricParser:
    """The run's metric parser, made on the parsing thread at the first output (its import
    compiles the patterns: ``metricstream``)."""
    from exptrack.metrics.parser import MetricParser

    return MetricParser(request.metric_patterns, request.use_default_patterns,
                        request.ignore_patterns, request.aliases)


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
