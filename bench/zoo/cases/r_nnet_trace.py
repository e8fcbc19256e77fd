"""nnet 7.3-18 (R's feed-forward neural networks with a single hidden layer, the ``nnet``
package of Venables and Ripley's MASS bundle; Debian bookworm's ``r-cran-nnet`` 7.3-18-1 on
``r-base-core`` 4.2.2, run by ``Rscript``), as ``?nnet``'s example fits a classifier with its
formula interface: ``fit <- nnet(Species ~ ., data = df, size = 4, maxit = 100, trace =
TRUE)`` (``trace = TRUE`` is nnet's default, written out as the example's readers do; the
example's own ``size = 2, rang = 0.1, decay = 5e-4, maxit = 200`` on a subset traded for a
4-unit layer and 100 iterations on the whole frame). nnet is no pip package: the case writes
the R script into its cwd and runs ``Rscript nnet_trace.R`` with ``subprocess``, its stdout
and stderr let through unchanged (install: ``apt-get install -y r-base-core r-cran-nnet
r-cran-jsonlite``).

Data: an iris-like synthetic frame drawn in R (``set.seed(1)``): 50 rows of each of three
species, four measurements each drawn from a normal with the species' mean and spread of
R's ``iris`` (rounded to one decimal as iris is); ``set.seed(2)`` before ``nnet`` fixes its
random initial weights (``runif(-0.7, 0.7)``, R's RNG). A fit of a fraction of a second.

What it prints, all on stdout: ``nnet.default``'s ``cat("# weights: ", length(wts), "\\n")``
(``# weights:  35``: 4 inputs, 4 hidden units, 3 softmax outputs, with biases), then the C
optimiser's trace (``vmmin`` in nnet's ``nnet.c``, R's BFGS: ``Rprintf("initial  value %f
\\n")``, ``"iter%4d value %f\\n"`` every 10th iteration, ``"final  value %f \\n"`` and
``"converged\\n"`` or ``"stopped after %i iterations\\n"``)::

    # weights:  35
    initial  value 180.720848
    iter  10 value 56.663663
    ...
    iter 100 value 4.930680
    final  value 4.930680
    stopped after 100 iterations

Nothing else: the script prints no summary of the fit (``print(fit)`` would add only the
network's shape and options). Nothing is timed.

Truth: nnet keeps NO trace. ``vmmin`` prints the objective at the traced iterations and keeps
none of them: the fitted object holds only ``fit$value`` (the final value of the fitting
criterion, here the softmax's negative log-likelihood, plus the weight decay term, 0 here)
and ``fit$convergence`` (``ifail``: 1 when ``maxit`` was reached, 0 when it converged).
Recomputing the objective at the traced iterations (refitting with ``maxit = 10, 20, ...``)
would be a second run, not the framework's record, so the truth holds what the object holds:
``value``, one value, written by the R script with ``jsonlite::write_json(digits = NA)`` (15
significant digits) to ``nnet_trace.json`` and read back here. The iteration count is not
kept either, but ``convergence == 1`` says the loop ran all ``maxit`` iterations, so the
final value's step is ``maxit`` (100); the case checks that ``convergence`` is 1. That file is
the case's dump of the model object, not a file nnet writes: not in ``files``.

Judgement calls:
- Name: ``value``, nnet's own field (``fit$value``) and the trace's own word (``initial
  value``, ``iter N value``, ``final  value``): one series, as docs/metrics.md names R's optim
  trace (``rtrace``).
- Count: ONE value (the final), at step 100. The trace's initial and per-10-iteration values
  are printed but no record of them exists, so they are not in the truth: an extraction that
  records the whole trace (11 or 12 values) differs from this truth in count only, and that
  miss is the case's point (the framework keeps the last value alone). The final value is the
  last traced iteration's again (``iter 100 value`` then ``final  value``, the same number).
- Key: ``step``: the trace's ``iter N`` is the optimiser's iteration.
- Not metrics: ``# weights:  35`` (a count of parameters), ``stopped after 100 iterations``
  (an iteration count).
- Tolerance: ``%f`` prints six decimals: 5e-7.
- Nothing timed: ``also_ok`` empty. Deterministic: seeded data and initial weights; two runs
  print the same bytes.
"""
# zoo-venv: rmisc


from _rscript import IRIS_LIKE, run_r
from _truth import series, write_truth

MAXIT = 100

R_SCRIPT = r"""
library(nnet)

""" + IRIS_LIKE + r"""

set.seed(2)
fit <- nnet(Species ~ ., data = df, size = 4, maxit = @MAXIT@, trace = TRUE)

jsonlite::write_json(list(
  nnet = packageDescription("nnet")$Version,
  r = R.version.string,
  value = fit$value,
  convergence = fit$convergence,
  n = fit$n,
  weights = length(fit$wts),
  decay = fit$decay),
  "nnet_trace.json", auto_unbox = TRUE, digits = NA)
""".replace("@MAXIT@", str(MAXIT))

record = run_r("r_nnet_trace", R_SCRIPT, "nnet_trace", "nnet_trace.json",
               "r-base-core r-cran-nnet r-cran-jsonlite")

# convergence 1: maxit reached, so the final value is that of iteration MAXIT
assert record["convergence"] == 1, record["convergence"]

write_truth(
    "nnet", record["nnet"],
    "the nnet object's fit$value (the final value of the fitting criterion, the only value "
    "of the optimiser's trace nnet keeps), dumped by the R script with jsonlite to "
    f"nnet_trace.json ({record['r']}); at step {MAXIT}, the iteration count that "
    "fit$convergence == 1 (maxit reached) implies",
    {"value": series([(MAXIT, record["value"])], "step", tolerance=5e-7)},
    notes=f"nnet keeps no trace: the initial value and the values at iterations 10, 20, ..., "
          f"{MAXIT} are printed by vmmin but stored nowhere, so the truth holds the final "
          f"value alone (not recomputed); network {record['n']} with {record['weights']} "
          f"weights, decay {record['decay']}, convergence {record['convergence']} "
          f"(stopped after {MAXIT} iterations)")
