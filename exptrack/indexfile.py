"""``<store>/index.bin``: every run's listing data in columns, how it is written, read
and validated (see docs/format.md). Derived from the run folders and safe to delete;
``index.py`` decides when what it says can be trusted."""

from __future__ import annotations

import contextlib
import dataclasses
import marshal
import os
import struct
import sys
from array import array
from collections.abc import Iterable
from itertools import accumulate
from pathlib import Path
from typing import Any

from exptrack import __version__
from exptrack.entries import RUN_STATS, SCHEMA, Row

INDEX_NAME = "index.bin"
MAX_HEADER_BYTES = 256 * 1024 * 1024  # a bigger header is not read: the index is rebuilt
_INDEX_SCHEMA = (f"{SCHEMA};columns3;exptrack{__version__};marshal{marshal.version};"
                 f"py{sys.version_info[0]}.{sys.version_info[1]}")
_MAGIC = b"XTIX"
_PREFIX = struct.Struct("<4sI")  # magic, header length; the header, then the sections
_BLOB_SECTIONS = ("record", "params", "metrics", "git")  # Row[5:9]


# ---------------------------------------------------------------- the index file

class IndexFile:
    """An opened index: the header decoded, each section decoded on first use. The file
    stays open, so a section is read from the same snapshot as the header even if another
    process replaces the index meanwhile."""

    def __init__(self, fd: int, header: dict[str, Any], base: int, size: int) -> None:
        self.fd = fd
        self.base = base
        self.size = size
        self.ids: list[str] = header["ids"]
        self.stats: bytes = header["stats"]
        self.started: list[str] = header["started"]
        self.names: list[Any] = header["names"]
        self.status: list[str] = header["status"]
        self.damaged: dict[int, list[str]] = header["damaged"]
        self.sections: dict[str, tuple[int, int]] = header["sections"]
        self.positions = {run_id: pos for pos, run_id in enumerate(self.ids)}
        self._decoded: dict[str, Section | None] = {}

    def __del__(self) -> None:
        with contextlib.suppress(OSError, AttributeError, TypeError):
            os.close(self.fd)

    def section(self, name: str) -> Section | None:
        """A section (one item a run, in ``ids`` order); None when absent or bad."""
        if name in self._decoded:
            return self._decoded[name]
        value = None
        where = self.sections.get(name)
        try:
            if where is not None:
                offset, length = where
                if not 0 <= offset <= offset + length <= self.size - self.base:
                    raise ValueError("a section outside the file")
                data = os.pread(self.fd, length, self.base + offset)
                if len(data) == length:
                    value = Section.decode(data, len(self.ids))
        except (OSError, ValueError, TypeError):
            value = None
        self._decoded[name] = value
        return value

    def has_metric(self, name: str) -> bool:
        return "m:" + name in self.sections

    def carry(self, wanted: Iterable[str]) -> Columns | None:
        """The columns of the ``wanted`` runs, to be written again without decoding them
        run by run; None when a section is unusable (the runs are then read again)."""
        picked = [self.positions[run_id] for run_id in wanted]
        stats = self.stats
        columns = Columns(
            ids=[self.ids[p] for p in picked],
            stats=b"".join(stats[p * RUN_STATS:(p + 1) * RUN_STATS] for p in picked),
            started=[self.started[p] for p in picked],
            names=[self.names[p] for p in picked],
            status=[self.status[p] for p in picked],
            damaged={new: self.damaged[p] for new, p in enumerate(picked)
                     if p in self.damaged},
            sections={})
        ranges = _ranges(picked)
        for name in self.sections:
            section = self.section(name)
            if section is None:
                return None
            columns.sections[name] = writer = SectionWriter()
            writer.copy(section, ranges)
        return columns


def open_index(path: Path) -> IndexFile | None:
    """The index at ``path``, header checked; None when absent, foreign or corrupt."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        magic, length = _PREFIX.unpack(os.pread(fd, _PREFIX.size, 0))
        size = os.fstat(fd).st_size
        if magic != _MAGIC:
            raise ValueError("not an index")
        if length > min(size - _PREFIX.size, MAX_HEADER_BYTES):
            raise ValueError("a header larger than the file or the bound")
        header = marshal.loads(os.pread(fd, length, _PREFIX.size))
        if type(header) is not dict or header.get("schema") != _INDEX_SCHEMA:
            raise ValueError("another version's index")
        count = len(header["ids"])
        if not (type(header["ids"]) is list and type(header["stats"]) is bytes
                and len(header["stats"]) == count * RUN_STATS
                and all(type(header[k]) is list and len(header[k]) == count
                        for k in ("started", "names", "status"))
                and type(header["damaged"]) is dict and type(header["sections"]) is dict
                and all(type(v) is str for k in ("ids", "started", "status")
                        for v in header[k])):
            raise ValueError("malformed header")
        return IndexFile(fd, header, _PREFIX.size + length, size)
    except (OSError, EOFError, ValueError, TypeError, KeyError, struct.error):
        os.close(fd)
        return None


def _little(values: array[int]) -> array[int]:
    """``values`` in the file's byte order (little-endian), in place."""
    if sys.byteorder != "little":
        values.byteswap()
    return values


