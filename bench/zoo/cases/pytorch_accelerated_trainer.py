"""pytorch-accelerated 0.1.61 (Chris Hughes' ``pytorch-accelerated``, the PyPI release of
Chris-hughes10/pytorch-accelerated at 54b2dbfd, tag v0.1.61, 2026-02-27; its ``Trainer``
runs on Hugging Face accelerate 1.16.0 with the CPU build of torch 2.13.0, torchmetrics
1.9.0 for the metric callback): the repository's ``examples/core/train_with_metrics_in_callback.py``
("This example demonstrates how a callback can be used to track metrics"): its
``MNISTModel`` and ``ClassificationMetricsCallback`` as written, its ``main()`` with three
changes for a tiny offline run: the data is synthetic and MNIST-shaped in place of
``torchvision.datasets.MNIST(..., download=True)`` (so no torchvision), ``random_split`` of
1,280 samples into ``[1024, 128, 128]`` in place of ``[50000, 5000, 5000]``, and
``num_epochs=3`` in place of 2 (as the quick start's ``trainer.train(train_dataset=...,
eval_dataset=..., num_epochs=..., per_device_batch_size=32)``). The rest is the example's:
``Trainer(model, loss_func=nn.CrossEntropyLoss(), optimizer=SGD(lr=0.001, momentum=0.9),
callbacks=(ClassificationMetricsCallback(num_classes), *DEFAULT_CALLBACKS))``, batch 32 for
training and for the per-epoch evaluation, then ``trainer.evaluate(dataset=test_dataset,
per_device_batch_size=64)``. Run as ``python script.py`` (no ``accelerate launch``: one CPU
process, as the quick start allows).
Data: 784 features from ``torch.randn`` and labels from a fixed random linear teacher
(argmax over 10 classes), so accuracy moves; ``torch.manual_seed(0)`` before everything
(data, ``random_split``, initialisation, the train loader's shuffling).

What it prints (``DEFAULT_CALLBACKS``: ``PrintProgressCallback``, ``ProgressBarCallback``,
``LogMetricsCallback``): the messages and metrics on stdout through ``accelerator.print``,
the tqdm bars on stderr. From the pipe capture (bars shortened)::

    Starting training run

    Starting epoch 1
    \r  0%|          | 0/32 [00:00<?, ?it/s]\r  3%|▎         | 1/32 [00:00<00:10,  3.01it/s]...
    \r100%|██████████| 32/32 [00:01<00:00, 27.34it/s]

    train_loss_epoch: 2.3110814094543457

    Starting eval epoch
    \r  0%|          | 0/4 [00:00<?, ?it/s]...\r100%|██████████| 4/4 [00:00<00:00, 12.33it/s]

    precision: 0.08577153086662292

    accuracy: 0.1328125

    eval_loss_epoch: 2.2969839572906494

    recall: 0.12358974665403366
    ...
    Finishing training run

    Starting evaluation run

    Starting eval epoch
    \r  0%|          | 0/2 [00:00<?, ?it/s]...

    precision: 0.07069677114486694

    recall: 0.07877747714519501

    evaluation_loss: 2.291640281677246

    accuracy: 0.09375
    Finishing evaluation run

``LogMetricsCallback.log_metrics`` prints ``f"\\n{name}: {value}"`` for the latest value of
each run-history name: after each training epoch the names holding ``train``, after each
evaluation epoch the others, in the order of the ``set`` that ``get_metric_names()``
returns (string hashing: the order changes from run to run, ``accuracy`` first in one run,
``precision`` in the next). The losses are Python floats (``.item()`` of a float32 sum over
a count: full ``repr``); the callback's values are 0-d CPU tensors, which an f-string
formats as their ``.item()``, the float32 widened to a Python float (``0.1328125``,
``0.08577153086662292``). The bars are tqdm's defaults (Unicode blocks, ``\\r`` redraws
at its 0.1 s ``mininterval``, the closing frame drawn again by ``close()``), 10 columns of
bar in the pipe and the full 120 columns under the pty (which adds its ``\\r\\n``).

Truth: the framework's own record, ``trainer.run_history`` (``InMemoryRunHistory``:
``get_metric_names()``, ``get_metric_values(name)``), the very values ``LogMetricsCallback``
prints; nothing parsed from stdout. ``trainer.evaluate()`` resets the run history
("Starting an evaluation run will reset the Trainer's run history"), so the case reads it
twice: after ``train()`` (``train_loss_epoch``, ``eval_loss_epoch``, ``accuracy``,
``precision``, ``recall``, three values each) and after ``evaluate()``
(``evaluation_loss``, and the test set's ``accuracy``, ``precision``, ``recall``, one each).
Judgement calls:
- Names as the framework keys them and prints them: ``train_loss_epoch``,
  ``eval_loss_epoch``, ``evaluation_loss`` (the closing evaluation's own key), and the
  callback's ``accuracy``, ``precision``, ``recall``.
- The closing evaluation prints ``accuracy: ...`` (and precision, recall) with the same
  words as the per-epoch validation: the screen gives no phase word (the test set is only
  a different dataset passed to ``evaluate``), so by the naming rule each is one series in
  print order, the three validation epochs then the test evaluation: four points (as
  ``pytorch_cifar_main`` pools its train and test bars). The framework's two records are
  joined in that order.
- Axis ``epoch``: ``run_history.current_epoch`` at the time, 1..3 as printed ``Starting
  epoch N``; the closing evaluation is of the model after epoch 3, so its point is at 3.
- Tolerance: the printed values are the record's floats in full (``repr``, 17 significant
  digits); 1e-9 absolute allows nothing but float formatting.
- ``also_ok``: tqdm's ``it/s`` (throughput) and its elapsed/remaining times, which nothing
  records; the run history has no learning rate or timing.
- Not metrics: ``Starting epoch 1`` (a counter), the bars' ``32/32`` counts.
- The order of the metric lines within an epoch follows the run-history ``set`` and so
  differs between the pipe and pty runs; each name's own series is in epoch order either
  way, and the truth does not depend on it.
- Every evaluation batch is full (128 samples in batches of 32, then of 64), so the loss
  averages and torchmetrics' counts cover every sample once.
"""
# zoo-venv: ptaccel

