"""Google's Dopamine 4.1.2 (``dopamine-rl`` on PyPI, its last release, 2024-10-31;
google/dopamine at d6a6fb0390d7e8369ffb9ef824758087ce8b5758, "Update version number.") training
its JAX DQN agent (``JaxDQNAgent``) on gymnasium's ``CartPole-v0`` as its own
``dopamine/jax/agents/dqn/configs/dqn_cartpole.gin`` sets it up, through its ``train.py`` main
as its docs run it: ``python -m dopamine.discrete_domains.train --base_dir=dopamine_runs
--gin_files=dqn_cartpole.gin --gin_bindings=...``, run in this process (``runpy`` as
``__main__`` with that ``sys.argv``; absl's ``app.run`` ends in ``sys.exit(0)``, caught), on
the CPU (TensorFlow 2.18.0, JAX 0.4.35, Flax 0.10.0, gymnasium 1.0.0; see
requirements-dopamine.txt for why those and for OpenAI Baselines, which 4.1.2 imports without
declaring it).
The wheel carries no gin files: the config is held verbatim below (checked against its git
blob id at that commit) and written into the cwd with one line changed: in 4.1.2
``run_experiment`` imports the TF and the JAX ``dqn_agent`` both, so gin rejects the config's
``JaxDQNAgent.epsilon_fn = @dqn_agent.identity_epsilon`` ("Ambiguous selector
'dqn_agent.identity_epsilon'") before anything runs; the case names the JAX one in full,
``@jax.agents.dqn.dqn_agent.identity_epsilon`` (the same function the config meant).
Bindings after the config (``--gin_bindings``): ``Runner.num_iterations = 3``,
``Runner.training_steps = 400``, ``Runner.evaluation_steps = 200`` (the config's 100, 1000 and
1000), ``create_runner.schedule = 'continuous_train_and_eval'`` (the config's
``continuous_train`` runs no evaluation; this is ``create_runner``'s default, the ``Runner``
with an evaluation phase after each training phase), ``Runner.create_environment_fn =
@zoo_seeded_gym_environment`` and ``JaxDQNAgent.seed = 0``. Seeds: the agent's seed (network
init, epsilon-greedy, the replay sampler) is bound to 0; Dopamine resets its gymnasium
environment without a seed (a fresh OS-entropy seed each run), so the case registers
``zoo_seeded_gym_environment``, which is ``gym_lib.create_gym_environment`` as the config
configures it followed by one ``reset(seed=0)``; every later unseeded reset continues that
generator. With ``min_replay_history = 500`` and ``update_period = 4`` the agent starts
learning in the second iteration (under 200 updates in all); the values repeat run to run,
only the rates and times vary. About 10 s of training, 35-45 s with the imports.

What it prints (stderr, absl's ``I1207 09:13:54.461931 140634709379968 run_experiment.py:540]``
prefix; TensorFlow's and orbax's start-up and checkpoint lines around it): each iteration
``Starting iteration 0``, then after its training phase ``Average undiscounted return per
training episode: 8.87`` and ``Average training steps per second: 215.16`` (``%.2f``), after
its evaluation phase ``Average undiscounted return per evaluation episode: 8.62``, then the
console collector's ``[Iteration 0]: Train/NumEpisodes = 46``, ``[Iteration 0]:
Train/AverageReturns = 8.869565217391305``, ``Train/AverageStepsPerSecond = 215.1...``,
``Eval/NumEpisodes = 24``, ``Eval/AverageReturns = 8.625`` (one logging record, five lines,
Python's ``str`` of the float: full precision); tqdm's bar over the 3 iterations (``33%|███▎
| 1/3 [00:02<00:05,  2.63s/it]``). On stdout, after every episode of either phase,
``Steps executed: 18 Episode length: 9 Return: 9.0`` ended by ``\\r`` (no newline: the next
episode's line draws over it; the count of steps is the phase's so far).

Truth: Dopamine's own records, read back after the run: the ``CollectorDispatcher``'s
``PickleCollector`` file ``dopamine_runs/metrics/pickle/pickle_2.pkl`` (every iteration's
``Train/AverageReturns``, ``Eval/AverageReturns``, ... as lists) and the legacy ``Logger``'s
``dopamine_runs/logs/log_2`` (``iteration_N`` -> ``train_episode_lengths``,
``train_episode_returns``, ``train_average_return``, ``train_average_steps_per_second``,
``eval_episode_lengths``, ``eval_episode_returns``, ``eval_average_return``), read with
Dopamine's own ``dopamine.colab.utils.load_statistics``; the case checks the two agree on the
average returns. ``files`` keeps both, the console collector's ``console.log`` and the two
TensorBoard event files Dopamine writes into the run's folder, as ``track run`` finds them:
``dopamine_runs/events.out.tfevents.*`` (the Runner's and the agent's summary writer,
``debug_mode = True`` in the config: the five ``Train/``/``Eval/`` scalars an iteration and the
agent's ``HuberLoss``) and ``dopamine_runs/metrics/tensorboard/events.out.tfevents.*`` (the
``TensorboardCollector``: the same five scalars and the agent's ``Loss``). Judgement calls:
- ``Train/AverageReturns``, ``Eval/AverageReturns``: named as the collector keys and prints
  them, 3 points each, key ``step`` = the iteration (the collectors' and TensorBoard's step).
  ``rel_tolerance`` 1e-6: printed in full, but the event files keep float32.
- ``Average_undiscounted_return_per_training_episode`` and
  ``Average_undiscounted_return_per_evaluation_episode``: the absl lines, named by the
  printed phrase (docs/metrics.md, "Phrases"; the line names no key), backed by the legacy
  Logger's ``train_average_return`` / ``eval_average_return``, which ``_run_train_phase`` /
  ``_run_eval_phase`` append right where they log the line. The same quantities as the
  collector lines that follow (Dopamine keeps them under both keys, in two records): a call
  that could go the other way (one quantity, one series: then these two names would be
  repeats). 3 points each, key ``step`` = the iteration, tolerance 5e-3 (``%.2f``).
- ``Return`` and ``Episode_length``: the stdout line of every episode, named as printed (no
  phase word: the training and evaluation episodes of each iteration pooled in print order,
  as pytorch_cifar_main pools its train and test bars), backed by the Logger's
  ``{train,eval}_episode_returns`` and ``..._lengths``; key ``step`` = the printed ``Steps
  executed`` (which restarts each phase); exact (the return is a float printed in full, the
  length an int). About 160 points each. ``Steps executed`` is a step counter: no metric.
- ``HuberLoss`` and ``Loss`` (the agent's mean TD loss every ``summary_writing_frequency`` =
  500 agent steps, so once, at step 1000) are only in the event files: ``file_metrics``,
  read from the files with ``_records.tb_scalars``, exact.
- ``also_ok``: ``Train/AverageStepsPerSecond`` and the absl line's
  ``Average_training_steps_per_second`` (throughput; Dopamine does record it, as
  ``train_average_steps_per_second`` and in the collectors); ``Train/NumEpisodes`` and
  ``Eval/NumEpisodes``, episode counts (no metric, docs/metrics.md "Counts"), printed by the
  console collector and kept as scalars in both event files (read from a file they are no
  junk). tqdm's ``s/it`` is the bar's timing.
- Not metrics: ``Starting iteration 0``, the config echo (``gamma: 0.990000``, ``seed: 0``, the
  Runner's ``training_steps: 400``), orbax's checkpoint metadata dicts
  (``'init_timestamp_nsecs': 1796634836623615793``: a time) and its
  ``wait_for_prev_duration_secs`` timings.
"""
# zoo-venv: dopamine

