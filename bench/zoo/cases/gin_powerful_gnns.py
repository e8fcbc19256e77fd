"""The Graph Isomorphism Network's reference code, "How Powerful are Graph Neural Networks?"
(Xu, Hu, Leskovec, Jegelka, ICLR 2019; github.com/weihua916/powerful-gnns, no PyPI release:
master at commit 9a2ce8ac3e99278307093a464a95caf0fb04b602, 2021-07-01, its last, "Create
LICENSE"; its code last changed on 2018-12-28) on the CPU build of torch 2.13.0 with networkx
3.6.1, scikit-learn 1.9.1, tqdm 4.70.1 and numpy 2.4.6. Its ``main.py``, ``util.py`` and
``models/`` (``graphcnn.py``, ``mlp.py``) are held verbatim below, each checked against its
git blob id, written into the cwd as the repository lays them out and run as its README runs
them, from the checkout, in-process (``runpy``, as ``__main__``, the cwd first on
``sys.path`` for its ``from models.graphcnn import GraphCNN``; graphcnn.py itself appends
``models/`` for its ``from mlp import MLP``), as
``python main.py --dataset MUTAG --epochs 5 --iters_per_epoch 10`` (``ARGV``): 5 of its 350
default epochs and 10 of its 50 default batches an epoch, so the run takes about 5 s of CPU;
every other flag is its default (batch 32, Adam lr 0.01 with ``StepLR(step_size=50,
gamma=0.5)``, 5 GIN layers with 2-layer MLPs, hidden 64, sum pooling of neighbours and of
the graph, final dropout 0.5, eps not learnt, ``--seed 0 --fold_idx 0``: the first of
StratifiedKFold's 10 folds is the test set). main.py seeds torch and numpy itself
(``torch.manual_seed(0)``, ``np.random.seed(0)``: the batches are
``np.random.permutation`` draws), so the run repeats. ``--filename`` is not given: main.py
would write only the last epoch's ``"%f %f %f"`` there, overwriting the file each epoch,
six decimals (no fuller record than what it prints), so it is no record to read.
Nothing is patched: main.py's ``torch.sparse.FloatTensor`` and its ``scheduler.step()``
before the first ``optimizer.step()`` still run on torch 2.13.0, each with a UserWarning.

Data: ``load_data`` reads ``dataset/MUTAG/MUTAG.txt`` (the repository ships the real
files zipped in ``dataset.zip``, whose blob the stored snapshot lacks; MUTAG is 188
molecules anyway): the case writes a synthetic one in that format, from numpy's
``default_rng(0)`` (``write_mutag``): a line with the graph count, then per graph ``n
label`` and a line per node ``tag degree neighbour...`` (no node attributes). 60 graphs of
10-20 nodes, each a random tree plus ``n // 5`` extra edges, node tags 0-6 drawn as MUTAG's
seven atom types are spread (mostly 0, "C"), labels 1 and -1 as MUTAG's: 1 where the graph
has at least two nodes of tag 1 ("N"), so there is something to learn. Fold 0 leaves 54
training and 6 test graphs.

What it prints (stdout, main.py's and util.py's ``print``)::

    loading data
    # classes: 2
    # maximum node tag: 7
    # data: 60
    loss training: 3.036868
    accuracy train: 0.629630 test: 0.666667

    Parameter containing:
    tensor([0., 0., 0., 0.], requires_grad=True)

(the last four lines once an epoch: ``print("loss training: %f" % (average_loss))``, the
mean of the epoch's 10 batch losses, each taken before that batch's Adam step;
``print("accuracy train: %f test: %f" % (acc_train, acc_test))``, the evaluation of both
sets after the epoch; an empty line; ``print(model.eps)``, the unlearnt eps parameter),
the loss falling from 3.036868 to 0.141345 over the 5 epochs. On stderr, tqdm's bar for
each epoch's batches, ``unit='batch'``, first bare (``  0%|          | 0/10 [00:00<?,
?batch/s]``), then described ``epoch: N`` from the first batch on
(``pbar.set_description('epoch: %d' % (epoch))`` after each batch), redrawn with ``\\r``
and closed with a newline::

    epoch: 1: 100%|██████████| 10/10 [00:00<00:00, 36.07batch/s]

(the pipe's 10-column bar; the pty's fills its 120 columns), and torch's two UserWarnings
with their source lines, once each: ``main.py:143: UserWarning: Detected call of
`lr_scheduler.step()` before `optimizer.step()`...`` and ``.../models/graphcnn.py:134:
UserWarning: torch.sparse.SparseTensor(indices, values, shape, *, device=) is
deprecated...`` (the second printed after the first bare frame; line 143 is the stock
file's 141, moved by the two record lines below). The pipe's and the pty's output hold the
same lines in the same order (38 each, 6 KB and 13 KB: the pty's lines end with ``\\r\\n``
and its bars are wider).

Truth: GIN keeps no record (no logger, no history, no checkpoint; ``--filename`` above), so
the values main.py computes are the record: two lines added to the stock ``main.py``
(``RECORD_LINES``, no line changed), each right after a ``print``, append what it printed
(``float(average_loss)``, the numpy float32 mean; ``acc_train``, ``acc_test``, Python
floats) to a list the case passes in (``runpy``'s ``init_globals``); nothing is parsed from
stdout. Judgement calls (docs/metrics.md):
- Names as printed, the words joined (docs' "Phrases"; a phase word after a name qualifies it
  in place, ``val_loss valid:`` -> ``val_loss_valid``): ``loss training:`` ->
  ``loss_training``; ``accuracy train: X test: Y`` prints one quantity for two splits, the
  name first and then each split's key and value, so ``accuracy_train`` and
  ``accuracy_test`` (as ``Loss train/val: 0.5/0.4`` is two series, one a phase). A bare
  ``test`` (the second key alone) would lose what it measures. A call that could go the
  other way on the word order (``training_loss``, ``train_accuracy``: the phase first, as
  ``merge.name_key`` takes them alike); the truth keeps the printed order.
- One value an epoch each, axis ``epoch`` as main.py counts it (``range(1, args.epochs +
  1)``, from 1, the number in the bar's ``epoch: N``); 5 values each.
- Tolerances: ``%f``'s six decimals -> 5e-7 for all three.
- ``also_ok``: ``batch/s`` and ``s/batch`` (tqdm's rate, ``unit='batch'``; it prints
  ``s/batch`` when a batch takes over a second).
- Not metrics: ``# classes: 2``, ``# maximum node tag: 7``, ``# data: 60`` (the data
  set's counts, printed once before training), ``tensor([0., 0., 0., 0.],
  requires_grad=True)`` (the eps parameter, unnamed on its line and never learnt: zeros),
  the bar's ``epoch: N`` (the epoch) and ``10/10`` (its batch count).
"""
# zoo-venv: gin

