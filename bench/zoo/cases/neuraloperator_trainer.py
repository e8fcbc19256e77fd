"""NeuralOperator 2.0.0 (pip ``neuraloperator``, module ``neuralop``, the newest release; on
the CPU build of torch 2.13.0, Python 3.11): its ``neuralop.Trainer`` training a Fourier
Neural Operator as its example ``examples/models/plot_FNO_darcy.py`` does (same calls, same
prints, made smaller): ``FNO(n_modes=(8, 8), in_channels=1, out_channels=1,
hidden_channels=16, projection_channel_ratio=2)`` (85,425 parameters; the example's 16
modes and 32 channels), ``neuralop.training.AdamW(lr=8e-3, weight_decay=1e-4)``,
``CosineAnnealingLR(T_max=30)``, ``H1Loss(d=2)`` to train, ``eval_losses={'h1': h1loss,
'l2': l2loss}``, ``Trainer(model=model, n_epochs=3, device='cpu',
data_processor=data_processor, wandb_log=False, eval_interval=1, use_distributed=False,
verbose=True)`` (the example: 20 epochs, ``eval_interval=3``) and ``trainer.train(
train_loader=..., test_loaders={16: ..., 32: ...}, optimizer=..., scheduler=...,
regularizer=False, training_loss=train_loss, eval_losses=eval_losses)``.
Data: the example calls ``load_darcy_flow_small`` (which downloads); the case builds a
small Darcy-flow set in memory instead, the same problem: a permeability ``a`` (a smooth
Gaussian random field thresholded to 12 and 3) and the pressure ``u`` solving ``-div(a grad
u) = 1`` on the unit square, ``u = 0`` on the boundary (five-point finite differences,
conjugate gradients, batched in torch): 64 training pairs at 16x16, test sets of 32 at
16x16 and 16 at 32x32 (the example's ``test_resolutions=[16, 32]``: the FNO evaluated
zero-shot at a finer grid), in neuralop's own ``TensorDataset`` (batches are ``{'x': ...,
'y': ...}`` dicts, as the Trainer expects) and a ``DefaultDataProcessor`` with
``UnitGaussianNormalizer(dim=[0, 2, 3])`` on inputs and outputs, as ``PTDataset`` builds
it. Batches of 8 (train, shuffled) and 16 (test). Nothing is downloaded; about 5 s.

What it prints (stdout; the Trainer flushes after each of its lines): the example's own
lines, ``Our model has 85425 parameters.``, ``### MODEL ###`` and the FNO's repr,
``### OPTIMIZER ###`` and the AdamW repr (``lr: 0.008``, ``weight_decay: 0.0001``, ``eps:
1e-06``, ``initial_lr: 0.008``), ``### SCHEDULER ###`` and ``### LOSSES ###`` with the loss
objects' reprs; then the Trainer's (``verbose=True``)::

    Training on 64 samples
    Testing on [32, 16] samples         on resolutions [16, 32].
    Raw outputs of shape torch.Size([8, 1, 16, 16])
    [0] time=0.12, avg_loss=0.9909, train_err=7.9276
    Eval: 16_h1=0.9486, 16_l2=0.6137, 32_h1=0.9543, 32_l2=0.5924
    [1] time=0.11, avg_loss=0.7659, train_err=6.1273
    Eval: 16_h1=0.4767, 16_l2=0.7334, 32_h1=0.6167, 32_l2=0.7909
    [2] time=0.11, avg_loss=0.4213, train_err=3.3701
    Eval: 16_h1=0.3609, 16_l2=0.3260, 32_h1=0.4998, 32_l2=0.3431

``log_training`` prints ``[{epoch}] time={time:.2f}, avg_loss={avg_loss:.4f},
train_err={train_err:.4f}`` (and ``, avg_lasso=...`` only with a regularizer: none here),
``log_eval`` prints ``Eval: `` and ``{key}={value:.4f}`` for each key of the evaluation's
dict, joined by ``, ``. On stderr, once each (Python's default warning filter), three
``UserWarning``s of neuralop's own, from the Trainer passing the whole batch dict as keyword
arguments: ``FNO.forward() received unexpected keyword arguments: ['y']``, ``H1Loss.__call__()
received unexpected keyword arguments: ['x']``, ``LpLoss.__call__() ... ['x']``.

Truth: the Trainer keeps no record of its own (no history, no metrics file; its only logger
is Weights & Biases, ``wandb_log=True`` with an active run, off here: wandb is installed, as
neuraloperator requires it, but no run is started and nothing is logged). So the truth is
what the Trainer itself computes and hands to its own print: a thin subclass
(``RecordingTrainer``) overrides its two documented print hooks, ``log_training(epoch, time,
avg_loss, train_err, avg_lasso_loss, lr)`` and ``log_eval(epoch, eval_metrics)``, records
their arguments (full precision; the evaluation's tensors as floats) and calls the
Trainer's own method, which prints. Nothing is parsed from stdout. A check: ``train()``
returns the last epoch's dict (``train_err``, ``avg_loss``, ``avg_lasso_loss``,
``epoch_train_time`` and the evaluation's keys), asserted equal to what the hooks got last.
Judgement calls:
- Names, as the Trainer keys them and prints them: ``avg_loss`` (the epoch's summed batch
  losses over the samples seen: H1Loss sums over the batch, so the mean relative H1 error a
  sample) and ``train_err`` (the same sum over the number of batches, 8: eight times
  ``avg_loss`` with batches of 8); both printed, both metrics.
- ``time``: the epoch's training wall time (``epoch_train_time``, ``default_timer`` around the
  batches and the scheduler's step), a value the Trainer computes, returns and hands to its
  hook under that name (and would log to W&B as ``time``): a truth metric, not ``also_ok``;
  tolerance 5e-3 (``:.2f``). It differs run to run; each run's truth is its own.
- Evaluation: the Trainer keys each value ``f"{loader_name}_{loss_name}"``, the loaders
  keyed by resolution (``16_h1``, ``16_l2``, ``32_h1``, ``32_l2``; the keys ``save_best``
  takes and W&B would log). The line prints them after ``Eval:``, a phase label, which
  prefixes every name after it (docs/metrics.md, "Phases": ``Eval: loss 0.3 acc 0.9`` ->
  ``eval_loss``; as ``pytorch_imagenet_example``'s ``Test:`` gives ``test_loss``): truth
  ``eval_16_h1``, ``eval_16_l2``, ``eval_32_h1``, ``eval_32_l2`` (a call: the bare keys
  ``16_h1`` ... are the other reading; the loader's name ``16`` is no phase word).
- Axis ``epoch``, 0 to 2, as the Trainer counts and prints it (``[0]``); its W&B logging
  would use ``step=epoch + 1``. One point an epoch for each series (``eval_interval=1``):
  3 each.
- Tolerance 5e-5 for the losses (``:.4f``).
- ``lr`` is handed to ``log_training`` but not printed (in ``notes``); ``avg_lasso_loss`` is
  None (no regularizer) and not printed: neither is a metric here.
- Not metrics: ``Our model has 85425 parameters.``, ``Training on 64 samples``, ``Testing on
  [32, 16] samples on resolutions [16, 32].``, ``Raw outputs of shape ...`` (counts and
  shapes), the optimizer's repr (``lr: 0.008``, ``weight_decay: 0.0001``, ``betas``,
  ``eps``: settings) and the model's (``kernel_size=(1,)``).
- Determinism: ``torch.manual_seed(0)`` (initialisation, shuffling) and a generator seeded 0
  for the data: the losses repeat on the CPU; only ``time`` varies.
"""
# zoo-venv: neuralop

