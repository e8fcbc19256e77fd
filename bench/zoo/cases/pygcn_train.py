"""Thomas Kipf's pygcn, "Graph Convolutional Networks in PyTorch" (github.com/tkipf/pygcn;
setup.py's ``pygcn`` 0.1, no PyPI release: master at commit
1600b5b748b3976413d1e307540ccc62605b4d6d, 2019-02-25, its last, "Merge pull request #33",
the ``__init__.py`` fix) on the CPU build of torch 2.13.0 with numpy 2.4.6 and scipy 1.17.1
(setup.py pins nothing; the README's "PyTorch 0.4 or 0.5" is what it was written on, but the
code runs unchanged: ``utils.py``'s ``torch.sparse.FloatTensor(indices, values, shape)``
still works, with a deprecation warning). Its ``pygcn/__init__.py``, ``train.py``,
``models.py``, ``layers.py`` and ``utils.py`` at that commit are held verbatim below, each
checked against its git blob id, written into ``pygcn/`` in the cwd as in the repository and
run as its README runs them after ``python setup.py install``: from ``pygcn/``
(``load_data`` reads ``../data/cora/`` by default), ``python train.py --epochs 40`` (every
other flag at its default: ``--seed 42``, ``--lr 0.01``, ``--weight_decay 5e-4``,
``--hidden 16``, ``--dropout 0.5``, no ``--fastmode``), in-process (``runpy``, as
``__main__``, ``sys.argv`` as above, the cwd, which holds the ``pygcn`` package, first on
``sys.path`` in place of the installed package). train.py seeds numpy and torch itself
(``--seed 42``).
Determinism: ``utils.encode_onehot`` numbers the classes in the order of ``set(labels)``, a
set of strings, whose order follows Python's string hash, salted afresh in every process
unless ``PYTHONHASHSEED`` is set: the same run gives other losses from one process to the
next (the model's output units start from other weights for each class). The case sets
``PYTHONHASHSEED=0`` and execs itself again (``os.execv``, the same process id, before
anything is printed), so the run repeats; only the times vary.
Data: the case writes a synthetic graph in Cora's format, ``data/cora/cora.content`` (a line
a paper, tab-separated: its integer id, 64 0/1 word attributes, its class label, one of Cora's
seven: ``Case_Based`` .. ``Theory``) and ``data/cora/cora.cites`` (a line a link: the cited
paper's id, the citing paper's id), from numpy's ``default_rng(0)``: 1500 papers, the fewest
``load_data``'s fixed splits allow (``idx_train = range(140)``, ``idx_val = range(200,
500)``, ``idx_test = range(500, 1500)``; Cora has 2708), each word present with probability
0.05, or 0.4 among the 12 of its class's vocabulary; each paper cites 3 papers, each of its
own class with probability 0.8, else any (4465 links once repeats and self-citations are
dropped). One paper sets no word, so ``normalize``'s ``np.power(rowsum, -1)`` meets a zero
row sum (its next line sets the ``inf`` to 0). About 10 s,
most of it torch's import.

What it prints (train.py's own ``print`` each epoch, then three lines)::

    Loading cora dataset...
    Epoch: 0001 loss_train: 1.9640 acc_train: 0.1500 loss_val: 1.9670 acc_val: 0.1433 time: 0.0231s
    ...
    Epoch: 0040 loss_train: 1.3664 acc_train: 0.7786 loss_val: 1.4733 acc_val: 0.7033 time: 0.0101s
    Optimization Finished!
    Total time elapsed: 0.4997s
    Test set results: loss= 1.4397 accuracy= 0.7060

(``'{:04d}'.format(epoch+1)``, every value ``{:.4f}``: the training pass's NLL loss and
accuracy on the 140 training nodes, dropout on, computed before the Adam step; then the
validation nodes' loss and accuracy from a second forward pass in eval mode, after the step;
the epoch's wall time), and before the first epoch, on stderr, numpy's ``utils.py:59:
RuntimeWarning: divide by zero encountered in power`` and torch's ``utils.py:80:
UserWarning: torch.sparse.SparseTensor(indices, values, shape, *, device=) is deprecated``,
each with its source line. The pipe's and the pty's output hold the same lines in the same
order (the pty ends them with ``\\r\\n``); 48 lines, 4.5 KB.

Truth: pygcn keeps no record (no logger, no history, no file; not even a checkpoint), so the
values train.py computes are the record: two lines added to the stock ``train.py``
(``RECORD_LINES``, no line changed), each right after a ``print``, append what it printed
(``loss_train.item()``, ``acc_train.item()``, ``loss_val.item()``, ``acc_val.item()``;
``loss_test.item()``, ``acc_test.item()``, full precision) to a list the case passes in
(``runpy``'s ``init_globals``); nothing is parsed from stdout. Judgement calls
(docs/metrics.md):
- Names as printed: ``loss_train``, ``acc_train``, ``loss_val``, ``acc_val``, one value an
  epoch, axis ``epoch`` (the printed ``Epoch: 0001``, from 1), 40 each.
- ``Test set results: loss= ... accuracy= ...``: the framework keys nothing (its variables
  are ``loss_test``, ``acc_test``), so the names are the naming rule's for the printed words
  (a phase label with a qualifier prefixes every name after it, ``Test set results: loss=
  0.46`` -> ``test_loss``): ``test_loss`` and ``test_accuracy``, one value each, put at the
  last epoch (40): printed after ``Optimization Finished!``, with no epoch of its own
  (exptrack records them with no epoch; score.py notes the axis, it is no miss).
- Tolerances: ``{:.4f}`` -> 5e-5 for all six.
- ``also_ok``: ``time`` (each epoch's wall time) and ``Total_time_elapsed`` (the loop's),
  which nothing keeps.
- Not metrics: ``Epoch: 0001`` (the epoch), ``Optimization Finished!``, ``Loading cora
  dataset...``.
"""
# zoo-venv: pygcn

