"""randomForest 4.7-1.1 (R's port of Breiman and Cutler's Fortran random forests; Debian
bookworm's ``r-cran-randomforest`` 4.7-1.1-1 on ``r-base-core`` 4.2.2, run by ``Rscript``), as
``?randomForest``'s iris example fits a classification forest, with its running output on:
``set.seed(71)``, ``iris.rf <- randomForest(Species ~ ., data = iris, ntree = 200, do.trace =
20)`` then ``print(iris.rf)``. randomForest is no pip package: the case writes the R script
into its cwd and runs ``Rscript randomforest_trace.R`` with ``subprocess``, its stdout and
stderr let through unchanged (install: ``apt-get install -y r-base-core r-cran-randomforest
r-cran-jsonlite``). ``iris`` is R's own (the base ``datasets`` package): nothing downloaded.

What it prints: on stderr, ``library(randomForest)``'s startup message (``randomForest
4.7-1.1`` and ``Type rfNews() to see new features/changes/bug fixes.``); on stdout, the C
core's trace (``rfsub.c``: a header ``Rprintf("ntree      OOB")`` then ``"%7i"`` of each
class's *number*, 1 to 3, not its label; every ``do.trace``-th tree a row ``"%5i: %6.2f%%"`` of
the tree count and the OOB error in percent, then ``"%6.2f%%"`` of each class's OOB error)::

    ntree      OOB      1      2      3
       20:   4.67%  0.00%  6.00%  8.00%
       ...
      200:   4.00%  0.00%  6.00%  6.00%

then ``print.randomForest``: ``Call:`` and the deparsed call (``ntree = 200,      do.trace =
20``), ``Type of random forest: classification``, ``Number of trees: 200``, ``No. of
variables tried at each split: 2``, ``        OOB estimate of  error rate: 4%`` (``cat`` of
``round(err.rate[ntree, "OOB"] * 100, digits = 2)``: R drops the trailing zeros, so 4.00
prints ``4``) and the confusion matrix (``print(x$confusion)``: counts and a ``class.error``
column, a fraction per class).

Truth: the forest object's ``iris.rf$err.rate`` matrix (``ntree`` rows, columns ``OOB``,
``setosa``, ``versicolor``, ``virginica``: the OOB error rate of the forest of the first i
trees, overall and per class, fractions), written whole by the R script with
``jsonlite::write_json(digits = NA)`` (15 significant digits) to ``rf_err_rate.json`` and read
back here; rows taken at the traced trees, those the C loop prints (``(jb + 1) % do.trace ==
0``: 20, 40, ..., 200). The file is the case's dump of the object, not a file randomForest
writes: not in ``files``.

Judgement calls:
- Metrics: the trace's ``OOB`` column, one value a traced tree count, named as the column
  (the name the trace prints and ``err.rate``'s column keeps), and the closing
  ``OOB estimate of  error rate`` of ``print``, the forest's overall OOB error, a value of no
  step named as docs/metrics.md names an aligned phrase (``OOB_estimate_of_error_rate``; the
  double space is one separator). It is ``err.rate[200, "OOB"]``, the trace's last ``OOB``
  value again, but printed under its own name in another format (and, as here, as a round
  ``4``): its own series, as ranger's ``OOB prediction error`` (r_ranger_forest.py).
- Per-class columns: NOT metrics (junk if recorded). The trace's columns ``1``, ``2``, ``3``
  (each class's OOB error, headed by the class's number as the C code prints it; ``err.rate``
  names them ``setosa``, ``versicolor``, ``virginica``) and the confusion matrix's
  ``class.error`` column are per-class results: docs/metrics.md's "Per-class rows" (the class
  rows of a table, Weka's per-class table, Hugging Face's per-class keys) keeps only the
  aggregate, here ``OOB``, as weka_naive_bayes.py keeps ``Weighted Avg.`` and
  torchvision_segmentation_ref.py leaves out its per-class ``IoU`` list. The confusion
  matrix's counts, ``Number of trees``, ``No. of variables tried at each split`` (settings)
  and the call's ``ntree = 200``, ``do.trace = 20`` are no metrics either.
- Key: ``step``, the printed tree count (``ntree``, 1-based: the forest of the first 20
  trees is row 20), as the boosting cases key their iterations (lightgbm_train.py); the
  closing estimate is at no step (axis ``None``, as r_ranger_forest.py's one-off values).
- Scale and tolerances: both print the fraction times 100 (percent), so the truth is ``100 *
  err.rate`` (the record at the printed scale, as r_ranger_forest.py keeps ``OOB prediction
  error``); the trace's ``%6.2f`` and ``round(..., 2)`` keep two decimals: tolerance 0.005.
- Nothing timed is printed: ``also_ok`` empty. Deterministic: ``set.seed(71)`` (the seed of
  ``?randomForest``'s examples) fixes the bootstrap samples and the split variables; two runs
  print the same bytes.
"""
# zoo-venv: rrf


from _rscript import run_r
from _truth import series, write_truth

NTREE, TRACE = 200, 20

R_SCRIPT = r"""
library(randomForest)

set.seed(71)
iris.rf <- randomForest(Species ~ ., data = iris, ntree = @NTREE@, do.trace = @TRACE@)
print(iris.rf)

jsonlite::write_json(list(
  randomForest = packageDescription("randomForest")$Version,
  r = R.version.string,
  ntree = iris.rf$ntree,
  columns = colnames(iris.rf$err.rate),
  err.rate = unname(iris.rf$err.rate)),
  "rf_err_rate.json", auto_unbox = TRUE, digits = NA)
""".replace("@NTREE@", str(NTREE)).replace("@TRACE@", str(TRACE))

record = run_r("r_randomforest_trace", R_SCRIPT, "randomforest_trace", "rf_err_rate.json",
               "r-base-core r-cran-randomforest r-cran-jsonlite")

columns = record["columns"]
err_rate = record["err.rate"]  # one row a tree count, 1 .. ntree
oob = columns.index("OOB")
ntree = record["ntree"]
traced = [i for i in range(1, ntree + 1) if i % TRACE == 0]
write_truth(
    "randomForest", record["randomForest"],
    "the forest object's iris.rf$err.rate matrix (OOB column, x100 as printed, in percent) at "
    "the traced tree counts, and its last row's OOB for print()'s 'OOB estimate of  error rate'; "
    f"dumped by the R script with jsonlite to rf_err_rate.json ({record['r']})",
    {
        # rfsub.c: Rprintf("%5i: %6.2f%%", jb + 1, 100.0 * errtr[...]) when (jb+1) % trace == 0
        "OOB": series([(i, 100 * err_rate[i - 1][oob]) for i in traced], "step",
                      tolerance=0.005),
        # print.randomForest: round(x$err.rate[x$ntree, "OOB"] * 100, digits = 2)
        "OOB_estimate_of_error_rate": {"key": "step",
                                       "values": [[None, 100 * err_rate[ntree - 1][oob]]],
                                       "tolerance": 0.005},
    },
    notes="the per-class columns of err.rate (" + ", ".join(c for c in columns if c != "OOB")
          + "; the trace heads them 1, 2, 3) and the confusion matrix's class.error are "
          "per-class results, left out (docs/metrics.md 'Per-class rows')")
