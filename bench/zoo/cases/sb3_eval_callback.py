"""Stable-Baselines3 PPO on CartPole-v1 with the ``EvalCallback`` the SB3 docs show first
(``EvalCallback(eval_env, eval_freq=512, n_eval_episodes=3, log_path="eval",
best_model_save_path="best", verbose=1)``), 2048 timesteps, the model itself at ``verbose=0``
so that only the callback prints (SB3's logger then has no stdout output):

    Eval num_timesteps=512, episode_reward=366.00 +/- 189.50
    Episode length: 366.00 +/- 189.50
    New best mean reward!

(CartPole pays 1 per step, so the two series hold the same values.)

``n_steps=512`` (the default 2048 would run all four evaluations before the first update,
on the untrained policy); the eval env is a plain ``gym.make`` as in the docs (evaluate_policy
then warns that it has no ``Monitor`` wrapper: that warning is part of what users see), and
is seeded once so both modes see the same episodes.

Truth: the callback's own record ``eval/evaluations.npz`` (``timesteps``, ``results``: the
episode rewards, ``ep_lengths``), the mean over the 3 episodes of each evaluation, keyed by
``step`` = ``num_timesteps`` as printed. Names are the printed words (SB3's logger keys
``eval/mean_reward`` / ``eval/mean_ep_length`` are never printed here), named by
docs/metrics.md's rules: ``Eval num_timesteps=512, episode_reward=`` ->
``eval_episode_reward`` ("Phases": a phase word that opens a line, and is its only one,
prefixes every name on it; ``num_timesteps`` is the step), ``Episode length:`` ->
``Episode_length`` ("Phrases": words joined with ``_``; the line has no phase word). The
``+/- X`` after each mean is the standard deviation over the episodes (``np.std`` of the
same record): a spread of the value, not a metric of its own, so not in the truth
(recording it under a name of its own counts as junk). ``New best mean reward!`` carries no value.
"""

import gymnasium as gym
import numpy as np
import stable_baselines3
from _truth import series, write_truth
from stable_baselines3 import PPO
from stable_baselines3.common.callbacks import EvalCallback

eval_env = gym.make("CartPole-v1")
eval_env.reset(seed=0)
eval_callback = EvalCallback(eval_env, eval_freq=512, n_eval_episodes=3, log_path="eval",
                             best_model_save_path="best", verbose=1)
model = PPO("MlpPolicy", "CartPole-v1", n_steps=512, batch_size=64, seed=0, device="cpu",
            verbose=0)
model.learn(total_timesteps=2048, callback=eval_callback)

PATH = "eval/evaluations.npz"
with np.load(PATH) as record:
    timesteps = record["timesteps"].tolist()
    rewards = record["results"].mean(axis=1).tolist()
    lengths = record["ep_lengths"].mean(axis=1).tolist()
# printed as f"{mean:.2f}": half a unit in the second decimal
write_truth(
    "stable-baselines3", stable_baselines3.__version__,
    f"EvalCallback {PATH} (mean of results / ep_lengths per evaluation)",
    {
        "eval_episode_reward": series(zip(timesteps, rewards, strict=True), "step", tolerance=5e-3),
        "Episode_length": series(zip(timesteps, lengths, strict=True), "step", tolerance=5e-3),
    },
    files=[PATH],
)
