"""The derived caches' files: ``<store>/index.bin`` (every run's listing data, in columns)
and ``<run>/listing.json`` (one run's), how they are written, read and validated. Both are
derived from the run folders' YAML files and safe to delete; ``index.py`` decides when
they can be trusted."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import marshal
import os
import struct
import sys
import time
from array import array
from collections.abc import Iterable
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exptrack import __version__
from exptrack.model import GitState, MetricSummary, RunRecord
from exptrack.store import RunView, read_run_files

if TYPE_CHECKING:
    from exptrack.store import Store

INDEX_NAME = "index.bin"
LISTING_NAME = "listing.json"
CACHED_FILES = ("run.yaml", "params.yaml", "summary.yaml", "git.yaml")
# A file changed less than this long before the index was written may change again within
# the same timestamp tick unseen ("racy" stat, as git calls it): such runs are re-read.
RACY_S = 2.0
MISSING = (-1, -1, -1, -1)

_RECORD_FIELDS = tuple(f.name for f in dataclasses.fields(RunRecord))
_METRIC_FIELDS = tuple(f.name for f in dataclasses.fields(MetricSummary))
_GIT_FIELDS = tuple(f.name for f in dataclasses.fields(GitState))
# Cached entries are positional: any change of the records' fields invalidates them. Bump
# the leading number when reading the same YAML files starts giving different values.
SCHEMA = "1:" + ",".join(_RECORD_FIELDS) + ";" + ",".join(_METRIC_FIELDS) + ";" \
    + ",".join(_GIT_FIELDS)
_INDEX_SCHEMA = (f"{SCHEMA};columns3;exptrack{__version__};marshal{marshal.version};"
                 f"py{sys.version_info[0]}.{sys.version_info[1]}")
_MAGIC = b"XTIX"
_PREFIX = struct.Struct("<4sI")  # magic, header length; the header, then the sections
_STARTED, _NAME, _STATUS = (_RECORD_FIELDS.index(f) for f in ("started_at", "name", "status"))

Stats = tuple[int, ...]
Entry = tuple[Any, ...]  # (record fields, params, {metric: fields}, git fields, damaged)
# What the index keeps of a run, ready to write: (packed stats, started_at, name, status,
# damaged, record, params, metrics and git marshalled, {metric: summary fields}).
Row = tuple[bytes, str, Any, str, list[str], bytes, bytes, bytes, bytes, dict[str, Any]]
_BLOB_SECTIONS = ("record", "params", "metrics", "git")  # Row[5:9]

# Stats are packed, 8 bytes a value, 32 a file, 128 a run: one bytes object for the whole
# store, compared a slice at a time.
_MASK = (1 << 64) - 1
_PACK_FILE = struct.Struct("<4Q").pack
RUN_STATS = 32 * len(CACHED_FILES)
_MISSING_KEY = _PACK_FILE(*(value & _MASK for value in MISSING))




def pack_stats(stats: Stats) -> bytes:
    return struct.pack(f"<{len(stats)}Q", *(value & _MASK for value in stats))


def _stat_key(st: os.stat_result) -> bytes:
    """One file's stats as the index keeps them (``_pack`` of its four values)."""
    return _PACK_FILE(st.st_mtime_ns & _MASK, st.st_size, st.st_ino & _MASK,
                      st.st_ctime_ns & _MASK)


def file_key(path: str, dir_fd: int | None = None) -> bytes:
    try:
        return _stat_key(os.stat(path, dir_fd=dir_fd))
    except FileNotFoundError:
        return _MISSING_KEY


def file_stats(folder: str, dir_fd: int | None = None) -> Stats:
    """(mtime_ns, size, inode, ctime_ns) of each cached file, -1s for a missing one.

    ``folder`` ends with a separator; it is relative to ``dir_fd`` when one is given."""
    result: list[int] = []
    for name in CACHED_FILES:
        try:
            st = os.stat(folder + name, dir_fd=dir_fd)
        except FileNotFoundError:
            result += MISSING
        else:
            result += (st.st_mtime_ns, st.st_size, st.st_ino, st.st_ctime_ns)
    return tuple(result)


def entry_of(view: RunView) -> Entry:
    """A run as plain values (marshal- and JSON-friendly), fields in schema order."""
    return (
        [getattr(view.record, name) for name in _RECORD_FIELDS],
        view.params,
        {name: [getattr(m, f) for f in _METRIC_FIELDS] for name, m in view.metrics.items()},
        [getattr(view.git, name) for name in _GIT_FIELDS],
        list(view.damaged),
    )


def view_of(entry: Entry, path: Path) -> RunView:
    """Rebuild a ``RunView`` from an entry; raises (TypeError, ValueError...) if malformed."""
    record, params, metrics, git, damaged = entry
    if not isinstance(params, dict) or not isinstance(metrics, dict) \
            or not isinstance(damaged, list):
        raise TypeError("malformed entry")
    return RunView(RunRecord(*record), path, params,
                   {name: MetricSummary(*m) for name, m in metrics.items()},
                   GitState(*git), damaged)


