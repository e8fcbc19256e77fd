"""PyPOTS 1.5 (``pypots``, "a Python toolbox for machine learning on partially-observed time
series", on the CPU build of torch 2.13.0): its SAITS imputation model trained as the README's
quick start trains it, ``SAITS(n_steps=..., n_features=..., n_layers=2, d_model=...,
n_heads=4, d_k=..., d_v=..., d_ffn=..., dropout=0.1, epochs=5, saving_path=...,
model_saving_strategy="best")``, ``saits.fit(train_set, val_set)`` with ``train_set =
{"X": train_X}`` and ``val_set = {"X": val_X, "X_ori": val_X_ori}``, then
``saits.predict(test_set)["imputation"]`` and the README's ``calc_mae`` over the
artificially-missing test values (computed, not printed, as the README leaves it). The
README loads PhysioNet-2012 through ``benchpots.datasets.preprocess_physionet2012``, which
downloads it; the case builds the arrays with numpy instead: 128 training, 32 validation and
32 test series of 24 steps and 5 features (noisy sines of random phase and frequency,
``default_rng(0)``), 10% of the values then removed completely at random by pygrinder's
``mcar(X, 0.1)`` (as benchpots does with ``rate=0.1``; ``X_ori`` keeps the complete
arrays), and the README's two ``print``s of the shapes and ``calc_missing_rate``. A smaller
model than the README's (``d_model=64``, ``d_k=d_v=16``, ``d_ffn=64``; ``d_model`` must be
``n_heads * d_k``), its default batch size 32 (4 training batches an epoch), 5 epochs, about
2 s of training. ``saving_path="out"``. Seeds: PyPOTS' own
``pypots.utils.random.set_random_seed(2024)`` (numpy's and torch's global generators, which
``mcar``, the initialisation, dropout and the loader's shuffling draw from) before anything
is built; the values repeat run to run on the CPU.

What it prints. On import, the ``ai4ts`` package (PyPOTS' client of its web service, imported
by ``pypots.timeseries_ai``, never called here) ``print``s its ASCII-art banner to stdout in
blue (``\\x1b[34m``, under a pipe too) ending ``ai4ts v0.0.3 - building AI for unified
time-series analysis, https://time-series.ai \\x1b[0m``. Then PyPOTS' logger (tsdb's
``Logger``: a ``logging.StreamHandler`` on stderr, ``%(asctime)s [%(levelname)s]:
%(message)s``, no colour, the same bytes under the pty; one line below is wrapped here)::

    2026-12-07 11:51:10 [INFO]: Have set the random seed as 2024 for numpy and pytorch.
    2026-12-07 11:51:10 [INFO]: No given device, using default device: cpu
    2026-12-07 11:51:10 [INFO]: Model files will be saved to out/20261207_T115110
    2026-12-07 11:51:10 [INFO]: Tensorboard file will be saved to out/20261207_T115110/tensorboard
    2026-12-07 11:51:10 [INFO]: Using customized MAE as the training loss function.
    2026-12-07 11:51:10 [INFO]: Using customized MSE as the validation metric function.
    2026-12-07 11:51:10 [INFO]: SAITS initialized with the given hyperparameters, the number of
    trainable parameters: 102,078
    2026-12-07 11:51:10 [INFO]: Epoch 001 - training loss (MAE): 1.3459, validation MSE: 0.5189
    ...
    2026-12-07 11:51:10 [INFO]: Epoch 005 - training loss (MAE): 1.1558, validation MSE: 0.5138
    2026-12-07 11:51:10 [INFO]: Finished training. The best model is from epoch#3.
    2026-12-07 11:51:10 [INFO]: Saved the model to out/20261207_T115110/SAITS.pypots

(``BaseNNModel._train_model``: ``f"Epoch {epoch:03d} - training loss
({self.training_loss_name}): {mean_train_loss:.4f}, validation
{self.validation_metric_name}: {mean_val_metric:.4f}"``), and on stdout the README's
``(128, 24, 5)``, ``(32, 24, 5)`` and ``We have 9.6% values missing in train_X``. The very
first run on a machine also logs ``‼️ PyPOTS Ecosystem configuration file does not exist.``,
``Wrote new configs to config.ini successfully.`` and ``💫 Initialized PyPOTS Ecosystem
configuration file /root/.pypots/config.ini successfully.`` (tsdb writes ``~/.pypots/
config.ini`` on import); the fixtures were captured after it existed, without those lines.

Truth: PyPOTS' own record is the TensorBoard event file that ``saving_path`` turns on:
``SummaryWriter(<saving_path>/<time>/tensorboard, filename_suffix=".pypots")``, so
``out/<YYYYmmdd_THHMMSS>/tensorboard/events.out.tfevents.<time>.<host>.<pid>.0.pypots``
(listed in ``files``), read back with TensorBoard's ``EventAccumulator``. Its
``_save_log_into_tb_file(step, stage, dict)`` writes ``f"{stage}/{name}"`` for the names of
the dict that contain ``loss`` or ``error``: each training batch's ``results`` at the
training step (1-based, counted over all epochs: 4 a epoch, 20 in all) as
``training/loss``, ``training/ORT_loss`` and ``training/MIT_loss`` (``loss = ORT_loss +
MIT_loss``, each the SAITS criterion's MAE), and each epoch's validation dict
``{"MSE": mean_val_metric}`` at the epoch, which that filter drops ("MSE" holds neither
word): the file has no validation series. So:
- ``file_metrics``: the file's three tags as it keys them, ``step`` at its step (1 to 20),
  ``rel_tolerance=1e-6`` (float32). None is printed.
- ``training_loss_(MAE)`` (printed): ``mean_train_loss`` is ``np.mean`` of the epoch's
  per-batch ``loss.item()``, the very values the file keeps as ``training/loss`` (a float32
  tensor's ``item()`` is the float32 the file stores), so the truth is the mean of the file's
  ``training/loss`` over each epoch's 4 steps, the same sum in the same order; ``epoch``
  1 to 5. The case asserts the file holds 4 steps an epoch.
- ``validation_MSE`` (printed): kept nowhere (the file's filter drops it; the model keeps
  only ``best_loss``, the best epoch's, and ``best_epoch``). As ``pytorch_cifar_main`` adds
  recording lines where a script keeps no record, the case adds one where PyPOTS hands the
  value to its recorder: it wraps the model's ``_save_log_into_tb_file`` (an instance
  attribute set before ``fit``, which then calls the original unchanged) to keep a copy of
  each ``"validating"`` dict before the filter drops it: ``mean_val_metric``, full
  precision; ``epoch`` 1 to 5. The case asserts ``best_loss`` is the lowest of them and
  ``best_epoch`` its epoch (the value ``Finished training. The best model is from epoch#3.``
  reports).
- Names. PyPOTS keeps no key for the printed epoch values (the file's ``training/loss`` is
  a batch's, not the epoch's mean), so each takes the name exptrack's documented rule gives
  the printed words (bench/zoo/README.md): ``training loss (MAE)`` -> ``training_loss_(MAE)``
  (docs/metrics.md: a metric in parentheses qualifies its name, ``Final Loss (MSE)``; the
  loss's criterion names which loss it is: another ``training_loss`` with
  ``training_loss=MSE`` would be another quantity) and ``validation MSE`` ->
  ``validation_MSE`` (a phase word before a name prefixes it, as printed). The
  ``(MAE)``-less ``training_loss`` would be the other reading of the rule's "label in
  parentheses is no unit".
- Tolerances: ``%.4f`` -> 5e-5 for both printed metrics.
- Not metrics: ``Epoch 001`` (the epoch), ``epoch#3`` (the best epoch, a count),
  ``102,078`` (parameters), the shapes, ``9.6%`` (the data's missing rate, a property of
  the data set), the seed 2024, the time stamps. Nothing printed is timing or throughput:
  ``also_ok`` is empty.
"""
# zoo-venv: pypots

