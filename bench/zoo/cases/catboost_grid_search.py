"""CatBoost 1.2.10: ``CatBoostClassifier(iterations=50, random_seed=0, thread_count=1)
.grid_search(grid, X=train_data, y=train_labels, cv=3, search_by_train_test_split=False,
shuffle=False)`` as the docs' Parameter tuning section ("Search by grid") and the
``grid_search`` reference run it: a ``grid`` of the example's first two keys cut to two
values each (``learning_rate: [0.03, 0.1]``, ``depth: [4, 6]``: 4 candidates; the example's
``l2_leaf_reg`` list would make it 20), a numpy ``train_data`` of integers 0..99 (200 x 10,
as the example's ``np.random.randint(0, 100, size=(100, 10))``, seeded) with a label that
depends on two columns (the example's labels are pure noise), ``plot`` left off (it draws a
Jupyter widget). Nothing downloaded, nothing printed by the case itself; a few seconds.

Judgement calls on the call: ``search_by_train_test_split=False`` is what the reference
recommends "for small datasets" (every candidate is scored by 3-fold cross-validation
instead of one 80/20 split); ``shuffle=False`` (the rows are i.i.d. already) keeps the
folds reproducible from outside: with ``shuffle=True`` the search permutes the rows once
before its cross-validation shuffles them again, a permutation no Python API exposes, and
the per-iteration truth below could not be rebuilt. ``refit=True`` (the default) refits the
best candidate on all rows silently afterwards. ``iterations=50`` keeps it short;
``random_seed``/``thread_count`` keep it deterministic.

What it prints (stdout, nothing on stderr). For each candidate, in grid order (the grid's
keys sorted, the last varying fastest: depth 4/lr 0.03, 4/0.1, 6/0.03, 6/0.1), catboost's
``cv`` log of its 3 folds at the model's default verbosity (every iteration), then one line
of the search's own logger::

    Training on fold [0/3]
    0:\tlearn: 0.6807302\ttest: 0.6917668\tbest: 0.6917668 (0)\ttotal: 53.2ms\tremaining: 2.61s
    ...
    49:\tlearn: 0.3823885\ttest: 0.5534202\tbest: 0.5492490 (44)\ttotal: 109ms\tremaining: 0us

    bestTest = 0.549248983
    bestIteration = 44

    Training on fold [1/3]
    ...  (folds 1 and 2 alike)
    0:\tloss: 0.5510893\tbest: 0.5510893 (0)\ttotal: 250ms\tremaining: 751ms

(``grid_search``'s ``verbose=True`` governs only that ``loss`` line; the fold logs follow the
model's own ``verbose``). 4 x (3 x 55 + 1) lines, about 55 kB; no "Estimating final
quality..." block, which only the train/test-split search prints.

Truth. What the series are:
- ``learn``/``test`` (``%.7f``): each fold's Logloss on its training part and on its held-out
  third, every iteration; one series each, all 4 candidates x 3 folds x 50 iterations pooled
  in printed order (600 values), keyed by the printed iteration as ``step`` (0-based, it
  restarts for every fold). Neither a candidate nor a fold is part of a name
  (docs/metrics.md: "a metric of one fold or split is named without it"; catboost_cv.py
  names the same ``cv`` log the same way); ``Training on fold [0/3]`` is a progress counter.
- ``bestTest`` (``%.10g``, 12 values, one a fold): the minimum of that fold's ``test``,
  keyed by its ``bestIteration`` (the first argmin; an index, no metric), as in catboost_cv.py.
- ``loss`` (``%.7f``, 4 values, keyed by the candidate index the line starts with, 0..3):
  the search's score of a candidate, ``cvResult[0].AverageTest.back()`` in catboost's
  hyperparameter_tuning.cpp: the mean over the 3 folds of the LAST iteration's test
  Logloss (not the folds' best). The best candidate's is the last value of the returned
  dict's ``cv_results['test-Logloss-mean']``.
- ``best: 0.5510893 (0)`` on the ``loss`` line is the search's running best of ``loss`` and
  its candidate index, and ``best: X (i)`` on a fold line the fold's running best of
  ``test``: printed again, no series (``also_ok``: ``best``); ``total``/``remaining`` are
  timings (``also_ok``).
- The returned dict: ``params`` (the best candidate's ``depth``/``learning_rate``, a setting)
  and ``cv_results`` (``iterations``, ``test-Logloss-mean``/``-std``,
  ``train-Logloss-mean``/``-std``: the best candidate's 3-fold curve, mean and sample std
  over the folds at every iteration). That curve is printed nowhere (only its last mean, as
  that candidate's ``loss``), so it is no metric of the output; the notes quote it.

Where the values come from: catboost keeps no per-iteration record of a search. The search
writes ``catboost_info/fold_0_test_error.tsv`` (a row a candidate: each fold's last test
Logloss, ``%.10g``; listed in ``files``) and ``catboost_training.json``/``fold_0_learn_error.tsv``
(the refit overwrites the json and the learn file keeps one fold's column only, so neither
is used). The case therefore reruns each candidate's cross-validation silently with
``catboost.cv`` (same params, ``fold_count=3``, ``shuffle=False``, ``stratified=True`` as the
search derives for Logloss, ``partition_random_seed=0``) into ``replica/candidate-<k>/``,
whose ``fold-<f>/learn_error.tsv``/``test_error.tsv`` (every iteration, ``%.10g``, listed
in ``files``) are the truth, and asserts that the rerun is the search's computation: every
fold's last test value equals the search's record to its 10 digits, the best candidate's
``cv`` DataFrame equals the returned ``cv_results`` exactly, and ``params`` is the candidate
with the lowest ``loss``. ``loss`` is each rerun's own ``test-Logloss-mean`` at the last
iteration. Tolerances: ``learn``/``test``/``loss`` print ``%.7f`` -> ``tolerance=5e-8``;
``bestTest`` prints ``%.10g`` as the files keep it -> ``rel_tolerance=5e-10``.

Determinism: ``random_seed=0``, one thread and unshuffled folds: the values repeat run to
run, pipe and pty alike; only ``total``/``remaining`` change.
"""
# zoo-venv: catboostgs

