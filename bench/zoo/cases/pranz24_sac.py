"""pranz24's pytorch-soft-actor-critic (github.com/pranz24/pytorch-soft-actor-critic, no pip
package, no release: master at c1805660b3961694be54079a355155a5cad492f5, 2025-07-17, the
archived repository's last commit), its ``main.py`` "PyTorch Soft Actor-Critic Args" run as
its README runs it, small: ``python main.py --env-name Pendulum-v1 --num_steps 4000
--start_steps 500 --batch_size 3960 --hidden_size 32`` (every other flag at its default:
Gaussian policy, ``--eval True``, gamma 0.99, tau 0.005, lr 3e-4, alpha 0.2 fixed, seed
123456, one update a step, replay 1e6, no ``--cuda``), in a subprocess with stdout and
stderr inherited. Files: ``main.py``, ``sac.py``, ``model.py``, ``replay_memory.py`` and
``utils.py`` at that commit, held verbatim below, each checked against its git blob id and
written into the cwd as in the repository (main.py imports ``sac`` and ``replay_memory``;
sac.py ``utils`` and ``model``). No line is added: everything main.py prints as a metric it
also writes to its own TensorBoard file. On the CPU build of torch 2.13.0 with gym 0.25.2
(numpy 1.26.4) and tensorboard 2.21.0 (``requirements-sacpranz.txt``): main.py's ``import
gym``, ``env.seed(args.seed)``, ``state = env.reset()`` (the observation alone),
``next_state, reward, done, _ = env.step(action)`` (four values) and
``env._max_episode_steps`` are the pre-0.26 gym API, and ``from torch.utils.tensorboard
import SummaryWriter`` needs the ``tensorboard`` package. Pendulum-v1 is classic control:
nothing to download, nothing rendered.

Size: main.py evaluates every 10 episodes (``if i_episode % 10 == 0 and args.eval is
True``, 10 test episodes each), and Pendulum-v1's episodes are 200 steps (gym's TimeLimit),
so two evaluations need 20 episodes: ``--num_steps 4000`` (the loop breaks after the first
episode that ends past it, episode 21, before printing it). The brief's ``--num_steps 3000``
stops after 15 episodes with one evaluation. main.py updates the networks once a step as
soon as the replay buffer holds more than ``--batch_size`` transitions and writes five
scalars an update (``loss/critic_1``, ``loss/critic_2``, ``loss/policy``,
``loss/entropy_loss``, ``entropy_temprature/alpha``): with ``--batch_size 64`` that is about
4,100 updates, a 1.2 MB event file a mode and more than ten minutes on this loaded 2-core
machine (the hidden size 256 default). So ``--batch_size 3960`` (updates only in the last
239 steps, from step 3962 on: the check comes before the step's transition is pushed;
episodes 20 and 21, so the first evaluation is of the untrained policy) and
``--hidden_size 32``: about 20 s, a 65 KB event file. ``--start_steps 500`` as the brief
asks (random actions for the first 500 steps).

What it prints: on stderr, gym_notices 0.1.0's three-line notice at ``import gym`` (``Gym
has been unmaintained since 2022 and does not support NumPy 2.0 ...``; the case itself
imports neither gym nor torch, so it appears once), then gym 0.25's four
``DeprecationWarning``s, each with its source line (``WARN: Initializing wrapper in old step
API ...`` and ``WARN: Initializing environment in old step API ...`` at ``gym.make``,
``WARN: Function `env.seed(seed)` is marked as deprecated ...``, and the environment
checker's ``np.bool8`` alias, with ANSI colour codes in the ``WARN`` ones); on stdout
(block-buffered under a pipe), one line an episode::

    Episode: 1, total numsteps: 200, episode steps: 200, reward: -1149.97

(``round(episode_reward, 2)``, printed by Python's ``str``: ``-1568.4`` when the second
decimal is 0), and after episodes 10 and 20::

    ----------------------------------------
    Test Episodes: 10, Avg. Reward: -1518.87
    ----------------------------------------

Truth: main.py's own ``SummaryWriter`` event file, ``runs/<date>_SAC_Pendulum-v1_Gaussian_/``
(``_records.tb_folder``; listed in ``files``). Judgement calls:
- ``reward`` (tag ``reward/train``, written right before the line prints it, at step
  ``i_episode``): the printed name, 20 points, key ``step`` (the episode number the line
  prints; TensorBoard's step axis). Tolerance: printed to 2 decimals (``round``) -> 0.005,
  plus ``rel_tolerance=1e-6`` for the event file's float32 (``simple_value``) of the float64
  sum (about 1e-4 at -1500).
- ``Avg_Reward`` (tag ``avg_reward/test``, at step ``i_episode`` 10 and 20): the printed
  ``Avg. Reward`` by the naming rule (the period of the abbreviation dropped, the space an
  underscore, case kept, as NumPyro's ``avg. loss`` is ``avg_loss``); ``Test Episodes: 10``
  before it on the line is the evaluation's episode count, not a phase word of the value (a
  call that could go the other way: ``test_Avg_Reward``). Same tolerances as ``reward``.
- Counters, not metrics: ``Episode`` (the step), ``total numsteps`` (the environment steps
  so far), ``Test Episodes`` (always 10). ``episode steps`` is the episode's length (always
  200 here: the time limit), kept by nothing main.py writes; the docs leave ``Episode N ...
  Steps: M`` either a counter or an episode's length by the collector, so no truth for it
  and it is in ``also_ok`` (recorded or not, no miss and no junk). No recording line was
  needed: every value the run prints as a metric is in the event file.
- Every scalar tag is also a ``file_metrics`` series under its tag (the printed ones' too,
  as ``cleanrl_dqn``), exact float32, ``rel_tolerance=1e-6``: ``reward/train``,
  ``avg_reward/test`` and the five update tags written only there, at step ``updates``
  (0-based; 239 points each).
- Determinism: main.py seeds torch, numpy, the environment and its action space (123456),
  and ReplayMemory seeds ``random``; the values repeat on the CPU (one thread).
"""
# zoo-venv: sacpranz

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from _records import tb_folder
from _truth import series, write_truth
from _verbatim import git_blob_id

