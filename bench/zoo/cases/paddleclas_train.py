"""PaddleClas (PaddlePaddle's image classification suite): its ``tools/train.py -c
config.yaml -o key=value ...``, as its getting-started docs run it, on the CPU wheel of
PaddlePaddle 3.0.0. PyPI's ``paddleclas`` 2.6.0 wheel ships neither ``tools/train.py`` nor
``ppcls.engine`` (only the inference side), so the case runs the repository
(PaddlePaddle/PaddleClas at d178931fca432204e6b7422bac4f92e09ff22fa4, 2024-10-18, the head
of its default branch, ``version.txt`` 2.6.0), unpacked under ``$ZOO_REPOS/PaddleClas``
(default ``~/.cache/exptrack-zoo/repos/PaddleClas``) with ``git archive d178931f ppcls tools
version.txt | tar -x -C ...`` (the rest of the tree, ``deploy/`` with its fonts, is not
needed). ``tools/train.py`` runs in-process (``runpy``, as ``__main__``) with the stock
``ppcls/configs/ImageNet/MobileNetV3/MobileNetV3_small_x0_35.yaml`` (no pretrained weights:
``pretrained_model: null``; Momentum, ``Cosine`` lr with 5 warm-up epochs, label-smoothing
``CELoss`` for training, ``TopkAcc`` top-1/top-5) and these overrides: ``Global.device=cpu``,
``Global.epochs=3``, ``Global.print_batch_step=2``, ``Global.use_visualdl=True``,
``Global.seed=0``, ``Arch.class_num=4``, ``Optimizer.lr.learning_rate=0.1`` (1.3 is for
4 GPUs x 512), the data paths, batch size 8 (train and eval) and ``num_workers=0``.
Data: a tiny synthetic ImageNet-style folder the case writes, ``dataset/train/n0000000k/
*.JPEG`` (64 images) and ``dataset/val/...`` (32), 64x64 random pixels with a class tint,
4 classes, and the list files ``train_list.txt`` / ``val_list.txt`` (``relpath label``),
numpy ``default_rng(0)``. Nothing downloaded. 8 training iterations and 4 evaluation
iterations an epoch, an evaluation after each epoch; about 25 s.

What it prints (PaddleClas's ``ppcls`` logger on stdout, ``[date time] ppcls INFO: ...``):
the banner, the whole config as ``key : value`` lines (settings), warnings (the warm-up
shortened to the 3 epochs: ``"Optimizer.lr.warmup_epoch" has been set to 3``; ``The output
dims(4) is less than k(5), so the Top-5 metric is meaningless.``, after which PaddleClas
counts top5 as 1), then every ``print_batch_step`` iterations::

    [2026/12/07 09:13:59] ppcls INFO: [Train][Epoch 1/3][Iter: 0/8]lr(LinearWarmup):
      0.00416667, top1: 0.00000, top5: 1.00000, CELoss: 1.35144, loss: 1.35144, batch_cost:
      1.66799s, reader_cost: 0.19077, ips: 4.79619 samples/s, eta: 0:00:40

(one line, wrapped here: the running means of the epoch so far, ``{:.5f}``; lr ``{:.8f}``),
at the epoch's end ``[Train][Epoch 1/3][Avg]top1: 0.31250, top5: 1.00000, CELoss: 1.37028,
loss: 1.37028`` (the epoch's means), then the evaluation: ``[Eval][Epoch 1][Iter: 0/4]CELoss:
1.38771, loss: 1.38771, top1: 0.25000, top5: 1.00000, batch_cost: 0.37302s, reader_cost:
0.06221, ips: 21.44631 images/sec`` at iterations 0 and 2, ``[Eval][Epoch 1][Avg]CELoss:
1.38771, loss: 1.38771, top1: 0.25000, top5: 1.00000``, ``[Eval][Epoch 1][best metric:
0.25]`` and the ``Already save model in ./output/...`` lines. Before all that: Paddle's
``UserWarning: No ccache found`` on stderr at import and the config override's ``A new
field (seed) detected!``. Pipe and pty print the same (no bar). After one epoch the model
gives every evaluation image nearly the same loss (1.38771 on both printed batches and as
the mean, the meters differing in the seventh digit); by epoch 3 its BatchNorm statistics
from 8-image batches make the evaluation loss 48.0: values as the run computes them.

Truth: PaddleClas's own record, its VisualDL log, turned on as a user does
(``Global.use_visualdl: True``: ``Engine`` opens a ``visualdl.LogWriter`` on
``output/``, ``output/vdlrecords.<time>.log``, listed in ``files``), read back with
VisualDL's ``LogReader``: at each printed training iteration ``lr(LinearWarmup)`` and
``train_top1``, ``train_top5``, ``train_CELoss``, ``train_loss`` (``log_info``'s
``logger.scaler`` calls, at the global step), and after each evaluation ``eval_acc`` (the
evaluation's first metric, top-1, at the epoch). It keeps nothing else that is printed: not
the epoch means of ``[Train][...][Avg]``, nor the evaluation's losses and top-5, nor its
per-iteration lines. For those the trainer's in-memory meters are the record: lines the
case adds to two files of the unpacked repository as they are loaded (each checked against
its git blob id at the commit, the text compiled into its module in place of the stock one,
no stock line changed; the repository on disk stays as it was): in ``ppcls/engine/engine.py``
right after the ``[Train][Epoch ..][Avg]`` ``logger.info``, ``self.output_info[key].avg``
for each key; in ``ppcls/engine/evaluation/classification.py`` right after each
``[Eval][Epoch ..][Iter: ..]`` and the ``[Eval][Epoch ..][Avg]`` ``logger.info``, the
``output_info`` meters (``.val`` on the iteration lines, ``.avg`` on the Avg line, as each
prints them) and ``engine.eval_metric_func``'s ``TopkAcc`` meters (top1/top5, ``.avg``). Nothing is
parsed from stdout. The meters' Avg top-1 and VisualDL's ``eval_acc`` are checked to agree.
Judgement calls:
- Names as printed, by the naming rules (docs/metrics.md): ``[Train][Epoch 1/3][Iter:
  0/8]`` is a progress line's mode label, which prefixes nothing: ``top1``, ``top5``,
  ``CELoss``, ``loss`` (the in-memory meters' keys; VisualDL's tags add ``train_``); the
  bracketed ``[Eval]`` tag names its pairs ``eval_``: ``eval_CELoss``, ``eval_loss``,
  ``eval_top1``, ``eval_top5`` (VisualDL's ``eval_acc`` is ``eval_top1``'s Avg points).
  ``lr(LinearWarmup)`` is VisualDL's tag and the printed key alike (``type_name`` of the
  scheduler, glued in parentheses): kept whole.
- One series a printed name, in print order: ``top1`` holds each epoch's iteration lines
  (0, 2, 4, 6) then its ``[Avg]`` line, 5 points an epoch, 15 in all; ``eval_top1`` the
  evaluation's iteration lines (0, 2) then its ``[Avg]``, 9 in all. The Avg line has the
  same names with no phase word of its own (as pytorch_cifar_main pools its bars).
- Axis ``epoch`` (printed 1-based) for every point; VisualDL's global steps are in notes.
- ``CELoss`` and ``loss`` print the same numbers (one loss term, weight 1.0): both kept,
  as both are keyed and printed. ``top5`` is 1 throughout (4 classes < k=5: PaddleClas's
  warning above), kept as printed. On the evaluation's iteration lines ``CELoss``/``loss``
  are that batch's value (``.val``) and ``top1``/``top5`` the running means.
- Tolerances: ``{:.5f}`` -> 5e-6 (``lr`` ``{:.8f}`` -> 5e-9), plus ``rel_tolerance`` 1e-7
  for VisualDL's float32 values.
- ``also_ok``: ``batch_cost``, ``reader_cost``, ``ips``, ``eta`` and the first three's
  ``eval_`` forms (timing and throughput; not in the record) and ``best_metric`` (the running best
  of ``eval_acc``, ``[best metric: 0.25]``, printed again: no series of its own).
- Not metrics: the config dump, ``Iter: 0/8`` counters, ``class_num : 4``.
- Determinism: ``Global.seed=0`` seeds paddle, numpy and ``random``; ``num_workers=0`` and
  ``OMP_NUM_THREADS=1``: the values repeat run to run, only the timings vary.
"""
# zoo-venv: paddleclas

