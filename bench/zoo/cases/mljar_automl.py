"""mljar-supervised 1.3.2 (``supervised.automl.AutoML``): ``AutoML(mode="Explain",
total_time_limit=300, algorithms=["Baseline", "Linear", "LightGBM"], random_state=1)``
``.fit(X, y)`` on a tiny synthetic binary classification (scikit-learn's
``make_classification``, 300 rows, 6 features as a pandas DataFrame), as its README's quick
start runs it (``automl = AutoML(); automl.fit(X_train, y_train)``; ``mode="Explain"`` is
the default mode, named here; three fast algorithms instead of its default eight, and a
``total_time_limit`` far above the ~30 s the fit takes, so no model is cut or skipped by
the clock). Explain mode validates on one 75/25 train/validation split (no CV), trains each
algorithm once with default parameters, then a greedy ``Ensemble`` of them, and writes its
results folder ``AutoML_1/`` in the cwd (reports, plots, SHAP explanations, ...).

What it prints (stdout, ``BaseAutoML.verbose_print``, plain ``print`` at the default
``verbose=1``; nothing on stderr, no bar: pipe and pty alike)::

    AutoML directory: AutoML_1
    The task is binary_classification with evaluation metric logloss
    AutoML will use algorithms: ['Baseline', 'Linear', 'LightGBM']
    AutoML is generating and selecting models automatically. Review outputs before important use.
    AutoML will ensemble available models
    AutoML steps: ['simple_algorithms', 'default_algorithms', 'ensemble']
    * Step simple_algorithms will try to check up to 2 models
    1_Baseline logloss 0.693098 trained in 0.43 seconds
    2_Linear logloss 0.527812 trained in 12.24 seconds
    * Step default_algorithms will try to check up to 1 model
    3_Default_LightGBM logloss 0.321545 trained in 2.8 seconds
    * Step ensemble will try to check up to 1 model
    Ensemble logloss 0.321545 trained in 1.16 seconds
    AutoML fit time: 27.62 seconds
    AutoML best model: 3_Default_LightGBM

(``keep_model``: ``"{} {} {} trained in {} seconds".format(name, eval_metric,
np.round(final_loss, 6), np.round(train_time, 2))``).

Truth: mljar's own record, ``AutoML_1/leaderboard.csv`` (listed in files; columns ``name,
model_type, metric_type, metric_value, train_time``, one row a model in the order they
were trained, ``metric_value`` the model's validation loss at full precision), checked
against ``automl.get_leaderboard()``. Judgement calls:
- The metric is the models' validation ``logloss``: the name mljar keys it by (the
  leaderboard's ``metric_type``, ``eval_metric``, the word printed before the value). One
  series, a point a model, as autogluon_tabular pools its per-model ``Validation score``:
  the model name (``1_Baseline``) is the row's label, not part of the metric's name.
  Key ``step``: the leaderboard's row, 1-based in training order (the number mljar
  prefixes to each model's name; the ``Ensemble``, which has none, is row 4). The
  Ensemble's loss is its own model's (``Ensemble/ensemble.json``'s ``final_loss``); here
  its greedy selection keeps ``3_Default_LightGBM`` alone, so it equals that row's value:
  still a point (a fourth model), not a running best printed again.
  Printed with ``np.round(x, 6)``: tolerance 5e-7.
- Timing (``also_ok``): ``trained in 0.43 seconds`` (``model.get_train_time()`` when the
  line is printed, kept in ``progress.json``'s ``spend``; the leaderboard's ``train_time``
  is taken later, after the model's explanations are saved, so it is larger), ``AutoML fit
  time``. Named ``train_time`` (mljar's key), ``trained_in``/``trained`` (printed words),
  ``AutoML_fit_time``.
- ``check up to 2 models`` counts models; the algorithm and step lists are settings; the
  best model's name is a label. Not metrics.
- Not in the truth: the per-model ``learner_fold_0_training.log`` learning curves (never
  printed) and the per-model README's metric tables; exptrack reads neither.
- Determinism: ``random_state=1`` seeds the split and the models; only the timings vary
  between runs.
"""
# zoo-venv: mljar

import csv
import importlib.metadata

import pandas as pd
from _truth import series, write_truth
from sklearn.datasets import make_classification
from supervised.automl import AutoML

X, y = make_classification(n_samples=300, n_features=6, n_informative=3, random_state=0)
X = pd.DataFrame(X, columns=[f"f{i}" for i in range(6)])

automl = AutoML(mode="Explain", total_time_limit=300,
                algorithms=["Baseline", "Linear", "LightGBM"], random_state=1)
automl.fit(X, y)

LEADERBOARD = "AutoML_1/leaderboard.csv"
with open(LEADERBOARD, encoding="utf-8", newline="") as handle:
    rows = list(csv.DictReader(handle))
board = automl.get_leaderboard()
assert [row["name"] for row in rows] == list(board["name"]), board
assert [float(row["metric_value"]) for row in rows] == list(board["metric_value"]), board
assert {row["metric_type"] for row in rows} == {"logloss"}, rows
for index, row in enumerate(rows, start=1):
    assert row["name"] == "Ensemble" or row["name"].startswith(f"{index}_"), row

write_truth(
    "mljar-supervised", importlib.metadata.version("mljar-supervised"),
    f"{LEADERBOARD} (metric_value by row, 1-based in training order): each model's "
    "validation logloss",
    {"logloss": series([(index, row["metric_value"]) for index, row in enumerate(rows, 1)],
                       "step", tolerance=5e-7)},
    files=[LEADERBOARD],
    also_ok=["train_time", "trained_in", "trained", "AutoML_fit_time"],
    notes="models " + ", ".join(f"{row['name']} ({row['model_type']})" for row in rows)
          + f"; best {automl._best_model.get_name()}",
)
