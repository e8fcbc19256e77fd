"""Thomas Kipf's GCN, the reference TensorFlow implementation of "Semi-Supervised
Classification with Graph Convolutional Networks" (github.com/tkipf/gcn; setup.py's
``gcn`` 1.0, no PyPI release: master at commit 39a4089fe72ad9f055ed6fdb9746abdcfebc4d81,
2020-09-26, its last, "Merge pull request #185", the tensorflow 1.15.4 bump) on TensorFlow
1.15.5 (PyPI's ``tensorflow`` 1.15.5 wheel for Python 3.7, run on the CPU: graph-mode TF1
code, ``tf.sparse_placeholder``, ``tf.app.flags``, ``tf.Session``) with networkx 2.6.3 and
scipy 1.7.3 (its ``utils.py`` imports ``eigsh`` from ``scipy.sparse.linalg.eigen.arpack``, a path
scipy 1.8 deprecated; 1.7.3 is the last scipy for Python 3.7). Its
``gcn/__init__.py``, ``train.py``, ``models.py``, ``layers.py``, ``metrics.py``,
``inits.py`` and ``utils.py`` at that commit are held verbatim below, each checked against
its git blob id, written into ``gcn/`` in the cwd as in the repository and run as its README
runs them after ``python setup.py install``: from ``gcn/`` (``load_data`` reads
``data/ind.<dataset>.<name>`` relative to the cwd), ``python train.py --dataset cora
--epochs 40`` (every other flag at its default: ``--model gcn``, ``--learning_rate 0.01``,
``--hidden1 16``, ``--dropout 0.5``, ``--weight_decay 5e-4``, ``--early_stopping 10``),
in-process (``runpy``, as ``__main__``, ``sys.argv`` as above, the cwd, which holds the
``gcn`` package, first on ``sys.path`` in place of the installed package). train.py seeds
numpy and TensorFlow itself (``seed = 123``), so the run repeats; the case seeds nothing.
Data: the case writes a synthetic graph in the Planetoid pickle format that ``load_data``
reads, as ``gcn/data/ind.cora.{x,y,tx,ty,allx,ally,graph,test.index}`` (pickled with
Python 3.7's pickle; ``load_data`` loads with ``encoding='latin1'``): 900 nodes in 4
classes, 60 binary bag-of-words features (each node sets each feature with probability
0.08, and the 15 of its class's block with probability 0.2, so the features alone are a
weak signal), edges from a planted-partition model (each node 3 edges to nodes of its own
class and 1 to any node, made symmetric). Nodes 0..699 are ``allx``/``ally`` (the first 80,
20 a class, also ``x``/``y``: the labelled training nodes), nodes 700..899 the test nodes
(``tx``/``ty``, their rows in the order of ``test.index``, which lists 700..899 shuffled, as
Planetoid's files list theirs out of order; ``load_data`` puts each row back at its node). ``load_data`` takes ``idx_train = range(len(y))`` (80 nodes), ``idx_val =
range(80, 580)`` (500: it always takes 500) and the test nodes. numpy's ``RandomState(0)``.
About 8 s (most of it TensorFlow's import and graph building).

What it prints (train.py's own ``print`` each epoch, then two lines)::

    Epoch: 0001 train_loss= 1.39698 train_acc= 0.27500 val_loss= 1.39220 val_acc= 0.24000 time= 0.38472
    ...
    Epoch: 0040 train_loss= 1.10505 train_acc= 0.78750 val_loss= 1.10388 val_acc= 0.85200 time= 0.00207
    Optimization Finished!
    Test set results: cost= 1.11411 accuracy= 0.86000 time= 0.00086

(``'%04d' % (epoch + 1)``, every value ``{:.5f}``: the training step's masked
cross-entropy plus weight decay and masked accuracy, fetched in the same ``sess.run`` as
the Adam step, with dropout on; the validation set's loss and accuracy after it, dropout
off; the epoch's wall time), and ``Early stopping...`` where the validation loss exceeds
the mean of the 10 before it (after epoch 11), which this run never meets. Before the first
epoch, on stderr: TensorFlow 1.15's ``WARNING:tensorflow:From ...: The name tf.placeholder
is deprecated...`` lines, its ``cpu_feature_guard``, ``cpu_utils`` and XLA ``I`` lines, and
numpy's ``utils.py:115: RuntimeWarning: divide by zero encountered in power`` (with its
source line ``r_inv = np.power(rowsum, -1).flatten()``) from ``preprocess_features``: a few
synthetic nodes set no feature (as some Planetoid nodes do), whose ``inf`` the next line of
utils.py sets to 0. The pipe's and the pty's output hold the same lines in the same order
(the pty ends them with ``\\r\\n``); 70 lines, 8 KB.

Truth: Kipf's GCN keeps no record (no summary writer: ``logging=True`` only declares
histogram summaries that nothing merges or writes; no file, no history), so the values
train.py computes are the record: two lines added to the stock ``train.py``
(``RECORD_LINES``, no line changed), each right after a ``print``, append what it printed
(``outs[1]``, ``outs[2]``, ``cost``, ``acc``; ``test_cost``, ``test_acc``, the float32
values ``sess.run`` returned) to a list the case passes in (``runpy``'s ``init_globals``);
nothing is parsed from stdout. Judgement calls (docs/metrics.md):
- Names as printed: ``train_loss``, ``train_acc``, ``val_loss``, ``val_acc``, one value an
  epoch, axis ``epoch`` (the printed ``Epoch: 0001``, from 1), 40 each.
- ``Test set results: cost= ... accuracy= ...``: the framework keys nothing, so the names
  are the naming rule's for the printed words (a phase label prefixes every name after it,
  ``Test set results:`` -> ``test_``): ``test_cost`` and ``test_accuracy``, one value each,
  put at the last epoch (40): printed after training, with no epoch of its own (exptrack
  records them with no epoch; score.py notes the axis, it is no miss).
- Tolerances: ``{:.5f}`` -> 5e-6 for all six.
- ``also_ok``: ``time`` (each epoch's wall time) and ``test_time`` (the evaluation's),
  which nothing keeps.
- Not metrics: ``Epoch: 0001`` (the epoch), ``Optimization Finished!``.
"""  # noqa: E501
# zoo-venv: kipfgcn

