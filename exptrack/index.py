"""The index: one SQLite database derived from the run folders, which stay the truth.

Where it lives. SQLite's locks are unreliable on network filesystems (NFS, SMB, Lustre...),
and a store often sits on one, shared by the machines of a cluster. So the database is kept
out of the store, in the user's cache folder, one file a store (keyed by the store's real
path) and a host: ``$TRACK_CACHE_DIR/index/``, else ``$XDG_CACHE_HOME/exptrack/index/``,
else ``~/.cache/exptrack/index/``; when that folder is itself on a network filesystem (a
cluster's home), ``<tmp>/exptrack-<uid>/index/`` on the local disk. Each host then has its
own database of the shared folders, which is correct: it is only a cache of them. Within a
host, concurrent processes share it through SQLite's own locking (WAL, a busy timeout); a
database still locked after the timeout makes the command read the folders instead.

Never stale. Every reader stats, for every run folder, the files its question depends on
(``run.yaml`` for a plain listing; ``params.yaml``, ``summary.yaml``, ``git.yaml`` or
``artifacts.yaml`` when it filters or sorts by them) and compares them with the stats the
run's row was made from; runs changed, added or removed are re-read, in one transaction. The
runs a command then shows or uses are checked on all their files. A run changed in the last
two seconds (``RACY_S``) is never trusted: it is re-read until its files are older. A
``running`` run's recorder liveness is checked on every load (``store.mark_crashed``).

A missing, damaged or older-schema database is rebuilt from the folders: deleting it is
always safe.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import struct
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from exptrack import indexinsights
from exptrack.indexdb import SCHEMA_VERSION, IndexUnavailable, connect, index_path
from exptrack.model import SUMMARY_FIELDS, GitState, MetricSummary, RunRecord
from exptrack.store import (
    RunView,
    Store,
    mark_crashed,
    read_run_files,
    recorder_alive,
)
from exptrack.store import (
    is_young as _young,
)

FILES = ("run.yaml", "params.yaml", "summary.yaml", "git.yaml", "artifacts.yaml")
RUN_YAML, PARAMS, SUMMARY, GIT, ARTIFACTS = range(len(FILES))
ALL_FILES = tuple(range(len(FILES)))
RUN_STATS = 32 * len(FILES)
RACY_S = 2.0
BATCH = 500  # runs a write transaction (a rebuild is many: readers are never held long)
_PACK = struct.Struct("<4Q").pack
_MASK = (1 << 64) - 1
_MISSING = _PACK(_MASK, _MASK, _MASK, _MASK)
_UNREADABLE = b"\xfe" * 32

_CHILDREN = ("params", "metrics", "tags", "artifacts", "insights")


__all__ = ["IndexUnavailable", "index_path"]

Progress = Callable[[int, int], None]  # (runs read, runs to read)


# ---------------------------------------------------------------- stats

def _key(path: str, dir_fd: int | None) -> bytes:
    try:
        st = os.stat(path, dir_fd=dir_fd)
    except FileNotFoundError:
        return _MISSING
    except OSError:
        return _UNREADABLE
    return _PACK(st.st_mtime_ns & _MASK, st.st_size, st.st_ino & _MASK,
                 st.st_ctime_ns & _MASK)


def _observe(runs_dir: Path, ids: list[str], suffixes: list[str]
             ) -> list[tuple[Any, ...]]:
    """(id, key of each of its files ``suffixes``) of each run in ``ids``: one stat a file,
    relative to the runs folder (no path to resolve from the root each time)."""
    if not ids:
        return []
    fd = os.open(runs_dir, os.O_RDONLY)
    try:
        if len(suffixes) == 1:  # the usual listing
            suffix = suffixes[0]
            return [(run_id, _key(run_id + suffix, fd)) for run_id in ids]
        return [(run_id, *[_key(run_id + suffix, fd) for suffix in suffixes])
                for run_id in ids]
    finally:
        os.close(fd)


def run_stats(folder: str, dir_fd: int | None = None) -> bytes:
    """The stats of a run's files (``folder`` ends with a separator)."""
    return b"".join(_key(folder + name, dir_fd) for name in FILES)


