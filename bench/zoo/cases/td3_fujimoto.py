"""Scott Fujimoto's TD3, the reference implementation of "Addressing Function Approximation
Error in Actor-Critic Methods" (github.com/sfujim/TD3; no pip package, no release:
repository commit 34770ccdcb51df6f6c7d85c1ba7e40d71b940d16, 2023-07-14, master's last, whose
``TD3.py``, ``DDPG.py``, ``OurDDPG.py`` and ``utils.py`` date from 6a9f7610, 2021-04-05):
its ``main.py`` with ``TD3.py``, ``DDPG.py``, ``OurDDPG.py`` and ``utils.py`` (``main.py``
imports all four), held verbatim below, each checked against its git blob id (``main.py``
before the case's line is added; ``DDPG.py`` and ``utils.py`` have CRLF line ends in the
repository and are written back so), written into the cwd and run in-process (``runpy``,
as ``__main__``, the cwd first on ``sys.path``) as

    python main.py --env Pendulum-v1 --seed 0 --start_timesteps 1000 --eval_freq 1000
        --max_timesteps 3000

(``--policy TD3`` by default; the README's ``--env HalfCheetah-v2`` needs MuJoCo, so the
classic-control Pendulum-v1: 3 observations, 1 action in [-2, 2], 200-step episodes). On
the CPU build of torch 2.13.0 with gym 0.21.0 and numpy 1.26.4. ``main.py`` imports ``gym``
and uses its old API (``env.seed(seed)``, ``state = env.reset()``, a 4-tuple
``env.step``, ``env._max_episode_steps``): gym 0.21.0 is the last release where all of it
is current (0.22-0.25 deprecate ``env.seed`` with a warning, 0.26 removes it and returns
5-tuples) and the first with ``Pendulum-v1`` (0.21 renamed ``Pendulum-v0``); nothing is
patched. The run: 1000 steps of uniform random actions (``--start_timesteps``), then a TD3
update (batch 256, two 256-256 critics, a 256-256 actor updated every 2nd step) after every
environment step, 2000 updates in all; an evaluation of 10 episodes of the deterministic
policy on a second environment seeded ``seed + 100`` before training and every 1000 steps
(4 in all). About 30 s of CPU here (``OMP_NUM_THREADS=1``, as ``run.py`` sets it).

What it prints (all on stdout, ``print``; gym 0.21 prints nothing)::

 ---------------------------------------
 Policy: TD3, Env: Pendulum-v1, Seed: 0
 ---------------------------------------
 ---------------------------------------
 Evaluation over 10 episodes: -1690.832
 ---------------------------------------
 Total T: 200 Episode Num: 1 Episode T: 200 Reward: -1608.450
 ...
 Total T: 3000 Episode Num: 15 Episode T: 200 Reward: -1325.594
 ---------------------------------------
 Evaluation over 10 episodes: -1494.831
 ---------------------------------------

(``f"Total T: {t+1} Episode Num: {episode_num+1} Episode T: {episode_timesteps} Reward:
{episode_reward:.3f}"`` after each training episode, 15 lines; ``f"Evaluation over
{eval_episodes} episodes: {avg_reward:.3f}"`` between dashed rules, 4 times: the one before
training and the one at step 1000 print the same value, the policy not yet trained).

Truth: TD3's own record is ``results/TD3_Pendulum-v1_0.npy`` (``file_name =
f"{args.policy}_{args.env}_{args.seed}"``), the list ``evaluations`` of every evaluation's
average return, which main.py ``np.save``s after each evaluation (float64, the last save
holding all 4; the README: "NumPy arrays of ... evaluations"); the case reads it with
numpy. The training episodes' returns are printed but never saved, so one line added to
the stock text (``RECORD_LINES``, no line changed), right after that ``print(...)``,
appends ``(t+1, episode_num+1, episode_timesteps, episode_reward)``, the values the print
formats, to a list the case passes in (``runpy``'s ``init_globals``), before the loop resets
them; nothing is parsed from stdout. Judgement calls (docs/metrics.md):
- Names, as printed: main.py keys nothing (f-string messages), so ``Reward`` (the
  training episode's return, exploration noise included) and ``Evaluation`` for ``Evaluation
  over 10 episodes: X`` (what a value was computed over, ``over 10 episodes``, is no part of
  its name: docs/metrics.md's ``Validity over 1024 molecules: 68.65%``; the file's name for
  it is ``evaluations``).
- ``Episode T`` (``episode_timesteps``, the episode's length) is a metric, ``Episode_T``
  as printed: docs/metrics.md counts an episode's length as one (as ``dopamine_dqn``'s
  ``Episode length``); on Pendulum-v1 every episode is cut at 200 steps by its TimeLimit,
  so its 15 values are all 200.
- ``Total T`` (``t+1``, the environment steps so far) is the run's step counter and
  ``Episode Num`` the episode counter: no metric either, and not in ``also_ok`` (no
  timing), so a series under either is junk.
- Axis ``step``: ``Reward`` and ``Episode_T`` at the printed ``Episode Num`` (1..15;
  ``Total T`` is 200 times it); ``Evaluation`` at the environment step it follows (0, 1000,
  2000, 3000; the first is before any step).
- Counts: 15 training episodes (3000 / 200), 4 evaluations (1 + 3000 / 1000).
- Tolerances: ``:.3f`` -> 5e-4 for ``Reward`` and ``Evaluation``; ``Episode_T`` exact (an
  int).
- ``also_ok``: none (main.py prints no time, rate or learning rate).
- Not metrics: ``Policy: TD3, Env: Pendulum-v1, Seed: 0`` (the run's settings).
- Determinism: main.py seeds the training environment and its action space, torch and
  numpy with ``--seed 0`` and every evaluation environment with ``seed + 100``, so the run
  repeats exactly on the CPU.
"""
# zoo-venv: td3

