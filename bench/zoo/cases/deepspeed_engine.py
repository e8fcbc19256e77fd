"""DeepSpeed (0.19.8) on the CPU accelerator: ``deepspeed.initialize`` of a small MLP with a
JSON config as DeepSpeed's docs give it (``train_batch_size`` 8, Adam, ``WarmupLR``,
``steps_per_print`` 5, ``log_level`` "info" so that the engine prints what a GPU run prints
at rank 0), 2 epochs of 10 steps, the training loop of DeepSpeed's CIFAR-10 tutorial: a
running loss printed every 5 batches, ``[ 1,     5] loss:  7.466``. The engine prints, under
``[INFO]`` logging headers, its distributed-groups summary, its whole configuration (``aio_config
.... {...}``, ``steps_per_print .... 5``, the user's JSON again), ``step=5, skipped=0,
lr=[0.01], mom=[(0.9, 0.999)]`` every 5 steps (and ``step=0`` at start) and its throughput
timer's ``epoch=0/micro_step=5/global_step=5, RunningAvgSamplesPerSec=..., MemAllocated=0.33GB``.

Truth: the loop's own running losses (full precision; printed to 3 digits) at the engine's
global step, and the engine's learning rate (``engine.get_lr()``) at start and after each 5th
step. Nothing of the configuration dump is a metric. DeepSpeed keeps no metric file unless a
monitor is configured (none here: its default).
"""

# zoo-venv: deepspeed

import os

os.environ.setdefault("DS_ACCELERATOR", "cpu")
for name, value in (("MASTER_ADDR", "127.0.0.1"), ("MASTER_PORT", "29531"), ("RANK", "0"),
                    ("LOCAL_RANK", "0"), ("WORLD_SIZE", "1")):
    os.environ.setdefault(name, value)

import deepspeed  # noqa: E402
import torch  # noqa: E402
from _truth import series, write_truth  # noqa: E402

torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 1))
config = {"train_batch_size": 8, "steps_per_print": 5,
          "optimizer": {"type": "Adam", "params": {"lr": 0.01}},
          "scheduler": {"type": "WarmupLR", "params": {"warmup_num_steps": 5}},
          "log_level": "info"}
engine, _, _, _ = deepspeed.initialize(model=model, model_parameters=model.parameters(),
                                       config=config)
learning_rates = [(0, engine.get_lr()[0])]
losses = []
x = torch.randn(80, 8)
y = x.sum(1, keepdim=True)
log_interval = 5
for epoch in range(2):
    running_loss = 0.0
    for i in range(10):
        xb, yb = x[i * 8:(i + 1) * 8], y[i * 8:(i + 1) * 8]
        loss = torch.nn.functional.mse_loss(engine(xb), yb)
        engine.backward(loss)
        engine.step()
        running_loss += loss.item()
        if engine.global_steps % 5 == 0:
            learning_rates.append((engine.global_steps, engine.get_lr()[0]))
        if i % log_interval == (log_interval - 1):
            print(f"[{epoch + 1 : d}, {i + 1 : 5d}] loss: {running_loss / log_interval : .3f}")
            losses.append((engine.global_steps, running_loss / log_interval))
            running_loss = 0.0

metrics = {"loss": series(losses, "step", tolerance=0.0005),
           "lr": series(learning_rates, "step")}
write_truth("deepspeed", deepspeed.__version__, "the loop's running loss; engine.get_lr()",
            metrics, also_ok=["RunningAvgSamplesPerSec", "CurrSamplesPerSec", "MemAllocated",
                              "MaxMemAllocated"])
