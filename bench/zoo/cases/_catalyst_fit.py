"""Shared by the Catalyst zoo cases: the README's minimal example on synthetic tensors, and
its truth from the records Catalyst's default loggers keep in ``logdir`` (see
bench/zoo/README.md).

Not a case itself (its name starts with ``_``). ``fit(verbose)`` trains a small MLP
classifier (16 features, 10 classes; 640 training rows in batches of 32, 160 validation
rows) with ``dl.SupervisedRunner(input_key="features", output_key="logits",
target_key="targets", loss_key="loss").train(..., callbacks=[dl.AccuracyCallback(
input_key="logits", target_key="targets", topk=(1, 3, 5))], logdir="./logs",
valid_loader="valid", valid_metric="loss", minimize_valid_metric=True, num_epochs=3,
verbose=verbose)``, then writes ``truth.yaml``.

What Catalyst prints: its ``ConsoleLogger`` (always on) prints each loader's epoch metrics
after the loader, ``train (1/3) accuracy01: 0.315625 | accuracy01/std: 0.08 | ... | loss:
2.01 | loss/mean: 2.01 | loss/std: 0.12 | lr: 0.02 | momentum: 0.9`` (sorted keys, full
``float`` repr), then ``* Epoch (1/3) `` (the epoch's own metrics: none here); at the end its
``CheckpointCallback`` prints ``Top models:`` and ``./logs/checkpoints/model.0003.pth<TAB>
0.4567`` (the best checkpoint and its valid loss, 4 decimals). ``verbose=True`` adds a tqdm
bar a loader (``1/3 * Epoch (train):  50%|...| 10/20 [..., accuracy01=0.3, accuracy03=0.6,
accuracy05=0.8, loss=1.9, lr=0.020, momentum=0.900]``, the batch's values, on stderr).

Truth, the records the default loggers keep under ``logdir`` (``logdir`` alone turns them
on):
- ``logs/csv_logger/train.csv`` and ``valid.csv`` (``CSVLogger``): a row an epoch, ``step``
  (the 1-based epoch, as ``(1/3)`` prints it) and every loader metric the console line
  prints, written as ``str(value)``. Each is a printed truth metric named as exptrack's
  phase rule names the line (docs/metrics.md, "Phases": a phase word that opens a line
  prefixes every name on it): ``train_accuracy01``, ``train_accuracy01/std``,
  ``train_loss/mean``, ``valid_lr``, ... keyed ``epoch``, exact (the line prints the
  float's repr). ``_epoch_.csv`` holds only ``step`` (the empty ``* Epoch`` line).
- ``logs/tensorboard/{train,valid,_epoch_}/events.out.tfevents.*`` (``TensorboardLogger``):
  the same loader metrics as tags ``<key>/epoch`` at ``step`` = the epoch (float32), read
  back with TensorBoard's reader (``_records.tb_folder``); ``file_metrics`` under the
  phase-folder rule (as the zoo's ``keras_tensorboard``): the ``train`` run's tags as they
  are (``loss/epoch``), the ``valid`` run's prefixed ``valid_`` (``valid_loss/epoch``).
  ``_epoch_`` holds no scalar. No batch tags (``CATALYST_LOG_BATCH_METRICS`` is off).
The bar's batch values are in no record; the ``Top models`` value is the best valid loss
printed again (no series of its own).
"""

from __future__ import annotations

import csv
import os

import catalyst
import torch
from _records import tb_folder
from _truth import series, write_truth
from catalyst import dl, utils
from torch import nn, optim
from torch.utils.data import DataLoader, TensorDataset

LOGDIR = "./logs"


def data() -> dict[str, DataLoader]:
    generator = torch.Generator().manual_seed(0)
    centers = torch.randn(10, 16, generator=generator) * 0.5
    targets = torch.randint(0, 10, (800,), generator=generator)
    features = centers[targets] + torch.randn(800, 16, generator=generator)
    return {"train": DataLoader(TensorDataset(features[:640], targets[:640]), batch_size=32,
                                shuffle=True, generator=generator),
            "valid": DataLoader(TensorDataset(features[640:], targets[640:]), batch_size=32)}


def fit(verbose: bool) -> None:
    utils.set_global_seed(0)
    model = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 10))
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.Adam(model.parameters(), lr=0.02)
    runner = dl.SupervisedRunner(input_key="features", output_key="logits",
                                 target_key="targets", loss_key="loss")
    runner.train(
        model=model, criterion=criterion, optimizer=optimizer, loaders=data(), num_epochs=3,
        callbacks=[dl.AccuracyCallback(input_key="logits", target_key="targets",
                                       topk=(1, 3, 5))],
        logdir=LOGDIR, valid_loader="valid", valid_metric="loss",
        minimize_valid_metric=True, verbose=verbose)
    write(verbose)


def write(verbose: bool) -> None:
    files: list[str] = []
    metrics = {}
    for loader in ("train", "valid"):
        path = os.path.join(LOGDIR, "csv_logger", f"{loader}.csv")
        files.append(os.path.normpath(path))
        with open(path, newline="") as handle:
            rows = list(csv.DictReader(handle))
        for column in rows[0]:
            if column != "step":
                metrics[f"{loader}_{column}"] = series(
                    ((row["step"], row[column]) for row in rows), "epoch")
    file_metrics = {}
    for run, prefix in (("train", ""), ("valid", "valid_"), ("_epoch_", "_epoch__")):
        paths, found = tb_folder(os.path.join(LOGDIR, "tensorboard", run))
        files += [os.path.normpath(path) for path in paths]
        for tag, pairs in sorted(found.items()):
            file_metrics[prefix + tag] = series(pairs, "epoch", rel_tolerance=1e-6)
    write_truth("catalyst", catalyst.__version__,
                "the default loggers' records in logdir: logs/csv_logger/{train,valid}.csv "
                "(CSVLogger, the printed names: <loader>_<key>); file_metrics: "
                "logs/tensorboard/<loader>/ event files (TensorboardLogger, the valid run's "
                "tags prefixed valid_)", metrics, files=files, file_metrics=file_metrics,
                also_ok=["it/s", "s/it"],
                notes=f"verbose={verbose}, torch {torch.__version__}")
