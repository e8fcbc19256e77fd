"""pytorch-forecasting 1.8.0's ``TemporalFusionTransformer`` the way its "Demand forecasting
with the Temporal Fusion Transformer" tutorial trains it: a ``TimeSeriesDataSet`` (group
normalizer, static categorical ``series``, known real ``time_idx``, unknown real ``value``),
``TimeSeriesDataSet.from_dataset(..., predict=True, stop_randomization=True)`` for
validation, ``TemporalFusionTransformer.from_dataset(training, learning_rate=0.03,
hidden_size=16, attention_head_size=2, dropout=0.1, hidden_continuous_size=8,
loss=QuantileLoss())`` and ``lightning.pytorch.Trainer(max_epochs=3, accelerator="cpu",
gradient_clip_val=0.1, limit_train_batches=50)``, then ``trainer.fit``. Left out of the
tutorial's call: ``optimizer="ranger"`` (needs pytorch_optimizer, not installed; the default
Adam is used), ``log_interval=10`` (it draws matplotlib prediction figures into TensorBoard),
the ``EarlyStopping``/``LearningRateMonitor`` callbacks and its explicit
``TensorBoardLogger("lightning_logs")``: no ``logger`` argument, so Lightning makes its
default ``TensorBoardLogger`` writing ``lightning_logs/version_0/events.out.tfevents.*`` in
the cwd. Data: 20 synthetic sine+noise series of 200 steps (encoder 24, horizon 6), made
here with a fixed seed; ``pl.seed_everything(0)``.

Printing, all default: Lightning's info lines and tips, pytorch-forecasting's hparams
warnings, the tutorial's own ``Number of parameters in network: 15.9k``, the rich model
summary table and the default progress bar (``RichProgressBar``: rich is installed), e.g.
``Epoch 2/2  ━━━━ 50/50 0:00:06 • 0:00:00 8.02it/s v_num: 0.000 train_loss_step: 0.170
val_loss: 0.180 train_loss_epoch: 0.172`` (the metrics wrap onto further lines at the
bar's width).

Truth: the default logger's TensorBoard event file, read with ``_records.tb_folder`` (listed
in ``files``). The model logs ``{stage}_loss`` with ``on_step`` (training only),
``on_epoch`` and ``prog_bar=True``, so Lightning writes ``train_loss_step``,
``train_loss_epoch`` and ``val_loss``; its ``logging_metrics`` (SMAPE, MAE, RMSE, MAPE) are
logged for validation without ``prog_bar``. Judgements:
- ``limit_train_batches=50`` is the tutorial's value and keeps ``log_every_n_steps`` at its
  default 50: the logger writes ``train_loss_step`` at global steps 49, 99, 149 (3 points),
  while the bar shows it at every step (the file is the record).
- Key ``step`` for all: TensorBoard indexes every scalar by Lightning's global step (the
  epoch-end ``val_*``/``train_loss_epoch`` at each epoch's last step; the bar says
  ``Epoch N``). 3 points each.
- ``val_SMAPE``, ``val_MAE``, ``val_RMSE``, ``val_MAPE`` are in the event file only, never
  printed: ``file_metrics``.
- Not metrics: ``epoch`` (Lightning's loop counter written beside each row), ``hp_metric``
  (the ``-1`` placeholder Lightning writes for the hparams tab since the model saves its
  hyperparameters); the parameter count and the summary's sizes.
- Tolerance: the rich bar prints ``f"{value:.3f}"``, hence 5e-4; the event file keeps the
  float32 values exactly.
- ``also_ok``: the bar's ``it/s`` and ``v_num`` (the logger's version, not a metric).
- The sanity check (Lightning's 2 validation batches before training) runs the same
  ``{stage}_loss`` log with stage ``sanity_check``: under a terminal the bar shows
  ``sanity_check_loss: 1.332`` in one frame before epoch 0. Lightning sends nothing of the
  sanity check to the logger (the event file has no such tag) and discards its results, so
  it is in no record: not in the truth.
- Pipe vs terminal: under a pipe rich draws only the final frame (last epoch's values; the
  truth's last points); under the pty the bar redraws every step (about 80 KB).
"""
# zoo-venv: ts

import os

import lightning.pytorch as pl
import numpy as np
import pandas as pd
import pytorch_forecasting
from _records import tb_folder
from _truth import series, write_truth
from pytorch_forecasting import TemporalFusionTransformer, TimeSeriesDataSet
from pytorch_forecasting.data import GroupNormalizer
from pytorch_forecasting.metrics import QuantileLoss

PRINTED = ("train_loss_step", "train_loss_epoch", "val_loss")
FILE_ONLY = ("val_SMAPE", "val_MAE", "val_RMSE", "val_MAPE")

pl.seed_everything(0)
rng = np.random.default_rng(0)
frames = []
for number in range(20):
    level, amplitude, phase = rng.uniform(5, 15), rng.uniform(1, 3), rng.uniform(0, 2 * np.pi)
    t = np.arange(200)
    value = level + amplitude * np.sin(2 * np.pi * t / 24 + phase) + rng.normal(0, 0.3, 200)
    frames.append(pd.DataFrame({"time_idx": t, "series": str(number),
                                "value": value.astype("float32")}))
data = pd.concat(frames, ignore_index=True)

max_encoder_length, max_prediction_length = 24, 6
training_cutoff = data["time_idx"].max() - max_prediction_length
training = TimeSeriesDataSet(
    data[lambda x: x.time_idx <= training_cutoff],
    time_idx="time_idx",
    target="value",
    group_ids=["series"],
    max_encoder_length=max_encoder_length,
    max_prediction_length=max_prediction_length,
    static_categoricals=["series"],
    time_varying_known_reals=["time_idx"],
    time_varying_unknown_reals=["value"],
    target_normalizer=GroupNormalizer(groups=["series"]),
)
validation = TimeSeriesDataSet.from_dataset(training, data, predict=True, stop_randomization=True)
batch_size = 64
train_dataloader = training.to_dataloader(train=True, batch_size=batch_size, num_workers=0)
val_dataloader = validation.to_dataloader(train=False, batch_size=batch_size * 10,
                                          num_workers=0)

trainer = pl.Trainer(max_epochs=3, accelerator="cpu", gradient_clip_val=0.1,
                     limit_train_batches=50)
tft = TemporalFusionTransformer.from_dataset(
    training,
    learning_rate=0.03,
    hidden_size=16,
    attention_head_size=2,
    dropout=0.1,
    hidden_continuous_size=8,
    loss=QuantileLoss(),
)
print(f"Number of parameters in network: {tft.size() / 1e3:.1f}k")
trainer.fit(tft, train_dataloaders=train_dataloader, val_dataloaders=val_dataloader)

log_dir = os.path.relpath(trainer.logger.log_dir)
paths, scalars = tb_folder(log_dir)
metrics = {name: series(scalars[name], "step", tolerance=5e-4) for name in PRINTED}
file_metrics = {name: series(scalars[name], "step") for name in FILE_ONLY}
write_truth("pytorch-forecasting", pytorch_forecasting.__version__,
            f"TensorBoardLogger (Lightning's default) {log_dir}/events.out.tfevents.* "
            "(_records.tb_folder)", metrics, files=paths, also_ok=["it/s", "v_num"],
            file_metrics=file_metrics,
            notes="scalar tags in the event file: " + ", ".join(sorted(scalars)))
