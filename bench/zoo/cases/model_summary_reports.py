"""Model-summary reports printed before a plain PyTorch training loop, as many training
scripts print them: torchinfo 1.8.0's ``summary(model, input_size=(8, 20))`` (its README's
call; in a script it prints its table itself, ``verbose`` defaulting to 1), ptflops 0.7.5's
README call ``macs, params = get_model_complexity_info(model, (20,), as_strings=True,
print_per_layer_stat=True, verbose=True)`` (default ``backend="pytorch"``) with the README's
two ``print('{:<30}  {:<8}'.format('Computational complexity: ', macs))`` lines, and fvcore
0.1.5.post20221221's ``flops = FlopCountAnalysis(model, x)``, ``print(flops.total())`` and
``print(flop_count_table(flops))`` (its docs' usage), all on the CPU build of torch 2.13.0.
The model is a tiny MLP (``fc1`` Linear(20, 64), ``relu``, ``fc2`` Linear(64, 2): 1,474
parameters); the data are synthetic (512 train and 256 validation rows of 20 Gaussian
features, labelled by the sign of a fixed random projection plus noise, seeded). The loop:
Adam (lr 1e-2), ``CrossEntropyLoss``, batch 32 shuffled by a seeded generator, 3 epochs, then
a validation pass, one line an epoch as a typical script prints it. Nothing downloaded; a few
seconds on one thread.

What it prints (stdout): torchinfo's table (``Layer (type:depth-idx)  Output Shape  Param #``,
rows ``├─Linear: 1-1  [8, 64]  1,344``, then ``Total params: 1,474``, ``Trainable params:
1,474``, ``Non-trainable params: 0``, ``Total mult-adds (Units.MEGABYTES): 0.01`` (sic:
torchinfo 1.8.0 formats its units enum so on Python 3.11), ``Input size (MB): 0.00``,
``Forward/backward pass size (MB): 0.00``, ``Params size (MB): 0.01``, ``Estimated Total Size
(MB): 0.01``, between rules of ``=``); ptflops' ``Warning: module MLP is treated as a
zero-op.`` (its ``verbose=True``), the per-layer repr (``(fc1): Linear(1.34 k, 91.180%
Params, 1.34 KMac, 83.895% MACs, in_features=20, out_features=64, bias=True)``...),
``Computational complexity:       1.6 KMac`` and ``Number of parameters:           1.47 k``;
fvcore's total ``11264`` on a line of its own and its markdown table (``| module |
#parameters or shape | #flops |``, rows ``| fc1 | 1.344K | 10.24K |``, ``| fc1.weight | (64,
20) | |``); then ``epoch 1: train_loss 0.5108 val_loss 0.3019 val_acc 0.9180`` for epochs 1
to 3.

Truth: the loop computes its values itself and keeps no other record, so its own variables
are the record: one line appends ``(epoch, train_loss, val_loss, val_acc)`` to a list beside
the print (``train_loss`` the sample-weighted mean of the epoch's batch losses, ``val_loss``
the same over the validation set after the epoch, ``val_acc`` the fraction correct); nothing
is parsed from stdout. Judgement calls:
- Names as printed, the loop's own keys: ``train_loss``, ``val_loss``, ``val_acc``, keyed
  ``epoch`` (1..3, the ``epoch N:`` prefix), 3 points each; tolerance 5e-5 (``:.4f``).
- Nothing of the reports is a metric: parameter counts, mult-adds/MACs/FLOPs, the sizes in
  MB, the percentages and the layer shapes describe the model, not its training, and no
  report is a training measure (none is timed either), so none is expected and ``also_ok`` is
  empty: every name recorded from them is junk.
- Determinism: seeded weights, data and shuffling on one thread; the output has no time in
  it, pipe and pty alike.
"""
# zoo-venv: modelsummary

from importlib.metadata import version

import torch
from _truth import series, write_truth
from fvcore.nn import FlopCountAnalysis, flop_count_table
from ptflops import get_model_complexity_info
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from torchinfo import summary

torch.manual_seed(0)


class MLP(nn.Module):
    def __init__(self, in_features=20, hidden=64, classes=2):
        super().__init__()
        self.fc1 = nn.Linear(in_features, hidden)
        self.relu = nn.ReLU()
        self.fc2 = nn.Linear(hidden, classes)

    def forward(self, x):
        return self.fc2(self.relu(self.fc1(x)))


# synthetic binary classification: a fixed random direction, labels by its sign plus noise
generator = torch.Generator().manual_seed(0)
direction = torch.randn(20, generator=generator)


def make_data(n):
    x = torch.randn(n, 20, generator=generator)
    y = ((x @ direction + 0.5 * torch.randn(n, generator=generator)) > 0).long()
    return TensorDataset(x, y)


train_set, val_set = make_data(512), make_data(256)
train_loader = DataLoader(train_set, batch_size=32, shuffle=True, generator=generator)
val_loader = DataLoader(val_set, batch_size=64)

model = MLP()

# --- the model-summary reports printed before training ---
summary(model, input_size=(8, 20))

macs, params = get_model_complexity_info(model, (20,), as_strings=True,
                                         print_per_layer_stat=True, verbose=True)
print("{:<30}  {:<8}".format("Computational complexity: ", macs))
print("{:<30}  {:<8}".format("Number of parameters: ", params))

x = torch.randn(8, 20, generator=generator)
flops = FlopCountAnalysis(model, x)
print(flops.total())
print(flop_count_table(flops))

# --- a plain training loop ---
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
record: list[tuple[int, float, float, float]] = []  # (epoch, train_loss, val_loss, val_acc)

for epoch in range(1, 4):
    model.train()
    total, count = 0.0, 0
    for xb, yb in train_loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
        count += len(xb)
    train_loss = total / count
    model.eval()
    val_total, correct = 0.0, 0
    with torch.no_grad():
        for xb, yb in val_loader:
            out = model(xb)
            val_total += loss_fn(out, yb).item() * len(xb)
            correct += (out.argmax(1) == yb).sum().item()
    val_loss = val_total / len(val_set)
    val_acc = correct / len(val_set)
    record.append((epoch, train_loss, val_loss, val_acc))  # the record
    print(f"epoch {epoch}: train_loss {train_loss:.4f} val_loss {val_loss:.4f} "
          f"val_acc {val_acc:.4f}")

versions = ", ".join(f"{name} {version(name)}" for name in ("torchinfo", "ptflops", "fvcore"))
write_truth("torchinfo, ptflops, fvcore", versions,
            "the training loop's own values (train_loss, val_loss, val_acc) kept in a list "
            "beside the print; nothing from the summary reports",
            {name: series(((row[0], row[i]) for row in record), "epoch", tolerance=5e-5)
             for i, name in enumerate(("train_loss", "val_loss", "val_acc"), start=1)},
            notes=f"torch {torch.__version__}; the reports' numbers are model statistics, "
                  "none expected")
