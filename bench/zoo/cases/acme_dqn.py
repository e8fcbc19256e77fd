"""DeepMind Acme (``dm-acme``; setup.py says 0.4.1, never released: the repository,
google-deepmind/acme, at commit 882fb089e3362e0302af10f3f2fd1686102baebc, 2026-03-12,
installed with ``pip install --no-deps`` from ``git archive`` of that commit, see
``requirements-acme.txt`` for why not PyPI's 0.4.0 and why that commit) with its JAX DQN agent
run as Acme's own examples run it: ``examples/baselines/rl_discrete/run_dqn.py``'s
``build_experiment_config`` shape (a ``dqn.DQNConfig``, ``losses.QLearning(discount,
max_abs_reward=1.)``, ``dqn.DQNBuilder``, ``experiments.ExperimentConfig``) and its
single-process path, ``experiments.run_experiment(experiment_config)``, under ``absl``'s
``app.run``. That example is Atari's (``helpers.make_atari_environment``, a convolutional
network); the case gives the same pieces gym's ``CartPole-v1`` (gym 0.25.2, wrapped in
``wrappers.GymWrapper`` and ``wrappers.SinglePrecisionWrapper`` as Acme's gym helpers,
``examples/baselines/rl_continuous/helpers.py``, wrap theirs) and a Haiku MLP (64, 64, one
Q-value an action). CPU: JAX 0.6.2, dm-reverb 0.14.0
(the replay table run_experiment serves the learner from, in-process) on TensorFlow 2.15.1.
``max_num_actor_steps=8000``, evaluation (``eval_epsilon=0``, 2 episodes) before training and
every 2000 actor steps and after the last, ``seed=0``; about 25 s of CPU.

Two things around Acme, neither changing what it runs or prints:
- Launchpad: ``acme.utils.signals`` (imported by ``acme.environment_loop``) and
  ``acme.jax.experiments.make_distributed_experiment`` import ``launchpad`` at module level;
  dm-launchpad has no wheel for Python 3.11 (nor on this index at all). run_experiment runs
  in one process and only calls ``launchpad.register_stop_handler`` and
  ``unregister_stop_handler`` (around each ``EnvironmentLoop.run``); the distributed module
  names ``lp.Program`` in annotations. The case puts a stand-in module in ``sys.modules``
  before importing Acme: those two functions do nothing (outside a Launchpad program no stop
  ever comes), ``Program`` is an empty class, and any other attribute raises.
- ``~``: Acme's loggers and checkpointer write under ``~/acme/<id>/`` (``CSVLogger``'s
  default ``directory_or_file='~/acme'``; ``CheckpointingConfig(directory='~/acme')``), with
  ``<id>`` the process's start time (``paths.get_unique_id``, ``--acme_id`` unset). The case
  points ``HOME`` at its working directory before importing anything, so the run's files
  land in the run folder (``acme/<time>/logs/...``, ``acme/<time>/checkpoints/...``), not
  in the user's home.

What it prints: ``run_experiment``'s loggers are ``experiments.make_experiment_logger`` (the
default ``logger_factory``), i.e. ``loggers.make_default_logger(label)``: a
``TerminalLogger`` printing through ``absl.logging.info`` (stderr, absl's ``I1207
11:39:06.992746 140033739135872 terminal.py:91]`` prefix) and a ``CSVLogger``, behind one
``TimeFilter(time_delta=1.0)`` (a write less than a second after the last one that went
through is dropped, for both). Three loggers: ``learner`` (``SGDLearner``, every learner
step), ``actor`` (the training ``EnvironmentLoop``, every episode) and ``evaluator`` (the
evaluation loop, every episode). Each line is the record's keys, sorted, ``_`` to space,
title-cased (``terminal._format_key``); floats that reach it as Python or numpy scalars are
``%0.3f``, the rest ``str()``::

 [Evaluator] Env Reset Duration Sec = 0.000 | Env Step Duration Sec = 0.000 | Episode \
Duration = 0.327 | Episode Length = 10 | Episode Return = 10.0 | Evaluator Episodes = 1 | \
Evaluator Steps = 10 | Select Action Duration Sec = 0.022 | Steps Per Second = 30.565
 [Actor] Actor Episodes = 1 | Actor Steps = 10 | Env Reset Duration Sec = 0.000 | Env Step \
Duration Sec = 0.000 | Episode Duration = 0.579 | Episode Length = 10 | Episode Return = \
10.0 | Evaluator Episodes = 2 | Evaluator Steps = 22 | Select Action Duration Sec = 0.015 | \
Steps Per Second = 17.283
 [Learner] Actor Episodes = 78 | Actor Steps = 791 | Evaluator Episodes = 2 | Evaluator \
Steps = 22 | Learner Steps = 169 | Learner Walltime = 1.056 | Steps Per Second = 34.200 | \
Total Loss = 0.19100737571716309

(one line each, wrapped here). ``Total Loss`` is the learner's float32 loss printed in full as
a double (``1.8512322902679443``, ``1.8512323`` in the CSV), ``Episode Return`` a 0-d float32
array's ``str()`` (``10.0``). The shared parent ``Counter`` puts every loop's counts on every
line (a ``[Learner]`` line's ``Actor Steps``, an ``[Actor]`` line's ``Learner Steps`` once
learning has begun). Around them, on stderr: gym's "Gym has been unmaintained since 2022"
banner, TensorFlow's and reverb's C++ start-up lines (``Unable to register cuDNN factory``,
``Started replay server on port ...``), ``DeprecationWarning``s (distutils, gym 0.25's step
API, ``jax.interpreters.xla.pytype_aval_mappings``), JAX's ``Unable to initialize backend
'tpu'``, absl's ``Logging to .../logs/learner/logs.csv`` and checkpoint lines. 33 to 37 record
lines, 16 KB in all.

Truth: the framework's own record, the three ``CSVLogger`` files
``acme/<time>/logs/{learner,actor,evaluator}/logs.csv`` (the same writes the terminal got,
after the same filter: a row a printed line), read after the run. run_experiment never
closes its loggers (the CSV files flush every 30 rows), so the case passes run_experiment's
default factory wrapped to keep the loggers it makes and closes them when the run returns
(``CSVLogger.close`` flushes); nothing else differs. Judgement calls:
- Names: the logger's label and the key as printed, ``<label>_<Printed_Key>``
  (``actor_Episode_Return``): docs/metrics.md's bracketed label over the pairs after it
  (``[D] real 0.05`` -> ``d_real``) and the key as printed (``terminal._format_key`` of the
  CSV's column: ``episode_return`` -> ``Episode Return``). The label is also the CSV's folder
  (``logs/actor/``); without it the actor's and the evaluator's returns (epsilon-greedy
  training episodes, greedy evaluation episodes) would be one name.
- Metrics: ``learner_Total_Loss`` (the learner's ``total_loss``, the DQN loss of the step),
  ``actor_Episode_Return``, ``actor_Episode_Length``, ``evaluator_Episode_Return``,
  ``evaluator_Episode_Length``. Each CSV's header is its first row's keys (later keys are
  dropped by ``extrasaction='ignore'``); the case checks each header is what it expects.
- Axis ``step``: the row's own logger's steps key, the one run_experiment hands its
  logger (``learner_steps``, ``actor_steps``, ``evaluator_steps``).
- Not metrics: the counters ``Actor Episodes``, ``Actor Steps``, ``Evaluator Episodes``,
  ``Evaluator Steps``, ``Learner Steps`` (counts, the axes).
- ``also_ok`` (timing and throughput, kept in the CSVs but no metric): each label's
  ``Steps_Per_Second``, the loops' ``Episode_Duration``, ``Env_Reset_Duration_Sec``,
  ``Env_Step_Duration_Sec``, ``Select_Action_Duration_Sec``, and ``Learner Walltime`` (the
  learner's counter's seconds of learning: ``learner_Learner_Walltime`` by the label rule,
  ``Learner_Walltime`` as the counter keys it, ``learner_walltime``; under ``[Actor]`` and
  ``[Evaluator]`` it is ``actor_Learner_Walltime``, ``evaluator_Learner_Walltime``, in neither
  loop's CSV when its first row predates the learner's first step, as here).
- Tolerances: ``Total Loss`` is printed as a double, the CSV keeps float32's shortest text
  (``1.8512323``): ``rel_tolerance`` 1e-6. Returns and lengths print as the CSV keeps them:
  exact.
- Determinism: the seed fixes the networks' initialisation, the actors' exploration and the
  environment's first reset, but reverb samples its prioritised table with its own
  generator and the 1 s filter picks rows by wall time: which rows are printed, and the loss
  values, change from run to run; each run's truth is its own CSV files.
"""
# zoo-venv: acme

