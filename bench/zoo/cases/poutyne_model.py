"""Poutyne: ``Model(network, optimizer, loss, batch_metrics=['accuracy'],
epoch_metrics=['f1'])``.fit on tiny synthetic tensors (a train and a valid set), 4 epochs,
default verbose (the per-step progress line and one line an epoch:
``Epoch: 1/4 Train steps: 8 Val steps: 2 0.45s loss: 0.636366 acc: 62.500000 fscore_macro:
0.577296 val_loss: ...``),
with the ``CSVLogger`` callback as Poutyne's docs show it. Truth: the CSV that logger wrote
(``log.csv``, one row an epoch; the same values as the history list ``fit`` returns).

Judgements: the metric names are Poutyne's own log keys (``loss``, ``acc``, ``fscore_macro``
and their ``val_`` twins), keyed by epoch (the CSV's ``epoch`` column, 1-based as printed).
The running per-step values the progress line shows during an epoch are no record of their
own (the CSV keeps epochs only), so only the epoch values are truth. ``time`` and ``lr``,
which the CSV keeps too, are timing / learning rate: ``also_ok``, no truth metric."""

import csv

import poutyne
import torch
from _truth import series, write_truth
from poutyne import CSVLogger, Model

torch.manual_seed(0)
n_train, n_valid, n_features = 256, 64, 10
x = torch.randn(n_train + n_valid, n_features)
w = torch.randn(n_features)
y = (x @ w + 0.5 * torch.randn(n_train + n_valid) > 0).long()
x_train, y_train = x[:n_train], y[:n_train]
x_valid, y_valid = x[n_train:], y[n_train:]

network = torch.nn.Sequential(torch.nn.Linear(n_features, 16), torch.nn.ReLU(),
                              torch.nn.Linear(16, 2))
optimizer = torch.optim.SGD(network.parameters(), lr=0.1)
model = Model(network, optimizer, "cross_entropy", batch_metrics=["accuracy"],
              epoch_metrics=["f1"])
history = model.fit(x_train, y_train, validation_data=(x_valid, y_valid), epochs=4,
                    batch_size=32, callbacks=[CSVLogger("log.csv")])

with open("log.csv", newline="", encoding="utf-8") as handle:
    rows = list(csv.DictReader(handle))
# the history list fit returns holds the same epochs (checked, so the source note holds)
assert [int(row["epoch"]) for row in rows] == [entry["epoch"] for entry in history]
names = [k for k in rows[0] if k not in ("epoch", "time", "lr")]
# the progress line prints each metric as f"{name}: {value:f}" (6 decimals)
metrics = {name: series(((row["epoch"], row[name]) for row in rows), "epoch", tolerance=5e-7)
           for name in names}
write_truth("poutyne", poutyne.__version__, "CSVLogger log.csv (fit's history agrees)",
            metrics, files=["log.csv"], also_ok=["time", "lr"])
