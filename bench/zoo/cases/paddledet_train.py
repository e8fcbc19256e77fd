"""PaddleDetection (PaddlePaddle's object detection suite): its ``tools/train.py -c
config.yml --eval``, as its getting-started docs run it, on the CPU wheel of PaddlePaddle
3.0.0. PaddleDetection has no current PyPI release with ``tools/`` (``paddledet`` 2.6.0 is
old and ships no ``tools/train.py``), so the case runs the repository
(PaddlePaddle/PaddleDetection at 666f597fd00d3157e84dd9fb2dd3f40bf9918ebc, 2024-10-18, the
head of its default branch ``develop``, ``git describe`` v2.7.0-73-g666f597fd0; its
``setup.py`` says 0.0.0), unpacked under ``$ZOO_REPOS/PaddleDetection`` (default
``~/.cache/exptrack-zoo/repos/PaddleDetection``) with ``git archive 666f597f -- ppdet tools
configs requirements.txt setup.py ':(exclude)ppdet/utils/simfang.ttf'`` (the font, which a
mirror may lack, only draws boxes on images). ``tools/train.py`` runs in-process (``runpy``,
as ``__main__``) with ``-c picodet_tiny.yml --eval --use_vdl True --enable_ce True``
(``--enable_ce``: its own switch for ``set_random_seed(0)``, paddle/numpy/random).

The config: a file the case writes whose ``_BASE_`` is the stock
``configs/picodet/picodet_s_320_coco_lcnet.yml`` (PP-PicoDet-S: LCNet x0.75, LCPAN,
PicoHeadV2 with VarifocalLoss/GIoU/DFL, EMA, Momentum, cosine lr with linear warm-up), as a
user writes one for their own data, overriding only: ``pretrain_weights:`` emptied (null:
trained from scratch, nothing downloaded), ``use_gpu: false``, ``epoch: 3``,
``snapshot_epoch: 1`` (an evaluation after every epoch), ``log_iter: 2``, ``num_classes:
2``, ``worker_num: 0``, the data set paths, ``base_lr: 0.1`` (0.32 is for 4 GPUs x 64) with
the cosine over 3 epochs and a 4-step warm-up, batch size 4 and the random training sizes
192/224/256 (the stock 256-384 scaled down; below 192 the stride-64 level has fewer than
ATSS's topk=9 anchors) and a 224x224 evaluation (``eval_size``, which PicoHeadV2's anchors
share). Data: a tiny synthetic COCO-format set the case writes, ``dataset/train/*.jpg`` (32
images) and ``dataset/val/*.jpg`` (16), 192x192 grey noise with one or two filled
rectangles of 24-111 px a side, red (``red``, category 1) or blue (``blue``, category 2), and
``dataset/annotations/{train,val}.json``, numpy ``default_rng(0)``. 8 training iterations
an epoch, an evaluation of 2 batches after each; about 25 s of CPU (40-70 s on a loaded
2-core machine).

What it prints (PaddleDetection's loggers on stdout, ``[12/07 09:41:45] ppdet.engine.callbacks
INFO: ...``): pycocotools' ``loading annotations into memory...`` blocks, ``Load [32 samples
valid, 0 samples invalid] in file ...``, then every ``log_iter`` iterations (``LogPrinter``)::

    [12/07 09:46:44] ppdet.engine.callbacks INFO: Epoch: [0] [0/8] learning_rate: 0.010000
      loss_vfl: 1.613809 loss_bbox: 1.165077 loss_dfl: 1.045020 loss: 3.823906 eta: 0:00:39
      batch_cost: 1.6341 data_cost: 0.0117 ips: 2.4478 images/s

(one line, wrapped here; epochs 0-based; the losses are ``TrainingStats``' medians over the
last ``log_iter`` iterations, ``{:.6f}``; lr ``{:.6f}``), ``Save checkpoint: output``, then
the evaluation: ``Eval iter: 0``, ``The bbox result is saved to bbox.json.``, ``Start
evaluate...``, pycocotools' ``Running per image evaluation...`` lines and its summary, twelve
rows ``Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.001``
(``-1.000`` where the set has no object of that area), ``Total sample number: 16, average
FPS: 3.974620984660167`` and ``Best test bbox ap is 0.001.``. On stderr: Paddle's
``UserWarning: No ccache found`` at import, ``Warning: import ppdet from source directory
without installing``, Paddle's ``Modified FLAGS detected`` box
and a glog ``W...`` line about type promotion. On stdout before all: ``Warning: Unable to use
numba in PP-Tracking`` twice (numba is no requirement of the repository's; its tracker is
unused here). Pipe and pty print the same (no bar).

Truth: PaddleDetection's own record, its VisualDL log, turned on as a user does
(``--use_vdl True``: the ``VisualDLWriter`` callback opens a ``visualdl.LogWriter`` on
``vdl_log_dir/scalar/``, ``vdlrecords.<time>.log``, listed in ``files``), read back with
VisualDL's ``LogReader``: ``loss_vfl``, ``loss_bbox``, ``loss_dfl``, ``loss`` at EVERY
iteration (``TrainingStats.get()``: the same medians, as the ``{:.6f}`` strings the line
prints, at a running step), of which the truth takes the printed iterations (``step_id %
log_iter == 0``), and ``bbox-mAP`` an evaluation (``COCOeval.stats[0]``). It keeps nothing
else that is printed: not the learning rate, nor the eleven other rows of the COCO summary.
For those the trainer's in-memory values are the record: lines the case adds to two files
of the unpacked repository as they are loaded (each checked against its git blob id at the
commit, the text compiled into its module in place of the stock one, no stock line changed;
the repository on disk stays as it was): in ``ppdet/engine/callbacks.py`` right after
``LogPrinter``'s ``self.logger.info(fmt)``, ``status['learning_rate']`` (the optimizer's
``get_lr()`` of that iteration) and the ``TrainingStats`` medians; in
``ppdet/engine/trainer.py`` (``_eval_with_loader``) right after ``metric.accumulate()`` and
``metric.log()``, ``COCOMetric.get_results()`` (``{'bbox': COCOeval.stats}``, the twelve
numbers the rows print). Nothing is parsed from stdout. The meters' medians and VisualDL's
losses are checked to agree, as are ``stats[0]`` and ``bbox-mAP``.

Judgement calls:
- Names as printed and as the framework keys them: ``learning_rate``, ``loss_vfl``,
  ``loss_bbox``, ``loss_dfl``, ``loss`` (``TrainingStats``' and VisualDL's keys alike); the
  COCO rows as docs/metrics.md names them and as the ``pycocotools_summary`` case does: the
  printed query without its padding, ``Average Precision (AP)
  @[IoU=0.50:0.95|area=all|maxDets=100]`` (no IoU-type prefix: boxes).
- Axis ``epoch`` as printed, 0-based (``Epoch: [0]``); the evaluation after epoch ``k`` at
  ``k`` (VisualDL's ``bbox-mAP`` step is the same count). 12 training points (4 printed
  iterations x 3 epochs) a name, 3 evaluations; VisualDL's steps are in notes.
- ``-1.000`` rows (no object of that area in the set, e.g. small ones) are values, as
  pycocotools prints and keeps them.
- Tolerances: ``{:.6f}`` -> 5e-7 plus ``rel_tolerance`` 1e-7 (VisualDL's float32); COCO rows
  ``%0.3f`` -> 5e-4.
- ``also_ok``: ``batch_cost``, ``data_cost``, ``ips``, ``eta`` (timing and throughput of the
  training line), ``average_FPS`` (the evaluation's throughput, ``average FPS`` on the
  ``Total sample number`` line); ``best_test_bbox_ap`` (``Best test bbox ap is 0.001.``:
  the running best of ``bbox-mAP``, printed again, no series of its own; exptrack records
  no name for it today).
- Not metrics: ``Total sample number: 16`` (the evaluation's size), ``Load [32 samples
  valid, 0 samples invalid]``, the ``[0/8]`` counters, pycocotools' ``DONE (t=0.02s)``.
- Determinism: ``--enable_ce True`` seeds paddle, numpy and ``random``; ``worker_num: 0``
  and ``OMP_NUM_THREADS=1``: the values repeat run to run, only the timings vary.
"""
# zoo-venv: paddledet

