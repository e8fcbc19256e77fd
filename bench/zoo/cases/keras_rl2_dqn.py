"""keras-rl2 1.0.5 (``keras-rl2`` on PyPI, the TensorFlow 2 fork of keras-rl, its last
release) on TensorFlow 2.15.1 (tf.keras = Keras 2.15) with gym 0.23.0: its own
``examples/dqn_cartpole.py`` (inarikami/keras-rl2 at 01c1069e), held below nearly verbatim:
``CartPole-v0``, ``np.random.seed(123)``, ``env.seed(123)``, the example's Sequential model
(Flatten, three Dense(16)+relu, Dense(2)+linear) and ``print(model.summary())``,
``SequentialMemory(limit=50000, window_length=1)``, ``BoltzmannQPolicy()``,
``DQNAgent(..., nb_steps_warmup=10, target_model_update=1e-2)`` and ``dqn.compile(Adam(lr=1e-3),
metrics=['mae'])``. Changed, each line marked ``# zoo:``: ``fit`` with ``nb_steps=3000``
(50000), ``visualize=False`` (needs a display) and ``verbose=1, log_interval=1000`` (the
example asks ``verbose=2``, a line an episode; ``verbose=1``, ``fit``'s default, is its
interval logger, the form this case records), ``test`` with ``nb_episodes=3`` (5) and
``visualize=False``; ``save_weights`` left out (writes a file, prints nothing). Three
compatibility shims a user of TF 2.15 needs: ``rl.callbacks`` does ``from tensorflow.keras
import __version__``, which TF 2.15's tf.keras no longer has (set from ``keras.__version__``);
keras-rl2 wraps the optimizer in its ``AdditionalUpdatesOptimizer``, which needs the Keras 2.11+
legacy ``Adam`` (``tensorflow.keras.optimizers.legacy``: the new one has no ``_name`` nor
``get_updates``); gym 0.23's CartPole imports pygame. ``import rl.agents`` runs
``tf.compat.v1.disable_eager_execution()`` (its ``ddpg`` module), so Keras trains in graph
mode (``training_v1``). ``tf.keras.utils.set_random_seed(123)`` is added (the weights and
Python's ``random``, which ``SequentialMemory`` samples with); the run is still not
repeatable: the soft target update and Adam's step run as unordered ops of one
``session.run`` (one inter-op thread and ``enable_op_determinism`` did not change that), so
the losses drift apart in the fourth digit and the episodes after them (the pipe and pty
captures agree on the first interval's printed summary, not later, as tf_agents_dqn's
differ). Nothing downloaded; about 20 s of training on one core.

What it prints: on stderr gym's "unmaintained" notice, TensorFlow's start-up log lines, gym's
``CartPole-v0 is out of date`` warning, the legacy ``lr`` deprecation, TF's
``OMP_NUM_THREADS`` warning, graph-mode ``c_api.cc`` "was changed by setting attribute"
warnings and keras-rl2's ``Not enough entries to sample without replacement`` warning; on
stdout the model summary table (``Total params: 658 (2.57 KB)``) and ``None`` (the example
prints ``summary()``'s return), then ``TrainIntervalLogger``'s lines::

    Training for 3000 steps ...
    Interval 1 (0 steps performed)
    1000/1000 [==============================] - 6s 6ms/step - reward: 1.0000
    40 episodes - episode_reward: 24.825 [10.000, 97.000] - loss: 0.260 - mae: 2.333 - mean_q: 4.469

    Interval 2 (1000 steps performed)
    ...
    Interval 3 (2000 steps performed)
    1000/1000 [==============================] - 7s 7ms/step - reward: 1.0000
    done, took 19.165 seconds

(the bar is ``tensorflow.python.keras``'s old ``Progbar`` with the step's reward, drawn at
most every 0.05 s with ``ETA``: under a pty it redraws with backspaces and a carriage return;
under a pipe its updates follow one another on one line, no separator, until the newline at
1000/1000), then ``TestLogger``'s ``Testing for 3 episodes ...`` and
``Episode 1: reward: 200.000, steps: 200`` a test episode.

Truth: keras-rl2's own records. ``TrainIntervalLogger`` keeps each interval's step
``metrics`` (the rows ``backward`` returns, ``dqn.metrics_names`` = loss, mae, mean_q) and
``episode_rewards``, and prints their ``np.nanmean``/mean at the first step of the next
interval, then resets; the case wraps its ``on_step_begin`` and ``on_train_end`` (printing
nothing) to read them, and its ``progbar``'s running mean, just before. ``dqn.test``'s
``History`` (``episode_reward``, ``nb_steps`` an episode) backs the test lines; ``dqn.fit``'s
``History`` (``episode_reward``, ``nb_episode_steps``, ``nb_steps`` an episode: 50 to 60
episodes) is never printed with ``verbose=1``, so it is only in ``notes``. Judgement calls:
- ``episode_reward``, ``loss``, ``mae``, ``mean_q``: named as printed (the logger's and the
  agent's own keys), key ``step`` = steps performed when printed (1000, 2000). The last
  interval's summary is never printed (``fit`` ends before the next ``on_step_begin``), so two
  points each; ``episode_reward`` is the mean, its ``[min, max]`` an unnamed spread (README).
  Tolerance 5e-4 (``%.3f``).
- ``reward``: the bar's ``- reward: 1.0000``, ``Progbar``'s running mean of the step rewards
  (the value ``TrainIntervalLogger`` passes as ``('reward', logs['reward'])``) at each
  interval's last update, 1.0 always on CartPole; three points (every interval's bar ends),
  key ``step`` = the interval. Tolerance 5e-5 (``%.4f``).
- ``test_reward``, ``test_steps``: the test lines' ``reward`` and ``steps``, a test
  episode's return and length (test ``History``'s ``episode_reward`` and ``nb_steps``), named
  by the printed word with the ``Testing`` phase its heading line gives: they are no points of
  the training bar's ``reward`` (a mean step reward) nor of the intervals' mean
  ``episode_reward``. Key ``step`` = the episode (1..3); ``reward`` tolerance 5e-4 (``%.3f``),
  ``steps`` exact.
- ``N episodes`` opening a summary is the count of episodes the interval's mean is over, no
  metric; the model summary's parameter counts are sizes, no metrics. ``took`` (``done, took
  19.165 seconds``) and the bar's ``6s 6ms/step`` are timings no record keeps: ``also_ok``.
"""
# zoo-venv: kerasrl

