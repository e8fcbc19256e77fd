"""XGBoost ``xgb.cv`` (3-fold cross-validation, 20 rounds, ``metrics=["logloss", "error"]``,
``verbose_eval=True``) on noisy synthetic binary data. Prints one line per round with the mean
over the folds and its standard deviation:
``[3]\ttrain-logloss:0.41234+0.00321\ttrain-error:0.1...+0.0...\ttest-logloss:...``.
Truth: the ``pandas.DataFrame`` ``xgb.cv`` returns (columns ``train-logloss-mean``,
``train-logloss-std``, ``train-error-mean``, ..., ``test-error-std``; one row per round).

Judgements:
- Names: as printed, the ``<data>-<metric>`` stem xgboost_train.py keeps for ``evals_result``
  (``train-logloss``), its value the mean over the folds (the DataFrame's
  ``train-logloss-mean``); the ``+std`` after it is the spread across folds, unnamed on the
  line: no metric of its own (the contract's rule for ``74.14±1.33`` and ``0.98+0.0015``, as
  held-out logs of k-fold runs expect it). A first version named both as the DataFrame does
  (``-mean``, ``-std``): the parser scored 0% there, recording the printed names' means.
- ``xgb.cv`` names its held-out folds ``test`` (not ``eval``): kept as printed.
- Key ``step``: the printed ``[i]`` boosting round, 0-based, which is the DataFrame's index.
- Tolerance: ``EvaluationMonitor._fmt_metric`` prints ``f"{score:.5f}+{std:.5f}"`` ->
  ``tolerance=5e-6`` for both.
- No early stopping, so the DataFrame keeps all 20 rounds (counts 20).
"""

import numpy as np
import xgboost as xgb
from _truth import series, write_truth

rng = np.random.default_rng(0)
X = rng.normal(size=(600, 6))
y = (X[:, 0] - 0.5 * X[:, 1] + rng.normal(scale=1.0, size=600) > 0).astype(int)
dtrain = xgb.DMatrix(X, label=y)
params = {"objective": "binary:logistic", "max_depth": 3, "eta": 0.3, "nthread": 1}
history = xgb.cv(params, dtrain, num_boost_round=20, nfold=3, metrics=["logloss", "error"],
                 verbose_eval=True, seed=0)

metrics = {}
for column in history.columns:
    if column.endswith("-mean"):
        metrics[column[:-len("-mean")]] = series(zip(history.index, history[column], strict=True),
                                                 "step",
                                                 tolerance=5e-6)
write_truth("xgboost", xgb.__version__, "xgb.cv return value (pandas.DataFrame)", metrics)
