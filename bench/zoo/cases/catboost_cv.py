"""CatBoost 1.2.10: ``catboost.cv`` (3-fold stratified cross-validation, ``Logloss``, 50
iterations, ``verbose=10``) on a small synthetic ``Pool`` with one categorical column, as the
docs' ``cv`` usage example builds its ``Pool(data, label, cat_features)`` (countries), then
the ``print_cv_summary`` helper of CatBoost's cross-validation tutorial
(catboost/tutorials ``cross_validation/cv_tutorial.ipynb``, copied verbatim, its no-op
``cv_data.head(10)`` included) on the DataFrame ``cv`` returns. The tutorial's params are
``loss_function``/``iterations``/``learning_rate`` (plus a ``custom_loss`` AUC, left out here:
catboost prints only the loss, the AUC would sit in the files alone); ``depth: 2`` is the docs
example's; ``random_seed``/``thread_count`` keep it deterministic.

What it prints (stdout). 1.2.10's ``cv`` trains the folds one after the other and logs each
fold's training as ``fit`` does; it never prints the mean over the folds per iteration (the
DataFrame's ``test-Logloss-mean`` is printed nowhere)::

    Training on fold [0/3]
    0:\tlearn: 0.6313329\ttest: 0.6379418\tbest: 0.6379418 (0)\ttotal: 51.7ms\tremaining: 2.54s
    10:\tlearn: 0.4486987\ttest: 0.4977583\tbest: 0.4977583 (10)\ttotal: 64.7ms\tremaining: 229ms
    20:\tlearn: 0.4188462\ttest: 0.4868061\tbest: 0.4856650 (19)\ttotal: 76ms\tremaining: 105ms
    ...
    49:\tlearn: 0.3228032\ttest: 0.5221472\tbest: 0.4612487 (30)\ttotal: 107ms\tremaining: 0us

    bestTest = 0.4612487038
    bestIteration = 30

(``verbose=10``: iterations 0, 10, 20, 30, 40 and the last, 49; the same block for folds
``[1/3]`` and ``[2/3]``), then the tutorial's line ``Best validation Logloss score :
0.5058±0.0568 on step 25`` (``{:.4f}±{:.4f}``, a UTF-8 ``±``). Nothing on stderr; pipe and
pty print the same lines (the pty with CRLF).

Truth: catboost's own per-fold record, the files ``cv`` writes under ``catboost_info/fold-<k>/``:
``learn_error.tsv`` and ``test_error.tsv`` (``iter\\tLogloss``, every iteration, ``%.10g``),
listed in ``files`` (their ``time_left.tsv`` and ``catboost_training.json`` hold timings and
are left out). The returned DataFrame (``iterations``, ``test-Logloss-mean``,
``test-Logloss-std``, ``train-Logloss-mean``, ``train-Logloss-std``) is checked against them:
each mean is the folds' mean, each std their sample std (``ddof=1``); it backs the closing line.

Judgements:
- Names: ``learn`` and ``test`` as printed, the names catboost_train.py gives the same
  ``fit`` log (the files call both columns ``Logloss``; ``catboost_training.json`` keys them
  ``learn``/``test``). One series each, the three folds' printed points pooled in printed
  order: a fold's index is no part of a name (docs/metrics.md: ``Fold 2 AUC:``, "a metric of
  one fold or split is named without it"), and ``Training on fold [0/3]`` is a progress
  counter. 18 values each (6 printed iterations x 3 folds), keyed by the printed iteration
  as ``step`` (0-based; it starts again at 0 for each fold).
- Only the printed iterations are expected: catboost's logging period prints iteration
  ``i`` when ``i % 10 == 0`` or it is the last; the files keep all 50 (not printed, so no
  metric of the output; exptrack does not read these files).
- ``bestTest = %.10g`` (one a fold, 3 values): the minimum of the fold's ``test`` series over
  all 50 iterations, named as printed, as catboost_train.py keeps it (docs/metrics.md:
  CatBoost's ``bestTest`` names no metric word after ``best`` and is recorded), keyed by the
  fold's ``bestIteration`` (the first argmin; an index, no metric).
- ``best: 0.4856650 (19)`` on each line is the fold's running best of ``test`` printed again
  (``also_ok``: ``best``); ``total``/``remaining`` are timings (``also_ok``).
- ``Best validation Logloss score : M±S on step N`` is the tutorial's print of the
  DataFrame's minimum ``test-Logloss-mean`` (over all 50 iterations), its ``test-Logloss-std``
  at that iteration and the argmin: the best of the mean over folds, a running best of a
  series that is never printed per iteration. A best, no series of its own (README); its
  printed words are allowed (``also_ok``: ``Best_validation_Logloss_score``), the ``±S``
  spread is unnamed on the line and no metric (README's rule for a value with its spread),
  ``on step N`` is its iteration.
- Tolerances: ``learn``/``test`` print ``%.7f`` -> ``tolerance=5e-8`` (the files' ``%.10g``
  adds at most 5e-11); ``bestTest`` prints ``%.10g`` as the file does -> ``rel_tolerance=5e-10``.
- Determinism: ``random_seed=0``, ``partition_random_seed=0`` and one thread: the values
  repeat run to run, pipe and pty alike; only ``total``/``remaining`` change.
"""
# zoo-venv: catboostcv