import sys
from importlib.metadata import version

import torch
from _truth import series, write_truth
from neuralop import H1Loss, LpLoss, Trainer
from neuralop.data.datasets.tensor_dataset import TensorDataset
from neuralop.data.transforms.data_processors import DefaultDataProcessor
from neuralop.data.transforms.normalizers import UnitGaussianNormalizer
from neuralop.models import FNO
from neuralop.training import AdamW
from neuralop.utils import count_model_params
from torch.utils.data import DataLoader

torch.manual_seed(0)
device = "cpu"


def coefficients(n: int, res: int, gen: torch.Generator) -> torch.Tensor:
    """Darcy's permeability a(x): a smooth Gaussian random field thresholded at 0 to the
    two values 12 and 3, as in the Darcy-flow sets neuralop downloads."""
    noise = torch.randn(n, res, res, generator=gen, dtype=torch.float64)
    k = torch.fft.fftfreq(res, dtype=torch.float64) * res
    spectrum = (k[:, None] ** 2 + k[None, :] ** 2 + 9.0) ** -2.0
    field = torch.fft.ifft2(torch.fft.fft2(noise) * spectrum).real
    return torch.where(field >= 0, 12.0, 3.0).double()


def darcy(a: torch.Tensor) -> torch.Tensor:
    """Solve -div(a grad u) = 1 on the unit square, u = 0 on the boundary: five-point finite
    differences (harmonic means of a on the cell faces), conjugate gradients, batched."""
    res = a.shape[-1]
    h2 = (1.0 / (res - 1)) ** 2
    centre = a[:, 1:-1, 1:-1]
    neighbours = (a[:, :-2, 1:-1], a[:, 2:, 1:-1], a[:, 1:-1, :-2], a[:, 1:-1, 2:])
    faces = [2 * centre * nb / (centre + nb) / h2 for nb in neighbours]
    diagonal = sum(faces)

    def operator(v: torch.Tensor) -> torch.Tensor:
        p = torch.nn.functional.pad(v, (1, 1, 1, 1))
        shifted = (p[:, :-2, 1:-1], p[:, 2:, 1:-1], p[:, 1:-1, :-2], p[:, 1:-1, 2:])
        return diagonal * v - sum(f * s for f, s in zip(faces, shifted, strict=True))

    x = torch.zeros_like(centre)
    r = torch.ones_like(centre)
    p = r.clone()
    rs = (r * r).sum((1, 2))
    for _ in range(2000):
        ap = operator(p)
        alpha = rs / (p * ap).sum((1, 2))
        x = x + alpha[:, None, None] * p
        r = r - alpha[:, None, None] * ap
        rs_new = (r * r).sum((1, 2))
        if rs_new.max().sqrt() < 1e-10:
            break
        p = r + (rs_new / rs)[:, None, None] * p
        rs = rs_new
    u = torch.zeros_like(a)
    u[:, 1:-1, 1:-1] = x
    return u


