r"""Cellpose 3.1.1.3: training a segmentation model from scratch as the Python example of
Cellpose's training docs (docs/train.rst) runs it: ``io.logger_setup()``,
``io.load_train_test_data(train_dir, test_dir, image_filter="_img", mask_filter="_masks")``,
``models.CellposeModel(gpu=False, pretrained_model=False, model_type=None)`` (where the docs
retrain ``model_type="cyto3"``: neither a name nor a path gives a fresh CPnet, nothing
loaded or downloaded) and ``train.train_seg(model.net, ...,
channels=[0, 0], normalize=True, test_data=..., test_labels=..., weight_decay=1e-4,
SGD=True, learning_rate=0.1, n_epochs=21, model_name="blobs_model", bsize=64)``. The data:
8 training and 2 test grayscale 128x128 images of 16-20 bright discs (radius 6-10 px) with
noise and their label masks, drawn here with a fixed seed and written as
``NNN_img.tif``/``NNN_masks.tif`` by ``cellpose.io.imsave`` (nothing downloaded). Judgement
calls on the run: cellpose 4.x (newest 4.2.1.1) refuses ``pretrained_model=None`` ("training
from scratch is not implemented") and always builds its SAM/DINO transformer around the
downloaded ``cpsam_v2`` weights, so this pins the last 3.x release; ``bsize=64`` (a
``train_seg`` argument; default 224 takes ~20 s an epoch on one CPU core) and 21 epochs
keep it near 20 s, with the docs' SGD settings.

Printed (the ``logging`` root handler ``logger_setup`` installs on stdout, format
``%(asctime)s [%(levelname)s] %(message)s``): ``creating new log file`` (a plain print, only
when ``~/.cellpose/run.log`` did not exist yet), the version block (``cellpose version:
3.1.1.3``, platform, python and torch versions), ``load_train_test_data``'s ``not all flows
are present, running flow generation for all images`` and ``8 / 8 images in train folder have
labels`` (and the test folder's), ``>>>> using CPU`` (twice), ``>>>> no model weights
loaded``, ``computing flows for labels`` with tqdm bars on stderr (and ``>>> computing
diameters``), the channels and normalisation settings, ``>>> n_epochs=21, n_train=8,
n_test=2``, ``>>> SGD, learning_rate=0.10000, weight_decay=0.00010, momentum=0.900``, the
save path, then at epochs 0, 5, 10 and 20 (``iepoch == 5 or iepoch % 10 == 0``)::

    2026-12-07 04:24:49,210 [INFO] 0, train_loss=1.9709, test_loss=2.7975, LR=0.000000, time 0.94s

and ``saving network parameters to .../models/blobs_model``.

Truth: what ``train_seg`` returns, ``(filename, train_losses, test_losses)``, keyed ``epoch``
(the printed leading number, ``iepoch``, 0-based). Judgement calls:
- ``train_loss``: the printed value is ``lavg``, the mean per-image training loss since the
  previous print (epochs 1-5 at 5, 6-10 at 10, 11-20 at 20; epoch 0 alone at 0), not the
  epoch's own loss. With one batch of all 8 images an epoch, that is the mean of
  ``train_losses`` over those epochs, computed here from the returned array (4 points, at the
  printed epochs). The per-epoch ``train_losses`` of the other epochs are printed nowhere and
  kept in no file, so they are not expected. Tolerance 5e-5 (``:.4f``).
- ``test_loss``: ``test_losses[iepoch]`` at the printed epochs (the array is 0 elsewhere:
  the test set runs only at those epochs). Tolerance 5e-5 (``:.4f``).
- ``LR``: the learning rate the epoch ran at, ``LR[iepoch]`` of train_seg's own schedule (a
  linear warm-up ``np.linspace(0, learning_rate, 10)``, then ``learning_rate``; no decay below
  100 epochs), a series the schedule moves, so a metric under its printed key ``LR``. train_seg
  returns no LR; the values are computed here as train_seg computes them. Tolerance 5e-7
  (``:.6f``).
- ``time`` (``time 0.94s``, seconds since training began) is timing: ``also_ok``, as are
  the tqdm bars' ``it/s``/``s/it``. ``n_epochs``, ``n_train``, ``learning_rate``,
  ``weight_decay``, ``momentum`` are settings.
- Determinism: the data, ``torch.manual_seed(0)`` (network init) and train_seg's own
  ``np.random.seed(iepoch)``/``np.random.seed(42)`` per epoch make the losses repeat on one
  machine; the timestamps and ``time`` differ run to run.
"""
# zoo-venv: cellpose

