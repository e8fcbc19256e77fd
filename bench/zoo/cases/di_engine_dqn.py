"""DI-engine 0.5.3 (pip ``DI-engine``, module ``ding``, OpenDILab; its last release, 2024-12,
with DI-toolkit 0.3.0's rich logging): DQN on CartPole as DI-engine's quick start runs it,
``serial_pipeline((main_config, create_config), seed=0)`` with the configs of
``dizoo/classic_control/cartpole/config/cartpole_dqn_config.py`` (that file's own
``__main__`` block; ``ding -m serial -c cartpole_dqn_config.py -s 0`` is the same entry),
cut down for the 2-core runner: ``collector_env_num`` 2 (of 8), ``evaluator_env_num`` 2 (of
5), ``n_evaluator_episode`` 2 (of 5), the evaluator's ``eval_freq`` 50 training iterations
(of 40) and ``max_env_step=600`` (``serial_pipeline``'s own stop, 1e10 by default). Everything else
is the config's: a dueling ``DQN`` (``encoder_hidden_size_list`` [128, 128, 64]),
``n_sample`` 8 env steps a collection, ``update_per_collect`` 5, batch 64, lr 1e-3,
``discount_factor`` 0.97, ``nstep`` 1, exponential epsilon 0.95 -> 0.1, a 20,000-step replay
buffer, ``env_manager`` ``base`` (the create config's: the envs step in-process), gym 0.25's
``CartPole-v0`` (DI-engine's ``CartPoleEnv`` builds it itself: nothing downloaded), and
``exp_name`` ``cartpole_dqn_seed0``, a relative path: DI-engine writes under the run's cwd
(``total_config.py``, ``ckpt/``, ``log/``, ``result.pkl``). About 15 s, 320 training
iterations, 7 evaluations. ``seed=0`` seeds random, numpy and torch (``set_pkg_seed``) and
the envs: the values repeat run to run (only timings change).

What it prints (all on stderr, through ``ditk.logging``'s rich handler: a ``[12-07 11:52:56]
INFO`` prefix, the message indented 26 columns, the caller ``base_learner.py:360`` right
aligned; the console is as wide as ``shutil.get_terminal_size`` says: 170 columns under a
pipe (its fallback), 120 with ANSI colours, wrapped lines and OSC-8 file links under the
pty). Every 100 training iterations (``log_show_after_iter``) the learner prints
``[RANK0]: === Training Iteration 100 Result ===`` and a tabulate ``grid`` of its averaged
variables (``get_tabulate_vars_hor``, ``"{:.6f}"``)::

    +-------+------------+----------------+-------------+--------------------+
    | Name  | cur_lr_avg | total_loss_avg | q_value_avg | target_q_value_avg |
    +-------+------------+----------------+-------------+--------------------+
    | Value | 0.001000   | 0.093451       | 1.077357    | 0.169652           |
    +-------+------------+----------------+-------------+--------------------+

Each evaluation (train_iter 0, 50, ..., 300) prints a line an episode, ``[EVALUATOR]env 1
finish episode, final reward: 11.0000, current episode: 1``, then four such grids:
``train_iter | ckpt_name | episode_count | envstep_count`` (``150.000000 |
iteration_150.pth.tar | 2.000000 | 18.000000``), ``avg_envstep_per_episode | evaluate_time |
avg_envstep_per_sec | avg_time_per_episode``, ``reward_mean | reward_std | reward_max |
reward_min`` and ``eval_episode_return | eval_episode_return_mean`` (``[9.0, 9.0] |
9.000000``). Every 100 training iterations the collector prints ``collect end:`` and one
``key: value`` line a statistic, Python's repr of each value: ``episode_count: 8``,
``envstep_count: 203``, ``train_sample_count: 203``, ``avg_envstep_per_episode: 25.375``,
``avg_sample_per_episode: 25.375``, ``avg_envstep_per_sec: 1564.5111098657078``,
``avg_train_sample_per_sec``, ``avg_episode_per_sec``, ``reward_mean: 25.375``,
``reward_std: 10.676346519292075``, ``reward_max: 46.0``, ``reward_min: 11.0``,
``total_envstep_count: 242``, ``total_train_sample_count: 239``, ``total_episode_count: 8``.
Also: the model's repr, the env spaces, gym's and torch's warnings, ``learner save ckpt in
./cartpole_dqn_seed0/ckpt/iteration_0.pth.tar``, and while the buffer holds under 64
samples (the first 7 collections) ``Sample operation is ignored due to data insufficient,
current buffer is 8 while sample is 64`` and ``Replay buffer's data can only train for 0
steps. ...`` warnings.

Truth: DI-engine's own record, the TensorBoard event file ``serial_pipeline``'s tensorboardX
``SummaryWriter`` writes, ``cartpole_dqn_seed0/log/serial/events.out.tfevents.*`` (listed in
``files``), read with ``_records.tb_scalars`` (TensorBoard's loader). Learner, collector and
evaluator each ``add_scalar`` every value they print (but ``train_iter``, ``ckpt_name`` and
the ``eval_episode_return`` list) twice: as ``<worker>_iter/<key>`` at the training
iteration and as ``<worker>_step/<key>`` at the collected env steps; the buffer adds
``buffer_iter/buffer_data_count``. (The text logs under ``log/learner``, ``log/collector``
and ``log/evaluator`` are the same lines as stderr.) The per-episode ``final reward`` is in
no file: the case records it where the evaluator has it, a wrapper around its
``VectorEvalMonitor.update_reward`` (called right before that line is logged) keeping
``get_latest_reward(env_id)``, the value the line formats, at the evaluation's train_iter
(a wrapper around ``InteractionSerialEvaluator.eval``); nothing is parsed from the output.
Judgement calls:
- Names as DI-engine keys them: the tags ``learner_iter/total_loss_avg``, ``q_value_avg``,
  ``target_q_value_avg`` (4 values, train_iter 0, 100, 200, 300), ``evaluator_iter/reward_mean``,
  ``reward_std``, ``reward_max``, ``reward_min``, ``eval_episode_return_mean``,
  ``avg_envstep_per_episode`` (7 values, 0 .. 300), ``collector_iter/reward_mean``,
  ``reward_std``, ``reward_max``, ``reward_min``, ``avg_envstep_per_episode``,
  ``avg_sample_per_episode`` (3 values, 100, 200, 300): key ``step``, the ``_iter`` tags'
  training iteration. The output prints them without the worker: the collector's and the
  evaluator's ``reward_mean`` are two quantities (training episodes with epsilon-greedy
  actions, evaluation episodes with greedy ones) under one printed name, which only the tags
  tell apart. ``avg_envstep_per_episode`` (the mean episode length; the collector's
  ``avg_sample_per_episode`` equals it for DQN) is a metric, as SB3's ``ep_len_mean``.
- The ``<worker>_step/<key>`` twins are the same values at the env-step axis (the printed
  table never shows that axis): kept only in the file, so ``file_metrics``, expected when
  the file is read.
- ``final_reward``: the printed phrase ``final reward`` named as docs/metrics.md names a
  phrase (its words joined by ``_``); 15 values, one a finished evaluation episode in print
  order, key ``step`` = the evaluation's train_iter. Evaluation at train_iter 200 prints 3
  episodes (env 1 finishes twice, ``final reward: 11.0000, current episode: 1`` on two
  identical lines, before env 0's 26) where its table counts 2: each line is an episode.
  ``current episode`` is a count, not a metric.
- Counts are no metrics: ``train_iter``, ``episode_count``, ``envstep_count``,
  ``train_sample_count``, ``total_envstep_count``, ``total_train_sample_count``,
  ``total_episode_count``, ``buffer_data_count``, the warnings' ``current buffer is 8`` and
  ``sample is 64``; as printed names they are junk, their tags (in the file, read with it)
  ``also_ok``.
- ``also_ok`` also: timing and throughput (``evaluate_time``, ``avg_envstep_per_sec``,
  ``avg_time_per_episode`` (episodes per second, despite its name),
  ``avg_train_sample_per_sec``, ``avg_episode_per_sec``, printed and as tags) and the
  learning rate ``cur_lr_avg`` (a setting: 1e-3 throughout), printed and as tags.
- Tolerances: 5e-7 absolute (the grids' ``"{:.6f}"``; the collector's repr and the event
  file's are finer) plus 1e-7 relative (TensorBoard keeps float32: within 6e-8 relative of
  the float64 printed); ``final_reward`` 5e-5 (``{:.4f}``).
"""
# zoo-venv: diengine