from importlib.metadata import version

import torch
from _truth import series, write_truth
from pytorch_accelerated import Trainer
from pytorch_accelerated.callbacks import TrainerCallback
from pytorch_accelerated.trainer import DEFAULT_CALLBACKS
from torch import nn, optim
from torch.utils.data import TensorDataset, random_split
from torchmetrics import Accuracy, MetricCollection, Precision, Recall

SAMPLES, SPLIT = 1280, [1024, 128, 128]  # the example: MNIST's 60000, [50000, 5000, 5000]
NUM_EPOCHS = 3  # the example: 2
TOLERANCE = 1e-9


class MNISTModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Linear(in_features=784, out_features=128),
            nn.ReLU(),
            nn.Linear(in_features=128, out_features=64),
            nn.ReLU(),
            nn.Linear(in_features=64, out_features=10),
        )

    def forward(self, x):
        return self.main(x.view(x.shape[0], -1))


class ClassificationMetricsCallback(TrainerCallback):
    def __init__(self, num_classes):
        self.metrics = MetricCollection(
            {
                "accuracy": Accuracy(task="multiclass", num_classes=num_classes),
                "precision": Precision(
                    task="multiclass", num_classes=num_classes, average="macro"
                ),
                "recall": Recall(
                    task="multiclass", num_classes=num_classes, average="macro"
                ),
            }
        )

    def _move_to_device(self, trainer):
        self.metrics.to(trainer.device)

    def on_training_run_start(self, trainer, **kwargs):
        self._move_to_device(trainer)

    def on_evaluation_run_start(self, trainer, **kwargs):
        self._move_to_device(trainer)

    def on_eval_step_end(self, trainer, batch, batch_output, **kwargs):
        preds = batch_output["model_outputs"].argmax(dim=-1)
        self.metrics.update(preds, batch[1])

    def on_eval_epoch_end(self, trainer, **kwargs):
        metrics = self.metrics.compute()
        trainer.run_history.update_metric("accuracy", metrics["accuracy"].cpu())
        trainer.run_history.update_metric("precision", metrics["precision"].cpu())
        trainer.run_history.update_metric("recall", metrics["recall"].cpu())

        self.metrics.reset()


