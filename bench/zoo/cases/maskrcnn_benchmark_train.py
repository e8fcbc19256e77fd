"""Facebook's maskrcnn-benchmark (facebookresearch/maskrcnn-benchmark, no PyPI release,
version 0.1 in its setup.py; master's last commit 57eec25b75144d9fb1a6857f32553e1574177daf,
2019-11-20, the repository deprecated in favour of Detectron2), unpacked under
``$ZOO_REPOS/maskrcnn-benchmark`` (default ``~/.cache/exptrack-zoo/repos``; ``git archive
57eec25b | tar -x -C ...``) and installed into the venv by its own ``python setup.py build
develop``, which compiles its ``maskrcnn_benchmark._C`` extension CPU-only (no CUDA found:
a CppExtension of ``csrc/*.cpp`` and ``csrc/cpu/*.cpp``) with the machine's g++ 12.2.0
against torch 1.4.0 (PyPI's cp37 wheel) and torchvision 0.5.0, on Python 3.7 (see
requirements-maskrcnnbench.txt). The case checks the files it relies on against git's blob
ids at that commit and runs the repository's ``tools/train_net.py`` in-process (``runpy``
as ``__main__``) as its README trains on one GPU, here on the CPU::

    python tools/train_net.py --config-file configs/rpn_R_50_FPN_1x.yaml --skip-test
        MODEL.DEVICE cpu MODEL.WEIGHT '' DATASETS.TRAIN "('coco_2017_train',)"
        DATASETS.TEST "('coco_2017_train',)" INPUT.MIN_SIZE_TRAIN "(64,)"
        INPUT.MAX_SIZE_TRAIN 64 INPUT.MIN_SIZE_TEST 64 INPUT.MAX_SIZE_TEST 64
        SOLVER.MAX_ITER 40 SOLVER.IMS_PER_BATCH 2 SOLVER.BASE_LR 0.0025
        DATALOADER.NUM_WORKERS 0 OUTPUT_DIR ''

- The config: ``rpn_R_50_FPN_1x.yaml``, the repository's RPN-only ResNet-50-FPN
  (``MODEL.RPN_ONLY: True``), built from scratch (``MODEL.WEIGHT ''``: the checkpointer logs
  ``No checkpoint found. Initializing model from scratch``; nothing downloaded). Not a Mask
  or Faster R-CNN config: their ROI heads pool with the extension's ``ROIAlign``, whose
  backward has no CPU kernel (``csrc/ROIAlign.h``: ``AT_ERROR("Not implemented on the
  CPU")``; tried with ``e2e_mask_rcnn_R_50_FPN_1x.yaml``: ``RuntimeError: Not implemented
  on the CPU (ROIAlign_backward ...)`` at the first ``backward``, then an abort). The RPN
  needs only the extension's NMS, whose CPU kernel exists.
- ``SOLVER.BASE_LR 0.0025`` with ``IMS_PER_BATCH 2``: the README's single-GPU advice (the
  linear scaling rule from 0.02 at 16 images); the rest of the schedule is the defaults':
  SGD momentum 0.9, ``WarmupMultiStepLR`` with a linear warm-up from a third over 500
  iterations (so the 40 iterations stay in it: lr 0.0025 * (1/3 + 2/3 * k/500) after k
  steps), steps at 60000/80000 from the yaml.
- ``OUTPUT_DIR ''``: no ``log.txt``, no ``model_final.pth`` (weights and SGD state, over
  100 MB: the checkpointer saves nothing without a folder); ``config.yml`` and
  ``labels.json`` land in the cwd.
  ``--skip-test``: no inference after training (``run_test`` would need a ``TEST`` set
  evaluated through COCO; the point here is the training log).
- ``DATALOADER.NUM_WORKERS 0`` (2 cores), tiny 64-pixel inputs; 40 iterations of 2 images
  take about 30-50 s of CPU.

Data: the case writes a COCO-format set where the catalog's own ``coco_2017_train`` entry
looks (``paths_catalog.py``: ``DATA_DIR = "datasets"``, relative to the cwd):
``datasets/coco/train2017/`` with 8 64x64 JPEGs and
``datasets/coco/annotations/instances_train2017.json`` (``_coco_images.write_coco``: one or
two filled rectangles a picture on grey noise, three colour categories, polygons as
segmentations), so no catalog entry is added or changed. ``random``, numpy and torch are
seeded with 0 before ``train_net.py`` runs (it seeds nothing): the losses repeat; only the
times vary.

Stand-ins, set before anything imports them (no file of the repository changed):
- NVIDIA apex: ``train_net.py``, ``engine/trainer.py`` and ``layers/{nms,roi_align,
  roi_pool}.py`` do ``from apex import amp``, which no PyPI package provides (apex is built
  from its own repository) and whose real ``amp.initialize`` rejects CPU parameters. The
  case puts a module ``apex.amp`` in ``sys.modules`` that does what apex's amp does at the
  ``opt_level='O0'`` train_net.py asks for with ``DTYPE float32`` (fp32, loss scale 1):
  ``initialize`` returns the model and optimizer, ``scale_loss`` yields the loss as it is,
  ``float_function`` (an O1 cast) returns the function.
- ``torch.cuda.max_memory_allocated``: do_train formats it into every line (``max mem:``),
  and torch 1.4's asks the CUDA driver, which fails with no GPU (``AssertionError: Found
  no NVIDIA driver on your system``); the case makes it return 0, what torch 1.6 and later
  return when CUDA was never initialised.

What it prints (the ``maskrcnn_benchmark`` logger's stdout handler, format ``%(asctime)s
%(name)s %(levelname)s: %(message)s``; about 250 lines, nothing on stderr): ``Using 1
GPUs``, the ``Namespace(...)``, ``Collecting env info``, torch's ``collect_env`` block
(``PyTorch version: 1.4.0``, ``Is CUDA available: No``, ...), the yaml's text, ``Running
with config:`` and the whole merged config (about 200 lines such as ``    BASE_LR: 0.0025``,
``  MAX_ITER: 40``, ``    ANCHOR_SIZES: (32, 64, 128, 256, 512)``), ``Saving config into:
config.yml``, the no-checkpoint line, a data-loader WARNING about OOM, pycocotools'
``loading annotations into memory...`` / ``Done (t=0.00s)`` / ``creating index...`` /
``index created!``, ``Saving labels mapping into labels.json``, ``Start training``, then
do_train's line at every 20th iteration and the last::

 2026-12-07 18:33:31,488 maskrcnn_benchmark.trainer INFO: eta: 0:00:20  iter: 20  loss: 1.1226
 (2.8862)  loss_objectness: 0.5846 (1.5309)  loss_rpn_box_reg: 0.3605 (1.3553)  time: 1.0225
 (1.0373)  data: 0.0049 (0.0062)  lr: 0.000900  max mem: 0

(one line), the same at ``iter: 40``, and ``Total training time: 0:00:46.270455 (1.1568 s /
it)``.

Truth. maskrcnn-benchmark keeps no record of its losses: ``do_train``'s ``MetricLogger``
lives in memory and is dropped when it returns; with an ``OUTPUT_DIR`` the file handler's
``log.txt`` is the same text as stdout, and the checkpoints hold weights, optimizer,
scheduler and ``iteration`` only. So the case adds one line to
``maskrcnn_benchmark/engine/trainer.py`` (``RECORD_LINES``; ``_verbatim.load_with_lines``
runs the module again from the checked file with it), right after ``if iteration % 20 == 0
or iteration == max_iter:``, before the ``logger.info`` that formats the line: it keeps each
meter's ``median`` and ``global_avg`` (the two numbers ``MetricLogger.__str__`` formats,
``"{}: {:.4f} ({:.4f})"``) and ``optimizer.param_groups[0]["lr"]`` (``lr: {lr:.6f}``).
Nothing is parsed from stdout. Judgement calls (docs/metrics.md; as
``torchvision_detection_ref`` judges the same MetricLogger layout):
- names as the trainer keys its meters: ``loss`` (the sum it logs) and the model's
  ``loss_dict`` keys ``loss_objectness``, ``loss_rpn_box_reg``; and ``lr`` as printed;
- each loss's value is the first number, the median of the meter's window (20 values: at
  iteration 20 the median of all 20, torch's lower middle, at 40 of iterations 21-40); the
  running mean in parentheses (``global_avg``) has no name of its own and is no series
  (a parenthesised value, as a spread is); the notes keep it;
- 2 points each, keyed ``step`` = ``iter:`` (20, 40); tolerances half a printed unit with
  slack, 5.1e-5 (``.4f``) and 5.1e-7 for ``lr`` (``.6f``);
- ``also_ok``: ``time`` and ``data`` (seconds an iteration, meters like the losses),
  ``eta``, ``max_mem`` (``max mem: 0``, the stand-in's 0), ``total_training_time``;
- not metrics: the merged config's numbers, ``collect_env``'s versions, ``Using 1 GPUs``,
  ``Done (t=0.00s)``.
"""
# zoo-venv: maskrcnnbench

