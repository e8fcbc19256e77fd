"""caret 6.0-93 (R's Classification And REgression Training; Debian bookworm's
``r-cran-caret`` 6.0-93+dfsg-1 on ``r-base-core`` 4.2.2, run by ``Rscript``), as its "Model
Training and Tuning" chapter trains and prints a model: ``library(caret)``, ``set.seed(42)``,
``model <- train(Species ~ ., data = iris, method = "knn", trControl = trainControl(method =
"cv", number = 5, verboseIter = TRUE))`` then ``print(model)``. caret is no pip package: the
case writes the R script into its cwd and runs ``Rscript caret_train.R`` with
``subprocess``, its stdout and stderr let through unchanged (install: ``apt-get install -y
r-cran-caret r-cran-jsonlite``). Data: R's own ``iris`` (the ``datasets`` package that ships
with R; nothing downloaded). Defaults otherwise: ``tuneLength = 3`` (``k`` = 5, 7, 9 for
``knn``, caret's ``knn3``), ``metric = "Accuracy"``, ``selectionFunction = "best"``. Under a
second of fitting (loading caret takes the rest, about 3 s).

What it prints: on stderr ``library(caret)``'s ``Loading required package: ggplot2`` and
``... lattice``; on stdout ``verboseIter``'s progress, a ``+``/``-`` pair per fold and
candidate (``+ Fold1: k=5 `` ... ``- Fold5: k=9 ``, 30 lines, each ending in a space), then
``Aggregating results``, ``Selecting tuning parameters``, ``Fitting k = 5 on full training
set``, and ``print.train``'s report::

    k-Nearest Neighbors

    150 samples
      4 predictor
      3 classes: 'setosa', 'versicolor', 'virginica'

    No pre-processing
    Resampling: Cross-Validated (5 fold)
    Summary of sample sizes: 120, 120, 120, 120, 120
    Resampling results across tuning parameters:

      k  Accuracy   Kappa
      5  0.9733333  0.96
      7  0.9666667  0.95
      9  0.9666667  0.95

    Accuracy was used to select the optimal model using the largest value.
    The final value used for the model was k = 5.

(``cat`` lines end with a space before the newline; the table is ``format.data.frame`` of
``model$results`` without its ``SD`` columns, printed as a character matrix with
``print.gap = 2``). Under the pty R's cli package (3.6.0, which ggplot2 loads) also writes
its cursor-show escape ``ESC[?25h`` (twice before ``+ Fold1: k=5``, once before ``k-Nearest
Neighbors``, three times at the end, after the last newline); the pipe has none.

Truth: the train object's own record, ``model$results`` (a row per candidate ``k``:
``Accuracy``, ``Kappa`` and their ``AccuracySD``, ``KappaSD``: the mean and spread over the
5 folds), written by the R script with ``jsonlite::write_json(digits = NA)`` (15 significant
digits) to ``caret_train.json`` with ``model$resample`` (the selected ``k``'s per-fold
``Accuracy``/``Kappa``) and ``model$bestTune``, and read back here. That file is the case's
dump of the model object, not a file caret writes: not in ``files``.

Judgement calls:
- Metrics: the tuning table's ``Accuracy`` and ``Kappa`` columns, the only measured values
  caret prints, a series each over the three candidates, pooled in the printed order (the
  table sorted by ``k``, as ``model$results`` is): 3 values a metric. The table is a search's
  trials, as PyCaret's leaderboard (pycaret_classification) and Ray Tune's trial table are
  pooled under the measured name; it is not only the selected model's row: each row is a
  measured mean of its own candidate, and the selected one is printed no differently (only
  ``The final value used for the model was k = 5.`` says which, a setting). The selected
  model has no line of its own with its accuracy, so nothing is a reprint of a best.
- Names: caret's own keys, the columns of ``model$results`` (``Accuracy``, ``Kappa``), as
  printed; no phase word is printed (they are cross-validated scores: ``Resampling results``
  heads the table but names no phase).
- Key: the rows carry no step or epoch: ``k`` is the candidate's tuning parameter (a setting,
  junk if recorded, as ``C=0.1`` in sklearn_gridsearch), and a row's position is no step the
  run printed (README). Axis ``None`` (``key: step``), as pycaret_classification keeps its
  leaderboard rows.
- Not metrics (junk if recorded): ``k=5`` on the progress lines and in ``Fitting k = 5`` and
  ``The final value used for the model was k = 5.`` (the setting); ``Fold1``..``Fold5``
  (a fold's index is no name); ``150 samples``, ``4 predictor``, ``3 classes``, ``(5
  fold)``, ``Summary of sample sizes: 120, ...`` (counts). Not printed, so not expected:
  ``AccuracySD``/``KappaSD`` (``print.train`` shows them only with ``showSD = TRUE``: a spread,
  no metric of its own either way) and ``model$resample``, the selected ``k``'s per-fold
  values (kept in the notes).
- Tolerance: ``format.data.frame`` at R's default ``digits = 7`` gives each column the
  decimals its most demanding value needs for 7 significant digits, so no value is off by
  more than half a unit of its own 7th significant digit: tolerance 5e-8 (values in [0.1,
  1)), computed from the values.
- Nothing timed is printed: ``also_ok`` empty.
- Environment: the R script runs with ``TZ=Etc/UTC`` when ``TZ`` is unset, as the Rocker
  images set it: without it, in a container with no systemd, loading caret (its ``timeDate``/
  ``lubridate`` imports ask ``Sys.timezone()``) makes R run ``timedatectl`` and print
  ``System has not been booted with systemd as init system (PID 1). Can't operate.``,
  ``Failed to connect to bus: Host is down`` and a ``Warning message: In
  system("timedatectl", intern = TRUE) : running command 'timedatectl' had status 1`` on
  stderr: the machine's, not caret's output. caret's behaviour does not depend on it.
- Deterministic: ``set.seed(42)`` fixes the folds (``createFolds``) and ``knn3``'s random
  tie-breaks; the output has no time in it: two captures gave the same bytes, pipe and pty.
"""
# zoo-venv: rcaret

