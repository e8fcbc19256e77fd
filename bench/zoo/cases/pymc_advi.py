r"""PyMC 5.28.5 (on PyTensor 2.38.3, its C backend compiled with the machine's g++; CPU):
automatic differentiation variational inference with ``pm.fit(n=3000, method="advi")`` and
its default progress bar, then a short NUTS run, ``pm.sample(draws=200, tune=200, chains=2,
cores=1, random_seed=0)``. The model and data are those of PyMC's "Introductory Overview of
PyMC" quick start (its Bayesian linear regression, ``basic_model``: ``alpha ~ Normal(0, 10)``,
``beta ~ Normal(0, 10, shape=2)``, ``sigma ~ HalfNormal(1)``, ``Y_obs ~ Normal(alpha +
beta[0] * X1 + beta[1] * X2, sigma)``, 100 synthetic points from ``alpha, sigma = 1, 1``,
``beta = [1, 2.5]``, ``RANDOM_SEED = 8927``), except that ``X1`` and ``X2`` are drawn from
the seeded ``rng`` (the overview draws them from the unseeded ``np.random.randn``). The fit
runs as the "Variational API quickstart" runs it (``with model: mean_field =
pm.fit(method="advi")``), here with ``n=3000`` and ``random_seed=RANDOM_SEED`` for a
repeatable run. Nothing downloaded; a few seconds once PyTensor's compile cache
(``~/.pytensor``) is warm (the first run compiles for about a minute, printing nothing).

Printed: the ADVI bar (rich, on stdout: ``CustomProgress`` with rich's default columns and a
``TextColumn("{task.fields[loss]}")``), its frames redrawn at rich's 10 per second on a
terminal; under a pipe rich draws only the final frame, when the bar stops::

    Fitting: ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 100% 0:00:00 Average Loss = 253.41

then on stderr PyMC's logger: ``Finished [100%]: Average Loss = 253.39``, ``Initializing
NUTS using jitter+adapt_diag...``, ``Sequential sampling (2 chains in 1 job)``, ``NUTS:
[alpha, beta, sigma]``, a NumPy ``RuntimeWarning: overflow encountered in dot`` from the
quadpotential during tuning, the sampling bar (a rich table on stderr, ``Console(file=stderr)``,
one row a chain: ``Progress  Draw  Divergences  Step size  Grad evals  Speed  Elapsed
Remaining``, its headers wrapped and cut at a pipe's 80 columns, redrawn at 10 per second
on a terminal), ``Sampling 2 chains for 200 tune and 200 draw iterations (400 + 400 draws
total) took 1 seconds.``, ``We recommend running at least 4 chains for robust computation of
convergence diagnostics`` and an r-hat warning. ArviZ warns (``FutureWarning``, its "major
refactor" notice) once a day per user cache, so a capture may or may not begin with it.

Truth: ``approx.hist``, the loss of every ADVI iteration as PyMC keeps it
(``Inference._iterate_with_loss`` fills ``scores[i] = e``, the step function's negative
ELBO estimate, and ``fit`` hands ``self.hist`` to the approximation), and the averages the
bar and the closing log line compute from it (pymc/variational/inference.py). Judgement
calls:
- ``Average_Loss`` (the printed words, spaced; exptrack joins them): every 10th iteration
  (``i % 10 == 0``, 0-based) the bar's field is set to ``f"Average Loss =
  {avg_loss:,.5g}"`` with ``avg_loss = scores[max(0, i - 1000) : i + 1].mean()`` (the
  running mean of the last up-to-1001 losses; the ``_infmean`` value set just before it is
  overwritten at once); rich draws it at its own pace, so a frame shows the newest such mean
  and which ones show depends on the machine's speed (the refresh thread renders the
  task while the loop goes on, so a frame's field may lag its ``completed`` count). The case
  notes, for each frame rich actually writes (``rich.live.Live.refresh`` wrapped, under the
  Live's lock: every refresh on a terminal, only the stopped bar's final one otherwise), the
  ``loss`` field and ``completed`` count the frame's ``TextColumn("{task.fields[loss]}")``
  rendered (``TextColumn.render`` wrapped; rich's own state, nothing printed), finds the
  iteration ``i`` whose mean it is (the newest multiple of 10 below ``completed`` or, for a
  lagging field, one of the four before it, whichever's mean formats as the field shows)
  and takes that mean from ``approx.hist``; each mean drawn counts once
  (a redraw of the same field is the value printed again), keyed ``step`` ``i + 1`` (the
  iterations done). Then ``Finished [100%]: Average Loss = ...``: the last 1001 losses' mean
  (``_infmean(scores[max(0, i - 1000) : i + 1])`` at ``i = n - 1``), step ``n`` = 3000. The
  values come from ``approx.hist``, never from the text; ``rel_tolerance`` 5e-5 (five
  significant digits).
- Sampling: nothing. ``Draw`` and ``Grad evals`` are counts, ``Divergences`` a count,
  ``Step size`` the adapted setting, ``Speed`` (``draws/s``) a throughput,
  ``Elapsed``/``Remaining`` and ``took 1 seconds`` times, and the summary line's numbers are
  the run's settings; the posterior is not printed. Timings and throughputs go in
  ``also_ok`` where exptrack names them.
- Repeats: the losses are the same bit for bit in every run (seeded fit, float64); the
  frames a terminal draws, and so the truth under a pty, differ with the machine's pace;
  the sampling table's speeds differ.
"""
# zoo-venv: pymc

