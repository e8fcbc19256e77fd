"""TPOT 0.12.2 (the classic genetic-programming AutoML on DEAP; TPOT 1.x is another
library): ``TPOTClassifier(generations=3, population_size=8, cv=3, random_state=0,
verbosity=2, n_jobs=1, max_time_mins=None, disable_update_check=True)`` fitted on generated
data (scikit-learn's ``make_classification``, 300 rows, a fixed 75/25 split), then, as
TPOT's README does after ``fit``, the held-out score, here with a label: ``print("Test
accuracy:", tpot.score(X_test, y_test))``. ``disable_update_check=True`` only skips the
PyPI version check (the runs are offline; it would print ``Version 0.12.2 of tpot is
outdated...`` on a networked machine).

What it prints: TPOT's tqdm bar (``Optimization Progress:  50%|█████     | 16/32 [00:02<00:02,
6.19pipeline/s]``, to stdout, redrawn on ``\\r``), and after each generation ``pbar.write``
clears it and writes a blank line and ``Generation 1 - Current best internal CV score:
0.8444444444444444`` (``str`` of a numpy float: repr, exact); at the end ``Best pipeline:
ExtraTreesClassifier(input_matrix, ...)``, then the test accuracy. scikit-learn's and
TPOT's warnings (``optional dependency `torch` is not available``) go to stderr.

Truth: TPOT's own record, ``tpot.evaluated_individuals_`` (one entry a pipeline evaluated:
its ``generation``, 0 for the initial population, and ``internal_cv_score``, the mean
``cv``-fold score). Judgement calls:
- ``Generation g - Current best internal CV score`` is what TPOT's ``eaMuPlusLambda`` prints
  at the end of generation g: the highest CV score on its Pareto front (hall of fame over
  every pipeline evaluated so far, the initial population's included), i.e. the max of
  ``internal_cv_score`` over the entries with ``generation <= g`` (asserted against
  ``_pareto_front`` at the last generation). It is the search's best so far, but unlike
  hyperopt's ``best loss`` or Optuna's ``Best is trial`` it repeats no series printed
  elsewhere (TPOT prints no per-pipeline score): it is the only per-generation metric, the
  one TPOT users plot, so it is the series, as a generation's best fitness is for
  neat-python and mealpy (docs/metrics.md). Named by the phrase after the field's dash
  (docs/metrics.md, round tune66: ``Current_best_internal_CV_score``), keyed ``step`` =
  the printed generation (1-based). Exact.
- ``Test accuracy``: ``tpot.score`` (accuracy, TPOT's default scoring for a classifier),
  named by the phase rule as ``test_accuracy``; one point, no axis printed (axis 0). Exact.
- ``pipeline/s`` and ``s/pipeline`` (tqdm's rate with ``unit="pipeline"``): throughput,
  ``also_ok``. The bar's count is pipelines evaluated, a counter; ``Best pipeline`` is a
  pipeline's text.
"""
# zoo-venv: automl2

import math

import tpot as tpot_package
from _truth import series, write_truth
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split
from tpot import TPOTClassifier

X, y = make_classification(n_samples=300, n_features=10, n_informative=5, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)

tpot = TPOTClassifier(generations=3, population_size=8, cv=3, random_state=0, verbosity=2,
                      n_jobs=1, max_time_mins=None, disable_update_check=True)
tpot.fit(X_train, y_train)
test_accuracy = tpot.score(X_test, y_test)
print("Test accuracy:", test_accuracy)

records = list(tpot.evaluated_individuals_.values())
best = []
for generation in range(1, tpot.generations + 1):
    scores = [float(r["internal_cv_score"]) for r in records if r["generation"] <= generation
              and math.isfinite(float(r["internal_cv_score"]))]
    best.append((generation, max(scores)))
front_best = max(float(ind.fitness.wvalues[1]) for ind in tpot._pareto_front)
assert best[-1][1] == front_best, (best, front_best)
write_truth("tpot", tpot_package.__version__,
            "tpot.evaluated_individuals_: max internal_cv_score over generation <= g (the "
            "Pareto front's best at generation g); tpot.score(X_test, y_test)",
            {"Current_best_internal_CV_score": series(best, "step"),
             "test_accuracy": series([(0, test_accuracy)], "step")},
            also_ok=["pipeline/s", "s/pipeline"],
            notes=f"{len(records)} pipelines evaluated; best pipeline "
                  f"{tpot._optimized_pipeline}")
