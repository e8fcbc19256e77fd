"""neuralnet 1.44.2 (R's ``neuralnet`` package of Fritsch, Guenther and Wright: multilayer
perceptrons trained by resilient backpropagation, ``rprop+`` by default), run by ``Rscript``
on Debian bookworm's ``r-base-core`` 4.2.2. Debian has no ``r-cran-neuralnet`` (nor its
import ``Deriv``), so both are installed from their CRAN sources, mirrored on GitHub by
``cran/neuralnet`` (commit aa8b7c21, "version 1.44.2", CRAN's release of 2019-02-07, the
current one) and ``cran/Deriv`` (commit 357086ad, "version 4.2.0"), pure R packages with
no compiled code: unpacked with ``git archive`` under ``$ZOO_REPOS/neuralnet`` and
``$ZOO_REPOS/Deriv`` and installed with ``R CMD INSTALL Deriv neuralnet`` into R's site
library (``/usr/local/lib/R/site-library``); their other imports (grid, grDevices, stats,
utils, MASS) come with ``apt-get install -y r-base-core r-cran-mass r-cran-jsonlite``. See
bench/zoo/requirements-rneuralnet.txt. The case writes the R script into its cwd and runs
``Rscript neuralnet_fit.R`` with ``subprocess``, its stdout and stderr let through unchanged.

The call, with the running output ``?neuralnet`` documents for ``lifesign``: ``nn <-
neuralnet(y ~ x1 + x2, data = df, hidden = 3, lifesign = "full", lifesign.step = 100,
threshold = 0.01, rep = 2, stepmax = 1e+05)``, then ``print(nn$result.matrix)``. Data: a
synthetic regression frame drawn in R (``set.seed(1)``): 50 rows, ``x1`` and ``x2`` uniform
on [0, 1], ``y = x1^2 + 0.5 * sin(3 * x2)`` plus normal noise (sd 0.05); ``set.seed(2)``
before ``neuralnet`` fixes the random start weights of both repetitions (``rnorm``, R's
RNG). Both repetitions reach the threshold (rep 1 in 1152 steps, rep 2 in 520) in well under
a second.

What it prints. The lifesign lines come from ``message`` (stderr): ``display`` opens each
repetition (``hidden: 3    thresh: 0.01    rep: 1/2    steps: ``, no newline), then
``rprop`` every ``lifesign.step``-th step writes ``sprintf("%7s", step)``, a tab, ``min thresh:
`` and the smallest largest-absolute-gradient reached so far (``min.reached.threshold``,
``as.character``: 15 significant digits), a newline and as many spaces as the header was
wide, so the steps stand in a column under ``steps:``; on reaching the threshold
``calculate.neuralnet`` writes the last step, ``\\terror: `` and ``round(error, 5)`` padded
with spaces, and ``\\ttime: `` with ``round(time, 2)`` and its units::

    hidden: 3    thresh: 0.01    rep: 1/2    steps:     100\tmin thresh: 0.0458475957538638
                                                        200\tmin thresh: 0.0458141763161728
    ...
                                                       1100\tmin thresh: 0.0141781651704383
                                                       1152\terror: 0.0671 \ttime: 0.19 secs
    hidden: 3    thresh: 0.01    rep: 2/2    steps:     100\tmin thresh: 0.0524014940062844
    ...
                                                        520\terror: 0.29502\ttime: 0.07 secs

Then on stdout ``print`` of the result matrix (R's default 7 significant digits, a common
format a column): one column a repetition (``[,1]``, ``[,2]``), rows ``error``,
``reached.threshold``, ``steps`` and the 13 fitted weights (3 x 3 into the hidden layer, 4
into the output: ``Intercept.to.1layhid1``, ``x1.to.1layhid1``, ..., ``1layhid3.to.y``)::

                                   [,1]          [,2]
    error                  6.710253e-02   0.295024855
    reached.threshold      8.621347e-03   0.009903294
    steps                  1.152000e+03 520.000000000
    Intercept.to.1layhid1 -6.953312e-01  -1.421142038
    ...

Truth: the fitted object's own record, ``nn$result.matrix`` (``calculate.neuralnet``'s
``output.vector`` of each repetition, ``c(error = , reached.threshold = , steps = , <weights>)``,
bound column by column), its ``error``, ``reached.threshold`` and ``steps`` rows written by
the R script with ``jsonlite::write_json(digits = NA)`` (15 significant digits) to
``neuralnet_fit.json`` and read back here; never parsed from the output. That file is the
case's dump of the object, not a file neuralnet writes: not in ``files``.

Judgement calls:
- Metrics: ``error`` (the error function's value on the training data at the end of the
  repetition, ``sum(err.fct(net.result, response))``, here the default ``sse``: half the sum
  of squared errors) and ``reached.threshold`` (the largest absolute partial derivative of
  the error at the last step, the stopping criterion's value), named as the matrix keys its
  rows, each a series of two values, one a repetition, in repetition order. ``error`` is
  printed twice a repetition (the lifesign line's ``error: 0.0671`` and the matrix's
  ``error`` row) but is one value of the record each time: two values in all.
  ``reached.threshold`` is printed only in the matrix's row.
- Key: ``step``, each repetition's value at its own ``steps`` (the matrix's ``steps`` row:
  1152 and 520, the step the lifesign line prints before ``error:``). The repetitions are
  separate fits, each counting its steps from 1, so the axis falls between them; the score
  checks values and counts, not axes. ``steps`` itself is an iteration count (as nnet's
  ``stopped after 100 iterations``, r_nnet_trace.py), the axis, no metric: junk if recorded.
- ``min thresh`` (``min.reached.threshold`` every 100th step) is the optimiser's running
  minimum of the gradient criterion, a local variable of ``rprop`` that nothing keeps: no
  attribute, no trace in the returned object. With no record it is no truth metric; it is
  in ``also_ok`` (as fastText's ``avg.loss``, fasttext_supervised.py), under the names
  exptrack may give the printed words (``min_thresh``, ``min thresh``). ``time`` (the
  repetition's wall time, ``time: 0.19 secs``) is timing: ``also_ok``.
- Not metrics (junk if recorded): the header's ``hidden: 3`` (layer sizes), ``thresh:
  0.01`` (the threshold setting), ``rep: 1/2`` (the repetition's index), the matrix's
  ``steps`` row and its 13 weight rows (the fitted parameters, not measures of the fit).
- Tolerances: ``error``: 5e-6, half a unit of ``round(error, 5)``'s fifth decimal (the
  matrix's 7 significant digits are finer for these values). ``reached.threshold``:
  ``rel_tolerance`` 5e-7, R's 7 significant digits (``print`` shows at least 7 significant
  digits of each value of a column).
- Deterministic values (seeded data and start weights); the ``time:`` figures vary by run.
"""
# zoo-venv: rneuralnet