import os
import pickle
import runpy
import sys
from collections import defaultdict
from pathlib import Path

import networkx as nx
import numpy as np
import scipy
import scipy.sparse as sp
import tensorflow as tf
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines

SOURCE_REPO = "tkipf/gcn"
SOURCE_COMMIT = "39a4089fe72ad9f055ed6fdb9746abdcfebc4d81"
ARGS = ["--dataset", "cora", "--epochs", "40"]
EPOCHS = 40
CLASSES, FEATURES, BLOCK = 4, 60, 15
LABELLED, ALL, TEST = 80, 700, 200  # x/y, allx/ally (train + 500 val + unlabelled), tx/ty

# the record: lines added to train.py right after what they keep (anchor -> the anchor and
# the line after it); no line of the stock text changed
RECORD_LINES = {
    '          "val_acc=", "{:.5f}".format(acc), "time=", "{:.5f}".format(time.time() - t))\n':
        "    ZOO_RECORD.append((epoch + 1, outs[1], outs[2], cost, acc))"
        "  # zoo: the values just printed\n",
    '      "accuracy=", "{:.5f}".format(test_acc), "time=", "{:.5f}".format(test_duration))\n':
        "ZOO_TEST.append((test_cost, test_acc))  # zoo: the values just printed\n",
}


def write_planetoid(folder: Path, name: str = "cora", seed: int = 0) -> None:
    """The eight ``ind.<name>.*`` files ``utils.load_data`` reads: ``x``, ``tx``, ``allx``
    (scipy CSR feature rows), ``y``, ``ty``, ``ally`` (one-hot numpy rows), ``graph`` (a
    defaultdict of each node's neighbour list) and ``test.index`` (one node id a line)."""
    rng = np.random.RandomState(seed)
    total = ALL + TEST
    labels = np.concatenate([np.arange(LABELLED) % CLASSES,
                             rng.randint(0, CLASSES, total - LABELLED)])
    prob = np.full((total, FEATURES), 0.08)
    for node, label in enumerate(labels):
        prob[node, label * BLOCK:(label + 1) * BLOCK] = 0.2
    features = sp.csr_matrix((rng.rand(total, FEATURES) < prob).astype(np.float32))
    onehot = np.eye(CLASSES, dtype=np.int32)[labels]
    members = [np.flatnonzero(labels == c) for c in range(CLASSES)]
    graph = defaultdict(list)
    for node in range(total):
        graph[node]  # every node a key, in order (networkx takes the keys' order)
    for node, label in enumerate(labels):
        ends = [*rng.choice(members[label], 3), rng.randint(total)]
        for end in ends:
            end = int(end)
            if end != node and end not in graph[node]:
                graph[node].append(end)
                graph[end].append(node)
    test_index = list(range(ALL, total))
    rng.shuffle(test_index)
    objects = {"x": features[:LABELLED], "y": onehot[:LABELLED],
               "tx": features[test_index], "ty": onehot[test_index],  # in test.index's order
               "allx": features[:ALL], "ally": onehot[:ALL], "graph": graph}
    folder.mkdir(parents=True, exist_ok=True)
    for key, value in objects.items():
        with open(folder / f"ind.{name}.{key}", "wb") as handle:
            pickle.dump(value, handle)
    (folder / f"ind.{name}.test.index").write_text(
        "".join(f"{index}\n" for index in test_index), encoding="utf-8")


