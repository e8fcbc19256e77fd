"""DVCLive (3.49): a logistic regression trained by gradient descent in numpy for 6 epochs,
logged as DVC's docs show (``with Live() as live``: ``live.log_param``, then an epoch's
``live.log_metric("train/loss", ...)``, ``train/acc``, ``eval/loss``, ``eval/acc`` and
``live.next_step()``), and one line printed an epoch: ``epoch 2: train loss 0.4123 acc
0.812 | eval loss 0.4567 acc 0.790``. DVCLive's own INFO/WARNING lines go to stderr
(``Logging to experiment 'jaggy-dole'``, no Git repository).

Truth: DVCLive's metric files (``dvclive/plots/metrics/<key>.tsv``, ``step\\t<name>`` rows,
the exact floats; in ``files``). Judged: each key is a metric under its own name
(``train/loss``), keyed ``step`` as DVCLive keeps it (0-based, one step an epoch). Printed
alone, the line's values are ``train_loss``, ``train_acc`` (the phase carried to the
``acc`` after it), ``eval_loss``, ``eval_acc`` at the printed epoch, to the printed digits.
"""

# zoo-venv: dvclive

import csv
import glob
import os
from importlib.metadata import version

import numpy as np
from _truth import series, write_truth
from dvclive import Live

rng = np.random.default_rng(0)
x = rng.normal(size=(400, 5))
y = (x @ rng.normal(size=5) + 0.5 * rng.normal(size=400) > 0).astype(float)
train_x, train_y, eval_x, eval_y = x[:300], y[:300], x[300:], y[300:]
w = np.zeros(5)


def scores(features, labels):
    p = 1 / (1 + np.exp(-features @ w))
    loss = -np.mean(labels * np.log(p + 1e-12) + (1 - labels) * np.log(1 - p + 1e-12))
    return float(loss), float(np.mean((p > 0.5) == labels)), p


with Live() as live:
    live.log_param("lr", 0.5)
    for epoch in range(6):
        _, _, p = scores(train_x, train_y)
        w -= 0.5 * train_x.T @ (p - train_y) / len(train_y)
        train_loss, train_acc, _ = scores(train_x, train_y)
        eval_loss, eval_acc, _ = scores(eval_x, eval_y)
        for key, value in (("train/loss", train_loss), ("train/acc", train_acc),
                           ("eval/loss", eval_loss), ("eval/acc", eval_acc)):
            live.log_metric(key, value)
        print(f"epoch {epoch}: train loss {train_loss:.4f} acc {train_acc:.3f} | "
              f"eval loss {eval_loss:.4f} acc {eval_acc:.3f}", flush=True)
        live.next_step()

files = sorted(glob.glob("dvclive/plots/metrics/**/*.tsv", recursive=True))
file_metrics = {}
for path in files:
    key = os.path.relpath(path, "dvclive/plots/metrics")[:-len(".tsv")].replace(os.sep, "/")
    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    leaf = key.rpartition("/")[2]
    file_metrics[key] = series([(row["step"], row[leaf]) for row in rows], "step")
printed = {"train_loss": ("train/loss", 0.00005), "train_acc": ("train/acc", 0.0005),
           "eval_loss": ("eval/loss", 0.00005), "eval_acc": ("eval/acc", 0.0005)}
metrics = {name: dict(file_metrics[key], key="epoch", tolerance=rounding)
           for name, (key, rounding) in printed.items()}
write_truth("dvclive", version("dvclive"), "dvclive/plots/metrics/<key>.tsv", metrics,
            files=files, file_metrics=file_metrics)
