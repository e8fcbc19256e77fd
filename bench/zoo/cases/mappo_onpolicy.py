"""MAPPO, marlbenchmark/on-policy (the code of Yu et al.'s "The Surprising Effectiveness of
PPO in Cooperative Multi-Agent Games"; package ``onpolicy`` 0.1.0 by its ``__init__.py``; no
PyPI release, no tag: its last commit de66d7a4b23fac2513f56f96f73b3f5cb96695ac, 2024-07-18),
its own MPE training script ``onpolicy/scripts/train/train_mpe.py`` run as
``onpolicy/scripts/train_mpe_scripts/train_mpe_spread.sh`` runs it: ``--env_name MPE
--algorithm_name rmappo --experiment_name check --scenario_name simple_spread --seed 1
--n_training_threads 1 --num_mini_batch 1 --episode_length 25``, with ``--num_agents 2
--num_landmarks 2`` (of 3 and 3), ``--n_rollout_threads 1`` (of 128: one environment, the
script's ``DummyVecEnv``, no worker processes), ``--num_env_steps 2000`` (of 20,000,000: 80
updates of one 25-step episode), ``--log_interval 1`` (of 5: a line an update) and
``--use_wandb``, the script's switch that turns W&B off (a ``store_false`` flag, default
on), so that its runner logs to TensorBoard with tensorboardX's ``SummaryWriter`` under its
run folder; the .sh's ``--ppo_epoch 10 --use_ReLU --gain 0.01 --lr 7e-4 --critic_lr 7e-4``
not passed: config.py's defaults stand (15 PPO epochs; ReLU on, which the .sh's
``store_false`` ``--use_ReLU`` would turn off; gain 0.01; both learning rates 5e-4),
for a shorter run. On the CPU build of torch 2.13.0
(``--cuda`` is on by default but CUDA is absent: ``choose to use cpu...``); the MPE
environments are the repository's own (``onpolicy/envs/mpe``, on gym 0.25.2's spaces). About
30-60 s.
Files: the repository's ``onpolicy/`` package (157 files), from ``$ZOO_REPOS/on-policy``
(default ``~/.cache/exptrack-zoo/repos/on-policy``; ``git archive <commit> | tar -x -C ...``),
copied into the cwd and checked against git's tree id of ``onpolicy`` at that commit. The
README installs it with ``pip install -e .``; here ``PYTHONPATH`` holds the cwd instead, so
that the script writes its run folder beside the copy: ``train_mpe.py`` puts it at
``<onpolicy/scripts>/results/MPE/simple_spread/rmappo/check/run1`` (the folder above its own,
``run<N+1>`` after the runs already there).

What it prints (stdout; on stderr only gym 0.25's "Gym has been unmaintained" notice and
Python's DeprecationWarning for ``onpolicy/envs/mpe/scenarios/__init__.py``'s ``import
imp``)::

    u are choosing to use rmappo, we set use_recurrent_policy to be True
    choose to use cpu...
    obs_space:  [Box(-inf, inf, (12,), float32), Box(-inf, inf, (12,), float32)]
    share_obs_space:  [Box(-inf, inf, (24,), float32), Box(-inf, inf, (24,), float32)]
    act_space:  [Discrete(5), Discrete(5)]

     Scenario simple_spread Algo rmappo Exp check updates 0/80 episodes, total num ...
    ... timesteps 25/2000, FPS 46.

    average episode rewards is -106.63325786590576

(the ``Scenario`` line is one line, broken here, with a blank line before and after it) and
so on for each update (``MPERunner.run``, shared policy: ``onpolicy/runner/shared/
mpe_runner.py``), to ``updates 79/80 episodes, total num timesteps 2000/2000``. The reward is
``np.mean(self.buffer.rewards) * self.episode_length`` printed with ``str`` (a float64, full
precision).

Truth: with W&B off, ``Runner.log_train`` hands each of ``train_infos`` to tensorboardX's
``SummaryWriter.add_scalars(k, {k: v}, total_num_steps)`` and ``log_env`` each agent's
``agent<i>/individual_rewards`` likewise: tensorboardX writes each to an event file of its
own under ``run1/logs/<k>/<k>/`` with the one tag ``<k>`` (the writer's own file in
``run1/logs/`` holds no scalar). Those event files (in ``files``, all of them) are read with
TensorBoard's ``EventAccumulator``, one a folder, and checked against the script's own
``logs/summary.json`` (``export_scalars_to_json`` at the end of ``main``: tensorboardX's
in-memory copy of every ``add_scalars`` value at full precision, keyed by the folders' absolute
paths, so it is not a fixture file). The event files lie 10 and 12 folders below the cwd
(``onpolicy/scripts/results/MPE/simple_spread/rmappo/check/run1/logs/<k>/<k>/``).
Judgement calls:
- Names as on-policy keys them, the event files' tags: the printed ``average episode rewards
  is X`` is ``train_infos["average_episode_rewards"]`` (logged right after it is printed, at
  ``total num timesteps``): the one printed metric, 80 values keyed ``step`` by
  ``total_num_steps`` (25, 50, ..., 2000). The event file keeps a float32, the line prints the
  float64: ``rel_tolerance`` 1e-7 (float32 keeps 24 bits, half an ulp is under 6e-8 of the
  value).
- ``file_metrics`` (never printed; each event file's series as it keeps it, 80 values, exact):
  R_MAPPO's ``value_loss``, ``policy_loss``, ``dist_entropy``, ``actor_grad_norm``,
  ``critic_grad_norm`` and ``ratio`` (each the mean over its 15 PPO epochs and one mini-batch),
  the environment's ``agent0/individual_rewards`` and ``agent1/individual_rewards`` (the last
  step's reward of each agent: ``log_env``), and ``average_episode_rewards`` itself; 9 series.
- ``also_ok``: ``FPS`` (env steps a second since training began, ``int(total_num_steps /
  (end - start))``: throughput, kept nowhere).
- Not metrics: ``updates 0/80 episodes`` and ``total num timesteps 25/2000`` (counters: the
  latter is the record's step axis), the spaces printed at start.
- Determinism: the seed is fixed (``--seed 1``: torch and numpy in main, the environment's
  ``env.seed(seed)``); the values repeat run to run on the CPU; only ``FPS`` varies.
"""
# zoo-venv: mappo

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import numpy as np
from _truth import series, write_truth
from _verbatim import tree_id
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

