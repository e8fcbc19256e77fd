r"""NumPyro 0.22.0 (JAX 0.10.2 on the CPU): stochastic variational inference on a tiny Bayesian
regression with ``SVI.run`` and its default progress bar, then NUTS on the same model, the
flow of NumPyro's "Variationally Inferred Parameterization" notebook (``svi.run(rng_key,
10000)``, then ``MCMC(NUTS(model), num_warmup=1000, num_samples=1000).run(...)`` and
``mcmc.print_summary()``). The model is Model-1 of NumPyro's "Bayesian Regression Using
NumPyro" tutorial (divorce rate on marriage rate: ``a ~ Normal(0, 0.2)``, ``bM ~ Normal(0,
0.5)``, ``sigma ~ Exponential(1)``, ``obs ~ Normal(a + bM * marriage, sigma)``); its WaffleDivorce
CSV (a download) is replaced by 50 synthetic states, standardised as the tutorial's
``MarriageScaled``/``DivorceScaled``, drawn here with a fixed seed. SVI is run as
``SVI.run``'s docstring runs it: ``SVI(model, guide, numpyro.optim.Adam(step_size),
loss=Trace_ELBO())``, ``svi.run(random.key(0), 2000, ...)``, here with the
``AutoNormal`` guide (step size 0.005); MCMC as the regression tutorial runs it
(``random.split(random.key(0))``, ``NUTS(model)``, ``num_warmup=1000``, ``num_samples=2000``,
``mcmc.print_summary()``).

Printed (stderr, tqdm): ``svi.run``'s bar (``tqdm.trange(1, num_steps + 1)``), whose postfix
it sets every ``batch = num_steps // 20`` (100) steps with ``refresh=False`` (one line,
cut here)::

    100%|██████████| 2000/2000 [00:02<00:00, 760.47it/s, init loss: 158.6114,
    avg. loss [1901-2000]: 73.8937]

(``"init loss: {:.4f}, avg. loss [{}-{}]: {:.4f}".format(losses[0], i - batch + 1, i,
avg_loss)``); tqdm draws it only when its 0.1 s ``mininterval`` has passed, so a frame shows
the last window finished before it (``49%| 975/2000 [...] avg. loss [801-900]: 73.8612``)
and which windows show depends on the machine's speed; the first frames (``0/2000``, then
``1/2000`` after JAX's compilation, ``2.42s/it``) have no postfix; the closing frame always
shows the last window. Then MCMC's bar (``fori_collect``), described ``warmup`` then
``sample``: ``sample: 100%|██████████| 3000/3000 [00:06<00:00, 477.78it/s, 3 steps of size
7.82e-01. acc. prob=0.91]``, and on stdout ``print_summary``'s table and its count::

                    mean       std    median      5.0%     95.0%     n_eff     r_hat
             a     -0.00      0.11     -0.00     -0.18      0.19   1891.23      1.00
            bM      0.23      0.14      0.23      0.00      0.45   1814.40      1.00
         sigma      1.00      0.10      0.99      0.84      1.16   1545.55      1.00

    Number of divergences: 0

Truth: ``svi_result.losses``, the loss of every step (``Trace_ELBO``: the negative ELBO
estimate, float32), and the bar's windowed averages computed from it as ``svi.run`` computes
them (numpyro/infer/svi.py: ``avg_loss = sum(losses[i - batch:i]) / batch`` over the
float32 scalars, at ``i % batch == 0``). Judgement calls:
- ``init_loss``: ``losses[0]``, the first step's loss (the ELBO at the initial guide), keyed
  ``step`` 1 (``svi.run`` counts its steps from 1, as the window ``[1-100]`` does). Every
  frame with a postfix prints it again, unchanged: one value.
- ``avg_loss`` (``avg. loss``: an abbreviation's dot is no part of a name, docs/metrics.md's
  ``Acc.:``, statsmodels' ``Adj. R-squared`` -> ``Adj_R-squared``; the bracketed window is
  its range of steps, not part of the name): the mean of the window a drawn frame shows,
  keyed ``step`` by the window's last step ``i`` (the ``b`` of ``[a-b]``). numpyro computes
  20 windows; a frame draws only the newest, at tqdm's pace, so the truth is the windows the
  frames drew, in order, each once (a window drawn by two frames is one value printed
  again): the case notes each frame's counter ``n`` (``tqdm.std.tqdm.display`` wrapped to
  note ``self.n``, printing nothing) and takes window ``(n // batch) * batch``, asserting
  the frame's postfix (tqdm's own attribute) names that window. The values come from
  ``losses``, never from the text. Tolerance 5e-5 for both: ``{:.4f}``.
- MCMC: ``acc. prob`` is ``HMCState.mean_accept_prob``, the sampler's running mean
  acceptance probability (reset when sampling starts), redrawn at tqdm's pace; MCMC keeps it
  nowhere by default (``extra_fields`` would keep the sampling phase's only, never the
  warmup's), so it is no truth metric, ``also_ok`` as ``acc_prob`` (fastText's ``avg.loss``
  likewise). ``N steps of size 7.82e-01`` are the trajectory's leapfrog count and the adapted
  step size (a setting the warmup tunes): no metrics. ``print_summary``'s table is the
  posterior of the parameters (mean, std, median, the 90% interval) and per-parameter
  sampling diagnostics (``n_eff``, ``r_hat``): statistics of fitted parameters, as
  statsmodels' coefficient table is, no metrics (its ``median      5.0%`` header is no pair);
  ``Number of divergences`` is a count.
- ``it/s``, ``s/it``: tqdm's rates, ``also_ok``.
- Repeats: two captures print the same summary table and counts; the bars differ in their
  timings and in which SVI windows their frames draw (each run's truth is its own), and
  JAX's CPU arithmetic may differ in float32's last bits between runs (``losses[0]``
  158.59808 in one capture, 158.59810 in another), well inside the printed ``{:.4f}``.
"""
# zoo-venv: numpyro

