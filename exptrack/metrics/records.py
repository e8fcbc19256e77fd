"""Observations -> ``metrics.jsonl`` (``encode.RowWriter``), and re-extraction of a
stored run.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from exptrack.fsutil import atomic_file
from exptrack.jsonl import row_batches
from exptrack.metrics.encode import RowWriter
from exptrack.metrics.merge import Source, by_name, merge_sources, pooled_keys
from exptrack.metrics.namekeys import file_keys, name_key, phase_candidates, shared_lasts
from exptrack.metrics.observation import Observation
from exptrack.metrics.summary import MetricSummarizer
from exptrack.model import MetricSummary

if TYPE_CHECKING:  # the parser's import compiles its patterns: ``reextract`` imports it
    from exptrack.metrics.parser import Segment

READ_SIZE = 256 * 1024


def encode_lines(observations: Iterable[Observation], time: float | None) -> str:
    """The ``metrics.jsonl`` text of a file holding ``observations`` alone."""
    return RowWriter().rows(observations, time)


def record_segments(segments: Iterable[Segment], summarizer: MetricSummarizer,
                    writer: RowWriter, time: float | None) -> tuple[int, str]:
    """Fold ``segments`` (``MetricParser.feed_segments``) into ``summarizer``; return the
    number of observations and their ``metrics.jsonl`` lines (``writer``'s next ones), in
    output order."""
    parts: list[str] = []
    count = 0
    for segment in segments:
        if isinstance(segment, list):
            summarizer.add(segment)
            parts.append(writer.rows(segment, time))
            count += len(segment)
        else:
            summarizer.add_block(segment)
            parts.append(writer.block(segment, time))
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
    from exptrack.metrics.parser import MetricParser

    parser = MetricParser(extra_patterns, use_defaults, ignore_patterns, aliases)
    summarizer = MetricSummarizer(directions)
    writer = RowWriter()
    parts: list[str] = []
    count = 0
    with open(output_log, "rb") as handle:
        while True:
            chunk = handle.read(READ_SIZE)
            segments = parser.feed_segments(chunk) if chunk else [parser.finish()]
            found, rows = record_segments(segments, summarizer, writer, None)
            parts.append(rows)
            count += found
            if not chunk:
                break
    return Reextraction(count, summarizer, "".join(parts))


# -- framework metric files (``merge``) ----------------------------------------------------
Labelled = tuple[str, Source]  # (the file's path as recorded, its kind and observations)


def sourced_lines(writer: RowWriter, series: Sequence[Observation],
                  labels: Mapping[int, str]) -> str:
    """``metrics.jsonl`` lines of a merged series; a file's observations name it (``src``)."""
    return "".join(writer.rows(group, None, label) for label, group
                   in itertools.groupby(series, key=lambda obs: labels.get(id(obs))))


def printed_keys(sources: Sequence[Labelled]) -> set[str]:
    """The name keys of the printed metrics the files may stand for: each file metric's
    (``namekeys.file_keys``), a last part several groups share (``namekeys.shared_lasts``)
    and an evaluation's name without its phase (``namekeys.phase_candidates``: the printed
    values tell which, if any) and those a search's trials pool (``merge.pooled_keys``)."""
    names = [obs.name for _, (_, observations) in sources for obs in observations]
    keys = file_keys(names)
    return set(keys) | set(shared_lasts(names, keys)) | set(phase_candidates(names, keys)) \
        | pooled_keys(source for _, source in sources)


def merge_jsonl(metrics_path: Path, sources: Sequence[Labelled], keys: set[str],
                ) -> tuple[dict[str, list[Observation]], set[str]]:
    """Join ``metrics.jsonl``'s observations (what the output showed) whose name keys are
    ``keys`` (``printed_keys``) with framework files: each file metric's merged series, and
    the printed names they replace."""
    covered: list[Observation] = []
    for batch in row_batches(metrics_path):
        covered += [Observation(*row[:4]) for row in batch if name_key(row.name) in keys]
    kept, merged = merge_sources(covered, [source for _, source in sources])
    return merged, {obs.name for obs in covered} - {obs.name for obs in kept}


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
    keys = printed_keys(sources)
    merged, replaced = merge_jsonl(metrics_path, sources, keys)
    writer = RowWriter()
    with atomic_file(metrics_path, mode) as out:
        for batch in row_batches(metrics_path):
            kept = [row for row in batch if row.name not in replaced]
            for (time, src), rows in itertools.groupby(kept, lambda r: (r.time, r.src)):
                out.write(writer.rows([Observation(*row[:4]) for row in rows], time,
                                      src).encode("utf-8"))
        labels = file_labels(sources)
        for series in merged.values():
            out.write(sourced_lines(writer, series, labels).encode("utf-8"))
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
    keys = file_keys(files)
    pooled = pooled_keys(source for _, source in sources)
    latest: dict[str, MetricSummary] = {}
    for name in list(summaries):
        key = name_key(name)
        target = name if name in files else keys.get(key)
        if target is not None:
            latest[target] = summaries.pop(name)
        elif key in pooled:  # a search's trials' printed last results, pooled
            del summaries[name]
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
