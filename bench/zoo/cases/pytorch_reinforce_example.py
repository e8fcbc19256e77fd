r"""PyTorch's official REINFORCE example, ``reinforcement_learning/reinforce.py`` of
pytorch/examples at 77f55b91 (77f55b912142e11fcfdf5b530231fb9c52f181e8, 2025-08-25; held
verbatim below, checked against its git blob id), run as its README runs it (``python
reinforce.py``) with ``--log-interval 10`` (its default): every other argument at its
default (``--gamma 0.99``, ``--seed 543``, no ``--render``), gymnasium's ``CartPole-v1``
(``env.reset(seed=543)``), the 4-128-2 policy with dropout 0.6, Adam (lr 1e-2), one update an
episode. Nothing is downloaded. The example runs until its running reward passes the
environment's ``reward_threshold`` (475, hundreds of episodes); the one change besides the
record is an episode cap, two lines after its ``Solved!`` check (``if i_episode == 30:
break``, marked ``# zoo:``), so it stops after 30 episodes: three reports. ``reinforce.py``
runs in-process (``runpy``, ``sys.argv`` as above, ``__main__``), printing what ``python
reinforce.py`` prints. Under a second of training; deterministic (seeded environment and
torch, one thread): the same rewards pipe and pty.

What it prints (stdout), every 10 episodes, tab-separated::

    Episode 10\tLast reward: 40.00\tAverage reward: 16.52
    Episode 20\tLast reward: 13.00\tAverage reward: 18.72
    Episode 30\tLast reward: 63.00\tAverage reward: 22.55

(no ``Solved! Running reward is now ...`` line: the cap ends the run first).

Truth: the example keeps no record file (no logger, no history), so its own variables are
the record, as in ``pytorch_word_lm``: one line added inside its ``if i_episode %
args.log_interval == 0:`` block, before the print (marked ``# zoo:``), keeps ``(i_episode,
ep_reward, running_reward)`` in a list the case passes in (``runpy``'s ``init_globals``);
nothing is parsed from stdout.
Judgement calls (docs/metrics.md):
- Names: the framework keeps no keys, so each is named as its printed words by the docs'
  rule ("Phrases": the words before a name that belong to it are joined with ``_``, as
  printed): ``Last reward`` -> ``Last_reward`` (``ep_reward``, the last episode's return,
  a sum of 1.0 a step) and ``Average reward`` -> ``Average_reward`` (``running_reward``, an
  exponential moving average of the episodes' returns, ``0.05 * ep_reward + 0.95 *
  running_reward`` from 10: a quantity of its own printed every interval, no running best
  (docs: ``Avg`` and ``Average`` alone name a value), so a metric).
- Steps: ``Episode 10`` opens the line: the episode count is the loop's counter, the
  step of the line's values (key ``step``, 10, 20, 30). No epoch.
- Tolerances: 0.005, half the last printed digit of ``:.2f``; the truth values are exact.
- Nothing is timed; ``gamma``, the seed and the interval are settings, not printed.
"""
# zoo-venv: ptexcpu

import runpy
import sys

import gymnasium
import torch
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines

SOURCE_REPO, SOURCE_COMMIT = "pytorch/examples", "77f55b912142e11fcfdf5b530231fb9c52f181e8"
BLOB = "048ea99f3782eac3984b2897794ebe7625a2def8"  # reinforce.py at SOURCE_COMMIT
ARGV = ["reinforce.py", "--log-interval", "10"]
EPISODE_CAP = 30
# the changes to reinforce.py (anchor -> the anchor and the lines after it): the record, one
# line where the example prints its interval report, before the print; and the episode cap,
# after the example's own "Solved!" check (the run ends at episode 30, long before solving)
CHANGES = {
    "        if i_episode % args.log_interval == 0:\n":
        "            RECORD.append((i_episode, ep_reward, running_reward))  # zoo:\n",
    "            print(f\"Solved! Running reward is now {running_reward} and the last episode"
    " runs to {t} time steps!\")\n            break\n":
        f"        if i_episode == {EPISODE_CAP}:  # zoo: an episode cap\n"
        "            break  # zoo:\n",
}


