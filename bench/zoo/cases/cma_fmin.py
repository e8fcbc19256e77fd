"""cma 4.5.0 (pycma, Nikolaus Hansen's CMA-ES): ``xopt, es = cma.fmin2(cma.ff.rosen, 8 * [0.5],
0.3, {'seed': 1, 'maxfevals': 3000})``, the README's ``fmin2`` on its own Rosenbrock function
in 8-D, seeded and with an evaluation budget, at its default verbosity (``verb_disp=100``,
``verb_log=1``: the ``CMADataLogger`` writes ``outcmaes/*.dat`` every iteration). No data at
all. Nothing of the case's own is printed.

What it prints (stdout; ``fmin2``'s ``es.disp()`` an iteration and ``es.result_pretty()`` at
the end): the strategy's banner, the table's header once (``disp_annotation``, again only
every 1000 iterations) and a row at iterations 1, 2, 3, every 100th and the last (``stop()``;
also when a second more than the displays so far has passed since the last row, which never
happens in this well-under-a-second run: the case checks ``es.times_displayed``)::

    (5_w,10)-aCMA-ES (mu_w=3.2,w_1=45%) in dimension 8 (seed=1, Sun Dec  6 22:51:07 2026)
    Iterat #Fevals   function value  axis ratio  sigma  min&max std  t[m:s]
        1     10 6.486205972555268e+01 1.0e+00 2.64e-01  3e-01  3e-01 0:00.0
      ...
      301   3010 3.613077701127157e-08 5.4e+01 2.45e-04  7e-06  2e-04 0:00.3
    termination on {'maxfevals': 3000} (Sun Dec  6 22:51:11 2026)
    final/bestever f-value = 9.102743e-09 9.102743e-09 after 3011/3011 evaluations
    incumbent solution: [0.9999997, 0.99999964, ...]
    std deviations: [8.12480836e-06, 7.28730468e-06, ...]

(each row ends in two spaces). On stderr, once at ``import cma``, its ``UserWarning: Could not
import matplotlib.pyplot, therefore ``cma.plot()`` etc. is not available`` and its source line
(cma does not require matplotlib; the group leaves it out).

Truth: cma's own record, the data logger's files read back with ``cma.CMADataLogger().load()``:
``outcmaes/fit.dat`` (``f``: iteration, evaluation, sigma, axis ratio, bestever, best, median,
worst, ...; one row an iteration) and ``outcmaes/stddev.dat`` (``std``: iteration, evaluation,
sigma, void, void, the coordinates' standard deviations ``sigma * sigma_vec.scaling *
sqrt(diag(C))``; ``load`` appends a copy of the last row, for plot annotations, which the
case drops), both listed in ``files``. ``fmin2`` calls ``es.disp()`` and then ``logger.add()``
on the same state each iteration, so each printed row is the same iteration's logged row.
The series hold the rows of the iterations ``disp`` prints (its rule above, on the logged
iterations; ``es.times_displayed`` must equal their count), keyed ``step`` = ``Iterat``, cma's
``countiter`` (1-based, as printed; 7 points: 1, 2, 3, 100, 200, 300, 301). Judgement calls:
- ``function value`` (``'%.15e' % min(es.fit.fit)``, the iteration's best f, which fit.dat
  keeps as its ``best`` column with ``%.16e``): named as printed, ``function_value`` (cma's own
  ``CMADataLogger.disp`` table heads it ``function value`` too; fit.dat's ``best`` would read
  as a running best, which its ``bestever`` column is). rel_tolerance 1e-15 (16 significant
  digits printed, 17 kept).
- ``axis ratio`` (``'%4.1e' % (D.max() / D.min())``, fit.dat's ``axis ratio``, the same
  quotient): ``axis_ratio``, rel_tolerance 0.05 (two significant digits printed).
- ``sigma`` (``'%6.2e' % es.sigma``, fit.dat's ``sigma``): ``sigma``, rel_tolerance 0.005.
- ``min&max std``: two numbers under one header, ``'%6.0e'`` each of the smallest and largest
  coordinate standard deviation (``sigma * min(sigma_vec * dC**0.5)``, the same values
  stddev.dat logs): named ``minstd`` and ``maxstd``, the keys cma's own ``CMADataLogger.disp``
  heads the same two quantities with (``Iterat Nfevals  function value    axis ratio maxstd
  minstd``); rel_tolerance 0.5 (one significant digit printed: ``3e-01`` stands for 0.25 to
  0.35).
- ``Iterat`` is the step; ``#Fevals`` (``countevals``) is the count of evaluations, a second
  counter, no metric. ``t[m:s]`` is the elapsed time (``0:00.3``): ``also_ok`` as ``t[m:s]``
  and ``t``.
- ``final/bestever f-value = 9.102743e-09 9.102743e-09``: ``es.best.last.f``, the f of the
  final mean (``eval_final_mean``, one evaluation after the loop, hence 3011), and
  ``es.best.f``, the best ever. The case asserts the final mean is the best ever here, so the
  line prints the run's running best (``es.result.fbest``) again, twice: no series of its own
  (README, docs/metrics.md), ``also_ok`` as ``final/bestever_f-value``, ``f-value``,
  ``bestever_f-value`` and ``fbest``. ``after 3011/3011 evaluations`` are counts.
- The banner's ``mu_w=3.2`` (the variance effective selection mass) and ``w_1=45%`` (the
  first recombination weight) are the strategy's settings, ``dimension 8`` and ``seed=1``
  its inputs; ``termination on {'maxfevals': 3000}`` names the stopping rule and its setting;
  ``incumbent solution`` and ``std deviations`` are vectors (the final mean and the
  coordinates' standard deviations, cma's ``result.xfavorite`` and ``result.stds``): none is
  a metric.
- Determinism: the seeded run repeats exactly, pipe and pty alike; only the banner's and the
  termination line's dates, the ``t[m:s]`` times and fit.dat's time column (and its header's
  date) differ run to run.
"""
# zoo-venv: cma

