"""Push run folders to an MLflow tracking server, through MLflow's public client
(``mlflow-skinny``, the optional extra ``exptrack[mlflow]``; imported here only).

Idempotent: ``pushed.yaml`` in the run folder keeps, per server URI, the MLflow run, how
many observations it has, the artifacts sent and whether it is terminated. A push sends
only what the server does not have yet; one cut short resumes (the batch in flight is
checked against the server's history); without ``pushed.yaml`` the MLflow run is found
by its ``exptrack.run_id`` tag before a new one is made. Only what is on disk (redacted)
is sent; the server's credentials come from MLflow's own variables and are never written.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exptrack.errors import ExptrackError
from exptrack.integrations import mlflowmap as mm
from exptrack.store import RunView

PUSHED_FILE = "pushed.yaml"
ENV_URIS = ("TRACK_MLFLOW_URI", "MLFLOW_TRACKING_URI")
DEFAULT_ARTIFACTS = ("output.log", "git.patch", "env.yaml", "configs")
HINT = "MLflow is not installed: pip install 'exptrack[mlflow]'"


class MlflowMissing(ExptrackError):
    """The optional MLflow client is not installed."""

    def __init__(self) -> None:
        super().__init__(HINT)


class PushError(ExptrackError):
    """The server refused or could not be reached."""


@dataclass
class Pushed:
    """What one push did."""

    run: str
    uri: str
    mlflow_run_id: str = ""
    experiment_id: str = ""
    created: bool = False
    metrics_sent: int = 0
    metrics_total: int = 0
    params: int = 0
    artifacts: list[str] = field(default_factory=list)
    finished: bool = False
    skipped_artifacts: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dict(vars(self))


def resolve_uri(given: str | None, configured: str | None) -> str | None:
    """``--to``, else ``$TRACK_MLFLOW_URI``, ``$MLFLOW_TRACKING_URI``, else ``push:`` in
    track.yaml."""
    if given:
        return given
    for name in ENV_URIS:
        if os.environ.get(name):
            return os.environ[name]
    return configured or None


def public_uri(uri: str) -> str:
    """``uri`` without credentials (``https://user:token@host`` -> ``https://host``): what
    ``pushed.yaml`` keys by and what is printed."""
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(uri)
    except ValueError:
        return uri
    if "@" not in parts.netloc:
        return uri
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def check_reachable(uri: str, timeout: float = 5.0) -> None:
    """Raise ``PushError`` at once when an HTTP server does not answer (MLflow's client
    would retry for minutes)."""
    import urllib.error
    import urllib.request

    if not uri.startswith(("http://", "https://")):
        return
    try:
        with urllib.request.urlopen(uri.rstrip("/") + "/health", timeout=timeout):
            pass
    except urllib.error.HTTPError:
        return  # it answers (a proxy without /health, an auth wall): the client will tell
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PushError(f"cannot reach the MLflow server at {public_uri(uri)}: {reason}"
                        ) from None


def make_client(uri: str) -> Any:
    # MLflow 3 prints the run's link on stdout when it ends: not into `track push --json`.
    os.environ.setdefault("MLFLOW_SUPPRESS_PRINTING_URL_TO_STDOUT", "true")
    try:
        from mlflow.tracking import MlflowClient
    except ImportError:
        raise MlflowMissing() from None
    return MlflowClient(tracking_uri=uri)


# ---------------------------------------------------------------- pushed.yaml

def read_state(run_dir: Path) -> dict[str, Any]:
    from exptrack.fsutil import YamlError, read_yaml

    try:
        data = read_yaml(run_dir / PUSHED_FILE)
    except (OSError, YamlError):
        return {}
    return data if isinstance(data, dict) else {}


def write_state(run_dir: Path, uri: str, entry: dict[str, Any]) -> None:
    from exptrack.fsutil import write_yaml

    data = read_state(run_dir)
    data[uri] = entry
    write_yaml(run_dir / PUSHED_FILE, data)


def note_pending(run_dir: Path, uri: str, reason: str) -> None:
    """Note in ``pushed.yaml`` why a live push could not complete (best effort)."""
    try:
        uri = public_uri(uri)
        entry = read_state(run_dir).get(uri)
        entry = dict(entry) if isinstance(entry, dict) else {"finished": False}
        entry["pending"] = reason
        write_state(run_dir, uri, entry)
    except OSError:
        pass


def fully_pushed(run_dir: Path, uri: str) -> bool:
    entry = read_state(run_dir).get(public_uri(uri))
    return isinstance(entry, dict) and entry.get("finished") is True


# ---------------------------------------------------------------- the push

def _experiment_id(client: Any, name: str) -> str:
    found = client.get_experiment_by_name(name)
    if found is not None:
        return str(found.experiment_id)
    try:
        return str(client.create_experiment(name))
    except Exception:  # made meanwhile by another push
        found = client.get_experiment_by_name(name)
        if found is None:
            raise
        return str(found.experiment_id)


def _find_run(client: Any, entry: dict[str, Any], experiment_id: str, run_id: str) -> str | None:
    """The MLflow run this run was pushed to: the one ``pushed.yaml`` names while the
    server still has it, else the one tagged with its id."""
    known = entry.get("run_id")
    if isinstance(known, str):
        try:
            if client.get_run(known).info.lifecycle_stage == "active":
                return known
        except Exception:  # deleted on the server, or another server's database
            pass
    found = client.search_runs([experiment_id],
                               filter_string=f"tags.`{mm.TAG_RUN_ID}` = '{run_id}'",
                               max_results=1)
    return str(found[0].info.run_id) if found else None


def _batches(items: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _not_on_server(client: Any, mlflow_run: str, points: list[mm.Point]) -> list[mm.Point]:
    """``points`` less those the server already has (a batch whose sending was cut short:
    sent, perhaps, but not counted)."""
    have: Counter[tuple[str, int, int, float]] = Counter()
    for key in {p.key for p in points}:
        for m in client.get_metric_history(mlflow_run, key):
            have[(key, int(m.step), int(m.timestamp), float(m.value))] += 1
    missing = []
    for p in points:
        ident = (p.key, p.step, p.timestamp, p.value)
        if have[ident] > 0:
            have[ident] -= 1
        else:
            missing.append(p)
    return missing


def push_run(client: Any, uri: str, run: RunView, experiment: str,
             artifacts: bool = False, max_artifact_mb: float | None = 100.0,
             final: bool = True) -> Pushed:
    """Bring the MLflow run of ``run`` up to date on ``uri``; with ``final`` (and the run
    ended) send its artifacts and terminate it."""
    from mlflow.entities import Metric, Param, RunTag

    from exptrack.jsonl import read_series

    uri = public_uri(uri)  # the key in pushed.yaml: never a credential
    entry = read_state(run.path).get(uri)
    entry = dict(entry) if isinstance(entry, dict) else {}
    entry.pop("pending", None)
    record = run.record
    start_ms = mm.iso_ms(record.started_at) or 0
    result = Pushed(run=run.id, uri=uri)
    experiment_id = str(entry.get("experiment_id") or _experiment_id(client, experiment))
    mlflow_run = _find_run(client, entry, experiment_id, run.id)
    if mlflow_run is None or mlflow_run != entry.get("run_id"):
        entry = {"metrics_pushed": 0, "artifacts": {}, "finished": False}
    if mlflow_run is None:
        created = client.create_run(experiment_id, start_time=start_ms,
                                    tags={mm.TAG_RUN_ID: run.id},
                                    run_name=record.name or record.id)
        mlflow_run, result.created = str(created.info.run_id), True
    entry.update(run_id=mlflow_run, experiment_id=experiment_id)
    write_state(run.path, uri, entry)
    result.mlflow_run_id, result.experiment_id = mlflow_run, experiment_id

    notes = mm.Notes()
    params = mm.flat_params(run.params, notes)
    keys = mm.KeyMap(notes)
    rows, _ = read_series(run.path / "metrics.jsonl")
    points = mm.metric_points(rows, keys, start_ms)
    tags = mm.run_tags(record, read_git(run.path), notes)
    tags.update(mm.note_tags(notes))
    if not entry.get("params"):
        for chunk in _batches([Param(k, v) for k, v in params.items()], mm.MAX_PARAMS_PER_BATCH):
            client.log_batch(mlflow_run, params=chunk)
        entry["params"] = True
        result.params = len(params)
    for chunk in _batches([RunTag(k, v) for k, v in tags.items()], mm.MAX_PARAMS_PER_BATCH):
        client.log_batch(mlflow_run, tags=chunk)

    done = int(entry.get("metrics_pushed") or 0)
    result.metrics_total = len(points)
    sending = entry.pop("metrics_sending", None)
    if isinstance(sending, int) and sending > done:  # cut short: what reached the server?
        resend = _not_on_server(client, mlflow_run, points[done:sending])
        for chunk in _batches(resend, mm.MAX_METRICS_PER_BATCH):
            client.log_batch(mlflow_run, metrics=[Metric(p.key, p.value, p.timestamp, p.step)
                                                  for p in chunk])
        result.metrics_sent += len(resend)
        done = sending
        entry["metrics_pushed"] = done
        write_state(run.path, uri, entry)
    for chunk in _batches(points[done:], mm.MAX_METRICS_PER_BATCH):
        entry["metrics_sending"] = done + len(chunk)
        write_state(run.path, uri, entry)
        client.log_batch(mlflow_run, metrics=[Metric(p.key, p.value, p.timestamp, p.step)
                                              for p in chunk])
        done += len(chunk)
        entry["metrics_pushed"] = done
        entry.pop("metrics_sending")
        write_state(run.path, uri, entry)
        result.metrics_sent += len(chunk)

    if final and record.status != "running":
        sent = entry.setdefault("artifacts", {})
        limit = None if max_artifact_mb is None else int(max_artifact_mb * 1024 * 1024)
        for name, path in artifact_files(run, artifacts, limit, result.skipped_artifacts):
            size = path.stat().st_size
            if sent.get(name) == size:
                continue
            folder = os.path.dirname(name)
            client.log_artifact(mlflow_run, str(path), artifact_path=folder or None)
            sent[name] = size
            write_state(run.path, uri, entry)
            result.artifacts.append(name)
        client.set_terminated(mlflow_run, status=mm.status_of(record),
                              end_time=mm.iso_ms(record.ended_at))
        entry["finished"] = True
        write_state(run.path, uri, entry)
    result.finished = bool(entry.get("finished"))
    return result


def default_experiment(run: RunView) -> str:
    """``$MLFLOW_EXPERIMENT_NAME``, else the run's project: its git top level's folder
    name, else its working directory's."""
    named = os.environ.get("MLFLOW_EXPERIMENT_NAME")
    if named:
        return named
    root = read_git(run.path).get("root")
    return Path(root if isinstance(root, str) and root else run.record.cwd).name or "exptrack"


def read_git(run_dir: Path) -> dict[str, Any]:
    from exptrack.fsutil import YamlError, read_yaml

    try:
        data = read_yaml(run_dir / "git.yaml")
    except (OSError, YamlError):
        return {}
    return data if isinstance(data, dict) else {}


def artifact_files(run: RunView, recorded: bool, limit: int | None,
                   skipped: list[str]) -> list[tuple[str, Path]]:
    """(name in MLflow, file) to send: output.log, git.patch, env.yaml, configs/; with
    ``recorded`` the run's recorded artifacts too (those copied into the run folder or
    saved there, and those still in the working directory unchanged, never a credential
    file); files over ``limit`` bytes are listed in ``skipped``."""
    found: list[tuple[str, Path]] = []
    for name in DEFAULT_ARTIFACTS:
        path = run.path / name
        if path.is_dir():
            found += [(p.relative_to(run.path).as_posix(), p) for p in sorted(path.rglob("*"))
                      if p.is_file() and not p.is_symlink()]
        elif path.is_file():
            found.append((name, path))
    if recorded:
        found += _recorded(run)
    kept = []
    for name, path in found:
        try:
            size = path.stat().st_size
        except OSError:
            continue
        if limit is not None and size > limit and not name.startswith(DEFAULT_ARTIFACTS):
            skipped.append(name)
        else:
            kept.append((name, path))
    return kept


def _recorded(run: RunView) -> list[tuple[str, Path]]:
    from exptrack.capture.redact import holds_private_key, is_secret_file
    from exptrack.fsutil import YamlError, read_yaml

    try:
        data = read_yaml(run.path / "artifacts.yaml")
    except (OSError, YamlError):
        return []
    items = data.get("artifacts") if isinstance(data, dict) else None
    found: list[tuple[str, Path]] = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("path"), str):
            continue
        rel = item["path"]
        if item.get("location") == "run_dir":
            path = run.path / rel
        elif item.get("copied"):
            path = run.path / "artifacts" / rel
        else:
            path = Path(run.record.cwd) / rel
            try:
                if path.stat().st_size != item.get("size") or is_secret_file(str(path)):
                    continue
                with open(path, "rb") as handle:
                    if holds_private_key(handle.read(64 * 1024)):
                        continue
            except OSError:
                continue
        if path.is_file() and not path.is_symlink():
            found.append((f"artifacts/{rel.lstrip('/')}", path))
    return found

