"""pmdarima 2.1.1 (statsmodels 0.15.0 under it): ``pm.auto_arima(y, seasonal=False,
trace=True, stepwise=True, suppress_warnings=True, error_action="ignore")`` on an ARMA(2,1)
series the case draws itself (statsmodels' ``ArmaProcess([1, -0.6, 0.2], [1, 0.4])
.generate_sample(200)`` from ``np.random.default_rng(0)``, plus a mean of 10; no
``pm.datasets`` load), then ``print(model.summary())`` as pmdarima's docs do after a search.

What it prints (stdout): ``Performing stepwise search to minimize aic``, one line a
candidate model as the stepwise search fits it (``_fit_candidate_model``: ``"{model}   :
{ic_name}={ic:.3f}, Time={time:.2f} sec"``), e.g. `` ARIMA(1,0,2)(0,0,0)[0] intercept   :
AIC=560.636, Time=0.05 sec`` (20 candidates here; three print ``AIC=inf``), a blank line,
``Best model:  ARIMA(0,0,3)(0,0,0)[0] intercept``, ``Total fit time: 1.936 seconds``; then
statsmodels' ``SARIMAX Results`` summary of the chosen model: the header table (``No.
Observations``, ``Log Likelihood``, ``AIC``, ``BIC``, ``HQIC`` with ``%#5.3f``), the
coefficient table (``intercept``, ``ma.L1``.. ``sigma2``: coef, std err, z, P>|z|, the
interval), the residual tests (``Ljung-Box (L1) (Q)``, ``Prob(Q)``, ``Jarque-Bera (JB)``,
``Prob(JB)``, ``Heteroskedasticity (H)``, ``Prob(H) (two-sided)``, ``Skew``, ``Kurtosis``)
and the covariance warning note.

Truth: the search is a search of trials, as an Optuna study is (docs/metrics.md: Optuna's
trial line records ``value`` at the trial's number; the best so far is not recorded; zoo
``optuna_study``, ``hyperopt_fmin``, ``skopt_gp_minimize``): each candidate's score is a
value of one series at the candidate's index. pmdarima keeps every candidate's score in
its stepwise solver (``_StepwiseFitWrapper.ic_dict``, keyed ``(order, seasonal_order,
constant)``, inserted in fit order, the value the trace line prints; ``fit_time_dict``
likewise, ``results_dict`` the fitted ``ARIMA`` or None), which ``auto_arima`` does not
return: the case wraps ``_StepwiseFitWrapper.solve`` to keep a reference to the solver (it
prints nothing and changes nothing). ``return_valid_fits=True`` would give only the
finite-scored fits, sorted by score, not in search order, so it is not used; instead every
finite score is checked equal to its fitted model's own ``aic()``. The summary's values are
the returned model's ``arima_res_.llf``, ``aic()``, ``bic()``, ``hqic()``.

Judgement calls:
- ``AIC`` (as printed: ``information_criterion.upper()``; the printed name, capitals kept,
  as hyperopt's ``SCORE``, Surprise's ``RMSE``), one value a candidate, 20 values, keyed
  ``step`` = the solver's fit counter ``k`` (1-based, incremented before each fit; no
  number is printed, the axis is a note). ``inf`` is pmdarima's score for a candidate
  whose fit failed or whose roots are near non-invertible (``_root_test``): its record,
  printed ``AIC=inf``, so it stays in the series as ``inf``. Here all three are the root
  test's: models without an intercept on a series of mean 10, whose AR inverse root nears 1
  (0.993 and above); they did fit, and the fitted model's own ``aic()`` is finite (630.07
  for ARIMA(1,0,0)), but the search's score, the one printed and compared, is ``inf``.
- The summary's ``AIC`` is the chosen model's ``aic()``, the best candidate's score printed
  again under the same name (``Best model:`` names that candidate): no 21st value, as
  KerasTuner's trial summary repeats its best epoch's ``val_accuracy`` (zoo
  ``keras_tuner_search``) and Optuna's ``Best is trial N with value`` repeats a trial's.
- The summary's other fit statistics are values of the fitted model printed once, at no
  step: ``Log_Likelihood`` (the printed words joined, capitals kept; statsmodels' ``llf``),
  ``BIC``, ``HQIC``. Tolerance 0.0005 for all (``.3f`` and ``%#5.3f``).
- Not metrics, as the held-out statsmodels SARIMAX and OLS summaries' collectors judged
  them (tests/data/heldout767/statsmodels_*): the coefficient table (estimated parameters,
  ``sigma2`` too), the residual tests and their p-values (``Ljung-Box (L1) (Q)``,
  ``Prob(Q)``, ``Jarque-Bera (JB)``, ``Prob(JB)``, ``Heteroskedasticity (H)``, ``Prob(H)``,
  ``Skew``, ``Kurtosis``), ``No. Observations`` (a count), ``Sample``, ``Date``/``Time``
  (the clock), and the ``Best model:`` order.
- ``Time=0.05 sec`` (a candidate's fit seconds, ``fit_time_dict``) and ``Total fit time``
  are timings: ``also_ok`` as ``Time`` and ``Total_fit_time``.
"""
# zoo-venv: pmdarima

import numpy as np
import pmdarima as pm
import statsmodels
from _truth import series, write_truth
from pmdarima.arima import _auto_solvers
from statsmodels.tsa.arima_process import ArmaProcess

solvers: list = []  # the stepwise solver auto_arima makes, kept for its ic_dict
_solve = _auto_solvers._StepwiseFitWrapper.solve


def _keep_solver(self):
    solvers.append(self)
    return _solve(self)


_auto_solvers._StepwiseFitWrapper.solve = _keep_solver

rng = np.random.default_rng(0)
y = ArmaProcess(np.array([1, -0.6, 0.2]), np.array([1, 0.4])).generate_sample(
    nsample=200, distrvs=rng.standard_normal) + 10

model = pm.auto_arima(y, seasonal=False, trace=True, stepwise=True, suppress_warnings=True,
                      error_action="ignore")
print(model.summary())

(solver,) = solvers
keys = list(solver.ic_dict)  # fit order: dicts keep insertion order
assert len(keys) == solver.k, (len(keys), solver.k)
scores = []
for k, key in enumerate(keys, start=1):
    ic, fit = float(solver.ic_dict[key]), solver.results_dict[key]
    if np.isfinite(ic):
        assert fit is not None and ic == float(fit.aic()), (key, ic)
    scores.append((k, ic))
best = min(keys, key=lambda key: solver.ic_dict[key])
assert solver.results_dict[best] is model and float(model.aic()) == solver.ic_dict[best]

tolerance = 0.0005
fit_times = [round(float(solver.fit_time_dict[key]), 3) for key in keys]


def once(value: float) -> dict:  # one value at no step (series() takes numbers only)
    return {"key": "step", "values": [[None, float(value)]], "tolerance": tolerance}


write_truth(
    "pmdarima", pm.__version__,
    "the stepwise solver's ic_dict (each candidate's AIC, fit order, index k 1-based); the "
    "returned model's arima_res_.llf, bic(), hqic()",
    {"AIC": series(scores, "step", tolerance=tolerance),
     "Log_Likelihood": once(model.arima_res_.llf), "BIC": once(model.bic()),
     "HQIC": once(model.hqic())},
    also_ok=["Time", "Total_fit_time"],
    notes=f"statsmodels {statsmodels.__version__}; {len(scores)} candidates, "
          f"{sum(1 for _, v in scores if not np.isfinite(v))} scored inf; best "
          f"{str(model).strip()} (candidate {keys.index(best) + 1}), aic {model.aic()} "
          f"restated by the summary; fit times {fit_times}")
