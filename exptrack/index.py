"""The derived listing index: what ``track ls`` needs of every run, without parsing YAML.

Two caches, both derived, both safe to delete at any time (nothing is lost: the run
folders' YAML files are the truth and are re-read whenever a cache cannot be trusted):

* ``<store>/index.marshal``: one file for the whole store. Per run: the ``stat`` of the
  files ``load_run`` reads (``run.yaml``, ``params.yaml``, ``summary.yaml``, ``git.yaml``:
  mtime_ns, size, inode, ctime_ns) and what they said. Every listing stats those files and
  re-reads a run whose files changed, appeared or vanished; runs whose folder is gone are
  dropped. Written through a temp file and a rename, so concurrent writers never leave a
  torn file (the last one wins, and any snapshot is validated again on the next read).
* ``<run>/listing.json``: written by the recorder when a run ends, with the same stats of
  the same files; it makes the first listing of a store (no index yet) fast. A copied
  store (new inodes and ctimes) falls back to reading the YAML files once.

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
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exptrack import __version__
from exptrack.model import GitState, MetricSummary, RunRecord
from exptrack.store import RunView, mark_crashed, read_run_files

if TYPE_CHECKING:
    from exptrack.store import Store

INDEX_NAME = "index.marshal"
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
_INDEX_SCHEMA = (f"{SCHEMA};entries4;exptrack{__version__};marshal{marshal.version};"
                 f"py{sys.version_info[0]}.{sys.version_info[1]}")

Stats = tuple[int, ...]
# The index keeps each run's stats packed (8 bytes a value, 32 a file): one bytes object
# to decode instead of 16 ints, a third of the cost of reading the index's heads.
_MASK = (1 << 64) - 1
_PACK_FILE = struct.Struct("<4Q").pack


def _pack(stats: Stats) -> bytes:
    return struct.pack(f"<{len(stats)}Q", *(value & _MASK for value in stats))


def _stat_key(st: os.stat_result) -> bytes:
    """One file's stats as the index keeps them (``_pack`` of its four values)."""
    return _PACK_FILE(st.st_mtime_ns & _MASK, st.st_size, st.st_ino & _MASK,
                      st.st_ctime_ns & _MASK)
Entry = tuple[Any, ...]  # (record fields, params, {metric: fields}, git fields, damaged)


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


_UNSET: Any = object()
_FIELD_FILE = {"params": 1, "metrics": 2, "git": 3}  # index in CACHED_FILES and blob slot
_ALL_FILES = (0, 1, 2, 3)
_STATS_LEN = 4 * len(CACHED_FILES)
_MISSING_KEY = _PACK_FILE(*(value & _MASK for value in MISSING))


class _Listing:
    """What the views of one ``load_views`` share: where the runs are, and the index
    refreshed once if a view finds one of its files changed behind the index's back."""

    __slots__ = ("folder", "fresh", "store")

    def __init__(self, store: Store) -> None:
        self.store = store
        self.folder = str(store.runs_dir) + os.sep
        self.fresh: dict[str, Any] | None = None

    def refreshed_hit(self, run_id: str) -> tuple[Any, ...] | None:
        if self.fresh is None:
            self.fresh = refresh_index(self.store)
        hit = self.fresh.get(run_id)
        return hit if isinstance(hit, tuple) else None