import json
import os
import runpy
import sys
from pathlib import Path

import cv2
import numpy as np
import paddle
from _coco_rows import BOX_ROWS, row_name
from _records import vdl_scalars
from _truth import series, write_truth
from _verbatim import git_blob_id, load_with_lines

SOURCE_REPO = "PaddlePaddle/PaddleDetection"
SOURCE_COMMIT = "666f597fd00d3157e84dd9fb2dd3f40bf9918ebc"
DESCRIBE = "v2.7.0-73-g666f597fd0"
REPO = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos")) \
    / "PaddleDetection"
BASE = "configs/picodet/picodet_s_320_coco_lcnet.yml"
BASE_BLOB = "c9fb52f320239cccf30257fe695e82fb5bb26121"
EPOCHS, TRAIN_IMAGES, VAL_IMAGES, BATCH, LOG_ITER, SIZE = 3, 32, 16, 4, 2, 192
COLOURS = {1: ("red", (40, 40, 220)), 2: ("blue", (220, 90, 30))}  # BGR

# the record of what VisualDL does not keep: lines added right after the lines that print
# the values (anchor -> anchor and the added line); no stock line changed
CALLBACKS = ("ppdet/engine/callbacks.py", "88a133e60e645ce1c395f3d06bea211da9e51361", {
    "                    self.logger.info(fmt)\n":
        "                    ZOO_RECORD.append(('train', epoch_id, step_id,"
        " float(status['learning_rate']), {k: float(v) for k, v in"
        " training_staus.get().items()}))  # zoo: the values just printed\n",
})
TRAINER = ("ppdet/engine/trainer.py", "da342a7a4c5bda79b47126225f88b26324e72e4a", {
    "                sample_num += data['im_id'].numpy().shape[0]\n"
    "            self._compose_callback.on_step_end(self.status)\n\n"
    "        self.status['sample_num'] = sample_num\n"
    "        self.status['cost_time'] = time.time() - tic\n\n"
    "        # accumulate metric to log out\n"
    "        for metric in self._metrics:\n"
    "            metric.accumulate()\n"
    "            metric.log()\n":
        "            ZOO_RECORD.append(('eval', self.status['epoch_id'], {k: [float(x) for x"
        " in v] for k, v in metric.get_results().items()}))  # zoo: the values just printed\n",
})

