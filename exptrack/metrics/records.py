"""Observations <-> the lines of ``metrics.jsonl``, and re-extraction of a stored run.

``encode_lines`` runs in the recorder's hot loop: it formats rows with f-strings (names
JSON-encoded once) instead of calling ``json.dumps`` for every observation.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from exptrack.metrics.parser import MetricParser, Observation
from exptrack.metrics.summary import MetricSummarizer

_NAMES: dict[str, str] = {}
READ_SIZE = 256 * 1024


def _json_name(name: str) -> str:
    encoded = _NAMES.get(name)
    if encoded is None:
        if len(_NAMES) > 100_000:
            _NAMES.clear()
        encoded = _NAMES[name] = json.dumps(name, ensure_ascii=False)
    return encoded


def _json_number(value: float | int) -> str:
    if isinstance(value, int) or math.isfinite(value):
        return repr(value)
    return '"nan"' if math.isnan(value) else ('"inf"' if value > 0 else '"-inf"')


def encode_lines(observations: Iterable[Observation], time: float | None) -> str:
    """``metrics.jsonl`` lines (newline-terminated) for ``observations``."""
    tail = f', "time": {time!r}}}\n' if time is not None else "}\n"
    rows = []
    for name, value, step, epoch in observations:
        row = f'{{"name": {_json_name(name)}, "value": {_json_number(value)}'
        if step is not None:
            row += f', "step": {_json_number(step)}'
        if epoch is not None:
            row += f', "epoch": {_json_number(epoch)}'
        rows.append(row + tail)
    return "".join(rows)


@dataclass
class Reextraction:
    """What ``reextract`` found in one run's output."""

    observations: int
    metrics: MetricSummarizer
    jsonl: str


def reextract(output_log: Path, extra_patterns: Sequence[str] = (), use_defaults: bool = True,
              ignore_patterns: Sequence[str] = (), aliases: Mapping[str, str] | None = None,
              directions: dict[str, str] | None = None) -> Reextraction:
    """Parse a stored ``output.log`` again, chunk by chunk as ``track run`` did."""
    parser = MetricParser(extra_patterns, use_defaults, ignore_patterns, aliases)
    summarizer = MetricSummarizer(directions)
    parts: list[str] = []
    count = 0
    with open(output_log, "rb") as handle:
        while True:
            chunk = handle.read(READ_SIZE)
            found = parser.feed(chunk) if chunk else parser.finish()
            summarizer.add(found)
            parts.append(encode_lines(found, None))
            count += len(found)
            if not chunk:
                break
    return Reextraction(count, summarizer, "".join(parts))