import cma
from _truth import series, write_truth

xopt, es = cma.fmin2(cma.ff.rosen, 8 * [0.5], 0.3, {'seed': 1, 'maxfevals': 3000})

logger = cma.CMADataLogger().load()  # outcmaes/, fmin2's default logger
fit = logger.f
std = logger.std[:-1]  # load appends a copy of the last row (plot annotations)
iterations = [int(row[0]) for row in fit]
assert iterations == list(range(1, es.countiter + 1)), iterations
assert [int(row[0]) for row in std] == iterations
verb_disp = es.opts['verb_disp']
shown = [i for i, it in enumerate(iterations)
         if it < 4 or it % verb_disp == 0 or it == es.countiter]
assert es.times_displayed == len(shown), (es.times_displayed, shown)
# the row's f is the iteration's best, its sigma the step size
assert float(fit[-1][5]) == min(es.fit.fit) and float(fit[-1][2]) == es.sigma
# the closing line: the final mean's f is the best ever, printed twice
assert es.best.last.f == es.best.f == es.result.fbest


def column(rows, index):
    return [(iterations[i], rows[i][index]) for i in shown]


metrics = {
    "function_value": series(column(fit, 5), "step", rel_tolerance=1e-15),
    "axis_ratio": series(column(fit, 3), "step", rel_tolerance=0.05),
    "sigma": series(column(fit, 2), "step", rel_tolerance=0.005),
    "minstd": series([(iterations[i], min(std[i][5:])) for i in shown], "step",
                     rel_tolerance=0.5),
    "maxstd": series([(iterations[i], max(std[i][5:])) for i in shown], "step",
                     rel_tolerance=0.5),
}
write_truth("cma", cma.__version__,
            "CMADataLogger().load() of outcmaes/fit.dat (iteration, sigma, axis ratio, best f) "
            "and outcmaes/stddev.dat (coordinate stds), at the iterations es.disp() prints",
            metrics, files=["outcmaes/fit.dat", "outcmaes/stddev.dat"],
            also_ok=["t[m:s]", "t", "final/bestever_f-value", "f-value", "bestever_f-value",
                     "fbest"],
            notes=f"{es.countiter} iterations, {es.countevals} evaluations; stop "
                  f"{dict(es.stop())}; fbest {es.result.fbest}; xbest {es.result.xbest.tolist()}")
