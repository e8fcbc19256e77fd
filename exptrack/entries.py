"""A run's cached entry: what a listing needs of a run (its record, params, metric
summaries, git state and problems, as plain values), the file stats that say whether it is
still true, and ``<run>/listing.json``, the per-run copy the recorder writes when a run
ends. Derived data, safe to delete: the run folder's YAML files are the truth."""

from __future__ import annotations

import dataclasses
import json
import marshal
import os
import struct
from pathlib import Path
from typing import Any

from exptrack.model import SUMMARY_FIELDS, GitState, MetricSummary, RunRecord
from exptrack.store import RunView, read_run_files

LISTING_NAME = "listing.json"
CACHED_FILES = ("run.yaml", "params.yaml", "summary.yaml", "git.yaml")
# A file changed less than this long before the index was written may change again within
# the same timestamp tick unseen ("racy" stat, as git calls it): such runs are re-read.
RACY_S = 2.0
MISSING = (-1, -1, -1, -1)
UNREADABLE = (-2, -2, -2, -2)  # stat refused (permission denied): never cached
MAX_LISTING_BYTES = 16 * 1024 * 1024  # a bigger listing.json is ignored, not read

_RECORD_FIELDS = tuple(f.name for f in dataclasses.fields(RunRecord))
_GIT_FIELDS = tuple(f.name for f in dataclasses.fields(GitState))
# Cached entries are positional: any change of the records' fields invalidates them. Bump
# the leading number when reading the same YAML files starts giving different values.
SCHEMA = "1:" + ",".join(_RECORD_FIELDS) + ";" + ",".join(SUMMARY_FIELDS) + ";" \
    + ",".join(_GIT_FIELDS)
_STARTED, _NAME, _STATUS = (_RECORD_FIELDS.index(f) for f in ("started_at", "name", "status"))

Stats = tuple[int, ...]
Entry = tuple[Any, ...]  # (record fields, params, {metric: fields}, git fields, damaged)
# What the index keeps of a run, ready to write: (packed stats, started_at, name, status,
# damaged, record, params, metrics and git marshalled, {metric: summary fields}).
Row = tuple[bytes, str, Any, str, list[str], bytes, bytes, bytes, bytes, dict[str, Any]]

# Stats are packed, 8 bytes a value, 32 a file, 128 a run: one bytes object for the whole
# store, compared a slice at a time.
_MASK = (1 << 64) - 1
_PACK_FILE = struct.Struct("<4Q").pack
RUN_STATS = 32 * len(CACHED_FILES)
_MISSING_KEY = _PACK_FILE(*(value & _MASK for value in MISSING))
_UNREADABLE_KEY = _PACK_FILE(*(value & _MASK for value in UNREADABLE))


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
    except OSError:  # a run folder we may not enter: it matches no cached stats
        return _UNREADABLE_KEY


def file_stats(folder: str, dir_fd: int | None = None) -> Stats:
    """(mtime_ns, size, inode, ctime_ns) of each cached file, -1s for a missing one,
    -2s for one we may not stat.

    ``folder`` ends with a separator; it is relative to ``dir_fd`` when one is given."""
    result: list[int] = []
    for name in CACHED_FILES:
        try:
            st = os.stat(folder + name, dir_fd=dir_fd)
        except FileNotFoundError:
            result += MISSING
        except OSError:
            result += UNREADABLE
        else:
            result += (st.st_mtime_ns, st.st_size, st.st_ino, st.st_ctime_ns)
    return tuple(result)


def entry_of(view: RunView) -> Entry:
    """A run as plain values (marshal- and JSON-friendly), fields in schema order."""
    return (
        [getattr(view.record, name) for name in _RECORD_FIELDS],
        view.params,
        {name: [getattr(m, f) for f in SUMMARY_FIELDS] for name, m in view.metrics.items()},
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
    # tick: it is left out of the index, so it is re-read next time; so is one we may not
    # read (its files' stats cannot tell when that changes).
    kept = row_of(stats, entry) if max(stats[3::4]) < now_ns - int(RACY_S * 1e9) \
        and UNREADABLE[0] not in stats[::4] else None
    return entry, view, kept


# ---------------------------------------------------------------- listing.json

def _content_digest(folder: str) -> str:
    """A digest of the cached files' bytes (a missing file counts as such)."""
    import hashlib

    digest = hashlib.blake2b(digest_size=16)
    for name in CACHED_FILES:
        try:
            with open(folder + name, "rb") as handle:
                digest.update(os.fstat(handle.fileno()).st_size.to_bytes(8, "little"))
                while chunk := handle.read(1024 * 1024):  # streamed: any size
                    digest.update(chunk)
        except FileNotFoundError:
            digest.update(b"-")
    return digest.hexdigest()


def _listing_entry(folder: str, stats: Stats) -> Entry | None:
    """The run's entry from its ``listing.json``, if the files it was made from are
    unchanged (same stats; or, in a copied or restored store, whose inodes and ctimes are
    new, the same bytes) and it is well formed."""
    try:
        with open(folder + LISTING_NAME, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_LISTING_BYTES:
                return None  # never read whole: the run's files are read instead
            raw = handle.read(size + 1)  # (not the bound: allocated for every file)
        if len(raw) > MAX_LISTING_BYTES:
            return None
        data = json.loads(raw)
        if data.get("schema") != SCHEMA:
            return None
        if tuple(data["sources"]) != stats and (
                data.get("digest") is None or data["digest"] != _content_digest(folder)):
            return None
        record, params, metrics, git, damaged = data["entry"]
        if len(record) != len(_RECORD_FIELDS) or len(git) != len(_GIT_FIELDS) \
                or not isinstance(params, dict) or not isinstance(damaged, list) \
                or any(len(m) != len(SUMMARY_FIELDS) for m in metrics.values()) \
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