CONFIG = f"""_BASE_: ['{REPO / BASE}']
pretrain_weights:
weights: output/best_model
use_gpu: false
epoch: {EPOCHS}
snapshot_epoch: 1
log_iter: {LOG_ITER}
num_classes: 2
worker_num: 0
eval_height: 224
eval_width: 224
eval_size: [224, 224]
TrainDataset:
  image_dir: train
  anno_path: annotations/train.json
  dataset_dir: dataset
EvalDataset:
  image_dir: val
  anno_path: annotations/val.json
  dataset_dir: dataset
TestDataset:
  anno_path: annotations/val.json
  dataset_dir: dataset
LearningRate:
  base_lr: 0.1
  schedulers:
  - !CosineDecay
    max_epochs: {EPOCHS}
  - !LinearWarmup
    start_factor: 0.1
    steps: 4
TrainReader:
  batch_transforms:
  - BatchRandomResize: {{target_size: [192, 224, 256], random_size: True, random_interp: True,
                        keep_ratio: False}}
  - NormalizeImage: {{is_scale: true, mean: [0.485,0.456,0.406], std: [0.229, 0.224,0.225]}}
  - Permute: {{}}
  - PadGT: {{}}
  batch_size: {BATCH}
EvalReader:
  sample_transforms:
  - Decode: {{}}
  - Resize: {{interp: 2, target_size: [224, 224], keep_ratio: False}}
  - NormalizeImage: {{is_scale: true, mean: [0.485,0.456,0.406], std: [0.229, 0.224,0.225]}}
  - Permute: {{}}
  batch_size: 8
"""


def write_dataset() -> None:
    """COCO layout: dataset/<split>/*.jpg and dataset/annotations/<split>.json."""
    rng = np.random.default_rng(0)
    Path("dataset/annotations").mkdir(parents=True)
    categories = [{"id": cid, "name": name} for cid, (name, _) in COLOURS.items()]
    for split, count in (("train", TRAIN_IMAGES), ("val", VAL_IMAGES)):
        Path("dataset", split).mkdir()
        images, annotations = [], []
        for index in range(count):
            image = rng.integers(90, 150, (SIZE, SIZE, 3), dtype=np.uint8)
            for _ in range(int(rng.integers(1, 3))):
                cid = int(rng.integers(1, 3))
                w, h = (int(v) for v in rng.integers(24, 112, 2))
                x, y = int(rng.integers(0, SIZE - w)), int(rng.integers(0, SIZE - h))
                image[y:y + h, x:x + w] = COLOURS[cid][1]
                annotations.append({"id": len(annotations) + 1, "image_id": index + 1,
                                    "category_id": cid, "bbox": [x, y, w, h], "area": w * h,
                                    "iscrowd": 0})
            cv2.imwrite(f"dataset/{split}/{index:04d}.jpg", image)
            images.append({"id": index + 1, "file_name": f"{index:04d}.jpg", "width": SIZE,
                           "height": SIZE})
        Path(f"dataset/annotations/{split}.json").write_text(json.dumps(
            {"images": images, "annotations": annotations, "categories": categories}),
            encoding="utf-8")


def load(module, spec: tuple[str, str, dict[str, str]], record: list) -> None:
    """The module's stock text at the commit, with the record's lines, compiled in place."""
    rel, blob, lines = spec
    load_with_lines(module, REPO / rel, blob, lines, record, f"{SOURCE_REPO} at {SOURCE_COMMIT}")


if not (REPO / "tools" / "train.py").is_file():
    sys.exit(f"needs {SOURCE_REPO} at {SOURCE_COMMIT[:8]} unpacked under {REPO}")
