"""The store: where it is, run ids, run folders, loading runs and resolving references.

Location order: ``--store`` > ``$TRACK_HOME`` > the nearest ``.track/`` walking up from
the current directory > ``<git top level>/.track`` > ``./.track``.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from exptrack.errors import StoreError
from exptrack.model import FORMAT_VERSION, GitState, MetricSummary, RunRecord
from exptrack.refs import resolve_one

STORE_DIRNAME = ".track"
RUNS_DIRNAME = "runs"
STORE_CONFIG = "store.yaml"
# store.yaml ``permissions``: who may read run folders (dir mode, file mode).
PERMISSIONS = {"private": (0o700, 0o600), "group": (0o750, 0o640), "public": (0o755, 0o644)}
# The store's own folders (the store, runs/, cache/): group members of a shared store
# record runs too; setgid, so that every run folder gets the store's group. Never o+w.
STORE_DIR_MODES = {"private": 0o700, "group": 0o2770, "public": 0o2775}
YOUNG_RUN_S = 10.0  # a run folder this young without run.yaml is still being created
UNREADABLE_STATUS = "unknown"  # the status of a run folder we may not read
ID_LENGTH = 8


def find_store(explicit: str | os.PathLike[str] | None = None, cwd: Path | None = None) -> Path:
    """Return the store path by the documented precedence (it may not exist yet)."""
    if explicit:
        return Path(explicit).expanduser().absolute()
    env = os.environ.get("TRACK_HOME")
    if env:
        return Path(env).expanduser().absolute()
    here = (cwd or Path.cwd()).absolute()
    git_root: Path | None = None
    for folder in (here, *here.parents):
        candidate = folder / STORE_DIRNAME
        if candidate.is_dir():
            return candidate
        if git_root is None and (folder / ".git").exists():
            git_root = folder
    if git_root is not None:
        return git_root / STORE_DIRNAME
    return here / STORE_DIRNAME


class Modes(NamedTuple):
    dir: int  # run folders
    file: int  # their files
    store: int = 0o700  # the store's own folders


@dataclass
class RunView:
    """A run as read back from its folder, with what could not be read listed."""

    record: RunRecord
    path: Path
    params: dict[str, Any] = field(default_factory=dict)
    metrics: dict[str, MetricSummary] = field(default_factory=dict)
    git: GitState = field(default_factory=GitState)
    damaged: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def name(self) -> str | None:
        return self.record.name

    def metric(self, name: str) -> MetricSummary | None:
        """One metric's summary, or None (an indexed view decodes only this one)."""
        return self.metrics.get(name)

    def metric_names(self) -> Collection[str]:
        """The names of the run's metrics (an indexed view builds no summary for this)."""
        return self.metrics.keys()


