"""fastai v1 (``fastai==1.0.61``, 2020-04-04, the last v1 release; its ``fastai.vision``
API, not v2's ``fastai.vision.all``) on torch 1.7.1 and torchvision 0.8.2 (PyPI's cp38
wheels, CUDA 10.2 builds, run on the CPU) with fastprogress 0.2.6, Python 3.8: the classic
v1 notebook recipe ``data = ImageDataBunch.from_folder(...).normalize(imagenet_stats)``,
``learn = cnn_learner(data, models.resnet18, pretrained=False, metrics=[accuracy,
error_rate])``, ``learn.fit_one_cycle(3, 1e-2)``, then ``print(learn.validate())``.
Data: a tiny image folder the case writes (ImageNet's layout, ``images/train/{cat,dog}/``
and ``images/valid/{cat,dog}/``): 16 training and 8 validation 32x32 PNGs of Gaussian
noise around a darker (cat) or lighter (dog) grey, numpy ``RandomState(0)``; ``size=32``,
``bs=8`` (two training batches an epoch, one validation batch), no ``ds_tfms``.
``pretrained=False``: the ResNet-18 is built from torchvision's config with random weights,
nothing downloaded. About 15 s here, most of it importing torch.

What it prints (fastai's ``Recorder`` writes its epoch table through fastprogress's
``ConsoleMasterBar.write(..., table=True)``, with ``print``; the bars draw only where
``sys.stdout.isatty()``):
- both modes, on stderr first: torch 1.7.1's ``UserWarning: CUDA initialization: Found no
  NVIDIA driver on your system...`` (its CUDA build probing for a GPU).
- both modes: the header ``epoch     train_loss  valid_loss  accuracy  error_rate  time``
  (names padded to 8 and joined by two spaces) and one row an epoch, each float
  ``f"{stat:.6f}"``, the epoch 0-based, the time ``format_time``'s ``00:02``::

    0         1.770720    3.288364    0.500000  0.500000    00:02
    2         1.149602    448.000610  0.500000  0.500000    00:01

  then ``[448.0006, tensor(0.5000), tensor(0.5000)]``, ``validate()``'s list as Python
  prints it (a numpy float32 and two 0-d tensors).
- both modes: ``█`` then ``\\r``, once each time a bar is made (``ConsoleProgressBar``'s
  probe of whether the terminal can print the fill character, before any ``isatty``
  check): so the pipe's table lines start with ``█\\r`` or ``█\\r█\\r``.
- pty only: the bars, redrawn with ``\\r``: ``Epoch 1/3 : |██████...------| 50.00% [1/2
  00:01<00:01 2.3419]`` for training (the bar's comment is the running smoothed loss,
  ``f"{smooth_loss:.4f}"``, set by ``Recorder.on_backward_begin``; no name is printed with
  it), ``Epoch 1/3 : |████...| 100.00% [1/1 00:00<00:00]`` for validation, each bar wiped
  with spaces when done (``leave=False``), and a last bar with no prefix for
  ``validate()``.

Truth: fastai v1's own record, ``learn.recorder`` (the ``Recorder`` callback every Learner
carries, ``fastai/basic_train.py``), never stdout: ``recorder.losses`` (the smoothed training
loss, one a batch: the value ``on_backward_begin`` records), ``recorder.nb_batches`` (the
batches of each epoch), ``recorder.val_losses`` (one an epoch) and ``recorder.metrics`` (one
list an epoch, in the order of ``recorder.metrics_names``); ``learn.validate()``'s return
value. Judgement calls:
- Names as the table prints them, which are ``recorder.names``: ``train_loss``,
  ``valid_loss``, ``accuracy``, ``error_rate`` (``error_rate`` is ``1 - accuracy``, but
  fastai computes, keeps and prints it as its own metric).
- ``train_loss`` is what ``Recorder.on_epoch_end`` prints: the epoch's last smoothed loss
  (the exponential moving average with beta 0.98, debiased, carried across epochs), i.e.
  ``recorder.losses`` at each epoch's last batch (split by ``nb_batches``), not an epoch
  mean. The case takes it from ``losses``, which holds every batch's.
- Axis ``epoch``, 0-based as fastai prints and counts it; 3 points a metric.
- Tolerance 5e-7 for all four: ``.6f``.
- ``learn.validate()`` runs the same model over the same validation set again, so its
  ``[valid_loss, accuracy, error_rate]`` is the last epoch's row; the case asserts that
  (1e-6) and keeps it in ``notes``, not as a second point: the printed list has no names,
  so nothing a reader could key a fourth point to.
- ``time`` (``00:02``, the epoch's wall time) in ``also_ok``: ``Recorder`` prints it but
  keeps no number of it. The bar's ``[1/2 00:01<00:01 2.3419]`` (counts, elapsed/remaining
  time and the nameless smoothed loss, which ``recorder.losses`` does keep) is no named
  metric.
- Tiny data, one-cycle at 1e-2 on two batches of 8: the BatchNorm statistics of a random
  ResNet-18 swing and ``valid_loss`` climbs to 448 while accuracy stays at 0.5; that is what
  this fastai computes and records, left as it is.
- Determinism: fastai v1 has no ``set_seed``; the case seeds ``random``, numpy and torch
  before building the data, and passes ``num_workers=0`` (v1's default is one worker a CPU,
  up to 16; the data is 24 tiny files), so the values repeat on the CPU; only times vary.
"""
# zoo-venv: fastaiv1

