"""mlr 2.19.1 (R's "Machine Learning in R", the v2 package, in maintenance since mlr3; Debian
bookworm's ``r-cran-mlr`` 2.19.1+dfsg-1 with ``r-cran-paramhelpers`` 1.14.1 and
``r-cran-rpart`` 4.1.19 on ``r-base-core`` 4.2.2, run by ``Rscript``), as its tutorial's
"Resampling" page cross-validates a learner and prints the result: ``task <-
makeClassifTask(data = df, target = "Species")``, ``lrn <- makeLearner("classif.rpart")``,
``rdesc <- makeResampleDesc("CV", iters = 5)``, ``r <- resample(lrn, task, rdesc, measures =
list(mmce, acc))`` then ``print(r)`` (the tutorial's ``r`` at the prompt). mlr is no pip
package: the case writes the R script into its cwd and runs ``Rscript mlr_resample.R`` with
``subprocess``, its stdout and stderr let through unchanged (install: ``apt-get install -y
r-base-core r-cran-mlr r-cran-jsonlite``).

Data: the iris-like synthetic frame of r_nnet_trace.py (``set.seed(1)``: 50 rows of each of
three species, four measurements drawn around R's ``iris`` means and spreads). ``set.seed(3)``
before ``resample`` fixes the folds (``makeResampleInstance``) and rpart's internal
cross-validation (R's RNG). Loading mlr takes a few seconds, the fits a fraction of one.

What it prints: on stderr, ``library(mlr)``'s ``Loading required package: ParamHelpers`` and
its warning that mlr is in maintenance-only mode (five lines); then ``resample``'s
``message()`` lines (mlr 2.19 prints a table, not the older ``[Resample] cross-validation iter
1: mmce.test.mean=...`` lines: ``printResampleFormatLine``, each value ``formatC(digits = 7,
format = "f")``)::

    Resampling: cross-validation
    Measures:             mmce      acc
    [Resample] iter 1:    0.0000000 1.0000000
    ...
    [Resample] iter 5:    0.0000000 1.0000000


    Aggregated Result: mmce.test.mean=0.0266667,acc.test.mean=0.9733333

(with two empty lines before and after the aggregate, and a trailing space after each table
row); then on stdout ``print.ResampleResult``: ``Resample Result``, ``Task: df``, ``Learner:
classif.rpart``, ``Aggr perf: mmce.test.mean=0.0266667,acc.test.mean=0.9733333`` (the same
``perfsToString``) and ``Runtime: 0.16`` (``%g`` of the wall seconds, which vary from run
to run). The two streams reach track through two pipes: in the pipe capture the aggregate's
stderr line lands before or after ``print(r)``'s stdout lines from one run to the next (two
captures differed so); under the pty they come in the order R wrote them, and R's cli package
(which mlr's imports load) writes its cursor-show escape ``ESC[?25h`` (twelve times before
``Resampling:``, once before ``Resample Result``, three times at the end, after the last
newline), as r_caret_train.py's pty capture shows.

Truth: the ResampleResult object's own record: ``r$measures.test`` (a row per iteration:
``iter``, ``mmce``, ``acc``, each fold's test value) and ``r$aggr`` (named
``mmce.test.mean``, ``acc.test.mean``: each measure's test values aggregated by
``test.mean``), written by the R script with ``jsonlite::write_json(digits = NA)`` (15
significant digits) to ``mlr_resample.json`` and read back here. That file is the case's dump
of the object, not a file mlr writes: not in ``files``.

Judgement calls:
- Per-iteration metrics: ``mmce`` and ``acc``, the names of the table's header (``Measures:``
  row, the measures' ids) and of ``measures.test``'s columns, five values each, keyed by
  mlr's own ``iter`` (the fold's number, 1-5, printed ``[Resample] iter N:``) as the step.
  (surprise_svd_cv.py puts its per-fold values at no axis; the axis is not scored, and here
  the framework itself names the fold an iteration.)
- Aggregates: ``mmce.test.mean`` and ``acc.test.mean``, ``r$aggr``'s own names as printed
  (``<measure>.<set>.<aggregation>``), one value each at no step: a result of the whole
  resampling. ``Aggr perf:`` of ``print(r)`` prints the same two values again in the same
  format: a reprint of the same record, no second observation.
- ``Runtime`` (``r$runtime``, wall seconds, printed only by ``print(r)``): timing,
  ``also_ok``.
- Not metrics: ``Task: df``, ``Learner: classif.rpart``, ``Resampling: cross-validation``.
- Tolerance: ``formatC(digits = 7, format = "f")``: seven decimals, 5e-8.
- Deterministic: seeded data, folds and rpart; everything but ``Runtime`` (and, under a
  pipe, where the aggregate's line falls among ``print(r)``'s) prints the same bytes in two
  runs.
"""
# zoo-venv: rmisc


from _rscript import IRIS_LIKE, run_r
from _truth import series, write_truth

R_SCRIPT = r"""
library(mlr)

""" + IRIS_LIKE + r"""

task <- makeClassifTask(data = df, target = "Species")
lrn <- makeLearner("classif.rpart")
rdesc <- makeResampleDesc("CV", iters = 5)

set.seed(3)
r <- resample(lrn, task, rdesc, measures = list(mmce, acc))
print(r)

jsonlite::write_json(list(
  mlr = packageDescription("mlr")$Version,
  r = R.version.string,
  measures.test = r$measures.test,
  aggr = as.list(r$aggr),
  runtime = r$runtime),
  "mlr_resample.json", auto_unbox = TRUE, digits = NA)
"""

record = run_r("r_mlr_resample", R_SCRIPT, "mlr_resample", "mlr_resample.json",
               "r-base-core r-cran-mlr r-cran-jsonlite")

# jsonlite writes a data frame row-wise: a list of {column: value} records, in row order
rows = record["measures.test"]
assert [row["iter"] for row in rows] == list(range(1, len(rows) + 1)), rows
metrics = {}
for name in ("mmce", "acc"):
    metrics[name] = series(((row["iter"], row[name]) for row in rows), "step", tolerance=5e-8)
for name in ("mmce.test.mean", "acc.test.mean"):
    # one value of the whole resampling, at no step (series() takes numbers only)
    metrics[name] = {"key": "step", "values": [[None, float(record["aggr"][name])]],
                     "tolerance": 5e-8}

write_truth(
    "mlr", record["mlr"],
    "the ResampleResult's r$measures.test (mmce, acc: each CV iteration's test value, keyed "
    "by its iter) and r$aggr (mmce.test.mean, acc.test.mean), dumped by the R script with "
    f"jsonlite to mlr_resample.json ({record['r']})",
    metrics,
    also_ok=["Runtime"],
    notes=f"5-fold CV of classif.rpart; Runtime is r$runtime ({record['runtime']:.3f} s this "
          "run), wall seconds; the aggregates are printed twice (Aggregated Result, then "
          "print(r)'s Aggr perf), one record")