import os
import runpy
import sys
from pathlib import Path

import cv2
import numpy as np
import paddle
from _records import vdl_scalars
from _truth import series, write_truth
from _verbatim import load_with_lines

SOURCE_REPO = "PaddlePaddle/PaddleClas"
SOURCE_COMMIT = "d178931fca432204e6b7422bac4f92e09ff22fa4"
REPO = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos")) \
    / "PaddleClas"
CONFIG = "ppcls/configs/ImageNet/MobileNetV3/MobileNetV3_small_x0_35.yaml"
EPOCHS, TRAIN_IMAGES, VAL_IMAGES, BATCH, PRINT_STEP, CLASSES = 3, 64, 32, 8, 2, 4

# the record of what VisualDL does not keep: lines added right after the logger.info that
# prints the values (anchor -> anchor and the added line); no stock line changed
ENGINE = ("ppcls/engine/engine.py", "bdfa0f1a3eaebdab1d778d3c6b18366c0e448c7e", {
    "            logger.info(\"[Train][Epoch {}/{}][Avg]{}\".format(\n"
    "                epoch_id, self.config[\"Global\"][\"epochs\"], metric_msg))\n":
        "            ZOO_RECORD.append(('train_avg', epoch_id, None, {k: float(v.avg) for k, v"
        " in self.output_info.items()}))  # zoo: the values just printed\n",
})
EVALUATION = ("ppcls/engine/evaluation/classification.py",
              "d802eeedab135302ae14b9c2c528ad8bfab95e5e", {
    "                epoch_id, iter_id,\n"
    "                len(engine.eval_dataloader), metric_msg, time_msg, ips_msg))\n":
        "            ZOO_RECORD.append(('eval', epoch_id, iter_id, {**{k: float(v.val) for k, v"
        " in output_info.items()}, **{k: float(v.avg) for k, v in"
        " engine.eval_metric_func.metric_func_list[0].avg_meters.items()}}))"
        "  # zoo: the values just printed\n",
    "        metric_msg += \", {}\".format(engine.eval_metric_func.avg_info)\n"
    "        logger.info(\"[Eval][Epoch {}][Avg]{}\".format(epoch_id, metric_msg))\n":
        "        ZOO_RECORD.append(('eval_avg', epoch_id, None, {**{k: float(v.avg) for k, v"
        " in output_info.items()}, **{k: float(v.avg) for k, v in"
        " engine.eval_metric_func.metric_func_list[0].avg_meters.items()}}))"
        "  # zoo: the values just printed\n",
})


