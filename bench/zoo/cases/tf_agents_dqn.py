"""TF-Agents 0.19.0 (TensorFlow's reinforcement-learning library) on TensorFlow 2.15.1:
its DQN tutorial, ``docs/tutorials/1_dqn_tutorial.ipynb`` of ``tensorflow/agents`` (main at
eb24cf5f, 2026-01-16), run as a script on ``CartPole-v0`` through ``suite_gym`` (gym
0.23.0, the newest tf-agents allows): the tutorial's Q-network (``sequential.Sequential`` of
Dense(100), Dense(50) and the ``num_actions`` output layer, its initialisers), ``DqnAgent``
with Adam(1e-3) and ``common.element_wise_squared_loss``, the Reverb replay buffer
(``reverb.Table`` 'uniform_table', ``ReverbReplayBuffer``, ``ReverbAddTrajectoryObserver``,
a local ``reverb.Server`` on localhost), ``PyDriver`` collection, its
``compute_avg_return`` and its training loop verbatim, with ``agent.train =
common.function(agent.train)``. Shortened: ``num_iterations = 1000`` (20000),
``num_eval_episodes = 5`` (10), ``eval_interval = 500`` (1000); ``log_interval = 200``,
``initial_collect_steps = 100``, ``batch_size = 64`` and the rest as the tutorial sets them.
Left out: the notebook's pip/apt cells, ``pyvirtualdisplay``, rendering and the videos
(need a display), the ``%%time`` magic, the matplotlib plot and the cells that only show a
value in a notebook (``tf.version.VERSION``, ``compute_avg_return`` of the random policy,
``agent.collect_data_spec``, ``dataset``): a script does not print a bare expression.
``tf.keras.utils.set_random_seed(0)`` is added (Python, numpy and TF seeds); the run is
still not repeatable: gym 0.23 seeds CartPole from OS entropy and Reverb samples with its
own generator in C++ threads. Nothing downloaded; about 25 s of CPU (the import of
TensorFlow included) on one core.

What it prints, as the tutorial does: its ``print`` cells (``Observation Spec:`` and the
``BoundedArraySpec``, ``Reward Spec:`` and the ``ArraySpec``, ``Action Spec:`` and the
``BoundedArraySpec``, ``Time step:`` / ``Next time step:`` and the two ``TimeStep`` reprs with
their numpy arrays, ``print(iterator)``, the dataset iterator's repr with a memory address),
then the loop's two lines, ``print('step = {0}: loss = {1}'.format(step, train_loss))`` every
``log_interval`` steps (``step = 200: loss = 12.820140838623047``: ``train_loss`` is a
scalar float32 ``EagerTensor``, whose ``format`` with an empty spec goes through numpy's
float32 ``__format__`` to Python's float repr, so the float32 value printed exactly, 17
digits) and ``print('step = {0}: Average Return = {1}'.format(step, avg_return))`` every
``eval_interval`` steps (``step = 500: Average Return = 66.19999694824219``, a numpy
float32, printed the same way). On stderr TensorFlow's start-up log lines (oneDNN, CUDA
stubs, cpu_feature_guard, TF-TRT), gym's notice, Reverb's server and client log lines and
TensorFlow's ``foldr`` deprecation warning, as a user sees them.

Truth: the tutorial's own ``returns`` list (each ``compute_avg_return`` value, appended right
after it is printed) and the ``LossInfo`` the agent's ``train()`` returns (``.loss``, the
tutorial's ``train_loss``), recorded by the case beside the prints at the logged steps
(``step % log_interval == 0``), the values the lines print; TF-Agents writes no metrics file
here (no summary writer in the tutorial). Judgement calls:
- ``loss``: named as printed (``loss = ``; ``LossInfo.loss``), key ``step`` =
  ``agent.train_step_counter`` as printed (200, 400, ..., 1000), 5 points; the record is the
  float32 value as a Python float, the line prints that float's repr: exact, no tolerance.
- ``Average_Return``: the printed phrase ``Average Return`` joined with ``_``
  (docs/metrics.md "Phrases"; the tutorial's plot labels it 'Average Return' too), key
  ``step`` (500, 1000). ``returns[0]``, the evaluation before training, is never printed
  (the tutorial only plots it), so the truth leaves it out (it is in ``notes``); exact, as
  the loss.
- ``step`` is the axis, not a metric. The specs' bounds and the ``TimeStep``s' ``reward``,
  ``discount``, ``step_type`` and ``observation`` arrays are environment specs and a single
  transition, no metrics; nothing is timed (the notebook's ``%%time`` is a cell magic), so
  ``also_ok`` is empty.
"""
# zoo-venv: tfagents

