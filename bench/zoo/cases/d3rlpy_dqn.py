"""d3rlpy: offline DQN on a small synthetic discrete-action dataset (``MDPDataset`` of 400
random transitions in 4 episodes, nothing downloaded), ``fit(n_steps=60,
n_steps_per_epoch=20)`` with a ``TDErrorEvaluator``, d3rlpy's default logging: structlog's
console renderer (colored even under a pipe) prints one line per epoch,
``dqn: epoch=1 step=20  epoch=1 metrics={'time_sample_batch': ..., 'loss': ...,
'td_error': ...} step=20``, after a tqdm bar whose postfix shows the running loss.
Truth: the CSV files d3rlpy's ``FileAdapter`` writes (``d3rlpy_logs/dqn/<metric>.csv``,
rows ``epoch,step,value``), one per key of the printed dict.

Judged: each key of the per-epoch ``metrics`` dict is a metric keyed by its epoch (the
timings too: d3rlpy records them as metrics). Values are printed with ``repr`` (exact), so
no tolerance. The bar's ``loss=`` postfix is the last batch's loss, not the epoch's mean the
dict and the CSV keep. The ``Parameters`` line's nested config dict (batch size, learning
rate, gamma) is a setting. The gradient statistics files (``*_grad.csv``) are never
printed.
"""

# zoo-venv: d3rlpy

import csv
from pathlib import Path

import d3rlpy
import numpy as np
from _truth import series, write_truth

rng = np.random.default_rng(0)
N = 400
observations = rng.normal(size=(N, 4)).astype(np.float32)
actions = rng.integers(0, 2, size=N)
rewards = rng.normal(size=N).astype(np.float32)
terminals = np.zeros(N)
terminals[99::100] = 1
dataset = d3rlpy.dataset.MDPDataset(observations, actions, rewards, terminals,
                                    action_space=d3rlpy.ActionSpace.DISCRETE)
d3rlpy.seed(0)
dqn = d3rlpy.algos.DQNConfig(batch_size=32).create(device="cpu:0")
dqn.fit(dataset, n_steps=60, n_steps_per_epoch=20, experiment_name="dqn", with_timestamp=False,
        evaluators={"td_error": d3rlpy.metrics.TDErrorEvaluator(episodes=dataset.episodes[:2])})

folder = Path("d3rlpy_logs/dqn")
metrics = {}
for path in sorted(folder.glob("*.csv")):
    if path.stem.endswith("_grad"):
        continue
    with path.open(newline="") as handle:
        rows = [(int(epoch), float(value)) for epoch, _step, value in csv.reader(handle)]
    metrics[path.stem] = series(rows, "epoch")
write_truth("d3rlpy", d3rlpy.__version__, f"{folder}/<metric>.csv (epoch, step, value)", metrics)
