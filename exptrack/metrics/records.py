"""Observations <-> the lines of ``metrics.jsonl``, and re-extraction of a stored run.

``encode_lines`` runs in the recorder's hot loop: it formats rows with f-strings (names
JSON-encoded once) instead of calling ``json.dumps`` for every observation.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from exptrack.metrics.columns import encode_block, json_number
from exptrack.metrics.parser import MetricParser, Observation, Segment
from exptrack.metrics.summary import MetricSummarizer

_PREFIXES: dict[str, str] = {}  # name -> '{"name": "<name>", "value": '
READ_SIZE = 256 * 1024




def encode_lines(observations: Iterable[Observation], time: float | None) -> str:
    """``metrics.jsonl`` lines (newline-terminated) for ``observations``."""
    end = f', "time": {time!r}}}\n' if time is not None else "}\n"
    prefixes = _PREFIXES
    rows: list[str] = []
    append = rows.append
    last_context: tuple[int | float | None, int | float | None] | None = None
    tail = end
    for name, value, step, epoch in observations:
        if last_context is None or step is not last_context[0] or epoch is not last_context[1]:
            last_context = (step, epoch)
            tail = ((f', "step": {json_number(step)}' if step is not None else "")
                    + (f', "epoch": {json_number(epoch)}' if epoch is not None else "") + end)
        prefix = prefixes.get(name)
        if prefix is None:
            if len(prefixes) > 100_000:
                prefixes.clear()
            prefix = prefixes[name] = f'{{"name": {json.dumps(name, ensure_ascii=False)}, "value": '
        if value - value == 0:  # finite
            append(f"{prefix}{value!r}{tail}")
        else:
            append(f"{prefix}{json_number(value)}{tail}")
    return "".join(rows)


def record_segments(segments: Iterable[Segment], summarizer: MetricSummarizer,
                    time: float | None) -> tuple[int, str]:
    """Fold ``segments`` (``MetricParser.feed_segments``) into ``summarizer``; return the
    number of observations and their ``metrics.jsonl`` lines, in output order."""
    parts: list[str] = []
    count = 0
    for segment in segments:
        if isinstance(segment, list):
            summarizer.add(segment)
            parts.append(encode_lines(segment, time))
            count += len(segment)
        else:
            summarizer.add_block(segment)
            parts.append(encode_block(segment, time))
            count += segment.lines * len(segment.plan.metrics)
    return count, "".join(parts)


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
            segments = parser.feed_segments(chunk) if chunk else [parser.finish()]
            found, rows = record_segments(segments, summarizer, None)
            parts.append(rows)
            count += found
            if not chunk:
                break
    return Reextraction(count, summarizer, "".join(parts))