def write_images() -> None:
    """An ImageNet-style folder: dataset/<split>/n0000000<k>/*.JPEG and <split>_list.txt."""
    rng = np.random.default_rng(0)
    for split, count in (("train", TRAIN_IMAGES), ("val", VAL_IMAGES)):
        lines = []
        for index in range(count):
            label = index % CLASSES
            image = rng.integers(0, 256, (64, 64, 3), dtype=np.uint8)
            channel = image[..., label % 3].astype(int) + 60 * (label + 1)
            image[..., label % 3] = np.clip(channel, 0, 255).astype(np.uint8)
            rel = f"{split}/n{label:08d}/{split}_{index:04d}.JPEG"
            (Path("dataset") / rel).parent.mkdir(parents=True, exist_ok=True)
            cv2.imwrite(str(Path("dataset") / rel), image)
            lines.append(f"{rel} {label}\n")
        Path(f"dataset/{split}_list.txt").write_text("".join(lines), encoding="utf-8")


def load(module, spec: tuple[str, str, dict[str, str]], record: list) -> None:
    """The module's stock text at the commit, with the record's lines, compiled in place."""
    rel, blob, lines = spec
    load_with_lines(module, REPO / rel, blob, lines, record, f"{SOURCE_REPO} at {SOURCE_COMMIT}")


if not (REPO / "tools" / "train.py").is_file():
    sys.exit(f"needs {SOURCE_REPO} at {SOURCE_COMMIT[:8]} unpacked under {REPO}")
write_images()
sys.path.insert(0, str(REPO))  # tools/train.py appends the repo to sys.path itself
import ppcls.engine.engine  # noqa: E402
import ppcls.engine.evaluation  # noqa: E402
import ppcls.engine.evaluation.classification  # noqa: E402

record: list = []
load(ppcls.engine.engine, ENGINE, record)
load(ppcls.engine.evaluation.classification, EVALUATION, record)
# Engine looks the function up on the package, which imported the stock one
ppcls.engine.evaluation.classification_eval = \
    ppcls.engine.evaluation.classification.classification_eval

overrides = ["Global.device=cpu", f"Global.epochs={EPOCHS}",
             f"Global.print_batch_step={PRINT_STEP}", "Global.use_visualdl=True",
             "Global.seed=0", f"Arch.class_num={CLASSES}", "Optimizer.lr.learning_rate=0.1"]