def _trusted(stats: bytes, now_ns: int) -> bytes:
    """``stats`` as a row keeps them; empty (never matching) for a run changed a moment ago
    (it may change again within the same timestamp tick) or one we may not read."""
    if _UNREADABLE in (stats[i:i + 32] for i in range(0, RUN_STATS, 32)):
        return b""
    limit = (now_ns - int(RACY_S * 1e9)) & _MASK
    for i in range(0, RUN_STATS, 32):
        part = stats[i:i + 32]
        if part != _MISSING and struct.unpack_from("<Q", part, 24)[0] > limit:
            return b""
    return stats


# ---------------------------------------------------------------- rows

def _plain(value: Any) -> Any:
    return str(value)


def _dumps(value: Any) -> str:
    return json.dumps(value, default=_plain, ensure_ascii=False, separators=(",", ":"))


def _sort_value(value: Any) -> tuple[int, Any]:
    """(kind, value) as ``query._order`` orders values: numbers, then text, then others;
    a missing or NaN value is NULL."""
    if value is None:
        return 0, None
    if isinstance(value, (bool, int, float)):
        try:
            number = float(value)
        except OverflowError:
            return 0, None
        return 0, None if number != number else number
    if isinstance(value, str):
        return 1, value
    return 2, str(value)


def _finite(value: float | None) -> float | None:
    return None if value is None or value != value else value


class Reader:
    """Reads run folders into rows and writes them, a batch a transaction."""

    def __init__(self, conn: sqlite3.Connection, store: Store) -> None:
        self.conn = conn
        self.store = store
        self.setting = indexinsights.project_setting()

    def read(self, run_id: str) -> tuple[RunView, bytes, list[tuple[Any, ...]],
                                         list[tuple[Any, ...]]]:
        folder = self.store.runs_dir / run_id
        stats = run_stats(str(folder) + os.sep)  # before reading: a later change is seen
        view = read_run_files(folder)
        found = [] if view.record.status == "running" \
            else indexinsights.compute(folder, self.setting)
        return (view, _trusted(stats, time.time_ns()), _artifacts(folder, view),
                indexinsights.rows(run_id, found))

    def write(self, run_ids: Sequence[str], gone: Iterable[str] = (),
              progress: Progress | None = None) -> None:
        """Re-read ``run_ids`` and drop ``gone``, a batch a transaction."""
        gone = list(gone)
        total = len(run_ids)
        for start in range(0, max(total, 1), BATCH):
            batch = [(run_id, *self.read(run_id)) for run_id in run_ids[start:start + BATCH]]
            self.commit(batch, gone if start == 0 else [])
            if progress is not None:
                progress(min(start + BATCH, total), total)

    def commit(self, batch: list[tuple[str, RunView, bytes, list[tuple[Any, ...]],
                                       list[tuple[Any, ...]]]], gone: list[str]) -> None:
        if not batch and not gone:
            return
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise IndexUnavailable(str(exc)) from exc
        try:
            drop = [(run_id,) for run_id in (*gone, *(b[0] for b in batch))]
            conn.executemany("DELETE FROM runs WHERE id = ?", drop)
            for table in _CHILDREN:
                conn.executemany(f"DELETE FROM {table} WHERE run_id = ?", drop)
            for run_id, view, stats, artifacts, insights in batch:
                insert_run(conn, run_id, view, stats, artifacts)
                conn.executemany("INSERT INTO insights VALUES (?,?,?,?,?)", insights)
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise


