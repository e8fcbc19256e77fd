"""Output text -> metric observations.

``MetricParser`` is the seam: ``feed(bytes)`` takes raw output chunks as they arrive (split
anywhere), ``finish()`` flushes a trailing partial line; both return ``Observation``s.
``MetricSummarizer`` folds observations into per-metric summaries.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from exptrack.model import MetricSummary

MAX_LINE_BYTES = 64 * 1024  # longer lines are not parsed (still recorded in output.log)

_NAME = r"[A-Za-z_][\w./\-]*"
_VALUE = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?(?:nan|NaN|inf|Inf|Infinity)"
_PAIR = re.compile(rf"(?<![\w./\-])({_NAME})\s*[=:]\s*({_VALUE})(?![\w.:/\-])")
_ANSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
_STEP_NAMES = {"step", "global_step", "iter", "iteration", "it", "epoch", "batch"}


@dataclass(frozen=True)
class Observation:
    name: str
    value: float
    step: int | float | None = None
    epoch: int | float | None = None


class MetricParser:
    """Incremental parser: bytes in, observations out."""

    def __init__(self, extra_patterns: Sequence[str] = (), use_defaults: bool = True,
                 ignore_patterns: Sequence[str] = ()) -> None:
        self._extra = [re.compile(p) for p in extra_patterns]
        self._ignore = [re.compile(p) for p in ignore_patterns]
        self._use_defaults = use_defaults
        self._pending = b""
        self._step: int | float | None = None
        self._epoch: int | float | None = None

    def feed(self, data: bytes) -> list[Observation]:
        buffer = self._pending + data
        lines = re.split(rb"\r\n|\n|\r", buffer)
        self._pending = lines.pop()
        if len(self._pending) > MAX_LINE_BYTES:
            self._pending = b""
        observations: list[Observation] = []
        for line in lines:
            if len(line) <= MAX_LINE_BYTES:
                observations.extend(self.parse_line(line))
        return observations

    def finish(self) -> list[Observation]:
        rest, self._pending = self._pending, b""
        return self.parse_line(rest) if rest else []

    def parse_line(self, raw: bytes) -> list[Observation]:
        text = _ANSI.sub(b"", raw).decode("utf-8", "replace")
        if any(p.search(text) for p in self._ignore):
            return []
        found: list[tuple[str, float]] = []
        for pattern in self._extra:
            for match in pattern.finditer(text):
                found.extend(_from_user_match(pattern, match))
        if self._use_defaults:
            for match in _PAIR.finditer(text):
                value = _to_float(match.group(2))
                if value is not None:
                    found.append((match.group(1), value))
        result: list[Observation] = []
        for name, value in found:
            key = name.lower()
            if key in _STEP_NAMES:
                if key == "epoch":
                    self._epoch = value
                else:
                    self._step = int(value) if value.is_integer() else value
                continue
            result.append(Observation(name, value, self._step, self._epoch))
        return result


def _from_user_match(pattern: re.Pattern[str], match: re.Match[str]) -> list[tuple[str, float]]:
    groups = match.groupdict()
    if "name" in groups and "value" in groups:
        value = _to_float(groups["value"] or "")
        return [(groups["name"], value)] if groups["name"] and value is not None else []
    result = []
    for name, text in groups.items():
        value = _to_float(text or "")
        if value is not None:
            result.append((name, value))
    return result


def _to_float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def parse_text(text: str | bytes, parser: MetricParser | None = None) -> list[Observation]:
    parser = parser or MetricParser()
    data = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text
    return parser.feed(data) + parser.finish()


_LOWER_BETTER = re.compile(
    r"(loss|err|error|rmse|mae|mse|mape|perplexity|ppl|wer|cer|nll|logloss|l1|l2|time|latency"
    r"|fid|distance|regret)", re.IGNORECASE)
_HIGHER_BETTER = re.compile(
    r"(acc|accuracy|f1|auc|map|precision|recall|bleu|rouge|r2|iou|dice|score|reward|return"
    r"|top1|top5|psnr|ssim|ndcg|mrr|hit)", re.IGNORECASE)


def metric_direction(name: str, configured: dict[str, str] | None = None) -> str | None:
    """``min`` or ``max``: from configuration first, else from the metric's name."""
    if configured and name in configured:
        return configured[name]
    if _LOWER_BETTER.search(name):
        return "min"
    if _HIGHER_BETTER.search(name):
        return "max"
    return None


class MetricSummarizer:
    """Running per-metric summary: last, min, max, count, best (with its step)."""

    def __init__(self, directions: dict[str, str] | None = None) -> None:
        self._directions = directions or {}
        self.summaries: dict[str, MetricSummary] = {}

    def add(self, observations: Iterable[Observation]) -> None:
        for obs in observations:
            self.add_one(obs)

    def add_one(self, obs: Observation) -> None:
        value = obs.value
        step = obs.step if obs.step is not None else obs.epoch
        summary = self.summaries.get(obs.name)
        if summary is None:
            summary = MetricSummary(last=value, min=value, max=value, count=0,
                                    direction=metric_direction(obs.name, self._directions))
            self.summaries[obs.name] = summary
        summary.count += 1
        summary.last = value
        summary.last_step = step
        if not math.isnan(value):
            if math.isnan(summary.min) or value < summary.min:
                summary.min = value
            if math.isnan(summary.max) or value > summary.max:
                summary.max = value
            better = (summary.best is None or math.isnan(summary.best)
                      or (summary.direction == "min" and value < summary.best)
                      or (summary.direction == "max" and value > summary.best)
                      or (summary.direction is None))
            if better:
                summary.best = value
                summary.best_step = step
