"""MLflow's local tracking store, ``mlflow.db`` (the SQLite database MLflow 3 keeps in the
working folder when no tracking URI is set) -> observations, read with the standard
library's ``sqlite3``.

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

import math
import re
import sqlite3
from pathlib import Path

from exptrack.metrics.observation import Observation

NAME = re.compile(r"(?:mlflow|mlruns)[\w.\-]{0,60}\.db")
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
