"""torchvision's detection reference script (``references/detection/train.py`` with its
``engine.py``, ``utils.py``, ``coco_eval.py``, ``coco_utils.py``, ``presets.py``,
``transforms.py``, ``group_by_aspect_ratio.py``; torchvision 0.28.0, torch 2.13.0, pycocotools
2.0.11; torchvision reports ``0.28.0+cu130``: PyPI's CUDA wheel, whose ops load on the CPU
torch through the stand-ins requirements-tvdet.txt describes), run as its README shows:
``python train.py --data-path . --dataset coco --model fasterrcnn_mobilenet_v3_large_320_fpn
--epochs 2 --batch-size 2 --workers 0 --device cpu --output-dir out`` (every other option
default: SGD lr 0.02, momentum 0.9, weight decay 1e-4, MultiStepLR at 16 and 22, the epoch-0
linear warm-up ``engine.train_one_epoch`` makes, hflip augmentation, aspect-ratio grouping,
``--print-freq 20``; no ``--weights`` or ``--weights-backbone``, so ``get_model(...,
weights=None, weights_backbone=None, num_classes=91)`` builds the model from its config and
nothing is downloaded). The script has no seed flag: the case seeds torch and ``random`` with 0
and runs ``train.py`` in-process (``runpy``, ``sys.argv`` as above, the reference folder first
on ``sys.path`` as when it runs as a script), which prints exactly what the script prints.

The scripts are no pip package. They are pytorch/vision's files at upstream commit
428a54c96e82226c0d2d8522e9cbfdca64283da0 (2025-06-03, the commit
``torchvision_classification_ref`` pins; ``references/detection`` last changed upstream at
c35d3855ccbfa6a36e6ae6337a1f2c721c1f1e78, 2023-12-14), unmodified, taken from the snapshot of
the fork ``amd-fuweiy/vision`` (it carries upstream's history; the classification case found a
``fetch`` of pytorch/vision refused, over the size limit) with ``git archive 428a54c9
references/detection``. The case finds them under ``$ZOO_REPOS/vision/references/detection``
(default ``~/.cache/exptrack-zoo/repos``).

Data, made here, in the COCO layout ``get_coco`` reads: ``train2017/`` (12 images) and
``val2017/`` (2) of 64x64 PNGs on grey noise, each with one or two filled rectangles of three
colours (sides 18-40 px), and ``annotations/instances_{train,val}2017.json`` (the rectangles as
boxes with their polygons, ``area``, ``iscrowd`` 0; categories 1 red, 2 green, 3 blue). The
model resizes every image to 320 (its ``min_size``). 12 images / batch 2: 6 iterations an
epoch (about 30 s of CPU in all; a set of 20 took 50 s).

Default printing (``MetricLogger.log_every``, plain ``print``; no GPU, so no ``max mem``
column): ``Epoch: [0]  [5/6]  eta: 0:00:06  lr: 0.020000  loss: 5.0095 (4.6626)
loss_classifier: 4.0798 (3.8198)  loss_box_reg: 0.1079 (0.1523)  loss_objectness: 0.6874
(0.6858)  loss_rpn_box_reg: 0.0033 (0.0047)  time: 6.0562  data: 0.0059`` at iterations 0 and
5 (``i % 20 == 0`` or the last), ``Epoch: [0] Total time: 0:00:36 (6.0564 s / it)``; after
each epoch ``evaluate``'s ``Test:  [0/2]  eta: 0:00:00  model_time: 0.4018 (0.4018)
evaluator_time: 0.0284 (0.0284)  time: 0.4318  data: 0.0015`` (batches 0 and 1), ``Test: Total
time: 0:00:00 (0.4120 s / it)``, ``Averaged stats: model_time: ... evaluator_time: ...``,
pycocotools' ``Accumulating evaluation results...`` / ``DONE (t=0.00s).``, ``IoU metric:
bbox`` and its twelve ``Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ]
= 0.000`` rows; at the start ``Not using distributed mode``, ``print(args)`` (a
``Namespace``), ``Loading data``, pycocotools' ``loading annotations into memory...``,
``Done (t=0.00s)``, ``creating index...``, ``index created!`` (twice), ``Creating data
loaders``, ``Using [0, 0.5, ...] as bins for aspect ratio quantization``, ``Count of instances
per bin: [12]``, ``Creating model``, ``Start training``, at the end ``Training time 0:00:31``; on
stderr torch's ``torch.cuda.amp.autocast`` deprecation warning.

Truth. The reference keeps no record of its losses: ``MetricLogger`` is in memory only and
``train_one_epoch`` returns it to a caller that drops it; the checkpoints ``--output-dir``
writes (``model_0.pth``, ``model_1.pth``, ``checkpoint.pth``: weights, optimizer, scheduler,
args, epoch) hold no metric. So the case wraps (never changes) the reference's own
``utils.MetricLogger``: ``update`` keeps each value the logger is given (after ``.item()``,
as it does) and ``__str__`` (called only by ``log_every``'s print) keeps, for each meter, the
``median``, ``global_avg``, ``value`` and ``count`` the line formats; the wrapper prints nothing.
The case checks that each printed median is the median of the last 20 kept values (the
window) and each parenthesised figure their running mean. The COCO figures are
``CocoEvaluator``'s record: ``evaluate`` returns it (``train.py`` drops it), so the case wraps
``CocoEvaluator.summarize`` to keep ``coco_eval['bbox'].stats`` (twelve numbers) after each
call. Judgements:
- a loss meter prints ``{median:.4f} ({global_avg:.4f})``: the window's median (window 20 >
  6 batches: the median of the epoch's batches so far; torch's median, the lower middle
  value) and, in parentheses, the epoch's running mean (``SmoothedValue.global_avg``). The
  truth for ``loss`` (the sum the script logs) and ``loss_classifier``, ``loss_box_reg``,
  ``loss_objectness``, ``loss_rpn_box_reg`` (``loss_dict``'s keys, as the model names them)
  is the first number, the median, at each printed line (4 lines: 2 epochs x batches 0, 5),
  keyed ``step`` = optimizer steps done when the line prints (epoch * 6 + i + 1: 1, 6, 7,
  12); the running means in parentheses have no name of their own and are left out (a
  parenthesised value, as a spread is); tolerance 5.1e-5 (``.4f``). The other iterations'
  values are kept only to check the medians: no line prints them, so they are not truth;
- ``lr``: a meter of window 1 printed ``{value:.6f}``, the optimizer's lr after the step
  (``LinearLR``'s warm-up over ``min(1000, 6 - 1)`` steps in epoch 0: 0.02 * (0.001 +
  0.999 * k / 5) after step k, 0.004016 at the first line; then 0.02), at the same steps;
  tolerance 5.1e-7;
- the COCO rows, one evaluation an epoch, keyed ``epoch`` (0-based, as ``Epoch: [0]``),
  named as docs/metrics.md names pycocotools' rows (the printed query without padding:
  ``Average Precision (AP) @[IoU=0.50:0.95|area=all|maxDets=100]``; boxes, so no ``segm_``
  prefix), the values ``COCOeval.stats`` holds, tolerance 5e-4 (``.3f``); ``-1.000`` (no
  object of that area: no box can be over 96x96 in a 64x64 image, and the two val images'
  four boxes, 777 to 1023 px, are all under 32x32, so ``area=medium`` and ``area=large`` are
  -1) is pycocotools' value and kept as such. After 12 steps from random weights the model
  finds none of the boxes: every other figure is 0.000 in both evaluations (what the
  record holds; the rows are still scored by name and count);
- not metrics: the ``Test:`` lines' ``model_time`` and ``evaluator_time`` meters (seconds
  a batch, median and mean) and ``Averaged stats:``'s restatement of them, ``time``/``data``
  (seconds an iteration), ``eta``, ``Total time`` with its ``s / it``, ``Training time``,
  pycocotools' ``DONE (t=...)``/``Done (t=...)`` (timings): ``also_ok``, with their
  ``test_`` forms; ``print(args)``'s settings, the ``[i/6]`` counters, ``Epoch: [n]``, the
  aspect-ratio bins and counts: none.
"""
# zoo-venv: tvdet

