"""``metrics.jsonl`` read in bounded memory, whatever its size (a crashed run's file can
hold hundreds of MB): lines streamed a chunk at a time; the summary of a crashed run
rebuilt once and kept beside the file (``summary.rebuilt.json``); the curves `track show`
draws, down-sampled as they are read.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from exptrack.model import SUMMARY_FIELDS, MetricSummary

if TYPE_CHECKING:
    from exptrack.metrics import Observation

CHUNK_BYTES = 4 * 1024 * 1024
MAX_LINE_BYTES = 1024 * 1024  # no row the recorder writes is this long: such a line is bad
REBUILT_NAME = "summary.rebuilt.json"
MAX_REBUILT_BYTES = 16 * 1024 * 1024  # a bigger cache is not read, but rebuilt
CURVE_POINTS = 2048  # a curve is kept to at most twice this many points
_REBUILT_SCHEMA = "1:" + ",".join(SUMMARY_FIELDS)
# A row in the recorder's own layout: name and value found by one regex pass over a chunk.
_OBSERVATION = re.compile(rb'^\{"name": "([^"\\\n]*)", "value": ("?)([^,}"\n]+)\2[,}]', re.M)
# A whole row as the recorder writes it (``metrics.records.encode_lines``), every field
# in JSON's own grammar, so that reading it by regex gives what ``json.loads`` gives.
_NUMBER = rb"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?"
_ROW = re.compile(rb'^\{"name": "([^"\\\x00-\x1f]*)", "value": (' + _NUMBER
                  + rb'|"(?:nan|inf|-inf)")(?:, "step": (' + _NUMBER + rb'))?(?:, "epoch": ('
                  + _NUMBER + rb'))?(?:, "time": ' + _NUMBER + rb')?\}$', re.M)


class LineBlocks:
    """A file's complete lines, a block of whole lines (each ending with a newline) at a
    time; memory stays within a chunk and a line. ``tail`` is what follows the last
    newline (a line cut short by a crash); ``too_long`` counts the lines skipped for being
    longer than MAX_LINE_BYTES."""

    def __init__(self) -> None:
        self.tail = b""
        self.too_long = 0

    def blocks(self, handle: IO[bytes]) -> Iterator[bytes]:
        pending = b""
        skipping = False  # inside a line too long to keep
        while True:
            chunk = handle.read(CHUNK_BYTES)
            if not chunk:
                break
            if skipping:
                cut = chunk.find(b"\n")
                if cut < 0:
                    continue
                chunk, skipping = chunk[cut + 1:], False
            data = pending + chunk if pending else chunk
            end = data.rfind(b"\n") + 1
            if end:
                yield data[:end]
            pending = data[end:]
            if len(pending) > MAX_LINE_BYTES:
                self.too_long += 1
                pending, skipping = b"", True
        self.tail = pending


def observation_batches(path: Path, damaged: list[str] | None = None,
                        ) -> Iterator[list[Observation]]:
    """Every observation of a ``metrics.jsonl``, a chunk's worth at a time, skipping lines
    that do not parse. A last line cut short (a crash mid-write) is skipped silently;
    other bad lines are counted in ``damaged`` once the file is read."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, also when not exhausted
    except OSError:
        return
    lines = LineBlocks()
    bad = 0
    with handle:
        try:
            for block in lines.blocks(handle):
                batch = _recorder_rows(block)
                if batch is None:  # some line in another layout: each line parsed as JSON
                    batch = []
                    for line in block.split(b"\n")[:-1]:
                        obs = parse_observation(line)
                        if obs is None:
                            bad += line.strip() != b""
                        else:
                            batch.append(obs)
                yield batch
        except OSError:
            bad += 1  # an I/O error mid-file: what was read stands
    if lines.tail:
        obs = parse_observation(lines.tail)
        if obs is not None:
            yield [obs]
    bad += lines.too_long
    if bad and damaged is not None:
        damaged.append(f"metrics.jsonl: {bad} line(s) cannot be read")


