"""Helpers of the parser's rule tests: what ``track run`` would record from a text."""

from __future__ import annotations

from exptrack.metrics import Observation, parse_text


def obs(text: str) -> list[Observation]:
    return parse_text(text)


def named(text: str) -> list[tuple[str, float, int | float | None, int | float | None]]:
    """Each observation as (name, value, step, epoch): a whole expectation in one literal."""
    return [(o.name, o.value, o.step, o.epoch) for o in obs(text)]


def names(text: str) -> set[str]:
    return {o.name for o in obs(text)}


def last(text: str, name: str) -> Observation:
    return [o for o in obs(text) if o.name == name][-1]
