"""Stable-Baselines3 DQN on CartPole-v1 (gymnasium, nothing downloaded), 3000 timesteps,
DQN's defaults otherwise (learning_starts=100, train_freq=4, a dump every 4 episodes),
``verbose=1``, the logger configured for stdout and CSV as in sb3_ppo (its key-value box
tables on stdout). Truth: SB3's own ``progress.csv``, one row per dump, keyed by
``time/total_timesteps``. Counters are not metrics (the step axis, ``time/episodes`` and
``train/n_updates``); ``rollout/exploration_rate`` (epsilon) and ``train/learning_rate``
are what DQN records and prints, kept as metrics like the others."""

import stable_baselines3
from _records import sb3_progress
from _truth import write_truth
from stable_baselines3 import DQN
from stable_baselines3.common.logger import configure

FOLDER = "sb3_log"

model = DQN("MlpPolicy", "CartPole-v1", seed=0, device="cpu", verbose=1)
model.set_logger(configure(FOLDER, ["stdout", "csv"]))
model.learn(total_timesteps=3000)

# the step axis and the episode and update counts are counters, not metrics
metrics = sb3_progress(FOLDER, {"time/total_timesteps", "time/episodes", "train/n_updates"})
write_truth("stable-baselines3", stable_baselines3.__version__, f"{FOLDER}/progress.csv",
            metrics, files=[f"{FOLDER}/progress.csv"])
