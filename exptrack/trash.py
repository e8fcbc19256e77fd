"""The store's trash: where `track rm` moves run folders, `rm --undo`/`restore` brings them
back from and `gc` empties.

A removal is one batch, ``<store>/trash/<stamp>-<hex>/``, holding the removed run folders
as they were (``<batch>/<id>/``): each is moved there by a rename within the store, so a
removal and its undo are atomic per run and byte for byte (contents, modes, times). The
newest batch (by its stamp) is "the last removal". The index is told of every run that
leaves or comes back (``index.note_run``).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from exptrack.errors import ExptrackError, StoreError
from exptrack.store import RunView, Store, read_run_files, recorder_alive

TRASH_DIRNAME = "trash"
PRUNE_UNDER_S = 10.0  # `gc --prune`: a run that failed or crashed sooner is junk


class RunIsRunning(ExptrackError):
    """A run to remove is still recording."""


class NothingToUndo(ExptrackError):
    """The trash is empty."""


@dataclass
class Trashed:
    """A run folder in the trash."""

    batch: str
    view: RunView

    @property
    def id(self) -> str:
        return self.view.id


@dataclass
class Removal:
    batch: str
    moved: list[str] = field(default_factory=list)


def trash_dir(store: Store) -> Path:
    return store.root / TRASH_DIRNAME


def is_recording(run: RunView) -> bool:
    """Is this run's recorder still alive (a ``running`` run as readers report it)?"""
    return run.record.status == "running" and (
        run.record.pid is None or recorder_alive(run.record))


def check_removable(runs: Sequence[RunView], force: bool) -> None:
    """Refuse runs that are still recording, unless ``force``."""
    live = [run.id for run in runs if is_recording(run)]
    if live and not force:
        raise RunIsRunning(
            f"{', '.join(live)} {'is' if len(live) == 1 else 'are'} still recording; "
            "wait for the end, or add --force (the recorder's later writes then fail)")


def _new_batch(store: Store) -> Path:
    from exptrack.fsutil import make_dirs

    modes = store.ensure()
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    folder = trash_dir(store) / f"{stamp}-{time.time_ns() % 10**9:09d}-{secrets.token_hex(2)}"
    try:
        make_dirs(folder, modes.store)
    except OSError as exc:
        raise StoreError(f"cannot create the trash folder {folder}: {exc.strerror}") from exc
    return folder


def move_to_trash(store: Store, runs: Sequence[RunView]) -> Removal:
    """Move ``runs`` into a new trash batch (one rename each); returns what moved."""
    from exptrack.index import note_run

    batch = _new_batch(store)
    removal = Removal(batch.name)
    try:
        for run in runs:
            source = store.runs_dir / run.id
            try:
                os.rename(source, batch / run.id)
            except OSError as exc:
                raise StoreError(f"cannot move run {run.id} to the trash: "
                                 f"{exc.strerror}") from exc
            removal.moved.append(run.id)
            note_run(store, source)
    finally:
        if not removal.moved:
            _remove_if_empty(batch)
    return removal


def trashed(store: Store) -> list[Trashed]:
    """Every run in the trash, the last removal first."""
    return [item for batch in _batches(store) for item in trashed_in(batch)]


def _batches(store: Store) -> list[Path]:
    """The trash's batches, newest first."""
    try:
        names = [e.name for e in os.scandir(trash_dir(store))
                 if e.is_dir() and not e.name.startswith(".")]
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise StoreError(f"cannot read the trash {trash_dir(store)}: {exc.strerror}") from exc
    return [trash_dir(store) / name for name in sorted(names, reverse=True)]


def last_removal(store: Store) -> list[Trashed]:
    """The runs of the newest batch of the trash; raises NothingToUndo."""
    for batch in _batches(store):
        runs = trashed_in(batch)
        if runs:
            return runs
        _remove_if_empty(batch)
    raise NothingToUndo("the trash is empty: nothing to undo")


def trashed_in(batch: Path) -> list[Trashed]:
    try:
        names = sorted(e.name for e in os.scandir(batch) if e.is_dir())
    except OSError:
        return []
    return [Trashed(batch.name, read_run_files(batch / name)) for name in names]


def restore(store: Store, runs: Sequence[Trashed]) -> list[str]:
    """Move trashed runs back into ``runs/``; returns their ids. A run whose id was taken
    again meanwhile is refused (nothing is overwritten)."""
    from exptrack.index import note_run

    store.ensure()
    restored: list[str] = []
    for item in runs:
        source = trash_dir(store) / item.batch / item.id
        target = store.runs_dir / item.id
        if os.path.lexists(target):
            raise StoreError(f"cannot restore {item.id}: a run {item.id} exists again; "
                             f"it stays in {source}")
        try:
            os.rename(source, target)
        except OSError as exc:
            raise StoreError(f"cannot restore {item.id}: {exc.strerror}") from exc
        restored.append(item.id)
        note_run(store, target)
        _remove_if_empty(source.parent)
    return restored


def _remove_if_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):
        folder.rmdir()


def folder_bytes(path: Path) -> int:
    total = 0
    for folder, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += os.lstat(os.path.join(folder, name)).st_size
            except OSError:
                continue
    return total


def empty_trash(store: Store, on_error: Callable[[str], None]) -> int:
    """Delete every batch of the trash for good; returns how many runs went."""
    count = 0
    problems: list[str] = []

    def failed(_function: object, path: str, info: object) -> None:
        exc = info if isinstance(info, BaseException) else sys.exc_info()[1]
        problems.append(f"cannot delete {path}: {getattr(exc, 'strerror', None) or exc}")

    for batch in _batches(store):
        count += len(trashed_in(batch))
        if sys.version_info >= (3, 12):
            shutil.rmtree(batch, onexc=failed)
        else:
            shutil.rmtree(batch, onerror=failed)
    for problem in problems[:3]:
        on_error(problem)
    return count


def prune_reason(run: RunView, under_s: float = PRUNE_UNDER_S) -> str | None:
    """Why ``gc --prune`` removes this run, or None: its command never started, or it
    failed or crashed within ``under_s`` seconds. A run still recording never goes."""
    record = run.record
    if record.status not in ("failed", "crashed") or is_recording(run):
        return None
    if record.child_pid is None:
        return "the command never started"
    took = record.duration_s if record.duration_s is not None else _crash_duration(run)
    if took is not None and took < under_s:
        return f"{record.status} after {took:.1f}s"
    return None


def _crash_duration(run: RunView) -> float | None:
    """How long a crashed run lasted: until its files were last written."""
    from exptrack.render import parse_time

    started = parse_time(run.record.started_at)
    if started is None:
        return None
    last = 0.0
    for name in ("output.log", "metrics.jsonl", "run.yaml"):
        try:
            last = max(last, os.stat(run.path / name).st_mtime)
        except OSError:
            continue
    return last - started.timestamp() if last else None
