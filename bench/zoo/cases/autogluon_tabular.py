"""AutoGluon: ``TabularPredictor(label="label").fit(train_data, time_limit=30)`` as the
quick-start shows it (no presets: the default ``'medium'``, default verbosity 2, models saved
under ``AutogluonModels/`` in the cwd) on a tiny synthetic binary-classification DataFrame
(5 numeric features, one categorical). Each model it fits prints a block::

    Fitting model: RandomForestGini ... Training model for up to 29.8s of the 29.8s of
    remaining time.
    \t0.8333\t = Validation score   (accuracy)
    \t2.8s\t = Training   runtime
    \t0.18s\t = Validation runtime

The zoo's alt venv holds ``autogluon.tabular`` without its optional model extras, so the
LightGBM, CatBoost, XGBoost and FastAI models fail their import and are skipped with a
warning (what a user of the plain package sees); the RandomForest/ExtraTrees models,
NeuralNetTorch and the WeightedEnsemble_L2 train. The NeuralNetTorch fit is cut by the time
limit, so its score may vary between runs.

Truth: ``predictor.leaderboard()`` (the framework's own per-model record), in fit order.
Judgement: the printed words name the series: ``validation_score`` (``score_val``, printed
``round(x, 4)``: tolerance 5e-5), ``training_runtime`` (``fit_time_marginal``, the model's own
fit time that the block prints as ``round(x, 2)``s: tolerance 5e-3) and ``validation_runtime``
(``pred_time_val_marginal``, ``round(x, 2)``s: tolerance 5e-3). The axis is ``step``: the
leaderboard's ``fit_order`` (1 = the first model that trained), since a point is one model,
not an epoch. ``predictor.evaluate(test_data)`` prints nothing by default (``display=False``)
and ``leaderboard()`` neither (``display=False``), so neither is called for output and the
held-out test scores are not in the truth. ``also_ok``: the other runtimes, memory and
throughput the log prints, named by their printed words (feature generation ``Fit runtime``,
``total runtime``, ``Estimated inference throughput``, ``Data preprocessing and feature
engineering runtime``, ``Memory Usage``, ``Available Memory``, the system info's ``Memory
Avail``/``Disk Space Avail``). Session 81 review: the spellings follow the documented naming
rule (docs/metrics.md: a name keeps its printed capitals, a phase word is lower-cased), so
``Fit runtime`` is ``Fit_runtime`` and ``Estimated inference throughput``
``Estimated_inference_throughput``; the memory figure of ``Fitting with cpus=2, gpus=0,
mem=0.1/21.9 GB`` (``mem``) and the preprocessing runtime under its last word (``runtime``)
are a memory and a timing figure, which the contract allows to record.
"""
# zoo-venv: alt

import autogluon.tabular
import numpy as np
import pandas as pd
from _truth import series, write_truth
from autogluon.tabular import TabularPredictor

rng = np.random.default_rng(0)
n = 400
X = rng.normal(size=(n, 5))
data = pd.DataFrame(X, columns=[f"f{i}" for i in range(5)])
data["color"] = rng.choice(["red", "green", "blue"], size=n)
signal = X[:, 0] + 0.5 * X[:, 1] + (data["color"] == "red") + rng.normal(scale=0.5, size=n)
data["label"] = np.where(signal > 0.5, "yes", "no")
train_data = data.iloc[:300]

predictor = TabularPredictor(label="label").fit(train_data, time_limit=30)

board = predictor.leaderboard().sort_values("fit_order")
columns = {"validation_score": ("score_val", 5e-5),
           "training_runtime": ("fit_time_marginal", 5e-3),
           "validation_runtime": ("pred_time_val_marginal", 5e-3)}
metrics = {name: series(zip(board["fit_order"], board[column], strict=True), "step", tolerance=tol)
           for name, (column, tol) in columns.items()}
write_truth("autogluon.tabular", autogluon.tabular.__version__,
            "TabularPredictor.leaderboard() (score_val, fit_time_marginal, "
            "pred_time_val_marginal by fit_order)", metrics,
            also_ok=["Fit_runtime", "total_runtime", "Estimated_inference_throughput", "mem",
                     "runtime",
                     "data_preprocessing_and_feature_engineering_runtime", "memory_usage",
                     "available_memory", "memory_avail", "disk_space_avail"])
