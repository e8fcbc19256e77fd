"""Open Graph Benchmark (``ogb`` 1.3.6): its node-property example for ogbn-arxiv,
``examples/nodeproppred/arxiv/gnn.py`` with the ``Logger`` of its ``logger.py``, from the
repository ``snap-stanford/ogb`` at commit 61e9784ca76edeaa6e259ba0f836099608ff0586
(2025-05-06, "further fixes for torchload in dgl dataset (#502)"; both files last changed in
5bd7fae4, 2020-08-20, "reset batch norm"), run as the example is (``python gnn.py``: every
argparse default kept, the GCN of 3 ``GCNConv`` layers, 256 hidden channels, dropout 0.5,
``lr`` 0.01, ``--log_steps 1``, no ``--use_sage``) on PyTorch Geometric 2.8.1, scored by
``ogb.nodeproppred.Evaluator('ogbn-arxiv')`` (accuracy). Changes, each marked ``# zoo:``:
1. ``PygNodePropPredDataset(name='ogbn-arxiv', ...)`` downloads the data set; a local
   stand-in of that name (ogb's import of it removed, ``Evaluator`` still ogb's) builds a
   graph with ogbn-arxiv's fields at 1/50 of its size: 3,387 nodes, 128 real-valued features
   (a topic's centroid plus noise, as arxiv's averaged word embeddings), 40 classes, ``y`` of
   shape ``[N, 1]`` (the topic, redrawn at random for 30% of the nodes, so accuracy levels
   off near ogbn-arxiv's ~70%), ~23,000 directed citation edges (65% within a topic),
   ``node_year``,
   and ogb's time split by year (``get_idx_split``: up to 2017 train, 2018 valid, 2019-2020
   test, 54/18/28% as in ogbn-arxiv); the example's own ``T.ToSparseTensor()`` transform is
   applied on access.
2. Without the compiled ``torch_sparse`` (no wheel for this torch), ``T.ToSparseTensor``
   gives a ``torch.sparse_csr`` ``adj_t`` (PyG's documented fallback) which has no
   ``to_symmetric()``; ``to_symmetric(data.adj_t)`` does what ``SparseTensor.to_symmetric``
   does to a value-less adjacency (the union of A and its transpose, all ones).
3. ``--epochs`` defaults to 20 instead of 500, ``--runs`` to 2 instead of 10.
4. ``from logger import Logger``: the ``Logger`` class of ``logger.py`` is held verbatim here.
Everything else is the two files' text (their imports merged into one block by ruff's
isort). Harness lines: ``torch.manual_seed(0)`` (the example sets no seed), and before the
example's ``main()`` two wrappers that change nothing printed: ``Logger`` kept (a subclass
that remembers the instance ``main`` makes) and ``train`` recorded (its returned loss).
ogb's import starts a thread that asks PyPI whether ogb is outdated; on this venv
(setuptools 84, no ``pkg_resources``) ``outdated`` fails to import it inside the thread's
``try`` and nothing is asked or printed. The CPU device is used (no CUDA).

What it prints (stdout): ``print(args)`` (``Namespace(device=0, log_steps=1, ...)``); a
line an epoch, ``Run: 01, Epoch: 02, Loss: 2.5207, Train: 59.48%, Valid: 56.04% Test: 56.89%``
(no comma before ``Test``, as the example prints it); after each run ``Logger.print_
statistics(run)``: ``Run 01:``, ``Highest Train: 70.81``, ``Highest Valid: 68.96``,
``  Final Train: 70.20``, ``   Final Test: 67.08``; at the end ``print_statistics()``:
``All runs:`` and the same four names as ``mean ± std`` over the runs (``   Final Test:
67.28 ± 0.29``). On stderr, PyTorch's two ``UserWarning``s (sparse invariant checks, sparse
CSR in beta) when PyG builds the CSR adjacency.

Truth: the example's own record, the ``Logger``'s ``results`` (a list a run of
``(train_acc, valid_acc, test_acc)`` a epoch, as ``Evaluator.eval`` returned them) and its
statistics computed as ``print_statistics`` computes them (the same torch operations on
``100 * torch.tensor(results)``, float32), plus ``train``'s returned loss (wrapped: the
Logger does not keep it). Judgement calls:
- Per-epoch series named as the line prints them: ``Loss``, ``Train``, ``Valid``, ``Test``;
  key ``epoch``, the printed ``Epoch`` (1-based). The two runs are pooled in one series each
  (40 points: epochs 1..20 of run 1, then 1..20 of run 2), as sklearn_gmm_verbose pools its
  initialisations and docs/metrics.md names "a metric of one fold or split without it":
  ``Run`` is a counter, no name part. Accuracies are the recorded fractions times 100 as the
  line prints them (``100 * train_acc``), tolerance 0.005 (``:.2f``); ``Loss`` 5e-5
  (``:.4f``).
- The summary blocks (``Logger.print_statistics``): ``Final Train``/``Final Test`` (train and
  test accuracy at the epoch of the run's best valid accuracy: the model the example selects,
  the figure OGB's leaderboard reports) are metrics named as printed, ``Final_Train`` and
  ``Final_Test``, 3 points each in print order: run 1's, run 2's, then the ``All runs`` mean
  (its ``± std`` the spread, no metric of its own); at no epoch (printed after a run's last
  epoch in a log of several runs). Values as the Logger computes them in float32, tolerance
  0.005 plus rel 1e-6.
- ``Highest Train``/``Highest Valid`` are each run's best (the maximum of a printed series)
  and the ``All runs`` mean of those bests: running bests printed again, so ``also_ok``
  (``Highest_Train``, ``Highest_Valid``), not metrics (bench/zoo/README.md); their values are
  in ``notes``.
- ``Run 01:``, ``All runs:`` are headings; the ``Namespace`` line holds settings.
- Determinism: seeded, single-threaded CPU; pipe and pty print the same digits.
"""
# zoo-venv: ogb

