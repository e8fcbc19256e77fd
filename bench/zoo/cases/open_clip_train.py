"""OpenCLIP 3.3.0 (``open_clip_torch[training]``): its training script, ``python -m
open_clip_train.main``, as the README's "Sample single-process running code" runs it on a CSV
data set (``--save-frequency 1 --report-to tensorboard --train-data=... --val-data=...
--csv-img-key filepath --csv-caption-key title --warmup ... --batch-size=... --lr=1e-3
--wd=0.1 --epochs=... --workers=... --model ...``), on torch 2.14.1 with torchvision 0.29.1
(PyPI's CUDA wheels, run on the CPU). The case builds its data and model first, nothing downloaded:
64 train and 16 val 32x32 PNGs of a coloured shape on grey (4 colours x 4 shapes, place and
size varied), captioned ``a photo of a red circle``, in tab-separated CSVs (open_clip's
default ``--csv-separator``) with the README's ``filepath``/``title`` columns; and a small
CLIP from a config, no weights, through open_clip's ``local-dir:`` model schema
(``tiny-clip/open_clip_config.json``'s ``model_cfg``: a 2-layer ViT of width 64 on 8x8
patches of a 32-pixel image, a 2-layer text transformer of width 64 with context length 16
and the SimpleTokenizer's 49408-word vocabulary that ships in the wheel, embed_dim 32).
Settings beyond the README's: ``--warmup 4`` (its 10000 would keep the printed lr at
``0.000000``), ``--batch-size=8 --epochs=3 --workers=0`` (small and deterministic),
``--device cpu --precision fp32`` (the default ``cuda`` falls back to the CPU with a warning;
the default ``amp`` would autocast float16 on the CPU) and ``--name tiny_clip`` (the default
name holds the date, so the log folder would move from run to run); no ``--imagenet-val``
(no zero-shot evaluation), so ``evaluate`` runs the val CSV's retrieval metrics alone.
``--model local-dir:...`` has no ``vit`` in its name, so ``get_default_params`` gives Adam's
betas (0.9, 0.999) and eps 1e-8 (the ViT defaults are 0.98/1e-6): as open_clip does.

What it prints (stderr only, open_clip's ``setup_logging``: ``%(asctime)s | %(levelname)s |
%(message)s``): the model's setup (``WARNING | No pretrained weights loaded for model
'local-dir:tiny-clip'. Model initialized randomly.``), ``Model:`` and the module tree,
``Params:`` and every argument (``  lr: 0.001``, ``  batch_size: 8``, ...), the optimizer's
settings, torch's ``pin_memory`` warning, then an epoch: ``Start epoch 0``, two train lines
(the first batch and the last: ``--log-every-n-steps`` is 100, an epoch 8 batches)::

    Train Epoch: 0 [ 8/64 (12%)] Data (t): 0.029 Batch (t): 0.265, 30.1978/s, 30.1978/s/gpu
    LR: 0.000250 Logit Scale: 14.286 Contrastive_loss: 2.1325 (2.1325) Loss: 2.1325 (2.1325)

(one line), and after it two eval lines (tab-separated)::

    Eval Epoch: 1 [8 / 16]	Clip Loss: 0.772373
    Eval Epoch: 1 image_to_text_mean_rank: 2.5625	image_to_text_median_rank: 2.0000	...
    text_to_image_R@10: 1.0000	clip_val_loss: 0.7764	epoch: 1.0000	num_samples: 16.0000

At the end, torch's own exit report at INFO in glog form (``I1207 01:28:54.426000 12371
torch/_subclasses/fake_tensor.py:3779]   cache_hits: 0``, ``cache_misses: 0``): open_clip's
``setup_logging`` sets every logger that exists to INFO, torch's ``_dynamo`` and
``fake_tensor`` among them.

Truth: open_clip's own record. ``logs/tiny_clip/checkpoints/results.jsonl``, the metrics dict
``evaluate`` appends an epoch (``epoch`` 1 to 3, as the Eval lines print it), and the
``SummaryWriter`` event file under ``logs/tiny_clip/tensorboard`` (``--report-to
tensorboard``): ``train/<name>`` at the global step ``num_batches_per_epoch * epoch + i``
each time a train line is printed (steps 0, 7, 8, 15, 16, 23), ``val/<key>`` of the eval dict
at step = the epoch (the case asserts they equal results.jsonl's, float32). Only the event
file is listed in ``files``: open_clip writes results.jsonl under ``checkpoints/``, a folder
this repository's .gitignore ignores, and exptrack reads the event file, not the jsonl.
Judgement calls:
- Each printed value is a metric named by its printed words, as the zoo's other event-file
  cases name them (rsl_rl): the train line's ``LR`` (the tag ``train/lr``, printed
  ``{:5f}``: six decimals, tolerance 5e-7), ``Logit_Scale`` (``train/scale``, the model's
  ``logit_scale.exp()``, ``.3f``: 5e-4), ``Contrastive_loss`` and ``Loss`` (``train/
  contrastive_loss``, ``train/loss``: ClipLoss's only term and their sum, so equal; printed
  ``{val:#.5g} ({avg:#.5g})``, rel_tolerance 5e-5), keyed ``step`` at the event file's
  step; the event file's float32 adds rel 1e-6. The value in parentheses is the running
  average of the epoch's logged batches: no key of its own, no metric.
- The eval line's keys are results.jsonl's and the line's own (``image_to_text_mean_rank``,
  ``..._median_rank``, ``..._R@1``/``R@5``/``R@10``, the same for ``text_to_image``,
  ``clip_val_loss``), keyed ``epoch``, printed ``f"{round(v, 4):.4f}"``: tolerance 5e-5.
  The ``Eval Epoch: N`` label names the line's mode (the dict's keys carry no phase, but
  ``clip_val_loss`` says its own and the event file prefixes all with ``val/``). Named as
  the event file's tags, ``val/<key>`` (the lead's call: open_clip's own names for the
  evaluation's series in the record exptrack reads; the line's phase label gives the
  printed values the same quantity's name, ``eval_<key>``, documented in docs/metrics.md). With 16
  val pictures R@5 and R@10 are 1.0 throughout (at most 16 ranks). ``epoch`` is the axis
  and ``num_samples`` counts the val pictures (16 each time): no metrics, ``also_ok``.
- ``Clip Loss: 0.772373`` on the first Eval line is the running mean over the val batches
  seen so far, printed when ``i % 100 == 0``: after the first of the two batches only, so
  not the epoch's ``clip_val_loss`` and kept nowhere; ``also_ok`` as ``eval_Clip_Loss``
  (exptrack's documented name for a pair after an ``Eval`` label: no key of open_clip's).
- ``Data (t)`` and ``Batch (t)`` are the means of the seconds per batch over the log window
  (timing; the event file keeps the last batch's, ``train/data_time``, ``train/batch_time``,
  another value), ``also_ok`` as ``Data_(t)``, ``Batch_(t)``; the unnamed ``30.1978/s`` and
  ``/s/gpu`` are ``train/samples_per_second(_per_gpu)``'s throughput. ``[ 8/64 (12%)]`` counts
  the epoch's samples (batch count x batch size) out of the data set's: no step.
- ``file_metrics``: every scalar tag of the event file under its tag (``train/data_time``,
  ``train/batch_time``, ``train/samples_per_second``, ``train/samples_per_second_per_gpu``,
  ``train/scale``, ``train/lr``, ``train/contrastive_loss``, ``train/loss`` at the step,
  ``val/<key>`` at the epoch), rel_tolerance 1e-6, except ``val/epoch`` (the epoch, its own
  step, written as a scalar) and ``val/num_samples`` (the count), in ``also_ok`` like the
  printed counters.
- torch's exit report (``cache_hits: 0``, ``cache_misses: 0``) counts the FakeTensor
  cache's hits of a run that compiled nothing: no metric of the training.
- Determinism: seeded (``--seed 0``), one process, no workers; the losses, lr, scale and eval
  values repeat, pipe and pty alike; the timings, the time stamps and the event file's name
  do not.
"""
# zoo-venv: openclip

