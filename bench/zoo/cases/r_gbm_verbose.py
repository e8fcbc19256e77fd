"""gbm 2.1.8.1 (R's Generalized Boosted Regression Models; Debian bookworm's ``r-cran-gbm``
2.1.8.1-1 on ``r-base-core`` 4.2.2, run by ``Rscript``), as the ``?gbm`` example fits a model
and checks it on the held-out part, with ``verbose = TRUE``, the switch that prints gbm's
per-iteration table: ``model <- gbm(y ~ ., data = df, distribution = 'bernoulli', n.trees =
200, train.fraction = 0.8, bag.fraction = 0.5, verbose = TRUE)``, then ``best.iter <-
gbm.perf(model, method = 'test', plot.it = FALSE)`` and ``print(best.iter)`` (the example's
``gbm.perf``/``print(best.iter)`` pair; ``plot.it = FALSE`` because a script has no device to
draw on). gbm is no pip package: the case writes the R script into its cwd and runs
``Rscript gbm_verbose.R`` with ``subprocess``, its stdout and stderr let through unchanged
(install: ``apt-get install -y r-base-core r-cran-gbm r-cran-jsonlite``).

Data: a synthetic data frame drawn in R as the ``?gbm`` example draws its own (``set.seed(101)``,
N = 1000; ``X1``, ``X2``, ``X6`` uniform, ``X3`` an ordered and ``X4``, ``X5`` unordered
factors, missing values in ``X1`` and ``X4``), with a 0/1 response ``y`` drawn from the logistic
of the example's signal, for the Bernoulli loss. ``set.seed(102)`` before ``gbm`` fixes the
bagging (gbm's C++ core draws from R's RNG). ``train.fraction = 0.8``: the first 800 rows
train, the last 200 are the held-out set of ``ValidDeviance`` and ``method = 'test'``.

What it prints: ``library(gbm)``'s startup message ``Loaded gbm 2.1.8.1`` on stderr, then on
stdout the C++ core's table (``gbm_fit`` in ``gbmentry.cpp``: a header, then ``Rprintf("%6d
%13.4f %15.4f %10.4f %9.4f\\n", ...)`` for iterations 1-10, every 20th and the last, then an
empty line)::

    Iter   TrainDeviance   ValidDeviance   StepSize   Improve
         1        1.2741          1.2489     0.1000    0.0221
         2        1.2399          1.2185     0.1000    0.0182
       ...
        10        1.0803          1.0581     0.1000    0.0060
        20        0.9878          0.9531     0.1000    0.0036
        40        0.9082          0.8792     0.1000   -0.0000
       ...
       200        0.8126          0.8613     0.1000   -0.0003

(rows 1..10, 20, 40, ..., 200: 20 rows) then ``print(best.iter)``: ``[1] 129``, the
iteration with the least ``valid.error``.
``gbm.perf(method = 'test')`` prints nothing of its own. Nothing is timed.

Truth: the model object's own vectors, a value per tree, ``model$train.error``,
``model$valid.error`` and ``model$oobag.improve`` (the same arrays the C++ loop printed
from), written by the R script with ``jsonlite::write_json(digits = NA)`` (15 significant
digits) to ``gbm_verbose.json`` and read back here, taken at the printed iterations. That file
is the case's dump of the model object, not a file gbm writes: not in ``files``.

Judgement calls:
- Names: the table's headers, gbm's own words for its columns (``TrainDeviance`` is
  ``train.error``, ``ValidDeviance`` is ``valid.error``, ``Improve`` is ``oobag.improve``, the
  out-of-bag improvement in deviance of that tree). The header is the only place a name is
  printed, so the names are as printed, not the object's field names.
- ``StepSize`` is ``shrinkage`` (0.1 on every row; ``?gbm``: "also known as the learning
  rate or step-size reduction"), printed beside the metrics but no measurement: gbm keeps it
  only as the one setting ``model$shrinkage``, no series. A learning rate printed every step
  is a value exptrack's rules may read as the schedule's (docs/metrics.md), so, as
  flair_tagger keeps its per-iteration ``lr``, it goes in ``also_ok``: not expected, not junk.
- Key: ``Iter``, the tree's number (1-based, ``iT+1+cTreesOld``), is the step: key ``step``,
  at the printed iterations only (20 points a metric; the object keeps all 200, but the
  record is of what was printed).
- ``Improve`` is a measured value per iteration (it goes negative when a tree stops helping
  on the out-of-bag rows, ``-0.0000`` for a small negative one): a metric, no running best.
- ``[1] 129`` (``best.iter``, an iteration number, unnamed): not a metric; not expected.
- Tolerance: ``%.4f`` on every column: 5e-5 (half the last printed digit).
- Deterministic: seeded data and bagging; the output has no time in it (repeated runs gave
  the same table; the pty's only difference is its ``\r\n`` line ends).
"""
# zoo-venv: rgbm