from _rscript import run_r
from _truth import series, write_truth

R_SCRIPT = r"""
if (!requireNamespace("neuralnet", quietly = TRUE)) {
  stop("R package neuralnet not installed: see bench/zoo/requirements-rneuralnet.txt")
}
library(neuralnet)

# A small regression frame: y = x1^2 + 0.5 sin(3 x2) with noise
set.seed(1)
n <- 50
x1 <- runif(n)
x2 <- runif(n)
y <- x1^2 + 0.5 * sin(3 * x2) + 0.05 * rnorm(n)
df <- data.frame(y, x1, x2)

set.seed(2)
nn <- neuralnet(y ~ x1 + x2, data = df, hidden = 3, lifesign = "full",
                lifesign.step = 100, threshold = 0.01, rep = 2, stepmax = 1e+05)
print(nn$result.matrix)

rm <- nn$result.matrix
jsonlite::write_json(list(
  neuralnet = packageDescription("neuralnet")$Version,
  deriv = packageDescription("Deriv")$Version,
  r = R.version.string,
  reps = ncol(rm),
  error = unname(rm["error", ]),
  reached.threshold = unname(rm["reached.threshold", ]),
  steps = unname(rm["steps", ]),
  weights = nrow(rm) - 3L),
  "neuralnet_fit.json", auto_unbox = TRUE, digits = NA)
"""

record = run_r("r_neuralnet_fit", R_SCRIPT, "neuralnet_fit", "neuralnet_fit.json",
               "r-base-core r-cran-mass r-cran-jsonlite, then neuralnet and Deriv from source")

# both repetitions reached the threshold (a repetition that does not is dropped from the matrix)
assert record["reps"] == 2, record["reps"]
steps = [int(s) for s in record["steps"]]

write_truth(
    "neuralnet", record["neuralnet"],
    "the fitted object's nn$result.matrix (its error and reached.threshold rows, one column a "
    "repetition, each at that repetition's own steps row), dumped by the R script with "
    f"jsonlite to neuralnet_fit.json ({record['r']}, Deriv {record['deriv']})",
    {
        # calculate.neuralnet: message("\terror: ", round(error, 5), ...)
        "error": series(zip(steps, record["error"], strict=True), "step", tolerance=5e-6),
        # print(nn$result.matrix): 7 significant digits
        "reached.threshold": series(zip(steps, record["reached.threshold"], strict=True),
                                    "step", rel_tolerance=5e-7),
    },
    also_ok=["min_thresh", "min thresh", "time"],
    notes=f"two repetitions, steps {steps}; min thresh (rprop's running minimum of the "
          "gradient criterion every lifesign.step steps) is kept by nothing neuralnet returns: "
          f"no truth for it; the matrix's steps row and its {record['weights']} weight rows "
          "are no metrics")
