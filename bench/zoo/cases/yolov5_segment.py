"""YOLOv5 instance segmentation (the ``ultralytics/yolov5`` repo's own ``segment/train.py``,
repo commit 5081342f04fb287fc2e5f2b5a4e06752b7937b1c, the commit of ``yolov5_train``) run as
its README shows: ``python segment/train.py --data ... --cfg models/segment/yolov5n-seg.yaml
--weights '' --img 64 --epochs 3 --batch-size 4 --workers 0 --device cpu``, on 16 synthetic
64x64 images with one or two coloured ellipses each (YOLO polygon labels, 16 points an
ellipse, drawn by ``_yolo_data.make_dataset("segment")``), 8 validation images. Default
printing: the tqdm epoch bar (``Epoch GPU_mem box_loss seg_loss obj_loss cls_loss Instances
Size``, losses ``%11.4g``), then the validation table (``Class Images Instances Box(P R mAP50
mAP50-95) Mask(P R mAP50 mAP50-95)``, the ``all`` row ``%11.3g``), and after training a
closing validation of ``best.pt`` with per-class rows (no ``Speed:`` line: segment/train.py
passes the model, so val.run runs in its training mode).

The repo is not a pip package: the case finds it under ``$ZOO_REPOS/yolov5`` (default
``~/.cache/exptrack-zoo/repos``; materialise it with ``git archive`` of the commit above) and
runs its ``segment/train.py`` with the venv's python, stdout/stderr inherited.

Truth: the run's own ``runs/train-seg/exp/results.csv`` (YOLOv5's ``GenericLogger`` CSV,
``%23.5g``): one row an epoch under the ``KEYS`` header, then one more row that
segment/train.py's ``logger.log_metrics(dict(zip(KEYS[4:16], results)), epochs)`` appends
for the closing validation of ``best.pt``: epoch ``3`` (= ``--epochs``) and twelve values,
the eight box/mask metrics and four validation losses, written under the header's first
twelve names (the CSV writer keeps no header per row, so they sit under ``train/box_loss`` ...
``metrics/mAP_0.5:0.95(M)``); the case reads that row by the keys YOLOv5 logged it with.
Judgements: names follow ``yolov5_train`` (results.csv's keys without ``train/`` and
``metrics/``; precision/recall/mAP as the header prints them: ``P``, ``R``, ``mAP50``,
``mAP50-95``) and, with box and mask columns side by side, the Ultralytics segment cases'
``box_``/``mask_`` prefixes for the ``(B)``/``(M)`` groups (``box_P`` ... ``mask_mAP50-95``);
key ``epoch`` (results.csv's 0-based epoch, as the bar prints ``0/2``). The closing row is
the last value of each validation metric at no epoch (it evaluates the best epoch's weights;
the Ultralytics cases' rule), though YOLOv5 logs it at epoch 3. ``val/*_loss`` are only in
results.csv (never printed): ``file_metrics`` (``val_box_loss``, ..., as exptrack names the
file's columns; the closing row's four losses their last value), expected when the file is
read; ``x/lr*`` are learning rates. ``Instances`` and ``Size`` in the bar are the batch's
label count and image size, not metrics. YOLOv5's ``check_dataset`` fetches Arial.ttf into
its config dir whatever the flags, which fails offline: as ``yolov5_train`` does, the case
points ``YOLOV5_CONFIG_DIR`` at a folder in its cwd holding matplotlib's DejaVuSans.ttf as
``Arial.ttf`` (a cached font, as on a user's machine after the first run); plots stay on (the
default). ``--seed 0`` (its default, spelled out) and ``--project``/``--name`` keep the run in
the case's cwd instead of the repo's ``runs/train-seg``.
"""
# zoo-venv: yolov5seg

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
train_py = repo / "segment" / "train.py"
if not train_py.is_file():
    sys.exit(f"no YOLOv5 repo at {repo} (git archive {REPO_COMMIT} of ultralytics/yolov5)")

yolov5_font()

data = make_dataset("segment", size=64, train=16, val=8)
subprocess.run([sys.executable, str(train_py), "--data", data,
                "--cfg", str(repo / "models" / "segment" / "yolov5n-seg.yaml"), "--weights", "",
                "--img", "64", "--epochs", "3", "--batch-size", "4", "--workers", "0",
                "--device", "cpu", "--seed", "0",
                "--project", str(Path.cwd() / "runs" / "train-seg"), "--name", "exp"],
               check=True)

results = Path("runs/train-seg/exp/results.csv")
with open(results, newline="") as handle:
    table = [[cell.strip() for cell in row] for row in csv.reader(handle)]
header, rows = table[0], table[1:]
KEYS = header[1:]  # utils/segment/metrics.py KEYS: 4 train losses, 8 metrics, 4 val losses, 3 lrs
epoch_rows = [dict(zip(header, row, strict=True)) for row in rows if len(row) == len(header)]
closing_rows = [row for row in rows if len(row) != len(header)]
assert len(epoch_rows) == 3 and len(closing_rows) == 1, rows
# the closing validation, as train.py logs it: dict(zip(KEYS[4:16], results)) at `epochs`
closing = dict(zip(KEYS[4:16], closing_rows[0][1:], strict=True))

PRINTED = {"precision": "P", "recall": "R", "mAP_0.5": "mAP50", "mAP_0.5:0.95": "mAP50-95"}
GROUP = {"(B)": "box_", "(M)": "mask_"}
# printed: the bar's mean losses "%11.4g", the "all" row "%11.3g"; results.csv "%23.5g"
LOSS_REL, METRIC_REL, FILE_REL = 5.5e-4, 5.1e-3, 5e-5

metrics = {}
file_metrics = {}
for key in KEYS:
    if key.startswith("train/"):
        metrics[key[len("train/"):]] = series([(row["epoch"], row[key]) for row in epoch_rows],
                                              "epoch", rel_tolerance=LOSS_REL)
    elif key.startswith("metrics/"):
        name = GROUP[key[-3:]] + PRINTED[key[len("metrics/"):-3]]
        spec = series([(row["epoch"], row[key]) for row in epoch_rows], "epoch",
                      rel_tolerance=METRIC_REL)
        spec["values"].append([None, float(closing[key])])
        metrics[name] = spec
    elif key.startswith("val/"):
        spec = series([(row["epoch"], row[key]) for row in epoch_rows], "epoch",
                      rel_tolerance=FILE_REL)
        spec["values"].append([None, float(closing[key])])
        file_metrics["val_" + key[len("val/"):]] = spec

write_truth("yolov5", f"repo {REPO_COMMIT[:12]}", f"YOLOv5 GenericLogger CSV {results}", metrics,
            files=[str(results)],
            also_ok=["it/s", "s/it", "GPU_mem"],
            file_metrics=file_metrics,
            notes=f"ultralytics/yolov5 segment/train.py at commit {REPO_COMMIT}; results.csv's "
                  "last row is the closing validation of best.pt (epoch 3, KEYS[4:16]'s values "
                  "under the header's first twelve names); val/*_loss and x/lr0..2 are in "
                  "results.csv only")
