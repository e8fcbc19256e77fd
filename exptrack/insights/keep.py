"""Curves in bounded memory (``Thinned``), and the curves `track run` keeps while it
records (``Kept``), so that the insights at the end of a run need not read
``metrics.jsonl`` back: decoding a million lines' rows took 0.4 s of CPU, most of what the
recorder spent past parsing (``bench/recorder.py``).

``remember`` hands the kept curves over, tied to the ``metrics.jsonl`` they were written
to (its size, mtime and inode); ``recalled`` gives them back only while that file is the
same, so any later change of the file (``track reparse``, framework files merged in) is
read from the file again.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from exptrack.metrics.columns import Block, Context, ContextValue, LazyNumbers

if TYPE_CHECKING:
    from exptrack.metrics.parser import Segment

MAX_POINTS = 5_000  # a longer curve is thinned evenly before the rules
Number = int | float
# a Point, or a plain tuple of its fields (value, step, epoch, time): made by ``zip``
P = TypeVar("P", bound=tuple[float, Number | None, Number | None, float | None])


class Thinned(Generic[P]):
    """A curve kept in bounded memory while it streams in: every ``stride``-th point (the
    stride doubling, and the kept points halved, each time ``2 * limit`` are held), the
    first non-finite point of each stretch of them (where a loss turned NaN), and the
    last. (Keeping every non-finite point made a long NaN tail quadratic: the halving
    could not shrink the list, and ran again at each point.)"""

    def __init__(self, limit: int = MAX_POINTS) -> None:
        self.limit = limit
        self.points: list[P] = []
        self.stride = 1
        self.seen = 0
        self.last: P | None = None

    def add(self, point: P) -> None:
        turned = not math.isfinite(point[0]) and (
            self.last is None or math.isfinite(self.last[0]))
        if self.seen % self.stride == 0 or turned:
            self.points.append(point)
            if len(self.points) >= 2 * self.limit:
                self._halve()
        self.seen += 1
        self.last = point

    def extend(self, count: int, points: Callable[[slice], list[P]], finite: bool) -> None:
        """``count`` points in order, as ``add`` would take them one by one, where
        ``points(part)`` makes those of a slice of them: when all are ``finite``, only
        the kept ones are made; else they go one by one."""
        if not finite:
            for point in points(slice(0, count)):
                self.add(point)
            return
        at = 0
        last: P | None = None  # the last point, if kept (the same object, as in add)
        while at < count:
            first = at + (-self.seen) % self.stride
            room = 2 * self.limit - len(self.points)
            stop = min(count, first + room * self.stride)
            if first < stop:
                kept = points(slice(first, stop, self.stride))
                self.points += kept
                if stop == count and (count - 1 - first) % self.stride == 0:
                    last = kept[-1]
            self.seen += stop - at
            at = stop
            if len(self.points) >= 2 * self.limit:
                self._halve()
        if count:
            self.last = last if last is not None else points(slice(count - 1, count))[0]

    def _halve(self) -> None:
        points = self.points
        if math.isfinite(sum(map(itemgetter(0), points))):  # (an overflow: the long way)
            self.points = points[::2]
            self.stride *= 2
            return
        kept = [p for i, p in enumerate(points) if i % 2 == 0 or (
            not math.isfinite(p[0]) and math.isfinite(points[i - 1][0]))]
        if len(kept) > 1.5 * self.limit:  # values alternating with NaN: halve plainly
            kept = points[::2]
        self.points = kept
        self.stride *= 2

    def curve(self) -> list[P]:
        if self.last is not None and (not self.points or self.points[-1] is not self.last):
            return [*self.points, self.last]
        return self.points


Raw = tuple[float, Number | None, Number | None, float | None]  # a Point's fields


class Kept:
    """Each metric's curve as the recorder writes its rows (``MetricStream``): the points
    ``metrics.jsonl`` gives back when read, as plain tuples (``Raw``), their time the
    arrival time of the row (seconds since the epoch; ``load`` makes them ``Point``s, in
    seconds since the start). A column block costs a slice of each column and a ``zip``:
    only the points kept are converted (measured on ``bench/recorder.py``'s million lines:
    ~0.04 s, where making every kept point a ``Point`` cost 0.14 s)."""

    def __init__(self) -> None:
        self.curves: dict[str, Thinned[Raw]] = {}
        self.first_time: float | None = None

    def _curve(self, name: str) -> Thinned[Raw]:
        curve = self.curves.get(name)
        if curve is None:
            curve = self.curves[name] = Thinned()
        return curve

    def add(self, segments: Sequence[Segment], time: float | None) -> None:
        """The segments (``MetricParser.feed_segments``) whose rows arrived at ``time``."""
        if self.first_time is None and segments:
            self.first_time = time
        for segment in segments:
            if isinstance(segment, Block):
                self._block(segment, time)
                continue
            groups: dict[str, list[Raw]] = {}
            for name, value, step, epoch in segment:
                group = groups.get(name)
                if group is None:
                    group = groups[name] = []
                group.append((value, step, epoch, time))
            for name, points in groups.items():
                finite = math.isfinite(sum(map(itemgetter(0), points)))
                self._curve(name).extend(len(points), points.__getitem__, finite)

    def _block(self, block: Block, time: float | None) -> None:
        """A column block, a metric at a time; the steps and epochs of a slice are made
        once for all of them (their curves, having seen as many points, mostly take the
        same slices: a third less time on ``bench/recorder.py``)."""
        plan = block.plan
        made: dict[tuple[int, int, int], tuple[list[Number | None], list[Number | None]]] = {}

        def context(part: slice) -> tuple[list[Number | None], list[Number | None]]:
            key = (part.start, part.stop, part.step)
            found = made.get(key)
            if found is None:
                found = made[key] = (list(_positions(block, plan.step, block.steps, part)),
                                     list(_positions(block, plan.epoch, block.epochs, part)))
            return found

        for metric in plan.metrics:
            column = metric.column
            if column < 0:  # a nan/inf literal on every line
                texts: Sequence[str | bytes | float] = \
                    [float(str(metric.form).strip('"'))] * block.lines
                finite = False
            else:  # digits: finite, but where an exponent overflows ("1e999")
                texts = block.texts[column]
                finite = metric.ordered or math.isfinite(
                    float(texts[0]) if block.constant[column] else sum(map(float, texts)))

            def points(part: slice, texts: Sequence[str | bytes | float] = texts
                       ) -> list[Raw]:
                return list(zip(map(float, texts[part]), *context(part), repeat(time)))

            self._curve(metric.name).extend(block.lines, points, finite)

    def series(self) -> dict[str, list[Raw]]:
        return {name: curve.curve() for name, curve in self.curves.items()}


def _positions(block: Block, context: Context | None, lazy: ContextValue,
               part: slice) -> Iterable[Number | None]:
    """A step or epoch column's numbers as ``metrics.jsonl`` gives them back: JSON's
    types (``3.0`` a float) where its text was written as printed (``encode``)."""
    if not isinstance(lazy, LazyNumbers):
        return repeat(lazy, len(range(block.lines)[part]))
    assert context is not None
    texts = lazy.texts[part]
    if context.plain:
        return map(int, texts)
    if context.json and not (context.leading and block.zeros[context.column]):
        first = lazy.texts[0]  # an unsigned decimal: the same shape on every line
        dotted = b"." in first if isinstance(first, bytes) else "." in first
        return map(float if dotted else int, texts)
    return LazyNumbers(texts, plain=False)


_REMEMBERED: list[tuple[tuple[str, int, int, int], Kept]] = []  # this process's last


def _key(path: Path) -> tuple[str, int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return str(path), st.st_size, st.st_mtime_ns, st.st_ino


def remember(path: Path, kept: Kept) -> None:
    """``kept`` holds what the file at ``path`` (``metrics.jsonl``, written) holds."""
    key = _key(path)
    _REMEMBERED[:] = [(key, kept)] if key is not None else []


def recalled(path: Path) -> Kept | None:
    """The curves remembered for ``path``, if the file is still as it was."""
    if _REMEMBERED and _REMEMBERED[0][0] == _key(path):
        return _REMEMBERED[0][1]
    return None
