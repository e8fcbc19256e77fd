"""sherjilozair's char-rnn-tensorflow (github.com/sherjilozair/char-rnn-tensorflow; no pip
package, no release: master at commit 4bff62d34ba6d536f052145cd3f8f79b6fa11365, 2019-01-04,
its last, "Merge pull request #134") on TensorFlow 1.15.5 (PyPI's ``tensorflow`` 1.15.5 wheel
for Python 3.7, run on the CPU: the scripts are TF1 graph code built on ``tf.contrib.rnn`` and
``tf.contrib.legacy_seq2seq``, which TensorFlow 2 dropped). Its ``train.py``, ``model.py`` and
``utils.py`` at that commit are held verbatim below (git blobs 5edb13ce, 7501b824, 08f78551),
each checked against its git blob id, written into the cwd as in the repository and run as
its README runs them, small: ``python train.py --data_dir data/synthetic --num_epochs 3
--batch_size 10 --seq_length 20 --rnn_size 32 --save_every 50`` (every other flag at its
default: a 2-layer LSTM, Adam at 0.002 decayed by 0.97 an epoch, gradients clipped at 5,
``--log_dir logs``, ``--save_dir save``), in a child Python with stdout and stderr inherited.
train.py seeds nothing; the child seeds ``random``, numpy and TensorFlow's graph seed
(``tf.compat.v1.set_random_seed(0)``, the default graph's, where train.py builds its Model)
and then runs train.py in-process as ``__main__`` (``runpy``, ``sys.argv`` as above), so that
the initial weights repeat. A child process, not the case's own: train.py never closes its
``tf.summary.FileWriter``, whose last events reach the file only when the process exits (as
they do for a user); the case reads the file after the child has exited.
Data: train.py's ``TextLoader`` reads ``<data_dir>/input.txt``; the case writes
``data/synthetic/input.txt``, 10,016 characters (10 KB) of sentences of 4 to 9 words drawn
from a list of 21 short English words (``random.Random(0)``), each capitalised and ended with
``.`` and a newline: 34 distinct characters. With batches of 10 sequences of 20 characters,
``num_batches`` is ``int(10016 / 200)`` = 50 an epoch, 150 steps in all. TextLoader writes
``vocab.pkl`` and ``data.npy`` beside it and prints ``reading text file``. About 10 s of CPU
(most of it TensorFlow's import and graph building).

What it prints: ``reading text file``, then for every batch (train.py's own ``print``)::

    0/150 (epoch 0), train_loss = 3.567, time/batch = 0.466
    model saved to save/model.ckpt
    1/150 (epoch 0), train_loss = 3.535, time/batch = 0.016

(``e * num_batches + b``, the global step from 0, over ``num_epochs * num_batches``; the
epoch from 0; the batch's loss ``{:.3f}``; the batch's wall time ``{:.3f}``), and ``model
saved to save/model.ckpt`` after the steps 0, 50, 100 (``--save_every 50``) and 149 (the
last). TensorFlow 1.15 writes its ``WARNING:tensorflow:From ...: The name tf.placeholder is
deprecated...`` lines (with ``Instructions for updating:``), then the ``cpu_feature_guard``,
``cpu_utils`` and XLA ``I`` lines, on stderr, between ``reading text file`` and the first
step. The pipe's and the pty's output hold the same lines in the same order (``track run``
starts the command with ``PYTHONUNBUFFERED=1``, which the child inherits); the pty ends them
with ``\\r\\n``. 155 lines on stdout, 205 with stderr's, 13 KB in all.

Truth: char-rnn-tensorflow's own record is its TensorBoard summaries: ``model.py`` adds
``tf.summary.scalar('train_loss', self.cost)`` (and two histograms, ``logits`` and ``loss``),
and train.py runs ``summaries = tf.summary.merge_all()`` in the same ``sess.run`` that fetches
the printed ``train_loss`` and writes it with ``writer.add_summary(summ, e *
data_loader.num_batches + b)`` to ``logs/<%Y-%m-%d-%H-%M-%S>/events.out.tfevents.*``. The
case reads that file back with TensorBoard's own loader (``_records.tb_folder``); nothing is
parsed from stdout. Judgement calls:
- Name ``train_loss``: the scalar's tag and the printed name alike (``model.cost``, the batch's
  mean cross-entropy per character).
- Count: 150, every step (the tag's every event), axis ``step``: the summary's global step,
  the printed ``N/150``'s N (from 0). The epoch of each point is ``step // 50``.
- Tolerance 5e-4: printed ``{:.3f}``; the summary holds the same float32.
- ``also_ok``: ``time/batch`` (the batch's wall time, kept by nothing: no summary, no file).
- Not metrics: ``N/150`` (the step over the total), ``(epoch N)``; the histograms ``logits``
  and ``loss`` (never printed; distributions, not scalars).
- The event file is not listed in ``files`` (not copied into the fixture): it is 0.8 MB, of
  which 0.52 MB is the graph (``writer.add_graph``: 20 unrolled steps of two LSTM layers and
  their gradients) and 0.27 MB the two histograms at every step; its one scalar series is
  the truth above (the zoo's fixtures are held to 14 MiB in all, ``MAX_TOTAL_BYTES`` of
  tests/test_zoo_fixtures.py). ``track run`` reads it at capture time (``recorded.yaml``:
  ``train_loss`` at full precision); score.py replays ``output.log`` alone.
"""
# zoo-venv: charrnn

