"""seungeunrho's minimalRL (no pip package, no release: repository commit
c8efed8481e3cd40e9739cfde220a55522555b57, 2023-04-22, master's last): its ``ppo.py`` (git
blob 1d4930648385b30d92f10bfdce2ad552cd8c6184), held verbatim below as ``PPO_PY``, checked
against its blob id (before the case's lines are added), written into the cwd and run
in-process (``runpy``, as ``__main__``, ``sys.argv = ['ppo.py']``), as the README runs it:
``python3 ppo.py``. Same venv and versions as ``minimalrl_dqn`` (the CPU build of torch
2.13.0, gym 0.26.2, the gym the file imports and whose API, ``s, _ = env.reset()`` and a
5-tuple ``env.step``, it already uses, so nothing is patched; numpy 1.26.4 for gym's
``np.bool8``). The script: CartPole-v1, one 4-256 hidden layer shared by a 2-way softmax
policy and a value head, Adam (lr 5e-4), gamma 0.98, GAE lambda 0.95, clip 0.1, 3 epochs
over each rollout of ``T_horizon`` = 20 steps (or fewer, at an episode's end).

The one change of the stock text: the episode loop's bound, ``for n_epi in range(10000):``
-> ``for n_epi in range(ZOO_EPISODES):`` (``EPISODES`` = 161, so the last line printed is
episode 160; a line ``REPLACED`` the case swaps in, the run's only changed line). PPO learns
fast here (with the case's seeds the average score climbs from 26.9 to over 200 by episode
140), and ppo.py's ``done`` is gym's ``terminated`` only (``truncated`` is unpacked and
ignored), so a learnt agent's episodes run past CartPole-v1's 500-step limit and the stock
loop would take many minutes. About 20 s here with ``OMP_NUM_THREADS=1`` (as ``run.py``
sets it).

What it prints: one line every 20 episodes (``print_interval``), 8 in all::

 # of episode :20, avg score : 26.9
 # of episode :40, avg score : 42.9
 ...

(``"# of episode :{}, avg score : {:.1f}".format(n_epi, score/print_interval)``), and on
stderr gym_notices' "Gym has been unmaintained since 2022 ..." notice (4 lines), the passive
checker's ``np.bool8`` ``DeprecationWarning`` and torch's "Creating a tensor from a list of
numpy.ndarrays is extremely slow" ``UserWarning`` (at the first ``make_batch``).

Truth: minimalRL keeps no record (no logger, no file, nothing saved), so the values ppo.py
computes are the record: one line added to the stock text (``RECORD_LINES``), right after
the ``print(...)`` call, appends ``(n_epi, score/print_interval)``, the values that call
formats, to a list the case passes in (``runpy``'s ``init_globals``), before ``score =
0.0`` resets the sum; nothing is parsed from stdout. Judgement calls (docs/metrics.md):
- Name, as printed: ppo.py keys nothing (a ``str.format`` message), so the printed words
  ``avg score`` -> ``avg_score`` (a name's words joined by ``_``, as ``Validation score``
  -> ``validation_score``; ``avg`` kept, as printed). The mean return of the last 20
  episodes (``score`` sums every episode's rewards and is divided by ``print_interval``).
- Axis ``step``: the printed episode index ``n_epi`` (20, 40, ..., 160), 0-based: the line
  at 20 follows the 21st episode, and the first line averages 21 episodes over 20 (ppo.py
  divides by 20 whatever it summed); 8 points.
- Tolerance: ``{:.1f}`` -> 0.05.
- Not metrics: ``# of episode`` (the step).
- Determinism: ppo.py seeds nothing; the case seeds ``random``, numpy and
  ``torch.manual_seed(0)`` (the net's initialisation and ``Categorical.sample``), and makes
  gym's unseeded ``seeding.np_random()`` (the ``env.reset()`` of an environment never given
  a seed) take seed 0 instead of the OS's entropy, as ``parl_dqn`` does, so the run repeats
  exactly.
"""
# zoo-venv: minimalrl

from importlib.metadata import version

from _minimalrl import SOURCE_COMMIT, SOURCE_REPO, run
from _truth import series, write_truth

PPO_BLOB = "1d4930648385b30d92f10bfdce2ad552cd8c6184"  # ppo.py at SOURCE_COMMIT
EPISODES = 161  # of ppo.py's 10000: the last line printed is episode 160

# the record: a line added right after the print call (anchor -> the line after it), the
# values the print formats
RECORD_LINES = {
    "            print(\"# of episode :{}, avg score : {:.1f}\".format(n_epi,"
    " score/print_interval))\n":
        "            ZOO_RECORD.append((n_epi, score/print_interval))"
        "  # zoo: the values just printed\n",
}


