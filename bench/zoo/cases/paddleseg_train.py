"""PaddleSeg (PaddlePaddle's semantic segmentation suite): its ``tools/train.py --config
config.yml --do_eval``, as its quick start runs it, on the CPU wheel of PaddlePaddle 3.0.0.
PyPI's ``paddleseg`` wheel ships no ``tools/train.py``, so the case runs the repository
(PaddlePaddle/PaddleSeg at d7975e7cb3b9102eae4eabcef5afb81b878473aa, 2024-10-18, the head of
its default branch ``develop``, ``git describe`` v2.9.1-25-gd7975e7c; its
``paddleseg.__version__`` says 0.0.0.dev0), unpacked under ``$ZOO_REPOS/PaddleSeg`` (default
``~/.cache/exptrack-zoo/repos/PaddleSeg``) with ``git archive d7975e7c -- paddleseg tools
configs requirements.txt setup.py``. ``tools/train.py`` (checked against its git blob id)
runs in-process (``runpy``, as ``__main__``, the repository first on ``sys.path``, where
PaddleSeg's install docs put it with ``pip install -e .`` or ``PYTHONPATH``) with ``--config
pp_liteseg_tiny.yml --device cpu --do_eval --use_vdl --iters 40 --log_iters 5
--save_interval 20 --seed 0``.

The config: a file the case writes whose ``_base_`` is the stock
``configs/quick_start/pp_liteseg_optic_disc_512x512_1k.yml`` (PP-LiteSeg with an STDC2
backbone, three CrossEntropyLoss heads of weight 1, Momentum, PolynomialDecay from 0.01), as a
user writes one for their own data, overriding only: the backbone's ``pretrained:`` (null:
trained from scratch, nothing downloaded), ``batch_size: 4``, the data set paths and the
training transforms with the stock ``RandomPaddingCrop``'s 512x512 cut to 64x64 (the other
transforms as the stock file lists them). Data: a tiny synthetic set in PaddleSeg's
custom-dataset layout the case writes, ``dataset/images/*.jpg`` and ``dataset/labels/*.png``
(16 training and 8 validation images, 64x64 grey noise with one red disc; the label PNG 1 on
the disc, 0 elsewhere: 2 classes) and the lists ``dataset/train.txt``/``val.txt`` (``image
label`` per line), numpy ``default_rng(0)``. 4 iterations an epoch, 40 in all; an evaluation
at iterations 20 and 40 (``--save_interval``), each over the 8 validation images. About 20 s
of CPU (30-60 s of wall time on a loaded 2-core machine).

What it prints (PaddleSeg's ``ppseg`` logger on stdout, ``[2026/12/07 10:03:43] INFO: ...``):
the environment and the whole config as YAML (``---------------Config Information
---------------``, then a ``Use the following config to build model`` block for each part),
then every ``log_iters`` iterations::

    [2026/12/07 10:03:43] INFO: [TRAIN] epoch: 2, iter: 5/40, loss: 1.8286, lr: 0.009095,
      batch_cost: 0.9875, reader_cost: 0.00884, ips: 4.0505 samples/sec | ETA 00:00:34

(one line, wrapped here: ``loss`` the mean of the summed loss over the last ``log_iters``
iterations, ``{:.4f}``; ``lr`` the optimizer's rate of the iteration before the scheduler
steps, ``{:.6f}``), and at each evaluation ``Start evaluating (total_samples: 8, total_iters:
8)...``, a Keras-like bar on stderr (``8/8 [=====] - 1s 121ms/step - batch_cost: 0.1210 -
reader cost: 0.0063``, redrawn with backspaces and ``\\r`` under a pipe too), then::

    [2026/12/07 10:03:58] INFO: [EVAL] #Images: 8 mIoU: 0.3908 Acc: 0.7640 Kappa: -0.0849
      Dice: 0.4511
    [2026/12/07 10:03:58] INFO: [EVAL] Class IoU:
    [0.7629 0.0187]

(the first line wrapped here; ``Class IoU: `` ends with a space before its newline), with
``Class Precision`` and ``Class Recall`` the same way, and ``[EVAL] The model with the
best validation mIoU (0.3908) was saved at iter 20.``. At the end ``paddle.flops`` prints a
line for each layer type and ``Total Flops: 153419008     Total Params: 12251410``. On
stderr: Paddle's ``UserWarning: No ccache found`` at import and its BatchNorm ``UserWarning:
When training, we now always track global mean and variance.``; on stdout first PaddleSeg's
``WARNING: Add the `num_classes` in train_dataset and val_dataset config to model config.``.
The bar's line on stderr has no newline until its last draw, so under a pipe the ``[EVAL]
#Images`` line from stdout can land inside it in the captured log (``... - reader cost:
0.0020[2026/12/07 10:09:14] INFO: [EVAL] #Images: 8 mIoU: 0.5374 ...``, the rest of the bar
after the ``Class Recall`` lines), where it lands varying run to run: values as printed all
the same.

Truth: PaddleSeg's own record, its VisualDL log, turned on as a user does (``--use_vdl``:
``train()`` opens a ``visualdl.LogWriter`` on ``--save_dir``, ``output/vdlrecords.<time>.log``,
listed in ``files``), read back with VisualDL's ``LogReader``: ``Train/loss`` and
``Train/lr`` at each printed iteration (the values the line prints, at the iteration), and
``Evaluate/mIoU`` and ``Evaluate/Acc`` after each evaluation (at the iteration). It keeps
nothing else that is printed: not the evaluation's Kappa or Dice. For those the
evaluation's in-memory values are the record: a line the case adds to
``paddleseg/core/val.py`` of the unpacked repository as it is loaded (checked against its git
blob id at the commit, the text compiled into its module in place of the stock one, no stock
line changed; the repository on disk stays as it was), right after the ``[EVAL] Class
Recall`` ``logger.info``: ``miou``, ``acc``, ``kappa`` and ``mdice``, the values the ``[EVAL]
#Images`` line prints. Nothing is parsed from stdout. The in-memory mIoU and Acc are checked
to agree with VisualDL's.

Judgement calls:
- Names as printed: ``loss``, ``lr``, ``mIoU``, ``Acc``, ``Kappa``, ``Dice`` (VisualDL's tags
  add ``Train/``/``Evaluate/``). ``[TRAIN]`` is the mode label of the progress line and
  ``[EVAL]`` an all-capital log tag: neither prefixes a name (docs/metrics.md, "Phases",
  which quotes PaddleSeg's ``[TRAIN] epoch: 1, loss: 2.08``).
- Axis ``step``: the iteration, as printed (``iter: 5/40``) and as VisualDL keys every
  value; 8 training points a name (iterations 5, 10, ..., 40), 2 evaluations (20, 40).
  ``epoch: 2`` on the line is the epoch that iteration falls in (4 iterations an epoch).
- Not in the truth: ``#Images: 8`` and ``total_samples``/``total_iters`` (the evaluation's
  size); the ``Class IoU``/``Class Precision``/``Class Recall`` arrays (per-class rows, as
  docs/metrics.md's "Per-class rows" leaves them; 2 items, one a class); the best line's
  ``mIoU (0.3908)`` (the running best of ``mIoU``, printed again: no series of its own);
  the config dump's numbers (settings); ``Total Flops``/``Total Params`` (the model's size,
  printed once after training: a total of operations and a count, not metrics).
- ``also_ok``: ``batch_cost``, ``reader_cost``, ``ips``, ``ETA``/``eta`` (timing and
  throughput). VisualDL keeps ``Train/batch_cost`` and ``Train/reader_cost`` too, but the
  evaluation's bar prints its own ``batch_cost`` and ``reader cost`` under the same words, and
  timings are no metric a case requires (as mmengine_runner leaves its ``time``).
- VisualDL keeps ``Train/loss_0``..``loss_2`` (the three heads' loss terms, since
  PP-LiteSeg has more than one): never printed, so not in the truth.
- Tolerances: ``{:.4f}`` -> 5e-5 (``lr`` ``{:.6f}`` -> 5e-7), plus ``rel_tolerance`` 1e-7
  for VisualDL's float32 values.
- Determinism: ``--seed 0`` seeds paddle, numpy and ``random``; ``--num_workers 0`` (the
  default) and ``OMP_NUM_THREADS=1``: the values repeat run to run, only the timings vary.
"""
# zoo-venv: paddleseg