import os
import runpy
import sys
from importlib.metadata import version
from pathlib import Path

import numpy as np
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines

SOURCE_REPO = "tkipf/pygcn"
SOURCE_COMMIT = "1600b5b748b3976413d1e307540ccc62605b4d6d"
ARGS = ["--epochs", "40"]
EPOCHS = 40
NODES, FEATURES = 1500, 64  # load_data's fixed splits end at node 1499 (test: 500..1499)
# Cora's seven classes, as its README lists them
CLASSES = ["Case_Based", "Genetic_Algorithms", "Neural_Networks", "Probabilistic_Methods",
           "Reinforcement_Learning", "Rule_Learning", "Theory"]

# the record: lines added to train.py right after what they keep (anchor -> the anchor and
# the line after it); no line of the stock text changed
RECORD_LINES = {
    "          'time: {:.4f}s'.format(time.time() - t))\n":
        "    ZOO_RECORD.append((epoch + 1, loss_train.item(), acc_train.item(), loss_val.item(),"
        " acc_val.item()))  # zoo: the values just printed\n",
    '          "accuracy= {:.4f}".format(acc_test.item()))\n':
        "    ZOO_TEST.append((loss_test.item(), acc_test.item()))"
        "  # zoo: the values just printed\n",
}


def write_cora(folder: Path, seed: int = 0) -> None:
    """``cora.content`` (a line a paper: its id, its 0/1 word attributes, its class label,
    tab-separated) and ``cora.cites`` (a line a link: the cited paper's id, the citing
    paper's id), as the Cora files ``utils.load_data`` reads. A synthetic graph: each paper
    cites 3 papers, each of its own class with probability 0.8, else any paper; each word
    is present with probability 0.05, or 0.4 among the 12 of its class's vocabulary."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, len(CLASSES), NODES)
    ids = rng.choice(np.arange(1, 1_200_000), NODES, replace=False)  # Cora's are 35..1155073
    prob = np.full((NODES, FEATURES), 0.05)
    block = FEATURES // len(CLASSES) + 3
    for node, label in enumerate(labels):
        start = label * (FEATURES - block) // (len(CLASSES) - 1)
        prob[node, start:start + block] = 0.4
    words = (rng.random((NODES, FEATURES)) < prob).astype(int)
    members = [np.flatnonzero(labels == c) for c in range(len(CLASSES))]
    links: dict[tuple[int, int], None] = {}
    for node in range(NODES):
        for _ in range(3):
            cited = (rng.choice(members[labels[node]]) if rng.random() < 0.8
                     else rng.integers(NODES))
            if cited != node:
                links[(int(ids[cited]), int(ids[node]))] = None
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cora.content").write_text("".join(
        "\t".join([str(ids[node]), *map(str, words[node]), CLASSES[labels[node]]]) + "\n"
        for node in range(NODES)), encoding="utf-8")
    (folder / "cora.cites").write_text(
        "".join(f"{cited}\t{citing}\n" for cited, citing in links), encoding="utf-8")


def main() -> None:
    if os.environ.get("PYTHONHASHSEED") != "0":
        # load_data's encode_onehot numbers the classes in the order of a set of strings,
        # which follows Python's per-process string hash: the run again with the hash
        # seeded, before anything is printed (the same process, os.execv)
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *sys.argv])
    for name, (text, blob) in FILES.items():
        if git_blob_id(text) != blob:
            sys.exit(f"{name} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
        if name == "pygcn/train.py":
            text = with_lines(text, RECORD_LINES)
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text, encoding="utf-8")
    write_cora(Path("data/cora"))

    top = Path.cwd()
    sys.path.insert(0, str(top))  # train.py's `from pygcn.utils import ...`, as once installed
    record: list[tuple[int, float, float, float, float]] = []
    test: list[tuple[float, float]] = []
    sys.argv = ["train.py", *ARGS]
    os.chdir("pygcn")  # load_data's default path is "../data/cora/"
    try:
        runpy.run_path("train.py", init_globals={"ZOO_RECORD": record, "ZOO_TEST": test},
                       run_name="__main__")
    finally:
        os.chdir(top)
    sys.stdout.flush()
    epochs = [row[0] for row in record]
    assert epochs == list(range(1, EPOCHS + 1)) and len(test) == 1, (epochs, test)
    metrics = {name: series([(row[0], row[1 + i]) for row in record], "epoch",
                            tolerance=5e-5)
               for i, name in enumerate(["loss_train", "acc_train", "loss_val", "acc_val"])}
    metrics["test_loss"] = series([(EPOCHS, test[0][0])], "epoch", tolerance=5e-5)
    metrics["test_accuracy"] = series([(EPOCHS, test[0][1])], "epoch", tolerance=5e-5)
    write_truth(
        "pygcn (tkipf)", f"repo {SOURCE_COMMIT[:12]}",
        "the values train.py prints, kept by lines added after its two prints (RECORD_LINES): "
        "it keeps no record of its own",
        metrics, also_ok=["time", "Total_time_elapsed"],
        notes=f"{SOURCE_REPO} at {SOURCE_COMMIT} (no release), torch {version('torch')}, "
              f"numpy {np.__version__}, scipy {version('scipy')}; synthetic Cora files: "
              f"{NODES} papers, {len(CLASSES)} classes, {FEATURES} words; train 0..139, "
              f"validation 200..499, test 500..1499 (load_data's fixed ranges); "
              f"PYTHONHASHSEED=0")


# pygcn/__init__.py at SOURCE_COMMIT, verbatim (git blob 174cd9a5eef7632abe7cd776ff291a4245336753)
INIT_PY = r'''from __future__ import print_function
from __future__ import division

from .layers import *
from .models import *
from .utils import *'''


# pygcn/train.py at SOURCE_COMMIT, verbatim (git blob dca2d47e7c0a3082be8cf06ea13d84af775d9507)
TRAIN_PY = r'''from __future__ import division
from __future__ import print_function

import time
import argparse
import numpy as np

import torch
import torch.nn.functional as F
import torch.optim as optim

from pygcn.utils import load_data, accuracy
from pygcn.models import GCN

# Training settings
parser = argparse.ArgumentParser()
parser.add_argument('--no-cuda', action='store_true', default=False,
                    help='Disables CUDA training.')
parser.add_argument('--fastmode', action='store_true', default=False,
                    help='Validate during training pass.')
parser.add_argument('--seed', type=int, default=42, help='Random seed.')
parser.add_argument('--epochs', type=int, default=200,
                    help='Number of epochs to train.')
parser.add_argument('--lr', type=float, default=0.01,
                    help='Initial learning rate.')
parser.add_argument('--weight_decay', type=float, default=5e-4,
                    help='Weight decay (L2 loss on parameters).')
parser.add_argument('--hidden', type=int, default=16,
                    help='Number of hidden units.')
parser.add_argument('--dropout', type=float, default=0.5,
                    help='Dropout rate (1 - keep probability).')

args = parser.parse_args()
args.cuda = not args.no_cuda and torch.cuda.is_available()

np.random.seed(args.seed)
torch.manual_seed(args.seed)
if args.cuda:
    torch.cuda.manual_seed(args.seed)

# Load data
adj, features, labels, idx_train, idx_val, idx_test = load_data()

# Model and optimizer
model = GCN(nfeat=features.shape[1],
            nhid=args.hidden,
            nclass=labels.max().item() + 1,
            dropout=args.dropout)
optimizer = optim.Adam(model.parameters(),
                       lr=args.lr, weight_decay=args.weight_decay)

if args.cuda:
    model.cuda()
    features = features.cuda()
    adj = adj.cuda()
    labels = labels.cuda()
    idx_train = idx_train.cuda()
    idx_val = idx_val.cuda()
    idx_test = idx_test.cuda()


def train(epoch):
    t = time.time()
    model.train()
    optimizer.zero_grad()
    output = model(features, adj)
    loss_train = F.nll_loss(output[idx_train], labels[idx_train])
    acc_train = accuracy(output[idx_train], labels[idx_train])
    loss_train.backward()
    optimizer.step()

    if not args.fastmode:
        # Evaluate validation set performance separately,
        # deactivates dropout during validation run.
        model.eval()
        output = model(features, adj)

    loss_val = F.nll_loss(output[idx_val], labels[idx_val])
    acc_val = accuracy(output[idx_val], labels[idx_val])
    print('Epoch: {:04d}'.format(epoch+1),
          'loss_train: {:.4f}'.format(loss_train.item()),
          'acc_train: {:.4f}'.format(acc_train.item()),
          'loss_val: {:.4f}'.format(loss_val.item()),
          'acc_val: {:.4f}'.format(acc_val.item()),
          'time: {:.4f}s'.format(time.time() - t))


def test():
    model.eval()
    output = model(features, adj)
    loss_test = F.nll_loss(output[idx_test], labels[idx_test])
    acc_test = accuracy(output[idx_test], labels[idx_test])
    print("Test set results:",
          "loss= {:.4f}".format(loss_test.item()),
          "accuracy= {:.4f}".format(acc_test.item()))


# Train model
t_total = time.time()
for epoch in range(args.epochs):
    train(epoch)
print("Optimization Finished!")
print("Total time elapsed: {:.4f}s".format(time.time() - t_total))

# Testing
test()
'''


# pygcn/models.py at SOURCE_COMMIT, verbatim (git blob c28e2b005d09d1d820a337a0c5a714118d53f111)
MODELS_PY = r'''import torch.nn as nn
import torch.nn.functional as F
from pygcn.layers import GraphConvolution


class GCN(nn.Module):
    def __init__(self, nfeat, nhid, nclass, dropout):
        super(GCN, self).__init__()

        self.gc1 = GraphConvolution(nfeat, nhid)
        self.gc2 = GraphConvolution(nhid, nclass)
        self.dropout = dropout

    def forward(self, x, adj):
        x = F.relu(self.gc1(x, adj))
        x = F.dropout(x, self.dropout, training=self.training)
        x = self.gc2(x, adj)
        return F.log_softmax(x, dim=1)
'''


# pygcn/layers.py at SOURCE_COMMIT, verbatim (git blob 494ea71a7adbcd64002303301af3c04b514b329b)
LAYERS_PY = r'''import math

import torch

from torch.nn.parameter import Parameter
from torch.nn.modules.module import Module


class GraphConvolution(Module):
    """
    Simple GCN layer, similar to https://arxiv.org/abs/1609.02907
    """

    def __init__(self, in_features, out_features, bias=True):
        super(GraphConvolution, self).__init__()
        self.in_features = in_features
        self.out_features = out_features
        self.weight = Parameter(torch.FloatTensor(in_features, out_features))
        if bias:
            self.bias = Parameter(torch.FloatTensor(out_features))
        else:
            self.register_parameter('bias', None)
        self.reset_parameters()

    def reset_parameters(self):
        stdv = 1. / math.sqrt(self.weight.size(1))
        self.weight.data.uniform_(-stdv, stdv)
        if self.bias is not None:
            self.bias.data.uniform_(-stdv, stdv)

    def forward(self, input, adj):
        support = torch.mm(input, self.weight)
        output = torch.spmm(adj, support)
        if self.bias is not None:
            return output + self.bias
        else:
            return output

    def __repr__(self):
        return self.__class__.__name__ + ' (' \
               + str(self.in_features) + ' -> ' \
               + str(self.out_features) + ')'
'''


# pygcn/utils.py at SOURCE_COMMIT, verbatim (git blob 9b53c5bd78bcc384dc8ecfa1a662d753e6746aeb)
UTILS_PY = r'''import numpy as np
import scipy.sparse as sp
import torch


def encode_onehot(labels):
    classes = set(labels)
    classes_dict = {c: np.identity(len(classes))[i, :] for i, c in
                    enumerate(classes)}
    labels_onehot = np.array(list(map(classes_dict.get, labels)),
                             dtype=np.int32)
    return labels_onehot


def load_data(path="../data/cora/", dataset="cora"):
    """Load citation network dataset (cora only for now)"""
    print('Loading {} dataset...'.format(dataset))

    idx_features_labels = np.genfromtxt("{}{}.content".format(path, dataset),
                                        dtype=np.dtype(str))
    features = sp.csr_matrix(idx_features_labels[:, 1:-1], dtype=np.float32)
    labels = encode_onehot(idx_features_labels[:, -1])

    # build graph
    idx = np.array(idx_features_labels[:, 0], dtype=np.int32)
    idx_map = {j: i for i, j in enumerate(idx)}
    edges_unordered = np.genfromtxt("{}{}.cites".format(path, dataset),
                                    dtype=np.int32)
    edges = np.array(list(map(idx_map.get, edges_unordered.flatten())),
                     dtype=np.int32).reshape(edges_unordered.shape)
    adj = sp.coo_matrix((np.ones(edges.shape[0]), (edges[:, 0], edges[:, 1])),
                        shape=(labels.shape[0], labels.shape[0]),
                        dtype=np.float32)

    # build symmetric adjacency matrix
    adj = adj + adj.T.multiply(adj.T > adj) - adj.multiply(adj.T > adj)

    features = normalize(features)
    adj = normalize(adj + sp.eye(adj.shape[0]))

    idx_train = range(140)
    idx_val = range(200, 500)
    idx_test = range(500, 1500)

    features = torch.FloatTensor(np.array(features.todense()))
    labels = torch.LongTensor(np.where(labels)[1])
    adj = sparse_mx_to_torch_sparse_tensor(adj)

    idx_train = torch.LongTensor(idx_train)
    idx_val = torch.LongTensor(idx_val)
    idx_test = torch.LongTensor(idx_test)

    return adj, features, labels, idx_train, idx_val, idx_test


def normalize(mx):
    """Row-normalize sparse matrix"""
    rowsum = np.array(mx.sum(1))
    r_inv = np.power(rowsum, -1).flatten()
    r_inv[np.isinf(r_inv)] = 0.
    r_mat_inv = sp.diags(r_inv)
    mx = r_mat_inv.dot(mx)
    return mx


def accuracy(output, labels):
    preds = output.max(1)[1].type_as(labels)
    correct = preds.eq(labels).double()
    correct = correct.sum()
    return correct / len(labels)


def sparse_mx_to_torch_sparse_tensor(sparse_mx):
    """Convert a scipy sparse matrix to a torch sparse tensor."""
    sparse_mx = sparse_mx.tocoo().astype(np.float32)
    indices = torch.from_numpy(
        np.vstack((sparse_mx.row, sparse_mx.col)).astype(np.int64))
    values = torch.from_numpy(sparse_mx.data)
    shape = torch.Size(sparse_mx.shape)
    return torch.sparse.FloatTensor(indices, values, shape)
'''


# what the case writes into the cwd, as the repository lays it out: path -> (its text at
# SOURCE_COMMIT, its git blob id there)
FILES = {
    "pygcn/__init__.py": (INIT_PY, "174cd9a5eef7632abe7cd776ff291a4245336753"),
    "pygcn/train.py": (TRAIN_PY, "dca2d47e7c0a3082be8cf06ea13d84af775d9507"),
    "pygcn/models.py": (MODELS_PY, "c28e2b005d09d1d820a337a0c5a714118d53f111"),
    "pygcn/layers.py": (LAYERS_PY, "494ea71a7adbcd64002303301af3c04b514b329b"),
    "pygcn/utils.py": (UTILS_PY, "9b53c5bd78bcc384dc8ecfa1a662d753e6746aeb"),
}


if __name__ == "__main__":
    main()
