"""Framework metric files as a source: found while the run goes, kept in the run folder,
their exact values merged with what the output printed (real `track run` processes)."""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from conftest import metric_rows, only_run, start_track, track, track_json

DATA = Path(__file__).parent / "data" / "sources"

# An Ultralytics-like run: results.csv gets a row at the end of each epoch (6 significant
# digits, like Ultralytics' "%.6g"), stdout shows the same values rounded, then a closing
# validation of best.pt that has no row in results.csv.
YOLO = r"""
import os, sys, time
os.makedirs("runs/detect/train", exist_ok=True)
rows = [(3.1234567, 0.512345), (2.9876543, 0.61234), (2.5432109, 0.7012345)]
with open("runs/detect/train/results.csv", "w") as f:
    f.write("epoch,time,train/box_loss,metrics/precision(B),metrics/mAP50-95(B),lr/pg0\n")
for epoch, (loss, p) in enumerate(rows, 1):
    print(f"epoch {epoch}/3 box_loss={loss:.4g} P={p:.3g}", flush=True)
    with open("runs/detect/train/results.csv", "a") as f:
        f.write(f"{epoch},{epoch * 1.5},{loss},{p},{p / 2},0.01\n")
    if epoch == 1 and len(sys.argv) > 1:
        while not os.path.exists(sys.argv[1]):
            time.sleep(0.1)
print("P=0.705", flush=True)  # as the validation header names it
"""


def _metrics(run: str = "@") -> dict[str, Any]:
    return track_json("show", run)["metrics"]  # type: ignore[no-any-return]


def _series(run_dir: Path, name: str) -> list[dict[str, Any]]:
    rows = metric_rows(run_dir / "metrics.jsonl")
    return [row for row in rows if row["name"] == name]


def test_results_csv_exact_values_and_the_closing_validation(tmp_path: Path,
                                                             track_home: Path) -> None:
    track("run", "--", sys.executable, "-c", YOLO, cwd=tmp_path, check=True)
    metrics = _metrics()
    assert metrics["box_loss"]["last"] == 2.5432109  # exact, not the printed 2.543
    assert metrics["box_loss"]["count"] == 3
    assert metrics["box_loss"]["min"] == 2.5432109 and metrics["box_loss"]["max"] == 3.1234567
    # three epochs from the file, then the closing validation as printed
    assert metrics["P"]["count"] == 4
    assert metrics["P"]["last"] == 0.705
    assert metrics["P"]["max"] == 0.705
    assert metrics["mAP50-95"]["last"] == 0.35061725
    assert "lr/pg0" in metrics and "time" not in metrics and "epoch" not in metrics
    run_dir = only_run(track_home)
    series = _series(run_dir, "P")
    assert [row["value"] for row in series] == [0.512345, 0.61234, 0.7012345, 0.705]
    assert [row.get("src") for row in series] == ["runs/detect/train/results.csv"] * 3 + [None]
    assert (run_dir / "sources/runs/detect/train/results.csv").read_bytes() == \
        (tmp_path / "runs/detect/train/results.csv").read_bytes()
    listed = (run_dir / "sources.yaml").read_text()
    assert "kind: ultralytics" in listed and "copy: sources/runs/detect/train/results.csv" \
        in listed


def test_a_running_run_shows_the_files_values(tmp_path: Path, track_home: Path) -> None:
    flag = tmp_path / "go"
    proc = start_track("run", "--", sys.executable, "-c", YOLO, str(flag), cwd=tmp_path,
                       env=dict(os.environ))
    try:
        deadline = time.monotonic() + 30
        seen: dict[str, Any] = {}
        while time.monotonic() < deadline:
            done = track("show", "@", "--json", cwd=tmp_path)
            if done.returncode == 0:
                seen = json.loads(done.stdout)["metrics"]
                if seen.get("box_loss", {}).get("last") == 3.1234567:
                    break
            time.sleep(0.5)
        assert seen["box_loss"]["last"] == 3.1234567, seen
        assert seen["P"]["last"] == 0.512345
    finally:
        flag.touch()
        proc.communicate(timeout=60)
    assert proc.returncode == 0


