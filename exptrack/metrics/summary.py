"""Per-metric summaries (last, min, max, count, best); ``metric_direction`` lives in
``exptrack.directions`` (re-exported here and by ``exptrack.metrics``)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from exptrack.directions import metric_direction
from exptrack.metrics import columns
from exptrack.metrics.columns import Block, summary_steps
from exptrack.model import MetricSummary

if TYPE_CHECKING:
    from exptrack.metrics.observation import Observation

__all__ = ["MetricSummarizer", "metric_direction"]


class MetricSummarizer:
    """Running per-metric summary: last, min, max, count, best (with its step).

    ``add`` takes a batch (what one ``feed`` returned): it groups values by metric in one
    pass and folds each group with ``min``/``max``, so the recorder's hot loop does little
    Python work per observation.
    """

    def __init__(self, directions: dict[str, str] | None = None) -> None:
        self._directions = directions or {}
        self.summaries: dict[str, MetricSummary] = {}

    def add(self, observations: Iterable[Observation]) -> None:
        groups: dict[str, tuple[list[float], list[int | float | None]]] = {}
        get = groups.get
        for name, value, step, epoch in observations:
            group = get(name)
            if group is None:
                group = groups[name] = ([], [])
            group[0].append(value)
            group[1].append(step if step is not None else epoch)
        for name, (values, steps) in groups.items():
            self.fold(name, values, steps)

    def add_one(self, obs: Observation) -> None:
        self.add((obs,))

    def add_block(self, block: Block) -> None:
        """A column block (``columns``): each metric's column folds in one call; a plain
        unsigned decimal column folds on its text (``min``/``max`` of same-width digit
        strings), converting three of its values instead of all; so does a column of one
        text throughout (a learning rate: measured, folding its values cost 0.03 s a
        million lines)."""
        steps = summary_steps(block)
        for metric in block.plan.metrics:
            if metric.ordered or (metric.column >= 0 and block.constant[metric.column]):
                self._fold_ordered(metric.name, block.texts[metric.column], steps,
                                   block.constant[metric.column])
            else:
                self.fold(metric.name, columns.values(block, metric), steps)

    def _start(self, name: str, first: float, count: int, last: float,
               last_step: int | float | None) -> MetricSummary:
        summary = self.summaries.get(name)
        if summary is None:
            summary = MetricSummary(last=first, min=first, max=first, count=0,
                                    direction=metric_direction(name, self._directions))
            self.summaries[name] = summary
        summary.count += count
        summary.last = last
        summary.last_step = last_step
        return summary

    def _fold_ordered(self, name: str, texts: Sequence[str] | Sequence[bytes],
                      steps: Sequence[int | float | None], constant: bool) -> None:
        low_text, high_text = (texts[0], texts[0]) if constant else (min(texts), max(texts))
        summary = self._start(name, float(texts[0]), len(texts), float(texts[-1]), steps[-1])
        self._extremes(summary, float(low_text), float(high_text),
                       lambda: steps[texts.index(low_text)],
                       lambda: steps[texts.index(high_text)],
                       summary.last, steps[-1])

    def fold(self, name: str, values: list[float], steps: Sequence[int | float | None]) -> None:
        """Fold ``name``'s next ``values`` (in output order; ``steps`` aligned)."""
        summary = self._start(name, values[0], len(values), values[-1], steps[-1])
        if any(map(math.isnan, values)):
            kept = [(v, s) for v, s in zip(values, steps, strict=True) if not math.isnan(v)]
            if not kept:
                return
            values, steps = [v for v, _ in kept], [s for _, s in kept]
        low, high = min(values), max(values)
        self._extremes(summary, low, high, lambda: steps[values.index(low)],
                       lambda: steps[values.index(high)], values[-1], steps[-1])

    @staticmethod
    def _extremes(summary: MetricSummary, low: float, high: float,
                  low_step: Callable[[], int | float | None],
                  high_step: Callable[[], int | float | None],
                  last: float, last_step: int | float | None) -> None:
        """Merge a batch's extremes (NaN left out; ``last`` is its last number)."""
        if math.isnan(summary.min) or low < summary.min:
            summary.min = low
        if math.isnan(summary.max) or high > summary.max:
            summary.max = high
        best = summary.best
        unset = best is None or math.isnan(best)
        if summary.direction == "min":
            if unset or low < best:  # type: ignore[operator]
                summary.best, summary.best_step = low, low_step()
        elif summary.direction == "max":
            if unset or high > best:  # type: ignore[operator]
                summary.best, summary.best_step = high, high_step()
        else:
            summary.best, summary.best_step = last, last_step
