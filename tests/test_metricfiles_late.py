"""A framework file that exists before its first line is written (session 107).

Keras' CSVLogger opens ``training.log`` when training starts and writes its header after the
first epoch; wandb 0.13 writes a ``.wandb`` log's first bytes once 8 KB of records have
built up (milesial's Pytorch-UNet pins it). A look that found such a file empty took it for
another kind of file and never looked again: none of its metrics were recorded."""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from conftest import track, track_json

from exptrack.capture.metricfiles import MetricFileWatcher

DATA = Path(__file__).parent / "data"


def test_a_csv_logger_file_written_after_the_first_look_is_read(tmp_path: Path) -> None:
    script = r"""
import time
open("training.log", "w").close()  # CSVLogger's on_train_begin
time.sleep(4.5)  # an epoch: the watcher looks at the empty file meanwhile
with open("training.log", "w") as f:
    f.write("epoch,loss,val_loss\n0,0.6931712627410889,0.6913977861404419\n"
            "1,0.6800912022590637,0.6799812316894531\n")
"""
    track("run", "--", sys.executable, "-c", script, cwd=tmp_path, check=True)
    metrics = track_json("show", "@")["metrics"]
    assert metrics["loss"]["last"] == 0.6800912022590637 and metrics["loss"]["count"] == 2
    assert metrics["val_loss"]["last"] == 0.6799812316894531


def test_a_wandb_log_empty_at_first_is_read_once_written(tmp_path: Path) -> None:
    work, run_dir = tmp_path / "work", tmp_path / "run"
    folder = work / "wandb" / "offline-run-20261205_083330-t5jhq9n5"
    folder.mkdir(parents=True)
    run_dir.mkdir()
    log = folder / "run-t5jhq9n5.wandb"
    log.touch()
    watcher = MetricFileWatcher(work, run_dir, time.time() - 5, set(), 0o644)
    watcher.poll(scan=True)
    assert not watcher.sources()
    shutil.copyfile(DATA / "sources" / "run-t5jhq9n5.wandb", log)
    watcher.poll(scan=True, final=True)
    names = {obs.name for found, _ in watcher.sources() for obs in found.observations}
    assert names, "the wandb log was never read"