import glob
import importlib.metadata

from _records import tb_scalars
from _truth import series, write_truth
from ding.entry import serial_pipeline
from ding.worker.collector.interaction_serial_evaluator import (
    InteractionSerialEvaluator,
    VectorEvalMonitor,
)
from dizoo.classic_control.cartpole.config.cartpole_dqn_config import create_config, main_config

EXP_NAME = "cartpole_dqn_seed0"  # the config's own, relative: under the run's cwd
MAX_ENV_STEP = 600
EVAL_FREQ = 50

# the record of each evaluation episode's return (the "final reward" line): the evaluator's
# own VectorEvalMonitor.update_reward(env_id, reward), called right before that line is
# logged, at the train_iter its eval() was called with; TensorBoard keeps only each
# evaluation's mean/std/max/min
EPISODES: list[tuple[int, float]] = []
EVAL_ITER = [-1]
_update_reward = VectorEvalMonitor.update_reward
_eval = InteractionSerialEvaluator.eval


def _recording_update_reward(self, env_id, reward):
    _update_reward(self, env_id, reward)
    EPISODES.append((EVAL_ITER[0], float(self.get_latest_reward(env_id))))


def _recording_eval(self, save_ckpt_fn=None, train_iter=-1, *args, **kwargs):
    EVAL_ITER[0] = train_iter
    return _eval(self, save_ckpt_fn, train_iter, *args, **kwargs)


