r"""NeuralProphet 0.9.0 (on pytorch-lightning 2.6): ``NeuralProphet(epochs=10, batch_size=32,
learning_rate=0.1)`` on a synthetic daily series made here (``ds``, ``y``: 400 days from
2022-01-01, a linear trend plus a weekly sine plus Gaussian noise, fixed seed; the first 330
days train, the last 70 validate), ``metrics = m.fit(train, freq="D", validation_df=val)``
and ``print(metrics.tail())`` as NeuralProphet's quick start does, after
``set_random_seed(0)``. Everything else is NeuralProphet's default (auto seasonalities:
weekly on, yearly and daily off; Huber loss; no regularisation).

Printed: ``Importing plotly failed. Interactive plots will not work.`` twice at import
(NeuralProphet's ``NP.plotly`` logger, before its handler is set up, so the bare message:
plotly-resampler, an optional extra, is not installed), NeuralProphet's logging on stderr
(``INFO - (NP.df_utils._infer_frequency) - Major frequency D corresponds to 99.697% of the
data.``, the seasonality lines, ``WARNING - (NP.forecaster.fit) - When Global modeling with
local normalization, metrics are displayed in normalized scale.``, pandas' and Lightning's
warnings routed through the same logger), then on stdout NeuralProphet's ``ProgressBar`` (a
Lightning ``TQDMProgressBar`` that counts epochs, ``Epoch 10: 100%|...| 10/10``, closed only
at exit, so its last frame comes after the table; its ``__init__`` also opens a second bar,
``Training: |          | 0/? [...]``, which is the one whose postfix the metrics go to:
``Training: |          | 0/? [00:00<?, ?it/s, v_num=0, MAE_val=0.297, RMSE_val=0.357,
Loss_val=0.0043, RegLoss_val=0.000, train_loss=0.00275, reg_loss=0.000, MAE=0.256,
RMSE=0.325, Loss=0.00271, RegLoss=0.000]``; under the 120-column terminal tqdm cuts that
postfix at the width, ``... RegLoss_val=0.000, train_lo``, so there the training values are
never shown in the bar), Lightning's ``Validation DataLoader 0`` bars, and the
``metrics.tail()`` table (the last 5 epochs, index 5..9, pandas' 6 decimals; under a pipe
pandas folds the 11 columns at 80 characters, ``MAE_val  RMSE_val  Loss_val  ...  RMSE
Loss  RegLoss`` and ``[5 rows x 11 columns]``, under the terminal it shows all 11, the
``epoch`` column among them).

Truth: the DataFrame ``fit`` returns, ``pd.DataFrame(m.metrics_logger.history)``
(NeuralProphet's own ``MetricsLogger`` record), keyed by its ``epoch`` column (0..9), every
column but ``epoch``: ``train_loss``, ``reg_loss``, ``MAE``, ``RMSE``, ``Loss``, ``RegLoss``
and the validation ones, which NeuralProphet names with a ``_val`` suffix (``MAE_val``,
``RMSE_val``, ``Loss_val``, ``RegLoss_val``). ``MetricsLogger`` is a Lightning
``TensorBoardLogger`` (Lightning writes no CSV log here: no ``CSVLogger``, no
``metrics.csv``): the same values go to ``lightning_logs/version_0/events.out.tfevents.*`` in
the cwd, listed in ``files``; the case checks that file agrees with the DataFrame. Judgements:
- ``learning_rate=0.1`` and ``batch_size=32`` are set so that NeuralProphet skips its
  learning-rate range test and batch-size heuristics (the range test runs a second, hidden
  trainer with its own bar); ``epochs=10`` as the brief asks.
- ``Loss``/``train_loss`` and ``RegLoss``/``reg_loss`` are separate keys NeuralProphet logs
  (``train_loss`` and ``reg_loss`` from ``training_step``'s ``self.log``, ``Loss`` and
  ``RegLoss`` with the torchmetrics collection); both are in the record and printed, so both
  are in the truth. ``RegLoss``, ``reg_loss`` and ``RegLoss_val`` are 0.0 at every epoch (no
  regulariser is configured): recorded and printed, so kept.
- The key is the record's 0-based ``epoch``; the bar's description counts from 1
  (``Epoch {current_epoch + 1}``) and the event file keys by global step (10, 21, ...: 11
  batches an epoch).
- The ``Training:`` postfix shows each epoch's validation values first (the frame drawn at
  the validation's end still holds the previous epoch's training values), then the frame
  with the training values; the last frame is drawn twice. One value an epoch each.
  Under the terminal the cut postfix shows only the validation values, and the training
  ones are printed only in the table (epochs 5..9): the truth is still the record's 10 each.
- Tolerance: the postfix prints ``tqdm.format_num`` (``.3g``, padded by Lightning), hence
  rel_tolerance 5e-3; the tail table's 6 decimals are finer.
- Not metrics: ``epoch`` (the record's axis), ``v_num`` (the logger's version), the bars'
  ``it/s`` (``also_ok``), the event file's ``hp_metric`` placeholder and ``epoch`` tag, and
  ``99.697%`` of the frequency line (the data, not the training).
"""
# zoo-venv: neuralprophet

import math
import os

import neuralprophet
import pytorch_lightning
from _daily_series import daily_series
from _records import tb_folder
from _truth import series, write_truth
from neuralprophet import NeuralProphet, set_random_seed

set_random_seed(0)
df = daily_series(400, slope=0.01, noise=0.3)
train, val = df.iloc[:330], df.iloc[330:]

m = NeuralProphet(epochs=10, batch_size=32, learning_rate=0.1)
metrics = m.fit(train, freq="D", validation_df=val)
print(metrics.tail())

names = [name for name in metrics.columns if name != "epoch"]
assert list(metrics["epoch"]) == list(range(10)), metrics["epoch"]
assert len(names) == 10, names

# the TensorBoard file MetricsLogger writes holds the same values (float32), keyed by step
log_dir = m.metrics_logger.log_dir
paths, scalars = tb_folder(log_dir)
for name in names:
    logged = [value for _, value in scalars[name]]
    assert len(logged) == len(metrics), (name, logged)
    for value, kept in zip(logged, metrics[name], strict=True):
        assert math.isclose(value, kept, rel_tol=1e-6, abs_tol=1e-12), (name, value, kept)

# the postfix shows tqdm.format_num (".3g", zero padded by Lightning)
truth = {name: series(zip(metrics["epoch"], metrics[name], strict=True), "epoch",
                      rel_tolerance=5e-3)
         for name in names}
write_truth("neuralprophet", f"{neuralprophet.__version__} (pytorch-lightning "
            f"{pytorch_lightning.__version__})",
            "the DataFrame fit() returns (MetricsLogger.history), keyed by its epoch column",
            truth, files=[os.path.relpath(path) for path in paths],
            also_ok=["it/s", "v_num"],
            notes="event file tags: " + ", ".join(sorted(scalars)))
