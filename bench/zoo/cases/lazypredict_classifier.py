"""LazyPredict 0.3.0 (PyPI's ``lazypredict``, Shankar Rao Pandala's "build a lot of basic
models without much code": its newest release, pure Python, on scikit-learn 1.9.1 and pandas
3.1.2): ``LazyClassifier`` as its README's classification example runs it, ``clf =
LazyClassifier(verbose=0, ignore_warnings=True, custom_metric=None)``, ``models, predictions
= clf.fit(X_train, X_test, y_train, y_test)``, ``print(models)``, with two changes: the data
are scikit-learn's ``make_classification(n_samples=400, n_features=10, n_informative=5,
random_state=0)`` instead of ``load_breast_cancer()`` (the README's ``train_test_split(...,
test_size=0.5, random_state=123)`` kept: 200 rows to fit, 200 to score), and
``classifiers=[...]`` names eight of scikit-learn's classifiers (``LogisticRegression``,
``RidgeClassifier``, ``KNeighborsClassifier``, ``SVC``, ``DecisionTreeClassifier``,
``RandomForestClassifier``, ``AdaBoostClassifier``, ``GaussianNB``) instead of ``"all"``
(every scikit-learn classifier, about 30, six of which fail on these data and are dropped
silently). Each is fitted in a ``Pipeline`` behind LazyPredict's preprocessor (mean
imputation and ``StandardScaler`` for numeric columns) with ``random_state=42`` where the
model takes one. Nothing downloaded; about 3 s of CPU, most of it the imports (7-16 s of
wall time through ``track run`` on the shared 2-core runner).

What it prints: only the ``print(models)``, pandas' repr of the returned DataFrame (stdout;
nothing on stderr). 0.3.0 draws no tqdm bar at ``verbose=0`` (``tqdm(estimator_list,
disable=(self.verbose == 0))``) and logs nothing (its ``lazypredict``
logger has no handler; the per-model ``Model=... Accuracy=...`` lines are ``verbose>0``'s).
The table: index ``Model`` (the estimator's class name), a row per model sorted by
``Balanced Accuracy``, best first (not the fitting order), and seven columns in 0.3.0
(``Precision`` and ``Recall`` are new since the README's five-column table): ``Accuracy``,
``Balanced Accuracy``, ``ROC AUC``, ``F1 Score``, ``Precision``, ``Recall``, ``Time Taken``,
each float at pandas' ``display.precision`` of 6 decimals (a column whose values need fewer
printed with fewer: ``0.925``). In a script pandas' ``display.max_columns`` is 0: the repr
fits the terminal width (``shutil.get_terminal_size()``), eliding middle columns with
``...`` and adding a ``[8 rows x 7 columns]`` footer when they do not fit. Under the pty
(120 columns) the whole table fits (its last column, ``  Time Taken`` over ``    0.240570``
and the like, cut here for width)::

                            Accuracy  Balanced Accuracy   ROC AUC  F1 Score  Precision  Recall
    Model
    RandomForestClassifier     0.925           0.929750  0.947564  0.925073   0.932982   0.925
    SVC                        0.910           0.915056  0.953704  0.910063   0.919077   0.910
    ...

Under a pipe the width is the fallback, 80 columns, and pandas keeps the first two and the
last two columns::

                            Accuracy  Balanced Accuracy  ...  Recall  Time Taken
    Model                                                ...
    RandomForestClassifier     0.925           0.929750  ...   0.925    0.579895
    ...

    [8 rows x 7 columns]

Truth: LazyPredict's own record, the DataFrame ``fit`` returned (``models``), full precision,
never parsed from stdout. Which of its columns were printed is pandas' call: the case renders
the frame as ``print`` does (``repr(models)``) and takes the labels its header line shows,
asserting they are the frame's columns, all of them or the first and last ones around a
``...``; only those are in the truth (values pandas elided were never printed).
Judgement calls:
- A table whose rows are models (as cornac_experiment, h2o_automl and pycaret_classification
  record theirs): a series per metric column, named by its column label as LazyPredict keys
  it and pandas prints it, a label of two words joined with ``_`` as docs/metrics.md joins a
  phrase (ydf_gbt's printed ``ROC AUC`` is ``ROC_AUC``): ``Accuracy``,
  ``Balanced_Accuracy``, ``ROC_AUC``, ``F1_Score``, ``Precision``, ``Recall``; a value
  per model in the printed (sorted) row order, at no step (axis ``None``, ``key: step``):
  the rows are models compared on one split, not steps or epochs, and a model's name is no
  part of a metric name (docs/metrics.md: a row labelled by a name is an item's). 8 values a
  series. Under a pipe that is ``Accuracy``, ``Balanced_Accuracy`` and ``Recall``; under the
  pty all six.
- ``Recall`` is scikit-learn's ``recall_score(average="weighted")``, which equals the
  accuracy on every row: the same numbers as ``Accuracy``, still its own column and key.
  ``ROC AUC`` comes from ``predict_proba`` where the pipeline has it, else from
  ``decision_function`` (``RidgeClassifier``, and ``SVC`` at its default
  ``probability=False``).
- Tolerance 5e-7: half pandas' 6th printed decimal.
- ``Time Taken`` (wall seconds of each model's fit and scoring, ``time.time()``, different
  every run) is a timing: ``also_ok`` under the names a reader may give it (``Time_Taken``,
  as the metrics' labels are joined, ``time_taken``, ``Time``). The footer's ``8 rows x 7
  columns`` are counts.
- Determinism: the data and the split are seeded and LazyPredict passes ``random_state=42``
  to the models that take one: the scores repeat exactly, pipe and pty alike; only ``Time
  Taken`` changes.
"""
# zoo-venv: lazypredict

