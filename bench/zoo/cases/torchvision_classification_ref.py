"""torchvision's classification reference script (``references/classification/train.py`` with
its ``utils.py``, ``presets.py``, ``transforms.py``, ``sampler.py``; torchvision 0.29.1, torch
2.14.1), run as its README shows: ``python train.py --data-path . --model resnet18 --epochs 3
--batch-size 8 --device cpu --workers 0 --print-freq 2 --lr 0.01 --lr-step-size 1
--train-crop-size 112 --val-resize-size 128 --val-crop-size 112 --output-dir out`` (every
other option default: SGD momentum 0.9, weight decay 1e-4, StepLR gamma 0.1, no
``--weights``, so nothing is downloaded). ``--lr 0.01`` (default 0.1 diverges on this tiny
set), ``--lr-step-size 1`` (the lr changes each epoch: 0.01, 0.001, 0.0001) and the 112 crops
(default 224: four times the time) are the script's own flags. The script has no seed flag: the
case seeds torch and ``random`` with 0 and runs ``train.py`` in-process (``runpy``,
``sys.argv`` as above, the reference folder first on ``sys.path`` as when it runs as a script),
which prints exactly what the script prints.

The scripts are no pip package. They are pytorch/vision's files at upstream commit
428a54c96e82226c0d2d8522e9cbfdca64283da0 (2025-06-03; ``references/classification`` last
changed upstream at e2aff7e9de65f7b6198db1dfece5a09d01f73831, 2024-07-08), unmodified. The
``fetch`` of pytorch/vision was refused (snapshot over the size limit) and the file index keeps
its ``references/classification`` files at scattered commits (2019-2023) that do not fit
together; the files were therefore taken from the snapshot of the fork ``amd-fuweiy/vision``,
which carries upstream's history, at that upstream commit (``git archive 428a54c9
references/classification``). The case finds them under ``$ZOO_REPOS/vision/references/
classification`` (default ``~/.cache/exptrack-zoo/repos``).

Data, made here: an ImageFolder ``train/`` (48 images) and ``val/`` (8 images) of 32x32 PNGs,
6 classes (a square of one colour per class on grey noise). Six classes, not 2-3: the script
always computes top-5 accuracy (``utils.accuracy(..., topk=(1, 5))``), which needs at least 5
classes. The val set is one batch of 8.

Default printing (``MetricLogger.log_every``, plain ``print``; no GPU, so no ``max mem``):
``Epoch: [1]  [2/6]  eta: 0:00:02  lr: 0.001  img/s: 13.536557392061727  loss: 2.0555
(2.1653)  acc1: 37.5000 (41.6667)  acc5: 100.0000 (95.8333)  time: 0.7303  data: 0.0137``
every 2nd batch (``i % 2 == 0``: 3 lines an epoch), ``Epoch: [1] Total time: 0:00:03``, then
the evaluation's ``Test:   [0/1]  eta: 0:00:00  loss: 1.9118 (1.9118)  acc1: 75.0000 (75.0000)
acc5: 87.5000 (87.5000)  time: 0.1189  data: 0.0053`` (its ``print_freq`` is 100: the first
batch only), ``Test:  Total time: 0:00:00`` and ``Test:  Acc@1 75.000 Acc@5 87.500``; at the
start ``print(args)`` (a ``Namespace``) and ``Took <seconds>`` after loading the training
split, at the end ``Training time 0:00:10``; on stderr torch's ``pin_memory`` and
``torch.cuda.amp.autocast`` deprecation warnings.

Truth: the values the script computed, read from its own ``utils.MetricLogger`` (wrapped, not
changed): each time a log line is formatted (``MetricLogger.__str__``, called only by
``log_every``'s print) the meters' ``median``, ``global_avg`` and ``value`` are recorded, and
after the evaluation's ``synchronize_between_processes`` the ``acc1``/``acc5`` ``global_avg``
it prints as ``Acc@1``/``Acc@5``. Judgements:
- a meter prints ``{median:.4f} ({global_avg:.4f})``: the window's median (window 20 > 6
  batches an epoch: the median of the epoch's batches so far; torch's median, the lower middle
  value) and, in parentheses, the epoch's running mean. The truth for ``loss``, ``acc1``,
  ``acc5`` is the first number, the median, at each printed line (9 lines: 3 epochs x batches
  0, 2, 4), keyed ``step`` = optimizer steps done when the line prints (epoch * 6 + i + 1:
  1, 3, 5, 7, ...); the running means in parentheses have no name of their own and are left
  out (a parenthesised value, as a spread is); tolerance 5.1e-5 (``.4f``; accuracies in %);
- ``lr``: a meter printed every line (``fmt="{value}"``: the float's repr, exact), the
  optimizer's lr at that step as the script logs it (0.01, 0.001, 0.0001 by epoch);
- the ``Test:`` lines, one an epoch, keyed ``epoch`` (0-based, as ``Epoch: [0]``): the batch
  line's meters named with their phase, ``test_loss``, ``test_acc1``, ``test_acc5`` (one val
  batch, so median = mean = the whole val set's value; ``.4f``), and the closing ``Test:  Acc@1
  ... Acc@5 ...`` as ``test_acc@1``, ``test_acc@5`` (the printed words with the phase word,
  ``.3f``: tolerance 5.1e-4), the same accuracies as ``test_acc1``/``test_acc5`` (after the
  sync's float32 round trip) printed again under their own words;
- not metrics: ``img/s`` (throughput), ``time``/``data`` (seconds an iteration), ``eta``,
  ``Total time``, ``Training time``, ``Took`` (timings): ``also_ok``, with their ``test_``
  forms; ``print(args)``'s settings, the ``[i/6]`` counters, ``Epoch: [n]``: none.
"""
# zoo-venv: misc