def main() -> None:
    for name, (text, blob) in FILES.items():
        if git_blob_id(text) != blob:
            sys.exit(f"{name} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
        if name == "gcn/train.py":
            text = with_lines(text, RECORD_LINES)
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text, encoding="utf-8")
    write_planetoid(Path("gcn/data"))

    top = Path.cwd()
    sys.path.insert(0, str(top))  # train.py's `from gcn.utils import *`, as once installed
    record: list = []
    test: list = []
    sys.argv = ["train.py", *ARGS]
    os.chdir("gcn")
    try:
        runpy.run_path("train.py", init_globals={"ZOO_RECORD": record, "ZOO_TEST": test},
                       run_name="__main__")
    finally:
        os.chdir(top)
    sys.stdout.flush()
    epochs = [row[0] for row in record]
    assert epochs == list(range(1, len(record) + 1)) and len(test) == 1, (epochs, test)
    metrics = {name: series([(row[0], row[1 + i]) for row in record], "epoch",
                            tolerance=5e-6)
               for i, name in enumerate(["train_loss", "train_acc", "val_loss", "val_acc"])}
    metrics["test_cost"] = series([(epochs[-1], test[0][0])], "epoch", tolerance=5e-6)
    metrics["test_accuracy"] = series([(epochs[-1], test[0][1])], "epoch", tolerance=5e-6)
    write_truth(
        "gcn (tkipf)", f"repo {SOURCE_COMMIT[:12]}",
        "the values train.py prints, kept by lines added after its two prints (RECORD_LINES): "
        "it keeps no record of its own",
        metrics, also_ok=["time", "test_time"],
        notes=f"{SOURCE_REPO} at {SOURCE_COMMIT} (no release), tensorflow {tf.__version__}, "
              f"numpy {np.__version__}, scipy {scipy.__version__}, networkx {nx.__version__}; "
              f"synthetic Planetoid files: {ALL + TEST} nodes, {CLASSES} classes, "
              f"{FEATURES} features, {LABELLED} labelled, 500 validation, {TEST} test; "
              f"{len(record)} of {EPOCHS} epochs run")



# gcn/__init__.py at SOURCE_COMMIT, verbatim (git blob bfa83a015b9025ddbca2b7c1ed543c66fd3af3d9)
INIT_PY = r'''from __future__ import print_function
from __future__ import division
'''


# gcn/train.py at SOURCE_COMMIT, verbatim (git blob 3c9bb2d310963d3b9e3b10f1fa5079f2bba1d152)
TRAIN_PY = r'''from __future__ import division
from __future__ import print_function

import time
import tensorflow as tf

from gcn.utils import *
from gcn.models import GCN, MLP

# Set random seed
seed = 123
np.random.seed(seed)
tf.set_random_seed(seed)

# Settings
flags = tf.app.flags
FLAGS = flags.FLAGS
flags.DEFINE_string('dataset', 'cora', 'Dataset string.')  # 'cora', 'citeseer', 'pubmed'
flags.DEFINE_string('model', 'gcn', 'Model string.')  # 'gcn', 'gcn_cheby', 'dense'
flags.DEFINE_float('learning_rate', 0.01, 'Initial learning rate.')
flags.DEFINE_integer('epochs', 200, 'Number of epochs to train.')
flags.DEFINE_integer('hidden1', 16, 'Number of units in hidden layer 1.')
flags.DEFINE_float('dropout', 0.5, 'Dropout rate (1 - keep probability).')
flags.DEFINE_float('weight_decay', 5e-4, 'Weight for L2 loss on embedding matrix.')
flags.DEFINE_integer('early_stopping', 10, 'Tolerance for early stopping (# of epochs).')
flags.DEFINE_integer('max_degree', 3, 'Maximum Chebyshev polynomial degree.')

# Load data
adj, features, y_train, y_val, y_test, train_mask, val_mask, test_mask = load_data(FLAGS.dataset)

# Some preprocessing
features = preprocess_features(features)
if FLAGS.model == 'gcn':
    support = [preprocess_adj(adj)]
    num_supports = 1
    model_func = GCN
elif FLAGS.model == 'gcn_cheby':
    support = chebyshev_polynomials(adj, FLAGS.max_degree)
    num_supports = 1 + FLAGS.max_degree
    model_func = GCN
elif FLAGS.model == 'dense':
    support = [preprocess_adj(adj)]  # Not used
    num_supports = 1
    model_func = MLP
else:
    raise ValueError('Invalid argument for model: ' + str(FLAGS.model))

# Define placeholders
placeholders = {
    'support': [tf.sparse_placeholder(tf.float32) for _ in range(num_supports)],
    'features': tf.sparse_placeholder(tf.float32, shape=tf.constant(features[2], dtype=tf.int64)),
    'labels': tf.placeholder(tf.float32, shape=(None, y_train.shape[1])),
    'labels_mask': tf.placeholder(tf.int32),
    'dropout': tf.placeholder_with_default(0., shape=()),
    'num_features_nonzero': tf.placeholder(tf.int32)  # helper variable for sparse dropout
}

# Create model
model = model_func(placeholders, input_dim=features[2][1], logging=True)

# Initialize session
sess = tf.Session()


# Define model evaluation function
def evaluate(features, support, labels, mask, placeholders):
    t_test = time.time()
    feed_dict_val = construct_feed_dict(features, support, labels, mask, placeholders)
    outs_val = sess.run([model.loss, model.accuracy], feed_dict=feed_dict_val)
    return outs_val[0], outs_val[1], (time.time() - t_test)


# Init variables
sess.run(tf.global_variables_initializer())

cost_val = []

# Train model
for epoch in range(FLAGS.epochs):

    t = time.time()
    # Construct feed dictionary
    feed_dict = construct_feed_dict(features, support, y_train, train_mask, placeholders)
    feed_dict.update({placeholders['dropout']: FLAGS.dropout})

    # Training step
    outs = sess.run([model.opt_op, model.loss, model.accuracy], feed_dict=feed_dict)

    # Validation
    cost, acc, duration = evaluate(features, support, y_val, val_mask, placeholders)
    cost_val.append(cost)

    # Print results
    print("Epoch:", '%04d' % (epoch + 1), "train_loss=", "{:.5f}".format(outs[1]),
          "train_acc=", "{:.5f}".format(outs[2]), "val_loss=", "{:.5f}".format(cost),
          "val_acc=", "{:.5f}".format(acc), "time=", "{:.5f}".format(time.time() - t))

    if epoch > FLAGS.early_stopping and cost_val[-1] > np.mean(cost_val[-(FLAGS.early_stopping+1):-1]):
        print("Early stopping...")
        break

print("Optimization Finished!")

# Testing
test_cost, test_acc, test_duration = evaluate(features, support, y_test, test_mask, placeholders)
print("Test set results:", "cost=", "{:.5f}".format(test_cost),
      "accuracy=", "{:.5f}".format(test_acc), "time=", "{:.5f}".format(test_duration))
'''  # noqa: E501


