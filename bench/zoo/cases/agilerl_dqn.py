"""AgileRL 2.58.0: a population of 3 ``DQN`` agents on gymnasium's ``CartPole-v1`` trained by
``train_off_policy`` with evolutionary HPO (``TournamentSelection(tournament_size=2,
elitism=True)`` and ``Mutations(no_mutation=0.4, architecture=0.2, new_layer_prob=0.2,
parameters=0.2, activation=0.0, rl_hp=0.2, mutation_sd=0.1, rand_seed=42)``), written as the
README's "Custom Training Pipelines" example writes it (``make_vect_envs``, ``DQN.population``,
``ReplayBuffer``, ``train_off_policy(env=..., env_name=..., algo="DQN", pop=..., memory=...,
max_steps=..., evo_steps=..., target=200.0, selection_strategy=tournament, mutation=...)``),
at tiny settings: 4 environments, a 16-unit network, ``max_steps=800``, ``evo_steps=200`` (4
evolutions of 200 steps an agent). Nothing downloaded (CartPole is built in). Seeds:
``random``/``np.random``/``torch`` seeded (tournaments and epsilon-greedy draw from numpy's
global generator), ``env.reset(seed=0)`` once before training (``train_off_policy`` resets
without a seed, so the episodes then follow the seeded sub-environments),
``net_config["random_seed"] = 0`` (EvolvableNetwork's own generator, which picks where an
architecture mutation adds nodes and how many), and ``PYTHONHASHSEED=0``: AgileRL keeps a
network's mutation methods as ``list(set(names))`` (``EvolvableModule``), in an order that
follows Python's salted str hash, so the seeded ``Mutations`` generator picked another
architecture mutation each run (``head_net.add_node`` or ``head_net.add_layer``) from the
second evolution on; the script sets it and re-executes itself before anything is printed,
as ``smac_hpo`` and ``gensim_word2vec`` do. One change from the README:
``tensorboard=True``, AgileRL's own ``TensorboardLogger`` (nothing more printed), for the
record below.

Printed. AgileRL 2.58 no longer prints the old ``--- Global steps N ---`` / ``Steps`` /
``Scores`` / ``Fitnesses`` / ``5 fitness avgs`` / ``Mutations`` block: after each evolution
``Population.report_metrics`` hands a ``MetricsReport`` to ``StdOutLogger``, which
``tqdm.write``s a rich table to stdout (rendered into a buffer with ``force_terminal=True,
width=120``, so bold ANSI codes under a pipe too, the same bytes under the pty)::

                          Global Steps: 600
    ┏━━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━┓
    ┃ Metric        ┃  Agent 0 ┃  Agent 1 ┃  Agent 2 ┃     Mean ┃
    ┡━━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━┩
    │ fitness       │       30 │   9.7500 │       26 │  21.9167 │
    ├───────────────┼──────────┼──────────┼──────────┼──────────┤
    │ score         │  19.8889 │  17.3750 │  19.6667 │  18.9769 │
    │ loss          │   0.2860 │   0.1962 │   0.3095 │   0.2639 │
    ├───────────────┼──────────┼──────────┼──────────┼──────────┤
    │ lr            │ 8.00e-04 │ 1.00e-03 │ 8.00e-04 │          │
    │ batch_size    │       32 │       32 │       32 │          │
    │ learn_step    │        1 │        1 │        1 │          │
    ├───────────────┼──────────┼──────────┼──────────┼──────────┤
    │ steps         │      200 │      200 │      200 │          │
    │ last_mutation │       lr │    param │       lr │          │
    │ steps/s       │ 219.7228 │ 173.4508 │ 173.0848 │ 188.7528 │
    └───────────────┴──────────┴──────────┴──────────┴──────────┘

(the title's ``Global Steps: 1_200`` is ``f"{global_step:_}"``; a column is an agent, headed
by its ``index``, which changes as selection replaces agents by mutated clones: ``Agent 4``,
``Agent 5``, ``Agent 6`` at the third evolution). On stderr, tqdm's ``Training Progress │
99% │ ███...▊ │ 792/800 steps │ ⏱️ 00:08 │ ⏳ 00:00 │ 83.83step/s`` bar, redrawn on ``\\r``.

Truth: AgileRL's own record, the TensorBoard event file its ``TensorboardLogger`` writes
(``tensorboard_logs/DQN-CartPole-v1-<date>/events.out.tfevents.*``, listed in ``files``):
``add_scalar`` of every key of ``MetricsReport.to_dict()`` at ``train/global_step`` each
evolution, read back with ``_records.tb_scalars``. The case checks it against what
``train_off_policy`` returns (its fitnesses are the last table's row; every returned agent
took ``max_steps`` steps) and each mean against its agents' values. Judgement calls:
- Metrics, under AgileRL's keys (``to_dict``, the names W&B and TensorBoard get): the fitness
  row (``agent.test``: the mean return of one greedy episode in each environment) is
  ``eval/agent_<i>/fitness`` for the i-th agent column (0-based by position, as ``to_dict``
  numbers them: not the ``Agent N`` label) and ``eval/mean_fitness`` for the ``Mean``
  column; the score row (the mean return of the training episodes finished in the
  evolution) ``train/agent_<i>/score`` and ``train/mean_score``; the loss row (DQN's mean TD
  loss over the evolution's updates) ``train/agent_<i>/loss`` and ``train/mean_loss``. 4
  values each, key ``step`` = the title's global step (600, 1200, 1800, 2400). The table's
  row names drop the ``eval/``/``train/`` prefix (``MetricRow.fmt_name``); AgileRL keeps no
  key that is the printed ``fitness`` alone.
- ``eval/best_fitness`` (the best agent's fitness of each evaluation) is kept in the file and
  never printed: ``file_metrics``.
- ``lr``, ``batch_size``, ``learn_step`` are the hyperparameters the evolution mutates (the
  search's inputs, as the other HPO cases judge them), ``steps`` (each agent's own step
  count), ``last_mutation`` (words) and the title's global step are no metrics; AgileRL does
  log them as scalars too (``train/agent_<i>/lr``, ``.../batch_size``, ``.../learn_step``,
  ``.../local_steps``, ``train/global_step``), so those file tags are ``also_ok`` (read from
  the file they are no junk), the printed row names are not.
- ``steps/s`` (each agent's training fps and their mean, AgileRL's
  ``train/steps_per_second``) and the bar's ``step/s`` are throughput: ``also_ok``.
- Tolerance 1e-4 absolute: ``fmt_value`` prints an integral value as an int, else ``.4f``
  (``.2e`` under 0.01 or from 1000, as the ``lr`` row's ``8.00e-04``; a loss under 0.01
  would print so), and TensorBoard stores float32 (within 3e-5 of the float64 for
  CartPole's returns, at most 500).
- Deterministic apart from the ``steps/s`` row, the bar's times and the columns' widths
  (rich sizes a column to its widest cell, timings included); pipe and pty alike.
"""
# zoo-venv: agilerl

