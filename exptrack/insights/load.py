"""A run folder read into ``RunData`` (the I/O edge of the insights): ``metrics.jsonl`` via
``exptrack.jsonl.read_series`` (both format versions), ``summary.yaml`` directions,
``run.yaml`` outcome, ``resources.jsonl``/``resources.yaml``, ``env.yaml`` host and GPUs,
``artifacts.yaml`` for the best checkpoint. Missing or damaged files give fewer insights,
never an exception."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exptrack.directions import metric_direction
from exptrack.insights.diagnose import RunData, diagnose
from exptrack.insights.model import Insight, Point, Thresholds

if TYPE_CHECKING:
    from exptrack.jsonl import Row

MAX_POINTS = 5_000  # a longer curve is thinned evenly before the rules
READ_WHOLE_BYTES = 8 * 1024 * 1024  # a bigger metrics.jsonl has its rows sampled
SAMPLED_ROWS = 50_000  # about how many rows of a bigger file are decoded
MAX_SAMPLE_BYTES = 8 * 1024 * 1024


def _yaml(path: Path) -> Any:
    """The file's YAML (the C loader, bounded: ``fsutil.read_yaml``); None on trouble."""
    from exptrack.fsutil import YamlError, read_yaml

    try:
        return read_yaml(path)
    except (OSError, YamlError, ValueError):
        return None


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _start(record: dict[str, Any]) -> float | None:
    stamp = record.get("started_at")
    if not isinstance(stamp, str):
        return None
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


class Thinned:
    """A curve kept in bounded memory while it streams in: every ``stride``-th point (the
    stride doubling, and the kept points halved, each time ``2 * limit`` are held), the
    first non-finite point of each stretch of them (where a loss turned NaN), and the
    last. (Keeping every non-finite point made a long NaN tail quadratic: the halving
    could not shrink the list, and ran again at each point.)"""

    def __init__(self, limit: int = MAX_POINTS) -> None:
        self.limit = limit
        self.points: list[Point] = []
        self.stride = 1
        self.seen = 0
        self.last: Point | None = None

    def add(self, point: Point) -> None:
        turned = not math.isfinite(point.value) and (
            self.last is None or math.isfinite(self.last.value))
        if self.seen % self.stride == 0 or turned:
            self.points.append(point)
            if len(self.points) >= 2 * self.limit:
                self._halve()
        self.seen += 1
        self.last = point

    def _halve(self) -> None:
        points = self.points
        kept = [p for i, p in enumerate(points) if i % 2 == 0 or (
            not math.isfinite(p.value) and math.isfinite(points[i - 1].value))]
        if len(kept) > 1.5 * self.limit:  # values alternating with NaN: halve plainly
            kept = points[::2]
        self.points = kept
        self.stride *= 2

    def curve(self) -> list[Point]:
        if self.last is not None and (not self.points or self.points[-1] is not self.last):
            return [*self.points, self.last]
        return self.points


def read_samples(path: Path) -> list[dict[str, Any]]:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SAMPLE_BYTES)
    except OSError:
        return []
    samples = []
    for line in data.splitlines():
        try:
            row = json.loads(line)
        except ValueError:
            continue
        if isinstance(row, dict):
            samples.append(row)
    return samples


def checkpoint(artifacts: Any) -> str | None:
    """The best checkpoint among the run's weights files: one named best, else the only
    one."""
    items = _mapping(artifacts).get("artifacts")
    weights = [str(a.get("path")) for a in items or [] if isinstance(a, dict)
               and a.get("weights") and a.get("path")] if isinstance(items, list) else []
    best = [w for w in weights if "best" in Path(w).name.lower()]
    chosen = best or (weights if len(weights) == 1 else [])
    return chosen[0] if chosen else None


