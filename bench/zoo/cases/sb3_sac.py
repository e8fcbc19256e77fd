"""Stable-Baselines3 SAC on Pendulum-v1 (gymnasium, nothing downloaded), ``verbose=1``, the
default hyperparameters apart from the seed and the CPU device, 1600 timesteps: 8 Pendulum
episodes of 200 steps, and SAC (``learn(log_interval=4)``, its default) dumps the logger
every 4 episodes, so 2 box tables (1600 rather than ~1500: 1500 steps would end inside the
8th episode and give one table only). As in ``sb3_ppo.py`` the logger is configured for
stdout and CSV (the stdout output is the same key-value box table ``verbose=1`` prints).
Truth: SB3's own ``progress.csv``, one row per dump, keyed by ``time/total_timesteps``.

Judgments (as for PPO): ``time/total_timesteps`` (the step axis), ``time/episodes`` and
``train/n_updates`` are counters, not metrics. ``time/fps`` and ``time/time_elapsed`` are in
the record (timing): truth metrics like the others. The ``train/*`` values are those of the
last gradient step before each dump (the logger keeps the last recorded value). The box
table prints Python floats (numpy float64 included) as ``%.3g``: rel_tolerance 5e-3."""

import stable_baselines3
from _records import sb3_progress
from _truth import write_truth
from stable_baselines3 import SAC
from stable_baselines3.common.logger import configure

FOLDER = "sb3_log"

model = SAC("MlpPolicy", "Pendulum-v1", seed=0, device="cpu", verbose=1)
model.set_logger(configure(FOLDER, ["stdout", "csv"]))
model.learn(total_timesteps=1600)

# the step axis and the episode and update counts are counters, not metrics
metrics = sb3_progress(FOLDER, {"time/total_timesteps", "time/episodes", "train/n_updates"})
write_truth("stable-baselines3", stable_baselines3.__version__, f"{FOLDER}/progress.csv",
            metrics, files=[f"{FOLDER}/progress.csv"])
