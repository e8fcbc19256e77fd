"""Ultralytics 8.4.190 resumed training: ``YOLO("runs/detect/train/weights/last.pt")
.train(resume=True)``, as Ultralytics' "Resuming Interrupted Trainings" docs show it, on a
yolov8n.yaml detect model whose first training (epochs=4) was interrupted after epoch 2.

The interrupted run comes first, in a child process whose output goes to
``interrupted_run.log`` in the cwd, not to stdout: the captured output is the RESUMED run
only, what a user wraps with ``track run`` the second time. The child trains
``YOLO("yolov8n.yaml").train(data=shapes.yaml, epochs=4, ...)`` with the zoo's settings
(``_yolo_data``: 32 training and 8 validation images of 64x64 drawn here, ``imgsz=64``,
``batch=4``, SGD ``lr0=0.05``, no warm-up, ``seed=0``, ``deterministic=True``,
``plots=False``, ``project=<cwd>/runs/detect``, ``name=train``) and is stopped the way a
user's Ctrl-C stops it: an ``on_model_save`` callback sends the child SIGINT once epoch 2's
``last.pt`` is written (a KeyboardInterrupt right there, deterministic where a timed kill
from outside would race the next epoch). Then this process, as the docs' resume snippet
does, loads ``runs/detect/train/weights/last.pt`` and calls ``train(resume=True)``: the
trainer restores the checkpoint's arguments (data, epochs=4, project, ...), the optimizer,
the EMA and ``best_fitness``, and appends to the same ``results.csv``. Nothing downloaded
(``YOLO_OFFLINE=1``, the model from its ``.yaml``, drawn images); the case prints nothing of
its own.

What it prints (the resumed run): the settings line (``engine/trainer: ... resume=...``),
the model summary, ``Resuming training .../last.pt from epoch 3 to 4 total epochs``, the
optimizer and data-loader lines, then epochs 3 and 4 (the epoch bar ``3/4  0G  box_loss
cls_loss dfl_loss Instances Size`` and the validation bar with its ``all`` row ``Images
Instances Box(P R mAP50 mAP50-95)``), ``2 epochs completed in ...``, ``Validating
.../best.pt...`` with its ``all`` and per-class rows and the ``Speed:`` line.

Truth (no stdout parsed): ``_yolo_data.write_truth`` (results.csv + ``trainer.metrics``, the
closing validation of best.pt, named and toleranced as in every Ultralytics zoo case), then
only the rows the resumed run appended are kept: results.csv also holds epochs 1-2, written
by the interrupted run, whose output is not in this capture. Judgement calls: the epochs
keep Ultralytics' own numbering (3 and 4, as the bar prints ``3/4``); the final validation of
best.pt is one more observation at no epoch; validation losses and learning rates stay file
metrics (epochs 3-4 only); ``it/s``, ``GPU_mem`` and the ``Speed:`` figures are ``also_ok``.
"""
# zoo-venv: yoloresume

import os
import signal
import subprocess
import sys
from pathlib import Path

import _yolo_data  # sets YOLO_OFFLINE and YOLO_CONFIG_DIR before Ultralytics is imported
import yaml

EPOCHS = 4
STOP_AFTER = 2  # the interrupted run's last completed epoch
LAST = Path("runs/detect/train/weights/last.pt")


def interrupted_run(data: str) -> None:
    """The first training, stopped by SIGINT once epoch ``STOP_AFTER``'s last.pt exists."""
    from ultralytics import YOLO

    def interrupt(trainer) -> None:
        if trainer.epoch + 1 == STOP_AFTER:  # save_model() has written last.pt
            os.kill(os.getpid(), signal.SIGINT)

    model = YOLO("yolov8n.yaml")
    model.add_callback("on_model_save", interrupt)
    model.train(data=data, epochs=EPOCHS, imgsz=64, batch=4, nbs=4, workers=0, device="cpu",
                seed=_yolo_data.SEED, deterministic=True, plots=False, amp=False,
                exist_ok=True, optimizer="SGD", lr0=0.05, warmup_epochs=0,
                project=str(Path.cwd() / "runs" / "detect"), name="train")


def keep_resumed_rows(start_epoch: int) -> None:
    """Drop the interrupted run's epochs from ``truth.yaml`` (not in this capture)."""
    path = Path("truth.yaml")
    truth = yaml.safe_load(path.read_text(encoding="utf-8"))
    for group in ("metrics", "file_metrics"):
        for spec in truth.get(group, {}).values():
            spec["values"] = [v for v in spec["values"] if v[0] is None or v[0] >= start_epoch]
    truth["source"] = (f"results.csv rows of epochs {start_epoch}-{EPOCHS} (the ones the resumed "
                       "run appended) + model.trainer.metrics (the closing validation of best.pt)")
    with open(path, "w", encoding="utf-8") as handle:
        yaml.safe_dump(truth, handle, sort_keys=False, default_flow_style=None, width=100)


if __name__ == "__main__":
    if sys.argv[1:] == ["--interrupted-run"]:
        interrupted_run(str(Path.cwd() / "shapes.yaml"))
        sys.exit(0)
    _yolo_data.make_dataset("detect", size=64, train=32)
    with open("interrupted_run.log", "wb") as log:
        child = subprocess.run([sys.executable, __file__, "--interrupted-run"], stdout=log,
                               stderr=subprocess.STDOUT, check=False)
    assert child.returncode != 0 and LAST.exists(), "the first run was not interrupted"

    import ultralytics
    from ultralytics import YOLO

    model = YOLO(str(LAST))
    model.train(resume=True)
    trainer = model.trainer
    assert trainer is not None and trainer.start_epoch == STOP_AFTER
    _yolo_data.write_truth(Path(trainer.csv), [dict(trainer.metrics)], ultralytics.__version__)
    keep_resumed_rows(STOP_AFTER + 1)
