"""YOLOv7 (the ``WongKinYiu/yolov7`` repo's own ``train.py``, repo commit
a207844b1ce82d204ab36d87d496728d3d2348e7, the newest) run as its README's "Training" section
shows, on the CPU, from scratch: ``python train.py --workers 0 --device cpu --batch-size 4
--data shapes-v7.yaml --img 64 64 --cfg cfg/training/yolov7-tiny.yaml --weights '' --name tiny
--hyp data/hyp.scratch.tiny.yaml --epochs 3`` (the README's line with the tiny model, its
``hyp.scratch.tiny.yaml``, a CPU, 64-pixel images and 3 epochs), on 16 synthetic 64x64 images
with one or two coloured boxes each (YOLO-format labels, drawn by
``_yolo_data.make_dataset``), 8 validation images. The data yaml is YOLOv7's own form
(``train:``/``val:`` paths, ``nc: 2``, ``names: [...]``, as its ``data/coco.yaml``): YOLOv7
reads no ``path:`` key, so the case writes it beside the images ``make_dataset`` drew.

Default printing: ``hyperparameters:`` and the ``Namespace(...)`` of its options, the model
summary, ``autoanchor:``, then a tqdm epoch bar an epoch under the header ``Epoch gpu_mem
box obj cls total labels img_size`` (``'%10s' * 2 + '%10.4g' * 6``: ``0/2``, ``0G``, the
epoch's running mean losses, the batch's label count and image size), then test.py's
validation bar (``Class Images Labels P R mAP@.5 mAP@.5:.95``) and its ``all`` row
(``'%20s' + '%12i' * 2 + '%12.3g' * 4``); at the last epoch (``verbose=nc < 50 and
final_epoch``) one more row a class (``red``, ``green``); then ``3 epochs completed in 0.002
hours.``. For a data set not named ``coco.yaml`` train.py tests no checkpoint after training,
so there is no closing validation (unlike YOLOv5's) and no ``Speed:`` line (printed only when
test.py runs on its own).

The repo is not a pip package: the case finds it under ``$ZOO_REPOS/yolov7`` (default
``~/.cache/exptrack-zoo/repos``; materialise it with ``git archive`` of the commit above,
leaving out ``paper/yolov7.pdf`` and the two ``tools/*.ipynb`` notebooks, which the mirror
keeps only as LFS-like absent blobs) and runs its ``train.py`` with the venv's python,
stdout/stderr inherited, in the case's cwd (so ``runs/train/tiny``, the default project).

Truth: train.py's own records in ``runs/train/tiny``: its TensorBoard event file
(``tb_writer.add_scalar(tag, x, epoch)`` an epoch, float32, full precision: ``train/box_loss``,
``train/obj_loss``, ``train/cls_loss``, ``metrics/precision``, ``metrics/recall``,
``metrics/mAP_0.5``, ``metrics/mAP_0.5:0.95``, ``val/*_loss``, ``x/lr0..2``) and, for the
``total`` loss that no event file keeps, ``results.txt`` (one space-separated row an epoch:
the bar's last description ``s`` then ``'%10.4g' * 7 % results``, that is ``epoch/last gpu_mem
box obj cls total labels img_size P R mAP@.5 mAP@.5:.95 val_box val_obj val_cls``: its columns
as train.py writes them, no header; the case checks it against the event file). Judgements:
- names as the printed headers (the YOLOv5 case's rule: the record's keys named as the bar
  and the validation header print them): ``box``, ``obj``, ``cls``, ``total`` (the bar's mean
  losses, ``%10.4g``: rel_tolerance 5.5e-4), ``P``, ``R``, ``mAP@.5``, ``mAP@.5:.95`` (the
  ``all`` row, ``%12.3g``: rel_tolerance 5.1e-3), key ``epoch`` (0-based, as the bar prints
  ``0/2`` and the event file steps).
- ``labels`` and ``img_size`` in the bar are the last batch's label count and the image size,
  not metrics (YOLOv5's ``Instances``/``Size``); ``gpu_mem`` (``0G`` on the CPU) and tqdm's
  rates are ``also_ok``.
- the per-class rows of the last validation (``red``, ``green``) are in no file: no truth.
- ``file_metrics``: every scalar tag of the event file under its tag, values as read
  (``rel_tolerance=1e-6``); ``val/*_loss`` and ``x/lr*`` are never printed.
Environment: numpy 1.23.5 (the repo's ``numpy<1.24.0`` pin); torch 2.14.1's ``torch.load``
defaults to ``weights_only=True``, under which train.py's closing ``strip_optimizer`` fails
to load its own ``last.pt`` (a pickled model), so the case sets PyTorch's documented switch
``TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1`` for the run. YOLOv7 fetches no font (its plots use
matplotlib's); plots stay on (the default). Seeded by train.py itself (``init_seeds(2 +
rank)``: random, numpy, torch), data loading in the main process: the run repeats.
"""
# zoo-venv: yolov7