class IndexedRunView(RunView):
    """A run from the index. Only ``run.yaml`` is checked against the index up front (what
    ordering and counting need); ``params``, ``metrics``, ``git`` and ``damaged`` are
    decoded on first use, each after checking that the file it came from is unchanged
    (``damaged``: all four files), so a listing that shows a few of 10,000 runs, or ranks
    them by one metric, pays only for what it uses. A changed file refreshes the index
    once; an entry that cannot be used falls back to the run's files. Views made by
    ``load_heads`` carry no entry: their fields are read from the files."""

    def __getattr__(self, name: str) -> Any:
        # Only called for attributes not set yet: the lazy fields, before they are loaded.
        state = self.__dict__
        if name == "path" and "_where" in state:
            runs_dir, run_id = state.pop("_where")
            state["path"] = path = runs_dir / run_id  # Path objects cost: made when used
            return path
        if name not in _LAZY_FIELDS or "record" not in state:
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
                return {key: MetricSummary(*marshal.loads(m)) for key, m in fields.items()}
            except Exception:  # a malformed entry: the files decide
                return _UNSET
        slot = _FIELD_FILE.get(name)
        hit = self._entry_for((slot,) if slot is not None else _ALL_FILES)
        if hit is None:
            return _UNSET
        try:
            if slot is None:  # damaged
                return list(hit[2])
            value = marshal.loads(hit[2 + slot])
            if name == "params":
                return value if isinstance(value, dict) else _UNSET
            return GitState(*value)
        except Exception:  # a malformed entry: the files decide
            return _UNSET

    def _metric_fields(self) -> dict[str, Any] | None:
        """{metric: its summary fields, marshalled} from the index, decoded once (each
        metric's fields are decoded when asked for: ``--best`` wants one); None: read the
        files."""
        state = self.__dict__
        if "_metric_cache" not in state:
            hit = self._entry_for((_FIELD_FILE["metrics"],))
            fields = None
            if hit is not None:
                try:
                    fields = marshal.loads(hit[4])
                except Exception:
                    fields = None
            state["_metric_cache"] = fields if isinstance(fields, dict) else None
        return state["_metric_cache"]  # type: ignore[no-any-return]

    def _quick_metric_fields(self) -> Any:
        """``_metric_fields`` when nothing was checked yet and ``summary.yaml``'s stat is
        the index's; else _UNSET (the caller takes the general path)."""
        state = self.__dict__
        hit = state.get("_hit")
        if hit is None or "_checked" in state:
            return _UNSET
        try:
            st = os.stat(state["_listing"].folder + state["record"].id + _SUMMARY_TAIL)
        except FileNotFoundError:
            return _UNSET
        if hit[0][64:96] != _stat_key(st):
            return _UNSET
        try:
            fields = marshal.loads(hit[4])
        except Exception:
            fields = None
        state["_checked"] = {2}
        state["_metric_cache"] = fields = fields if isinstance(fields, dict) else None
        return fields

    def _entry_for(self, files: tuple[int, ...]) -> tuple[Any, ...] | None:
        """The index entry, if ``files`` (positions in CACHED_FILES) are unchanged since it
        was made; else the entry of a refreshed index, if that one is current."""
        state = self.__dict__
        hit = state.get("_hit")
        if hit is None:
            return None
        checked: set[int] = state.setdefault("_checked", set())
        todo = [f for f in files if f not in checked]
        if not todo:
            return hit  # type: ignore[no-any-return]
        listing: _Listing = state["_listing"]
        folder = listing.folder + self.record.id + os.sep
        if len(todo) == 1:  # the usual case (one field wanted): no tuples built
            try:
                st = os.stat(folder + CACHED_FILES[todo[0]])
                same = hit[0][32 * todo[0]:32 * todo[0] + 32] == _stat_key(st)
            except FileNotFoundError:
                same = hit[0][32 * todo[0]:32 * todo[0] + 32] == _MISSING_KEY
        else:
            same = _pack(_stats_now(folder, todo)) == _stats_cached(hit[0], todo)
        if not same:
            hit = listing.refreshed_hit(self.record.id)
            if hit is None or _pack(_stats_now(folder, _ALL_FILES)) != hit[0]:
                state["_hit"] = None
                return None
            state["_hit"] = hit
            todo = list(_ALL_FILES)
        checked.update(todo)
        return hit

    def metric(self, name: str) -> MetricSummary | None:
        state = self.__dict__
        if "metrics" not in state and "record" in state:
            # Ranking 10,000 runs calls this once a run: the usual case (summary.yaml
            # unchanged since the index was written) is inlined; anything else goes
            # through _metric_fields, which re-checks and refreshes.
            fields = state.get("_metric_cache", _UNSET)
            if fields is _UNSET:
                fields = self._quick_metric_fields()
            if fields is _UNSET:
                fields = self._metric_fields()
            if fields is not None:
                found = fields.get(name)
                if found is None:
                    return None
                with contextlib.suppress(Exception):  # malformed: `metrics` decides
                    return MetricSummary(*marshal.loads(found))
        return self.metrics.get(name)

    def metric_names(self) -> Collection[str]:
        if "metrics" not in self.__dict__ and "record" in self.__dict__:
            fields = self._metric_fields()
            if fields is not None:
                return fields.keys()
        return self.metrics.keys()


_LAZY_FIELDS = frozenset(("params", "metrics", "git", "damaged"))
_SUMMARY_TAIL = os.sep + CACHED_FILES[2]


def _stats_now(folder: str, files: Sequence[int]) -> Stats:
    result: list[int] = []
    for position in files:
        try:
            st = os.stat(folder + CACHED_FILES[position])
        except FileNotFoundError:
            result += MISSING
        else:
            result += (st.st_mtime_ns, st.st_size, st.st_ino, st.st_ctime_ns)
    return tuple(result)


def _stats_cached(packed: bytes, files: Sequence[int]) -> bytes:
    return b"".join(packed[32 * position:32 * position + 32] for position in files)


