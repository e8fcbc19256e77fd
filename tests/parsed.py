"""Helpers of the parser's rule tests: what ``track run`` would record from a text."""

from __future__ import annotations

from exptrack.metrics import MetricParser, Observation, parse_text
from exptrack.metrics.columns import observations


def obs(text: str) -> list[Observation]:
    return parse_text(text)


def named(text: str) -> list[tuple[str, float, int | float | None, int | float | None]]:
    """Each observation as (name, value, step, epoch): a whole expectation in one literal."""
    return [(o.name, o.value, o.step, o.epoch) for o in obs(text)]


def columns_named(text: str | bytes) -> list[tuple[str, float, int | float | None,
                                                  int | float | None]]:
    """``named``, read by the recorder's column path (``feed_segments``) with runs of any
    length taken as column blocks: the two paths must agree."""
    parser = MetricParser()
    parser.min_run = 1
    data = text.encode() if isinstance(text, str) else text
    return [tuple(o) for s in [*parser.feed_segments(data), parser.finish()]
            for o in (s if isinstance(s, list) else observations(s))]


def names(text: str) -> set[str]:
    return {o.name for o in obs(text)}


def last(text: str, name: str) -> Observation:
    return [o for o in obs(text) if o.name == name][-1]
