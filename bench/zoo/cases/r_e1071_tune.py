"""e1071 1.7-13 (R's Misc Functions of the Department of Statistics, TU Wien: the R interface
to LIBSVM and its tuning helpers; Debian bookworm's ``r-cran-e1071`` 1.7-13-1 on
``r-base-core`` 4.2.2, run by ``Rscript``), as its ``?tune`` example grid-searches an SVM and
prints the result: ``obj <- tune.svm(y ~ ., data = df, gamma = 10^(-2:0), cost = 10^(0:2))``
then ``summary(obj)`` (the example's alternative ``obj <- tune.svm(Species~., data = iris, gamma =
2^(-1:1), cost = 2^(2:4))`` and ``summary(obj)``, with its default 10-fold cross-validation,
on a grid of decades). e1071 is no pip package: the
case writes the R script into its cwd and runs ``Rscript e1071_tune.R`` with ``subprocess``,
its stdout and stderr let through unchanged (install: ``apt-get install -y r-base-core
r-cran-e1071 r-cran-jsonlite``).

Data: drawn in R (``set.seed(1)``): 200 rows of three standard normals ``x1``..``x3`` and a
two-class factor ``y`` (``yes`` when ``x1^2 + x2`` plus noise exceeds 1: a curved boundary
the RBF kernel can follow, ``x3`` noise). ``set.seed(2)`` before ``tune.svm`` fixes its
folds. Defaults otherwise: ``tune.control()``'s 10-fold cross-validation, the
misclassification rate as the error (a factor response), ``svm``'s radial kernel; 9
candidates x 10 folds, about a second.

What it prints (stdout; nothing on stderr): ``print.summary.tune``::

    Parameter tuning of 'svm':

    - sampling method: 10-fold cross validation

    - best parameters:
     gamma cost
       0.1    1

    - best performance: 0.145

    - Detailed performance results:
      gamma cost error dispersion
    1  0.01    1 0.265 0.11796892
    2  0.10    1 0.145 0.07975657
    ...
    9  1.00  100 0.225 0.10069205

(an empty line first; the quotes around ``svm`` are the locale's: ``sQuote``, curly in a
UTF-8 locale; ``cat`` lines end with a space before the newline; the table is
``print.data.frame`` of ``obj$performances`` at R's default ``digits = 7``, then an empty
line). Nothing timed.

Truth: the tune object's own record, ``obj$performances`` (a row per candidate, ``gamma``
varying fastest: ``error``, the mean cross-validated misclassification rate, and
``dispersion``, its standard deviation over the 10 folds) and ``obj$best.performance``,
written by the R script with ``jsonlite::write_json(digits = NA)`` (15 significant digits) to
``e1071_tune.json`` and read back here. That file is the case's dump of the object, not a
file e1071 writes: not in ``files``.

Judgement calls:
- Metrics: the table's ``error`` and ``dispersion`` columns (e1071's own column names, as
  printed), each a series pooled over the 9 candidates in the printed order (the row order
  of ``obj$performances``: ``expand.grid`` of gamma, then cost), as r_caret_train pools
  caret's tuning table. ``dispersion`` is a spread (the folds' standard deviation of
  ``error``), but a column of its own name that e1071 keeps as its own vector, as
  r_glmnet_cv's ``SE``: expected.
- Key: the rows carry no step or epoch: ``gamma`` and ``cost`` are the candidate's settings
  (junk if recorded, as caret's ``k``), the row labels ``1``..``9`` a row's position, no
  step the run printed (README). Axis ``None`` (``key: step``), as r_caret_train.
- ``- best performance: 0.145``: ``obj$best.performance``, the least ``error`` of the table
  (the case asserts it is), printed again above the table: a best printed again is no
  series of its own (README), so ``best_performance`` (the phrase's name) goes in
  ``also_ok``, not expected, not junk.
- Not metrics (junk if recorded): the ``- best parameters:`` table's ``gamma``/``cost``
  (the selected settings), ``10-fold`` (the sampling's setting), the row labels.
- Tolerance: ``format.data.frame`` at ``digits = 7`` gives each column the decimals its most
  demanding value needs for 7 significant digits, so no value is off by more than half a
  unit of its own 7th significant digit: the largest such half-unit over the column,
  computed from the values (as r_caret_train).
- Deterministic: seeded data and folds (``svm`` itself is deterministic); two runs print the
  same bytes.
"""
# zoo-venv: rmisc2


from _rscript import curved_two_class, half_unit, run_r
from _truth import write_truth

R_SCRIPT = r"""
library(e1071)

""" + curved_two_class(200) + r"""

set.seed(2)
obj <- tune.svm(y ~ ., data = df, gamma = 10^(-2:0), cost = 10^(0:2))
summary(obj)

jsonlite::write_json(list(
  e1071 = packageDescription("e1071")$Version,
  r = R.version.string,
  method = obj$method,
  sampling = obj$sampling,
  best.parameters = obj$best.parameters,
  best.performance = obj$best.performance,
  performances = obj$performances),
  "e1071_tune.json", auto_unbox = TRUE, digits = NA)
"""



record = run_r("r_e1071_tune", R_SCRIPT, "e1071_tune", "e1071_tune.json",
               "r-base-core r-cran-e1071 r-cran-jsonlite")

# jsonlite writes a data frame row-wise: a list of {column: value} records, in row order
rows = record["performances"]
metrics = {}
for name in ("error", "dispersion"):
    values = [float(row[name]) for row in rows]
    # no step or epoch a row: axis None (series() takes numbers only)
    metrics[name] = {"key": "step", "values": [[None, value] for value in values],
                     "tolerance": max(half_unit(value, 7) for value in values)}

best = float(record["best.performance"])
assert best == min(float(row["error"]) for row in rows), (best, rows)
best_params = record["best.parameters"]
best_params = best_params[0] if isinstance(best_params, list) else best_params
write_truth(
    "e1071", record["e1071"],
    "the tune object's obj$performances (error, dispersion: a row per gamma/cost candidate, "
    f"the mean and standard deviation over the folds of {record['sampling']}), dumped by the "
    f"R script with jsonlite to e1071_tune.json ({record['r']}); pooled per column in the "
    "printed order (the rows of obj$performances, gamma varying fastest), no step",
    metrics,
    also_ok=["best_performance"],
    notes=f"candidates (gamma, cost): {[(row['gamma'], row['cost']) for row in rows]}; "
          f"best.parameters {best_params}, best.performance {best} (printed '- best "
          "performance:', the least error of the table again: also_ok); gamma and cost are "
          "settings, not metrics")
