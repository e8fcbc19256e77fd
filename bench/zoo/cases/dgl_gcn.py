"""DGL 2.1.0 (Deep Graph Library, PyTorch backend): its own ``examples/pytorch/gcn/train.py``
(the GCN of Kipf & Welling with DGL's built-in ``GraphConv``), from the repository
``dmlc/dgl`` at tag v2.1.0, commit 1547bd931d17cd1da144a6d38bb687c0f2c3b364 (2024-03-04; the
script is unchanged from 2023-07-31 to the main branch of 2025-08), run as its README says
(``python3 train.py --dataset cora``: every argparse default, ``--dt float``) on torch 2.2.1
(the newest its wheel supports, see requirements-dgl.txt), with three changes, marked
``# zoo:`` below where they touch the example's text:
1. ``CoraGraphDataset(transform=transform)`` downloads Cora; here a local stand-in (a
   ``dgl.data.DGLDataset`` subclass, as DGL's "Make Your Own Dataset" tutorial builds one; the
   import of ``CoraGraphDataset`` removed) builds a graph with Cora's fields and shapes as
   DGL's ``CitationGraphDataset.process`` leaves them: 2708 nodes, 10556 directed edges (5278
   undirected pairs, about 80% within a class, no self-loops), ``feat`` 2708x1433 binary
   bag-of-words rows normalised to sum 1 (each of the 7 classes favours its own words),
   ``label``, and the public split as bool masks (nodes 0-139 train, 20 a class; 140-639
   validation; 1708-2707 test); the example's ``AddSelfLoop`` transform is applied on
   access, as Cora's ``__getitem__`` does. With ``verbose=True`` (Cora's default) it prints
   what ``CitationGraphDataset.process`` prints (``Finished data loading and
   preprocessing.``, ``  NumNodes: 2708`` ... ``  NumTestSamples: 1000``, the lines copied
   from DGL's source) and ``DGLDataset._load`` adds its own ``Done saving data into cached
   files.``: a first, uncached run's output without the ``Downloading``/``Extracting`` lines.
2. The harness's record: the training loop appends each epoch's ``loss.item()`` and ``acc``
   (the values it prints) to a list and the script writes them, with the closing test
   accuracy, to ``gcn_history.json``: DGL keeps no record of a training loop of its own
   (the loop is the example's, not a DGL trainer), so the script's own record is the truth,
   as ``_pyg_log.py`` keeps PyG's examples' ``log`` calls.
3. A fixed ``torch.manual_seed(0)`` (the example sets no seed).
200 epochs as the example runs them (about 6 s of CPU on one thread). Everything else is the
example's text: its imports merged by ruff's isort with the harness's (``DGLDataset`` and
``json`` added, ``CoraGraphDataset`` removed), four ``# noqa`` comments that keep ruff from
rewriting its ``.format`` calls and its placeholder-less f-string, and the harness lines
around it (the stand-in above it, the record and truth at its end).

What it prints (stdout only)::

    Training with DGL built-in GraphConv module.
    Finished data loading and preprocessing.
      NumNodes: 2708
      ...
      NumTestSamples: 1000
    Done saving data into cached files.
    Training...
    Epoch 00000 | Loss 1.9459 | Accuracy 0.1660
    ...
    Epoch 00199 | Loss 0.4452 | Accuracy 0.7720
    Testing...
    Test accuracy 0.7770

(each epoch line ``"Epoch {:05d} | Loss {:.4f} | Accuracy {:.4f} "``, with its trailing
space). On a machine where ``~/.dgl/config.json`` does not exist yet, ``import dgl`` first
prints ``Setting the default backend to "pytorch". ...`` and writes that file: a first-use
notice, absent here (the file exists), not part of the example.

Truth: ``gcn_history.json``, the script's record (2. above), read back. Judgements:
- ``Loss`` (the training cross-entropy of the epoch's forward pass, before the step) and
  ``Accuracy`` (``evaluate`` on ``val_mask`` after the step: validation accuracy, but the
  example prints it with no phase word), named as printed (the loop keeps no keys of its
  own; capitals kept as PyG's ``Loss`` is), key "epoch" with the printed 0-based epoch
  0..199: 200 points each. Tolerance 5e-5: both printed ``{:.4f}``.
- ``Test accuracy 0.7420``, printed once after training: ``test_accuracy`` (docs/metrics.md,
  "Phases": the phase word before a name prefixes it, as printed but lower case:
  ``Test set accuracy``), one point at epoch 199 (evaluated after the last epoch),
  tolerance 5e-5.
- ``NumNodes``, ``NumEdges``, ``NumFeats``, ``NumClasses``, ``NumTrainingSamples``,
  ``NumValidationSamples``, ``NumTestSamples`` are the dataset's sizes, no metrics: not in
  the truth, not ``also_ok``. Nothing is timed.
- Determinism: the seed fixes the weights and the dropout masks; the synthetic graph has
  its own seeded generator; DGL's CPU kernels run on the one thread ``OMP_NUM_THREADS=1``
  allows. Pipe and pty print the same.
"""
# zoo-venv: dgl

