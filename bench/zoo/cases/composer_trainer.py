"""MosaicML Composer 0.32.1 (pip package ``mosaicml``): its README quick start, a
``Trainer(model=ComposerClassifier(module=Model(), num_classes=10), train_dataloader=...,
max_duration=...)`` with the quick start's own toy CNN ``Model`` (two 3x3 convolutions,
BatchNorm, adaptive average pooling to 4x4, two linear layers) held verbatim, on synthetic
MNIST-shaped data built here instead of ``datasets.MNIST(download=True)`` (nothing
downloaded): 512 training and 128 evaluation 1x28x28 images whose class (0-9) is a brighter
7x7 block at one of ten places over uniform noise, ``DataLoader(..., batch_size=64)`` (8
and 2 batches). Beyond the quick start: an ``eval_dataloader`` (the Trainer's own argument,
evaluated at each epoch end by default), ``max_duration="3ep"``, ``device="cpu"``,
``seed=42`` with ``reproducibility.seed_all(42)`` before the model is built (Composer's
reproducibility docs: the Trainer's seed comes after the model's initialisation), and an
``InMemoryLogger`` in ``loggers`` for the truth. The quick start's algorithms (LabelSmoothing,
CutMix, ChannelsLast) are left out, and so is an optimizer: Composer warns "No optimizer was
specified. Defaulting to DecoupledSGDW(lr=0.1)" (a UserWarning, stderr), as for the quick
start. The case prints nothing of its own. About 10 s, most of it imports.

What it prints (stderr, all of it Composer's default ``progress_bar=True``:
``ProgressBarLogger``, tqdm bars at ``position=1`` over a blank dummy bar at 0, so each
refresh ends in a cursor-up ``ESC[A``; ``ncols=120`` under a pipe, ``dynamic_ncols`` under
a terminal): first its ``Config:`` block, the hyperparameters Composer logs itself as YAML
between two lines of 30 ``*`` (``composer_commit_hash: None``, ``composer_version: 0.32.1``,
``node_name: unknown because NODENAME environment variable not set``,
``num_cpus_per_node: 1``, ``num_nodes: 1``, ``rank_zero_seed: 42``); then a bar an epoch,
``train          Epoch   0:  100%|█████████████████████████| 8/8 [00:01<00:00,  4.57ba/s,
loss/train/total=1.9896]``, its postfix refreshed after every batch with that batch's loss
(``format_log_data_value``: ``f"{value:.4f}"``), and after it an eval bar, ``eval
Epoch   0:  100%|...| 2/2 [00:00<00:00, 13.71ba/s, metrics/eval/CrossEntropy=2.2521``:
the eval bar's postfix holds ``metrics/eval/CrossEntropy`` and
``metrics/eval/MulticlassAccuracy`` (its ``keys_to_log`` is ``["eval"]``), but the line is
cut at 120 columns (tqdm's ``ncols``/terminal width), so the accuracy never shows and the
cross-entropy's ``.4f`` may lose its last digit(s) to the cut (how many depends on the
width of the rate and of the terminal: ``=2.2521`` under the pipe, ``=2.252`` under the
120-column pty, where tqdm uses one column less). Under a terminal the bars are drawn with
``leave=False`` and erased when they close (Composer then prints a newline).

Truth: Composer's own record, the ``InMemoryLogger``'s ``data`` (key -> [(Timestamp,
value)], every ``log_metrics`` call of the run). Judgement calls:
- Only what the bars print is a truth metric: ``loss/train/total`` (each training batch's
  loss, 24 values) and ``metrics/eval/CrossEntropy`` (3 values, one an evaluation). Named by
  Composer's own keys, as the postfix prints them.
- Steps: ``loss/train/total`` at the Timestamp's ``batch`` when it was logged (0..23: the
  batches completed before this one, Composer's own count); ``metrics/eval/CrossEntropy``
  at the Timestamp's ``epoch`` (1..3, the epochs completed when the evaluation ran). The eval
  bar labels these ``Epoch   0`` to ``Epoch   2`` (``ProgressBarLogger`` subtracts one: "epochwise
  eval results refer to model from previous epoch"); the train bars' ``Epoch   0`` to
  ``Epoch   2`` are the record's epoch at their batches.
- Tolerances: ``loss/train/total`` 5e-5 (``.4f``); ``metrics/eval/CrossEntropy`` 1e-2 (``.4f``
  then cut by the line width: under 1e-2 as long as two decimals survive the cut).
- Recorded but never printed, so no truth metric (in the notes): ``metrics/eval/
  MulticlassAccuracy`` (cut off the eval bar), ``metrics/train/MulticlassAccuracy`` (not in
  the train bar's ``keys_to_log``, ``["loss/train"]``), ``trainer/device_train_microbatch_size``
  and the ``time/*`` counters (epoch, batch, sample, ..., counters, no metrics).
- ``ba/s`` (tqdm's rate, Composer's unit ``ba``, batches) is printed timing that is not
  recorded: ``also_ok``. The ``Config:`` values are settings (a seed, node counts, a version),
  not metrics.
- Determinism: seeded (``seed_all(42)`` before the model, the Trainer's ``seed=42``), no
  shuffling (as the quick start's ``DataLoader``), one thread: the values repeat run to run;
  the rates differ.
"""
# zoo-venv: composer