import os

import cellpose
import numpy as np
import torch
from _truth import series, write_truth
from cellpose import io, models, train

torch.manual_seed(0)


def blobs(rng: np.random.Generator, size: int = 128) -> tuple[np.ndarray, np.ndarray]:
    """A grayscale image of non-overlapping bright discs and its label mask."""
    yy, xx = np.mgrid[:size, :size]
    masks = np.zeros((size, size), np.uint16)
    image = np.zeros((size, size), np.float32)
    label = 0
    for _ in range(40):
        cy, cx = rng.integers(10, size - 10, 2)
        radius = rng.uniform(6, 10)
        disc = (yy - cy) ** 2 + (xx - cx) ** 2 < radius * radius
        if (masks[disc] > 0).any():
            continue
        label += 1
        masks[disc] = label
        image[disc] = rng.uniform(0.5, 1.0)
    image += rng.normal(0, 0.05, image.shape).astype(np.float32)
    return image, masks


rng = np.random.default_rng(0)
for folder, count in (("train", 8), ("test", 2)):
    os.makedirs(folder, exist_ok=True)
    for i in range(count):
        image, masks = blobs(rng)
        io.imsave(os.path.join(folder, f"{i:03d}_img.tif"), image)
        io.imsave(os.path.join(folder, f"{i:03d}_masks.tif"), masks)

# the docs' training example
io.logger_setup()

output = io.load_train_test_data("train", "test", image_filter="_img",
                                 mask_filter="_masks", look_one_level_down=False)
images, labels, image_names, test_images, test_labels, image_names_test = output

model = models.CellposeModel(gpu=False, pretrained_model=False, model_type=None)

n_epochs, learning_rate = 21, 0.1
model_path, train_losses, test_losses = train.train_seg(
    model.net, train_data=images, train_labels=labels, channels=[0, 0], normalize=True,
    test_data=test_images, test_labels=test_labels, weight_decay=1e-4, SGD=True,
    learning_rate=learning_rate, n_epochs=n_epochs, model_name="blobs_model", bsize=64)

# train_seg's learning-rate schedule (n_epochs <= 100: warm-up, then constant)
schedule = np.linspace(0, learning_rate, 10)
schedule = np.append(schedule, learning_rate * np.ones(max(0, n_epochs - 10)))
assert n_epochs <= 100 and len(schedule) == n_epochs

printed = [e for e in range(n_epochs) if e == 5 or e % 10 == 0]
train_points, test_points, lr_points = [], [], []
previous = -1
for epoch in printed:
    # lavg: the mean loss per image over the epochs since the last print (one batch an epoch)
    train_points.append((epoch, float(np.mean(train_losses[previous + 1:epoch + 1]))))
    test_points.append((epoch, float(test_losses[epoch])))
    lr_points.append((epoch, float(schedule[epoch])))
    previous = epoch

write_truth("cellpose", cellpose.version,
            "train.train_seg's return (filename, train_losses, test_losses): train_loss is the "
            "mean of train_losses since the previous print (train_seg's lavg), test_loss is "
            "test_losses at the printed epochs; LR is train_seg's schedule LR[iepoch]",
            {"train_loss": series(train_points, "epoch", tolerance=5e-5),
             "test_loss": series(test_points, "epoch", tolerance=5e-5),
             "LR": series(lr_points, "epoch", tolerance=5e-7)},
            also_ok=["time", "it/s", "s/it"],
            notes=f"n_epochs={n_epochs}; per-epoch train_losses "
                  f"{[round(float(v), 6) for v in train_losses]}; model saved to "
                  f"{os.path.relpath(model_path)}")