import csv

import catboost
import numpy as np
import pandas as pd
from _truth import series, write_truth
from catboost import Pool, cv

FOLDS, ITERATIONS, PERIOD = 3, 50, 10

rng = np.random.default_rng(0)
n = 300
features = rng.normal(size=(n, 4))
country = rng.choice(["France", "USA", "Japan", "Norway"], size=n)
labels = (features[:, 0] - 0.5 * features[:, 1] + 0.8 * (country == "USA")
          + rng.normal(size=n) > 0.2).astype(int)
data = pd.DataFrame(features, columns=["f0", "f1", "f2", "f3"])
data["country"] = country
train_pool = Pool(data=data, label=labels, cat_features=["country"])

params = {
    "loss_function": "Logloss",
    "iterations": ITERATIONS,
    "depth": 2,
    "learning_rate": 0.2,
    "random_seed": 0,
    "thread_count": 1,
}


def print_cv_summary(cv_data):
    cv_data.head(10)

    best_value = cv_data['test-Logloss-mean'].min()
    best_iter = cv_data['test-Logloss-mean'].values.argmin()

    print('Best validation Logloss score : {:.4f}±{:.4f} on step {}'.format(
        best_value,
        cv_data['test-Logloss-std'][best_iter],
        best_iter)
    )


cv_data = cv(
    params=params,
    pool=train_pool,
    fold_count=FOLDS,
    shuffle=True,
    partition_random_seed=0,
    plot=False,
    stratified=True,
    verbose=PERIOD,
)
print_cv_summary(cv_data)


def read_losses(path):
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert [int(row["iter"]) for row in rows] == list(range(ITERATIONS)), path
    return [float(row["Logloss"]) for row in rows]


files = []
learn, test = [], []
for fold in range(FOLDS):
    learn_file = f"catboost_info/fold-{fold}/learn_error.tsv"
    test_file = f"catboost_info/fold-{fold}/test_error.tsv"
    files += [learn_file, test_file]
    learn.append(read_losses(learn_file))
    test.append(read_losses(test_file))

# the DataFrame cv returns is the folds' mean and sample std of the same files
table = {"train": np.array(learn), "test": np.array(test)}
assert cv_data["iterations"].tolist() == list(range(ITERATIONS))
for data_set, values in table.items():
    assert np.allclose(cv_data[f"{data_set}-Logloss-mean"], values.mean(axis=0),
                       rtol=0, atol=1e-9)
    assert np.allclose(cv_data[f"{data_set}-Logloss-std"], values.std(axis=0, ddof=1),
                       rtol=0, atol=1e-9)

printed = [i for i in range(ITERATIONS) if i % PERIOD == 0 or i == ITERATIONS - 1]
metrics = {
    "learn": series([(i, learn[fold][i]) for fold in range(FOLDS) for i in printed], "step",
                    tolerance=5e-8),
    "test": series([(i, test[fold][i]) for fold in range(FOLDS) for i in printed], "step",
                   tolerance=5e-8),
    "bestTest": series([(int(np.argmin(test[fold])), min(test[fold])) for fold in range(FOLDS)],
                       "step", rel_tolerance=5e-10),
}
best_iter = int(cv_data["test-Logloss-mean"].values.argmin())
mean, std = cv_data["test-Logloss-mean"], cv_data["test-Logloss-std"]
write_truth("catboost", catboost.__version__,
            "catboost_info/fold-<k>/learn_error.tsv and test_error.tsv (cv's per-fold record); "
            "the returned DataFrame checked against them",
            metrics, files=files,
            also_ok=["best", "total", "remaining", "Best_validation_Logloss_score"],
            notes=f"DataFrame: best test-Logloss-mean {float(mean.min())} "
                  f"(std {float(std[best_iter])}) at iteration {best_iter}; "
                  f"last test-Logloss-mean {float(mean.iloc[-1])}, "
                  f"train-Logloss-mean {float(cv_data['train-Logloss-mean'].iloc[-1])}")
