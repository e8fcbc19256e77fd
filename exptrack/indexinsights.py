"""The insights a run's index row keeps (``insights`` table: run_id, kind, severity, the
JSON of ``show --json``), what `track ls` marks and ``--where insight=KIND`` selects.

They are computed when the row is written, from the run folder (``metrics.jsonl``,
``summary.yaml``, resources), with the project's ``insights:`` thresholds and metric
directions. A row is rewritten when ``summary.yaml`` changes (the end of a run, ``track
reparse``), so its insights follow the files. A ``running`` run gets none in the index
(its metrics grow without its row's files changing): its insights are computed when it is
shown. The thresholds and directions the rows were made with are kept in ``meta``
(``insights_config``); other ones (another project configuration) make every row stale."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
# The short code `track ls` shows next to the status (one letter each) for each kind of
# ``insights.model.KINDS``. Kept here, not there: importing the insights package costs
# `ls` 9 ms (statistics, the rules), and a mark needs only this.
CODES = {"divergence": "D", "oom": "M", "overfitting": "O", "not_learning": "N",
         "plateau": "P", "instability": "S", "input_bound": "I", "gpu_unused": "G",
         "gpu_memory": "G", "memory_leak": "L", "time_to_best": ""}


def project_setting() -> tuple[dict[str, Any], dict[str, str]]:
    """The project's ``insights:`` thresholds and metric directions; the defaults when its
    configuration is invalid (commands warn about it themselves)."""
    from exptrack.config import load_config
    from exptrack.errors import ConfigError

    try:
        config = load_config()
    except (ConfigError, OSError):
        return {}, {}
    return dict(config.insights), dict(config.directions)


def fingerprint(setting: tuple[dict[str, Any], dict[str, str]]) -> str:
    """What the rows' insights depend on besides the run folder."""
    text = json.dumps([setting[0], setting[1]], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def compute(folder: Path, setting: tuple[dict[str, Any], dict[str, str]]
            ) -> list[dict[str, Any]]:
    """The insights of the run in ``folder`` as ``show --json`` gives them; none when they
    cannot be computed (never raises: the index row is written anyway)."""
    from exptrack.insights import Thresholds, run_insights

    try:
        found = run_insights(folder, Thresholds.from_mapping(setting[0]), setting[1])
        return [insight.to_dict() for insight in found]
    except Exception:  # a damaged folder gives fewer insights, never a failed index
        return []


def rows(run_id: str, insights: Sequence[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """The ``insights`` table rows of a run."""
    return [(run_id, position, str(item.get("kind")), str(item.get("severity")),
             json.dumps(item, ensure_ascii=False, default=str))
            for position, item in enumerate(insights)]


def marks(insights: Sequence[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(code, kind, severity) of each problem `track ls` marks, most severe first, one a
    code (an ``info`` insight, the time to best, is no problem and has no code)."""
    if all(item.get("severity") == "info" for item in insights):
        return []
    found: dict[str, tuple[str, str, str]] = {}
    ranked = sorted(insights, key=lambda i: SEVERITY_RANK.get(str(i.get("severity")), 3))
    for item in ranked:
        kind, severity = str(item.get("kind")), str(item.get("severity"))
        code = CODES.get(kind, "")
        if code and severity != "info" and code not in found:
            found[code] = (code, kind, severity)
    return list(found.values())


def stored(conn: Any, run_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """The insights the index keeps for ``run_ids``, in their order of diagnosis."""
    found: dict[str, list[dict[str, Any]]] = {run_id: [] for run_id in run_ids}
    for start in range(0, len(run_ids), 500):
        part = list(run_ids[start:start + 500])
        for run_id, item in conn.execute(
                "SELECT run_id, item FROM insights WHERE run_id IN "
                f"({','.join('?' * len(part))}) ORDER BY run_id, position", part):
            found[run_id].append(json.loads(item))
    return found


def current(conn: Any, setting: tuple[dict[str, Any], dict[str, str]]) -> bool:
    """Whether the rows' insights were made with ``setting``; an empty database is noted
    as made with it."""
    mark = fingerprint(setting)
    row = conn.execute("SELECT value FROM meta WHERE key = 'insights_config'").fetchone()
    if row is None and not conn.execute("SELECT 1 FROM runs LIMIT 1").fetchone():
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('insights_config', ?)", (mark,))
        return True
    return row is not None and bool(row[0] == mark)


def forget_all(conn: Any, tables: Sequence[str]) -> None:
    """Every row gone (made with other settings: the next refresh re-reads every run), and
    the new settings noted."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table in (*tables, "meta"):
            conn.execute(f"DELETE FROM {table}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def complete(runs: Sequence[Any], known: dict[str, list[dict[str, Any]]]) -> None:
    """Add to ``known`` the insights of the ``runs`` it lacks (the folders were read, not
    the index) or the index keeps none for: running, or crashed while running."""
    setting: tuple[dict[str, Any], dict[str, str]] | None = None
    for run in runs:
        if run.id not in known or run.record.status in ("running", "crashed"):
            setting = setting or project_setting()
            known[run.id] = compute(run.path, setting)


def insight_kinds(folder: Path) -> list[str]:
    """The kinds of the insights of the run in ``folder`` (``--where insight=`` without
    the index)."""
    return [str(item["kind"]) for item in compute(folder, project_setting())]
