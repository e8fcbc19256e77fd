"""Petar Veličković's GAT, the reference TensorFlow implementation of "Graph Attention
Networks" (github.com/PetarV-/GAT; no PyPI release: master at commit
5af87e7fce2b90ae1cbd621cd58059036a3c7436, 2021-02-13, its last) on TensorFlow 1.15.5
(PyPI's ``tensorflow`` 1.15.5 wheel for Python 3.7, run on the CPU: graph-mode TF1 code,
``tf.placeholder``, ``tf.layers.conv1d``, ``tf.Session``, ``tf.train.Saver``) with networkx
2.6.3 and scipy 1.7.3 (its ``utils/process.py`` imports ``eigsh`` from
``scipy.sparse.linalg.eigen.arpack``, a path scipy 1.8 deprecated, and uses ``np.bool``,
which numpy 1.24 removed: numpy 1.18.5 is TensorFlow 1.15's own pin). Its
``execute_cora.py``, ``models/__init__.py``, ``models/base_gattn.py``, ``models/gat.py``,
``models/sp_gat.py`` (which ``models/__init__.py`` imports), ``utils/__init__.py``,
``utils/layers.py`` and ``utils/process.py`` at that commit are held verbatim below, each
checked against its git blob id, written into the cwd as in the repository and run as its
README runs it (``python execute_cora.py``, from the repository's root: ``load_data`` reads
``data/ind.cora.<name>`` and the Saver writes ``pre_trained/cora/mod_cora.ckpt``, both
relative to the cwd; the case makes the empty ``pre_trained/cora/``, and holds none of the
repository's pre-trained checkpoint or Cora files), in-process (``runpy``, as
``__main__``, the cwd first on ``sys.path`` for ``from models import GAT``).

Epochs: ``execute_cora.py`` takes no flags; its training constants are module globals, and
it trains up to ``nb_epochs = 100000`` epochs until ``patience = 100`` epochs in a row
improve neither the best validation loss nor the best validation accuracy. The case edits
two constants of the text it runs (``EDITS``; the file is checked as committed first):
``nb_epochs = 100000`` -> ``nb_epochs = 100`` (a cap the run does not reach) and
``patience = 100`` -> ``patience = 20``, so the run meets the early stop, and prints its
two lines, after 31 epochs. Every other setting is the script's: ``lr = 0.005``,
``l2_coef = 0.0005``, ``hid_units = [8]``, ``n_heads = [8, 1]``, ELU, attention and feature
dropout 0.6, one graph a batch (``batch_size = 1``).

Seeds: execute_cora.py seeds nothing (its runs differ); the case seeds numpy
(``np.random.seed(0)``) and Python's ``random``, and gives the ``tf.Graph`` the script
builds a graph-level seed (``tf.Graph`` is swapped, while the script runs, for a subclass
whose ``seed`` is 0: the script's own ``with tf.Graph().as_default():`` takes it), so the
initialisers and dropout repeat: the pipe's and the pty's capture print the same values.

Data: the case writes a synthetic graph in the Planetoid pickle format ``load_data`` reads,
as ``data/ind.cora.{x,y,tx,ty,allx,ally,graph,test.index}`` (pickled with Python 3.7's
pickle; ``load_data`` loads with ``encoding='latin1'``), built as cases/kipf_gcn_tf.py
builds its (``load_data`` is "adapted from tkipf/gcn"): 700 nodes in 4 classes, 60 binary
bag-of-words features (each node sets each feature with probability 0.08, and the 15 of
its class's block with probability 0.2), edges from a planted-partition model (each node
3 edges to nodes of its own class and 1 to any node, made symmetric). Nodes 0..599 are
``allx``/``ally`` (the first 80, 20 a class, also ``x``/``y``: the labelled training
nodes), nodes 600..699 the test nodes (``tx``/``ty``, in the order of ``test.index``, which
lists 600..699 shuffled). ``load_data`` takes ``idx_train = range(len(y))`` (80 nodes),
``idx_val = range(80, 580)`` (500: it always takes 500) and the test nodes. The 500
validation nodes' labels in ``ally`` are drawn at random, apart from the classes their
features and edges follow, so the validation loss stays near ln 4 and stops improving
within a few epochs: the early stop comes in a short run (in a trial whose validation
labels followed the graph, 900 nodes, it was still falling at epoch 200, ``lr = 0.005``).
``adj_to_bias`` turns the dense 700x700 adjacency into the attention mask (a Python double
loop: about 1 s). numpy's ``RandomState(0)``. About 10 s of CPU, 30 s on this shared 2-core machine.

What it prints (its own ``print``s: the settings, ``load_data``'s two shapes, one line an
epoch, ``%.5f``, then the early stop's two lines and the test line; the capture's)::

    Dataset: cora
    ----- Opt. hyperparams -----
    lr: 0.005
    l2_coef: 0.0005
    ----- Archi. hyperparams -----
    nb. layers: 1
    nb. units per layer: [8]
    nb. attention heads: [8, 1]
    residual: False
    nonlinearity: <function elu at 0x7fcdfe0c19e0>
    model: <class 'models.gat.GAT'>
    (700, 700)
    (700, 60)
    Training: loss = 1.36017, acc = 0.32500 | Val: loss = 1.39054, acc = 0.24800
    ...
    Training: loss = 1.27184, acc = 0.47500 | Val: loss = 1.38986, acc = 0.23400
    Early stop! Min loss:  1.3860074281692505 , Max accuracy:  0.27799996733665466
    Early stop model validation loss:  1.3860074281692505 , accuracy:  0.27799996733665466
    Test loss: 1.3650366067886353 ; Test accuracy: 0.26999998092651367

The epoch line is the training step's masked cross-entropy and accuracy, fetched in the
same ``sess.run`` as the Adam step, with dropout on, then the validation set's, dropout off;
the early-stop lines print (``print``'s spaces around them, full ``repr``) the running best
validation loss and accuracy (possibly of two epochs) and the values of the epoch last
saved (both improved); the test line evaluates that checkpoint, restored, and prints the
float64 quotients in full. Between the shapes and the first epoch: numpy's ``process.py:158:
RuntimeWarning: divide by zero encountered in power`` from ``preprocess_features`` (a few
synthetic nodes set no feature, as some Planetoid nodes do; the next line sets their
``inf`` to 0), TensorFlow 1.15's ``WARNING:tensorflow:From ...`` deprecation notes and its
``cpu_feature_guard``, ``cpu_utils`` and XLA ``I`` lines, on stderr. 92 lines, 6 KB.

Truth: GAT keeps no record (no summary writer, no history, no file but the Saver's
checkpoint), so the values execute_cora.py computes are the record: two lines added to the
stock script (``RECORD_LINES``; no line changed but the two ``EDITS``), each right after a
``print``, append what it printed (``train_loss_avg/tr_step``, ``train_acc_avg/tr_step``,
``val_loss_avg/vl_step``, ``val_acc_avg/vl_step``; ``ts_loss/ts_step``,
``ts_acc/ts_step``: the values ``sess.run`` returned, over the one batch) to lists the
case passes in (``runpy``'s ``init_globals``); nothing is parsed from stdout.
Judgement calls (docs/metrics.md):
- The epoch line keys nothing; names by the naming rule for the printed words, a phase
  label prefixing every name after it up to the next ``|`` (``Training:`` as printed, as
  ``Training Loss: 0.18`` -> ``training_loss``; ``Val:`` -> ``val_``): ``training_loss``,
  ``training_acc``, ``val_loss``, ``val_acc``, one value an epoch, axis ``epoch`` from 1
  (the line prints no epoch), 31 each.
- ``Test loss: ... ; Test accuracy: ...``: ``test_loss`` and ``test_accuracy``, one value
  each, put at the last epoch: printed after training, with no epoch of its own. Printed in
  full (``print`` of a float64), so the tolerance is 1e-9 (the text round-trips); the
  epoch line's four ``%.5f`` -> 5e-6.
- ``also_ok``: the early stop's running best (``Min loss``, ``Max accuracy``: the lowest
  validation loss and highest validation accuracy so far) and the saved epoch's validation
  values printed again (``Early stop model validation loss``, ``accuracy``): a running best
  or an earlier epoch's value printed again is no series of its own (bench/zoo/README.md).
  Named as the rule gives the words (``Min_loss``, ``Max_accuracy``; a name with a phase
  word inside keeps it, as ``RF Test accuracy`` -> ``RF_Test_accuracy``:
  ``Early_stop_model_validation_loss``; the pair's second name, ``accuracy``, bare or
  taking the first's words) and their plain spellings.
- Not metrics: the settings block under ``----- Opt. hyperparams -----`` and ``-----
  Archi. hyperparams -----`` (``lr: 0.005``, ``l2_coef: 0.0005``: a printed configuration,
  ``key: value`` lines under a header, docs/metrics.md; the learning rate is constant and
  nothing logs it, so it is no ``also_ok`` either), ``(700, 700)`` and ``(700, 60)`` (the
  adjacency's and the features' shapes), the ``nonlinearity``/``model`` reprs.
"""
# zoo-venv: gattf

