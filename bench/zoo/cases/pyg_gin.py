"""PyTorch Geometric 2.8.1: its own ``examples/mutag_gin.py`` (a 5-layer GIN classifying the
MUTAG molecules), from the repository ``pyg-team/pytorch_geometric`` at commit
5c6461b2305ad068a6d61165b3c55852a11aaa41 (2026-08-17), run as the example is (``python
mutag_gin.py``: every argparse default kept, ``--dataset MUTAG --batch_size 128
--hidden_channels 32 --num_layers 5 --lr 0.01``, no ``--wandb``) with two changes, each
marked ``# zoo:`` below:
1. ``TUDataset(path, name='MUTAG')`` downloads MUTAG; here a local ``TUDataset`` stands in for
   it (the import of ``torch_geometric.datasets.TUDataset`` removed): PyG's own
   ``FakeDataset(num_graphs=188, avg_num_nodes=18, avg_degree=2.2, num_channels=7,
   edge_dim=4, num_classes=2, task='graph')``, MUTAG's sizes (188 graphs of ~18 nodes, 7 node
   features, 4 edge features, 2 classes; FakeDataset adds the graph's label to its node
   features, so the classes are learnable). The example's ``.shuffle()``, 90/10 split
   (``dataset[:0.9]``: 169 training graphs, 2 batches; 19 test graphs) and loaders are its
   own.
2. ``--epochs`` defaults to 10 instead of 100.
Everything else is the example's text (its imports merged into one block by ruff's isort;
the harness lines around it: a fixed ``random.seed(0)``/``torch.manual_seed(0)``, which
the example does not set (FakeDataset draws from both), and the wrapper of ``log`` that
keeps the truth).

What it prints: one line an epoch from ``torch_geometric.logging.log``, e.g. ``Epoch: 002,
Loss: 0.6063, Train: 0.9941, Test: 1.0000`` (ints as ``:03d``, floats as ``:.4f``), then
``Median time per epoch: 0.0940s``; on stderr torch 2.14's ``UserWarning: Converting a tensor
with requires_grad=True to a scalar`` for the example's ``float(loss)``. The synthetic
classes are easy: ``Train``/``Test`` reach 1.0 by epoch 2-3 and ``Loss`` falls to ~1e-3
(printed ``0.0007``), which the truth keeps as it is.

Truth: the keyword arguments the example passes to ``log`` (the function wrapped, values
kept at full precision; with ``--wandb`` the same dict would go to ``wandb.log``). Judgements:
- Names as ``log`` keys them: ``Loss`` (the epoch's training loss, mean over graphs),
  ``Train`` and ``Test`` (accuracies); ``Epoch`` (the loop counter, 1-based) is the axis,
  key "epoch". 10 points each.
- Tolerance 5e-5: every value is printed ``f"{value:.4f}"``.
- ``Median time per epoch`` (seconds, printed once at the end): timing, ``also_ok`` as
  ``Median_time_per_epoch`` (its capital kept, session 82's review).
"""
# zoo-venv: ts

import argparse
import os.path as osp
import random
import time

import torch
import torch.nn.functional as F
from _pyg_log import recording, write_log_truth
from torch_geometric.datasets import FakeDataset
from torch_geometric.loader import DataLoader
from torch_geometric.logging import init_wandb, log
from torch_geometric.nn import MLP, GINConv, global_add_pool

# --- zoo harness: seeds, the MUTAG stand-in, the recording wrapper of log ------------------
random.seed(0)
torch.manual_seed(0)
log = recording(log)


def TUDataset(root, name):  # zoo: stands in for the MUTAG download
    return FakeDataset(num_graphs=188, avg_num_nodes=18, avg_degree=2.2, num_channels=7,
                       edge_dim=4, num_classes=2, task='graph')


# --- examples/mutag_gin.py ----------------------------------------------------------------

parser = argparse.ArgumentParser()
parser.add_argument('--dataset', type=str, default='MUTAG')
parser.add_argument('--batch_size', type=int, default=128)
parser.add_argument('--hidden_channels', type=int, default=32)
parser.add_argument('--num_layers', type=int, default=5)
parser.add_argument('--lr', type=float, default=0.01)
parser.add_argument('--epochs', type=int, default=10)  # zoo: default 100
parser.add_argument('--wandb', action='store_true', help='Track experiment')
args = parser.parse_args()

if torch.cuda.is_available():
    device = torch.device('cuda')
elif hasattr(torch.backends, 'mps') and torch.backends.mps.is_available():
    # MPS is currently slower than CPU due to missing int64 min/max ops
    device = torch.device('cpu')
else:
    device = torch.device('cpu')

init_wandb(
    name=f'GIN-{args.dataset}',
    batch_size=args.batch_size,
    lr=args.lr,
    epochs=args.epochs,
    hidden_channels=args.hidden_channels,
    num_layers=args.num_layers,
    device=device,
)

path = osp.join(osp.dirname(osp.realpath(__file__)), '..', 'data', 'TU')
dataset = TUDataset(path, name=args.dataset).shuffle()  # zoo: local TUDataset

train_loader = DataLoader(dataset[:0.9], args.batch_size, shuffle=True)
test_loader = DataLoader(dataset[0.9:], args.batch_size)


class GIN(torch.nn.Module):
    def __init__(self, in_channels, hidden_channels, out_channels, num_layers):
        super().__init__()

        self.convs = torch.nn.ModuleList()
        for _ in range(num_layers):
            mlp = MLP([in_channels, hidden_channels, hidden_channels])
            self.convs.append(GINConv(nn=mlp, train_eps=False))
            in_channels = hidden_channels

        self.mlp = MLP([hidden_channels, hidden_channels, out_channels],
                       norm=None, dropout=0.5)

    def forward(self, x, edge_index, batch):
        for conv in self.convs:
            x = conv(x, edge_index).relu()
        x = global_add_pool(x, batch)
        return self.mlp(x)


model = GIN(
    in_channels=dataset.num_features,
    hidden_channels=args.hidden_channels,
    out_channels=dataset.num_classes,
    num_layers=args.num_layers,
).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)


def train():
    model.train()

    total_loss = 0
    for data in train_loader:
        data = data.to(device)
        optimizer.zero_grad()
        out = model(data.x, data.edge_index, data.batch)
        loss = F.cross_entropy(out, data.y)
        loss.backward()
        optimizer.step()
        total_loss += float(loss) * data.num_graphs
    return total_loss / len(train_loader.dataset)


@torch.no_grad()
def test(loader):
    model.eval()

    total_correct = 0
    for data in loader:
        data = data.to(device)
        out = model(data.x, data.edge_index, data.batch)
        pred = out.argmax(dim=-1)
        total_correct += int((pred == data.y).sum())
    return total_correct / len(loader.dataset)


times = []
for epoch in range(1, args.epochs + 1):
    start = time.time()
    loss = train()
    train_acc = test(train_loader)
    test_acc = test(test_loader)
    log(Epoch=epoch, Loss=loss, Train=train_acc, Test=test_acc)
    times.append(time.time() - start)
print(f'Median time per epoch: {torch.tensor(times).median():.4f}s')

# --- zoo harness: the truth ---------------------------------------------------------------
write_log_truth("examples/mutag_gin.py", ("Loss", "Train", "Test"))
