"""DeiT (facebookresearch/deit, "Training data-efficient image transformers & distillation
through attention"; no PyPI package, no release: repository commit
7e160fe43f0252d17191b71cbb5826254114ea5b, 2024-03-15, its last; ``main.py`` last changed
2023-05-28, ``engine.py`` 2023-08-11, ``utils.py`` 2022-07-13), its own ``main.py`` run as
its README trains DeiT-Ti (``python main.py --model deit_tiny_patch16_224 --batch-size 256
--data-path /path/to/imagenet --output_dir /path/to/save``, there under
``torch.distributed.launch``), on timm 0.4.12 with torch 2.14.1 and torchvision 0.29.1
(PyPI's CUDA builds, run on the CPU):

    python main.py --model deit_tiny_patch16_224 --input-size 64 --data-set IMNET
        --data-path imagenet --epochs 2 --batch-size 4 --num_workers 0 --no-pin-mem
        --no-repeated-aug --mixup 0 --cutmix 0 --lr 1e-3 --unscale-lr --warmup-epochs 0
        --device cpu --output_dir out

timm: the repository pins ``timm==0.3.2``, which cannot import on torch 2.x (``from
torch._six import container_abcs``); timm 0.5 and later drop the ``_pil_interp`` that
``augment.py`` imports; 0.4.12, the last 0.4 release, runs ``main.py`` unchanged (see
``requirements-deit.txt``). The repository is not a pip package: the case finds it under
``$ZOO_REPOS/deit`` (default ``~/.cache/exptrack-zoo/repos``; ``git archive 7e160fe4 | tar
-x -C .../deit`` of a ``fetch`` of facebookresearch/deit) and checks ``main.py``,
``engine.py``, ``utils.py``, ``datasets.py`` and ``models.py`` against their git blob ids at
that commit. No line of DeiT is changed.

How it runs, and the one stand-in: ``main.py`` runs in this process as ``python main.py``
would run it (``runpy.run_path(..., run_name="__main__")``, the repository first on
``sys.path``, ``sys.argv`` as above, stdout and stderr the case's). ``engine.py``'s
``train_one_epoch`` calls ``torch.cuda.synchronize()`` after every step unconditionally,
which raises on a machine with no GPU (``RuntimeError: Found no NVIDIA driver on your
system``); with no CUDA device there is nothing to wait for, so the case makes
``torch.cuda.synchronize`` a no-op when ``torch.cuda.is_available()`` is false (the minimal
fix; DeiT's files stay verbatim). Running in-process also lets the case seed ``random``:
``main.py`` seeds torch and numpy, its ``random.seed(seed)`` is commented out, and timm's
RandAugment, random-resized crop and random erasing draw from ``random``.

The options beyond the README's: ``--input-size 64`` (4x4 patches of 16; DeiT-Ti's 12
blocks of width 192 stay, 5,682,856 parameters with the 1000-class head), ``--batch-size 4``
(the lr is given with ``--unscale-lr``, else main.py scales it by batch/512),
``--num_workers 0`` and ``--no-pin-mem`` (one process, no GPU), ``--no-repeated-aug`` (only
used when distributed anyway), ``--dist-eval`` off (its default). ``--mixup 0 --cutmix 0``:
timm 0.4.12's ``Mixup`` builds its one-hot targets with ``device='cuda'`` (fixed in later
timm), which fails on the CPU; with both off main.py trains with
``LabelSmoothingCrossEntropy(smoothing=0.1)``, its own branch. ``--lr 1e-3 --warmup-epochs
0``: at the default scaled lr (3.9e-6 for batch 4) and 5 warm-up epochs from ``1e-6``
nothing moves in 8 steps and every accuracy is 0; this way the head learns the four classes
present and the accuracies differ by epoch. Everything else is main.py's default: AdamW,
weight decay 0.05, cosine schedule stepped once an epoch with the epoch just finished
(``lr_scheduler.step(epoch)``, so both epochs run at 1e-3), drop path 0.1, model EMA on (not
evaluated), RandAugment ``rand-m9-mstd0.5-inc1``, colour jitter 0.3, random erasing 0.25,
``--seed 0``.

Data, made here, in ImageNet's folder layout ``datasets.py`` reads for ``--data-set
IMNET`` (``ImageFolder`` of ``<data-path>/train`` and ``/val``; ``nb_classes`` stays its
hard-coded 1000): four classes (``circle``, ``dot``, ``square``, ``stripe``: a coloured
shape on grey noise, 72x72 PNGs), 4 training images each (16 / batch 4: 4 iterations an
epoch, ``drop_last``) and 2 val images each (8; the val loader's batch is ``int(1.5 *
4)`` = 6, so 2 batches).

What it prints (stdout, plain ``print``; the torch/timm deprecation warnings about
``torch.jit.script``, ``torch.cuda.amp.GradScaler``/``autocast`` and "CUDA is not
available ... Disabling" go to stderr): ``Not using distributed mode``, ``print(args)`` (a
``Namespace(batch_size=4, ...)``), ``Creating model: deit_tiny_patch16_224``, ``number of
params: 5682856``, ``Start training for 2 epochs``; each epoch ``utils.MetricLogger``'s
``log_every`` lines (``print_freq`` 10: iterations 0 and the last; no GPU, so no ``max
mem``)::

    Epoch: [0]  [0/4]  eta: 0:00:01  lr: 0.001000  loss: 6.8439 (6.8439)  time: 0.2744  data: 0.0103
    Epoch: [0]  [3/4]  eta: 0:00:00  lr: 0.001000  loss: 5.6840 (6.1764)  time: 0.1229  data: 0.0051
    Epoch: [0] Total time: 0:00:00 (0.1232 s / it)
    Averaged stats: lr: 0.001000  loss: 5.6840 (6.1764)
    Test:  [0/2]  eta: 0:00:00  loss: 5.2908 (5.2908)  acc1: 66.6667 (66.6667)  acc5: 66.6667
        (66.6667)  time: 0.0241  data: 0.0037
    Test:  [1/2]  eta: 0:00:00  loss: 4.7554 (5.0231)  acc1: 0.0000 (50.0000)  acc5: 66.6667
        (75.0000)  time: 0.0186  data: 0.0026
    Test: Total time: 0:00:00 (0.0190 s / it)
    * Acc@1 50.000 Acc@5 75.000 loss 5.023
    Accuracy of the network on the 8 test images: 50.0%
    Max accuracy: 50.00%

and at the end ``Training time 0:00:01``. A meter prints ``{median:.4f} ({global_avg:.4f})``:
the median of its last 20 values (torch's median, the lower middle one) and, in
parentheses, the running mean (``acc1``/``acc5`` weighted by the batch's size); ``lr`` is a
window-1 meter, ``{value:.6f}``. ``evaluate``'s `` * Acc@1 ... Acc@5 ... loss ...`` prints
the three ``global_avg`` with ``.3f``; main.py's ``Accuracy of the network on the 8 test
images:`` prints ``test_stats['acc1']`` with ``.1f``; ``Max accuracy:`` its running best.

Truth: the run's own ``out/log.txt`` (``--output_dir``): after each epoch main.py appends
``json.dumps(log_stats)``, ``{'train_lr', 'train_loss', 'test_loss', 'test_acc1',
'test_acc5', 'epoch', 'n_parameters'}``, where ``train_<k>``/``test_<k>`` are what
``train_one_epoch``/``evaluate`` return, ``{k: meter.global_avg}`` of every meter (the
epoch's mean, full precision). Nothing is parsed from stdout. Judgement calls:
- Names as log.txt keys them (the framework's record; exptrack's ``fair_log`` reads the
  file under the same names): ``train_lr``, ``train_loss``, ``test_loss``, ``test_acc1``,
  ``test_acc5`` (main.py adds the prefixes; the console prints the bare meter names under
  ``Epoch: [n]`` and ``Test:``). Key ``epoch``, log.txt's own (0-based, as ``Epoch: [0]``).
  ``epoch`` and ``n_parameters`` (printed ``number of params: 5682856``, a count) are no
  metrics.
- Which printed figure is the record: a ``train_``/``test_`` value is the epoch's mean,
  printed in parentheses on the epoch's last ``Epoch: [n]``/``Test:`` line (``loss: 5.6840
  (6.1764)``: log.txt's ``train_loss`` is 6.17635...; ``acc1: 0.0000 (50.0000)``:
  ``test_acc1`` 49.99999...); the first number, the window median, is another statistic.
  ``train_lr`` is the mean of a constant lr, the printed ``lr: 0.001000``.
- Tolerances from the printed rounding: 5e-5 (``.4f``) for ``loss``, ``acc1``, ``acc5``;
  5e-7 (``.6f``) for ``lr``. (The summary's ``.3f`` and the ``.1f`` percentage print the
  same test values more coarsely.)
- The summary line's ``Acc@1``, ``Acc@5`` (and its ``loss``) and ``Accuracy of the network
  on the 8 test images`` are ``test_acc1``, ``test_acc5`` (``test_loss``) printed again
  under other words, with fewer digits: the framework's record keeps them under the
  ``test_`` names, so they are neither metrics of their own nor ``also_ok`` (a second
  series of a recorded quantity under a printed alias would be junk); ``Max accuracy`` is
  a running best (docs/metrics.md: no series of its own), not allowed either.
- ``also_ok``: the bare meter names the ``Epoch: [n]`` lines print (``lr``, ``loss``: each
  line's window median or last value, a finer series of what log.txt keeps per epoch, as
  ``detr_train`` allows them); the timings ``time``, ``data`` (seconds an iteration, the
  window's mean, ``{avg:.4f}``), ``eta``, ``Total time`` with its ``s / it``, ``Training
  time``, with the ``Test:`` lines' ``test_`` forms.
- Not metrics: ``print(args)``'s settings, the ``[3/4]`` counters, ``Epoch: [n]``.
- Determinism: main.py's ``--seed 0`` (torch, numpy) and the case's ``random.seed(0)`` seed
  the initialisation, the sampler and the augmentations; with ``--num_workers 0`` and one
  thread (``OMP_NUM_THREADS=1``) the values repeat on the CPU; only the times vary.
"""
# zoo-venv: deit