import runpy
import sys
from importlib.metadata import version
from pathlib import Path

import numpy as np
import torch
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines

SOURCE_REPO = "sfujim/TD3"
SOURCE_COMMIT = "34770ccdcb51df6f6c7d85c1ba7e40d71b940d16"
ENV, SEED = "Pendulum-v1", 0
START_TIMESTEPS, EVAL_FREQ, MAX_TIMESTEPS = 1000, 1000, 3000  # of main.py's 25e3, 5e3, 1e6
ARGV = ["main.py", "--env", ENV, "--seed", str(SEED), "--start_timesteps",
        str(START_TIMESTEPS), "--eval_freq", str(EVAL_FREQ), "--max_timesteps",
        str(MAX_TIMESTEPS)]
EPISODE_STEPS = 200  # Pendulum-v1's TimeLimit

# the record: a line added to main.py right after the episode's print (anchor -> the line
# after it), the values that print formats; no line of the stock text changed
RECORD_LINES = {
    '\t\t\tprint(f"Total T: {t+1} Episode Num: {episode_num+1} Episode T: {episode_timesteps}'
    ' Reward: {episode_reward:.3f}")\n':
        "\t\t\tZOO_RECORD.append((t+1, episode_num+1, episode_timesteps, episode_reward))"
        "  # zoo: the values just printed\n",
}