import glob
import os

import numpy as np
import pypots
import torch
from _truth import series, write_truth
from pygrinder import calc_missing_rate, mcar
from pypots.imputation import SAITS
from pypots.nn.functional import calc_mae
from pypots.utils.random import set_random_seed
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

set_random_seed(2024)

N_STEPS, N_FEATURES, EPOCHS, BATCH = 24, 5, 5, 32
rng = np.random.default_rng(0)
times = np.arange(N_STEPS)


def series_set(count: int) -> np.ndarray:
    """``count`` noisy sines a feature, random phase and frequency: [count, steps, features]."""
    phase = rng.uniform(0, 2 * np.pi, (count, 1, N_FEATURES))
    freq = rng.uniform(0.2, 0.6, (count, 1, N_FEATURES))
    noise = 0.1 * rng.standard_normal((count, N_STEPS, N_FEATURES))
    return (np.sin(freq * times[None, :, None] + phase) + noise).astype("float32")


train_X_ori, val_X_ori, test_X_ori = series_set(128), series_set(32), series_set(32)
train_X, val_X, test_X = mcar(train_X_ori, 0.1), mcar(val_X_ori, 0.1), mcar(test_X_ori, 0.1)
print(train_X.shape)  # (n_samples, n_steps, n_features)
print(val_X.shape)
print(f"We have {calc_missing_rate(train_X):.1%} values missing in train_X")
train_set = {"X": train_X}
val_set = {"X": val_X, "X_ori": val_X_ori}
test_set = {"X": test_X}
indicating_mask = np.isnan(test_X) ^ np.isnan(test_X_ori)

