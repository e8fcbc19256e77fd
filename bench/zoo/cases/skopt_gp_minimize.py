"""scikit-optimize 0.10.2: ``gp_minimize(objective, space, n_calls=12, n_initial_points=5,
random_state=0, verbose=True)`` tuning a ``GradientBoostingRegressor(n_estimators=50)``
(``max_depth``, ``learning_rate``) on scikit-learn's bundled diabetes data (``load_diabetes``,
no download), as skopt's own example "Tuning a scikit-learn estimator with skopt" does: an
objective under ``@use_named_args(space)`` returning ``-np.mean(cross_val_score(reg, X, y,
cv=5, n_jobs=1, scoring="neg_mean_absolute_error"))`` (the example's ``n_jobs=-1`` made 1,
the runs being one core), then its ``print("Best score=%.4f" % res_gp.fun)`` and the best
parameters.

What it prints (stdout): skopt's ``VerboseCallback``, five lines a call: ``Iteration No: 3
started. Evaluating function at random point.`` (the 5 initial points; ``Searching for the
next optimal point.`` after them), ``Iteration No: 3 ended. Evaluation done at random
point.``, ``Time taken: 0.1440``, ``Function value obtained: 65.7553`` and ``Current
minimum: 45.1510`` (all ``%.4f``), then ``Best score=...`` and ``Best parameters:``.

Truth: the ``OptimizeResult``, ``res.func_vals`` (the objective's value at each call, in call
order), keyed ``step`` = skopt's iteration number (1-based, as ``Iteration No:`` prints it).
Judgement calls:
- ``Function value obtained``: skopt keeps no key for it (``func_vals`` is the array), so it
  takes exptrack's phrase naming, the printed words joined with ``_`` as printed
  (docs/metrics.md "Phrases": ``max mem`` -> ``max_mem``, aligned ``Kappa statistic`` ->
  ``Kappa_statistic``): ``Function_value_obtained``. ``value`` here is no pointer after a
  metric's name (``Function`` is none), so it stays in the phrase. Tolerance 0.00005
  (``%.4f``).
- ``Current minimum`` is ``min(func_vals[:i])``, the running best of that same series printed
  again: no series of its own (README, docs/metrics.md), ``also_ok`` as
  ``Current_minimum``. So is the closing ``Best score`` (``res.fun``) as ``Best_score``.
- ``Time taken`` (wall seconds of the call): a timing, ``also_ok`` as ``Time_taken``.
- The best parameters are the search's inputs, not metrics.
"""
# zoo-venv: automl2

import numpy as np
import skopt
from _truth import series, write_truth
from sklearn.datasets import load_diabetes
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.model_selection import cross_val_score
from skopt import gp_minimize
from skopt.space import Integer, Real
from skopt.utils import use_named_args

X, y = load_diabetes(return_X_y=True)
n_features = X.shape[1]

reg = GradientBoostingRegressor(n_estimators=50, random_state=0)

space = [Integer(1, 5, name="max_depth"),
         Real(10**-5, 10**0, "log-uniform", name="learning_rate"),
         Integer(1, n_features, name="max_features"),
         Integer(2, 100, name="min_samples_split"),
         Integer(1, 100, name="min_samples_leaf")]


@use_named_args(space)
def objective(**params):
    reg.set_params(**params)
    return -np.mean(cross_val_score(reg, X, y, cv=5, n_jobs=1,
                                    scoring="neg_mean_absolute_error"))


res_gp = gp_minimize(objective, space, n_calls=12, n_initial_points=5, random_state=0,
                     verbose=True)

print("Best score=%.4f" % res_gp.fun)  # noqa: UP031  (skopt's example, verbatim)
print("""Best parameters:
- max_depth=%d
- learning_rate=%.6f
- max_features=%d
- min_samples_split=%d
- min_samples_leaf=%d""" % (res_gp.x[0], res_gp.x[1], res_gp.x[2], res_gp.x[3], res_gp.x[4]))  # noqa: UP031

values = [(i, float(v)) for i, v in enumerate(res_gp.func_vals, start=1)]
assert len(values) == 12 and float(res_gp.fun) == min(v for _, v in values)
write_truth("scikit-optimize", skopt.__version__,
            "gp_minimize's OptimizeResult: res.func_vals (call i, 1-based as 'Iteration No:')",
            {"Function_value_obtained": series(values, "step", tolerance=0.00005)},
            also_ok=["Current_minimum", "Best_score", "Time_taken"],
            notes=f"best {res_gp.fun} at {res_gp.x}")
