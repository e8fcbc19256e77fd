"""MushroomRL 1.10.2: ``DQN`` on MushroomRL's own ``CartPole`` (the inverted pendulum on a cart
of Lagoudakis & Parr, 3 actions, reward -1 when the pole falls and 0 otherwise, gamma 0.95;
horizon 100 here, nothing downloaded, no gym), written as its ``examples/acrobot_dqn.py``
writes it (the MLP ``Network``, ``EpsGreedy`` with a ``LinearParameter`` epsilon,
``TorchApproximator`` with Adam and ``smooth_l1_loss``, a replay fill ``core.learn(n_steps=
initial_replay_size, n_steps_per_fit=initial_replay_size)``, an evaluation before training
logged as epoch 0, then ``for n in trange(n_epochs)``: ``core.learn(n_steps=300,
n_steps_per_fit=1)``, ``core.evaluate(n_episodes=5)``, ``logger.epoch_info(n + 1, J=J,
R=R)``), with the logging of MushroomRL's logger tutorial (docs/source/tutorials/code/
logger.py): ``Logger('DQN', results_dir='logs', log_console=True)``, ``J =
np.mean(compute_J(dataset, mdp.info.gamma))`` (discounted), ``R = np.mean(compute_J(dataset))``
(undiscounted) and ``logger.log_numpy(J=J, R=R)`` each epoch. Seeds fixed (``np.random.seed(0)``,
MushroomRL draws from numpy's global generator; ``torch.manual_seed(0)``); the example's
closing ``input()`` and rendering are left out.

Printed: the Logger's console lines (``logging`` through ``tqdm.write``, on stdout, format
``%(asctime)s [%(levelname)s] %(message)s``, date ``%d/%m/%Y %H:%M:%S``): a line of ``#``
(``strong_line``), ``05/06/2026 12:00:00 [INFO] Experiment Algorithm: DQN``, then an epoch
``05/06/2026 12:00:00 [INFO] Epoch 1 | J: -0.6123 R: -0.8`` (``ConsoleLogger.epoch_info``:
``' ' + name + ': ' + str(data)`` for each keyword, no separator between pairs, ``str`` of
the numpy float64 in full). On stderr tqdm's bars: the example's ``trange(n_epochs)`` and,
nested, ``Core``'s own steps bar (``core.learn(n_steps=...)``) and episodes bar
(``core.evaluate(n_episodes=...)``), both ``leave=False`` and ``dynamic_ncols=True``, with no
postfix (counts, elapsed, rate only).

Truth: the values the script passed to ``epoch_info``, computed by MushroomRL's own
``mushroom_rl.utils.dataset.compute_J`` and kept in Python lists, keyed ``epoch`` as printed
(0 = the evaluation before any training, then 1..5). The Logger writes
``logs/DQN/J.npy`` and ``logs/DQN/R.npy`` (``DataLogger.log_numpy``: the whole array so far,
rewritten each epoch) and ``logs/DQN/DQN.log`` (the console lines again, ``log_console=True``);
the script checks the arrays equal the lists, and all three are listed in ``files``.

Judgement calls:
- ``J`` and ``R`` are named as ``epoch_info``'s keywords (MushroomRL's own key, also the
  ``.npy`` file names).
- ``str(np.float64)`` prints the float in full (shortest round trip), so no tolerance.
- The ``Epoch`` number is the axis; the timestamp's numbers, the ``#`` line and the
  progress bars' counts, elapsed times and ``it/s`` rates are no metrics (``it/s`` is
  ``also_ok``, as in the other tqdm cases).
"""
# zoo-venv: mushroomrl

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from _truth import series, write_truth
from mushroom_rl import __version__ as mushroom_version
from mushroom_rl.algorithms.value import DQN
from mushroom_rl.approximators.parametric import TorchApproximator
from mushroom_rl.core import Core, Logger
from mushroom_rl.environments import CartPole
from mushroom_rl.policy import EpsGreedy
from mushroom_rl.utils.dataset import compute_J
from mushroom_rl.utils.parameters import LinearParameter, Parameter
from tqdm import trange


