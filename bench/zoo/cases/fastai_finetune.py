"""fastai vision: ``vision_learner(dls, resnet18, pretrained=False, metrics=error_rate)`` then
``learn.fine_tune(2)``, as the fastai tutorial does, but offline: a tiny synthetic image folder
(two classes of coloured squares on noise, 32 px PNGs written by the script) loaded with
``ImageDataLoaders.from_folder``; nothing downloaded (``pretrained=False``). Default
``ProgressCallback``: fastprogress console bars under a terminal and the epoch tables
``epoch train_loss valid_loss error_rate time`` under both.

``fine_tune(2)`` is two ``fit_one_cycle`` calls: ``freeze(); fit_one_cycle(1)`` then
``unfreeze(); fit_one_cycle(2)``. Each prints its own table, and each fit resets
``learn.recorder.values`` (Recorder.before_fit), so the truth is read by a callback of ours
(``after_fit``, prints nothing) that keeps ``recorder.values`` after each phase.

Judgement: the two tables map to three epochs in order: the frozen table's row ``0`` is the
first value of each series, the unfrozen table's rows ``0`` and ``1`` the second and third.
The key is ``epoch`` as fastai prints it (0-based within each fit), so the axes read
``0, 0, 1``: fastai itself has no run-wide epoch counter across the two fits. ``time`` is a
per-epoch duration string (``00:01``), not a metric: in ``also_ok``, not in truth."""

import os

import numpy as np
from _truth import series, write_truth
from fastai import __version__ as fastai_version
from fastai.vision.all import (
    Callback,
    ImageDataLoaders,
    Resize,
    error_rate,
    resnet18,
    set_seed,
    vision_learner,
)
from PIL import Image

set_seed(0, reproducible=True)
rng = np.random.default_rng(0)
colours = {"red": (220, 40, 40), "blue": (40, 60, 220)}
for label, colour in colours.items():
    folder = f"squares/{label}"
    os.makedirs(folder, exist_ok=True)
    for index in range(40):
        pixels = rng.integers(0, 90, size=(32, 32, 3), dtype=np.uint8)
        size = int(rng.integers(10, 20))
        top, left = rng.integers(0, 32 - size, size=2)
        pixels[top:top + size, left:left + size] = colour
        Image.fromarray(pixels).save(f"{folder}/{index:02d}.png")


class KeepValues(Callback):
    """After each fit (phase), keep a copy of ``recorder.values``; prints nothing."""

    order = 99

    def __init__(self) -> None:
        self.phases: list[tuple[list[str], list[list[float]]]] = []

    def after_fit(self) -> None:
        self.phases.append((list(self.learn.recorder.metric_names),
                            [list(row) for row in self.learn.recorder.values]))


dls = ImageDataLoaders.from_folder("squares", valid_pct=0.25, seed=0, item_tfms=Resize(32),
                                   bs=16)
keep = KeepValues()
learn = vision_learner(dls, resnet18, pretrained=False, metrics=error_rate, cbs=keep)
learn.fine_tune(2)

metrics: dict = {}
pairs: dict[str, list] = {}
for names, rows in keep.phases:
    names = names[1:]  # drop "epoch"
    for epoch, row in enumerate(rows):
        for column, name in enumerate(names):
            if name == "time":
                continue  # format_time string, appended to the log only
            pairs.setdefault(name, []).append((epoch, row[column]))
for name, values in pairs.items():
    # ProgressCallback._write_stats prints floats as f"{value:.6f}"
    metrics[name] = series(values, "epoch", tolerance=5e-7)
write_truth("fastai", fastai_version,
            "learn.recorder.values / metric_names after each fit of fine_tune (callback)",
            metrics, also_ok=["time"])
