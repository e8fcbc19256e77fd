"""scikit-learn 1.9.1: ``GaussianMixture(n_components=3, verbose=2, verbose_interval=1,
random_state=0, n_init=2).fit(X)`` (defaults otherwise: ``covariance_type="full"``,
``tol=1e-3``, ``max_iter=100``, k-means initialisation) on scikit-learn's own synthetic
blobs, ``make_blobs(n_samples=300, centers=3, n_features=2, cluster_std=1.5,
random_state=0)``. Nothing downloaded; the EM takes milliseconds (importing scikit-learn
takes the rest). The case prints nothing of its own. ``verbose=2`` is the documented
switch that makes the mixture models print their EM progress (``verbose_interval``: every
how many iterations). ``BayesianGaussianMixture`` is left out: it inherits the same three
``_print_verbose_msg_*`` methods of ``BaseMixture`` and prints the same lines (only its
lower bound is the variational ELBO, e.g. ``lower bound -771.33383.``), so it adds no form.

What it prints (stdout, ``BaseMixture``'s ``print``s; ``\\t`` is a tab)::

    Initialization 0
      Iteration 1\\t time lapse 0.05319s\\t ll change inf
      Iteration 2\\t time lapse 0.00055s\\t ll change 0.02110
      ...
      Iteration 5\\t time lapse 0.00061s\\t ll change 0.00098
    Initialization converged. time lapse 0.06377s\\t lower bound -4.25975.
    Initialization 1
      Iteration 1\\t time lapse 0.01554s\\t ll change inf
      ...
      Iteration 5\\t time lapse 0.00059s\\t ll change 0.00094
    Initialization converged. time lapse 0.01792s\\t lower bound -4.25956.

(``"  Iteration %d\\t time lapse %.5fs\\t ll change %.5f"`` an EM iteration, then
``f"Initialization {converged_msg}. time lapse {t:.5f}s\\t lower bound {lb:.5f}."``; both
initialisations converge after 5 iterations, so no ``ConvergenceWarning``. The 1.9.1
wording is ``Initialization converged.`` and ``lower bound``, where older releases
printed ``Initialization converged: True\\t time lapse ...s\\t ll -3.2``.)

Truth: scikit-learn's own lower bound of every EM iteration, the value
``GaussianMixture._compute_lower_bound`` returns to ``fit_predict`` (for a
``GaussianMixture`` the mean log-likelihood per sample, ``log_prob_norm``), recorded by
wrapping that method and ``_print_verbose_msg_init_beg`` on the instance (each wrapper
calls the original and returns what it returns; nothing printed changes), grouped by
initialisation. The estimator itself keeps only the best initialisation's:
``lower_bounds_``, ``lower_bound_`` and ``n_iter_``; the case asserts the wrapped record of
the best initialisation equals them. Judgement calls:
- ``ll change`` is ``change = lower_bound - prev_lower_bound`` in ``fit_predict`` (the
  EM improvement the ``tol`` test reads), its first value ``inf`` (``prev_lower_bound``
  starts at ``-inf`` for a fresh initialisation), printed every iteration: a difference,
  but no running best and no reprint of a printed value (the bounds themselves are not
  printed per iteration), so a metric of its own, as hmmlearn's ``delta`` is
  (``hmmlearn_gaussian``). scikit-learn keeps no key for it (a local ``change``, the
  parameter ``diff_ll``), so it is named by the printed words: ``ll_change``. 10 points,
  key ``step`` = the printed iteration, 1..5 for each initialisation in turn (the step
  restarts), the ``inf`` points as printed; values computed as ``fit_predict`` computes
  them (exact in float), tolerance 5e-6 (``%.5f``).
- ``lower bound`` at the end of each initialisation is that initialisation's final EM
  lower bound (its last iteration's): named ``lower_bound``, scikit-learn's own key
  (``lower_bound_``) and the printed words alike; 2 points, key ``step`` = the
  initialisation's last iteration (5, 5), tolerance 5e-6 (``%.5f``; the trailing ``.``
  ends the sentence). ``lower_bound_`` is the larger of the two (the second here), the
  chosen initialisation's, not printed again: no point of its own. The per-iteration
  bounds (never printed) are in ``notes``.
- ``time lapse`` is timing: per iteration (seconds since the last report) and per
  initialisation (seconds since ``Initialization N``). ``also_ok`` as ``time_lapse`` (the
  printed words, both lines).
- ``Initialization 0``/``1`` and ``Iteration N`` are counters (the initialisation index
  and the step); ``converged``/``did not converge`` is a flag.
- Determinism: seeded blobs and ``random_state=0`` repeat the EM exactly, pipe and pty
  alike; only the ``time lapse`` values differ run to run.
"""
# zoo-venv: sklgmm

import math

import sklearn
from _truth import series, write_truth
from sklearn.datasets import make_blobs
from sklearn.mixture import GaussianMixture

X, _ = make_blobs(n_samples=300, centers=3, n_features=2, cluster_std=1.5, random_state=0)

gm = GaussianMixture(n_components=3, verbose=2, verbose_interval=1, random_state=0, n_init=2)

# The record: scikit-learn's own lower bound of each EM iteration, as fit_predict gets it
# from _compute_lower_bound, grouped by initialisation (both wrappers return what the
# originals return and print nothing of their own).
runs: list[list[float]] = []
init_beg = gm._print_verbose_msg_init_beg
compute_lower_bound = gm._compute_lower_bound


def _init_beg(n_init):
    runs.append([])
    return init_beg(n_init)


def _lower_bound(*args, **kwargs):
    value = compute_lower_bound(*args, **kwargs)
    runs[-1].append(float(value))
    return value


gm._print_verbose_msg_init_beg = _init_beg
gm._compute_lower_bound = _lower_bound
gm.fit(X)

assert len(runs) == gm.n_init, runs
# the best initialisation's bounds are the estimator's lower_bounds_, its last lower_bound_
best = max(runs, key=lambda bounds: bounds[-1])
assert best == [float(v) for v in gm.lower_bounds_], (best, gm.lower_bounds_)
assert best[-1] == float(gm.lower_bound_) and len(best) == gm.n_iter_, (best, gm.lower_bound_)

changes, finals = [], []
for bounds in runs:
    previous = -math.inf  # fit_predict's lower_bound before a fresh initialisation's iteration 1
    for n_iter, bound in enumerate(bounds, start=1):
        changes.append((n_iter, bound - previous))
        previous = bound
    finals.append((len(bounds), bounds[-1]))

write_truth("scikit-learn", sklearn.__version__,
            "GaussianMixture's own EM lower bounds, the values _compute_lower_bound returned "
            "to fit_predict (wrapped on the instance), per initialisation; ll change is "
            "lower_bound - prev_lower_bound as fit_predict computes it (-inf before "
            "iteration 1); checked against lower_bounds_, lower_bound_ and n_iter_",
            {"ll_change": series(changes, "step", tolerance=5e-6),
             "lower_bound": series(finals, "step", tolerance=5e-6)},
            also_ok=["time_lapse"],
            notes=f"lower bounds per EM iteration, per initialisation: {runs}; "
                  f"lower_bound_ {float(gm.lower_bound_)}, n_iter_ {gm.n_iter_}, "
                  f"converged_ {gm.converged_}")