# gcn/models.py at SOURCE_COMMIT, verbatim (git blob 68c814b5d08f9fa4773de554b90d89b7b19128d2)
MODELS_PY = r'''from gcn.layers import *
from gcn.metrics import *

flags = tf.app.flags
FLAGS = flags.FLAGS


class Model(object):
    def __init__(self, **kwargs):
        allowed_kwargs = {'name', 'logging'}
        for kwarg in kwargs.keys():
            assert kwarg in allowed_kwargs, 'Invalid keyword argument: ' + kwarg
        name = kwargs.get('name')
        if not name:
            name = self.__class__.__name__.lower()
        self.name = name

        logging = kwargs.get('logging', False)
        self.logging = logging

        self.vars = {}
        self.placeholders = {}

        self.layers = []
        self.activations = []

        self.inputs = None
        self.outputs = None

        self.loss = 0
        self.accuracy = 0
        self.optimizer = None
        self.opt_op = None

    def _build(self):
        raise NotImplementedError

    def build(self):
        """ Wrapper for _build() """
        with tf.variable_scope(self.name):
            self._build()

        # Build sequential layer model
        self.activations.append(self.inputs)
        for layer in self.layers:
            hidden = layer(self.activations[-1])
            self.activations.append(hidden)
        self.outputs = self.activations[-1]

        # Store model variables for easy access
        variables = tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, scope=self.name)
        self.vars = {var.name: var for var in variables}

        # Build metrics
        self._loss()
        self._accuracy()

        self.opt_op = self.optimizer.minimize(self.loss)

    def predict(self):
        pass

    def _loss(self):
        raise NotImplementedError

    def _accuracy(self):
        raise NotImplementedError

    def save(self, sess=None):
        if not sess:
            raise AttributeError("TensorFlow session not provided.")
        saver = tf.train.Saver(self.vars)
        save_path = saver.save(sess, "tmp/%s.ckpt" % self.name)
        print("Model saved in file: %s" % save_path)

    def load(self, sess=None):
        if not sess:
            raise AttributeError("TensorFlow session not provided.")
        saver = tf.train.Saver(self.vars)
        save_path = "tmp/%s.ckpt" % self.name
        saver.restore(sess, save_path)
        print("Model restored from file: %s" % save_path)


class MLP(Model):
    def __init__(self, placeholders, input_dim, **kwargs):
        super(MLP, self).__init__(**kwargs)

        self.inputs = placeholders['features']
        self.input_dim = input_dim
        # self.input_dim = self.inputs.get_shape().as_list()[1]  # To be supported in future Tensorflow versions
        self.output_dim = placeholders['labels'].get_shape().as_list()[1]
        self.placeholders = placeholders

        self.optimizer = tf.train.AdamOptimizer(learning_rate=FLAGS.learning_rate)

        self.build()

    def _loss(self):
        # Weight decay loss
        for var in self.layers[0].vars.values():
            self.loss += FLAGS.weight_decay * tf.nn.l2_loss(var)

        # Cross entropy error
        self.loss += masked_softmax_cross_entropy(self.outputs, self.placeholders['labels'],
                                                  self.placeholders['labels_mask'])

    def _accuracy(self):
        self.accuracy = masked_accuracy(self.outputs, self.placeholders['labels'],
                                        self.placeholders['labels_mask'])

    def _build(self):
        self.layers.append(Dense(input_dim=self.input_dim,
                                 output_dim=FLAGS.hidden1,
                                 placeholders=self.placeholders,
                                 act=tf.nn.relu,
                                 dropout=True,
                                 sparse_inputs=True,
                                 logging=self.logging))

        self.layers.append(Dense(input_dim=FLAGS.hidden1,
                                 output_dim=self.output_dim,
                                 placeholders=self.placeholders,
                                 act=lambda x: x,
                                 dropout=True,
                                 logging=self.logging))

    def predict(self):
        return tf.nn.softmax(self.outputs)


class GCN(Model):
    def __init__(self, placeholders, input_dim, **kwargs):
        super(GCN, self).__init__(**kwargs)

        self.inputs = placeholders['features']
        self.input_dim = input_dim
        # self.input_dim = self.inputs.get_shape().as_list()[1]  # To be supported in future Tensorflow versions
        self.output_dim = placeholders['labels'].get_shape().as_list()[1]
        self.placeholders = placeholders

        self.optimizer = tf.train.AdamOptimizer(learning_rate=FLAGS.learning_rate)

        self.build()

    def _loss(self):
        # Weight decay loss
        for var in self.layers[0].vars.values():
            self.loss += FLAGS.weight_decay * tf.nn.l2_loss(var)

        # Cross entropy error
        self.loss += masked_softmax_cross_entropy(self.outputs, self.placeholders['labels'],
                                                  self.placeholders['labels_mask'])

    def _accuracy(self):
        self.accuracy = masked_accuracy(self.outputs, self.placeholders['labels'],
                                        self.placeholders['labels_mask'])

    def _build(self):

        self.layers.append(GraphConvolution(input_dim=self.input_dim,
                                            output_dim=FLAGS.hidden1,
                                            placeholders=self.placeholders,
                                            act=tf.nn.relu,
                                            dropout=True,
                                            sparse_inputs=True,
                                            logging=self.logging))

        self.layers.append(GraphConvolution(input_dim=FLAGS.hidden1,
                                            output_dim=self.output_dim,
                                            placeholders=self.placeholders,
                                            act=lambda x: x,
                                            dropout=True,
                                            logging=self.logging))

    def predict(self):
        return tf.nn.softmax(self.outputs)
'''  # noqa: E501