import os

# Keep using keras-2 (tf-keras) rather than keras-3 (keras).
os.environ['TF_USE_LEGACY_KERAS'] = '1'

import numpy as np
import reverb
import tensorflow as tf
import tf_agents
from _truth import series, write_truth
from tf_agents.agents.dqn import dqn_agent
from tf_agents.drivers import py_driver
from tf_agents.environments import suite_gym, tf_py_environment
from tf_agents.networks import sequential
from tf_agents.policies import py_tf_eager_policy, random_tf_policy
from tf_agents.replay_buffers import reverb_replay_buffer, reverb_utils
from tf_agents.specs import tensor_spec
from tf_agents.utils import common

tf.keras.utils.set_random_seed(0)

num_iterations = 1000  # @param {type:"integer"}

initial_collect_steps = 100  # @param {type:"integer"}
collect_steps_per_iteration = 1  # @param {type:"integer"}
replay_buffer_max_length = 100000  # @param {type:"integer"}

batch_size = 64  # @param {type:"integer"}
learning_rate = 1e-3  # @param {type:"number"}
log_interval = 200  # @param {type:"integer"}

num_eval_episodes = 5  # @param {type:"integer"}
eval_interval = 500  # @param {type:"integer"}

env_name = 'CartPole-v0'
env = suite_gym.load(env_name)

print('Observation Spec:')
print(env.time_step_spec().observation)

print('Reward Spec:')
print(env.time_step_spec().reward)

print('Action Spec:')
print(env.action_spec())

time_step = env.reset()
print('Time step:')
print(time_step)

action = np.array(1, dtype=np.int32)

next_time_step = env.step(action)
print('Next time step:')
print(next_time_step)

train_py_env = suite_gym.load(env_name)
eval_py_env = suite_gym.load(env_name)

train_env = tf_py_environment.TFPyEnvironment(train_py_env)
eval_env = tf_py_environment.TFPyEnvironment(eval_py_env)

fc_layer_params = (100, 50)
action_tensor_spec = tensor_spec.from_spec(env.action_spec())
num_actions = action_tensor_spec.maximum - action_tensor_spec.minimum + 1


# Define a helper function to create Dense layers configured with the right
# activation and kernel initializer.
def dense_layer(num_units):
    return tf.keras.layers.Dense(
        num_units,
        activation=tf.keras.activations.relu,
        kernel_initializer=tf.keras.initializers.VarianceScaling(
            scale=2.0, mode='fan_in', distribution='truncated_normal'))


# QNetwork consists of a sequence of Dense layers followed by a dense layer
# with `num_actions` units to generate one q_value per available action as
# its output.
dense_layers = [dense_layer(num_units) for num_units in fc_layer_params]
q_values_layer = tf.keras.layers.Dense(
    num_actions,
    activation=None,
    kernel_initializer=tf.keras.initializers.RandomUniform(
        minval=-0.03, maxval=0.03),
    bias_initializer=tf.keras.initializers.Constant(-0.2))
q_net = sequential.Sequential(dense_layers + [q_values_layer])  # noqa: RUF005

optimizer = tf.keras.optimizers.Adam(learning_rate=learning_rate)

train_step_counter = tf.Variable(0)

agent = dqn_agent.DqnAgent(
    train_env.time_step_spec(),
    train_env.action_spec(),
    q_network=q_net,
    optimizer=optimizer,
    td_errors_loss_fn=common.element_wise_squared_loss,
    train_step_counter=train_step_counter)

agent.initialize()

eval_policy = agent.policy
collect_policy = agent.collect_policy

random_policy = random_tf_policy.RandomTFPolicy(train_env.time_step_spec(),
                                                train_env.action_spec())

example_environment = tf_py_environment.TFPyEnvironment(
    suite_gym.load('CartPole-v0'))

time_step = example_environment.reset()

random_policy.action(time_step)