if git_blob_id((REPO / BASE).read_text(encoding="utf-8")) != BASE_BLOB:
    sys.exit(f"{REPO / BASE} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
write_dataset()
Path("picodet_tiny.yml").write_text(CONFIG, encoding="utf-8")
sys.path.insert(0, str(REPO))  # tools/train.py inserts the repo into sys.path itself
import ppdet.engine  # noqa: E402
import ppdet.engine.callbacks  # noqa: E402
import ppdet.engine.trainer  # noqa: E402

record: list = []
load(ppdet.engine.callbacks, CALLBACKS, record)
load(ppdet.engine.trainer, TRAINER, record)  # (imports the callbacks just made)
# tools/train.py takes Trainer from the package, which imported the stock one
ppdet.engine.Trainer = ppdet.engine.trainer.Trainer

sys.argv = ["tools/train.py", "-c", "picodet_tiny.yml", "--eval", "--use_vdl", "True",
            "--enable_ce", "True"]
runpy.run_path(str(REPO / "tools" / "train.py"), run_name="__main__")

# --- the truth: VisualDL's log where it keeps the value, the in-memory record elsewhere ---
logs, vdl = vdl_scalars("vdl_log_dir/scalar/vdlrecords.*.log")
iters = TRAIN_IMAGES // BATCH
printed = [i for i in range(iters) if i % LOG_ITER == 0]
losses = ["loss_vfl", "loss_bbox", "loss_dfl", "loss"]
for tag in losses:
    assert [step for step, _ in vdl[tag]] == list(range(EPOCHS * iters)), (tag, vdl[tag])
assert [step for step, _ in vdl["bbox-mAP"]] == list(range(EPOCHS)), vdl["bbox-mAP"]

train_rows = [row[1:] for row in record if row[0] == "train"]  # (epoch, step, lr, meters)
eval_rows = [(row[1], row[2]["bbox"]) for row in record if row[0] == "eval"]
assert [(epoch, step) for epoch, step, _, _ in train_rows] == \
    [(e, i) for e in range(EPOCHS) for i in printed], train_rows
assert [epoch for epoch, _ in eval_rows] == list(range(EPOCHS)), eval_rows
for epoch, step, _, meters in train_rows:  # the in-memory medians and VisualDL agree
    for tag in losses:
        assert abs(meters[tag] - dict(vdl[tag])[epoch * iters + step]) \
            <= 1e-7 * abs(meters[tag]) + 1e-12, (tag, epoch, step, meters)
for (_, stats), (_, mean_ap) in zip(eval_rows, vdl["bbox-mAP"], strict=True):
    assert len(stats) == 12 and abs(stats[0] - mean_ap) <= 1e-7 * abs(mean_ap), (stats, mean_ap)

TOL, REL = 5e-7, 1e-7
metrics = {"learning_rate": series([(epoch, lr) for epoch, _, lr, _ in train_rows], "epoch",
                                   tolerance=TOL)}
for tag in losses:
    metrics[tag] = series([(step // iters, value) for step, value in vdl[tag]
                           if step % iters % LOG_ITER == 0], "epoch", tolerance=TOL,
                          rel_tolerance=REL)
for index, (kind, iou, area, dets) in enumerate(BOX_ROWS):
    name = row_name(kind, iou, area, dets)
    points = [(epoch, mean_ap if index == 0 else stats[index])
              for (epoch, stats), (_, mean_ap) in zip(eval_rows, vdl["bbox-mAP"], strict=True)]
    metrics[name] = series(points, "epoch", tolerance=5e-4,
                           rel_tolerance=REL if index == 0 else None)

write_truth(
    "PaddleDetection (tools/train.py)", f"{DESCRIBE} ({SOURCE_REPO}@{SOURCE_COMMIT[:8]}, "
    f"develop; paddlepaddle {paddle.__version__})",
    f"VisualDL's log ({logs[0]}, --use_vdl True) read with LogReader: loss_vfl, loss_bbox, "
    "loss_dfl, loss at the printed iterations (step_id % log_iter == 0), bbox-mAP (the first "
    "COCO row) an evaluation; the rest from the trainer's in-memory values (lines the case "
    "adds after LogPrinter's logger.info: status['learning_rate']; after the evaluation's "
    "metric.accumulate()/log(): COCOMetric.get_results()['bbox'], COCOeval.stats)",
    metrics, files=logs,
    also_ok=["batch_cost", "data_cost", "ips", "eta", "average_FPS", "best_test_bbox_ap"],
    notes=f"VisualDL keeps the losses at every iteration (steps 0-{EPOCHS * iters - 1}); the "
          f"truth takes steps {[s for s, _ in vdl['loss'] if s % iters % LOG_ITER == 0]} "
          f"(printed as [{printed}/{iters}] each epoch); bbox-mAP at steps 0-{EPOCHS - 1}, the "
          "evaluation after each epoch. PP-PicoDet-S from the stock picodet_s_320_coco_lcnet.yml "
          "with no pretrained weights",
)