import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import tensorflow as tf
from _records import tb_folder
from _truth import series, write_truth
from _verbatim import git_blob_id

SOURCE_REPO = "sherjilozair/char-rnn-tensorflow"
SOURCE_COMMIT = "4bff62d34ba6d536f052145cd3f8f79b6fa11365"
ARGS = ["--data_dir", "data/synthetic", "--num_epochs", "3", "--batch_size", "10",
        "--seq_length", "20", "--rnn_size", "32", "--save_every", "50"]
EPOCHS, BATCHES = 3, 50  # batches an epoch: int(len(input.txt) / (10 * 20))
WORDS = ("the", "a", "cat", "dog", "sat", "on", "mat", "ran", "far", "and", "then", "home",
         "to", "we", "see", "it", "is", "big", "small", "red", "sun")

# the child: seeds, then train.py as `python train.py ARGS` runs it
LAUNCH = """import random, runpy, sys
import numpy as np
import tensorflow as tf
random.seed(0)
np.random.seed(0)
tf.compat.v1.set_random_seed(0)
sys.argv = ['train.py'] + sys.argv[1:]
runpy.run_path('train.py', run_name='__main__')
"""


def write_text(path: Path, size: int = 10_000, seed: int = 0) -> int:
    """Sentences of 4 to 9 of WORDS, capitalised, each ended with '.' and a newline, until
    the text holds at least ``size`` characters. Returns its length."""
    rng = random.Random(seed)
    lines, length = [], 0
    while length < size:
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 9))).capitalize()
        lines.append(line + ".\n")
        length += len(lines[-1])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8")
    return length


