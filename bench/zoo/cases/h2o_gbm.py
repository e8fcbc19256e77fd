"""H2O-3 3.46.0.12 (``h2o``, H2O's Python client; its wheel bundles ``h2o.jar``, run on the
system's OpenJDK 17): ``h2o.init(nthreads=1, max_mem_size="1G")`` starts a local one-node
cluster, the case uploads two pandas frames (``h2o.H2OFrame(df)``), makes the response a
factor (``train["y"] = train["y"].asfactor()``, as H2O's GBM docs do), trains
``H2OGradientBoostingEstimator(ntrees=20, seed=1)`` with ``model.train(x=..., y="y",
training_frame=train, validation_frame=valid)`` (every other parameter at its default: depth
5, learn rate 0.1, scoring after each tree on these small frames) and prints the model
(``print(model)``, what a notebook shows for ``model``), then shuts the cluster down
(``h2o.cluster().shutdown()``). Binary classification (``y`` is ``"pos"``/``"neg"``) on a
synthetic frame of four normal features the case draws itself (numpy, seed 0): 200 rows to
train, 100 to validate. Nothing downloaded; about 20 s, most of it the JVM's start.

What it prints (all on stdout; nothing on stderr). ``h2o.init``'s connection notes
(``Checking whether there is an H2O instance running at http://localhost:54321..... not
found.``, ``Attempting to start a local H2O server...``, the Java version, the jar's path, the
temp ice root, ``Server is running at http://127.0.0.1:54321``, ``Connecting to H2O server at
http://127.0.0.1:54321 ... successful.``), a ``Warning: Your H2O cluster version is (3 months
and 25 days) old.`` notice (the jar's age on the capture's date), the cluster table
(``H2O_cluster_uptime:         06 secs``, ``H2O_cluster_free_memory:    1 Gb``,
``H2O_cluster_total_cores:    2``, ``H2O_cluster_allowed_cores:  1``, the version, the
random cluster name, ...) and a boxed community-edition notice. Then the progress bars
``Parse progress: |████...| (done) 100%`` (one a frame) and ``gbm Model Build progress:
|████...| (done) 100%`` (under a pipe written once when done; on the pty redrawn on ``\\r``).
``print(model)``: ``Model Details``, the model key (``GBM_model_python_<millis>_1``), a
``Model Summary:`` table (``number_of_trees``, ``model_size_in_bytes``, ``min_depth`` ...
``mean_leaves``), then one metrics block a data set::

    ModelMetricsBinomial: gbm
    ** Reported on train data. **

    MSE: 0.07262823701019479
    RMSE: 0.26949626529915915
    LogLoss: 0.2808935164554986
    Mean Per-Class Error: 0.05773289116671691
    AUC: 0.9878906642548487
    AUCPR: 0.9894263346178569
    Gini: 0.9757813285096975

each followed by ``Confusion Matrix (Act/Pred) for max f1 @ threshold = 0.5131831732066757``
(counts, per-class ``Error``, ``Rate`` as ``(9.0/93.0)``), the ``Maximum Metrics: Maximum
metrics at their respective thresholds`` table (``max f1   0.513183   0.950226   110``: a
criterion, its best threshold, its value there, the threshold's index) and the ``Gains/Lift
Table: Avg response rate: 53.50 %, avg score: 53.49 %`` (16 groups of ``lift``,
``cumulative_lift``, ``response_rate``, ``capture_rate``, ``gain``, ``kolmogorov_smirnov``
...); the second block is ``** Reported on validation data. **``. Then ``Scoring
History:``, a tabulate table with a header row ``timestamp  duration  number_of_trees
training_rmse  training_logloss  training_auc  training_pr_auc  training_lift
training_classification_error  validation_rmse ... validation_classification_error`` and a
row a scoring (``2026-12-06 23:35:01  1.001 sec   1.0   0.4746856332361189  ...``; the
values as Python prints the float, ``0.43000000000000005`` too), and ``Variable
Importances:`` (``f1  94.5033  1  0.507705``: per-feature). The scoring history has 21 rows
(0 to 20 trees) and H2O shows a table of more than 20 rows cut (``TwoDimTable._str_(rows=20)``,
``display.H2OTableDisplay._prepare``: the first 10 rows, a row of ``---`` cells, the last 10,
and ``[21 rows x 16 columns]``), so the row of 10 trees is never printed. Last,
``shutdown()``'s ``H2O session _sid_xxxx closed.``

Truth: H2O's own record of the model, not stdout. ``model.scoring_history()`` (the pandas
frame of the model's ``scoring_history`` TwoDimTable) for the table's series, and the
model's stored metrics for the blocks: ``model.model_performance(train=True)`` and
``model.model_performance(valid=True)`` (the ``training_metrics``/``validation_metrics``
H2O computed when it scored the last tree, the objects ``print(model)`` prints), read through
their own keys (``_metric_json``: ``MSE``, ``RMSE``, ``logloss``, ``mean_per_class_error``,
``AUC``, ``pr_auc``, ``Gini``); the case asserts they equal the scoring history's last row
where both keep one (``RMSE`` = ``training_rmse``, ``logloss``, ``AUC``, ``pr_auc``).
Judgement calls:
- The scoring history: each metric column is a series named by its column, H2O's own key
  (``training_rmse``, ``training_logloss``, ``training_auc``, ``training_pr_auc``,
  ``training_lift``, ``training_classification_error`` and the six ``validation_*``), keyed
  ``step`` at ``number_of_trees`` (printed ``0.0`` ... ``20.0``; the row of 0 trees is the
  initial model, the prior, scored before any tree: a point like any other). Only the rows
  H2O's display rule prints (0-9 and 11-20: 20 points a series, computed from the rule, not
  read from stdout): the 10-tree row is in the record but no output a tracker can read (as
  ydf_gbt.py keeps only the iterations YDF logs). ``training_lift`` is the lift of the top
  1% (``lift_top_group``), a metric of H2O's record and leaderboard; it stays constant here
  (``1.8691588785046729``), which makes it no less a series. ``timestamp`` is no metric;
  ``duration`` (``1.001 sec``, the time since the build began) is a timing, ``also_ok``.
- The two metrics blocks: ``MSE``, ``RMSE``, ``LogLoss``, ``Mean Per-Class Error``,
  ``AUC``, ``AUCPR``, ``Gini`` (H2O's leaderboard metrics for a binomial model), named as
  printed, exptrack's rule joining the phrase (``Mean_Per-Class_Error``; ``LogLoss`` is one
  name key with H2O's ``logloss``, ``AUCPR`` is how H2O prints and names its ``aucpr()``
  accessor). One series a name, pooled over the two blocks in print order (train, then
  validation), at no step (axis ``None``, ``key: step``): the ``** Reported on train data.
  **`` line is a heading of its own above bare labels, as Weka's ``=== Error on training
  data ===`` is, and the lead's call for weka_naive_bayes.py (session 99: pool, as the
  project's held-out collections of H2O's output mostly keep the bare names; docs/metrics.md
  "tune50": "two older sets bare, one prefixed") is followed here. A tracker that prefixes
  by the heading records ``train_MSE``/``validation_MSE`` (junk names, and misses).
- The confusion matrix's ``Total`` row (``Total  86  114  0.055  (11.0/200.0)``): its
  ``Error`` cell is the model's classification error at the max-F1 threshold, the value the
  scoring history keeps as ``training_classification_error``/``validation_classification_error``
  at its last row (the case asserts it). A metric, named by its column as printed (``Error``;
  the ``Total`` label is the aggregate row, as Weka's ``Weighted Avg.`` is), pooled train
  then validation at no step like the blocks; truth from the scoring history's last row,
  ``tolerance=5e-5`` (the table prints four decimals). Its ``neg``/``pos`` cells are counts.
- Not metrics (junk if recorded): the cluster table (memory, core and node counts, the
  version and its age, ``H2O_cluster_uptime`` aside), the progress bars' percentages, the
  ``Model Summary`` (the model's size and shape: tree counts, depths, leaves, bytes), the
  confusion matrices' counts and their per-class ``Error`` and ``Rate`` cells (per class;
  ``Rate`` prints the counts as ``(9.0/93.0)``), the threshold of ``max f1``, the
  ``Maximum Metrics`` table (a per-criterion
  choice of threshold over the threshold curve: its ``threshold``, ``value`` and ``idx``
  columns mix thresholds, scores of different criteria and counts such as ``max tns 93``,
  none a quantity of its own; H2O keeps them in ``max_criteria_and_metric_scores``, apart
  from the model's metrics), the ``Gains/Lift`` table (per-group rows of a curve, and its
  caption's average response rate and score: a description of the data and the
  predictions), ``[21 rows x 16 columns]`` and the ``Variable Importances`` table
  (per-feature), the scoring history's ``number_of_trees`` (its step).
- ``also_ok``: ``duration`` (the scoring history's elapsed time) and ``H2O_cluster_uptime``
  (the cluster table's ``06 secs``): timings.
- Tolerances: none but ``Error``'s. The blocks print ``"MSE: {}".format(value)`` (``str``
  of the double: exact) and the scoring history's cells are printed as their ``repr``.
- Deterministic: the frames are seeded, H2O's GBM with ``seed=1`` on one thread gives the
  same model (two captures, pipe and pty, gave the same values). What changes: the
  timestamps, durations, uptime, the cluster name, the model key, the ice root's temp path,
  the session id, the version-age notice (the capture's date), the ``Model Summary``'s
  ``model_size_in_bytes`` (4308 to 4311 over four captures) and, on the pty, how many
  frames each progress bar draws.
"""
# zoo-venv: h2o

