"""Framework metric files of session 96 (real ``track run`` processes where a run is needed):
DVCLive's ``dvclive/plots/metrics/<key>.tsv`` (a metric a file) and Sacred's
``FileStorageObserver`` ``metrics.json``, trackers' records, so that a framework's own file
wins beside them; the printed name of no phase is a file's training series; and JSON files
nested past Python's parser depth."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from conftest import track, track_json

from exptrack.metrics import dvclivefiles, files
from exptrack.metrics.observation import Observation

ZOO = Path(__file__).parent / "data" / "zoo" / "dvclive_logistic" / "pipe" / "files"

# What DVCLive's Live.log_metric and next_step() leave: a file a key, its "/" parts folders,
# "step<TAB><last part>" and a row a step (the exact float); the loop prints rounded values
TRAINING = r"""
import os
os.makedirs("dvclive/plots/metrics/train", exist_ok=True)
os.makedirs("dvclive/plots/metrics/eval", exist_ok=True)
losses = [0.6931471805599453, 0.5123456789012345, 0.4011223344556677]
accs = [0.71, 0.75, 0.8125]
for key, values in (("train/loss", losses), ("eval/acc", accs)):
    with open(f"dvclive/plots/metrics/{key}.tsv", "w") as out:
        out.write("step\t" + key.rpartition("/")[2] + "\n")
for step, (loss, acc) in enumerate(zip(losses, accs)):
    for key, value in (("train/loss", loss), ("eval/acc", acc)):
        with open(f"dvclive/plots/metrics/{key}.tsv", "a") as out:
            out.write(f"{step}\t{value!r}\n")
    print(f"epoch {step}: train loss {loss:.4f} | eval acc {acc:.3f}", flush=True)
"""


def test_a_run_records_dvclive_files_exactly_as_one_series_each(tmp_path: Path,
                                                                track_home: Path) -> None:
    track("run", "--", sys.executable, "-c", TRAINING, cwd=tmp_path, check=True)
    metrics: dict[str, Any] = track_json("show", "@")["metrics"]
    assert metrics["train/loss"]["last"] == 0.4011223344556677  # exact, not 0.4011
    assert metrics["train/loss"]["count"] == 3 and metrics["train/loss"]["last_step"] == 2
    assert metrics["eval/acc"]["last"] == 0.8125
    # the printed "train loss" and "eval acc" are the files' series, not two more
    assert set(metrics) == {"train/loss", "eval/acc"}
    listed = (track_home / "runs").glob("*/sources.yaml")
    assert "kind: dvclive" in next(listed).read_text()


def test_a_dvclive_file_is_told_by_its_folders_and_header() -> None:
    loss = ZOO / "dvclive" / "plots" / "metrics" / "train" / "loss.tsv"
    head = loss.read_bytes()[:4096]
    assert files.kind_at(loss, head) == files.DVCLIVE
    assert dvclivefiles.file_key(loss) == "train/loss"
    found = files.parse(files.DVCLIVE, loss.read_bytes(), loss)
    assert [o.step for o in found] == list(range(6)) and {o.name for o in found} == {
        "train/loss"}
    # a TSV elsewhere, or whose last column is not its own name, is not one
    assert files.kind_at(tmp := Path("results/train/loss.tsv"), head) is None, tmp
    assert files.kind_at(loss, b"step\tacc\n0\t0.5\n") is None


def test_a_dvclive_row_still_being_written_waits() -> None:
    data = b"timestamp\tstep\tloss\n1700000000000\t0\t0.5\n1700000000100\t1\t0.4\n17000"
    assert [(o.value, o.step) for o in dvclivefiles.read_file(data, "loss")] == [
        (0.5, 0), (0.4, 1)]


def test_a_framework_file_beside_dvclive_files_wins(tmp_path: Path, track_home: Path) -> None:
    # DVCLive's Keras callback beside the script's own CSVLogger: one record of the values,
    # the framework's (as MLflow's store gives way)
    both = TRAINING + (
        "with open('history.csv', 'w') as out:\n"
        "    out.write('epoch,loss\\n' + ''.join(f'{i},{v!r}\\n' for i, v in enumerate(losses)))\n")
    track("run", "--", sys.executable, "-c", both, cwd=tmp_path, check=True)
    metrics: dict[str, Any] = track_json("show", "@")["metrics"]
    assert "train/loss" not in metrics and metrics["loss"]["last"] == 0.4011223344556677


# Sacred's FileStorageObserver rewrites runs/<id>/metrics.json at each heartbeat and at the
# end: every log_scalar of the run, a name's steps and values side by side
SACRED = r"""
import json, os
os.makedirs("runs/1", exist_ok=True)
losses = [0.6177281906008123, 0.5610142372107453, 0.5175003321557809]
accs = [0.9, 0.92, 0.94]
for epoch, (loss, acc) in enumerate(zip(losses, accs)):
    print(f"Epoch {epoch}: loss {loss:.4f}, test accuracy {acc:.3f}", flush=True)
logged = {"training.loss": {"steps": [0, 1, 2], "values": losses,
                            "timestamps": ["2026-12-06T15:15:34.468340"] * 3},
          "test.accuracy": {"steps": [0, 1, 2], "values": accs,
                            "timestamps": ["2026-12-06T15:15:34.468353"] * 3}}
with open("runs/1/metrics.json", "w") as out:
    json.dump(logged, out, indent=2)
"""


def test_a_run_records_sacred_metrics_and_the_printed_loss_is_the_training_s(
        tmp_path: Path, track_home: Path) -> None:
    track("run", "--", sys.executable, "-c", SACRED, cwd=tmp_path, check=True)
    metrics: dict[str, Any] = track_json("show", "@")["metrics"]
    assert metrics["training.loss"]["last"] == 0.5175003321557809  # exact, not 0.5175
    assert metrics["test.accuracy"]["count"] == 3
    # the printed "loss" (no phase: the training's) and "test accuracy" are the file's
    # series, not two more (before: "loss" stood beside "training.loss")
    assert set(metrics) == {"training.loss", "test.accuracy"}


def test_metrics_json_kinds_are_told_apart() -> None:
    sacred = b'{\n  "training.loss": {\n    "steps": [\n      0\n'
    assert files.kind_of("metrics.json", sacred) == files.SACRED
    detectron2 = b'{"data_time": 0.01, "iteration": 19, "total_loss": 1.2}\n'
    assert files.kind_of("metrics.json", detectron2) == files.DETECTRON2
    dvclive = b'{\n    "train": {\n        "loss": 0.25\n    },\n    "step": 3\n}'
    assert files.kind_of("metrics.json", dvclive) is None
    cut = b'{\n  "training.loss": {\n    "steps": [0, 1], "values": [0.5, 0.'
    assert files.parse(files.SACRED, cut) == []  # rewritten at a heartbeat: cut short


def test_json_nested_past_the_parser_s_depth_gives_nothing() -> None:
    # a hostile or broken file of the right name: no metrics, never a RecursionError out of
    # the reader (`track reparse` would have shown a traceback)
    deep = b"[" * 100_000
    assert files.parse(files.HF_TRAINER, b'{"log_history": ' + deep) == []
    assert files.parse(files.SACRED, b'{\n  "loss": {\n    "steps": ' + deep) == []
    assert files.parse(files.MMENGINE, b'{"loss": 0.5, "step": 1}\n' + deep + b"\n") == [
        Observation("loss", 0.5, 1, None)]
