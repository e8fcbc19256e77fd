r"""skorch: ``NeuralNetClassifier`` around a small torch MLP on synthetic data, ``fit`` for 5
epochs with the default callbacks (``PrintLog`` table with ``epoch train_loss valid_acc
valid_loss dur``, the default internal 80/20 ``ValidSplit``). Truth: ``net.history``
(skorch's own per-epoch record).

Judgement: the metrics are the history keys that PrintLog prints (``train_loss``,
``valid_acc``, ``valid_loss``); ``dur`` is the epoch duration in seconds (``also_ok``);
``epoch`` is the index (1-based, as skorch records and prints it), so the key is ``epoch``.
The ``*_best`` history flags are not series: PrintLog shows them only by colouring the best
cells with ANSI escapes (``\x1b[36m0.7226\x1b[0m``), under a pipe as under a terminal."""

import numpy as np
import skorch
import torch
from _truth import series, write_truth
from skorch import NeuralNetClassifier
from torch import nn

torch.manual_seed(0)
rng = np.random.default_rng(0)
X = rng.normal(size=(500, 10)).astype(np.float32)
y = (X[:, 0] + X[:, 1] - X[:, 2] > 0).astype(np.int64)


class MLP(nn.Module):
    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.ReLU(), nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.softmax(self.net(x), dim=-1)


net = NeuralNetClassifier(MLP, max_epochs=5, lr=0.1)
net.fit(X, y)

metrics = {}
for name in ("train_loss", "valid_acc", "valid_loss"):
    # PrintLog: tabulate(..., floatfmt=".4f")
    metrics[name] = series([(row["epoch"], row[name]) for row in net.history if name in row],
                           "epoch", tolerance=5e-5)
write_truth("skorch", skorch.__version__, "net.history", metrics, also_ok=["dur"])