import h2o
from _pos_neg_frame import pos_neg_frame
from _truth import series, write_truth
from h2o.estimators import H2OGradientBoostingEstimator

h2o.init(nthreads=1, max_mem_size="1G")

frame = pos_neg_frame()
train = h2o.H2OFrame(frame[:200])
valid = h2o.H2OFrame(frame[200:].reset_index(drop=True))
train["y"] = train["y"].asfactor()
valid["y"] = valid["y"].asfactor()

model = H2OGradientBoostingEstimator(ntrees=20, seed=1)
model.train(x=["f1", "f2", "f3", "f4"], y="y", training_frame=train, validation_frame=valid)
print(model)

# --- truth: H2O's own record (the model's scoring history and stored metrics) ---
history = model.scoring_history()
rows = len(history)
# TwoDimTable._str_(rows=20) -> H2OTableDisplay._prepare: more than 20 rows show the first
# 10, a row of "---" and the last 10 (h2o/display.py)
shown = (list(range(rows)) if rows <= 20
         else [*range(10), *range(rows - 10, rows)])
trees = history["number_of_trees"]
columns = [name for name in history.columns
           if name.startswith(("training_", "validation_"))]
assert len(columns) == 12, columns
# (rel_tolerance: under a terminal H2O's table prints each cell to six significant digits,
# "0.498773" of 0.4987734956871716; through a pipe in full)
metrics = {name: series([(trees[i], history[name][i]) for i in shown], "step",
                        rel_tolerance=5e-6)
           for name in columns}

