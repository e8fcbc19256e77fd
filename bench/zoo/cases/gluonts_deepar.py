r"""GluonTS 0.17.0 on its PyTorch backend: ``gluonts.torch.DeepAREstimator(freq="h",
prediction_length=24, context_length=48, batch_size=16, num_batches_per_epoch=8,
trainer_kwargs={"max_epochs": 4, "accelerator": "cpu", "logger":
CSVLogger("logs")})`` trained on a ``ListDataset`` of 4 hourly sine-plus-noise series made
here with a fixed seed (240 points each; training on the first 192, validation on the first
216, ``estimator.train(train, validation_data=val)``), then, as GluonTS' tutorials do,
``make_evaluation_predictions(dataset=test, predictor=predictor, num_samples=100)`` on the
full series (the last 24 points are the test window), ``Evaluator(quantiles=[0.1, 0.5,
0.9])(tss, forecasts)`` and ``print(json.dumps(agg_metrics, indent=4))``.

Printed: two GluonTS/torch UserWarnings, Lightning's GPU/TPU lines, tip and model summary
table, the default TQDM bar, whose training loader has no length (``Epoch 3: |          |
8/? [00:00<00:00, 67.82it/s, v_num=0, val_loss=2.510, train_loss=2.450]``; GluonTS logs both
losses ``on_epoch=True, on_step=False, prog_bar=True``, so the bar shows the previous
epoch's train_loss until the epoch ends), a torch UserWarning from ``gluonts/torch/util.py``
at each batch (torch repeats it: the framework's default output, left as it is), the
``ModelCheckpoint(monitor="val_loss", mode="min", verbose=True)`` GluonTS adds itself
(``Epoch 3, global step 32: 'val_loss' reached 2.50806 (best 2.50806), saving model to
'logs/lightning_logs/version_0/checkpoints/epoch=3-step=32.ckpt' as top 1``), ```Trainer.fit`
stopped: `max_epochs=4` reached.``, the Evaluator's tqdm ``Running evaluation: 100%|...|
4/4`` and the JSON of ``agg_metrics`` (``"MSE": 4.92...,``, ``"QuantileLoss[0.1]":
102.3...,``, ``"OWA": NaN``, one key a line, floats in full).

Truth: the CSVLogger's ``logs/lightning_logs/version_0/metrics.csv`` (listed in ``files``)
for ``train_loss`` and ``val_loss``, one row each an epoch, keyed ``epoch`` as the file
keys them; the ``agg_metrics`` dict the Evaluator returned for the evaluation, every key
under its own name (``MSE``, ``abs_error``, ``abs_target_sum``, ``abs_target_mean``,
``seasonal_error``, ``MASE``, ``MAPE``, ``sMAPE``, ``MSIS``, ``num_masked_target_values``,
``QuantileLoss[q]``, ``Coverage[q]``, ``wQuantileLoss[q]`` for q in 0.1/0.5/0.9, ``RMSE``,
``NRMSE``, ``ND``, ``mean_absolute_QuantileLoss``, ``mean_wQuantileLoss``,
``MAE_Coverage``, ``OWA``), one value each, axis the last epoch (a note, not scored).
Judgements:
- ``validation_data`` is passed so the run has a ``val_loss`` (GluonTS' checkpoint then
  monitors it); without it the checkpoint monitors ``train_loss``.
- Lightning's default ``log_every_n_steps=50`` does not matter: both losses are epoch-level.
- The Evaluator's dict holds data statistics beside the errors (``abs_target_sum``,
  ``abs_target_mean``, ``seasonal_error``, ``num_masked_target_values``): they are its keys,
  printed with the rest, so they are in the truth; ``num_masked_target_values`` (0.0 here:
  no target is masked) is a count of values, no metric by the project's rule (issue #11:
  a number that counts things), allowed as ``also_ok`` (session 99, the lead's call: the
  truth was first written with it a metric, as GluonTS keeps it beside the errors).
  ``OWA`` is ``NaN`` (``calculate_owa`` is off by default: GluonTS stores ``np.nan``) and
  printed as ``NaN``: a truth value NaN.
- Lightning's checkpoint line prints the global step after the epoch's last batch (8, 16,
  ...), metrics.csv the step of that batch (7, 15, ...): the same value of the same epoch.
- Tolerance: the bar prints ``.3g`` (rel_tolerance 5e-3; the checkpoint's ``.5f`` lines are
  finer); ``json.dumps`` prints each float's repr, so the ``agg_metrics`` are exact.
- ``also_ok``: the bar's ``it/s`` and ``v_num`` (the logger's version, not a metric).
"""
# zoo-venv: gluonts

import csv
import json

import gluonts
import lightning
import numpy as np
import torch
from _truth import series, write_truth
from gluonts.dataset.common import ListDataset
from gluonts.evaluation import Evaluator, make_evaluation_predictions
from gluonts.torch import DeepAREstimator
from lightning.pytorch.loggers import CSVLogger

np.random.seed(0)
torch.manual_seed(0)
rng = np.random.default_rng(0)
prediction_length, length, start = 24, 240, "2024-01-01 00:00"
t = np.arange(length)
targets = [10 + 3 * np.sin(2 * np.pi * t / 24 + phase) + rng.normal(scale=0.5, size=length)
           for phase in (0.0, 0.7, 1.4, 2.1)]


def dataset(end: int) -> ListDataset:
    return ListDataset([{"start": start, "target": target[:end]} for target in targets],
                       freq="h")


train, val, test = (dataset(length - 2 * prediction_length),
                    dataset(length - prediction_length), dataset(length))

logger = CSVLogger("logs")
estimator = DeepAREstimator(
    freq="h", prediction_length=prediction_length, context_length=48, batch_size=16,
    num_batches_per_epoch=8,
    trainer_kwargs={"max_epochs": 4, "accelerator": "cpu", "logger": logger})
predictor = estimator.train(train, validation_data=val)

forecast_it, ts_it = make_evaluation_predictions(dataset=test, predictor=predictor,
                                                 num_samples=100)
forecasts = list(forecast_it)
tss = list(ts_it)
evaluator = Evaluator(quantiles=[0.1, 0.5, 0.9])
agg_metrics, item_metrics = evaluator(iter(tss), iter(forecasts), num_series=len(test))
print(json.dumps(agg_metrics, indent=4))

path = f"{logger.log_dir}/metrics.csv"
with open(path, encoding="utf-8") as handle:
    rows = list(csv.DictReader(handle))
# the tqdm postfix shows tqdm.format_num (".3g", zero padded by Lightning)
metrics = {name: series([(row["epoch"], row[name]) for row in rows if row.get(name)], "epoch",
                        rel_tolerance=5e-3)
           for name in ("train_loss", "val_loss")}
assert len(metrics["train_loss"]["values"]) == 4, metrics
last_epoch = metrics["train_loss"]["values"][-1][0]
# json.dumps writes each float's repr: exact
COUNTS = ("num_masked_target_values",)
metrics.update((name, series([(last_epoch, value)], "epoch"))
               for name, value in agg_metrics.items() if name not in COUNTS)
write_truth("gluonts", f"{gluonts.__version__} (torch backend, lightning "
            f"{lightning.__version__})",
            f"CSVLogger {path} + Evaluator agg_metrics", metrics, files=[path],
            also_ok=["it/s", "v_num", *COUNTS])
