"""Tensorpack 0.11 (PyPI ``tensorpack``; the release tagged v0.11 in tensorpack/tensorpack,
commit db541e8ec9edeeb12f8dcc79f3ca835412d282e1, 2021-01-22) on TensorFlow 1.15.5's CPU wheel
(``tensorflow==1.15.5``, Python 3.7): its own ``examples/basics/mnist-convnet.py`` at that
commit (git blob 89c8568d9f4c605c31876cffb6beb16cd5f58749, last changed by 425f9d27,
2020-07-26, "tensorpack.tfv1"; the same blob on the repository's newest commit), kept verbatim
below as ``MNIST_CONVNET_PY``, checked against its blob id, written to the cwd as
``mnist-convnet.py`` and run in-process (``runpy``, as ``__main__``, ``sys.argv =
['mnist-convnet.py']``: ``logger.auto_set_dir()`` names its folder after
``sys.modules['__main__'].__file__``, ``train_log/mnist-convnet/``). No pip package ships
the examples. The script as its README runs it (``python mnist-convnet.py``): the ConvNet
(four 3x3 convolutions of 32 channels, two max-pools, ``fc0`` 512 with dropout 0.5, ``fc1``
10), Adam with ``exponential_decay`` from 1e-3 (``decay_steps=468 * 10``: constant over this
run), ``FeedInput`` of ``PrintData(BatchData(dataset.Mnist('train'), 128))``,
``SimpleTrainer``, and its callbacks: ``ModelSaver()``, ``InferenceRunner(dataset_test,
ScalarStats(['cross_entropy_loss', 'accuracy'], prefix='val'))`` on ``BatchData(
dataset.Mnist('test'), 256, remainder=True)`` after every epoch, ``MaxSaver('val_accuracy')``;
the default monitors ``TFEventWriter``, ``JSONWriter`` and ``ScalarPrinter``. Three things
differ from a user's run:
- the data: ``dataset.Mnist`` reads ``$TENSORPACK_DATASET/mnist_data/{train,t10k}-{images-
  idx3,labels-idx1}-ubyte.gz`` and downloads from Yann LeCun's site only a file that is not
  there (``maybe_download``). The case writes the four files there (gzipped IDX, MNIST's own
  format and names; ``TENSORPACK_DATASET`` set to ``./tensorpack_data`` in the environment,
  as tensorpack's docs tell a user with the data elsewhere): 2,560 training images (20
  batches of 128: ``steps_per_epoch = len(dataset_train)`` is 20) and 500 test images (2
  batches: 256 and the remainder 244), each one of ten fixed random 28x28 patterns blended
  with noise, numpy ``default_rng(0)``; nothing is downloaded;
- the length: ``max_epoch=100`` becomes 3 through one line the case adds after the
  ``TrainConfig(...)`` call (``STOP_LINES``: ``config.max_epoch = ZOO_EPOCHS``; no line of
  the stock text changed), as a user edits the number;
- seeds: the example seeds nothing; the case calls tensorpack's ``fix_rng_seed(0)`` (the
  dataflows' shuffling) and ``tf.set_random_seed(0)`` on the default graph the trainer
  builds in (initialisation, dropout) before the script runs, as ``fix_rng_seed``'s own
  docstring shows. The initial weights and the batch order then repeat (checked), the trained
  values do not: tensorpack's default session (``get_default_sess_config``) runs each kernel
  on one thread but independent ops concurrently (``inter_op_parallelism_threads = 0``), and
  two runs' scalars part from the second or third digit on. Each run's truth is that run's
  own record.
About 30 s of wall time under ``track run`` on this 2-core machine (TensorFlow's import and
graph building about 5 s, then about 0.3 s a step).

What it prints: tensorpack's logger (``tensorpack.utils.logger``, on stdout) writes each
line as ``[1207 17:38:47 @monitor.py:476] cross_entropy_loss: 2.3188`` (month and day, time,
the calling file and line; the bracket green under a terminal), TensorFlow 1.15 its C++
``I`` lines on stderr (``... cpu_feature_guard.cc:142] Your CPU supports instructions ...``,
``CPU Frequency: 2596145000 Hz``). First the layers' shapes and the trainable variables'
table (``conv0/W  [3, 3, 1, 32]  288`` ... ``Number of parameters (elements): 836522``),
then each epoch (epoch 1 of a run from a pipe)::

    [1207 17:38:40 @base.py:273] Start Epoch 1 ...
      0%|          |0/20[00:00<?,?it/s][1207 17:38:41 @common.py:839] Contents of DataFlow:
    datapoint 0/1 with 2 components consists of
      0: ndarray:float32 of shape (128, 28, 28) in range [0.0, 1.0]
      1: ndarray:uint8 of shape (128,) in range [0, 9]
    100%|##########|20/20[00:06<00:00, 3.19it/s]
    [1207 17:38:47 @base.py:283] Epoch 1 (global_step 20) finished, time:6.27 seconds.
    [1207 17:38:47 @saver.py:82] Model saved to train_log/mnist-convnet/model-20.
      0%|          |0/2[00:00<?,?it/s]100%|##########|2/2[00:00<00:00, 4.88it/s]
    [1207 17:38:47 @saver.py:166] Model at global_step=20 with maximum val_accuracy=0.36059 saved.
    [1207 17:38:47 @monitor.py:476] accuracy: 0.20595
    [1207 17:38:47 @monitor.py:476] cross_entropy_loss: 2.3188
    [1207 17:38:47 @monitor.py:476] lr: 0.001
    [1207 17:38:47 @monitor.py:476] param-summary/conv0/W-rms: 0.43431
    ...
    [1207 17:38:47 @monitor.py:476] val_accuracy: 0.36059
    [1207 17:38:47 @monitor.py:476] val_cross_entropy_loss: 1.9991

(the ``Contents of DataFlow`` block, ``PrintData``'s, only in epoch 1). The bars are
tensorpack's tqdm (``get_tqdm_kwargs``: ``ascii=True``, ``bar_format='{l_bar}{bar}|{n_fmt}/
{total_fmt}[{elapsed}<{remaining},{rate_noinv_fmt}]'``) on stderr, the training one a step
and the InferenceRunner's a batch, redrawn with ``\\r``: every 0.5 s under a terminal, every
180 s from a pipe (so a pipe shows only each bar's first and last frame). ``ScalarPrinter``
prints, after each epoch, every scalar of the epoch's stats, sorted by name, as
``'{}: {:.5g}'.format(k, v)`` (``callbacks/monitor.py`` line 476 in 0.11).

Truth: tensorpack's own ``stats.json`` (the ``JSONWriter`` monitor's) in the logger folder,
``train_log/mnist-convnet/stats.json``: a list with one dict an epoch, each scalar the
monitors received that epoch under its summary name, with ``epoch_num`` and
``global_step``; ``files`` lists it and the ``TFEventWriter``'s
``train_log/mnist-convnet/events.out.tfevents.*``, the same scalars at the same global steps
(plus the weights' histograms, no scalars), which exptrack finds in the working folder as it
runs. Judgement calls:
- Names as tensorpack keys them, and prints them: ``accuracy``, ``train_error``,
  ``cross_entropy_loss``, ``regularize_loss``, ``total_cost`` (the ``add_moving_summary``
  ops: exponential moving averages, decay 0.95, of the training batch values; the example
  names them), ``val_cross_entropy_loss`` and ``val_accuracy`` (``ScalarStats`` with
  ``prefix='val'``: means over the test set), ``lr`` (the ``tf.summary.scalar('lr', lr)`` of
  the optimizer: a recorded scalar, printed with the rest, so a truth metric as Hugging
  Face's ``learning_rate`` is) and ``param-summary/<layer>/W-rms`` for the six layers (the
  ``add_param_summary(('.*/W', ['histogram', 'rms']))`` of the example: its record keeps
  them, its printer prints them; a slash is in the key as printed).
- Counts: one value an epoch, 3 each, keyed ``epoch`` (``epoch_num``, 1 to 3; the
  ``global_step`` 20, 40, 60 is in ``notes``).
- Tolerance: ``{:.5g}`` prints five significant digits: ``rel_tolerance`` 5e-5 (half a unit
  in the fifth digit of a mantissa of at least 1).
- ``Model at global_step=20 with maximum val_accuracy=0.36059 saved.`` is ``MaxSaver``'s
  note of the running best of ``val_accuracy`` (the epoch's own value when it improves): a
  reprint, no value of its own (the README's rule for a running best).
- ``also_ok``: ``it/s`` (the bars' rate) and ``time`` (``Epoch 1 (global_step 20)
  finished, time:6.27 seconds.``: the epoch's wall time, which tensorpack keeps nowhere).
- Not metrics: the parameter table's counts (``Number of parameters (elements)``,
  ``Storage space needed``), ``PrintData``'s shapes and ranges, ``[InferenceRunner] Will
  eval 2 iterations``, TensorFlow's ``CPU Frequency``, ``global_step``.
"""
# zoo-venv: tensorpack

