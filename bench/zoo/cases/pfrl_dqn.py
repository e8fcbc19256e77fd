"""PFRL 0.4.0 (``pfrl``, torch 2.14.1, gym 0.26.2): the quickstart's DoubleDQN on
CartPole-v1, trained with ``pfrl.experiments.train_agent_with_evaluation(agent, env,
steps=3000, eval_n_steps=None, eval_n_episodes=5, eval_interval=1000, outdir="results",
train_max_episode_len=200)``; the quickstart's agent otherwise (its ``QFunction`` 50-50 MLP,
Adam eps=1e-2, gamma 0.9, ``ConstantEpsilonGreedy(0.3)``, replay_start_size=500,
update_interval=1, target_update_interval=100, float32 ``phi``, gpu=-1), seeds fixed
(``pfrl.utils.set_random_seed(0)``, the env's first reset and its action space). Python
logging as PFRL's examples set it: ``logging.basicConfig(level=logging.INFO)`` (stderr,
``LEVEL:logger:message``).

gym 0.26 vs PFRL: PFRL 0.4 calls ``obs = env.reset()`` and ``obs, r, done, info =
env.step(a)`` (the old gym API); gym 0.26's ``reset`` returns ``(obs, info)`` and ``step`` five
values, so a small wrapper (``OldGymAPI``) returns the observation alone and ``done =
terminated``, a time-limit cut as PFRL's ``info["needs_reset"]`` (never hit here: the
200-step ``train_max_episode_len`` cuts before CartPole-v1's 500). ``gym.make(...,
disable_env_checker=True)``: gym 0.26's passive env checker uses ``np.bool8``, which numpy 2
no longer has (``AttributeError`` at the first step). gym prints its own four-line
"Gym has been unmaintained since 2022 ..." notice on stderr at import: left as it is.

What it prints (logger ``pfrl.experiments.train_agent``, which the evaluator shares): after
every training episode ``INFO:pfrl.experiments.train_agent:outdir:results step:1008
episode:79 R:17.0`` and ``...:statistics:[('average_q', np.float32(4.260486)),
('average_loss', np.float64(0.25873448139987887)), ('cumulative_steps', 1008), ('n_updates',
509), ('rlen', 1008)]`` (``nan`` for both averages until the first update at step 500); at each
evaluation (steps 1008, 2017, 3000: the first episode end past each 1000) five lines
``...:evaluation episode 0 length:9 R:9.0``, then ``The best score is updated 9.4 -> 27.4``
and ``Saved the agent to results/best``.

Truth: PFRL's own ``results/scores.txt`` (listed in ``files``; TSV, one row an evaluation,
its columns steps, episodes, elapsed, mean, median, stdev, max, min and the agent's
statistics) for the series it keeps, and the values PFRL passes to its own logger
(``logger.info(fmt, *args)``: read from the log records' ``args`` by a handler on the
``pfrl.experiments.train_agent`` logger, which changes nothing printed) for the printed series
the file does not keep at the printed rate. Judgement calls:
- ``R`` (the training episode's return), ``average_q`` and ``average_loss``: printed once a
  training episode (160 episodes), keyed ``step`` (the printed ``step:``); named as printed /
  as the statistics' keys. scores.txt keeps the two averages only at the 3 evaluations, so the
  printed series comes from the log records; the script checks that at the evaluation steps
  they equal the file's values. The first 37 episodes print ``('average_q', nan),
  ('average_loss', nan)`` (no update yet): kept as ``nan`` points, as printed.
- Tolerances: ``R`` prints the float in full (``R:17.0``) and ``average_loss`` is an
  ``np.float64`` repr (full): exact. ``average_q`` is an ``np.float32`` whose repr is the
  shortest float32 digits (``4.260486``): ``rel_tolerance=1e-7`` (half a float32 unit is
  6e-8 of the value).
- ``evaluation_length`` and ``evaluation_r``: the five ``evaluation episode N length:L R:R``
  lines of each evaluation, named by the phase rule (``evaluation`` before the line's names;
  a capitalised word after a phase word is lower-cased, one letter too: the helper's
  ``evaluation_R`` spelt so in session 82's review, as docs/metrics.md says), keyed ``step``
  at the training step the evaluation ran at (the line prints no step; 5 points at each of
  1008, 2017, 3000: 15 points); exact (integers, ``R`` printed in full). scores.txt keeps
  only their summary (mean, median, stdev, max, min).
- ``The best score is updated A -> B``: the running best of the evaluation mean, printed
  again (here every evaluation improved it): ``best_score`` in ``also_ok``. The initial
  ``-3.4028235e+38`` is float32's lowest, a placeholder.
- file_metrics (scores.txt under its column names, keyed ``step`` at its ``steps``, 3 rows,
  exact: read from the file's text): ``mean``, ``median``, ``stdev``, ``max``, ``min`` (of the
  5 evaluation returns; never printed, except ``mean`` as the best score), ``elapsed``
  (seconds since the evaluator started: a timing PFRL records itself), and ``average_q``,
  ``average_loss`` (printed, but the file keeps them only at the evaluations: with the file
  read, its 3-row series stands for the printed one, as cleanrl's event-file tags do).
- Not metrics: ``steps`` (the axis), ``episodes`` / ``episode:`` (counters), ``step:``,
  ``cumulative_steps``, ``n_updates`` (counters) and ``rlen`` (the replay buffer's size), in
  the file and on the statistics line alike; ``outdir:results`` and the saved-agent paths.
"""
# zoo-venv: misc2

