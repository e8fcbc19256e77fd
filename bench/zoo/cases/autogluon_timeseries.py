"""AutoGluon 1.6.3 time series (``autogluon.timeseries``): the Forecasting Quick Start's
steps on a small synthetic data set. The quick start reads M4 hourly from a URL; here four
daily series (``H0``..``H3``, 120 days from 2024-01-01: level + trend + weekly sine + seeded
noise) go through ``TimeSeriesDataFrame.from_data_frame`` and ``train_test_split(7)``, then
``TimeSeriesPredictor(prediction_length=7, path="autogluon-daily", target="target",
eval_metric="MASE").fit(train_data, hyperparameters={"Naive": {}, "SeasonalNaive": {},
"ETS": {}}, time_limit=60)`` (three fast statistical models in place of the quick start's
``presets="medium_quality"``, whose deep models would take minutes), ``predict(train_data)``,
and, as a script prints what the notebook displays, ``print(predictor.leaderboard(test_data))``
and ``print(predictor.evaluate(test_data))``. Nothing downloaded; about 5 s of fitting.

What it prints (AutoGluon's logger, verbosity 2, on stderr): the system info box (versions,
``Memory Avail``, ``Disk Space Avail``), the fit arguments dict, the data summary, then a block
a model (and the ``WeightedEnsemble`` it fits on top)::

    Training timeseries model ETS. Training for up to 27.5s of the 55.0s of remaining time.
    \t-0.7227       = Validation score (-MASE)
    \t0.01    s     = Training runtime
    \t1.25    s     = Validation (prediction) runtime

then ``Total runtime``, ``Best model score``, and on stdout the leaderboard DataFrame (pandas'
repr: ``model``, ``score_test``, ``score_val``, ``pred_time_test``, ``pred_time_val``,
``fit_time_marginal``, ``fit_order``; at 80 columns the middle ones fold into ``...``), rows
sorted by ``score_test``, and ``evaluate``'s dict ``{'MASE': -0.89...}`` (full repr).

Truth: the framework's own record. ``predictor.leaderboard(test_data)`` (the trainer's model
attributes: ``score_val``, ``fit_time_marginal`` = the model's ``fit_time`` and
``pred_time_val`` = its ``predict_time``, the very values ``log_scores_and_times`` prints) and
``evaluate``'s returned dict. Judgement calls:
- The block's printed words name its series, as in ``autogluon_tabular``: ``validation_score``
  (``score_val``, printed ``%.4f``: tolerance 5e-5; sign flipped, higher is better, as
  printed), ``training_runtime`` (``fit_time_marginal``, ``%.2f`` s: 5e-3) and
  ``validation_prediction_runtime`` (``pred_time_val``; every printed word kept, the
  parenthesised ``(prediction)`` too, as the printed words name the series; ``%.2f`` s:
  5e-3). Axis ``step``: ``fit_order`` (1 = the first model fitted; the ensemble is 4), a
  point a model.
- ``score_test``: the leaderboard's test score of each model, a held-out metric printed only
  in the table (pandas' 6 decimals: tolerance 5e-7), in the table's row order (its index
  0..3, sorted by score, the framework's order), axis ``step`` = that index.
- ``MASE``: ``evaluate``'s dict key (the best model's test score, the sign flipped as the dict
  holds it), one value, printed in full; axis ``step`` 4 (after the fit, the ensemble's
  fit order, as nothing else numbers it).
- ``also_ok``: the table's other columns (``score_val``, a reprint of the validation score,
  and the timings ``pred_time_test``, ``pred_time_val``, ``fit_time_marginal``), the
  ``Total runtime`` and the system info's memory/disk figures (its ``Total GPU Memory:   Free:
  0.00 GB, Allocated: 0.00 GB, Total: 0.00 GB`` line too); ``Best model score`` reprints the
  ensemble's validation score (``Best_model_score``, its printed capital kept as the naming
  rule of docs/metrics.md keeps ``Fit_runtime``'s).
- Determinism: the data is seeded and the three models are deterministic, so the scores repeat;
  the runtimes and the start time printed do not.
"""
# zoo-venv: agts

import autogluon.timeseries
import numpy as np
import pandas as pd
from _truth import series, write_truth
from autogluon.timeseries import TimeSeriesDataFrame, TimeSeriesPredictor

rng = np.random.default_rng(0)
frames = []
for item in range(4):
    t = np.arange(120)
    target = (10 + 3 * item + 0.05 * t + 2 * np.sin(2 * np.pi * t / 7)
              + rng.normal(scale=0.5, size=t.size))
    frames.append(pd.DataFrame({"item_id": f"H{item}",
                                "timestamp": pd.date_range("2024-01-01", periods=t.size, freq="D"),
                                "target": target}))
data = TimeSeriesDataFrame.from_data_frame(pd.concat(frames, ignore_index=True),
                                           id_column="item_id", timestamp_column="timestamp")
train_data, test_data = data.train_test_split(7)

predictor = TimeSeriesPredictor(prediction_length=7, path="autogluon-daily", target="target",
                                eval_metric="MASE")
predictor.fit(train_data, hyperparameters={"Naive": {}, "SeasonalNaive": {}, "ETS": {}},
              time_limit=60)
predictions = predictor.predict(train_data)

leaderboard = predictor.leaderboard(test_data)
print(leaderboard)
scores = predictor.evaluate(test_data)
print(scores)

board = leaderboard.sort_values("fit_order")
columns = {"validation_score": ("score_val", 5e-5),
           "training_runtime": ("fit_time_marginal", 5e-3),
           "validation_prediction_runtime": ("pred_time_val", 5e-3)}
metrics = {name: series(zip(board["fit_order"], board[column], strict=True), "step", tolerance=tol)
           for name, (column, tol) in columns.items()}
metrics["score_test"] = series(zip(leaderboard.index, leaderboard["score_test"], strict=True),
                               "step", tolerance=5e-7)
metrics.update({name: series([(int(board["fit_order"].max()), value)], "step")
                for name, value in scores.items()})
write_truth("autogluon.timeseries", autogluon.timeseries.__version__,
            "TimeSeriesPredictor.leaderboard(test_data) (score_val, fit_time_marginal, "
            "pred_time_val by fit_order; score_test by row) and evaluate(test_data)'s dict",
            metrics,
            also_ok=["score_val", "pred_time_test", "pred_time_val", "fit_time_marginal",
                     "total_runtime", "Total_runtime", "Best_model_score", "memory_avail",
                     "Memory_Avail", "disk_space_avail", "Disk_Space_Avail", "Free",
                     "Allocated", "Total"],
            notes=f"best model {predictor.model_best}")
