"""Per-metric summaries (last, min, max, count, best) and metric directions."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from exptrack.model import MetricSummary

if TYPE_CHECKING:
    from exptrack.metrics.parser import Observation

_LOWER_BETTER = re.compile(
    r"(loss|err|error|rmse|mae|mse|mape|perplexity|ppl|wer|cer|nll|logloss|\bl1|\bl2|time|latency"
    r"|fid|distance|regret|eta|mem|memory)", re.IGNORECASE)
_HIGHER_BETTER = re.compile(
    r"(acc|accuracy|f1|auc|map|precision|recall|bleu|rouge|r2|iou|dice|score|reward|return"
    r"|top1|top5|psnr|ssim|ndcg|mrr|hit|per_second|throughput|wps|ups|ents_f|score)",
    re.IGNORECASE)
_NO_DIRECTION = re.compile(r"(^|[_/\-])(lr|learning_rate|grad_norm|gnorm|wpb|bsz|epoch)$",
                           re.IGNORECASE)


def metric_direction(name: str, configured: dict[str, str] | None = None) -> str | None:
    """``min`` or ``max``: from configuration first, else from the metric's name."""
    if configured and name in configured:
        return configured[name]
    if _NO_DIRECTION.search(name):
        return None
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
