"""The metric parser is made on the parsing thread when the first output arrives: a command
that prints nothing never compiles its patterns, and a parser that cannot be made costs the
metrics, never the command or its output."""

from __future__ import annotations

import os
import time
from pathlib import Path

from conftest import metric_rows, track

from exptrack.metrics import MetricSummarizer
from exptrack.metricstream import MetricStream


def run_with_importtime(tmp_path: Path, *command: str) -> tuple[str, Path]:
    """The installed ``track run`` with Python's import times on: its stderr and the
    store (the command inherits the setting: none here is Python)."""
    done = track("run", "--", *command, cwd=tmp_path, env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert done.returncode == 0, done.stderr.decode()
    return done.stderr.decode(), Path(os.environ["TRACK_HOME"])


def imported(stderr: str, module: str) -> bool:
    return any(line.rstrip().endswith(f"| {module}") or line.rstrip().endswith(f" {module}")
               for line in stderr.splitlines() if line.startswith("import time:"))


def test_a_silent_command_never_imports_the_parser(tmp_path: Path) -> None:
    stderr, _ = run_with_importtime(tmp_path, "true")
    assert imported(stderr, "exptrack.recorder")  # the check itself sees the imports
    assert not imported(stderr, "exptrack.metrics.parser")
    assert not imported(stderr, "exptrack.metrics.rules")


def test_a_command_that_prints_gets_its_metrics_from_the_thread_made_parser(
        tmp_path: Path) -> None:
    stderr, home = run_with_importtime(  # not Python: its own import times would be output
        tmp_path, "sh", "-c", "echo 'epoch 1 loss=0.5'; echo 'epoch 2 loss=0.25'")
    assert imported(stderr, "exptrack.metrics.parser")
    rows = [row for run in (home / "runs").iterdir()
            for row in metric_rows(run / "metrics.jsonl")]
    assert [(r["name"], r["value"], r.get("step"), r.get("epoch")) for r in rows] == [
        ("loss", 0.5, None, 1), ("loss", 0.25, None, 2)]


def test_a_parser_that_cannot_be_made_costs_the_metrics_only() -> None:
    def broken() -> None:
        raise RuntimeError("no patterns")

    written: list[bytes] = []
    stream = MetricStream(broken, MetricSummarizer(), written.append, 0.9)  # type: ignore[arg-type]
    started = time.monotonic()
    for _ in range(200):
        stream.feed(b"loss=0.5\n" * 1000)
    stream.finish()
    assert time.monotonic() - started < 30
    assert stream.finished and stream.parser is None
    assert written == []
    assert stream.skipped_bytes == 0  # not reported as parsing falling behind
    assert stream.take_events() == ["metrics were not parsed (RuntimeError: no patterns); "
                                    "`track reparse` can retry from output.log"]
