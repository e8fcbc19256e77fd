"""DVCLive's metric files -> observations: ``<dir>/plots/metrics/<key>.tsv`` (``dir`` is
``dvclive`` by default), a file a metric, written by ``Live.log_metric`` and by DVCLive's
framework integrations (its Lightning logger, Hugging Face and Keras callbacks, the
Ultralytics and XGBoost ones). A key's ``/`` parts are folders (``train/loss`` is
``plots/metrics/train/loss.tsv``). The header names the step column and the metric's last
part (``step\\tloss``, with ``timestamp`` first when asked for); a line a logged value at
its step, exactly as logged (Python's ``repr`` of the float). ``metrics.json`` beside them
holds the last values only and is not read.
"""

from __future__ import annotations

from pathlib import Path

from exptrack.metrics.jsonfiles import axis, lines, number
from exptrack.metrics.observation import Observation

MAX_KEY_DEPTH = 8  # folders of a "/" key under plots/metrics, at most


def file_key(path: Path) -> str | None:
    """The metric key of a DVCLive metric file (``.../plots/metrics/train/loss.tsv`` ->
    ``train/loss``), from its path alone (a copy keeps DVCLive's folders); None for any
    other path."""
    if path.suffix != ".tsv":
        return None
    parts = path.parts
    for index in range(len(parts) - 2, max(len(parts) - 2 - MAX_KEY_DEPTH, 0), -1):
        if parts[index] == "metrics" and parts[index - 1] == "plots":
            return "/".join([*parts[index + 1:-1], path.stem])
    return None


def _columns(head: bytes) -> list[str]:
    return head.split(b"\n", 1)[0].rstrip(b"\r").decode("utf-8", "replace").split("\t")


def is_metric_file(path: Path, head: bytes) -> bool:
    """Is ``path`` a DVCLive metric file: under ``plots/metrics/``, its header the step
    column and the file's own name?"""
    columns = _columns(head)
    return file_key(path) is not None and len(columns) >= 2 and "step" in columns[:-1] \
        and columns[-1] == path.stem


def read_file(data: bytes, key: str) -> list[Observation]:
    """A DVCLive metric file: its values at their steps (a line still being written is left
    out)."""
    rows = lines(data)
    columns = next(rows, "").split("\t")
    if "step" not in columns[:-1]:
        return []
    at = columns.index("step")
    out: list[Observation] = []
    for line in rows:
        cells = line.split("\t")
        if len(cells) != len(columns):
            continue
        step, value = axis(number(cells[at])), number(cells[-1])
        if step is not None and value is not None:
            out.append(Observation(key, value, step, None))
    return out