# gcn/layers.py at SOURCE_COMMIT, verbatim (git blob f972e2ef80542e11f0ac5ab6064842fc12d2720e)
LAYERS_PY = r'''from gcn.inits import *
import tensorflow as tf

flags = tf.app.flags
FLAGS = flags.FLAGS

# global unique layer ID dictionary for layer name assignment
_LAYER_UIDS = {}


def get_layer_uid(layer_name=''):
    """Helper function, assigns unique layer IDs."""
    if layer_name not in _LAYER_UIDS:
        _LAYER_UIDS[layer_name] = 1
        return 1
    else:
        _LAYER_UIDS[layer_name] += 1
        return _LAYER_UIDS[layer_name]


def sparse_dropout(x, keep_prob, noise_shape):
    """Dropout for sparse tensors."""
    random_tensor = keep_prob
    random_tensor += tf.random_uniform(noise_shape)
    dropout_mask = tf.cast(tf.floor(random_tensor), dtype=tf.bool)
    pre_out = tf.sparse_retain(x, dropout_mask)
    return pre_out * (1./keep_prob)


def dot(x, y, sparse=False):
    """Wrapper for tf.matmul (sparse vs dense)."""
    if sparse:
        res = tf.sparse_tensor_dense_matmul(x, y)
    else:
        res = tf.matmul(x, y)
    return res


class Layer(object):
    """Base layer class. Defines basic API for all layer objects.
    Implementation inspired by keras (http://keras.io).

    # Properties
        name: String, defines the variable scope of the layer.
        logging: Boolean, switches Tensorflow histogram logging on/off

    # Methods
        _call(inputs): Defines computation graph of layer
            (i.e. takes input, returns output)
        __call__(inputs): Wrapper for _call()
        _log_vars(): Log all variables
    """

    def __init__(self, **kwargs):
        allowed_kwargs = {'name', 'logging'}
        for kwarg in kwargs.keys():
            assert kwarg in allowed_kwargs, 'Invalid keyword argument: ' + kwarg
        name = kwargs.get('name')
        if not name:
            layer = self.__class__.__name__.lower()
            name = layer + '_' + str(get_layer_uid(layer))
        self.name = name
        self.vars = {}
        logging = kwargs.get('logging', False)
        self.logging = logging
        self.sparse_inputs = False

    def _call(self, inputs):
        return inputs

    def __call__(self, inputs):
        with tf.name_scope(self.name):
            if self.logging and not self.sparse_inputs:
                tf.summary.histogram(self.name + '/inputs', inputs)
            outputs = self._call(inputs)
            if self.logging:
                tf.summary.histogram(self.name + '/outputs', outputs)
            return outputs

    def _log_vars(self):
        for var in self.vars:
            tf.summary.histogram(self.name + '/vars/' + var, self.vars[var])


class Dense(Layer):
    """Dense layer."""
    def __init__(self, input_dim, output_dim, placeholders, dropout=0., sparse_inputs=False,
                 act=tf.nn.relu, bias=False, featureless=False, **kwargs):
        super(Dense, self).__init__(**kwargs)

        if dropout:
            self.dropout = placeholders['dropout']
        else:
            self.dropout = 0.

        self.act = act
        self.sparse_inputs = sparse_inputs
        self.featureless = featureless
        self.bias = bias

        # helper variable for sparse dropout
        self.num_features_nonzero = placeholders['num_features_nonzero']

        with tf.variable_scope(self.name + '_vars'):
            self.vars['weights'] = glorot([input_dim, output_dim],
                                          name='weights')
            if self.bias:
                self.vars['bias'] = zeros([output_dim], name='bias')

        if self.logging:
            self._log_vars()

    def _call(self, inputs):
        x = inputs

        # dropout
        if self.sparse_inputs:
            x = sparse_dropout(x, 1-self.dropout, self.num_features_nonzero)
        else:
            x = tf.nn.dropout(x, 1-self.dropout)

        # transform
        output = dot(x, self.vars['weights'], sparse=self.sparse_inputs)

        # bias
        if self.bias:
            output += self.vars['bias']

        return self.act(output)


class GraphConvolution(Layer):
    """Graph convolution layer."""
    def __init__(self, input_dim, output_dim, placeholders, dropout=0.,
                 sparse_inputs=False, act=tf.nn.relu, bias=False,
                 featureless=False, **kwargs):
        super(GraphConvolution, self).__init__(**kwargs)

        if dropout:
            self.dropout = placeholders['dropout']
        else:
            self.dropout = 0.

        self.act = act
        self.support = placeholders['support']
        self.sparse_inputs = sparse_inputs
        self.featureless = featureless
        self.bias = bias

        # helper variable for sparse dropout
        self.num_features_nonzero = placeholders['num_features_nonzero']

        with tf.variable_scope(self.name + '_vars'):
            for i in range(len(self.support)):
                self.vars['weights_' + str(i)] = glorot([input_dim, output_dim],
                                                        name='weights_' + str(i))
            if self.bias:
                self.vars['bias'] = zeros([output_dim], name='bias')

        if self.logging:
            self._log_vars()

    def _call(self, inputs):
        x = inputs

        # dropout
        if self.sparse_inputs:
            x = sparse_dropout(x, 1-self.dropout, self.num_features_nonzero)
        else:
            x = tf.nn.dropout(x, 1-self.dropout)

        # convolve
        supports = list()
        for i in range(len(self.support)):
            if not self.featureless:
                pre_sup = dot(x, self.vars['weights_' + str(i)],
                              sparse=self.sparse_inputs)
            else:
                pre_sup = self.vars['weights_' + str(i)]
            support = dot(self.support[i], pre_sup, sparse=True)
            supports.append(support)
        output = tf.add_n(supports)

        # bias
        if self.bias:
            output += self.vars['bias']

        return self.act(output)
'''


