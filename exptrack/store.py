"""The store: where it is, run ids, run folders, loading runs and resolving references.

Location order: ``--store`` > ``$TRACK_HOME`` > the nearest ``.track/`` walking up from
the current directory > ``<git top level>/.track`` > ``./.track``.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exptrack.errors import AmbiguousRef, RunNotFound, StoreError
from exptrack.model import GitState, MetricSummary, RunRecord

STORE_DIRNAME = ".track"
RUNS_DIRNAME = "runs"
ID_LENGTH = 8
RECENCY_REF = re.compile(r"^@(\d*)$")


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


class Store:
    """A folder of run folders."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.runs_dir = root / RUNS_DIRNAME

    def ensure(self) -> None:
        """Create the store; inside a git work tree its ``.gitignore`` keeps it invisible."""
        try:
            self.runs_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            ignore = self.root / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# exptrack store: never commit run folders\n*\n")
        except OSError as exc:
            raise StoreError(f"cannot create the store at {self.root}: {exc.strerror}") from exc

    def new_run_dir(self) -> tuple[str, Path]:
        """Reserve a fresh run id with an exclusive mkdir (safe across processes and hosts)."""
        import secrets

        self.ensure()
        for _ in range(100):
            run_id = secrets.token_hex(ID_LENGTH // 2)
            path = self.runs_dir / run_id
            try:
                path.mkdir(mode=0o700)
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

    def load_all(self) -> list[RunView]:
        """Every run, newest first: through the derived index (``index.py``), which re-reads
        every run folder added or changed since it was written."""
        from exptrack.index import load_views

        runs = load_views(self)
        runs.sort(key=lambda r: (r.record.started_at, r.id), reverse=True)
        return runs

    def load_heads(self) -> list[RunView]:
        """Every run, newest first, with only ``run.yaml`` read up front (the rest of a run
        is read when first used): what resolving a reference needs."""
        from exptrack.index import load_heads

        runs = load_heads(self)
        runs.sort(key=lambda r: (r.record.started_at, r.id), reverse=True)
        return runs

    def resolve(self, ref: str, runs: list[RunView] | None = None) -> RunView:
        """Find one run by ``@``/``@N`` (recency), exact id, exact name or unique id prefix."""
        ref = ref.strip()
        if runs is None:
            runs = self.load_heads()
        match = RECENCY_REF.match(ref)
        if match:
            index = int(match.group(1) or 0)
            if index >= len(runs):
                raise RunNotFound(ref, [] if runs else ())
            return runs[index]
        exact = [r for r in runs if r.id == ref]
        if exact:
            return exact[0]
        named = [r for r in runs if r.record.name == ref]
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            raise AmbiguousRef(ref, [f"{r.id} ({r.record.started_at[:16]})" for r in named])
        prefixed = [r for r in runs if r.id.startswith(ref.lower())] if ref else []
        if len(prefixed) == 1:
            return prefixed[0]
        if len(prefixed) > 1:
            raise AmbiguousRef(ref, [r.id for r in prefixed])
        close = [r.id for r in runs if ref and ref.lower()[:2] == r.id[:2]][:5]
        raise RunNotFound(ref, close)


def _read_mapping(path: Path, damaged: list[str], required: bool = False) -> dict[str, Any]:
    import yaml  # YAML is not needed when the index answers: imported on demand

    from exptrack.fsutil import read_yaml

    try:
        data = read_yaml(path)
    except FileNotFoundError:
        if required:
            damaged.append(f"{path.name} is missing")
        return {}
    except (OSError, yaml.YAMLError, ValueError):
        damaged.append(f"{path.name} cannot be parsed")
        return {}
    if data is None:
        if required:
            damaged.append(f"{path.name} is empty")
        return {}
    if not isinstance(data, dict):
        damaged.append(f"{path.name} is not a mapping")
        return {}
    return data


def load_run(path: Path) -> RunView:
    """Read a run folder; whatever is damaged is listed in ``damaged``, never raised.

    A ``running`` run whose recorder is gone is reported as ``crashed``."""
    view = read_run_files(path)
    mark_crashed(view)
    return view


def mark_crashed(view: RunView) -> None:
    """Live check, never cached: a ``running`` run whose recorder died is ``crashed``."""
    if view.record.status == "running" and not recorder_alive(view.record):
        view.record.status = "crashed"


def read_record(path: Path) -> RunRecord:
    """A run's ``run.yaml`` alone, as ``read_run_files`` reads it."""
    return RunRecord.from_dict(_read_mapping(path / "run.yaml", []), fallback_id=path.name)


def read_run_files(path: Path) -> RunView:
    """What a run's YAML files say, as written (no liveness check): what the index caches."""
    damaged: list[str] = []
    raw = _read_mapping(path / "run.yaml", damaged, required=True)
    record = RunRecord.from_dict(raw, fallback_id=path.name)
    if raw and record.format > 1:
        damaged.append(f"unknown format version {record.format}")
    params = _read_mapping(path / "params.yaml", damaged)
    summary = _read_mapping(path / "summary.yaml", damaged)
    metrics: dict[str, MetricSummary] = {}
    for name, value in (summary.get("metrics") or {}).items():
        parsed = MetricSummary.from_dict(value)
        if parsed is not None:
            metrics[str(name)] = parsed
    git = GitState.from_dict(_read_mapping(path / "git.yaml", damaged))
    return RunView(record=record, path=path, params=params, metrics=metrics, git=git,
                   damaged=damaged)


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


def finite_or_none(value: float | None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return value
