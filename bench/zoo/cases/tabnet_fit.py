"""pytorch-tabnet ``TabNetClassifier.fit`` on synthetic binary data with a train and a valid
eval set (``eval_name=["train", "valid"]``) and ``eval_metric=["auc", "accuracy"]``, as the
project README shows, 5 epochs, default verbosity (``verbose=1``: a line per epoch,
``epoch 3  | loss: 0.6812  | train_auc: 0.71 | ...|  0:00:00s``). Truth: ``clf.history``
(the ``History`` callback), 0-based epoch as printed.

Judged: ``history["lr"]`` is recorded but never printed, so it is left out of the truth. The
closing "Stop training because you reached max_epochs = 5 with best_epoch = E and
best_valid_accuracy = V" line repeats the value of the best epoch (``clf.best_cost`` at
``clf.best_epoch``): a running best, which docs/metrics.md names no series of its own, so it is
in ``also_ok`` (fine to record, not expected); CatBoost's ``bestTest`` is the documented
exception. ``max_epochs`` and ``best_epoch`` there are settings/indices.
The per-epoch values are printed as ``np.round(value, 5)``; the best as ``round(value, 5)``.
"""

import importlib.metadata

import numpy as np
import torch
from _truth import series, write_truth
from pytorch_tabnet.tab_model import TabNetClassifier

torch.manual_seed(0)
rng = np.random.default_rng(0)
# fit's defaults are batch_size=1024 and drop_last=True: 3200 training rows give 3 batches
X = rng.normal(size=(4000, 8)).astype(np.float32)
y = (X[:, 0] + X[:, 1] * X[:, 2] + rng.normal(scale=0.5, size=4000) > 0).astype(np.int64)
X_train, y_train, X_valid, y_valid = X[:3200], y[:3200], X[3200:], y[3200:]

clf = TabNetClassifier(seed=0)
clf.fit(X_train, y_train,
        eval_set=[(X_train, y_train), (X_valid, y_valid)],
        eval_name=["train", "valid"],
        eval_metric=["auc", "accuracy"],
        max_epochs=5)

history = clf.history.history
metrics = {}
for name, values in history.items():
    if name == "lr":  # recorded, never printed
        continue
    metrics[name] = series(enumerate(values), "epoch", tolerance=5e-6)
write_truth("pytorch-tabnet", importlib.metadata.version("pytorch-tabnet"),
            "TabNetClassifier.history (History callback)", metrics,
            also_ok=[f"best_{clf._metrics_names[-1]}"])
