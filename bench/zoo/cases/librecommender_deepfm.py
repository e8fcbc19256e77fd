r"""LibRecommender 1.5.2 (pip ``LibRecommender``, module ``libreco``; its newest release, the
cp311 manylinux wheel with its compiled Cython ALS/BPR parts) on TensorFlow 2.15.1
(``tensorflow-cpu``): its ``DeepFM``, trained as the README's quick start trains its models,
on a small synthetic implicit-feedback frame the case draws itself (no MovieLens download).
``DeepFM`` is one of libreco's TensorFlow models (``TfBase``: a ``tf.compat.v1`` graph run in a
``Session``; libreco's torch backend serves only LightGCN, NGCF, GraphSage and PinSage, there is
no ``backend="torch"`` DeepFM), and libreco asks for TensorFlow below 2.16: from 2.16 on
``tf.keras`` is Keras 3, whose layers its v1 graph code cannot use. libreco also imports torch
(its batch loader is a ``torch.utils.data.DataLoader``) and scikit-learn (its metrics) without
declaring either: see ``requirements-libreco.txt``.

Data: 300 users and 120 items in six taste groups; each user has 12 to 30 positive
interactions (``label`` 1), four in five drawn from the items of the user's group and the
rest from all items, with a skewed popularity inside each draw (numpy ``default_rng(0)``),
duplicates dropped, and a ``time`` column, in the quick start's ``user, item, label, time``
layout. As the quick start: ``random_split(data, multi_ratios=[0.8, 0.2], seed=42)``,
``DatasetPure.build_trainset(train)``, ``DatasetPure.build_evalset(eval)``, then
``DeepFM("ranking", data_info, embed_size=16, n_epochs=3, lr=1e-3, batch_size=256,
use_bn=True, hidden_units=(128, 64, 32), seed=42)`` and ``model.fit(train_data,
neg_sampling=True, verbose=2, shuffle=True, eval_data=eval_data, metrics=["loss", "roc_auc",
"precision", "recall", "ndcg"])`` (one random negative an interaction, for training and for
the evaluation's pointwise metrics; ``k=10`` for the listwise ones).

What it prints (``verbose=2``), after TensorFlow's start-up log on stderr (oneDNN, the CPU
feature guard, ``disable_resource_variables`` deprecation, the ``tf.layers.batch_normalization``
``UserWarning`` lines): ``n_users: 300, n_items: 120, data density: ...`` (``print(data_info)``,
the case's, as in the quick start), ``Training start time: \x1b[35m2026-12-07 12:29:35\x1b[0m``
and ``total params: \x1b[33m22,235\x1b[0m | embedding params: \x1b[33m7,400\x1b[0m | network params:
\x1b[33m14,835\x1b[0m`` (colour codes as libreco prints them), then for each epoch a tqdm bar
``train: 100%|...| 21/21 [00:01<00:00, 16.84it/s]`` on stderr, then on stdout (pty capture)::

    Epoch 1 elapsed: 0.568s
    \t \x1b[32mtrain_loss: 0.7344\x1b[0m
    \t eval log_loss: 0.6920
    \t eval roc_auc: 0.5847
    \t eval precision@10: 0.0456
    \t eval recall@10: 0.1907
    \t eval ndcg@10: 0.2203
    ==============================

with two more tqdm bars (``eval_pointwise``, ``eval_listwise``) on stderr before the ``eval``
lines. Under the pipe the bars' ``\r`` frames and the stdout lines interleave as the two
streams flush (``train:   5%|...| 1/21 [00:01<00:24,  1.20s/it]Epoch 1 elapsed: 1.255s``).
``train_loss`` is ``str(round(float(np.mean(train_total_loss)), 4))`` (so ``0.73`` for
0.7300, no trailing zeros), the ``eval`` values ``f"{val:.4f}"``.

Truth: libreco keeps no record of either: no history, no logger, no metrics file; the fit
returns nothing and the trainer keeps the per-batch losses in a local list. So:
- ``train_loss``: one line added to libreco's own ``libreco/training/tf_trainer.py`` (the
  installed wheel's file, checked against its git blob id ``TF_TRAINER_BLOB``, run again in its
  module with ``_verbatim.load_with_lines`` as the PaddleClas case does, the line after the
  ``print`` of ``train_loss``, no line changed) appends ``float(np.mean(train_total_loss))``,
  the value the printed one rounds, with the epoch; libreco's dispatcher
  (``libreco.training.dispatch``) is given the reloaded ``TensorFlowTrainer``.
- ``eval_*``: ``print_metrics`` (libreco's ``evaluation/evaluate.py``) gets its numbers from
  the module's ``evaluate(model, data, ...)``, whose return value, a dict ``{"loss": ...,
  "roc_auc": ..., "precision": ..., "recall": ..., "ndcg": ...}`` of full-precision floats,
  is what it prints. The case wraps that module-level ``evaluate`` (a thin wrapper, libreco's
  function called unchanged) to keep each dict it returns, in call order: one a fit epoch,
  right after that epoch's ``train_loss`` record. Nothing is parsed from stdout.

Judgement calls:
- Names as printed, the phase word ``eval`` prefixing them (docs/metrics.md, "Phases"):
  ``eval_log_loss``, ``eval_roc_auc``, ``eval_precision@10``, ``eval_recall@10``,
  ``eval_ndcg@10``. ``evaluate``'s own keys are ``loss``, ``roc_auc``, ``precision``,
  ``recall``, ``ndcg``; ``print_metrics`` renames ``loss`` to ``log_loss`` (``rmse`` for a
  rating task) and adds ``@{k}`` to the listwise ones; the printed name is the only one a log
  shows, and it carries the ``k``. ``train_loss`` as printed.
- Axis ``epoch``, 1-based as printed (``Epoch 1 elapsed``): 3 points for each of the 6 names.
- Tolerance 5e-5, half the 4th decimal both formats print (``round(x, 4)`` and ``.4f``).
- ``also_ok``: ``elapsed`` (``Epoch 1 elapsed: 0.568s``, the epoch's training wall time from
  libreco's ``time_block``, which it prints and keeps nowhere) and tqdm's ``it/s`` and ``s/it``
  (the bars' rates, ``1.20s/it`` on a slow first batch).
- Not metrics: ``n_users``, ``n_items`` (counts), ``data density`` (a property of the data set,
  printed by the quick start's ``print(data_info)``), ``total params``, ``embedding params``,
  ``network params`` (counts of the model), ``Training start time``.
- ``neg_sampling=True``: the synthetic data, as MovieLens in the quick start's ranking task,
  holds only positives; training draws a random negative for each (``sampler="random"``,
  ``num_neg=1``) and the eval set gets its negatives once, seeded, before the first epoch.
- Determinism: libreco seeds TensorFlow's graph (``tf.set_random_seed(seed)``), its loader's
  shuffling and sampling, and the evaluation's negatives; ``OMP_NUM_THREADS=1``. The values
  repeat on this machine; only the times vary.
"""
# zoo-venv: libreco