class Store:
    """A folder of run folders."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.runs_dir = root / RUNS_DIRNAME

    def ensure(self) -> Modes:
        """Create the store; inside a git work tree its ``.gitignore`` keeps it invisible.
        The store's folders get the mode of its ``permissions`` whatever the umask (those
        we own are set again, so a changed setting or a loose umask is corrected)."""
        from exptrack.fsutil import make_dirs, write_atomic

        modes = self.modes()
        try:
            make_dirs(self.runs_dir, modes.store)
            for folder in (self.root, self.runs_dir):
                _set_mode(folder, modes.store)
            ignore = self.root / ".gitignore"
            if not ignore.exists():
                write_atomic(ignore, b"# exptrack store: never commit run folders\n*\n",
                             modes.file | 0o444)
        except OSError as exc:
            raise StoreError(f"cannot create the store at {self.root}: {exc.strerror}") from exc
        return modes

    def permissions(self) -> str:
        """``permissions`` of ``<store>/store.yaml``: ``private`` (the default: owner only),
        ``group`` or ``public`` (readable by the group / everyone). Anything unreadable or
        unknown counts as ``private``: a typo never exposes runs."""
        from exptrack.fsutil import read_yaml

        if not (self.root / STORE_CONFIG).exists():
            return "private"
        try:
            config = read_yaml(self.root / STORE_CONFIG)
        except (OSError, ValueError):  # ValueError: fsutil.YamlError too
            return "private"
        value = config.get("permissions") if isinstance(config, dict) else None
        return value if isinstance(value, str) and value in PERMISSIONS else "private"

    def modes(self) -> Modes:
        permissions = self.permissions()
        return Modes(*PERMISSIONS[permissions], STORE_DIR_MODES[permissions])

    def apply_modes(self, run_dir: Path) -> None:
        """Give a finished run folder's files the store's modes (a no-op when private:
        the folder is already owner-only and our files are 0600)."""
        modes = self.modes()
        if modes == Modes(*PERMISSIONS["private"]):
            return
        for folder, _dirs, files in os.walk(run_dir):
            with contextlib.suppress(OSError):
                os.chmod(folder, modes.dir)
            for name in files:
                target = os.path.join(folder, name)
                if not os.path.islink(target):
                    with contextlib.suppress(OSError):
                        os.chmod(target, modes.file)

    def new_run_dir(self) -> tuple[str, Path]:
        """Reserve a fresh run id with an exclusive mkdir (safe across processes and hosts)."""
        import secrets

        dir_mode = self.ensure().dir
        for _ in range(100):
            run_id = secrets.token_hex(ID_LENGTH // 2)
            path = self.runs_dir / run_id
            try:
                path.mkdir(mode=0o700)
                if dir_mode != 0o700:
                    os.chmod(path, dir_mode)  # mkdir's mode is cut by the umask
            except FileExistsError:
                continue
            except OSError as exc:
                raise StoreError(f"cannot create a run folder in {self.runs_dir}: "
                                 f"{exc.strerror}") from exc
            return run_id, path
        raise StoreError(f"could not find a free run id in {self.runs_dir}")

    def run_ids(self) -> list[str]:
        try:
            return [e.name for e in os.scandir(self.runs_dir)
                    if e.is_dir() and not e.name.startswith(".")]
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise StoreError(f"cannot read the store at {self.root}: {exc.strerror}") from exc

    def load(self, run_id: str) -> RunView:
        return load_run(self.runs_dir / run_id)

    def load_folders(self) -> list[RunView]:
        """Every run read from its folder, newest first: slow on a large store, what the
        index (``index.py``) serves from its database; used when that cannot be."""
        runs = [load_run(self.runs_dir / run_id) for run_id in self.run_ids()]
        runs.sort(key=lambda run: (run.record.started_at, run.path.name), reverse=True)
        return runs

    def resolve_all(self, refs: Sequence[str], runs: list[RunView]) -> list[RunView]:
        """Find each run by ``@``/``@N`` (recency), exact id, exact name or unique id
        prefix among ``runs`` (newest first)."""
        ids = [run.id for run in runs]
        names = [run.name for run in runs]
        first_by_id = dict(zip(reversed(ids), reversed(runs), strict=True))
        return [resolve_one(ref.strip(), runs, ids, names, first_by_id) for ref in refs]


def _set_mode(folder: Path, mode: int) -> None:
    """``chmod`` a folder of ours whose permission bits differ from ``mode`` (setgid is
    not compared: the system may refuse it)."""
    with contextlib.suppress(OSError):
        st = os.stat(folder)
        if st.st_uid == os.geteuid() and (st.st_mode & 0o777) != (mode & 0o777):
            os.chmod(folder, mode)


def _read_mapping(path: Path, damaged: list[str], required: bool = False) -> dict[str, Any]:
    """A YAML mapping file, tolerantly: any problem is listed in ``damaged``, never raised.
    Loaded with the safe loader only: a ``!!python/...`` tag is a parse error here, and
    so are aliases that expand too far and a file over 16 MiB (``fsutil.read_yaml``)."""
    from exptrack.fsutil import YamlRefused, read_yaml

    try:
        data = read_yaml(path)
    except FileNotFoundError:
        if required:
            damaged.append(f"{path.name} is missing")
        return {}
    except OSError as exc:  # permission denied, a folder, an I/O error
        damaged.append(f"{path.name} cannot be read: {_reason(exc)}")
        return {}
    except YamlRefused as exc:
        damaged.append(f"{path.name} cannot be parsed: {exc.problem}")
        return {}
    except (ValueError, RecursionError):
        damaged.append(f"{path.name} cannot be parsed")
        return {}
    if data is None:
        if required:
            damaged.append(f"{path.name} is empty")
        return {}
    if not isinstance(data, dict):
        damaged.append(f"{path.name} is not a mapping")
        return {}
    return {str(key): value for key, value in data.items()}


def _reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def is_young(path: Path) -> bool:
    try:
        return time.time() - path.stat().st_mtime < YOUNG_RUN_S
    except OSError:
        return False


def load_run(path: Path) -> RunView:
    """Read a run folder; whatever is damaged is listed in ``damaged``, never raised.

    A ``running`` run whose recorder is gone is reported as ``crashed``."""
    view = read_run_files(path)
    mark_crashed(view)
    return view


def mark_crashed(view: RunView) -> None:
    """Live check, never cached: a ``running`` run whose recorder died is ``crashed``, with
    its metrics rebuilt from ``metrics.jsonl`` when the recorder died before its last
    summary (metrics.jsonl has every observation)."""
    record = view.record
    if record.status != "running":
        return
    if record.pid is None and not view.damaged and is_young(view.path):
        return  # `track run` reserved the folder a moment ago and is writing run.yaml
    if recorder_alive(record):
        return
    record.status = "crashed"
    if _newer(view.path / "metrics.jsonl", view.path / "summary.yaml"):
        from exptrack.rebuilt import rebuilt_summary

        damaged = view.damaged  # first: an indexed view loads its lazy fields on this read
        view.metrics = rebuilt_summary(view.path, damaged)


def read_record(path: Path) -> RunRecord:
    """A run's ``run.yaml`` alone, as ``read_run_files`` reads it."""
    damaged: list[str] = []
    record = RunRecord.from_dict(_read_mapping(path / "run.yaml", damaged),
                                 fallback_id=path.name)
    if damaged and _unreadable(path):
        record.status = UNREADABLE_STATUS
    return record