import os
import random
import runpy
import sys
import types
from pathlib import Path

import numpy as np
import torch
import torchvision
from _coco_images import write_coco
from _truth import series, write_truth
from _verbatim import first_changed, load_with_lines

REPO = "facebookresearch/maskrcnn-benchmark"
COMMIT = "57eec25b75144d9fb1a6857f32553e1574177daf"
TRAINER = "maskrcnn_benchmark/engine/trainer.py"
BLOBS = {TRAINER: "5d9cae7444d3f02ba712413aad0b1c56b7e3c104",
         "tools/train_net.py": "400ca629771d9485b97571ed51d12eb39e893409",
         "maskrcnn_benchmark/utils/metric_logger.py": "5e37a72ea4b4c85546de98210295a6adb134a297",
         "configs/rpn_R_50_FPN_1x.yaml": "0f7ff58a14d71cd523feeb805e82f3611303f8ce"}
MAX_ITER = 40
IMAGES = 8

# the record: a line added to do_train right after the test that decides a line is logged,
# before the logger.info call formats it; no line of the stock text changed. It keeps each
# meter's median and global_avg (what str(meters) formats) and the lr the line prints.
RECORD_LINES = {
    "        if iteration % 20 == 0 or iteration == max_iter:\n":
        "            ZOO_RECORD.append((iteration, {name: (meter.median, meter.global_avg) for "
        "name, meter in meters.meters.items()}, optimizer.param_groups[0][\"lr\"]))  "
        "# zoo: the values about to be logged\n",
}

repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
repo = repos.expanduser() / "maskrcnn-benchmark"
rel = first_changed(repo, BLOBS)
if rel is not None:
    sys.exit(f"{repo / rel} is not {REPO}'s at {COMMIT} (git archive {COMMIT[:8]} | tar -x -C "
             f"{repo}, then setup.py build develop)")

# --- stand-ins: NVIDIA apex's amp at opt_level O0 (no pip package; its real amp refuses CPU
# tensors), and torch.cuda.max_memory_allocated as torch >= 1.6 answers with no CUDA ---
amp = types.ModuleType("apex.amp")


class _ScaleLoss:
    def __init__(self, loss, optimizer):
        self.loss = loss

    def __enter__(self):
        return self.loss  # O0: loss scale 1.0

    def __exit__(self, *exc):
        return False


amp.initialize = lambda model, optimizer, opt_level="O0", **kw: (model, optimizer)
amp.scale_loss = _ScaleLoss
amp.float_function = lambda fn: fn  # O1 only
apex = types.ModuleType("apex")
apex.amp = amp
sys.modules["apex"] = apex
sys.modules["apex.amp"] = amp
torch.cuda.max_memory_allocated = lambda device=None: 0

record = []
import maskrcnn_benchmark.engine.trainer as trainer  # noqa: E402

load_with_lines(trainer, repo / TRAINER, BLOBS[TRAINER], RECORD_LINES, record,
                f"{REPO} at {COMMIT[:8]}")

write_coco(Path("datasets/coco"), {"train": IMAGES}, ".jpg", polygons=True)
random.seed(0)
np.random.seed(0)
torch.manual_seed(0)
sys.argv = ["tools/train_net.py", "--config-file",
            str(repo / "configs/rpn_R_50_FPN_1x.yaml"), "--skip-test",
            "MODEL.DEVICE", "cpu", "MODEL.WEIGHT", "",
            "DATASETS.TRAIN", "('coco_2017_train',)", "DATASETS.TEST", "('coco_2017_train',)",
            "INPUT.MIN_SIZE_TRAIN", "(64,)", "INPUT.MAX_SIZE_TRAIN", "64",
            "INPUT.MIN_SIZE_TEST", "64", "INPUT.MAX_SIZE_TEST", "64",
            "SOLVER.MAX_ITER", str(MAX_ITER), "SOLVER.IMS_PER_BATCH", "2",
            "SOLVER.BASE_LR", "0.0025", "DATALOADER.NUM_WORKERS", "0", "OUTPUT_DIR", ""]
runpy.run_path(str(repo / "tools/train_net.py"), run_name="__main__")

# --- the truth: the meters' values at each logged line (iterations 20 and 40) ---
assert [iteration for iteration, _, _ in record] == list(range(20, MAX_ITER + 1, 20)), record
LOSSES = ("loss", "loss_objectness", "loss_rpn_box_reg")  # "loss" and loss_dict's keys
assert all(list(meters) == [*LOSSES, "time", "data"] for _, meters, _ in record), record
metrics = {name: series(((iteration, meters[name][0]) for iteration, meters, _ in record),
                        "step", tolerance=5.1e-5)  # the median, printed first, "{:.4f}"
           for name in LOSSES}
metrics["lr"] = series(((iteration, lr) for iteration, _, lr in record), "step",
                       tolerance=5.1e-7)  # "lr: {lr:.6f}"
write_truth("maskrcnn-benchmark", f"{COMMIT[:8]} (0.1, no release)",
            "do_train's MetricLogger meters (SmoothedValue.median and global_avg) and "
            "optimizer.param_groups[0]['lr'] at each logged line, kept by a line the case adds "
            "to maskrcnn_benchmark/engine/trainer.py (the median is the truth)",
            metrics,
            also_ok=["time", "data", "eta", "max_mem", "total_training_time"],
            notes=f"{REPO} at {COMMIT}, under $ZOO_REPOS/maskrcnn-benchmark, its _C extension "
                  f"built CPU-only by setup.py build develop; torch {torch.__version__}, "
                  f"torchvision {torchvision.__version__}; configs/rpn_R_50_FPN_1x.yaml; "
                  "global averages (in parentheses): " + "; ".join(
                      f"iter {iteration}: " + ", ".join(
                          f"{name} {meters[name][1]!r}" for name in LOSSES)
                      for iteration, meters, _ in record))
