"""PyCaret 3.3.2, classification module, in a plain script (its functional API, as the
tutorials run it): ``setup(data=df, target="y", session_id=0, verbose=True)`` on a small
DataFrame the case draws itself (300 rows: five normal features and one categorical
``color``, a binary ``y`` from a noisy linear score; nothing downloaded), then
``best = compare_models(include=["lr", "dt", "rf", "knn"], n_select=1)``, ``tuned =
tune_model(best, n_iter=5)`` and ``predict_model(tuned)`` (the 30% hold-out that ``setup``
split off). Defaults otherwise: 10-fold ``StratifiedKFold``, ``round=4``, ``sort="Accuracy"``,
``choose_better=True``, scikit-learn's ``RandomizedSearchCV`` for tuning.

What it prints: outside a notebook PyCaret's display is its ``CLIBackend``, which
``pprint``s each DataFrame (pandas' plain text repr, 80 columns wide, so a wide table wraps
with a ``\\`` after its header's first part), and its ``Processing:`` progress bar is tqdm
on stderr (``\\r`` redraws). In order:

- ``setup``'s table ``Description  Value`` (``Session id  0``, ``Target type  Binary``,
  ``Original data shape  (300, 7)``, ``Fold Number  10``, ``CPU Jobs  -1``, ``USI  <random
  id>``, ...): the experiment's configuration and counts, no metric;
- ``compare_models``' leaderboard: one row per model, indexed by its id (``lr``, ``rf``, ...),
  sorted by ``Accuracy`` (not the order they were fitted), columns ``Model  Accuracy  AUC
  Recall  Prec.  F1  Kappa  MCC  TT (Sec)``; each metric cell is the model's mean over its
  10 CV folds; the per-model fold grids are not displayed by ``compare_models``;
- ``tune_model``: scikit-learn's ``Fitting 10 folds for each of 5 candidates, totalling 50
  fits`` (``tuner_verbose``), PyCaret's ``Original model was better than the tuned model,
  hence it will be returned. NOTE: The display metrics are for the tuned model (not the
  original one).`` when it is (``choose_better``; it is with these data), and the tuned
  model's CV grid: index ``Fold`` (``0``-``9``, then ``Mean`` and ``Std``), the same seven
  metric columns;
- ``predict_model``: a one-row table ``Model  Accuracy  AUC ...`` (the hold-out scores of the
  model ``tune_model`` returned).

Truth: PyCaret's own record of each table, ``pull()`` right after each call (the DataFrame
its display showed; the values are PyCaret's, rounded by it to ``round=4`` before display,
so tolerance 5e-5, half the 4th decimal; pandas drops a trailing 0: ``0.465``).

Judgements (docs/metrics.md, the zoo's README and its cases):
- Names: the columns as PyCaret keys them in those DataFrames: ``Accuracy``, ``AUC``,
  ``Recall``, ``Prec.`` (its display name for precision, trailing dot kept: a short key
  "kept as printed", as ``L.r.``), ``F1``, ``Kappa``, ``MCC``. No phase word is printed on
  any of the tables, so none prefixes them.
- One series per metric, pooling the three tables in the order printed, each point at no
  step or epoch (axis ``None``, ``key: step``): 4 leaderboard rows + 10 folds + 1 hold-out
  row = 15 values a metric. The leaderboard is a search's trials (a row per model, as
  AutoGluon's per-model ``Validation score`` blocks and Ray Tune's trial table are pooled
  under the measured name): its rows carry no step (it has no step column, and a row's
  position, sorted by score, is no step the run printed). The fold rows are folds: "a
  metric of one fold or split is named without it", "a fold's index is no part of a name",
  and a fold is no step (surprise_svd_cv, sklearn_gridsearch). The hold-out row is one
  more score of the same name after them.
- The CV grid's ``Mean`` row is the folds' mean printed again (the leaderboard shows the
  same statistic for each model in its cells, but there it is the row's value itself):
  not a point of the series; allowed under the names a reader may give it (``also_ok``:
  ``Mean_<m>``, ``<m>_Mean``, ``mean_<m>``, ``<m>_mean``), as surprise_svd_cv allows its
  ``Mean`` column. The ``Std`` row is the folds' spread, no metric of its own (README:
  "the spread is unnamed ... and no metric of its own"): not expected, not allowed.
- ``TT (Sec)`` (each model's mean fit time over its folds, 3 decimals) is a timing:
  ``also_ok`` (``TT``, the unit in parentheses being no part of a column's name, and
  ``TT_(Sec)``). The tqdm bar's rate and times are the bar's own.
- The setup table's numbers (``Session id``, ``Fold Number``, ``Numeric features``,
  ``CPU Jobs``, the random ``USI``, the data shapes) are settings and counts;
  ``Fitting 10 folds ... 50 fits`` counts fits. None is a metric.
- Files: PyCaret writes ``logs.log`` (its Python logging, call arguments and the models'
  reprs) in the cwd; it keeps no metric values, and exptrack reads no such file: not listed.
- Determinism: ``session_id=0`` seeds PyCaret's split, folds, models and the random search;
  only ``TT (Sec)`` and the bar's timings vary between runs.
"""
# zoo-venv: pycaret

