"""rlberry 0.7.3 (``rlberry``, PyPI's newest release; Python 3.11) trains Stable-Baselines3
2.9.2's PPO on gymnasium 0.29.1's ``CartPole-v1`` through its own ``ExperimentManager``
(``n_fit=1``, ``fit_budget=2048`` environment steps, ``seed=42``, the default
``parallelization="thread"``) and its ``rlberry.agents.stable_baselines.StableBaselinesAgent``
wrapper (``algo_cls=PPO``, ``"MlpPolicy"``, ``n_steps=256``, ``batch_size=64``,
``n_epochs=2``, ``device="cpu"``; SB3's own ``verbose`` left at the wrapper's default 0), on
the CPU build of torch 2.13.0. rlberry 0.7 moved its own torch agents (PPO, A2C: the
``episode_rewards`` writers) to ``rlberry-research``, which has no PyPI release; the wrapper
is how rlberry's core package trains a deep-RL agent, and it hands SB3's logger output to the
agent's rlberry ``DefaultWriter`` (``AgentWriter.write``: ``writer.add_scalar(key, value,
step)`` for every key of each SB3 dump, ``step`` SB3's ``num_timesteps``). The environment is
built locally (``rlberry.envs.gym_make``); nothing is downloaded. 8 PPO iterations, about 4 s
of fit on the 2-core runner.

What it prints: rlberry's logger (``rlberry.utils.logging``, its colored ``StreamHandler`` on
stderr: every record wrapped in ``\\x1b[38;21m`` ... ``\\x1b[0m`` even on a pipe, time as
``%H:%M``) says ``[INFO] 12:29: Running ExperimentManager fit() for PPO with n_fit = 1 and
max_workers = None.``, then the DefaultWriter logs after each ``add_scalar`` once
``log_interval`` seconds have passed since its last log. The case passes
``default_writer_kwargs=dict(log_interval=0)`` (the smallest: the default is 3 s, which
would print one or two lines in this short fit), so every one of the writer's 118
``add_scalar`` calls prints one log record: a snapshot of the LAST value of every tag so
far. Its default ``style_log="multi_line"`` prints a pandas table (values
``np.around(value, 3)``), centred in the terminal's width, while it fits::

    [INFO] 12:29:        agent_name  worker  time/iterations  max_global_step
                            PPO        0           1               256

and, the first time a table is too wide (header or row not under ``columns - 14``), switches
for good to its ``one_line`` style, values as ``f"{value}"`` (full repr)::

    [INFO] 12:29: [PPO[worker: 0]] | max_global_step = 512 | time/iterations = 1 |
    rollout/ep_rew_mean = 17.214285714285715 | ... | train/learning_rate = 0.0003 |

(one line, ending ``|  ``; ``max_global_step`` is the largest last ``global_step`` of the
tags). ``shutil.get_terminal_size()``: the pty's 120 columns give four table records before
the switch; a pipe (80 columns, run.py unsets ``COLUMNS``) one. Then ``... trained!``,
``Saved ExperimentManager(PPO) using pickle.`` and where it was saved.

Truth: the writer's own record, ``DefaultWriter.data`` (the pandas DataFrame of ``name``,
``tag``, ``value``, ``dw_time_elapsed`` and ``global_step`` it keeps in memory for every
``add_scalar``), as ``ExperimentManager.fit`` gathers it for the fit
(``manager.get_writer_data()[0]``, after ``fit()``), full precision; ExperimentManager also
saves the same frame as ``<output_dir>/manager_data/PPO_<date>_<id>/data.csv`` (listed in
``files``). Nothing is parsed from stdout. Judgement calls:
- Names as rlberry keys them, its ``tag`` column (SB3's logger keys, ``rollout/ep_rew_mean``,
  ``train/value_loss``, ...), each a series keyed by its ``global_step`` (axis ``step``).
- Counts as recorded: 8 dumps of ``rollout/``/``time/`` tags (global steps 256 .. 2048), 7 of
  ``train/`` (SB3 dumps each ``train()``'s values with the next iteration's rollout, at its
  step, 512 .. 2048; the last ``train()``'s are never dumped). Each value is printed on many
  lines (every later snapshot repeats it until the tag's next value): stdout carries each
  record, but as about a hundred snapshots of it.
- ``time/total_timesteps`` (the step itself, equal to ``global_step``), ``time/iterations``
  and ``train/n_updates`` (iteration and update counts) are counters, no metrics, as in the
  zoo's SB3 cases (``_records.sb3_progress``). ``time/fps`` and ``time/time_elapsed`` (SB3's
  timing, integers) are in the record: metrics like the others, as there; so are
  ``train/learning_rate`` and ``train/clip_range`` (constant schedules SB3 logs).
- Tolerance 5e-4 (``np.around(value, 3)`` of the table) for the tags of the first dump
  (global step 256), which a table may print (the pty's four); none (the repr) for the
  ``train/`` tags, which only ``one_line`` records print. ``agent_name``, ``worker`` and
  ``max_global_step`` are the writer's line labels and step, no tags; ``also_ok`` is empty.
- PPO is seeded through rlberry's seeder (``seed=42``); the losses and rewards repeat run to
  run, ``time/fps``/``time/time_elapsed`` and the ``%H:%M`` stamps do not.
"""
# zoo-venv: rlberry

import glob

import rlberry
from _truth import series, write_truth
from rlberry.agents.stable_baselines import StableBaselinesAgent
from rlberry.envs import gym_make
from rlberry.manager import ExperimentManager
from stable_baselines3 import PPO

OUTPUT_DIR = "rlberry_data"
FIRST_STEP = 256  # n_steps: the first dump's global_step
COUNTERS = {"time/total_timesteps", "time/iterations", "train/n_updates"}

manager = ExperimentManager(
    StableBaselinesAgent,
    (gym_make, dict(id="CartPole-v1")),
    fit_budget=2048,
    init_kwargs=dict(algo_cls=PPO, policy="MlpPolicy", n_steps=256, batch_size=64,
                     n_epochs=2, device="cpu"),
    n_fit=1,
    seed=42,
    output_dir=OUTPUT_DIR,
    agent_name="PPO",
    default_writer_kwargs=dict(log_interval=0),
)
manager.fit()

# truth: the DefaultWriter's own record of the one fit (ExperimentManager gathers
# agent.writer.data, the DataFrame it keeps in memory, and saves it as data.csv)
data = manager.get_writer_data()[0]
metrics = {}
for tag in dict.fromkeys(data["tag"]):
    if tag in COUNTERS:
        continue
    rows = data[data["tag"] == tag]
    pairs = list(zip(rows["global_step"], rows["value"], strict=True))
    # the writer's table (multi_line) prints np.around(value, 3); its one_line style the repr
    tolerance = 5e-4 if pairs[0][0] == FIRST_STEP else None
    metrics[tag] = series(pairs, "step", tolerance=tolerance)

[data_csv] = glob.glob(f"{OUTPUT_DIR}/manager_data/PPO_*/data.csv")
write_truth("rlberry", rlberry.__version__,
            "ExperimentManager.get_writer_data()[0] (the agent's DefaultWriter.data)",
            metrics, files=[data_csv])
