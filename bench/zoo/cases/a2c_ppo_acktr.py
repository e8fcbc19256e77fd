"""Ilya Kostrikov's pytorch-a2c-ppo-acktr-gail (no PyPI release: repository commit
41332b78dfb50321c29bade65f9d244387f68a60, 2021-11-24, master's last; its ``setup.py`` says
``a2c-ppo-acktr`` 0.0.1) on torch 1.13.1 (PyPI's CUDA build, run on the CPU),
Stable-Baselines3 1.3.0 and gym 0.19.0, Python 3.8 (``venv-ikostrikov``, see
``requirements-ikostrikov.txt``): its ``main.py`` with PPO on CartPole, as the README runs
it but small::

    python main.py --env-name CartPole-v0 --algo ppo --use-gae --num-processes 2 \\
        --num-steps 128 --num-env-steps 6000 --log-interval 1 --no-cuda --log-dir gym_log

Files: ``main.py``, ``evaluation.py`` (main.py imports its ``evaluate``) and the
``a2c_ppo_acktr/`` package, unpacked from that commit under
``$ZOO_REPOS/pytorch-a2c-ppo-acktr-gail`` (default ``~/.cache/exptrack-zoo/repos``; ``git
archive 41332b78 main.py evaluation.py a2c_ppo_acktr``), copied into the cwd and checked
against git's blob ids (``main.py`` before the case's lines are added) and the package's
tree id; main.py then runs in-process (``runpy``, as ``__main__``, ``sys.argv`` the command
above, the cwd first on ``sys.path`` as in the repository). Master's ``envs.py`` takes its
vectorised environments from Stable-Baselines3 (``SubprocVecEnv`` for two processes,
``VecNormalize``, ``Monitor``): since 2021 the repository no longer imports OpenAI
Baselines, so neither it nor TensorFlow is installed. ``algo/gail.py`` imports h5py at the
top (main.py imports gail even without ``--gail``), so h5py is in the venv.

Judgement calls on the command: ``--num-steps 128`` with 2 processes and 6000 env steps
gives 6000 // 128 // 2 = 23 updates; ``--log-interval 1`` prints each of them (update 0
already has 10 finished episodes, so all 23 print). ``--log-dir gym_log`` (the default is
``/tmp/gym/``, whose ``*.monitor.csv`` files ``utils.cleanup_log_dir`` deletes at start:
other runs on the machine share it) keeps the Monitor files in the run's cwd; main.py also
saves the model to ``./trained_models/ppo/CartPole-v0.pt`` (its default ``--save-dir``) at
updates 0 and 22. Everything else is the repository's default (``--seed 1``, lr 7e-4, 4
PPO epochs, 32 minibatches, clip 0.2, gamma 0.99, GAE lambda 0.95). About 20 s a run here.

What it prints: nothing on stderr; on stdout, per logged update, main.py's one ``print``
(its format string starts a second line with `` \\n `` and ends with ``\\n``, so a blank
line follows)::

    Updates 10, num timesteps 2816, FPS 373
     Last 10 training episodes: mean/median reward 80.1/83.0, min/max reward 53.0/103.0

(with a space before the first newline). The print passes ``dist_entropy, value_loss,
action_loss`` to ``.format`` too, but the string has no field for them: the losses are
never printed (``str.format`` ignores extra arguments).

Truth: the repository keeps no record (no logger, no CSV: the Monitor files hold episodes,
the checkpoint the model), so the values main.py formats are the record: one line the
case adds right after the print (``RECORD_LINES``, no line of main.py changed) appends ``j``,
``total_num_steps``, the FPS as printed (``int(total_num_steps / (end - start))``, the same
``end``), ``len(episode_rewards)``, ``np.mean``/``np.median``/``np.min``/``np.max`` of
``episode_rewards`` and the three losses to a list the case passes in (``runpy``'s
``init_globals``, read as a global of main.py); nothing is parsed from stdout. Judgement
calls (docs/metrics.md):
- Names, as printed: the script keys nothing. ``mean/median reward 80.1/83.0`` and
  ``min/max reward 53.0/103.0`` are two slashed names over two slashed values, two
  quantities each, the words after the slash pair naming both (the documented rule,
  ``Gen/Dis Loss: 3.57/-1.12`` is ``Gen_Loss``, ``Dis_Loss``): ``mean_reward``,
  ``median_reward``, ``min_reward``, ``max_reward``; 23 points each. ``training`` in
  ``Last 10 training episodes:`` says which episodes the window holds (the run has no
  evaluation episodes: ``--eval-interval`` is off), no phase of the reward names: a call
  that could go the other way (``train_mean_reward``).
- Axis ``step``: ``num timesteps`` (``(j + 1) * num_processes * num_steps``, 256 ...
  5888), as the Baselines and SB3 cases key by total timesteps; ``Updates`` (``j``, from 0)
  and ``Last 10`` (the episode window's size) are counters, no metrics.
- ``FPS`` (``int(total_num_steps / seconds since start)``) is throughput, kept nowhere but
  in the print: ``also_ok``.
- The losses (``dist_entropy``, ``value_loss``, ``action_loss``, the epoch means of
  ``PPO.update``) are recorded by the added line but not printed, so no metric of the
  output: they are in the truth's ``notes`` only.
- Tolerance: ``{:.1f}`` -> 0.05 absolute.
- Determinism: main.py seeds torch (``--seed 1``) and each environment (``env.seed(seed +
  rank)``), and sets one torch thread; the two environments step in SubprocVecEnv's
  processes, so the episodes and values repeat from run to run (the pipe and pty fixtures
  agree); only FPS varies.
"""
# zoo-venv: ikostrikov
from __future__ import annotations