def test_a_file_from_before_the_run_is_not_a_source(tmp_path: Path) -> None:
    old = tmp_path / "runs/detect/train/results.csv"
    old.parent.mkdir(parents=True)
    old.write_text("epoch,time,train/box_loss\n1,1.0,9.87654\n")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    track("run", "--", sys.executable, "-c", "print('box_loss=0.5')", cwd=tmp_path,
          check=True)
    assert _metrics()["box_loss"]["last"] == 0.5


def test_lightning_metrics_csv(tmp_path: Path) -> None:
    script = r"""
import os
os.makedirs("lightning_logs/version_0", exist_ok=True)
print("Epoch 0: 100%|##########| 4/4 [00:00<00:00, train_loss_step=0.812, val_loss=0.700]")
with open("lightning_logs/version_0/metrics.csv", "w") as f:
    f.write("epoch,step,train_loss_step,val_loss,val_acc\n"
            "0,1,0.91234567,,\n0,3,0.81234567,,\n0,3,,0.70012345,0.5\n")
"""
    track("run", "--", sys.executable, "-c", script, cwd=tmp_path, check=True)
    metrics = _metrics()
    assert metrics["train_loss_step"]["count"] == 2
    assert metrics["train_loss_step"]["last"] == 0.81234567
    assert metrics["val_loss"]["last"] == 0.70012345 and metrics["val_loss"]["count"] == 1
    assert metrics["val_acc"]["last"] == 0.5
    assert "step" not in metrics and "epoch" not in metrics


def test_hf_trainer_state_newest_checkpoint(tmp_path: Path) -> None:
    script = r"""
import json, os, time
history = [{"loss": 0.91234567, "grad_norm": 3.5, "learning_rate": 5e-05, "epoch": 0.5,
            "step": 2},
           {"eval_loss": 0.8123456, "eval_accuracy": 0.625, "epoch": 1.0, "step": 4},
           {"loss": 0.71234567, "grad_norm": 2.5, "learning_rate": 2.5e-05, "epoch": 1.5,
            "step": 6}]
for checkpoint, done, upto in (("checkpoint-4", 0, 2), ("checkpoint-6", 2, 3)):
    for entry in history[done:upto]:  # each log printed once, as the Trainer does
        print({k: round(v, 4) for k, v in entry.items() if k != "step"}, flush=True)
    os.makedirs(f"out/{checkpoint}", exist_ok=True)
    with open(f"out/{checkpoint}/trainer_state.json", "w") as f:
        json.dump({"global_step": upto * 2, "log_history": history[:upto]}, f)
    time.sleep(0.05)
"""
    track("run", "--", sys.executable, "-c", script, cwd=tmp_path, check=True)
    metrics = _metrics()
    assert metrics["loss"]["last"] == 0.71234567 and metrics["loss"]["count"] == 2
    assert metrics["eval_loss"]["last"] == 0.8123456 and metrics["eval_loss"]["count"] == 1
    assert metrics["learning_rate"]["last"] == 2.5e-05
    assert metrics["loss"]["last_step"] == 6


def test_keras_csvlogger_epochs_count_from_one(tmp_path: Path, track_home: Path) -> None:
    script = r"""
print("Epoch 1/2")
print("4/4 - 0s - 12ms/step - accuracy: 0.5000 - loss: 0.6932 - val_accuracy: 0.5000"
      " - val_loss: 0.6914")
print("Epoch 2/2")
print("4/4 - 0s - 10ms/step - accuracy: 0.7500 - loss: 0.6801 - val_accuracy: 0.6250"
      " - val_loss: 0.6800")
with open("training.log", "w") as f:
    f.write("epoch,accuracy,loss,val_accuracy,val_loss\n"
            "0,0.5,0.6931712627410889,0.5,0.6913977861404419\n"
            "1,0.75,0.6800912022590637,0.625,0.6799812316894531\n")
"""
    track("run", "--", sys.executable, "-c", script, cwd=tmp_path, check=True)
    metrics = _metrics()
    assert metrics["loss"]["last"] == 0.6800912022590637 and metrics["loss"]["count"] == 2
    assert metrics["val_loss"]["last_step"] == 2
    epochs = [row["epoch"] for row in _series(only_run(track_home), "loss")]
    assert epochs == [1, 2]


