"""TFLearn 0.5.0 (PyPI ``tflearn``, its last release, 2020-11; a source distribution, pure
Python) on TensorFlow 1.15.5 (PyPI's ``tensorflow`` 1.15.5 wheel for Python 3.7, run on the
CPU; TFLearn needs the TF 1.x graph API, and 1.15 wheels exist only up to Python 3.7). The
network and ``fit`` call of TFLearn's own ``examples/images/convnet_mnist.py`` (tflearn/tflearn,
unchanged since 2016, git blob 26833faf at the 0.5.0 tag aac7ce69): ``input_data`` 28x28x1,
``conv_2d`` 32 and 64 filters of 3 (relu, L2) each with ``max_pool_2d`` 2 and
``local_response_normalization``, ``fully_connected`` 128 and 256 (tanh) each with
``dropout(0.8)``, a softmax of 10, ``regression(optimizer='adam', ...,
loss='categorical_crossentropy', name='target')``, then ``tflearn.DNN(network,
tensorboard_verbose=0).fit({'input': X}, {'target': Y}, n_epoch=..., validation_set=({'input':
testX}, {'target': testY}), snapshot_step=..., show_metric=True, run_id='convnet_mnist')``,
held in the case (no wheel ships the examples) with these changes, each for a tiny offline
run:
- Data: the example's ``mnist.load_data(one_hot=True)`` downloads MNIST; the case makes
  arrays of the same shapes (rows of 784 floats in [0, 1], reshaped to ``[-1, 28, 28, 1]`` as
  the example does; one-hot labels of 10): 1,000 training and 200 validation images, each
  class a fixed random stroke pattern under uniform noise, numpy ``RandomState(0)``. With
  the default ``batch_size=64`` an epoch is 16 steps (15 of 64 and one of 40).
- ``n_epoch=3`` (the example's 20); ``snapshot_step=10`` (the example's 100, of its 860 steps
  an epoch: a validation every 10 steps, as it validates about 8 times an epoch, besides the
  one at each epoch's end that ``snapshot_epoch=True``, fit's default, runs).
- ``learning_rate=0.001`` (TFLearn's Adam default) where the example passes 0.01: on this
  small synthetic set 0.01 sits at chance (loss 2.5, acc 0.1) for its first five epochs;
  0.001 gives a curve that falls within the three epochs.
- ``callbacks=[record]``: the case's ``tflearn.callbacks.Callback`` subclass (the truth,
  below); fit's documented ``callbacks`` argument, which adds it after its own ``TermLogger``
  and ``ModelSaver``.
- Seeds: ``random``, numpy and ``tf.set_random_seed(0)`` before the graph is built (the
  example seeds nothing). TFLearn feeds batches from a queue thread and TF's CPU kernels run
  on several threads, so runs differ after the first steps in the last digits and then more;
  each run's truth is that run's own record.
tensorboard_verbose=0 writes TensorBoard event files (Loss, Accuracy and their Validation
summaries) under TFLearn's default ``tensorboard_dir``, ``/tmp/tflearn_logs/convnet_mnist/``,
as a user's run does; that is outside the run's folder, so ``track run`` does not read it and
the truth does not use it (it also skips the first step: ``if n_step > 1``).

What it prints: ``import tflearn`` prints ``Scipy not supported!`` (scipy is an optional
dependency, not installed); TensorFlow 1.15 writes its deprecation ``WARNING:tensorflow:``
lines and the ``cpu_feature_guard`` and XLA ``I`` lines on stderr. ``fit`` prints
``Run id: convnet_mnist``, ``Log directory: /tmp/tflearn_logs/``, ``Training samples:
1000``, ``Validation samples: 200`` between ``-----`` rules, then its ``TermLogger``
(``tflearn/callbacks.py``) draws two lines after every batch and moves the cursor back up
over them with ``\\x1b[A\\x1b[A``, so that the next batch's lines overwrite them (``^[`` the
escape byte and ``^M`` the ``\\r``, as ``cat -v`` shows them)::

  ^[[A^[[ATraining Step: 2  | total loss: ^[[1m^[[32m2.07468^[[0m^[[0m | time: 1.082s
  ^[[2K^M| Adam | epoch: 001 | loss: 2.07468 - acc: 0.0703 -- iter: 0128/1000

(the total loss in bold green; ``Adam`` the train op's name; the cursor-up codes open each
batch's first line after the first batch's). At a snapshot step (every 10th step and each
epoch's last) the second line also holds the validation, ``| val_loss: 2.27588 - val_acc:
0.0950 -- iter: 0640/1000``, and a ``--`` line follows with no cursor-up, so those two lines
stay on the screen. The first step prints ``Training Step: 1  | time: 0.970s`` with no total
loss and ``loss: 0.00000 - acc: 0.0000``: the loss and accuracy TFLearn reports are its
``ExponentialMovingAverage``s (decay 0.9, ``num_updates`` the step) read from the training
summary, which hold 0 at the first step; TermLogger prints the total loss only ``if
global_loss:``. ``time`` is the seconds since the epoch began. The escape codes are the same
under a pipe and a terminal (TermLogger draws with them either way; curses' ``civis``,
``\\x1b[?25l``, before the first drawing and ``cvvis`` after the last wherever ``TERM`` names a
terminal curses knows, a pipe's run included); the terminal adds its ``\\r`` before each
newline. ``fit`` ends by moving the cursor down (``\\x1b[B``) past the last drawing.

Truth: the record TFLearn keeps is its ``TrainingState`` (``tflearn/helpers/trainer.py``),
what its TermLogger prints from. The case's ``Callback`` subclass, passed to
``fit(callbacks=...)``, reads it in ``on_batch_end`` (called right after TermLogger's, with
the same ``training_state``) and keeps, at full precision, ``step``, ``epoch``,
``current_iter``, ``global_loss``, ``loss_value``, ``acc_value``, ``val_loss`` and
``val_acc``; ``on_epoch_end`` notes each epoch's last step. Nothing is parsed from stdout.
Judgement calls (docs/metrics.md):
- Names as printed: ``total loss`` (TrainingState's ``global_loss``, the sum of the train
  ops' losses: with one train op the same number as ``loss``) -> ``total_loss``; ``loss``
  (``loss_value``), ``acc`` (``acc_value``; TermLogger prints the metric's ``m_name``,
  ``acc`` for ``Accuracy``), ``val_loss``, ``val_acc``. ``avg acc`` is never printed
  (``global_acc`` is ``None`` with one train op: ``resetGlobal`` sets it to 0.0, which its
  update treats as false).
- Counts: every drawing is a value (a bar's every frame is a value as printed): ``loss`` and
  ``acc`` at each of the 48 steps (the first 0.0, as printed), ``total_loss`` at the 47
  steps where TermLogger prints it (not the first: ``global_loss`` 0.0 is falsy),
  ``val_loss`` and ``val_acc`` at the 7 snapshot steps (10, 16, 20, 30, 32, 40, 48).
- Axis ``step``: ``Training Step`` (TrainingState's ``step``, from 1, global across
  epochs); each point's epoch (``epoch: 001``) is in ``notes``.
- Tolerances from the printed rounding: ``%.5f`` -> 5e-6 for ``total_loss``, ``loss`` and
  ``val_loss``; ``%.4f`` -> 5e-5 for ``acc`` and ``val_acc``.
- ``also_ok``: ``time`` (the epoch's elapsed seconds). Not metrics: ``iter: 0128/1000`` (the
  samples seen this epoch of the set's size), ``Training samples``, ``Validation samples``
  (counts), ``epoch: 001`` (the epoch).
"""
# zoo-venv: tflearn