import pickle
import random
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

SOURCE_REPO = "PetarV-/GAT"
SOURCE_COMMIT = "5af87e7fce2b90ae1cbd621cd58059036a3c7436"
CLASSES, FEATURES, BLOCK = 4, 60, 15
LABELLED, ALL, TEST = 80, 600, 100  # x/y, allx/ally (train + 500 val + unlabelled), tx/ty

# the two constants the case cuts (the stock line -> the line run)
EDITS = {"nb_epochs = 100000\n": "nb_epochs = 100\n",
         "patience = 100\n": "patience = 20\n"}

# the record: lines added to execute_cora.py right after what they keep (anchor -> the
# anchor and the line after it); no line of the stock text changed but EDITS
RECORD_LINES = {
    "                    val_loss_avg/vl_step, val_acc_avg/vl_step))\n":
        "            ZOO_RECORD.append((train_loss_avg/tr_step, train_acc_avg/tr_step,"
        " val_loss_avg/vl_step, val_acc_avg/vl_step))  # zoo: the values just printed\n",
    "        print('Test loss:', ts_loss/ts_step, '; Test accuracy:', ts_acc/ts_step)\n":
        "        ZOO_TEST.append((ts_loss/ts_step, ts_acc/ts_step))"
        "  # zoo: the values just printed\n",
}


