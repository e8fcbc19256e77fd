"""LightGBM ``lgb.train`` with a train and a valid set and the ``log_evaluation(period=1)``
callback (``[3]\ttraining's l2: 0.41\tvalid_1's l2: 0.52``). Truth: ``record_evaluation``
(what ``evals_result_`` holds in the sklearn API)."""

import lightgbm as lgb
import numpy as np
from _truth import series, write_truth

rng = np.random.default_rng(0)
X = rng.normal(size=(400, 6))
y = X[:, 0] * 2.0 - X[:, 1] + rng.normal(scale=0.3, size=400)
train = lgb.Dataset(X[:300], label=y[:300])
valid = lgb.Dataset(X[300:], label=y[300:], reference=train)
record: dict = {}
lgb.train({"objective": "regression", "metric": ["l2", "l1"], "num_leaves": 7,
           "learning_rate": 0.2, "seed": 0, "num_threads": 1, "verbose": -1},
          train, num_boost_round=20, valid_sets=[train, valid],
          valid_names=["training", "valid_1"],
          callbacks=[lgb.log_evaluation(period=1), lgb.record_evaluation(record)])

metrics = {}
for data_name, by_metric in record.items():
    for metric_name, values in by_metric.items():
        # printed as "[i]\t<data>'s <metric>: %g" (1-based iteration, 6 significant digits)
        metrics[f"{data_name}_{metric_name}"] = series(enumerate(values, 1), "step",
                                                       rel_tolerance=5e-6)
write_truth("lightgbm", lgb.__version__, "lgb.record_evaluation (evals_result)", metrics)
