"""YOLOv5 (the ``ultralytics/yolov5`` repo's own ``train.py``, repo commit
5081342f04fb287fc2e5f2b5a4e06752b7937b1c) run as its README shows: ``python train.py --data
... --cfg models/yolov5n.yaml --weights '' --img 64 --epochs 3 --batch-size 4 --workers 0
--device cpu``, on 16 synthetic 64x64 images with one or two coloured boxes each (YOLO-format
labels, drawn by ``_yolo_data.make_dataset``), 8 validation images. Default printing: the
tqdm epoch bar (``Epoch GPU_mem box_loss obj_loss cls_loss Instances Size``, losses
``%11.4g``), then the validation table (``Class Images Instances P R mAP50 mAP50-95``, the
``all`` row ``%11.3g``), and after training a closing validation of ``best.pt`` with
per-class rows and a ``Speed:`` line.

The repo is not a pip package: the case finds it under ``$ZOO_REPOS/yolov5`` (default
``~/.cache/exptrack-zoo/repos``; materialise it with ``git archive`` of the commit above) and
runs its ``train.py`` with the venv's python, stdout/stderr inherited.

Truth: the run's own ``runs/train/exp/results.csv`` (YOLOv5's CSV logger, one row an epoch,
``%20.5g``). Judgements: names are results.csv's keys without their ``train/`` and
``metrics/`` prefixes, with precision/recall/mAP as the validation header prints them (``P``,
``R``, ``mAP50``, ``mAP50-95``; the Ultralytics cases' rule), key ``epoch`` (results.csv's
0-based epoch, as the bar prints ``0/2``). The closing validation of ``best.pt`` prints one
more ``all`` row (and per-class rows) that YOLOv5 writes to no file; as in the Ultralytics
cases it is the last value of P, R, mAP50 and mAP50-95, at no epoch: the case takes it from
YOLOv5's own ``val.run`` on ``best.pt`` with train.py's closing arguments, its output
silenced (the framework's computation, not the printed row). ``val/*_loss`` are only in
results.csv (never printed): ``file_metrics`` (``val_box_loss``, ..., as exptrack names the
file's columns), expected when the file is read; ``x/lr*`` are learning rates.
``Instances`` and ``Size`` in the bar are the batch's label count and image size, not
metrics. YOLOv5's ``check_dataset`` fetches Arial.ttf into its config dir whatever the
flags (``--noplots`` included), which fails offline: the case points ``YOLOV5_CONFIG_DIR`` at a
folder in its cwd holding matplotlib's DejaVuSans.ttf as ``Arial.ttf`` (a cached font, as on a
user's machine after the first run); plots stay on (the default).
"""

import csv
import os
import subprocess
import sys
from pathlib import Path

from _truth import series, write_truth
from _yolo_data import make_dataset, yolov5_font

REPO_COMMIT = "5081342f04fb287fc2e5f2b5a4e06752b7937b1c"
repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
repo = repos.expanduser() / "yolov5"
train_py = repo / "train.py"
if not train_py.is_file():
    sys.exit(f"no YOLOv5 repo at {repo} (git archive {REPO_COMMIT} of ultralytics/yolov5)")

yolov5_font()

data = make_dataset("detect", size=64, train=16, val=8)
subprocess.run([sys.executable, str(train_py), "--data", data,
                "--cfg", str(repo / "models" / "yolov5n.yaml"), "--weights", "",
                "--img", "64", "--epochs", "3", "--batch-size", "4", "--workers", "0",
                "--device", "cpu", "--seed", "0",
                "--project", str(Path.cwd() / "runs" / "train"), "--name", "exp"],
               check=True)

results = Path("runs/train/exp/results.csv")
with open(results, newline="") as handle:
    rows = [{k.strip(): v.strip() for k, v in row.items()} for row in csv.DictReader(handle)]

# printed: the bar's mean losses "%11.4g", the "all" row "%11.3g"; results.csv "%20.5g"
LOSS_REL, METRIC_REL = 5.5e-4, 5.1e-3
NAMES = {"train/box_loss": ("box_loss", LOSS_REL), "train/obj_loss": ("obj_loss", LOSS_REL),
         "train/cls_loss": ("cls_loss", LOSS_REL), "metrics/precision": ("P", METRIC_REL),
         "metrics/recall": ("R", METRIC_REL), "metrics/mAP_0.5": ("mAP50", METRIC_REL),
         "metrics/mAP_0.5:0.95": ("mAP50-95", METRIC_REL)}
metrics = {name: series([(row["epoch"], row[key]) for row in rows], "epoch", rel_tolerance=rel)
           for key, (name, rel) in NAMES.items()}


def closing_validation() -> list[float]:
    """P, R, mAP50, mAP50-95 of ``best.pt`` as train.py's closing ``validate.run`` gets them
    (batch 2x4, iou 0.60, CPU float), by YOLOv5's own ``val.run``, its printing silenced."""
    import contextlib
    import io
    import logging

    sys.path.insert(0, str(repo))
    import val as validate

    logging.disable(logging.CRITICAL)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        results, _, _ = validate.run(data, weights=str(Path("runs/train/exp/weights/best.pt")),
                                     batch_size=8, imgsz=64, iou_thres=0.60, device="cpu",
                                     workers=0, half=False, plots=False,
                                     project=str(Path.cwd() / "runs" / "closing"), name="val")
    logging.disable(logging.NOTSET)
    return [float(v) for v in results[:4]]


for name, value in zip(("P", "R", "mAP50", "mAP50-95"), closing_validation(), strict=True):
    metrics[name]["values"].append([None, value])
file_metrics = {f"val_{key[len('val/'):]}": series([(row["epoch"], row[key]) for row in rows],
                                                   "epoch", rel_tolerance=5e-5)
                for key in rows[0] if key.startswith("val/")}
write_truth("yolov5", f"repo {REPO_COMMIT[:12]}", f"YOLOv5 CSV logger {results}", metrics,
            files=[str(results)],
            also_ok=["it/s", "s/it", "GPU_mem", "speed_pre-process", "speed_inference",
                     "speed_NMS"],
            file_metrics=file_metrics,
            notes=f"ultralytics/yolov5 train.py at commit {REPO_COMMIT}; the closing validation "
                  "of best.pt (a 4th 'all' row, in no file) by val.run; val/*_loss and x/lr0..2 "
                  "are in results.csv only")
