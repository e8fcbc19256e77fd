"""PyOD 3.6.7 (``pyod``, PyPI, the newest release; Python 3.11) with its deep detectors on
the CPU build of torch 2.13.0: ``pyod.models.auto_encoder.AutoEncoder`` fitted and evaluated
as PyOD's own ``examples/auto_encoder_example.py`` does it (yzhao062/pyod at 34f7996e, the
file's git blob ae6144f5; the README's "Quick Start" evaluates every detector the same way):
``generate_data(...)`` (normal points from a Gaussian, outliers from a uniform box; nothing
downloaded), ``clf = AutoEncoder(epoch_num=..., contamination=contamination)``,
``clf.fit(X_train)``, ``clf.labels_``, ``clf.decision_scores_``, ``clf.predict(X_test)``,
``clf.decision_function(X_test)``, then ``print("\\nOn Training Data:")``,
``evaluate_print(clf_name, y_train, y_train_scores)``, ``print("\\nOn Test Data:")``,
``evaluate_print(clf_name, y_test, y_test_scores)``. Changed from the example, to keep the
run tiny and its output worth reading: 1,000 training and 500 test points of 20 features
(the example: 20,000, 2,000 and 300), ``offset=3`` (the default 10 separates the outliers
so far that both ROCs print ``1.0``: with 3 they print 0.98), ``epoch_num=10`` (PyOD's
default; the example's 30) and ``verbose=2``. Everything else is PyOD's default: the
``[64, 32]`` encoder with batch norm and dropout 0.2, Adam at lr 1e-3 with weight decay
1e-5, batch 32 (``drop_last=True``: 31 batches an epoch), MSE, ``random_state=42`` (which
seeds ``random``, numpy and torch in the constructor) and standardised inputs. The
data's ``random_state=42`` is the example's. About 10-25 s, most of it importing torch.

What it prints: ``verbose=2`` is PyOD's "one line per epoch"
(``BaseDeepLearningDetector.train``, ``pyod/models/base_dl.py``)::

    Epoch 1/10, loss=1.0176, time=0.23s

``loss`` is ``np.mean`` of the epoch's per-batch losses (each ``loss.item()`` that
``AutoEncoder.training_forward`` returns) printed ``.4f``, ``time`` the epoch's wall time
``.2f``. Then the example's two headings, each over ``evaluate_print``'s line::

    On Training Data:
    AutoEncoder ROC:0.9833, precision @ rank n:0.78

(``np.round(roc_auc_score(y, y_pred), decimals=4)`` and ``np.round(precision_n_scores(y,
y_pred), decimals=4)`` formatted with ``str.format``: ``1.0`` and ``0.78`` print as such, not
padded). ``verbose=1`` (the default) draws a tqdm bar ``Training: 100%|...| 10/10`` with no
value on it, which would leave the loss unprinted: the case takes 2, the verbosity that
prints one.

Truth: PyOD keeps no loss history (no attribute, no logger, no file: ``train`` computes
``overall_loss`` in a local and prints it). So the record is what its training loop
computes, taken by a thin wrapper on the fitted instance: ``clf.training_forward`` is
wrapped to append the float PyOD's own method returns to a list (the very values the loop
appends to its ``overall_loss``), and ``clf.epoch_update`` (PyOD's hook, called right after
the print each epoch) to close the epoch with ``np.mean`` of that list, the computation the
loop prints; nothing is parsed from stdout and no PyOD code is changed. The two evaluations
are PyOD's own functions on the very arrays ``evaluate_print`` is given:
``pyod.utils.data.roc_auc_score`` (scikit-learn's, as ``evaluate_print`` imports it) and
``pyod.utils.data.precision_n_scores``, full precision. Judgement calls:
- Names: PyOD keys none of these (``evaluate_print`` returns nothing; ``loss`` is a local).
  ``loss`` as printed, axis ``epoch`` 1..10 (the printed ``Epoch 1/10`` counts from 1).
  The evaluation line prints ``ROC`` and ``precision @ rank n``; under the example's
  headings ``On Training Data:`` and ``On Test Data:`` they are two evaluations of
  different data, so the heading's phase word prefixes them as docs/metrics.md has a phase
  heading name the line under it (``Test Error:`` over PyTorch's Quickstart line, a banner
  ``Evaluate Model on Test Set``) and drops ``Data`` as it drops ``set`` (``Training set
  accuracy`` -> ``training_accuracy``): ``training_ROC``, ``test_ROC``; the phrase's words
  joined by ``_``: ``training_precision_@_rank_n``, ``test_precision_@_rank_n``. The
  ``AutoEncoder`` before ``ROC`` is ``evaluate_print``'s ``clf_name`` argument, the
  detector's label, not part of the metric's name (a run of ``KNN`` prints ``KNN ROC:`` for
  the same quantity). A call that could go the other ways: ``ROC`` and ``precision @ rank
  n`` pooled, two values each (training then test), or ``AutoEncoder_ROC`` as
  ``RF Test accuracy`` keeps its ``RF``.
- Axis of the evaluations: ``epoch`` 10, both are of the model after its last epoch.
- Tolerances from the printed rounding: ``loss`` ``.4f`` and the evaluations' ``np.round(...,
  4)``: 5e-5 each.
- ``also_ok``: ``time`` (each epoch's wall time, which nothing keeps).
- Not metrics: ``Epoch 1/10`` (the epoch and the count of epochs).
- Determinism: the data's and the detector's seeds fix every value on the CPU
  (``OMP_NUM_THREADS=1``); only ``time`` varies between runs.
"""
# zoo-venv: pyod