import argparse

import ogb
import torch
import torch.nn.functional as F
import torch_geometric.transforms as T
from _truth import series, write_truth
from ogb.nodeproppred import Evaluator
from torch_geometric.data import Data, InMemoryDataset
from torch_geometric.nn import GCNConv, SAGEConv
from torch_geometric.utils import remove_self_loops, to_torch_csr_tensor

# --- zoo harness: seed, the ogbn-arxiv stand-in, to_symmetric without torch_sparse ---------
torch.manual_seed(0)


class PygNodePropPredDataset(InMemoryDataset):  # zoo: stands in for the ogbn-arxiv download
    """ogbn-arxiv's fields (x 128 floats, y [N, 1] of 40 classes, node_year, directed edges,
    a time split) at 1/50 of its 169,343 nodes and 1,166,243 edges."""

    def __init__(self, name, root='dataset', transform=None):
        assert name == 'ogbn-arxiv'
        super().__init__(None, transform)
        generator = torch.Generator().manual_seed(0)
        num_nodes, num_features, num_classes, num_edges = 3387, 128, 40, 23325
        topic = torch.randint(num_classes, (num_nodes, ), generator=generator)
        centroids = torch.randn(num_classes, num_features, generator=generator)
        x = 0.2 * centroids[topic] + torch.randn(num_nodes, num_features, generator=generator)
        y = topic.view(-1, 1).clone()  # the label is the topic, but for 30% of the papers
        relabel = torch.rand(num_nodes, generator=generator) < 0.3
        y[relabel, 0] = torch.randint(num_classes, (int(relabel.sum()), ), generator=generator)
        order = torch.randperm(num_nodes, generator=generator)
        year = torch.empty(num_nodes, 1, dtype=torch.long)
        n_train, n_valid = round(0.537 * num_nodes), round(0.176 * num_nodes)
        year[order[:n_train], 0] = torch.randint(2000, 2018, (n_train, ), generator=generator)
        year[order[n_train:n_train + n_valid], 0] = 2018
        year[order[n_train + n_valid:], 0] = torch.randint(
            2019, 2021, (num_nodes - n_train - n_valid, ), generator=generator)
        src = torch.randint(num_nodes, (num_edges, ), generator=generator)
        same = torch.rand(num_edges, generator=generator) < 0.65
        dst = torch.randint(num_nodes, (num_edges, ), generator=generator)
        for index in same.nonzero().view(-1).tolist():  # a citation within the topic
            members = (topic == topic[src[index]]).nonzero().view(-1)
            dst[index] = members[torch.randint(len(members), (1, ), generator=generator)]
        edge_index, _ = remove_self_loops(torch.stack([src, dst]))
        data = Data(x=x, edge_index=edge_index, y=y, node_year=year, num_nodes=num_nodes)
        self.data, self.slices = self.collate([data])
        self.split = {'train': (year[:, 0] <= 2017).nonzero().view(-1),
                      'valid': (year[:, 0] == 2018).nonzero().view(-1),
                      'test': (year[:, 0] >= 2019).nonzero().view(-1)}

    def get_idx_split(self):
        return dict(self.split)


