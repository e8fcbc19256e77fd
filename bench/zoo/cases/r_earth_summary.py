"""earth 5.3.2 (R's Multivariate Adaptive Regression Splines, Stephen Milborrow's package
derived from ``mda::mars``; Debian bookworm's ``r-cran-earth`` 5.3.2-1 with ``r-cran-plotmo``
3.6.2-1 on ``r-base-core`` 4.2.2, run by ``Rscript``), fitted with cross-validation and
summarised as its ``?varmod`` example does: ``model <- earth(y ~ ., data = df, nfold = 5)``
then ``print(summary(model))`` (the example's ``earth.mod <- earth(O3~temp, data=ozone1,
nfold=10, ncross=3, varmod.method="lm")`` and ``print(summary(earth.mod))``, without the
variance model). earth is no pip package: the case writes the R script into its cwd and runs
``Rscript earth_summary.R`` with ``subprocess``, its stdout and stderr let through unchanged
(install: ``apt-get install -y r-base-core r-cran-earth r-cran-jsonlite``).

Data: drawn in R (``set.seed(1)``): 200 rows of four uniforms ``x1``..``x4`` and a response
``y = 10 sin(pi x1 x2) + 20 (x3 - 0.5)^2 + 5 x4`` plus standard normal noise (Friedman's
first benchmark function, on four of its five inputs). ``set.seed(2)`` before ``earth`` fixes
the 5 folds. Defaults otherwise (``degree = 1``, ``pmethod = "backward"``, ``nk = 21``).
Under a second.

What it prints: on stderr ``library(earth)``'s ``Loading required package:`` lines
(``Formula``, ``plotmo``, ``plotrix``, ``TeachingDemos``); on stdout
``print.summary.earth``: ``Call:``, the coefficients of the selected terms, then
``print.earth``'s lines and the cross-validation summary::

    Call: earth(formula=y~., data=df, nfold=5)

                    coefficients
    (Intercept)        12.029731
    h(0.453131-x1)    -12.022608
    ...
    h(0.507374-x4)     -5.215106

    Selected 11 of 15 terms, and 4 of 4 predictors
    Termination condition: Reached nk 21
    Importance: x2, x1, x4, x3
    Number of terms at each degree of interaction: 1 10 (additive model)
    GCV 2.908872  RSS 466.0158  GRSq 0.8229499  RSq 0.8567495  CVRSq 0.7686717

    Note: the cross-validation sd's below are standard deviations across folds

    Cross validation:   nterms 10.60 sd 1.67    nvars 4.00 sd 0.00

         CVRSq    sd     MaxErr   sd
         0.769 0.063       -9.5 6.39

Nothing timed.

Truth: the earth object's own fields ``model$gcv``, ``model$rss``, ``model$grsq``,
``model$rsq`` and, for ``CVRSq``, the last row and column of ``model$cv.rsq.tab`` (the mean
over the folds of the out-of-fold R-squared: the value ``print.earth`` prints; earth keeps no
``cv.rsq`` field of its own) and for ``MaxErr`` the last row of ``model$cv.maxerr.tab`` (the
largest absolute out-of-fold residual over the folds, with its sign), written by the R
script with ``jsonlite::write_json(digits = NA)`` (15 significant digits) to
``earth_summary.json`` and read back here. That file is the case's dump of the model object,
not a file earth writes: not in ``files``.

Judgement calls:
- Names: as printed, earth's own abbreviations (``GCV``, ``RSS``, ``GRSq``, ``RSq``,
  ``CVRSq``, ``MaxErr``: the only names the output gives; the fields are ``gcv``, ``rss``,
  ``grsq``, ``rsq``, ``cv.rsq.tab``, ``cv.maxerr.tab``).
- Key: each is one result of the fitted model, no step or epoch: axis ``None`` (``key:
  step``), one value each.
- ``CVRSq`` is printed twice, on ``print.earth``'s line (``0.7686717``, 7 significant
  digits) and again as the first cell of the cross-validation table (``0.769``, rounded to 3
  decimals): one quantity (for one response the ``y`` and ``mean`` columns of
  ``cv.rsq.tab`` are the same value), one value; the table's cell is its reprint. Its
  tolerance is that of the fuller first print.
- ``MaxErr`` (the table's other measured column, earth's ``cv.maxerr.tab``) is a metric: a
  measured error of the cross-validated fits, printed nowhere else. Printed at 3
  significant digits (``-9.5`` is -9.50 with its trailing zero dropped).
- Not metrics (junk if recorded): the two ``sd`` columns and the ``sd`` values of the
  ``Cross validation:`` line (spreads across folds that ``print_cv`` computes as it prints,
  no record of earth's: a value's spread is no metric of its own, README); ``nterms`` and
  ``nvars`` (mean counts of selected terms and predictors over the folds); the
  ``coefficients`` (the model's parameters, not measurements); the counts of ``Selected 11
  of 15 terms, and 4 of 4 predictors``, ``Reached nk 21`` (a setting) and ``Number of terms
  at each degree of interaction: 1 10``.
- Tolerance: ``format(x, digits = 7)`` for ``GCV`` .. ``CVRSq``: half a unit of the value's
  7th significant digit; ``MaxErr``: half a unit of its 3rd significant digit (``print`` at
  ``digits = 3``).
- Deterministic: seeded data and folds; two runs print the same bytes.
"""
# zoo-venv: rmisc2


