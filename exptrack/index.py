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
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exptrack.model import GitState, MetricSummary, RunRecord

if TYPE_CHECKING:
    from exptrack.store import RunView, Store

INDEX_NAME = "index.marshal"
LISTING_NAME = "listing.json"
CACHED_FILES = ("run.yaml", "params.yaml", "summary.yaml", "git.yaml")
# A file changed less than this long before the index was written may change again within
# the same timestamp tick unseen ("racy" stat, as git calls it): such runs are re-read.
RACY_S = 2.0
MISSING = (-1, -1, -1, -1)

_RECORD_FIELDS = tuple(f.name for f in dataclasses.fields(RunRecord))
_METRIC_FIELDS = tuple(f.name for f in dataclasses.fields(MetricSummary))
_GIT_FIELDS = tuple(f.name for f in dataclasses.fields(GitState))
# Cached entries are positional: any change of the records' fields invalidates them.
SCHEMA = "1:" + ",".join(_RECORD_FIELDS) + ";" + ",".join(_METRIC_FIELDS) + ";" \
    + ",".join(_GIT_FIELDS)
_INDEX_SCHEMA = f"{SCHEMA};marshal{marshal.version};py{sys.version_info[0]}.{sys.version_info[1]}"

Stats = tuple[int, ...]
Entry = tuple[Any, ...]  # (record fields, params, {metric: fields}, git fields, damaged)


def file_stats(folder: str) -> Stats:
    """(mtime_ns, size, inode, ctime_ns) of each cached file, -1s for a missing one."""
    result: list[int] = []
    for name in CACHED_FILES:
        try:
            st = os.stat(folder + name)
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
    from exptrack.store import RunView

    record, params, metrics, git, damaged = entry
    if not isinstance(params, dict) or not isinstance(metrics, dict) \
            or not isinstance(damaged, list):
        raise TypeError("malformed entry")
    return RunView(RunRecord(*record), path, params,
                   {name: MetricSummary(*m) for name, m in metrics.items()},
                   GitState(*git), damaged)


def load_views(store: Store) -> list[RunView]:
    """Every run of ``store`` (unordered), from the index where it is still valid."""
    from exptrack.store import mark_crashed, read_run_files

    ids = store.run_ids()
    index_path = store.root / INDEX_NAME
    cached = _read_index(index_path) if ids else {}
    root = str(store.runs_dir) + os.sep
    views: list[RunView] = []
    fresh: dict[str, Any] = {}
    changed = len(cached) != len(ids)
    now_ns = time.time_ns()
    racy_ns = int(RACY_S * 1e9)
    gc_was_enabled = gc.isenabled()
    gc.disable()  # tens of thousands of small objects: collections would only cost time
    try:
        for run_id in ids:
            folder = root + run_id + os.sep
            stats = file_stats(folder)
            hit = cached.get(run_id)
            view: RunView | None = None
            if hit is not None and hit[0] == stats:
                try:
                    view = view_of(hit[1], Path(folder[:-1]))
                    fresh[run_id] = hit
                except Exception:
                    view = None
            if view is None:
                changed = True
                view = _listing_view(folder, stats) or read_run_files(Path(folder[:-1]))
                entry = entry_of(view)
                # Racy or unmarshallable entries are kept with no stats: re-read next time.
                trusted = max(stats[3::4]) < now_ns - racy_ns and _marshallable(entry)
                if trusted:
                    fresh[run_id] = (stats, entry)
            mark_crashed(view)
            views.append(view)
    finally:
        if gc_was_enabled:
            gc.enable()
    if changed:
        _write_index(index_path, fresh)
    return views


def _marshallable(entry: Entry) -> bool:
    try:
        marshal.dumps(entry)
    except ValueError:
        return False
    return True


def _read_index(path: Path) -> dict[str, Any]:
    """The cached entries; an absent, foreign or corrupt index is an empty one."""
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict) or data.get("schema") != _INDEX_SCHEMA:
        return {}
    runs = data.get("runs")
    return runs if isinstance(runs, dict) else {}


def _write_index(path: Path, runs: dict[str, Any]) -> None:
    """Replace the index atomically; a store we cannot write to simply stays unindexed."""
    try:
        payload = marshal.dumps({"schema": _INDEX_SCHEMA, "runs": runs})
    except ValueError:
        return
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


def _listing_view(folder: str, stats: Stats) -> RunView | None:
    """The run from its ``listing.json``, if the files it was made from are unchanged."""
    try:
        with open(folder + LISTING_NAME, "rb") as handle:
            data = json.loads(handle.read())
        if data.get("schema") != SCHEMA:
            return None
        if tuple(data["sources"]) != stats:
            return None
        return view_of(tuple(data["entry"]), Path(folder[:-1]))
    except Exception:  # absent, stale, corrupt or hand-edited: the YAML files decide
        return None


def write_listing(run_dir: Path) -> bool:
    """Write ``listing.json`` for a run whose files are final. Never raises: it is a cache."""
    from exptrack.fsutil import write_atomic
    from exptrack.store import read_run_files

    try:
        folder = str(run_dir) + os.sep
        before = file_stats(folder)
        entry = entry_of(read_run_files(run_dir))
        if file_stats(folder) != before:
            return False  # changed while we read it: no listing rather than a wrong one
        text = json.dumps({"schema": SCHEMA, "files": CACHED_FILES, "sources": before,
                           "entry": entry},
                          ensure_ascii=False, separators=(",", ":"))
        write_atomic(run_dir / LISTING_NAME, text.encode("utf-8"))
    except Exception:
        return False
    return True
