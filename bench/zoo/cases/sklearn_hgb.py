"""scikit-learn HistGradientBoostingClassifier(verbose=2, early_stopping=True, max_iter=30):
one line per boosting iteration, ``[3/30] 1 tree, 31 leaves, max depth = 8, train loss:
0.56474, val loss: 0.60734, in 0.002s``. All 30 iterations run (the validation loss still
improves within the default ``n_iter_no_change=10``). Truth: ``train_score_`` and
``validation_score_``.

Judgements:
- ``verbose=2``, not ``verbose=1``: the estimator's docstring says "``1`` prints only summary
  info, ``2`` prints info per iteration", and in 1.9.1 ``_print_iteration_stats`` runs only
  when ``verbose >= 2``; ``verbose=1`` prints the binning times and the "Fit N trees in ..."
  summary and nothing per iteration, so no recorded series would be printed at all.
- The default ``scoring="loss"``: ``train_score_``/``validation_score_`` hold the NEGATIVE
  loss (log loss, on a 10k-sample-capped train subset and the 10% validation split), and
  ``_print_iteration_stats`` prints ``factor * score`` with ``factor = -1`` under the name
  ``loss`` as ``"train loss: {:.5f}, val loss: {:.5f}"``. The truth is that printed quantity
  (``-train_score_``, ``-validation_score_``), named by the printed words per the README /
  docs/metrics.md phase rule: ``train loss`` -> ``train_loss``, ``val loss`` -> ``val_loss``
  (sklearn has no key of its own for either).
- Both arrays have ``n_iter_ + 1`` entries: index 0 is the score of the baseline prediction
  before the first tree, which is never printed; entry ``i`` belongs to the line ``[i/30]``.
  The truth keeps entries 1..n_iter_ with key ``step`` = the printed 1-based iteration.
- Tolerance 5e-6: ``{:.5f}``.
- ``tree``, ``leaves``, ``max depth`` describe the fitted tree, not a metric: not listed.
  Timing (``in 0.004s``, ``Fit 30 trees in 0.123 s``, ``Time spent ...: 0.012s``,
  ``Binning 0.000 GB of training data: 0.001 s``) goes to ``also_ok`` under the names those
  words would take.
"""

import numpy as np
import sklearn
from _truth import series, write_truth
from sklearn.ensemble import HistGradientBoostingClassifier

rng = np.random.default_rng(0)
X = rng.normal(size=(2000, 8))
y = (X[:, 0] + X[:, 1] - 0.5 * X[:, 2] + rng.normal(scale=1.0, size=2000) > 0).astype(int)
model = HistGradientBoostingClassifier(verbose=2, early_stopping=True, max_iter=30,
                                       random_state=0)
model.fit(X, y)

n = model.n_iter_
write_truth(
    "scikit-learn", sklearn.__version__,
    "HistGradientBoostingClassifier.train_score_ and validation_score_ (negated: the "
    "default scoring='loss' stores the negative loss, the line prints the loss)",
    {
        "train_loss": series(((i, -model.train_score_[i]) for i in range(1, n + 1)), "step",
                             tolerance=5e-6),
        "val_loss": series(((i, -model.validation_score_[i]) for i in range(1, n + 1)), "step",
                           tolerance=5e-6),
    },
    also_ok=["in", "time", "Time_spent_computing_histograms", "Time_spent_finding_best_splits",
             "Time_spent_applying_splits", "Time_spent_predicting", "training_data",
             "validation_data"],
)
