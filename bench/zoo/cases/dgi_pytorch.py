"""Deep Graph Infomax, Petar Veličković's reference PyTorch code (github.com/PetarV-/DGI; no
PyPI release: master at commit 61baf67d7052905c77bdeb28c22926f04e182362, 2020-04-12, its
last, "Update README.md") on the CPU build of torch 2.13.0 with numpy 2.4.6, scipy 1.17.1
and networkx 3.6.1. Its ``execute.py``, ``models/`` (``dgi.py``, ``logreg.py``),
``layers/`` (``gcn.py``, ``readout.py``, ``discriminator.py``) and ``utils/``
(``process.py``), with their ``__init__.py`` files, are held verbatim below, each checked
against its git blob id, written into the cwd as
the repository lays them out and run as its README runs them, ``python execute.py`` from the
checkout, in-process (``runpy``, as ``__main__``, the cwd first on ``sys.path`` for its
``from models import ...``). execute.py takes no arguments: its settings are constants, and
the case edits one of them, ``nb_epochs = 10000`` -> ``nb_epochs = 25`` (``NB_EPOCHS``),
so the run ends by that cap in about 35 s; every other constant is the repository's
(``patience = 20``, ``lr = 0.001``, ``hid_units = 512``, ``sparse = True``, PReLU). On
this CPU an epoch takes about a second (``nn.Bilinear``'s 512x512 discriminator over every
node, twice), and the loss still falls at epoch 25 (0.6931 -> 0.6409), so its early stopping
(20 epochs without a new best) never fires: ``Early stopping!`` is not printed; letting
it would take hundreds of epochs, as on Cora.
Three things the case sets around the verbatim files, none a change to them:
- ``utils/process.py`` imports ``eigsh`` (unused) from ``scipy.sparse.linalg.eigen.arpack``,
  a module SciPy 1.8 made private and no SciPy with a Python 3.11 wheel still has (1.7.3 is
  the last; torch 2.13.0's CPU wheel here is cp311 only): a stand-in module of that name
  holding ``scipy.sparse.linalg.eigsh`` is put in ``sys.modules``. The rest runs on today's
  stack: ``process.py``'s ``np.bool`` (``sample_mask``) is never called by execute.py, and
  networkx 3's ``adjacency_matrix`` (a sparse array) goes through ``normalize_adj``'s
  ``sp.coo_matrix``, so nothing older is pinned.
- execute.py's evaluation calls ``.cuda()`` unguarded (``tot.cuda()``, ``log.cuda()``,
  ``best_acc.cuda()``; only training asks ``torch.cuda.is_available()``), which fails on a
  build without CUDA: ``torch.Tensor.cuda`` and ``torch.nn.Module.cuda`` are made to return
  the tensor or module as it is (on the CPU).
- execute.py seeds nothing (torch's initialisation, numpy's ``np.random.permutation`` of
  the corruption): the case calls ``np.random.seed(0)`` and ``torch.manual_seed(0)`` first,
  so the run repeats (the same numbers on this machine).
Data: the case writes a synthetic graph in the Planetoid pickle format ``process.load_data``
reads (Kipf's ``data/ind.cora.{x,y,tx,ty,allx,ally,graph,test.index}``: scipy CSR feature
rows, one-hot label arrays, a ``defaultdict(list)`` adjacency, the test ids a line each,
shuffled), from numpy's ``default_rng(0)``: 700 nodes, 7 classes, 200 binary features
(each present with probability 0.02, or 0.3 among the 28 of the node's class), each node
linked to 2 others, of its own class with probability 0.8. ``load_data`` fixes the splits:
``idx_train`` the ``len(y)`` = 70 first nodes, ``idx_val`` the 500 after them (so allx holds
570 rows), ``idx_test`` the 130 of ``test.index``. Every node has a feature, so
``preprocess_features``' ``np.power(rowsum, -1)`` meets no zero row sum and warns nothing.

What it prints (execute.py's own ``print`` calls, stdout)::

    Loss: tensor(0.6931, grad_fn=<BinaryCrossEntropyWithLogitsBackward0>)
    ...
    Loss: tensor(0.6409, grad_fn=<BinaryCrossEntropyWithLogitsBackward0>)
    Loading 24th epoch
    tensor(0.3308)
    ... (50 lines: one logistic-regression run each)
    Average accuracy: tensor([0.3254])
    tensor(32.5385)
    tensor(0.4184)

(``print('Loss:', loss)`` each epoch, the BCE of the discriminator, before the Adam step;
``'Loading {}th epoch'.format(best_t)``, the best epoch counted from 0; then 50 logistic
regressions on the frozen embeddings, each printing its test accuracy ``print(acc)`` as a
bare tensor; ``print('Average accuracy:', tot / 50)``, a one-element tensor, hence the
brackets; ``print(accs.mean())`` and ``print(accs.std())`` of the accuracies x100, bare.
torch prints a float tensor with 4 decimals.) On stderr, before the first epoch, torch's
``process.py:211: UserWarning: torch.sparse.SparseTensor(indices, values, shape, *,
device=) is deprecated`` with its source line. The pipe's and the pty's output hold the same
lines in the same order (the pty ends them with ``\r\n``); 81 lines, 3 KB.

Truth: DGI keeps no record (no logger, no history; ``best_dgi.pkl`` is a checkpoint of the
weights), so the values execute.py computes are the record: five lines added to the stock
``execute.py`` (``RECORD_LINES``, no line changed), each right after a ``print``, append
what it printed (``loss.item()``, ``acc.item()``, ``(tot / 50).item()``,
``accs.mean().item()``, ``accs.std().item()``, full precision) to a dict the case passes in
(``runpy``'s ``init_globals``); nothing is parsed from stdout. Judgement calls
(docs/metrics.md):
- A tensor's repr is its value: what a user wants from ``tensor(0.6931, grad_fn=<...>)``
  is 0.6931 (the number inside, as ``.item()`` gives it), and from ``tensor([0.3254])``
  0.3254; ``grad_fn=<BinaryCrossEntropyWithLogitsBackward0>`` is no metric and no name.
- Names as printed: ``Loss`` (one value an epoch, axis ``epoch`` as execute.py's loop
  counts it, from 0, the count ``Loading 24th epoch`` uses; 25 values) and
  ``Average_accuracy`` (``Average accuracy:``, no set's label, words joined: one value, put
  at the last epoch, 24; printed after training with no epoch of its own).
- The bare ``tensor(0.3308)`` lines (50 accuracies), ``tensor(32.5385)`` (their mean x100)
  and ``tensor(0.4184)`` (their std x100) carry no name on the line: the script's variables
  (``acc``, ``accs``) are not printed, so no rule can name them, and they are no truth
  metric (kept in ``notes`` for the record); a name recorded from them is junk.
- Tolerances: torch's 4 decimals -> 5e-5 for both.
- ``also_ok``: none (nothing printed is a timing, throughput or learning rate).
- Not metrics: ``Loading 24th epoch`` (the best epoch's index).
"""
# zoo-venv: dgi

