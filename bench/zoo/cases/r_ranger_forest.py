"""ranger 0.14.1 (R's fast random forest; Debian bookworm's ``r-cran-ranger`` 0.14.1-1 on
``r-base-core`` 4.2.2, run by ``Rscript``), as its README and ``?ranger`` examples fit and
print a forest: ``rf <- ranger(Species ~ ., data = iris_like, num.trees = 200, importance =
'impurity', verbose = TRUE, seed = 42, num.threads = 1)`` then ``print(rf)``, and a
regression forest the same way, ``rr <- ranger(y ~ ., data = friedman_like, ...)`` then
``print(rr)``. ranger is no pip package: the case writes the R script into its cwd and runs
``Rscript ranger_forest.R`` with ``subprocess``, its stdout and stderr let through unchanged
(install: ``apt-get install -y r-base-core r-cran-ranger r-cran-jsonlite``).

Data: two synthetic data frames drawn in R with ``set.seed(7)``: ``iris_like``, 150 rows of
iris's four columns drawn around each species' means (a few overlap, so the out-of-bag
error is not 0), and ``friedman_like``, 200 rows of Friedman's first benchmark on five
uniform inputs with normal noise. ``seed = 42`` makes each forest repeat (ranger seeds each
tree from it); ``num.threads = 1`` keeps it on one core, as run.py's ``OMP_NUM_THREADS=1``
asks (ranger's own threads ignore that variable).

What it prints (stdout, ``print.ranger``'s ``cat`` calls)::

    Ranger result

    Call:
     ranger(Species ~ ., data = iris_like, num.trees = 200, importance = "impurity",  ...

    Type:                             Classification
    Number of trees:                  200
    Sample size:                      150
    Number of independent variables:  4
    Mtry:                             2
    Target node size:                 1
    Variable importance mode:         impurity
    Splitrule:                        gini
    OOB prediction error:             3.33 %

then the same block for the regression forest, whose last two lines are ``OOB prediction
error (MSE):       5.289932`` and ``R squared (OOB):                  0.7985765`` (each
``cat`` line ends with a space before its newline; the ``Call:`` line, cut short above, is
``deparse``'s pieces joined by spaces on one line: ``...importance = "impurity",      verbose
= TRUE, seed = 42, num.threads = 1)``). ``verbose = TRUE`` (ranger's default) prints
nothing here: its C++ core's ``Growing trees .. Progress: NN%. Estimated remaining time:
...`` (``Forest::showProgress``) comes only once 30 seconds of growing have passed
(``STATUS_INTERVAL = 30.0`` in its ``globals.h``), and these forests grow in milliseconds.
Nothing goes to stderr.

Truth: each forest object's own fields, ``rf$prediction.error`` (the out-of-bag
misclassification rate, a fraction), ``rr$prediction.error`` (the out-of-bag mean squared
error) and ``rr$r.squared`` (``1 - MSE / var(y)`` out of bag), written by the R script
with ``jsonlite::write_json(digits = NA)`` (15 significant digits) to ``ranger_oob.json``
and read back here. That file is the case's dump of the forest object, not a file ranger
writes: not in ``files``.

Judgement calls:
- Metrics: the out-of-bag errors and R squared, the only measures of fit ``print`` shows.
  Not metrics (junk if recorded): ``Number of trees``, ``Sample size``, ``Number of
  independent variables`` (counts), ``Mtry``, ``Target node size`` (settings), ``Type``,
  ``Variable importance mode``, ``Splitrule`` (words) and the call's arguments
  (``num.trees = 200``, ``seed = 42``, ``num.threads = 1``). The impurity importances are
  kept in ``rf$variable.importance`` but not printed: not expected.
- Names: ranger keeps no key for these values, only the object's fields (as scikit-learn's
  ``validation_scores_``, README), so each takes the name docs/metrics.md gives its printed
  words, an aligned phrase (``Kappa statistic      0.0651`` -> ``Kappa_statistic``):
  ``OOB prediction error:`` -> ``OOB_prediction_error``; ``OOB prediction error (MSE):``
  -> ``OOB_prediction_error_(MSE)`` (docs/metrics.md: "A metric in parentheses qualifies
  its name (``(IoU)``, ``(MSE)``, ``(RMSE)``...)", as ``F1 (macro)``; it tells the regression's
  mean squared error from the classification's error rate, two quantities, two series);
  ``R squared (OOB):`` -> ``R_squared`` (``(OOB)`` says which samples it is computed on,
  a label in parentheses, no unit and no qualifier: ``loss (train)`` -> ``loss``).
- Key: each is one value of a fitted forest, at no step or epoch: axis ``None`` (``key:
  step``), as statsmodels_summary.py keeps its one-off values. ``Number of trees: 200`` is
  the forest's size, no step.
- Scale and tolerances: the classification error is printed in percent,
  ``sprintf("%1.2f %%", 100 * x$prediction.error)``, so the truth is ``100 *
  prediction.error`` (the field at the printed scale, as pytorch_quickstart.py keeps its
  ``Accuracy: 98.0%``), tolerance 0.005 (half the printed second decimal). The regression's
  two values are ``cat`` of a double, R's 7 significant digits: tolerance half a unit of the
  seventh digit of each value.
- Nothing timed is printed: ``also_ok`` empty. Deterministic: seeded data and forests; two
  captures gave the same bytes (the pty's only difference is its ``\r\n`` line ends).
"""
# zoo-venv: rranger