class Network(nn.Module):
    def __init__(self, input_shape, output_shape, n_features, **kwargs):
        super().__init__()

        n_input = input_shape[-1]
        n_output = output_shape[0]

        self._h1 = nn.Linear(n_input, n_features)
        self._h2 = nn.Linear(n_features, n_features)
        self._h3 = nn.Linear(n_features, n_output)

        nn.init.xavier_uniform_(self._h1.weight,
                                gain=nn.init.calculate_gain('relu'))
        nn.init.xavier_uniform_(self._h2.weight,
                                gain=nn.init.calculate_gain('relu'))
        nn.init.xavier_uniform_(self._h3.weight,
                                gain=nn.init.calculate_gain('linear'))

    def forward(self, state, action=None):
        features1 = F.relu(self._h1(torch.squeeze(state, 1).float()))
        features2 = F.relu(self._h2(features1))
        q = self._h3(features2)

        if action is None:
            return q
        else:
            action = action.long()
            q_acted = torch.squeeze(q.gather(1, action))

            return q_acted


def experiment(n_epochs, n_steps, n_episodes_test):
    np.random.seed(0)
    torch.manual_seed(0)

    logger = Logger(DQN.__name__, results_dir='logs', log_console=True)
    logger.strong_line()
    logger.info('Experiment Algorithm: ' + DQN.__name__)

    # MDP
    mdp = CartPole(horizon=100)

    # Policy
    epsilon = LinearParameter(value=1., threshold_value=.05, n=1000)
    epsilon_test = Parameter(value=0.)
    epsilon_random = Parameter(value=1.)
    pi = EpsGreedy(epsilon=epsilon_random)

    # Settings
    initial_replay_size = 200
    max_replay_size = 2000
    target_update_frequency = 100
    batch_size = 32
    n_features = 32
    train_frequency = 1

    # Approximator
    input_shape = mdp.info.observation_space.shape
    approximator_params = dict(network=Network,
                               optimizer={'class': optim.Adam,
                                          'params': {'lr': .001}},
                               loss=F.smooth_l1_loss,
                               n_features=n_features,
                               input_shape=input_shape,
                               output_shape=mdp.info.action_space.size,
                               n_actions=mdp.info.action_space.n)

    # Agent
    agent = DQN(mdp.info, pi, TorchApproximator,
                approximator_params=approximator_params, batch_size=batch_size,
                initial_replay_size=initial_replay_size,
                max_replay_size=max_replay_size,
                target_update_frequency=target_update_frequency)

    # Algorithm
    core = Core(agent, mdp)

    core.learn(n_steps=initial_replay_size, n_steps_per_fit=initial_replay_size)

    history = {"J": [], "R": []}

    def log_epoch(epoch, dataset):
        J = np.mean(compute_J(dataset, mdp.info.gamma))  # discounted returns
        R = np.mean(compute_J(dataset))  # undiscounted returns
        logger.epoch_info(epoch, J=J, R=R)
        logger.log_numpy(J=J, R=R)
        history["J"].append((epoch, J))
        history["R"].append((epoch, R))

    # RUN
    pi.set_epsilon(epsilon_test)
    log_epoch(0, core.evaluate(n_episodes=n_episodes_test, render=False))

    for n in trange(n_epochs):
        pi.set_epsilon(epsilon)
        core.learn(n_steps=n_steps, n_steps_per_fit=train_frequency)
        pi.set_epsilon(epsilon_test)
        log_epoch(n + 1, core.evaluate(n_episodes=n_episodes_test, render=False))

    return logger.path, history


folder, history = experiment(n_epochs=5, n_steps=300, n_episodes_test=5)

files = [str(folder / "J.npy"), str(folder / "R.npy"), str(folder / "DQN.log")]
metrics = {}
for name, pairs in history.items():
    # DataLogger.log_numpy keeps the same values, one a call
    assert np.load(folder / f"{name}.npy").tolist() == [float(v) for _, v in pairs], name
    metrics[name] = series(pairs, "epoch")
write_truth("mushroom-rl", mushroom_version,
            "the values passed to Logger.epoch_info (mushroom_rl.utils.dataset.compute_J), "
            f"kept in lists; {folder}/J.npy, R.npy (DataLogger.log_numpy) hold the same",
            metrics, files=files, also_ok=["it/s"])
