"""mlxtend 0.25.0: the user guide's Example 1 of ``SequentialFeatureSelector`` ("A simple
Sequential Forward Selection example", ``docs/sources/user_guide/feature_selection/
SequentialFeatureSelector.ipynb``), its data, model and settings: ``iris = load_iris()``
(scikit-learn's bundled copy, nothing downloaded) as the guide's ``df_X`` DataFrame with the
column names ``Sepal length``, ``Sepal width``, ``Petal length``, ``Petal width``,
``knn = KNeighborsClassifier(n_neighbors=4)``, ``sfs1 = SFS(knn, k_features=3, forward=True,
floating=False, verbose=2, scoring='accuracy', cv=3)`` (the guide's ``cv=0``, a score on the
training set, made a 3-fold stratified cross-validation, as its later examples use ``cv=4``),
``sfs1 = sfs1.fit(df_X, y)`` and the guide's three ``print``s after it (``Best accuracy
score``, ``Best subset (indices)``, ``Best subset (corresponding names)``). One process
(``n_jobs=1``), no randomness (unshuffled folds, k-NN): every number repeats run to run; only
the timestamps and joblib's ``elapsed`` differ.

What it prints. On stderr, mlxtend's ``verbose=2`` line per step of the search,
``sys.stderr.write("\\n[%s] Features: %d/%s -- score: %s" % (now, len(k_idx), k_stop,
k_score))``: a newline first and none after, so each step's joblib summary (``Parallel(
n_jobs=1, verbose=self.verbose)`` of the step's candidate subsets, also on stderr) runs on
after the score on the same line, as in the guide's own output (whose older joblib also
printed ``Using backend SequentialBackend ...``); the joblib part cut here at ``...``::

    [Parallel(n_jobs=1)]: Done   4 out of   4 | elapsed:    0.0s finished

    [2026-12-06 23:40:01] Features: 1/3 -- score: 0.96[Parallel(n_jobs=1)]: Done   3 ...

    [2026-12-06 23:40:01] Features: 2/3 -- score: 0.9733333333333333[Parallel(n_jobs=1)]: ...

    [2026-12-06 23:40:01] Features: 3/3 -- score: 0.9733333333333333

(each joblib part ends ``Done   3 out of   3 | elapsed:    0.0s finished``, then 2 of 2.)
The last step's line has no newline of its own. On stdout, at the end: ``Best accuracy
score: 0.97``, ``Best subset (indices): (1, 2, 3)``, ``Best subset (corresponding names):
('Sepal width', 'Petal length', 'Petal width')``. Python writes stderr through at once (a
raw, unbuffered file under its text layer) and stdout when its buffer flushes (at exit under
a pipe, at each newline under the pty), so in both modes the first stdout line runs on after
the last score, on the line mlxtend left open::

    [2026-12-06 23:47:28] Features: 3/3 -- score: 0.9733333333333333Best accuracy score: 0.97

Truth: mlxtend's own record of the search, ``sfs1.subsets_`` (a dict keyed by the subset's
size ``k``: ``feature_idx``, ``cv_scores`` (one a fold), ``avg_score``, ``feature_names``;
what ``get_metric_dict()`` tabulates), and ``sfs1.k_score_``. Judgement calls:
- The metric is ``score``, the key the line prints (``-- score: 0.96``), as scikit-learn's
  ``GridSearchCV`` ``score=`` is named in ``sklearn_gridsearch``; its values are each step's
  ``subsets_[k]["avg_score"]`` (mlxtend's name for it: the mean of the ``cv=3`` folds'
  accuracies, the value the line prints): 3 points, key ``step`` = ``k``, the number of
  features of the step's best subset (``Features: 1/3``: ``k`` of ``k_stop``; 1 to 3, as
  the record keys them). Exact: ``%s`` of a numpy float64 is its shortest repr.
- The third ``score`` is the printed ``0.9733333333333333`` of that run-on line, in full;
  the ``score: 0.97`` after it belongs to ``Best accuracy score`` (below), not to the step.
- A step's score is that step's best subset, no running best: forward selection adds the
  best feature at each size whether or not the score goes up (here 0.96, 0.9733, 0.9733).
- The folds' ``cv_scores`` are never printed (and a fold's value is no metric of its own).
- ``Best accuracy score: 0.97`` is ``k_score_``: the best ``avg_score`` among the subsets
  of the sizes ``k_features`` allows (only ``k`` = 3 here), the last step's score printed
  again rounded (``'%.2f'``): a running best, no series of its own (README,
  docs/metrics.md), ``also_ok`` as ``Best_accuracy_score`` (the printed words). The case
  asserts it is ``subsets_[3]["avg_score"]`` and prints as 0.97.
- ``Best subset (indices): (1, 2, 3)`` and the names are the selected features (the result
  of the search, no measure); ``Features: 1/3`` is the step and its count; joblib's ``Done
  4 out of 4`` counts the step's candidate subsets (tasks). joblib's ``elapsed:    0.0s``
  is a timing: ``also_ok`` as ``elapsed``.
- No file is written.
"""
# zoo-venv: mlxtend

import importlib.metadata

import pandas as pd
from _truth import series, write_truth
from mlxtend.feature_selection import SequentialFeatureSelector as SFS
from sklearn.datasets import load_iris
from sklearn.neighbors import KNeighborsClassifier

iris = load_iris()
X = iris.data
y = iris.target
knn = KNeighborsClassifier(n_neighbors=4)

df_X = pd.DataFrame(X, columns=["Sepal length", "Sepal width", "Petal length", "Petal width"])

sfs1 = SFS(knn,
           k_features=3,
           forward=True,
           floating=False,
           verbose=2,
           scoring='accuracy',
           cv=3)

sfs1 = sfs1.fit(df_X, y)

print('Best accuracy score: %.2f' % sfs1.k_score_)  # noqa: UP031 (the guide's line)
print('Best subset (indices):', sfs1.k_feature_idx_)
print('Best subset (corresponding names):', sfs1.k_feature_names_)

subsets = sfs1.subsets_
assert sorted(subsets) == [1, 2, 3], subsets
ks = sorted(subsets)
scores = [(k, float(subsets[k]["avg_score"])) for k in ks]
assert all(len(subsets[k]["cv_scores"]) == 3 for k in subsets)
assert sfs1.k_score_ == subsets[3]["avg_score"] and f"{sfs1.k_score_:.2f}" == "0.97"
write_truth("mlxtend", importlib.metadata.version("mlxtend"),
            "sfs1.subsets_ (keyed by the subset size k): each step's avg_score, the mean of "
            "its cv_scores over the 3 folds; k_score_ the best of them",
            {"score": series(scores, "step")},
            also_ok=["Best_accuracy_score", "elapsed"],
            notes=f"k_score_ {float(sfs1.k_score_)}; k_feature_idx_ {sfs1.k_feature_idx_}; "
                  f"cv_scores {[[float(v) for v in subsets[k]['cv_scores']] for k in ks]}; "
                  f"feature_idx {[subsets[k]['feature_idx'] for k in ks]}")