import glob
import pickle
import runpy
import sys
from importlib.metadata import version
from pathlib import Path

import gin
from _records import tb_scalars
from _truth import series, write_truth
from _verbatim import git_blob_id
from dopamine.colab import utils as colab_utils
from dopamine.discrete_domains import gym_lib

SOURCE_REPO = "google/dopamine"
SOURCE_COMMIT = "d6a6fb0390d7e8369ffb9ef824758087ce8b5758"  # "Update version number." (4.1.2)
GIN_PATH = "dopamine/jax/agents/dqn/configs/dqn_cartpole.gin"
GIN_BLOB = "115d9e32f6aa08f33249be37f3ef201a2a10ab7b"
BASE_DIR = "dopamine_runs"
ITERATIONS = 3

# dopamine/jax/agents/dqn/configs/dqn_cartpole.gin at SOURCE_COMMIT, verbatim
DQN_CARTPOLE_GIN = """\
# Hyperparameters for a simple DQN-style Cartpole agent. The hyperparameters
# chosen achieve reasonable performance.
import dopamine.discrete_domains.gym_lib
import dopamine.discrete_domains.run_experiment
import dopamine.jax.agents.dqn.dqn_agent
import dopamine.jax.replay_memory.replay_buffer
import dopamine.jax.networks
import flax

JaxDQNAgent.observation_shape = %gym_lib.CARTPOLE_OBSERVATION_SHAPE
JaxDQNAgent.observation_dtype = %jax_networks.CARTPOLE_OBSERVATION_DTYPE
JaxDQNAgent.stack_size = %gym_lib.CARTPOLE_STACK_SIZE
JaxDQNAgent.network = @networks.ClassicControlDQNNetwork
JaxDQNAgent.gamma = 0.99
JaxDQNAgent.update_horizon = 1
JaxDQNAgent.min_replay_history = 500
JaxDQNAgent.update_period = 4
JaxDQNAgent.target_update_period = 100
JaxDQNAgent.epsilon_fn = @dqn_agent.identity_epsilon
JaxDQNAgent.optimizer = 'adam'
create_optimizer.learning_rate = 0.001
create_optimizer.eps = 3.125e-4

ClassicControlDQNNetwork.min_vals = %jax_networks.CARTPOLE_MIN_VALS
ClassicControlDQNNetwork.max_vals = %jax_networks.CARTPOLE_MAX_VALS

create_gym_environment.environment_name = 'CartPole'
create_gym_environment.version = 'v0'
create_runner.schedule = 'continuous_train'
create_agent.agent_name = 'jax_dqn'
create_agent.debug_mode = True
TrainRunner.create_environment_fn = @gym_lib.create_gym_environment
Runner.num_iterations = 100
Runner.training_steps = 1_000
Runner.evaluation_steps = 1_000
Runner.max_steps_per_episode = 200  # Default max episode length.

ReplayBuffer.max_capacity = 50_000
ReplayBuffer.batch_size = 128
"""