def darcy_set(n: int, res: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    a = coefficients(n, res, gen)
    return a.float().unsqueeze(1), darcy(a).float().unsqueeze(1)


gen = torch.Generator().manual_seed(0)
x_train, y_train = darcy_set(64, 16, gen)
tests = {16: darcy_set(32, 16, gen), 32: darcy_set(16, 32, gen)}

# as load_darcy_flow_small / PTDataset build them: unit-Gaussian normalizers over the batch
# and both space dims, in a DefaultDataProcessor; batches are {'x': ..., 'y': ...} dicts
in_normalizer = UnitGaussianNormalizer(dim=[0, 2, 3])
in_normalizer.fit(x_train)
out_normalizer = UnitGaussianNormalizer(dim=[0, 2, 3])
out_normalizer.fit(y_train)
data_processor = DefaultDataProcessor(in_normalizer=in_normalizer,
                                      out_normalizer=out_normalizer).to(device)
train_loader = DataLoader(TensorDataset(x_train, y_train), batch_size=8, shuffle=True)
test_loaders = {res: DataLoader(TensorDataset(x, y), batch_size=16, shuffle=False)
                for res, (x, y) in tests.items()}

# from here on as examples/models/plot_FNO_darcy.py, smaller: 8 modes, 16 channels, 3 epochs
model = FNO(n_modes=(8, 8),
            in_channels=1,
            out_channels=1,
            hidden_channels=16,
            projection_channel_ratio=2)
model = model.to(device)

n_params = count_model_params(model)
print(f'\nOur model has {n_params} parameters.')
sys.stdout.flush()

optimizer = AdamW(model.parameters(),
                  lr=8e-3,
                  weight_decay=1e-4)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=30)

