"""pythae 0.1.2 (the last release, clementchadebec/benchmark_VAE; torch 2.13.0 CPU): a ``VAE``
trained as its README's "Launching a model training" runs it, scaled down:
``BaseTrainerConfig(output_dir='my_model', num_epochs=5, learning_rate=1e-3,
per_device_train_batch_size=50, per_device_eval_batch_size=50, steps_saving=2,
optimizer_cls="AdamW", optimizer_params={"weight_decay": 0.05, "betas": (0.91, 0.995)},
scheduler_cls="ReduceLROnPlateau", scheduler_params={"patience": 5, "factor": 0.5})``,
``VAEConfig(input_dim=(1, 8, 8), latent_dim=2)``, ``VAE(model_config=...)`` (no networks
given: pythae builds its default MLPs, ``Encoder_VAE_MLP``/``Decoder_AE_MLP`` of
``pythae.models.nn.default_architectures``, 512 hidden units; default ``mse``
reconstruction loss), ``TrainingPipeline(training_config=..., model=...)`` and
``pipeline(train_data=..., eval_data=..., callbacks=...)``. Changes from the README: 5 epochs
(not 50), batches of 50 (not 200: 4 train batches an epoch), the dataloaders' workers left at
pythae's default 0 (the README's 2 fork worker processes, nothing printed by them),
``steps_saving=2`` (not 20: checkpoints at epochs 2 and 4, within 5 epochs). Data: 240 random
1x8x8 "images" (``numpy.random.default_rng(0).random``, float32 in [0, 1)), blurred by a
shared 2x2 mean so pixels correlate: 200 train, 40 eval; ``torch.manual_seed(0)`` before the
model is built (pythae's own ``set_seed(8)``, the config's ``seed``, seeds the shuffling).

What it prints, all on stderr (pythae's loggers, each a ``StreamHandler`` of bare messages,
and tqdm): ``Preprocessing train data...``, ``Checking train dataset...``, ``Preprocessing
eval data...``, ``Checking eval dataset...``, ``Using Base Trainer``, ``Model passed sanity
check !`` / ``Ready for training.``, ``Created my_model folder since did not exist.``,
``Created my_model/VAE_training_2026-12-06_23-52-11. `` / ``Training config, checkpoints and
final model will be saved here.``, the ``Training params:`` block (`` - max_epochs: 5``,
`` - per_device_train_batch_size: 50``, ..., `` - checkpoint saving every: 2``, ``Optimizer:
AdamW (`` with torch's repr of the parameter group over lines: ``    betas: (0.91, 0.995)``,
``    eps: 1e-08``, ``    lr: 0.001``, ``    weight_decay: 0.05``, ...; ``Scheduler:
<torch.optim.lr_scheduler.ReduceLROnPlateau object at 0x7f9f862be1d0>``), ``Successfully
launched training !``; then an epoch: two tqdm bars (``ProgressBarCallback``; the train bar
stays open while the eval bar opens under it, so the eval bar's first frame is followed by
``\x1b[A`` and the train bar's last frame: ``Training of epoch 1/5: 100%|██████████| 4/4
[00:00<00:00, 49.07batch/s]``, ``Eval of epoch 1/5: 100%|██████████| 1/1 [00:00<00:00,
36.66batch/s]``), ``MetricConsolePrinterCallback``'s block::

    --------------------------------------------------------------------------
    Train loss: 0.772
    Eval loss: 0.7199
    --------------------------------------------------------------------------

(``f"Train loss: {np.round(epoch_train_loss, 4)}"``: numpy's shortest repr of the rounded
float, so ``0.772`` for 0.77201, ``0.692`` for 0.69200) and, after epochs 2 and 4, ``Saved
checkpoint at epoch 2`` (before that epoch's block); at the end ``Training ended!`` and
``Saved final model in my_model/VAE_training_2026-12-06_23-52-11/final_model``. Under the pty
the bars are padded to the terminal's width, and whether the train bar's 100% frame comes
before the eval bar opens varies run to run (tqdm's refresh timing).

Truth: pythae's own history of the run, its ``TrainHistoryCallback`` (in
``pythae.trainers.training_callbacks``, shipped beside the console printer it subclasses),
passed in ``callbacks``: its ``history`` dict keeps ``train_loss`` and ``eval_loss``, one
value an epoch, taken from the logs dict the trainer hands every callback's ``on_log``
(``metrics["train_epoch_loss"]``, ``metrics["eval_epoch_loss"]``: the mean over the epoch's
batches of the VAE's loss, half the summed squared error plus the KL term, a batch mean). A
``TrainingCallback`` of ours (pythae's documented base class) keeps the same dict with the
``global_step`` the trainer passes (the epoch, 1-based), and the case asserts both agree.
pythae writes no metric file: the training folder holds ``final_model/`` and
``checkpoint_epoch_k/`` (``model.pt``, ``model_config.json``, ``training_config.json``,
``environment.json``, optimizer and scheduler state), and a
``training_logs_<signature>.log`` only when ``BaseTrainer.train(log_output_dir=...)`` is
called (the pipeline does not), which holds the params block and the checkpoint lines, never
a loss. ``files`` is empty. Judgement calls:
- Names: ``train_loss`` and ``eval_loss``, the history's keys, which are the printed words
  as the phase rule joins them (``Train loss`` -> ``train_loss``). The trainer's logs dict
  keys them ``train_epoch_loss``/``eval_epoch_loss``, and its tracker callbacks (wandb,
  MLflow, Comet, through ``rename_logs``) ``train/epoch_loss``/``eval/epoch_loss``; none of
  those runs here and no line prints them.
- Key ``epoch``: the trainer's ``global_step`` is the epoch (1 to 5), which the bars print
  (``Training of epoch 1/5``) before the block.
- Tolerance: ``np.round(x, 4)`` of the float64 mean, printed in full: ``tolerance`` 5e-5.
- ``also_ok``: ``batch/s``, the tqdm bars' rate (throughput). Not metrics: the params block
  (epochs, batch sizes, the saving period, the optimizer's ``lr``, ``betas``, ``eps``,
  ``weight_decay``: settings), ``Saved checkpoint at epoch 2`` (the epoch), the training
  folder's timestamp.
- Determinism: the losses repeat run to run and pipe/pty alike (seeded, one thread); the
  folder's timestamp, the scheduler's address and the bars' rates differ.
"""
# zoo-venv: pythae