def _recorder_rows(block: bytes) -> list[Observation] | None:
    """The observations of a block of whole lines all in the recorder's own layout (one
    regex pass: a few times faster than a JSON parse a line); None if any line is not."""
    from exptrack.metrics import Observation

    found = _ROW.findall(block)
    if len(found) != block.count(b"\n"):
        return None
    names: dict[bytes, str] = {}
    batch: list[Observation] = []
    append = batch.append
    try:
        for raw, value, step, epoch in found:
            name = names.get(raw)
            if name is None:
                name = names[raw] = raw.decode("utf-8")
            append(Observation(name, float(value.strip(b'"')),
                               _json_number(step) if step else None,
                               _json_number(epoch) if epoch else None))
    except UnicodeDecodeError:
        return None
    return batch


def _json_number(text: bytes) -> int | float:
    """A JSON number as ``json.loads`` reads it: an int unless it has a fraction or an
    exponent."""
    if b"." in text or b"e" in text or b"E" in text:
        return float(text)
    return int(text)


def read_observations(path: Path, damaged: list[str] | None = None) -> list[Observation]:
    """``observation_batches`` in one list (for files known to be small)."""
    return [obs for batch in observation_batches(path, damaged) for obs in batch]


def parse_observation(line: bytes) -> Observation | None:
    """One ``metrics.jsonl`` line as an observation; None when it does not parse."""
    from exptrack.metrics import Observation

    try:
        row = json.loads(line)
        name = row["name"]
        value = float(row["value"])  # "nan"/"inf" strings too
        step, epoch = row.get("step"), row.get("epoch")
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError):
        return None
    if not isinstance(name, str):
        return None

    def number(x: Any) -> int | float | None:
        return x if isinstance(x, (int, float)) and not isinstance(x, bool) else None

    return Observation(name, value, number(step), number(epoch))


# ---------------------------------------------------------------- a crashed run's summary

def rebuilt_summary(run_dir: Path, damaged: list[str]) -> dict[str, MetricSummary]:
    """The metric summaries of ``run_dir``'s ``metrics.jsonl`` (a crashed run's recorder
    died before its last summary). Rebuilt once, streaming the file, and kept in
    ``summary.rebuilt.json`` (keyed by the file's size, mtime and inode, so any change
    rebuilds it); where the run folder cannot be written, rebuilt at each read."""
    from exptrack.metrics import MetricSummarizer

    source = run_dir / "metrics.jsonl"
    try:
        st = os.stat(source)
    except OSError:
        return {}
    key = [_REBUILT_SCHEMA, st.st_size, st.st_mtime_ns, st.st_ino]
    cached = _read_rebuilt(run_dir / REBUILT_NAME, key)
    if cached is not None:
        metrics, problems = cached
        damaged.extend(problems)
        return metrics
    summarizer = MetricSummarizer()
    problems = []
    for batch in observation_batches(source, problems):
        summarizer.add(batch)
    damaged.extend(problems)
    _write_rebuilt(run_dir / REBUILT_NAME, key, summarizer.summaries, problems,
                   st.st_mode & 0o666)
    return summarizer.summaries


def _read_rebuilt(path: Path, key: list[Any],
                  ) -> tuple[dict[str, MetricSummary], list[str]] | None:
    from exptrack.fsutil import read_bounded

    try:
        raw = read_bounded(path, MAX_REBUILT_BYTES)
        if raw is None:
            return None
        data = json.loads(raw)
        if data["key"] != key or not isinstance(data["damaged"], list):
            return None
        metrics = {str(name): MetricSummary(*fields)
                   for name, fields in data["metrics"].items()}
        return metrics, [str(problem) for problem in data["damaged"]]
    except Exception:  # absent, stale, corrupt or hand-edited: rebuilt
        return None


def _write_rebuilt(path: Path, key: list[Any], metrics: dict[str, MetricSummary],
                   problems: list[str], mode: int) -> None:
    from exptrack.fsutil import write_atomic

    data = {"key": key, "damaged": problems,
            "metrics": {name: [getattr(m, f) for f in SUMMARY_FIELDS]
                        for name, m in metrics.items()}}
    try:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        if len(text) <= MAX_REBUILT_BYTES:
            write_atomic(path, text.encode("utf-8"), mode or 0o600)
    except (OSError, ValueError):
        pass  # a run folder we cannot write (another user's run, a read-only store)