import os

from _rscript import half_unit, run_r
from _truth import write_truth

R_SCRIPT = r"""
library(caret)

set.seed(42)
model <- train(Species ~ ., data = iris, method = "knn",
               trControl = trainControl(method = "cv", number = 5, verboseIter = TRUE))
print(model)

jsonlite::write_json(list(
  caret = as.character(packageVersion("caret")),
  r = R.version.string,
  results = model$results,
  resample = model$resample,
  bestTune = model$bestTune),
  "caret_train.json", auto_unbox = TRUE, digits = NA)
"""



record = run_r("r_caret_train", R_SCRIPT, "caret_train", "caret_train.json",
               "r-cran-caret r-cran-jsonlite", env={"TZ": os.environ.get("TZ", "Etc/UTC")})

# jsonlite writes a data frame row-wise: a list of {column: value} records, in row order
# (model$results is sorted by k, as print.train sorts its table)
results = sorted(record["results"], key=lambda row: row["k"])
metrics = {}
for name in ("Accuracy", "Kappa"):
    values = [row[name] for row in results]
    tolerance = max(half_unit(value, 7) for value in values)
    # no step or epoch a row: axis None (series() takes numbers only)
    metrics[name] = {"key": "step", "values": [[None, float(value)] for value in values],
                     "tolerance": tolerance}

best_k = record["bestTune"][0]["k"] if isinstance(record["bestTune"], list) \
    else record["bestTune"]["k"]
folds = ", ".join(f"{row['Resample']}: Accuracy {row['Accuracy']:.6f}, Kappa {row['Kappa']:.4f}"
                  for row in record["resample"])
write_truth(
    "caret", record["caret"],
    "the train object's model$results (Accuracy, Kappa: a row per candidate k, the means over "
    "the 5 CV folds), dumped by the R script with jsonlite to caret_train.json "
    f"({record['r']}); pooled per column in the printed order (sorted by k), no step",
    metrics,
    notes=f"candidates k = {[row['k'] for row in results]}, selected k = {best_k}; "
          "AccuracySD/KappaSD (not printed without showSD = TRUE): "
          f"{[round(row['AccuracySD'], 6) for row in results]}, "
          f"{[round(row['KappaSD'], 6) for row in results]}; model$resample (the selected "
          f"k's folds, not printed): {folds}")