import os
import sys
import types

os.environ["HOME"] = os.getcwd()  # Acme writes under ~/acme: keep it in the run folder


def _launchpad_stand_in() -> types.ModuleType:
    """What run_experiment's single process asks of Launchpad, which has no 3.11 wheel."""
    module = types.ModuleType("launchpad", "stand-in: no Launchpad program runs here")

    class Program:  # named in make_distributed_experiment's annotations only
        pass

    def __getattr__(name: str):
        raise AttributeError(f"launchpad stand-in has no {name!r}")

    module.Program = Program
    module.register_stop_handler = lambda handler: None
    module.unregister_stop_handler = lambda handler: None
    module.__getattr__ = __getattr__
    return module


sys.modules["launchpad"] = _launchpad_stand_in()

import csv  # noqa: E402
import glob  # noqa: E402

import acme  # noqa: E402
import gym  # noqa: E402
import haiku as hk  # noqa: E402
from _truth import series, write_truth  # noqa: E402
from absl import app  # noqa: E402
from acme import wrappers  # noqa: E402
from acme.agents.jax import dqn  # noqa: E402
from acme.agents.jax.dqn import losses  # noqa: E402
from acme.jax import experiments, utils  # noqa: E402
from acme.jax import networks as networks_lib  # noqa: E402
from acme.utils import experiment_utils  # noqa: E402
from acme.utils.loggers.terminal import _format_key  # noqa: E402