import os
import sys

# AgileRL lists a network's mutation methods through a set of their names
# (``EvolvableModule``: ``list(set(layer_methods))``, str hashes salted per interpreter), so
# which architecture mutation the seeded generator picks changes from run to run unless
# PYTHONHASHSEED is fixed: set it before AgileRL runs, once, by re-executing
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable, *sys.argv])

import glob
import importlib.metadata
import random

import numpy as np
import torch
from _records import tb_scalars
from _truth import series, write_truth
from agilerl.algorithms import DQN
from agilerl.components.replay_buffer import ReplayBuffer
from agilerl.hpo.mutation import Mutations
from agilerl.hpo.tournament import TournamentSelection
from agilerl.training.train_off_policy import train_off_policy
from agilerl.utils.utils import make_vect_envs

random.seed(0)
np.random.seed(0)
torch.manual_seed(0)

device = torch.device("cpu")

# Initialize environment
env = make_vect_envs(env_name="CartPole-v1", num_envs=4)
env.reset(seed=0)

# Network configuration
net_config = {
    "latent_dim": 16,
    "encoder_config": {"hidden_size": [16]},
    "head_config": {"hidden_size": [16]},
    "random_seed": 0,
}

# Algorithm hyperparameters
init_hp = {
    "double": True,
    "batch_size": 32,
    "lr": 1e-3,
    "gamma": 0.99,
    "learn_step": 1,
    "tau": 1e-3,
}

