"""LightGBM scikit-learn API: ``LGBMClassifier().fit(X, y, eval_set=[(X_val, y_val)],
callbacks=[lgb.early_stopping(5), lgb.log_evaluation(1)])`` on noisy binary data, default
verbosity (the native library's ``[LightGBM] [Info]`` lines print too), so training stops
before ``n_estimators=100`` (best iteration 20, stop after 25). Prints
``[7]\tvalid_0's binary_logloss: 0.604796`` per iteration
(``%g``) and, at the stop, ``Early stopping, best iteration is:`` followed by a repeat of the
best iteration's line. Truth: ``evals_result_`` (``{"valid_0": {"binary_logloss": [...]}}``,
one value per trained iteration, 1-based as printed).

Judgements:
- Names ``<set>_<metric>`` (``valid_0_binary_logloss``), as lightgbm_train.py names
  ``record_evaluation``: ``valid_0`` is the name LightGBM gives the first ``eval_set`` entry.
- The best-iteration block repeats the line ``[B]\tvalid_0's binary_logloss: v`` of an
  iteration already printed (same step, same value), after the last iteration B+5. It is no
  new point: the truth keeps ``evals_result_`` as it is, one value per iteration (count =
  ``best_iteration_ + 5``), not counting the repeat; a tracker that records the repeat as a
  new point gets one value too many (count mismatch), one that keys it by step B gets the
  same value again. ``best_iteration_``/``best_score_`` are not added as separate metrics:
  the block prints them under the same name, not as ``best_*``.
- ``eval_set=`` is what the brief and most tutorials use; LightGBM 4.7.0 deprecates it in
  favour of ``eval_X``/``eval_y`` and prints an ``LGBMDeprecationWarning`` to stderr: kept,
  as users of that API see it.
- Key ``step``: the printed ``[i]`` boosting iteration (1-based).
- Tolerance: ``%g`` keeps 6 significant digits -> ``rel_tolerance=5e-6``.
- The ``[LightGBM] [Info]`` lines (counts of data points, bins, ``initscore``) are no
  metrics; ``the overhead of testing was 0.000 seconds`` is timing (``also_ok``).
"""

import lightgbm as lgb
import numpy as np
from _truth import series, write_truth

rng = np.random.default_rng(0)
X = rng.normal(size=(1000, 8))
y = (X[:, 0] + X[:, 1] - 0.5 * X[:, 2] + rng.normal(scale=1.5, size=1000) > 0).astype(int)
X_train, X_val, y_train, y_val = X[:800], X[800:], y[:800], y[800:]
model = lgb.LGBMClassifier(random_state=0, n_jobs=1)
model.fit(X_train, y_train, eval_set=[(X_val, y_val)],
          callbacks=[lgb.early_stopping(5), lgb.log_evaluation(1)])

metrics = {}
for data_name, by_metric in model.evals_result_.items():
    for metric_name, values in by_metric.items():
        metrics[f"{data_name}_{metric_name}"] = series(enumerate(values, 1), "step",
                                                       rel_tolerance=5e-6)
write_truth("lightgbm", lgb.__version__,
            f"LGBMClassifier.evals_result_ (best_iteration_={model.best_iteration_})", metrics,
            also_ok=["overhead_of_testing", "seconds"])