# The one line of the config that dopamine-rl 4.1.2 cannot parse: run_experiment imports both
# dopamine.tf.agents.dqn.dqn_agent and dopamine.jax.agents.dqn.dqn_agent, so gin finds two
# `dqn_agent.identity_epsilon` ("Ambiguous selector"); the JAX agent's, named in full
AMBIGUOUS = "JaxDQNAgent.epsilon_fn = @dqn_agent.identity_epsilon\n"
RESOLVED = "JaxDQNAgent.epsilon_fn = @jax.agents.dqn.dqn_agent.identity_epsilon\n"

# train.py's --gin_bindings, after the config: tiny, with evaluation, seeded
BINDINGS = [
    f"Runner.num_iterations = {ITERATIONS}",
    "Runner.training_steps = 400",
    "Runner.evaluation_steps = 200",
    "create_runner.schedule = 'continuous_train_and_eval'",
    "Runner.create_environment_fn = @zoo_seeded_gym_environment",
    "JaxDQNAgent.seed = 0",
]


@gin.configurable
def zoo_seeded_gym_environment(seed=0):
    """gym_lib.create_gym_environment as the config sets it up, its gymnasium environment
    reset once with ``seed`` (Dopamine resets it unseeded: a fresh OS-entropy seed a run)."""
    env = gym_lib.create_gym_environment()
    env.environment.reset(seed=seed)
    return env


def run_train() -> None:
    """``python -m dopamine.discrete_domains.train --base_dir=... --gin_files=...
    --gin_bindings=...``, in this process."""
    sys.argv = ["train.py", f"--base_dir={BASE_DIR}", "--gin_files=dqn_cartpole.gin",
                *(f"--gin_bindings={binding}" for binding in BINDINGS)]
    try:
        runpy.run_module("dopamine.discrete_domains.train", run_name="__main__",
                         alter_sys=True)
    except SystemExit as exc:  # absl's app.run ends with sys.exit(main(argv))
        if exc.code not in (None, 0):
            raise


