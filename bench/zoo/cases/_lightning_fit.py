"""Shared by the Lightning zoo cases: a small classifier, its synthetic data, and the truth
from the ``CSVLogger``'s ``metrics.csv`` (see bench/zoo/README.md).

Not a case itself (its name starts with ``_``). Lightning's DDP re-runs the case script for
each rank, so a case trains under ``if __name__ == "__main__"``.
"""

from __future__ import annotations

import csv
from typing import Any

import lightning
import torch
from _truth import series
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


class Classifier(lightning.LightningModule):
    """An MLP on 8 features, 2 classes: ``train_loss`` each step; ``val_loss`` (and
    ``val_acc`` unless ``accuracy`` is False) each epoch, all on the progress bar."""

    def __init__(self, accuracy: bool = True, sync_dist: bool = False) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 2))
        self.accuracy, self.sync_dist = accuracy, sync_dist

    def training_step(self, batch: list, index: int) -> torch.Tensor:
        x, y = batch
        loss = nn.functional.cross_entropy(self.net(x), y)
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def validation_step(self, batch: list, index: int) -> None:
        x, y = batch
        logits = self.net(x)
        self.log("val_loss", nn.functional.cross_entropy(logits, y), prog_bar=True,
                 sync_dist=self.sync_dist)
        if self.accuracy:
            self.log("val_acc", (logits.argmax(-1) == y).float().mean(), prog_bar=True)

    def configure_optimizers(self) -> torch.optim.Optimizer:
        return torch.optim.SGD(self.parameters(), lr=0.1)


def loader(size: int, seed: int, shuffle: bool) -> DataLoader:
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(size, 8, generator=generator)
    y = (x[:, 0] + x[:, 1] > 0).long()
    return DataLoader(TensorDataset(x, y), batch_size=32, shuffle=shuffle)


def csv_metrics(path: str, names: tuple[str, ...], **tolerance: float) -> dict[str, Any]:
    """The metrics.csv columns ``names``: ``train_loss`` at its ``step``, the others at their
    ``epoch``; ``tolerance`` as the bar prints them (``_truth.series``)."""
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    metrics = {}
    for name in names:
        key = "step" if name == "train_loss" else "epoch"
        metrics[name] = series([(row[key], row[name]) for row in rows if row.get(name)], key,
                               **tolerance)
    return metrics