# ---------------------------------------------------------------- the index file

class IndexFile:
    """An opened index: the header decoded, each section decoded on first use. The file
    stays open, so a section is read from the same snapshot as the header even if another
    process replaces the index meanwhile."""

    def __init__(self, fd: int, header: dict[str, Any], base: int) -> None:
        self.fd = fd
        self.base = base
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
        if magic != _MAGIC:
            raise ValueError("not an index")
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
        return IndexFile(fd, header, _PREFIX.size + length)
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


# ---------------------------------------------------------------- rows from the files

def row_of(stats: Stats, entry: Entry) -> Row | None:
    """What the index keeps of a run; None when marshal cannot hold it (e.g. a date)."""
    record, params, metrics, git, damaged = entry
    try:
        return (pack_stats(stats), record[_STARTED], record[_NAME], record[_STATUS],
                list(damaged), marshal.dumps(record), marshal.dumps(params),
                marshal.dumps(metrics), marshal.dumps(git), dict(metrics))
    except (ValueError, TypeError, IndexError):
        return None


def read_entry(runs_dir: Path, run_id: str, stats: Stats,
               now_ns: int) -> tuple[Entry, RunView | None, Row | None]:
    """A run's entry from its listing.json or its files; the view read on the way (if
    any); and what the index may keep of it (None for a run changed a moment ago)."""
    path = runs_dir / run_id
    view: RunView | None = None
    entry = _listing_entry(str(path) + os.sep, stats)
    if entry is None:
        view = read_run_files(path)
        entry = entry_of(view)
    # A run changed in the last moments may change again unseen within the same timestamp
    # tick: it is left out of the index, so it is re-read next time.
    kept = row_of(stats, entry) if max(stats[3::4]) < now_ns - int(RACY_S * 1e9) else None
    return entry, view, kept


def fresh_columns(store: Store, index: IndexFile | None, carried: list[str],
                  read: dict[str, Row | None], runs_fd: int) -> Columns:
    """Every run's columns: ``carried`` over from ``index`` (re-read from their files if
    its sections are unusable), then those just ``read``."""
    columns = index.carry(carried) if index is not None and carried else no_columns()
    if columns is None:
        columns = no_columns()
        now_ns = time.time_ns()
        for run_id in carried:
            stats = file_stats(run_id + os.sep, runs_fd)
            read[run_id] = read_entry(store.runs_dir, run_id, stats, now_ns)[2]
    columns.add({run_id: row for run_id, row in read.items() if row is not None})
    return columns


# ---------------------------------------------------------------- listing.json

def _content_digest(folder: str) -> str:
    """A digest of the cached files' bytes (a missing file counts as such)."""
    import hashlib

    digest = hashlib.blake2b(digest_size=16)
    for name in CACHED_FILES:
        try:
            with open(folder + name, "rb") as handle:
                data = handle.read()
        except FileNotFoundError:
            digest.update(b"-")
            continue
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


def _listing_entry(folder: str, stats: Stats) -> Entry | None:
    """The run's entry from its ``listing.json``, if the files it was made from are
    unchanged (same stats; or, in a copied or restored store, whose inodes and ctimes are
    new, the same bytes) and it is well formed."""
    try:
        with open(folder + LISTING_NAME, "rb") as handle:
            data = json.loads(handle.read())
        if data.get("schema") != SCHEMA:
            return None
        if tuple(data["sources"]) != stats and (
                data.get("digest") is None or data["digest"] != _content_digest(folder)):
            return None
        record, params, metrics, git, damaged = data["entry"]
        if len(record) != len(_RECORD_FIELDS) or len(git) != len(_GIT_FIELDS) \
                or not isinstance(params, dict) or not isinstance(damaged, list) \
                or any(len(m) != len(_METRIC_FIELDS) for m in metrics.values()) \
                or any(type(record[i]) is not str for i in (0, _STARTED, _STATUS)):
            return None  # (id, start and status are what listings sort and count by)
        return (record, params, metrics, git, damaged)
    except Exception:  # absent, stale, corrupt or hand-edited: the YAML files decide
        return None


def write_listing(run_dir: Path, file_mode: int = 0o600) -> bool:
    """Write ``listing.json`` for a run whose files are final. Never raises: it is a cache."""
    from exptrack.fsutil import write_atomic

    try:
        folder = str(run_dir) + os.sep
        before = file_stats(folder)
        digest = _content_digest(folder)
        entry = entry_of(read_run_files(run_dir))
        if file_stats(folder) != before:
            return False  # changed while we read it: no listing rather than a wrong one
        text = json.dumps({"schema": SCHEMA, "files": CACHED_FILES, "sources": before,
                           "digest": digest, "entry": entry},
                          ensure_ascii=False, separators=(",", ":"))
        write_atomic(run_dir / LISTING_NAME, text.encode("utf-8"), file_mode)
    except Exception:
        return False
    return True