saits = SAITS(n_steps=N_STEPS, n_features=N_FEATURES, n_layers=2, d_model=64, n_heads=4,
              d_k=16, d_v=16, d_ffn=64, dropout=0.1, epochs=EPOCHS, batch_size=BATCH,
              saving_path="out", model_saving_strategy="best")

# the record: each epoch's validation dict as the model hands it to its TensorBoard writer,
# kept before that writer's "loss"/"error" filter drops it (the call itself is unchanged)
handed_validation: list[tuple[int, dict[str, float]]] = []
to_tensorboard = saits._save_log_into_tb_file


def keep_validation(step: int, stage: str, loss_dict: dict) -> None:
    if stage == "validating":
        handed_validation.append((step, {name: float(value) for name, value in loss_dict.items()}))
    to_tensorboard(step, stage, loss_dict)


saits._save_log_into_tb_file = keep_validation

saits.fit(train_set, val_set)
imputation = saits.predict(test_set)["imputation"]
mae = calc_mae(imputation, np.nan_to_num(test_X_ori), indicating_mask)

# the truth: PyPOTS' event file, read back with TensorBoard's EventAccumulator
saits.summary_writer.close()
[tb_dir] = glob.glob(os.path.join("out", "*", "tensorboard"))
event_files = sorted(glob.glob(os.path.join(tb_dir, "events.out.tfevents.*")))
assert len(event_files) == 1, event_files
accumulator = EventAccumulator(tb_dir, size_guidance={"scalars": 0})
accumulator.Reload()
TAGS = ("training/loss", "training/ORT_loss", "training/MIT_loss")
assert sorted(accumulator.Tags()["scalars"]) == sorted(TAGS), accumulator.Tags()["scalars"]
scalars = {tag: [(event.step, event.value) for event in accumulator.Scalars(tag)]
           for tag in TAGS}
steps_per_epoch = -(-len(train_X) // BATCH)
assert [step for step, _ in scalars["training/loss"]] == \
    list(range(1, EPOCHS * steps_per_epoch + 1)), scalars["training/loss"]
file_metrics = {tag: series(scalars[tag], "step", rel_tolerance=1e-6) for tag in TAGS}

batch_losses = [value for _, value in scalars["training/loss"]]
train_means = [(epoch, np.mean(batch_losses[(epoch - 1) * steps_per_epoch:
                                            epoch * steps_per_epoch]))
               for epoch in range(1, EPOCHS + 1)]
name = saits.validation_metric_name
assert [epoch for epoch, _ in handed_validation] == list(range(1, EPOCHS + 1))
assert all(list(handed) == [name] for _, handed in handed_validation), handed_validation
validation = [(epoch, handed[name]) for epoch, handed in handed_validation]
best_epoch, best = min(validation, key=lambda pair: pair[1])
assert saits.best_epoch == best_epoch and float(saits.best_loss) == best, \
    (saits.best_epoch, saits.best_loss, validation)

metrics = {
    f"training_loss_({saits.training_loss_name})": series(train_means, "epoch", tolerance=5e-5),
    f"validation_{name}": series(validation, "epoch", tolerance=5e-5),
}
write_truth(
    "PyPOTS", f"{pypots.__version__} (torch {torch.__version__})",
    f"SAITS' TensorBoard event file under saving_path ({event_files[0]}, EventAccumulator): "
    "per-step training/loss, training/ORT_loss, training/MIT_loss; the printed epoch training "
    "loss is the mean of each epoch's training/loss steps; the validation metric, which the "
    "file's loss/error filter drops, as the model hands it to _save_log_into_tb_file",
    metrics, files=event_files, file_metrics=file_metrics,
    notes=f"best epoch {saits.best_epoch} (validation {name} {float(saits.best_loss)}); "
          f"{steps_per_epoch} training steps an epoch; test MAE on the artificially-missing "
          f"values (computed, not printed) {float(mae)}",
)