l2loss = LpLoss(d=2, p=2)
h1loss = H1Loss(d=2)

train_loss = h1loss
eval_losses = {'h1': h1loss, 'l2': l2loss}

print('\n### MODEL ###\n', model)
print('\n### OPTIMIZER ###\n', optimizer)
print('\n### SCHEDULER ###\n', scheduler)
print('\n### LOSSES ###')
print(f'\n * Train: {train_loss}')
print(f'\n * Test: {eval_losses}')
sys.stdout.flush()


class RecordingTrainer(Trainer):
    """neuralop's Trainer, its two print hooks recording what the Trainer hands them."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.zoo_training: list[dict] = []
        self.zoo_eval: list[tuple[int, dict]] = []

    def log_training(self, epoch, time, avg_loss, train_err, avg_lasso_loss=None, lr=None):
        self.zoo_training.append(dict(epoch=epoch, time=time, avg_loss=avg_loss,
                                      train_err=train_err, avg_lasso_loss=avg_lasso_loss,
                                      lr=lr))
        super().log_training(epoch, time, avg_loss, train_err, avg_lasso_loss, lr)

    def log_eval(self, epoch, eval_metrics):
        self.zoo_eval.append((epoch, {k: float(v) for k, v in eval_metrics.items()}))
        super().log_eval(epoch, eval_metrics)


trainer = RecordingTrainer(model=model, n_epochs=3,
                           device=device,
                           data_processor=data_processor,
                           wandb_log=False,
                           eval_interval=1,
                           use_distributed=False,
                           verbose=True)

final = trainer.train(train_loader=train_loader,
                      test_loaders=test_loaders,
                      optimizer=optimizer,
                      scheduler=scheduler,
                      regularizer=False,
                      training_loss=train_loss,
                      eval_losses=eval_losses)

# truth: the values the Trainer handed to its own print hooks, full precision
PRINTED = 5e-5  # log_training and log_eval print every loss with :.4f
metrics = {"time": series([(row["epoch"], row["time"]) for row in trainer.zoo_training],
                          "epoch", tolerance=5e-3)}  # time=:.2f
for name in ("avg_loss", "train_err"):
    metrics[name] = series([(row["epoch"], row[name]) for row in trainer.zoo_training],
                           "epoch", tolerance=PRINTED)
# eval_metrics' keys are f"{loader_name}_{loss_name}" ("16_h1"); the line prints them after
# the phase label "Eval:", which prefixes every name after it (docs/metrics.md, "Phases")
for key in trainer.zoo_eval[0][1]:
    metrics[f"eval_{key}"] = series([(epoch, values[key]) for epoch, values in trainer.zoo_eval],
                                    "epoch", tolerance=PRINTED)
assert len(trainer.zoo_training) == len(trainer.zoo_eval) == 3
assert all(row["avg_lasso_loss"] is None for row in trainer.zoo_training)
# train() returns the last epoch's dict: the same values the hooks saw
last_train, (_, last_eval) = trainer.zoo_training[-1], trainer.zoo_eval[-1]
assert all(final[k] == last_train[k] for k in ("avg_loss", "train_err")), final
assert all(float(final[k]) == v for k, v in last_eval.items()), final

write_truth(
    "neuraloperator", version("neuraloperator"),
    "neuralop.Trainer's own log_training(epoch, time, avg_loss, train_err, avg_lasso_loss, "
    "lr) and log_eval(epoch, eval_metrics) arguments, recorded by a subclass before the "
    "Trainer's own print; checked against what train() returns for the last epoch",
    metrics,
    notes="epochs 0..2 as the Trainer counts them (its print's [epoch]); eval_<key> is the "
          "Trainer's eval_metrics key <loader>_<loss> after the printed phase label 'Eval:'; "
          "learning rates the hook got (not printed): "
          f"{[row['lr'] for row in trainer.zoo_training]}",
)
