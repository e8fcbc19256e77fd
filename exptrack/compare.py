"""The diff of two or more runs (the first is the baseline), as plain data: rows of one
value a run, each flagged when the values differ. Pure: the caller reads the files.
"""

from __future__ import annotations

import math
import shlex
from collections.abc import Sequence
from typing import Any

from exptrack.directions import metric_direction
from exptrack.query import same_value
from exptrack.store import RunView

Row = dict[str, Any]


def row(name: str, values: Sequence[Any], **extra: Any) -> Row:
    values = list(values)
    differs = any(not same_value(v, values[0]) for v in values[1:])
    return {"name": name, "values": values, "differs": differs, **extra}


def _measured(name: str, values: Sequence[Any], floor: float) -> Row:
    """A row of measurements (time, memory) that only differ beyond noise: more than
    ``floor`` and more than 5% apart."""
    result = row(name, values)
    numbers = [v for v in values if isinstance(v, (int, float))]
    if len(numbers) == len(values) and numbers:
        spread = max(numbers) - min(numbers)
        result["differs"] = spread > floor and spread > 0.05 * max(abs(n) for n in numbers)
    return result


def change_kind(values: Sequence[Any]) -> list[str | None]:
    """Per run against the baseline: None (baseline), same, changed, added, removed."""
    base = values[0]
    kinds: list[str | None] = [None]
    for value in values[1:]:
        if same_value(value, base):
            kinds.append("same")
        elif base is None:
            kinds.append("added")
        elif value is None:
            kinds.append("removed")
        else:
            kinds.append("changed")
    return kinds


def delta(base: float | None, value: float | None) -> tuple[float | None, float | None]:
    """(absolute, relative) change from ``base``; None where it has no meaning."""
    if base is None or value is None or not (math.isfinite(base) and math.isfinite(value)):
        return None, None
    absolute = value - base
    relative = absolute / abs(base) if base != 0 else None
    return absolute, relative


def verdict(direction: str | None, base: float | None, value: float | None) -> str | None:
    """better / worse / same by the metric's direction; None when it cannot be told."""
    if direction is None or base is None or value is None:
        return None
    if math.isnan(base) or math.isnan(value):
        return None
    if value == base:
        return "same"
    improved = value < base if direction == "min" else value > base
    return "better" if improved else "worse"


def _metric_rows(runs: Sequence[RunView], configured: dict[str, str] | None) -> list[Row]:
    names: list[str] = []
    for run in runs:
        names.extend(n for n in run.metrics if n not in names)
    rows = []
    for name in names:
        summaries = [run.metrics.get(name) for run in runs]
        direction = metric_direction(name, configured) or next(
            (s.direction for s in summaries if s is not None and s.direction), None)
        entry: Row = {"name": name, "direction": direction}
        differs = False
        for stat in ("last", "best"):
            values = [getattr(s, stat) if s is not None else None for s in summaries]
            deltas = [delta(values[0], v) for v in values]
            entry[stat] = values
            entry[f"{stat}_delta"] = [d[0] for d in deltas]
            entry[f"{stat}_relative"] = [d[1] for d in deltas]
            entry[f"{stat}_verdict"] = [verdict(direction, values[0], v) for v in values]
            differs = differs or any(not same_value(v, values[0]) for v in values[1:])
        entry["best_step"] = [s.best_step if s is not None else None for s in summaries]
        entry["differs"] = differs
        rows.append(entry)
    return rows


def _union(mappings: Sequence[dict[str, Any]]) -> list[str]:
    names: list[str] = []
    for mapping in mappings:
        names.extend(str(k) for k in mapping if str(k) not in names)
    return names


def _keyed_rows(mappings: Sequence[dict[str, Any]], sort: bool = False) -> list[Row]:
    names = _union(mappings)
    if sort:
        names.sort(key=str.lower)
    rows = []
    for name in names:
        values = [m.get(name) for m in mappings]
        rows.append(row(name, values, change=change_kind(values)))
    return rows


