"""A run folder read into ``RunData`` (the I/O edge of the insights): ``metrics.jsonl`` via
``exptrack.jsonl.read_series`` (both format versions), ``summary.yaml`` directions,
``run.yaml`` outcome, ``resources.jsonl``/``resources.yaml``, ``env.yaml`` host and GPUs,
``artifacts.yaml`` for the best checkpoint. Missing or damaged files give fewer insights,
never an exception."""

from __future__ import annotations

import json
import math
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from exptrack.directions import metric_direction
from exptrack.insights.diagnose import RunData, diagnose
from exptrack.insights.model import Insight, Point, Thresholds

MAX_POINTS = 20_000  # a longer curve is thinned evenly (every NaN kept) before the rules
MAX_SAMPLE_BYTES = 8 * 1024 * 1024


def _yaml(path: Path) -> Any:
    try:
        with path.open("rb") as handle:
            return yaml.safe_load(handle)
    except (OSError, yaml.YAMLError, ValueError):
        return None


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _start(record: dict[str, Any]) -> float | None:
    stamp = record.get("started_at")
    if not isinstance(stamp, str):
        return None
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def thin(points: list[Point], limit: int = MAX_POINTS) -> list[Point]:
    """At most about ``limit`` points, evenly spaced; non-finite ones always kept."""
    if len(points) <= limit:
        return points
    every = math.ceil(len(points) / limit)
    return [p for i, p in enumerate(points)
            if i % every == 0 or i == len(points) - 1 or not math.isfinite(p.value)]


def read_samples(path: Path) -> list[dict[str, Any]]:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SAMPLE_BYTES)
    except OSError:
        return []
    samples = []
    for line in data.splitlines():
        try:
            row = json.loads(line)
        except ValueError:
            continue
        if isinstance(row, dict):
            samples.append(row)
    return samples


def checkpoint(artifacts: Any) -> str | None:
    """The best checkpoint among the run's weights files: one named best, else the only
    one."""
    items = _mapping(artifacts).get("artifacts")
    weights = [str(a.get("path")) for a in items or [] if isinstance(a, dict)
               and a.get("weights") and a.get("path")] if isinstance(items, list) else []
    best = [w for w in weights if "best" in Path(w).name.lower()]
    chosen = best or (weights if len(weights) == 1 else [])
    return chosen[0] if chosen else None


def run_data(path: Path, configured: dict[str, str] | None = None) -> RunData:
    from exptrack.jsonl import read_series

    record = _mapping(_yaml(path / "run.yaml"))
    rows, _ = read_series(path / "metrics.jsonl")
    start = _start(record)
    if start is None and rows:
        start = min((r.time for r in rows if r.time is not None), default=None)
    series: dict[str, list[Point]] = {}
    for row in rows:
        at = None if row.time is None or start is None else max(0.0, row.time - start)
        series.setdefault(row.name, []).append(Point(row.value, row.step, row.epoch, at))
    summary = _mapping(_mapping(_yaml(path / "summary.yaml")).get("metrics"))
    directions: dict[str, str | None] = {}
    for name in series:
        recorded = _mapping(summary.get(name)).get("direction")
        directions[name] = recorded if recorded in ("min", "max") else \
            metric_direction(name, configured)
    env = _mapping(_yaml(path / "env.yaml"))
    gpus = env.get("gpus")
    duration = record.get("duration_s")
    return RunData(series={k: thin(v) for k, v in series.items()}, directions=directions,
                   duration_s=float(duration) if isinstance(duration, (int, float)) else None,
                   record=record, samples=read_samples(path / "resources.jsonl"),
                   resources=_mapping(_yaml(path / "resources.yaml")),
                   host=_mapping(env.get("host")),
                   gpus=[g for g in gpus if isinstance(g, dict)] if isinstance(gpus, list)
                   else [], checkpoint=checkpoint(_yaml(path / "artifacts.yaml")))


def run_insights(path: Path, th: Thresholds | None = None,
                 configured: dict[str, str] | None = None) -> list[Insight]:
    """The insights of the run in folder ``path``."""
    return diagnose(run_data(path, configured), th)
