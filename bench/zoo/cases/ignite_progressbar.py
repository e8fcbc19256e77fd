"""PyTorch-Ignite: ``create_supervised_trainer`` on a small MLP and synthetic data, 4 epochs,
``ProgressBar(persist=True)`` attached with ``output_transform=lambda x: {"loss": x}`` (tqdm bar
``Epoch [1/4]: [8/8] 100%|...| , loss=0.629 [00:00<00:00]``, on stderr), and an evaluator
with ``Accuracy``/``Loss`` whose results the Ignite quickstart's handler prints
(``Validation Results - Epoch: 1  Avg accuracy: 0.62 Avg loss: 0.65``). Truth: handlers of
ours that print nothing: ``engine.state.output`` at each ``ITERATION_COMPLETED`` of the trainer
(key ``step``: ``trainer.state.iteration``, global and 1-based), ``evaluator.state.metrics``
at each evaluator ``COMPLETED`` (key ``epoch``: ``trainer.state.epoch``, 1-based).

Judgement on names: Ignite's own keys are ``loss`` for the trainer output (the key the
``output_transform`` dict gives, shown in the bar's postfix) and ``accuracy``/``loss`` for the
evaluator; the evaluator's ``loss`` would collide with the trainer's, and Ignite keeps no
phase in its keys, so the validation values take the names the documented naming rule gives
the printed words (docs/metrics.md: Ignite's ``Validation Results - ... Avg loss`` ->
``validation_avg_loss``): ``validation_avg_accuracy``, ``validation_avg_loss``.
Tolerances: tqdm's ``set_postfix`` formats floats with ``{:.3g}`` (rel 5e-3); the quickstart
prints ``:.2f`` (abs 5e-3).

Note: Ignite calls ``set_postfix`` (which refreshes) at every iteration, so each iteration's
loss is drawn (each value appears in two frames: the bar's count moves after the postfix)."""

import ignite
import torch
from _truth import series, write_truth
from ignite.engine import Events, create_supervised_evaluator, create_supervised_trainer
from ignite.handlers import ProgressBar
from ignite.metrics import Accuracy, Loss
from ignite.utils import manual_seed
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

manual_seed(0)


def loader(size: int, seed: int, shuffle: bool) -> DataLoader:
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(size, 8, generator=generator)
    y = (x[:, 0] + x[:, 1] - 0.5 * x[:, 2] > 0).long()
    return DataLoader(TensorDataset(x, y), batch_size=32, shuffle=shuffle)


train_loader, val_loader = loader(256, 0, True), loader(128, 1, False)
model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 2))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
criterion = nn.CrossEntropyLoss()

trainer = create_supervised_trainer(model, optimizer, criterion)
val_metrics = {"accuracy": Accuracy(), "loss": Loss(criterion)}
evaluator = create_supervised_evaluator(model, metrics=val_metrics)

pbar = ProgressBar(persist=True)
pbar.attach(trainer, output_transform=lambda x: {"loss": x})

# truth recorders: print nothing
train_losses: list[tuple[int, float]] = []
val_results: list[tuple[int, dict]] = []


@trainer.on(Events.ITERATION_COMPLETED)
def keep_output(engine) -> None:
    train_losses.append((engine.state.iteration, engine.state.output))


@evaluator.on(Events.COMPLETED)
def keep_metrics(engine) -> None:
    val_results.append((trainer.state.epoch, dict(engine.state.metrics)))


@trainer.on(Events.EPOCH_COMPLETED)
def log_validation_results(trainer) -> None:
    evaluator.run(val_loader)
    metrics = evaluator.state.metrics
    print(f"Validation Results - Epoch: {trainer.state.epoch}  "
          f"Avg accuracy: {metrics['accuracy']:.2f} Avg loss: {metrics['loss']:.2f}")


trainer.run(train_loader, max_epochs=4)

metrics = {
    "loss": series(train_losses, "step", rel_tolerance=5e-3),
    "validation_avg_accuracy": series([(epoch, m["accuracy"]) for epoch, m in val_results],
                                      "epoch", tolerance=5e-3),
    "validation_avg_loss": series([(epoch, m["loss"]) for epoch, m in val_results],
                                  "epoch", tolerance=5e-3),
}
write_truth("pytorch-ignite", ignite.__version__,
            "engine.state.output per iteration, evaluator.state.metrics per epoch (handlers)",
            metrics)
