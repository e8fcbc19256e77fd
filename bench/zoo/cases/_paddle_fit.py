"""Shared by the PaddlePaddle zoo cases: the hapi quick start's model and data, ``fit`` with
a callback of the case's, and the truth from the ``logs`` dicts it recorded (see
bench/zoo/README.md). Not a case itself (its name starts with ``_``)."""

from __future__ import annotations

from typing import Any

import numpy as np
import paddle
from _truth import series, write_truth


class RandomDataset(paddle.io.Dataset):
    def __init__(self, size: int, seed: int) -> None:
        rng = np.random.default_rng(seed)
        self.x = rng.normal(size=(size, 8)).astype("float32")
        self.y = (self.x[:, 0] + self.x[:, 1] > 0).astype("int64").reshape(-1, 1)

    def __getitem__(self, index: int) -> tuple:
        return self.x[index], self.y[index]

    def __len__(self) -> int:
        return len(self.x)


class Record(paddle.callbacks.Callback):
    """The ``logs`` dicts of each evaluation (``eval``) by epoch, as hapi passes them; a case
    adds the training's (``train``) from the hooks that match what it prints."""

    def __init__(self) -> None:
        super().__init__()
        self.train: list[tuple[int, dict[str, Any]]] = []
        self.eval: list[tuple[int, dict[str, Any]]] = []
        self.epoch = 0

    def on_epoch_begin(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        self.epoch = epoch + 1  # (printed "Epoch 1/4")

    def on_eval_end(self, logs: dict[str, Any] | None = None) -> None:
        self.eval.append((self.epoch, dict(logs or {})))


def fit(verbose: int, record: Record) -> None:
    """``paddle.Model(net).prepare(Adam, CrossEntropyLoss, Accuracy)``, then ``fit`` for 4
    epochs of 16 steps (512 samples, batch 32), evaluating 128 samples (4 steps) each."""
    paddle.seed(0)
    np.random.seed(0)
    paddle.set_device("cpu")
    net = paddle.nn.Sequential(paddle.nn.Linear(8, 16), paddle.nn.ReLU(),
                               paddle.nn.Linear(16, 2))
    model = paddle.Model(net)
    model.prepare(paddle.optimizer.Adam(learning_rate=0.01, parameters=model.parameters()),
                  paddle.nn.CrossEntropyLoss(), paddle.metric.Accuracy())
    model.fit(RandomDataset(512, 0), eval_data=RandomDataset(128, 1), epochs=4,
              batch_size=32, verbose=verbose, callbacks=[record])


def _scalar(value: object) -> float:
    return float(value[0] if isinstance(value, (list, tuple)) else value)


def write(train: list[tuple[int, dict[str, Any]]], train_key: str,
          evaluated: list[tuple[int, dict[str, Any]]], source: str) -> None:
    """``loss``/``acc`` of the training's logs at ``train_key``, ``eval_loss``/``eval_acc``
    of the evaluation's at their epoch; printed ``f'{v:.4f}'``."""
    metrics = {}
    for prefix, rows, key in (("", train, train_key), ("eval_", evaluated, "epoch")):
        for name in ("loss", "acc"):
            metrics[prefix + name] = series([(axis, _scalar(logs[name])) for axis, logs in rows
                                             if name in logs], key, tolerance=5e-5)
    write_truth("paddlepaddle", paddle.__version__, source, metrics,
                also_ok=["ms/step", "s/step", "us/step", "ETA"])
