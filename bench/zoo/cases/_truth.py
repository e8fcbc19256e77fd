"""Shared by the zoo cases: write ``truth.yaml`` in the cwd (see bench/zoo/README.md).

Runs in the framework virtualenv; imported as ``from _truth import write_truth`` (a case's
own folder is on ``sys.path`` when it runs as a script).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import yaml


def series(pairs: Iterable[tuple[Any, Any]], key: str = "epoch", tolerance: float | None = None,
           rel_tolerance: float | None = None) -> dict[str, Any]:
    """One truth metric: (axis, value) pairs as plain Python numbers, full precision."""
    values = []
    for axis, value in pairs:
        number = float(value)
        axis_number = float(axis)
        values.append([int(axis_number) if axis_number.is_integer() else axis_number,
                       number if math.isfinite(number) else str(number)])
    spec: dict[str, Any] = {"key": key, "values": values}
    if tolerance is not None:
        spec["tolerance"] = tolerance
    if rel_tolerance is not None:
        spec["rel_tolerance"] = rel_tolerance
    return spec


def write_truth(framework: str, version: str, source: str, metrics: dict[str, dict[str, Any]],
                files: Sequence[str] = (), also_ok: Sequence[str] = (),
                notes: str | None = None,
                file_metrics: dict[str, dict[str, Any]] | None = None) -> None:
    """``file_metrics``: what only the framework's metric file keeps (never printed):
    expected when the file is read, never junk (bench/zoo/score.py)."""
    data: dict[str, Any] = {"framework": framework, "version": str(version), "source": source,
                            "files": list(files), "metrics": metrics}
    if file_metrics:
        data["file_metrics"] = file_metrics
    data["also_ok"] = list(also_ok)
    if notes:
        data["notes"] = notes
    with open("truth.yaml", "w", encoding="utf-8") as handle:
        yaml.safe_dump(data, handle, sort_keys=False, default_flow_style=None, width=100)
