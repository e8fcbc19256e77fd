"""DETR (facebookresearch/detr, "End-to-End Object Detection with Transformers"; no PyPI
package, no release: repository commit 29901c51d7fe8712168b8d0d64351170bc0f83e0, 2024-03-12,
its last; ``main.py``, ``engine.py`` and ``util/misc.py`` last changed 2021-10-08), its own
``main.py`` run from the repository as its README trains it (``python main.py --coco_path
/path/to/coco``), on torch 2.14.1 and torchvision 0.29.1 (PyPI's CUDA builds, run on the CPU)
with pycocotools 2.0.11 and scipy 1.17.1 (its matcher's ``linear_sum_assignment``):

    python main.py --coco_path coco --output_dir out --device cpu --epochs 2
        --batch_size 2 --num_workers 0 --backbone resnet18 --enc_layers 2 --dec_layers 3
        --dim_feedforward 512 --num_queries 10

Every other option is main.py's default: AdamW lr 1e-4 (backbone 1e-5), weight decay 1e-4,
StepLR at 200, gradient clipping 0.1, ``--seed 42`` (main.py seeds torch, numpy and
``random`` itself), hidden size 256, 8 heads, auxiliary decoding losses on (``--no_aux_loss``
not given), matcher costs 1/5/2, ``--eos_coef 0.1``, sine position embedding. The smaller
backbone and transformer keep the run near 30 s on this machine (the defaults, resnet50 with
6+6 layers of 2048, took two minutes: DETR's transforms resize every image to 480-800 px,
the val images to 800). The repository is not a pip package: the case finds it under
``$ZOO_REPOS/detr`` (default ``~/.cache/exptrack-zoo/repos``; ``git archive 29901c51 | tar
-x -C .../detr`` of a ``fetch`` of facebookresearch/detr), checks ``main.py``,
``engine.py``, ``util/misc.py`` and ``models/backbone.py`` against their git blob ids at that
commit, and runs ``main.py`` with the venv's python (subprocess, cwd the case's temp folder,
stdout and stderr inherited). No line of DETR is changed.

Data, made here, in the COCO layout ``datasets/coco.py`` reads under ``--coco_path``:
``train2017/`` (6 images) and ``val2017/`` (2) of 64x64 JPEGs on grey noise, each with one or
two filled rectangles of three colours (sides 18-40 px), and
``annotations/instances_{train,val}2017.json`` (boxes, ``area``, ``iscrowd`` 0; categories 1
red, 2 green, 3 blue; ``num_classes`` stays DETR's 91 for ``--dataset_file coco``). 6 images
/ batch 2: 3 iterations an epoch; the val set is one batch.

The backbone's weights: ``models/backbone.py`` builds ``getattr(torchvision.models,
name)(..., pretrained=is_main_process(), norm_layer=FrozenBatchNorm2d)``, always asking for
ImageNet weights (``pretrained`` is True in a single process); no option turns it off
(``--lr_backbone 0`` only freezes them; ``--resume`` and ``--frozen_weights`` load after the
model is built). torchvision's loader (``load_state_dict_from_url``) downloads only when the
file is not already in torch hub's cache, ``$TORCH_HOME/hub/checkpoints/<file name of the
URL>``, and checks the hash only of a download. So the case sets ``TORCH_HOME`` to
``torch_home/`` in its cwd for the run and writes there, as ``resnet18-f37072fd.pth`` (the
name ``ResNet18_Weights.IMAGENET1K_V1``'s URL gives), the state dict of a freshly initialised
``torchvision.models.resnet18()`` (``torch.manual_seed(0)``: what ``weights=None`` builds).
DETR's own code path runs unchanged and loads it; nothing is downloaded; the run trains from
scratch. torchvision still warns on stderr that ``pretrained`` is deprecated and that it is
"equivalent to passing ``weights=ResNet18_Weights.IMAGENET1K_V1``" (the name of the weights
it looks for, not what the file holds).

What it prints (stdout, plain ``print``): ``Not using distributed mode``; ``git:`` and
``  sha: N/A, status: clean, branch: N/A`` (``get_sha``: the unpacked archive is no git
checkout; git's ``fatal: not a git repository ...`` goes to stderr); ``print(args)``, a
``Namespace(lr=0.0001, ...)``; ``number of params: 14727264``; pycocotools' ``loading
annotations into memory...``/``Done (t=0.00s)``/``creating index...``/``index created!``
twice; ``Start training``; then each epoch ``engine.train_one_epoch``'s
``MetricLogger.log_every`` lines (``print_freq`` 10: iterations 0 and the last, 2; no GPU, so
no ``max mem``), one line of about 2,000 characters::

    Epoch: [0]  [2/3]  eta: 0:00:02  lr: 0.000100  class_error: 100.00  loss: 25.1155
    (24.7338)  loss_ce: 3.9180 (4.1344)  loss_bbox: 2.7919 (2.7112)  ...  loss_ce_0: ...
    cardinality_error_1_unscaled: 7.0000 (8.3333)  time: 2.8226  data: 0.0198

``Epoch: [0] Total time: 0:00:08 (2.8238 s / it)``, ``Averaged stats: lr: 0.000100
class_error: 100.00  loss: 25.1155 (24.7338)  ...`` (the logger again, without the timings);
then ``evaluate``'s ``Test:  [0/1]  eta: 0:00:01  class_error: 100.00  loss: 22.8040
(22.8040)  ...  time: 1.4816  data: 0.0188``, ``Test: Total time: ...``, ``Averaged stats:
class_error: 100.00  loss: 22.8040 (22.8040) ...``, pycocotools' ``Accumulating evaluation
results...``/``DONE (t=0.00s).``, ``IoU metric: bbox`` and its twelve ``Average Precision
(AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.000`` rows; at the end ``Training time
0:00:21``. A meter prints ``{median:.4f} ({global_avg:.4f})``: the median of its last 20
values (torch's median, the lower middle one) and, in parentheses, the epoch's running mean;
``lr`` (``{value:.6f}``) and ``class_error`` (``{value:.2f}``) are window-1 meters printing
the last value. The loss meters are ``loss`` (the weighted sum), the weighted ``loss_ce``,
``loss_bbox``, ``loss_giou``, the auxiliary decoder layers' ``loss_ce_0`` .. ``loss_giou_1``
(``--dec_layers 3``: layers 0 and 1), and every term again ``*_unscaled`` with
``class_error_unscaled`` and ``cardinality_error*_unscaled``.

Truth: the run's own ``out/log.txt`` (``--output_dir``): main.py appends after each epoch
``json.dumps(log_stats)``, ``{'train_<k>': ..., 'test_<k>': ..., 'epoch', 'n_parameters'}``,
where ``train_<k>``/``test_<k>`` are what ``train_one_epoch``/``evaluate`` return, ``{k:
meter.global_avg}`` of every meter (the epoch's mean, full precision), and
``test_coco_eval_bbox`` is ``CocoEvaluator.coco_eval['bbox'].stats`` (the twelve printed
rows). Nothing is parsed from stdout. Judgement calls:
- Names as log.txt keys them (the framework's record): ``train_loss``, ``train_loss_ce``,
  ..., ``train_lr``, ``train_class_error``, ``test_loss``, ... (main.py adds the ``train_``
  and ``test_`` prefixes; the console prints the bare meter names under ``Epoch: [n]`` and
  ``Test:``). Key ``epoch``, log.txt's own (0-based, as ``Epoch: [0]``). ``epoch`` and
  ``n_parameters`` (printed ``number of params: 14727264``, a count) are no metrics.
- ``test_coco_eval_bbox`` (a list) is the twelve COCO rows, named as docs/metrics.md names
  pycocotools' rows (the printed query without padding, ``Average Precision (AP)
  @[IoU=0.50:0.95|area=all|maxDets=100]``; boxes, so no ``segm_`` prefix), tolerance 5e-4
  (``.3f``). ``-1.000`` (no object of that area: no box can be over 96x96 in a 64x64 image,
  so ``area=large`` is -1) is pycocotools' value and kept. After 6 steps from random weights
  the model finds no box: the other rows are 0.000 (what the record holds; still scored by
  name and count).
- Which printed figure is the record: a ``train_`` value is the epoch's mean, printed only
  in parentheses on the epoch's last ``Epoch: [n]`` line and its ``Averaged stats:`` reprint
  (``loss: 25.1155 (24.7338)``: log.txt's ``train_loss`` is 24.7338...); the first number
  (the window median) is another statistic, and no line prints a ``train_`` name. With 3
  iterations an epoch they differ. ``train_lr`` is the mean of a constant lr, equal to the
  printed ``lr: 0.000100``. ``train_class_error`` is the epoch's mean class error; the
  printed ``class_error: 100.00`` is the last iteration's (window 1), and the mean is printed
  only as ``class_error_unscaled``'s parenthesis (the same values go to both meters). The
  val set is one batch, so each ``test_`` value is that batch's, the median and the mean
  alike: ``Test:  [0/1] ... loss: 22.8040 (22.8040)`` is log.txt's ``test_loss``.
- Tolerances from the printed rounding: 5e-5 (``.4f``) for the loss, ``*_unscaled`` and
  ``cardinality_error*`` meters, 5e-3 for ``class_error`` (``.2f``), 5e-7 for ``lr``
  (``.6f``).
- ``also_ok``: the bare meter names the ``Epoch: [n]`` lines print (``loss``, ``loss_ce``,
  ..., ``lr``, ``class_error``): each line's window median (or last value), a finer series
  of the quantities log.txt keeps per epoch, fine to record, not expected (as
  ``timm_train``'s per-batch ``Test:`` values); the timings ``time``, ``data`` (seconds an
  iteration, the window's mean, ``{avg:.4f}``), ``eta``, ``Total time`` with its ``s / it``,
  ``Training time``, with the ``Test:`` lines' ``test_`` forms.
- Not metrics: ``print(args)``'s settings, the ``[2/3]`` counters, ``Epoch: [n]``.
- Determinism: main.py's ``--seed 42`` seeds the initialisation (the transformer's; the
  backbone's is the case's seeded file), the sampler and the random resizes and crops; with
  ``--num_workers 0`` and one thread the values repeat on the CPU; only the times vary.
"""
# zoo-venv: detr

