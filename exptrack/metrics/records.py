"""Observations <-> the lines of ``metrics.jsonl``, and re-extraction of a stored run.

``encode_lines`` runs in the recorder's hot loop: it formats rows with f-strings (names
JSON-encoded once) instead of calling ``json.dumps`` for every observation.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from exptrack.fsutil import atomic_file
from exptrack.jsonl import parse_observation
from exptrack.metrics.columns import encode_block, json_number
from exptrack.metrics.merge import Source, by_name, merge_sources, name_key
from exptrack.metrics.parser import MetricParser, Observation, Segment
from exptrack.metrics.summary import MetricSummarizer
from exptrack.model import MetricSummary

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


# -- framework metric files (``merge``) ----------------------------------------------------
_NAME = re.compile(rb'^\{"name": ("(?:[^"\\\n]|\\.)*")')
Labelled = tuple[str, Source]  # (the file's path as recorded, its kind and observations)


def sourced_lines(series: Sequence[Observation], labels: Mapping[int, str]) -> str:
    """``metrics.jsonl`` lines of a merged series; a file's observations name it (``src``)."""
    rows = []
    for obs in series:
        row = f'{{"name": {json.dumps(obs.name, ensure_ascii=False)}, ' \
              f'"value": {json_number(obs.value)}'
        if obs.step is not None:
            row += f', "step": {json_number(obs.step)}'
        if obs.epoch is not None:
            row += f', "epoch": {json_number(obs.epoch)}'
        label = labels.get(id(obs))
        if label is not None:
            row += f', "src": {json.dumps(label, ensure_ascii=False)}'
        rows.append(row + "}\n")
    return "".join(rows)


class _Covered:
    """Which ``metrics.jsonl`` lines hold a metric that a framework file also has."""

    def __init__(self, names: Iterable[str]) -> None:
        self._keys = {name_key(name) for name in names}
        self._decided: dict[bytes, bool] = {}  # a line's JSON-encoded name -> covered

    def __call__(self, line: bytes) -> bool:
        match = _NAME.match(line)
        if match is None:
            return False
        quoted = match.group(1)
        covered = self._decided.get(quoted)
        if covered is None:
            try:
                name = json.loads(quoted)
            except ValueError:
                name = ""
            covered = self._decided[quoted] = bool(name) and name_key(name) in self._keys
        return covered


def merge_jsonl(printed: Iterable[bytes], sources: Sequence[Labelled],
                ) -> tuple[dict[str, list[Observation]], set[str]]:
    """Join ``metrics.jsonl``'s lines (what the output showed) with framework files: each
    file metric's merged series, and the printed names they replace."""
    is_covered = _Covered(obs.name for _, (_, observations) in sources
                          for obs in observations)
    covered: list[Observation] = []
    for line in printed:
        if is_covered(line):
            obs = parse_observation(line)
            if obs is not None:
                covered.append(obs)
    _, merged = merge_sources(covered, [source for _, source in sources])
    return merged, {obs.name for obs in covered}


def file_labels(sources: Sequence[Labelled]) -> dict[int, str]:
    """Each file observation's file, by identity (``merge`` keeps a file's observations
    as they are, and makes new ones for what stdout adds)."""
    return {id(obs): label for label, (_, observations) in sources for obs in observations}


def apply_sources(metrics_path: Path, sources: Sequence[Labelled],
                  summarizer: MetricSummarizer, mode: int) -> None:
    """A finished run: rewrite ``metrics.jsonl`` with each file metric's merged series in
    place of the printed one, and fold the merged series into ``summarizer`` in place of
    the printed observations. The file is streamed twice, never held whole, and replaced
    atomically: a crash leaves the old one whole."""
    with contextlib.suppress(FileNotFoundError), open(metrics_path, "rb") as handle:
        merged, replaced = merge_jsonl(handle, sources)
    if not metrics_path.exists():
        merged, replaced = merge_jsonl((), sources)
    is_covered = _Covered(merged)
    with atomic_file(metrics_path, mode) as out:
        with contextlib.suppress(FileNotFoundError), open(metrics_path, "rb") as handle:
            for line in handle:
                if not is_covered(line):
                    out.write(line if line.endswith(b"\n") else line + b"\n")
        labels = file_labels(sources)
        for series in merged.values():
            out.write(sourced_lines(series, labels).encode("utf-8"))
    replace_summaries(summarizer, merged, replaced)


def replace_summaries(summarizer: MetricSummarizer, merged: Mapping[str, list[Observation]],
                      replaced: Iterable[str]) -> None:
    for name in replaced:
        summarizer.summaries.pop(name, None)
    for name, series in merged.items():
        summarizer.summaries.pop(name, None)
        if series:
            summarizer.add(series)


def live_summaries(summarizer: MetricSummarizer, sources: Sequence[Labelled],
                   directions: dict[str, str] | None = None) -> dict[str, MetricSummary]:
    """The summaries while the run goes: each file metric from its file, plus the value
    stdout showed last when that is past the file's last row (the file lags behind)."""
    summaries = dict(summarizer.summaries)
    files = by_name(obs for _, (_, observations) in sources for obs in observations)
    keys = {name_key(name): name for name in files}
    latest: dict[str, MetricSummary] = {}
    for name in list(summaries):
        target = name if name in files else keys.get(name_key(name))
        if target is not None:
            latest[target] = summaries.pop(name)
    fresh = MetricSummarizer(directions)
    for name, series in files.items():
        positions = [o.step if o.step is not None else o.epoch for o in series]
        known = [p for p in positions if p is not None]
        printed = latest.get(name)
        if printed is not None and printed.last_step is not None and known \
                and printed.last_step > max(known):
            series = [*series, Observation(name, printed.last, printed.last_step, None)]
        fresh.add(series)
    summaries.update(fresh.summaries)
    return summaries
