"""The derived listing index: what ``track ls`` needs of every run, without parsing YAML.

Two caches, both derived, both safe to delete at any time (nothing is lost: the run
folders' YAML files are the truth and are re-read whenever a cache cannot be trusted):

* ``<store>/index.marshal``: one file for the whole store, kept in columns so that a
  command decodes only what it uses. A small header holds, for every run, its id, the
  ``stat`` of the files ``load_run`` reads (``run.yaml``, ``params.yaml``,
  ``summary.yaml``, ``git.yaml``: mtime_ns, size, inode, ctime_ns, packed), its start
  time, name and status. Sections after it, each read only when needed, hold every run's
  record, params, metrics and git state, and one column per metric (what ``--best``
  ranks by). Every listing stats each run's ``run.yaml``; a field is used only after
  its own file's stat is found unchanged. A run whose files changed, appeared or
  vanished is re-read; runs whose folder is gone are dropped. Written through a temp
  file and a rename, so concurrent writers never leave a torn file (the last one wins,
  and any snapshot is validated again on the next read).
* ``<run>/listing.json``: written by the recorder when a run ends, with the same stats of
  the same files and a digest of their bytes; it makes the first listing of a store (no
  index yet) fast. In a copied or restored store (new inodes and ctimes) it is used while
  the files' bytes still match the digest: reading four small files instead of parsing
  them.

"running" runs are never frozen by a cache: their recorder's liveness is checked on every
load (``store.mark_crashed``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import json
import marshal
import os
import struct
import sys
import time
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exptrack import __version__
from exptrack.model import GitState, MetricSummary, RunRecord
from exptrack.store import RunView, mark_crashed, read_record, read_run_files

if TYPE_CHECKING:
    from exptrack.store import Store

INDEX_NAME = "index.bin"
LISTING_NAME = "listing.json"
CACHED_FILES = ("run.yaml", "params.yaml", "summary.yaml", "git.yaml")
# A file changed less than this long before the index was written may change again within
# the same timestamp tick unseen ("racy" stat, as git calls it): such runs are re-read.
RACY_S = 2.0
MISSING = (-1, -1, -1, -1)
FREEZE_AT = 2000  # runs: from this size, loaded views are moved out of the GC's sight

_RECORD_FIELDS = tuple(f.name for f in dataclasses.fields(RunRecord))
_METRIC_FIELDS = tuple(f.name for f in dataclasses.fields(MetricSummary))
_GIT_FIELDS = tuple(f.name for f in dataclasses.fields(GitState))
# Cached entries are positional: any change of the records' fields invalidates them. Bump
# the leading number when reading the same YAML files starts giving different values.
SCHEMA = "1:" + ",".join(_RECORD_FIELDS) + ";" + ",".join(_METRIC_FIELDS) + ";" \
    + ",".join(_GIT_FIELDS)
_INDEX_SCHEMA = (f"{SCHEMA};columns1;exptrack{__version__};marshal{marshal.version};"
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
_RUN_STATS = 32 * len(CACHED_FILES)
_MISSING_KEY = _PACK_FILE(*(value & _MASK for value in MISSING))
_ALL_FILES = (0, 1, 2, 3)
_FIELD_FILE = {"params": 1, "metrics": 2, "git": 3}  # position in CACHED_FILES
_LAZY_FIELDS = frozenset(("params", "metrics", "git", "damaged"))
_SUMMARY_TAIL = os.sep + CACHED_FILES[2]
_UNSET: Any = object()


def _pack(stats: Stats) -> bytes:
    return struct.pack(f"<{len(stats)}Q", *(value & _MASK for value in stats))


def _stat_key(st: os.stat_result) -> bytes:
    """One file's stats as the index keeps them (``_pack`` of its four values)."""
    return _PACK_FILE(st.st_mtime_ns & _MASK, st.st_size, st.st_ino & _MASK,
                      st.st_ctime_ns & _MASK)


def _file_key(path: str, dir_fd: int | None = None) -> bytes:
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

