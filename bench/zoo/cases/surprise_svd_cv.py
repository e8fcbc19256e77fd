"""Surprise (scikit-surprise 1.1.5): ``SVD(random_state=0)`` (Funk SVD, its defaults: 100
factors, 20 epochs) on a small ratings table the case draws itself (120 users, 80 items,
4,000 ratings 1-5 from a rank-3 taste model with noise, rounded; no ``Dataset.load_builtin``
download), loaded as Surprise's getting-started guide loads a pandas DataFrame
(``Dataset.load_from_df(df[["userID", "itemID", "rating"]], Reader(rating_scale=(1, 5)))``),
then the guide's two steps: ``cross_validate(algo, data, measures=["RMSE", "MAE"], cv=5,
verbose=True)`` and a ``train_test_split(data, test_size=0.25, random_state=0)`` fit whose
``algo.test(testset)`` predictions go through ``accuracy.rmse`` and ``accuracy.mae``.

Printed (stdout): ``print_summary``'s table, one row per measure and fold columns::

    Evaluating RMSE, MAE of algorithm SVD on 5 split(s).

                      Fold 1  Fold 2  Fold 3  Fold 4  Fold 5  Mean    Std
    RMSE (testset)    0.8730  0.8488  0.9401  0.9068  0.9486  0.9035  0.0382
    MAE (testset)     0.7125  0.6667  0.7533  0.7376  0.7553  0.7251  0.0330
    Fit time          0.02    0.02    0.04    0.03    0.03    0.03    0.01
    Test time         0.00    0.00    0.00    0.01    0.01    0.00    0.00

(each fold's value ``{:1.4f}``, then the folds' ``np.mean`` and ``np.std``, the times
``{:.2f}`` seconds; every cell padded ``{:<8}``, trailing spaces kept), then ``RMSE: 0.9453``
and ``MAE:  0.7520`` (``{:1.4f}``, MAE with two spaces) from ``accuracy.rmse`` and
``accuracy.mae``.

Truth: the dict ``cross_validate`` returns (``test_rmse``, ``test_mae``: numpy arrays, one
value per fold in fold order; ``fit_time``, ``test_time``: tuples of seconds) and the floats
``accuracy.rmse`` and ``accuracy.mae`` return.

Judgements:
- Names: the returned dict's keys, ``test_rmse`` and ``test_mae``: the row label ``RMSE
  (testset)`` is that key printed (``"test_" + m`` in the dict, ``m.upper() + " (testset)"``
  in the table: the same measure on the same held-out fold). Five values each, fold 1 to 5,
  the fold columns in order.
- Key: no step. docs/metrics.md: "A metric of one fold or split is named without it
  (``Validation Accuracy for Split 1: 0.7782`` -> ``Validation_Accuracy``, no step)", "a
  fold's index is no part of a name" (``Fold 2 AUC:``), and the held-out log of Surprise's
  older ``evaluate`` (heldout510, ``Fold N`` / ``RMSE: X``) expects its per-fold ``rmse``
  with ``step_key: null``: a fold is neither an epoch nor a step. So the truth writes each
  value at axis ``None`` (``key: step``), as keras_evaluate.py writes its one-off test
  values; a fold index recorded as the step is reported as an axis note, not scored.
- ``Mean`` and ``Std`` columns: ``print_summary`` computes them at print time (``np.mean``,
  ``np.std`` of the row); the dict keeps neither. The Std is the folds' spread, no metric
  of its own (README: a value printed with its spread); the Mean is the same series'
  values printed again as their average, kept in no record: neither is expected, the Mean
  is allowed under the names a reader may give it (``also_ok``: ``test_rmse_mean``,
  ``test_mae_mean``, ``mean_test_rmse``, ``mean_test_mae``).
- ``Fit time`` and ``Test time`` (the dict's ``fit_time``/``test_time``, wall seconds):
  timings, ``also_ok`` under both spellings (``fit_time``, ``Fit_time``, ...).
- ``RMSE:`` and ``MAE:`` after the train/test fit: ``accuracy.rmse``/``accuracy.mae`` keep
  no key (they return a float); named as printed (``RMSE``, ``MAE``; the measure names
  ``cross_validate`` upper-cases for its table), one value each at no step (the held-out
  set's score of one fit after the cross-validation).
- Tolerances: half the printed 4th decimal, 5e-5, for all four.
- Determinism: ``cv=5`` is ``KFold(n_splits=5)`` with ``random_state=None``, whose shuffle
  draws from numpy's global ``RandomState``: seeded with ``np.random.seed(0)``; SVD's
  ``random_state=0`` reseeds its factors at each fit. ``n_jobs=1`` (the default) keeps the
  folds in this process, in order.
"""
# zoo-venv: surprise

from importlib.metadata import version

import numpy as np
import pandas as pd
from _truth import write_truth
from surprise import SVD, Dataset, Reader, accuracy
from surprise.model_selection import cross_validate, train_test_split

np.random.seed(0)  # cross_validate's KFold(random_state=None) shuffles with it
rng = np.random.default_rng(0)
n_users, n_items, n_ratings, rank = 120, 80, 4000, 3
user_taste = rng.normal(size=(n_users, rank))
item_traits = rng.normal(size=(n_items, rank))
item_bias = rng.normal(scale=0.5, size=n_items)
pairs = rng.choice(n_users * n_items, size=n_ratings, replace=False)
users, items = np.divmod(pairs, n_items)
score = 3.2 + item_bias[items] + 0.4 * np.sum(user_taste[users] * item_traits[items], axis=1)
ratings = np.clip(np.rint(score + rng.normal(scale=0.6, size=n_ratings)), 1, 5)
df = pd.DataFrame({"userID": [f"u{u}" for u in users], "itemID": [f"i{i}" for i in items],
                   "rating": ratings})

reader = Reader(rating_scale=(1, 5))
data = Dataset.load_from_df(df[["userID", "itemID", "rating"]], reader)

algo = SVD(random_state=0)
result = cross_validate(algo, data, measures=["RMSE", "MAE"], cv=5, verbose=True)

trainset, testset = train_test_split(data, test_size=0.25, random_state=0)
algo = SVD(random_state=0)
algo.fit(trainset)
predictions = algo.test(testset)
rmse = accuracy.rmse(predictions)
mae = accuracy.mae(predictions)

assert sorted(result) == ["fit_time", "test_mae", "test_rmse", "test_time"], sorted(result)
metrics = {}
for name in ("test_rmse", "test_mae"):
    assert len(result[name]) == 5, result[name]
    metrics[name] = {"key": "step", "values": [[None, float(v)] for v in result[name]],
                     "tolerance": 5e-5}
metrics["RMSE"] = {"key": "step", "values": [[None, float(rmse)]], "tolerance": 5e-5}
metrics["MAE"] = {"key": "step", "values": [[None, float(mae)]], "tolerance": 5e-5}
write_truth("surprise", version("scikit-surprise"),
            "cross_validate's returned dict (test_rmse, test_mae per fold) + the floats "
            "accuracy.rmse/accuracy.mae return",
            metrics,
            also_ok=["fit_time", "test_time", "Fit_time", "Test_time",
                     "test_rmse_mean", "test_mae_mean", "mean_test_rmse", "mean_test_mae"],
            notes=f"{len(df)} ratings, {n_users} users, {n_items} items; folds in order 1-5, "
                  "no step (docs/metrics.md: a fold is no step)")
