"""Cornac 3.0.1 (Preferred.AI's recommender-systems library): its README quick start, "Getting
started: your first Cornac experiment", as written there, on a ratings list the case draws
itself instead of ``cornac.datasets.movielens.load_feedback()`` (which downloads MovieLens
100K): ``RatioSplit(data=data, test_size=0.2, rating_threshold=4.0, seed=123)``; the three
models ``MF(k=10, max_iter=25, learning_rate=0.01, lambda_reg=0.02, use_bias=True,
seed=123)``, ``PMF(k=10, max_iter=100, learning_rate=0.001, lambda_reg=0.001, seed=123)``,
``BPR(k=10, max_iter=200, learning_rate=0.001, lambda_reg=0.01, seed=123)``; the metrics
``[MAE(), RMSE(), Precision(k=10), Recall(k=10), NDCG(k=10), AUC(), MAP()]``; then
``cornac.Experiment(eval_method=rs, models=models, metrics=metrics, user_based=True).run()``
(kept in a variable, ``exp``, for the truth). The data: 200 users, 150 items, 6,000 ratings
1-5 (a rank-3 taste model with item biases and noise, rounded, seeded), as the
``(user, item, rating)`` tuples of strings and a float that ``load_feedback`` returns (UIR
format). Nothing downloaded; about 10 s (4 of them the import).

What it prints (stdout only). Everything is at Cornac's defaults, ``verbose=False`` for the
split, the models and the Experiment, so there are no data summaries, no ``[MF] Training
started!`` lines and no tqdm bars (``Rating``/``Ranking`` bars and BPR's ``trange`` are all
``disable=not verbose``): only ``Experiment.run``'s one ``print(output)`` at the end, the
``ExperimentResult`` table, a row per model in the models' order::

    <blank>
    TEST:
    ...
        |    MAE |   RMSE |    AUC |    MAP | NDCG@10 | Precision@10 | Recall@10 | Train (s) |
    --- + ------ + ------ + ------ + ------ + ------- + ------------ + --------- + --------- +
    MF  | 0.7819 | 0.9157 | 0.6094 | 0.0758 |  0.0740 |       0.0339 |    0.1155 |    0.0265 |
    PMF | 0.6656 | 0.7800 | 0.6809 | 0.1000 |  0.1059 |       0.0457 |    0.1687 |    0.2949 |
    BPR | 2.3663 | 2.5421 | 0.4749 | 0.0441 |  0.0299 |       0.0161 |    0.0509 |    0.3821 |
    <blank>

(each row goes on with a last column, `` Test (s)``, `` --------``, ``   0.4315`` ...,
cut here for width; every cell ``"{:.4f}"``, the two timings too, which change from run to
run; the columns are ``metric_avg_results``'s keys: the rating metrics first, then the
ranking metrics sorted by name, as ``BaseMethod.organize_metrics`` orders them, then the
timings). No validation set, so no
``VALIDATION:`` table. ``run`` also writes the same text to ``CornacExp-<timestamp>.log`` in
the cwd (a copy of the printout, not a record of its own; not listed in ``files``). BPR
prints numbers for MAE/RMSE in 3.0.1 (the README's 1.x table showed ``N/A``): its ``score``
is used as a rating, so those two values are large and meaningless, but they are what
Cornac records and prints.

Truth: Cornac's own result objects, ``exp.result`` (an ``ExperimentResult``, a list of one
``Result`` per model, in the models' order), each one's ``metric_avg_results`` (an
``OrderedDict`` metric name -> the average over test users, ``user_based=True``).
Judgement calls:
- A series per metric column, named by Cornac's key for it (``Metric.name``, the column
  header as printed): ``MAE``, ``RMSE``, ``AUC``, ``MAP``, ``NDCG@10``, ``Precision@10``,
  ``Recall@10``; three values each, MF, PMF, BPR, in row order.
- No step: the rows are models compared on one split, not epochs or steps (docs/metrics.md:
  a table under a rule with no step or epoch column is a report of results, its rows
  carry no step and are recorded in order). Each value at axis ``None`` (``key: step``), as
  surprise_svd_cv.py writes its folds. A model's name is no part of a metric name.
- ``Train (s)`` and ``Test (s)``: wall seconds Cornac adds to ``metric_avg_results``
  itself (``time.time()`` around ``fit`` and the evaluation); timings, different every run,
  so ``also_ok`` under the names a reader may give them (the unit dropped or kept).
- Tolerance: 5e-5, half the printed 4th decimal.
- Determinism: ``RatioSplit(seed=123)`` and each model's ``seed=123`` (which also sets
  ``num_threads=1`` for MF and BPR, "to remove randomness from parallelization"), and the
  data from ``np.random.default_rng(0)``: the metric values repeat exactly, pipe and pty
  alike; only the two timing columns change.
"""
# zoo-venv: cornac