import os
import runpy
import sys
from pathlib import Path

import cv2
import numpy as np
import paddle
from _records import vdl_scalars
from _truth import series, write_truth
from _verbatim import git_blob_id, load_with_lines

SOURCE_REPO = "PaddlePaddle/PaddleSeg"
SOURCE_COMMIT = "d7975e7cb3b9102eae4eabcef5afb81b878473aa"
DESCRIBE = "v2.9.1-25-gd7975e7c"
REPO = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos")) \
    / "PaddleSeg"
BASE = "configs/quick_start/pp_liteseg_optic_disc_512x512_1k.yml"
BASE_BLOB = "bc894427c9ae05f6e37cc15b03b265480822382f"
TRAIN_BLOB = "b0f26840a3145aa3429ae62e1fcc5e163b29ae89"
ITERS, LOG_ITERS, SAVE_INTERVAL, BATCH, CROP = 40, 5, 20, 4, 64
TRAIN_IMAGES, VAL_IMAGES, SIZE = 16, 8, 64

# the record of what VisualDL does not keep: a line added right after the logger.info calls
# that print the evaluation's figures (anchor -> anchor and the added line); no stock line
# changed
VAL = ("paddleseg/core/val.py", "437c9acf4ff1166fe967df326b4f39aeea214c6c", {
    "        logger.info(\"[EVAL] Class Recall: \\n\" + str(np.round(class_recall, 4)))\n":
        "        ZOO_RECORD.append({'mIoU': float(miou), 'Acc': float(acc), 'Kappa':"
        " float(kappa), 'Dice': float(mdice), 'images': len(eval_dataset)})"
        "  # zoo: the values just printed\n",
})