from __future__ import annotations

import random

import importlib_metadata
import numpy as np
import tensorflow as tf
import tflearn
from _truth import series, write_truth
from tflearn.layers.conv import conv_2d, max_pool_2d
from tflearn.layers.core import dropout, fully_connected, input_data
from tflearn.layers.estimator import regression
from tflearn.layers.normalization import local_response_normalization

TRAIN, VAL = 1000, 200  # images; batches of 64: 16 steps an epoch
EPOCHS = 3  # the example's n_epoch=20
SNAPSHOT_STEP = 10  # the example's 100, of its 860 steps an epoch


def mnist_like(count: int, rng: np.random.RandomState) -> tuple[np.ndarray, np.ndarray]:
    """MNIST-shaped arrays as ``mnist.load_data(one_hot=True)`` returns them: rows of 784
    floats in [0, 1] and one-hot labels of 10. Each class is a fixed random stroke pattern
    under uniform noise, so that the network can learn it."""
    templates = (np.random.RandomState(1).rand(10, 784) > 0.8).astype(np.float32)
    labels = rng.randint(0, 10, count)
    pixels = np.clip(templates[labels] * 0.5 + rng.rand(count, 784) * 0.8, 0.0, 1.0)
    return pixels.astype(np.float32), np.eye(10, dtype=np.float32)[labels]