def main() -> None:
    for name, (text, line_end, blob) in FILES.items():
        if line_end == "CRLF":
            text = text.replace("\n", "\r\n")
        if git_blob_id(text) != blob:
            sys.exit(f"{name} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
        if name == "main.py":
            text = with_lines(text, RECORD_LINES)
        Path(name).write_bytes(text.encode("utf-8"))  # line ends as they are

    sys.path.insert(0, str(Path.cwd()))  # main.py's `import utils`, `import TD3`, ...
    record: list[tuple[int, int, int, float]] = []
    sys.argv = list(ARGV)
    runpy.run_path("main.py", init_globals={"ZOO_RECORD": record}, run_name="__main__")

    # --- the truth: TD3's saved evaluations, and the episodes' values main.py printed ---
    results = f"results/TD3_{ENV}_{SEED}.npy"
    evaluations = np.load(results)
    assert evaluations.shape == (1 + MAX_TIMESTEPS // EVAL_FREQ,), evaluations
    assert len(record) == MAX_TIMESTEPS // EPISODE_STEPS, record
    source = f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]} (no release; torch {torch.__version__}, " \
             f"gym {version('gym')}, numpy {np.__version__})"
    write_truth(
        "TD3 (sfujim/TD3)", source,
        f"{results} (main.py's np.save of its evaluations list) for Evaluation; the values "
        "of each episode's print (a line the case adds after it) for Reward and Episode_T",
        {"Reward": series([(num, reward) for _, num, _, reward in record], "step",
                          tolerance=5e-4),
         "Episode_T": series([(num, steps) for _, num, steps, _ in record], "step"),
         "Evaluation": series([(i * EVAL_FREQ, value) for i, value in enumerate(evaluations)],
                              "step", tolerance=5e-4)},
        files=[results],
        notes="Reward and Episode_T: step = Episode Num; Total T (environment steps) = "
              + ", ".join(str(total) for total, _, _, _ in record)
              + ". Evaluation: step = environment steps before it (0 = untrained policy)")