def to_symmetric(adj_t):  # zoo: SparseTensor.to_symmetric() of a value-less adjacency
    index = adj_t.to_sparse_coo().coalesce().indices()
    index = torch.cat([index, index.flip([0])], dim=1)
    size = adj_t.size(0)
    index = torch.unique(index[0] * size + index[1])
    return to_torch_csr_tensor(torch.stack([index // size, index % size]), size=(size, size))


# --- examples/nodeproppred/arxiv/logger.py ------------------------------------------------

class Logger(object):  # noqa: UP004
    def __init__(self, runs, info=None):
        self.info = info
        self.results = [[] for _ in range(runs)]

    def add_result(self, run, result):
        assert len(result) == 3
        assert run >= 0 and run < len(self.results)
        self.results[run].append(result)

    def print_statistics(self, run=None):
        if run is not None:
            result = 100 * torch.tensor(self.results[run])
            argmax = result[:, 1].argmax().item()
            print(f'Run {run + 1:02d}:')
            print(f'Highest Train: {result[:, 0].max():.2f}')
            print(f'Highest Valid: {result[:, 1].max():.2f}')
            print(f'  Final Train: {result[argmax, 0]:.2f}')
            print(f'   Final Test: {result[argmax, 2]:.2f}')
        else:
            result = 100 * torch.tensor(self.results)

            best_results = []
            for r in result:
                train1 = r[:, 0].max().item()
                valid = r[:, 1].max().item()
                train2 = r[r[:, 1].argmax(), 0].item()
                test = r[r[:, 1].argmax(), 2].item()
                best_results.append((train1, valid, train2, test))

            best_result = torch.tensor(best_results)

            print(f'All runs:')  # noqa: F541
            r = best_result[:, 0]
            print(f'Highest Train: {r.mean():.2f} ± {r.std():.2f}')
            r = best_result[:, 1]
            print(f'Highest Valid: {r.mean():.2f} ± {r.std():.2f}')
            r = best_result[:, 2]
            print(f'  Final Train: {r.mean():.2f} ± {r.std():.2f}')
            r = best_result[:, 3]
            print(f'   Final Test: {r.mean():.2f} ± {r.std():.2f}')


# --- examples/nodeproppred/arxiv/gnn.py ---------------------------------------------------

class GCN(torch.nn.Module):
    def __init__(self, in_channels, hidden_channels, out_channels, num_layers,
                 dropout):
        super(GCN, self).__init__()  # noqa: UP008

        self.convs = torch.nn.ModuleList()
        self.convs.append(GCNConv(in_channels, hidden_channels, cached=True))
        self.bns = torch.nn.ModuleList()
        self.bns.append(torch.nn.BatchNorm1d(hidden_channels))
        for _ in range(num_layers - 2):
            self.convs.append(
                GCNConv(hidden_channels, hidden_channels, cached=True))
            self.bns.append(torch.nn.BatchNorm1d(hidden_channels))
        self.convs.append(GCNConv(hidden_channels, out_channels, cached=True))

        self.dropout = dropout

    def reset_parameters(self):
        for conv in self.convs:
            conv.reset_parameters()
        for bn in self.bns:
            bn.reset_parameters()

    def forward(self, x, adj_t):
        for i, conv in enumerate(self.convs[:-1]):
            x = conv(x, adj_t)
            x = self.bns[i](x)
            x = F.relu(x)
            x = F.dropout(x, p=self.dropout, training=self.training)
        x = self.convs[-1](x, adj_t)
        return x.log_softmax(dim=-1)


class SAGE(torch.nn.Module):
    def __init__(self, in_channels, hidden_channels, out_channels, num_layers,
                 dropout):
        super(SAGE, self).__init__()  # noqa: UP008

        self.convs = torch.nn.ModuleList()
        self.convs.append(SAGEConv(in_channels, hidden_channels))
        self.bns = torch.nn.ModuleList()
        self.bns.append(torch.nn.BatchNorm1d(hidden_channels))
        for _ in range(num_layers - 2):
            self.convs.append(SAGEConv(hidden_channels, hidden_channels))
            self.bns.append(torch.nn.BatchNorm1d(hidden_channels))
        self.convs.append(SAGEConv(hidden_channels, out_channels))

        self.dropout = dropout

    def reset_parameters(self):
        for conv in self.convs:
            conv.reset_parameters()
        for bn in self.bns:
            bn.reset_parameters()

    def forward(self, x, adj_t):
        for i, conv in enumerate(self.convs[:-1]):
            x = conv(x, adj_t)
            x = self.bns[i](x)
            x = F.relu(x)
            x = F.dropout(x, p=self.dropout, training=self.training)
        x = self.convs[-1](x, adj_t)
        return x.log_softmax(dim=-1)


def train(model, data, train_idx, optimizer):
    model.train()

    optimizer.zero_grad()
    out = model(data.x, data.adj_t)[train_idx]
    loss = F.nll_loss(out, data.y.squeeze(1)[train_idx])
    loss.backward()
    optimizer.step()

    return loss.item()


@torch.no_grad()
def test(model, data, split_idx, evaluator):
    model.eval()

    out = model(data.x, data.adj_t)
    y_pred = out.argmax(dim=-1, keepdim=True)

    train_acc = evaluator.eval({
        'y_true': data.y[split_idx['train']],
        'y_pred': y_pred[split_idx['train']],
    })['acc']
    valid_acc = evaluator.eval({
        'y_true': data.y[split_idx['valid']],
        'y_pred': y_pred[split_idx['valid']],
    })['acc']
    test_acc = evaluator.eval({
        'y_true': data.y[split_idx['test']],
        'y_pred': y_pred[split_idx['test']],
    })['acc']

    return train_acc, valid_acc, test_acc


def main():
    parser = argparse.ArgumentParser(description='OGBN-Arxiv (GNN)')
    parser.add_argument('--device', type=int, default=0)
    parser.add_argument('--log_steps', type=int, default=1)
    parser.add_argument('--use_sage', action='store_true')
    parser.add_argument('--num_layers', type=int, default=3)
    parser.add_argument('--hidden_channels', type=int, default=256)
    parser.add_argument('--dropout', type=float, default=0.5)
    parser.add_argument('--lr', type=float, default=0.01)
    parser.add_argument('--epochs', type=int, default=20)  # zoo: default 500
    parser.add_argument('--runs', type=int, default=2)  # zoo: default 10
    args = parser.parse_args()
    print(args)

    device = f'cuda:{args.device}' if torch.cuda.is_available() else 'cpu'
    device = torch.device(device)

    dataset = PygNodePropPredDataset(name='ogbn-arxiv',
                                     transform=T.ToSparseTensor())

    data = dataset[0]
    data.adj_t = to_symmetric(data.adj_t)  # zoo: data.adj_t.to_symmetric() (torch_sparse)
    data = data.to(device)

    split_idx = dataset.get_idx_split()
    train_idx = split_idx['train'].to(device)

    if args.use_sage:
        model = SAGE(data.num_features, args.hidden_channels,
                     dataset.num_classes, args.num_layers,
                     args.dropout).to(device)
    else:
        model = GCN(data.num_features, args.hidden_channels,
                    dataset.num_classes, args.num_layers,
                    args.dropout).to(device)

    evaluator = Evaluator(name='ogbn-arxiv')
    logger = Logger(args.runs, args)

    for run in range(args.runs):
        model.reset_parameters()
        optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
        for epoch in range(1, 1 + args.epochs):
            loss = train(model, data, train_idx, optimizer)
            result = test(model, data, split_idx, evaluator)
            logger.add_result(run, result)

            if epoch % args.log_steps == 0:
                train_acc, valid_acc, test_acc = result
                print(f'Run: {run + 1:02d}, '
                      f'Epoch: {epoch:02d}, '
                      f'Loss: {loss:.4f}, '
                      f'Train: {100 * train_acc:.2f}%, '
                      f'Valid: {100 * valid_acc:.2f}% '
                      f'Test: {100 * test_acc:.2f}%')

        logger.print_statistics(run)
    logger.print_statistics()


# --- zoo harness: keep main()'s Logger, record train()'s loss (nothing printed changes) -----
loggers = []
losses = []


class _KeptLogger(Logger):
    def __init__(self, runs, info=None):
        super().__init__(runs, info)
        loggers.append(self)


def _recording(function):
    def wrapper(*args, **kwargs):
        value = function(*args, **kwargs)
        losses.append(value)
        return value
    return wrapper


Logger = _KeptLogger
train = _recording(train)

# --- examples/nodeproppred/arxiv/gnn.py (its last lines) -----------------------------------

if __name__ == "__main__":
    main()

# --- zoo harness: the truth -----------------------------------------------------------------
(logger, ) = loggers
epochs = [epoch for run in logger.results for epoch in range(1, len(run) + 1)]
assert len(losses) == len(epochs), (len(losses), len(epochs))
metrics = {"Loss": series(zip(epochs, losses, strict=True), "epoch", tolerance=5e-5)}
for column, name in enumerate(("Train", "Valid", "Test")):
    metrics[name] = series(((epoch, 100 * row[column]) for epoch, row in
                            zip(epochs, [row for run in logger.results for row in run],
                                strict=True)), "epoch", tolerance=0.005)

# print_statistics' computations, as it makes them (float32), without its prints
per_run = []
for run in range(len(logger.results)):
    result = 100 * torch.tensor(logger.results[run])
    argmax = result[:, 1].argmax().item()
    per_run.append((result[:, 0].max().item(), result[:, 1].max().item(),
                    result[argmax, 0].item(), result[argmax, 2].item()))
result = 100 * torch.tensor(logger.results)
best_results = []
for r in result:
    best_results.append((r[:, 0].max().item(), r[:, 1].max().item(),
                         r[r[:, 1].argmax(), 0].item(), r[r[:, 1].argmax(), 2].item()))
best_result = torch.tensor(best_results)
means = [best_result[:, column].mean().item() for column in range(4)]
stds = [best_result[:, column].std().item() for column in range(4)]
for column, name in ((2, "Final_Train"), (3, "Final_Test")):
    metrics[name] = {"key": "epoch",  # at no epoch (series() takes numbers only)
                     "values": [[None, float(row[column])] for row in per_run]
                     + [[None, float(means[column])]],
                     "tolerance": 0.005, "rel_tolerance": 1e-6}

write_truth(
    "ogb", ogb.__version__,
    "the Logger of examples/nodeproppred/arxiv/logger.py: results (each epoch's "
    "(train, valid, test) accuracy from Evaluator('ogbn-arxiv')) and print_statistics' "
    "computations on them; Loss is train()'s return (wrapped)",
    metrics,
    also_ok=["Highest_Train", "Highest_Valid"],
    notes=(f"Highest Train/Valid per run "
           f"{[(round(row[0], 4), round(row[1], 4)) for row in per_run]}"
           f", all runs mean {[round(value, 4) for value in means[:2]]} "
           f"± {[round(value, 4) for value in stds[:2]]}; Final Train/Test std over runs "
           f"{[round(value, 4) for value in stds[2:]]}"),
)