def compute_avg_return(environment, policy, num_episodes=10):

    total_return = 0.0
    for _ in range(num_episodes):

        time_step = environment.reset()
        episode_return = 0.0

        while not time_step.is_last():
            action_step = policy.action(time_step)
            time_step = environment.step(action_step.action)
            episode_return += time_step.reward
        total_return += episode_return

    avg_return = total_return / num_episodes
    return avg_return.numpy()[0]


# See also the metrics module for standard implementations of different metrics.
# https://github.com/tensorflow/agents/tree/master/tf_agents/metrics

table_name = 'uniform_table'
replay_buffer_signature = tensor_spec.from_spec(
    agent.collect_data_spec)
replay_buffer_signature = tensor_spec.add_outer_dim(
    replay_buffer_signature)

table = reverb.Table(
    table_name,
    max_size=replay_buffer_max_length,
    sampler=reverb.selectors.Uniform(),
    remover=reverb.selectors.Fifo(),
    rate_limiter=reverb.rate_limiters.MinSize(1),
    signature=replay_buffer_signature)

reverb_server = reverb.Server([table])

replay_buffer = reverb_replay_buffer.ReverbReplayBuffer(
    agent.collect_data_spec,
    table_name=table_name,
    sequence_length=2,
    local_server=reverb_server)

rb_observer = reverb_utils.ReverbAddTrajectoryObserver(
    replay_buffer.py_client,
    table_name,
    sequence_length=2)

py_driver.PyDriver(
    env,
    py_tf_eager_policy.PyTFEagerPolicy(
        random_policy, use_tf_function=True),
    [rb_observer],
    max_steps=initial_collect_steps).run(train_py_env.reset())

# Dataset generates trajectories with shape [Bx2x...]
dataset = replay_buffer.as_dataset(
    num_parallel_calls=3,
    sample_batch_size=batch_size,
    num_steps=2).prefetch(3)

iterator = iter(dataset)
print(iterator)

# (Optional) Optimize by wrapping some of the code in a graph using TF function.
agent.train = common.function(agent.train)

# Reset the train step.
agent.train_step_counter.assign(0)

# Evaluate the agent's policy once before training.
avg_return = compute_avg_return(eval_env, agent.policy, num_eval_episodes)
returns = [avg_return]
losses = []  # the case's record: (step, LossInfo.loss) at the logged steps

# Reset the environment.
time_step = train_py_env.reset()

# Create a driver to collect experience.
collect_driver = py_driver.PyDriver(
    env,
    py_tf_eager_policy.PyTFEagerPolicy(
        agent.collect_policy, use_tf_function=True),
    [rb_observer],
    max_steps=collect_steps_per_iteration)

for _ in range(num_iterations):

    # Collect a few steps and save to the replay buffer.
    time_step, _ = collect_driver.run(time_step)

    # Sample a batch of data from the buffer and update the agent's network.
    experience, unused_info = next(iterator)
    train_loss = agent.train(experience).loss

    step = agent.train_step_counter.numpy()

    if step % log_interval == 0:
        print('step = {0}: loss = {1}'.format(step, train_loss))  # noqa: UP030, UP032
        losses.append((int(step), float(train_loss.numpy())))

    if step % eval_interval == 0:
        avg_return = compute_avg_return(eval_env, agent.policy, num_eval_episodes)
        print('step = {0}: Average Return = {1}'.format(step, avg_return))  # noqa: UP030, UP032
        returns.append(avg_return)

reverb_server.stop()

eval_steps = range(0, num_iterations + 1, eval_interval)
assert len(returns) == len(eval_steps), (returns, list(eval_steps))
printed_returns = list(zip(eval_steps, returns, strict=True))[1:]  # returns[0] is not printed
write_truth("tf-agents", tf_agents.__version__,
            "the tutorial's own returns list (compute_avg_return, numpy float32) and the "
            "LossInfo.loss agent.train() returned at each logged step (train_loss), recorded "
            "by the case beside the prints; TF-Agents writes no metrics file here",
            {"loss": series(losses, "step"),
             "Average_Return": series(printed_returns, "step")},
            notes=f"TensorFlow {tf.__version__}; returns[0] (before training, step 0, not "
                  f"printed) = {float(returns[0])}")