# main.py at SOURCE_COMMIT, verbatim
MAIN_PY = r"""import numpy as np
import torch
import gym
import argparse
import os

import utils
import TD3
import OurDDPG
import DDPG


# Runs policy for X episodes and returns average reward
# A fixed seed is used for the eval environment
def eval_policy(policy, env_name, seed, eval_episodes=10):
	eval_env = gym.make(env_name)
	eval_env.seed(seed + 100)

	avg_reward = 0.
	for _ in range(eval_episodes):
		state, done = eval_env.reset(), False
		while not done:
			action = policy.select_action(np.array(state))
			state, reward, done, _ = eval_env.step(action)
			avg_reward += reward

	avg_reward /= eval_episodes

	print("---------------------------------------")
	print(f"Evaluation over {eval_episodes} episodes: {avg_reward:.3f}")
	print("---------------------------------------")
	return avg_reward


if __name__ == "__main__":
	
	parser = argparse.ArgumentParser()
	parser.add_argument("--policy", default="TD3")                  # Policy name (TD3, DDPG or OurDDPG)
	parser.add_argument("--env", default="HalfCheetah-v2")          # OpenAI gym environment name
	parser.add_argument("--seed", default=0, type=int)              # Sets Gym, PyTorch and Numpy seeds
	parser.add_argument("--start_timesteps", default=25e3, type=int)# Time steps initial random policy is used
	parser.add_argument("--eval_freq", default=5e3, type=int)       # How often (time steps) we evaluate
	parser.add_argument("--max_timesteps", default=1e6, type=int)   # Max time steps to run environment
	parser.add_argument("--expl_noise", default=0.1, type=float)    # Std of Gaussian exploration noise
	parser.add_argument("--batch_size", default=256, type=int)      # Batch size for both actor and critic
	parser.add_argument("--discount", default=0.99, type=float)     # Discount factor
	parser.add_argument("--tau", default=0.005, type=float)         # Target network update rate
	parser.add_argument("--policy_noise", default=0.2)              # Noise added to target policy during critic update
	parser.add_argument("--noise_clip", default=0.5)                # Range to clip target policy noise
	parser.add_argument("--policy_freq", default=2, type=int)       # Frequency of delayed policy updates
	parser.add_argument("--save_model", action="store_true")        # Save model and optimizer parameters
	parser.add_argument("--load_model", default="")                 # Model load file name, "" doesn't load, "default" uses file_name
	args = parser.parse_args()

	file_name = f"{args.policy}_{args.env}_{args.seed}"
	print("---------------------------------------")
	print(f"Policy: {args.policy}, Env: {args.env}, Seed: {args.seed}")
	print("---------------------------------------")

	if not os.path.exists("./results"):
		os.makedirs("./results")

	if args.save_model and not os.path.exists("./models"):
		os.makedirs("./models")

	env = gym.make(args.env)

	# Set seeds
	env.seed(args.seed)
	env.action_space.seed(args.seed)
	torch.manual_seed(args.seed)
	np.random.seed(args.seed)
	
	state_dim = env.observation_space.shape[0]
	action_dim = env.action_space.shape[0] 
	max_action = float(env.action_space.high[0])

	kwargs = {
		"state_dim": state_dim,
		"action_dim": action_dim,
		"max_action": max_action,
		"discount": args.discount,
		"tau": args.tau,
	}

	# Initialize policy
	if args.policy == "TD3":
		# Target policy smoothing is scaled wrt the action scale
		kwargs["policy_noise"] = args.policy_noise * max_action
		kwargs["noise_clip"] = args.noise_clip * max_action
		kwargs["policy_freq"] = args.policy_freq
		policy = TD3.TD3(**kwargs)
	elif args.policy == "OurDDPG":
		policy = OurDDPG.DDPG(**kwargs)
	elif args.policy == "DDPG":
		policy = DDPG.DDPG(**kwargs)

	if args.load_model != "":
		policy_file = file_name if args.load_model == "default" else args.load_model
		policy.load(f"./models/{policy_file}")

	replay_buffer = utils.ReplayBuffer(state_dim, action_dim)
	
	# Evaluate untrained policy
	evaluations = [eval_policy(policy, args.env, args.seed)]

	state, done = env.reset(), False
	episode_reward = 0
	episode_timesteps = 0
	episode_num = 0

	for t in range(int(args.max_timesteps)):
		
		episode_timesteps += 1

		# Select action randomly or according to policy
		if t < args.start_timesteps:
			action = env.action_space.sample()
		else:
			action = (
				policy.select_action(np.array(state))
				+ np.random.normal(0, max_action * args.expl_noise, size=action_dim)
			).clip(-max_action, max_action)

		# Perform action
		next_state, reward, done, _ = env.step(action) 
		done_bool = float(done) if episode_timesteps < env._max_episode_steps else 0

		# Store data in replay buffer
		replay_buffer.add(state, action, next_state, reward, done_bool)

		state = next_state
		episode_reward += reward

		# Train agent after collecting sufficient data
		if t >= args.start_timesteps:
			policy.train(replay_buffer, args.batch_size)

		if done: 
			# +1 to account for 0 indexing. +0 on ep_timesteps since it will increment +1 even if done=True
			print(f"Total T: {t+1} Episode Num: {episode_num+1} Episode T: {episode_timesteps} Reward: {episode_reward:.3f}")
			# Reset environment
			state, done = env.reset(), False
			episode_reward = 0
			episode_timesteps = 0
			episode_num += 1 

		# Evaluate episode
		if (t + 1) % args.eval_freq == 0:
			evaluations.append(eval_policy(policy, args.env, args.seed))
			np.save(f"./results/{file_name}", evaluations)
			if args.save_model: policy.save(f"./models/{file_name}")
"""  # noqa: E501, W291, W293