def _unreadable(path: Path) -> str | None:
    """Why a run folder cannot be read at all (no permission to enter it, or to read its
    run.yaml), or None."""
    try:
        with open(path / "run.yaml", "rb"):
            return None
    except PermissionError:
        return "run folder cannot be read: permission denied"
    except OSError:
        return None  # missing, or another problem: reported file by file


def read_run_files(path: Path) -> RunView:
    """What a run's YAML files say, as written (no liveness check): what the index caches."""
    damaged: list[str] = []
    unreadable = _unreadable(path)
    if unreadable:  # another user's private run in a shared store: listed, not read
        record = RunRecord.from_dict({}, fallback_id=path.name)
        record.status = UNREADABLE_STATUS
        return RunView(record=record, path=path, damaged=[unreadable])
    raw = _read_mapping(path / "run.yaml", damaged, required=True)
    record = RunRecord.from_dict(raw, fallback_id=path.name)
    if not raw and damaged == ["run.yaml is missing"] and is_young(path):
        # `track run` reserved the folder a moment ago and is about to write run.yaml.
        damaged.clear()
        record.status = "running"
    if raw and record.format > FORMAT_VERSION:
        damaged.append(f"unknown format version {record.format}")
    params = _read_mapping(path / "params.yaml", damaged)
    summary = _read_mapping(path / "summary.yaml", damaged)
    metrics: dict[str, MetricSummary] = {}
    summary_metrics = summary.get("metrics")
    if isinstance(summary_metrics, dict):
        for name, value in summary_metrics.items():
            parsed = MetricSummary.from_dict(value)
            if parsed is not None:
                metrics[str(name)] = parsed
            else:
                damaged.append(f"summary.yaml: metric {name} cannot be read")
    elif summary_metrics is not None:
        damaged.append("summary.yaml: metrics is not a mapping")
    git = GitState.from_dict(_read_mapping(path / "git.yaml", damaged))
    return RunView(record=record, path=path, params=params, metrics=metrics, git=git,
                   damaged=damaged)


def _newer(path: Path, than: Path) -> bool:
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return False
    try:
        return mtime > than.stat().st_mtime
    except OSError:
        return True


def recorder_alive(record: RunRecord) -> bool:
    """Is the recorder of a 'running' run still alive? Unknown hosts count as alive."""
    import socket

    if record.host and record.host != socket.gethostname():
        return True
    if not record.pid:
        return False
    try:
        os.kill(record.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A reused pid belongs to some other program: ours has exptrack in its command line.
    try:
        cmdline = Path(f"/proc/{record.pid}/cmdline").read_bytes()
    except OSError:
        return True
    return b"track" in cmdline or b"exptrack" in cmdline