def main() -> None:
    if git_blob_id(DQN_CARTPOLE_GIN) != GIN_BLOB:
        sys.exit(f"{GIN_PATH} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
    assert DQN_CARTPOLE_GIN.count(AMBIGUOUS) == 1
    Path("dqn_cartpole.gin").write_text(DQN_CARTPOLE_GIN.replace(AMBIGUOUS, RESOLVED),
                                        encoding="utf-8")
    run_train()

    last = ITERATIONS - 1
    # the collectors' record (CollectorDispatcher's PickleCollector: every iteration so far)
    with open(f"{BASE_DIR}/metrics/pickle/pickle_{last}.pkl", "rb") as handle:
        collected = pickle.load(handle)
    # the legacy Logger's record, read with Dopamine's own reader
    logged, _ = colab_utils.load_statistics(f"{BASE_DIR}/logs", last, verbose=False)

    metrics = {}
    for phase, key in (("Train", "train"), ("Eval", "eval")):
        pairs = []
        for iteration in range(ITERATIONS):
            value = collected[f"iteration_{iteration}"][f"{phase}/AverageReturns"]
            assert value == logged[f"iteration_{iteration}"][f"{key}_average_return"], phase
            pairs.append((iteration, value[0]))
        metrics[f"{phase}/AverageReturns"] = series(pairs, "step", rel_tolerance=1e-6)

    # absl's "Average undiscounted return per training/evaluation episode: %.2f" lines: the
    # legacy Logger's train_average_return / eval_average_return, appended where they print
    for phase, key in (("training", "train"), ("evaluation", "eval")):
        metrics[f"Average_undiscounted_return_per_{phase}_episode"] = series(
            [(i, logged[f"iteration_{i}"][f"{key}_average_return"][0])
             for i in range(ITERATIONS)], "step", tolerance=5e-3)

    # the per-episode line, train and eval pooled in print order
    returns, lengths = [], []
    for iteration in range(ITERATIONS):
        stats = logged[f"iteration_{iteration}"]
        for key in ("train", "eval"):
            executed = 0
            for length, ret in zip(stats[f"{key}_episode_lengths"],
                                   stats[f"{key}_episode_returns"], strict=True):
                executed += length
                returns.append((executed, ret))
                lengths.append((executed, length))
    metrics["Return"] = series(returns, "step")
    metrics["Episode_length"] = series(lengths, "step")

    event_files = sorted(glob.glob(f"{BASE_DIR}/events.out.tfevents.*")
                         + glob.glob(f"{BASE_DIR}/metrics/tensorboard/events.out.tfevents.*"))
    scalars = tb_scalars(event_files)
    file_metrics = {name: series(scalars[name], "step")
                    for name in ("HuberLoss", "Loss") if name in scalars}
    write_truth(
        "Dopamine (dopamine-rl)", version("dopamine-rl"),
        "Dopamine's own records: the CollectorDispatcher's PickleCollector "
        f"({BASE_DIR}/metrics/pickle/pickle_{last}.pkl) and the legacy Logger "
        f"({BASE_DIR}/logs/log_{last}, read with dopamine.colab.utils.load_statistics)",
        metrics,
        files=[*event_files, f"{BASE_DIR}/metrics/pickle/pickle_{last}.pkl",
               f"{BASE_DIR}/logs/log_{last}", f"{BASE_DIR}/metrics/console/console.log"],
        also_ok=["Train/AverageStepsPerSecond", "Average_training_steps_per_second",
                 "Train/NumEpisodes", "Eval/NumEpisodes"],
        file_metrics=file_metrics,
        notes=f"jax {version('jax')}, tensorflow {version('tensorflow')}, gymnasium "
              f"{version('gymnasium')}; episodes per iteration (train, eval): "
              + ", ".join(f"{len(logged[f'iteration_{i}']['train_episode_returns'])}/"
                          f"{len(logged[f'iteration_{i}']['eval_episode_returns'])}"
                          for i in range(ITERATIONS)),
    )


if __name__ == "__main__":
    main()
