"""What `track run` is asked to do (``RunRequest``, with the project's configuration merged
in) and what it did (``RunResult``): the recorder's input and output (``recorder``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exptrack.capture.base import CaptureStep
from exptrack.model import RunRecord
from exptrack.runner import RunOutcome
from exptrack.store import Store


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
    origin: str | None = None  # the id of the run this one re-runs
    push: str | None = None  # an MLflow URI to stream the run to (exptrack/livepush.py)


@dataclass
class RunResult:
    run_id: str | None
    path: Path | None
    outcome: RunOutcome
    record: RunRecord | None = None  # as recorded (also when run.yaml could not be written)


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="milliseconds")


def apply_project_config(request: RunRequest) -> None:
    """Merge the project configuration (docs/config.md) under the command line's options."""
    from exptrack.config import load_config

    config = load_config(request.cwd)
    request.metric_patterns = [*config.metric_patterns, *request.metric_patterns]
    request.ignore_patterns = [*config.ignore_patterns, *request.ignore_patterns]
    request.use_default_patterns = request.use_default_patterns and config.use_default_patterns
    request.directions = {**config.directions, **request.directions}
    request.aliases = {**config.aliases, **request.aliases}
    request.push = request.push or config.push