def _usable(hit: Any) -> bool:
    """The entry's shape; the blobs' content is checked when decoded."""
    return type(hit) is tuple and len(hit) == 6 and type(hit[0]) is bytes \
        and len(hit[0]) == 8 * _STATS_LEN and type(hit[2]) is list


def _indexed_view(hit: tuple[Any, ...], listing: _Listing, run_id: str) -> RunView:
    if not _usable(hit):
        raise TypeError("malformed entry")
    view = object.__new__(IndexedRunView)
    view.__dict__.update(record=RunRecord(*hit[1]), _where=(listing.store.runs_dir, run_id),
                         _hit=hit, _listing=listing)
    return view


def _index_entry(stats: Stats, entry: Entry) -> tuple[Any, ...] | None:
    """What the index keeps of a run; None when marshal cannot hold it (e.g. a date)."""
    record, params, metrics, git, damaged = entry
    try:
        # Metrics nested: one marshalled field list a metric, so ranking by one metric
        # decodes that one (a third of the cost of decoding them all).
        nested = {name: marshal.dumps(fields) for name, fields in metrics.items()}
        return (_pack(stats), record, damaged, marshal.dumps(params), marshal.dumps(nested),
                marshal.dumps(git))
    except ValueError:
        return None


def _record_key(run_id: str, runs_fd: int) -> bytes:
    """``run.yaml``'s stats, packed as the index keeps them."""
    try:
        st = os.stat(run_id + os.sep + CACHED_FILES[0], dir_fd=runs_fd)
    except FileNotFoundError:
        return _MISSING_KEY
    return _stat_key(st)


def _read_entry(runs_dir: Path, run_id: str, stats: Stats,
                now_ns: int) -> tuple[Entry, RunView | None, tuple[Any, ...] | None]:
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
    kept = _index_entry(stats, entry) if max(stats[3::4]) < now_ns - int(RACY_S * 1e9) \
        else None
    return entry, view, kept


def load_views(store: Store) -> list[RunView]:
    """Every run of ``store`` (unordered), from the index where it is still valid."""
    ids = store.run_ids()
    index_path = store.root / INDEX_NAME
    runs_dir = store.runs_dir
    listing = _Listing(store)
    views: list[RunView] = []
    fresh: dict[str, Any] = {}
    now_ns = time.time_ns()
    gc_was_enabled = gc.isenabled()
    gc.disable()  # hundreds of thousands of small acyclic objects: collections only cost
    runs_fd = -1
    try:
        cached = _read_index(index_path) if ids else {}
        changed = len(cached) != len(ids)
        runs_fd = os.open(runs_dir, os.O_RDONLY) if ids else -1
        for run_id in ids:
            hit = cached.get(run_id)
            view: RunView | None = None
            if hit is not None:
                try:
                    if hit[0][:32] == _record_key(run_id, runs_fd):
                        view = _indexed_view(hit, listing, run_id)
                        fresh[run_id] = hit
                except Exception:
                    view = None
            if view is None:
                changed = True
                stats = file_stats(run_id + os.sep, runs_fd)
                entry, view, kept = _read_entry(runs_dir, run_id, stats, now_ns)
                if kept is not None:
                    fresh[run_id] = kept
                if view is None:
                    view = _indexed_view(kept, listing, run_id) if kept \
                        else view_of(entry, runs_dir / run_id)
            if view.record.status == "running":  # (mark_crashed's own first test, inlined)
                mark_crashed(view)
            views.append(view)
        if changed:
            _write_index(index_path, fresh)
    finally:
        if runs_fd >= 0:
            os.close(runs_fd)
        _restore_gc(gc_was_enabled, len(views))
    return views


def refresh_index(store: Store) -> dict[str, Any]:
    """Check every cached file of every run against the index, re-read the runs that
    changed, and write the index; returns its entries. Used when a view finds a file
    changed behind the index's back, so the next listing is fast again."""
    ids = store.run_ids()
    runs_dir = store.runs_dir
    index_path = store.root / INDEX_NAME
    cached = _read_index(index_path)
    fresh: dict[str, Any] = {}
    now_ns = time.time_ns()
    runs_fd = os.open(runs_dir, os.O_RDONLY)
    try:
        for run_id in ids:
            stats = file_stats(run_id + os.sep, runs_fd)
            hit = cached.get(run_id)
            if hit is not None and _usable(hit) and hit[0] == _pack(stats):
                fresh[run_id] = hit
                continue
            kept = _read_entry(runs_dir, run_id, stats, now_ns)[2]
            if kept is not None:
                fresh[run_id] = kept
    finally:
        os.close(runs_fd)
    _write_index(index_path, fresh)
    return fresh


