r"""Prophet 1.1.7 (its wheel's bundled CmdStan 2.33.1, driven by cmdstanpy 1.2.5): the quick
start on a synthetic daily series made here (``ds``, ``y``: 420 days from 2022-01-01, a
linear trend plus a weekly sine plus Gaussian noise, fixed seed; no example CSV download),
``m = Prophet(); m.fit(df); future = m.make_future_dataframe(periods=30); forecast =
m.predict(future)`` and the quick start's ``print(forecast[['ds', 'yhat', 'yhat_lower',
'yhat_upper']].tail())``, then the diagnostics its docs run: ``df_cv = cross_validation(m,
initial='200 days', period='60 days', horizon='30 days')``, ``df_p =
performance_metrics(df_cv)`` and ``print(df_p.head())``, then two summary values a user
prints, ``print("MAPE:", df_p["mape"].mean())`` and ``print("RMSE:", df_p["rmse"].mean())``.
420 days make 4 cutoffs (the last at the end less the horizon, each 60 days before the
next, none before 200 days of history).

Printed: ``Importing plotly failed. Interactive plots will not work.`` at import (the
``prophet.plot`` logger's error, through Python's last-resort handler: plotly is not
installed, as a plain ``pip install prophet`` leaves it), cmdstanpy's own handler's lines
on stderr, two a fit, five fits (``21:19:14 - cmdstanpy - INFO - Chain [1] start
processing``, ``... Chain [1] done processing``), the forecast's tail (pandas, 6 decimals;
predictions, no metrics), ``cross_validation``'s tqdm bar over the 4 cutoffs on stderr
(``100%|██████████| 4/4 [00:00<00:00, 12.38it/s]``, its frames glued to cmdstanpy's
lines under a pipe, ``\r`` frames under the terminal), the ``df_p.head()`` table::

      horizon       mse      rmse       mae      mape     mdape     smape  coverage
    0  3 days  0.487690  0.698348  0.546566  0.033912  0.024597  0.034612  0.666667

(five rows, index 0..4, horizons 3 to 7 days, pandas' 6 decimals) and the two summary
lines at full float repr. Prophet's own INFO messages (``Disabling yearly seasonality. Run
prophet with yearly_seasonality=True to override this.``, ``Disabling daily seasonality``,
``Making 4 forecasts with cutoffs between 2022-07-29 00:00:00 and 2023-01-25 00:00:00``)
are logged to the ``prophet`` logger, which sets level INFO but adds no handler, so by
default they are printed nowhere (the last-resort handler shows WARNING and up): they are
not in the output, as a user who configures no logging gets it.

Truth: the DataFrame ``performance_metrics`` returns (Prophet's own record of the
diagnostics; nothing is written to a file), its rows that ``head()`` prints, each column
(``mse``, ``rmse``, ``mae``, ``mape``, ``mdape``, ``smape``, ``coverage``; ``horizon`` is the
axis) a series of 5 values in row order; and ``MAPE`` and ``RMSE``, the means of the whole
``mape`` and ``rmse`` columns (28 rows) as printed. Judgements:
- A horizon row is a point of a series, not a metric of its own: each row is the metric
  over a rolling window of the cross-validation points ending at that horizon (the right
  edge), the same quantity along the horizon axis, as a progress table's rows are the same
  quantities along their steps. docs/metrics.md ("Tables"): a progress table's rows with no
  step column "are recorded in order; a row's position is no step the run printed".
  ``horizon`` (``3 days``, a timedelta) is no step or epoch and pandas' index (0..4) is a
  row's position, so each value is at no step (axis ``None``, ``key: step``); the horizon
  in days is in ``notes``. Names are ``performance_metrics``' columns as printed. The
  horizons are no breakdown over items (motmetrics' sequences, a per-class table's
  classes, whose rows docs/metrics.md leaves as items): they are ordered points of one
  axis, and no row is the whole's value. The parser today leaves the table unread (docs/
  metrics.md, round of ``motmetrics_summary``: "A data frame's numbered rows under an
  indented header stay unread", against the heads of data frames read as metrics); that
  is the parser's rule, not the truth's: the frame is Prophet's record of its metrics.
- Only the printed rows: the record holds 28 (horizons 3..30 days) but ``head()`` prints 5
  and no file keeps the rest, so the truth is the 5 rows the run shows (the record's first
  5). Tolerance half the printed 6th decimal, 5e-7.
- ``MAPE`` and ``RMSE``: the user's summary of the whole record (the mean over all 28
  horizons, so not the printed rows' mean), kept under no key of Prophet's: named as
  printed, one value each at no step; full repr, so no tolerance (the float round trips).
  They differ from ``mape``/``rmse`` by case only and are separate series.
- Not metrics: the cmdstanpy lines (``Chain [1]`` names the sampler's chain), the tqdm
  bar's ``it/s`` (a rate, ``also_ok``) and ``4/4`` (cutoffs done), the forecast's
  ``yhat``/``yhat_lower``/``yhat_upper`` (predictions of the series, its index 445..449
  row positions).
- Determinism: the MAP fit starts from Prophet's fixed init (L-BFGS); the uncertainty
  intervals (hence ``coverage``) draw from numpy's global ``RandomState``, seeded with
  ``np.random.seed(0)``.
"""
# zoo-venv: prophet

from importlib.metadata import version

import numpy as np
import prophet
from _daily_series import daily_series
from _truth import write_truth
from prophet import Prophet
from prophet.diagnostics import cross_validation, performance_metrics

np.random.seed(0)
df = daily_series(420, slope=0.02, noise=0.5)

m = Prophet()
m.fit(df)
future = m.make_future_dataframe(periods=30)
forecast = m.predict(future)
print(forecast[["ds", "yhat", "yhat_lower", "yhat_upper"]].tail())

df_cv = cross_validation(m, initial="200 days", period="60 days", horizon="30 days")
df_p = performance_metrics(df_cv)
print(df_p.head())
mape, rmse = df_p["mape"].mean(), df_p["rmse"].mean()
print("MAPE:", mape)
print("RMSE:", rmse)

names = ["mse", "rmse", "mae", "mape", "mdape", "smape", "coverage"]
assert list(df_p.columns) == ["horizon", *names], df_p.columns
assert df_cv["cutoff"].nunique() == 4, df_cv["cutoff"].unique()
shown = df_p.head()
days = [int(h.days) for h in shown["horizon"]]
assert days == [3, 4, 5, 6, 7], days

truth = {name: {"key": "step", "values": [[None, float(v)] for v in shown[name]],
                "tolerance": 5e-7}
         for name in names}
truth["MAPE"] = {"key": "step", "values": [[None, float(mape)]]}
truth["RMSE"] = {"key": "step", "values": [[None, float(rmse)]]}
write_truth("prophet", f"{prophet.__version__} (cmdstanpy {version('cmdstanpy')})",
            "performance_metrics(df_cv), the DataFrame it returns: the rows df_p.head() prints"
            " (row order, no step), + the printed means of its mape and rmse columns",
            truth, also_ok=["it/s"],
            notes=f"horizons of the printed rows (days): {days}; the record has {len(df_p)} "
                  f"rows; cutoffs: {[str(c) for c in sorted(df_cv['cutoff'].unique())]}")