from importlib.metadata import version

import numpy as np
import pyod.utils.data as pyod_data
from _truth import series, write_truth
from pyod.models.auto_encoder import AutoEncoder
from pyod.utils.data import evaluate_print, generate_data

EPOCHS = 10
record: dict[str, list] = {"batch": [], "epoch": []}


def recorded(clf: AutoEncoder) -> AutoEncoder:
    """``clf`` with its training loop's values recorded: each batch's loss as PyOD's own
    ``training_forward`` returns it, and at PyOD's ``epoch_update`` hook the epoch's
    ``np.mean`` of them, as ``BaseDeepLearningDetector.train`` computes what it prints."""
    forward, update = clf.training_forward, clf.epoch_update

    def training_forward(batch_data):
        loss = forward(batch_data)
        record["batch"].append(loss)
        return loss

    def epoch_update():
        record["epoch"].append(float(np.mean(record["batch"])))
        record["batch"] = []
        return update()

    clf.training_forward = training_forward
    clf.epoch_update = epoch_update
    return clf


# --- PyOD's examples/auto_encoder_example.py, smaller (see the docstring) ---
contamination = 0.1  # percentage of outliers
n_train = 1000  # number of training points
n_test = 500  # number of testing points
n_features = 20  # number of features

# Generate sample data
X_train, X_test, y_train, y_test = \
    generate_data(n_train=n_train,
                  n_test=n_test,
                  n_features=n_features,
                  contamination=contamination,
                  random_state=42, offset=3)

# train AutoEncoder detector
clf_name = 'AutoEncoder'
clf = recorded(AutoEncoder(epoch_num=EPOCHS, contamination=contamination, verbose=2))
clf.fit(X_train)

# get the prediction labels and outlier scores of the training data
y_train_pred = clf.labels_  # binary labels (0: inliers, 1: outliers)
y_train_scores = clf.decision_scores_  # raw outlier scores

# get the prediction on the test data
y_test_pred = clf.predict(X_test)  # outlier labels (0 or 1)
y_test_scores = clf.decision_function(X_test)  # outlier scores

# evaluate and print the results
print("\nOn Training Data:")
evaluate_print(clf_name, y_train, y_train_scores)
print("\nOn Test Data:")
evaluate_print(clf_name, y_test, y_test_scores)

# --- truth: PyOD's own values ---
assert len(record["epoch"]) == EPOCHS and not record["batch"], record
metrics = {"loss": series(enumerate(record["epoch"], start=1), "epoch", tolerance=5e-5)}
for phase, y, scores in (("training", y_train, y_train_scores),
                         ("test", y_test, y_test_scores)):
    metrics[f"{phase}_ROC"] = series(
        [(EPOCHS, pyod_data.roc_auc_score(y, scores))], "epoch", tolerance=5e-5)
    metrics[f"{phase}_precision_@_rank_n"] = series(
        [(EPOCHS, pyod_data.precision_n_scores(y, scores))], "epoch", tolerance=5e-5)

write_truth(
    "PyOD", version("pyod"),
    "AutoEncoder's training loop: each batch's loss as its training_forward returns it and "
    "the epoch's np.mean of them, as BaseDeepLearningDetector.train computes its printed "
    "loss (a wrapper on the instance's training_forward and epoch_update records them); "
    "pyod.utils.data.roc_auc_score and precision_n_scores of the arrays evaluate_print is "
    "given, full precision",
    metrics,
    also_ok=["time"],
    notes=f"torch {version('torch')}, scikit-learn {version('scikit-learn')}. PyOD keeps "
          "no loss history: the per-epoch loss it prints (verbose=2) lives in a local of "
          "its train(). ROC and precision @ rank n are named with the phase of the "
          "heading above them (On Training Data: / On Test Data:)",
)