import runpy
import sys
from importlib.metadata import version
from pathlib import Path

import numpy as np
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines

SOURCE_REPO = "weihua916/powerful-gnns"
SOURCE_COMMIT = "9a2ce8ac3e99278307093a464a95caf0fb04b602"
EPOCHS, ITERS = 5, 10  # of main.py's 350 and 50
ARGV = ["main.py", "--dataset", "MUTAG", "--epochs", str(EPOCHS),
        "--iters_per_epoch", str(ITERS)]
GRAPHS, MIN_NODES, MAX_NODES = 60, 10, 20
# MUTAG's seven atom types (C, N, O, F, I, Cl, Br), about as often as in its molecules
TAG_SHARES = [0.62, 0.14, 0.16, 0.02, 0.02, 0.02, 0.02]

# the record: lines added to main.py right after what they keep (anchor -> the line after
# it); no line of the stock text changed
RECORD_LINES = {
    '    print("loss training: %f" % (average_loss))\n':
        "    ZOO_RECORD.append(('loss', epoch, float(average_loss)))"
        "  # zoo: the value just printed\n",
    '    print("accuracy train: %f test: %f" % (acc_train, acc_test))\n':
        "    ZOO_RECORD.append(('accuracy', epoch, acc_train, acc_test))"
        "  # zoo: the values just printed\n",
}