import importlib.metadata

import numpy as np
import torch
from _truth import series, write_truth
from pythae.models import VAE, VAEConfig
from pythae.pipelines import TrainingPipeline
from pythae.trainers import BaseTrainerConfig
from pythae.trainers.training_callbacks import TrainHistoryCallback, TrainingCallback

EPOCHS = 5


class LogsKeeper(TrainingCallback):
    """Keeps the logs dict the trainer hands ``on_log``, with its ``global_step``."""

    def __init__(self):
        self.rows = []

    def on_log(self, training_config, logs, **kwargs):
        self.rows.append((kwargs.get("global_step"), dict(logs)))


rng = np.random.default_rng(0)
images = rng.random((240, 1, 9, 9), dtype=np.float32)
images = (images[:, :, :-1, :-1] + images[:, :, 1:, :-1] + images[:, :, :-1, 1:]
          + images[:, :, 1:, 1:]) / 4  # a 2x2 mean: neighbouring pixels correlate
train_dataset, eval_dataset = images[:200], images[200:]

torch.manual_seed(0)

# Set up the training configuration
my_training_config = BaseTrainerConfig(
    output_dir='my_model',
    num_epochs=EPOCHS,
    learning_rate=1e-3,
    per_device_train_batch_size=50,
    per_device_eval_batch_size=50,
    steps_saving=2,
    optimizer_cls="AdamW",
    optimizer_params={"weight_decay": 0.05, "betas": (0.91, 0.995)},
    scheduler_cls="ReduceLROnPlateau",
    scheduler_params={"patience": 5, "factor": 0.5}
)
# Set up the model configuration
my_vae_config = model_config = VAEConfig(
    input_dim=(1, 8, 8),
    latent_dim=2
)
# Build the model
my_vae_model = VAE(
    model_config=my_vae_config
)
# Build the Pipeline
pipeline = TrainingPipeline(
    training_config=my_training_config,
    model=my_vae_model
)
history, keeper = TrainHistoryCallback(), LogsKeeper()
# Launch the Pipeline
pipeline(
    train_data=train_dataset,
    eval_data=eval_dataset,
    callbacks=[history, keeper]
)

# the truth: pythae's TrainHistoryCallback, checked against the logs dict the trainer passed
assert [step for step, _ in keeper.rows] == list(range(1, EPOCHS + 1)), keeper.rows
assert history.history["train_loss"] == [logs["train_epoch_loss"] for _, logs in keeper.rows]
assert history.history["eval_loss"] == [logs["eval_epoch_loss"] for _, logs in keeper.rows]
epochs = [step for step, _ in keeper.rows]
metrics = {name: series(zip(epochs, history.history[name], strict=True), "epoch",
                        tolerance=5e-5)
           for name in ("train_loss", "eval_loss")}
write_truth("pythae", f"{importlib.metadata.version('pythae')} (torch {torch.__version__})",
            "TrainHistoryCallback.history (train_loss, eval_loss: the trainer's logs dict, "
            "train_epoch_loss/eval_epoch_loss, at each epoch's on_log)",
            metrics, also_ok=["batch/s"],
            notes=f"training folder {pipeline.trainer.training_dir} (timestamped); "
                  "no metric file")
