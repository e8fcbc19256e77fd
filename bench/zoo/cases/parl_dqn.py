"""Baidu's PARL 2.2.1 (``parl`` from PyPI, its last release; on PaddlePaddle 3.0.0's CPU
wheel) running its DQN quick start, ``examples/DQN`` of PaddlePaddle/PARL at
3bb5fe36d245f4d69bae0710dc1dc9d1a172f64d (``develop``, 2023-05-20; the example's files last
changed in 83a6dcaa, 2022-11-28, for PARL 2.1): ``train.py``, ``cartpole_model.py`` and
``cartpole_agent.py``, held verbatim below, each checked against its git blob id
(``train.py`` before the case's lines are added), written into the cwd and run in-process
(``runpy``, as ``__main__``, the cwd first on ``sys.path`` for its ``from cartpole_model
import ...``), as its README runs it: ``python train.py``, every option at its default
(``--max_episode 800``, the only one; no constant changed). 15 to 30 s here: with the case's
seeds the agent learns late (test reward about 9 until episode 650, bar 23.4 at 500, then
44.4, 143.2 and the 200 cap at 800), so most episodes are short. The example: a 4-128-128-2 MLP
``CartpoleModel``, ``parl.algorithms.DQN`` (gamma 0.99, lr 5e-4, Adam, MSE loss),
``CartpoleAgent`` (e-greedy from 0.1 down by 1e-6 an action sampled, floored at 0.01; the
target network synced every 200 learn steps), ``ReplayMemory`` of 200,000 with a warm-up of
200 transitions, a learn step (batch 64) every 5 environment steps, on gym 0.26.2's
``CartPole-v0`` through PARL's ``CompatWrapper`` (its test episodes on ``CartPole-v1``).
Every 50 training episodes it runs 5 greedy test episodes and logs their mean.

Backend: ``import parl`` detects PaddlePaddle in a subprocess with ``import paddle; from
paddle import fluid`` (``parl/utils/utils.py``); ``paddle.fluid`` was removed in Paddle 2.6,
and PyPI's oldest Paddle for Python 3.11 is 2.6.2, so PARL 2.2.1 finds "no deep
learning framework" (``parl.Agent`` and ``parl.Model`` are then missing). PARL's own switch
for this, ``export PARL_BACKEND=paddle`` (read by ``parl/__init__.py``, which logs it), is
set by the case before PARL is imported: ``from parl.core.paddle import *`` then loads, and
the example trains on Paddle 3.0.0's dygraph API unchanged.

What it prints: PARL's ``parl.utils.logger`` (a ``logging`` handler on stdout, format
``[%m-%d %H:%M:%S ThreadName @file:line] message``, the bracket in termcolor's green, which
termcolor 3 drops when stdout is not a terminal, so only the pty run is coloured)::

 [12-07 14:43:36 MainThread @logger.py:242] Argv: train.py
 [12-07 14:43:38 MainThread @__init__.py:26] Have found environment variable `PARL_BACKEND`==\
'paddle', switching backend framework to [paddle]
 [12-07 14:43:38 MainThread @train.py:90] obs_dim 4, act_dim 2
 [12-07 14:43:39 MainThread @train.py:117] episode:50    e_greed:0.0993009999999993   Test \
reward:9.4
 ...
 [12-07 14:44:00 MainThread @train.py:117] episode:800    e_greed:0.0797999999999798   Test \
reward:200.0

(one ``episode:`` line every 50 episodes, 16 in all), and on stderr the warnings of its
libraries: gym_notices' "Gym has been unmaintained since 2022 ..." notice, Paddle's "No
ccache found" ``UserWarning`` (twice), pynvml's ``FutureWarning``, gym's "The environment
CartPole-v0 is out of date" and its passive checker's ``np.bool8`` ``DeprecationWarning``.
The values are ``str.format`` of a Python float (``agent.e_greed``: its repr, the shortest
text that reads back to it, so the 1e-6 steps show their float error) and of ``np.mean`` of
the 5 test rewards (a numpy float64, likewise its shortest repr: ``9.4``, ``200.0``).

Truth: the DQN example keeps no record. PARL's ``parl.utils.summary`` (VisualDL's
``LogWriter`` when visualdl is installed, else tensorboardX's ``SummaryWriter``, under
``train_log/<script>/``) is what other PARL examples (DDPG, PPO, SAC, DQN_variant) call
``summary.add_scalar`` on; ``examples/DQN/train.py`` never calls it, nor ``logger.set_dir``
/ ``auto_set_dir`` (so no ``train_log/.../log.log`` either), and the checkpoint
``model.ckpt`` and ``inference_model.*`` hold only weights. So the values train.py computes
are the record: one line added to the stock text (``RECORD_LINES``, no line changed), right
after the ``logger.info(...)`` call of the test part, appends ``(episode, agent.e_greed,
eval_reward)`` to a list the case passes in (``runpy``'s ``init_globals``); nothing is parsed
from stdout. Lines are only added after line 117, so the logged ``@train.py:117`` is the
stock file's. Judgement calls (docs/metrics.md):
- Names: PARL keys nothing (a ``str.format`` message), so the names are the printed words
  under exptrack's documented naming rule: ``Test reward`` -> ``test_reward`` (a phase word
  before a name prefixes it as printed, as ``Validation score`` -> ``validation_score``),
  and ``e_greed`` as printed.
- ``e_greed`` is a metric, not ``also_ok``: it is the agent's exploration rate after the
  episodes so far (it falls by 1e-6 an action sampled, floored at 0.01), state the loop
  computes and prints, as Stable-Baselines3's ``rollout/exploration_rate`` is a metric of
  ``sb3_dqn``; it is not a configured schedule printed back (lr in ``also_ok`` elsewhere).
- Axis ``step``: ``episode`` (50, 100, ..., 800), the training episodes so far; 16 points
  each.
- Tolerances: none (exact): both values are printed at full precision (a float's repr), so
  the printed text reads back to the recorded float.
- Not metrics: ``episode`` (the step), ``obs_dim 4, act_dim 2`` (the environment's sizes),
  the ``[12-07 14:43:39 ...]`` timestamps. The training loss ``train_loss`` of
  ``run_train_episode`` is computed but neither printed nor kept, so it is no truth metric.
- Determinism: train.py seeds nothing; the case seeds ``random``, numpy (the agent's
  e-greedy draws and the replay memory's sampling) and ``paddle.seed(0)`` (the model's
  initialisation), and makes gym's unseeded ``seeding.np_random()`` (each ``env.reset()``
  of an environment never given a seed: the training environment and every test part's new
  one) take seeds 0, 1, 2, ... in turn instead of the OS's entropy, so the run repeats; only
  the timestamps vary.
"""
# zoo-venv: parl