import random
import re
import runpy
import statistics
import sys
from pathlib import Path

import torch
import torchvision
from _coco_images import write_coco
from _coco_rows import BOX_ROWS, row_name
from _truth import series, write_truth
from _vision_refs import UPSTREAM_COMMIT, references

refs = references("detection")

write_coco(Path("."), {"train": 12, "val": 2}, ".png", polygons=True)

BATCH = 2
STEPS_PER_EPOCH = 12 // BATCH

sys.path.insert(0, str(refs))
import coco_eval  # noqa: E402  (the reference's own modules, the ones train.py imports)
import utils  # noqa: E402

updates: list[tuple[int, dict[str, float]]] = []  # (logger id, values given to update)
lines: list[tuple[str, int, dict[str, tuple[float, float, float, int]]]] = []
coco_stats: list[list[float]] = []
original_update = utils.MetricLogger.update
original_str = utils.MetricLogger.__str__
original_log_every = utils.MetricLogger.log_every
original_summarize = coco_eval.CocoEvaluator.summarize


def update(self, **kwargs):
    original_update(self, **kwargs)
    updates.append((id(self), {k: v.item() if isinstance(v, torch.Tensor) else v
                               for k, v in kwargs.items()}))


def log_every(self, iterable, print_freq, header=None):
    self.__dict__["zoo_header"] = header
    return original_log_every(self, iterable, print_freq, header)


