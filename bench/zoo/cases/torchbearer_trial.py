"""torchbearer 0.5.5 (the last release of the PyTorch model-fitting library), its README
quick start: ``Trial(model, optimizer, loss, metrics=['acc', 'loss'])``,
``.with_generators(train_generator=traingen, val_generator=valgen)``, ``.run(epochs=3)``
(the quick start's ``.to('cuda')`` left out: CPU; its ``test_generator`` too, as nothing
evaluates it). Model and data are the case's own, built under ``torch.manual_seed(0)``: a
10-16-2 MLP (``nn.Linear``, ``nn.ReLU``) trained with ``SGD(lr=0.1)`` and
``nn.CrossEntropyLoss`` on a linearly separable two-class set of 640 Gaussian points
(512 for training, shuffled in batches of 32: 16 steps an epoch; 128 for validation: 4
steps). Nothing downloaded; about a second of training. The case prints nothing of its own.

What it prints (stderr, torchbearer's default printer for ``verbose=2``: the ``Tqdm``
callback, a tqdm bar per phase and epoch, described ``{epoch}/{max_epochs}(t)`` or ``(v)``;
the postfix is ``_format_metrics``: the state's metrics, keys sorted, each
``str(round(value, 4))``)::

    0/3(t):   6%|▋         | 1/16 [00:00<00:00, 149.78it/s, running_acc=0.5625,
        running_loss=0.6933]
    ...
    0/3(t):  69%|██████▉   | 11/16 [00:00<00:00, 310.74it/s, running_acc=0.5852,
        running_loss=0.6761]
    ...
    0/3(t): 100%|██████████| 16/16 [00:00<00:00, 335.45it/s, acc=0.6328, loss=0.6535,
        running_acc=0.5852, running_loss=0.6761]
    0/3(v): 100%|██████████| 4/4 [00:00<00:00, 1753.47it/s, val_acc=0.6953, val_loss=0.6253]
    ...
    2/3(t): 100%|██████████| 16/16 [00:00<00:00, 599.78it/s, acc=0.8828, loss=0.43,
        running_acc=0.7594, running_loss=0.558]
    2/3(v): 100%|██████████| 4/4 [00:00<00:00, 598.48it/s, val_acc=0.8516, val_loss=0.4336]

(each frame a ``\\r`` redraw on one line a bar; the rates change run to run; the closing
frame is drawn twice, by ``set_postfix_str`` and by ``close``). While an epoch runs
the postfix shows only ``running_acc``/``running_loss``: running means over the last 50
batches (not reset between epochs), recomputed every 10 steps (``RunningMean``'s
``step_size``), so they change at steps 1 and 11 of an epoch. At the end of the training
pass ``_close`` prints the epoch's ``acc``/``loss`` (means over the epoch) beside the last
running values; the validation bar shows ``val_acc``/``val_loss`` only at its close.

Truth: the history ``run()`` returns (``state[HISTORY]``: a dict an epoch,
``dict(state[METRICS], train_steps=..., validation_steps=...)``), the values the closing
postfixes print. Judgement calls:
- Names: torchbearer's own keys, as printed: ``acc``, ``loss``, ``running_acc``,
  ``running_loss``, ``val_acc``, ``val_loss``; key ``epoch`` = the history's index, 0-based
  as the bars' ``0/3`` prints it (3 points each).
- ``running_acc``/``running_loss``: the history keeps the epoch's last running value (the
  one the closing bar shows); the mid-epoch values the bar showed before step 11 are not in
  any record, so the truth has one point an epoch.
- ``train_steps``/``validation_steps`` are step counts the history adds, never printed:
  not metrics. ``it/s`` is tqdm's rate: ``also_ok``.
- Tolerance: ``round(value, 4)``, so 5e-5 absolute.
- Determinism: seeded data, initialisation and shuffling repeat exactly (one thread); only
  tqdm's timings change run to run.
"""
# zoo-venv: misc3

import torch
import torchbearer
from _truth import series, write_truth
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from torchbearer import Trial

torch.manual_seed(0)
X = torch.randn(640, 10)
y = (X @ torch.randn(10) > 0).long()
traingen = DataLoader(TensorDataset(X[:512], y[:512]), batch_size=32, shuffle=True)
valgen = DataLoader(TensorDataset(X[512:], y[512:]), batch_size=32)

model = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, 2))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loss = nn.CrossEntropyLoss()

trial = Trial(model, optimizer, loss, metrics=['acc', 'loss'])
trial.with_generators(train_generator=traingen, val_generator=valgen)
history = trial.run(epochs=3)

names = ("acc", "loss", "running_acc", "running_loss", "val_acc", "val_loss")
assert all(set(epoch) == {*names, "train_steps", "validation_steps"} for epoch in history), \
    history
metrics = {name: series(((epoch, record[name]) for epoch, record in enumerate(history)),
                        "epoch", tolerance=5e-5) for name in names}
write_truth("torchbearer", torchbearer.__version__,
            "the history Trial.run() returns (a metrics dict an epoch)", metrics,
            also_ok=["it/s"],
            notes=f"{len(history)} epochs of {history[0]['train_steps']} training and "
                  f"{history[0]['validation_steps']} validation steps")
