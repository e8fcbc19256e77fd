"""Ludwig (0.11.0): ``ludwig train --config config.yaml --dataset data.csv`` as a user runs
it (a subprocess inheriting stdout/stderr, default logging level), on a synthetic CSV written
here (300 rows: numbers ``x1``, ``x2``, a category ``color``, a binary ``label``), the config
``input_features`` x1/x2 (number), color (category), ``output_features`` label (binary),
``trainer: {epochs: 3, batch_size: 32}`` (every other setting default: random split 70/10/20,
seed 42). Printed: the ASCII-art banner, the experiment description, config and dataset
statistics boxes, the batch-size tuner's ``Throughput at batch_size=8: 49200.04692
samples/s`` lines, then a tqdm ``Training`` bar whose postfix is each step's loss
(``loss=0.974``, set every step), and after each epoch ``Running evaluation for step: 7,
epoch: 1``, the evaluation bars, ``Evaluation took 0.2604s`` and a box-drawn table (tabulate
``fancy_grid``) whose columns are the splits and whose rows the output feature's metrics and
``combined_loss``: ``│ accuracy      │  0.3714 │       0.3667 │ 0.4667 │`` under ``│ │ train │
validation │ test │`` (the header's first cell is empty: no feature name is printed), then
the ``TRAINING REPORT`` box (best model step/epoch, ``Best model's validation roc_auc``).

Truth: Ludwig's own ``results/experiment_run/training_statistics.json`` (``{"training":
{"label": {"accuracy": [...]}, "combined": {"loss": [...]}}, "validation": ..., "test": ...}``,
one value an epoch, exact floats). Names: the table's columns are phases, so as docs/metrics.md
names a phase-column table (AllenNLP's ``Training | Validation``), a cell is
``<column>_<row>``: ``train_accuracy``, ``validation_roc_auc``, ``test_combined_loss``, ...
(the printed ``train``, not the file's ``training``; no feature prefix, since the table
prints none), keyed ``epoch`` (1..3, the ``Running evaluation ... epoch: N`` line),
tolerance 5e-5 for the 4 printed decimals. The bar's ``loss`` is each step's combined loss:
truth from the training TensorBoard event file (``model/logs/training/``, tag
``combined/step_training_loss``, float32), keyed ``step``, rel_tolerance 5e-3 (tqdm's
``.3g``). Every tag of that event file is a ``file_metrics`` series under its own tag (the
per-step losses, learning rate and token counts, and the per-epoch ``label/epoch_*``); the
validation and test event files are not listed (they repeat the table). ``also_ok``: the
tuner's throughput, ``Evaluation took``, tqdm's rates; the report's ``Best model's
validation roc_auc`` is a running best.
"""

# zoo-venv: ludwig

import glob
import json
import os
import subprocess
import sys

import ludwig
import numpy as np
import pandas as pd
from _records import tb_scalars
from _truth import series, write_truth

rng = np.random.default_rng(0)
n = 300
x1 = rng.normal(size=n)
x2 = rng.normal(size=n)
color = rng.choice(["red", "green", "blue"], size=n)
label = (x1 + 0.5 * x2 + (color == "red") + 0.3 * rng.normal(size=n)) > 0.5
pd.DataFrame({"x1": x1.round(4), "x2": x2.round(4), "color": color,
              "label": label}).to_csv("data.csv", index=False)
with open("config.yaml", "w") as handle:
    handle.write("""input_features:
  - name: x1
    type: number
  - name: x2
    type: number
  - name: color
    type: category
output_features:
  - name: label
    type: binary
trainer:
  epochs: 3
  batch_size: 32
""")

ludwig_cli = os.path.join(os.path.dirname(sys.executable), "ludwig")
subprocess.run([ludwig_cli, "train", "--config", "config.yaml", "--dataset", "data.csv"],
               check=True)

stats_path = "results/experiment_run/training_statistics.json"
with open(stats_path) as handle:
    stats = json.load(handle)
printed_split = {"training": "train", "validation": "validation", "test": "test"}
metrics = {}
for split, column in printed_split.items():
    for feature, by_metric in stats[split].items():
        for metric, values in by_metric.items():
            row = "combined_loss" if feature == "combined" else metric
            metrics[f"{column}_{row}"] = series(enumerate(values, start=1), "epoch",
                                                tolerance=0.00005)

event_files = sorted(glob.glob("results/experiment_run/model/logs/training/events.out.tfevents.*"))
scalars = tb_scalars(event_files)
metrics["loss"] = series(scalars["combined/step_training_loss"], "step", rel_tolerance=5e-3)
file_metrics = {tag: series(pairs, "step", rel_tolerance=1e-6) for tag, pairs in scalars.items()}
write_truth("ludwig", ludwig.__version__,
            f"{stats_path}; the training TensorBoard event file (bar loss)", metrics,
            files=[stats_path, *event_files], file_metrics=file_metrics,
            also_ok=["Throughput", "samples/s", "evaluation_took", "it/s", "s/it",
                     "Best_model's_validation_roc_auc"])