def write_mutag(path: Path, seed: int = 0) -> tuple[int, int]:
    """``load_data``'s text format: the graph count, then per graph ``n label`` and one line
    per node, ``tag degree neighbour...`` (each edge listed at both ends). Returns how many
    graphs have each label (1, -1)."""
    rng = np.random.default_rng(seed)
    lines = [f"{GRAPHS}"]
    counts = {1: 0, -1: 0}
    for _ in range(GRAPHS):
        n = int(rng.integers(MIN_NODES, MAX_NODES + 1))
        edges = {(int(rng.integers(v)), v) for v in range(1, n)}  # a random tree
        while len(edges) < n - 1 + n // 5:  # and a few rings
            a, b = sorted(int(v) for v in rng.choice(n, 2, replace=False))
            edges.add((a, b))
        neighbours: list[list[int]] = [[] for _ in range(n)]
        for a, b in sorted(edges):
            neighbours[a].append(b)
            neighbours[b].append(a)
        tags = rng.choice(len(TAG_SHARES), n, p=TAG_SHARES)
        label = 1 if int((tags == 1).sum()) >= 2 else -1
        counts[label] += 1
        lines.append(f"{n} {label}")
        lines.extend(" ".join(str(v) for v in [int(tags[node]), len(neighbours[node]),
                                                *neighbours[node]]) for node in range(n))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return counts[1], counts[-1]


def main() -> None:
    for name, (text, blob) in FILES.items():
        if git_blob_id(text) != blob:
            sys.exit(f"{name} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
        if name == "main.py":
            text = with_lines(text, RECORD_LINES)
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text, encoding="utf-8")
    positive, negative = write_mutag(Path("dataset/MUTAG/MUTAG.txt"))
    # StratifiedKFold(n_splits=10) wants ten graphs of each label
    assert min(positive, negative) >= 10, (positive, negative)

    sys.path.insert(0, str(Path.cwd()))  # `from models.graphcnn import ...`, as in its repo
    record: list[tuple] = []
    sys.argv = list(ARGV)
    runpy.run_path("main.py", init_globals={"ZOO_RECORD": record}, run_name="__main__")
    sys.stdout.flush()

    loss = [(epoch, value) for kind, epoch, value, *_ in record if kind == "loss"]
    accuracy = [row[1:] for row in record if row[0] == "accuracy"]
    epochs = list(range(1, EPOCHS + 1))
    assert [e for e, _ in loss] == epochs and [e for e, *_ in accuracy] == epochs, record
    write_truth(
        "GIN (powerful-gnns)", f"repo {SOURCE_COMMIT[:12]}",
        "the values main.py prints, kept by lines added after its prints (RECORD_LINES): "
        "it keeps no record of its own",
        {"loss_training": series(loss, "epoch", tolerance=5e-7),
         "accuracy_train": series([(e, train) for e, train, _ in accuracy], "epoch",
                                  tolerance=5e-7),
         "accuracy_test": series([(e, test) for e, _, test in accuracy], "epoch",
                                 tolerance=5e-7)},
        also_ok=["batch/s", "s/batch"],
        notes=f"{SOURCE_REPO} at {SOURCE_COMMIT} (no release), run as python "
              f"{' '.join(ARGV)}; torch {version('torch')}, networkx {version('networkx')}, "
              f"scikit-learn {version('scikit-learn')}, tqdm {version('tqdm')}, numpy "
              f"{np.__version__}; synthetic dataset/MUTAG/MUTAG.txt: {GRAPHS} graphs "
              f"({positive} labelled 1, {negative} labelled -1), {MIN_NODES}-{MAX_NODES} "
              f"nodes, 7 node tags; fold 0 of 10 is the test set")


