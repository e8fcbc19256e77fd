"""PaddleOCR (PaddlePaddle's OCR toolkit): its ``tools/train.py -c config.yml -o key=value
...``, as its text-recognition training docs run it, on the CPU wheel of PaddlePaddle 3.0.0.
PyPI's ``paddleocr`` is not used: its 2.x wheels and sdists prune ``ppocr/modeling``,
``ppocr/losses``, ``ppocr/metrics``, ``ppocr/optimizer`` and ``configs/`` (MANIFEST.in), and
3.x is a PaddleX wrapper without the trainer. The case runs the repository
(PaddlePaddle/PaddleOCR at 4112fb34948df1f2f0a30a6bd34e6b82da06db6a, 2025-10-20, "support
cinn flag (#16745)", the head of its main branch then), unpacked under
``$ZOO_REPOS/PaddleOCR`` (default ``~/.cache/exptrack-zoo/repos/PaddleOCR``) with ``git archive
4112fb34 ppocr tools configs requirements.txt | tar -x -C ...``. Upstream's snapshot (3.9 GB)
was too big to bring here; the git mirror used is the GitHub fork phat-ktran/PaddleOCR, whose
history holds upstream's commits unchanged (its ``main`` at this commit); the one file the
case changes is checked against its git blob id at the commit. ``tools/train.py`` runs
in-process (``runpy``, as ``__main__``) with the stock ``configs/rec/rec_mv3_none_bilstm_ctc.yml``
(CRNN: MobileNetV3 large x0.5, a BiLSTM ``SequenceEncoder`` of 96, ``CTCHead``, ``CTCLoss``,
Adam at a constant 0.0005, ``RecMetric`` with ``cal_metric_during_train``; no pretrained
weights: ``Global.pretrained_model=`` empty) and these overrides: ``Global.use_gpu=False``,
``Global.epoch_num=3``, ``Global.print_batch_step=2``, ``Global.eval_batch_step=[0,8]`` (an
evaluation every 8 iterations: after each epoch), ``Global.save_epoch_step=3``, the output
paths, ``Global.character_dict_path`` (the case's dict) and both data sets as
``SimpleDataSet`` with batch 8 and ``num_workers=0``. Seed: train.py's default 1024
(``set_seed``: paddle, numpy, ``random``).
Data: a tiny synthetic recognition set in PaddleOCR's simple format, written by the case:
``data/train/*.png`` (64) and ``data/eval/*.png`` (16), 100x32 word images drawn with PIL's
default font (bundled with Pillow, nothing downloaded) from 16 words, half with a digit
appended, random light backgrounds and dark ink (numpy ``default_rng(0)``), the label files
``data/train.txt`` / ``data/eval.txt`` (``relpath<TAB>word``) and ``data/dict.txt`` (a-z, 0-9,
one a line). 8 training iterations an epoch, 2 evaluation iterations; about 25 s.
``Global.use_visualdl=True`` does not work at this commit (``You are using VisualDL, the
VisualDL is deprecated and removed in ppocr!``, no writer), so it is left off; the other
logger, ``WandbLogger``, would need wandb and is not the default.

What it prints (the ``ppocr`` logger on stdout, ``[date time] ppocr INFO: ...``, also copied
to ``output/rec/train.log``): Paddle's ``UserWarning: No ccache found`` and ``Skipping import
of the encryption module.`` (``ppocr/utils/save_load.py``'s print) at import, the whole
config as indented ``key : value`` lines, the data sets' sizes (``train dataloader has 8
iters``), ``During the training process, after the 0th iteration, an evaluation is run every
8 iterations``, then every ``print_batch_step`` iterations and at an epoch's last iteration::

    [2026/12/07 10:01:15] ppocr INFO: epoch: [1/3], global_step: 2, lr: 0.000500, acc:
      0.000000, norm_edit_dis: 0.066668, loss: 72.571491, avg_reader_cost: 0.00505 s,
      avg_batch_cost: 1.09311 s, avg_samples: 8.0, ips: 7.31855 samples/s, eta: 0:00:24

(one line, wrapped here: ``TrainingStats.log()``, each value the median of its last
``log_smooth_window`` = 20 values rounded to 6 places, printed ``{:x<6f}``; ``acc`` and
``norm_edit_dis`` are the training batch's own ``RecMetric``), after each epoch the
evaluation's tqdm bar ``eval model::  50%|...| 1/2 [...]`` (on stderr, ``\r``-separated) and::

    [2026/12/07 10:01:20] ppocr INFO: cur metric, acc: 0.0, norm_edit_dis:
      0.09583389843714674, fps: 30.096900114810563
    [2026/12/07 10:01:20] ppocr INFO: save best model is to ./output/rec/best_accuracy
    [2026/12/07 10:01:20] ppocr INFO: best metric, acc: 0.0, is_float16: False,
      norm_edit_dis: 0.09583389843714674, fps: 30.096900114810563, best_epoch: 1
    [2026/12/07 10:01:21] ppocr INFO: save model in ./output/rec/latest

(``cur metric`` is ``eval()``'s dict printed with ``str()``: full precision), and at the end
``save model in ./output/rec/iter_epoch_3`` and the ``best metric`` line once more. Pipe and
pty print the same lines; only the bar's redraws differ. In 24 steps the CRNN learns to
predict nothing (acc 0 throughout; after the first epoch the evaluation's norm_edit_dis is
``6.249996093998789e-07``, ``1 - 16 / (16 + 1e-5)``: every prediction empty, RecMetric's
epsilon): values as the run computes them; the loss falls from 72.6 to 19.4.

Truth: PaddleOCR keeps no metrics file (VisualDL removed, W&B off; ``train.log`` is the
printed text again), so the record is the trainer's own in-memory state: lines the case
adds to ``tools/program.py`` as it is loaded (checked against its git blob id at the commit,
the text compiled into the ``tools.program`` module in place of the stock one, which
``tools/train.py`` then imports; no stock line changed; the repository on disk stays as it
was), each right after the ``logger.info`` that prints the values: after the training
line, ``train_stats.get()`` (the ``TrainingStats`` the line is formatted from) with the
global step; after ``cur metric``, ``eval()``'s returned dict ``cur_metric``; after each
``best metric``, ``best_model_dict``. Nothing is parsed from stdout. The case checks the
steps (the training lines at 2, 4, ..., 24; evaluations at 8, 16, 24) and that each ``best
metric`` repeats an evaluation's values.
Judgement calls:
- Names: the training line's keys as ``TrainingStats`` keys and prints them: ``lr``, ``acc``,
  ``norm_edit_dis``, ``loss`` (one loss term: ``CTCLoss`` returns ``{"loss": ...}``). The
  evaluation's ``acc``/``norm_edit_dis``/``fps`` are printed under the same keys as the
  training batch's after ``cur metric,``; they are another series, the validation set's:
  named ``eval_acc``, ``eval_norm_edit_dis``, ``eval_fps``, as the framework's own logger
  keys this dict (``log_writer.log_metrics(metrics=cur_metric, prefix="EVAL")``, the training
  stats under ``prefix="TRAIN"``) and as the held-out corpus's PaddleOCR v5 log
  (tests/data/heldout396) names them (it leaves ``fps``, which has no training twin,
  unprefixed; heldout313 prefixes the line's label instead: ``cur_metric_acc``).
- Axis ``step`` (``global_step``, printed on the training lines; the evaluation runs at the
  epoch's last step, 8, 16, 24, and prints no counter of its own).
- ``best metric, ...`` repeats the best evaluation so far (``best_model_dict``: acc 0 ties,
  ``>=`` keeps the newest): no series; ``best_epoch`` is a position and ``is_float16`` a flag.
- ``lr`` is printed and recorded (constant 0.0005: Adam with a constant rate): a metric.
- Tolerances: the training values are ``round(median, 6)`` printed ``{:f}`` -> 5e-7; the
  evaluation's printed with ``str()`` (repr) -> 1e-12.
- ``also_ok``: ``avg_reader_cost``, ``avg_batch_cost``, ``ips``, ``eta`` (timing and
  throughput the trainer computes for the line and keeps nowhere). ``avg_samples`` (samples
  per iteration, 8.0, a count) is no metric.
- Not metrics: the config dump (``epoch_num : 3``, ``hidden_size : 96``), ``8 iters``, the
  evaluation schedule sentence, the ``eval model::`` bar, ``save model`` lines.
- Determinism: seed 1024, ``shuffle: False``, ``num_workers=0`` and ``OMP_NUM_THREADS=1``:
  the values repeat run to run; only the timings and ``fps`` vary.
"""
# zoo-venv: paddleocr