class ZooRecord(tflearn.callbacks.Callback):
    """The truth: fit()'s TrainingState at each batch's end, right after its TermLogger
    printed from it (fit chains its TermLogger and ModelSaver first, then these)."""

    def __init__(self) -> None:
        super().__init__()
        self.batches: list[dict] = []
        self.epoch_ends: list[tuple[int, int]] = []

    def on_batch_end(self, training_state, snapshot=False):
        self.batches.append({
            "step": training_state.step, "epoch": training_state.epoch,
            "iter": training_state.current_iter, "snapshot": bool(snapshot),
            "global_loss": training_state.global_loss, "global_acc": training_state.global_acc,
            "loss_value": training_state.loss_value, "acc_value": training_state.acc_value,
            "val_loss": training_state.val_loss, "val_acc": training_state.val_acc})

    def on_epoch_end(self, training_state):
        self.epoch_ends.append((training_state.epoch, training_state.step))


random.seed(0)
np.random.seed(0)
tf.set_random_seed(0)

# Data loading and preprocessing (the example's mnist.load_data(one_hot=True), made here)
rng = np.random.RandomState(0)
X, Y = mnist_like(TRAIN, rng)
testX, testY = mnist_like(VAL, rng)
X = X.reshape([-1, 28, 28, 1])
testX = testX.reshape([-1, 28, 28, 1])

# Building convolutional network (examples/images/convnet_mnist.py)
network = input_data(shape=[None, 28, 28, 1], name='input')
network = conv_2d(network, 32, 3, activation='relu', regularizer="L2")
network = max_pool_2d(network, 2)
network = local_response_normalization(network)
network = conv_2d(network, 64, 3, activation='relu', regularizer="L2")
network = max_pool_2d(network, 2)
network = local_response_normalization(network)
network = fully_connected(network, 128, activation='tanh')
network = dropout(network, 0.8)
network = fully_connected(network, 256, activation='tanh')
network = dropout(network, 0.8)
network = fully_connected(network, 10, activation='softmax')
network = regression(network, optimizer='adam', learning_rate=0.001,
                     loss='categorical_crossentropy', name='target')

# Training
record = ZooRecord()
model = tflearn.DNN(network, tensorboard_verbose=0)
model.fit({'input': X}, {'target': Y}, n_epoch=EPOCHS,
          validation_set=({'input': testX}, {'target': testY}),
          snapshot_step=SNAPSHOT_STEP, show_metric=True, run_id='convnet_mnist',
          callbacks=[record])

# --- the truth: TrainingState as each batch's end left it ---
rows = record.batches
steps_per_epoch = -(-TRAIN // 64)
assert [row["step"] for row in rows] == list(range(1, EPOCHS * steps_per_epoch + 1)), rows
assert record.epoch_ends == [(e, e * steps_per_epoch) for e in range(1, EPOCHS + 1)]
assert all(row["global_acc"] is None for row in rows)  # no "avg acc" printed
snapshots = [row["step"] for row in rows if row["val_loss"] is not None]
assert snapshots == sorted({*range(SNAPSHOT_STEP, len(rows) + 1, SNAPSHOT_STEP),
                            *(step for _, step in record.epoch_ends)}), snapshots
metrics = {
    # TermLogger: `if global_loss:` (0.0 at the first step: not printed)
    "total_loss": series([(r["step"], r["global_loss"]) for r in rows if r["global_loss"]],
                         "step", tolerance=5e-6),
    "loss": series([(r["step"], r["loss_value"]) for r in rows], "step", tolerance=5e-6),
    "acc": series([(r["step"], r["acc_value"]) for r in rows], "step", tolerance=5e-5),
    "val_loss": series([(r["step"], r["val_loss"]) for r in rows if r["val_loss"] is not None],
                       "step", tolerance=5e-6),
    "val_acc": series([(r["step"], r["val_acc"]) for r in rows if r["val_acc"] is not None],
                      "step", tolerance=5e-5),
}
epochs = ", ".join(f"epoch {epoch} ends at step {step}" for epoch, step in record.epoch_ends)
write_truth(
    "TFLearn", importlib_metadata.version("tflearn"),
    f"tflearn.helpers.trainer.TrainingState read by a tflearn.callbacks.Callback passed to "
    f"DNN.fit(callbacks=...) at each on_batch_end (global_loss, loss_value, acc_value, "
    f"val_loss, val_acc, step), on TensorFlow {tf.__version__}",
    metrics,
    also_ok=["time"],
    notes=f"axis: TrainingState.step (Training Step, from 1, across epochs); {epochs}; "
          f"validation (snapshot) at steps {snapshots}. loss and acc are TFLearn's "
          "exponential moving averages (decay 0.9), 0 at the first step; total_loss is "
          "global_loss, the same number as loss with one train op, printed only when "
          "non-zero.",
)
