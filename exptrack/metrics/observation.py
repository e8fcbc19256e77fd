"""What the parser gives: one value of one metric. A module of its own, so that what reads
or writes observations (``metrics.jsonl``) does not import the parser's compiled patterns."""

from __future__ import annotations

from typing import NamedTuple


class Observation(NamedTuple):
    """One value of one metric, with the step and epoch it belongs to (when known)."""

    name: str
    value: float
    step: int | float | None = None
    epoch: int | float | None = None


class Carried(Observation):
    """An observation whose step and epoch came from an earlier line: the parser's marks
    for ``finals``, which gives back plain ``Observation``s."""

    __slots__ = ()