CONFIG = f"""_base_: '{REPO / BASE}'
batch_size: {BATCH}
train_dataset:
  dataset_root: dataset
  train_path: dataset/train.txt
  transforms:
    - type: ResizeStepScaling
      min_scale_factor: 0.5
      max_scale_factor: 2.0
      scale_step_size: 0.25
    - type: RandomPaddingCrop
      crop_size: [{CROP}, {CROP}]
    - type: RandomHorizontalFlip
    - type: RandomDistort
      brightness_range: 0.5
      contrast_range: 0.5
      saturation_range: 0.5
    - type: Normalize
val_dataset:
  dataset_root: dataset
  val_path: dataset/val.txt
model:
  backbone:
    pretrained: null
"""


def write_dataset() -> None:
    """PaddleSeg's custom-dataset layout: dataset/images/*.jpg, dataset/labels/*.png (0
    background, 1 the object) and the lists dataset/{train,val}.txt (``image label``)."""
    rng = np.random.default_rng(0)
    for sub in ("images", "labels"):
        Path("dataset", sub).mkdir(parents=True)
    for split, count in (("train", TRAIN_IMAGES), ("val", VAL_IMAGES)):
        lines = []
        for index in range(count):
            image = rng.integers(60, 140, (SIZE, SIZE, 3), dtype=np.uint8)
            label = np.zeros((SIZE, SIZE), dtype=np.uint8)
            centre = (int(rng.integers(16, SIZE - 16)), int(rng.integers(16, SIZE - 16)))
            radius = int(rng.integers(8, 20))
            cv2.circle(label, centre, radius, 1, -1)
            image[label == 1] = (40, 60, 200)  # a red disc (BGR) on grey noise
            name = f"{split}_{index:03d}"
            cv2.imwrite(f"dataset/images/{name}.jpg", image)
            cv2.imwrite(f"dataset/labels/{name}.png", label)
            lines.append(f"images/{name}.jpg labels/{name}.png\n")
        Path(f"dataset/{split}.txt").write_text("".join(lines), encoding="utf-8")


if not (REPO / "tools" / "train.py").is_file():
    sys.exit(f"needs {SOURCE_REPO} at {SOURCE_COMMIT[:8]} unpacked under {REPO}")