import jax
import numpy as np
import numpyro
import numpyro.distributions as dist
import tqdm.std
from _truth import series, write_truth
from jax import random
from numpyro.infer import MCMC, NUTS, SVI, Trace_ELBO
from numpyro.infer.autoguide import AutoNormal

# which frames tqdm draws (its own counter and postfix at each draw); prints nothing
frames: dict[int, list[tuple[int, str]]] = {}
_display = tqdm.std.tqdm.display


def noting_display(self, msg=None, pos=None):
    if msg is None:
        frames.setdefault(id(self), []).append((self.n, self.postfix or ""))
    return _display(self, msg, pos)


tqdm.std.tqdm.display = noting_display

# 50 states, standardised as the tutorial's MarriageScaled / DivorceScaled
rng = np.random.default_rng(0)
marriage_rate = rng.normal(20.0, 3.8, size=50)
divorce_rate = 9.7 + 0.18 * (marriage_rate - 20.0) + rng.normal(0.0, 1.7, size=50)
marriage = (marriage_rate - marriage_rate.mean()) / marriage_rate.std()
divorce = (divorce_rate - divorce_rate.mean()) / divorce_rate.std()


def model(marriage=None, divorce=None):
    a = numpyro.sample("a", dist.Normal(0.0, 0.2))
    M = 0.0
    if marriage is not None:
        bM = numpyro.sample("bM", dist.Normal(0.0, 0.5))
        M = bM * marriage
    sigma = numpyro.sample("sigma", dist.Exponential(1.0))
    mu = a + M
    numpyro.sample("obs", dist.Normal(mu, sigma), obs=divorce)


NUM_STEPS = 2000
guide = AutoNormal(model)
svi = SVI(model, guide, numpyro.optim.Adam(step_size=0.005), loss=Trace_ELBO())
svi_result = svi.run(random.key(0), NUM_STEPS, marriage=marriage, divorce=divorce)
svi_frames = next(iter(frames.values()))

rng_key = random.key(0)
rng_key, rng_key_ = random.split(rng_key)
kernel = NUTS(model)
mcmc = MCMC(kernel, num_warmup=1000, num_samples=2000)
mcmc.run(rng_key_, marriage=marriage, divorce=divorce)
mcmc.print_summary()

# the SVI bar's windows, as svi.run computes them from the float32 losses
losses = list(np.asarray(svi_result.losses))
assert len(losses) == NUM_STEPS and losses[0].dtype == np.float32
batch = max(NUM_STEPS // 20, 1)
windows = {i: sum(losses[i - batch:i]) / batch for i in range(batch, NUM_STEPS + 1, batch)}
drawn: list[int] = []
for n, postfix in svi_frames:
    if not postfix:
        assert n < batch, (n, postfix)
        continue
    end = n // batch * batch
    shown = f"init loss: {losses[0]:.4f}, avg. loss [{end - batch + 1}-{end}]: "
    assert postfix.startswith(shown), (n, postfix)
    if not drawn or drawn[-1] != end:
        drawn.append(end)
assert drawn[-1] == NUM_STEPS, drawn

means = {name: round(float(value.mean()), 4) for name, value in mcmc.get_samples().items()}
write_truth(
    "numpyro", f"{numpyro.__version__} (jax {jax.__version__})",
    "svi_result.losses (each step's Trace_ELBO loss): losses[0] and svi.run's window means "
    "sum(losses[i-batch:i])/batch of the windows the bar's drawn frames show",
    {"init_loss": series([(1, losses[0])], "step", tolerance=5e-5),
     "avg_loss": series([(end, windows[end]) for end in drawn], "step", tolerance=5e-5)},
    also_ok=["acc_prob", "it/s", "s/it"],
    notes=f"SVI bar frames (n, postfix set): {[(n, bool(p)) for n, p in svi_frames]}; "
          f"windows drawn {drawn} of {len(windows)}; last loss {float(losses[-1])}; "
          f"posterior means {means}")