import os
import random

import numpy as np
import torch
from _truth import series, write_truth
from fastai import __version__ as fastai_version
from fastai.vision import (
    ImageDataBunch,
    accuracy,
    cnn_learner,
    error_rate,
    imagenet_stats,
    models,
)
from PIL import Image

# a tiny image folder in ImageNet's layout: train/ and valid/, one folder a class
rng = np.random.RandomState(0)
for split, count in (("train", 16), ("valid", 8)):
    for label, base in (("cat", 80), ("dog", 170)):
        os.makedirs(os.path.join("images", split, label), exist_ok=True)
        for index in range(count // 2):
            pixels = np.clip(rng.normal(base, 40, size=(32, 32, 3)), 0, 255).astype(np.uint8)
            Image.fromarray(pixels).save(os.path.join("images", split, label, f"{index}.png"))

random.seed(0)
np.random.seed(0)
torch.manual_seed(0)
data = ImageDataBunch.from_folder("images", train="train", valid="valid", size=32, bs=8,
                                  num_workers=0).normalize(imagenet_stats)
learn = cnn_learner(data, models.resnet18, pretrained=False, metrics=[accuracy, error_rate])
learn.fit_one_cycle(3, 1e-2)
result = learn.validate()
print(result)

# truth: the Recorder callback's own lists (fastai/basic_train.py, class Recorder)
recorder = learn.recorder
epochs = len(recorder.nb_batches)
assert epochs == 3, recorder.nb_batches
assert list(recorder.names) == ["epoch", "train_loss", "valid_loss", "accuracy", "error_rate",
                                "time"], recorder.names
ends = np.cumsum(recorder.nb_batches) - 1  # the last batch of each epoch in recorder.losses
train_loss = [float(recorder.losses[end]) for end in ends]
valid_loss = [float(value) for value in recorder.val_losses]
metric_rows = [[float(value) for value in row] for row in recorder.metrics]
# Recorder.format_stats prints each float with f"{stat:.6f}"
metrics = {
    "train_loss": series(enumerate(train_loss), "epoch", tolerance=5e-7),
    "valid_loss": series(enumerate(valid_loss), "epoch", tolerance=5e-7),
}
for column, name in enumerate(recorder.metrics_names):
    metrics[name] = series([(epoch, row[column]) for epoch, row in enumerate(metric_rows)],
                           "epoch", tolerance=5e-7)
# learn.validate() runs the same model on the same validation set again: its return value
# [valid_loss, accuracy, error_rate] is the last epoch's row (checked, not a second series)
validated = [float(value) for value in result]
last = [valid_loss[-1]] + metric_rows[-1]
assert np.allclose(validated, last, rtol=0, atol=1e-6), (validated, last)
write_truth(
    "fastai", fastai_version,
    "learn.recorder (fastai v1's Recorder callback): losses (the smoothed training loss, one "
    "a batch; train_loss is each epoch's last, split by nb_batches), val_losses, metrics "
    "(with metrics_names); learn.validate()'s return value checked against the last epoch",
    metrics,
    also_ok=["time"],
    notes=f"learn.validate() returned {validated} (valid_loss, accuracy, error_rate), "
          f"printed as a bare list: the last epoch's row again; torch {torch.__version__}",
)
