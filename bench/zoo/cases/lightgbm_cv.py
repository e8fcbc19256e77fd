"""LightGBM ``lgb.cv`` (stratified 3-fold cross-validation, 20 rounds, binary objective, its
default metric ``binary_logloss``) with the ``log_evaluation(1)`` callback, default
verbosity (the native library's ``[LightGBM] [Info]`` lines print too). Prints one line per
round with the mean over the folds and its standard deviation:
``[2]\tvalid's binary_logloss: 0.632506 + 0.0099009`` (``%g`` both; 4.7.0's
``_agg_cv_result`` keeps the folds' data-set name ``valid``: no ``cv_agg`` label).
Truth: the dict ``lgb.cv`` returns (``{"valid binary_logloss-mean": [...],
"valid binary_logloss-stdv": [...]}``, one value per round).

Judgements:
- Names: the returned dict's key without LightGBM's ``-mean`` suffix, the space between the
  data-set name and the metric written ``_`` as lightgbm_train.py and lightgbm_early_stop.py
  join them (``valid_binary_logloss``): the printed ``valid's binary_logloss`` and its value
  the mean over the folds; the ``+ std`` after it is the spread across folds, unnamed on the
  line: no metric of its own (the contract's rule for ``74.14±1.33``, as held-out logs of
  k-fold runs expect it). A first version named both as the dict does (``-mean``,
  ``-stdv``): the parser scored 0% there, recording the printed name's means.
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
    if key.endswith("-mean"):
        metrics[key[:-len("-mean")].replace(" ", "_")] = series(enumerate(values, 1), "step",
                                                               rel_tolerance=5e-6)
write_truth("lightgbm", lgb.__version__, "lgb.cv return value (dict of lists)", metrics,
            also_ok=["overhead_of_testing", "seconds"])
