"""statsmodels 0.15.0: a logistic regression and a linear regression on synthetic data the
case draws itself (no ``sm.datasets`` / ``get_rdataset`` download), as statsmodels' own
getting-started pages and its discrete-choice example fit and print them: ``logit =
sm.Logit(y, X).fit()`` (Newton's method, ``disp=True`` by default) and
``print(logit.summary())`` on 400 rows of three normal covariates plus ``sm.add_constant``,
then ``ols = sm.OLS(z, W).fit()`` and ``print(ols.summary())`` on 150 rows of four
covariates plus a constant.

Printed (stdout): the Newton optimizer's closing three lines (``base/optimizer.py``)::

    Optimization terminated successfully.
             Current function value: 0.586967
             Iterations 5

(``{fval:f}``: the mean negative log-likelihood at the optimum), then the two ``summary()``
tables: ``Logit Regression Results`` (left column ``Dep. Variable``, ``Model``, ``Method``,
``Date``, ``Time``, ``converged``, ``Covariance Type``; right column ``No. Observations``,
``Df Residuals``, ``Df Model``, ``Pseudo R-squ.:`` ``{:#6.4g}``, ``Log-Likelihood:``
``{:#8.5g}``, ``LL-Null:`` ``{:#8.5g}``, ``LLR p-value:``; then the coefficient table) and
``OLS Regression Results`` (right column ``R-squared:`` and ``Adj. R-squared:`` ``{:#8.3f}``,
``F-statistic:`` ``{:#8.4g}``, ``Prob (F-statistic):``, ``Log-Likelihood:`` ``{:#8.5g}``,
``AIC:`` and ``BIC:`` ``{:#8.4g}``; the coefficient table; the residual diagnostics
``Omnibus``, ``Durbin-Watson``, ``Prob(Omnibus)``, ``Jarque-Bera (JB)``, ``Skew``,
``Prob(JB)``, ``Kurtosis``, ``Cond. No.``; and the notes). The ``Date``/``Time`` cells are
the clock at print time, so two captures differ there.

Truth: the fitted results' own attributes: ``logit.mle_retvals["fopt"]`` (what Newton's
``fval`` prints: ``f(newparams)``), ``logit.prsquared``, ``logit.llf``, ``ols.rsquared``,
``ols.rsquared_adj``, ``ols.fvalue``, ``ols.llf``, ``ols.aic``, ``ols.bic``.

Judgement calls:
- Which model-level statistics are metrics. docs/metrics.md: "A fitted model's information
  criteria (statsmodels' ``AIC:``, ``BIC:``) are metrics beside its ``R-squared``; its ``No.
  Observations`` and ``Df Residuals`` are counts" (``aic``/``bic`` are METRIC_WORDS in
  exptrack/metrics/names.py). The goodness of fit beside them is too: ``Adj. R-squared``,
  McFadden's ``Pseudo R-squ.``, the fitted model's ``Log-Likelihood`` (``likelihood`` is a
  metric word), the overall ``F-statistic``, and the optimizer's ``Current function value``
  (the objective the fit minimised, -llf/nobs: a training loss); heldout767's hand-written
  statsmodels expectations take exactly these. Not metrics (junk if recorded): the
  coefficient table (``coef``, ``std err``, ``z``/``t``, ``P>|z|``, the confidence
  interval: parameters of the fitted model and their inference), p-values (``LLR
  p-value``, ``Prob (F-statistic)``), ``LL-Null`` (the intercept-only model's likelihood,
  a baseline of the data, no fit of this model), the residual diagnostics (``Omnibus``,
  ``Prob(Omnibus)``, ``Durbin-Watson``, ``Jarque-Bera (JB)``, ``Prob(JB)``, ``Skew``,
  ``Kurtosis``, ``Cond. No.``), counts (``No. Observations``, ``Df Residuals``, ``Df
  Model``, ``Iterations 5``), ``converged: True`` and the dates.
- Names. statsmodels keeps no key for these values: they are result attributes (``llf``,
  ``prsquared``, ``rsquared_adj``, ``fvalue``), as scikit-learn's ``validation_scores_``
  is (README), and the summary's labels are table text. So each takes the name exptrack's
  documented rules give the printed words: ``R-squared``, ``F-statistic``,
  ``Log-Likelihood`` (a hyphened word keeps its hyphen, as ``C-index``), ``AIC``, ``BIC``;
  an abbreviation's dot is no part of a name (docs/metrics.md: ``Acc.:``), so ``Adj.
  R-squared`` -> ``Adj_R-squared`` (as tests/test_metrics_tune62.py has it) and ``Pseudo
  R-squ.`` -> ``Pseudo_R-squ``; ``Current function value`` is a phrase whose ``value``
  follows no metric's name (``function`` is none), so it stays in it:
  ``Current_function_value`` (skopt's ``Function_value_obtained``).
- ``Log-Likelihood`` is printed by both tables under the same words: one series of two
  values, the Logit's then the OLS's, in print order (a table's title, a model's label,
  changes no name: docs/metrics.md "a model's or a group's label before a dict changes
  nothing").
- The Logit's ``aic``/``bic`` exist as attributes but ``summary()`` does not print them
  (only ``summary2()`` does), so they are not expected; they are in the notes.
- Key: none of these is at a step or epoch: one fit each, values at axis ``None``
  (``key: step``), as surprise_svd_cv.py writes its one-off values. ``Iterations 5`` is the
  optimizer's count when it stopped, not a step of the run (an axis note if read as one).
- Tolerances: half the last printed digit of each value as statsmodels formats it (the
  format strings of ``summary()`` and ``{:f}``, applied here to the attribute: 5e-7 for
  ``Current function value``, 5e-4 for the ``%#8.3f`` R-squares, the ``%#.4g``/``%#.5g``
  ones by the value's magnitude); the two ``Log-Likelihood`` values take the larger.
"""
# zoo-venv: statsmodels