from importlib.metadata import version

import gym
import keras  # zoo: rl.callbacks reads tensorflow.keras.__version__, which TF 2.15 lacks
import numpy as np
import tensorflow as tf  # zoo:
from _truth import series, write_truth  # zoo:
from tensorflow.keras.layers import Activation, Dense, Flatten
from tensorflow.keras.models import Sequential
from tensorflow.keras.optimizers.legacy import Adam  # zoo: the new Adam has no get_updates

tf.keras.__version__ = keras.__version__  # zoo:

import rl.callbacks  # noqa: E402  (zoo: the truth recorder below wraps TrainIntervalLogger)
from rl.agents.dqn import DQNAgent  # noqa: E402
from rl.memory import SequentialMemory  # noqa: E402
from rl.policy import BoltzmannQPolicy  # noqa: E402

# zoo: record what TrainIntervalLogger computes for each interval, printing nothing.
INTERVALS = []
_on_step_begin = rl.callbacks.TrainIntervalLogger.on_step_begin
_on_train_end = rl.callbacks.TrainIntervalLogger.on_train_end


def _record_interval(logger, printed):  # zoo:
    progbar = logger.progbar._values.get('reward')
    row = {'step': logger.step, 'interval': (logger.step - 1) // logger.interval + 1,
           'reward': float(progbar[0] / max(1, progbar[1])) if progbar else None,
           'episodes': len(logger.episode_rewards), 'summary': None}
    if printed and logger.episode_rewards:
        # what on_step_begin prints before it resets (np.nanmean of the interval's metrics)
        means = np.nanmean(np.array(logger.metrics), axis=0)
        row['summary'] = {'episode_reward': float(np.mean(logger.episode_rewards)),
                          'episode_reward_min': float(np.min(logger.episode_rewards)),
                          'episode_reward_max': float(np.max(logger.episode_rewards)),
                          **{name: float(mean) for name, mean in
                             zip(logger.metrics_names, means, strict=True)}}
    INTERVALS.append(row)