SOURCE_REPO = "marlbenchmark/on-policy"
SOURCE_COMMIT = "de66d7a4b23fac2513f56f96f73b3f5cb96695ac"  # 2024-07-18, no tag
PACKAGE_TREE = "7aecba3f895605ee68958f3086b9241db20b2f63"  # git's id of onpolicy/ there
# train_mpe_spread.sh's command, cut down (see the docstring); --use_wandb turns W&B off
COMMAND = ["onpolicy/scripts/train/train_mpe.py", "--env_name", "MPE",
           "--algorithm_name", "rmappo", "--experiment_name", "check",
           "--scenario_name", "simple_spread", "--num_agents", "2", "--num_landmarks", "2",
           "--seed", "1", "--n_training_threads", "1", "--n_rollout_threads", "1",
           "--num_mini_batch", "1", "--episode_length", "25", "--num_env_steps", "2000",
           "--log_interval", "1", "--use_wandb"]
RUN_DIR = "onpolicy/scripts/results/MPE/simple_spread/rmappo/check/run1"
LOG_DIR = f"{RUN_DIR}/logs"  # the runner's SummaryWriter(log_dir)
PRINTED = {"average_episode_rewards": 1e-7}  # the printed one: float32 record, float64 line
UPDATES = 80  # num_env_steps // episode_length // n_rollout_threads


repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
repo = repos / "on-policy"
if not (repo / "onpolicy" / "scripts" / "train" / "train_mpe.py").is_file():
    sys.exit(f"unpack {SOURCE_REPO} at {SOURCE_COMMIT} under {repo} "
             "(see bench/zoo/requirements-mappo.txt)")
shutil.copytree(repo / "onpolicy", "onpolicy", ignore=shutil.ignore_patterns("__pycache__"))
if tree_id(Path("onpolicy")) != PACKAGE_TREE:
    sys.exit(f"{repo}/onpolicy is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")

# the script as the .sh runs it; the cwd on PYTHONPATH stands in for `pip install -e .`
sys.stdout.flush()
env = dict(os.environ, PYTHONPATH=os.pathsep.join(
    [os.getcwd(), *filter(None, [os.environ.get("PYTHONPATH")])]))
completed = subprocess.run([sys.executable, *COMMAND], env=env, check=False)
if completed.returncode != 0:
    sys.exit(completed.returncode)

# truth: tensorboardX's event files, one folder per add_scalars(k, {k: v}, step) name
# (logs/<k>/<k>/, tag <k>), read with TensorBoard's EventAccumulator
files = sorted(glob.glob(f"{LOG_DIR}/**/events.out.tfevents.*", recursive=True))
found: dict[str, list[tuple[int, float]]] = {}
folders: dict[str, str] = {}
for path in files:
    accumulator = EventAccumulator(path)
    accumulator.Reload()
    for tag in accumulator.Tags()["scalars"]:
        assert tag not in found, tag
        found[tag] = [(event.step, event.value) for event in accumulator.Scalars(tag)]
        folders[tag] = os.path.abspath(os.path.dirname(path))

# checked against the script's own summary.json (tensorboardX's in-memory copy of each
# add_scalars value, full precision: [walltime, step, value] under the folder's path)
kept = json.loads(Path(LOG_DIR, "summary.json").read_text(encoding="utf-8"))
assert set(kept) == set(folders.values()), (sorted(kept), sorted(folders.values()))
for tag, pairs in found.items():
    rows = kept[folders[tag]]
    assert [step for _, step, _ in rows] == [step for step, _ in pairs], tag
    assert all(np.float32(value) == np.float32(logged)
               for (_, _, value), (_, logged) in zip(rows, pairs, strict=True)), tag
    assert len(pairs) == UPDATES, (tag, len(pairs))

metrics = {name: series(found[name], "step", rel_tolerance=tolerance)
           for name, tolerance in PRINTED.items()}
file_metrics = {name: series(pairs, "step") for name, pairs in found.items()}

write_truth(
    "MAPPO (marlbenchmark/on-policy)", "0.1.0+de66d7a",
    f"tensorboardX event files under {LOG_DIR}/<name>/<name>/ (Runner.log_train and log_env: "
    "SummaryWriter.add_scalars(k, {k: v}, total_num_steps)), read with TensorBoard's "
    "EventAccumulator and checked against the script's own logs/summary.json",
    metrics, files=files, file_metrics=file_metrics, also_ok=["FPS"],
    notes=f"{SOURCE_REPO} at {SOURCE_COMMIT} (onpolicy/ tree {PACKAGE_TREE}); torch "
          f"{version('torch')}, gym {version('gym')}, tensorboardX {version('tensorboardX')}, "
          f"numpy {version('numpy')}; command: python {' '.join(COMMAND)}",
)
