"""Framework metric files as a second source of metrics, found while the command runs.

A background thread looks for the files frameworks keep their metrics in (see
``metrics.files``) among the files the command creates or changes under its working folder
and its run folder, copies each into ``<run>/sources/`` when it changes (so the run folder
holds the exact record, and ``track reparse`` can read it again), and parses it. The
recorder takes the parsed observations every few seconds (``show`` of a running run has
them) and once more at the end. Nothing here can slow the command's output: the output loop
never waits on this thread, and a file that cannot be read costs a warning at most.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from exptrack.capture.artifacts import MTIME_SLACK_S, TRACK_FILES, skip_dir
from exptrack.capture.printedfolders import PrintedFolders
from exptrack.errors import MissingExtra
from exptrack.fsutil import make_dirs, write_atomic
from exptrack.metrics import cometzip, files, mlflowstore
from exptrack.metrics.merge import Source
from exptrack.metrics.observation import Observation
from exptrack.metrics.records import Labelled, apply_sources, live_summaries
from exptrack.metrics.summary import MetricSummarizer
from exptrack.model import MetricSummary

SOURCES_DIR = "sources"
POLL_S = 2.0  # changed files are read this often
SCAN_S = 10.0  # the working folder is searched for new files this often
EAGER_S = 30.0  # ... and at every poll in the run's first seconds, when the files appear
SCAN_MAX_ENTRIES = 50_000
SCAN_MAX_S = 1.0
SCAN_MAX_DEPTH = 16  # (on-policy's MAPPO writes its event files 10 to 13 folders down)
HEAD_BYTES = 4096
# A large file (TensorBoard events grow to tens of MB) is copied and parsed again at most
# this often while the run goes, so watching it costs little I/O; always at the end.
LARGE_BYTES = 1024 * 1024
LARGE_EVERY_S = 30.0
# A file whose modification time is this close to the moment it was read may have changed
# again since without a new time or size (a file system keeps times to a clock tick, FAT to
# 2 s: SQLite rewrites mlflow.db's pages in place): it is read again at the next look, as
# git does with its "racily clean" entries, so the last look never keeps a torn read.
RACY_NS = 2_000_000_000
_SUFFIXES = (".csv", ".log", ".tsv", ".json", ".ndjson")
_METRICS_DIR = f"{os.sep}metrics{os.sep}"  # (MLflow's file store: a metric a file)


@dataclass
class Found:
    """One framework file: where it is, what kind, what it last held."""

    path: Path
    kind: str
    label: str  # its path relative to the working folder (or run folder), as recorded
    mtime_ns: int = -1
    size: int = -1
    read_at: float = -LARGE_EVERY_S
    read_ns: int = 0  # the wall clock when it was last read
    observations: tuple[Observation, ...] = ()


def _candidate(path: str) -> bool:
    """May the file at ``path`` be a framework metric file (by its name, or its folders:
    MLflow's file store keeps a metric a file under ``<run id>/metrics/``, Comet its offline
    archives in ``.cometml-runs/``)?"""
    name = os.path.basename(path)
    return name.startswith("events.out.tfevents.") or name.endswith(_SUFFIXES) \
        or (name.endswith((".txt", ".out")) and files.text_named(name)) or name.endswith(".wandb") \
        or (name.endswith(".db") and files.db_named(name)) \
        or (name.endswith(".zip") and os.path.basename(os.path.dirname(path)) == cometzip.FOLDER) \
        or (_METRICS_DIR in path and mlflowstore.file_key(Path(path)) is not None)


class MetricFileWatcher:
    def __init__(self, cwd: Path, run_dir: Path, since: float, skip: set[Path],
                 file_mode: int) -> None:
        self.cwd = cwd.absolute()
        self.run_dir = run_dir.absolute()
        self.since = since - MTIME_SLACK_S
        self.started = since  # (MLflow's runs that started since)
        self.skip = {p.absolute() for p in skip} | {self.run_dir}
        self.file_mode = file_mode
        self._found: dict[Path, Found] = {}
        self._rejected: set[Path] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_scan = 0.0
        self._started = time.monotonic()
        self._printed = PrintedFolders(self.run_dir / "output.log")
        self.warnings: list[str] = []

    # -- the thread ----------------------------------------------------------------------
    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="track-metric-files",
                                        daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop the thread, then look once more (the files' final state)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
        self.poll(scan=True, final=True)

    def _loop(self) -> None:
        while not self._stop.wait(POLL_S):
            now = time.monotonic()
            every = POLL_S if now - self._started < EAGER_S else SCAN_S
            try:
                self.poll(scan=now - self._last_scan >= every)
            except Exception as exc:  # never the command's problem
                self._note(f"framework metric files could not be read ({type(exc).__name__})")

    # -- one look ------------------------------------------------------------------------
    def poll(self, scan: bool, final: bool = False) -> None:
        if scan:
            self._last_scan = time.monotonic()
            self._scan()
        with self._lock:
            known = list(self._found.values())
        for found in known:
            self._refresh(found, final)

    def _scan(self) -> None:
        paths = [(path, self.cwd) for path in _candidates(self.cwd, self.since, self.skip)]
        paths += [(self.run_dir / name, self.run_dir) for name in _run_dir_files(self.run_dir)
                  if _candidate(str(self.run_dir / name))]
        for folder in self._printed.update():
            if _apart(folder, self.cwd) and _apart(folder, self.run_dir):
                base = folder.parent.parent  # ~/ray_results/<experiment>: ray_results/...
                paths += [(path, base) for path in _candidates(folder, self.since, self.skip)]
        for path, base in paths:
            if path in self._found or path in self._rejected:
                continue
            kind, judged = self._kind(path)
            if kind is None:
                if judged:  # (a file with no whole first line yet is looked at again:
                    self._rejected.add(path)  # Keras' CSVLogger opens its file at the
                continue  # start and writes after an epoch, wandb 0.13 buffers 8 KB)
            with self._lock:  # sources() reads the dict from the recorder's thread
                self._found[path] = Found(path, kind, path.relative_to(base).as_posix())

    def _kind(self, path: Path) -> tuple[str | None, bool]:
        """The file's kind, and whether a file of no kind can be told apart for good (its
        first line written whole, or a head's worth of bytes)."""
        if path.name.endswith(".json") and path.name not in files.JSON_NAMES:
            return None, True  # (any other JSON file is not read at all)
        try:
            with open(path, "rb") as handle:
                head = handle.read(HEAD_BYTES)
        except OSError:
            return None, True
        return files.kind_of_file(path, head), b"\n" in head or len(head) >= HEAD_BYTES

    def _refresh(self, found: Found, final: bool) -> None:
        try:
            stat = found.path.stat()
        except OSError:
            return
        if (stat.st_mtime_ns, stat.st_size) == (found.mtime_ns, found.size) \
                and stat.st_mtime_ns < found.read_ns - RACY_NS:
            return
        now = time.monotonic()
        if not final and stat.st_size > LARGE_BYTES and now - found.read_at < LARGE_EVERY_S:
            return
        found.read_at, found.read_ns = now, time.time_ns()
        if stat.st_size > files.MAX_SOURCE_BYTES:
            self._note(f"{found.label} is over {files.MAX_SOURCE_BYTES >> 20} MB: its "
                       "metrics are taken from the output only")
            found.mtime_ns, found.size = stat.st_mtime_ns, stat.st_size
            return
        try:
            data = found.path.read_bytes()[:files.MAX_SOURCE_BYTES]
        except OSError:
            return
        found.mtime_ns, found.size = stat.st_mtime_ns, stat.st_size
        copy = self._copy(found, data)
        try:
            parsed = files.parse(found.kind, data, copy or found.path, self.started)
        except MissingExtra as exc:
            self._note(f"{found.label}: {exc}")
            return
        with self._lock:
            found.observations = tuple(parsed)

    def _copy(self, found: Found, data: bytes) -> Path | None:
        """Keep the file's bytes in the run folder; None when it is there already."""
        if _inside(found.path, self.run_dir):
            return None
        target = self.run_dir / SOURCES_DIR / found.label
        try:
            make_dirs(target.parent, _dir_mode(self.file_mode))  # whatever the umask
            write_atomic(target, data, self.file_mode)
        except OSError as exc:
            self._note(f"cannot keep a copy of {found.label}: {exc.strerror or exc}")
            return None
        return target

    def _note(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    # -- what it found -------------------------------------------------------------------
    def labelled(self) -> list[Labelled]:
        return [(found.label, source) for found, source in self.sources()]

    def live_summaries(self, summarizer: MetricSummarizer,
                       directions: dict[str, str]) -> dict[str, MetricSummary] | None:
        """The summaries to show while the run goes; None while no file was found."""
        labelled = self.labelled()
        return live_summaries(summarizer, labelled, directions) if labelled else None

    def finish(self, summarizer: MetricSummarizer, metrics_path: Path) -> list[dict[str, object]]:
        """The command ended: read the files' final state, write the merged series into
        ``metrics.jsonl`` and ``summarizer``; what ``sources.yaml`` records."""
        self.stop()
        chosen = self.sources()
        if chosen:
            apply_sources(metrics_path, [(f.label, s) for f, s in chosen], summarizer,
                          self.file_mode)
        return [{"path": found.label, "kind": found.kind,
                 "copy": None if _inside(found.path, self.run_dir)
                 else f"{SOURCES_DIR}/{found.label}",
                 "observations": len(found.observations),
                 "metrics": sorted({o.name for o in found.observations})}
                for found, _ in chosen]

    def sources(self) -> list[tuple[Found, Source]]:
        """The files to take metrics from: the newest file of each kind (a folder with an
        older ``results.csv`` or a checkpoint's older ``trainer_state.json`` next to the
        live one), and every TensorBoard file and Ray Tune trial's ``result.json``, in the
        order of their names (a TensorBoard file's begins with its creation time: a resumed
        run's files one after another); not the TensorBoard file beside a trial's, nor
        MLflow's store when a file of another kind is there (``files.FALLBACK``)."""
        with self._lock:
            current = [f for f in self._found.values() if f.observations]
        newest: dict[str, Found] = {}
        chosen: list[Found] = []
        for found in sorted(current, key=lambda f: f.mtime_ns):
            if found.kind in files.EVERY_FILE:
                chosen.append(found)
            else:
                newest[found.kind] = found
        mirrored = files.mirrors((f.path, f.kind) for f in chosen)
        chosen = [f for f in chosen if f.path not in mirrored]
        # TensorBoard's file names begin with their creation time: a run's files in order
        chosen.sort(key=lambda f: f.path.as_posix())
        chosen += newest.values()
        if any(found.kind not in files.FALLBACK for found in chosen):
            chosen = [found for found in chosen if found.kind not in files.FALLBACK]
        prefixes = files.run_prefixes((found.path, found.kind) for found in chosen)
        return [(found, (found.kind, _prefixed(found.observations, prefixes.get(found.path))))
                for found in chosen]


def _candidates(root: Path, since: float, skip: set[Path]) -> list[Path]:
    """Files under ``root`` that may be framework metric files, changed since ``since``.

    Breadth first, so the shallow folders frameworks write to (``runs/detect/train``,
    ``lightning_logs/version_0``) are seen before a deep data set uses up the budget; only
    the candidates' names are stat()ed."""
    deadline = time.monotonic() + SCAN_MAX_S
    found: list[Path] = []
    level = [root]
    visited = 0
    for _ in range(SCAN_MAX_DEPTH):
        below: list[Path] = []
        for folder in level:
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            visited += len(entries)
            if visited > SCAN_MAX_ENTRIES or time.monotonic() > deadline:
                return found
            for entry in entries:
                try:
                    if entry.is_dir(follow_symlinks=False):
                        if not skip_dir(entry, skip):
                            below.append(Path(entry.path))
                    elif _candidate(entry.path) and entry.is_file(follow_symlinks=False) \
                            and entry.stat(follow_symlinks=False).st_mtime >= since:
                        found.append(Path(entry.path))
                except OSError:
                    continue
        level = below
        if not level:
            break
    return found


def _run_dir_files(run_dir: Path) -> list[str]:
    """Files the command saved under ``$TRACK_RUN_DIR`` (not track's own)."""
    names: list[str] = []
    for current, dirs, file_names in os.walk(run_dir):
        here = Path(current)
        if here == run_dir:
            dirs[:] = [d for d in dirs if d not in TRACK_FILES and d != SOURCES_DIR]
            file_names = [f for f in file_names if f not in TRACK_FILES]
        names += [str((here / f).relative_to(run_dir)) for f in file_names
                  if not f.startswith(".")]
        if len(names) > 10_000:
            break
    return names


def _apart(folder: Path, scanned: Path) -> bool:
    """Is a printed ``folder`` one to search besides ``scanned``: neither in it (searched
    already) nor above it, nor a folder as wide as a home or the root ("/", "/home/me")?"""
    if _inside(folder, scanned) or _inside(scanned, folder):
        return False
    return len(folder.parts) >= 3 and str(folder) != os.path.expanduser("~")


def _inside(path: Path, folder: Path) -> bool:
    with contextlib.suppress(ValueError):
        path.relative_to(folder)
        return True
    return False


def _dir_mode(file_mode: int) -> int:
    """A folder mode that goes with the store's file mode (read bits gain search bits)."""
    return file_mode | ((file_mode & 0o444) >> 2)


def kept_sources(run_dir: Path, started: float | None = None,
                 ) -> tuple[list[Labelled], list[str]]:
    """The framework files a finished run kept (``sources.yaml``), parsed again from the
    run folder's copies (``started``: when the run began, seconds since the epoch); and a
    note for each that cannot be read."""
    from exptrack.fsutil import read_yaml

    try:
        listed = read_yaml(run_dir / "sources.yaml")
    except FileNotFoundError:
        return [], []
    except (OSError, ValueError) as exc:
        return [], [f"sources.yaml cannot be read ({exc})"]
    entries = listed.get("sources") if isinstance(listed, dict) else None
    read: list[tuple[str, str, list[Observation], Path]] = []  # label, kind, values, path
    problems: list[str] = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        label, kind, copy = entry.get("path"), entry.get("kind"), entry.get("copy")
        if not isinstance(label, str) or kind not in files.KINDS:
            continue
        path = run_dir / (copy if isinstance(copy, str) else label)
        if not _inside(path.resolve(), run_dir.resolve()):
            continue  # a hand-edited sources.yaml never points outside the run
        try:
            data = path.read_bytes()[:files.MAX_SOURCE_BYTES]
            read.append((label, kind, files.parse(kind, data, path, started), path))
        except (OSError, MissingExtra) as exc:
            problems.append(f"{label}: {exc}")
    prefixes = files.run_prefixes((path, kind) for _, kind, _, path in read)
    return [(label, (kind, _prefixed(found, prefixes.get(path))))
            for label, kind, found, path in read], problems


def _prefixed(found: Sequence[Observation], prefix: str | None) -> tuple[Observation, ...]:
    """``found`` with each name after ``prefix`` (a run's, ``files.run_prefixes``)."""
    if not prefix:
        return tuple(found)
    return tuple(obs._replace(name=prefix + obs.name) for obs in found)