class Section:
    """A section of the index: one marshal blob a run, or nothing (None), stored as the
    items' lengths (``array('Q')``, little-endian) followed by the items back to back.
    Reading an item is a slice, and rewriting the index copies the runs it keeps range by
    range, without touching them one by one."""

    __slots__ = ("data", "ends", "lengths")

    def __init__(self, data: bytes, lengths: array[int]) -> None:
        self.data = data
        self.lengths = lengths
        self.ends = list(accumulate(lengths))

    def __getitem__(self, pos: int) -> bytes | None:
        end = self.ends[pos]
        start = end - self.lengths[pos]
        return self.data[start:end] if end > start else None

    @staticmethod
    def decode(raw: bytes, count: int) -> Section | None:
        lengths = array("Q")
        size = lengths.itemsize * count
        if len(raw) < size:
            return None
        lengths.frombytes(raw[:size])
        section = Section(raw[size:], _little(lengths))
        return section if sum(lengths) == len(section.data) else None


class SectionWriter:
    """A section being assembled for writing: ranges of runs copied from an old one, and
    blobs of runs read from their files."""

    __slots__ = ("chunks", "lengths")

    def __init__(self, empty: int = 0) -> None:
        self.lengths = array("Q", bytes(8 * empty))  # `empty` runs without an item
        self.chunks: list[bytes] = []

    def copy(self, section: Section, ranges: list[tuple[int, int]]) -> None:
        """Append the items of the runs ``[start, end)`` of each range."""
        for first, last in ranges:
            self.lengths.extend(section.lengths[first:last])
            self.chunks.append(section.data[section.ends[first] - section.lengths[first]:
                                            section.ends[last - 1]])

    def append(self, items: Iterable[bytes | None]) -> None:
        for item in items:
            self.lengths.append(len(item) if item else 0)
            if item:
                self.chunks.append(item)

    def empty(self) -> bool:
        return not any(self.chunks)

    def encode(self) -> bytes:
        return _little(array("Q", self.lengths)).tobytes() + b"".join(self.chunks)


def _ranges(positions: list[int]) -> list[tuple[int, int]]:
    """Consecutive positions as ``[start, end)`` ranges."""
    ranges: list[tuple[int, int]] = []
    for pos in positions:
        if ranges and ranges[-1][1] == pos:
            ranges[-1] = (ranges[-1][0], pos + 1)
        else:
            ranges.append((pos, pos + 1))
    return ranges


@dataclasses.dataclass
class Columns:
    """An index's content, column by column, as it is written."""

    ids: list[str]
    stats: bytes
    started: list[str]
    names: list[Any]
    status: list[str]
    damaged: dict[int, list[str]]
    sections: dict[str, SectionWriter]

    def add(self, rows: dict[str, Row]) -> None:
        """Append runs read from their files."""
        before, values = len(self.ids), list(rows.values())
        self.ids += rows
        self.stats += b"".join(row[0] for row in values)
        self.started += [row[1] for row in values]
        self.names += [row[2] for row in values]
        self.status += [row[3] for row in values]
        self.damaged.update((before + i, row[4]) for i, row in enumerate(values) if row[4])
        for slot, name in enumerate(_BLOB_SECTIONS):
            blobs: list[bytes] = [row[5 + slot] for row in values]  # type: ignore[misc]
            self.sections.setdefault(name, SectionWriter(before)).append(blobs)
        metrics = {name for row in values for name in row[9]}
        for name in metrics:
            self.sections.setdefault("m:" + name, SectionWriter(before))
        for key, column in self.sections.items():
            if key.startswith("m:"):
                name = key[2:]
                column.append(marshal.dumps(row[9][name]) if name in row[9] else None
                              for row in values)

    def payload(self) -> bytes:
        where: dict[str, tuple[int, int]] = {}
        body: list[bytes] = []
        offset = 0
        for name, section in self.sections.items():
            if name.startswith("m:") and section.empty():
                continue  # a metric whose runs are all gone
            blob = section.encode()
            where[name] = (offset, len(blob))
            body.append(blob)
            offset += len(blob)
        header = marshal.dumps({
            "schema": _INDEX_SCHEMA, "ids": self.ids, "stats": self.stats,
            "started": self.started, "names": self.names, "status": self.status,
            "damaged": self.damaged, "sections": where})
        return _PREFIX.pack(_MAGIC, len(header)) + header + b"".join(body)


def no_columns() -> Columns:
    return Columns([], b"", [], [], [], {}, {})


def write_index(path: Path, columns: Columns) -> bool:
    """Replace the index atomically; a store we cannot write to simply stays unindexed."""
    try:
        payload = columns.payload()
    except (ValueError, OverflowError):
        return False
    import tempfile

    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{INDEX_NAME}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return True


def cached_stats(store_root: Path) -> dict[str, bytes]:
    """{run id: its packed file stats} of the runs the index holds (for checks and tests)."""
    index = open_index(store_root / INDEX_NAME)
    if index is None:
        return {}
    return {run_id: index.stats[pos * RUN_STATS:(pos + 1) * RUN_STATS]
            for pos, run_id in enumerate(index.ids)}