# TD3.py at SOURCE_COMMIT, verbatim
TD3_PY = r"""import copy
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

# Implementation of Twin Delayed Deep Deterministic Policy Gradients (TD3)
# Paper: https://arxiv.org/abs/1802.09477


class Actor(nn.Module):
	def __init__(self, state_dim, action_dim, max_action):
		super(Actor, self).__init__()

		self.l1 = nn.Linear(state_dim, 256)
		self.l2 = nn.Linear(256, 256)
		self.l3 = nn.Linear(256, action_dim)
		
		self.max_action = max_action
		

	def forward(self, state):
		a = F.relu(self.l1(state))
		a = F.relu(self.l2(a))
		return self.max_action * torch.tanh(self.l3(a))


class Critic(nn.Module):
	def __init__(self, state_dim, action_dim):
		super(Critic, self).__init__()

		# Q1 architecture
		self.l1 = nn.Linear(state_dim + action_dim, 256)
		self.l2 = nn.Linear(256, 256)
		self.l3 = nn.Linear(256, 1)

		# Q2 architecture
		self.l4 = nn.Linear(state_dim + action_dim, 256)
		self.l5 = nn.Linear(256, 256)
		self.l6 = nn.Linear(256, 1)


	def forward(self, state, action):
		sa = torch.cat([state, action], 1)

		q1 = F.relu(self.l1(sa))
		q1 = F.relu(self.l2(q1))
		q1 = self.l3(q1)

		q2 = F.relu(self.l4(sa))
		q2 = F.relu(self.l5(q2))
		q2 = self.l6(q2)
		return q1, q2


	def Q1(self, state, action):
		sa = torch.cat([state, action], 1)

		q1 = F.relu(self.l1(sa))
		q1 = F.relu(self.l2(q1))
		q1 = self.l3(q1)
		return q1


class TD3(object):
	def __init__(
		self,
		state_dim,
		action_dim,
		max_action,
		discount=0.99,
		tau=0.005,
		policy_noise=0.2,
		noise_clip=0.5,
		policy_freq=2
	):

		self.actor = Actor(state_dim, action_dim, max_action).to(device)
		self.actor_target = copy.deepcopy(self.actor)
		self.actor_optimizer = torch.optim.Adam(self.actor.parameters(), lr=3e-4)

		self.critic = Critic(state_dim, action_dim).to(device)
		self.critic_target = copy.deepcopy(self.critic)
		self.critic_optimizer = torch.optim.Adam(self.critic.parameters(), lr=3e-4)

		self.max_action = max_action
		self.discount = discount
		self.tau = tau
		self.policy_noise = policy_noise
		self.noise_clip = noise_clip
		self.policy_freq = policy_freq

		self.total_it = 0


	def select_action(self, state):
		state = torch.FloatTensor(state.reshape(1, -1)).to(device)
		return self.actor(state).cpu().data.numpy().flatten()


	def train(self, replay_buffer, batch_size=256):
		self.total_it += 1

		# Sample replay buffer 
		state, action, next_state, reward, not_done = replay_buffer.sample(batch_size)

		with torch.no_grad():
			# Select action according to policy and add clipped noise
			noise = (
				torch.randn_like(action) * self.policy_noise
			).clamp(-self.noise_clip, self.noise_clip)
			
			next_action = (
				self.actor_target(next_state) + noise
			).clamp(-self.max_action, self.max_action)

			# Compute the target Q value
			target_Q1, target_Q2 = self.critic_target(next_state, next_action)
			target_Q = torch.min(target_Q1, target_Q2)
			target_Q = reward + not_done * self.discount * target_Q

		# Get current Q estimates
		current_Q1, current_Q2 = self.critic(state, action)

		# Compute critic loss
		critic_loss = F.mse_loss(current_Q1, target_Q) + F.mse_loss(current_Q2, target_Q)

		# Optimize the critic
		self.critic_optimizer.zero_grad()
		critic_loss.backward()
		self.critic_optimizer.step()

		# Delayed policy updates
		if self.total_it % self.policy_freq == 0:

			# Compute actor losse
			actor_loss = -self.critic.Q1(state, self.actor(state)).mean()
			
			# Optimize the actor 
			self.actor_optimizer.zero_grad()
			actor_loss.backward()
			self.actor_optimizer.step()

			# Update the frozen target models
			for param, target_param in zip(self.critic.parameters(), self.critic_target.parameters()):
				target_param.data.copy_(self.tau * param.data + (1 - self.tau) * target_param.data)

			for param, target_param in zip(self.actor.parameters(), self.actor_target.parameters()):
				target_param.data.copy_(self.tau * param.data + (1 - self.tau) * target_param.data)


	def save(self, filename):
		torch.save(self.critic.state_dict(), filename + "_critic")
		torch.save(self.critic_optimizer.state_dict(), filename + "_critic_optimizer")
		
		torch.save(self.actor.state_dict(), filename + "_actor")
		torch.save(self.actor_optimizer.state_dict(), filename + "_actor_optimizer")


	def load(self, filename):
		self.critic.load_state_dict(torch.load(filename + "_critic"))
		self.critic_optimizer.load_state_dict(torch.load(filename + "_critic_optimizer"))
		self.critic_target = copy.deepcopy(self.critic)

		self.actor.load_state_dict(torch.load(filename + "_actor"))
		self.actor_optimizer.load_state_dict(torch.load(filename + "_actor_optimizer"))
		self.actor_target = copy.deepcopy(self.actor)
		"""  # noqa: E501, W291, W293


