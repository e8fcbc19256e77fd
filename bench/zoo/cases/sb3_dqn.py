"""Stable-Baselines3 DQN on CartPole-v1 (gymnasium, nothing downloaded), 3000 timesteps,
DQN's defaults otherwise (learning_starts=100, train_freq=4, a dump every 4 episodes),
``verbose=1``, the logger configured for stdout and CSV as in sb3_ppo (its key-value box
tables on stdout). Truth: SB3's own ``progress.csv``, one row per dump, keyed by
``time/total_timesteps``. Counters are not metrics (the step axis, ``time/episodes`` and
``train/n_updates``); ``rollout/exploration_rate`` (epsilon) and ``train/learning_rate``
are what DQN records and prints, kept as metrics like the others."""

import csv
import math

import stable_baselines3
from _truth import series, write_truth
from stable_baselines3 import DQN
from stable_baselines3.common.logger import configure

FOLDER = "sb3_log"

model = DQN("MlpPolicy", "CartPole-v1", seed=0, device="cpu", verbose=1)
model.set_logger(configure(FOLDER, ["stdout", "csv"]))
model.learn(total_timesteps=3000)

with open(f"{FOLDER}/progress.csv", encoding="utf-8") as handle:
    rows = list(csv.DictReader(handle))
# counters and the step itself are not metrics: the step axis, episode and update counts
NOT_METRICS = {"time/total_timesteps", "time/episodes", "train/n_updates"}
# time/fps and time/time_elapsed are in the record (timing): truth metrics like the others
metrics = {}
for name in rows[0]:
    if name in NOT_METRICS:
        continue
    pairs = [(row["time/total_timesteps"], row[name]) for row in rows if row[name] != ""]
    if pairs and all(math.isfinite(float(value)) for _, value in pairs):
        # the box table shows Python floats as "%.3g" (ints as str): 3 significant digits
        metrics[name] = series(pairs, "step", rel_tolerance=5e-3)
write_truth("stable-baselines3", stable_baselines3.__version__, f"{FOLDER}/progress.csv",
            metrics, files=[f"{FOLDER}/progress.csv"])