SEED = 0
NUM_STEPS = 8000
EVAL_EVERY = 2000
NUM_EVAL_EPISODES = 2

made_loggers = []


def logger_factory(label, steps_key=None, task_instance=0):
    """run_experiment's default factory; the case keeps each logger to close it after."""
    logger = experiment_utils.make_experiment_logger(label, steps_key, task_instance)
    made_loggers.append(logger)
    return logger


def environment_factory(seed):
    environment = gym.make("CartPole-v1")
    environment.reset(seed=int(seed))
    return wrappers.SinglePrecisionWrapper(wrappers.GymWrapper(environment))


def network_factory(environment_spec):
    num_actions = environment_spec.actions.num_values

    def q_values(observation):
        return hk.nets.MLP([64, 64, num_actions])(observation)

    transformed = hk.without_apply_rng(hk.transform(q_values))
    dummy = utils.add_batch_dim(utils.zeros_like(environment_spec.observations))
    network = networks_lib.FeedForwardNetwork(
        init=lambda key: transformed.init(key, dummy), apply=transformed.apply)
    return dqn.DQNNetworks(policy_network=networks_lib.non_stochastic_network_to_typed(network))


def build_experiment_config():
    config = dqn.DQNConfig(
        discount=0.99,
        eval_epsilon=0.,
        learning_rate=1e-3,
        n_step=1,
        epsilon=0.1,
        target_update_period=100,
        min_replay_size=100,
        max_replay_size=10_000,
        samples_per_insert=8,
        batch_size=32)
    loss_fn = losses.QLearning(discount=config.discount, max_abs_reward=1.)
    dqn_builder = dqn.DQNBuilder(config, loss_fn=loss_fn)
    return experiments.ExperimentConfig(
        builder=dqn_builder,
        environment_factory=environment_factory,
        network_factory=network_factory,
        logger_factory=logger_factory,
        seed=SEED,
        max_num_actor_steps=NUM_STEPS)


# each logger's metrics (CSV keys) and axis (its steps counter); the other columns a CSV may
# have (its header is its first row's keys): the shared counters and timing
EXPECTED = {"learner": (["total_loss"], "learner_steps"),
            "actor": (["episode_return", "episode_length"], "actor_steps"),
            "evaluator": (["episode_return", "episode_length"], "evaluator_steps")}
COUNTERS = {f"{label}_{count}" for label in EXPECTED for count in ("steps", "episodes")}
TIMING = {"learner_walltime", "steps_per_second", "episode_duration", "env_reset_duration_sec",
          "env_step_duration_sec", "select_action_duration_sec"}


def printed(key: str) -> str:
    """A CSV key as the TerminalLogger prints it, spaces as underscores."""
    return _format_key(key).replace(" ", "_")


def write_record_truth() -> None:
    metrics, files = {}, []
    for label, (keys, axis) in EXPECTED.items():
        found = glob.glob(os.path.join("acme", "*", "logs", label, "logs.csv"))
        assert len(found) == 1, (label, found)
        files.append(found[0])
        with open(found[0], newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            columns = set(reader.fieldnames or ())
            rows = list(reader)
        assert {axis, *keys} <= columns <= {*keys, *COUNTERS, *TIMING}, (label, columns)
        assert rows, label
        for key in keys:
            spec = series([(row[axis], row[key]) for row in rows], "step",
                          rel_tolerance=1e-6 if key == "total_loss" else None)
            metrics[f"{label}_{printed(key)}"] = spec
    also_ok = [f"{label}_{printed(key)}" for label in EXPECTED
               for key in sorted(TIMING - {"episode_duration", "env_reset_duration_sec",
                                           "env_step_duration_sec",
                                           "select_action_duration_sec"}
                                 if label == "learner" else TIMING)]
    also_ok.append(printed("learner_walltime"))  # the learner's counter's own key
    write_truth(
        "DeepMind Acme (dm-acme, JAX DQN)",
        f"{acme.__version__} (google-deepmind/acme@882fb089)",
        "the CSVLogger files of run_experiment's three default loggers, "
        "acme/<time>/logs/{learner,actor,evaluator}/logs.csv, closed (flushed) after the run",
        metrics,
        files=files,
        also_ok=also_ok,
        notes="names: <logger label>_<key as the TerminalLogger prints it>; axis: the row's own "
              "logger's steps counter (learner_steps, actor_steps, evaluator_steps). Counters "
              "are no metrics; durations, walltime and steps per second are timing",
    )


def main(_):
    experiment_config = build_experiment_config()
    experiments.run_experiment(experiment_config, eval_every=EVAL_EVERY,
                               num_eval_episodes=NUM_EVAL_EPISODES)
    for logger in made_loggers:
        logger.close()  # CSVLogger.close flushes: run_experiment leaves them open
    write_record_truth()


if __name__ == "__main__":
    app.run(main)