# DDPG.py at SOURCE_COMMIT, verbatim (its lines end in CRLF in the repository: written back so)
DDPG_PY = r"""import copy
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

# Implementation of Deep Deterministic Policy Gradients (DDPG)
# Paper: https://arxiv.org/abs/1509.02971
# [Not the implementation used in the TD3 paper]


class Actor(nn.Module):
	def __init__(self, state_dim, action_dim, max_action):
		super(Actor, self).__init__()

		self.l1 = nn.Linear(state_dim, 400)
		self.l2 = nn.Linear(400, 300)
		self.l3 = nn.Linear(300, action_dim)
		
		self.max_action = max_action

	
	def forward(self, state):
		a = F.relu(self.l1(state))
		a = F.relu(self.l2(a))
		return self.max_action * torch.tanh(self.l3(a))


class Critic(nn.Module):
	def __init__(self, state_dim, action_dim):
		super(Critic, self).__init__()

		self.l1 = nn.Linear(state_dim, 400)
		self.l2 = nn.Linear(400 + action_dim, 300)
		self.l3 = nn.Linear(300, 1)


	def forward(self, state, action):
		q = F.relu(self.l1(state))
		q = F.relu(self.l2(torch.cat([q, action], 1)))
		return self.l3(q)


class DDPG(object):
	def __init__(self, state_dim, action_dim, max_action, discount=0.99, tau=0.001):
		self.actor = Actor(state_dim, action_dim, max_action).to(device)
		self.actor_target = copy.deepcopy(self.actor)
		self.actor_optimizer = torch.optim.Adam(self.actor.parameters(), lr=1e-4)

		self.critic = Critic(state_dim, action_dim).to(device)
		self.critic_target = copy.deepcopy(self.critic)
		self.critic_optimizer = torch.optim.Adam(self.critic.parameters(), weight_decay=1e-2)

		self.discount = discount
		self.tau = tau


	def select_action(self, state):
		state = torch.FloatTensor(state.reshape(1, -1)).to(device)
		return self.actor(state).cpu().data.numpy().flatten()


	def train(self, replay_buffer, batch_size=64):
		# Sample replay buffer 
		state, action, next_state, reward, not_done = replay_buffer.sample(batch_size)

		# Compute the target Q value
		target_Q = self.critic_target(next_state, self.actor_target(next_state))
		target_Q = reward + (not_done * self.discount * target_Q).detach()

		# Get current Q estimate
		current_Q = self.critic(state, action)

		# Compute critic loss
		critic_loss = F.mse_loss(current_Q, target_Q)

		# Optimize the critic
		self.critic_optimizer.zero_grad()
		critic_loss.backward()
		self.critic_optimizer.step()

		# Compute actor loss
		actor_loss = -self.critic(state, self.actor(state)).mean()
		
		# Optimize the actor 
		self.actor_optimizer.zero_grad()
		actor_loss.backward()
		self.actor_optimizer.step()

		# Update the frozen target models
		for param, target_param in zip(self.critic.parameters(), self.critic_target.parameters()):
			target_param.data.copy_(self.tau * param.data + (1 - self.tau) * target_param.data)

		for param, target_param in zip(self.actor.parameters(), self.actor_target.parameters()):
			target_param.data.copy_(self.tau * param.data + (1 - self.tau) * target_param.data)


	def save(self, filename):
		torch.save(self.critic.state_dict(), filename + "_critic")
		torch.save(self.critic_optimizer.state_dict(), filename + "_critic_optimizer")
		
		torch.save(self.actor.state_dict(), filename + "_actor")
		torch.save(self.actor_optimizer.state_dict(), filename + "_actor_optimizer")


	def load(self, filename):
		self.critic.load_state_dict(torch.load(filename + "_critic"))
		self.critic_optimizer.load_state_dict(torch.load(filename + "_critic_optimizer"))
		self.critic_target = copy.deepcopy(self.critic)

		self.actor.load_state_dict(torch.load(filename + "_actor"))
		self.actor_optimizer.load_state_dict(torch.load(filename + "_actor_optimizer"))
		self.actor_target = copy.deepcopy(self.actor)
		"""  # noqa: W291, W293