import re

import lazypredict
from _truth import write_truth
from lazypredict.Supervised import LazyClassifier
from sklearn.datasets import make_classification
from sklearn.ensemble import AdaBoostClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression, RidgeClassifier
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier

X, y = make_classification(n_samples=400, n_features=10, n_informative=5, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.5, random_state=123)

clf = LazyClassifier(verbose=0, ignore_warnings=True, custom_metric=None,
                     classifiers=[LogisticRegression, RidgeClassifier, KNeighborsClassifier,
                                  SVC, DecisionTreeClassifier, RandomForestClassifier,
                                  AdaBoostClassifier, GaussianNB])
models, predictions = clf.fit(X_train, X_test, y_train, y_test)

print(models)

# truth: the returned DataFrame, the columns pandas' repr printed
METRICS = ["Accuracy", "Balanced Accuracy", "ROC AUC", "F1 Score", "Precision", "Recall"]
TIMING = "Time Taken"
columns = list(models.columns)
assert columns == [*METRICS, TIMING], columns
assert models.index.name == "Model" and len(models) == 8 and not clf.errors, (models, clf.errors)
header = re.split(r"\s{2,}", repr(models).splitlines()[0].strip())
if "..." in header:
    cut = header.index("...")
    head, tail = header[:cut], header[cut + 1:]
    assert head == columns[:len(head)] and tail == columns[len(columns) - len(tail):], header
    printed = head + tail
else:
    assert header == columns, header
    printed = columns

metrics = {name.replace(" ", "_"): {"key": "step", "tolerance": 5e-7,
                                    "values": [[None, float(v)] for v in models[name]]}
           for name in METRICS if name in printed}

write_truth(
    "lazypredict", lazypredict.__version__,
    "the DataFrame LazyClassifier.fit returned (models), a series per metric column pandas' "
    "repr printed, rows in printed order (sorted by Balanced Accuracy), no step",
    metrics,
    also_ok=["Time_Taken", "time_taken", "Time"],
    notes=f"rows {list(models.index)}; printed columns {printed}; "
          f"not printed (elided by pandas) {[c for c in columns if c not in printed]}",
)