# gcn/metrics.py at SOURCE_COMMIT, verbatim (git blob 0a60edcf1fe4b2d32fdee05d2161eac367b2ec98)
METRICS_PY = r'''import tensorflow as tf


def masked_softmax_cross_entropy(preds, labels, mask):
    """Softmax cross-entropy loss with masking."""
    loss = tf.nn.softmax_cross_entropy_with_logits(logits=preds, labels=labels)
    mask = tf.cast(mask, dtype=tf.float32)
    mask /= tf.reduce_mean(mask)
    loss *= mask
    return tf.reduce_mean(loss)


def masked_accuracy(preds, labels, mask):
    """Accuracy with masking."""
    correct_prediction = tf.equal(tf.argmax(preds, 1), tf.argmax(labels, 1))
    accuracy_all = tf.cast(correct_prediction, tf.float32)
    mask = tf.cast(mask, dtype=tf.float32)
    mask /= tf.reduce_mean(mask)
    accuracy_all *= mask
    return tf.reduce_mean(accuracy_all)
'''


# gcn/inits.py at SOURCE_COMMIT, verbatim (git blob 4a2f1ae37daf162205fe339574c196789d650236)
INITS_PY = r'''import tensorflow as tf
import numpy as np


def uniform(shape, scale=0.05, name=None):
    """Uniform init."""
    initial = tf.random_uniform(shape, minval=-scale, maxval=scale, dtype=tf.float32)
    return tf.Variable(initial, name=name)


def glorot(shape, name=None):
    """Glorot & Bengio (AISTATS 2010) init."""
    init_range = np.sqrt(6.0/(shape[0]+shape[1]))
    initial = tf.random_uniform(shape, minval=-init_range, maxval=init_range, dtype=tf.float32)
    return tf.Variable(initial, name=name)


def zeros(shape, name=None):
    """All zeros."""
    initial = tf.zeros(shape, dtype=tf.float32)
    return tf.Variable(initial, name=name)


def ones(shape, name=None):
    """All ones."""
    initial = tf.ones(shape, dtype=tf.float32)
    return tf.Variable(initial, name=name)'''


