"""RL Baselines3 Zoo 2.9.2 (``rl_zoo3``, the training framework around Stable-Baselines3):
``python -m rl_zoo3.train --algo ppo --env CartPole-v1 -n 4096 --eval-freq 1024 --seed 0
--tensorboard-log runs`` (``--verbose 1``, the default), run in-process as the README's
"Passing arguments in an interactive session" does it (``sys.argv`` set, then the module run
as ``__main__`` with ``runpy``, the same code ``python -m rl_zoo3.train`` runs). The zoo's
own tuned hyperparameters for PPO on CartPole-v1 (``hyperparams/ppo.yml``: 8 environments,
``n_steps=32``, ``batch_size=256``, ``n_epochs=20``, linear ``learning_rate``/``clip_range``
schedules) with ``-n`` overwriting its 1e5 timesteps: 16 iterations of 256 steps.
``--eval-freq 1024`` (the zoo divides it by the 8 environments) runs SB3's ``EvalCallback``
every 1024 steps on one test environment, 5 deterministic episodes (the zoo's default
``--eval-episodes``): 4 evaluations. ``--tensorboard-log`` is the zoo docs' own switch for
tracking (README "Tensorboard": ``--tensorboard-log /tmp/stable-baselines/``); it makes SB3
write the event file this case takes its truth from and adds one printed line (``Logging to
runs/CartPole-v1/PPO_1``). ``--seed 0`` fixes the run (without it the zoo draws and prints a
random seed). Nothing downloaded (CartPole is built into gymnasium).

What it prints (stdout only): the zoo's header (``========== CartPole-v1 ==========``,
``Seed: 0``, ``Loading hyperparameters from: <site-packages>/rl_zoo3/hyperparams/ppo.yml``),
its hyperparameter dump (``pprint`` of an ``OrderedDict``: ``OrderedDict([('batch_size',
256), ('clip_range', 'lin_0.2'), ...``, one pair a line), ``Using 8 environments``,
``Overwriting n_timesteps with n=4096``, ``Creating test environment``, SB3's ``Using cpu
device``, ``Log path: logs/ppo/CartPole-v1_1``, then SB3's logger tables (``verbose=1``: the
``stdout`` format, floats as ``%.3g``, numpy float32 values such as ``approx_kl`` as their
full repr): one ``rollout/`` (``ep_len_mean``, ``ep_rew_mean``) + ``time/`` (``fps``,
``iterations``, ``time_elapsed``, ``total_timesteps``) table an iteration, with the
``train/`` block of the previous iteration's update (``approx_kl``, ``clip_fraction``,
``clip_range``, ``entropy_loss``, ``explained_variance``, ``learning_rate``, ``loss``,
``n_updates``, ``policy_gradient_loss``, ``value_loss``) from the second iteration on. Every
1024 steps the EvalCallback prints::

    Eval num_timesteps=1024, episode_reward=9.60 +/- 0.80
    Episode length: 9.60 +/- 0.80

then dumps its own table (``eval/mean_ep_length``, ``eval/mean_reward``,
``time/total_timesteps``, and the ``train/`` block pending at that moment, which then no
longer shows in that iteration's rollout table) and ``New best mean reward!`` when the mean
improves; last ``Saving to logs/ppo/CartPole-v1_1``. About 390 lines.

Truth: SB3's own records. (1) The TensorBoard event file of the logger
(``runs/CartPole-v1/PPO_1/events.out.tfevents.*``, read with ``_records.tb_folder``): every
value the tables print that SB3 hands to the ``tensorboard`` format, under SB3's logger keys
(``rollout/ep_rew_mean``, ``train/loss``, ``eval/mean_reward``, ``time/fps``, ...), each at
the step of its dump (``num_timesteps``, the table's ``time/total_timesteps``); float32 in
the file, rel_tolerance 5e-3 for the table's ``%.3g``. (2) The EvalCallback's
``evaluations.npz`` in the log path (``timesteps``, ``results``, ``ep_lengths``): the mean over
the 5 episodes of each evaluation for the two ``Eval`` lines, named as ``sb3_eval_callback``
names them by docs/metrics.md (``Eval num_timesteps=..., episode_reward=`` ->
``eval_episode_reward``, ``Episode length:`` -> ``Episode_length``), key ``step`` =
``num_timesteps``, tolerance 5e-3 (``%.2f``); the ``+/- X`` is the spread (``np.std`` over
the episodes), no metric. The case asserts these means equal the table's ``eval/*`` values.
Judgement calls:
- ``time/total_timesteps``, ``time/iterations`` and ``train/n_updates`` are counters (the
  step, the iteration and update counts; SB3 keeps them out of TensorBoard), no metrics and
  not in ``also_ok``, as in ``sb3_ppo``.
- ``time/time_elapsed`` (whole seconds) is printed but SB3 excludes it from TensorBoard: a
  timing name, in ``also_ok``. ``time/fps`` is in the event file: a metric like the others
  (its values differ from run to run; the truth is the same run's).
- The hyperparameter dump, ``Seed: 0``, ``Using 8 environments`` and ``Overwriting
  n_timesteps with n=4096`` are settings, no metrics. ``New best mean reward!`` has no value.
- Determinism: ``--seed 0`` seeds the environments, torch and the evaluation environment;
  with ``OMP_NUM_THREADS=1`` the values repeat, pipe and pty alike, except ``fps`` and
  ``time_elapsed``.
"""
# zoo-venv: rlzoo