import os
import runpy
import sys
from pathlib import Path

import numpy as np
import paddle
from _truth import series, write_truth
from _verbatim import load_with_lines
from PIL import Image, ImageDraw, ImageFont

SOURCE_REPO = "PaddlePaddle/PaddleOCR"
SOURCE_COMMIT = "4112fb34948df1f2f0a30a6bd34e6b82da06db6a"
REPO = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos")) \
    / "PaddleOCR"
CONFIG = "configs/rec/rec_mv3_none_bilstm_ctc.yml"
EPOCHS, TRAIN_IMAGES, EVAL_IMAGES, BATCH, PRINT_STEP = 3, 64, 16, 8, 2
CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789"
WORDS = ["paddle", "text", "model", "train", "eval", "word", "image", "zoo", "ocr", "line",
         "data", "label", "crnn", "lstm", "ctc", "loss"]

# the record: lines added to tools/program.py right after the logger.info calls that print
# the values (anchor -> anchor and the added line); no stock line changed
PROGRAM = ("tools/program.py", "277eaa4cd4d93f67aa3578e8b37db7d064de556d", {
    "                logger.info(strs)\n":
        "                ZOO_RECORD.append(('train', epoch, global_step, dict(train_stats.get())))"
        "  # zoo: the values just printed\n",
    "                logger.info(cur_metric_str)\n":
        "                ZOO_RECORD.append(('eval', epoch, global_step, dict(cur_metric)))"
        "  # zoo: the values just printed\n",
    "                logger.info(best_str)\n":
        "                ZOO_RECORD.append(('best', epoch, global_step, dict(best_model_dict)))"
        "  # zoo: the values just printed\n",
    "        \", \".join([\"{}: {}\".format(k, v) for k, v in best_model_dict.items()])\n"
    "    )\n    logger.info(best_str)\n":
        "    ZOO_RECORD.append(('best', epoch, global_step, dict(best_model_dict)))"
        "  # zoo: the values just printed\n",
})


