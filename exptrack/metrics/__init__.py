"""Output text -> metric observations, and their per-metric summaries.

``MetricParser`` is the seam the recorder uses: ``feed(bytes)`` takes raw output chunks as
they arrive (split anywhere), ``finish()`` flushes what is left; both return
``Observation``s. ``MetricSummarizer`` folds observations into per-metric summaries.

The names below load on first use (PEP 562): the parser compiles its patterns when it is
imported (~55 ms), which a reader of recorded blocks (``columns``, the insights of a run the
index reads for ``ls``) never needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from exptrack.metrics.observation import Observation
    from exptrack.metrics.parser import MAX_LINE_BYTES, MetricParser
    from exptrack.metrics.summary import MetricSummarizer, metric_direction

__all__ = ["MAX_LINE_BYTES", "MetricParser", "MetricSummarizer", "Observation",
           "metric_direction", "parse_text"]

_HOME = {"MAX_LINE_BYTES": "parser", "MetricParser": "parser", "Observation": "observation",
         "MetricSummarizer": "summary", "metric_direction": "summary"}


def __getattr__(name: str) -> object:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)


def parse_text(text: str | bytes, parser: MetricParser | None = None) -> list[Observation]:
    """Every observation in ``text``, as ``track run`` would record it."""
    from exptrack.metrics.parser import MetricParser

    parser = parser or MetricParser()
    data = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text
    return parser.feed(data) + parser.finish()