import logging
from importlib.metadata import version

import gym
import numpy as np
import pfrl
import torch
from _truth import series, write_truth

logging.basicConfig(level=logging.INFO)


class OldGymAPI(gym.Wrapper):
    """gym 0.26's CartPole answers ``reset() -> (obs, info)`` and ``step() -> (obs, reward,
    terminated, truncated, info)``; PFRL 0.4 wants ``reset() -> obs`` and ``step() -> (obs,
    reward, done, info)``, a time-limit cut flagged as ``info["needs_reset"]``."""

    def __init__(self, env, seed):
        super().__init__(env)
        self._seed = seed

    def reset(self, **kwargs):
        if self._seed is not None:
            kwargs.setdefault("seed", self._seed)
            self._seed = None
        obs, _info = self.env.reset(**kwargs)
        return obs

    def step(self, action):
        obs, reward, terminated, truncated, info = self.env.step(action)
        if truncated and not terminated:
            info = dict(info, needs_reset=True)
        return obs, reward, terminated, info


class QFunction(torch.nn.Module):
    """The PFRL quickstart's Q-function."""

    def __init__(self, obs_size, n_actions):
        super().__init__()
        self.l1 = torch.nn.Linear(obs_size, 50)
        self.l2 = torch.nn.Linear(50, 50)
        self.l3 = torch.nn.Linear(50, n_actions)

    def forward(self, x):
        h = torch.nn.functional.relu(self.l1(x))
        h = torch.nn.functional.relu(self.l2(h))
        return pfrl.action_value.DiscreteActionValue(self.l3(h))


pfrl.utils.set_random_seed(0)
env = OldGymAPI(gym.make("CartPole-v1", disable_env_checker=True), seed=0)
env.action_space.seed(0)
obs_size = env.observation_space.low.size
n_actions = env.action_space.n
q_func = QFunction(obs_size, n_actions)
optimizer = torch.optim.Adam(q_func.parameters(), eps=1e-2)
explorer = pfrl.explorers.ConstantEpsilonGreedy(
    epsilon=0.3, random_action_func=env.action_space.sample)
replay_buffer = pfrl.replay_buffers.ReplayBuffer(capacity=10 ** 6)
agent = pfrl.agents.DoubleDQN(
    q_func, optimizer, replay_buffer, 0.9, explorer, replay_start_size=500, update_interval=1,
    target_update_interval=100, phi=lambda x: x.astype(np.float32, copy=False), gpu=-1)



class LoggedValues(logging.Handler):
    """Keeps the values PFRL passes to its logger: the episode line's ``R``, the statistics
    line's list, each evaluation episode's length and return (prints nothing)."""

    def __init__(self):
        super().__init__()
        self.step = 0
        self.train_r: list[tuple[int, float]] = []
        self.stats: dict[str, list[tuple[int, float]]] = {}
        self.eval_length: list[tuple[int, float]] = []
        self.eval_r: list[tuple[int, float]] = []

    def emit(self, record):
        if record.msg == "outdir:%s step:%s episode:%s R:%s":
            self.step = record.args[1]
            self.train_r.append((self.step, record.args[3]))
        elif record.msg == "statistics:%s":
            for name, value in record.args[0]:
                self.stats.setdefault(name, []).append((self.step, value))
        elif record.msg == "evaluation episode %s length:%s R:%s":
            self.eval_length.append((self.step, record.args[1]))
            self.eval_r.append((self.step, record.args[2]))


logged = LoggedValues()
logging.getLogger("pfrl.experiments.train_agent").addHandler(logged)

pfrl.experiments.train_agent_with_evaluation(
    agent, env, steps=3000, eval_n_steps=None, eval_n_episodes=5, eval_interval=1000,
    outdir="results", train_max_episode_len=200)

with open("results/scores.txt", encoding="utf-8") as handle:
    header, *rows = (line.rstrip("\n").split("\t") for line in handle)
table = [dict(zip(header, row, strict=True)) for row in rows]
# the statistics printed at an evaluation's step are the row the file keeps for it
for row in table:
    for name in ("average_q", "average_loss"):
        printed = dict(logged.stats[name])[int(row["steps"])]
        kept = np.float32(row[name]) if name == "average_q" else float(row[name])
        assert kept == printed, (name, row, printed)

metrics = {
    "R": series(logged.train_r, "step"),
    "average_q": series(logged.stats["average_q"], "step", rel_tolerance=1e-7),
    "average_loss": series(logged.stats["average_loss"], "step"),
    "evaluation_length": series(logged.eval_length, "step"),
    "evaluation_r": series(logged.eval_r, "step"),
}
# steps is the axis; episodes, cumulative_steps, n_updates are counters, rlen a buffer size
FILE_COLUMNS = ("elapsed", "mean", "median", "stdev", "max", "min", "average_q", "average_loss")
file_metrics = {name: series([(row["steps"], row[name]) for row in table], "step")
                for name in FILE_COLUMNS}
write_truth("pfrl", version("pfrl"),
            "results/scores.txt (evaluations) and the values PFRL passes to its logger "
            "(per-episode lines)", metrics, files=["results/scores.txt"],
            also_ok=["best_score"], file_metrics=file_metrics)
