"""A run folder read into ``RunData`` (the I/O edge of the insights): ``metrics.jsonl`` via
``exptrack.jsonl.read_series`` (both format versions), ``summary.yaml`` directions,
``run.yaml`` outcome, ``resources.jsonl``/``resources.yaml``, ``env.yaml`` host and GPUs,
``artifacts.yaml`` for the best checkpoint. Missing or damaged files give fewer insights,
never an exception."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exptrack.directions import metric_direction
from exptrack.insights.diagnose import RunData, diagnose
from exptrack.insights.keep import Thinned, recalled
from exptrack.insights.model import Insight, Point, Thresholds

if TYPE_CHECKING:
    from exptrack.jsonl import Row

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


def _series(metrics: Path, start: float | None) -> dict[str, list[Point]]:
    """Each metric's curve, its times made seconds since ``start`` (else since the first
    row's time): the curves `track run` kept while it wrote ``metrics`` (``keep``), else
    the file's rows."""
    kept = recalled(metrics)
    if kept is not None:
        start = kept.first_time if start is None else start
        return {name: [Point(value, step, epoch, None if time is None or start is None
                             else max(0.0, time - start))
                       for value, step, epoch, time in points]
                for name, points in kept.series().items()}
    curves: dict[str, Thinned[Point]] = {}
    for batch in _row_batches(metrics):  # bounded memory, either format
        for row in batch:
            if start is None and row.time is not None:
                start = row.time
            at = None if row.time is None or start is None else max(0.0, row.time - start)
            curve = curves.get(row.name)
            if curve is None:
                curves[row.name] = curve = Thinned()
            curve.add(Point(row.value, row.step, row.epoch, at))
    return {name: curve.curve() for name, curve in curves.items()}


def run_data(path: Path, configured: dict[str, str] | None = None) -> RunData:
    record = _mapping(_yaml(path / "run.yaml"))
    series = _series(path / "metrics.jsonl", _start(record))
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
