"""seungeunrho's minimalRL (no pip package, no release: repository commit
c8efed8481e3cd40e9739cfde220a55522555b57, 2023-04-22, master's last): its ``dqn.py`` (git
blob a85708af0f4d5d0d96191858b23c148a52dd86e0), held verbatim below as ``DQN_PY``, checked
against its blob id (before the case's lines are added), written into the cwd and run
in-process (``runpy``, as ``__main__``, ``sys.argv = ['dqn.py']``), as the README runs it:
``python3 dqn.py``. On the CPU build of torch 2.13.0 with gym 0.26.2 (the gym the file
imports, ``import gym``; the README asks for gym 0.26.2 or later, and the file already uses
0.26's API, ``s, _ = env.reset()`` and a 5-tuple ``env.step``, so nothing is patched) and
numpy 1.26.4 (gym 0.26's passive environment checker uses ``np.bool8``, gone in numpy 2).
The script: CartPole-v1, a 4-128-128-2 ``Qnet``, Adam (lr 5e-4), gamma 0.98, a replay
buffer of 50,000 transitions, 10 minibatches of 32 after every episode once the buffer
holds more than 2000, e-greedy ``max(0.01, 0.08 - 0.01*(n_epi/200))``, the target net synced
every 20 episodes, when it prints.

The one change of the stock text: the episode loop's bound, ``for n_epi in range(10000):``
-> ``for n_epi in range(ZOO_EPISODES):`` (``EPISODES`` = 201, so the last line printed is
episode 200; a line ``REPLACED`` the case swaps in, the run's only changed line). With the
case's seeds the first 20 episodes happen to last long (the untrained net's greedy actions:
the first line's average is 93.1), so the buffer passes 2000 between episodes 20 and 40 and
training starts there; the score then falls to about 10 and climbs back to 25.1 by episode 200.
dqn.py's ``done`` is gym's ``terminated`` only (``truncated`` is unpacked and ignored), so a
learnt agent's episodes run past CartPole-v1's 500-step limit, and the stock loop's later
episodes (thousands of steps each, a forward pass a step) would take minutes. About 15-20 s
here with ``OMP_NUM_THREADS=1`` (as ``run.py`` sets it; torch's two threads on this
loaded 2-core machine took 1m50s).

What it prints: one line every 20 episodes (``print_interval``), 10 in all::

 n_episode :20, score : 93.1, n_buffer : 1862, eps : 7.9%
 n_episode :40, score : 35.5, n_buffer : 2572, eps : 7.8%
 ...
 n_episode :200, score : 25.1, n_buffer : 4732, eps : 7.0%

(``"n_episode :{}, score : {:.1f}, n_buffer : {}, eps : {:.1f}%".format(n_epi,
score/print_interval, memory.size(), epsilon*100)``), and on stderr gym_notices' "Gym has
been unmaintained since 2022 ..." notice (4 lines), the passive checker's ``np.bool8``
``DeprecationWarning`` and torch's "Creating a tensor from a list of numpy.ndarrays is
extremely slow" ``UserWarning`` (at the first ``memory.sample``).

Truth: minimalRL keeps no record (no logger, no file, nothing saved), so the values dqn.py
computes are the record: one line added to the stock text (``RECORD_LINES``), right after
the ``print(...)`` call, appends ``(n_epi, score/print_interval, memory.size(),
epsilon*100)``, the values that call formats, to a list the case passes in (``runpy``'s
``init_globals``), before ``score = 0.0`` resets the sum; nothing is parsed from stdout.
Judgement calls (docs/metrics.md):
- Names, as printed: dqn.py keys nothing (a ``str.format`` message), so ``score`` (the mean
  return of the last 20 episodes: ``score`` sums every episode's rewards and is divided by
  ``print_interval``) and ``eps``.
- ``eps`` is a metric, in percent as printed (``epsilon*100``; ``7.9%``): the exploration
  rate of the episode just run, state the loop computes and prints, as PARL's ``e_greed``
  (``parl_dqn``) and Stable-Baselines3's ``rollout/exploration_rate`` are metrics.
- ``n_buffer`` is no metric: the replay buffer's size, a count of the transitions stored
  (here every environment step so far, the buffer not yet full), which docs/metrics.md
  counts as a counter ("``Buffer`` (a replay buffer's size) ... count"); it is not in
  ``also_ok`` either (no timing or throughput), so a series under it is junk.
- Axis ``step``: ``n_episode`` (20, 40, ..., 200), the episode index just finished
  (0-based: the line at 20 follows the 21st episode, and its score is the sum over
  episodes 1..20 plus episode 0's, as dqn.py divides by 20 whatever it summed: the first
  line averages 21 episodes over 20); 10 points each.
- Tolerances: ``{:.1f}`` -> 0.05 for both (``eps`` in percent).
- Determinism: dqn.py seeds nothing; the case seeds ``random`` (the e-greedy coin and the
  replay sampling), numpy and ``torch.manual_seed(0)`` (the nets' initialisation), and
  makes gym's unseeded ``seeding.np_random()`` (the ``env.reset()`` of an environment never
  given a seed) take seed 0 instead of the OS's entropy, as ``parl_dqn`` does, so the run
  repeats exactly.
"""
# zoo-venv: minimalrl