stored = {"train": model.model_performance(train=True),
          "valid": model.model_performance(valid=True)}
performance = {split: perf._metric_json for split, perf in stored.items()}
last = rows - 1
for split, phase in [("train", "training"), ("valid", "validation")]:
    record = performance[split]
    assert record["RMSE"] == history[f"{phase}_rmse"][last]
    assert record["logloss"] == history[f"{phase}_logloss"][last]
    assert record["AUC"] == history[f"{phase}_auc"][last]
    assert record["pr_auc"] == history[f"{phase}_pr_auc"][last]
for printed, key in [("MSE", "MSE"), ("RMSE", "RMSE"), ("LogLoss", "logloss"),
                     ("Mean_Per-Class_Error", "mean_per_class_error"), ("AUC", "AUC"),
                     ("AUCPR", "pr_auc"), ("Gini", "Gini")]:
    metrics[printed] = {"key": "step",
                        "values": [[None, float(performance[split][key])]
                                   for split in ("train", "valid")]}
# the confusion matrix's Total row: the error at the max-F1 threshold, printed to 4 decimals;
# the scoring history keeps it as *_classification_error (its last row)
errors = []
for split, phase in [("train", "training"), ("valid", "validation")]:
    table = stored[split].confusion_matrix().table
    total = dict(zip(table.col_header, table.cell_values[-1], strict=True))
    error = float(history[f"{phase}_classification_error"][last])
    assert total[""] == "Total" and abs(float(total["Error"]) - error) <= 5e-5, total
    errors.append([None, error])
metrics["Error"] = {"key": "step", "values": errors, "tolerance": 5e-5}

write_truth("h2o", h2o.__version__,
            "model.scoring_history() (number_of_trees; training_*/validation_* columns) at "
            "the rows print(model) shows; model.model_performance(train=True/valid=True) "
            "metric JSON (MSE, RMSE, logloss, mean_per_class_error, AUC, pr_auc, Gini)",
            metrics, also_ok=["duration", "H2O_cluster_uptime"],
            notes=f"{rows} scoring-history rows, rows {shown} printed; "
                  f"{int(model.summary()['number_of_trees'][0])} trees")

h2o.cluster().shutdown()
