"""lifelines 0.30.3: the Kaplan-Meier fit of lifelines' Quickstart (``kmf =
KaplanMeierFitter(); kmf.fit(T, event_observed=E)`` on ``load_waltons()``), then the Cox
proportional hazards regression of its "Survival regression" page: ``cph = CoxPHFitter();
cph.fit(rossi, duration_col='week', event_col='arrest')`` on ``load_rossi()`` (432 released
prisoners, 7 covariates, 114 re-arrests) and ``cph.print_summary()`` at its default
``decimals=2``. Both data sets are CSV files inside the lifelines wheel
(``lifelines/datasets/``), nothing downloaded; the fits are deterministic (Newton-Raphson
from zeros), so no seed is needed.

What it prints: the Kaplan-Meier fit prints nothing (the Quickstart's ``kmf.survival_function_``
and ``kmf.median_survival_time_`` are notebook displays, no prints). ``print_summary()``
without IPython (lifelines leaves it optional; with it, it would ``display`` HTML) prints
``Printer.to_ascii()`` on stdout: the fitter's repr, the header block justified to 25
columns, the coefficient table (pandas ``to_string``, ``{:4.2f}``; the ``p`` column
``<0.005`` below half a unit), then the footers::

    <lifelines.CoxPHFitter: fitted with 432 total observations, 318 right-censored observations>
                 duration col = 'week'
                    event col = 'arrest'
          baseline estimation = breslow
       number of observations = 432
    number of events observed = 114
       partial log-likelihood = -658.75
             time fit was run = 2026-12-06 23:34:38 UTC

    ---
               coef exp(coef)  se(coef)  coef lower 95%  coef upper 95% exp(coef) lower 95% ...
    covariate
    fin       -0.38      0.68      0.19           -0.75           -0.00                0.47 ...
    ...
               cmp to     z      p  -log2(p)
    covariate
    fin          0.00 -1.98   0.05      4.40
    ...
    prio         0.00  3.19 <0.005      9.48
    ---
    Concordance = 0.64
    Partial AIC = 1331.50
    log-likelihood ratio test = 33.27 on 7 df
    -log2(p) of ll-ratio test = 15.37

(the ascii print has no ``model = lifelines.CoxPHFitter`` row: only the HTML one inserts
it; the table splits in two because it has more than 7 columns). ``time fit was run`` is the
clock at fit time, so two captures differ there and nowhere else.

Truth: the fitted ``CoxPHFitter``'s own attributes, the values ``print_summary`` formats
(``coxph_fitter.py``): ``cph.log_likelihood_`` (``partial log-likelihood``),
``cph.concordance_index_`` (``Concordance``), ``cph.AIC_partial_`` (``Partial AIC``) and
``cph.log_likelihood_ratio_test().test_statistic`` (``log-likelihood ratio test``; its
``degrees_freedom`` 7 and ``p_value`` are in the notes).

Judgement calls:
- Which summary values are metrics: the model-level fit measures, as statsmodels_summary.py
  takes its ``Log-Likelihood``, ``AIC``, ``F-statistic`` and docs/metrics.md its
  information criteria and concordance index (``concordance`` is a metric word): the
  partial log-likelihood, Harrell's concordance index, the partial AIC and the
  likelihood-ratio test's statistic (the fitted model against the null model, chi-square:
  a goodness of fit as the F-statistic is). Not metrics (junk if recorded): the
  coefficient table, one row a covariate (``coef``, ``exp(coef)``, ``se(coef)``, the 95%
  bounds, ``cmp to``, ``z``, ``p``, ``-log2(p)``: the fitted model's parameters and their
  inference, no measure of the fit); ``-log2(p) of ll-ratio test`` (the test's p-value on
  a log scale: statsmodels' ``LLR p-value`` is none either); counts (``number of
  observations``, ``number of events observed``, the repr's ``432 total observations`` and
  ``318 right-censored observations``, ``on 7 df``); the settings (``duration col``,
  ``event col``, ``baseline estimation``) and the fit's date.
- Names. lifelines keeps no key for these (attributes, as statsmodels' ``llf``; the
  summary's labels are its text), so each takes the name the printed words give under
  docs/metrics.md's rules (README): spaces to ``_``, a hyphened word keeps its hyphen
  (``Log-Likelihood``, ``C-index``), the case as printed: ``partial_log-likelihood``,
  ``Concordance``, ``Partial_AIC``, ``log-likelihood_ratio_test`` (the statistic's own
  label; its ``on 7 df`` is the test's degrees of freedom, a count after the value).
- Key: one fit, no step or epoch: each value once at axis ``None`` (``key: step``), as
  statsmodels_summary.py writes its values.
- Tolerances: half the last printed digit, 0.005, for all four (``{:.2f}``, decimals=2).
- Nothing timed is printed; no ``also_ok``; no metric file (lifelines writes none).
"""
# zoo-venv: lifelines

import lifelines
from _truth import write_truth
from lifelines import CoxPHFitter, KaplanMeierFitter
from lifelines.datasets import load_rossi, load_waltons

# Quickstart: Kaplan-Meier (prints nothing)
df = load_waltons()
T = df['T']
E = df['E']
kmf = KaplanMeierFitter()
kmf.fit(T, event_observed=E)

# Survival regression: Cox's proportional hazard model on the Rossi recidivism data
rossi = load_rossi()
cph = CoxPHFitter()
cph.fit(rossi, duration_col='week', event_col='arrest')
cph.print_summary()

lr_test = cph.log_likelihood_ratio_test()
assert cph.baseline_estimation_method == "breslow"
assert lr_test.degrees_freedom == len(cph.params_) == 7, lr_test.degrees_freedom


def one(value: float) -> dict:
    """A value printed once, at no step, with ``{:.2f}``."""
    return {"key": "step", "values": [[None, float(value)]], "tolerance": 0.005}


metrics = {
    "partial_log-likelihood": one(cph.log_likelihood_),
    "Concordance": one(cph.concordance_index_),
    "Partial_AIC": one(cph.AIC_partial_),
    "log-likelihood_ratio_test": one(lr_test.test_statistic),
}
write_truth("lifelines", lifelines.__version__,
            "the fitted CoxPHFitter's attributes: log_likelihood_, concordance_index_, "
            "AIC_partial_, log_likelihood_ratio_test().test_statistic",
            metrics,
            notes=f"rossi: {cph._n_examples} observations, "
                  f"{int(cph.event_observed.sum())} events; ll-ratio test on "
                  f"{lr_test.degrees_freedom} df, p {lr_test.p_value}; not metrics: the "
                  f"coefficient table, -log2(p) {-lifelines.utils.quiet_log2(lr_test.p_value)}, "
                  f"counts; Kaplan-Meier (waltons, prints nothing) median survival time "
                  f"{kmf.median_survival_time_}")