class _IndexFile:
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
        self._decoded: dict[str, list[Any] | None] = {}

    def __del__(self) -> None:
        with contextlib.suppress(OSError, AttributeError, TypeError):
            os.close(self.fd)

    def section(self, name: str) -> list[Any] | None:
        """A section's list (one item a run, in ``ids`` order); None when absent or bad."""
        if name in self._decoded:
            return self._decoded[name]
        value = None
        where = self.sections.get(name)
        try:
            if where is not None:
                offset, length = where
                data = os.pread(self.fd, length, self.base + offset)
                if len(data) == length:
                    decoded = marshal.loads(data)
                    if type(decoded) is list and len(decoded) == len(self.ids):
                        value = decoded
        except (OSError, EOFError, ValueError, TypeError):
            value = None
        self._decoded[name] = value
        return value

    def has_metric(self, name: str) -> bool:
        return "m:" + name in self.sections

    def carry(self, wanted: Iterable[str]) -> _Columns | None:
        """The columns of the ``wanted`` runs, to be written again without decoding them
        run by run; None when a section is unusable (the runs are then read again)."""
        picked = [self.positions[run_id] for run_id in wanted]
        stats = self.stats
        columns = _Columns(
            ids=[self.ids[p] for p in picked],
            stats=b"".join(stats[p * _RUN_STATS:(p + 1) * _RUN_STATS] for p in picked),
            started=[self.started[p] for p in picked],
            names=[self.names[p] for p in picked],
            status=[self.status[p] for p in picked],
            damaged={new: self.damaged[p] for new, p in enumerate(picked)
                     if p in self.damaged},
            sections={})
        for name in self.sections:
            section = self.section(name)
            if section is None:
                return None
            columns.sections[name] = [section[p] for p in picked]
        return columns


def _open_index(path: Path) -> _IndexFile | None:
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
                and len(header["stats"]) == count * _RUN_STATS
                and all(type(header[k]) is list and len(header[k]) == count
                        for k in ("started", "names", "status"))
                and type(header["damaged"]) is dict and type(header["sections"]) is dict
                and all(type(v) is str for k in ("ids", "started", "status")
                        for v in header[k])):
            raise ValueError("malformed header")
        return _IndexFile(fd, header, _PREFIX.size + length)
    except (OSError, EOFError, ValueError, TypeError, KeyError, struct.error):
        os.close(fd)
        return None


@dataclasses.dataclass
class _Columns:
    """An index's content, column by column, as it is written."""

    ids: list[str]
    stats: bytes
    started: list[str]
    names: list[Any]
    status: list[str]
    damaged: dict[int, list[str]]
    sections: dict[str, list[Any]]

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
            self.sections.setdefault(name, [None] * before).extend(
                row[5 + slot] for row in values)
        metrics = {name for row in values for name in row[9]}
        for name in metrics:
            self.sections.setdefault("m:" + name, [None] * before)
        for key, column in self.sections.items():
            if key.startswith("m:"):
                column.extend(row[9].get(key[2:]) for row in values)

    def payload(self) -> bytes:
        where: dict[str, tuple[int, int]] = {}
        body: list[bytes] = []
        offset = 0
        for name, items in self.sections.items():
            if name.startswith("m:") and not any(v is not None for v in items):
                continue  # a metric whose runs are all gone
            blob = marshal.dumps(items)
            where[name] = (offset, len(blob))
            body.append(blob)
            offset += len(blob)
        header = marshal.dumps({
            "schema": _INDEX_SCHEMA, "ids": self.ids, "stats": self.stats,
            "started": self.started, "names": self.names, "status": self.status,
            "damaged": self.damaged, "sections": where})
        return _PREFIX.pack(_MAGIC, len(header)) + header + b"".join(body)


def _no_columns() -> _Columns:
    return _Columns([], b"", [], [], [], {}, {})


def _write_index(path: Path, columns: _Columns) -> bool:
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
    index = _open_index(store_root / INDEX_NAME)
    if index is None:
        return {}
    return {run_id: index.stats[pos * _RUN_STATS:(pos + 1) * _RUN_STATS]
            for pos, run_id in enumerate(index.ids)}


# ---------------------------------------------------------------- rows from the files

def _row_of(stats: Stats, entry: Entry) -> Row | None:
    """What the index keeps of a run; None when marshal cannot hold it (e.g. a date)."""
    record, params, metrics, git, damaged = entry
    try:
        return (_pack(stats), record[_STARTED], record[_NAME], record[_STATUS],
                list(damaged), marshal.dumps(record), marshal.dumps(params),
                marshal.dumps(metrics), marshal.dumps(git), dict(metrics))
    except (ValueError, TypeError, IndexError):
        return None


