"""timm's ``validate.py`` (the ``huggingface/pytorch-image-models`` repo's own evaluation
script, repo commit aa4b5850c1543fa488abf260f18390eda46cf85d, whose ``timm`` package says
1.0.29.dev0: run from the repo, ``validate.py`` imports the repo's ``timm``, not a wheel's;
the pip wheel does not carry the script) run as its docs' "Validation / Inference Scripts"
section shows, on a checkpoint: ``python validate.py --data-dir val --model resnet10t
--checkpoint model_best.pth.tar --num-classes 4 --img-size 32 -b 4 --workers 1 --device cpu
--results-file results.csv`` (every other option default: ``--log-freq 10``, float32, no
AMP, the prefetcher on, ``--results-format csv``). Judgement calls on the command:
- ``--checkpoint``, not ``--pretrained``: ``validate()`` sets ``args.pretrained =
  args.pretrained or not args.checkpoint``, so without a checkpoint it always downloads the
  pretrained weights; nothing may be downloaded here. The checkpoint is a randomly
  initialised ``resnet10t`` the case builds from its config with the repo's own
  ``timm.create_model('resnet10t', num_classes=4)`` (``torch.manual_seed(0)``) and saves as
  ``train.py``'s ``CheckpointSaver`` does (``{'arch': ..., 'state_dict': ...}`` in a
  ``model_best.pth.tar``), what a user validates after training; ``load_checkpoint`` logs
  ``Loaded state_dict from checkpoint 'model_best.pth.tar'``.
- ``--workers 1``, not 0: the repo's ``create_loader`` always passes
  ``persistent_workers=True``, which torch refuses with no workers (as in timm_train).
- ``--device cpu`` (the default is ``cuda``); ``-b 4`` over 42 images makes 11 batches (the
  last of 2), so the default ``--log-freq 10`` prints batches 0 and 10, the last.
Data: an ImageFolder ``val/`` of 42 synthetic 32x32 images in four class folders (11, 11,
10, 10: red, green, blue, yellow squares on grey noise; seeded), uneven so that the
untrained model's accuracy is no round number. Nothing downloaded.

What it prints (stderr, the logging module's ``FormatterNoInfo``: INFO lines bare):
``Validating in torch.float32. AMP not enabled.``, ``Loaded state_dict from checkpoint
'model_best.pth.tar'``, ``Model resnet10t created, param count: 4924540``, the data
configuration block (tab-indented ``input_size: (3, 32, 32)`` ... ``crop_pct: 0.95``), then
``Test: [   0/11]  Time: 0.069s (0.069s,   58.23/s)  Loss:  1.3594 (1.3594)  Acc@1: 100.000
(100.000)  Acc@5: 100.000 (100.000)`` at batches 0 and 10 (each batch's value, its running
mean in parentheses) and the summary `` * Acc@1 23.809 (76.191) Acc@5 100.000 (0.000)``
(accuracy, then its error ``100 - acc`` in parentheses, both ``{:.3f}`` of the 4-decimal
``23.8095``/``76.1905``, where the last ``Test:`` line's running mean of 23.80952 says
``23.810``); on stdout ``--result`` and the results dict as JSON (``model``, ``top1``,
``top1_err``, ``top5``, ``top5_err``, ``param_count`` in millions, ``img_size``,
``crop_pct``, ``interpolation``).

Truth: the run's own ``results.csv`` (``write_results``: one row, the results dict
``validate()`` returns, its values rounded to 4 decimals by ``validate()`` itself):
``top1``, ``top1_err``, ``top5``, ``top5_err``, named by the file's columns (the summary
line says ``Acc@1``/``Acc@5`` and puts the errors in parentheses unnamed; the JSON names
them as the file does). One evaluation, no step: axis ``null`` (as spacy_evaluate,
sacrebleu_cli). Tolerance 5.1e-4 (``{:.3f}`` on the summary line). With 4 classes
``Acc@5`` is top-4 (timm's ``accuracy`` caps k at the class count): always 100, error 0.
Not metrics: ``param_count`` (the model's size, printed in the log and, in millions, in
the JSON and the file), ``img_size``, ``crop_pct``, ``interpolation`` (settings).
``also_ok``: the ``Test:`` lines' ``Time`` and ``/s`` throughput (also named with the
phase, ``test_time``), and their per-batch ``Loss``/``Acc@1``/``Acc@5`` values
(``test_loss``, ``test_acc@1``, ``test_acc@5``, as timm_train's case allows them): the
running means of a finer series the file does not keep (the last printed line's means,
batch 10, the last, equal ``top1``/``top5`` before rounding; the loss is in no record at all).
Determinism: the seeded data and checkpoint give the same values pipe and pty; timings
differ.
"""
# zoo-venv: timmval

import csv
import os
import random
import subprocess
import sys
from pathlib import Path

from _truth import write_truth
from PIL import Image, ImageDraw

REPO_COMMIT = "aa4b5850c1543fa488abf260f18390eda46cf85d"
repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
repo = repos.expanduser() / "pytorch-image-models"
validate_py = repo / "validate.py"
if not validate_py.is_file():
    sys.exit(f"no timm repo at {repo} (git archive {REPO_COMMIT} of "
             "huggingface/pytorch-image-models)")
sys.path.insert(0, str(repo))
import timm  # noqa: E402  (the repo's timm, the one validate.py runs)
import torch  # noqa: E402

COLOURS = {"red": (220, 30, 30), "green": (30, 200, 30), "blue": (30, 30, 220),
           "yellow": (220, 220, 30)}
rng = random.Random(0)
root = Path.cwd() / "val"
for i in range(42):
    name = list(COLOURS)[i % 4]
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", (32, 32))
    image.putdata([(v, v, v) for v in (rng.randint(90, 140) for _ in range(32 * 32))])
    x0, y0 = rng.randint(0, 14), rng.randint(0, 14)
    size = rng.randint(10, 17)
    ImageDraw.Draw(image).rectangle((x0, y0, x0 + size, y0 + size), fill=COLOURS[name])
    image.save(folder / f"{i}.png")

torch.manual_seed(0)
model = timm.create_model("resnet10t", num_classes=4)
torch.save({"arch": "resnet10t", "state_dict": model.state_dict()}, "model_best.pth.tar")

subprocess.run([sys.executable, str(validate_py), "--data-dir", str(root), "--model",
                "resnet10t", "--checkpoint", "model_best.pth.tar", "--num-classes", "4",
                "--img-size", "32", "-b", "4", "--workers", "1", "--device", "cpu",
                "--results-file", "results.csv"], check=True)

with open("results.csv", newline="") as handle:
    (row,) = list(csv.DictReader(handle))
metrics = {name: {"key": "step", "values": [[None, float(row[name])]], "tolerance": 5.1e-4}
           for name in ("top1", "top1_err", "top5", "top5_err")}

write_truth("timm", timm.__version__, "timm validate.py --results-file results.csv", metrics,
            files=["results.csv"],
            also_ok=["Time", "time", "/s", "test_time", "test_loss", "test_acc@1",
                     "test_acc@5"],
            notes=f"huggingface/pytorch-image-models validate.py at commit {REPO_COMMIT} (its "
                  f"timm {timm.__version__}); the --result JSON repeats results.csv's values")
