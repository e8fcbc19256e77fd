r"""DeepChem 2.8.0 (its PyTorch models; the CPU build of torch 2.13.0): the tutorials'
``MultitaskClassifier`` on fingerprint-like data, validated during ``fit`` as "Advanced
Model Training" does it and scored as "Molecular Fingerprints" prints it. The case draws its
own data (no MoleculeNet download): 700 "molecules" of 128 sparse binary bits (an ECFP-like
fingerprint, a bit on with probability 0.12), two tasks whose labels follow a logistic
dependence on eight bits each, wrapped in ``dc.data.NumpyDataset`` (a weight of one a task,
as MoleculeNet's sets carry a weight a task; ``ids`` ``mol0``...) and split 500/100/100
into train, valid and test. As MoleculeNet's classification loaders do, a
``dc.trans.BalancingTransformer(dataset=train)`` balances the weights of all three sets and
is the ``transformers`` list the tutorial passes to ``evaluate``. Then::

    model = dc.models.MultitaskClassifier(n_tasks=2, n_features=128, layer_sizes=[64],
                                          dropouts=0.2, learning_rate=0.001, batch_size=50,
                                          model_dir="model")
    metric = dc.metrics.Metric(dc.metrics.roc_auc_score)
    callback = dc.models.ValidationCallback(valid, 20, [metric])
    model.fit(train, nb_epoch=20, callbacks=[callback, recorder])
    print('training set score:', model.evaluate(train, [metric], transformers))
    print('test set score:', model.evaluate(test, [metric], transformers))

(10 steps an epoch, 200 steps; ``model_dir`` only keeps the checkpoints in the run's own
folder instead of a ``mkdtemp`` one; ``recorder`` below.) Seeds: numpy (``fit`` shuffles
each epoch with ``np.random``) and torch (the layers' initialisation, dropout).

Printed: on stderr at ``import deepchem`` (what the import prints with this rdkit and
without DeepChem's optional backends: no metrics) ``No normalization for SPS. Feature
removed!`` and eight more such lines for rdkit descriptors DeepChem keeps no normalisation
for, then ``Skipped loading some Tensorflow models, missing a dependency. No module named
'tensorflow'`` and its kin (torch_geometric, transformers, ``cannot import name
'HuggingFaceModel' ...``, lightning, jax); at step 100 (``log_frequency``, where ``fit``
averages its loss with ``float(avg_loss)``) torch's ``UserWarning: Converting a tensor with
requires_grad=True to a scalar may lead to unexpected behavior.``, three lines. On stdout
the callback's ``Step 20 validation: roc_auc_score=0.645231`` every 20 steps (``'Step %d
validation:' % step``, then ``' %s=%g' % (key, score)`` for each metric: six significant
digits) and the two tutorial lines, ``training set score: {'roc_auc_score':
np.float64(0.9201887668716481)}`` and ``test set score: {'roc_auc_score':
np.float64(0.7330640377980076)}`` (``evaluate`` returns a dict of numpy float64 scores, the
mean over the two tasks; under numpy 2 a dict prints its values' repr, ``np.float64(...)``,
full precision). ``fit``'s return value (the average loss of the last logging interval) is
not printed in a script (the notebook shows it as the cell's value), and DeepChem's own
``Ending global_step 100: Average loss ...`` is a ``logger.info`` that no handler shows by
default: neither is a printed metric.

Truth, DeepChem's own records:
- ``validation_roc_auc_score``: what ``ValidationCallback`` writes. A second callback on the
  same set, interval and metric, ``recorder = dc.models.ValidationCallback(valid, 20,
  [metric], output_file=log)``, writes the same message to ``validation.log`` (its
  ``output_file``, the callback's documented record; the first one writes to stdout, its
  default). Both run after the same step with no training in between, so the file repeats
  stdout's values. Evaluating twice changes nothing: ``predict`` reads the batches in order
  and sets ``model.eval()``, which ``fit`` never undoes (it calls ``model.train()`` once,
  before its loop), so with one callback or two dropout is off from the first validation
  on, a quirk of DeepChem's, not the case's. The case asserts each file line's step, and
  that ``callback.get_best_score()`` (the callback's own saved best, full precision) is the
  file's best as DeepChem takes it: ``save_on_minimum`` defaults to True, which the
  tutorial leaves as is, so for a ROC AUC its "best" is the lowest score. The file is
  listed in ``files``. Keyed by ``step``, the printed global step (20, 40, ..., 200).
  Tolerance 5e-7: ``%g`` keeps six significant digits of a score in [0.1, 1) (a perfect
  ``1`` prints exact).
- ``training_roc_auc_score`` and ``test_roc_auc_score``: the dicts ``model.evaluate``
  returned for the two lines (exact: the repr of a float64), one value each, at the last
  step, 200 (the axis is a note, not scored).

Judgement calls:
- Names: DeepChem's key is the metric's name, ``roc_auc_score`` (``Metric.name``, the
  scoring function's ``__name__``; with no ``task_averager`` given the name has no
  ``mean-`` prefix, the two tasks are still averaged). The same key is printed for three
  data sets, so each takes the phase that labels it (docs/metrics.md, "Phases": a phase
  label prefixes every name after it): the callback's ``validation:`` gives
  ``validation_roc_auc_score`` (as icefall's ``Epoch 1, validation: loss=6.915``); the
  tutorial's ``training set score:`` and ``test set score:`` label their dict's keys as
  ``Dev set: {...}``, ``Test set: {...}`` and ``Test set results: {...}`` do, the phase
  word as printed: ``training_`` and ``test_`` (``set`` and ``score`` are the label's
  words; the dict's key names the quantity).
- The validation lines' axis is the printed ``Step N``; the two closing scores are single
  values, neither a running best nor more points of the validation series.
- ``np.float64(...)`` is numpy's repr around the value, no name of a metric.
- Nothing timed is printed; ``also_ok`` stays empty.
"""
# zoo-venv: deepchem