VectorEvalMonitor.update_reward = _recording_update_reward
InteractionSerialEvaluator.eval = _recording_eval

# cartpole_dqn_config.py's own __main__ block, `serial_pipeline((main_config, create_config),
# seed=0)`, cut down: 2 collector and 2 evaluator envs, 2 evaluation episodes, an evaluation
# every 50 training iterations, and a stop after 600 collected env steps
main_config.exp_name = EXP_NAME
main_config.env.collector_env_num = 2
main_config.env.evaluator_env_num = 2
main_config.env.n_evaluator_episode = 2
main_config.policy.eval.evaluator.eval_freq = EVAL_FREQ
assert create_config.env_manager.type == "base", create_config.env_manager
serial_pipeline((main_config, create_config), seed=0, max_env_step=MAX_ENV_STEP)

# truth: DI-engine's own TensorBoard file (serial_pipeline's tensorboardX SummaryWriter)
event_files = sorted(glob.glob(f"{EXP_NAME}/log/serial/events.out.tfevents.*"))
assert len(event_files) == 1, event_files
found = tb_scalars(event_files)

TOL, REL = 5e-7, 1e-7  # "{:.6f}" in the grids; float32 in the event file
METRICS = {
    "learner": ("total_loss_avg", "q_value_avg", "target_q_value_avg"),
    "evaluator": ("avg_envstep_per_episode", "reward_mean", "reward_std", "reward_max",
                  "reward_min", "eval_episode_return_mean"),
    "collector": ("avg_envstep_per_episode", "avg_sample_per_episode", "reward_mean",
                  "reward_std", "reward_max", "reward_min"),
}
# counts, timing/throughput and the learning rate: in the file, no metrics
NOT_METRICS = {
    "learner": ("cur_lr_avg",),
    "evaluator": ("episode_count", "envstep_count", "evaluate_time", "avg_envstep_per_sec",
                  "avg_time_per_episode"),
    "collector": ("episode_count", "envstep_count", "train_sample_count", "avg_envstep_per_sec",
                  "avg_train_sample_per_sec", "avg_episode_per_sec", "total_envstep_count",
                  "total_train_sample_count", "total_episode_count"),
}
metrics = {}
file_metrics = {}
for worker, names in METRICS.items():
    for name in names:
        metrics[f"{worker}_iter/{name}"] = series(found[f"{worker}_iter/{name}"], "step",
                                                  tolerance=TOL, rel_tolerance=REL)
        file_metrics[f"{worker}_step/{name}"] = series(found[f"{worker}_step/{name}"], "step",
                                                       tolerance=TOL, rel_tolerance=REL)
also_ok = [f"{worker}_{axis}/{name}" for worker, names in NOT_METRICS.items()
           for name in names for axis in ("iter", "step")
           if f"{worker}_{axis}/{name}" in found]
also_ok += ["buffer_iter/buffer_data_count", "evaluate_time", "avg_envstep_per_sec",
            "avg_time_per_episode", "avg_train_sample_per_sec", "avg_episode_per_sec",
            "cur_lr_avg"]
unjudged = set(found) - set(metrics) - set(file_metrics) - set(also_ok)
assert not unjudged, sorted(unjudged)
assert len(metrics["learner_iter/total_loss_avg"]["values"]) >= 3
assert EPISODES and all(step >= 0 for step, _ in EPISODES), EPISODES
metrics["final_reward"] = series(EPISODES, "step", tolerance=5e-5)

write_truth(
    "DI-engine", importlib.metadata.version("DI-engine"),
    f"{event_files[0]}: DI-engine's TensorBoard scalars (serial_pipeline's SummaryWriter; "
    "the <worker>_iter tags at the training iteration, their <worker>_step twins at the env "
    "step as file_metrics); final_reward: the evaluator's VectorEvalMonitor.update_reward, "
    "each evaluation episode's return as its '[EVALUATOR]env N finish episode, final "
    "reward' line prints it",
    metrics, files=event_files, also_ok=also_ok, file_metrics=file_metrics,
    notes="DQN on CartPole-v0 (dizoo cartpole_dqn_config), 2+2 envs, eval_freq 50, "
          "max_env_step 600, seed 0; the collector's and the evaluator's reward_mean etc. "
          "print under the same bare names and differ only by their TensorBoard tags",
)
