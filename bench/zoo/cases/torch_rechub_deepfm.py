"""Torch-RecHub (torch-rechub 0.9.0, Datawhale's recommendation library on the CPU build of
torch 2.13.0): ``DeepFM`` trained by its ``CTRTrainer``, as "Example 1: CTR Prediction
(Ranking Model)" of its Quick Start guide (docs) trains one, on a small synthetic Criteo-like
frame the case draws itself instead of the guide's ``criteo_sample.csv`` download (4,000 rows:
four sparse categorical columns ``C1``..``C4`` of hex string ids with 5 to 60 levels, three
dense count columns ``I1``..``I3``, a binary ``label`` with a logistic dependence on some of
both). As the guide: ``MinMaxScaler`` on the dense columns, ``LabelEncoder`` on the sparse
ones, ``DenseFeature``/``SparseFeature(name, vocab_size=..., embed_dim=16)``,
``DataGenerator(x, y).generate_dataloader(split_ratio=[0.7, 0.1], batch_size=256)`` (a
random 2800 : 400 : 800 split), ``DeepFM(deep_features=dense_feas + sparse_feas,
fm_features=sparse_feas, mlp_params={"dims": [256, 128], "dropout": 0.2, "activation":
"relu"})``, ``CTRTrainer(model, optimizer_params={"lr": 1e-3, "weight_decay": 1e-5},
n_epoch=3, earlystop_patience=10, device="cpu", model_path="./")`` (the guide: 5 epochs and
the defaults; ``earlystop_patience=10`` and ``model_path`` as the repository's
``examples/ranking/run_criteo.py`` passes them), ``trainer.fit(train_dl, val_dl)``, then
``auc = trainer.evaluate(model, test_dl)`` and the guide's ``print(f"Test AUC: {auc:.4f}")``.
Nothing downloaded; ``torch.manual_seed(0)`` (weights, dropout, the split and the shuffling)
and a seeded numpy generator for the data; about 10 s on one thread.

What it prints (stdout: ``print``; stderr: tqdm's bars):
``the samples of train : val : test are  2800 : 400 : 800`` (``DataGenerator``), then for each
epoch ``epoch: 0``, a ``train`` bar of 11 batches whose ``set_postfix(loss=...)`` the trainer
calls every ``log_interval=10`` batches with the mean loss of those 10 batches (tqdm's
``{:.3g}``; with 11 batches once an epoch, at the 10th batch, so the bar's last frame still
shows it)::

    train: 100%|██████████| 11/11 [00:00<00:00, 27.20it/s, loss=0.656]
    validation: 100%|██████████| 2/2 [00:00<00:00, 30.69it/s]
    epoch: 0 validation: auc: 0.78753591954023

(the ``validation`` bar is ``evaluate``'s, no postfix; the auc is printed as ``print`` writes
the float ``roc_auc_score`` returns, full precision), and at the end the test set's
``validation`` bar (``evaluate`` names every bar ``validation``) and ``Test AUC: 0.8154``.
Under a pipe tqdm writes each frame ending in ``\\r`` (``mininterval=1.0``: the first frame,
the postfix's forced refresh, the close); under the pty the frames overwrite one line.

Truth: the trainer's own record, kept in memory:
- ``validation_auc``: what ``CTRTrainer.fit`` hands its loggers, ``log_metrics({'val/auc':
  auc}, step=epoch_i)``, the very float it prints. Torch-RecHub keeps it for its tracking
  backends (``model_logger=``: wandb, SwanLab, TensorBoardX adapters of
  ``torch_rechub.basic.tracking.BaseLogger``); the case passes ``model_logger=`` a
  ``BaseLogger`` that keeps the calls in a list (prints nothing, writes nothing), the
  framework's documented hook. Exact: printed in full.
- ``test_AUC``: the float ``trainer.evaluate(model, test_dl)`` returns (the guide's ``auc``),
  printed ``:.4f``: tolerance 5e-5.
- ``loss``: the trainer keeps no record of the bar's postfix (its loggers get ``train/loss``,
  the mean over all the epoch's batches, a different value that is never printed), so the
  case wraps ``tqdm.tqdm.set_postfix`` to keep what the trainer's own code hands it
  (``total_loss / log_interval``, a float) before the original runs: a thin recording
  wrapper, nothing printed changes. Relative tolerance 5e-3 (tqdm's 3 significant digits).
Judgement calls:
- Names as exptrack's rules name the printed values (docs/metrics.md): ``validation:`` before
  ``auc:`` is a phase label (``validation_auc``, the trainer's ``val/auc``); ``Test`` in
  ``Test AUC:`` is a phase word, the name as printed (``test_AUC``); the bar's ``train:``
  label names the mode of a progress line, no phase, so its postfix is ``loss``.
- Axis ``epoch``, 0-based as ``epoch: 0`` prints it and as the trainer passes ``step``; the
  test AUC is of the model after the last epoch (no early stop happened, so no best weights
  were loaded back): epoch 2. The postfix loss is the mean of the epoch's batches 1-10, keyed
  by its epoch (one value an epoch); the bar's frames after ``set_postfix`` show the same
  value again and are no observation of their own.
- ``train/loss`` and ``learning_rate`` (handed to the loggers, never printed) are no truth
  metric: ``notes`` records them. ``it/s`` (``s/it`` when slow) is the bars' timing
  (``also_ok``). The split line's ``2800 : 400 : 800`` are counts, ``epoch: 0`` the axis.
- ``model_path="./"``: ``fit`` writes ``model.pth`` (the weights) in the run's cwd; no metric
  file.
"""
# zoo-venv: rechub

