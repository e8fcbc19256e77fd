"""imitation 1.0.1 (HumanCompatibleAI's ``imitation``, on stable-baselines3 2.2.1 and
gymnasium 0.29.1): behavioural cloning as its BC docs example (docs/algorithms/bc.rst) runs it
on seals' fixed-horizon CartPole: ``make_vec_env("seals/CartPole-v0", rng=rng, n_envs=1,
post_wrappers=[lambda env, _: RolloutInfoWrapper(env)])``, an expert's rollouts
(``rollout.rollout(expert, env, rollout.make_sample_until(min_timesteps=None,
min_episodes=4), rng=rng)``, ``rollout.flatten_trajectories``), ``bc.BC(observation_space=...,
action_space=..., demonstrations=transitions, rng=rng, custom_logger=...)``,
``bc_trainer.train(n_epochs=4, log_interval=20)``, then the example's ``reward, _ =
evaluate_policy(bc_trainer.policy, env, 10)`` and ``print("Reward:", reward)``.
Changes from the example, nothing downloaded: the expert is scripted (push the cart the way
the pole falls, ``angle + 0.5 * angular velocity > 0``: 500 of 500 on each of its 4 episodes,
2000 transitions) where the example loads a PPO expert from the Hugging Face Hub; 4 episodes
instead of 50 and ``log_interval=20`` (default 500) so the run lasts seconds and logs 13
tables (62 batches of 32 an epoch, 248 in all); the logger is imitation's own
``imitation.util.logger.configure("bc_log", ["stdout", "csv"])`` (BC's default is the same
HierarchicalLogger with ``["stdout", "log", "csv"]`` in a temp folder) passed as
``custom_logger``; ``torch.manual_seed(0)`` (the policy's initialisation and the data
loader's shuffle draw from torch's global generator) and ``device="cpu"``.

What it prints (stdout): every ``log_interval`` batches, BCLogger's ``record`` calls and
``dump`` through SB3's ``HumanOutputFormat`` box table, keys sorted, ``bc/`` as a group::

    ---------------------------------
    | batch_size        | 32        |
    | bc/               |           |
    |    batch          | 20        |
    |    ent_loss       | -0.000691 |
    |    entropy        | 0.691     |
    |    epoch          | 0         |
    |    l2_loss        | 0         |
    |    l2_norm        | 73.2      |
    |    loss           | 0.649     |
    |    neglogp        | 0.649     |
    |    prob_true_act  | 0.523     |
    |    samples_so_far | 672       |
    ---------------------------------

then ``Reward: 252.7``. On stderr: torch's ``UserWarning: Converting a tensor with
requires_grad=True to a scalar may lead to unexpected behavior.`` (BCLogger's ``float(v)``,
once), and ``train``'s tqdm bar over the batches with no total (``progress_bar=True``, the
default): ``248batch [00:01, 148.76batch/s]``, redrawn on ``\\r``, with BC's own epoch line
drawn at ``pos=1`` below it at each epoch's end (``tqdm_progress_bar.display(f"Epoch
{epoch_number} of {n_epochs}", pos=1)``: ``Epoch 0 of 4`` ... ``Epoch 3 of 4``, the 0-based
epoch just finished, the cursor moved back up with ``\\x1b[A``).

Truth: imitation's logger's ``csv`` format, ``bc_log/progress.csv`` (one row a dump, the keys
BCLogger records), listed in ``files``; ``Reward`` from ``evaluate_policy``'s return value.
Judgement calls:
- Metrics: BCTrainingMetrics' fields as BCLogger records them, ``bc/loss``, ``bc/neglogp``,
  ``bc/entropy``, ``bc/ent_loss``, ``bc/prob_true_act``, ``bc/l2_norm``, ``bc/l2_loss``
  (``0`` throughout: ``l2_weight=0.0``, the default, but a loss term in the record as SB3's
  ``train/clip_range`` is in sb3_ppo's), named by the record's keys (the table prints them
  grouped under ``bc/``, as SB3's ``train/``). 13 points each, keyed ``step`` by the row's
  ``bc/batch`` (0, 20, ..., 240: the 0-based index of the batch just stepped, counted over
  the whole run). The table prints Python floats as ``"%.3g"``: ``rel_tolerance`` 5e-3.
- Not metrics: ``bc/batch`` (the step), ``bc/epoch`` (the epoch, 0-based, 0 to 3),
  ``bc/samples_so_far`` (a count of samples) and ``batch_size`` (the minibatch size, 32 in
  every row: a setting, recorded with the metrics but no measure).
- ``Reward``: ``evaluate_policy``'s mean return over 10 episodes of the trained policy
  (deterministic actions; seals' CartPole pays 1 a step while the pole is up, 500 steps an
  episode); SB3 keeps it under no key (the tuple ``mean_reward, std_reward``), so it is named
  by the printed word (README rule), one point keyed ``step`` 247 (the last batch trained).
  Exact: ``print`` writes the numpy float64's repr.
- tqdm's ``batch/s`` (throughput, and its inverse ``s/batch`` when a render is slow):
  ``also_ok``. The bar's batch count and ``Epoch N of 4`` are counters. The expert's
  rollouts print nothing.
- Deterministic apart from the bar's timings and redraws (OMP_NUM_THREADS=1, one
  environment, seeded ``rng``, scripted expert), pipe and pty alike: two captures give the
  same tables, ``Reward`` and truth. ``progress.csv``'s column order changes from run to run
  (SB3's ``CSVOutputFormat`` appends new keys as ``key_values.keys() - self.keys``, a set:
  string hash order), its rows' values do not.
"""
# zoo-venv: imitation

