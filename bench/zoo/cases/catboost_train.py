"""CatBoost ``CatBoostRegressor.fit`` with an eval set and ``verbose=1`` (a line per
iteration: ``3:\tlearn: 0.41\ttest: 0.52\tbest: 0.52 (3)\ttotal: 5ms\tremaining: 20ms``).
Truth: ``get_evals_result()``; the default ``catboost_info/`` files hold the same series."""

import catboost
import numpy as np
from _truth import series, write_truth

rng = np.random.default_rng(0)
X = rng.normal(size=(400, 6))
y = X[:, 0] * 2.0 - X[:, 1] + rng.normal(scale=0.3, size=400)
model = catboost.CatBoostRegressor(iterations=20, depth=3, learning_rate=0.3, random_seed=0,
                                   thread_count=1)
model.fit(X[:300], y[:300], eval_set=(X[300:], y[300:]), verbose=1)

record = model.get_evals_result()
best = model.get_best_score()
# printed as "learn:" and "test:" (the loss function, RMSE), 0-based iteration, 7 decimals
metrics = {
    "learn": series(enumerate(record["learn"]["RMSE"]), "step", tolerance=5e-8),
    "test": series(enumerate(record["validation"]["RMSE"]), "step", tolerance=5e-8),
    # the closing "bestTest = %.10g" / "bestIteration = N" lines: best_score_, best_iteration_
    "bestTest": series([(model.get_best_iteration(), best["validation"]["RMSE"])], "step",
                       rel_tolerance=5e-10),
}
write_truth("catboost", catboost.__version__, "CatBoostRegressor.get_evals_result()",
            metrics, files=["catboost_info/learn_error.tsv", "catboost_info/test_error.tsv"],
            also_ok=["total", "remaining"])