import numpy as np
import pymc as pm
import pytensor
import rich.live
import rich.progress
from _truth import series, write_truth

# which ADVI frames rich writes (the task's own counter and loss field as the frame renders
# them); prints nothing
frames: list[tuple[int, str]] = []
rendered: list[tuple[int, str]] = []
_render = rich.progress.TextColumn.render
_refresh = rich.live.Live.refresh


def noting_render(self, task):
    text = _render(self, task)
    if self.text_format == "{task.fields[loss]}":
        rendered.append((int(task.completed), text.plain))
    return text


def noting_refresh(self):
    with self._lock:
        console = self.console
        writes = not self._nested and (
            (console.is_terminal and not console.is_dumb_terminal)
            or (not self._started and not self.transient))
        rendered.clear()
        _refresh(self)
        if writes:
            frames.extend(rendered)


rich.progress.TextColumn.render = noting_render
rich.live.Live.refresh = noting_refresh

RANDOM_SEED = 8927
rng = np.random.default_rng(RANDOM_SEED)

# True parameter values
alpha, sigma = 1, 1
beta = [1, 2.5]

# Size of dataset
size = 100

# Predictor variable
X1 = rng.normal(size=size)
X2 = rng.normal(size=size) * 0.2

# Simulate outcome variable
Y = alpha + beta[0] * X1 + beta[1] * X2 + rng.normal(size=size) * sigma

basic_model = pm.Model()

with basic_model:
    # Priors for unknown model parameters
    alpha = pm.Normal("alpha", mu=0, sigma=10)
    beta = pm.Normal("beta", mu=0, sigma=10, shape=2)
    sigma = pm.HalfNormal("sigma", sigma=1)

    # Expected value of outcome
    mu = alpha + beta[0] * X1 + beta[1] * X2

    # Likelihood (sampling distribution) of observations
    Y_obs = pm.Normal("Y_obs", mu=mu, sigma=sigma, observed=Y)

N = 3000
with basic_model:
    approx = pm.fit(n=N, method="advi", random_seed=RANDOM_SEED)
    idata = pm.sample(draws=200, tune=200, chains=2, cores=1, random_seed=0)

# the bar's running means and the closing line's, as _iterate_with_loss computes them
hist = np.asarray(approx.hist)
assert hist.shape == (N,) and np.isfinite(hist).all(), hist.shape


def bar_mean(i):
    return hist[max(0, i - 1000):i + 1].mean()


drawn: list[int] = []
for completed, shown in frames:
    if not shown:
        assert completed <= 1, (completed, shown)
        continue
    newest = (completed - 1) // 10 * 10
    i = next(i for i in range(newest, max(newest - 50, -1), -10)
             if shown == f"Average Loss = {bar_mean(i):,.5g}")
    if not drawn or drawn[-1] != i:
        drawn.append(i)
assert drawn and drawn[-1] == N - 10, (drawn, frames[-3:])
last = hist[max(0, N - 1 - 1000):N]
finished = float(last[np.isfinite(last)].mean())
average = [(i + 1, bar_mean(i)) for i in drawn] + [(N, finished)]

write_truth(
    "pymc", f"{pm.__version__} (pytensor {pytensor.__version__})",
    "approx.hist (each ADVI iteration's loss, the negative ELBO estimate): the bar's running "
    "means hist[max(0, i-1000):i+1].mean() at the iterations i its drawn frames show, then "
    "the Finished line's mean of the last 1001",
    {"Average_Loss": series(average, "step", rel_tolerance=5e-5)},
    also_ok=["Speed", "Elapsed", "Remaining"],
    notes=f"{len(frames)} ADVI frames written, {len(drawn)} distinct means; hist[0] "
          f"{hist[0]}, hist[-1] {hist[-1]}; NUTS divergences "
          f"{int(idata.sample_stats['diverging'].sum())}, sampling_time "
          f"{idata.sample_stats.attrs.get('sampling_time')}")
