"""The curves `track show` draws: each metric's values in order, from ``metrics.jsonl``,
streamed (``jsonl.observation_batches``) and down-sampled as they are read, so memory stays
bounded whatever the file's size."""

from __future__ import annotations

import math
from pathlib import Path

from exptrack.jsonl import observation_batches

CURVE_POINTS = 2048  # a curve is kept to at most twice this many points


class _Curve:
    """A metric's values in order, down-sampled as they come: past 2 x CURVE_POINTS, the
    finite values are averaged in pairs, then each point stands for ``stride`` values."""

    __slots__ = ("pending", "points", "stride")

    def __init__(self) -> None:
        self.points: list[float] = []
        self.stride = 1
        self.pending: list[float] = []  # values not yet making a whole point

    def add(self, values: list[float]) -> None:
        if self.stride == 1:
            self.points += values
            if len(self.points) <= 2 * CURVE_POINTS:
                return
            values, self.points = self.points, []
            self.stride = 2
        values = self.pending + [v for v in values if math.isfinite(v)]
        stride = self.stride
        whole = len(values) - len(values) % stride
        self.points += [math.fsum(values[i:i + stride]) / stride
                        for i in range(0, whole, stride)]
        self.pending = values[whole:]
        while len(self.points) > 2 * CURVE_POINTS:
            points = self.points
            self.points = [(points[i] + points[i + 1]) / 2
                           for i in range(0, len(points) - 1, 2)]
            if len(points) % 2:
                self.pending = [points[-1]] * stride + self.pending
            self.stride = stride = stride * 2

    def values(self) -> list[float]:
        if self.pending:
            return [*self.points, math.fsum(self.pending) / len(self.pending)]
        return self.points


def read_curves(path: Path) -> dict[str, list[float]]:
    """Values of each metric in order; bad lines are skipped; a long curve is down-sampled
    (sparklines need a few dozen points)."""
    curves: dict[str, _Curve] = {}
    for batch in observation_batches(path):
        values: dict[str, list[float]] = {}
        for obs in batch:
            found = values.get(obs.name)
            if found is None:
                found = values[obs.name] = []
            found.append(obs.value)
        for name, numbers in values.items():
            curve = curves.get(name)
            if curve is None:
                curve = curves[name] = _Curve()
            curve.add(numbers)
    return {name: curve.values() for name, curve in curves.items()}
