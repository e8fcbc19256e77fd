"""timm (the ``huggingface/pytorch-image-models`` repo's own ``train.py``, repo commit
aa4b5850c1543fa488abf260f18390eda46cf85d, whose ``timm`` package says 1.0.29.dev0: run from
the repo, ``train.py`` imports the repo's ``timm``, not the venv's) run as its docs show:
``python train.py <data_dir> --model resnet10t --num-classes 2 --img-size 32 --epochs 3 -b 8
--workers 1 --device cpu --experiment tiny`` (``--pretrained`` off, the default; every other
option default: SGD, cosine schedule, ``--log-interval 50``). ``--workers 1``, not 0: the
repo's ``create_loader`` always passes ``persistent_workers=True``, which torch refuses with
no workers, and ``train.py`` has no flag to turn it off. Data: an ImageFolder of 32
training and 16 validation 32x32 synthetic images in ``train/`` and ``validation/`` (red vs
green squares on noise). Default printing: the logging module's ``Train: 0 [   0/4 ( 25%)]
Loss: 0.712 (0.712)  Time: ...  LR: ...  Data: ...`` at the first and last update of each
epoch, ``Test: [   1/1]  Time: ...  Loss: ... (...)  Acc@1: ... (...)  Acc@5: ... (...)``
at the first and last eval batch, then ``*** Best metric: ...`` and a ``--result`` JSON dump
of the per-epoch results.

The repo is not a pip package: the case finds it under ``$ZOO_REPOS/pytorch-image-models``
(default ``~/.cache/exptrack-zoo/repos``; materialise it with ``git archive`` of the commit
above) and runs its ``train.py`` with the venv's python, stdout/stderr inherited.

Truth: the run's own ``output/train/tiny/summary.csv`` (``timm.utils.update_summary``, one row
an epoch, full precision): ``train_loss``, ``eval_loss``, ``eval_top1``, ``eval_top5``, ``lr``,
key ``epoch`` (0-based, as ``Train: 0`` prints it). Judgements: names are summary.csv's columns
(the console says ``Loss``/``Acc@1``/``Acc@5``/``LR`` after ``Train:``/``Test:``); the printed
running averages (in parentheses) at an epoch's last batch equal the summary values, the other
printed lines are earlier running values the file does not keep. ``lr``: the schedule steps
per epoch ("LR stepped per epoch"), so each epoch's printed ``LR:`` is the summary's ``lr``.
``also_ok``: ``Time``/``Data`` (seconds) and the ``/s`` throughput, also named with their
line's phase (``train_time``, ``train_data``, ``test_time``: the loop's timings, as
mmengine_runner's ``val_time``); ``train_LR``, the ``Train:`` line's ``LR`` named by the
contract's phase rule (as held-out timm logs expect it: heldout390, heldout593), the same
quantity as summary.csv's ``lr``, which the file names; the ``Test:`` lines' per-batch
values (``test_loss``, ``test_acc@1``, ``test_acc@5``: each batch's, its running mean in
parentheses) are metrics of a finer series than summary.csv's per-epoch evaluation, fine to
record, not expected. With 2 classes ``Acc@5`` is top-2 (always 100). After training
``train.py`` prints ``--result`` and a JSON list of the same per-epoch values
(``train.loss``, ``validation.loss/top1/top5``).
"""

import csv
import os
import random
import subprocess
import sys
from pathlib import Path

from _truth import series, write_truth
from PIL import Image, ImageDraw

REPO_COMMIT = "aa4b5850c1543fa488abf260f18390eda46cf85d"
repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
repo = repos.expanduser() / "pytorch-image-models"
train_py = repo / "train.py"
if not train_py.is_file():
    sys.exit(f"no timm repo at {repo} (git archive {REPO_COMMIT} of "
             "huggingface/pytorch-image-models)")

rng = random.Random(0)
root = Path.cwd() / "shapes"
for split, count in (("train", 32), ("validation", 16)):
    for i in range(count):
        cls = i % 2
        folder = root / split / ("red", "green")[cls]
        folder.mkdir(parents=True, exist_ok=True)
        image = Image.new("RGB", (32, 32))
        image.putdata([(v, v, v) for v in (rng.randint(90, 140) for _ in range(32 * 32))])
        x0, y0 = rng.randint(0, 14), rng.randint(0, 14)
        size = rng.randint(10, 17)
        ImageDraw.Draw(image).rectangle((x0, y0, x0 + size, y0 + size),
                                        fill=((220, 30, 30), (30, 200, 30))[cls])
        image.save(folder / f"{i}.png")

subprocess.run([sys.executable, str(train_py), str(root), "--model", "resnet10t",
                "--num-classes", "2", "--img-size", "32", "--epochs", "3", "-b", "8",
                "--workers", "1", "--device", "cpu", "--seed", "0", "--experiment", "tiny"],
               check=True)

summary = Path("output/train/tiny/summary.csv")
with open(summary, newline="") as handle:
    rows = list(csv.DictReader(handle))
# printed: train "Loss: {now:#.3g} ({avg:#.3g})" (3 significant digits); test
# "Loss: {:>7.3f} ({:>6.3f})", "Acc@1: {:>7.3f} ({:>7.3f})" (3 decimals, accuracy in %)
TOLERANCE = {"train_loss": {"rel_tolerance": 5.1e-3}, "eval_loss": {"tolerance": 5.1e-4},
             "eval_top1": {"tolerance": 5.1e-4}, "eval_top5": {"tolerance": 5.1e-4},
             "lr": {"rel_tolerance": 5.1e-4}}  # "LR: {lr:.3e}"
metrics = {name: series([(row["epoch"], row[name]) for row in rows], "epoch", **tolerance)
           for name, tolerance in TOLERANCE.items()}
sys.path.insert(0, str(repo))
from timm.version import __version__  # noqa: E402  (the repo's timm, the one train.py ran)

write_truth("timm", __version__, f"timm update_summary {summary}", metrics,
            files=[str(summary)],
            also_ok=["Time", "time", "Data", "data", "/s", "train_time", "train_data", "train_LR",
                     "test_time", "test_loss", "test_acc@1", "test_acc@5"],
            notes=f"huggingface/pytorch-image-models train.py at commit {REPO_COMMIT} (its "
                  f"timm {__version__}); the --result JSON repeats summary.csv's values")