# ---------------------------------------------------------------- curves for `track show`

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
    """Values of each metric in order, from metrics.jsonl, streamed; bad lines are
    skipped; a long curve is down-sampled (sparklines need a few dozen points).

    Lines in the recorder's own layout are read with one regex pass a chunk (1M lines in
    well under a second); a chunk with any other line goes through the JSON parser."""
    curves: dict[str, _Curve] = {}
    try:
        handle = path.open("rb")
    except OSError:
        return {}
    lines = LineBlocks()
    with handle:
        try:
            for block in lines.blocks(handle):
                _add_block(block, curves)
        except OSError:
            pass
    if lines.tail:
        _add_block(lines.tail, curves)
    return {name: curve.values() for name, curve in curves.items()}


def _add_block(data: bytes, curves: dict[str, _Curve]) -> None:
    found = _OBSERVATION.findall(data)
    complete = data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
    values: dict[str, list[float]] = {}
    if len(found) < complete - data.count(b"\n\n"):  # some line in another layout
        _parse_lines(data, values)
    else:
        by_name: dict[bytes, list[float]] = {}
        for name, _, value in found:
            try:
                by_name.setdefault(name, []).append(float(value))
            except ValueError:
                continue
        for raw, numbers in by_name.items():
            values.setdefault(raw.decode("utf-8", "replace"), []).extend(numbers)
    for name, numbers in values.items():
        curve = curves.get(name)
        if curve is None:
            curve = curves[name] = _Curve()
        curve.add(numbers)


def _parse_lines(chunk: bytes, curves: dict[str, list[float]]) -> None:
    for line in chunk.splitlines():
        if not line.strip():
            continue
        try:
            obs = json.loads(line)
            curves.setdefault(str(obs["name"]), []).append(float(obs["value"]))
        except (ValueError, KeyError, TypeError, RecursionError):
            continue


# ---------------------------------------------------------------- full series, with times

class SeriesRow(NamedTuple):
    """One observation as recorded, with the time it was written (Unix s; None when the
    row has none): what `track metrics`, `plot --x time`, `watch` and `report` read."""

    name: str
    value: float
    step: int | float | None
    epoch: int | float | None
    time: float | None


def read_series(path: Path, offset: int = 0, damaged: list[str] | None = None,
                ) -> tuple[list[SeriesRow], int]:
    """The observations of ``metrics.jsonl`` from byte ``offset`` on, with their times, and
    the offset after the last line read: a follower (``track watch``) calls it again from
    there and reads only what was appended. Lines that do not parse are skipped (counted in
    ``damaged``); a last line without its newline is read when it parses (a crash cut it
    short, or it is being written: then it is read next time)."""
    rows: list[SeriesRow] = []
    bad = 0
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError:
        return rows, offset
    lines = LineBlocks()
    with handle:
        try:
            handle.seek(offset)
            for block in lines.blocks(handle):
                for line in block.split(b"\n")[:-1]:
                    row = _series_row(line)
                    if row is None:
                        bad += line.strip() != b""
                    else:
                        rows.append(row)
            end = handle.tell()
        except OSError:
            return rows, offset
    if lines.tail:
        row = _series_row(lines.tail)
        if row is None:
            end -= len(lines.tail)
        else:
            rows.append(row)
    bad += lines.too_long
    if bad and damaged is not None:
        damaged.append(f"metrics.jsonl: {bad} line(s) cannot be read")
    return rows, end


def _series_row(line: bytes) -> SeriesRow | None:
    """One line as a row: the fields ``parse_observation`` reads, and ``time``."""
    try:
        row = json.loads(line)
        name, value = row["name"], float(row["value"])
        step, epoch, stamp = row.get("step"), row.get("epoch"), row.get("time")
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError):
        return None
    if not isinstance(name, str):
        return None

    def number(x: Any) -> int | float | None:
        return x if isinstance(x, (int, float)) and not isinstance(x, bool) else None

    when = number(stamp)
    return SeriesRow(name, value, number(step), number(epoch),
                     None if when is None else float(when))