SOURCE_REPO = "pranz24/pytorch-soft-actor-critic"
SOURCE_COMMIT = "c1805660b3961694be54079a355155a5cad492f5"
ARGS = ["--env-name", "Pendulum-v1", "--num_steps", "4000", "--start_steps", "500",
        "--batch_size", "3960", "--hidden_size", "32"]
PRINTED = {"reward/train": "reward", "avg_reward/test": "Avg_Reward"}


def main() -> None:
    for name, (text, blob) in FILES.items():
        if git_blob_id(text) != blob:
            sys.exit(f"{name} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
        Path(name).write_text(text, encoding="utf-8")
    subprocess.run([sys.executable, "main.py", *ARGS], check=True)

    (run_dir,) = sorted(Path("runs").glob("*_SAC_Pendulum-v1_Gaussian_"))
    event_files, found = tb_folder(str(run_dir))
    metrics = {name: series(found[tag], "step", tolerance=0.005, rel_tolerance=1e-6)
               for tag, name in PRINTED.items()}
    assert len(metrics["reward"]["values"]) == 20, found["reward/train"]
    assert len(metrics["Avg_Reward"]["values"]) == 2, found["avg_reward/test"]
    file_metrics = {tag: series(pairs, "step", rel_tolerance=1e-6)
                    for tag, pairs in found.items()}  # the printed ones' tags too (PRINTED)
    write_truth("pytorch-soft-actor-critic", f"repo {SOURCE_COMMIT[:12]}",
                f"main.py's SummaryWriter event file under {run_dir} (tb_folder)", metrics,
                files=event_files, file_metrics=file_metrics, also_ok=["episode_steps"],
                notes=f"{SOURCE_REPO} at {SOURCE_COMMIT}, python main.py {' '.join(ARGS)}; "
                      f"torch {version('torch')}, gym {version('gym')}; scalar tags found: "
                      + ", ".join(sorted(found)))


# main.py at SOURCE_COMMIT, verbatim
MAIN_PY = r'''import argparse
import datetime
import gym
import numpy as np
import itertools
import torch
from sac import SAC
from torch.utils.tensorboard import SummaryWriter
from replay_memory import ReplayMemory

parser = argparse.ArgumentParser(description='PyTorch Soft Actor-Critic Args')
parser.add_argument('--env-name', default="HalfCheetah-v2",
                    help='Mujoco Gym environment (default: HalfCheetah-v2)')
parser.add_argument('--policy', default="Gaussian",
                    help='Policy Type: Gaussian | Deterministic (default: Gaussian)')
parser.add_argument('--eval', type=bool, default=True,
                    help='Evaluates a policy a policy every 10 episode (default: True)')
parser.add_argument('--gamma', type=float, default=0.99, metavar='G',
                    help='discount factor for reward (default: 0.99)')
parser.add_argument('--tau', type=float, default=0.005, metavar='G',
                    help='target smoothing coefficient(τ) (default: 0.005)')
parser.add_argument('--lr', type=float, default=0.0003, metavar='G',
                    help='learning rate (default: 0.0003)')
parser.add_argument('--alpha', type=float, default=0.2, metavar='G',
                    help='Temperature parameter α determines the relative importance of the entropy\
                            term against the reward (default: 0.2)')
parser.add_argument('--automatic_entropy_tuning', type=bool, default=False, metavar='G',
                    help='Automaically adjust α (default: False)')
parser.add_argument('--seed', type=int, default=123456, metavar='N',
                    help='random seed (default: 123456)')
parser.add_argument('--batch_size', type=int, default=256, metavar='N',
                    help='batch size (default: 256)')
parser.add_argument('--num_steps', type=int, default=1000001, metavar='N',
                    help='maximum number of steps (default: 1000000)')
parser.add_argument('--hidden_size', type=int, default=256, metavar='N',
                    help='hidden size (default: 256)')
parser.add_argument('--updates_per_step', type=int, default=1, metavar='N',
                    help='model updates per simulator step (default: 1)')
parser.add_argument('--start_steps', type=int, default=10000, metavar='N',
                    help='Steps sampling random actions (default: 10000)')
parser.add_argument('--target_update_interval', type=int, default=1, metavar='N',
                    help='Value target update per no. of updates per step (default: 1)')
parser.add_argument('--replay_size', type=int, default=1000000, metavar='N',
                    help='size of replay buffer (default: 10000000)')
parser.add_argument('--cuda', action="store_true",
                    help='run on CUDA (default: False)')
args = parser.parse_args()

# Environment
# env = NormalizedActions(gym.make(args.env_name))
env = gym.make(args.env_name)
env.seed(args.seed)
env.action_space.seed(args.seed)

torch.manual_seed(args.seed)
np.random.seed(args.seed)

# Agent
agent = SAC(env.observation_space.shape[0], env.action_space, args)

#Tesnorboard
writer = SummaryWriter('runs/{}_SAC_{}_{}_{}'.format(datetime.datetime.now().strftime("%Y-%m-%d_%H-%M-%S"), args.env_name,
                                                             args.policy, "autotune" if args.automatic_entropy_tuning else ""))

# Memory
memory = ReplayMemory(args.replay_size, args.seed)

# Training Loop
total_numsteps = 0
updates = 0

for i_episode in itertools.count(1):
    episode_reward = 0
    episode_steps = 0
    done = False
    state = env.reset()

    while not done:
        if args.start_steps > total_numsteps:
            action = env.action_space.sample()  # Sample random action
        else:
            action = agent.select_action(state)  # Sample action from policy

        if len(memory) > args.batch_size:
            # Number of updates per step in environment
            for i in range(args.updates_per_step):
                # Update parameters of all the networks
                critic_1_loss, critic_2_loss, policy_loss, ent_loss, alpha = agent.update_parameters(memory, args.batch_size, updates)

                writer.add_scalar('loss/critic_1', critic_1_loss, updates)
                writer.add_scalar('loss/critic_2', critic_2_loss, updates)
                writer.add_scalar('loss/policy', policy_loss, updates)
                writer.add_scalar('loss/entropy_loss', ent_loss, updates)
                writer.add_scalar('entropy_temprature/alpha', alpha, updates)
                updates += 1

        next_state, reward, done, _ = env.step(action) # Step
        episode_steps += 1
        total_numsteps += 1
        episode_reward += reward

        # Ignore the "done" signal if it comes from hitting the time horizon.
        # (https://github.com/openai/spinningup/blob/master/spinup/algos/sac/sac.py)
        mask = 1 if episode_steps == env._max_episode_steps else float(not done)

        memory.push(state, action, reward, next_state, mask) # Append transition to memory

        state = next_state

    if total_numsteps > args.num_steps:
        break

    writer.add_scalar('reward/train', episode_reward, i_episode)
    print("Episode: {}, total numsteps: {}, episode steps: {}, reward: {}".format(i_episode, total_numsteps, episode_steps, round(episode_reward, 2)))

    if i_episode % 10 == 0 and args.eval is True:
        avg_reward = 0.
        episodes = 10
        for _  in range(episodes):
            state = env.reset()
            episode_reward = 0
            done = False
            while not done:
                action = agent.select_action(state, evaluate=True)

                next_state, reward, done, _ = env.step(action)
                episode_reward += reward


                state = next_state
            avg_reward += episode_reward
        avg_reward /= episodes


        writer.add_scalar('avg_reward/test', avg_reward, i_episode)

        print("----------------------------------------")
        print("Test Episodes: {}, Avg. Reward: {}".format(episodes, round(avg_reward, 2)))
        print("----------------------------------------")

env.close()

'''  # noqa: E501

# sac.py at SOURCE_COMMIT, verbatim
SAC_PY = r'''import os
import torch
import torch.nn.functional as F
from torch.optim import Adam
from utils import soft_update, hard_update
from model import GaussianPolicy, QNetwork, DeterministicPolicy


class SAC(object):
    def __init__(self, num_inputs, action_space, args):

        self.gamma = args.gamma
        self.tau = args.tau
        self.alpha = args.alpha

        self.policy_type = args.policy
        self.target_update_interval = args.target_update_interval
        self.automatic_entropy_tuning = args.automatic_entropy_tuning

        self.device = torch.device("cuda" if args.cuda else "cpu")

        self.critic = QNetwork(num_inputs, action_space.shape[0], args.hidden_size).to(device=self.device)
        self.critic_optim = Adam(self.critic.parameters(), lr=args.lr)

        self.critic_target = QNetwork(num_inputs, action_space.shape[0], args.hidden_size).to(self.device)
        hard_update(self.critic_target, self.critic)

        if self.policy_type == "Gaussian":
            # Target Entropy = −dim(A) (e.g. , -6 for HalfCheetah-v2) as given in the paper
            if self.automatic_entropy_tuning is True:
                self.target_entropy = -torch.prod(torch.Tensor(action_space.shape).to(self.device)).item()
                self.log_alpha = torch.zeros(1, requires_grad=True, device=self.device)
                self.alpha_optim = Adam([self.log_alpha], lr=args.lr)

            self.policy = GaussianPolicy(num_inputs, action_space.shape[0], args.hidden_size, action_space).to(self.device)
            self.policy_optim = Adam(self.policy.parameters(), lr=args.lr)

        else:
            self.alpha = 0
            self.automatic_entropy_tuning = False
            self.policy = DeterministicPolicy(num_inputs, action_space.shape[0], args.hidden_size, action_space).to(self.device)
            self.policy_optim = Adam(self.policy.parameters(), lr=args.lr)

    def select_action(self, state, evaluate=False):
        state = torch.FloatTensor(state).to(self.device).unsqueeze(0)
        if evaluate is False:
            action, _, _ = self.policy.sample(state)
        else:
            _, _, action = self.policy.sample(state)
        return action.detach().cpu().numpy()[0]

    def update_parameters(self, memory, batch_size, updates):
        # Sample a batch from memory
        state_batch, action_batch, reward_batch, next_state_batch, mask_batch = memory.sample(batch_size=batch_size)

        state_batch = torch.FloatTensor(state_batch).to(self.device)
        next_state_batch = torch.FloatTensor(next_state_batch).to(self.device)
        action_batch = torch.FloatTensor(action_batch).to(self.device)
        reward_batch = torch.FloatTensor(reward_batch).to(self.device).unsqueeze(1)
        mask_batch = torch.FloatTensor(mask_batch).to(self.device).unsqueeze(1)

        with torch.no_grad():
            next_state_action, next_state_log_pi, _ = self.policy.sample(next_state_batch)
            qf1_next_target, qf2_next_target = self.critic_target(next_state_batch, next_state_action)
            min_qf_next_target = torch.min(qf1_next_target, qf2_next_target) - self.alpha * next_state_log_pi
            next_q_value = reward_batch + mask_batch * self.gamma * (min_qf_next_target)
        qf1, qf2 = self.critic(state_batch, action_batch)  # Two Q-functions to mitigate positive bias in the policy improvement step
        qf1_loss = F.mse_loss(qf1, next_q_value)  # JQ = 𝔼(st,at)~D[0.5(Q1(st,at) - r(st,at) - γ(𝔼st+1~p[V(st+1)]))^2]
        qf2_loss = F.mse_loss(qf2, next_q_value)  # JQ = 𝔼(st,at)~D[0.5(Q1(st,at) - r(st,at) - γ(𝔼st+1~p[V(st+1)]))^2]
        qf_loss = qf1_loss + qf2_loss

        self.critic_optim.zero_grad()
        qf_loss.backward()
        self.critic_optim.step()

        pi, log_pi, _ = self.policy.sample(state_batch)

        qf1_pi, qf2_pi = self.critic(state_batch, pi)
        min_qf_pi = torch.min(qf1_pi, qf2_pi)

        policy_loss = ((self.alpha * log_pi) - min_qf_pi).mean() # Jπ = 𝔼st∼D,εt∼N[α * logπ(f(εt;st)|st) − Q(st,f(εt;st))]

        self.policy_optim.zero_grad()
        policy_loss.backward()
        self.policy_optim.step()

        if self.automatic_entropy_tuning:
            alpha_loss = -(self.log_alpha * (log_pi + self.target_entropy).detach()).mean()

            self.alpha_optim.zero_grad()
            alpha_loss.backward()
            self.alpha_optim.step()

            self.alpha = self.log_alpha.exp()
            alpha_tlogs = self.alpha.clone() # For TensorboardX logs
        else:
            alpha_loss = torch.tensor(0.).to(self.device)
            alpha_tlogs = torch.tensor(self.alpha) # For TensorboardX logs


        if updates % self.target_update_interval == 0:
            soft_update(self.critic_target, self.critic, self.tau)

        return qf1_loss.item(), qf2_loss.item(), policy_loss.item(), alpha_loss.item(), alpha_tlogs.item()

    # Save model parameters
    def save_checkpoint(self, env_name, suffix="", ckpt_path=None):
        if not os.path.exists('checkpoints/'):
            os.makedirs('checkpoints/')
        if ckpt_path is None:
            ckpt_path = "checkpoints/sac_checkpoint_{}_{}".format(env_name, suffix)
        print('Saving models to {}'.format(ckpt_path))
        torch.save({'policy_state_dict': self.policy.state_dict(),
                    'critic_state_dict': self.critic.state_dict(),
                    'critic_target_state_dict': self.critic_target.state_dict(),
                    'critic_optimizer_state_dict': self.critic_optim.state_dict(),
                    'policy_optimizer_state_dict': self.policy_optim.state_dict()}, ckpt_path)

    # Load model parameters
    def load_checkpoint(self, ckpt_path, evaluate=False):
        print('Loading models from {}'.format(ckpt_path))
        if ckpt_path is not None:
            checkpoint = torch.load(ckpt_path)
            self.policy.load_state_dict(checkpoint['policy_state_dict'])
            self.critic.load_state_dict(checkpoint['critic_state_dict'])
            self.critic_target.load_state_dict(checkpoint['critic_target_state_dict'])
            self.critic_optim.load_state_dict(checkpoint['critic_optimizer_state_dict'])
            self.policy_optim.load_state_dict(checkpoint['policy_optimizer_state_dict'])

            if evaluate:
                self.policy.eval()
                self.critic.eval()
                self.critic_target.eval()
            else:
                self.policy.train()
                self.critic.train()
                self.critic_target.train()

'''  # noqa: E501

# model.py at SOURCE_COMMIT, verbatim
MODEL_PY = r'''import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Normal

LOG_SIG_MAX = 2
LOG_SIG_MIN = -20
epsilon = 1e-6

# Initialize Policy weights
def weights_init_(m):
    if isinstance(m, nn.Linear):
        torch.nn.init.xavier_uniform_(m.weight, gain=1)
        torch.nn.init.constant_(m.bias, 0)


class ValueNetwork(nn.Module):
    def __init__(self, num_inputs, hidden_dim):
        super(ValueNetwork, self).__init__()

        self.linear1 = nn.Linear(num_inputs, hidden_dim)
        self.linear2 = nn.Linear(hidden_dim, hidden_dim)
        self.linear3 = nn.Linear(hidden_dim, 1)

        self.apply(weights_init_)

    def forward(self, state):
        x = F.relu(self.linear1(state))
        x = F.relu(self.linear2(x))
        x = self.linear3(x)
        return x


class QNetwork(nn.Module):
    def __init__(self, num_inputs, num_actions, hidden_dim):
        super(QNetwork, self).__init__()

        # Q1 architecture
        self.linear1 = nn.Linear(num_inputs + num_actions, hidden_dim)
        self.linear2 = nn.Linear(hidden_dim, hidden_dim)
        self.linear3 = nn.Linear(hidden_dim, 1)

        # Q2 architecture
        self.linear4 = nn.Linear(num_inputs + num_actions, hidden_dim)
        self.linear5 = nn.Linear(hidden_dim, hidden_dim)
        self.linear6 = nn.Linear(hidden_dim, 1)

        self.apply(weights_init_)

    def forward(self, state, action):
        xu = torch.cat([state, action], 1)
        
        x1 = F.relu(self.linear1(xu))
        x1 = F.relu(self.linear2(x1))
        x1 = self.linear3(x1)

        x2 = F.relu(self.linear4(xu))
        x2 = F.relu(self.linear5(x2))
        x2 = self.linear6(x2)

        return x1, x2


class GaussianPolicy(nn.Module):
    def __init__(self, num_inputs, num_actions, hidden_dim, action_space=None):
        super(GaussianPolicy, self).__init__()
        
        self.linear1 = nn.Linear(num_inputs, hidden_dim)
        self.linear2 = nn.Linear(hidden_dim, hidden_dim)

        self.mean_linear = nn.Linear(hidden_dim, num_actions)
        self.log_std_linear = nn.Linear(hidden_dim, num_actions)

        self.apply(weights_init_)

        # action rescaling
        if action_space is None:
            self.action_scale = torch.tensor(1.)
            self.action_bias = torch.tensor(0.)
        else:
            self.action_scale = torch.FloatTensor(
                (action_space.high - action_space.low) / 2.)
            self.action_bias = torch.FloatTensor(
                (action_space.high + action_space.low) / 2.)

    def forward(self, state):
        x = F.relu(self.linear1(state))
        x = F.relu(self.linear2(x))
        mean = self.mean_linear(x)
        log_std = self.log_std_linear(x)
        log_std = torch.clamp(log_std, min=LOG_SIG_MIN, max=LOG_SIG_MAX)
        return mean, log_std

    def sample(self, state):
        mean, log_std = self.forward(state)
        std = log_std.exp()
        normal = Normal(mean, std)
        x_t = normal.rsample()  # for reparameterization trick (mean + std * N(0,1))
        y_t = torch.tanh(x_t)
        action = y_t * self.action_scale + self.action_bias
        log_prob = normal.log_prob(x_t)
        # Enforcing Action Bound
        log_prob -= torch.log(self.action_scale * (1 - y_t.pow(2)) + epsilon)
        log_prob = log_prob.sum(1, keepdim=True)
        mean = torch.tanh(mean) * self.action_scale + self.action_bias
        return action, log_prob, mean

    def to(self, device):
        self.action_scale = self.action_scale.to(device)
        self.action_bias = self.action_bias.to(device)
        return super(GaussianPolicy, self).to(device)


class DeterministicPolicy(nn.Module):
    def __init__(self, num_inputs, num_actions, hidden_dim, action_space=None):
        super(DeterministicPolicy, self).__init__()
        self.linear1 = nn.Linear(num_inputs, hidden_dim)
        self.linear2 = nn.Linear(hidden_dim, hidden_dim)

        self.mean = nn.Linear(hidden_dim, num_actions)
        self.noise = torch.Tensor(num_actions)

        self.apply(weights_init_)

        # action rescaling
        if action_space is None:
            self.action_scale = 1.
            self.action_bias = 0.
        else:
            self.action_scale = torch.FloatTensor(
                (action_space.high - action_space.low) / 2.)
            self.action_bias = torch.FloatTensor(
                (action_space.high + action_space.low) / 2.)

    def forward(self, state):
        x = F.relu(self.linear1(state))
        x = F.relu(self.linear2(x))
        mean = torch.tanh(self.mean(x)) * self.action_scale + self.action_bias
        return mean

    def sample(self, state):
        mean = self.forward(state)
        noise = self.noise.normal_(0., std=0.1)
        noise = noise.clamp(-0.25, 0.25)
        action = mean + noise
        return action, torch.tensor(0.), mean

    def to(self, device):
        self.action_scale = self.action_scale.to(device)
        self.action_bias = self.action_bias.to(device)
        self.noise = self.noise.to(device)
        return super(DeterministicPolicy, self).to(device)
'''  # noqa: W293

# replay_memory.py at SOURCE_COMMIT, verbatim
REPLAY_MEMORY_PY = r'''import random
import numpy as np
import os
import pickle

class ReplayMemory:
    def __init__(self, capacity, seed):
        random.seed(seed)
        self.capacity = capacity
        self.buffer = []
        self.position = 0

    def push(self, state, action, reward, next_state, done):
        if len(self.buffer) < self.capacity:
            self.buffer.append(None)
        self.buffer[self.position] = (state, action, reward, next_state, done)
        self.position = (self.position + 1) % self.capacity

    def sample(self, batch_size):
        batch = random.sample(self.buffer, batch_size)
        state, action, reward, next_state, done = map(np.stack, zip(*batch))
        return state, action, reward, next_state, done

    def __len__(self):
        return len(self.buffer)

    def save_buffer(self, env_name, suffix="", save_path=None):
        if not os.path.exists('checkpoints/'):
            os.makedirs('checkpoints/')

        if save_path is None:
            save_path = "checkpoints/sac_buffer_{}_{}".format(env_name, suffix)
        print('Saving buffer to {}'.format(save_path))

        with open(save_path, 'wb') as f:
            pickle.dump(self.buffer, f)

    def load_buffer(self, save_path):
        print('Loading buffer from {}'.format(save_path))

        with open(save_path, "rb") as f:
            self.buffer = pickle.load(f)
            self.position = len(self.buffer) % self.capacity
'''

# utils.py at SOURCE_COMMIT, verbatim
UTILS_PY = r'''import math
import torch

def create_log_gaussian(mean, log_std, t):
    quadratic = -((0.5 * (t - mean) / (log_std.exp())).pow(2))
    l = mean.shape
    log_z = log_std
    z = l[-1] * math.log(2 * math.pi)
    log_p = quadratic.sum(dim=-1) - log_z.sum(dim=-1) - 0.5 * z
    return log_p

def logsumexp(inputs, dim=None, keepdim=False):
    if dim is None:
        inputs = inputs.view(-1)
        dim = 0
    s, _ = torch.max(inputs, dim=dim, keepdim=True)
    outputs = s + (inputs - s).exp().sum(dim=dim, keepdim=True).log()
    if not keepdim:
        outputs = outputs.squeeze(dim)
    return outputs

def soft_update(target, source, tau):
    for target_param, param in zip(target.parameters(), source.parameters()):
        target_param.data.copy_(target_param.data * (1.0 - tau) + param.data * tau)

def hard_update(target, source):
    for target_param, param in zip(target.parameters(), source.parameters()):
        target_param.data.copy_(param.data)
'''

FILES = {
    "main.py": (MAIN_PY, "010807bc126a34006f76ad844b7af66dfe05a542"),
    "sac.py": (SAC_PY, "e0d0a3bb8718473d65bd225f99a779028a0f88ce"),
    "model.py": (MODEL_PY, "fcf53e6f7ee1b1ac3899f5750f51acf3107a5733"),
    "replay_memory.py": (REPLAY_MEMORY_PY, "28fd6471c7dba4d15763db705bd094481edbd037"),
    "utils.py": (UTILS_PY, "038ceb449cfa0ad15eca621d2ca4ca980780a133"),
}


if __name__ == "__main__":
    main()