def main() -> None:
    for name, (text, blob) in FILES.items():
        if git_blob_id(text) != blob:
            sys.exit(f"{name} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
        Path(name).write_text(text, encoding="utf-8")
    length = write_text(Path("data/synthetic/input.txt"))
    assert length // (10 * 20) == BATCHES, length
    subprocess.run([sys.executable, "-c", LAUNCH, *ARGS], check=True)

    (log_dir,) = sorted(Path("logs").iterdir())
    event_files, found = tb_folder(str(log_dir))
    assert len(event_files) == 1, event_files
    losses = found["train_loss"]
    assert [step for step, _ in losses] == list(range(EPOCHS * BATCHES)), losses
    write_truth(
        "char-rnn-tensorflow", f"repo {SOURCE_COMMIT[:12]}",
        f"the train_loss scalar summary of its TensorBoard event file ({event_files[0]}, "
        "read with tb_folder), at its global step",
        {"train_loss": series(losses, "step", tolerance=5e-4)},
        also_ok=["time/batch"],
        notes=f"{SOURCE_REPO} at {SOURCE_COMMIT} (no release), tensorflow {tf.__version__}, "
              f"numpy {np.__version__}; input.txt {length} characters, {BATCHES} batches an "
              f"epoch, {EPOCHS} epochs; scalar tags found: " + ", ".join(sorted(found))
              + "; the event file (graph and histograms, 0.8 MB) is not copied")


# train.py at SOURCE_COMMIT, verbatim (git blob 5edb13ce6562ad04705e16f124095527f6ac65ee)
TRAIN_PY = r'''#!/usr/bin/env python

from __future__ import print_function

import argparse
import time
import os
from six.moves import cPickle


parser = argparse.ArgumentParser(
                    formatter_class=argparse.ArgumentDefaultsHelpFormatter)
# Data and model checkpoints directories
parser.add_argument('--data_dir', type=str, default='data/tinyshakespeare',
                    help='data directory containing input.txt with training examples')
parser.add_argument('--save_dir', type=str, default='save',
                    help='directory to store checkpointed models')
parser.add_argument('--log_dir', type=str, default='logs',
                    help='directory to store tensorboard logs')
parser.add_argument('--save_every', type=int, default=1000,
                    help='Save frequency. Number of passes between checkpoints of the model.')
parser.add_argument('--init_from', type=str, default=None,
                    help="""continue training from saved model at this path (usually "save").
                        Path must contain files saved by previous training process:
                        'config.pkl'        : configuration;
                        'chars_vocab.pkl'   : vocabulary definitions;
                        'checkpoint'        : paths to model file(s) (created by tf).
                                              Note: this file contains absolute paths, be careful when moving files around;
                        'model.ckpt-*'      : file(s) with model definition (created by tf)
                         Model params must be the same between multiple runs (model, rnn_size, num_layers and seq_length).
                    """)
# Model params
parser.add_argument('--model', type=str, default='lstm',
                    help='lstm, rnn, gru, or nas')
parser.add_argument('--rnn_size', type=int, default=128,
                    help='size of RNN hidden state')
parser.add_argument('--num_layers', type=int, default=2,
                    help='number of layers in the RNN')
# Optimization
parser.add_argument('--seq_length', type=int, default=50,
                    help='RNN sequence length. Number of timesteps to unroll for.')
parser.add_argument('--batch_size', type=int, default=50,
                    help="""minibatch size. Number of sequences propagated through the network in parallel.
                            Pick batch-sizes to fully leverage the GPU (e.g. until the memory is filled up)
                            commonly in the range 10-500.""")
parser.add_argument('--num_epochs', type=int, default=50,
                    help='number of epochs. Number of full passes through the training examples.')
parser.add_argument('--grad_clip', type=float, default=5.,
                    help='clip gradients at this value')
parser.add_argument('--learning_rate', type=float, default=0.002,
                    help='learning rate')
parser.add_argument('--decay_rate', type=float, default=0.97,
                    help='decay rate for rmsprop')
parser.add_argument('--output_keep_prob', type=float, default=1.0,
                    help='probability of keeping weights in the hidden layer')
parser.add_argument('--input_keep_prob', type=float, default=1.0,
                    help='probability of keeping weights in the input layer')
args = parser.parse_args()

import tensorflow as tf
from utils import TextLoader
from model import Model

def train(args):
    data_loader = TextLoader(args.data_dir, args.batch_size, args.seq_length)
    args.vocab_size = data_loader.vocab_size

    # check compatibility if training is continued from previously saved model
    if args.init_from is not None:
        # check if all necessary files exist
        assert os.path.isdir(args.init_from)," %s must be a a path" % args.init_from
        assert os.path.isfile(os.path.join(args.init_from,"config.pkl")),"config.pkl file does not exist in path %s"%args.init_from
        assert os.path.isfile(os.path.join(args.init_from,"chars_vocab.pkl")),"chars_vocab.pkl.pkl file does not exist in path %s" % args.init_from
        ckpt = tf.train.latest_checkpoint(args.init_from)
        assert ckpt, "No checkpoint found"

        # open old config and check if models are compatible
        with open(os.path.join(args.init_from, 'config.pkl'), 'rb') as f:
            saved_model_args = cPickle.load(f)
        need_be_same = ["model", "rnn_size", "num_layers", "seq_length"]
        for checkme in need_be_same:
            assert vars(saved_model_args)[checkme]==vars(args)[checkme],"Command line argument and saved model disagree on '%s' "%checkme

        # open saved vocab/dict and check if vocabs/dicts are compatible
        with open(os.path.join(args.init_from, 'chars_vocab.pkl'), 'rb') as f:
            saved_chars, saved_vocab = cPickle.load(f)
        assert saved_chars==data_loader.chars, "Data and loaded model disagree on character set!"
        assert saved_vocab==data_loader.vocab, "Data and loaded model disagree on dictionary mappings!"

    if not os.path.isdir(args.save_dir):
        os.makedirs(args.save_dir)
    with open(os.path.join(args.save_dir, 'config.pkl'), 'wb') as f:
        cPickle.dump(args, f)
    with open(os.path.join(args.save_dir, 'chars_vocab.pkl'), 'wb') as f:
        cPickle.dump((data_loader.chars, data_loader.vocab), f)

    model = Model(args)

    with tf.Session() as sess:
        # instrument for tensorboard
        summaries = tf.summary.merge_all()
        writer = tf.summary.FileWriter(
                os.path.join(args.log_dir, time.strftime("%Y-%m-%d-%H-%M-%S")))
        writer.add_graph(sess.graph)

        sess.run(tf.global_variables_initializer())
        saver = tf.train.Saver(tf.global_variables())
        # restore model
        if args.init_from is not None:
            saver.restore(sess, ckpt)
        for e in range(args.num_epochs):
            sess.run(tf.assign(model.lr,
                               args.learning_rate * (args.decay_rate ** e)))
            data_loader.reset_batch_pointer()
            state = sess.run(model.initial_state)
            for b in range(data_loader.num_batches):
                start = time.time()
                x, y = data_loader.next_batch()
                feed = {model.input_data: x, model.targets: y}
                for i, (c, h) in enumerate(model.initial_state):
                    feed[c] = state[i].c
                    feed[h] = state[i].h

                # instrument for tensorboard
                summ, train_loss, state, _ = sess.run([summaries, model.cost, model.final_state, model.train_op], feed)
                writer.add_summary(summ, e * data_loader.num_batches + b)

                end = time.time()
                print("{}/{} (epoch {}), train_loss = {:.3f}, time/batch = {:.3f}"
                      .format(e * data_loader.num_batches + b,
                              args.num_epochs * data_loader.num_batches,
                              e, train_loss, end - start))
                if (e * data_loader.num_batches + b) % args.save_every == 0\
                        or (e == args.num_epochs-1 and
                            b == data_loader.num_batches-1):
                    # save for the last result
                    checkpoint_path = os.path.join(args.save_dir, 'model.ckpt')
                    saver.save(sess, checkpoint_path,
                               global_step=e * data_loader.num_batches + b)
                    print("model saved to {}".format(checkpoint_path))


if __name__ == '__main__':
    train(args)
'''  # noqa: E501


# model.py at SOURCE_COMMIT, verbatim (git blob 7501b8241d2fb22882d82010c6175f216a4d87a2)
MODEL_PY = r'''import tensorflow as tf
from tensorflow.contrib import rnn
from tensorflow.contrib import legacy_seq2seq

import numpy as np


class Model():
    def __init__(self, args, training=True):
        self.args = args
        if not training:
            args.batch_size = 1
            args.seq_length = 1

        # choose different rnn cell 
        if args.model == 'rnn':
            cell_fn = rnn.RNNCell
        elif args.model == 'gru':
            cell_fn = rnn.GRUCell
        elif args.model == 'lstm':
            cell_fn = rnn.LSTMCell
        elif args.model == 'nas':
            cell_fn = rnn.NASCell
        else:
            raise Exception("model type not supported: {}".format(args.model))

        # warp multi layered rnn cell into one cell with dropout
        cells = []
        for _ in range(args.num_layers):
            cell = cell_fn(args.rnn_size)
            if training and (args.output_keep_prob < 1.0 or args.input_keep_prob < 1.0):
                cell = rnn.DropoutWrapper(cell,
                                          input_keep_prob=args.input_keep_prob,
                                          output_keep_prob=args.output_keep_prob)
            cells.append(cell)
        self.cell = cell = rnn.MultiRNNCell(cells, state_is_tuple=True)

        # input/target data (int32 since input is char-level)
        self.input_data = tf.placeholder(
            tf.int32, [args.batch_size, args.seq_length])
        self.targets = tf.placeholder(
            tf.int32, [args.batch_size, args.seq_length])
        self.initial_state = cell.zero_state(args.batch_size, tf.float32)

        # softmax output layer, use softmax to classify
        with tf.variable_scope('rnnlm'):
            softmax_w = tf.get_variable("softmax_w",
                                        [args.rnn_size, args.vocab_size])
            softmax_b = tf.get_variable("softmax_b", [args.vocab_size])

        # transform input to embedding
        embedding = tf.get_variable("embedding", [args.vocab_size, args.rnn_size])
        inputs = tf.nn.embedding_lookup(embedding, self.input_data)

        # dropout beta testing: double check which one should affect next line
        if training and args.output_keep_prob:
            inputs = tf.nn.dropout(inputs, args.output_keep_prob)

        # unstack the input to fits in rnn model
        inputs = tf.split(inputs, args.seq_length, 1)
        inputs = [tf.squeeze(input_, [1]) for input_ in inputs]

        # loop function for rnn_decoder, which take the previous i-th cell's output and generate the (i+1)-th cell's input
        def loop(prev, _):
            prev = tf.matmul(prev, softmax_w) + softmax_b
            prev_symbol = tf.stop_gradient(tf.argmax(prev, 1))
            return tf.nn.embedding_lookup(embedding, prev_symbol)

        # rnn_decoder to generate the ouputs and final state. When we are not training the model, we use the loop function.
        outputs, last_state = legacy_seq2seq.rnn_decoder(inputs, self.initial_state, cell, loop_function=loop if not training else None, scope='rnnlm')
        output = tf.reshape(tf.concat(outputs, 1), [-1, args.rnn_size])

        # output layer
        self.logits = tf.matmul(output, softmax_w) + softmax_b
        self.probs = tf.nn.softmax(self.logits)

        # loss is calculate by the log loss and taking the average.
        loss = legacy_seq2seq.sequence_loss_by_example(
                [self.logits],
                [tf.reshape(self.targets, [-1])],
                [tf.ones([args.batch_size * args.seq_length])])
        with tf.name_scope('cost'):
            self.cost = tf.reduce_sum(loss) / args.batch_size / args.seq_length
        self.final_state = last_state
        self.lr = tf.Variable(0.0, trainable=False)
        tvars = tf.trainable_variables()

        # calculate gradients
        grads, _ = tf.clip_by_global_norm(tf.gradients(self.cost, tvars),
                args.grad_clip)
        with tf.name_scope('optimizer'):
            optimizer = tf.train.AdamOptimizer(self.lr)

        # apply gradient change to the all the trainable variable.
        self.train_op = optimizer.apply_gradients(zip(grads, tvars))

        # instrument tensorboard
        tf.summary.histogram('logits', self.logits)
        tf.summary.histogram('loss', loss)
        tf.summary.scalar('train_loss', self.cost)

    def sample(self, sess, chars, vocab, num=200, prime='The ', sampling_type=1):
        state = sess.run(self.cell.zero_state(1, tf.float32))
        for char in prime[:-1]:
            x = np.zeros((1, 1))
            x[0, 0] = vocab[char]
            feed = {self.input_data: x, self.initial_state: state}
            [state] = sess.run([self.final_state], feed)

        def weighted_pick(weights):
            t = np.cumsum(weights)
            s = np.sum(weights)
            return(int(np.searchsorted(t, np.random.rand(1)*s)))

        ret = prime
        char = prime[-1]
        for _ in range(num):
            x = np.zeros((1, 1))
            x[0, 0] = vocab[char]
            feed = {self.input_data: x, self.initial_state: state}
            [probs, state] = sess.run([self.probs, self.final_state], feed)
            p = probs[0]

            if sampling_type == 0:
                sample = np.argmax(p)
            elif sampling_type == 2:
                if char == ' ':
                    sample = weighted_pick(p)
                else:
                    sample = np.argmax(p)
            else:  # sampling_type == 1 default:
                sample = weighted_pick(p)

            pred = chars[sample]
            ret += pred
            char = pred
        return ret
'''  # noqa: E501, W291


# utils.py at SOURCE_COMMIT, verbatim (git blob 08f78551a55e19af0431992e9bdb116e99fbfd6a)
UTILS_PY = r'''import codecs
import os
import collections
from six.moves import cPickle
import numpy as np


class TextLoader():
    def __init__(self, data_dir, batch_size, seq_length, encoding='utf-8'):
        self.data_dir = data_dir
        self.batch_size = batch_size
        self.seq_length = seq_length
        self.encoding = encoding

        input_file = os.path.join(data_dir, "input.txt")
        vocab_file = os.path.join(data_dir, "vocab.pkl")
        tensor_file = os.path.join(data_dir, "data.npy")

        if not (os.path.exists(vocab_file) and os.path.exists(tensor_file)):
            print("reading text file")
            self.preprocess(input_file, vocab_file, tensor_file)
        else:
            print("loading preprocessed files")
            self.load_preprocessed(vocab_file, tensor_file)
        self.create_batches()
        self.reset_batch_pointer()

    # preprocess data for the first time.
    def preprocess(self, input_file, vocab_file, tensor_file):
        with codecs.open(input_file, "r", encoding=self.encoding) as f:
            data = f.read()
        counter = collections.Counter(data)
        count_pairs = sorted(counter.items(), key=lambda x: -x[1])
        self.chars, _ = zip(*count_pairs)
        self.vocab_size = len(self.chars)
        self.vocab = dict(zip(self.chars, range(len(self.chars))))
        with open(vocab_file, 'wb') as f:
            cPickle.dump(self.chars, f)
        self.tensor = np.array(list(map(self.vocab.get, data)))
        np.save(tensor_file, self.tensor)


    # load the preprocessed the data if the data has been processed before.
    def load_preprocessed(self, vocab_file, tensor_file):
        with open(vocab_file, 'rb') as f:
            self.chars = cPickle.load(f)
        self.vocab_size = len(self.chars)
        self.vocab = dict(zip(self.chars, range(len(self.chars))))
        self.tensor = np.load(tensor_file)
        self.num_batches = int(self.tensor.size / (self.batch_size *
                                                   self.seq_length))
    # seperate the whole data into different batches.
    def create_batches(self):
        self.num_batches = int(self.tensor.size / (self.batch_size *
                                                   self.seq_length))

        # When the data (tensor) is too small,
        # let's give them a better error message
        if self.num_batches == 0:
            assert False, "Not enough data. Make seq_length and batch_size small."

        # reshape the original data into the length self.num_batches * self.batch_size * self.seq_length for convenience.
        self.tensor = self.tensor[:self.num_batches * self.batch_size * self.seq_length]
        xdata = self.tensor
        ydata = np.copy(self.tensor)

        #ydata is the xdata with one position shift.
        ydata[:-1] = xdata[1:]
        ydata[-1] = xdata[0]
        self.x_batches = np.split(xdata.reshape(self.batch_size, -1),
                                  self.num_batches, 1)
        self.y_batches = np.split(ydata.reshape(self.batch_size, -1),
                                  self.num_batches, 1)

    def next_batch(self):
        x, y = self.x_batches[self.pointer], self.y_batches[self.pointer]
        self.pointer += 1
        return x, y

    def reset_batch_pointer(self):
        self.pointer = 0
'''  # noqa: E501

FILES = {"train.py": (TRAIN_PY, "5edb13ce6562ad04705e16f124095527f6ac65ee"),
         "model.py": (MODEL_PY, "7501b8241d2fb22882d82010c6175f216a4d87a2"),
         "utils.py": (UTILS_PY, "08f78551a55e19af0431992e9bdb116e99fbfd6a")}

if __name__ == "__main__":
    main()