import argparse
import json

import dgl
import dgl.nn as dglnn
import torch
import torch.nn as nn
import torch.nn.functional as F
from _truth import series, write_truth
from dgl import AddSelfLoop
from dgl.data import CiteseerGraphDataset, DGLDataset, PubmedGraphDataset

# --- zoo harness: seed, the Cora stand-in, the record ---------------------------------------
torch.manual_seed(0)
history: list[dict[str, float]] = []
HISTORY_FILE = "gcn_history.json"


class SyntheticCora(DGLDataset):
    """Cora's fields and shapes as DGL's CitationGraphDataset leaves them."""

    def __init__(self, transform=None):
        super().__init__(name="synthetic_cora", raw_dir=".", verbose=True,
                         transform=transform)

    def process(self):
        generator = torch.Generator().manual_seed(0)
        num_nodes, num_features, num_classes, num_pairs = 2708, 1433, 7, 5278
        labels = torch.randint(num_classes, (num_nodes, ), generator=generator)
        labels[:140] = torch.arange(num_classes).repeat_interleave(20)[
            torch.randperm(140, generator=generator)]
        words = (torch.rand(num_classes, num_features, generator=generator) < 0.03).float()
        feat = (torch.rand(num_nodes, num_features, generator=generator)
                < 0.008 + 0.03 * words[labels]).float()
        feat[feat.sum(1) == 0, 0] = 1.0
        feat = feat / feat.sum(1, keepdim=True)  # Cora's _preprocess_features (row sums 1)
        candidates = []
        for label in range(num_classes):
            members = (labels == label).nonzero().view(-1)
            candidates.append(members[torch.randint(len(members), (2, 800),
                                                    generator=generator)])
        candidates.append(torch.randint(num_nodes, (2, 1400), generator=generator))
        candidates = torch.cat(candidates, dim=1)
        candidates = candidates[:, torch.randperm(candidates.shape[1], generator=generator)]
        pairs, seen = [], set()
        for u, v in candidates.t().tolist():
            key = (min(u, v), max(u, v))
            if u != v and key not in seen:
                seen.add(key)
                pairs.append(key)
        src, dst = torch.tensor(pairs[:num_pairs]).t()
        g = dgl.graph((torch.cat([src, dst]), torch.cat([dst, src])), num_nodes=num_nodes)
        train_mask = torch.zeros(num_nodes, dtype=torch.bool)
        train_mask[:140] = True
        val_mask = torch.zeros(num_nodes, dtype=torch.bool)
        val_mask[140:640] = True
        test_mask = torch.zeros(num_nodes, dtype=torch.bool)
        test_mask[1708:] = True
        g.ndata["train_mask"] = train_mask
        g.ndata["val_mask"] = val_mask
        g.ndata["test_mask"] = test_mask
        g.ndata["label"] = labels
        g.ndata["feat"] = feat
        self._num_classes = num_classes
        self._g = g
        # what DGL's CitationGraphDataset.process prints when verbose (Cora's default)
        if self.verbose:
            print("Finished data loading and preprocessing.")
            print(f"  NumNodes: {self._g.num_nodes()}")
            print(f"  NumEdges: {self._g.num_edges()}")
            print(f"  NumFeats: {self._g.ndata['feat'].shape[1]}")
            print(f"  NumClasses: {self.num_classes}")
            print(f"  NumTrainingSamples: {torch.nonzero(self._g.ndata['train_mask']).shape[0]}")
            print(f"  NumValidationSamples: {torch.nonzero(self._g.ndata['val_mask']).shape[0]}")
            print(f"  NumTestSamples: {torch.nonzero(self._g.ndata['test_mask']).shape[0]}")

    @property
    def num_classes(self):
        return self._num_classes

    def __getitem__(self, idx):
        assert idx == 0, "This dataset has only one graph"
        if self._transform is None:
            return self._g
        return self._transform(self._g)

    def __len__(self):
        return 1


def CoraGraphDataset(transform=None):  # zoo: stands in for the Cora download
    return SyntheticCora(transform=transform)


