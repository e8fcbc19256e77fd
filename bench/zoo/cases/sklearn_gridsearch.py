"""scikit-learn ``GridSearchCV(SVC(), {"C": [0.1, 1, 10]}, cv=3, verbose=3).fit(X, y)`` on a
small synthetic ``make_classification`` set. ``verbose=3`` prints one line per fit:

    Fitting 3 folds for each of 3 candidates, totalling 9 fits
    [CV 1/3] END .............................C=0.1;, score=0.680 total time=   0.0s

What a tracker should record (our judgement, from docs/metrics.md): one metric ``score``
(the word as printed; the default scorer is the estimator's ``score``, accuracy), one value
per fit in the order printed: 9 values. Not split by fold: "a metric of one fold or split is
named without it" and "a fold's index is no part of a name" (``[CV 1/3]`` names the fold).
Not split by candidate either: ``C=0.1;`` is the candidate's setting (a hyperparameter, not
a metric: recording ``C`` is junk), and no documented rule keys a value by a printed
setting. The mean per candidate (``mean_test_score``) is never printed, so a tracker from
stdout cannot be asked for it; it is left out. ``total time=   0.0s`` is timing
(``also_ok``: ``total_time``); ``Fitting 3 folds ... 9 fits`` holds counts, not metrics.

Truth: ``cv_results_["split{k}_test_score"][candidate]``, taken in the order the fits run and
print (``n_jobs=None``: ``product(candidates, splits)``, candidate-major). The framework keys
each value by (candidate, split), neither a step nor an epoch; ``key: step`` with the fit's
position 1..9 in that order as the axis (the "9 fits" count). Printed as ``f"{score:.3f}"``.
"""

import sklearn
from _truth import series, write_truth
from sklearn.datasets import make_classification
from sklearn.model_selection import GridSearchCV
from sklearn.svm import SVC

X, y = make_classification(n_samples=150, n_features=8, n_informative=4, random_state=0)
search = GridSearchCV(SVC(), {"C": [0.1, 1, 10]}, cv=3, verbose=3)
search.fit(X, y)

results = search.cv_results_
n_candidates = len(results["params"])
scores = [results[f"split{split}_test_score"][candidate]
          for candidate in range(n_candidates) for split in range(search.n_splits_)]
write_truth(
    "scikit-learn", sklearn.__version__,
    "GridSearchCV.cv_results_ split<k>_test_score, candidate-major (the order printed)",
    {"score": series(enumerate(scores, 1), "step", tolerance=5e-4)},
    also_ok=["total_time"],
)
