"""LightGBM ``lgb.cv`` (stratified 3-fold cross-validation, 20 rounds, binary objective, its
default metric ``binary_logloss``) with the ``log_evaluation(1)`` callback, default
verbosity (the native library's ``[LightGBM] [Info]`` lines print too). Prints one line per
round with the mean over the folds and its standard deviation:
``[2]\tvalid's binary_logloss: 0.632506 + 0.0099009`` (``%g`` both; 4.7.0's
``_agg_cv_result`` keeps the folds' data-set name ``valid``: no ``cv_agg`` label).
Truth: the dict ``lgb.cv`` returns (``{"valid binary_logloss-mean": [...],
"valid binary_logloss-stdv": [...]}``, one value per round).

Judgements:
- Names: the returned dict's own keys, with the space between the data-set name and the
  metric written ``_``: ``valid_binary_logloss-mean`` and ``valid_binary_logloss-stdv``.
  The ``-mean``/``-stdv`` suffixes are LightGBM's, kept as they are (as xgboost_cv.py keeps
  xgboost's ``-mean``/``-std``); the ``_`` for the space follows lightgbm_train.py and
  lightgbm_early_stop.py, which join LightGBM's data-set name and metric with ``_``
  (``valid_0_binary_logloss``), and the docs' names, which hold no spaces (words of a name
  are joined with ``_``; the possessive ``valid's binary_logloss`` reads the same way). The
  printed line has no word for the mean or the std (``name: m + s``): the mean is the value
  before ``+``, the std the one after it; both are metrics (the std is recorded next to the
  mean, and printed).
- Key ``step``: the printed ``[i]`` boosting round (1-based), list index + 1.
- Tolerance: ``_format_eval_result`` prints ``f"{value:g} + {std:g}"`` (6 significant
  digits) -> ``rel_tolerance=5e-6`` for both.
- No early stopping, so all 20 rounds are kept (counts 20).
- ``num_threads: 1`` only keeps the run on one core (as the other LightGBM cases do); it
  changes no output. The ``[LightGBM] [Info]`` lines (data points, bins, ``initscore`` per
  fold) and the ``[LightGBM] [Warning] No further splits with positive gain, best gain:
  -inf`` lines (three per round: default ``num_leaves``/``min_data_in_leaf`` on 400 rows a
  fold) are no metrics; ``the overhead of testing was 0.000 seconds`` is timing
  (``also_ok``).
"""

import lightgbm as lgb
import numpy as np
from _truth import series, write_truth

rng = np.random.default_rng(0)
X = rng.normal(size=(600, 6))
y = (X[:, 0] - 0.5 * X[:, 1] + rng.normal(scale=1.0, size=600) > 0).astype(int)
train_set = lgb.Dataset(X, label=y)
params = {"objective": "binary", "num_threads": 1}
result = lgb.cv(params, train_set, num_boost_round=20, nfold=3, stratified=True,
                callbacks=[lgb.log_evaluation(1)], seed=0)

metrics = {}
for key, values in result.items():
    metrics[key.replace(" ", "_")] = series(enumerate(values, 1), "step", rel_tolerance=5e-6)
write_truth("lightgbm", lgb.__version__, "lgb.cv return value (dict of lists)", metrics,
            also_ok=["overhead_of_testing", "seconds"])