# main.py at SOURCE_COMMIT, verbatim
# (git blob d5cddb1bf976358405b67cc3c04b82193baac058)
MAIN_PY = r'''import argparse
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import numpy as np

from tqdm import tqdm

from util import load_data, separate_data
from models.graphcnn import GraphCNN

criterion = nn.CrossEntropyLoss()

def train(args, model, device, train_graphs, optimizer, epoch):
    model.train()

    total_iters = args.iters_per_epoch
    pbar = tqdm(range(total_iters), unit='batch')

    loss_accum = 0
    for pos in pbar:
        selected_idx = np.random.permutation(len(train_graphs))[:args.batch_size]

        batch_graph = [train_graphs[idx] for idx in selected_idx]
        output = model(batch_graph)

        labels = torch.LongTensor([graph.label for graph in batch_graph]).to(device)

        #compute loss
        loss = criterion(output, labels)

        #backprop
        if optimizer is not None:
            optimizer.zero_grad()
            loss.backward()         
            optimizer.step()
        

        loss = loss.detach().cpu().numpy()
        loss_accum += loss

        #report
        pbar.set_description('epoch: %d' % (epoch))

    average_loss = loss_accum/total_iters
    print("loss training: %f" % (average_loss))
    
    return average_loss

###pass data to model with minibatch during testing to avoid memory overflow (does not perform backpropagation)
def pass_data_iteratively(model, graphs, minibatch_size = 64):
    model.eval()
    output = []
    idx = np.arange(len(graphs))
    for i in range(0, len(graphs), minibatch_size):
        sampled_idx = idx[i:i+minibatch_size]
        if len(sampled_idx) == 0:
            continue
        output.append(model([graphs[j] for j in sampled_idx]).detach())
    return torch.cat(output, 0)

def test(args, model, device, train_graphs, test_graphs, epoch):
    model.eval()

    output = pass_data_iteratively(model, train_graphs)
    pred = output.max(1, keepdim=True)[1]
    labels = torch.LongTensor([graph.label for graph in train_graphs]).to(device)
    correct = pred.eq(labels.view_as(pred)).sum().cpu().item()
    acc_train = correct / float(len(train_graphs))

    output = pass_data_iteratively(model, test_graphs)
    pred = output.max(1, keepdim=True)[1]
    labels = torch.LongTensor([graph.label for graph in test_graphs]).to(device)
    correct = pred.eq(labels.view_as(pred)).sum().cpu().item()
    acc_test = correct / float(len(test_graphs))

    print("accuracy train: %f test: %f" % (acc_train, acc_test))

    return acc_train, acc_test

def main():
    # Training settings
    # Note: Hyper-parameters need to be tuned in order to obtain results reported in the paper.
    parser = argparse.ArgumentParser(description='PyTorch graph convolutional neural net for whole-graph classification')
    parser.add_argument('--dataset', type=str, default="MUTAG",
                        help='name of dataset (default: MUTAG)')
    parser.add_argument('--device', type=int, default=0,
                        help='which gpu to use if any (default: 0)')
    parser.add_argument('--batch_size', type=int, default=32,
                        help='input batch size for training (default: 32)')
    parser.add_argument('--iters_per_epoch', type=int, default=50,
                        help='number of iterations per each epoch (default: 50)')
    parser.add_argument('--epochs', type=int, default=350,
                        help='number of epochs to train (default: 350)')
    parser.add_argument('--lr', type=float, default=0.01,
                        help='learning rate (default: 0.01)')
    parser.add_argument('--seed', type=int, default=0,
                        help='random seed for splitting the dataset into 10 (default: 0)')
    parser.add_argument('--fold_idx', type=int, default=0,
                        help='the index of fold in 10-fold validation. Should be less then 10.')
    parser.add_argument('--num_layers', type=int, default=5,
                        help='number of layers INCLUDING the input one (default: 5)')
    parser.add_argument('--num_mlp_layers', type=int, default=2,
                        help='number of layers for MLP EXCLUDING the input one (default: 2). 1 means linear model.')
    parser.add_argument('--hidden_dim', type=int, default=64,
                        help='number of hidden units (default: 64)')
    parser.add_argument('--final_dropout', type=float, default=0.5,
                        help='final layer dropout (default: 0.5)')
    parser.add_argument('--graph_pooling_type', type=str, default="sum", choices=["sum", "average"],
                        help='Pooling for over nodes in a graph: sum or average')
    parser.add_argument('--neighbor_pooling_type', type=str, default="sum", choices=["sum", "average", "max"],
                        help='Pooling for over neighboring nodes: sum, average or max')
    parser.add_argument('--learn_eps', action="store_true",
                                        help='Whether to learn the epsilon weighting for the center nodes. Does not affect training accuracy though.')
    parser.add_argument('--degree_as_tag', action="store_true",
    					help='let the input node features be the degree of nodes (heuristics for unlabeled graph)')
    parser.add_argument('--filename', type = str, default = "",
                                        help='output file')
    args = parser.parse_args()

    #set up seeds and gpu device
    torch.manual_seed(0)
    np.random.seed(0)    
    device = torch.device("cuda:" + str(args.device)) if torch.cuda.is_available() else torch.device("cpu")
    if torch.cuda.is_available():
        torch.cuda.manual_seed_all(0)

    graphs, num_classes = load_data(args.dataset, args.degree_as_tag)

    ##10-fold cross validation. Conduct an experiment on the fold specified by args.fold_idx.
    train_graphs, test_graphs = separate_data(graphs, args.seed, args.fold_idx)

    model = GraphCNN(args.num_layers, args.num_mlp_layers, train_graphs[0].node_features.shape[1], args.hidden_dim, num_classes, args.final_dropout, args.learn_eps, args.graph_pooling_type, args.neighbor_pooling_type, device).to(device)

    optimizer = optim.Adam(model.parameters(), lr=args.lr)
    scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=50, gamma=0.5)


    for epoch in range(1, args.epochs + 1):
        scheduler.step()

        avg_loss = train(args, model, device, train_graphs, optimizer, epoch)
        acc_train, acc_test = test(args, model, device, train_graphs, test_graphs, epoch)

        if not args.filename == "":
            with open(args.filename, 'w') as f:
                f.write("%f %f %f" % (avg_loss, acc_train, acc_test))
                f.write("\n")
        print("")

        print(model.eps)
    

if __name__ == '__main__':
    main()
'''  # noqa: E101, E501, W291, W293