def synthetic_mnist() -> TensorDataset:
    """MNIST-shaped (784 features, 10 classes) in place of torchvision's download: labels
    from a fixed random linear teacher, so the model can learn something."""
    features = torch.randn(SAMPLES, 784)
    teacher = torch.randn(784, 10)
    return TensorDataset(features, (features @ teacher).argmax(dim=-1))


def history(trainer: Trainer) -> dict[str, list[float]]:
    """The trainer's own record: every run-history name and its values, as floats."""
    run_history = trainer.run_history
    return {name: [float(value) for value in run_history.get_metric_values(name)]
            for name in sorted(run_history.get_metric_names())}


def main():
    dataset = synthetic_mnist()
    num_classes = 10

    train_dataset, validation_dataset, test_dataset = random_split(dataset, SPLIT)
    model = MNISTModel()
    optimizer = optim.SGD(model.parameters(), lr=0.001, momentum=0.9)
    loss_func = nn.CrossEntropyLoss()

    trainer = Trainer(
        model,
        loss_func=loss_func,
        optimizer=optimizer,
        callbacks=(
            ClassificationMetricsCallback(
                num_classes=num_classes,
            ),
            *DEFAULT_CALLBACKS,
        ),
    )

    trainer.train(
        train_dataset=train_dataset,
        eval_dataset=validation_dataset,
        num_epochs=NUM_EPOCHS,
        per_device_batch_size=32,
    )
    after_train = history(trainer)  # evaluate() resets the run history

    trainer.evaluate(
        dataset=test_dataset,
        per_device_batch_size=64,
    )
    after_evaluate = history(trainer)
    return after_train, after_evaluate


if __name__ == "__main__":
    torch.manual_seed(0)
    trained, evaluated = main()
    expected = {"train_loss_epoch", "eval_loss_epoch", "accuracy", "precision", "recall"}
    assert set(trained) == expected, sorted(trained)
    assert set(evaluated) == {"evaluation_loss", "accuracy", "precision", "recall"}, \
        sorted(evaluated)
    epochs = list(range(1, NUM_EPOCHS + 1))
    metrics = {}
    for name in ("train_loss_epoch", "eval_loss_epoch", "accuracy", "precision", "recall"):
        values = trained[name]
        assert len(values) == NUM_EPOCHS, (name, values)
        pairs = list(zip(epochs, values, strict=True))
        if name in evaluated:  # the closing evaluate(), printed under the same name
            pairs += [(NUM_EPOCHS, value) for value in evaluated[name]]
        metrics[name] = series(pairs, "epoch", tolerance=TOLERANCE)
    metrics["evaluation_loss"] = series([(NUM_EPOCHS, evaluated["evaluation_loss"][0])],
                                        "epoch", tolerance=TOLERANCE)
    write_truth(
        "pytorch-accelerated", version("pytorch-accelerated"),
        "trainer.run_history (InMemoryRunHistory: get_metric_names(), "
        "get_metric_values(name)) read after train() and again after evaluate(), which "
        "resets it; accuracy/precision/recall join the three validation epochs and the "
        "closing test evaluation in print order",
        metrics,
        also_ok=["it/s", "s/it"],
        notes=f"accelerate {version('accelerate')}, torch {version('torch')}, torchmetrics "
              f"{version('torchmetrics')}; epochs 1-3 are the per-epoch validation "
              f"(128 samples, batch 32), the 4th point of accuracy/precision/recall and "
              f"evaluation_loss the closing trainer.evaluate() on the 128-sample test split "
              f"(batch 64), of the model after epoch {NUM_EPOCHS}",
    )