import os
import runpy
import shutil
import sys
from pathlib import Path

import gym
import numpy as np
import stable_baselines3
import torch
from _truth import series, write_truth
from _verbatim import git_blob_id, tree_id, with_lines

SOURCE_REPO = "ikostrikov/pytorch-a2c-ppo-acktr-gail"
SOURCE_COMMIT = "41332b78dfb50321c29bade65f9d244387f68a60"
BLOBS = {"main.py": "2e4b65d2905725459ca95049e2b7a79aadf03f64",
         "evaluation.py": "b6db05263bc715e7d02e1af2656e1cb3cf629abc"}
PACKAGE_TREE = "1b029a6bc3bd07e4df31807a8c1f29af187c07fd"  # a2c_ppo_acktr/
ARGV = ["main.py", "--env-name", "CartPole-v0", "--algo", "ppo", "--use-gae",
        "--num-processes", "2", "--num-steps", "128", "--num-env-steps", "6000",
        "--log-interval", "1", "--no-cuda", "--log-dir", "gym_log"]
UPDATES = 6000 // 128 // 2
# the record: a line added right after main.py's print (the anchor is its last line); the
# values the print formats, the FPS as printed, and the losses it passes but never prints
RECORD_LINES = {
    "                        action_loss))\n":
        "            ZOO_RECORD.append((j, total_num_steps, int(total_num_steps / (end - start)),"
        " len(episode_rewards), float(np.mean(episode_rewards)),"
        " float(np.median(episode_rewards)), float(np.min(episode_rewards)),"
        " float(np.max(episode_rewards)), float(dist_entropy), float(value_loss),"
        " float(action_loss)))  # zoo: the values just printed\n",
}
NAMES = ["mean_reward", "median_reward", "min_reward", "max_reward"]  # record columns 4-7


def main() -> None:
    repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
    repo = repos / "pytorch-a2c-ppo-acktr-gail"
    if not (repo / "main.py").is_file():
        sys.exit(f"unpack {SOURCE_REPO} at {SOURCE_COMMIT} under {repo} "
                 "(see bench/zoo/requirements-ikostrikov.txt)")
    shutil.copytree(repo / "a2c_ppo_acktr", "a2c_ppo_acktr",
                    ignore=shutil.ignore_patterns("__pycache__"))
    if tree_id(Path("a2c_ppo_acktr")) != PACKAGE_TREE:
        sys.exit(f"{repo}/a2c_ppo_acktr is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
    for name, blob in BLOBS.items():
        text = (repo / name).read_text(encoding="utf-8")
        if git_blob_id(text) != blob:
            sys.exit(f"{repo}/{name} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
        if name == "main.py":
            text = with_lines(text, RECORD_LINES)
        Path(name).write_text(text, encoding="utf-8")

    sys.path.insert(0, str(Path.cwd()))  # main.py's `from a2c_ppo_acktr import ...`
    record: list[tuple] = []
    sys.argv = ARGV
    runpy.run_path("main.py", init_globals={"ZOO_RECORD": record}, run_name="__main__")
    sys.stdout.flush()

    # --- the truth: the values each print formatted, in print order ---
    assert [row[0] for row in record] == list(range(UPDATES)), record
    metrics = {name: series([(row[1], row[4 + i]) for row in record], "step", tolerance=0.05)
               for i, name in enumerate(NAMES)}
    write_truth(
        "pytorch-a2c-ppo-acktr-gail", f"{SOURCE_COMMIT[:8]} (a2c-ppo-acktr 0.0.1)",
        "main.py's np.mean/np.median/np.min/np.max(episode_rewards) at each logged update "
        "(a line the case adds after its print), keyed by total_num_steps",
        metrics, also_ok=["FPS"],
        notes=f"{SOURCE_REPO} at {SOURCE_COMMIT} (no release), --algo ppo; torch "
              f"{torch.__version__}, stable-baselines3 {stable_baselines3.__version__}, gym "
              f"{gym.__version__}, numpy {np.__version__}, Python {sys.version.split()[0]}. "
              "Counters, no metrics: Updates (j), num timesteps (the axis), Last N (the "
              "episode window). Passed to the print's .format but not printed (no field), so "
              "no metrics: (dist_entropy, value_loss, action_loss) per update = "
              + "; ".join(f"{row[1]}: ({row[8]!r}, {row[9]!r}, {row[10]!r})"
                          for row in record))


if __name__ == "__main__":  # SubprocVecEnv's forkserver imports this script as __mp_main__
    main()