# --- examples/pytorch/gcn/train.py ------------------------------------------------------------


class GCN(nn.Module):
    def __init__(self, in_size, hid_size, out_size):
        super().__init__()
        self.layers = nn.ModuleList()
        # two-layer GCN
        self.layers.append(
            dglnn.GraphConv(in_size, hid_size, activation=F.relu)
        )
        self.layers.append(dglnn.GraphConv(hid_size, out_size))
        self.dropout = nn.Dropout(0.5)

    def forward(self, g, features):
        h = features
        for i, layer in enumerate(self.layers):
            if i != 0:
                h = self.dropout(h)
            h = layer(g, h)
        return h


def evaluate(g, features, labels, mask, model):
    model.eval()
    with torch.no_grad():
        logits = model(g, features)
        logits = logits[mask]
        labels = labels[mask]
        _, indices = torch.max(logits, dim=1)
        correct = torch.sum(indices == labels)
        return correct.item() * 1.0 / len(labels)


def train(g, features, labels, masks, model):
    # define train/val samples, loss function and optimizer
    train_mask = masks[0]
    val_mask = masks[1]
    loss_fcn = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2, weight_decay=5e-4)

    # training loop
    for epoch in range(200):
        model.train()
        logits = model(g, features)
        loss = loss_fcn(logits[train_mask], labels[train_mask])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        acc = evaluate(g, features, labels, val_mask, model)
        print(
            "Epoch {:05d} | Loss {:.4f} | Accuracy {:.4f} ".format(  # noqa: UP032
                epoch, loss.item(), acc
            )
        )
        history.append({"epoch": epoch, "Loss": loss.item(), "Accuracy": acc})  # zoo


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--dataset",
        type=str,
        default="cora",
        help="Dataset name ('cora', 'citeseer', 'pubmed').",
    )
    parser.add_argument(
        "--dt",
        type=str,
        default="float",
        help="data type(float, bfloat16)",
    )
    args = parser.parse_args()
    print(f"Training with DGL built-in GraphConv module.")  # noqa: F541

    # load and preprocess dataset
    transform = (
        AddSelfLoop()
    )  # by default, it will first remove self-loops to prevent duplication
    if args.dataset == "cora":
        data = CoraGraphDataset(transform=transform)
    elif args.dataset == "citeseer":
        data = CiteseerGraphDataset(transform=transform)
    elif args.dataset == "pubmed":
        data = PubmedGraphDataset(transform=transform)
    else:
        raise ValueError("Unknown dataset: {}".format(args.dataset))  # noqa: UP032
    g = data[0]
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    g = g.int().to(device)
    features = g.ndata["feat"]
    labels = g.ndata["label"]
    masks = g.ndata["train_mask"], g.ndata["val_mask"], g.ndata["test_mask"]

    # create GCN model
    in_size = features.shape[1]
    out_size = data.num_classes
    model = GCN(in_size, 16, out_size).to(device)

    # convert model and graph to bfloat16 if needed
    if args.dt == "bfloat16":
        g = dgl.to_bfloat16(g)
        features = features.to(dtype=torch.bfloat16)
        model = model.to(dtype=torch.bfloat16)

    # model training
    print("Training...")
    train(g, features, labels, masks, model)

    # test the model
    print("Testing...")
    acc = evaluate(g, features, labels, masks[2], model)
    print("Test accuracy {:.4f}".format(acc))  # noqa: UP032

    # --- zoo harness: the script's record, then the truth read back from it ---------------
    with open(HISTORY_FILE, "w", encoding="utf-8") as handle:
        json.dump({"epochs": history, "test_accuracy": acc, "test_epoch": history[-1]["epoch"]},
                  handle, indent=1)
    with open(HISTORY_FILE, encoding="utf-8") as handle:
        record = json.load(handle)
    epochs = record["epochs"]
    write_truth(
        "dgl", dgl.__version__,
        f"{HISTORY_FILE}: what examples/pytorch/gcn/train.py's loop computes and prints "
        "(loss.item(), evaluate's accuracy on val_mask, the closing test accuracy), recorded "
        "by the case (DGL keeps no record of its own)",
        {
            "Loss": series([(row["epoch"], row["Loss"]) for row in epochs], "epoch",
                           tolerance=5e-5),
            "Accuracy": series([(row["epoch"], row["Accuracy"]) for row in epochs], "epoch",
                               tolerance=5e-5),
            "test_accuracy": series([(record["test_epoch"], record["test_accuracy"])],
                                    "epoch", tolerance=5e-5),
        },
    )
