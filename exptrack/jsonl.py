"""``metrics.jsonl`` read in bounded memory, whatever its size (a crashed run's file can
hold hundreds of MB): lines streamed a chunk at a time, in either format (docs/format.md:
1, an object a row; 2, ``[id, value, step]`` rows under object lines that set the name
table, time, epoch and source); the summary of a crashed run rebuilt once and kept beside
the file (``summary.rebuilt.json``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from exptrack.metrics import Observation

CHUNK_BYTES = 4 * 1024 * 1024
MAX_LINE_BYTES = 1024 * 1024  # no row the recorder writes is this long: such a line is bad
# Numbers in JSON's own grammar, so that reading them by regex gives what json.loads gives.
_NUMBER = rb"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?"
_VALUE = _NUMBER + rb'|"(?:nan|inf|-inf)"'
# A format-1 row as the recorder wrote it.
_ROW = re.compile(rb'^\{"name": "([^"\\\x00-\x1f]*)", "value": (' + _VALUE
                  + rb')(?:, "step": (' + _NUMBER + rb'))?(?:, "epoch": ('
                  + _NUMBER + rb'))?(?:, "time": ' + _NUMBER + rb')?\}$', re.M)
# A format-2 line as the recorder writes it: a row (id, value, step), or an object line.
_LINE = re.compile(rb'^(?:\[(0|[1-9][0-9]{0,8}),(' + _VALUE + rb')(?:,(' + _NUMBER
                   + rb'))?\]|(\{[^\n]*\}))$', re.M)


class Row(NamedTuple):
    """An observation with what format 2 keeps beside it."""

    name: str
    value: float
    step: int | float | None
    epoch: int | float | None
    time: float | None
    src: str | None = None


SeriesRow = Row  # what `track metrics`, `plot --x time`, `watch` and `report` read


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


class Decoder:
    """One file's lines in order, either format: the state format 2's object lines set
    (the name table, time, epoch, src) is kept from block to block. ``rows=True`` gives
    ``Row``s (with time and source), else ``Observation``s. ``bad`` counts the lines
    that do not parse. A ``names`` line that does not parse makes every name declared
    after it unknown (a row's id would no longer say which name it is): their rows are
    bad, never given another name."""

    def __init__(self, rows: bool = False) -> None:
        self.with_rows = rows
        self.names: list[str] = []
        self.known = -1  # ids at or past this are unknown (-1: all declared are known)
        self.time: float | None = None
        self.epoch: int | float | None = None
        self.src: str | None = None
        self.bad = 0

    def block(self, block: bytes) -> list[Any]:
        """The observations of ``block``, whole lines each ending with a newline."""
        if not self.with_rows and block.startswith(b'{"name": '):
            found = _format1_rows(block)
            if found is not None:
                return found
        out: list[Any] = []
        lines = _LINE.findall(block)
        if len(lines) == block.count(b"\n"):
            self._lines(lines, out)
        else:  # some line of another layout: each line alone
            for line in block.split(b"\n")[:-1]:
                self.line(line, out)
        return out

    def line(self, line: bytes, out: list[Any]) -> None:
        """One line (no newline), appended to ``out`` when it is an observation."""
        match = _LINE.fullmatch(line.strip())
        if match is not None:
            self._lines([match.groups(b"")], out)  # type: ignore[list-item]
            return
        try:
            value = json.loads(line)
        except (ValueError, RecursionError):
            self._damaged(line)
            return
        if isinstance(value, list) and len(value) in (2, 3) and isinstance(value[0], int) \
                and not isinstance(value[0], bool):
            step = value[2] if len(value) == 3 else None
            if step is None or _number(step) is not None:
                self._add(value[0], value[1], step, out)
                return
        elif isinstance(value, dict):
            self._object(value, out)
            return
        self._damaged(line)

    def _lines(self, lines: list[tuple[bytes, bytes, bytes, bytes]], out: list[Any]) -> None:
        names, known, epoch = self.names, self.known, self.epoch
        append = out.append
        from exptrack.metrics import Observation

        for index, value, step, obj in lines:
            if obj:
                try:
                    parsed = json.loads(obj)
                except (ValueError, RecursionError):
                    self._damaged(obj)
                    continue
                if isinstance(parsed, dict):
                    self._object(parsed, out)
                else:
                    self.bad += 1
                names, known, epoch = self.names, self.known, self.epoch
                continue
            at = int(index)
            if at >= len(names) or 0 <= known <= at:
                self.bad += 1
                continue
            number = float(value) if value[0] != 34 else float(value[1:-1])  # 34: '"'
            position = None if not step else int(step) if step.isdigit() else _json_number(step)
            if self.with_rows:
                append(Row(names[at], number, position, epoch, self.time, self.src))
            else:
                append(Observation(names[at], number, position, epoch))

    def _add(self, at: int, value: Any, step: Any, out: list[Any]) -> None:
        try:
            number = float(value)  # "nan"/"inf" strings too
        except (ValueError, TypeError, OverflowError):
            self.bad += 1
            return
        if at < 0 or at >= len(self.names) or 0 <= self.known <= at:
            self.bad += 1
            return
        from exptrack.metrics import Observation

        found = Observation(self.names[at], number, step, self.epoch)
        out.append(Row(*found, self.time, self.src) if self.with_rows else found)

    def _object(self, value: dict[str, Any], out: list[Any]) -> None:
        if "name" in value:  # a format-1 row
            obs = _format1(value)
            if obs is None:
                self.bad += 1
            elif self.with_rows:
                time = value.get("time")
                src = value.get("src")
                out.append(Row(*obs, _number(time), src if isinstance(src, str) else None))
            else:
                out.append(obs)
            return
        names = value.get("names")
        if isinstance(names, list):
            self.names.extend(str(name) for name in names)
        if "time" in value:
            self.time = _number(value["time"])
        if "epoch" in value:
            self.epoch = _number(value["epoch"])
        if "src" in value:
            self.src = value["src"] if isinstance(value["src"], str) else None

    def _damaged(self, line: bytes) -> None:
        if line.strip():
            self.bad += 1
            if b'"names"' in line and self.known < 0:
                self.known = len(self.names)


def _format1_rows(block: bytes) -> list[Observation] | None:
    """The observations of a block of whole lines all in the format-1 recorder layout (one
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


def _number(x: Any) -> int | float | None:
    return x if isinstance(x, (int, float)) and not isinstance(x, bool) else None


def _decoded(path: Path, decoder: Decoder, damaged: list[str] | None) -> Iterator[list[Any]]:
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, also when not exhausted
    except OSError:
        return
    lines = LineBlocks()
    with handle:
        try:
            for block in lines.blocks(handle):
                yield decoder.block(block)
        except OSError:
            decoder.bad += 1  # an I/O error mid-file: what was read stands
    if lines.tail:  # a last line cut short (a crash mid-write) is skipped silently
        bad = decoder.bad
        out: list[Any] = []
        decoder.line(lines.tail, out)
        decoder.bad = bad
        if out:
            yield out
    bad = decoder.bad + lines.too_long
    if bad and damaged is not None:
        damaged.append(f"metrics.jsonl: {bad} line(s) cannot be read")


def observation_batches(path: Path, damaged: list[str] | None = None,
                        ) -> Iterator[list[Observation]]:
    """Every observation of a ``metrics.jsonl``, a chunk's worth at a time, skipping lines
    that do not parse. A last line cut short (a crash mid-write) is skipped silently;
    other bad lines are counted in ``damaged`` once the file is read."""
    return _decoded(path, Decoder(), damaged)


def row_batches(path: Path, damaged: list[str] | None = None) -> Iterator[list[Row]]:
    """``observation_batches`` with each observation's time and source file (``Row``)."""
    return _decoded(path, Decoder(rows=True), damaged)


def read_observations(path: Path, damaged: list[str] | None = None) -> list[Observation]:
    """``observation_batches`` in one list (for files known to be small)."""
    return [obs for batch in observation_batches(path, damaged) for obs in batch]


def read_rows(path: Path, damaged: list[str] | None = None) -> list[Row]:
    """``row_batches`` in one list (for files known to be small)."""
    return [row for batch in row_batches(path, damaged) for row in batch]


def parse_observation(line: bytes) -> Observation | None:
    """One self-contained (format-1) ``metrics.jsonl`` line as an observation; None when
    it does not parse."""
    try:
        row = json.loads(line)
    except (ValueError, RecursionError):
        return None
    return _format1(row) if isinstance(row, dict) else None


def _format1(row: dict[str, Any]) -> Observation | None:
    from exptrack.metrics import Observation

    try:
        name = row["name"]
        value = float(row["value"])  # "nan"/"inf" strings too
    except (ValueError, TypeError, KeyError, OverflowError):
        return None
    if not isinstance(name, str):
        return None
    return Observation(name, value, _number(row.get("step")), _number(row.get("epoch")))


# ---------------------------------------------------------------- a followed file

def read_series(path: Path, offset: int = 0, damaged: list[str] | None = None,
                decoder: Decoder | None = None) -> tuple[list[Row], int]:
    """The rows of ``metrics.jsonl`` from byte ``offset`` on, with their times, and the
    offset after the last line read: a follower (``track watch``) calls it again from
    there with the same ``decoder`` (format 2's name table and shared time/epoch carry
    over) and reads only what was appended. Lines that do not parse are counted in
    ``damaged``; a last line without its newline is read when it parses (a crash cut it
    short, or it is being written: then it is read next time)."""
    decoder = decoder or Decoder(rows=True)
    rows: list[Row] = []
    bad = decoder.bad
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError:
        return rows, offset
    lines = LineBlocks()
    with handle:
        try:
            handle.seek(offset)
            for block in lines.blocks(handle):
                rows += decoder.block(block)
            end = handle.tell()
        except OSError:
            return rows, offset
    if lines.tail:
        before, tail_bad = len(rows), decoder.bad
        decoder.line(lines.tail, rows)
        if decoder.bad > tail_bad or (len(rows) == before and not lines.tail.startswith(b"{")):
            decoder.bad = tail_bad  # not whole yet: read again next time
            end -= len(lines.tail)
    found = decoder.bad - bad + lines.too_long
    if found and damaged is not None:
        damaged.append(f"metrics.jsonl: {found} line(s) cannot be read")
    return rows, end