import json
import os
import subprocess
import sys
from pathlib import Path

import torch
import torchvision
from _coco_images import write_coco
from _coco_rows import BOX_ROWS, row_name
from _truth import series, write_truth
from _verbatim import first_changed

REPO = "facebookresearch/detr"
COMMIT = "29901c51d7fe8712168b8d0d64351170bc0f83e0"
BLOBS = {"main.py": "e5f9eff80bc01595eb32a6264cd88d187912c842",
         "engine.py": "ac5ea6ff473ea18ae74e91e2d6c178d1e88051a3",
         "util/misc.py": "dfa9fb5b8f9e44c98e42aa9bb7275f6fa151472d",
         "models/backbone.py": "96680932d7613b32db18b505d51d967a57d6becc"}
EPOCHS = 2

repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
repo = repos.expanduser() / "detr"
if (rel := first_changed(repo, BLOBS)) is not None:
    sys.exit(f"{repo / rel} is not {REPO}'s at {COMMIT} (git archive {COMMIT[:8]} | tar -x -C "
             f"{repo})")

# --- the data: COCO's layout under --coco_path ---
root = Path("coco")
write_coco(root, {"train": 6, "val": 2}, ".jpg", polygons=False)

# --- the backbone's "pretrained" weights: a fresh, seeded init where torch hub's cache has
# the file torchvision would download (see the docstring); nothing is downloaded ---
torch_home = Path("torch_home").resolve()
checkpoints = torch_home / "hub" / "checkpoints"
checkpoints.mkdir(parents=True)
url = torchvision.models.ResNet18_Weights.IMAGENET1K_V1.url
torch.manual_seed(0)
torch.save(torchvision.models.resnet18().state_dict(), checkpoints / url.rsplit("/", 1)[1])