import csv
import itertools
import os

import catboost
import numpy as np
from _truth import series, write_truth
from catboost import CatBoostClassifier, Pool, cv

FOLDS, ITERATIONS = 3, 50

rng = np.random.default_rng(0)
train_data = rng.integers(0, 100, size=(200, 10))
train_labels = (train_data[:, 0] + train_data[:, 1] + rng.normal(scale=30, size=200)
                > 100).astype(int)

model = CatBoostClassifier(iterations=ITERATIONS, random_seed=0, thread_count=1)

grid = {'learning_rate': [0.03, 0.1],
        'depth': [4, 6]}

grid_search_result = model.grid_search(grid,
                                       X=train_data,
                                       y=train_labels,
                                       cv=FOLDS,
                                       search_by_train_test_split=False,
                                       shuffle=False)


# --- truth (silent) ---
def read_rows(path):
    """A catboost ``*_error.tsv``: ``iter`` then one ``Logloss`` column a data set."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    assert rows[0][0] == "iter", path
    assert [int(row[0]) for row in rows[1:]] == list(range(len(rows) - 1)), path
    return [[float(value) for value in row[1:]] for row in rows[1:]]


def read_losses(path):
    rows = read_rows(path)
    assert all(len(row) == 1 for row in rows), path
    return [row[0] for row in rows]


# the search's own record: a row a candidate, each fold's last-iteration test Logloss
search_record = "catboost_info/fold_0_test_error.tsv"
record = read_rows(search_record)
names = sorted(grid)  # catboost walks the grid's keys sorted, the last varying fastest
candidates = [dict(zip(names, values, strict=True))
              for values in itertools.product(*(grid[name] for name in names))]
assert len(record) == len(candidates) and all(len(row) == FOLDS for row in record)

files = [search_record]  # (the reruns' tsv files are the truth's source, no record of the
# run: left out of the fixture)
learn, test, best_test, loss, frames = [], [], [], [], []
pool = Pool(train_data, train_labels)
os.makedirs("replica", exist_ok=True)
for k, candidate in enumerate(candidates):
    train_dir = f"replica/candidate-{k}"
    frame = cv(pool, params={"loss_function": "Logloss", "iterations": ITERATIONS,
                             "random_seed": 0, "thread_count": 1, "train_dir": train_dir,
                             **candidate},
               fold_count=FOLDS, shuffle=False, partition_random_seed=0, stratified=True,
               logging_level="Silent", as_pandas=False)
    frames.append(frame)
    for fold in range(FOLDS):
        learn_file = f"{train_dir}/fold-{fold}/learn_error.tsv"
        test_file = f"{train_dir}/fold-{fold}/test_error.tsv"
        fold_learn, fold_test = read_losses(learn_file), read_losses(test_file)
        assert len(fold_learn) == len(fold_test) == ITERATIONS
        # the rerun is the search's computation: its last test value is the search's record
        assert abs(fold_test[-1] - record[k][fold]) <= 5e-10 * record[k][fold], (k, fold)
        learn += list(enumerate(fold_learn))
        test += list(enumerate(fold_test))
        best_test.append((int(np.argmin(fold_test)), min(fold_test)))
    score = frame["test-Logloss-mean"][-1]
    assert abs(score - float(np.mean(record[k]))) <= 1e-9, k
    loss.append((k, score))

best = min(range(len(candidates)), key=lambda k: loss[k][1])
assert grid_search_result["params"] == candidates[best], (grid_search_result["params"], best)
cv_results = grid_search_result["cv_results"]
assert set(cv_results) == set(frames[best])
for column, values in cv_results.items():
    assert list(values) == list(frames[best][column]), column

metrics = {
    "learn": series(learn, "step", tolerance=5e-8),
    "test": series(test, "step", tolerance=5e-8),
    "bestTest": series(best_test, "step", rel_tolerance=5e-10),
    "loss": series(loss, "step", tolerance=5e-8),
}
mean, std = cv_results["test-Logloss-mean"], cv_results["test-Logloss-std"]
low = int(np.argmin(mean))
write_truth("catboost", catboost.__version__,
            "catboost.cv reruns of each candidate (replica/candidate-<k>/fold-<f>/*_error.tsv), "
            "checked against the search's catboost_info/fold_0_test_error.tsv and the "
            "cv_results grid_search returns",
            metrics, files=files, also_ok=["best", "total", "remaining"],
            notes=f"grid_search params {grid_search_result['params']} (candidate {best}); "
                  f"cv_results test-Logloss-mean last {mean[-1]} (std {std[-1]}), "
                  f"lowest {mean[low]} at iteration {low}; "
                  f"train-Logloss-mean last {cv_results['train-Logloss-mean'][-1]}")