# gcn/utils.py at SOURCE_COMMIT, verbatim (git blob 67f4b96dc36b2e741991a70d7f25f70ee9516804)
UTILS_PY = r'''import numpy as np
import pickle as pkl
import networkx as nx
import scipy.sparse as sp
from scipy.sparse.linalg.eigen.arpack import eigsh
import sys


def parse_index_file(filename):
    """Parse index file."""
    index = []
    for line in open(filename):
        index.append(int(line.strip()))
    return index


def sample_mask(idx, l):
    """Create mask."""
    mask = np.zeros(l)
    mask[idx] = 1
    return np.array(mask, dtype=np.bool)


def load_data(dataset_str):
    """
    Loads input data from gcn/data directory

    ind.dataset_str.x => the feature vectors of the training instances as scipy.sparse.csr.csr_matrix object;
    ind.dataset_str.tx => the feature vectors of the test instances as scipy.sparse.csr.csr_matrix object;
    ind.dataset_str.allx => the feature vectors of both labeled and unlabeled training instances
        (a superset of ind.dataset_str.x) as scipy.sparse.csr.csr_matrix object;
    ind.dataset_str.y => the one-hot labels of the labeled training instances as numpy.ndarray object;
    ind.dataset_str.ty => the one-hot labels of the test instances as numpy.ndarray object;
    ind.dataset_str.ally => the labels for instances in ind.dataset_str.allx as numpy.ndarray object;
    ind.dataset_str.graph => a dict in the format {index: [index_of_neighbor_nodes]} as collections.defaultdict
        object;
    ind.dataset_str.test.index => the indices of test instances in graph, for the inductive setting as list object.

    All objects above must be saved using python pickle module.

    :param dataset_str: Dataset name
    :return: All data input files loaded (as well the training/test data).
    """
    names = ['x', 'y', 'tx', 'ty', 'allx', 'ally', 'graph']
    objects = []
    for i in range(len(names)):
        with open("data/ind.{}.{}".format(dataset_str, names[i]), 'rb') as f:
            if sys.version_info > (3, 0):
                objects.append(pkl.load(f, encoding='latin1'))
            else:
                objects.append(pkl.load(f))

    x, y, tx, ty, allx, ally, graph = tuple(objects)
    test_idx_reorder = parse_index_file("data/ind.{}.test.index".format(dataset_str))
    test_idx_range = np.sort(test_idx_reorder)

    if dataset_str == 'citeseer':
        # Fix citeseer dataset (there are some isolated nodes in the graph)
        # Find isolated nodes, add them as zero-vecs into the right position
        test_idx_range_full = range(min(test_idx_reorder), max(test_idx_reorder)+1)
        tx_extended = sp.lil_matrix((len(test_idx_range_full), x.shape[1]))
        tx_extended[test_idx_range-min(test_idx_range), :] = tx
        tx = tx_extended
        ty_extended = np.zeros((len(test_idx_range_full), y.shape[1]))
        ty_extended[test_idx_range-min(test_idx_range), :] = ty
        ty = ty_extended

    features = sp.vstack((allx, tx)).tolil()
    features[test_idx_reorder, :] = features[test_idx_range, :]
    adj = nx.adjacency_matrix(nx.from_dict_of_lists(graph))

    labels = np.vstack((ally, ty))
    labels[test_idx_reorder, :] = labels[test_idx_range, :]

    idx_test = test_idx_range.tolist()
    idx_train = range(len(y))
    idx_val = range(len(y), len(y)+500)

    train_mask = sample_mask(idx_train, labels.shape[0])
    val_mask = sample_mask(idx_val, labels.shape[0])
    test_mask = sample_mask(idx_test, labels.shape[0])

    y_train = np.zeros(labels.shape)
    y_val = np.zeros(labels.shape)
    y_test = np.zeros(labels.shape)
    y_train[train_mask, :] = labels[train_mask, :]
    y_val[val_mask, :] = labels[val_mask, :]
    y_test[test_mask, :] = labels[test_mask, :]

    return adj, features, y_train, y_val, y_test, train_mask, val_mask, test_mask


def sparse_to_tuple(sparse_mx):
    """Convert sparse matrix to tuple representation."""
    def to_tuple(mx):
        if not sp.isspmatrix_coo(mx):
            mx = mx.tocoo()
        coords = np.vstack((mx.row, mx.col)).transpose()
        values = mx.data
        shape = mx.shape
        return coords, values, shape

    if isinstance(sparse_mx, list):
        for i in range(len(sparse_mx)):
            sparse_mx[i] = to_tuple(sparse_mx[i])
    else:
        sparse_mx = to_tuple(sparse_mx)

    return sparse_mx


def preprocess_features(features):
    """Row-normalize feature matrix and convert to tuple representation"""
    rowsum = np.array(features.sum(1))
    r_inv = np.power(rowsum, -1).flatten()
    r_inv[np.isinf(r_inv)] = 0.
    r_mat_inv = sp.diags(r_inv)
    features = r_mat_inv.dot(features)
    return sparse_to_tuple(features)


def normalize_adj(adj):
    """Symmetrically normalize adjacency matrix."""
    adj = sp.coo_matrix(adj)
    rowsum = np.array(adj.sum(1))
    d_inv_sqrt = np.power(rowsum, -0.5).flatten()
    d_inv_sqrt[np.isinf(d_inv_sqrt)] = 0.
    d_mat_inv_sqrt = sp.diags(d_inv_sqrt)
    return adj.dot(d_mat_inv_sqrt).transpose().dot(d_mat_inv_sqrt).tocoo()


def preprocess_adj(adj):
    """Preprocessing of adjacency matrix for simple GCN model and conversion to tuple representation."""
    adj_normalized = normalize_adj(adj + sp.eye(adj.shape[0]))
    return sparse_to_tuple(adj_normalized)


def construct_feed_dict(features, support, labels, labels_mask, placeholders):
    """Construct feed dictionary."""
    feed_dict = dict()
    feed_dict.update({placeholders['labels']: labels})
    feed_dict.update({placeholders['labels_mask']: labels_mask})
    feed_dict.update({placeholders['features']: features})
    feed_dict.update({placeholders['support'][i]: support[i] for i in range(len(support))})
    feed_dict.update({placeholders['num_features_nonzero']: features[1].shape})
    return feed_dict


def chebyshev_polynomials(adj, k):
    """Calculate Chebyshev polynomials up to order k. Return a list of sparse matrices (tuple representation)."""
    print("Calculating Chebyshev polynomials up to order {}...".format(k))

    adj_normalized = normalize_adj(adj)
    laplacian = sp.eye(adj.shape[0]) - adj_normalized
    largest_eigval, _ = eigsh(laplacian, 1, which='LM')
    scaled_laplacian = (2. / largest_eigval[0]) * laplacian - sp.eye(adj.shape[0])

    t_k = list()
    t_k.append(sp.eye(adj.shape[0]))
    t_k.append(scaled_laplacian)

    def chebyshev_recurrence(t_k_minus_one, t_k_minus_two, scaled_lap):
        s_lap = sp.csr_matrix(scaled_lap, copy=True)
        return 2 * s_lap.dot(t_k_minus_one) - t_k_minus_two

    for i in range(2, k+1):
        t_k.append(chebyshev_recurrence(t_k[-1], t_k[-2], scaled_laplacian))

    return sparse_to_tuple(t_k)
'''  # noqa: E501


FILES = {"gcn/__init__.py": (INIT_PY, "bfa83a015b9025ddbca2b7c1ed543c66fd3af3d9"),
         "gcn/train.py": (TRAIN_PY, "3c9bb2d310963d3b9e3b10f1fa5079f2bba1d152"),
         "gcn/models.py": (MODELS_PY, "68c814b5d08f9fa4773de554b90d89b7b19128d2"),
         "gcn/layers.py": (LAYERS_PY, "f972e2ef80542e11f0ac5ab6064842fc12d2720e"),
         "gcn/metrics.py": (METRICS_PY, "0a60edcf1fe4b2d32fdee05d2161eac367b2ec98"),
         "gcn/inits.py": (INITS_PY, "4a2f1ae37daf162205fe339574c196789d650236"),
         "gcn/utils.py": (UTILS_PY, "67f4b96dc36b2e741991a70d7f25f70ee9516804")}

if __name__ == "__main__":
    main()
