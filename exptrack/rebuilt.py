"""The metric summaries of a crashed run, rebuilt once from its ``metrics.jsonl`` (its
recorder died before its last ``summary.yaml``) and kept beside it in
``summary.rebuilt.json``."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from exptrack.jsonl import observation_batches
from exptrack.model import SUMMARY_FIELDS, MetricSummary

REBUILT_NAME = "summary.rebuilt.json"
MAX_REBUILT_BYTES = 16 * 1024 * 1024  # a bigger cache is not read, but rebuilt
_REBUILT_SCHEMA = "1:" + ",".join(SUMMARY_FIELDS)


def rebuilt_summary(run_dir: Path, damaged: list[str]) -> dict[str, MetricSummary]:
    """The metric summaries of ``run_dir``'s ``metrics.jsonl`` (a crashed run's recorder
    died before its last summary). Rebuilt once, streaming the file, and kept in
    ``summary.rebuilt.json`` (keyed by the file's size, mtime and inode, so any change
    rebuilds it); where the run folder cannot be written, rebuilt at each read."""
    from exptrack.metrics import MetricSummarizer

    source = run_dir / "metrics.jsonl"
    try:
        st = os.stat(source)
    except OSError:
        return {}
    key = [_REBUILT_SCHEMA, st.st_size, st.st_mtime_ns, st.st_ino]
    cached = _read_rebuilt(run_dir / REBUILT_NAME, key)
    if cached is not None:
        metrics, problems = cached
        damaged.extend(problems)
        return metrics
    summarizer = MetricSummarizer()
    problems = []
    for batch in observation_batches(source, problems):
        summarizer.add(batch)
    damaged.extend(problems)
    _write_rebuilt(run_dir / REBUILT_NAME, key, summarizer.summaries, problems,
                   st.st_mode & 0o666)
    return summarizer.summaries


def _read_rebuilt(path: Path, key: list[Any],
                  ) -> tuple[dict[str, MetricSummary], list[str]] | None:
    from exptrack.fsutil import read_bounded

    try:
        raw = read_bounded(path, MAX_REBUILT_BYTES)
        if raw is None:
            return None
        data = json.loads(raw)
        if data["key"] != key or not isinstance(data["damaged"], list):
            return None
        metrics = {str(name): MetricSummary(*fields)
                   for name, fields in data["metrics"].items()}
        return metrics, [str(problem) for problem in data["damaged"]]
    except Exception:  # absent, stale, corrupt or hand-edited: rebuilt
        return None


def _write_rebuilt(path: Path, key: list[Any], metrics: dict[str, MetricSummary],
                   problems: list[str], mode: int) -> None:
    from exptrack.fsutil import write_atomic

    data = {"key": key, "damaged": problems,
            "metrics": {name: [getattr(m, f) for f in SUMMARY_FIELDS]
                        for name, m in metrics.items()}}
    try:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        if len(text) <= MAX_REBUILT_BYTES:
            write_atomic(path, text.encode("utf-8"), mode or 0o600)
    except (OSError, ValueError):
        pass  # a run folder we cannot write (another user's run, a read-only store)