def _restore_gc(was_enabled: bool, loaded: int) -> None:
    if was_enabled:
        if loaded >= FREEZE_AT:
            # The views live as long as the command and hold no cycles: without this, the
            # next collections would scan every one of them again, several times.
            gc.freeze()
        gc.enable()


def _read_index(path: Path, blobs: bool = True) -> dict[str, Any]:
    """The cached entries (without their blobs: ``(stats, record, damaged)``, all that
    resolving a reference needs); an absent, foreign or corrupt index is an empty one.

    The file holds two marshal objects: ``{"schema", "runs": {id: (stats, record,
    damaged)}, "blobs_at": offset}``, then ``{id: (params, metrics, git blobs)}``, so
    reading the heads never decodes the blobs."""
    try:
        raw = path.read_bytes()
        data = marshal.loads(raw)
        if not isinstance(data, dict) or data.get("schema") != _INDEX_SCHEMA:
            return {}
        runs = data.get("runs")
        if not isinstance(runs, dict):
            return {}
        if not blobs:
            return runs
        extra = marshal.loads(memoryview(raw)[data["blobs_at"]:])
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        return {}
    if not isinstance(extra, dict):
        return {}
    merged: dict[str, Any] = {}
    for run_id, head in runs.items():
        more = extra.get(run_id)
        if isinstance(head, tuple) and isinstance(more, tuple):
            merged[run_id] = head + more
    return merged


def _index_payload(runs: dict[str, Any]) -> bytes:
    heads = {run_id: entry[:3] for run_id, entry in runs.items()}
    blobs = {run_id: entry[3:] for run_id, entry in runs.items()}
    # marshal writes an int below 2**31 in a fixed 5 bytes: the offset fits where 0 was.
    first = marshal.dumps({"schema": _INDEX_SCHEMA, "runs": heads, "blobs_at": 0})
    first = marshal.dumps({"schema": _INDEX_SCHEMA, "runs": heads, "blobs_at": len(first)})
    return first + marshal.dumps(blobs)


def _write_index(path: Path, runs: dict[str, Any]) -> None:
    """Replace the index atomically; a store we cannot write to simply stays unindexed."""
    try:
        payload = _index_payload(runs)
    except (ValueError, OverflowError):
        return
    import tempfile

    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{INDEX_NAME}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def load_heads(store: Store) -> list[RunView]:
    """Every run with only its ``run.yaml`` read (from the index while that file's stat
    matches): enough to resolve a reference by id, name or recency at a quarter of the cost
    of ``load_views``. The rest of a run is read from its files on first use. Unordered;
    never writes the index."""
    from exptrack.store import read_record

    ids = store.run_ids()
    if not ids:
        return []
    runs_dir = store.runs_dir
    heads: list[RunView] = []
    gc_was_enabled = gc.isenabled()
    gc.disable()  # as in load_views
    runs_fd = os.open(runs_dir, os.O_RDONLY)
    try:
        cached = _read_index(store.root / INDEX_NAME, blobs=False)
        for run_id in ids:
            key = _record_key(run_id, runs_fd)
            hit = cached.get(run_id)
            record: RunRecord | None = None
            if hit is not None:
                try:
                    if hit[0][:32] == key:
                        record = RunRecord(*hit[1])
                except Exception:
                    record = None
            view = object.__new__(IndexedRunView)
            view.__dict__.update(record=record or read_record(runs_dir / run_id),
                                 _where=(runs_dir, run_id))
            if view.record.status == "running":  # (mark_crashed's own first test, inlined)
                mark_crashed(view)
            heads.append(view)
    finally:
        os.close(runs_fd)
        _restore_gc(gc_was_enabled, len(heads))
    return heads


def _listing_entry(folder: str, stats: Stats) -> Entry | None:
    """The run's entry from its ``listing.json``, if the files it was made from are
    unchanged and it is well formed."""
    try:
        with open(folder + LISTING_NAME, "rb") as handle:
            data = json.loads(handle.read())
        if data.get("schema") != SCHEMA or tuple(data["sources"]) != stats:
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
        entry = entry_of(read_run_files(run_dir))
        if file_stats(folder) != before:
            return False  # changed while we read it: no listing rather than a wrong one
        text = json.dumps({"schema": SCHEMA, "files": CACHED_FILES, "sources": before,
                           "entry": entry},
                          ensure_ascii=False, separators=(",", ":"))
        write_atomic(run_dir / LISTING_NAME, text.encode("utf-8"), file_mode)
    except Exception:
        return False
    return True