import sys
from importlib.metadata import version
from pathlib import Path

import libreco.evaluation.evaluate  # the module (its name is shadowed by its function)
import libreco.training.dispatch
import libreco.training.tf_trainer
import numpy as np
import pandas as pd
import tensorflow as tf
from _truth import series, write_truth
from _verbatim import load_with_lines
from libreco.algorithms import DeepFM
from libreco.data import DatasetPure, random_split

# --- the record: one line in libreco's own trainer, one wrapper of its evaluate -------------
TF_TRAINER_BLOB = "43bff07886252a3e16426ad17244888582e0cff9"  # libreco 1.5.2's wheel
RECORD_LINES = {
    "                print(f\"\\t {colorize(train_loss_str, 'green')}\")\n":
        "                ZOO_RECORD.append((\"train_loss\", epoch,"
        " float(np.mean(train_total_loss))))  # zoo: record\n",
}
record: list[tuple] = []
trainer_module = libreco.training.tf_trainer
load_with_lines(trainer_module, Path(trainer_module.__file__), TF_TRAINER_BLOB, RECORD_LINES,
                record, "LibRecommender 1.5.2")
libreco.training.dispatch.TensorFlowTrainer = trainer_module.TensorFlowTrainer

evaluate_module = sys.modules["libreco.evaluation.evaluate"]
_libreco_evaluate = evaluate_module.evaluate


def _recorded_evaluate(*args, **kwargs):
    """libreco's evaluate, unchanged; the dict print_metrics prints is kept."""
    result = _libreco_evaluate(*args, **kwargs)
    record.append(("eval", dict(result)))
    return result


evaluate_module.evaluate = _recorded_evaluate

# --- synthetic implicit feedback: users and items in taste groups ----------------------------
rng = np.random.default_rng(0)
n_users, n_items, n_groups = 300, 120, 6
user_group = rng.integers(0, n_groups, size=n_users)
item_group = np.arange(n_items) % n_groups
popularity = rng.pareto(1.5, size=n_items) + 0.1
rows = []
for user in range(n_users):
    own = np.flatnonzero(item_group == user_group[user])
    for _ in range(rng.integers(12, 31)):
        pool = own if rng.random() < 0.8 else np.arange(n_items)
        weights = popularity[pool] / popularity[pool].sum()
        rows.append((user, int(rng.choice(pool, p=weights))))
data = pd.DataFrame(rows, columns=["user", "item"]).drop_duplicates(ignore_index=True)
data["label"] = 1
data["time"] = np.arange(len(data))

# --- LibRecommender's quick start ------------------------------------------------------------
train_data, eval_data = random_split(data, multi_ratios=[0.8, 0.2], seed=42)
train_data, data_info = DatasetPure.build_trainset(train_data)
eval_data = DatasetPure.build_evalset(eval_data)
print(data_info)

model = DeepFM("ranking", data_info, embed_size=16, n_epochs=3, lr=1e-3, batch_size=256,
               use_bn=True, hidden_units=(128, 64, 32), seed=42)
model.fit(train_data, neg_sampling=True, verbose=2, shuffle=True, eval_data=eval_data,
          metrics=["loss", "roc_auc", "precision", "recall", "ndcg"])

# --- truth ----------------------------------------------------------------------------------
K = 10  # fit's default k for the listwise metrics
PRINTED = {"loss": "log_loss", "roc_auc": "roc_auc", "precision": f"precision@{K}",
           "recall": f"recall@{K}", "ndcg": f"ndcg@{K}"}
points: dict[str, list[tuple[int, float]]] = {"train_loss": []}
epoch = None
for entry in record:
    if entry[0] == "train_loss":
        _, epoch, value = entry
        points["train_loss"].append((epoch, value))
    else:
        assert epoch is not None, record
        for key, value in entry[1].items():
            points.setdefault(f"eval_{PRINTED[key]}", []).append((epoch, value))
assert [e for e, _ in points["train_loss"]] == [1, 2, 3], record
assert all(len(pairs) == 3 for pairs in points.values()), points

metrics = {name: series(pairs, "epoch", tolerance=5e-5) for name, pairs in points.items()}
write_truth("LibRecommender", version("LibRecommender"),
            "values libreco computes: train_loss recorded by a line added to its "
            "training/tf_trainer.py, eval_* the dicts its evaluation.evaluate returns to "
            f"print_metrics (TensorFlow {tf.__version__})",
            metrics, also_ok=["elapsed", "it/s", "s/it"])