import itertools
import os
import random
import runpy
import sys
from importlib.metadata import version
from pathlib import Path

SOURCE_REPO = "PaddlePaddle/PARL"
SOURCE_COMMIT = "3bb5fe36d245f4d69bae0710dc1dc9d1a172f64d"
MAX_EPISODE = 800  # train.py's --max_episode default, left as it is

# the record: a line added to train.py right after the test part's logger.info call (anchor
# -> the line after it); no line of the stock text changed
RECORD_LINES = {
    "            episode, agent.e_greed, eval_reward))\n":
        "        ZOO_RECORD.append((episode, agent.e_greed, eval_reward))"
        "  # zoo: the values just logged\n",
}


def main() -> None:
    # parl's logger prints "Argv: ..." when first imported: the README's command line
    sys.argv = ["train.py"]
    # PARL 2.2.1's backend check imports paddle.fluid (gone since Paddle 2.6): its own switch
    os.environ["PARL_BACKEND"] = "paddle"

    import gym
    import gym.utils.seeding
    import numpy as np
    import paddle
    from _truth import series, write_truth
    from _verbatim import git_blob_id, with_lines

    for name, (text, blob) in FILES.items():
        if git_blob_id(text) != blob:
            sys.exit(f"{name} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
        if name == "train.py":
            text = with_lines(text, RECORD_LINES)
        Path(name).write_text(text, encoding="utf-8")
    sys.path.insert(0, str(Path.cwd()))  # train.py's `from cartpole_model import ...`

    # train.py seeds nothing: the case does, for a run that repeats
    random.seed(0)
    np.random.seed(0)
    paddle.seed(0)
    unseeded = itertools.count()
    np_random = gym.utils.seeding.np_random

    def seeded_np_random(seed=None):
        return np_random(next(unseeded) if seed is None else seed)

    gym.utils.seeding.np_random = seeded_np_random

    record: list[tuple[int, float, float]] = []
    runpy.run_path("train.py", init_globals={"ZOO_RECORD": record}, run_name="__main__")

    assert [episode for episode, _, _ in record] == list(range(50, MAX_EPISODE + 1, 50))
    source = (f"{SOURCE_REPO} examples/DQN at {SOURCE_COMMIT[:8]} (parl {version('parl')}, "
              f"paddlepaddle {paddle.__version__}, gym {gym.__version__})")
    write_truth(
        "parl", version("parl"),
        f"{source}: train.py's episode, agent.e_greed and eval_reward at each test part's "
        "logger.info call (a line the case adds after it); the example keeps no record",
        {"e_greed": series([(episode, e_greed) for episode, e_greed, _ in record], "step"),
         "test_reward": series([(episode, reward) for episode, _, reward in record], "step")})


# examples/DQN/train.py at SOURCE_COMMIT, verbatim
TRAIN_PY = r'''#   Copyright (c) 2020 PaddlePaddle Authors. All Rights Reserved.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.

import os
import gym
import numpy as np
import parl
import argparse
from parl.utils import logger, ReplayMemory
from cartpole_model import CartpoleModel
from cartpole_agent import CartpoleAgent
from parl.env import CompatWrapper, is_gym_version_ge
from parl.algorithms import DQN

LEARN_FREQ = 5  # training frequency
MEMORY_SIZE = 200000
MEMORY_WARMUP_SIZE = 200
BATCH_SIZE = 64
LEARNING_RATE = 0.0005
GAMMA = 0.99


# train an episode
def run_train_episode(agent, env, rpm):
    total_reward = 0
    obs = env.reset()
    step = 0
    while True:
        step += 1
        action = agent.sample(obs)
        next_obs, reward, done, _ = env.step(action)
        rpm.append(obs, action, reward, next_obs, done)
        # train model
        if (len(rpm) > MEMORY_WARMUP_SIZE) and (step % LEARN_FREQ == 0):
            # s,a,r,s',done
            (batch_obs, batch_action, batch_reward, batch_next_obs,
             batch_done) = rpm.sample_batch(BATCH_SIZE)
            train_loss = agent.learn(batch_obs, batch_action, batch_reward,
                                     batch_next_obs, batch_done)

        total_reward += reward
        obs = next_obs
        if done:
            break
    return total_reward


# evaluate 5 episodes
def run_evaluate_episodes(agent, eval_episodes=5, render=False):
    # Compatible for different versions of gym
    if is_gym_version_ge("0.26.0") and render:  # if gym version >= 0.26.0
        env = gym.make('CartPole-v1', render_mode="human")
    else:
        env = gym.make('CartPole-v1')
    env = CompatWrapper(env)

    eval_reward = []
    for i in range(eval_episodes):
        obs = env.reset()
        episode_reward = 0
        while True:
            action = agent.predict(obs)
            obs, reward, done, _ = env.step(action)
            episode_reward += reward
            if render:
                env.render()
            if done:
                break
        eval_reward.append(episode_reward)
    return np.mean(eval_reward)


def main():
    env = gym.make('CartPole-v0')
    # Compatible for different versions of gym
    env = CompatWrapper(env)
    obs_dim = env.observation_space.shape[0]
    act_dim = env.action_space.n
    logger.info('obs_dim {}, act_dim {}'.format(obs_dim, act_dim))

    # set action_shape = 0 while in discrete control environment
    rpm = ReplayMemory(MEMORY_SIZE, obs_dim, 0)

    # build an agent
    model = CartpoleModel(obs_dim=obs_dim, act_dim=act_dim)
    alg = DQN(model, gamma=GAMMA, lr=LEARNING_RATE)
    agent = CartpoleAgent(
        alg, act_dim=act_dim, e_greed=0.1, e_greed_decrement=1e-6)

    # warmup memory
    while len(rpm) < MEMORY_WARMUP_SIZE:
        run_train_episode(agent, env, rpm)

    max_episode = args.max_episode

    # start training
    episode = 0
    while episode < max_episode:
        # train part
        for i in range(50):
            total_reward = run_train_episode(agent, env, rpm)
            episode += 1

        # test part
        eval_reward = run_evaluate_episodes(agent, render=False)
        logger.info('episode:{}    e_greed:{}   Test reward:{}'.format(
            episode, agent.e_greed, eval_reward))

    # save the parameters to ./model.ckpt
    save_path = './model.ckpt'
    agent.save(save_path)

    # save the model and parameters of policy network for inference
    save_inference_path = './inference_model'
    input_shapes = [[None, env.observation_space.shape[0]]]
    input_dtypes = ['float32']
    agent.save_inference_model(save_inference_path, input_shapes, input_dtypes)


if __name__ == '__main__':

    parser = argparse.ArgumentParser()
    parser.add_argument(
        '--max_episode',
        type=int,
        default=800,
        help='stop condition: number of max episode')
    args = parser.parse_args()

    main()
'''


# examples/DQN/cartpole_model.py at SOURCE_COMMIT, verbatim
CARTPOLE_MODEL_PY = r'''#   Copyright (c) 2020 PaddlePaddle Authors. All Rights Reserved.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.

import paddle
import paddle.nn as nn
import paddle.nn.functional as F
import parl


class CartpoleModel(parl.Model):
    """ Linear network to solve Cartpole problem.

    Args:
        obs_dim (int): Dimension of observation space.
        act_dim (int): Dimension of action space.
    """

    def __init__(self, obs_dim, act_dim):
        super(CartpoleModel, self).__init__()
        hid1_size = 128
        hid2_size = 128
        self.fc1 = nn.Linear(obs_dim, hid1_size)
        self.fc2 = nn.Linear(hid1_size, hid2_size)
        self.fc3 = nn.Linear(hid2_size, act_dim)

    def forward(self, obs):
        h1 = F.relu(self.fc1(obs))
        h2 = F.relu(self.fc2(h1))
        Q = self.fc3(h2)
        return Q
'''


# examples/DQN/cartpole_agent.py at SOURCE_COMMIT, verbatim
CARTPOLE_AGENT_PY = r'''#   Copyright (c) 2020 PaddlePaddle Authors. All Rights Reserved.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.

import parl
import paddle
import numpy as np


class CartpoleAgent(parl.Agent):
    """Agent of Cartpole env.

    Args:
        algorithm(parl.Algorithm): algorithm used to solve the problem.

    """

    def __init__(self, algorithm, act_dim, e_greed=0.1, e_greed_decrement=0):
        super(CartpoleAgent, self).__init__(algorithm)
        assert isinstance(act_dim, int)
        self.act_dim = act_dim

        self.global_step = 0
        self.update_target_steps = 200

        self.e_greed = e_greed
        self.e_greed_decrement = e_greed_decrement

    def sample(self, obs):
        """Sample an action `for exploration` when given an observation

        Args:
            obs(np.float32): shape of (obs_dim,)

        Returns:
            act(int): action
        """
        sample = np.random.random()
        if sample < self.e_greed:
            act = np.random.randint(self.act_dim)
        else:
            if np.random.random() < 0.01:
                act = np.random.randint(self.act_dim)
            else:
                act = self.predict(obs)
        self.e_greed = max(0.01, self.e_greed - self.e_greed_decrement)
        return act

    def predict(self, obs):
        """Predict an action when given an observation

        Args:
            obs(np.float32): shape of (obs_dim,)

        Returns:
            act(int): action
        """
        obs = paddle.to_tensor(obs, dtype='float32')
        pred_q = self.alg.predict(obs)
        act = int(pred_q.argmax())
        return act

    def learn(self, obs, act, reward, next_obs, terminal):
        """Update model with an episode data

        Args:
            obs(np.float32): shape of (batch_size, obs_dim)
            act(np.int32): shape of (batch_size)
            reward(np.float32): shape of (batch_size)
            next_obs(np.float32): shape of (batch_size, obs_dim)
            terminal(np.float32): shape of (batch_size)

        Returns:
            loss(float)

        """
        if self.global_step % self.update_target_steps == 0:
            self.alg.sync_target()
        self.global_step += 1

        act = np.expand_dims(act, axis=-1)
        reward = np.expand_dims(reward, axis=-1)
        terminal = np.expand_dims(terminal, axis=-1)

        obs = paddle.to_tensor(obs, dtype='float32')
        act = paddle.to_tensor(act, dtype='int32')
        reward = paddle.to_tensor(reward, dtype='float32')
        next_obs = paddle.to_tensor(next_obs, dtype='float32')
        terminal = paddle.to_tensor(terminal, dtype='float32')
        loss = self.alg.learn(obs, act, reward, next_obs, terminal)
        return float(loss)
'''


# what the case writes into the cwd: name -> (its text at SOURCE_COMMIT, its git blob id)
FILES = {
    "train.py": (TRAIN_PY, "8fc67cda7ce452814a39b6310dc307df17182843"),
    "cartpole_model.py": (CARTPOLE_MODEL_PY, "c1c916952c7d1850ae4b2d7cd86348a17fb322ab"),
    "cartpole_agent.py": (CARTPOLE_AGENT_PY, "c1bbe4ef4d0e83466555bb850c04b114c424caaa"),
}


if __name__ == "__main__":
    main()
