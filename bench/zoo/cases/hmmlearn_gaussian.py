"""hmmlearn 0.3.3: ``GaussianHMM(n_components=3, n_iter=50, verbose=True, random_state=0)
.fit(X)`` (the default ``covariance_type="diag"``, ``tol=0.01``) on the tutorial's synthetic
sequence: its "Building HMM and generating samples" model (``np.random.seed(42)``, a
3-state ``GaussianHMM(covariance_type="full")`` with the tutorial's ``startprob_``,
``transmat_``, ``means_`` ``[[0, 0], [3, -3], [5, 10]]`` and identity ``covars_``) and
``X, Z = model.sample(100)``: 100 two-dimensional observations. The tutorial's training
section refits it with ``GaussianHMM(n_components=3, covariance_type="full", n_iter=100)``
and reads ``remodel.monitor_`` in the REPL; this case fits with ``verbose=True``, the switch
that makes hmmlearn print its convergence report, and prints nothing of its own (a script
does not echo ``fit``'s return or ``monitor_``). Nothing downloaded; well under a second of
EM (the import of scikit-learn takes the rest).

What it prints (stderr only: ``ConvergenceMonitor.report`` does ``print(message,
file=sys.stderr)``), a line an EM iteration, ``_template = "{iter:>10d} {log_prob:>16.8f}
{delta:>+16.8f}"``, no header and no names::

             1    -571.67276269             +nan
             2    -524.48523792     +47.18752478
           ...
            21    -351.73160892      +0.02521014
            22    -351.72992238      +0.00168654

(22 lines: EM stops once ``delta < tol``, here at iteration 22 of the 50 allowed;
``monitor_.converged`` is true). hmmlearn's ``Model is not converging`` warning (its logger,
when a log probability falls) does not come in this run (the case asserts the history
rises).

Truth: hmmlearn's own record, ``remodel.monitor_``: ``history`` (a ``deque`` without a
``maxlen`` in 0.3.3, so every iteration's log probability, in order, the value ``report``
was given and printed) and ``iter`` (the number of iterations run, 22, asserted to equal the
history's length). Judgement calls (the columns, by ``report``'s own docstring: "iteration
number, log probability of the data at the current iteration and convergence rate. At the
first iteration convergence rate is unknown and is thus denoted by NaN"):
- ``iter``, the first column (``self.iter + 1``, 1-based), is the step: key ``step`` 1..22.
- ``log_prob``, the second: the log likelihood of ``X`` under the parameters the iteration
  starts from (``fit`` computes it in the E-step, ``_compute_lower_bound`` returns it as is
  for a ``BaseHMM``, then runs the M-step and reports it). Named by hmmlearn's own key for it,
  the template's and ``report(log_prob)``'s field name (nothing on the line names it). 22
  points from ``history``; tolerance 5e-9 (``%.8f``, half the last printed digit).
- ``delta``, the third: ``log_prob - history[-1]``, this iteration's log probability minus
  the previous one (the EM improvement; ``converged`` stops the fit once it falls below
  ``tol``). It is no running best and no reprint of ``log_prob`` but a quantity of its own
  printed every iteration, so it is a metric, named by the template's key ``delta``; its
  values are the history's differences, computed as ``report`` computes them (exact in
  float), tolerance 5e-9 (``%+.8f``). Its first point is ``nan`` (printed ``+nan``: no
  previous iteration), as printed, so 22 points like ``log_prob``.
- Nothing is timed; ``n_iter``, ``tol`` and the model's parameters are settings, the fitted
  ``means_``/``covars_``/``transmat_`` are not printed.
- Determinism: the seeded sample and ``random_state=0`` (k-means initialisation of the
  means) repeat exactly, pipe and pty alike; the output has no time or date in it.
"""
# zoo-venv: hmmlearn

import math
from itertools import pairwise

import hmmlearn
import numpy as np
from _truth import series, write_truth
from hmmlearn import hmm

np.random.seed(42)

model = hmm.GaussianHMM(n_components=3, covariance_type="full")
model.startprob_ = np.array([0.6, 0.3, 0.1])
model.transmat_ = np.array([[0.7, 0.2, 0.1],
                            [0.3, 0.5, 0.2],
                            [0.3, 0.3, 0.4]])
model.means_ = np.array([[0.0, 0.0], [3.0, -3.0], [5.0, 10.0]])
model.covars_ = np.tile(np.identity(2), (3, 1, 1))
X, Z = model.sample(100)

remodel = hmm.GaussianHMM(n_components=3, n_iter=50, verbose=True, random_state=0)
remodel.fit(X)

monitor = remodel.monitor_
history = [float(value) for value in monitor.history]
assert len(history) == monitor.iter, (len(history), monitor.iter)
assert all(later >= earlier for earlier, later in pairwise(history)), history
deltas = [math.nan] + [later - earlier for earlier, later in pairwise(history)]
steps = range(1, monitor.iter + 1)
write_truth("hmmlearn", hmmlearn.__version__,
            "remodel.monitor_ (ConvergenceMonitor): history, each EM iteration's log "
            "probability, and iter; delta is history[i] - history[i-1] as report() computes it",
            {"log_prob": series(zip(steps, history, strict=True), "step", tolerance=5e-9),
             "delta": series(zip(steps, deltas, strict=True), "step", tolerance=5e-9)},
            notes=f"{monitor.iter} iterations of n_iter={monitor.n_iter}, tol={monitor.tol}, "
                  f"converged={monitor.converged}; score(X) after fit {remodel.score(X)}")