import os
import subprocess
import sys
from pathlib import Path

from _records import tb_folder
from _truth import series, write_truth
from _yolo_data import CLASSES, make_dataset

REPO_COMMIT = "a207844b1ce82d204ab36d87d496728d3d2348e7"
repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
repo = repos.expanduser() / "yolov7"
train_py = repo / "train.py"
if not train_py.is_file():
    sys.exit(f"no YOLOv7 repo at {repo} (git archive {REPO_COMMIT} of WongKinYiu/yolov7)")

make_dataset("detect", size=64, train=16, val=8)
root = Path.cwd() / "shapes"
data = Path("shapes-v7.yaml")
data.write_text(f"train: {root / 'images' / 'train'}\nval: {root / 'images' / 'val'}\n"
                f"nc: {len(CLASSES)}\nnames: {list(CLASSES)}\n")

env = dict(os.environ, TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD="1")
subprocess.run([sys.executable, str(train_py), "--workers", "0", "--device", "cpu",
                "--batch-size", "4", "--data", str(data), "--img", "64", "64",
                "--cfg", str(repo / "cfg" / "training" / "yolov7-tiny.yaml"), "--weights", "",
                "--name", "tiny", "--hyp", str(repo / "data" / "hyp.scratch.tiny.yaml"),
                "--epochs", "3"],
               check=True, env=env)

save_dir = Path("runs/train/tiny")
event_files, scalars = tb_folder(str(save_dir))
results = save_dir / "results.txt"
# train.py: f.write(s + '%10.4g' * 7 % results + '\n'), s = the bar's last description
COLUMNS = ("epoch", "gpu_mem", "box", "obj", "cls", "total", "labels", "img_size",
           "P", "R", "mAP@.5", "mAP@.5:.95", "val_box", "val_obj", "val_cls")
rows = [dict(zip(COLUMNS, line.split(), strict=True))
        for line in results.read_text().splitlines() if line.strip()]
for row in rows:
    row["epoch"] = row["epoch"].split("/")[0]

# printed: the bar's mean losses "%10.4g", the "all" row "%12.3g"
LOSS_REL, METRIC_REL = 5.5e-4, 5.1e-3
TAGS = {"train/box_loss": ("box", LOSS_REL), "train/obj_loss": ("obj", LOSS_REL),
        "train/cls_loss": ("cls", LOSS_REL), "metrics/precision": ("P", METRIC_REL),
        "metrics/recall": ("R", METRIC_REL), "metrics/mAP_0.5": ("mAP@.5", METRIC_REL),
        "metrics/mAP_0.5:0.95": ("mAP@.5:.95", METRIC_REL)}
metrics = {}
for tag, (name, rel) in TAGS.items():
    pairs = scalars[tag]
    # the event file and results.txt ("%10.4g") agree
    assert [int(row["epoch"]) for row in rows] == [step for step, _ in pairs], (tag, pairs)
    for row, (_, value) in zip(rows, pairs, strict=True):
        assert abs(float(row[name]) - value) <= 5e-4 * abs(value) + 1e-12, (tag, row, value)
    metrics[name] = series(pairs, "epoch", rel_tolerance=rel)
# total: results.txt only (the same "%10.4g" the bar prints)
metrics["total"] = series([(row["epoch"], row["total"]) for row in rows], "epoch",
                          rel_tolerance=LOSS_REL)
metrics = {name: metrics[name] for name in ("box", "obj", "cls", "total", "P", "R", "mAP@.5",
                                            "mAP@.5:.95")}
file_metrics = {tag: series(pairs, "epoch", rel_tolerance=1e-6)
                for tag, pairs in scalars.items()}
write_truth("yolov7", f"repo {REPO_COMMIT[:12]}",
            f"train.py's TensorBoard event file in {save_dir} (tb_writer.add_scalar an epoch) "
            f"and, for 'total', its {results} (a row an epoch, columns as train.py writes them)",
            metrics, files=[*event_files, str(results)],
            also_ok=["it/s", "s/it", "gpu_mem"],
            file_metrics=file_metrics,
            notes=f"WongKinYiu/yolov7 train.py at commit {REPO_COMMIT}; no closing validation "
                  "for a non-COCO data set; val/*_loss and x/lr0..2 are in the event file "
                  "(and results.txt) only; TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1 for torch 2.14's "
                  "torch.load in strip_optimizer")