def _stride(size: int) -> int:
    """Every how many'th row of a file of ``size`` bytes is decoded: 1 up to
    READ_WHOLE_BYTES, else a prime (a prime stride does not keep picking the same metric
    of rows that cycle through a few names)."""
    if size <= READ_WHOLE_BYTES:
        return 1
    stride = max(2, size // (SAMPLED_ROWS * 18))  # ~18 bytes a format-2 row
    while any(stride % d == 0 for d in range(2, int(stride ** 0.5) + 1)):
        stride += 1
    return stride


def _row_batches(path: Path) -> Iterator[list[Row]]:
    """The rows of ``metrics.jsonl``, in bounded memory and time. Decoding a million
    observations takes seconds (measured: 4.7 s for 3M), which would hold up the end of
    `track run`: past READ_WHOLE_BYTES every line that sets context (format 2's names,
    epoch, time, source) is still read, but only every ``stride``-th row. The rules look
    at a curve's shape, which survives; a step they report is then within ``stride``
    rows of the exact one."""
    from exptrack.jsonl import Decoder, LineBlocks, row_batches

    try:
        stride = _stride(path.stat().st_size)
    except OSError:
        return
    if stride == 1:
        yield from row_batches(path)
        return
    decoder, lines, sampler = Decoder(rows=True), LineBlocks(), _Sampler(stride)
    try:
        with open(path, "rb") as handle:
            for block in lines.blocks(handle):
                yield decoder.block(sampler.block(block))
    except OSError:
        return


_CONTEXT_LINE = re.compile(rb'^\{(?!"name")[^\n]*\n', re.M)  # format 2's object lines


class _Sampler:
    """A file's context lines, all, and every ``stride``-th of its rows, counted across
    the blocks and the stretches between context lines (slices of split bytes: no Python
    loop over the lines)."""

    def __init__(self, stride: int) -> None:
        self.stride = stride
        self.seen = 0  # rows so far

    def block(self, block: bytes) -> bytes:
        kept: list[bytes] = []
        at = 0
        for found in _CONTEXT_LINE.finditer(block):
            if found.start() > at:
                kept += self._rows(block[at:found.start()])
            kept.append(found.group()[:-1])
            at = found.end()
        if at < len(block):
            kept += self._rows(block[at:])
        return b"\n".join(kept) + b"\n" if kept else b""

    def _rows(self, stretch: bytes) -> list[bytes]:
        rows = stretch.split(b"\n")[:-1]
        picked = rows[(-self.seen) % self.stride::self.stride]
        self.seen += len(rows)
        return picked


def run_data(path: Path, configured: dict[str, str] | None = None) -> RunData:
    record = _mapping(_yaml(path / "run.yaml"))
    start = _start(record)
    curves: dict[str, Thinned] = {}
    for batch in _row_batches(path / "metrics.jsonl"):  # bounded memory, either format
        for row in batch:
            if start is None and row.time is not None:
                start = row.time
            at = None if row.time is None or start is None else max(0.0, row.time - start)
            curve = curves.get(row.name)
            if curve is None:
                curves[row.name] = curve = Thinned()
            curve.add(Point(row.value, row.step, row.epoch, at))
    series = {name: curve.curve() for name, curve in curves.items()}
    summary = _mapping(_mapping(_yaml(path / "summary.yaml")).get("metrics"))
    directions: dict[str, str | None] = {}
    for name in series:
        recorded = _mapping(summary.get(name)).get("direction")
        directions[name] = recorded if recorded in ("min", "max") else \
            metric_direction(name, configured)
    env = _mapping(_yaml(path / "env.yaml"))
    gpus = env.get("gpus")
    duration = record.get("duration_s")
    return RunData(series=series, directions=directions,
                   duration_s=float(duration) if isinstance(duration, (int, float)) else None,
                   record=record, samples=read_samples(path / "resources.jsonl"),
                   resources=_mapping(_yaml(path / "resources.yaml")),
                   host=_mapping(env.get("host")),
                   gpus=[g for g in gpus if isinstance(g, dict)] if isinstance(gpus, list)
                   else [], checkpoint=checkpoint(_yaml(path / "artifacts.yaml")))


_KEYED_FILES = ("metrics.jsonl", "summary.yaml", "run.yaml", "resources.jsonl",
                "resources.yaml", "env.yaml", "artifacts.yaml")
_LAST: list[tuple[tuple[Any, ...], list[Insight]]] = []  # the last answer of this process


def run_insights(path: Path, th: Thresholds | None = None,
                 configured: dict[str, str] | None = None) -> list[Insight]:
    """The insights of the run in folder ``path``. The last answer is kept, keyed by the
    stats of the files it was read from and the settings: the end of `track run` asks
    twice (the index row, the summary line), and a big run's metrics take a while."""
    stats: list[tuple[int, int, int] | None] = []
    for name in _KEYED_FILES:
        try:
            st = (path / name).stat()
            stats.append((st.st_size, st.st_mtime_ns, st.st_ino))
        except OSError:
            stats.append(None)
    key = (str(path), tuple(stats), repr(th), sorted((configured or {}).items()))
    if _LAST and _LAST[0][0] == key:
        return list(_LAST[0][1])
    found = diagnose(run_data(path, configured), th)
    _LAST[:] = [(key, found)]
    return list(found)