def logger_str(self):
    lines.append((self.__dict__.get("zoo_header") or "", id(self),
                  {name: (meter.median, meter.global_avg, meter.value, meter.count)
                   for name, meter in self.meters.items()}))
    return original_str(self)


def summarize(self):
    original_summarize(self)
    coco_stats.append([float(v) for v in self.coco_eval["bbox"].stats])


utils.MetricLogger.update = update
utils.MetricLogger.log_every = log_every
utils.MetricLogger.__str__ = logger_str
coco_eval.CocoEvaluator.summarize = summarize

random.seed(0)
torch.manual_seed(0)
sys.argv = [str(refs / "train.py"), "--data-path", ".", "--dataset", "coco",
            "--model", "fasterrcnn_mobilenet_v3_large_320_fpn", "--epochs", "2",
            "--batch-size", str(BATCH), "--workers", "0", "--device", "cpu",
            "--output-dir", "out"]
runpy.run_path(str(refs / "train.py"), run_name="__main__")

LOSSES = ("loss", "loss_classifier", "loss_box_reg", "loss_objectness", "loss_rpn_box_reg")
train: dict[str, list[tuple[int, float]]] = {name: [] for name in (*LOSSES, "lr")}
for header, logger, meters in lines:
    found = re.match(r"Epoch: \[(\d+)\]", header)
    if not found:  # the Test: lines (model_time, evaluator_time: timings)
        continue
    step = int(found.group(1)) * STEPS_PER_EPOCH + meters["loss"][3]
    for name in LOSSES:
        median, global_avg, _, count = meters[name]
        kept = [values[name] for owner, values in updates
                if owner == logger and name in values][:count]
        assert len(kept) == count
        window = torch.tensor(kept[-20:]).median().item()
        assert median == window, (name, median, window)
        assert abs(global_avg - statistics.fmean(kept)) < 1e-9, (name, global_avg)
        train[name].append((step, median))  # the median, printed first
    train["lr"].append((step, meters["lr"][2]))  # window 1, "{value:.6f}"

metrics = {name: series(train[name], "step", tolerance=5.1e-5) for name in LOSSES}
metrics["lr"] = series(train["lr"], "step", tolerance=5.1e-7)
assert len(coco_stats) == 2
for index, (kind, iou, area, dets) in enumerate(BOX_ROWS):
    name = row_name(kind, iou, area, dets)
    metrics[name] = series(((epoch, stats[index]) for epoch, stats in enumerate(coco_stats)),
                           "epoch", tolerance=5e-4)
write_truth("torchvision", torchvision.__version__,
            "the reference script's utils.MetricLogger meters at each printed training line "
            "(median, the first number; checked against the values update() was given) and "
            "evaluate()'s CocoEvaluator coco_eval['bbox'].stats after each summarize()",
            metrics,
            also_ok=["time", "data", "eta", "total_time", "training_time", "model_time",
                     "evaluator_time", "test_model_time", "test_evaluator_time", "test_time",
                     "test_data", "test_eta", "test_total_time"],
            notes=f"pytorch/vision references/detection at {UPSTREAM_COMMIT} (from the "
                  "amd-fuweiy/vision snapshot's upstream history; a pytorch/vision fetch was "
                  f"refused, over the size limit); torch {torch.__version__}; pycocotools 2.0.11")
