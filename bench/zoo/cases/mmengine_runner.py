"""MMEngine ``Runner`` as in its "15 minutes to get started" tutorial: a small MLP
``BaseModel`` (``forward(mode='loss'|'predict')``), a ``BaseMetric`` accuracy in percent,
``train_cfg=dict(by_epoch=True, max_epochs=5, val_interval=1)``, SGD, plain torch
``DataLoader``s on synthetic data, every hook and the visualizer left at their defaults.

The default ``LoggerHook`` (``interval=10``) prints through ``MMLogger`` a train line every
10 iterations of an epoch (20 iterations per epoch here: ``Epoch(train) [1][10/20]  lr:
1.0000e-02  eta: 0:00:00  time: 0.0062  data_time: 0.0009  loss: 0.7426``) and one val
summary per epoch (``Epoch(val) [1][4/4]    accuracy: 45.3125  data_time: 0.0005  time:
0.0021``; the val set has 4 iterations, fewer than the interval, so no val iteration lines),
after the environment dump, the hook table and a few warnings MMEngine prints at start.

Truth: ``<work_dir>/<timestamp>/vis_data/scalars.json``, the JSON lines the default
``LocalVisBackend`` writes from the same dicts the ``LoggerHook`` prints (``runner.visualizer
.add_scalars(tag, step=...)``). Judgments:
- ``loss`` is the train loss as MMEngine records it: the mean over the ``LogProcessor``
  window (10 iterations), one record per printed train line, indexed by the record's
  ``step`` (global iteration, ``runner.iter + 1``): key "step".
- ``accuracy`` is the val metric, recorded once per val epoch with ``step`` = epoch: key
  "epoch".
- ``lr``, ``time``, ``data_time`` (also in scalars.json) and ``eta`` are learning-rate and
  timing values: ``also_ok``, not truth metrics; ``memory`` is printed only with CUDA (not
  here), listed in ``also_ok`` in case. The val line's ``time`` and ``data_time`` are the
  val loop's (scalars.json keys them as the train ones, in the val records): named with the
  line's phase, ``val_time`` and ``val_data_time`` keep them apart from the train timings.
- Tolerance: LogProcessor prints floats with ``f'{val:.4f}'`` (``num_digits=4``): 5e-5.
"""

import glob
import json

import mmengine
import torch
from _truth import series, write_truth
from mmengine.evaluator import BaseMetric
from mmengine.model import BaseModel
from mmengine.runner import Runner
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


class MMMLP(BaseModel):
    def __init__(self) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 2))

    def forward(self, inputs, labels, mode):  # type: ignore[override]
        x = self.net(inputs)
        if mode == "loss":
            return {"loss": nn.functional.cross_entropy(x, labels)}
        if mode == "predict":
            return x, labels


class Accuracy(BaseMetric):
    def process(self, data_batch, data_samples):  # type: ignore[override]
        score, gt = data_samples
        self.results.append({"batch_size": len(gt),
                             "correct": (score.argmax(dim=1) == gt).sum().cpu()})

    def compute_metrics(self, results):  # type: ignore[override]
        total_correct = sum(item["correct"] for item in results)
        total_size = sum(item["batch_size"] for item in results)
        return dict(accuracy=100 * total_correct / total_size)


def loader(size: int, seed: int, shuffle: bool) -> DataLoader:
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(size, 8, generator=generator)
    y = (x[:, 0] + x[:, 1] > 0).long()
    return DataLoader(TensorDataset(x, y), batch_size=16, shuffle=shuffle)


# Runner(randomness=dict(seed=0)) seeds only when the Runner is built, after the model
# exists: seed first so the model's init is fixed too
torch.manual_seed(0)
runner = Runner(
    model=MMMLP(),
    work_dir="./work_dir",
    train_dataloader=loader(320, 0, True),
    optim_wrapper=dict(optimizer=dict(type=torch.optim.SGD, lr=0.01, momentum=0.9)),
    train_cfg=dict(by_epoch=True, max_epochs=5, val_interval=1),
    val_dataloader=loader(64, 1, False),
    val_cfg=dict(),
    val_evaluator=dict(type=Accuracy),
    randomness=dict(seed=0),
)
runner.train()

(path,) = glob.glob("work_dir/*/vis_data/scalars.json")
with open(path, encoding="utf-8") as handle:
    records = [json.loads(line) for line in handle if line.strip()]
metrics = {
    # train records carry "loss" (step = global iteration); val records carry "accuracy"
    # (step = epoch, LoggerHook.log_metric_by_epoch defaults to True)
    "loss": series([(r["step"], r["loss"]) for r in records if "loss" in r], "step",
                   tolerance=5e-5),
    "accuracy": series([(r["step"], r["accuracy"]) for r in records if "accuracy" in r],
                       "epoch", tolerance=5e-5),
}
write_truth("mmengine", mmengine.__version__, f"LocalVisBackend {path}", metrics,
            files=[path], also_ok=["lr", "eta", "time", "data_time", "memory", "val_time",
                                   "val_data_time"])