def _wrapped_on_step_begin(self, step, logs):  # zoo:
    if self.step % self.interval == 0 and self.step > 0:
        _record_interval(self, printed=True)
    return _on_step_begin(self, step, logs)


def _wrapped_on_train_end(self, logs):  # zoo:
    _record_interval(self, printed=False)  # the last interval's summary is never printed
    return _on_train_end(self, logs)


rl.callbacks.TrainIntervalLogger.on_step_begin = _wrapped_on_step_begin  # zoo:
rl.callbacks.TrainIntervalLogger.on_train_end = _wrapped_on_train_end  # zoo:

# zoo: seeds Python's random (memory sampling) and the TF weights; the example seeds numpy
# and the env only.
tf.keras.utils.set_random_seed(123)

ENV_NAME = 'CartPole-v0'


# Get the environment and extract the number of actions.
env = gym.make(ENV_NAME)
np.random.seed(123)
env.seed(123)
nb_actions = env.action_space.n

# Next, we build a very simple model.
model = Sequential()
model.add(Flatten(input_shape=(1,) + env.observation_space.shape))  # noqa: RUF005
model.add(Dense(16))
model.add(Activation('relu'))
model.add(Dense(16))
model.add(Activation('relu'))
model.add(Dense(16))
model.add(Activation('relu'))
model.add(Dense(nb_actions))
model.add(Activation('linear'))
print(model.summary())

# Finally, we configure and compile our agent. You can use every built-in tensorflow.keras
# optimizer and even the metrics!
memory = SequentialMemory(limit=50000, window_length=1)
policy = BoltzmannQPolicy()
dqn = DQNAgent(model=model, nb_actions=nb_actions, memory=memory, nb_steps_warmup=10,
               target_model_update=1e-2, policy=policy)
dqn.compile(Adam(lr=1e-3), metrics=['mae'])

# Okay, now it's time to learn something! (zoo: no visualisation, interval logging, shortened)
history = dqn.fit(env, nb_steps=3000, visualize=False, verbose=1, log_interval=1000)

# Finally, evaluate our algorithm for 5 episodes. (zoo: 3 episodes, no visualisation)
test_history = dqn.test(env, nb_episodes=3, visualize=False)

# zoo: the truth.
summaries = [row for row in INTERVALS if row['summary']]
metrics = {}
for name in ['episode_reward', *dqn.metrics_names]:
    metrics[name] = series(((row['step'], row['summary'][name]) for row in summaries), 'step',
                           tolerance=5e-4)
metrics['reward'] = series(((row['interval'], row['reward']) for row in INTERVALS), 'step',
                           tolerance=5e-5)
test = test_history.history
episodes = range(1, len(test['episode_reward']) + 1)
metrics['test_reward'] = series(zip(episodes, test['episode_reward'], strict=True), 'step',
                                tolerance=5e-4)
metrics['test_steps'] = series(zip(episodes, test['nb_steps'], strict=True), 'step')
write_truth('keras-rl2', version('keras-rl2'),
            "rl.callbacks.TrainIntervalLogger's interval metrics/episode_rewards and its "
            "Progbar's running 'reward', read by wrapping on_step_begin/on_train_end; "
            "dqn.test()'s History (episode_reward, nb_steps)", metrics,
            also_ok=['took', 'ms/step'],
            notes=f"fit History (not printed at verbose=1): {history.history}")
