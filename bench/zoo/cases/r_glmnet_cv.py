"""glmnet 4.1-6 (R's lasso and elastic-net regularized generalized linear models; Debian
bookworm's ``r-cran-glmnet`` 4.1-6-1 on ``r-base-core`` 4.2.2, run by ``Rscript``), as its
vignette "An Introduction to glmnet" cross-validates a logistic model and prints the fit:
``cvfit <- cv.glmnet(x, y, family = "binomial", type.measure = "auc", nfolds = 5)`` then
``print(cvfit)``. glmnet is no pip package: the case writes the R script into its cwd and runs
``Rscript glmnet_cv.R`` with ``subprocess``, its stdout and stderr let through unchanged
(install: ``apt-get install -y r-base-core r-cran-glmnet r-cran-jsonlite``).

Data: drawn in R (``set.seed(1)``): ``x`` a 300 x 20 matrix of standard normals, ``y`` 0/1
from the logistic of five nonzero coefficients (1.5, -1, 0.8, 0.5, -0.5; the other 15 zero).
``set.seed(2)`` before ``cv.glmnet`` fixes its fold ids (``sample(rep(seq(nfolds), length =
N))``). Defaults otherwise: ``alpha = 1`` (the lasso), a path of up to 100 lambdas (this
one stops at 63: glmnet ends a path early once the fraction of deviance explained stops
changing). A second or two.

What it prints: on stderr ``library(glmnet)``'s ``Loading required package: Matrix`` and
``Loaded glmnet 4.1-6``; on stdout ``print.cv.glmnet``: an empty line, ``Call:`` and the
deparsed call, ``Measure: AUC`` and the table of the two selected lambdas (a data frame
printed as an ``anova`` table, ``printCoefmat`` at ``digits = max(3, getOption("digits") -
3)`` = 4 significant digits)::

    Call:  cv.glmnet(x = x, y = y, type.measure = "auc", nfolds = 5, family = "binomial")

    Measure: AUC

         Lambda Index Measure      SE Nonzero
    min 0.03100    20  0.8479 0.01624       6
    1se 0.06525    12  0.8318 0.01497       3

Nothing else, nothing timed.

Truth: the cv.glmnet object's own record: ``cvfit$lambda.min`` and ``cvfit$lambda.1se``,
their places in ``cvfit$lambda`` (``cvfit$index``), and ``cvfit$cvm`` (the mean
cross-validated AUC), ``cvfit$cvsd`` (its standard error) and ``cvfit$nzero`` (the count of
nonzero coefficients) at those two places: the same vectors ``print.cv.glmnet`` indexes.
Written by the R script with ``jsonlite::write_json(digits = NA)`` (15 significant digits) to
``glmnet_cv.json`` and read back here. That file is the case's dump of the object, not a file
glmnet writes: not in ``files``.

Judgement calls:
- Metrics: ``Measure`` and ``SE``, the table's columns as printed (glmnet keeps them as
  ``cvm`` and ``cvsd``; the table is the only place names are printed, and ``Measure: AUC``
  above it says which measure ``Measure`` is), each pooled over the table's two rows in the
  printed order (``min`` then ``1se``), 2 values at no step, as r_caret_train.py pools its
  tuning table's rows under the column's name. ``SE`` is the standard error of ``Measure``
  over the folds, a spread; unlike a ``+std`` printed after a value (README: no metric of its
  own) it is a column of its own name and glmnet keeps it as a vector of its own (``cvsd``),
  so it is expected.
- Not metrics (junk if recorded): ``Lambda`` (the selected penalty, a setting the
  cross-validation picks, as caret's selected ``k``), ``Index`` (its position on the lambda
  path), ``Nonzero`` (a count of coefficients), the row labels ``min``/``1se`` (the rule that
  selected each row, no name of a value), and the call's ``nfolds = 5``. Their values are in
  the notes.
- Key: ``step``, axis ``None``: the rows are two selections from one path, no step or epoch
  the run printed.
- Tolerance: ``printCoefmat`` formats each column to at least 4 significant digits for every
  value, so a value is within half a unit of its own 4th significant digit: the largest such
  half-unit over the column's values, computed from the values.
- Deterministic: seeded data and folds; two runs print the same bytes.
"""
# zoo-venv: rmisc


from _rscript import half_unit, run_r
from _truth import write_truth

R_SCRIPT = r"""
library(glmnet)

# A logistic problem: 20 standard normal predictors, 5 of them in the model
set.seed(1)
n <- 300
p <- 20
x <- matrix(rnorm(n * p), n, p)
beta <- c(1.5, -1, 0.8, 0.5, -0.5, rep(0, p - 5))
y <- rbinom(n, 1, plogis(drop(x %*% beta)))

set.seed(2)
cvfit <- cv.glmnet(x, y, family = "binomial", type.measure = "auc", nfolds = 5)
print(cvfit)

which <- match(c(cvfit$lambda.min, cvfit$lambda.1se), cvfit$lambda)
jsonlite::write_json(list(
  glmnet = packageDescription("glmnet")$Version,
  r = R.version.string,
  name = unname(cvfit$name),
  lambda.min = cvfit$lambda.min,
  lambda.1se = cvfit$lambda.1se,
  index = as.vector(cvfit$index),
  which = which,
  cvm = cvfit$cvm[which],
  cvsd = cvfit$cvsd[which],
  nzero = unname(cvfit$nzero[which]),
  nlambda = length(cvfit$lambda)),
  "glmnet_cv.json", auto_unbox = TRUE, digits = NA)
"""



record = run_r("r_glmnet_cv", R_SCRIPT, "glmnet_cv", "glmnet_cv.json",
               "r-base-core r-cran-glmnet r-cran-jsonlite")

assert record["which"] == record["index"], (record["which"], record["index"])
metrics = {}
for name, field in (("Measure", "cvm"), ("SE", "cvsd")):
    values = [float(value) for value in record[field]]
    # rows min then 1se, at no step (axis None)
    metrics[name] = {"key": "step", "values": [[None, value] for value in values],
                     "tolerance": max(half_unit(value, 4) for value in values)}

write_truth(
    "glmnet", record["glmnet"],
    "the cv.glmnet object's cvm (Measure, the mean cross-validated "
    f"{record['name']}) and cvsd (SE) at the indices of lambda.min and lambda.1se "
    "(cvfit$index, the rows min and 1se of print.cv.glmnet's table), dumped by the R script "
    f"with jsonlite to glmnet_cv.json ({record['r']}); pooled per column in the printed "
    "order (min, 1se), no step",
    metrics,
    notes=f"Measure is {record['name']}; lambda.min = {record['lambda.min']} (index "
          f"{record['index'][0]}, nzero {record['nzero'][0]}), lambda.1se = "
          f"{record['lambda.1se']} (index {record['index'][1]}, nzero {record['nzero'][1]}) "
          f"of a {record['nlambda']}-lambda path: Lambda, Index and Nonzero are settings, "
          "positions and counts, not metrics")