def main() -> None:
    record = run("ppo.py", PPO_PY, PPO_BLOB, EPISODES, RECORD_LINES)

    import numpy as np
    import torch

    source = (f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]} ppo.py (no release; torch {torch.__version__}"
              f", gym {version('gym')}, numpy {np.__version__})")
    write_truth("minimalRL", f"repo {SOURCE_COMMIT[:12]}",
                "ppo.py's n_epi and score/print_interval at each print (a line the case adds "
                "after it)",
                {"avg_score": series(record, "step", tolerance=0.05)},
                notes=f"{source}, blob {PPO_BLOB}; episode loop bound {EPISODES} (stock "
                      "10000)")


# ppo.py at SOURCE_COMMIT, verbatim
PPO_PY = r'''import gym
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.distributions import Categorical

#Hyperparameters
learning_rate = 0.0005
gamma         = 0.98
lmbda         = 0.95
eps_clip      = 0.1
K_epoch       = 3
T_horizon     = 20

class PPO(nn.Module):
    def __init__(self):
        super(PPO, self).__init__()
        self.data = []
        
        self.fc1   = nn.Linear(4,256)
        self.fc_pi = nn.Linear(256,2)
        self.fc_v  = nn.Linear(256,1)
        self.optimizer = optim.Adam(self.parameters(), lr=learning_rate)

    def pi(self, x, softmax_dim = 0):
        x = F.relu(self.fc1(x))
        x = self.fc_pi(x)
        prob = F.softmax(x, dim=softmax_dim)
        return prob
    
    def v(self, x):
        x = F.relu(self.fc1(x))
        v = self.fc_v(x)
        return v
      
    def put_data(self, transition):
        self.data.append(transition)
        
    def make_batch(self):
        s_lst, a_lst, r_lst, s_prime_lst, prob_a_lst, done_lst = [], [], [], [], [], []
        for transition in self.data:
            s, a, r, s_prime, prob_a, done = transition
            
            s_lst.append(s)
            a_lst.append([a])
            r_lst.append([r])
            s_prime_lst.append(s_prime)
            prob_a_lst.append([prob_a])
            done_mask = 0 if done else 1
            done_lst.append([done_mask])
            
        s,a,r,s_prime,done_mask, prob_a = torch.tensor(s_lst, dtype=torch.float), torch.tensor(a_lst), \
                                          torch.tensor(r_lst), torch.tensor(s_prime_lst, dtype=torch.float), \
                                          torch.tensor(done_lst, dtype=torch.float), torch.tensor(prob_a_lst)
        self.data = []
        return s, a, r, s_prime, done_mask, prob_a
        
    def train_net(self):
        s, a, r, s_prime, done_mask, prob_a = self.make_batch()

        for i in range(K_epoch):
            td_target = r + gamma * self.v(s_prime) * done_mask
            delta = td_target - self.v(s)
            delta = delta.detach().numpy()

            advantage_lst = []
            advantage = 0.0
            for delta_t in delta[::-1]:
                advantage = gamma * lmbda * advantage + delta_t[0]
                advantage_lst.append([advantage])
            advantage_lst.reverse()
            advantage = torch.tensor(advantage_lst, dtype=torch.float)

            pi = self.pi(s, softmax_dim=1)
            pi_a = pi.gather(1,a)
            ratio = torch.exp(torch.log(pi_a) - torch.log(prob_a))  # a/b == exp(log(a)-log(b))

            surr1 = ratio * advantage
            surr2 = torch.clamp(ratio, 1-eps_clip, 1+eps_clip) * advantage
            loss = -torch.min(surr1, surr2) + F.smooth_l1_loss(self.v(s) , td_target.detach())

            self.optimizer.zero_grad()
            loss.mean().backward()
            self.optimizer.step()
        
def main():
    env = gym.make('CartPole-v1')
    model = PPO()
    score = 0.0
    print_interval = 20

    for n_epi in range(10000):
        s, _ = env.reset()
        done = False
        while not done:
            for t in range(T_horizon):
                prob = model.pi(torch.from_numpy(s).float())
                m = Categorical(prob)
                a = m.sample().item()
                s_prime, r, done, truncated, info = env.step(a)

                model.put_data((s, a, r/100.0, s_prime, prob[a].item(), done))
                s = s_prime

                score += r
                if done:
                    break

            model.train_net()

        if n_epi%print_interval==0 and n_epi!=0:
            print("# of episode :{}, avg score : {:.1f}".format(n_epi, score/print_interval))
            score = 0.0

    env.close()

if __name__ == '__main__':
    main()'''  # noqa: E501, W293


if __name__ == "__main__":
    main()