def insert_run(conn: sqlite3.Connection, run_id: str, view: RunView, stats: bytes,
               artifacts: list[tuple[Any, ...]]) -> None:
    record, git = view.record, view.git
    conn.execute(
        "INSERT INTO runs VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (run_id, stats, record.started_at, record.name, record.status, _dumps(record.tags),
         str(record.tags), record.exit_code, record.ended_at, _finite(record.duration_s),
         record.host, record.cwd, " ".join(record.command), record.note, git.commit,
         git.branch, int(git.dirty) if git.repo else None, _dumps(record.to_dict()),
         _dumps(view.params),
         _dumps({n: [getattr(m, f) for f in SUMMARY_FIELDS] for n, m in view.metrics.items()}),
         _dumps(git.to_dict()), _dumps(view.damaged)))
    conn.executemany("INSERT OR REPLACE INTO params VALUES (?,?,?,?,?)",
                     [(run_id, name, *_sort_value(value), _dumps(value))
                      for name, value in view.params.items()])
    conn.executemany("INSERT OR REPLACE INTO metrics VALUES (?,?,?,?,?,?,?,?,?)",
                     [(run_id, name, _finite(m.last), _finite(m.min), _finite(m.max),
                       m.count, _finite(m.best), m.best is not None, m.direction)
                      for name, m in view.metrics.items()])
    conn.executemany("INSERT OR IGNORE INTO tags VALUES (?,?)",
                     [(run_id, tag) for tag in record.tags])
    conn.executemany("INSERT INTO artifacts VALUES (?,?,?,?,?)",
                     [(run_id, *item) for item in artifacts])


def _artifacts(folder: Path, view: RunView) -> list[tuple[Any, ...]]:
    """(sha256, location, path, where it is) of each artifact in ``artifacts.yaml``; where
    it is: relative to the runs folder for a file kept in the run folder, else absolute."""
    from exptrack.details import read_artifacts

    found = []
    for item in read_artifacts(folder):
        sha = item.get("sha256")
        location = item.get("location")
        path = str(item.get("path", ""))
        base = Path(folder.name) if location == "run_dir" else Path(view.record.cwd or "/")
        found.append((str(sha) if sha else None,
                      location if isinstance(location, str) else None, path, str(base / path)))
    return found


def view_of(row: Sequence[Any], path: Path) -> RunView:
    """A RunView from a ``runs`` row's (record, params, metrics, git, damaged)."""
    record, params, metrics, git, damaged = row
    return RunView(RunRecord(**json.loads(record)), path, json.loads(params),
                   {n: MetricSummary(*m) for n, m in json.loads(metrics).items()},
                   GitState(**json.loads(git)), json.loads(damaged))


# ---------------------------------------------------------------- the index in use

