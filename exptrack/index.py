"""The derived listing index in use: what ``track ls`` needs of every run, without parsing
YAML, and never stale. The files themselves are in ``indexfile.py`` (``<store>/index.bin``)
and ``entries.py`` (``<run>/listing.json``); both are derived, safe to delete at any time
(the run folders' YAML files are the truth and are re-read whenever a cache cannot be
trusted).

Every listing stats each run's ``run.yaml``: a run whose ``run.yaml`` is as the index
says is served from it (ordering, counting and resolving from its header alone); one
that changed, appeared or vanished is re-read (from ``listing.json`` if that is still
valid) and the index rewritten. The other fields are decoded on first use, each after
checking its own file's stat, so a listing that shows a few of 10,000 runs, or ranks them
by one metric, pays only for what it uses. A file changed behind the index's back, or a
section that cannot be decoded, refreshes the index once.

"running" runs are never frozen by a cache: their recorder's liveness is checked on every
load (``store.mark_crashed``).
"""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
import time
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from exptrack.entries import (
    CACHED_FILES,
    LISTING_NAME,
    RACY_S,
    RUN_STATS,
    Row,
    file_key,
    file_stats,
    pack_stats,
    read_entry,
    view_of,
    write_listing,
)
from exptrack.indexfile import (
    INDEX_NAME,
    Columns,
    IndexFile,
    cached_stats,
    no_columns,
    open_index,
    write_index,
)
from exptrack.model import GitState, MetricSummary, RunRecord
from exptrack.store import RunView, mark_crashed, read_record, read_run_files

if TYPE_CHECKING:
    from pathlib import Path

    from exptrack.store import Store

__all__ = ["INDEX_NAME", "LISTING_NAME", "RACY_S", "IndexedRunView", "cached_stats",
           "load_heads", "load_views", "refresh_index", "write_listing"]

FREEZE_AT = 2000  # runs: from this size, loaded views are moved out of the GC's sight
_UNSET: Any = object()
_ALL_FILES = (0, 1, 2, 3)
_FIELD_FILE = {"params": 1, "metrics": 2, "git": 3}  # position in CACHED_FILES
_LAZY_FIELDS = frozenset(("params", "metrics", "git", "damaged"))
_SUMMARY = (2,)  # summary.yaml's position in CACHED_FILES


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
        self.refreshed: IndexFile | bool | None = False if may_refresh else None

    def __del__(self) -> None:
        with contextlib.suppress(OSError, AttributeError, TypeError):
            os.close(self.fd)

    def refreshed_index(self) -> IndexFile | None:
        if self.refreshed is False:
            self.refreshed = refresh_index(self.store)
        return self.refreshed if isinstance(self.refreshed, IndexFile) else None


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
                if not self._current(_SUMMARY):
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
        index was written, each file's stat checked once; if not, moves the view to the
        refreshed index if that one is current. False: the run's files decide."""
        state = self.__dict__
        index: IndexFile | None = state.get("_index")
        if index is None:
            return False
        checked: set[int] | None = state.get("_checked")
        if checked is None:
            checked = state["_checked"] = {0}  # run.yaml: checked when listed
        base = state["_pos"] * RUN_STATS
        for file in files:
            if file not in checked:
                start = base + 32 * file
                if index.stats[start:start + 32] != file_key(
                        state["_id"] + os.sep + CACHED_FILES[file], state["_listing"].fd):
                    return self._move_to_refreshed()
                checked.add(file)
        return True

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
        now = pack_stats(file_stats(state["_id"] + os.sep, listing.fd))
        if refreshed.stats[pos * RUN_STATS:(pos + 1) * RUN_STATS] != now:
            return False
        state.update(_index=refreshed, _pos=pos, _checked=set(_ALL_FILES))
        state.pop("_metric_cache", None)
        return True

    def metric(self, name: str) -> MetricSummary | None:
        state = self.__dict__
        if "metrics" not in state and "_id" in state:
            # Ranking 10,000 runs calls this once a run: the usual case (summary.yaml
            # unchanged since the index was written) reads the metric's own column.
            index: IndexFile | None = state.get("_index")
            if index is not None and self._current(_SUMMARY) and state["_index"] is index:
                if not index.has_metric(name):
                    return None
                column = index.section("m:" + name)
                if column is not None:
                    blob = column[state["_pos"]]
                    if blob is None:
                        return None
                    with contextlib.suppress(Exception):  # malformed: `metrics` decides
                        return MetricSummary(*marshal.loads(blob))
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