def write_words() -> None:
    """A recognition set in PaddleOCR's simple format: data/<split>/*.png word images drawn
    with PIL's default font, data/<split>.txt of ``relpath\\tword``, data/dict.txt."""
    rng = np.random.default_rng(0)
    font = ImageFont.load_default()
    for split, count in (("train", TRAIN_IMAGES), ("eval", EVAL_IMAGES)):
        lines = []
        (Path("data") / split).mkdir(parents=True, exist_ok=True)
        for index in range(count):
            word = WORDS[int(rng.integers(len(WORDS)))]
            if rng.random() < 0.5:
                word += str(int(rng.integers(10)))
            image = Image.new("RGB", (100, 32), tuple(int(c) for c in rng.integers(200, 256, 3)))
            ImageDraw.Draw(image).text((int(rng.integers(2, 12)), int(rng.integers(4, 14))),
                                       word, fill=tuple(int(c) for c in rng.integers(0, 60, 3)),
                                       font=font)
            rel = f"{split}/{split}_{index:04d}.png"
            image.save(Path("data") / rel)
            lines.append(f"{rel}\t{word}\n")
        Path(f"data/{split}.txt").write_text("".join(lines), encoding="utf-8")
    Path("data/dict.txt").write_text("".join(f"{c}\n" for c in CHARACTERS), encoding="utf-8")


