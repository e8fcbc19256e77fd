"""Output text -> metric observations, and their per-metric summaries.

``MetricParser`` is the seam the recorder uses: ``feed(bytes)`` takes raw output chunks as
they arrive (split anywhere), ``finish()`` flushes what is left; both return
``Observation``s. ``MetricSummarizer`` folds observations into per-metric summaries.
"""

from __future__ import annotations

from exptrack.metrics.parser import MAX_LINE_BYTES, MetricParser, Observation
from exptrack.metrics.summary import MetricSummarizer, metric_direction

__all__ = ["MAX_LINE_BYTES", "MetricParser", "MetricSummarizer", "Observation",
           "metric_direction", "parse_text"]


def parse_text(text: str | bytes, parser: MetricParser | None = None) -> list[Observation]:
    """Every observation in ``text``, as ``track run`` would record it."""
    parser = parser or MetricParser()
    data = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text
    return parser.feed(data) + parser.finish()