import csv
import json
import os
import subprocess
import sys

import open_clip
import torch
from _records import tb_folder
from _truth import series, write_truth
from PIL import Image, ImageDraw

NAME = "tiny_clip"
MODEL_DIR = "tiny-clip"
COLOURS = {"red": (220, 30, 30), "green": (30, 180, 40), "blue": (30, 60, 220),
           "yellow": (230, 210, 20)}
SHAPES = ("square", "circle", "triangle", "cross")


def draw(colour: str, shape: str, seed: int) -> Image.Image:
    """A 32x32 picture of a coloured shape on grey, its place and size varied by ``seed``."""
    image = Image.new("RGB", (32, 32), (128, 128, 128))
    pen = ImageDraw.Draw(image)
    x, y, r = 8 + seed % 7 * 2, 8 + seed // 7 % 7 * 2, 6 + seed % 3
    fill = COLOURS[colour]
    if shape == "square":
        pen.rectangle((x - r + 8, y - r + 8, x + r + 8, y + r + 8), fill=fill)
    elif shape == "circle":
        pen.ellipse((x - r + 8, y - r + 8, x + r + 8, y + r + 8), fill=fill)
    elif shape == "triangle":
        pen.polygon([(x + 8, y - r + 8), (x - r + 8, y + r + 8), (x + r + 8, y + r + 8)], fill=fill)
    else:
        pen.rectangle((x - r + 8, y + 6, x + r + 8, y + 10), fill=fill)
        pen.rectangle((x + 6, y - r + 8, x + 10, y + r + 8), fill=fill)
    return image