def _read_entry(runs_dir: Path, run_id: str, stats: Stats,
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
    kept = _row_of(stats, entry) if max(stats[3::4]) < now_ns - int(RACY_S * 1e9) else None
    return entry, view, kept


def _fresh_columns(store: Store, index: _IndexFile | None, carried: list[str],
                   read: dict[str, Row | None], runs_fd: int) -> _Columns:
    """Every run's columns: ``carried`` over from ``index`` (re-read from their files if
    its sections are unusable), then those just ``read``."""
    columns = index.carry(carried) if index is not None and carried else _no_columns()
    if columns is None:
        columns = _no_columns()
        now_ns = time.time_ns()
        for run_id in carried:
            stats = file_stats(run_id + os.sep, runs_fd)
            read[run_id] = _read_entry(store.runs_dir, run_id, stats, now_ns)[2]
    columns.add({run_id: row for run_id, row in read.items() if row is not None})
    return columns


# ---------------------------------------------------------------- views

class _Listing:
    """What the views of one load share: the runs folder (opened once: stats relative to
    it), and the index, refreshed at most once if a view finds a file changed behind the
    index's back or a section it cannot decode."""

    def __init__(self, store: Store, may_refresh: bool) -> None:
        self.store = store
        self.runs_dir = store.runs_dir
        self.fd = os.open(store.runs_dir, os.O_RDONLY)
        # Resolving a reference never writes the index: a changed run is read from its files.
        self.refreshed: _IndexFile | bool | None = False if may_refresh else None

    def __del__(self) -> None:
        with contextlib.suppress(OSError, AttributeError, TypeError):
            os.close(self.fd)

    def refreshed_index(self) -> _IndexFile | None:
        if self.refreshed is False:
            self.refreshed = refresh_index(self.store)
        return self.refreshed if isinstance(self.refreshed, _IndexFile) else None


class IndexedRunView(RunView):
    """A run from the index. Only ``run.yaml`` was checked against the index when it was
    listed (what ordering, counting and resolving need); ``record`` is decoded on first
    use, and ``params``, ``metrics``, ``git`` and ``damaged`` each after checking that the
    file it came from is unchanged (``damaged``: all four files). So a listing that shows
    a few of 10,000 runs, or ranks them by one metric, pays only for what it uses. A
    changed file or an undecodable section refreshes the index once; what still cannot be
    used from it is read from the run's files."""

    @property
    def id(self) -> str:
        return self.__dict__["_id"]  # type: ignore[no-any-return]

    @property
    def name(self) -> str | None:
        state = self.__dict__
        if "record" in state or state.get("_index") is None:
            return self.record.name
        return state["_index"].names[state["_pos"]]  # type: ignore[no-any-return]

    def __getattr__(self, name: str) -> Any:
        # Only called for attributes not set yet: the lazy fields, before they are loaded.
        state = self.__dict__
        if name == "path":
            state["path"] = path = state["_listing"].runs_dir / state["_id"]
            return path
        if name == "record":
            record = None
            index = state.get("_index")
            if index is not None:
                blobs = index.section("record")
                with contextlib.suppress(Exception):  # malformed: the file decides
                    record = RunRecord(*marshal.loads(blobs[state["_pos"]]))
            state["record"] = record = record or read_record(self.path)
            return record
        if name not in _LAZY_FIELDS or "_id" not in state:
            raise AttributeError(name)
        value = self._from_index(name)
        if value is _UNSET:  # nothing usable cached: the run's files decide
            fallback = read_run_files(self.path)
            loaded: dict[str, Any] = {"params": fallback.params, "metrics": fallback.metrics,
                                      "git": fallback.git, "damaged": fallback.damaged}
            for key, found in loaded.items():
                state.setdefault(key, found)  # set already (a crashed run's metrics) stays
            return state[name]
        state[name] = value
        return value

    def _from_index(self, name: str) -> Any:
        if name == "metrics":
            fields = self._metric_fields()
            if fields is None:
                return _UNSET
            try:
                return {key: MetricSummary(*value) for key, value in fields.items()}
            except Exception:  # a malformed entry: the files decide
                return _UNSET
        slot = _FIELD_FILE.get(name)
        for _ in range(2):  # the index as loaded, then the refreshed one
            if not self._current((slot,) if slot is not None else _ALL_FILES):
                return _UNSET
            index, pos = self.__dict__["_index"], self.__dict__["_pos"]
            try:
                if slot is None:  # damaged
                    return list(index.damaged.get(pos, []))
                value = marshal.loads(index.section(name)[pos])
                if name == "params":
                    if isinstance(value, dict):
                        return value
                else:
                    return GitState(*value)
            except Exception:  # a malformed section: the refreshed index, or the files
                pass
            if not self._move_to_refreshed():
                return _UNSET
        return _UNSET

    def _metric_fields(self) -> dict[str, Any] | None:
        """{metric: its summary fields} from the index; None: read the files."""
        state = self.__dict__
        if "_metric_cache" not in state:
            fields = None
            for _ in range(2):
                if not self._current((2,)):
                    break
                with contextlib.suppress(Exception):
                    fields = marshal.loads(state["_index"].section("metrics")[state["_pos"]])
                if isinstance(fields, dict):
                    break
                fields = None
                if not self._move_to_refreshed():
                    break
            state["_metric_cache"] = fields
        return state["_metric_cache"]  # type: ignore[no-any-return]

    def _current(self, files: tuple[int, ...]) -> bool:
        """Whether ``files`` (positions in CACHED_FILES) are unchanged since the view's
        index was written; if not, moves the view to the refreshed index if that one is
        current. False: the run's files decide."""
        state = self.__dict__
        index: _IndexFile | None = state.get("_index")
        if index is None:
            return False
        checked: set[int] = state.setdefault("_checked", {0})
        todo = [f for f in files if f not in checked]
        if not todo:
            return True
        listing: _Listing = state["_listing"]
        folder = state["_id"] + os.sep
        base = state["_pos"] * _RUN_STATS
        if all(index.stats[base + 32 * f:base + 32 * f + 32]
               == _file_key(folder + CACHED_FILES[f], listing.fd) for f in todo):
            checked.update(todo)
            return True
        return self._move_to_refreshed()

    def _move_to_refreshed(self) -> bool:
        """Use the refreshed index for this run, if all its files are as it says."""
        state = self.__dict__
        listing: _Listing = state["_listing"]
        refreshed = listing.refreshed_index()
        state["_index"] = None
        if refreshed is None or refreshed is state.get("_was"):
            return False
        state["_was"] = refreshed  # moved once: a second failure goes to the files
        pos = refreshed.positions.get(state["_id"])
        if pos is None:
            return False
        folder = state["_id"] + os.sep
        now = b"".join(_file_key(folder + name, listing.fd) for name in CACHED_FILES)
        if refreshed.stats[pos * _RUN_STATS:(pos + 1) * _RUN_STATS] != now:
            return False
        state.update(_index=refreshed, _pos=pos, _checked=set(_ALL_FILES))
        state.pop("_metric_cache", None)
        return True

    def metric(self, name: str) -> MetricSummary | None:
        state = self.__dict__
        if "metrics" not in state and "_id" in state:
            # Ranking 10,000 runs calls this once a run: the usual case (summary.yaml
            # unchanged since the index was written) reads the metric's own column.
            index: _IndexFile | None = state.get("_index")
            if index is not None:
                pos = state["_pos"]
                if "_summary_ok" not in state:  # summary.yaml's stat, checked once
                    start = pos * _RUN_STATS + 64
                    state["_summary_ok"] = index.stats[start:start + 32] == _file_key(
                        state["_id"] + _SUMMARY_TAIL, state["_listing"].fd)
                if state["_summary_ok"]:
                    if not index.has_metric(name):
                        return None
                    column = index.section("m:" + name)
                    if column is not None:
                        fields = column[pos]
                        if fields is None:
                            return None
                        with contextlib.suppress(Exception):  # malformed: `metrics` decides
                            return MetricSummary(*fields)
            fields = self._metric_fields()
            if fields is not None:
                found = fields.get(name)
                if found is None:
                    return None
                with contextlib.suppress(Exception):
                    return MetricSummary(*found)
        return self.metrics.get(name)

    def metric_names(self) -> Collection[str]:
        if "metrics" not in self.__dict__ and "_id" in self.__dict__:
            fields = self._metric_fields()
            if fields is not None:
                return fields.keys()
        return self.metrics.keys()


def _new_view(listing: _Listing, run_id: str, index: _IndexFile | None = None,
              pos: int = -1) -> IndexedRunView:
    view = object.__new__(IndexedRunView)
    view.__dict__.update(_id=run_id, _listing=listing, _index=index, _pos=pos)
    return view


def _load(store: Store, write: bool) -> list[RunView]:
    ids = store.run_ids()
    if not ids:
        return []
    index_path = store.root / INDEX_NAME
    listing = _Listing(store, may_refresh=write)
    runs_fd = listing.fd
    index = _open_index(index_path)
    positions = index.positions if index is not None else {}
    stats = index.stats if index is not None else b""
    carried: list[str] = []
    read: dict[str, Row | None] = {}
    keyed: list[tuple[str, str, RunView]] = []
    now_ns = time.time_ns()
    gc_was_enabled = gc.isenabled()
    gc.disable()  # hundreds of thousands of small acyclic objects: collections only cost
    try:
        for run_id in ids:
            pos = positions.get(run_id)
            view: RunView
            if pos is not None and stats[pos * _RUN_STATS:pos * _RUN_STATS + 32] \
                    == _file_key(run_id + os.sep + CACHED_FILES[0], runs_fd):
                assert index is not None
                carried.append(run_id)
                view = _new_view(listing, run_id, index, pos)
                started, status = index.started[pos], index.status[pos]
            else:
                if not write:  # resolving a reference: run.yaml now, the rest on use
                    view = _new_view(listing, run_id)
                else:
                    run_stats = file_stats(run_id + os.sep, runs_fd)
                    entry, view_read, read[run_id] = _read_entry(store.runs_dir, run_id,
                                                                 run_stats, now_ns)
                    view = view_read or view_of(entry, store.runs_dir / run_id)
                started, status = view.record.started_at, view.record.status
            if status == "running":  # (mark_crashed's own first test, inlined)
                mark_crashed(view)
            keyed.append((started, run_id, view))
        keyed.sort(reverse=True)
        if write and (any(row is not None for row in read.values())
                      or len(carried) != len(positions)):
            _write_index(index_path, _fresh_columns(store, index, carried, read, runs_fd))
    finally:
        _restore_gc(gc_was_enabled, len(keyed))
    return [view for _, _, view in keyed]


def load_views(store: Store) -> list[RunView]:
    """Every run of ``store``, newest first, from the index where it is still valid; the
    index is rewritten when runs were added, changed or removed."""
    return _load(store, write=True)


def load_heads(store: Store) -> list[RunView]:
    """Every run, newest first, like ``load_views`` but reading only the ``run.yaml`` of a
    run the index does not hold (the rest of it is read on first use), and never writing
    the index: what resolving a reference by id, name or recency needs."""
    return _load(store, write=False)


def refresh_index(store: Store) -> _IndexFile | None:
    """Check every cached file of every run against the index, re-read the runs that
    changed, write the index and return it opened (None if it cannot be written). Used
    when a view finds a file changed behind the index's back, so the next listing is fast
    again."""
    ids = store.run_ids()
    index_path = store.root / INDEX_NAME
    index = _open_index(index_path)
    positions = index.positions if index is not None else {}
    carried: list[str] = []
    read: dict[str, Row | None] = {}
    now_ns = time.time_ns()
    runs_fd = os.open(store.runs_dir, os.O_RDONLY)
    try:
        for run_id in ids:
            stats = file_stats(run_id + os.sep, runs_fd)
            pos = positions.get(run_id)
            if index is not None and pos is not None \
                    and index.stats[pos * _RUN_STATS:(pos + 1) * _RUN_STATS] == _pack(stats):
                carried.append(run_id)
            else:
                read[run_id] = _read_entry(store.runs_dir, run_id, stats, now_ns)[2]
        columns = _fresh_columns(store, index, carried, read, runs_fd)
    finally:
        os.close(runs_fd)
    return _open_index(index_path) if _write_index(index_path, columns) else None


def _restore_gc(was_enabled: bool, loaded: int) -> None:
    if was_enabled:
        if loaded >= FREEZE_AT:
            # The views live as long as the command and hold no cycles: without this, the
            # next collections would scan every one of them again, several times.
            gc.freeze()
        gc.enable()


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
                or any(len(m) != len(_METRIC_FIELDS) for m in metrics.values()):
            return None
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