import gzip
import json
import os
import runpy
import sys
from pathlib import Path

import numpy as np
import tensorflow as tf
import tensorpack
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines
from tensorpack.utils.utils import fix_rng_seed

SOURCE_REPO = "tensorpack/tensorpack"
SOURCE_COMMIT = "db541e8ec9edeeb12f8dcc79f3ca835412d282e1"  # tag v0.11
SCRIPT_BLOB = "89c8568d9f4c605c31876cffb6beb16cd5f58749"
EPOCHS = 3  # of the script's max_epoch=100
TRAIN_IMAGES, TEST_IMAGES = 2560, 500  # 20 batches of 128; test batches of 256 and 244
LOG_DIR = Path("train_log/mnist-convnet")

# a line added after the TrainConfig(...) call (anchor -> the anchor and the line after it);
# no line of the stock text changed
STOP_LINES = {
    "        max_epoch=100,\n    )\n":
        "    config.max_epoch = ZOO_EPOCHS  # zoo: stop after ZOO_EPOCHS epochs\n",
}


def write_idx_gz(path: Path, array: np.ndarray) -> None:
    """MNIST's IDX format (magic 0, 0, 0x08 = ubyte, the number of dims; big-endian int32
    sizes; the bytes), gzipped as Yann LeCun's site serves it and ``dataset.Mnist`` reads it."""
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(
        int(size).to_bytes(4, "big") for size in array.shape)
    with gzip.GzipFile(str(path), "wb", mtime=0) as handle:
        handle.write(header + array.astype(np.uint8).tobytes())