from importlib.metadata import version

import numpy as np
import torch
import tqdm
from _criteo_frame import LEVELS, criteo_frame
from _truth import series, write_truth
from sklearn.preprocessing import LabelEncoder, MinMaxScaler
from torch_rechub.basic.features import DenseFeature, SparseFeature
from torch_rechub.basic.tracking import BaseLogger
from torch_rechub.models.ranking import DeepFM
from torch_rechub.trainers import CTRTrainer
from torch_rechub.utils.data import DataGenerator


class RecordingLogger(BaseLogger):
    """Torch-RecHub's tracking interface, kept in memory: what ``CTRTrainer`` logs."""

    def __init__(self):
        self.metrics = []  # (step, {name: value}) as log_metrics receives them
        self.params = {}

    def log_metrics(self, metrics, step=None):
        self.metrics.append((step, dict(metrics)))

    def log_hyperparams(self, params):
        self.params.update(params)

    def finish(self):
        pass


# truth only: what the trainer's own code hands its bar's postfix (kept by no record)
postfixes = []
_set_postfix = tqdm.tqdm.set_postfix


def _recording_set_postfix(self, ordered_dict=None, refresh=True, **kwargs):
    postfixes.append((self.desc, dict(ordered_dict or {}, **kwargs)))
    return _set_postfix(self, ordered_dict, refresh, **kwargs)


tqdm.tqdm.set_postfix = _recording_set_postfix

torch.manual_seed(0)
rng = np.random.default_rng(0)

# ========== 1. Data: a small Criteo-like frame (hashed-looking ids, skewed counts) ==========
data = criteo_frame(rng, 4000)
levels = LEVELS

# ========== 2. Feature Engineering ==========
dense_features = ["I1", "I2", "I3"]
sparse_features = list(levels)

scaler = MinMaxScaler()
data[dense_features] = scaler.fit_transform(data[dense_features])

for feat in sparse_features:
    encoder = LabelEncoder()
    data[feat] = encoder.fit_transform(data[feat].astype(str))

# ========== 3. Define Feature Types ==========
dense_feas = [DenseFeature(name) for name in dense_features]
sparse_feas = [SparseFeature(name, vocab_size=data[name].nunique(), embed_dim=16)
               for name in sparse_features]

# ========== 4. Create DataLoader ==========
x = data.drop(columns=["label"])
y = data["label"]

dg = DataGenerator(x, y)
train_dl, val_dl, test_dl = dg.generate_dataloader(split_ratio=[0.7, 0.1], batch_size=256)

# ========== 5. Define Model ==========
model = DeepFM(deep_features=dense_feas + sparse_feas, fm_features=sparse_feas,
               mlp_params={"dims": [256, 128], "dropout": 0.2, "activation": "relu"})

# ========== 6. Train Model ==========
recorder = RecordingLogger()
trainer = CTRTrainer(model, optimizer_params={"lr": 1e-3, "weight_decay": 1e-5}, n_epoch=3,
                     earlystop_patience=10, device="cpu", model_path="./",
                     model_logger=recorder)
trainer.fit(train_dl, val_dl)

# ========== 7. Evaluate Model ==========
auc = trainer.evaluate(model, test_dl)
print(f"Test AUC: {auc:.4f}")

# ========== truth ==========
val_auc = [(step, m["val/auc"]) for step, m in recorder.metrics if "val/auc" in m]
train_loss = [(step, m["train/loss"]) for step, m in recorder.metrics if "train/loss" in m]
assert [step for step, _ in val_auc] == [0, 1, 2], val_auc
train_postfixes = [kw["loss"] for desc, kw in postfixes if desc == "train"]
assert len(postfixes) == len(train_postfixes) == 3, postfixes  # 11 batches: one an epoch
last_epoch = val_auc[-1][0]

metrics = {
    "loss": series(enumerate(train_postfixes), "epoch", rel_tolerance=5e-3),
    "validation_auc": series(val_auc, "epoch"),
    "test_AUC": series([(last_epoch, auc)], "epoch", tolerance=5e-5),
}
write_truth(
    "torch-rechub", version("torch-rechub"),
    "CTRTrainer.fit's log_metrics({'val/auc': auc}, step=epoch) kept by a model_logger "
    "(torch_rechub.basic.tracking.BaseLogger in memory); the float trainer.evaluate(model, "
    "test_dl) returns; what train_one_epoch hands tqdm's set_postfix(loss=...) (a recording "
    "wrapper: the trainer keeps no record of it)",
    metrics,
    also_ok=["it/s", "s/it"],
    notes="the loggers also receive train/loss (the epoch's mean batch loss: "
          + ", ".join(f"{value:.6f}" for _, value in train_loss)
          + ") and learning_rate (0.001) an epoch, never printed: no truth metric",
)