import csv
import importlib.metadata

import numpy as np
import seals  # noqa: F401  # registers the "seals/" environments
import torch
from _truth import series, write_truth
from imitation.algorithms import bc
from imitation.data import rollout
from imitation.data.wrappers import RolloutInfoWrapper
from imitation.util import logger as imit_logger
from imitation.util.util import make_vec_env
from stable_baselines3.common.evaluation import evaluate_policy

FOLDER = "bc_log"
N_EPOCHS = 4
LOG_INTERVAL = 20


def expert(observations, states, episode_starts):
    """A scripted CartPole expert: push the cart the way the pole falls."""
    return (observations[:, 2] + 0.5 * observations[:, 3] > 0).astype(np.int64), None


torch.manual_seed(0)
rng = np.random.default_rng(0)
env = make_vec_env(
    "seals/CartPole-v0",
    rng=rng,
    n_envs=1,
    post_wrappers=[lambda env, _: RolloutInfoWrapper(env)],  # for computing rollouts
)
rollouts = rollout.rollout(
    expert,
    env,
    rollout.make_sample_until(min_timesteps=None, min_episodes=4),
    rng=rng,
)
transitions = rollout.flatten_trajectories(rollouts)

bc_trainer = bc.BC(
    observation_space=env.observation_space,
    action_space=env.action_space,
    demonstrations=transitions,
    rng=rng,
    device="cpu",
    custom_logger=imit_logger.configure(FOLDER, ["stdout", "csv"]),
)
bc_trainer.train(n_epochs=N_EPOCHS, log_interval=LOG_INTERVAL)
reward, _ = evaluate_policy(bc_trainer.policy, env, 10)
print("Reward:", reward)

with open(f"{FOLDER}/progress.csv", encoding="utf-8") as handle:
    rows = list(csv.DictReader(handle))
batches_per_epoch = len(transitions) // 32
total_batches = batches_per_epoch * N_EPOCHS
assert [int(row["bc/batch"]) for row in rows] == list(range(0, total_batches, LOG_INTERVAL))
assert [int(row["bc/epoch"]) for row in rows] == [int(row["bc/batch"]) // batches_per_epoch
                                                  for row in rows]
for row in rows:  # loss = neglogp + ent_loss + l2_loss (BehaviorCloningLossCalculator)
    parts = float(row["bc/neglogp"]) + float(row["bc/ent_loss"]) + float(row["bc/l2_loss"])
    assert abs(float(row["bc/loss"]) - parts) < 1e-5
NAMES = ("bc/loss", "bc/neglogp", "bc/entropy", "bc/ent_loss", "bc/prob_true_act",
         "bc/l2_norm", "bc/l2_loss")
metrics = {name: series([(row["bc/batch"], row[name]) for row in rows], "step",
                        rel_tolerance=5e-3) for name in NAMES}
metrics["Reward"] = series([(total_batches - 1, reward)], "step")
write_truth("imitation", importlib.metadata.version("imitation"),
            f"{FOLDER}/progress.csv (imitation's logger, csv format; bc/batch the step); "
            "Reward: evaluate_policy's mean_reward",
            metrics, files=[f"{FOLDER}/progress.csv"], also_ok=["batch/s", "s/batch"],
            notes=f"{len(transitions)} expert transitions, {total_batches} batches of 32, "
                  f"reward {reward}")