# util.py at SOURCE_COMMIT, verbatim
# (git blob 69c534e1a7fbdc3835a277b4892f98d5d9289119)
UTIL_PY = r"""import networkx as nx
import numpy as np
import random
import torch
from sklearn.model_selection import StratifiedKFold

class S2VGraph(object):
    def __init__(self, g, label, node_tags=None, node_features=None):
        '''
            g: a networkx graph
            label: an integer graph label
            node_tags: a list of integer node tags
            node_features: a torch float tensor, one-hot representation of the tag that is used as input to neural nets
            edge_mat: a torch long tensor, contain edge list, will be used to create torch sparse tensor
            neighbors: list of neighbors (without self-loop)
        '''
        self.label = label
        self.g = g
        self.node_tags = node_tags
        self.neighbors = []
        self.node_features = 0
        self.edge_mat = 0

        self.max_neighbor = 0


def load_data(dataset, degree_as_tag):
    '''
        dataset: name of dataset
        test_proportion: ratio of test train split
        seed: random seed for random splitting of dataset
    '''

    print('loading data')
    g_list = []
    label_dict = {}
    feat_dict = {}

    with open('dataset/%s/%s.txt' % (dataset, dataset), 'r') as f:
        n_g = int(f.readline().strip())
        for i in range(n_g):
            row = f.readline().strip().split()
            n, l = [int(w) for w in row]
            if not l in label_dict:
                mapped = len(label_dict)
                label_dict[l] = mapped
            g = nx.Graph()
            node_tags = []
            node_features = []
            n_edges = 0
            for j in range(n):
                g.add_node(j)
                row = f.readline().strip().split()
                tmp = int(row[1]) + 2
                if tmp == len(row):
                    # no node attributes
                    row = [int(w) for w in row]
                    attr = None
                else:
                    row, attr = [int(w) for w in row[:tmp]], np.array([float(w) for w in row[tmp:]])
                if not row[0] in feat_dict:
                    mapped = len(feat_dict)
                    feat_dict[row[0]] = mapped
                node_tags.append(feat_dict[row[0]])

                if tmp > len(row):
                    node_features.append(attr)

                n_edges += row[1]
                for k in range(2, len(row)):
                    g.add_edge(j, row[k])

            if node_features != []:
                node_features = np.stack(node_features)
                node_feature_flag = True
            else:
                node_features = None
                node_feature_flag = False

            assert len(g) == n

            g_list.append(S2VGraph(g, l, node_tags))

    #add labels and edge_mat       
    for g in g_list:
        g.neighbors = [[] for i in range(len(g.g))]
        for i, j in g.g.edges():
            g.neighbors[i].append(j)
            g.neighbors[j].append(i)
        degree_list = []
        for i in range(len(g.g)):
            g.neighbors[i] = g.neighbors[i]
            degree_list.append(len(g.neighbors[i]))
        g.max_neighbor = max(degree_list)

        g.label = label_dict[g.label]

        edges = [list(pair) for pair in g.g.edges()]
        edges.extend([[i, j] for j, i in edges])

        deg_list = list(dict(g.g.degree(range(len(g.g)))).values())
        g.edge_mat = torch.LongTensor(edges).transpose(0,1)

    if degree_as_tag:
        for g in g_list:
            g.node_tags = list(dict(g.g.degree).values())

    #Extracting unique tag labels   
    tagset = set([])
    for g in g_list:
        tagset = tagset.union(set(g.node_tags))

    tagset = list(tagset)
    tag2index = {tagset[i]:i for i in range(len(tagset))}

    for g in g_list:
        g.node_features = torch.zeros(len(g.node_tags), len(tagset))
        g.node_features[range(len(g.node_tags)), [tag2index[tag] for tag in g.node_tags]] = 1


    print('# classes: %d' % len(label_dict))
    print('# maximum node tag: %d' % len(tagset))

    print("# data: %d" % len(g_list))

    return g_list, len(label_dict)

def separate_data(graph_list, seed, fold_idx):
    assert 0 <= fold_idx and fold_idx < 10, "fold_idx must be from 0 to 9."
    skf = StratifiedKFold(n_splits=10, shuffle = True, random_state = seed)

    labels = [graph.label for graph in graph_list]
    idx_list = []
    for idx in skf.split(np.zeros(len(labels)), labels):
        idx_list.append(idx)
    train_idx, test_idx = idx_list[fold_idx]

    train_graph_list = [graph_list[i] for i in train_idx]
    test_graph_list = [graph_list[i] for i in test_idx]

    return train_graph_list, test_graph_list


"""  # noqa: E501, W291


