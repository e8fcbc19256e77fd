"""Where the index database lives, its schema, and opening it (see ``index.py``)."""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import re
import socket
import sqlite3
import zlib
from dataclasses import fields
from pathlib import Path

from exptrack.model import SUMMARY_FIELDS, GitState, RunRecord
from exptrack.store import Store

READ_BUSY_S = 5.0
_SIGNATURE = ";".join(("3", "insights", *(f.name for f in fields(RunRecord)), *SUMMARY_FIELDS,
                       *(f.name for f in fields(GitState))))
# Any change of what a row holds gives another version: the database is then rebuilt.
SCHEMA_VERSION = zlib.crc32(_SIGNATURE.encode()) & 0x7FFFFFFF
NETWORK_FS = frozenset(("nfs", "nfs4", "cifs", "smb3", "smbfs", "afs", "lustre", "gpfs",
                        "beegfs", "ceph", "glusterfs", "fuse.glusterfs", "fuse.sshfs", "9p",
                        "panfs", "ocfs2", "gfs2", "fuse.s3fs", "fuse.rclone", "davfs",
                        "fuse.cephfs", "orangefs", "wekafs"))

SCHEMA = """
CREATE TABLE runs (
  id TEXT PRIMARY KEY, stats BLOB NOT NULL, started_at TEXT NOT NULL, name TEXT,
  status TEXT NOT NULL, tags TEXT NOT NULL, tags_text TEXT NOT NULL, exit_code INTEGER,
  ended_at TEXT, duration_s REAL, host TEXT, cwd TEXT, command TEXT, note TEXT,
  git_commit TEXT, git_branch TEXT, dirty INTEGER,
  record TEXT NOT NULL, params TEXT NOT NULL, metrics TEXT NOT NULL, git TEXT NOT NULL,
  damaged TEXT NOT NULL);
CREATE INDEX runs_order ON runs (started_at DESC, id DESC);
CREATE INDEX runs_name ON runs (name);
CREATE INDEX runs_status ON runs (status);
CREATE INDEX runs_stats ON runs (id, stats);
CREATE TABLE params (run_id TEXT NOT NULL, name TEXT NOT NULL, kind INTEGER NOT NULL, v,
  value TEXT NOT NULL, PRIMARY KEY (run_id, name)) WITHOUT ROWID;
CREATE INDEX params_name ON params (name, run_id);
CREATE TABLE metrics (run_id TEXT NOT NULL, name TEXT NOT NULL, last REAL, min REAL,
  max REAL, count INTEGER, best REAL, has_best INTEGER NOT NULL, direction TEXT,
  PRIMARY KEY (run_id, name)) WITHOUT ROWID;
CREATE INDEX metrics_name ON metrics (name, run_id);
CREATE TABLE tags (run_id TEXT NOT NULL, tag TEXT NOT NULL,
  PRIMARY KEY (run_id, tag)) WITHOUT ROWID;
CREATE INDEX tags_tag ON tags (tag);
CREATE TABLE artifacts (run_id TEXT NOT NULL, sha256 TEXT, location TEXT, path TEXT,
  full_path TEXT);
CREATE INDEX artifacts_run ON artifacts (run_id);
CREATE INDEX artifacts_sha ON artifacts (sha256);
CREATE TABLE insights (run_id TEXT NOT NULL, position INTEGER NOT NULL, kind TEXT NOT NULL,
  severity TEXT NOT NULL, item TEXT NOT NULL, PRIMARY KEY (run_id, position)) WITHOUT ROWID;
CREATE INDEX insights_kind ON insights (kind, run_id);
CREATE TABLE meta (key TEXT PRIMARY KEY, value);
"""

class IndexUnavailable(Exception):
    """The database cannot be used now (locked, unwritable): read the folders instead."""