import pickle
import runpy
import sys
import types
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines

SOURCE_REPO = "PetarV-/DGI"
SOURCE_COMMIT = "61baf67d7052905c77bdeb28c22926f04e182362"
# the one constant the case edits in execute.py: its epoch cap (early stopping ends the run)
EPOCHS_LINE = "nb_epochs = 10000\n"
NB_EPOCHS = 25
SEED = 0
# the synthetic Planetoid graph: x/y the first LABELLED nodes (load_data's idx_train),
# allx/ally the first ALL nodes (idx_val is the 500 after idx_train), tx/ty the rest (test)
NODES, ALL, LABELLED, FEATURES, CLASSES = 700, 570, 70, 200, 7

# the record: lines added to execute.py right after what they keep (anchor -> the line
# after it); no line of the stock text changed
RECORD_LINES = {
    "    print('Loss:', loss)\n":
        "    ZOO['loss'].append((epoch, loss.item()))  # zoo: the value just printed\n",
    "    print(acc)\n":
        "    ZOO['acc'].append(acc.item())  # zoo: the value just printed\n",
    "print('Average accuracy:', tot / 50)\n":
        "ZOO['average'].append((tot / 50).item())  # zoo: the value just printed\n",
    "print(accs.mean())\n":
        "ZOO['mean'].append(accs.mean().item())  # zoo: the value just printed\n",
    "print(accs.std())\n":
        "ZOO['std'].append(accs.std().item())  # zoo: the value just printed\n",
}


