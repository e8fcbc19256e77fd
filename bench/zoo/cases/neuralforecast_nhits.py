"""neuralforecast 3.3.0's ``NHITS`` through its ``NeuralForecast`` front end, as the README's
quick start does: ``NeuralForecast(models=[NHITS(h=12, input_size=48, max_steps=60,
val_check_steps=20, random_seed=0)], freq="h")`` and ``nf.fit(df, val_size=24)`` on a
``unique_id, ds, y`` frame of 4 synthetic hourly series (300 points each, sine plus noise,
made here with a fixed seed). Everything else is NHITS's default (MAE loss, 3 stacks of MLPs
512 wide, ``batch_size=32`` series, ``windows_batch_size=1024``, Adam lr 1e-3).

Printing, all default: ``Seed set to 0``, Lightning's GPU/TPU lines and tip, the rich model
summary and the default progress bar (``RichProgressBar``: rich is installed). The 4 series
fit in one batch, so every epoch is one step (``max_steps=60``: epochs 0..59, and since
neuralforecast sets ``max_epochs=-1`` the bar reads ``Epoch 59/-2``), e.g.
``Epoch 59/-2 ━━━━ 1/1 0:00:00 • 0:00:00 0.00it/s v_num: 0.000 train_loss_step: 0.340
train_loss_epoch: 0.340 valid_loss: 0.279`` (wrapped onto further lines at the bar's width).

Truth: Lightning's default logger (neuralforecast passes no ``logger``, so Lightning makes a
``TensorBoardLogger`` writing ``lightning_logs/version_0/events.out.tfevents.*`` in the cwd),
read with ``_records.tb_folder`` and listed in ``files``. The model logs ``train_loss``
(``prog_bar=True, on_epoch=True``, so Lightning names it ``train_loss_step`` and
``train_loss_epoch``), ``valid_loss`` (``prog_bar=True``) and, at each validation's end,
``ptl/val_loss`` (no ``prog_bar``). Judgements:
- The logger file rather than the model's ``train_trajectories``/``valid_trajectories``:
  the file is what is kept on disk and travels with the fixture, and a truth that disagreed
  with a listed file would contradict itself. The case checks that they agree: every
  logged train value equals ``train_trajectories`` at that step, every ``valid_loss``
  equals the ``valid_trajectories`` entry of that validation (within float32). The
  attributes hold more: ``train_trajectories`` every step's loss (60), and
  ``valid_trajectories`` one entry more than the file, at global step 0: the loss of
  Lightning's sanity check before training (``valid_loss`` 1.877), which Lightning keeps
  out of its loggers and discards; ``notes`` gives the counts. Under a terminal the bar
  shows that sanity value in one frame (``Epoch 0/-2 ... 0/1 ... valid_loss: 1.877``) before
  the first step; under a pipe it is never printed. It is no validation of the training:
  not in the truth.
- ``train_loss_step``: Lightning's default ``log_every_n_steps=50`` writes it at step 49
  only (1 point), while the bar shows it at every step. ``train_loss_epoch``: 60 points
  (one an epoch, each epoch a single step, so the values equal the step losses).
  ``valid_loss``: 3 points (steps 19, 39, 59: validation every ``val_check_steps=20``).
  Key ``step`` for all (TensorBoard's global step; the bar prints only ``Epoch N``).
- ``ptl/val_loss`` (neuralforecast's count-weighted validation loss, logged for
  hyperparameter search) is in the event file only, never printed: ``file_metrics``.
- Not metrics: ``epoch`` (Lightning's loop counter written beside each row), ``hp_metric``
  (the ``-1`` placeholder for the hparams tab); the summary's parameter counts and sizes.
- Tolerance: the rich bar prints ``f"{value:.3f}"``, hence 5e-4; the event file keeps the
  float32 values exactly.
- ``also_ok``: the bar's ``it/s`` and ``v_num`` (the logger's version, not a metric).
- Pipe vs terminal: under a pipe rich draws only the final frame (the last epoch's values);
  under the pty the bar redraws every epoch.
"""
# zoo-venv: ts

import glob
import math

import neuralforecast
import numpy as np
import pandas as pd
from _records import tb_folder
from _truth import series, write_truth
from neuralforecast import NeuralForecast
from neuralforecast.models import NHITS

PRINTED = ("train_loss_step", "train_loss_epoch", "valid_loss")

rng = np.random.default_rng(0)
frames = []
for number in range(4):
    t = np.arange(300)
    y = 10 + number + 2 * np.sin(2 * np.pi * t / 24 + number) + rng.normal(0, 0.3, t.size)
    frames.append(pd.DataFrame({"unique_id": f"series_{number}",
                                "ds": pd.date_range("2024-01-01", periods=t.size, freq="h"),
                                "y": y}))
df = pd.concat(frames, ignore_index=True)

nf = NeuralForecast(
    models=[NHITS(h=12, input_size=48, max_steps=60, val_check_steps=20, random_seed=0)],
    freq="h",
)
nf.fit(df, val_size=24)

model = nf.models[0]
# the default logger's folder (the model drops its trainer once fit returns)
(log_dir,) = glob.glob("lightning_logs/version_*")
paths, scalars = tb_folder(log_dir)

# the event file agrees with the model's own trajectories (see the docstring)
train_by_step = dict(model.train_trajectories)
for name in ("train_loss_step", "train_loss_epoch"):
    for step, value in scalars[name]:
        assert math.isclose(value, train_by_step[step], rel_tol=1e-6), (name, step)
valid = [value for _, value in scalars["valid_loss"]]
assert len(model.valid_trajectories) == len(valid) + 1  # + the sanity check at step 0
for value, (_, kept) in zip(valid, model.valid_trajectories[1:], strict=True):
    assert math.isclose(value, kept, rel_tol=1e-6)

metrics = {name: series(scalars[name], "step", tolerance=5e-4) for name in PRINTED}
write_truth("neuralforecast", neuralforecast.__version__,
            f"TensorBoardLogger (Lightning's default) {log_dir}/events.out.tfevents.* "
            "(_records.tb_folder)", metrics, files=paths, also_ok=["it/s", "v_num"],
            file_metrics={"ptl/val_loss": series(scalars["ptl/val_loss"], "step")},
            notes="scalar tags in the event file: " + ", ".join(sorted(scalars))
            + f"; model.train_trajectories: {len(model.train_trajectories)} entries, "
            f"model.valid_trajectories: {len(model.valid_trajectories)} (steps "
            + ", ".join(str(step) for step, _ in model.valid_trajectories) + ")")
