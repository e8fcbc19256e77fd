"""How a run folder maps onto an MLflow run (pure): params flattened and cut to MLflow's
limits, tags, metric keys and steps, statuses and times. No MLflow import here.

Limits are the strictest of MLflow 2.x and 3.x (``mlflow.utils.validation`` in 3.17: keys
250 characters, param values 6,000, tag values 8,000 since 2.x; 5,000 before): a cut is
listed in the tag ``exptrack.truncated``. Keys keep the characters MLflow 2.x servers
accept (word characters, ``. - / : space``); others become ``_`` and the renames are
listed in the tag ``exptrack.renamed``.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from exptrack.jsonl import Row
from exptrack.model import RunRecord

MAX_KEY = 250
MAX_PARAM_VALUE = 6000
MAX_TAG_VALUE = 5000
MAX_METRICS_PER_BATCH = 1000
MAX_PARAMS_PER_BATCH = 100  # and tags
TAG_RUN_ID = "exptrack.run_id"

# A character MLflow 2.x refuses in a key (its own check: ^[/\w.\- :]*$).
_BAD_KEY_CHAR = re.compile(r"[^/\w.\- :]")
STATUSES = {"completed": "FINISHED", "failed": "FAILED", "interrupted": "KILLED",
            "crashed": "FAILED", "running": "RUNNING"}


@dataclass
class Notes:
    """What had to change on the way: truncated values, renamed keys."""

    truncated: list[str] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)


class KeyMap:
    """Names made MLflow keys, each distinct name to a distinct key, renames noted."""

    def __init__(self, notes: Notes) -> None:
        self.notes = notes
        self.keys: dict[str, str] = {}
        self.taken: set[str] = set()

    def key(self, name: str) -> str:
        found = self.keys.get(name)
        if found is not None:
            return found
        key = _BAD_KEY_CHAR.sub("_", name).strip("/") or "_"
        key = re.sub(r"/{2,}", "/", key)
        key = "/".join(part if part not in (".", "..") else "_" for part in key.split("/"))
        key = key[:MAX_KEY]
        base, n = key, 2
        while key in self.taken:
            suffix = f"_{n}"
            key, n = base[:MAX_KEY - len(suffix)] + suffix, n + 1
        self.keys[name] = key
        self.taken.add(key)
        if key != name:
            self.notes.renamed[name] = key
        return key


def param_text(value: Any) -> str:
    """A param value as MLflow stores it: strings as they are, other values as JSON."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def flat_params(params: dict[str, Any], notes: Notes) -> dict[str, str]:
    """``params.yaml`` as MLflow params: nested mappings flattened (``model.depth``),
    values as text, keys and values cut to MLflow's limits."""
    from exptrack.capture.configfile import flatten

    keys = KeyMap(notes)
    out: dict[str, str] = {}
    for name, value in flatten(params).items():
        text = param_text(value)
        key = keys.key(name)
        if len(text) > MAX_PARAM_VALUE:
            notes.truncated.append(f"param {key}")
            text = text[:MAX_PARAM_VALUE]
        out[key] = text
    return out


def iso_ms(text: str | None) -> int | None:
    """An ISO 8601 time (``run.yaml``) in milliseconds since the epoch."""
    if not text:
        return None
    try:
        return int(datetime.fromisoformat(text).timestamp() * 1000)
    except ValueError:
        return None


def source_name(command: list[str]) -> str:
    """What MLflow calls the source: the script a command runs, else its program."""
    for word in command[1:]:
        if word.endswith((".py", ".ipynb", ".sh")):
            return word
    return command[0] if command else ""


def run_tags(record: RunRecord, git: dict[str, Any], notes: Notes) -> dict[str, str]:
    """The MLflow tags of a run: track's own (``exptrack.*``) and MLflow's system tags."""
    tags: dict[str, str] = {
        TAG_RUN_ID: record.id,
        "exptrack.status": record.status,
        "exptrack.command": shlex.join(record.command),
        "exptrack.cwd": record.cwd,
        "mlflow.runName": record.name or record.id,
        "mlflow.source.name": source_name(record.command),
        "mlflow.source.type": "LOCAL",
    }
    optional = {
        "exptrack.exit_code": record.exit_code, "exptrack.signal": record.signal,
        "exptrack.host": record.host, "mlflow.user": record.user,
        "exptrack.tags": ", ".join(record.tags) if record.tags else None,
        "mlflow.note.content": record.note, "exptrack.origin": record.origin,
        "mlflow.source.git.commit": git.get("commit"),
        "mlflow.source.git.branch": git.get("branch"),
        "mlflow.source.git.repoURL": git.get("remote"),
        "exptrack.git.dirty": git.get("dirty") if git.get("commit") else None,
    }
    tags.update({key: str(value) for key, value in optional.items() if value is not None})
    for key, value in list(tags.items()):
        if len(value) > MAX_TAG_VALUE:
            notes.truncated.append(f"tag {key}")
            tags[key] = value[:MAX_TAG_VALUE]
    return tags


def note_tags(notes: Notes) -> dict[str, str]:
    """The tags that say what changed on the way (none when nothing did)."""
    tags = {}
    if notes.truncated:
        tags["exptrack.truncated"] = ", ".join(notes.truncated)[:MAX_TAG_VALUE]
    if notes.renamed:
        tags["exptrack.renamed"] = ", ".join(
            f"{name} -> {key}" for name, key in notes.renamed.items())[:MAX_TAG_VALUE]
    return tags


@dataclass(frozen=True)
class Point:
    """One metric observation as MLflow takes it."""

    key: str
    value: float
    timestamp: int  # ms
    step: int


def _integral(x: float | None) -> int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else None


def whole_steps(rows: Iterable[Row]) -> list[int]:
    """The step of each observation as a whole number (MLflow and TensorBoard take no
    other): the recorded step when it is one, else the epoch when it is, else the
    observation's position in its series."""
    counts: dict[str, int] = {}
    steps = []
    for row in rows:
        position = counts.get(row.name, 0)
        counts[row.name] = position + 1
        step = _integral(row.step)
        if step is None:
            step = _integral(row.epoch)
        steps.append(position if step is None else step)
    return steps


def metric_points(rows: list[Row], keys: KeyMap, default_ms: int) -> list[Point]:
    """Observations as MLflow points (steps: ``whole_steps``); the time is the recorded
    one in ms, else ``default_ms`` (the run's start)."""
    return [Point(keys.key(row.name), row.value,
                  round(row.time * 1000) if row.time is not None else default_ms, step)
            for row, step in zip(rows, whole_steps(rows), strict=True)]


def status_of(record: RunRecord) -> str:
    return STATUSES.get(record.status, "FAILED")
