"""A metric's curve from its recorded observations (pure): which points, against which x
(step, epoch or time), smoothed, thinned to what a screen or a page can show.

Used by `track plot`, `track watch` and `track report`; no I/O, no printing.
"""

from __future__ import annotations

import fnmatch
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from exptrack.errors import UsageError
from exptrack.jsonl import SeriesRow

X_AXES = ("step", "epoch", "time")


@dataclass(frozen=True)
class Curve:
    """One metric of one run as (x, y) points, x ascending as recorded."""

    metric: str
    xs: list[float]
    ys: list[float]
    skipped: int = 0  # observations left out (no x of that kind, NaN/inf, <= 0 on a log scale)
    x_kind: str = "step"  # what x is: step, epoch (a metric without steps), index, time


def curve(rows: Iterable[SeriesRow], metric: str, x_axis: str = "step",
          start: float | None = None, log: bool = False) -> Curve:
    """The points of ``metric`` in ``rows``. x is the recorded step (for a metric without
    steps: its epoch, else its position from 1), the epoch, or the seconds since
    ``start`` (the run's start; else its first observation). Observations without that x,
    non-finite values and, for a log scale, values <= 0 are left out (counted in
    ``skipped``)."""
    if x_axis not in X_AXES:
        raise UsageError(f"--x must be one of {', '.join(X_AXES)}, not {x_axis!r}")
    picked = [row for row in rows if row.name == metric]
    xs: list[float] = []
    ys: list[float] = []
    kind = x_axis
    if x_axis == "step" and not any(row.step is not None for row in picked):
        kind = "epoch" if any(row.epoch is not None for row in picked) else "index"
    if kind == "index":
        places: list[float | None] = [float(i) for i in range(1, len(picked) + 1)]
    elif kind == "time":
        times = [row.time for row in picked if row.time is not None]
        origin = start if start is not None else (times[0] if times else 0.0)
        places = [None if row.time is None else row.time - origin for row in picked]
    elif kind == "step":
        places = _steps_across_epochs(picked)
    else:
        places = [_number(row.epoch) for row in picked]
    for row, x in zip(picked, places, strict=True):
        if x is None or not math.isfinite(row.value) or (log and row.value <= 0):
            continue
        xs.append(x)
        ys.append(row.value)
    return Curve(metric, xs, ys, len(picked) - len(xs), kind)


def _number(value: int | float | None) -> float | None:
    return None if value is None else float(value)


def _steps_across_epochs(picked: Sequence[SeriesRow]) -> list[float | None]:
    """The rows' steps, made to run on where a step counts within its epoch: a step no
    larger than the one before it, printed in a later epoch (PyTorch's tutorial loop,
    ``[2,  2000] loss: 1.2``), starts after the largest step of the epochs before it, so
    that a curve by step does not fold back over itself. Steps that only grow are as
    recorded; a step going back within one epoch (a restart, another counter) is too."""
    places: list[float | None] = []
    offset = largest = last_step = 0.0
    last_epoch: int | float | None = None  # the epoch of the stepped rows so far
    for row in picked:
        if row.step is None:
            places.append(None)
            continue
        step = float(row.step)
        if last_epoch is not None and row.epoch is not None and row.epoch > last_epoch \
                and step <= last_step:
            offset += largest
            largest = 0.0
        largest = max(largest, step)
        places.append(step + offset)
        last_step = step
        if row.epoch is not None:
            last_epoch = row.epoch
    return places


def smooth(values: Sequence[float], window: int) -> list[float]:
    """Trailing moving average over ``window`` points (the first points average what came
    before them); ``window`` <= 1 leaves the values as they are."""
    if window <= 1:
        return list(values)
    out: list[float] = []
    total = 0.0
    for i, value in enumerate(values):
        total += value
        if i >= window:
            total -= values[i - window]
        out.append(total / min(i + 1, window))
    return out


def thin(xs: Sequence[float], ys: Sequence[float], limit: int) -> tuple[list[float], list[float]]:
    """At most ``limit`` points: consecutive points averaged in equal buckets (a curve of a
    million steps drawn on 200 columns), the first and last x kept."""
    count = len(xs)
    if count <= limit or limit < 2:
        return list(xs), list(ys)
    out_x: list[float] = []
    out_y: list[float] = []
    for bucket in range(limit):
        lo, hi = bucket * count // limit, (bucket + 1) * count // limit
        if hi <= lo:
            continue
        out_x.append(math.fsum(xs[lo:hi]) / (hi - lo))
        out_y.append(math.fsum(ys[lo:hi]) / (hi - lo))
    out_x[0], out_x[-1] = xs[0], xs[-1]
    return out_x, out_y


def pick_metrics(patterns: Sequence[str], known: Iterable[str]) -> list[str]:
    """The metric names ``patterns`` name (exact names or globs: ``val_*``), in the order
    given, each once. A pattern that names nothing is a usage error listing what exists."""
    names = list(dict.fromkeys(known))
    picked: list[str] = []
    for pattern in patterns:
        found = [pattern] if pattern in names else fnmatch.filter(names, pattern) \
            if any(c in pattern for c in "*?[") else []
        if not found:
            hint = f"; known: {', '.join(sorted(names)[:12])}" if names else \
                "; the runs have no metrics"
            raise UsageError(f"no metric {pattern!r} in the selected runs{hint}")
        picked.extend(name for name in found if name not in picked)
    return picked


def is_better(value: float, best: float | None, direction: str | None) -> bool:
    """Whether ``value`` beats ``best`` for a metric of ``direction`` (min/max; unknown:
    never, so the best stays the first)."""
    if best is None:
        return math.isfinite(value)
    if not math.isfinite(value):
        return False
    return value < best if direction == "min" else value > best if direction == "max" \
        else False
