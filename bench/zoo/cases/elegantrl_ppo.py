"""ElegantRL 0.3.6 (``elegantrl`` on PyPI): ``AgentPPO`` on Pendulum-v1 (gym 0.25.2's classic
control, nothing downloaded) through ``train_agent(args)``, written as its
``examples/demo_A2C_PPO.py`` ``train_ppo_a2c_for_pendulum()`` writes it: ElegantRL's own
``elegantrl.envs.CustomGymEnv.PendulumEnv`` (the gym env with the action scaled from (-1, 1)
to (-2, 2)), ``get_gym_env_args(env=PendulumEnv(), if_print=True)``, ``Config(agent_class,
env_class, env_args)`` with the demo's ``env_args`` (``'env_name': 'Pendulum'``, ``max_step``
200) and settings (``net_dims=(128, 64)``, ``gamma=0.97``, ``horizon_len=max_step * 4``,
``repeat_times=32``, ``learning_rate=2e-4``, ``state_value_tau=0.1``, ``gpu_id`` 0 as its
``--gpu`` default: the CPU here, no CUDA), then ``train_agent(args)``. Scaled down: a small
``break_step`` (8000 instead of 8e4) and an evaluation after every ``horizon_len`` (800) steps
(``eval_per_step``; the default is 2e4), so 11 evaluations (steps 800 .. 8800: the loop stops
once ``total_step > break_step``). ``args.num_threads = 1`` (ElegantRL's default 8 for
``torch.set_num_threads`` makes the run seven times slower on two cores; same numbers).

Seeds: ``Config.random_seed`` 0 (``init_before_training`` seeds numpy and torch); gym 0.25 seeds
an env's generator from the OS on its first unseeded ``reset()``, and ElegantRL's
``PendulumEnv`` never passes a seed, so the case subclasses it to call ``reset(seed=0)`` once
when built (the training env and the evaluation env alike); the run is then the same each time.

Printed (stdout): the ``env_args = {...}`` dict of ``get_gym_env_args``, ``| Arguments Remove
cwd: ./Pendulum_PPO_0``, the ``Evaluator``'s legend (``| `step`: Number of samples, ...``,
``| `avgR`: ...``), a line of 80 ``#`` and its header ``ID     Step    Time |    avgR   stdR
avgS  stdS |    expR   objC   objA   etc.``, then a row each evaluation, ``0  8.00e+02       0
|-1299.81  322.4    200     0 |   -1.43  58.39   0.02  -0.02`` (``{gpu_id:<3}{step:8.2e}
{seconds:8.0f} |{avgR:8.2f}{stdR:7.1f}{avgS:7.0f}{stdS:6.0f} |{expR:8.2f}`` and ``{:7.2f}``
for each value ``update_net`` returned: a value of -1000 or less fills its 8 columns and
touches the ``|``), and ``| UsedTime:       7 | SavedDir: ./Pendulum_PPO_0``. stderr: gym's
notice that it is unmaintained and numpy's ``np.bool8`` DeprecationWarning from gym's checker.

Truth: the Evaluator's ``recorder`` (a tuple per evaluation: ``(total_step, avg_r, std_r,
exp_r, *logging_tuple)``), which ``train_agent`` saves as ``Pendulum_PPO_0/recorder.npy`` when
it ends (``save_training_curve_jpg``); the case reads that file (listed in ``files``), keyed
``step`` = ``total_step``, the ``Step`` column (``8.00e+02`` = 800: every step here is a
multiple of 800, exact in three figures).

Judgement calls:
- Names: the header's column names, ElegantRL's own (its legend explains them; its
  ``draw_learning_curve`` labels ``objC`` and ``objA`` so too): ``avgR``, ``stdR``, ``expR``,
  ``objC``, ``objA`` (for PPO, ``update_net`` returns ``(obj_critic, obj_actor,
  a_std_log)``; and ``expR`` is ``buffer_items[2].mean()``, for PPO the mean log-probability of
  the explored actions, not a reward: it is still what ElegantRL records and prints as
  ``expR``).
- The seventh value, ``a_std_log`` (the mean log standard deviation of the policy's action
  noise), is printed under the header's ``etc.`` and recorded, but ElegantRL gives it no name:
  ``etc.`` is its placeholder for whatever else ``update_net`` returns (its docstrings' older
  header ``expR   objC   etc.`` put two values under it) and ``draw_learning_curve`` plots it as
  ``6``, its column index; docs/metrics.md drops a trailing ``etc.`` column. No truth metric;
  ``etc.`` is ``also_ok``.
- ``avgS`` and ``stdS`` (mean and spread of the evaluation episodes' lengths, always 200 and 0
  on Pendulum) are printed but never recorded (``evaluate_and_save`` keeps them in locals): no
  truth; ``also_ok``, as measures all the same. ``Time`` (whole seconds since training
  began) and ``UsedTime`` are timings: ``also_ok``. ``ID`` (the GPU id) is no metric.
- The ``env_args`` dict (``max_step``, ``state_dim``, ...) is the env's settings, no metric.
- Tolerances: half the printed rounding: ``avgR``, ``expR``, ``objC``, ``objA`` ``%.2f`` ->
  0.005; ``stdR`` ``%.1f`` -> 0.05. The recorder holds the same Python floats the row
  formats (``np.save`` as float64), so nothing more.
"""
# zoo-venv: elegantrl