class _SeededGraph(tf.Graph):
    """The graph execute_cora.py builds, with a graph-level seed (it sets none)."""

    def __init__(self) -> None:
        super().__init__()
        self.seed = 0


def write_planetoid(folder: Path, name: str = "cora", seed: int = 0) -> None:
    """The eight ``ind.<name>.*`` files ``process.load_data`` reads: ``x``, ``tx``, ``allx``
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
    observed = labels.copy()  # the validation nodes' labels: drawn apart from the graph
    observed[LABELLED:LABELLED + 500] = rng.randint(0, CLASSES, 500)
    onehot = np.eye(CLASSES, dtype=np.int32)[observed]
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
        if name == "execute_cora.py":
            for stock, cut in EDITS.items():
                assert text.count(stock) == 1, stock
                text = text.replace(stock, cut)
            text = with_lines(text, RECORD_LINES)
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text, encoding="utf-8")
    write_planetoid(Path("data"))
    Path("pre_trained/cora").mkdir(parents=True, exist_ok=True)  # the Saver's folder

    sys.path.insert(0, str(Path.cwd()))  # `from models import GAT`, as from the repo root
    random.seed(0)
    np.random.seed(0)
    record: list = []
    test: list = []
    sys.argv = ["execute_cora.py"]
    stock_graph = tf.Graph
    tf.Graph = _SeededGraph
    try:
        runpy.run_path("execute_cora.py",
                       init_globals={"ZOO_RECORD": record, "ZOO_TEST": test},
                       run_name="__main__")
    finally:
        tf.Graph = stock_graph
    sys.stdout.flush()
    assert record and len(test) == 1, (len(record), test)
    last = len(record)  # epochs from 1; the line prints none
    names = ["training_loss", "training_acc", "val_loss", "val_acc"]
    metrics = {name: series([(epoch, row[i]) for epoch, row in enumerate(record, 1)], "epoch",
                            tolerance=5e-6)
               for i, name in enumerate(names)}
    metrics["test_loss"] = series([(last, test[0][0])], "epoch", tolerance=1e-9)
    metrics["test_accuracy"] = series([(last, test[0][1])], "epoch", tolerance=1e-9)
    write_truth(
        "GAT (PetarV-)", f"repo {SOURCE_COMMIT[:12]}",
        "the values execute_cora.py prints, kept by lines added after its epoch and test "
        "prints (RECORD_LINES): it keeps no record of its own",
        metrics,
        also_ok=["Min_loss", "Max_accuracy", "min_loss", "max_accuracy",
                 "Early_stop_model_validation_loss", "Early_stop_model_validation_accuracy",
                 "Early_stop_model_accuracy", "validation_loss", "validation_accuracy",
                 "accuracy"],
        notes=f"{SOURCE_REPO} at {SOURCE_COMMIT} (no release), nb_epochs 100 and patience 20 "
              f"(EDITS), tensorflow {tf.__version__}, numpy {np.__version__}, "
              f"scipy {scipy.__version__}, networkx {nx.__version__}; synthetic Planetoid "
              f"files: {ALL + TEST} nodes, {CLASSES} classes, {FEATURES} features, "
              f"{LABELLED} labelled, 500 validation, {TEST} test; {len(record)} epochs run "
              f"(early stop)")



# execute_cora.py at SOURCE_COMMIT, verbatim (git blob 2a0b4982e68ec3426a5278d30c7d340ba5f0e0be)
EXECUTE_CORA_PY = r'''import time
import numpy as np
import tensorflow as tf

from models import GAT
from utils import process

checkpt_file = 'pre_trained/cora/mod_cora.ckpt'

dataset = 'cora'

# training params
batch_size = 1
nb_epochs = 100000
patience = 100
lr = 0.005  # learning rate
l2_coef = 0.0005  # weight decay
hid_units = [8] # numbers of hidden units per each attention head in each layer
n_heads = [8, 1] # additional entry for the output layer
residual = False
nonlinearity = tf.nn.elu
model = GAT

print('Dataset: ' + dataset)
print('----- Opt. hyperparams -----')
print('lr: ' + str(lr))
print('l2_coef: ' + str(l2_coef))
print('----- Archi. hyperparams -----')
print('nb. layers: ' + str(len(hid_units)))
print('nb. units per layer: ' + str(hid_units))
print('nb. attention heads: ' + str(n_heads))
print('residual: ' + str(residual))
print('nonlinearity: ' + str(nonlinearity))
print('model: ' + str(model))

adj, features, y_train, y_val, y_test, train_mask, val_mask, test_mask = process.load_data(dataset)
features, spars = process.preprocess_features(features)

nb_nodes = features.shape[0]
ft_size = features.shape[1]
nb_classes = y_train.shape[1]

adj = adj.todense()

features = features[np.newaxis]
adj = adj[np.newaxis]
y_train = y_train[np.newaxis]
y_val = y_val[np.newaxis]
y_test = y_test[np.newaxis]
train_mask = train_mask[np.newaxis]
val_mask = val_mask[np.newaxis]
test_mask = test_mask[np.newaxis]

biases = process.adj_to_bias(adj, [nb_nodes], nhood=1)

with tf.Graph().as_default():
    with tf.name_scope('input'):
        ftr_in = tf.placeholder(dtype=tf.float32, shape=(batch_size, nb_nodes, ft_size))
        bias_in = tf.placeholder(dtype=tf.float32, shape=(batch_size, nb_nodes, nb_nodes))
        lbl_in = tf.placeholder(dtype=tf.int32, shape=(batch_size, nb_nodes, nb_classes))
        msk_in = tf.placeholder(dtype=tf.int32, shape=(batch_size, nb_nodes))
        attn_drop = tf.placeholder(dtype=tf.float32, shape=())
        ffd_drop = tf.placeholder(dtype=tf.float32, shape=())
        is_train = tf.placeholder(dtype=tf.bool, shape=())

    logits = model.inference(ftr_in, nb_classes, nb_nodes, is_train,
                                attn_drop, ffd_drop,
                                bias_mat=bias_in,
                                hid_units=hid_units, n_heads=n_heads,
                                residual=residual, activation=nonlinearity)
    log_resh = tf.reshape(logits, [-1, nb_classes])
    lab_resh = tf.reshape(lbl_in, [-1, nb_classes])
    msk_resh = tf.reshape(msk_in, [-1])
    loss = model.masked_softmax_cross_entropy(log_resh, lab_resh, msk_resh)
    accuracy = model.masked_accuracy(log_resh, lab_resh, msk_resh)

    train_op = model.training(loss, lr, l2_coef)

    saver = tf.train.Saver()

    init_op = tf.group(tf.global_variables_initializer(), tf.local_variables_initializer())

    vlss_mn = np.inf
    vacc_mx = 0.0
    curr_step = 0

    with tf.Session() as sess:
        sess.run(init_op)

        train_loss_avg = 0
        train_acc_avg = 0
        val_loss_avg = 0
        val_acc_avg = 0

        for epoch in range(nb_epochs):
            tr_step = 0
            tr_size = features.shape[0]

            while tr_step * batch_size < tr_size:
                _, loss_value_tr, acc_tr = sess.run([train_op, loss, accuracy],
                    feed_dict={
                        ftr_in: features[tr_step*batch_size:(tr_step+1)*batch_size],
                        bias_in: biases[tr_step*batch_size:(tr_step+1)*batch_size],
                        lbl_in: y_train[tr_step*batch_size:(tr_step+1)*batch_size],
                        msk_in: train_mask[tr_step*batch_size:(tr_step+1)*batch_size],
                        is_train: True,
                        attn_drop: 0.6, ffd_drop: 0.6})
                train_loss_avg += loss_value_tr
                train_acc_avg += acc_tr
                tr_step += 1

            vl_step = 0
            vl_size = features.shape[0]

            while vl_step * batch_size < vl_size:
                loss_value_vl, acc_vl = sess.run([loss, accuracy],
                    feed_dict={
                        ftr_in: features[vl_step*batch_size:(vl_step+1)*batch_size],
                        bias_in: biases[vl_step*batch_size:(vl_step+1)*batch_size],
                        lbl_in: y_val[vl_step*batch_size:(vl_step+1)*batch_size],
                        msk_in: val_mask[vl_step*batch_size:(vl_step+1)*batch_size],
                        is_train: False,
                        attn_drop: 0.0, ffd_drop: 0.0})
                val_loss_avg += loss_value_vl
                val_acc_avg += acc_vl
                vl_step += 1

            print('Training: loss = %.5f, acc = %.5f | Val: loss = %.5f, acc = %.5f' %
                    (train_loss_avg/tr_step, train_acc_avg/tr_step,
                    val_loss_avg/vl_step, val_acc_avg/vl_step))

            if val_acc_avg/vl_step >= vacc_mx or val_loss_avg/vl_step <= vlss_mn:
                if val_acc_avg/vl_step >= vacc_mx and val_loss_avg/vl_step <= vlss_mn:
                    vacc_early_model = val_acc_avg/vl_step
                    vlss_early_model = val_loss_avg/vl_step
                    saver.save(sess, checkpt_file)
                vacc_mx = np.max((val_acc_avg/vl_step, vacc_mx))
                vlss_mn = np.min((val_loss_avg/vl_step, vlss_mn))
                curr_step = 0
            else:
                curr_step += 1
                if curr_step == patience:
                    print('Early stop! Min loss: ', vlss_mn, ', Max accuracy: ', vacc_mx)
                    print('Early stop model validation loss: ', vlss_early_model, ', accuracy: ', vacc_early_model)
                    break

            train_loss_avg = 0
            train_acc_avg = 0
            val_loss_avg = 0
            val_acc_avg = 0

        saver.restore(sess, checkpt_file)

        ts_size = features.shape[0]
        ts_step = 0
        ts_loss = 0.0
        ts_acc = 0.0

        while ts_step * batch_size < ts_size:
            loss_value_ts, acc_ts = sess.run([loss, accuracy],
                feed_dict={
                    ftr_in: features[ts_step*batch_size:(ts_step+1)*batch_size],
                    bias_in: biases[ts_step*batch_size:(ts_step+1)*batch_size],
                    lbl_in: y_test[ts_step*batch_size:(ts_step+1)*batch_size],
                    msk_in: test_mask[ts_step*batch_size:(ts_step+1)*batch_size],
                    is_train: False,
                    attn_drop: 0.0, ffd_drop: 0.0})
            ts_loss += loss_value_ts
            ts_acc += acc_ts
            ts_step += 1

        print('Test loss:', ts_loss/ts_step, '; Test accuracy:', ts_acc/ts_step)

        sess.close()
'''  # noqa: E501


# models/__init__.py at SOURCE_COMMIT, verbatim (git blob c47f14c9b5561d345f918f1405482a65c8c5ecce)
MODELS_INIT_PY = r'''from .gat import GAT
from .sp_gat import SpGAT
'''


# models/base_gattn.py at SOURCE_COMMIT, verbatim
# (git blob 71edcf957028af7e19b3ce60097af7f2c184b673)
BASE_GATTN_PY = r'''import tensorflow as tf

class BaseGAttN:
    def loss(logits, labels, nb_classes, class_weights):
        sample_wts = tf.reduce_sum(tf.multiply(tf.one_hot(labels, nb_classes), class_weights), axis=-1)
        xentropy = tf.multiply(tf.nn.sparse_softmax_cross_entropy_with_logits(
                labels=labels, logits=logits), sample_wts)
        return tf.reduce_mean(xentropy, name='xentropy_mean')

    def training(loss, lr, l2_coef):
        # weight decay
        vars = tf.trainable_variables()
        lossL2 = tf.add_n([tf.nn.l2_loss(v) for v in vars if v.name not
                           in ['bias', 'gamma', 'b', 'g', 'beta']]) * l2_coef

        # optimizer
        opt = tf.train.AdamOptimizer(learning_rate=lr)

        # training op
        train_op = opt.minimize(loss+lossL2)
        
        return train_op

    def preshape(logits, labels, nb_classes):
        new_sh_lab = [-1]
        new_sh_log = [-1, nb_classes]
        log_resh = tf.reshape(logits, new_sh_log)
        lab_resh = tf.reshape(labels, new_sh_lab)
        return log_resh, lab_resh

    def confmat(logits, labels):
        preds = tf.argmax(logits, axis=1)
        return tf.confusion_matrix(labels, preds)

##########################
# Adapted from tkipf/gcn #
##########################

    def masked_softmax_cross_entropy(logits, labels, mask):
        """Softmax cross-entropy loss with masking."""
        loss = tf.nn.softmax_cross_entropy_with_logits(logits=logits, labels=labels)
        mask = tf.cast(mask, dtype=tf.float32)
        mask /= tf.reduce_mean(mask)
        loss *= mask
        return tf.reduce_mean(loss)

    def masked_sigmoid_cross_entropy(logits, labels, mask):
        """Softmax cross-entropy loss with masking."""
        labels = tf.cast(labels, dtype=tf.float32)
        loss = tf.nn.sigmoid_cross_entropy_with_logits(logits=logits, labels=labels)
        loss=tf.reduce_mean(loss,axis=1)
        mask = tf.cast(mask, dtype=tf.float32)
        mask /= tf.reduce_mean(mask)
        loss *= mask
        return tf.reduce_mean(loss)

    def masked_accuracy(logits, labels, mask):
        """Accuracy with masking."""
        correct_prediction = tf.equal(tf.argmax(logits, 1), tf.argmax(labels, 1))
        accuracy_all = tf.cast(correct_prediction, tf.float32)
        mask = tf.cast(mask, dtype=tf.float32)
        mask /= tf.reduce_mean(mask)
        accuracy_all *= mask
        return tf.reduce_mean(accuracy_all)

    def micro_f1(logits, labels, mask):
        """Accuracy with masking."""
        predicted = tf.round(tf.nn.sigmoid(logits))

        # Use integers to avoid any nasty FP behaviour
        predicted = tf.cast(predicted, dtype=tf.int32)
        labels = tf.cast(labels, dtype=tf.int32)
        mask = tf.cast(mask, dtype=tf.int32)

        # expand the mask so that broadcasting works ([nb_nodes, 1])
        mask = tf.expand_dims(mask, -1)
        
        # Count true positives, true negatives, false positives and false negatives.
        tp = tf.count_nonzero(predicted * labels * mask)
        tn = tf.count_nonzero((predicted - 1) * (labels - 1) * mask)
        fp = tf.count_nonzero(predicted * (labels - 1) * mask)
        fn = tf.count_nonzero((predicted - 1) * labels * mask)

        # Calculate accuracy, precision, recall and F1 score.
        precision = tp / (tp + fp)
        recall = tp / (tp + fn)
        fmeasure = (2 * precision * recall) / (precision + recall)
        fmeasure = tf.cast(fmeasure, tf.float32)
        return fmeasure
'''  # noqa: E501, W293


# models/gat.py at SOURCE_COMMIT, verbatim (git blob 0a540a8d46cfb8f80bcaf35fcb9707a3ad05d092)
GAT_PY = r'''import numpy as np
import tensorflow as tf

from utils import layers
from models.base_gattn import BaseGAttN

class GAT(BaseGAttN):
    def inference(inputs, nb_classes, nb_nodes, training, attn_drop, ffd_drop,
            bias_mat, hid_units, n_heads, activation=tf.nn.elu, residual=False):
        attns = []
        for _ in range(n_heads[0]):
            attns.append(layers.attn_head(inputs, bias_mat=bias_mat,
                out_sz=hid_units[0], activation=activation,
                in_drop=ffd_drop, coef_drop=attn_drop, residual=False))
        h_1 = tf.concat(attns, axis=-1)
        for i in range(1, len(hid_units)):
            h_old = h_1
            attns = []
            for _ in range(n_heads[i]):
                attns.append(layers.attn_head(h_1, bias_mat=bias_mat,
                    out_sz=hid_units[i], activation=activation,
                    in_drop=ffd_drop, coef_drop=attn_drop, residual=residual))
            h_1 = tf.concat(attns, axis=-1)
        out = []
        for i in range(n_heads[-1]):
            out.append(layers.attn_head(h_1, bias_mat=bias_mat,
                out_sz=nb_classes, activation=lambda x: x,
                in_drop=ffd_drop, coef_drop=attn_drop, residual=False))
        logits = tf.add_n(out) / n_heads[-1]
    
        return logits
'''  # noqa: W293


# models/sp_gat.py at SOURCE_COMMIT, verbatim (git blob 17e6fdc8601c607d476c2e99004b2264da6c8906)
SP_GAT_PY = r'''import numpy as np
import tensorflow as tf

from utils import layers
from models.base_gattn import BaseGAttN

class SpGAT(BaseGAttN):
    def inference(inputs, nb_classes, nb_nodes, training, attn_drop, ffd_drop,
            bias_mat, hid_units, n_heads, activation=tf.nn.elu, 
            residual=False):
        attns = []
        for _ in range(n_heads[0]):
            attns.append(layers.sp_attn_head(inputs,  
                adj_mat=bias_mat,
                out_sz=hid_units[0], activation=activation, nb_nodes=nb_nodes,
                in_drop=ffd_drop, coef_drop=attn_drop, residual=False))
        h_1 = tf.concat(attns, axis=-1)
        for i in range(1, len(hid_units)):
            h_old = h_1
            attns = []
            for _ in range(n_heads[i]):
                attns.append(layers.sp_attn_head(h_1,  
                    adj_mat=bias_mat,
                    out_sz=hid_units[i], activation=activation, nb_nodes=nb_nodes,
                    in_drop=ffd_drop, coef_drop=attn_drop, residual=residual))
            h_1 = tf.concat(attns, axis=-1)
        out = []
        for i in range(n_heads[-1]):
            out.append(layers.sp_attn_head(h_1, adj_mat=bias_mat,
                out_sz=nb_classes, activation=lambda x: x, nb_nodes=nb_nodes,
                in_drop=ffd_drop, coef_drop=attn_drop, residual=False))
        logits = tf.add_n(out) / n_heads[-1]
    
        return logits
'''  # noqa: W291, W293


# utils/__init__.py at SOURCE_COMMIT, verbatim (git blob e69de29bb2d1d6434b8b29ae775ad8c2e48c5391)
UTILS_INIT_PY = r''''''


# utils/layers.py at SOURCE_COMMIT, verbatim (git blob 1e5de004717d7861cae300475e1503cb468f741c)
LAYERS_PY = r'''import numpy as np
import tensorflow as tf

conv1d = tf.layers.conv1d

def attn_head(seq, out_sz, bias_mat, activation, in_drop=0.0, coef_drop=0.0, residual=False):
    with tf.name_scope('my_attn'):
        if in_drop != 0.0:
            seq = tf.nn.dropout(seq, 1.0 - in_drop)

        seq_fts = tf.layers.conv1d(seq, out_sz, 1, use_bias=False)

        # simplest self-attention possible
        f_1 = tf.layers.conv1d(seq_fts, 1, 1)
        f_2 = tf.layers.conv1d(seq_fts, 1, 1)
        logits = f_1 + tf.transpose(f_2, [0, 2, 1])
        coefs = tf.nn.softmax(tf.nn.leaky_relu(logits) + bias_mat)

        if coef_drop != 0.0:
            coefs = tf.nn.dropout(coefs, 1.0 - coef_drop)
        if in_drop != 0.0:
            seq_fts = tf.nn.dropout(seq_fts, 1.0 - in_drop)

        vals = tf.matmul(coefs, seq_fts)
        ret = tf.contrib.layers.bias_add(vals)

        # residual connection
        if residual:
            if seq.shape[-1] != ret.shape[-1]:
                ret = ret + conv1d(seq, ret.shape[-1], 1) # activation
            else:
                ret = ret + seq

        return activation(ret)  # activation

# Experimental sparse attention head (for running on datasets such as Pubmed)
# N.B. Because of limitations of current TF implementation, will work _only_ if batch_size = 1!
def sp_attn_head(seq, out_sz, adj_mat, activation, nb_nodes, in_drop=0.0, coef_drop=0.0, residual=False):
    with tf.name_scope('sp_attn'):
        if in_drop != 0.0:
            seq = tf.nn.dropout(seq, 1.0 - in_drop)

        seq_fts = tf.layers.conv1d(seq, out_sz, 1, use_bias=False)

        # simplest self-attention possible
        f_1 = tf.layers.conv1d(seq_fts, 1, 1)
        f_2 = tf.layers.conv1d(seq_fts, 1, 1)
        
        f_1 = tf.reshape(f_1, (nb_nodes, 1))
        f_2 = tf.reshape(f_2, (nb_nodes, 1))

        f_1 = adj_mat*f_1
        f_2 = adj_mat * tf.transpose(f_2, [1,0])

        logits = tf.sparse_add(f_1, f_2)
        lrelu = tf.SparseTensor(indices=logits.indices, 
                values=tf.nn.leaky_relu(logits.values), 
                dense_shape=logits.dense_shape)
        coefs = tf.sparse_softmax(lrelu)

        if coef_drop != 0.0:
            coefs = tf.SparseTensor(indices=coefs.indices,
                    values=tf.nn.dropout(coefs.values, 1.0 - coef_drop),
                    dense_shape=coefs.dense_shape)
        if in_drop != 0.0:
            seq_fts = tf.nn.dropout(seq_fts, 1.0 - in_drop)

        # As tf.sparse_tensor_dense_matmul expects its arguments to have rank-2,
        # here we make an assumption that our input is of batch size 1, and reshape appropriately.
        # The method will fail in all other cases!
        coefs = tf.sparse_reshape(coefs, [nb_nodes, nb_nodes])
        seq_fts = tf.squeeze(seq_fts)
        vals = tf.sparse_tensor_dense_matmul(coefs, seq_fts)
        vals = tf.expand_dims(vals, axis=0)
        vals.set_shape([1, nb_nodes, out_sz])
        ret = tf.contrib.layers.bias_add(vals)

        # residual connection
        if residual:
            if seq.shape[-1] != ret.shape[-1]:
                ret = ret + conv1d(seq, ret.shape[-1], 1) # activation
            else:
                ret = ret + seq

        return activation(ret)  # activation

'''  # noqa: E501, W291, W293


# utils/process.py at SOURCE_COMMIT, verbatim (git blob 8886d51e8fb40104b475f18fd0a24a16b77542d4)
PROCESS_PY = r'''import numpy as np
import pickle as pkl
import networkx as nx
import scipy.sparse as sp
from scipy.sparse.linalg.eigen.arpack import eigsh
import sys

"""
 Prepare adjacency matrix by expanding up to a given neighbourhood.
 This will insert loops on every node.
 Finally, the matrix is converted to bias vectors.
 Expected shape: [graph, nodes, nodes]