from _rscript import half_unit, run_r
from _truth import write_truth

R_SCRIPT = r"""
library(earth)

# Friedman's first benchmark function on four uniform inputs, with standard normal noise
set.seed(1)
n <- 200
x1 <- runif(n)
x2 <- runif(n)
x3 <- runif(n)
x4 <- runif(n)
y <- 10 * sin(pi * x1 * x2) + 20 * (x3 - 0.5)^2 + 5 * x4 + rnorm(n)
df <- data.frame(y, x1, x2, x3, x4)

set.seed(2)
model <- earth(y ~ ., data = df, nfold = 5)
print(summary(model))

last <- nrow(model$cv.rsq.tab)
jsonlite::write_json(list(
  earth = packageDescription("earth")$Version,
  r = R.version.string,
  gcv = model$gcv,
  rss = model$rss,
  grsq = model$grsq,
  rsq = model$rsq,
  cv.rsq = model$cv.rsq.tab[last, ncol(model$cv.rsq.tab)],
  cv.rsq.folds = unname(model$cv.rsq.tab[-last, 1]),
  cv.maxerr = model$cv.maxerr.tab[last, 1],
  cv.nterms = model$cv.nterms.selected.by.gcv[last],
  cv.nvars = model$cv.nvars.selected.by.gcv[last],
  nselected = length(model$selected.terms),
  nterms = nrow(model$dirs)),
  "earth_summary.json", auto_unbox = TRUE, digits = NA)
"""



record = run_r("r_earth_summary", R_SCRIPT, "earth_summary", "earth_summary.json",
               "r-base-core r-cran-earth r-cran-jsonlite")

metrics = {}
for name, field, digits in (("GCV", "gcv", 7), ("RSS", "rss", 7), ("GRSq", "grsq", 7),
                            ("RSq", "rsq", 7), ("CVRSq", "cv.rsq", 7),
                            ("MaxErr", "cv.maxerr", 3)):
    value = float(record[field])
    # one result of the fitted model, at no step (axis None)
    metrics[name] = {"key": "step", "values": [[None, value]],
                     "tolerance": half_unit(value, digits)}

write_truth(
    "earth", record["earth"],
    "the earth object's gcv (GCV), rss (RSS), grsq (GRSq), rsq (RSq), the last cell of "
    "cv.rsq.tab (CVRSq, the mean out-of-fold R-squared over the 5 folds) and the last row of "
    "cv.maxerr.tab (MaxErr, the largest absolute out-of-fold residual, signed), dumped by the "
    f"R script with jsonlite to earth_summary.json ({record['r']}); one value each, no step",
    metrics,
    notes=f"CVRSq is printed twice (7 significant digits, then rounded to 3 in the "
          f"cross-validation table): one value; per-fold RSq {record['cv.rsq.folds']}; "
          f"selected {record['nselected']} of {record['nterms']} terms, nterms "
          f"{record['cv.nterms']} and nvars {record['cv.nvars']} over the folds (counts) and "
          "the sd columns (spreads computed by print_cv) are not metrics")