# models/graphcnn.py at SOURCE_COMMIT, verbatim
# (git blob f5de7dfd4eea5c992ffb76649c0867edfa2a3e5e)
MODELS_GRAPHCNN_PY = r"""import torch
import torch.nn as nn
import torch.nn.functional as F

import sys
sys.path.append("models/")
from mlp import MLP

class GraphCNN(nn.Module):
    def __init__(self, num_layers, num_mlp_layers, input_dim, hidden_dim, output_dim, final_dropout, learn_eps, graph_pooling_type, neighbor_pooling_type, device):
        '''
            num_layers: number of layers in the neural networks (INCLUDING the input layer)
            num_mlp_layers: number of layers in mlps (EXCLUDING the input layer)
            input_dim: dimensionality of input features
            hidden_dim: dimensionality of hidden units at ALL layers
            output_dim: number of classes for prediction
            final_dropout: dropout ratio on the final linear layer
            learn_eps: If True, learn epsilon to distinguish center nodes from neighboring nodes. If False, aggregate neighbors and center nodes altogether. 
            neighbor_pooling_type: how to aggregate neighbors (mean, average, or max)
            graph_pooling_type: how to aggregate entire nodes in a graph (mean, average)
            device: which device to use
        '''

        super(GraphCNN, self).__init__()

        self.final_dropout = final_dropout
        self.device = device
        self.num_layers = num_layers
        self.graph_pooling_type = graph_pooling_type
        self.neighbor_pooling_type = neighbor_pooling_type
        self.learn_eps = learn_eps
        self.eps = nn.Parameter(torch.zeros(self.num_layers-1))

        ###List of MLPs
        self.mlps = torch.nn.ModuleList()

        ###List of batchnorms applied to the output of MLP (input of the final prediction linear layer)
        self.batch_norms = torch.nn.ModuleList()

        for layer in range(self.num_layers-1):
            if layer == 0:
                self.mlps.append(MLP(num_mlp_layers, input_dim, hidden_dim, hidden_dim))
            else:
                self.mlps.append(MLP(num_mlp_layers, hidden_dim, hidden_dim, hidden_dim))

            self.batch_norms.append(nn.BatchNorm1d(hidden_dim))

        #Linear function that maps the hidden representation at dofferemt layers into a prediction score
        self.linears_prediction = torch.nn.ModuleList()
        for layer in range(num_layers):
            if layer == 0:
                self.linears_prediction.append(nn.Linear(input_dim, output_dim))
            else:
                self.linears_prediction.append(nn.Linear(hidden_dim, output_dim))


    def __preprocess_neighbors_maxpool(self, batch_graph):
        ###create padded_neighbor_list in concatenated graph

        #compute the maximum number of neighbors within the graphs in the current minibatch
        max_deg = max([graph.max_neighbor for graph in batch_graph])

        padded_neighbor_list = []
        start_idx = [0]


        for i, graph in enumerate(batch_graph):
            start_idx.append(start_idx[i] + len(graph.g))
            padded_neighbors = []
            for j in range(len(graph.neighbors)):
                #add off-set values to the neighbor indices
                pad = [n + start_idx[i] for n in graph.neighbors[j]]
                #padding, dummy data is assumed to be stored in -1
                pad.extend([-1]*(max_deg - len(pad)))

                #Add center nodes in the maxpooling if learn_eps is False, i.e., aggregate center nodes and neighbor nodes altogether.
                if not self.learn_eps:
                    pad.append(j + start_idx[i])

                padded_neighbors.append(pad)
            padded_neighbor_list.extend(padded_neighbors)

        return torch.LongTensor(padded_neighbor_list)


    def __preprocess_neighbors_sumavepool(self, batch_graph):
        ###create block diagonal sparse matrix

        edge_mat_list = []
        start_idx = [0]
        for i, graph in enumerate(batch_graph):
            start_idx.append(start_idx[i] + len(graph.g))
            edge_mat_list.append(graph.edge_mat + start_idx[i])
        Adj_block_idx = torch.cat(edge_mat_list, 1)
        Adj_block_elem = torch.ones(Adj_block_idx.shape[1])

        #Add self-loops in the adjacency matrix if learn_eps is False, i.e., aggregate center nodes and neighbor nodes altogether.

        if not self.learn_eps:
            num_node = start_idx[-1]
            self_loop_edge = torch.LongTensor([range(num_node), range(num_node)])
            elem = torch.ones(num_node)
            Adj_block_idx = torch.cat([Adj_block_idx, self_loop_edge], 1)
            Adj_block_elem = torch.cat([Adj_block_elem, elem], 0)

        Adj_block = torch.sparse.FloatTensor(Adj_block_idx, Adj_block_elem, torch.Size([start_idx[-1],start_idx[-1]]))

        return Adj_block.to(self.device)


    def __preprocess_graphpool(self, batch_graph):
        ###create sum or average pooling sparse matrix over entire nodes in each graph (num graphs x num nodes)
        
        start_idx = [0]

        #compute the padded neighbor list
        for i, graph in enumerate(batch_graph):
            start_idx.append(start_idx[i] + len(graph.g))

        idx = []
        elem = []
        for i, graph in enumerate(batch_graph):
            ###average pooling
            if self.graph_pooling_type == "average":
                elem.extend([1./len(graph.g)]*len(graph.g))
            
            else:
            ###sum pooling
                elem.extend([1]*len(graph.g))

            idx.extend([[i, j] for j in range(start_idx[i], start_idx[i+1], 1)])
        elem = torch.FloatTensor(elem)
        idx = torch.LongTensor(idx).transpose(0,1)
        graph_pool = torch.sparse.FloatTensor(idx, elem, torch.Size([len(batch_graph), start_idx[-1]]))
        
        return graph_pool.to(self.device)

    def maxpool(self, h, padded_neighbor_list):
        ###Element-wise minimum will never affect max-pooling

        dummy = torch.min(h, dim = 0)[0]
        h_with_dummy = torch.cat([h, dummy.reshape((1, -1)).to(self.device)])
        pooled_rep = torch.max(h_with_dummy[padded_neighbor_list], dim = 1)[0]
        return pooled_rep


    def next_layer_eps(self, h, layer, padded_neighbor_list = None, Adj_block = None):
        ###pooling neighboring nodes and center nodes separately by epsilon reweighting. 

        if self.neighbor_pooling_type == "max":
            ##If max pooling
            pooled = self.maxpool(h, padded_neighbor_list)
        else:
            #If sum or average pooling
            pooled = torch.spmm(Adj_block, h)
            if self.neighbor_pooling_type == "average":
                #If average pooling
                degree = torch.spmm(Adj_block, torch.ones((Adj_block.shape[0], 1)).to(self.device))
                pooled = pooled/degree

        #Reweights the center node representation when aggregating it with its neighbors
        pooled = pooled + (1 + self.eps[layer])*h
        pooled_rep = self.mlps[layer](pooled)
        h = self.batch_norms[layer](pooled_rep)

        #non-linearity
        h = F.relu(h)
        return h


    def next_layer(self, h, layer, padded_neighbor_list = None, Adj_block = None):
        ###pooling neighboring nodes and center nodes altogether  
            
        if self.neighbor_pooling_type == "max":
            ##If max pooling
            pooled = self.maxpool(h, padded_neighbor_list)
        else:
            #If sum or average pooling
            pooled = torch.spmm(Adj_block, h)
            if self.neighbor_pooling_type == "average":
                #If average pooling
                degree = torch.spmm(Adj_block, torch.ones((Adj_block.shape[0], 1)).to(self.device))
                pooled = pooled/degree

        #representation of neighboring and center nodes 
        pooled_rep = self.mlps[layer](pooled)

        h = self.batch_norms[layer](pooled_rep)

        #non-linearity
        h = F.relu(h)
        return h


    def forward(self, batch_graph):
        X_concat = torch.cat([graph.node_features for graph in batch_graph], 0).to(self.device)
        graph_pool = self.__preprocess_graphpool(batch_graph)

        if self.neighbor_pooling_type == "max":
            padded_neighbor_list = self.__preprocess_neighbors_maxpool(batch_graph)
        else:
            Adj_block = self.__preprocess_neighbors_sumavepool(batch_graph)

        #list of hidden representation at each layer (including input)
        hidden_rep = [X_concat]
        h = X_concat

        for layer in range(self.num_layers-1):
            if self.neighbor_pooling_type == "max" and self.learn_eps:
                h = self.next_layer_eps(h, layer, padded_neighbor_list = padded_neighbor_list)
            elif not self.neighbor_pooling_type == "max" and self.learn_eps:
                h = self.next_layer_eps(h, layer, Adj_block = Adj_block)
            elif self.neighbor_pooling_type == "max" and not self.learn_eps:
                h = self.next_layer(h, layer, padded_neighbor_list = padded_neighbor_list)
            elif not self.neighbor_pooling_type == "max" and not self.learn_eps:
                h = self.next_layer(h, layer, Adj_block = Adj_block)

            hidden_rep.append(h)

        score_over_layer = 0
    
        #perform pooling over all nodes in each graph in every layer
        for layer, h in enumerate(hidden_rep):
            pooled_h = torch.spmm(graph_pool, h)
            score_over_layer += F.dropout(self.linears_prediction[layer](pooled_h), self.final_dropout, training = self.training)

        return score_over_layer
"""  # noqa: E501, W291, W293