import json
import os
import random
import runpy
import sys
from pathlib import Path

import numpy as np
import timm
import torch
import torchvision
from _truth import series, write_truth
from _verbatim import first_changed
from PIL import Image

REPO = "facebookresearch/deit"
COMMIT = "7e160fe43f0252d17191b71cbb5826254114ea5b"
BLOBS = {"main.py": "3c8dd0773e941d843817b8f82c5756b6315effb0",
         "engine.py": "1f036cffba69aa075828e61a03e2a63e9579761c",
         "utils.py": "d1064f6f31863775408a6ca721132c86536a03b5",
         "datasets.py": "a2d16f63e30179dadaf69d525bd48271340a28ff",
         "models.py": "5b22ef36bb5bc3bebf294fca407cd4d781bf19ce"}
EPOCHS = 2
CLASSES = {"circle": (200, 60, 60), "square": (60, 180, 60), "stripe": (60, 60, 200),
           "dot": (190, 170, 40)}

repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
repo = repos.expanduser() / "deit"
if (rel := first_changed(repo, BLOBS)) is not None:
    sys.exit(f"{repo / rel} is not {REPO}'s at {COMMIT} (git archive {COMMIT[:8]} | tar -x -C "
             f"{repo})")

# --- the data: ImageNet's folder layout under --data-path (train/<class>/, val/<class>/) ---
SIZE = 72
rng = np.random.default_rng(0)
root = Path("imagenet")
for split, count in (("train", 4), ("val", 2)):
    for name, colour in CLASSES.items():
        folder = root / split / name
        folder.mkdir(parents=True)
        for index in range(count):
            pixels = rng.integers(80, 150, (SIZE, SIZE, 3))
            ys, xs = np.mgrid[:SIZE, :SIZE]
            cy, cx = rng.integers(24, SIZE - 24, 2)
            mask = {"circle": (ys - cy) ** 2 + (xs - cx) ** 2 < 18 ** 2,
                    "square": (abs(ys - cy) < 16) & (abs(xs - cx) < 16),
                    "stripe": (xs // 8) % 2 == 0,
                    "dot": (ys % 12 < 5) & (xs % 12 < 5)}[name]
            pixels[mask] = colour
            Image.fromarray(pixels.astype("uint8")).save(folder / f"{name}_{index}.png")

# --- main.py, run as `python main.py ...` (runpy, __main__) with one stand-in: engine.py's
# train_one_epoch calls torch.cuda.synchronize() after every step, which raises without a
# GPU ("Found no NVIDIA driver"); with no CUDA device there is nothing to wait for ---
if not torch.cuda.is_available():
    torch.cuda.synchronize = lambda device=None: None
random.seed(0)  # main.py seeds torch and numpy; its `random.seed(seed)` is commented out
sys.path.insert(0, str(repo))
sys.argv = [str(repo / "main.py"), "--model", "deit_tiny_patch16_224", "--input-size", "64",
            "--data-set", "IMNET", "--data-path", str(root), "--epochs", str(EPOCHS),
            "--batch-size", "4", "--num_workers", "0", "--no-pin-mem", "--no-repeated-aug",
            "--mixup", "0", "--cutmix", "0", "--lr", "1e-3", "--unscale-lr",
            "--warmup-epochs", "0", "--device", "cpu", "--output_dir", "out"]
Path("out").mkdir()
runpy.run_path(str(repo / "main.py"), run_name="__main__")
sys.stdout.flush()

# --- the truth: out/log.txt, one JSON line an epoch ---
log = Path("out/log.txt")
rows = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line]
assert [row["epoch"] for row in rows] == list(range(EPOCHS)), rows


def tolerance(key: str) -> float:
    """Half a unit of the printed rounding of the meter behind a log.txt key."""
    if key == "train_lr":
        return 5e-7  # "{value:.6f}"
    return 5e-5  # "{median:.4f} ({global_avg:.4f})"


metrics = {key: series(((row["epoch"], row[key]) for row in rows), "epoch",
                       tolerance=tolerance(key))
           for key in rows[0] if key not in ("epoch", "n_parameters")}
timings = ["time", "data", "eta", "total_time"]
write_truth("DeiT", f"{COMMIT[:8]} (no release)",
            "main.py's --output_dir log.txt: one json.dumps(log_stats) line an epoch, "
            "train_<meter>/test_<meter> = the epoch's MetricLogger global_avg",
            metrics, files=[str(log)],
            also_ok=["lr", "loss", *timings, "training_time",
                     *(f"test_{name}" for name in timings)],
            notes=f"{REPO} at {COMMIT}, run from $ZOO_REPOS/deit; timm {timm.__version__}, "
                  f"torch {torch.__version__}, torchvision {torchvision.__version__}; "
                  f"n_parameters {rows[0]['n_parameters']}")