def _by_path(items: Any, hash_key: str, only_weights: bool = False) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if not isinstance(items, list):
        return found
    for item in items:
        if not isinstance(item, dict) or "path" not in item:
            continue
        if only_weights and not item.get("weights"):
            continue
        found[str(item["path"])] = item.get(hash_key)
    return found


def _gpus(env: dict[str, Any]) -> str | None:
    gpus = env.get("gpus")
    if not isinstance(gpus, list) or not gpus:
        return None
    names = [str(g.get("name", "?")) for g in gpus if isinstance(g, dict)]
    counted = {n: names.count(n) for n in names}
    return ", ".join(f"{c}x {n}" if c > 1 else n for n, c in counted.items())


def _python(env: dict[str, Any]) -> str | None:
    python = env.get("python")
    if isinstance(python, dict):
        version = python.get("version")
        return str(version) if version is not None else None
    return None


def _mapping(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def diff_runs(runs: Sequence[RunView], details: Sequence[dict[str, Any]],
              patch_hashes: Sequence[str | None],
              configured: dict[str, str] | None = None) -> dict[str, Any]:
    """Every section of ``track diff``, for any number (>= 2) of runs."""
    envs = [d.get("env") or {} for d in details]
    resources = [d.get("resources") or {} for d in details]
    packages = [_mapping(e, "packages") for e in envs]
    frameworks = [_mapping(e, "frameworks") for e in envs]
    any_env = any(envs)
    return {
        "runs": [{"id": r.id, "name": r.record.name} for r in runs],
        "baseline": runs[0].id,
        "command": row("command", [shlex.join(r.record.command) for r in runs]),
        "params": _keyed_rows([r.params for r in runs]),
        "metrics": _metric_rows(runs, configured),
        "outcome": [
            row("status", [r.record.status for r in runs]),
            row("exit_code", [r.record.exit_code for r in runs]),
            _measured("duration_s", [r.record.duration_s for r in runs], 1.0),
            _measured("peak_rss_bytes", [res.get("peak_rss_bytes") for res in resources],
                      16 * 1024 * 1024),
            _measured("peak_gpu_memory_mib",
                      [res.get("peak_gpu_memory_mib") for res in resources], 64),
        ],
        "code": {
            "commit": row("commit", [r.git.commit for r in runs]),
            "branch": row("branch", [r.git.branch for r in runs]),
            "dirty": row("dirty", [r.git.dirty for r in runs]),
            "patch": row("patch", list(patch_hashes)),
            "diffstat": None,
        },
        "environment": {
            "recorded": [bool(e) for e in envs],
            "summary": [
                row("python", [_python(e) for e in envs]),
                row("host", [r.record.host for r in runs]),
                row("gpu", [_gpus(e) for e in envs]),
                row("cuda_visible_devices", [e.get("cuda_visible_devices") for e in envs]),
            ] + [row(name, [f.get(name) for f in frameworks])
                 for name in _union(frameworks)],
            "packages": _keyed_rows(packages, sort=True) if any_env else [],
        },
        "data": {
            "inputs": _keyed_rows([_by_path(d.get("inputs"), "hash") for d in details]),
            "artifacts": _keyed_rows([_by_path(d.get("artifacts"), "sha256", True)
                                      for d in details]),
        },
    }


def only_differences(diff: dict[str, Any]) -> dict[str, Any]:
    """The same diff with every row whose values agree removed (what `--all` keeps)."""

    def keep(rows: list[Row]) -> list[Row]:
        return [r for r in rows if r["differs"]]

    out = dict(diff)
    out["params"] = keep(diff["params"])
    out["metrics"] = keep(diff["metrics"])
    out["outcome"] = keep(diff["outcome"])
    env = dict(diff["environment"])
    env["summary"] = keep(env["summary"])
    env["packages"] = keep(env["packages"])
    out["environment"] = env
    out["data"] = {k: keep(v) for k, v in diff["data"].items()}
    return out
