"""Sacred (0.8.7): an ``Experiment`` with a ``FileStorageObserver("runs")``, its config
(``lr``, ``epochs``) and an ``automain`` that trains a logistic regression by gradient
descent in numpy for 6 epochs, logging as Sacred's docs show: ``_run.log_scalar(
"training.loss", loss, epoch)`` and ``_run.log_scalar("test.accuracy", acc, epoch)``; one
line printed an epoch, ``Epoch 2: loss 0.4123, test accuracy 0.790``. Sacred's own logging
(``INFO - logreg - Running command 'main'``, ``Started run with ID "1"``, ``Result:
0.79``, ``Completed after 0:00:00``) goes to stderr.

Truth: the observer's ``runs/1/metrics.json`` (``{"training.loss": {"steps": [...],
"values": [...], "timestamps": [...]}}``, the exact floats; in ``files``). Judged: each
logged name is a metric under its own name, keyed ``step`` as Sacred keeps it; printed
alone, the line's ``loss`` (the training's) and ``test_accuracy`` at the printed epoch, to
the printed digits. The returned ``Result`` (the last test accuracy again) is no series of
its own; ``Completed after 0:00:00`` is a clock.
"""

# zoo-venv: sacred

import json

import numpy as np
import sacred
from _truth import series, write_truth
from sacred import Experiment
from sacred.observers import FileStorageObserver

ex = Experiment("logreg")
ex.observers.append(FileStorageObserver("runs"))


@ex.config
def config():
    lr = 0.5  # noqa: F841  (Sacred's config scope: its locals are the config)
    epochs = 6  # noqa: F841


@ex.main
def main(_run, lr, epochs):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 5))
    y = (x @ rng.normal(size=5) + 0.5 * rng.normal(size=400) > 0).astype(float)
    train_x, train_y, test_x, test_y = x[:300], y[:300], x[300:], y[300:]
    w = np.zeros(5)
    acc = 0.0
    for epoch in range(epochs):
        p = 1 / (1 + np.exp(-train_x @ w))
        w -= lr * train_x.T @ (p - train_y) / len(train_y)
        p = 1 / (1 + np.exp(-train_x @ w))
        loss = float(-np.mean(train_y * np.log(p) + (1 - train_y) * np.log(1 - p)))
        acc = float(np.mean(((test_x @ w) > 0) == test_y))
        _run.log_scalar("training.loss", loss, epoch)
        _run.log_scalar("test.accuracy", acc, epoch)
        print(f"Epoch {epoch}: loss {loss:.4f}, test accuracy {acc:.3f}", flush=True)
    return acc


ex.run()

with open("runs/1/metrics.json") as handle:
    logged = json.load(handle)
file_metrics = {name: series(zip(entry["steps"], entry["values"], strict=True), "step")
                for name, entry in logged.items()}
metrics = {"loss": dict(file_metrics["training.loss"], key="epoch", tolerance=0.00005),
           "test_accuracy": dict(file_metrics["test.accuracy"], key="epoch",
                                 tolerance=0.0005)}
write_truth("sacred", sacred.__version__, "runs/1/metrics.json (FileStorageObserver)", metrics,
            files=["runs/1/metrics.json"], file_metrics=file_metrics, also_ok=["Result"])