# Create a population of DQN agents
population_size = 3
agent_pop = DQN.population(
    size=population_size,
    observation_space=env.single_observation_space,
    action_space=env.single_action_space,
    net_config=net_config,
    device=device,
    **init_hp,
)

# Replay buffer
memory = ReplayBuffer(max_size=10_000, device=device)

# Evolutionary HPO
tournament = TournamentSelection(tournament_size=2, elitism=True,
                                 population_size=population_size)
mutations = Mutations(
    no_mutation=0.4,
    architecture=0.2,
    new_layer_prob=0.2,
    parameters=0.2,
    activation=0.0,
    rl_hp=0.2,
    mutation_sd=0.1,
    rand_seed=42,
    device=device,
)

MAX_STEPS, EVO_STEPS = 800, 200
trained_pop, pop_fitnesses = train_off_policy(
    env=env,
    env_name="CartPole-v1",
    algo="DQN",
    pop=agent_pop,
    memory=memory,
    max_steps=MAX_STEPS,
    evo_steps=EVO_STEPS,
    target=200.0,
    selection_strategy=tournament,
    mutation=mutations,
    tensorboard=True,
)

event_files = sorted(glob.glob("tensorboard_logs/DQN-CartPole-v1-*/events.out.tfevents.*"))
assert len(event_files) == 1, event_files
found = tb_scalars(event_files)

n_evo = MAX_STEPS // EVO_STEPS
global_steps = [step for step, _ in found["train/global_step"]]
assert global_steps == [EVO_STEPS * population_size * (k + 1) for k in range(n_evo)], global_steps
assert [value for _, value in found["train/global_step"]] == global_steps

metrics = {}
for group, row in (("eval", "fitness"), ("train", "score"), ("train", "loss")):
    per_agent = [found[f"{group}/agent_{i}/{row}"] for i in range(population_size)]
    mean = found[f"{group}/mean_{row}"]
    for k in range(n_evo):
        values = [pairs[k][1] for pairs in per_agent]
        assert all(np.isfinite(values)), (row, k, values)
        assert all(pairs[k][0] == global_steps[k] for pairs in (*per_agent, mean))
        assert abs(mean[k][1] - float(np.mean(values))) < 1e-4, (row, k, mean[k], values)
    for i, pairs in enumerate(per_agent):
        metrics[f"{group}/agent_{i}/{row}"] = series(pairs, "step", tolerance=1e-4)
    metrics[f"{group}/mean_{row}"] = series(mean, "step", tolerance=1e-4)

# train_off_policy returns the last evaluation's fitnesses (the last table's row) and the
# population after the last selection and mutation (clones of the winners, all at max_steps)
last_row = [found[f"eval/agent_{i}/fitness"][-1][1] for i in range(population_size)]
assert np.allclose(last_row, pop_fitnesses, rtol=1e-6, atol=0), (last_row, pop_fitnesses)
assert all(agent.steps == MAX_STEPS for agent in trained_pop)
assert [value for _, value in found["eval/best_fitness"]] == [
    max(found[f"eval/agent_{i}/fitness"][k][1] for i in range(population_size))
    for k in range(n_evo)]

also_ok = ["steps/s", "step/s", "train/steps_per_second", "train/global_step"]
for i in range(population_size):
    also_ok += [f"train/agent_{i}/{name}" for name in ("lr", "batch_size", "learn_step",
                                                       "local_steps")]
write_truth("agilerl", importlib.metadata.version("agilerl"),
            f"TensorboardLogger's event file {event_files[0]} (MetricsReport.to_dict() each "
            "evolution at train/global_step), checked against train_off_policy's return",
            metrics, files=event_files, also_ok=also_ok,
            file_metrics={"eval/best_fitness": series(found["eval/best_fitness"], "step",
                                                      tolerance=1e-4)},
            notes=f"torch {torch.__version__}; final fitnesses {pop_fitnesses}; returned "
                  f"agents {[agent.index for agent in trained_pop]}")