from _rscript import run_r
from _truth import series, write_truth

R_SCRIPT = r"""
library(gbm)

# Simulate data (as ?gbm's example does, with a 0/1 response for the Bernoulli loss)
set.seed(101)
N <- 1000
X1 <- runif(N)
X2 <- 2 * runif(N)
X3 <- ordered(sample(letters[1:4], N, replace = TRUE), levels = letters[4:1])
X4 <- factor(sample(letters[1:6], N, replace = TRUE))
X5 <- factor(sample(letters[1:3], N, replace = TRUE))
X6 <- 3 * runif(N)
mu <- c(-1, 0, 1, 2)[as.numeric(X3)]
eta <- 1.5 * (X1 ^ 1.5 + 2 * (X2 ^ 0.5) + mu - 2.3)
y <- rbinom(N, 1, plogis(eta))
X1[sample(1:N, size = 300)] <- NA
X4[sample(1:N, size = 200)] <- NA
df <- data.frame(y, X1, X2, X3, X4, X5, X6)

set.seed(102)
model <- gbm(y ~ ., data = df, distribution = 'bernoulli', n.trees = 200,
             train.fraction = 0.8, bag.fraction = 0.5, verbose = TRUE)

best.iter <- gbm.perf(model, method = 'test', plot.it = FALSE)
print(best.iter)

jsonlite::write_json(list(
  gbm = as.character(packageVersion("gbm")),
  r = R.version.string,
  n.trees = model$n.trees,
  shrinkage = model$shrinkage,
  train.error = model$train.error,
  valid.error = model$valid.error,
  oobag.improve = model$oobag.improve,
  best.iter = as.integer(best.iter)),
  "gbm_verbose.json", auto_unbox = TRUE, digits = NA)
"""

record = run_r("r_gbm_verbose", R_SCRIPT, "gbm_verbose", "gbm_verbose.json",
               "r-base-core r-cran-gbm r-cran-jsonlite")

n_trees = record["n.trees"]
# gbm_fit prints tree iT (0-based) when iT <= 9, (iT + 1) % 20 == 0 or iT == n.trees - 1
printed = [tree for tree in range(1, n_trees + 1)
           if tree <= 10 or tree % 20 == 0 or tree == n_trees]
metrics = {}
for name, field in (("TrainDeviance", "train.error"), ("ValidDeviance", "valid.error"),
                    ("Improve", "oobag.improve")):
    values = record[field]
    assert len(values) == n_trees, (field, len(values))
    metrics[name] = series(((tree, values[tree - 1]) for tree in printed), "step",
                           tolerance=5e-5)

write_truth(
    "gbm", record["gbm"],
    "the gbm object's own vectors model$train.error (TrainDeviance), model$valid.error "
    "(ValidDeviance) and model$oobag.improve (Improve), a value per tree, dumped by the R "
    f"script with jsonlite to gbm_verbose.json ({record['r']}), taken at the printed "
    "iterations (1-10, every 20th, the last)",
    metrics,
    also_ok=["StepSize"],
    notes=f"StepSize is the shrinkage setting ({record['shrinkage']}), no series: also_ok; "
          f"gbm.perf(method = 'test') gives best.iter = {record['best.iter']} (printed "
          f"[1] {record['best.iter']}); {n_trees} trees, train.fraction 0.8, bag.fraction 0.5")