from importlib.metadata import version

from _minimalrl import SOURCE_COMMIT, SOURCE_REPO, run
from _truth import series, write_truth

DQN_BLOB = "a85708af0f4d5d0d96191858b23c148a52dd86e0"  # dqn.py at SOURCE_COMMIT
EPISODES = 201  # of dqn.py's 10000: the last line printed is episode 200

# the record: a line added right after the print call (anchor -> the line after it), the
# values the print formats
RECORD_LINES = {
    "                                                            n_epi, score/print_interval,"
    " memory.size(), epsilon*100))\n":
        "            ZOO_RECORD.append((n_epi, score/print_interval, memory.size(),"
        " epsilon*100))  # zoo: the values just printed\n",
}


def main() -> None:
    record = run("dqn.py", DQN_PY, DQN_BLOB, EPISODES, RECORD_LINES)

    import numpy as np
    import torch

    source = (f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]} dqn.py (no release; torch {torch.__version__}"
              f", gym {version('gym')}, numpy {np.__version__})")
    write_truth("minimalRL", f"repo {SOURCE_COMMIT[:12]}",
                "dqn.py's n_epi, score/print_interval and epsilon*100 at each print (a line "
                "the case adds after it)",
                {"score": series([(n, score) for n, score, _, _ in record], "step",
                                 tolerance=0.05),
                 "eps": series([(n, eps) for n, _, _, eps in record], "step", tolerance=0.05)},
                notes=f"{source}, blob {DQN_BLOB}; episode loop bound {EPISODES} (stock "
                      "10000); n_buffer (replay buffer size, a count, not a metric): "
                      + ", ".join(f"{n}: {size}" for n, _, size, _ in record))


# dqn.py at SOURCE_COMMIT, verbatim
DQN_PY = r'''import gym
import collections
import random

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

#Hyperparameters
learning_rate = 0.0005
gamma         = 0.98
buffer_limit  = 50000
batch_size    = 32

class ReplayBuffer():
    def __init__(self):
        self.buffer = collections.deque(maxlen=buffer_limit)
    
    def put(self, transition):
        self.buffer.append(transition)
    
    def sample(self, n):
        mini_batch = random.sample(self.buffer, n)
        s_lst, a_lst, r_lst, s_prime_lst, done_mask_lst = [], [], [], [], []
        
        for transition in mini_batch:
            s, a, r, s_prime, done_mask = transition
            s_lst.append(s)
            a_lst.append([a])
            r_lst.append([r])
            s_prime_lst.append(s_prime)
            done_mask_lst.append([done_mask])

        return torch.tensor(s_lst, dtype=torch.float), torch.tensor(a_lst), \
               torch.tensor(r_lst), torch.tensor(s_prime_lst, dtype=torch.float), \
               torch.tensor(done_mask_lst)
    
    def size(self):
        return len(self.buffer)

class Qnet(nn.Module):
    def __init__(self):
        super(Qnet, self).__init__()
        self.fc1 = nn.Linear(4, 128)
        self.fc2 = nn.Linear(128, 128)
        self.fc3 = nn.Linear(128, 2)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x
      
    def sample_action(self, obs, epsilon):
        out = self.forward(obs)
        coin = random.random()
        if coin < epsilon:
            return random.randint(0,1)
        else : 
            return out.argmax().item()
            
def train(q, q_target, memory, optimizer):
    for i in range(10):
        s,a,r,s_prime,done_mask = memory.sample(batch_size)

        q_out = q(s)
        q_a = q_out.gather(1,a)
        max_q_prime = q_target(s_prime).max(1)[0].unsqueeze(1)
        target = r + gamma * max_q_prime * done_mask
        loss = F.smooth_l1_loss(q_a, target)
        
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

def main():
    env = gym.make('CartPole-v1')
    q = Qnet()
    q_target = Qnet()
    q_target.load_state_dict(q.state_dict())
    memory = ReplayBuffer()

    print_interval = 20
    score = 0.0  
    optimizer = optim.Adam(q.parameters(), lr=learning_rate)

    for n_epi in range(10000):
        epsilon = max(0.01, 0.08 - 0.01*(n_epi/200)) #Linear annealing from 8% to 1%
        s, _ = env.reset()
        done = False

        while not done:
            a = q.sample_action(torch.from_numpy(s).float(), epsilon)      
            s_prime, r, done, truncated, info = env.step(a)
            done_mask = 0.0 if done else 1.0
            memory.put((s,a,r/100.0,s_prime, done_mask))
            s = s_prime

            score += r
            if done:
                break
            
        if memory.size()>2000:
            train(q, q_target, memory, optimizer)

        if n_epi%print_interval==0 and n_epi!=0:
            q_target.load_state_dict(q.state_dict())
            print("n_episode :{}, score : {:.1f}, n_buffer : {}, eps : {:.1f}%".format(
                                                            n_epi, score/print_interval, memory.size(), epsilon*100))
            score = 0.0
    env.close()

if __name__ == '__main__':
    main()
'''  # noqa: E501, W291, W293


if __name__ == "__main__":
    main()
