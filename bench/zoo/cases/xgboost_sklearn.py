"""XGBoost's scikit-learn API: ``XGBClassifier(eval_metric=["logloss", "error"],
early_stopping_rounds=5)`` fit with ``eval_set=[(train), (valid)]`` and ``verbose=10`` (a
line every tenth round, ``[10]\\tvalidation_0-logloss:0.41...\\tvalidation_0-error:0.1...
\\tvalidation_1-logloss:...``, then the last round's). Truth: ``evals_result()`` at the
rounds ``EvaluationMonitor`` prints (every ``period``-th, then the last one if it was not)."""

import numpy as np
import xgboost
from _truth import series, write_truth

rng = np.random.default_rng(0)
X = rng.normal(size=(600, 6))
y = ((X[:, 0] - X[:, 1] + rng.normal(scale=0.8, size=600)) > 0).astype(int)
model = xgboost.XGBClassifier(n_estimators=200, max_depth=3, learning_rate=0.3,
                              eval_metric=["logloss", "error"], early_stopping_rounds=5,
                              n_jobs=1, random_state=0)
model.fit(X[:400], y[:400], eval_set=[(X[:400], y[:400]), (X[400:], y[400:])], verbose=10)

record = model.evals_result()
rounds = len(record["validation_0"]["logloss"])
printed = [i for i in range(rounds) if i % 10 == 0]
if printed[-1] != rounds - 1:
    printed.append(rounds - 1)
write_truth(
    "xgboost", xgboost.__version__,
    "XGBClassifier.evals_result() at the rounds EvaluationMonitor(period=10) prints",
    # printed "%.5f" ("0.29068"): half a unit of the fifth decimal
    {f"{data}-{metric}": series([(i, values[i]) for i in printed], "step", tolerance=5e-6)
     for data, metrics in record.items() for metric, values in metrics.items()},
    notes=f"stopped early after {rounds} rounds (best_iteration {model.best_iteration})")
