"""Stable-Baselines3 PPO on CartPole-v1 (gymnasium, nothing downloaded), ``verbose=1``, the
logger configured for stdout and CSV (its key-value box tables on stdout). Truth: SB3's own
``progress.csv``, one row per dump, keyed by ``time/total_timesteps``."""

import stable_baselines3
from _records import sb3_progress
from _truth import write_truth
from stable_baselines3 import PPO
from stable_baselines3.common.logger import configure

FOLDER = "sb3_log"

model = PPO("MlpPolicy", "CartPole-v1", n_steps=256, batch_size=64, n_epochs=2, seed=0,
            device="cpu", verbose=1)
model.set_logger(configure(FOLDER, ["stdout", "csv"]))
model.learn(total_timesteps=1024)

# the step axis and the iteration and update counts are counters, not metrics
metrics = sb3_progress(FOLDER, {"time/total_timesteps", "time/iterations", "train/n_updates"})
write_truth("stable-baselines3", stable_baselines3.__version__, f"{FOLDER}/progress.csv",
            metrics, files=[f"{FOLDER}/progress.csv"])