def test_mmengine_scalars_json(tmp_path: Path) -> None:
    script = r"""
import json, os
os.makedirs("work_dirs/x/20240101_000000/vis_data", exist_ok=True)
with open("work_dirs/x/20240101_000000/vis_data/scalars.json", "w") as f:
    f.write(json.dumps({"lr": 0.02, "loss": 1.23456789, "time": 0.25, "epoch": 1, "iter": 50,
                        "step": 50}) + "\n")
    f.write(json.dumps({"coco/bbox_mAP": 0.4321, "data_time": 0.19, "time": 0.75,
                        "step": 1}) + "\n")
"""
    track("run", "--", sys.executable, "-c", script, cwd=tmp_path, check=True)
    metrics = _metrics()
    assert metrics["loss"]["last"] == 1.23456789
    assert metrics["coco/bbox_mAP"]["last"] == 0.4321
    assert "iter" not in metrics and "epoch" not in metrics
    # a validation line's timings are the validation's, as its console line names them
    assert metrics["time"]["count"] == 1 and metrics["time"]["last"] == 0.25
    assert metrics["val_time"]["last"] == 0.75 and metrics["val_data_time"]["last"] == 0.19


def _copy_events(target: str) -> str:
    fixture = DATA / "events.out.tfevents.fixture"
    return (f"import os, shutil; os.makedirs({target!r}, exist_ok=True); "
            f"shutil.copy({str(fixture)!r}, {target + '/events.out.tfevents.1.host'!r})")


def test_tensorboard_event_files(tmp_path: Path) -> None:
    track("run", "--", sys.executable, "-c", _copy_events("tb"), cwd=tmp_path, check=True)
    metrics = _metrics()
    assert metrics["train/loss"]["count"] == 5
    assert abs(metrics["train/loss"]["last"] - (0.2 + 0.123456789)) < 1e-6  # float32
    assert metrics["val/acc"]["count"] == 2 and metrics["val/acc"]["last_step"] == 4


def test_tensorboard_missing_gives_the_install_hint(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked" / "tensorboard"
    blocked.mkdir(parents=True)
    (blocked / "__init__.py").write_text("raise ImportError('no tensorboard here')\n")
    env = dict(os.environ, PYTHONPATH=str(blocked.parent))
    done = track("run", "--", sys.executable, "-c",
                 _copy_events("tb") + "; print('loss=0.25')", cwd=tmp_path, env=env)
    assert done.returncode == 0
    assert b"pip install 'exptrack[tensorboard]'" in done.stderr
    assert _metrics()["loss"]["last"] == 0.25  # the output's metrics are still recorded


def test_reparse_reads_the_kept_copy(tmp_path: Path, track_home: Path) -> None:
    track("run", "--", sys.executable, "-c", YOLO, cwd=tmp_path, check=True)
    shutil.rmtree(tmp_path / "runs")  # the working folder's file is gone; the copy is not
    run_dir = only_run(track_home)
    (run_dir / "metrics.jsonl").write_text("")
    done = track("reparse", "@", cwd=tmp_path, check=True)
    assert b"exact values from runs/detect/train/results.csv" in done.stdout
    metrics = _metrics()
    assert metrics["box_loss"]["last"] == 2.5432109
    assert metrics["P"]["count"] == 4 and metrics["P"]["last"] == 0.705


def test_steps_after_the_last_checkpoint_come_from_the_output(tmp_path: Path) -> None:
    """Hugging Face writes trainer_state.json at checkpoints only: what the run logged after
    the last one is in the output alone, and is kept."""
    script = r"""
import json, os
os.makedirs("out/checkpoint-2", exist_ok=True)
history = [{"loss": 0.91234567, "epoch": 0.5, "step": 1}, {"loss": 0.81234567, "epoch": 1.0,
            "step": 2}]
for entry in history:
    print({"loss": round(entry["loss"], 4), "epoch": entry["epoch"]}, flush=True)
with open("out/checkpoint-2/trainer_state.json", "w") as f:
    json.dump({"global_step": 2, "log_history": history}, f)
print({"loss": 0.7123, "epoch": 1.5}, flush=True)
"""
    track("run", "--", sys.executable, "-c", script, cwd=tmp_path, check=True)
    loss = _metrics()["loss"]
    assert loss["count"] == 3 and loss["last"] == 0.7123 and loss["max"] == 0.91234567