from importlib.metadata import version

import numpy as np
from _truth import series, write_truth
from elegantrl import Config, get_gym_env_args, train_agent
from elegantrl.agents import AgentPPO
from elegantrl.envs.CustomGymEnv import PendulumEnv


class SeededPendulumEnv(PendulumEnv):
    """ElegantRL's PendulumEnv, its gym generator seeded once (gym 0.25 seeds from the OS)."""

    def __init__(self):
        super().__init__()
        self.env.reset(seed=0)


def train_ppo_for_pendulum():
    agent_class = AgentPPO  # DRL algorithm name
    env_class = SeededPendulumEnv  # ElegantRL's PendulumEnv, which based on OpenAI pendulum
    env_args = {
        # Apply torque on the free end to swing a pendulum into an upright position
        'env_name': 'Pendulum',
        'max_step': 200,  # the max step number of an episode.
        'state_dim': 3,  # the x-y coordinates of the pendulum's free end and its angular velocity.
        'action_dim': 1,  # the torque applied to free end of the pendulum
        'if_discrete': False  # continuous action space, symbols → direction, value → force
    }
    get_gym_env_args(env=PendulumEnv(), if_print=True)  # return env_args

    # see `config.py Arguments()` for hyperparameter explanation
    args = Config(agent_class, env_class, env_args)
    args.break_step = int(8e3)  # break training if 'total_step > break_step'
    args.net_dims = (128, 64)  # the middle layer dimension of MultiLayer Perceptron
    args.gamma = 0.97  # discount factor of future rewards
    args.horizon_len = args.max_step * 4

    # repeatedly update network using ReplayBuffer to keep critic's loss small
    args.repeat_times = 32
    args.learning_rate = 2e-4
    # the tau of normalize for value and state `std = (1-std)*std + tau*std`
    args.state_value_tau = 0.1
    args.eval_per_step = args.horizon_len  # evaluate after every exploration (the demo: 2e4)

    args.gpu_id = 0
    args.num_workers = 4
    args.num_threads = 1  # torch.set_num_threads (ElegantRL's default 8; two cores here)
    train_agent(args)
    return args.cwd


cwd = train_ppo_for_pendulum()

recorder_path = f"{cwd.removeprefix('./')}/recorder.npy"
recorder = np.load(recorder_path)
assert recorder.shape == (11, 7), recorder.shape  # step, avgR, stdR, expR, objC, objA, a_std_log
steps = recorder[:, 0]
assert steps.tolist() == [800.0 * i for i in range(1, 12)], steps
columns = {"avgR": (1, 0.005), "stdR": (2, 0.05), "expR": (3, 0.005), "objC": (4, 0.005),
           "objA": (5, 0.005)}
metrics = {name: series(zip(steps, recorder[:, index], strict=True), "step", tolerance=tolerance)
           for name, (index, tolerance) in columns.items()}
write_truth("elegantrl", version("elegantrl"),
            f"the Evaluator's recorder, saved by train_agent as {recorder_path} "
            "(total_step, avg_r, std_r, exp_r, obj_critic, obj_actor, a_std_log)",
            metrics, files=[recorder_path],
            also_ok=["avgS", "stdS", "etc.", "Time", "UsedTime"])