def write_split(split: str, count: int, offset: int) -> str:
    os.makedirs(f"data/{split}", exist_ok=True)
    path = f"data/{split}.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter="\t")
        writer.writerow(["filepath", "title"])
        for index in range(count):
            seed = offset + index
            colour = list(COLOURS)[seed % 4]
            shape = SHAPES[seed // 4 % 4]
            image_path = f"data/{split}/{index:03d}.png"
            draw(colour, shape, seed).save(image_path)
            writer.writerow([image_path, f"a photo of a {colour} {shape}"])
    return path


train_csv = write_split("train", 64, 0)
val_csv = write_split("val", 16, 64)

# a small CLIP from a config (no weights): open_clip's "local-dir:" schema reads
# open_clip_config.json's model_cfg (the built-in configs' format)
os.makedirs(MODEL_DIR, exist_ok=True)
with open(f"{MODEL_DIR}/open_clip_config.json", "w", encoding="utf-8") as handle:
    json.dump({"model_cfg": {
        "embed_dim": 32,
        "vision_cfg": {"image_size": 32, "layers": 2, "width": 64, "head_width": 32,
                       "patch_size": 8},
        "text_cfg": {"context_length": 16, "vocab_size": 49408, "width": 64, "heads": 2,
                     "layers": 2}}}, handle, indent=4)

subprocess.run([
    sys.executable, "-m", "open_clip_train.main",
    "--save-frequency", "1",
    "--report-to", "tensorboard",
    f"--train-data={train_csv}",
    f"--val-data={val_csv}",
    "--csv-img-key", "filepath",
    "--csv-caption-key", "title",
    "--warmup", "4",
    "--batch-size=8",
    "--lr=1e-3",
    "--wd=0.1",
    "--epochs=3",
    "--workers=0",
    "--model", f"local-dir:{MODEL_DIR}",
    "--device", "cpu",
    "--precision", "fp32",
    "--name", NAME,
], check=True)

# the truth: open_clip's own record, results.jsonl (evaluate() appends its metrics dict an
# epoch) and the TensorBoard event file (the train/* scalars a logged step, val/* an epoch)
RUN = f"logs/{NAME}"
with open(f"{RUN}/checkpoints/results.jsonl", encoding="utf-8") as handle:
    results = [json.loads(line) for line in handle]
event_files, scalars = tb_folder(f"{RUN}/tensorboard")
assert [row["epoch"] for row in results] == [1, 2, 3], results

TRAIN = {  # the printed name -> (open_clip's tag, the print's rounding: absolute, relative)
    "LR": ("train/lr", 5e-7, 1e-6),  # f"{lr:5f}": six decimals
    "Logit_Scale": ("train/scale", 5e-4, 1e-6),  # f"{logit_scale_scalar:.3f}"
    "Contrastive_loss": ("train/contrastive_loss", None, 5e-5),  # f"{val:#.5g}"
    "Loss": ("train/loss", None, 5e-5),
}
metrics = {}
for name, (tag, tolerance, rel_tolerance) in TRAIN.items():
    metrics[name] = series(scalars[tag], "step", tolerance=tolerance, rel_tolerance=rel_tolerance)
COUNTERS = ("epoch", "num_samples")  # the axis and the val set's size
for key in results[0]:
    if key in COUNTERS:
        continue
    pairs = [(row["epoch"], row[key]) for row in results]
    # the event file holds the same values at step = epoch (float32)
    assert all(abs(got - want) <= 1e-6 * abs(want)
               for (_, got), (_, want) in zip(scalars[f"val/{key}"], pairs, strict=True)), key
    metrics[f"val/{key}"] = series(pairs, "epoch", tolerance=5e-5)  # f"{round(v, 4):.4f}"

file_metrics = {tag: series(pairs, "step", rel_tolerance=1e-6)
                for tag, pairs in scalars.items()
                if tag not in {f"val/{key}" for key in COUNTERS}}
write_truth("open_clip", f"{open_clip.__version__} (open_clip_train, torch {torch.__version__})",
            f"{RUN}/checkpoints/results.jsonl (evaluate()'s metrics an epoch) and the "
            f"SummaryWriter event file under {RUN}/tensorboard (tb_folder)",
            metrics, files=event_files,
            file_metrics=file_metrics,
            also_ok=["Data_(t)", "Batch_(t)", "eval_Clip_Loss", "num_samples",
                     "val/num_samples", "val/epoch"],
            notes=f"scalar tags found: {', '.join(sorted(scalars))}")