subprocess.run([sys.executable, str(repo / "main.py"), "--coco_path", str(root),
                "--output_dir", "out", "--device", "cpu", "--epochs", str(EPOCHS),
                "--batch_size", "2", "--num_workers", "0", "--backbone", "resnet18",
                "--enc_layers", "2", "--dec_layers", "3", "--dim_feedforward", "512",
                "--num_queries", "10"],
               check=True, env={**os.environ, "TORCH_HOME": str(torch_home)})

# --- the truth: out/log.txt, one JSON line an epoch ---
log = Path("out/log.txt")
rows = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line]
assert [row["epoch"] for row in rows] == list(range(EPOCHS)), rows


def tolerance(key: str) -> float:
    """Half a unit of the printed rounding of the meter behind a log.txt key."""
    meter = key.split("_", 1)[1]
    if meter == "lr":
        return 5e-7  # "{value:.6f}"
    if meter == "class_error":
        return 5e-3  # "{value:.2f}"
    return 5e-5  # "{median:.4f} ({global_avg:.4f})"


metrics = {}
for key in rows[0]:
    if key in ("epoch", "n_parameters", "test_coco_eval_bbox"):
        continue
    metrics[key] = series(((row["epoch"], row[key]) for row in rows), "epoch",
                          tolerance=tolerance(key))
for index, (kind, iou, area, dets) in enumerate(BOX_ROWS):
    metrics[row_name(kind, iou, area, dets)] = series(
        ((row["epoch"], row["test_coco_eval_bbox"][index]) for row in rows), "epoch",
        tolerance=5e-4)

printed_train = [key.split("_", 1)[1] for key in rows[0] if key.startswith("train_")]
timings = ["time", "data", "eta", "total_time"]
write_truth("DETR", f"{COMMIT[:8]} (no release)",
            "main.py's --output_dir log.txt: one json.dumps(log_stats) line an epoch, "
            "train_<meter>/test_<meter> = the epoch's MetricLogger global_avg, "
            "test_coco_eval_bbox = CocoEvaluator coco_eval['bbox'].stats",
            metrics, files=[str(log)],
            also_ok=[*printed_train, *timings, "training_time",
                     *(f"test_{name}" for name in timings)],
            notes=f"{REPO} at {COMMIT}, run from $ZOO_REPOS/detr; torch {torch.__version__}, "
                  f"torchvision {torchvision.__version__}; backbone resnet18 from a seeded "
                  "fresh init placed in TORCH_HOME's hub cache (no download); n_parameters "
                  f"{rows[0]['n_parameters']}")
