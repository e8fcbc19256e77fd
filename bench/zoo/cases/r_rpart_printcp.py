"""rpart 4.1.19 (R's Recursive Partitioning and Regression Trees; Debian bookworm's
``r-cran-rpart`` 4.1.19-1 on ``r-base-core`` 4.2.2, run by ``Rscript``), as its ``?printcp``
example grows a tree and prints its complexity table: ``fit <- rpart(y ~ ., data = df, method
= "class")`` then ``printcp(fit)`` (the example's ``z.auto <- rpart(Mileage ~ Weight,
car.test.frame)`` and ``printcp(z.auto)``, a regression tree; here a classification one,
``method = "class"``). rpart is no pip package (it is one of R's recommended packages): the
case writes the R script into its cwd and runs ``Rscript rpart_printcp.R`` with
``subprocess``, its stdout and stderr let through unchanged (install: ``apt-get install -y
r-base-core r-cran-rpart r-cran-jsonlite``).

Data: drawn in R (``set.seed(1)``): 100 rows of three standard normals ``x1``..``x3`` and a
two-class factor ``y`` (``yes`` when ``x1^2 + x2`` plus noise exceeds 1; ``x3`` noise).
``set.seed(2)`` before ``rpart`` fixes the folds of its default 10-fold cross-validation
(``rpart.control(xval = 10)``). Defaults otherwise (``cp = 0.01``, ``minsplit = 20``). Well
under a second.

What it prints (stdout; nothing on stderr)::

    Classification tree:
    rpart(formula = y ~ ., data = df, method = "class")

    Variables actually used in tree construction:
    [1] x1 x2

    Root node error: 38/100 = 0.38

    n= 100

            CP nsplit rel error  xerror    xstd
    1 0.421053      0   1.00000 1.00000 0.12773
    2 0.184211      1   0.57895 0.78947 0.12059
    3 0.052632      2   0.39474 0.68421 0.11543
    4 0.026316      4   0.28947 0.57895 0.10901
    5 0.010000      5   0.26316 0.68421 0.11543

(an empty line first; ``cat``'s ``n=`` line ends with a space; the table is
``print(fit$cptable, digits = getOption("digits") - 2)``, 5 significant digits). Nothing
timed.

Truth: the rpart object's own table, ``fit$cptable`` (a row per subtree of the
cost-complexity pruning sequence), written by the R script with ``jsonlite::write_json(digits
= NA)`` (15 significant digits) to ``rpart_printcp.json`` and read back here. That file is the
case's dump of the object, not a file rpart writes: not in ``files``.

Judgement calls:
- Metrics: ``rel error`` (the subtree's training error relative to the root's, rpart's
  resubstitution error), ``xerror`` (its cross-validated error, relative likewise) and
  ``xstd`` (the standard error of ``xerror`` over the folds: a spread, but a column of its own
  name that rpart keeps, as r_glmnet_cv's ``SE``), each a series pooled over the table's rows
  in the printed order. Names: the table's headers as printed (the cptable's own column
  names); ``rel error`` is a header phrase of two words, one name, its words joined with
  ``_`` (docs/metrics.md: "a phrase of words ... stays one name", "the words ... are joined
  with ``_``"): ``rel_error``.
- ``CP`` is no metric (junk if recorded): the complexity parameter, the threshold at which
  each subtree is the optimal one, the value ``prune(fit, cp = ...)`` takes; a tuning
  parameter's value along the pruning path, as r_glmnet_cv's ``Lambda`` along its path (the
  last row's 0.01 is the ``cp`` setting itself, where the growing stopped).
- Key: no step. ``nsplit`` (the subtree's number of splits: 0, 1, 2, 4, 5 here, skipping
  where one CP prunes two splits at once) is a count that names the subtree, as caret's ``k``
  names a candidate, not a step or an epoch the run went through; the row labels 1..5 are
  positions (README: a row's position is no step the run printed). Axis ``None`` (``key:
  step``), as r_caret_train keeps its tuning rows. ``nsplit`` is junk if recorded.
- ``Root node error: 38/100 = 0.38``: the root's misclassification count over the cases
  (``fit$frame$dev[1] / fit$frame$n[1]``): the error of the tree with no split, the scale
  ``rel error`` and ``xerror`` are relative to (the table's first ``rel error`` is it again,
  as 1), set by the data's class balance before any fit; kept only in the frame's root row,
  no record of its own. Allowed (``also_ok``, ``Root_node_error``), not expected.
- Not metrics (junk if recorded): ``n= 100`` (a count), the row labels.
- Tolerance: ``print`` of the matrix at ``digits = 5`` gives each column the decimals its
  most demanding value needs for 5 significant digits, so no value is off by more than half a
  unit of its own 5th significant digit: the largest such half-unit over the column,
  computed from the values.
- Deterministic: seeded data and folds; two runs print the same bytes.
"""
# zoo-venv: rmisc2


from _rscript import curved_two_class, half_unit, run_r
from _truth import write_truth

R_SCRIPT = r"""
library(rpart)

""" + curved_two_class(100) + r"""

set.seed(2)
fit <- rpart(y ~ ., data = df, method = "class")
printcp(fit)

jsonlite::write_json(list(
  rpart = packageDescription("rpart")$Version,
  r = R.version.string,
  cptable = as.data.frame(fit$cptable),
  root.dev = fit$frame$dev[1],
  root.n = fit$frame$n[1],
  cp = fit$control$cp,
  xval = fit$control$xval),
  "rpart_printcp.json", auto_unbox = TRUE, digits = NA)
"""



record = run_r("r_rpart_printcp", R_SCRIPT, "rpart_printcp", "rpart_printcp.json",
               "r-base-core r-cran-rpart r-cran-jsonlite")

# jsonlite writes a data frame row-wise: a list of {column: value} records, in row order
rows = record["cptable"]
metrics = {}
for header in ("rel error", "xerror", "xstd"):
    values = [float(row[header]) for row in rows]
    # no step or epoch a row (nsplit names the subtree): axis None
    metrics[header.replace(" ", "_")] = {
        "key": "step", "values": [[None, value] for value in values],
        "tolerance": max(half_unit(value, 5) for value in values)}

write_truth(
    "rpart", record["rpart"],
    "the rpart object's fit$cptable (rel error, xerror, xstd: a row per subtree of the "
    f"pruning sequence, xerror/xstd from its {record['xval']}-fold cross-validation), dumped "
    f"by the R script with jsonlite to rpart_printcp.json ({record['r']}); pooled per column "
    "in the printed order, no step",
    metrics,
    also_ok=["Root_node_error"],
    notes=f"CP {[row['CP'] for row in rows]} (the complexity parameter, a setting along the "
          f"pruning path; the last is cp = {record['cp']}) and nsplit "
          f"{[row['nsplit'] for row in rows]} (counts naming the subtrees) are not metrics; "
          f"Root node error {record['root.dev']}/{record['root.n']} = "
          f"{record['root.dev'] / record['root.n']} (the no-split tree's error, the scale of "
          "rel error and xerror): also_ok")