for split, phase in (("train", "Train"), ("val", "Eval")):
    overrides += [f"DataLoader.{phase}.dataset.image_root=./dataset/",
                  f"DataLoader.{phase}.dataset.cls_label_path=./dataset/{split}_list.txt",
                  f"DataLoader.{phase}.sampler.batch_size={BATCH}",
                  f"DataLoader.{phase}.loader.num_workers=0"]
sys.argv = ["tools/train.py", "-c", str(REPO / CONFIG)]
for override in overrides:
    sys.argv += ["-o", override]
runpy.run_path(str(REPO / "tools" / "train.py"), run_name="__main__")

# --- the truth: VisualDL's log where it keeps the value, the meters' record elsewhere ---
logs, vdl = vdl_scalars("output/vdlrecords.*.log")
iters = TRAIN_IMAGES // BATCH
printed = [i for i in range(iters) if i % PRINT_STEP == 0]
lr_tag = next(tag for tag in vdl if tag.startswith("lr("))
names = ["top1", "top5", "CELoss", "loss"]
for tag in [lr_tag, *(f"train_{name}" for name in names)]:
    assert [step for step, _ in vdl[tag]] == [e * iters + i + 1 for e in range(EPOCHS)
                                              for i in printed], (tag, vdl[tag])
assert [step for step, _ in vdl["eval_acc"]] == list(range(1, EPOCHS + 1)), vdl["eval_acc"]

train_avg = {epoch: values for kind, epoch, _, values in record if kind == "train_avg"}
eval_rows = [(kind, epoch, values) for kind, epoch, _, values in record
             if kind in ("eval", "eval_avg")]
assert sorted(train_avg) == list(range(1, EPOCHS + 1)), record
assert len(eval_rows) == EPOCHS * (len(range(0, VAL_IMAGES // BATCH, PRINT_STEP)) + 1)
eval_acc = dict(vdl["eval_acc"])
for kind, epoch, values in eval_rows:
    if kind == "eval_avg":  # the meters and VisualDL agree on the Avg top-1
        assert abs(values["top1"] - eval_acc[epoch]) < 1e-6, (values, eval_acc)

TOL, REL = 5e-6, 1e-7
metrics = {}
for name in names:
    points = []
    for epoch in range(1, EPOCHS + 1):
        points += [(epoch, value) for step, value in vdl[f"train_{name}"]
                   if (step - 1) // iters + 1 == epoch]
        points.append((epoch, train_avg[epoch][name]))
    metrics[name] = series(points, "epoch", tolerance=TOL, rel_tolerance=REL)
metrics[lr_tag] = series([((step - 1) // iters + 1, value) for step, value in vdl[lr_tag]],
                         "epoch", tolerance=5e-9, rel_tolerance=REL)
for name in names:
    points = []
    for kind, epoch, values in eval_rows:
        value = eval_acc[epoch] if kind == "eval_avg" and name == "top1" else values[name]
        points.append((epoch, value))
    metrics[f"eval_{name}"] = series(points, "epoch", tolerance=TOL, rel_tolerance=REL)

version = (REPO / "version.txt").read_text(encoding="utf-8").strip() \
    if (REPO / "version.txt").is_file() else "unknown"
timing = ["batch_cost", "reader_cost", "ips", "eta"]
write_truth(
    "PaddleClas (tools/train.py)", f"{version} ({SOURCE_REPO}@{SOURCE_COMMIT[:8]}, "
    f"paddlepaddle {paddle.__version__})",
    f"VisualDL's log ({logs[0]}, Global.use_visualdl=True) read with LogReader: "
    f"{lr_tag}, train_top1/top5/CELoss/loss at each printed iteration, eval_acc (eval_top1's "
    "Avg points) an epoch; the rest from the trainer's in-memory meters (lines the case adds "
    "after the [Train][Avg], [Eval][Iter] and [Eval][Avg] logger.info calls)",
    metrics, files=logs,
    also_ok=[*timing, *(f"eval_{name}" for name in timing[:3]), "best_metric"],
    notes=f"VisualDL global steps of the training points: {[s for s, _ in vdl[lr_tag]]} "
          f"(printed as Iter {printed} of {iters} each epoch, then the epoch's [Avg]); "
          "evaluation: Iter 0 and 2 of 4, then [Avg], each epoch. top5 is 1 throughout "
          "(4 classes, k=5)",
)
