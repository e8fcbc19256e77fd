"""A framework file rewritten within the file system's clock tick of being read (session 98).

SQLite rewrites mlflow.db's pages in place: a look that read the file in the middle of a
write kept a torn copy, and when the last write came in the same clock tick at the same
size, the final look saw an unchanged time and size and never read it again (the project's
CI once recorded no metric at all for MLflow's nested runs)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from exptrack.capture.metricfiles import RACY_NS, MetricFileWatcher


def _watcher(tmp_path: Path) -> MetricFileWatcher:
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    return MetricFileWatcher(tmp_path / "work", run_dir, time.time() - 5, set(), 0o644)


def _lasts(watcher: MetricFileWatcher) -> dict[str, float]:
    return {obs.name: obs.value for found, _ in watcher.sources() for obs in found.observations}


def _rewrite_keeping_stat(path: Path, text: str) -> None:
    before = path.stat()
    path.write_text(text)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_mtime_ns, path.stat().st_size) == (before.st_mtime_ns,
                                                               before.st_size)


def test_a_file_changed_in_the_tick_it_was_read_is_read_again(tmp_path: Path) -> None:
    (tmp_path / "work").mkdir()
    log = tmp_path / "work" / "training.log"  # Keras' CSVLogger's
    log.write_text("epoch,loss,val_loss\n0,0.91,0.95\n")
    watcher = _watcher(tmp_path)
    watcher.poll(scan=True)
    assert _lasts(watcher) == {"loss": 0.91, "val_loss": 0.95}
    _rewrite_keeping_stat(log, "epoch,loss,val_loss\n0,0.81,0.85\n")
    watcher.poll(scan=False, final=True)
    assert _lasts(watcher) == {"loss": 0.81, "val_loss": 0.85}
    kept = tmp_path / "run" / "sources" / "training.log"
    assert kept.read_text().endswith("0.81,0.85\n")  # the copy reparse reads, too


def test_an_old_unchanged_file_is_not_read_again(tmp_path: Path) -> None:
    (tmp_path / "work").mkdir()
    log = tmp_path / "work" / "training.log"
    log.write_text("epoch,loss,val_loss\n0,0.91,0.95\n")
    old = time.time_ns() - 3 * RACY_NS  # written well before it was read
    os.utime(log, ns=(old, old))
    watcher = _watcher(tmp_path)
    watcher.since = old / 1e9 - 5
    watcher.poll(scan=True)
    kept = tmp_path / "run" / "sources" / "training.log"
    kept.unlink()
    watcher.poll(scan=False, final=True)
    assert not kept.exists()  # an unchanged settled file costs no second read or copy
    assert _lasts(watcher) == {"loss": 0.91, "val_loss": 0.95}