import glob
import runpy
import sys

import numpy as np
import rl_zoo3
from _records import tb_folder
from _truth import series, write_truth

sys.argv = ["rl_zoo3.train", "--algo", "ppo", "--env", "CartPole-v1", "-n", "4096",
            "--eval-freq", "1024", "--seed", "0", "--tensorboard-log", "runs", "--verbose", "1"]
runpy.run_module("rl_zoo3.train", run_name="__main__", alter_sys=True)

(folder,) = glob.glob("runs/CartPole-v1/PPO_*")
event_files, found = tb_folder(folder)
assert len(event_files) == 1, event_files
# counters SB3 keeps out of TensorBoard; time_elapsed too (exclude="tensorboard")
assert not {"time/total_timesteps", "time/iterations", "train/n_updates",
            "time/time_elapsed"} & set(found), sorted(found)
metrics = {name: series(pairs, "step", rel_tolerance=5e-3) for name, pairs in found.items()}

PATH = "logs/ppo/CartPole-v1_1/evaluations.npz"
with np.load(PATH) as record:
    timesteps = record["timesteps"].tolist()
    rewards = record["results"].mean(axis=1).tolist()
    lengths = record["ep_lengths"].mean(axis=1).tolist()
assert timesteps == [step for step, _ in found["eval/mean_reward"]], timesteps
assert np.allclose(rewards, [value for _, value in found["eval/mean_reward"]], rtol=1e-6)
assert np.allclose(lengths, [value for _, value in found["eval/mean_ep_length"]], rtol=1e-6)
# the Eval lines print f"{mean:.2f} +/- {std:.2f}": half a unit in the second decimal
metrics["eval_episode_reward"] = series(zip(timesteps, rewards, strict=True), "step",
                                        tolerance=5e-3)
metrics["Episode_length"] = series(zip(timesteps, lengths, strict=True), "step", tolerance=5e-3)

write_truth(
    "rl_zoo3", rl_zoo3.__version__,
    f"SB3 logger's TensorBoard file {event_files[0]} (every tag at its dump's num_timesteps); "
    f"EvalCallback {PATH} (mean of results / ep_lengths per evaluation) for the Eval lines",
    metrics, files=[*event_files, PATH], also_ok=["time/time_elapsed"],
    notes="hyperparams/ppo.yml CartPole-v1 (n_envs 8, n_steps 32, batch_size 256, n_epochs 20), "
          "-n 4096, --eval-freq 1024 (every 128 calls of 8 envs), 5 eval episodes, seed 0")