def write_mnist(folder: Path, seed: int = 0) -> None:
    """The four files of ``dataset.Mnist`` under ``folder``: each image one of ten fixed
    random patterns (its label's) blended with noise."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    patterns = rng.integers(0, 256, size=(10, 28, 28))
    for prefix, count in (("train", TRAIN_IMAGES), ("t10k", TEST_IMAGES)):
        labels = rng.integers(0, 10, size=count)
        noise = rng.integers(0, 256, size=(count, 28, 28))
        images = (0.3 * patterns[labels] + 0.7 * noise).astype(np.uint8)
        write_idx_gz(folder / f"{prefix}-images-idx3-ubyte.gz", images)
        write_idx_gz(folder / f"{prefix}-labels-idx1-ubyte.gz", labels)


def main() -> None:
    if git_blob_id(MNIST_CONVNET_PY) != SCRIPT_BLOB:
        sys.exit(f"mnist-convnet.py is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
    Path("mnist-convnet.py").write_text(with_lines(MNIST_CONVNET_PY, STOP_LINES),
                                        encoding="utf-8")
    write_mnist(Path("tensorpack_data/mnist_data"))
    os.environ["TENSORPACK_DATASET"] = os.path.abspath("tensorpack_data")

    fix_rng_seed(0)
    tf.compat.v1.set_random_seed(0)
    sys.argv = ["mnist-convnet.py"]
    sys.path.insert(0, os.getcwd())
    runpy.run_path("mnist-convnet.py", init_globals={"ZOO_EPOCHS": EPOCHS},
                   run_name="__main__")
    sys.stdout.flush()
    sys.stderr.flush()

    # truth: tensorpack's own JSONWriter record
    stats = json.loads((LOG_DIR / "stats.json").read_text(encoding="utf-8"))
    assert [entry["epoch_num"] for entry in stats] == list(range(1, EPOCHS + 1)), stats
    names = [name for name in stats[0] if name not in ("epoch_num", "global_step")]
    metrics = {name: series([(entry["epoch_num"], entry[name]) for entry in stats], "epoch",
                            rel_tolerance=5e-5)
               for name in sorted(names)}
    events = sorted(str(path) for path in LOG_DIR.glob("events.out.tfevents.*"))
    assert len(events) == 1, events
    steps = ", ".join(f"epoch {entry['epoch_num']} global_step {entry['global_step']}"
                      for entry in stats)
    write_truth(
        "tensorpack", tensorpack.__version__,
        f"{LOG_DIR}/stats.json, written by tensorpack's JSONWriter monitor (one dict an "
        "epoch); the TFEventWriter's event file beside it holds the same scalars",
        metrics,
        files=[f"{LOG_DIR}/stats.json", *events],
        also_ok=["it/s", "time"],
        notes=f"TensorFlow {tf.__version__} (CPU); {SOURCE_REPO} examples/basics/"
              f"mnist-convnet.py at {SOURCE_COMMIT[:8]} (v0.11), max_epoch {EPOCHS} of 100, "
              f"synthetic MNIST files ({TRAIN_IMAGES} train, {TEST_IMAGES} test); {steps}",
    )


# examples/basics/mnist-convnet.py at SOURCE_COMMIT, verbatim
MNIST_CONVNET_PY = r'''#!/usr/bin/env python
# -*- coding: utf-8 -*-
# File: mnist-convnet.py

from tensorpack import tfv1 as tf
from tensorpack import *
from tensorpack.dataflow import dataset
from tensorpack.tfutils import summary

"""
MNIST ConvNet example.
about 0.6% validation error after 30 epochs.
"""

IMAGE_SIZE = 28


class Model(ModelDesc):
    # See tutorial at https://tensorpack.readthedocs.io/tutorial/training-interface.html#with-modeldesc-and-trainconfig
    def inputs(self):
        """
        Define all the inputs (with type, shape, name) that the graph will need.
        """
        return [tf.TensorSpec((None, IMAGE_SIZE, IMAGE_SIZE), tf.float32, 'input'),
                tf.TensorSpec((None,), tf.int32, 'label')]

    def build_graph(self, image, label):
        """This function should build the model which takes the input variables (defined above)
        and return cost at the end."""

        # In tensorflow, inputs to convolution function are assumed to be
        # NHWC. Add a single channel here.
        image = tf.expand_dims(image, 3)

        image = image * 2 - 1   # center the pixels values at zero
        # The context manager `argscope` sets the default option for all the layers under
        # this context. Here we use 32 channel convolution with shape 3x3
        # See tutorial at https://tensorpack.readthedocs.io/tutorial/symbolic.html
        with argscope(Conv2D, kernel_size=3, activation=tf.nn.relu, filters=32):
            # LinearWrap is just a syntax sugar.
            # See tutorial at https://tensorpack.readthedocs.io/tutorial/symbolic.html
            logits = (LinearWrap(image)
                      .Conv2D('conv0')
                      .MaxPooling('pool0', 2)
                      .Conv2D('conv1')
                      .Conv2D('conv2')
                      .MaxPooling('pool1', 2)
                      .Conv2D('conv3')
                      .FullyConnected('fc0', 512, activation=tf.nn.relu)
                      .Dropout('dropout', rate=0.5)
                      .FullyConnected('fc1', 10, activation=tf.identity)())

        # a vector of length B with loss of each sample
        cost = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logits, labels=label)
        cost = tf.reduce_mean(cost, name='cross_entropy_loss')  # the average cross-entropy loss

        correct = tf.cast(tf.nn.in_top_k(predictions=logits, targets=label, k=1), tf.float32, name='correct')
        accuracy = tf.reduce_mean(correct, name='accuracy')

        # This will monitor training error & accuracy (in a moving average fashion). The value will be automatically
        # 1. written to tensosrboard
        # 2. written to stat.json
        # 3. printed after each epoch
        # You can also just call `tf.summary.scalar`. But moving summary has some other benefits.
        # See tutorial at https://tensorpack.readthedocs.io/tutorial/summary.html
        train_error = tf.reduce_mean(1 - correct, name='train_error')
        summary.add_moving_summary(train_error, accuracy)

        # Use a regex to find parameters to apply weight decay.
        # Here we apply a weight decay on all W (weight matrix) of all fc layers
        # If you don't like regex, you can certainly define the cost in any other methods.
        wd_cost = tf.multiply(1e-5,
                              regularize_cost('fc.*/W', tf.nn.l2_loss),
                              name='regularize_loss')
        total_cost = tf.add_n([wd_cost, cost], name='total_cost')
        summary.add_moving_summary(cost, wd_cost, total_cost)

        # monitor histogram of all weight (of conv and fc layers) in tensorboard
        summary.add_param_summary(('.*/W', ['histogram', 'rms']))
        # the function should return the total cost to be optimized
        return total_cost

    def optimizer(self):
        lr = tf.train.exponential_decay(
            learning_rate=1e-3,
            global_step=get_global_step_var(),
            decay_steps=468 * 10,
            decay_rate=0.3, staircase=True, name='learning_rate')
        # This will also put the summary in tensorboard, stat.json and print in terminal,
        # but this time without moving average
        tf.summary.scalar('lr', lr)
        return tf.train.AdamOptimizer(lr)


def get_data():
    # We don't need any fancy data loading for this simple example.
    # See dataflow tutorial at https://tensorpack.readthedocs.io/tutorial/dataflow.html
    train = BatchData(dataset.Mnist('train'), 128)
    test = BatchData(dataset.Mnist('test'), 256, remainder=True)

    train = PrintData(train)

    return train, test


if __name__ == '__main__':
    # automatically setup the directory train_log/mnist-convnet for logging
    logger.auto_set_dir()

    dataset_train, dataset_test = get_data()

    # How many iterations you want in each epoch.
    # This len(data) is the default value.
    steps_per_epoch = len(dataset_train)

    # get the config which contains everything necessary in a training
    config = TrainConfig(
        model=Model(),
        # The input source for training. FeedInput is slow, this is just for demo purpose.
        # In practice it's best to use QueueInput or others.
        # See tutorial at https://tensorpack.readthedocs.io/tutorial/extend/input-source.html
        data=FeedInput(dataset_train),
        # We use a few simple callbacks in this demo.
        # See tutorial at https://tensorpack.readthedocs.io/tutorial/callback.html
        callbacks=[
            ModelSaver(),   # save the model after every epoch
            InferenceRunner(    # run inference(for validation) after every epoch
                dataset_test,   # the DataFlow instance used for validation
                ScalarStats(    # produce `val_accuracy` and `val_cross_entropy_loss`
                    ['cross_entropy_loss', 'accuracy'], prefix='val')),
            # MaxSaver needs to come after InferenceRunner to obtain its score
            MaxSaver('val_accuracy'),  # save the model with highest accuracy
        ],
        steps_per_epoch=steps_per_epoch,
        max_epoch=100,
    )
    # Use a simple trainer in this demo.
    # More trainers with multi-gpu or distributed functionalities are available.
    # See tutorial at https://tensorpack.readthedocs.io/tutorial/trainer.html
    launch_train_with_config(config, SimpleTrainer())
'''  # noqa: E501


if __name__ == "__main__":
    main()