# OurDDPG.py at SOURCE_COMMIT, verbatim
OURDDPG_PY = r"""import copy
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

# Re-tuned version of Deep Deterministic Policy Gradients (DDPG)
# Paper: https://arxiv.org/abs/1509.02971


class Actor(nn.Module):
	def __init__(self, state_dim, action_dim, max_action):
		super(Actor, self).__init__()

		self.l1 = nn.Linear(state_dim, 256)
		self.l2 = nn.Linear(256, 256)
		self.l3 = nn.Linear(256, action_dim)
		
		self.max_action = max_action

	
	def forward(self, state):
		a = F.relu(self.l1(state))
		a = F.relu(self.l2(a))
		return self.max_action * torch.tanh(self.l3(a))


class Critic(nn.Module):
	def __init__(self, state_dim, action_dim):
		super(Critic, self).__init__()

		self.l1 = nn.Linear(state_dim + action_dim, 256)
		self.l2 = nn.Linear(256, 256)
		self.l3 = nn.Linear(256, 1)


	def forward(self, state, action):
		q = F.relu(self.l1(torch.cat([state, action], 1)))
		q = F.relu(self.l2(q))
		return self.l3(q)


class DDPG(object):
	def __init__(self, state_dim, action_dim, max_action, discount=0.99, tau=0.005):
		self.actor = Actor(state_dim, action_dim, max_action).to(device)
		self.actor_target = copy.deepcopy(self.actor)
		self.actor_optimizer = torch.optim.Adam(self.actor.parameters(), lr=3e-4)

		self.critic = Critic(state_dim, action_dim).to(device)
		self.critic_target = copy.deepcopy(self.critic)
		self.critic_optimizer = torch.optim.Adam(self.critic.parameters(), lr=3e-4)

		self.discount = discount
		self.tau = tau


	def select_action(self, state):
		state = torch.FloatTensor(state.reshape(1, -1)).to(device)
		return self.actor(state).cpu().data.numpy().flatten()


	def train(self, replay_buffer, batch_size=256):
		# Sample replay buffer 
		state, action, next_state, reward, not_done = replay_buffer.sample(batch_size)

		# Compute the target Q value
		target_Q = self.critic_target(next_state, self.actor_target(next_state))
		target_Q = reward + (not_done * self.discount * target_Q).detach()

		# Get current Q estimate
		current_Q = self.critic(state, action)

		# Compute critic loss
		critic_loss = F.mse_loss(current_Q, target_Q)

		# Optimize the critic
		self.critic_optimizer.zero_grad()
		critic_loss.backward()
		self.critic_optimizer.step()

		# Compute actor loss
		actor_loss = -self.critic(state, self.actor(state)).mean()
		
		# Optimize the actor 
		self.actor_optimizer.zero_grad()
		actor_loss.backward()
		self.actor_optimizer.step()

		# Update the frozen target models
		for param, target_param in zip(self.critic.parameters(), self.critic_target.parameters()):
			target_param.data.copy_(self.tau * param.data + (1 - self.tau) * target_param.data)

		for param, target_param in zip(self.actor.parameters(), self.actor_target.parameters()):
			target_param.data.copy_(self.tau * param.data + (1 - self.tau) * target_param.data)


	def save(self, filename):
		torch.save(self.critic.state_dict(), filename + "_critic")
		torch.save(self.critic_optimizer.state_dict(), filename + "_critic_optimizer")
		
		torch.save(self.actor.state_dict(), filename + "_actor")
		torch.save(self.actor_optimizer.state_dict(), filename + "_actor_optimizer")


	def load(self, filename):
		self.critic.load_state_dict(torch.load(filename + "_critic"))
		self.critic_optimizer.load_state_dict(torch.load(filename + "_critic_optimizer"))
		self.critic_target = copy.deepcopy(self.critic)

		self.actor.load_state_dict(torch.load(filename + "_actor"))
		self.actor_optimizer.load_state_dict(torch.load(filename + "_actor_optimizer"))
		self.actor_target = copy.deepcopy(self.actor)
		"""  # noqa: W291, W293