import math
import random
import re
import runpy
import sys
from pathlib import Path

import torch
import torchvision
from _truth import series, write_truth
from _vision_refs import UPSTREAM_COMMIT, recorded_lines, references
from PIL import Image, ImageDraw

refs = references("classification")

COLOURS = [(220, 30, 30), (30, 200, 30), (40, 40, 220), (230, 210, 20), (200, 40, 200),
           (20, 200, 210)]
rng = random.Random(0)
for split, count in (("train", 48), ("val", 8)):
    for i in range(count):
        cls = i % len(COLOURS)
        folder = Path(split) / f"class{cls}"
        folder.mkdir(parents=True, exist_ok=True)
        image = Image.new("RGB", (32, 32))
        image.putdata([(v, v, v) for v in (rng.randint(90, 140) for _ in range(32 * 32))])
        x0, y0 = rng.randint(0, 14), rng.randint(0, 14)
        size = rng.randint(10, 17)
        ImageDraw.Draw(image).rectangle((x0, y0, x0 + size, y0 + size), fill=COLOURS[cls])
        image.save(folder / f"{i}.png")

BATCH = 8
STEPS_PER_EPOCH = math.ceil(48 / BATCH)

sys.path.insert(0, str(refs))
import utils  # noqa: E402  (the reference's utils.py, the one train.py imports)

lines = recorded_lines(utils)
summaries: list[tuple[float, float]] = []
original_sync = utils.MetricLogger.synchronize_between_processes


def synchronize(self):
    original_sync(self)
    summaries.append((self.meters["acc1"].global_avg, self.meters["acc5"].global_avg))


utils.MetricLogger.synchronize_between_processes = synchronize

random.seed(0)
torch.manual_seed(0)
sys.argv = [str(refs / "train.py"), "--data-path", ".", "--model", "resnet18", "--epochs", "3",
            "--batch-size", str(BATCH), "--device", "cpu", "--workers", "0", "--print-freq", "2",
            "--lr", "0.01", "--lr-step-size", "1", "--train-crop-size", "112",
            "--val-resize-size", "128", "--val-crop-size", "112", "--output-dir", "out"]
runpy.run_path(str(refs / "train.py"), run_name="__main__")

train: dict[str, list[tuple[int, float]]] = {"loss": [], "acc1": [], "acc5": [], "lr": []}
test: dict[str, list[tuple[int, float]]] = {"test_loss": [], "test_acc1": [], "test_acc5": []}
evals = 0
for header, meters in lines:
    found = re.match(r"Epoch: \[(\d+)\]", header)
    if found:  # a training line: optimizer steps done = epoch * 6 + batches seen this epoch
        step = int(found.group(1)) * STEPS_PER_EPOCH + meters["loss"][3]
        for name in ("loss", "acc1", "acc5"):
            train[name].append((step, meters[name][0]))  # the median, printed first
        train["lr"].append((step, meters["lr"][2]))  # fmt "{value}"
    elif header.startswith("Test:"):
        for name in ("loss", "acc1", "acc5"):
            test[f"test_{name}"].append((evals, meters[name][0]))
        evals += 1

metrics = {name: series(pairs, "step", tolerance=5.1e-5) for name, pairs in train.items()
           if name != "lr"}
metrics["lr"] = series(train["lr"], "step", rel_tolerance=1e-9)
metrics.update({name: series(pairs, "epoch", tolerance=5.1e-5) for name, pairs in test.items()})
metrics["test_acc@1"] = series(enumerate(acc1 for acc1, _ in summaries), "epoch",
                               tolerance=5.1e-4)
metrics["test_acc@5"] = series(enumerate(acc5 for _, acc5 in summaries), "epoch",
                               tolerance=5.1e-4)
write_truth("torchvision", torchvision.__version__,
            "the reference script's utils.MetricLogger meters at each printed line (median, "
            "the first number) and evaluate()'s synchronized acc1/acc5 global_avg", metrics,
            also_ok=["img/s", "time", "data", "eta", "test_time", "test_data", "test_eta",
                     "total_time", "test_total_time", "training_time", "took"],
            notes=f"pytorch/vision references/classification at {UPSTREAM_COMMIT} (from the "
                  "amd-fuweiy/vision snapshot's upstream history; the pytorch/vision fetch was "
                  f"refused: snapshot over the size limit); torch {torch.__version__}")