from _rscript import half_unit, run_r
from _truth import write_truth

R_SCRIPT = r"""
library(ranger)

set.seed(7)
n <- 150
cls <- rep(1:3, each = 50)
iris_like <- data.frame(
  Sepal.Length = rnorm(n, c(5.0, 5.9, 6.6)[cls], 0.45),
  Sepal.Width = rnorm(n, c(3.4, 2.8, 3.0)[cls], 0.35),
  Petal.Length = rnorm(n, c(1.5, 4.3, 5.6)[cls], 0.55),
  Petal.Width = rnorm(n, c(0.25, 1.3, 2.0)[cls], 0.3),
  Species = factor(c("setosa", "versicolor", "virginica")[cls]))

m <- 200
friedman_like <- data.frame(x1 = runif(m), x2 = runif(m), x3 = runif(m), x4 = runif(m),
                            x5 = runif(m))
friedman_like$y <- with(friedman_like,
  10 * sin(pi * x1 * x2) + 20 * (x3 - 0.5)^2 + 10 * x4 + 5 * x5 + rnorm(m))

rf <- ranger(Species ~ ., data = iris_like, num.trees = 200, importance = 'impurity',
             verbose = TRUE, seed = 42, num.threads = 1)
print(rf)

rr <- ranger(y ~ ., data = friedman_like, num.trees = 200, importance = 'impurity',
             verbose = TRUE, seed = 42, num.threads = 1)
print(rr)

jsonlite::write_json(list(
  ranger = as.character(packageVersion("ranger")),
  r = R.version.string,
  classification = list(prediction.error = rf$prediction.error, num.trees = rf$num.trees),
  regression = list(prediction.error = rr$prediction.error, r.squared = rr$r.squared,
                    num.trees = rr$num.trees)),
  "ranger_oob.json", auto_unbox = TRUE, digits = NA)
"""


def one_off(value: float, tolerance: float) -> dict:
    """One value of a fitted forest, at no step or epoch (axis ``None``)."""
    return {"key": "step", "values": [[None, float(value)]], "tolerance": tolerance}



record = run_r("r_ranger_forest", R_SCRIPT, "ranger_forest", "ranger_oob.json",
               "r-base-core r-cran-ranger r-cran-jsonlite")

classification, regression = record["classification"], record["regression"]
mse, r_squared = regression["prediction.error"], regression["r.squared"]
write_truth(
    "ranger", record["ranger"],
    "the forest objects' own fields rf$prediction.error (printed x100, in percent), "
    "rr$prediction.error and rr$r.squared, dumped by the R script with jsonlite to "
    f"ranger_oob.json ({record['r']})",
    {
        # sprintf("%1.2f %%", 100 * x$prediction.error)
        "OOB_prediction_error": one_off(100 * classification["prediction.error"], 0.005),
        # cat(x$prediction.error): 7 significant digits
        "OOB_prediction_error_(MSE)": one_off(mse, half_unit(mse, 7)),
        "R_squared": one_off(r_squared, half_unit(r_squared, 7)),
    },
    notes="rf$variable.importance and rr$variable.importance (impurity importances) are kept "
          "by the forests but not printed; the forests have "
          f"{classification['num.trees']} and {regression['num.trees']} trees")