def write_planetoid(folder: Path, seed: int = 0) -> None:
    """``ind.cora.{x,y,tx,ty,allx,ally,graph,test.index}`` as Kipf's Planetoid splits lay
    them out (``process.load_data`` reads them): x/allx/tx scipy CSR feature rows, y/ally/ty
    one-hot label arrays, graph a ``defaultdict(list)`` of each node's neighbours, test.index
    the test nodes' ids (``ALL``.. ``NODES - 1``) a line each, shuffled as Cora's are."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, CLASSES, NODES)
    prob = np.full((NODES, FEATURES), 0.02)
    block = FEATURES // CLASSES
    for node, label in enumerate(labels):
        prob[node, label * block:(label + 1) * block] = 0.3
    words = (rng.random((NODES, FEATURES)) < prob).astype(np.float32)
    onehot = np.eye(CLASSES, dtype=np.int64)[labels]
    members = [np.flatnonzero(labels == c) for c in range(CLASSES)]
    graph: defaultdict[int, list[int]] = defaultdict(list)
    for node in range(NODES):
        for _ in range(2):
            other = int(rng.choice(members[labels[node]]) if rng.random() < 0.8
                        else rng.integers(NODES))
            if other != node and other not in graph[node]:
                graph[node].append(other)
                graph[other].append(node)
    test_ids = rng.permutation(np.arange(ALL, NODES))
    # tx/ty rows in the sorted test ids' order; load_data puts row i at test_idx_reorder[i]
    # (features[test_idx_reorder, :] = features[test_idx_range, :]), so row i is the node
    # test.index names on its line i
    objects = {
        "x": sp.csr_matrix(words[:LABELLED]), "y": onehot[:LABELLED],
        "tx": sp.csr_matrix(words[test_ids]), "ty": onehot[test_ids],
        "allx": sp.csr_matrix(words[:ALL]), "ally": onehot[:ALL], "graph": graph,
    }
    folder.mkdir(parents=True, exist_ok=True)
    for name, obj in objects.items():
        with open(folder / f"ind.cora.{name}", "wb") as handle:
            pickle.dump(obj, handle, protocol=2)
    (folder / "ind.cora.test.index").write_text(
        "".join(f"{node}\n" for node in test_ids), encoding="utf-8")


def main() -> None:
    for name, (text, blob) in FILES.items():
        if git_blob_id(text) != blob:
            sys.exit(f"{name} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
        if name == "execute.py":
            text = with_lines(text, RECORD_LINES)
            assert text.count(EPOCHS_LINE) == 1
            text = text.replace(EPOCHS_LINE, f"nb_epochs = {NB_EPOCHS}\n")
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text, encoding="utf-8")
    write_planetoid(Path("data"))

    import scipy.sparse.linalg
    import torch

    # process.py's unused `from scipy.sparse.linalg.eigen.arpack import eigsh`: SciPy 1.8
    # made that module private (scipy.sparse.linalg._eigen.arpack); eigsh itself is public
    stand_in = types.ModuleType("scipy.sparse.linalg.eigen.arpack")
    stand_in.eigsh = scipy.sparse.linalg.eigsh  # type: ignore[attr-defined]
    sys.modules[stand_in.__name__] = stand_in
    # execute.py's evaluation calls .cuda() unguarded (tot, best_acc, log): on a machine
    # without CUDA they keep the tensor or module where it is (the CPU)
    torch.Tensor.cuda = lambda self, *args, **kwargs: self  # type: ignore[method-assign]
    torch.nn.Module.cuda = lambda self, *args, **kwargs: self  # type: ignore[method-assign]
    np.random.seed(SEED)  # execute.py seeds nothing: its shuffles draw from numpy's global
    torch.manual_seed(SEED)

    sys.path.insert(0, str(Path.cwd()))  # `from models import ...`, as run from the checkout
    record: dict[str, list] = {"loss": [], "acc": [], "average": [], "mean": [], "std": []}
    sys.argv = ["execute.py"]
    runpy.run_path("execute.py", init_globals={"ZOO": record}, run_name="__main__")
    sys.stdout.flush()
    epochs = [epoch for epoch, _ in record["loss"]]
    assert epochs == list(range(len(epochs))) and 0 < len(epochs) <= NB_EPOCHS, epochs
    assert len(record["acc"]) == 50 and len(record["average"]) == 1, record
    last = epochs[-1]
    metrics = {
        "Loss": series(record["loss"], "epoch", tolerance=5e-5),
        "Average_accuracy": series([(last, record["average"][0])], "epoch", tolerance=5e-5),
    }
    write_truth(
        "DGI (PetarV-)", f"repo {SOURCE_COMMIT[:12]}",
        "the values execute.py prints, kept by lines added after its prints (RECORD_LINES): "
        "it keeps no record of its own",
        metrics,
        notes=f"{SOURCE_REPO} at {SOURCE_COMMIT} (no release), execute.py's nb_epochs = "
              f"{NB_EPOCHS} (10000 in the repository); torch {version('torch')}, numpy "
              f"{np.__version__}, scipy {version('scipy')}, networkx {version('networkx')}; "
              f"synthetic Planetoid files: {NODES} nodes, {CLASSES} classes, {FEATURES} "
              f"features; train 0..{LABELLED - 1}, validation {LABELLED}..{LABELLED + 499}, "
              f"test {ALL}..{NODES - 1}; unnamed prints kept here, not metrics: the 50 "
              f"logistic-regression test accuracies {[round(a, 6) for a in record['acc']]}, "
              f"their mean x100 {record['mean'][0]:.6f} and std x100 {record['std'][0]:.6f}")


# execute.py at SOURCE_COMMIT, verbatim
# (git blob 26d31bf975e78a84cdc86c845fce73fc4e233ee7)
EXECUTE_PY = r'''import numpy as np
import scipy.sparse as sp
import torch
import torch.nn as nn

from models import DGI, LogReg
from utils import process

dataset = 'cora'

# training params
batch_size = 1
nb_epochs = 10000
patience = 20
lr = 0.001
l2_coef = 0.0
drop_prob = 0.0
hid_units = 512
sparse = True
nonlinearity = 'prelu' # special name to separate parameters

adj, features, labels, idx_train, idx_val, idx_test = process.load_data(dataset)
features, _ = process.preprocess_features(features)

nb_nodes = features.shape[0]
ft_size = features.shape[1]
nb_classes = labels.shape[1]

adj = process.normalize_adj(adj + sp.eye(adj.shape[0]))

if sparse:
    sp_adj = process.sparse_mx_to_torch_sparse_tensor(adj)
else:
    adj = (adj + sp.eye(adj.shape[0])).todense()

features = torch.FloatTensor(features[np.newaxis])
if not sparse:
    adj = torch.FloatTensor(adj[np.newaxis])
labels = torch.FloatTensor(labels[np.newaxis])
idx_train = torch.LongTensor(idx_train)
idx_val = torch.LongTensor(idx_val)
idx_test = torch.LongTensor(idx_test)

model = DGI(ft_size, hid_units, nonlinearity)
optimiser = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=l2_coef)

if torch.cuda.is_available():
    print('Using CUDA')
    model.cuda()
    features = features.cuda()
    if sparse:
        sp_adj = sp_adj.cuda()
    else:
        adj = adj.cuda()
    labels = labels.cuda()
    idx_train = idx_train.cuda()
    idx_val = idx_val.cuda()
    idx_test = idx_test.cuda()

b_xent = nn.BCEWithLogitsLoss()
xent = nn.CrossEntropyLoss()
cnt_wait = 0
best = 1e9
best_t = 0

for epoch in range(nb_epochs):
    model.train()
    optimiser.zero_grad()

    idx = np.random.permutation(nb_nodes)
    shuf_fts = features[:, idx, :]

    lbl_1 = torch.ones(batch_size, nb_nodes)
    lbl_2 = torch.zeros(batch_size, nb_nodes)
    lbl = torch.cat((lbl_1, lbl_2), 1)

    if torch.cuda.is_available():
        shuf_fts = shuf_fts.cuda()
        lbl = lbl.cuda()
    
    logits = model(features, shuf_fts, sp_adj if sparse else adj, sparse, None, None, None) 

    loss = b_xent(logits, lbl)

    print('Loss:', loss)

    if loss < best:
        best = loss
        best_t = epoch
        cnt_wait = 0
        torch.save(model.state_dict(), 'best_dgi.pkl')
    else:
        cnt_wait += 1

    if cnt_wait == patience:
        print('Early stopping!')
        break

    loss.backward()
    optimiser.step()

print('Loading {}th epoch'.format(best_t))
model.load_state_dict(torch.load('best_dgi.pkl'))

embeds, _ = model.embed(features, sp_adj if sparse else adj, sparse, None)
train_embs = embeds[0, idx_train]
val_embs = embeds[0, idx_val]
test_embs = embeds[0, idx_test]

train_lbls = torch.argmax(labels[0, idx_train], dim=1)
val_lbls = torch.argmax(labels[0, idx_val], dim=1)
test_lbls = torch.argmax(labels[0, idx_test], dim=1)

tot = torch.zeros(1)
tot = tot.cuda()

accs = []

for _ in range(50):
    log = LogReg(hid_units, nb_classes)
    opt = torch.optim.Adam(log.parameters(), lr=0.01, weight_decay=0.0)
    log.cuda()

    pat_steps = 0
    best_acc = torch.zeros(1)
    best_acc = best_acc.cuda()
    for _ in range(100):
        log.train()
        opt.zero_grad()

        logits = log(train_embs)
        loss = xent(logits, train_lbls)
        
        loss.backward()
        opt.step()

    logits = log(test_embs)
    preds = torch.argmax(logits, dim=1)
    acc = torch.sum(preds == test_lbls).float() / test_lbls.shape[0]
    accs.append(acc * 100)
    print(acc)
    tot += acc

print('Average accuracy:', tot / 50)

accs = torch.stack(accs)
print(accs.mean())
print(accs.std())

'''  # noqa: W291, W293


# models/__init__.py at SOURCE_COMMIT, verbatim
# (git blob 085fa8bac26de9bc4c9d0a67f5d8a59b0ae99581)
MODELS_INIT_PY = r'''from .dgi import DGI
from .logreg import LogReg
'''


# models/dgi.py at SOURCE_COMMIT, verbatim
# (git blob 3c962ebac3f5341e927bc15bb5d68882540b0c81)
MODELS_DGI_PY = r'''import torch
import torch.nn as nn
from layers import GCN, AvgReadout, Discriminator

class DGI(nn.Module):
    def __init__(self, n_in, n_h, activation):
        super(DGI, self).__init__()
        self.gcn = GCN(n_in, n_h, activation)
        self.read = AvgReadout()

        self.sigm = nn.Sigmoid()

        self.disc = Discriminator(n_h)

    def forward(self, seq1, seq2, adj, sparse, msk, samp_bias1, samp_bias2):
        h_1 = self.gcn(seq1, adj, sparse)

        c = self.read(h_1, msk)
        c = self.sigm(c)

        h_2 = self.gcn(seq2, adj, sparse)

        ret = self.disc(c, h_1, h_2, samp_bias1, samp_bias2)

        return ret

    # Detach the return variables
    def embed(self, seq, adj, sparse, msk):
        h_1 = self.gcn(seq, adj, sparse)
        c = self.read(h_1, msk)

        return h_1.detach(), c.detach()

'''


# models/logreg.py at SOURCE_COMMIT, verbatim
# (git blob bb223815d9eadd9372a461af99ab8a43adcc9b89)
MODELS_LOGREG_PY = r'''import torch
import torch.nn as nn
import torch.nn.functional as F

class LogReg(nn.Module):
    def __init__(self, ft_in, nb_classes):
        super(LogReg, self).__init__()
        self.fc = nn.Linear(ft_in, nb_classes)

        for m in self.modules():
            self.weights_init(m)

    def weights_init(self, m):
        if isinstance(m, nn.Linear):
            torch.nn.init.xavier_uniform_(m.weight.data)
            if m.bias is not None:
                m.bias.data.fill_(0.0)

    def forward(self, seq):
        ret = self.fc(seq)
        return ret

'''


# layers/__init__.py at SOURCE_COMMIT, verbatim
# (git blob 617140e13ba6ea8db6a85430c475a29c01f40c30)
LAYERS_INIT_PY = r'''from .gcn import GCN
from .readout import AvgReadout
from .discriminator import Discriminator
'''


# layers/gcn.py at SOURCE_COMMIT, verbatim
# (git blob 6391698a6911b309bea90005e289bbfe1503ba4f)
LAYERS_GCN_PY = r'''import torch
import torch.nn as nn

class GCN(nn.Module):
    def __init__(self, in_ft, out_ft, act, bias=True):
        super(GCN, self).__init__()
        self.fc = nn.Linear(in_ft, out_ft, bias=False)
        self.act = nn.PReLU() if act == 'prelu' else act
        
        if bias:
            self.bias = nn.Parameter(torch.FloatTensor(out_ft))
            self.bias.data.fill_(0.0)
        else:
            self.register_parameter('bias', None)

        for m in self.modules():
            self.weights_init(m)

    def weights_init(self, m):
        if isinstance(m, nn.Linear):
            torch.nn.init.xavier_uniform_(m.weight.data)
            if m.bias is not None:
                m.bias.data.fill_(0.0)

    # Shape of seq: (batch, nodes, features)
    def forward(self, seq, adj, sparse=False):
        seq_fts = self.fc(seq)
        if sparse:
            out = torch.unsqueeze(torch.spmm(adj, torch.squeeze(seq_fts, 0)), 0)
        else:
            out = torch.bmm(adj, seq_fts)
        if self.bias is not None:
            out += self.bias
        
        return self.act(out)

'''  # noqa: W293


# layers/readout.py at SOURCE_COMMIT, verbatim
# (git blob 9c10b01b8aec8dd96cb829f2d90d8e409d80936c)
LAYERS_READOUT_PY = r'''import torch
import torch.nn as nn

# Applies an average on seq, of shape (batch, nodes, features)
# While taking into account the masking of msk
class AvgReadout(nn.Module):
    def __init__(self):
        super(AvgReadout, self).__init__()

    def forward(self, seq, msk):
        if msk is None:
            return torch.mean(seq, 1)
        else:
            msk = torch.unsqueeze(msk, -1)
            return torch.sum(seq * msk, 1) / torch.sum(msk)

'''


# layers/discriminator.py at SOURCE_COMMIT, verbatim
# (git blob 7505c3c514057509f29d2b702b8a11ab2af30470)
LAYERS_DISCRIMINATOR_PY = r'''import torch
import torch.nn as nn

class Discriminator(nn.Module):
    def __init__(self, n_h):
        super(Discriminator, self).__init__()
        self.f_k = nn.Bilinear(n_h, n_h, 1)

        for m in self.modules():
            self.weights_init(m)

    def weights_init(self, m):
        if isinstance(m, nn.Bilinear):
            torch.nn.init.xavier_uniform_(m.weight.data)
            if m.bias is not None:
                m.bias.data.fill_(0.0)

    def forward(self, c, h_pl, h_mi, s_bias1=None, s_bias2=None):
        c_x = torch.unsqueeze(c, 1)
        c_x = c_x.expand_as(h_pl)

        sc_1 = torch.squeeze(self.f_k(h_pl, c_x), 2)
        sc_2 = torch.squeeze(self.f_k(h_mi, c_x), 2)

        if s_bias1 is not None:
            sc_1 += s_bias1
        if s_bias2 is not None:
            sc_2 += s_bias2

        logits = torch.cat((sc_1, sc_2), 1)

        return logits

'''


# utils/__init__.py at SOURCE_COMMIT, verbatim
# (git blob e69de29bb2d1d6434b8b29ae775ad8c2e48c5391)
UTILS_INIT_PY = r''''''


# utils/process.py at SOURCE_COMMIT, verbatim
# (git blob cc07ad2835fab5fd8ca41185f13e09175cf772ea)
UTILS_PROCESS_PY = r'''import numpy as np
import pickle as pkl
import networkx as nx
import scipy.sparse as sp
from scipy.sparse.linalg.eigen.arpack import eigsh
import sys
import torch
import torch.nn as nn

def parse_skipgram(fname):
    with open(fname) as f:
        toks = list(f.read().split())
    nb_nodes = int(toks[0])
    nb_features = int(toks[1])
    ret = np.empty((nb_nodes, nb_features))
    it = 2
    for i in range(nb_nodes):
        cur_nd = int(toks[it]) - 1
        it += 1
        for j in range(nb_features):
            cur_ft = float(toks[it])
            ret[cur_nd][j] = cur_ft
            it += 1
    return ret

# Process a (subset of) a TU dataset into standard form
def process_tu(data, nb_nodes):
    nb_graphs = len(data)
    ft_size = data.num_features

    features = np.zeros((nb_graphs, nb_nodes, ft_size))
    adjacency = np.zeros((nb_graphs, nb_nodes, nb_nodes))
    labels = np.zeros(nb_graphs)
    sizes = np.zeros(nb_graphs, dtype=np.int32)
    masks = np.zeros((nb_graphs, nb_nodes))
       
    for g in range(nb_graphs):
        sizes[g] = data[g].x.shape[0]
        features[g, :sizes[g]] = data[g].x
        labels[g] = data[g].y[0]
        masks[g, :sizes[g]] = 1.0
        e_ind = data[g].edge_index
        coo = sp.coo_matrix((np.ones(e_ind.shape[1]), (e_ind[0, :], e_ind[1, :])), shape=(nb_nodes, nb_nodes))
        adjacency[g] = coo.todense()

    return features, adjacency, labels, sizes, masks

def micro_f1(logits, labels):
    # Compute predictions
    preds = torch.round(nn.Sigmoid()(logits))
    
    # Cast to avoid trouble
    preds = preds.long()
    labels = labels.long()

    # Count true positives, true negatives, false positives, false negatives
    tp = torch.nonzero(preds * labels).shape[0] * 1.0
    tn = torch.nonzero((preds - 1) * (labels - 1)).shape[0] * 1.0
    fp = torch.nonzero(preds * (labels - 1)).shape[0] * 1.0
    fn = torch.nonzero((preds - 1) * labels).shape[0] * 1.0

    # Compute micro-f1 score
    prec = tp / (tp + fp)
    rec = tp / (tp + fn)
    f1 = (2 * prec * rec) / (prec + rec)
    return f1

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

    return adj, features, labels, idx_train, idx_val, idx_test

def sparse_to_tuple(sparse_mx, insert_batch=False):
    """Convert sparse matrix to tuple representation."""
    """Set insert_batch=True if you want to insert a batch dimension."""
    def to_tuple(mx):
        if not sp.isspmatrix_coo(mx):
            mx = mx.tocoo()
        if insert_batch:
            coords = np.vstack((np.zeros(mx.row.shape[0]), mx.row, mx.col)).transpose()
            values = mx.data
            shape = (1,) + mx.shape
        else:
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

def sparse_mx_to_torch_sparse_tensor(sparse_mx):
    """Convert a scipy sparse matrix to a torch sparse tensor."""
    sparse_mx = sparse_mx.tocoo().astype(np.float32)
    indices = torch.from_numpy(
        np.vstack((sparse_mx.row, sparse_mx.col)).astype(np.int64))
    values = torch.from_numpy(sparse_mx.data)
    shape = torch.Size(sparse_mx.shape)
    return torch.sparse.FloatTensor(indices, values, shape)
'''  # noqa: E501, W293


# what the case writes into the cwd, as the repository lays it out: path -> (its text at
# SOURCE_COMMIT, its git blob id there)
FILES = {
    "execute.py":
        (EXECUTE_PY, "26d31bf975e78a84cdc86c845fce73fc4e233ee7"),
    "models/__init__.py":
        (MODELS_INIT_PY, "085fa8bac26de9bc4c9d0a67f5d8a59b0ae99581"),
    "models/dgi.py":
        (MODELS_DGI_PY, "3c962ebac3f5341e927bc15bb5d68882540b0c81"),
    "models/logreg.py":
        (MODELS_LOGREG_PY, "bb223815d9eadd9372a461af99ab8a43adcc9b89"),
    "layers/__init__.py":
        (LAYERS_INIT_PY, "617140e13ba6ea8db6a85430c475a29c01f40c30"),
    "layers/gcn.py":
        (LAYERS_GCN_PY, "6391698a6911b309bea90005e289bbfe1503ba4f"),
    "layers/readout.py":
        (LAYERS_READOUT_PY, "9c10b01b8aec8dd96cb829f2d90d8e409d80936c"),
    "layers/discriminator.py":
        (LAYERS_DISCRIMINATOR_PY, "7505c3c514057509f29d2b702b8a11ab2af30470"),
    "utils/__init__.py":
        (UTILS_INIT_PY, "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"),
    "utils/process.py":
        (UTILS_PROCESS_PY, "cc07ad2835fab5fd8ca41185f13e09175cf772ea"),
}

if __name__ == "__main__":
    main()
