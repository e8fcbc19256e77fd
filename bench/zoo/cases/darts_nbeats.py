"""darts 0.48.1's ``NBEATSModel`` as darts' N-BEATS example notebook uses it, scaled
down: a univariate ``TimeSeries`` (3000 daily points of two sines plus Gaussian noise, made
here with a fixed seed) split 80/20 with ``split_after(0.8)``, ``NBEATSModel(input_chunk_length=24,
output_chunk_length=12, num_stacks=2, num_blocks=1, num_layers=2, layer_widths=32,
random_state=0, pl_trainer_kwargs={"logger": CSVLogger("logs")})`` (generic architecture,
default batch size 32, Adam, MSE loss) and ``model.fit(train, val_series=val, epochs=3)``.

Printing, darts' default (``verbose`` left unset, so darts leaves Lightning's defaults): its
``pytorch_lightning.Trainer`` prints the GPU/TPU lines and tips, the rich model summary and
the default progress bar (``RichProgressBar``: rich is installed), e.g. ``Epoch 2/2  ━━━━
74/74 0:00:00 • 0:00:00 181.84it/s v_num: 0.000 train_loss: 0.027 val_loss: 0.028`` (the
metrics wrap onto further lines at the bar's width).

Truth: darts keeps no metric file by default (its own ``TensorBoardLogger`` only with
``log_tensorboard=True``, and no logger otherwise), so the case passes Lightning's
``CSVLogger`` (``pytorch_lightning.loggers``, the package darts trains with) through
``pl_trainer_kwargs={"logger": ...}``, the documented way to set trainer options; the truth
is its ``logs/lightning_logs/version_0/metrics.csv`` (listed in ``files``), read with
``_lightning_fit.csv_metrics``. darts' module logs ``train_loss`` and ``val_loss`` with
``self.log(..., prog_bar=True)`` (Lightning's defaults: ``train_loss`` on step, ``val_loss``
on epoch). Judgements:
- ``train_loss`` keyed ``step`` (the CSV's ``step`` column): Lightning's default
  ``log_every_n_steps=50`` writes it every 50th optimizer step (74 batches an epoch, 222
  steps: 4 points at steps 49, 99, 149, 199), while the bar shows it at every step. The
  series is 3000 points long so that the default interval writes it more than once.
- ``val_loss`` keyed ``epoch`` (the CSV's ``epoch`` column, 0-based as the bar prints
  ``Epoch N``): 3 points.
- Not metrics: the CSV's ``epoch``/``step`` counters; the summary's parameter counts and
  sizes. No ``hparams`` metric exists in a CSVLogger.
- The sanity check (Lightning's 2 validation batches before training) logs ``val_loss``
  too; Lightning sends nothing of it to the logger and discards it, so it is in no record
  (nor on the bar: the terminal frames before the first ``Validation`` show no ``val_loss``).
- Tolerance: the rich bar prints ``f"{value:.3f}"``, hence 5e-4; the CSV keeps the float32
  values as Python prints them.
- ``also_ok``: the bar's ``it/s`` and ``v_num`` (the logger's version, not a metric).
- Pipe vs terminal: under a pipe rich draws only the final frame (the last epoch's values);
  under the pty the bar redraws as it goes.
"""
# zoo-venv: ts

import os

import darts
import numpy as np
import pandas as pd
from _lightning_fit import csv_metrics
from _truth import write_truth
from darts import TimeSeries
from darts.models import NBEATSModel
from pytorch_lightning.loggers import CSVLogger

rng = np.random.default_rng(0)
t = np.arange(3000)
values = (np.sin(2 * np.pi * t / 50) + 0.5 * np.sin(2 * np.pi * t / 365)
          + rng.normal(0, 0.1, t.size))
series = TimeSeries.from_times_and_values(pd.date_range("2020-01-01", periods=t.size, freq="D"),
                                          values.astype("float32"))
train, val = series.split_after(0.8)

logger = CSVLogger("logs")
model = NBEATSModel(
    input_chunk_length=24,
    output_chunk_length=12,
    num_stacks=2,
    num_blocks=1,
    num_layers=2,
    layer_widths=32,
    random_state=0,
    pl_trainer_kwargs={"logger": logger},
)
model.fit(train, val_series=val, epochs=3)

path = os.path.relpath(os.path.join(logger.log_dir, "metrics.csv"))
write_truth("darts", darts.__version__, f"Lightning CSVLogger {path} (via pl_trainer_kwargs)",
            csv_metrics(path, ("train_loss", "val_loss"), tolerance=5e-4), files=[path],
            also_ok=["it/s", "v_num"])