import composer
import torch
import torch.nn as nn
import torch.nn.functional as F
from _truth import series, write_truth
from composer import Trainer
from composer.loggers import InMemoryLogger
from composer.models import ComposerClassifier
from composer.utils import reproducibility
from torch.utils.data import DataLoader, TensorDataset


class Model(nn.Module):
    """Toy convolutional neural network architecture in pytorch for MNIST."""

    def __init__(self, num_classes: int = 10):
        super().__init__()

        self.num_classes = num_classes

        self.conv1 = nn.Conv2d(1, 16, (3, 3), padding=0)
        self.conv2 = nn.Conv2d(16, 32, (3, 3), padding=0)
        self.bn = nn.BatchNorm2d(32)
        self.fc1 = nn.Linear(32 * 16, 32)
        self.fc2 = nn.Linear(32, num_classes)

    def forward(self, x):
        out = self.conv1(x)
        out = F.relu(out)
        out = self.conv2(out)
        out = self.bn(out)
        out = F.relu(out)
        out = F.adaptive_avg_pool2d(out, (4, 4))
        out = torch.flatten(out, 1, -1)
        out = self.fc1(out)
        out = F.relu(out)
        return self.fc2(out)


def synthetic_mnist(count: int, seed: int) -> TensorDataset:
    """MNIST-shaped images: uniform noise, the label's 7x7 block (one of ten) brighter."""
    generator = torch.Generator().manual_seed(seed)
    labels = torch.randint(0, 10, (count,), generator=generator)
    images = torch.rand(count, 1, 28, 28, generator=generator) * 0.6
    for index, label in enumerate(labels.tolist()):
        row, col = label // 5 * 14 + 3, label % 5 * 5 + 1
        images[index, 0, row:row + 7, col:col + 7] += 0.4
    return TensorDataset(images, labels)


reproducibility.seed_all(42)
train_dataloader = DataLoader(synthetic_mnist(512, 0), batch_size=64)
eval_dataloader = DataLoader(synthetic_mnist(128, 1), batch_size=64)

in_memory_logger = InMemoryLogger()
trainer = Trainer(
    model=ComposerClassifier(module=Model(), num_classes=10),
    train_dataloader=train_dataloader,
    eval_dataloader=eval_dataloader,
    max_duration="3ep",
    device="cpu",
    seed=42,
    loggers=[in_memory_logger],
)
trainer.fit()

data = in_memory_logger.data
metrics = {
    "loss/train/total": series(((int(stamp.batch), float(value))
                                for stamp, value in data["loss/train/total"]),
                               "step", tolerance=5e-5),
    "metrics/eval/CrossEntropy": series(((int(stamp.epoch), float(value))
                                         for stamp, value in data["metrics/eval/CrossEntropy"]),
                                        "epoch", tolerance=1e-2),
}
unprinted = {name: [round(float(value), 6) for _, value in data[name]]
             for name in ("metrics/eval/MulticlassAccuracy", "metrics/train/MulticlassAccuracy")}
write_truth("composer", composer.__version__,
            "InMemoryLogger.data (loss/train/total at Timestamp.batch, "
            "metrics/eval/CrossEntropy at Timestamp.epoch)", metrics, also_ok=["ba/s"],
            notes="recorded, never printed (cut off the 120-column eval bar, or not in the "
                  f"train bar's keys_to_log): {unprinted}")