import numpy as np
import pandas as pd
import pycaret
from _truth import write_truth
from pycaret.classification import compare_models, predict_model, pull, setup, tune_model

rng = np.random.default_rng(0)
n = 300
X = rng.normal(size=(n, 5))
df = pd.DataFrame(X, columns=[f"x{i}" for i in range(5)])
df["color"] = rng.choice(["red", "green", "blue"], size=n)
score = X[:, 0] + 0.7 * X[:, 1] - 0.5 * X[:, 2] + 0.6 * (df["color"] == "red")
df["y"] = (score + rng.normal(scale=0.8, size=n) > 0.2).astype(int)

setup(data=df, target="y", session_id=0, verbose=True)
best = compare_models(include=["lr", "dt", "rf", "knn"], n_select=1)
leaderboard = pull()
tuned = tune_model(best, n_iter=5)
cv_grid = pull()
predict_model(tuned)
holdout = pull()

METRICS = ["Accuracy", "AUC", "Recall", "Prec.", "F1", "Kappa", "MCC"]
assert list(leaderboard.columns) == ["Model", *METRICS, "TT (Sec)"], leaderboard.columns
assert sorted(leaderboard.index) == ["dt", "knn", "lr", "rf"], leaderboard.index
assert list(cv_grid.columns) == METRICS, cv_grid.columns
assert list(cv_grid.index) == [*range(10), "Mean", "Std"], cv_grid.index
assert list(holdout.columns)[:len(METRICS) + 1] == ["Model", *METRICS], holdout.columns
assert len(holdout) == 1, holdout

folds = cv_grid.loc[list(range(10))]
metrics = {}
for name in METRICS:
    values = [*leaderboard[name], *folds[name], *holdout[name]]
    metrics[name] = {"key": "step", "values": [[None, float(v)] for v in values],
                     "tolerance": 5e-5}

also_ok = ["TT", "TT_(Sec)"]
for name in METRICS:
    also_ok += [f"Mean_{name}", f"{name}_Mean", f"mean_{name}", f"{name}_mean"]

write_truth(
    "pycaret", pycaret.__version__,
    "pull() after compare_models (leaderboard rows, as displayed), tune_model (its CV grid's "
    "fold rows 0-9) and predict_model (the hold-out row), pooled per metric column in "
    "printed order, no step",
    metrics,
    also_ok=also_ok,
    notes=f"leaderboard order {list(leaderboard.index)} (sorted by Accuracy); tune_model "
          f"returned {type(tuned).__name__} (choose_better); CV grid Mean "
          f"{dict(cv_grid.loc['Mean'])}; hold-out model {holdout['Model'].iloc[0]}",
)
