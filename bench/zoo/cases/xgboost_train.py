"""XGBoost ``xgb.train`` with a train and an eval set, ``verbose_eval=True`` (a line per
iteration: ``[3]\ttrain-rmse:0.41...\teval-rmse:0.52...``). Truth: ``evals_result``."""

import numpy as np
import xgboost as xgb
from _truth import series, write_truth

rng = np.random.default_rng(0)
X = rng.normal(size=(400, 6))
y = X[:, 0] * 2.0 - X[:, 1] + rng.normal(scale=0.3, size=400)
dtrain = xgb.DMatrix(X[:300], label=y[:300])
deval = xgb.DMatrix(X[300:], label=y[300:])
record: dict = {}
xgb.train({"objective": "reg:squarederror", "eval_metric": ["rmse", "mae"], "max_depth": 3,
           "eta": 0.3, "seed": 0, "nthread": 1},
          dtrain, num_boost_round=20, evals=[(dtrain, "train"), (deval, "eval")],
          evals_result=record, verbose_eval=True)

metrics = {}
for data_name, by_metric in record.items():
    for metric_name, values in by_metric.items():
        # printed as "[i]\t<data>-<metric>:%.5f" (0-based iteration)
        metrics[f"{data_name}-{metric_name}"] = series(enumerate(values), "step",
                                                       tolerance=5e-6)
write_truth("xgboost", xgb.__version__, "xgb.train(evals_result=...)", metrics)