# models/mlp.py at SOURCE_COMMIT, verbatim
# (git blob 1e6272bbcd0f31cba32e09f1ad7646a050ac570d)
MODELS_MLP_PY = r"""import torch
import torch.nn as nn
import torch.nn.functional as F

###MLP with lienar output
class MLP(nn.Module):
    def __init__(self, num_layers, input_dim, hidden_dim, output_dim):
        '''
            num_layers: number of layers in the neural networks (EXCLUDING the input layer). If num_layers=1, this reduces to linear model.
            input_dim: dimensionality of input features
            hidden_dim: dimensionality of hidden units at ALL layers
            output_dim: number of classes for prediction
            device: which device to use
        '''
    
        super(MLP, self).__init__()

        self.linear_or_not = True #default is linear model
        self.num_layers = num_layers

        if num_layers < 1:
            raise ValueError("number of layers should be positive!")
        elif num_layers == 1:
            #Linear model
            self.linear = nn.Linear(input_dim, output_dim)
        else:
            #Multi-layer model
            self.linear_or_not = False
            self.linears = torch.nn.ModuleList()
            self.batch_norms = torch.nn.ModuleList()
        
            self.linears.append(nn.Linear(input_dim, hidden_dim))
            for layer in range(num_layers - 2):
                self.linears.append(nn.Linear(hidden_dim, hidden_dim))
            self.linears.append(nn.Linear(hidden_dim, output_dim))

            for layer in range(num_layers - 1):
                self.batch_norms.append(nn.BatchNorm1d((hidden_dim)))

    def forward(self, x):
        if self.linear_or_not:
            #If linear model
            return self.linear(x)
        else:
            #If MLP
            h = x
            for layer in range(self.num_layers - 1):
                h = F.relu(self.batch_norms[layer](self.linears[layer](h)))
            return self.linears[self.num_layers - 1](h)"""  # noqa: E501, W293


# what the case writes into the cwd, as the repository lays it out: path -> (its text at
# SOURCE_COMMIT, its git blob id there)
FILES = {
    "main.py":
        (MAIN_PY, "d5cddb1bf976358405b67cc3c04b82193baac058"),
    "util.py":
        (UTIL_PY, "69c534e1a7fbdc3835a277b4892f98d5d9289119"),
    "models/graphcnn.py":
        (MODELS_GRAPHCNN_PY, "f5de7dfd4eea5c992ffb76649c0867edfa2a3e5e"),
    "models/mlp.py":
        (MODELS_MLP_PY, "1e6272bbcd0f31cba32e09f1ad7646a050ac570d"),
}


if __name__ == "__main__":
    main()