def _new_view(listing: _Listing, run_id: str, index: IndexFile | None = None,
              pos: int = -1) -> IndexedRunView:
    view = object.__new__(IndexedRunView)
    view.__dict__.update(_id=run_id, _listing=listing, _index=index, _pos=pos)
    return view


def _load(store: Store, write: bool) -> list[RunView]:
    ids = store.run_ids()
    if not ids:
        return []
    index_path = store_index_path(store)
    listing = _Listing(store, may_refresh=write)
    runs_fd = listing.fd
    index = open_index(index_path)
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
            if pos is not None and stats[pos * RUN_STATS:pos * RUN_STATS + 32] \
                    == file_key(run_id + os.sep + CACHED_FILES[0], runs_fd):
                assert index is not None
                carried.append(run_id)
                view = _new_view(listing, run_id, index, pos)
                started, status = index.started[pos], index.status[pos]
            else:
                if not write:  # resolving a reference: run.yaml now, the rest on use
                    view = _new_view(listing, run_id)
                else:
                    run_stats = file_stats(run_id + os.sep, runs_fd)
                    entry, view_read, read[run_id] = read_entry(store.runs_dir, run_id,
                                                                 run_stats, now_ns)
                    view = view_read or view_of(entry, store.runs_dir / run_id)
                started, status = view.record.started_at, view.record.status
            if status == "running":  # (mark_crashed's own first test, inlined)
                mark_crashed(view)
            keyed.append((started, run_id, view))
        keyed.sort(reverse=True)
        if write and (any(row is not None for row in read.values())
                      or len(carried) != len(positions)):
            write_index(index_path, _fresh_columns(store, index, carried, read, runs_fd))
    finally:
        _restore_gc(gc_was_enabled, len(keyed))
    return [view for _, _, view in keyed]


def store_index_path(store: Store) -> Path:
    """``<store>/index.bin``; in a store owned by another user, ``index.<uid>.bin``: an
    index holds what its writer may read (written 0600), so each user of a shared store
    keeps their own, and never sees another user's private runs through it."""
    uid = os.geteuid()
    try:
        owner = os.stat(store.root).st_uid
    except OSError:
        owner = uid
    return store.root / (INDEX_NAME if owner == uid else f"index.{uid}.bin")


def load_views(store: Store) -> list[RunView]:
    """Every run of ``store``, newest first, from the index where it is still valid; the
    index is rewritten when runs were added, changed or removed."""
    return _load(store, write=True)


def load_heads(store: Store) -> list[RunView]:
    """Every run, newest first, like ``load_views`` but reading only the ``run.yaml`` of a
    run the index does not hold (the rest of it is read on first use), and never writing
    the index: what resolving a reference by id, name or recency needs."""
    return _load(store, write=False)


def refresh_index(store: Store) -> IndexFile | None:
    """Check every cached file of every run against the index, re-read the runs that
    changed, write the index and return it opened (None if it cannot be written). Used
    when a view finds a file changed behind the index's back, so the next listing is fast
    again."""
    ids = store.run_ids()
    index_path = store_index_path(store)
    index = open_index(index_path)
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
                    and index.stats[pos * RUN_STATS:(pos + 1) * RUN_STATS] == pack_stats(stats):
                carried.append(run_id)
            else:
                read[run_id] = read_entry(store.runs_dir, run_id, stats, now_ns)[2]
        columns = _fresh_columns(store, index, carried, read, runs_fd)
    finally:
        os.close(runs_fd)
    return open_index(index_path) if write_index(index_path, columns) else None


def _fresh_columns(store: Store, index: IndexFile | None, carried: list[str],
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



def _restore_gc(was_enabled: bool, loaded: int) -> None:
    if was_enabled:
        if loaded >= FREEZE_AT:
            # The views live as long as the command and hold no cycles: without this, the
            # next collections would scan every one of them again, several times.
            gc.freeze()
        gc.enable()