import deepchem as dc
import numpy as np
import torch
from _truth import series, write_truth

LOG = "validation.log"
INTERVAL = 20

np.random.seed(0)
torch.manual_seed(0)
rng = np.random.default_rng(0)

n, n_features, n_tasks = 700, 128, 2
X = (rng.random((n, n_features)) < 0.12).astype(np.float32)
logits = np.zeros((n, n_tasks))
for task in range(n_tasks):
    bits = rng.choice(n_features, size=8, replace=False)
    logits[:, task] = X[:, bits] @ rng.normal(scale=2.5, size=8) - 0.8
y = (rng.random((n, n_tasks)) < 1 / (1 + np.exp(-logits))).astype(np.float32)
w = np.ones_like(y)
ids = np.array([f"mol{i}" for i in range(n)])
train = dc.data.NumpyDataset(X[:500], y[:500], w[:500], ids[:500])
valid = dc.data.NumpyDataset(X[500:600], y[500:600], w[500:600], ids[500:600])
test = dc.data.NumpyDataset(X[600:], y[600:], w[600:], ids[600:])
transformers = [dc.trans.BalancingTransformer(dataset=train)]
for transformer in transformers:
    train = transformer.transform(train)
    valid = transformer.transform(valid)
    test = transformer.transform(test)

model = dc.models.MultitaskClassifier(n_tasks=n_tasks, n_features=n_features,
                                      layer_sizes=[64], dropouts=0.2, learning_rate=0.001,
                                      batch_size=50, model_dir="model")
metric = dc.metrics.Metric(dc.metrics.roc_auc_score)
callback = dc.models.ValidationCallback(valid, INTERVAL, [metric])
with open(LOG, "w", encoding="utf-8") as log:
    recorder = dc.models.ValidationCallback(valid, INTERVAL, [metric], output_file=log)
    model.fit(train, nb_epoch=20, callbacks=[callback, recorder])
train_scores = model.evaluate(train, [metric], transformers)
test_scores = model.evaluate(test, [metric], transformers)
print('training set score:', train_scores)
print('test set score:', test_scores)

# the callback's file: "Step %d validation: roc_auc_score=%g" a line
validation = []
with open(LOG, encoding="utf-8") as log:
    for line in log:
        head, _, pair = line.strip().partition(" validation: ")
        key, _, value = pair.partition("=")
        assert head.startswith("Step ") and key == metric.name, line
        validation.append((int(head.split()[1]), float(value)))
last_step = model.get_global_step()
assert [step for step, _ in validation] == list(range(INTERVAL, last_step + 1, INTERVAL))
# save_on_minimum defaults to True: the callback's "best" is the lowest score it saw
assert abs(callback.get_best_score() - min(value for _, value in validation)) <= 5e-7
assert recorder.get_best_score() == callback.get_best_score()

metrics = {
    "validation_roc_auc_score": series(validation, "step", tolerance=5e-7),
    "training_roc_auc_score": series([(last_step, train_scores[metric.name])], "step"),
    "test_roc_auc_score": series([(last_step, test_scores[metric.name])], "step"),
}
write_truth("deepchem", f"{dc.__version__} (torch {torch.__version__})",
            f"ValidationCallback output_file {LOG} (its 'Step N validation: "
            "roc_auc_score=%g' lines) + the dicts model.evaluate returned",
            metrics, files=[LOG],
            notes=f"{last_step} steps; ValidationCallback.get_best_score() "
                  f"{callback.get_best_score()} (save_on_minimum=True, its default: the "
                  "lowest score)")