# pytorch/examples reinforcement_learning/reinforce.py at SOURCE_COMMIT, verbatim (blob id)
REINFORCE_PY = r'''import argparse
import gymnasium as gym
import numpy as np
from itertools import count
from collections import deque
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.distributions import Categorical


parser = argparse.ArgumentParser(description='PyTorch REINFORCE example')
parser.add_argument('--gamma', type=float, default=0.99, metavar='G',
                    help='discount factor (default: 0.99)')
parser.add_argument('--seed', type=int, default=543, metavar='N',
                    help='random seed (default: 543)')
parser.add_argument('--render', action='store_true',
                    help='render the environment')
parser.add_argument('--log-interval', type=int, default=10, metavar='N',
                    help='interval between training status logs (default: 10)')
args = parser.parse_args()


render_mode = "human" if args.render else None
env = gym.make('CartPole-v1', render_mode=render_mode)
env.reset(seed=args.seed)
torch.manual_seed(args.seed)


class Policy(nn.Module):
    def __init__(self):
        super(Policy, self).__init__()
        self.affine1 = nn.Linear(4, 128)
        self.dropout = nn.Dropout(p=0.6)
        self.affine2 = nn.Linear(128, 2)

        self.saved_log_probs = []
        self.rewards = []

    def forward(self, x):
        x = self.affine1(x)
        x = self.dropout(x)
        x = F.relu(x)
        action_scores = self.affine2(x)
        return F.softmax(action_scores, dim=1)


policy = Policy()
optimizer = optim.Adam(policy.parameters(), lr=1e-2)
eps = np.finfo(np.float32).eps.item()


def select_action(state):
    state = torch.from_numpy(state).float().unsqueeze(0)
    probs = policy(state)
    m = Categorical(probs)
    action = m.sample()
    policy.saved_log_probs.append(m.log_prob(action))
    return action.item()


def finish_episode():
    R = 0
    policy_loss = []
    returns = deque()
    for r in policy.rewards[::-1]:
        R = r + args.gamma * R
        returns.appendleft(R)
    returns = torch.tensor(returns)
    returns = (returns - returns.mean()) / (returns.std() + eps)
    for log_prob, R in zip(policy.saved_log_probs, returns):
        policy_loss.append(-log_prob * R)
    optimizer.zero_grad()
    policy_loss = torch.cat(policy_loss).sum()
    policy_loss.backward()
    optimizer.step()
    del policy.rewards[:]
    del policy.saved_log_probs[:]


def main():
    running_reward = 10
    for i_episode in count(1):
        state, _ = env.reset()
        ep_reward = 0
        for t in range(1, 10000):  # Don't infinite loop while learning
            action = select_action(state)
            state, reward, terminated, truncated, _ = env.step(action)
            if args.render:
                env.render()
            policy.rewards.append(reward)
            ep_reward += reward
            if terminated or truncated:
                break

        running_reward = 0.05 * ep_reward + (1 - 0.05) * running_reward
        finish_episode()
        if i_episode % args.log_interval == 0:
            print(f'Episode {i_episode}\tLast reward: {ep_reward:.2f}\tAverage reward: {running_reward:.2f}')
        if running_reward > env.spec.reward_threshold:
            print(f"Solved! Running reward is now {running_reward} and the last episode runs to {t} time steps!")
            break


if __name__ == '__main__':
    main()
'''  # noqa: E501


if git_blob_id(REINFORCE_PY) != BLOB:
    sys.exit(f"reinforce.py is not reinforcement_learning/reinforce.py at {SOURCE_COMMIT}")
with open("reinforce.py", "w", encoding="utf-8") as handle:
    handle.write(with_lines(REINFORCE_PY, CHANGES))

RECORD: list[tuple[int, float, float]] = []
sys.argv = ARGV
runpy.run_path("reinforce.py", init_globals={"RECORD": RECORD}, run_name="__main__")

# --- the truth: the example's own values, as its loop computed them ---

assert [episode for episode, _, _ in RECORD] == [10, 20, 30], RECORD
printed = 0.005  # :.2f, half the last printed digit
write_truth(
    "pytorch", torch.__version__,
    f"{SOURCE_REPO} reinforcement_learning/reinforce.py at {SOURCE_COMMIT[:8]}: the values "
    "its loop computes and prints (it keeps no record file), kept by a line added beside the "
    "interval print: ep_reward and running_reward at each log interval's episode",
    {
        "Last_reward": series([(episode, reward) for episode, reward, _ in RECORD], "step",
                              tolerance=printed),
        "Average_reward": series([(episode, running) for episode, _, running in RECORD],
                                 "step", tolerance=printed),
    },
    notes=f"gymnasium {gymnasium.__version__} CartPole-v1, {EPISODE_CAP} episodes (an episode "
          "cap added: the example runs until its running reward passes the env's "
          "reward_threshold, 475)")
