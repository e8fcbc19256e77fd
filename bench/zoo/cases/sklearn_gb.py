"""scikit-learn GradientBoostingClassifier(verbose=1, subsample=0.8, n_estimators=50): its
table ``Iter  Train Loss  OOB Improve  Remaining Time``, a row at iterations 1 to 10 and then
every tenth (verbose=1 lowers the frequency by powers of ten). Truth: ``train_score_`` and
``oob_improvement_`` at the printed iterations (the record keeps all 50; stdout shows 14).
``Remaining Time`` is an estimate of the time left, no measurement: in neither list."""

import numpy as np
import sklearn
from _truth import series, write_truth
from sklearn.ensemble import GradientBoostingClassifier

rng = np.random.default_rng(0)
X = rng.normal(size=(400, 8))
y = (X[:, 0] + X[:, 1] - 0.5 * X[:, 2] > 0).astype(int)
model = GradientBoostingClassifier(n_estimators=50, subsample=0.8, max_depth=2,
                                   verbose=1, random_state=0)
model.fit(X, y)

printed = [i for i in range(1, 51) if i <= 10 or i % 10 == 0]
write_truth(
    "scikit-learn", sklearn.__version__,
    "GradientBoostingClassifier.train_score_ and oob_improvement_ (the printed iterations)",
    {
        # printed "{:>16.4f}"; a table's header cells named as printed, spaces as "_"
        # (docs/metrics.md, Tables: "Elapsed Time" -> Elapsed_Time)
        "Train_Loss": series([(i, model.train_score_[i - 1]) for i in printed], "step",
                             tolerance=5e-5),
        "OOB_Improve": series([(i, model.oob_improvement_[i - 1]) for i in printed], "step",
                              tolerance=5e-5),
    })