for rel, blob in ((BASE, BASE_BLOB), ("tools/train.py", TRAIN_BLOB)):
    if git_blob_id((REPO / rel).read_text(encoding="utf-8")) != blob:
        sys.exit(f"{REPO / rel} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
write_dataset()
Path("pp_liteseg_tiny.yml").write_text(CONFIG, encoding="utf-8")
sys.path.insert(0, str(REPO))  # tools/train.py imports paddleseg from the repository
import paddleseg  # noqa: E402
import paddleseg.core  # noqa: E402

record: list = []
val_module = sys.modules["paddleseg.core.val"]
load_with_lines(val_module, REPO / VAL[0], VAL[1], VAL[2], record,
                f"{SOURCE_REPO} at {SOURCE_COMMIT}")
# the training loop's module (the package's ``train`` is the function) and the package
# imported the stock evaluate
sys.modules["paddleseg.core.train"].evaluate = val_module.evaluate
paddleseg.core.evaluate = val_module.evaluate

sys.argv = ["tools/train.py", "--config", "pp_liteseg_tiny.yml", "--device", "cpu",
            "--do_eval", "--use_vdl", "--iters", str(ITERS), "--log_iters", str(LOG_ITERS),
            "--save_interval", str(SAVE_INTERVAL), "--seed", "0"]
runpy.run_path(str(REPO / "tools" / "train.py"), run_name="__main__")

# --- the truth: VisualDL's log where it keeps the value, the in-memory record elsewhere ---
logs, vdl = vdl_scalars("output/vdlrecords.*.log")
steps = list(range(LOG_ITERS, ITERS + 1, LOG_ITERS))
evals = list(range(SAVE_INTERVAL, ITERS + 1, SAVE_INTERVAL))
for tag in ("Train/loss", "Train/lr", "Train/batch_cost", "Train/reader_cost"):
    assert [step for step, _ in vdl[tag]] == steps, (tag, vdl[tag])
for tag in ("Evaluate/mIoU", "Evaluate/Acc"):
    assert [step for step, _ in vdl[tag]] == evals, (tag, vdl[tag])
assert len(record) == len(evals) and all(row["images"] == VAL_IMAGES for row in record), record
for name in ("mIoU", "Acc"):  # the in-memory figures and VisualDL's (float32) agree
    for row, (_, value) in zip(record, vdl[f"Evaluate/{name}"], strict=True):
        assert abs(row[name] - value) <= 1e-7 * abs(value) + 1e-12, (name, row, value)

TOL4, REL = 5e-5, 1e-7  # {:.4f}, VisualDL's float32
metrics = {
    "loss": series(vdl["Train/loss"], "step", tolerance=TOL4, rel_tolerance=REL),
    "lr": series(vdl["Train/lr"], "step", tolerance=5e-7, rel_tolerance=REL),  # {:.6f}
}
for name in ("mIoU", "Acc"):
    metrics[name] = series(vdl[f"Evaluate/{name}"], "step", tolerance=TOL4, rel_tolerance=REL)
for name in ("Kappa", "Dice"):
    metrics[name] = series(zip(evals, [row[name] for row in record], strict=True), "step",
                           tolerance=TOL4)

write_truth(
    "PaddleSeg (tools/train.py)", f"{DESCRIBE} ({SOURCE_REPO}@{SOURCE_COMMIT[:8]}, develop; "
    f"paddleseg.__version__ {paddleseg.__version__}; paddlepaddle {paddle.__version__})",
    f"VisualDL's log ({logs[0]}, --use_vdl) read with LogReader: Train/loss and Train/lr at "
    "each printed iteration (log_iters), Evaluate/mIoU and Evaluate/Acc at each evaluation; "
    "Kappa and Dice from the evaluation's in-memory values (a line the case adds to "
    "paddleseg/core/val.py after the [EVAL] logger.info calls)",
    metrics, files=logs,
    also_ok=["batch_cost", "reader_cost", "ips", "ETA", "eta"],
    notes=f"VisualDL steps (iterations) of the training points: {steps}; evaluations at "
          f"{evals} (--save_interval {SAVE_INTERVAL}, and the last iteration). VisualDL also "
          "keeps Train/loss_0..2 (the three weighted CrossEntropyLoss terms of PP-LiteSeg's "
          "heads, never printed) and Train/batch_cost, Train/reader_cost (timings, also_ok). "
          "PP-LiteSeg (STDC2) from the stock quick-start config, no pretrained weights",
)
