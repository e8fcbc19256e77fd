"""MLflow's local tracking store -> observations: ``mlflow.db`` (the SQLite database MLflow
3.7 and later keep in the working folder when no tracking URI is set), read with the
standard library's ``sqlite3``, and the file store of earlier versions (``mlruns/<experiment
id>/<run id>/metrics/<key>``, a file a metric, a ``<timestamp> <value> <step>`` line a
logged value; a key with ``/`` in folders).

A script that logs with ``mlflow.log_metric`` (or a framework's MLflow callback, or
``mlflow.autolog``) keeps every value there, exactly, at the step it logged it with; the
store also holds every earlier run of the folder, so only the runs that started while the
command ran are read (``since``; without it, the last run started): a command that resumes
an earlier run (``mlflow.start_run(run_id=...)``) adds to a run that is not its own, and
its values are taken from the output alone. One run's metrics keep
their keys; several runs' (a search's child runs) are named ``<run name>/<key>``, as
MLflow's UI tells them apart. The database is opened read-only and immutable (a copy the
recorder made, or a finished run's file): a file that is no SQLite database, or not
MLflow's, gives nothing.
"""

from __future__ import annotations

import itertools
import math
import re
import sqlite3
from pathlib import Path

from exptrack.metrics.jsonfiles import complete_text
from exptrack.metrics.observation import Observation

NAME = re.compile(r"(?:mlflow|mlruns)[\w.\-]{0,60}\.db")
_RUN_ID = re.compile(r"[0-9a-f]{32}")
_LINE = re.compile(r"(\d{10,16}) (\S{1,40}) (-?\d{1,19})")
MAX_KEY_DEPTH = 8  # folders of a "/" key under a run's metrics folder, at most
HEADER = b"SQLite format 3\x00"
MAX_ROWS = 2_000_000  # values read from one store, at most
_SLACK_MS = 1  # (MLflow rounds its start time to the millisecond)


def read_store(path: Path, since: float | None) -> list[Observation]:
    """Every metric value of the runs that started at ``since`` (seconds since the epoch)
    or later, in the order they were logged; the last run's when ``since`` is None."""
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1",
                                     uri=True)
    except sqlite3.Error:
        return []
    try:
        return _read(connection, since)
    except sqlite3.Error:  # not MLflow's schema, a damaged or partly copied file
        return []
    finally:
        connection.close()


def _read(connection: sqlite3.Connection, since: float | None) -> list[Observation]:
    if since is None:
        runs = connection.execute(
            "SELECT run_uuid, name FROM runs WHERE lifecycle_stage = 'active' "
            "ORDER BY start_time DESC LIMIT 1").fetchall()
    else:
        runs = connection.execute(
            "SELECT run_uuid, name FROM runs WHERE lifecycle_stage = 'active' "
            "AND start_time >= ? ORDER BY start_time", (int(since * 1000) - _SLACK_MS,)
        ).fetchall()
    if not runs:
        return []
    logged: dict[str, list[Observation]] = {uuid: [] for uuid, _ in runs}
    marks = ",".join("?" * len(runs))
    rows = connection.execute(
        f"SELECT run_uuid, key, value, step, is_nan FROM metrics WHERE run_uuid IN ({marks}) "
        "ORDER BY timestamp, rowid LIMIT ?", (*logged, MAX_ROWS))
    for uuid, key, value, step, is_nan in rows:
        if isinstance(key, str) and isinstance(value, (int, float)):
            number = math.nan if is_nan else float(value)
            logged[uuid].append(Observation(key, number, int(step), None))
    named = [(uuid, name) for uuid, name in runs if logged[uuid]]
    if len(named) == 1:
        return logged[named[0][0]]
    out: list[Observation] = []
    for uuid, name in named:
        label = name if isinstance(name, str) and name else uuid[:8]
        out += [obs._replace(name=f"{label}/{obs.name}") for obs in logged[uuid]]
    return out


def _run_and_key(path: Path) -> tuple[str, str] | None:
    """A file store's metric file's run id and metric key (``<run id>/metrics/val/acc`` ->
    the id, ``val/acc``), from its path alone (a copy keeps the store's folders)."""
    parts = path.parts
    for index in range(len(parts) - 2, max(len(parts) - 2 - MAX_KEY_DEPTH, 0), -1):
        if parts[index] == "metrics":
            run = parts[index - 1]
            return (run, "/".join(parts[index + 1:])) if _RUN_ID.fullmatch(run) else None
    return None


def file_key(path: Path) -> str | None:
    """The metric key of a file store's metric file; None for any other path."""
    found = _run_and_key(path)
    return found[1] if found is not None else None


def run_of(path: Path) -> str:
    """The run id a file store's metric file belongs to ("" for another path)."""
    found = _run_and_key(path)
    return found[0] if found is not None else ""


def is_metric_file(path: Path, head: bytes) -> bool:
    """Is ``path`` a file store's metric file: under ``<run id>/metrics/``, its first line
    a ``<timestamp> <value> <step>``?"""
    return file_key(path) is not None \
        and _LINE.match(head[:100].decode("ascii", "replace")) is not None


def read_file(data: bytes, key: str) -> list[Observation]:
    """A file store's metric file: its values at their steps (a line still being written
    is left out)."""
    out: list[Observation] = []
    for line in itertools.islice(complete_text(data).splitlines(), MAX_ROWS):
        found = _LINE.fullmatch(line.strip())
        if found is None:
            continue
        try:
            value = float(found.group(2))
        except ValueError:
            continue
        out.append(Observation(key, value, int(found.group(3)), None))
    return out