"""
def adj_to_bias(adj, sizes, nhood=1):
    nb_graphs = adj.shape[0]
    mt = np.empty(adj.shape)
    for g in range(nb_graphs):
        mt[g] = np.eye(adj.shape[1])
        for _ in range(nhood):
            mt[g] = np.matmul(mt[g], (adj[g] + np.eye(adj.shape[1])))
        for i in range(sizes[g]):
            for j in range(sizes[g]):
                if mt[g][i][j] > 0.0:
                    mt[g][i][j] = 1.0
    return -1e9 * (1.0 - mt)


###############################################
# This section of code adapted from tkipf/gcn #
###############################################

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

def load_data(dataset_str): # {'pubmed', 'citeseer', 'cora'}
    """Load data."""
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

    print(adj.shape)
    print(features.shape)

    return adj, features, y_train, y_val, y_test, train_mask, val_mask, test_mask

def load_random_data(size):

    adj = sp.random(size, size, density=0.002) # density similar to cora
    features = sp.random(size, 1000, density=0.015)
    int_labels = np.random.randint(7, size=(size))
    labels = np.zeros((size, 7)) # Nx7
    labels[np.arange(size), int_labels] = 1

    train_mask = np.zeros((size,)).astype(bool)
    train_mask[np.arange(size)[0:int(size/2)]] = 1

    val_mask = np.zeros((size,)).astype(bool)
    val_mask[np.arange(size)[int(size/2):]] = 1

    test_mask = np.zeros((size,)).astype(bool)
    test_mask[np.arange(size)[int(size/2):]] = 1

    y_train = np.zeros(labels.shape)
    y_val = np.zeros(labels.shape)
    y_test = np.zeros(labels.shape)
    y_train[train_mask, :] = labels[train_mask, :]
    y_val[val_mask, :] = labels[val_mask, :]
    y_test[test_mask, :] = labels[test_mask, :]
  
    # sparse NxN, sparse NxF, norm NxC, ..., norm Nx1, ...
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

def standardize_data(f, train_mask):
    """Standardize feature matrix and convert to tuple representation"""
    # standardize data
    f = f.todense()
    mu = f[train_mask == True, :].mean(axis=0)
    sigma = f[train_mask == True, :].std(axis=0)
    f = f[:, np.squeeze(np.array(sigma > 0))]
    mu = f[train_mask == True, :].mean(axis=0)
    sigma = f[train_mask == True, :].std(axis=0)
    f = (f - mu) / sigma
    return f

def preprocess_features(features):
    """Row-normalize feature matrix and convert to tuple representation"""
    rowsum = np.array(features.sum(1))
    r_inv = np.power(rowsum, -1).flatten()
    r_inv[np.isinf(r_inv)] = 0.
    r_mat_inv = sp.diags(r_inv)
    features = r_mat_inv.dot(features)
    return features.todense(), sparse_to_tuple(features)

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

def preprocess_adj_bias(adj):
    num_nodes = adj.shape[0]
    adj = adj + sp.eye(num_nodes)  # self-loop
    adj[adj > 0.0] = 1.0
    if not sp.isspmatrix_coo(adj):
        adj = adj.tocoo()
    adj = adj.astype(np.float32)
    indices = np.vstack((adj.col, adj.row)).transpose()  # This is where I made a mistake, I used (adj.row, adj.col) instead
    # return tf.SparseTensor(indices=indices, values=adj.data, dense_shape=adj.shape)
    return indices, adj.data, adj.shape
'''  # noqa: E501, W293


FILES = {
    "execute_cora.py": (EXECUTE_CORA_PY, "2a0b4982e68ec3426a5278d30c7d340ba5f0e0be"),
    "models/__init__.py": (MODELS_INIT_PY, "c47f14c9b5561d345f918f1405482a65c8c5ecce"),
    "models/base_gattn.py": (BASE_GATTN_PY, "71edcf957028af7e19b3ce60097af7f2c184b673"),
    "models/gat.py": (GAT_PY, "0a540a8d46cfb8f80bcaf35fcb9707a3ad05d092"),
    "models/sp_gat.py": (SP_GAT_PY, "17e6fdc8601c607d476c2e99004b2264da6c8906"),
    "utils/__init__.py": (UTILS_INIT_PY, "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"),
    "utils/layers.py": (LAYERS_PY, "1e5de004717d7861cae300475e1503cb468f741c"),
    "utils/process.py": (PROCESS_PY, "8886d51e8fb40104b475f18fd0a24a16b77542d4"),
}


if __name__ == "__main__":
    main()
