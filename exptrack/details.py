"""The parts of a run that `show --json` adds to the summary: environment, resources,
artifacts and data inputs, read from their files in the run folder (absent -> empty)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from exptrack.fsutil import read_yaml
from exptrack.model import MetricSummary
from exptrack.store import RunView


def _read(path: Path) -> Any:
    try:
        return read_yaml(path)
    except (OSError, ValueError):  # ValueError: fsutil.YamlError too
        return None


def read_artifacts(folder: Path) -> list[dict[str, Any]]:
    """The entries of a run's ``artifacts.yaml`` (absent or unreadable: none)."""
    artifacts = _read(folder / "artifacts.yaml")
    found = artifacts.get("artifacts") if isinstance(artifacts, dict) else None
    return [item for item in found if isinstance(item, dict)] if isinstance(found, list) \
        else []


def run_details(run: RunView) -> dict[str, Any]:
    """``env``, ``resources``, ``artifacts``, ``inputs`` of a run (see docs/format.md)."""
    env = _read(run.path / "env.yaml")
    resources = _read(run.path / "resources.yaml")
    artifacts = _read(run.path / "artifacts.yaml")
    inputs = _read(run.path / "inputs.yaml")
    return {
        "env": env if isinstance(env, dict) else {},
        "resources": resources if isinstance(resources, dict) else {},
        "artifacts": (artifacts or {}).get("artifacts", []) if isinstance(artifacts, dict)
        else [],
        "inputs": (inputs or {}).get("inputs", []) if isinstance(inputs, dict) else [],
    }


def live_metrics(run: RunView, directions: dict[str, str]) -> dict[str, MetricSummary]:
    """The metrics of a running run as of now. The recorder rewrites ``summary.yaml`` now
    and then; ``metrics.jsonl`` has every observation as it happens: when it is newer, the
    summaries are rebuilt from it (nothing is written), and each replaces the recorded
    one it has more values than (a framework file's summary can hold more)."""
    source = run.path / "metrics.jsonl"
    try:
        newest = source.stat().st_mtime
        if newest <= (run.path / "summary.yaml").stat().st_mtime:
            return run.metrics
    except FileNotFoundError:
        if not source.exists():
            return run.metrics
    except OSError:
        return run.metrics
    from exptrack.jsonl import observation_batches
    from exptrack.metrics.summary import MetricSummarizer

    summarizer = MetricSummarizer(directions)
    for batch in observation_batches(source):
        summarizer.add(batch)
    metrics = dict(run.metrics)
    for name, summary in summarizer.summaries.items():
        recorded = metrics.get(name)
        if recorded is None or recorded.count < summary.count:
            metrics[name] = summary
    return metrics


_HEX = frozenset("0123456789abcdef")
MIN_HASH_PREFIX = 8


def artifact_wanted(query: str) -> tuple[str | None, Path | None]:
    """(sha256 or prefix, path) that ``--artifact QUERY`` asks for (see below)."""
    wanted = query.strip()
    digest: str | None = None
    target: Path | None = None
    if len(wanted) >= MIN_HASH_PREFIX and set(wanted.lower()) <= _HEX:
        digest = wanted.lower()
    else:
        target = Path(wanted).expanduser().absolute()
        if target.is_file():
            from exptrack.capture.artifacts import sha256_file

            try:
                digest = sha256_file(target)
            except OSError:
                digest = None  # unreadable: match by path
    return digest, target


def runs_with_artifact(runs: list[RunView], query: str) -> list[RunView]:
    """The runs that produced an artifact: ``query`` is a sha256 (or a prefix of at least
    8 hex digits), an existing file (matched by its content's sha256; by path where the run
    recorded no hash), or a path as the run recorded it (relative to the run's cwd, or
    absolute)."""
    digest, target = artifact_wanted(query)
    found = []
    for run in runs:
        for item in run_details(run)["artifacts"]:
            if isinstance(item, dict) and _artifact_matches(item, run, digest, target):
                found.append(run)
                break
    return found


def _artifact_matches(item: dict[str, Any], run: RunView, digest: str | None,
                      target: Path | None) -> bool:
    recorded = item.get("sha256")
    if digest is not None and recorded:
        return str(recorded).startswith(digest)  # the content decides, wherever it lies
    if target is None:
        return False
    base = run.path if item.get("location") == "run_dir" else Path(run.record.cwd or "/")
    return (base / str(item.get("path", ""))) == target