if not (REPO / "tools" / "train.py").is_file():
    sys.exit(f"needs {SOURCE_REPO} at {SOURCE_COMMIT[:8]} unpacked under {REPO}")
write_words()
sys.path.insert(0, str(REPO))  # tools/train.py puts the repo on sys.path itself
import tools.program  # noqa: E402

record: list = []
load_with_lines(tools.program, REPO / PROGRAM[0], PROGRAM[1], PROGRAM[2], record,
                f"{SOURCE_REPO} at {SOURCE_COMMIT}")

iters = TRAIN_IMAGES // BATCH
overrides = ["Global.use_gpu=False", f"Global.epoch_num={EPOCHS}",
             f"Global.print_batch_step={PRINT_STEP}", f"Global.eval_batch_step=[0,{iters}]",
             f"Global.save_epoch_step={EPOCHS}", "Global.save_model_dir=./output/rec/",
             "Global.character_dict_path=./data/dict.txt", "Global.pretrained_model=",
             "Global.save_res_path=./output/rec/predicts.txt"]
for split, phase in (("train", "Train"), ("eval", "Eval")):
    overrides += [f"{phase}.dataset.name=SimpleDataSet", f"{phase}.dataset.data_dir=./data/",
                  f"{phase}.dataset.label_file_list=[./data/{split}.txt]",
                  f"{phase}.loader.batch_size_per_card={BATCH}",
                  f"{phase}.loader.num_workers=0"]
sys.argv = ["tools/train.py", "-c", str(REPO / CONFIG), "-o", *overrides]
runpy.run_path(str(REPO / "tools" / "train.py"), run_name="__main__")

# --- the truth: the trainer's in-memory record of what it prints ---
train = [(step, values) for kind, _, step, values in record if kind == "train"]
evals = [(step, values) for kind, _, step, values in record if kind == "eval"]
best = [values for kind, _, _, values in record if kind == "best"]
printed = [s for s in range(1, EPOCHS * iters + 1) if s % PRINT_STEP == 0 or s % iters == 0]
assert [step for step, _ in train] == printed, train
assert [step for step, _ in evals] == [e * iters for e in range(1, EPOCHS + 1)], evals
assert len(best) == EPOCHS + 1, best  # one after each evaluation, one at the end
for values in best:  # a running best: the values of an evaluation printed again
    assert any(all(values[k] == v for k, v in ev.items()) for _, ev in evals), (values, evals)

metrics = {}
for name in ["lr", "acc", "norm_edit_dis", "loss"]:  # TrainingStats' keys, in print order
    assert all(list(values) == ["lr", "acc", "norm_edit_dis", "loss"] for _, values in train)
    metrics[name] = series([(step, values[name]) for step, values in train], "step",
                           tolerance=5e-7)
for name in ["acc", "norm_edit_dis", "fps"]:  # eval()'s metric dict, printed with str()
    metrics[f"eval_{name}"] = series([(step, values[name]) for step, values in evals],
                                           "step", tolerance=1e-12)

version = f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]}, paddlepaddle {paddle.__version__}"
write_truth(
    "PaddleOCR (tools/train.py)", f"main ({version})",
    "the trainer's in-memory record (lines the case adds to tools/program.py right after the "
    "logger.info calls): TrainingStats.get() after each 'epoch: [..], global_step: ..' line "
    "(lr, acc, norm_edit_dis, loss: the smoothed values it prints), eval()'s metric dict after "
    "each 'cur metric, ..' line, best_model_dict after each 'best metric, ..' line",
    metrics,
    also_ok=["avg_reader_cost", "avg_batch_cost", "ips", "eta"],
    notes=f"global steps of the training lines: {printed} ({iters} iterations an epoch, "
          f"print_batch_step {PRINT_STEP}); an evaluation after each epoch (eval_batch_step "
          f"[0, {iters}]), its 'cur metric' at the epoch's last step; 'best metric' lines: "
          f"{len(best)} (after each evaluation and at the end), the running best printed again",
)
