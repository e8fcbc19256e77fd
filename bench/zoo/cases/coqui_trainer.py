"""Coqui's ``trainer`` (coqui-tts-trainer 0.4.0, the idiap fork that Coqui TTS trains with):
a ``TrainerModel`` subclass (``forward``, ``format_batch``: the trainer moves a dict batch
to the device, ``train_step``, ``eval_step``, ``get_criterion``, ``get_data_loader``) of a
small regression MLP on synthetic tensors, driven as the trainer's README example
(``examples/train_mnist.py``) drives its model: ``Trainer(TrainerArgs(), config,
model=..., train_samples=..., eval_samples=...)`` and ``fit()``, with a
``TrainerConfig`` subclass (Adam through the config, ``ExponentialLR`` stepped each step
(``scheduler_after_epoch=False``: with one optimizer 0.4.0 never steps an epoch-end scheduler),
``grad_clip`` 5 as the TTS recipes set one, ``print_step`` = ``plot_step`` = 2,
``dashboard_logger="tensorboard"``), 3 epochs of 6 steps, an evaluation (2 batches) each epoch.

What it prints (Python logging, the ``trainer`` logger's own handler: stderr, ANSI bold and
colours as it writes them): the training environment (``| > Num. of CPUs: 2``, ``Torch seed:
54321``), ``Model has 321 parameters``, `` > EPOCH: 0/2`` and the run folder, `` > TRAINING
(<date>)``, every 2nd global step a block ``   --> TIME: <date> -- STEP: 2/5 -- GLOBAL_STEP: 2``
then ``     | > current_lr: 0.01805  (0.018525)``, ``     | > loss: 12.01...  (9.21...)`` (the
step's value, the epoch's running average in parentheses), ``grad_norm: tensor(8.0696)
(tensor(6.1339))``, ``step_time: 0.0007  (0.00087...)`` and ``loader_time``; each epoch
`` > EVALUATION `` and ``  --> EVAL PERFORMANCE`` with ``     | > avg_loader_time: 0.0001...
(+0.0)`` and ``     | > avg_loss: 8.53... (-3.98...)`` (the evaluation's mean, then its change
since the last evaluation, coloured), then `` > BEST MODEL : output/run-<date>/best_model_12.pth``.
``fatal: not a git repository`` is git's, asked for the commit in the temp cwd.

Truth: the trainer's own TensorBoard event file in the run folder (``output/run-<date>/``,
in ``files``), read with ``_records.tb_folder``; its tags (``TrainIterStats/loss``,
``TrainIterStats/current_lr``, ``.../grad_norm``, ``.../step_time``, ``.../loader_time`` at
each printed global step, ``TrainEpochStats/*`` at each epoch's end, ``EvalStats/avg_loss``
and ``EvalStats/avg_loader_time`` after each evaluation) are ``file_metrics`` at their
global step. Judged, printed: the step blocks' first numbers, named as printed (``loss``,
``current_lr``, ``grad_norm``, ``step_time``, ``loader_time``) at the GLOBAL_STEP, the
parenthesised running average no series of its own (as the held-out Coqui logs expect); the
evaluation's ``avg_loss`` and ``avg_loader_time`` as printed (the ``EVAL PERFORMANCE`` header
is a line of its own, no phase word before the names), keyed by the epoch; the signed change
after them is no metric. Values are printed with ``str()`` (full repr): the TensorBoard file
keeps float32, hence ``rel_tolerance`` 1e-6; ``step_time`` and ``loader_time`` are printed
rounded to 4 decimals, ``grad_norm`` as a tensor's repr (4 decimals): ``tolerance`` 0.00005.
With the file read, the printed step keys are its ``TrainIterStats/*`` series; the
evaluation's ``avg_*`` names stay printed ones beside ``EvalStats/avg_*`` (``TrainEpochStats``
holds an ``avg_loss`` too, so a tag's last part names no one series).
"""

# zoo-venv: coqui

import copy
from dataclasses import dataclass, field

import torch
import trainer
from _records import tb_folder
from _truth import series, write_truth
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from trainer import Trainer, TrainerArgs, TrainerConfig, TrainerModel

EPOCHS, STEPS = 3, 6


@dataclass
class RegressionConfig(TrainerConfig):
    optimizer: str = "Adam"
    lr: float = 0.02
    lr_scheduler: str = "ExponentialLR"
    lr_scheduler_params: dict = field(default_factory=lambda: {"gamma": 0.95})
    scheduler_after_epoch: bool = False
    grad_clip: float = 5.0
    epochs: int = EPOCHS
    batch_size: int = 16
    eval_batch_size: int = 16
    print_step: int = 2
    plot_step: int = 2
    save_checkpoints: bool = False
    save_step: int = 1000
    dashboard_logger: str = "tensorboard"
    run_name: str = "run"
    output_path: str = "output"


class RegressionModel(TrainerModel):
    def __init__(self) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 1))

    def forward(self, x):
        return {"model_outputs": self.net(x)}

    def format_batch(self, batch):
        x, y = batch
        return {"x": x, "y": y}

    def train_step(self, batch, criterion):
        outputs = self(batch["x"])
        return outputs, {"loss": criterion(outputs["model_outputs"], batch["y"])}

    def eval_step(self, batch, criterion):
        return self.train_step(batch, criterion)

    @staticmethod
    def get_criterion():
        return nn.MSELoss()

    def get_data_loader(self, config, *, is_eval=False, samples=None, verbose=True):
        x, y = samples
        return DataLoader(TensorDataset(x, y), shuffle=False,
                          batch_size=config.eval_batch_size if is_eval else config.batch_size)


torch.manual_seed(0)
x = torch.randn(128, 8)
y = x @ torch.randn(8, 1) + 0.1 * torch.randn(128, 1)
train_samples, eval_samples = (x[:96], y[:96]), (x[96:], y[96:])

config = RegressionConfig()
fit = Trainer(TrainerArgs(), config, model=RegressionModel(), train_samples=train_samples,
              eval_samples=eval_samples, parse_command_line_args=False)
fit.fit()

event_files, found = tb_folder(str(fit.output_path))
file_metrics = {tag: series(pairs, "step", rel_tolerance=1e-6) for tag, pairs in found.items()}
metrics = {}
for name in ("current_lr", "loss", "grad_norm", "step_time", "loader_time"):
    spec = copy.deepcopy(file_metrics[f"TrainIterStats/{name}"])
    if name in ("grad_norm", "step_time", "loader_time"):  # printed to 4 decimals
        spec.pop("rel_tolerance")
        spec["tolerance"] = 0.00005
    metrics[name] = spec
# the evaluation runs after each epoch's STEPS steps: its global step is (epoch + 1) * STEPS
for name in ("avg_loader_time", "avg_loss"):
    pairs = [(step // STEPS - 1, value) for step, value in found[f"EvalStats/{name}"]]
    metrics[name] = series(pairs, "epoch", rel_tolerance=1e-6)
write_truth("coqui-tts-trainer", trainer.__version__,
            f"the trainer's TensorBoard event file in {fit.output_path} (tb_folder)", metrics,
            files=event_files, file_metrics=file_metrics,
            notes="scalar tags found: " + ", ".join(sorted(found)))