def cache_dir() -> Path:
    """The folder of the index databases (see the module docstring)."""
    explicit = os.environ.get("TRACK_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser() / "index"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"
    folder = base / "exptrack" / "index"
    if filesystem_type(folder) in NETWORK_FS:
        import tempfile

        folder = Path(tempfile.gettempdir()) / f"exptrack-{os.geteuid()}" / "index"
    return folder


def filesystem_type(path: Path) -> str | None:
    """The type of the filesystem holding ``path`` (or its nearest existing parent), from
    ``/proc/self/mountinfo``; None where that cannot be told (not Linux)."""
    target = os.path.realpath(path)
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return None
    found, best = None, -1
    for line in lines:
        left, _, right = line.partition(" - ")
        parts = left.split(" ")
        if len(parts) < 5 or not right:
            continue
        mount = parts[4].replace("\\040", " ")
        inside = target == mount or target.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) > best:
            found, best = right.split(" ")[0], len(mount)
    return found


def index_path(store: Store) -> Path:
    """The database of ``store`` on this host, for this schema."""
    key = hashlib.sha256(os.path.realpath(store.root).encode()).hexdigest()[:24]
    host = "".join(c if c.isalnum() or c in "-_." else "_" for c in socket.gethostname())
    return cache_dir() / f"{key}-{host or 'host'}.v{SCHEMA_VERSION}.sqlite"


def _safe_folder(folder: Path) -> None:
    """Create ``folder`` (0700); refuse one another user could write into."""
    from exptrack.fsutil import make_dirs

    try:
        make_dirs(folder, 0o700)
        for part in (folder, folder.parent):
            st = os.lstat(part)
            if (part == folder or part.name.startswith("exptrack-")) and (
                    st.st_uid != os.geteuid() or st.st_mode & 0o022 or os.path.islink(part)):
                raise IndexUnavailable(f"{part} is not a private folder")
    except OSError as exc:
        raise IndexUnavailable(f"cannot create {folder}: {exc.strerror}") from exc


# ---------------------------------------------------------------- opening

def connect(store: Store, busy_s: float = READ_BUSY_S) -> sqlite3.Connection:
    """The store's database, created (or rebuilt empty) when missing, damaged or of another
    schema; raises IndexUnavailable."""
    path = index_path(store)
    _safe_folder(path.parent)
    for _ in range(3):
        try:
            conn = sqlite3.connect(path, timeout=busy_s, isolation_level=None,
                                   check_same_thread=False)
        except sqlite3.Error as exc:
            raise IndexUnavailable(str(exc)) from exc
        try:
            if _prepared(conn):
                # A cache: a commit need not wait for the disk (WAL stays consistent).
                conn.execute("PRAGMA synchronous = NORMAL")
                return conn
        except sqlite3.OperationalError as exc:  # locked, I/O: not damage
            conn.close()
            raise IndexUnavailable(str(exc)) from exc
        except sqlite3.DatabaseError:  # not a database, malformed
            pass
        conn.close()
        discard(path)
    raise IndexUnavailable(f"cannot make a database at {path}")


def _prepared(conn: sqlite3.Connection) -> bool:
    """The schema is there (created now if the database is new); False: throw it away."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return True
    if version != 0:
        return False
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                conn.execute("ROLLBACK")
                return False  # tables but no version: not ours
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            path = conn.execute("PRAGMA database_list").fetchone()[2]
            with contextlib.suppress(OSError):  # what its writer may read
                os.chmod(path, 0o600)
            _discard_other_versions(Path(path))
        conn.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise
    with contextlib.suppress(sqlite3.OperationalError):
        conn.execute("PRAGMA journal_mode = WAL")
    return bool(conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION)


def _discard_other_versions(path: Path) -> None:
    """Delete the databases of the same store and host made for other schema versions
    (an upgrade of track would otherwise leave them behind, the size of the index)."""
    prefix = path.name.removesuffix(f".v{SCHEMA_VERSION}.sqlite")
    if prefix == path.name:
        return
    pattern = re.compile(re.escape(prefix) + r"\.v\d+\.sqlite")
    with contextlib.suppress(OSError):
        for other in path.parent.glob(glob.escape(prefix) + ".v*.sqlite"):
            if other != path and pattern.fullmatch(other.name):
                discard(other)


def discard(path: Path) -> None:
    """Delete a database and its companion files (a damaged one is rebuilt afresh)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            os.unlink(f"{path}{suffix}")