class Index:
    """A store's database, kept true to the folders: ``refresh`` before a question,
    ``views`` for the runs it shows."""

    def __init__(self, store: Store, conn: sqlite3.Connection,
                 progress: Progress | None = None) -> None:
        self.store = store
        self.conn = conn
        self.progress = progress
        self.writer = Reader(conn, store)
        try:
            if not indexinsights.current(conn, self.writer.setting):
                indexinsights.forget_all(conn, ("runs", *_CHILDREN))
                indexinsights.current(conn, self.writer.setting)
        except sqlite3.OperationalError as exc:  # locked: read the folders instead
            raise IndexUnavailable(str(exc)) from exc

    def refresh(self, files: Iterable[int] = (RUN_YAML,)) -> None:
        """Re-read every run whose ``files`` changed since its row was written, add the
        new runs, drop the vanished ones; then check the running runs' recorders."""
        wanted = sorted(set(files))
        ids = self.store.run_ids()
        # Both sides as (id, key of each wanted file) rows, compared as sets: no Python
        # work a run beyond its stats. The stats come from the covering index runs_stats
        # (10,000 rows: 9 -> 4 ms). An untrusted row's empty stats never match.
        keys = ", ".join(f"substr(stats, {32 * f + 1}, 32)" for f in wanted)
        stored = set(self.conn.execute(f"SELECT id, {keys} FROM runs"))
        observed = _observe(self.store.runs_dir, ids, [os.sep + FILES[f] for f in wanted])
        changed = [row[0] for row in observed if row not in stored]
        gone = {row[0] for row in stored}.difference(ids)
        if changed or gone:
            many = len(changed) > BATCH
            self.writer.write(changed, gone, self.progress if many else None)
        if len(wanted) == 1 and wanted[0] == RUN_YAML:
            self._remember_folder()
        self._check_running()

    def _remember_folder(self) -> None:
        """Note the runs folder's stat: while it is unchanged, no run was added or removed
        (what lets ``show`` and ``diff`` resolve a reference without a scan)."""
        key = _key(str(self.store.runs_dir), None)
        if _trusted(key * len(FILES), time.time_ns()) and not self.folder_unchanged():
            with contextlib.suppress(sqlite3.OperationalError):
                self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('runs_dir', ?)", (key,))

    def folder_unchanged(self) -> bool:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'runs_dir'").fetchone()
        return row is not None and row[0] == _key(str(self.store.runs_dir), None)

    def _check_running(self) -> None:
        """Liveness, never cached: a running run whose recorder died reads as crashed, for
        this load (``temp.crashed``: what status filters see); its row stays as its files
        say, so its metrics are rebuilt from metrics.jsonl whenever that grows."""
        self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS crashed (id TEXT PRIMARY KEY)")
        self.conn.execute("DELETE FROM temp.crashed")
        rows = self.conn.execute("SELECT id, record FROM runs WHERE status = 'running'")
        dead = []
        for run_id, record in rows.fetchall():
            view = RunView(RunRecord(**json.loads(record)), self.store.runs_dir / run_id)
            if view.record.pid is None and _young(view.path):
                continue  # being created (store.mark_crashed's own rule)
            if not recorder_alive(view.record):
                dead.append((run_id,))
        self.conn.executemany("INSERT OR IGNORE INTO temp.crashed VALUES (?)", dead)

    def check(self, run_ids: Sequence[str], files: Sequence[int] = ALL_FILES) -> list[str]:
        """Re-read those of ``run_ids`` whose ``files`` changed; returns them."""
        stored = dict(self.conn.execute(
            f"SELECT id, stats FROM runs WHERE id IN ({','.join('?' * len(run_ids))})",
            list(run_ids)).fetchall()) if run_ids else {}
        changed = []
        for run_id in run_ids:
            stats = stored.get(run_id)
            prefix = str(self.store.runs_dir / run_id) + os.sep
            if not stats or any(stats[32 * f:32 * f + 32] != _key(prefix + FILES[f], None)
                                for f in files):
                changed.append(run_id)
        if changed:
            self.writer.write(changed)
        return changed

    def views(self, run_ids: Sequence[str], check: bool = True) -> list[RunView]:
        """The runs ``run_ids``, in that order, checked on all their files first."""
        if check:
            self.check(run_ids)
        found: dict[str, RunView] = {}
        for start in range(0, len(run_ids), 500):
            part = run_ids[start:start + 500]
            for run_id, *row in self.conn.execute(
                    "SELECT id, record, params, metrics, git, damaged FROM runs WHERE id IN "
                    f"({','.join('?' * len(part))})", list(part)):
                found[run_id] = view_of(row, self.store.runs_dir / run_id)
        views = []
        for run_id in run_ids:
            view = found.get(run_id) or read_run_files(self.store.runs_dir / run_id)
            mark_crashed(view)
            views.append(view)
        return views


def open_index(store: Store, progress: Progress | None = None) -> Index:
    """The store's index, ready for questions; raises IndexUnavailable."""
    from exptrack.indexdb import discard

    for _ in range(2):
        conn = connect(store)
        try:
            return Index(store, conn, progress)
        except IndexUnavailable:
            conn.close()
            raise
        except sqlite3.DatabaseError:  # damaged: rebuilt from the folders
            conn.close()
            discard(index_path(store))
    raise IndexUnavailable("the index database is damaged")


def note_run(store: Store, run_dir: Path) -> None:
    """Write a run's row (``track run`` at its start and end; a tag, note or rename), or
    drop it when its folder is gone (``track rm``). Best effort: never raises, never waits
    long; a database that is not there yet is left to the next reader."""
    try:
        path = index_path(store)
        if not path.exists():
            return
        conn = sqlite3.connect(path, timeout=0.2, isolation_level=None)
        try:
            conn.execute("PRAGMA synchronous = NORMAL")
            if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
                reader = Reader(conn, store)
                if not indexinsights.current(conn, reader.setting):
                    return  # made with other settings: the next reader rebuilds it
                if run_dir.is_dir():
                    reader.write([run_dir.name])
                else:
                    reader.write([], gone=[run_dir.name])
        finally:
            conn.close()
    except Exception:  # a cache: the next reader re-reads the folder anyway
        return