import numpy as np
import statsmodels
import statsmodels.api as sm
from _truth import write_truth

rng = np.random.default_rng(0)

# logistic regression: three covariates, a constant, Bernoulli outcomes from the logit model
n_logit = 400
X = sm.add_constant(rng.normal(size=(n_logit, 3)))
beta = np.array([-0.3, 1.0, -0.7, 0.4])
y = (rng.uniform(size=n_logit) < 1 / (1 + np.exp(-X @ beta))).astype(float)
logit = sm.Logit(y, X).fit()
print(logit.summary())

# linear regression: four covariates (one with no effect), a constant, normal noise
n_ols = 150
W = sm.add_constant(rng.normal(size=(n_ols, 4)))
z = W @ np.array([1.0, 2.0, -1.0, 0.5, 0.0]) + rng.normal(scale=1.5, size=n_ols)
ols = sm.OLS(z, W).fit()
print(ols.summary())


def half_unit(text: str) -> float:
    """Half the unit of the last digit of a number as statsmodels formatted it."""
    mantissa, _, exponent = text.strip().lower().partition("e")
    decimals = len(mantissa.partition(".")[2])
    return 0.5 * 10.0 ** (int(exponent or 0) - decimals)


def one(value: float, fmt: str) -> dict:
    """A value printed once, at no step, to ``fmt``'s digits."""
    return {"key": "step", "values": [[None, float(value)]],
            "tolerance": half_unit(format(value, fmt))}


assert logit.mle_retvals["converged"], logit.mle_retvals
fopt = float(logit.mle_retvals["fopt"])
assert np.isclose(fopt, -logit.llf / logit.nobs), (fopt, logit.llf)
metrics = {
    "Current_function_value": one(fopt, "f"),  # optimizer.py: {fval:f}
    "Pseudo_R-squ": one(logit.prsquared, "#6.4g"),
    "Log-Likelihood": {"key": "step",
                       "values": [[None, float(logit.llf)], [None, float(ols.llf)]],
                       "tolerance": max(half_unit(format(logit.llf, "#8.5g")),
                                        half_unit(format(ols.llf, "#8.5g")))},
    "R-squared": one(ols.rsquared, "#8.3f"),
    "Adj_R-squared": one(ols.rsquared_adj, "#8.3f"),
    "F-statistic": one(ols.fvalue, "#8.4g"),
    "AIC": one(ols.aic, "#8.4g"),
    "BIC": one(ols.bic, "#8.4g"),
}
write_truth("statsmodels", statsmodels.__version__,
            "the results' attributes: Logit mle_retvals['fopt'], prsquared, llf; OLS rsquared, "
            "rsquared_adj, fvalue, llf, aic, bic",
            metrics,
            notes=f"Logit n={n_logit}, {logit.mle_retvals['iterations']} Newton iterations, "
                  f"aic {logit.aic} and bic {logit.bic} not printed by summary(); "
                  f"OLS n={n_ols}; not metrics: coefficients, p-values, LL-Null "
                  f"{logit.llnull}, residual diagnostics, counts")