# utils.py at SOURCE_COMMIT, verbatim (its lines end in CRLF in the repository: written back so)
UTILS_PY = r"""import numpy as np
import torch


class ReplayBuffer(object):
	def __init__(self, state_dim, action_dim, max_size=int(1e6)):
		self.max_size = max_size
		self.ptr = 0
		self.size = 0

		self.state = np.zeros((max_size, state_dim))
		self.action = np.zeros((max_size, action_dim))
		self.next_state = np.zeros((max_size, state_dim))
		self.reward = np.zeros((max_size, 1))
		self.not_done = np.zeros((max_size, 1))

		self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


	def add(self, state, action, next_state, reward, done):
		self.state[self.ptr] = state
		self.action[self.ptr] = action
		self.next_state[self.ptr] = next_state
		self.reward[self.ptr] = reward
		self.not_done[self.ptr] = 1. - done

		self.ptr = (self.ptr + 1) % self.max_size
		self.size = min(self.size + 1, self.max_size)


	def sample(self, batch_size):
		ind = np.random.randint(0, self.size, size=batch_size)

		return (
			torch.FloatTensor(self.state[ind]).to(self.device),
			torch.FloatTensor(self.action[ind]).to(self.device),
			torch.FloatTensor(self.next_state[ind]).to(self.device),
			torch.FloatTensor(self.reward[ind]).to(self.device),
			torch.FloatTensor(self.not_done[ind]).to(self.device)
		)"""


# what the case writes into the cwd, as the repository lays it out: path -> (its text at
# SOURCE_COMMIT with LF line ends, its line end there, its git blob id there)
FILES = {
    "main.py": (MAIN_PY, "LF", "a616475c7263aa5ad61093891680b6117b749550"),
    "TD3.py": (TD3_PY, "LF", "0b953d34412d86b398329afff5d4bb47f18ec5fb"),
    "DDPG.py": (DDPG_PY, "CRLF", "b0861f8edcf9007f8b2d085cd75dcda46d4d3965"),
    "OurDDPG.py": (OURDDPG_PY, "LF", "1b51f3ed8bc1c3ab951da6d15ece9b9ccdb87d2c"),
    "utils.py": (UTILS_PY, "CRLF", "bf0f3198ad2b6d4e6dd82e7203f142aa86af700c"),
}


if __name__ == "__main__":
    main()
