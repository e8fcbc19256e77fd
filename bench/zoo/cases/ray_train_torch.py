"""Ray Train: ``TorchTrainer(train_loop_per_worker, scaling_config=ScalingConfig(num_workers=2,
use_gpu=False), run_config=RunConfig(storage_path=<cwd>/ray_results, name="zoo"))`` after
``ray.init(num_cpus=2, include_dashboard=False)``. The loop is Ray Train's PyTorch quick start
("Getting started with PyTorch") on a tiny MLP and synthetic data the case draws (a linear
rule with noise, 384 training and 128 held-out rows): ``prepare_data_loader`` (a
``DistributedSampler`` shards both loaders between the two workers), ``prepare_model`` (DDP on
gloo), 4 epochs, and each epoch, on every worker, ``ray.train.report({"loss", "val_loss",
"val_acc", "epoch"}, checkpoint=Checkpoint.from_directory(<tmp dir with model.pt>))``, then
``if get_world_rank() == 0: print(metrics)``, as the quick start does. ``loss`` is the last
training batch's loss (the quick start's ``loss.item()``), ``val_loss``/``val_acc`` the
worker's held-out shard's mean loss and accuracy, ``epoch`` 0-based.

Ray 2.60 runs Train V2 by default (``RAY_TRAIN_V2_ENABLED`` unset): no Tune status or result
tables and no ``result.json``/``progress.csv``. Printed, all through Ray's log monitor with an
ANSI-coloured ``(TrainController pid=...)``/``(RayTrainWorker pid=...)`` prefix: Ray's start
lines, the controller's worker group lines, many ``(PlacementGroupCleaner pid=...) Failed to
query Ray Train Controller actor state`` lines (the state API lives in the dashboard, which is
off), and per report ``Checkpoint successfully created at: Checkpoint(...)`` and ``Reporting
training result N: TrainingReport(checkpoint=..., metrics={'loss': 0.57..., ...},
validation=False) from rank R`` (Ray's INFO log), which Ray's log deduplication shows for
the first report or two and then folds into a closing ``... [repeated 6x across cluster]``
line that shows the last one it folded, rank 1's (its own values, in no record). The rank-0
``print(metrics)`` shows each epoch's dict TWICE (``{'loss': 0.578898549079895, 'val_loss':
0.5449521541595459, 'val_acc': 0.828125, 'epoch': 0}``), the copies not always adjacent:
Train V2 patches ``print`` on its workers into its logger, which also tees to the (wrapped)
stdout. The dedup counts and where the copies fall vary from run to run.

Truth: ``Result.metrics_dataframe``, Ray Train's own record: a row per reported checkpoint,
rank 0's metrics (Train V2 keeps the rank-0 worker's metrics only; the checkpoint manager
writes the same rows to ``ray_results/zoo/checkpoint_manager_snapshot.json``, which
``Result.from_path`` reads back: listed in ``files``; the case checks the two agree).

Judgements: names are the keys the loop reports (``loss``, ``val_loss``, ``val_acc``) keyed by
the reported ``epoch`` (0-based, as reported and printed); ``epoch`` is the axis, not a metric.
Rank 1's metrics (its own batch and held-out shard) are printed only inside Ray's ``Reporting
training result ... from rank 1`` log line and are in no record: they are not the run's
series. The dict is printed with ``repr`` (every digit), so the tolerance 5e-7 only allows
for rounding. The checkpoint is needed for the record: Train V2 keeps a report's metrics only
with its checkpoint (without one ``metrics_dataframe`` is None). Nothing timed is printed.
"""

# zoo-venv: raytrain

import json
import os
import tempfile

import ray
import ray.train
import ray.train.torch
import torch
from _truth import series, write_truth
from ray.train import Checkpoint, RunConfig, ScalingConfig
from ray.train.torch import TorchTrainer


def make_data():
    g = torch.Generator().manual_seed(0)
    x = torch.randn(512, 8, generator=g)
    w = torch.randn(8, generator=g)
    y = ((x @ w + 0.5 * torch.randn(512, generator=g)) > 0).long()
    return x[:384], y[:384], x[384:], y[384:]


def train_loop_per_worker(config):
    ray.train.torch.enable_reproducibility(seed=0)
    x_train, y_train, x_val, y_val = make_data()
    train_loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(x_train, y_train), batch_size=32, shuffle=True)
    val_loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(x_val, y_val), batch_size=64)
    # [1] Prepare the data loaders and the model (DistributedSampler, DDP).
    train_loader = ray.train.torch.prepare_data_loader(train_loader)
    val_loader = ray.train.torch.prepare_data_loader(val_loader)
    model = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 2))
    model = ray.train.torch.prepare_model(model)
    criterion = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)

    for epoch in range(4):
        if ray.train.get_context().get_world_size() > 1:
            train_loader.sampler.set_epoch(epoch)
        model.train()
        for inputs, labels in train_loader:
            loss = criterion(model(inputs), labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        model.eval()
        val_loss, correct, total = 0.0, 0, 0
        with torch.no_grad():
            for inputs, labels in val_loader:
                outputs = model(inputs)
                val_loss += criterion(outputs, labels).item() * len(labels)
                correct += (outputs.argmax(1) == labels).sum().item()
                total += len(labels)

        # [2] Report metrics and checkpoint.
        metrics = {"loss": loss.item(), "val_loss": val_loss / total, "val_acc": correct / total,
                   "epoch": epoch}
        with tempfile.TemporaryDirectory() as temp_checkpoint_dir:
            torch.save(model.module.state_dict(), os.path.join(temp_checkpoint_dir, "model.pt"))
            ray.train.report(metrics,
                             checkpoint=Checkpoint.from_directory(temp_checkpoint_dir))
        if ray.train.get_context().get_world_rank() == 0:
            print(metrics)


ray.init(num_cpus=2, include_dashboard=False)
trainer = TorchTrainer(
    train_loop_per_worker,
    scaling_config=ScalingConfig(num_workers=2, use_gpu=False),
    run_config=RunConfig(storage_path=os.path.abspath("ray_results"), name="zoo"))
result = trainer.fit()

# [3] Load the trained model, as the quick start closes.
with result.checkpoint.as_directory() as checkpoint_dir:
    model_state_dict = torch.load(os.path.join(checkpoint_dir, "model.pt"))

frame = result.metrics_dataframe
snapshot = "ray_results/zoo/checkpoint_manager_snapshot.json"
with open(snapshot, encoding="utf-8") as handle:
    rows = [r["metrics"] for r in json.load(handle)["checkpoint_results"]]
assert rows == frame.to_dict("records"), (rows, frame)
metrics = {key: series(zip(frame["epoch"], frame[key], strict=True), "epoch", tolerance=5e-7)
           for key in ("loss", "val_loss", "val_acc")}
write_truth("ray[train]", ray.__version__,
            "Result.metrics_dataframe (rank 0's reports; the same rows as "
            "ray_results/zoo/checkpoint_manager_snapshot.json)",
            metrics, files=[snapshot])
