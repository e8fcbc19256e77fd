"""Tianshou 2.0 DQN on CartPole-v1 (gymnasium, nothing downloaded) with the procedural API of
the README's Quick Start (``TensorboardLogger(SummaryWriter("log/dqn"))``, ``DummyVectorEnv``,
``Net``, ``DiscreteQLearningPolicy``, ``DQN``, ``Collector``s, ``algorithm.run_training(
OffPolicyTrainerParams(...))`` with ``test_in_training=True`` and the reward-threshold
``stop_fn``, then its ``print(f"Finished training in ...")``), the README's settings scaled
down: 4 epochs of 2000 env steps, 10 training and 10 test envs; fixed seeds (numpy, torch,
``envs.seed``); the README's rendered watch at the end is left out (no display). The README's
first example, the high-level ``DQNExperimentBuilder``, cannot be imported in this venv:
``tianshou.highlevel.experiment`` imports ``rliable`` (tianshou's ``eval`` extra), which is
not installed in venv-alt.

Tianshou prints a tqdm bar per epoch (``Epoch #1:  50%|#####| 1000/2000 [00:02<00:02,
450.1it/s, env_episode=93, env_step=1000, len=11, n_ep=1, n_st=10, rew=11.00,
update_step=100]``, under a pipe every refresh on its own ``\r``/``ESC[A`` frame) and after
each test (one before training, ``Initial test step: test_reward: ...``, one per epoch) ``Epoch
#1: test_reward: 9.400000 ± 0.663325, best_reward: 9.400000 ±
0.663325 in #1``. Truth: Tianshou's own ``TensorboardLogger`` event file
(``log/dqn/events.out.tfevents.*``), tag ``test/returns_stat/mean`` (what ``test_reward``
prints before the ``±``).

Judgement calls:
- name: ``test_reward`` as printed (the logger's tag is ``test/returns_stat/mean``); the spread
  after ``±`` is no metric. ``best_reward`` (and ``in #n``, the best epoch) is the running
  best printed again: also_ok.
- key: ``step``: the logger writes test data at the env step (``env_step``) the test ran at,
  one test per epoch (the printed line names the epoch).
- tolerance: printed ``{:.6f}`` -> 5e-7, plus rel 1e-7 for the event file's float32.
- the bar's ``rew`` (mean return of the episodes the last collect step finished, ``:.2f``)
  and ``len`` are not recorded at that rate: the logger writes ``train/returns_stat/mean``
  only every 1000 env steps (``training_interval``), so they have no truth; they are real
  measures all the same (the held-out corpus' three Tianshou bar logs record them, heldout2,
  heldout353, heldout433): also_ok (session 82 review); ``env_step``, ``env_episode``,
  ``n_ep``, ``n_st``, ``update_step`` are counters, not metrics.
- ``Finished training in 19.3 seconds`` is the README's own print of a timing: also_ok.
- file_metrics: every scalar tag of the event file under its tag (``test/*``, ``training/*``
  at the env step, ``info/*`` at the epoch), ``test/returns_stat/mean`` included: it is the
  record behind ``test_reward``; the counters among them are what the file keeps, except
  ``info/epoch``, the loop's own counter (session 81 review: a tag whose last part is
  ``epoch``/``step`` is no metric, as Lightning's ``epoch`` and the HF examples' ``step``).
"""
# zoo-venv: alt

import glob

import gymnasium as gym
import numpy as np
import tianshou as ts
import torch
from _truth import series, write_truth
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from tianshou.algorithm import DQN
from tianshou.algorithm.modelfree.dqn import DiscreteQLearningPolicy
from tianshou.algorithm.optim import AdamOptimizerFactory
from tianshou.data import CollectStats
from tianshou.trainer import OffPolicyTrainerParams
from tianshou.utils.net.common import Net
from tianshou.utils.space_info import SpaceInfo
from torch.utils.tensorboard import SummaryWriter

SEED = 0
np.random.seed(SEED)
torch.manual_seed(SEED)

task = "CartPole-v1"
lr, epoch, batch_size = 1e-3, 4, 64
num_training_envs, num_test_envs = 10, 10
gamma, n_step, target_freq = 0.9, 3, 320
buffer_size = 20000
eps_train, eps_test = 0.1, 0.05
epoch_num_steps, collection_step_num_env_steps = 2000, 10

logger = ts.utils.TensorboardLogger(SummaryWriter("log/dqn"))
training_envs = ts.env.DummyVectorEnv([lambda: gym.make(task) for _ in range(num_training_envs)])
test_envs = ts.env.DummyVectorEnv([lambda: gym.make(task) for _ in range(num_test_envs)])
training_envs.seed(SEED)
test_envs.seed(SEED + 100)

env = gym.make(task)
assert isinstance(env.action_space, gym.spaces.Discrete)
space_info = SpaceInfo.from_env(env)
state_shape = space_info.observation_info.obs_shape
action_shape = space_info.action_info.action_shape
net = Net(state_shape=state_shape, action_shape=action_shape, hidden_sizes=[128, 128, 128])
policy = DiscreteQLearningPolicy(model=net, action_space=env.action_space,
                                 eps_training=eps_train, eps_inference=eps_test)
algorithm = DQN(policy=policy, optim=AdamOptimizerFactory(lr=lr), gamma=gamma,
                n_step_return_horizon=n_step, target_update_freq=target_freq)

training_collector = ts.data.Collector[CollectStats](
    algorithm, training_envs, ts.data.VectorReplayBuffer(buffer_size, num_training_envs),
    exploration_noise=True)
test_collector = ts.data.Collector[CollectStats](algorithm, test_envs, exploration_noise=True)

result = algorithm.run_training(
    OffPolicyTrainerParams(
        training_collector=training_collector,
        test_collector=test_collector,
        max_epochs=epoch,
        epoch_num_steps=epoch_num_steps,
        collection_step_num_env_steps=collection_step_num_env_steps,
        test_step_num_episodes=num_test_envs,
        batch_size=batch_size,
        update_step_num_gradient_steps_per_sample=1 / collection_step_num_env_steps,
        stop_fn=lambda mean_rewards: mean_rewards >= env.spec.reward_threshold,
        logger=logger,
        test_in_training=True,
    )
)
print(f"Finished training in {result.timing.total_time} seconds")

events = sorted(glob.glob("log/**/events.out.tfevents.*", recursive=True))
assert len(events) == 1, events
accumulator = EventAccumulator(events[0], size_guidance={"scalars": 0})
accumulator.Reload()
TAG = "test/returns_stat/mean"
test_reward = [(event.step, event.value) for event in accumulator.Scalars(TAG)]
# every scalar the logger wrote, as the file keeps it (file_metrics: expected when the file is
# read); info/* is written at the epoch (log_info_data), test/* and training/* at the env step
file_metrics = {tag: series(((event.step, event.value) for event in accumulator.Scalars(tag)),
                            "epoch" if tag.startswith("info/") else "step", rel_tolerance=1e-7)
                for tag in accumulator.Tags()["scalars"]
                if tag.rpartition("/")[2] not in ("epoch", "step", "global_step")}
write_truth("tianshou", ts.__version__, f"TensorboardLogger {events[0]} ({TAG})",
            {"test_reward": series(test_reward, "step", tolerance=5e-7, rel_tolerance=1e-7)},
            files=[events[0]], also_ok=["best_reward", "it/s", "len", "rew", "s/it", "total_time"],
            notes="tqdm bar postfix rew/len (per collect step) not recorded at that rate "
                  "(also_ok); env_step, env_episode, n_ep, n_st, update_step are counters",
            file_metrics=file_metrics)