import cornac
import numpy as np
from _truth import write_truth
from cornac.eval_methods import RatioSplit
from cornac.metrics import AUC, MAE, MAP, NDCG, RMSE, Precision, Recall
from cornac.models import BPR, MF, PMF

# stand-in for ml_100k = cornac.datasets.movielens.load_feedback(): (user, item, rating) tuples
rng = np.random.default_rng(0)
n_users, n_items, n_ratings, rank = 200, 150, 6000, 3
user_taste = rng.normal(size=(n_users, rank))
item_traits = rng.normal(size=(n_items, rank))
item_bias = rng.normal(scale=0.5, size=n_items)
pairs = rng.choice(n_users * n_items, size=n_ratings, replace=False)
users, items = np.divmod(pairs, n_items)
score = 3.3 + item_bias[items] + 0.5 * np.sum(user_taste[users] * item_traits[items], axis=1)
ratings = np.clip(np.rint(score + rng.normal(scale=0.6, size=n_ratings)), 1, 5)
data = [(f"u{u}", f"i{i}", float(r)) for u, i, r in zip(users, items, ratings, strict=True)]

# split the data based on ratio
rs = RatioSplit(data=data, test_size=0.2, rating_threshold=4.0, seed=123)

# initialize models, here we are comparing: Biased MF, PMF, and BPR
mf = MF(k=10, max_iter=25, learning_rate=0.01, lambda_reg=0.02, use_bias=True, seed=123)
pmf = PMF(k=10, max_iter=100, learning_rate=0.001, lambda_reg=0.001, seed=123)
bpr = BPR(k=10, max_iter=200, learning_rate=0.001, lambda_reg=0.01, seed=123)
models = [mf, pmf, bpr]

# define metrics to evaluate the models
metrics = [MAE(), RMSE(), Precision(k=10), Recall(k=10), NDCG(k=10), AUC(), MAP()]

# put it together in an experiment, voilà!
exp = cornac.Experiment(eval_method=rs, models=models, metrics=metrics, user_based=True)
exp.run()

results = list(exp.result)
assert [r.model_name for r in results] == ["MF", "PMF", "BPR"], [r.model_name for r in results]
timings = ("Train (s)", "Test (s)")
names = [name for name in results[0].metric_avg_results if name not in timings]
assert sorted(names) == sorted(m.name for m in metrics), names
truth = {name: {"key": "step",
                "values": [[None, float(r.metric_avg_results[name])] for r in results],
                "tolerance": 5e-5}
         for name in names}
write_truth("cornac", cornac.__version__,
            "exp.result (ExperimentResult): each model's Result.metric_avg_results, "
            "models in order MF, PMF, BPR",
            truth,
            also_ok=["Train (s)", "Test (s)", "Train", "Test", "Train_s", "Test_s",
                     "Train_(s)", "Test_(s)", "train_time", "test_time"],
            notes=f"{len(data)} ratings, {n_users} users, {n_items} items; a value per model "
                  "(MF, PMF, BPR) in row order, no step; timings "
                  + ", ".join(f"{r.model_name} train {r.metric_avg_results['Train (s)']:.3f}s "
                              f"test {r.metric_avg_results['Test (s)']:.3f}s" for r in results))
