"""scikit-learn 1.9.1 with SciPy 1.14.1, three estimators with verbose on, fitted in turn
(each as its docs build it, on the same ``make_classification(n_samples=300,
n_features=20, random_state=0)`` data, inside ``warnings.catch_warnings()`` with
``simplefilter("default")`` so a ConvergenceWarning prints as users see it):
``LogisticRegression(solver="lbfgs", verbose=1, max_iter=50)``, then
``MLPClassifier(solver="lbfgs", verbose=True, max_iter=20, random_state=0)``, then
``SGDClassifier(verbose=1, max_iter=5, random_state=0)``. The case prints nothing of its
own; nothing downloaded; about a second. The main point is SciPy's L-BFGS-B report.

Why SciPy 1.14.1 (the last release with the Fortran L-BFGS-B): from SciPy 1.15 L-BFGS-B is
C and prints nothing (``iprint``/``disp`` are deprecated no-ops), and scikit-learn 1.9.1's
``_get_additional_lbfgs_options_dict`` passes ``iprint`` only for SciPy < 1.15: with the
latest SciPy (1.17.1) both lbfgs fits print nothing at all. With 1.14.1 (numpy 2.2.6, its
``<2.3`` pin) ``LogisticRegression(verbose=1)`` passes ``iprint=50`` and ``MLPClassifier(
verbose=True)`` ``iprint=1``. MLPClassifier's default ``adam`` solver (``Iteration 1, loss
= ...``) and ``early_stopping`` are covered by ``sklearn_verbose``, so the MLP here uses
``solver="lbfgs"``; SGDClassifier is not covered elsewhere.

What it prints. Each lbfgs fit, on stdout through the Fortran runtime (its own buffer,
apart from Python's), one block::

    RUNNING THE L-BFGS-B CODE
               * * *
    Machine precision = 2.220D-16
     N =           21     M =           10
    At X0         0 variables are exactly at the bounds
    At iterate    0    f=  6.93147D-01    |proj g|=  5.17121D-01
    ... (the legend: Tit, Tnf, Tnint, Skip, Nact, Projg, F)
       N    Tit     Tnf  Tnint  Skip  Nact     Projg        F
       21      9     10      1     0     0   6.985D-05   1.777D-01
      F =  0.17768029607273145
    CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL

(blank lines left out; Fortran ``D`` exponents, ``1P,D12.5`` on the iterate lines and
``1P,D10.3`` in the table; the last ``F =`` is list-directed, full precision, ``F =
2.1003659968247456E-004`` for a small value). ``iprint=50`` prints an iterate line at
iterates 0, 50, ...: LogisticRegression converges at iterate 9, so only iterate 0; the MLP
(``N = 2201``) prints every iterate, 0..13 (it converges at 13 of the 20 allowed). Each
block also writes `` This problem is unconstrained.`` on stderr (after ``N = ... M = ...``
on a terminal; under pipes wherever the two streams interleave, run to run). No
ConvergenceWarning from either. Then SGDClassifier, Python ``print``s of
``_plain_sgd``::

    -- Epoch 1
    Norm: 119.76, NNZs: 20, Bias: -6.642496, T: 300, Avg. loss: 9.033855, Objective: 9.804326
    Total training time: 0.00 seconds.

five times (``max_iter=5``; ``"Norm: %.2f, NNZs: %d, Bias: %.6f, T: %d, Avg. loss: %f,
Objective: %f"``), then sklearn's ``ConvergenceWarning: Maximum number of iteration
reached before convergence...`` on stderr.

Truth. L-BFGS-B: SciPy's own iterates through ``minimize``'s callback. The case replaces
``scipy.optimize.minimize`` (both estimators call it by attribute) with a wrapper that
passes a ``callback(intermediate_result)`` and wraps the objective to keep every
evaluation's value and gradient; the callback takes the latest evaluation (L-BFGS-B
evaluates the accepted point last), asserted equal to ``intermediate_result.fun``;
iterate 0 is the first evaluation, at ``x0``. ``|proj g|`` with no bounds is the
gradient's infinity norm (SciPy's ``projgr``). Checked against the ``OptimizeResult``
(``nit``, ``fun``) and the estimators' ``n_iter_`` and ``MLPClassifier.loss_``. SGD:
scikit-learn keeps nothing per epoch (``coef_``, ``intercept_``, ``n_iter_``, ``t_`` only),
so the printed figures are computed the way ``_plain_sgd`` computes them: the case wraps
``_stochastic_gradient._plain_sgd64`` to keep its arguments (the loss object, the seed, the
dataset's rows) and replays the epoch loop of sklearn 1.9.1's ``_sgd_fast.pyx.tp`` for
these settings (hinge loss, L2, ``optimal`` learning rate) with sklearn's own loss object
and a twin ``ArrayDataset64`` shuffled by sklearn's own ``_shuffle_py(seed)``; the replay
must end at the weights, intercept and ``n_iter_`` the real run returned (asserted to 1e-9),
so its per-epoch sums are the run's. Judgement calls:
- ``f`` (the objective at the iterate: LogisticRegression's mean log loss plus its L2 term,
  the MLP's loss) and ``|proj g|`` (the projected gradient's norm) on the iterate lines,
  key ``step`` = the iterate, restarting at 0 for the second solve: 1 point from the
  logistic regression (iterate 0), 14 from the MLP. ``f`` is SciPy's name (the
  Fortran's ``f``); ``|proj g|`` is named ``proj_g``: its words joined with ``_``, the
  norm bars being notation, not part of a key (the legend's ``Projg`` is the table's
  column, below). ``rel_tolerance`` 5e-6 (six significant digits).
- The closing table is one row per solve. ``Projg`` ("norm of the final projected
  gradient") and ``F`` ("final function value"), the legend's names, are metrics: one
  point per solve at the final iterate (``Tit``: 9 and 13), as the table and the
  full-precision ``F =`` line below it report the same value (one observation, not two).
  For the logistic regression this is the only print of its final objective; for the MLP
  it repeats the last iterate line's values. ``rel_tolerance`` 5e-4 (the table's four
  digits; the ``F =`` line is exact). ``N`` (variables), ``Tit`` (iterations: the row's
  step), ``Tnf``, ``Tnint``, ``Skip``, ``Nact`` are counts; ``Machine precision``, ``N =``,
  ``M =`` and ``At X0 0 variables`` are settings and counts; ``At iterate`` is the step.
  None of these is a metric.
- SGD, key ``epoch`` (``-- Epoch N``), 5 points each: ``Norm`` (the weight vector's L2
  norm, ``%.2f``, tolerance 5e-3), ``Bias`` (the intercept, ``%.6f``, 5e-7) and
  ``Objective`` (the mean of loss plus ``alpha * 0.5 * ||w||**2`` over the epoch's samples,
  ``%f``, 5e-7) as printed; ``Avg. loss`` (the mean hinge loss over the epoch, each sample's
  loss taken before its update, ``%f``, 5e-7) named ``Avg_loss``, the printed words joined
  with ``_`` (sklearn keeps no key). ``Norm`` and ``Bias`` are the fit's state after the
  epoch rather than a score, but printed every epoch as its diagnostics (as CRFsuite's
  ``feature_norm``), so they are kept. ``NNZs`` (non-zero weights) and ``T`` (samples seen
  so far, ``epoch * 300``) are counts: no metric.
- ``Total training time: 0.00 seconds.`` is timing: ``also_ok`` as ``Total_training_time``.
- Determinism: seeded data and estimators, one thread; only the SGD timings vary run to run.
"""
# zoo-venv: sklogreg

import math
import warnings

import numpy as np
import scipy
import scipy.optimize
import sklearn
import sklearn.linear_model._stochastic_gradient as sgd_module
from _truth import series, write_truth
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.neural_network import MLPClassifier
from sklearn.utils._seq_dataset import ArrayDataset64

# The record of L-BFGS-B: scipy's own iterates, through minimize's callback. Each solve's
# objective is wrapped to keep every evaluation (f and the gradient's infinity norm, which
# is |proj g| when there are no bounds: scipy's projgr); L-BFGS-B evaluates the accepted
# point last before it reports an iterate, so the callback takes the latest evaluation
# (asserted equal to the callback's own intermediate_result.fun). Nothing is printed.
solves: list[dict] = []
_minimize = scipy.optimize.minimize


def _recording_minimize(fun, x0, args=(), method=None, jac=None, callback=None, **kwargs):
    assert method == "L-BFGS-B" and jac is True and callback is None, (method, jac, callback)
    evaluations: list[tuple[float, float]] = []
    iterates: list[tuple[float, float]] = []

    def _fun(x, *fargs):
        value, grad = fun(x, *fargs)
        evaluations.append((float(value), float(np.max(np.abs(grad)))))
        return value, grad

    def _callback(intermediate_result):
        assert float(intermediate_result.fun) == evaluations[-1][0], (
            intermediate_result.fun, evaluations[-1])
        iterates.append(evaluations[-1])

    result = _minimize(_fun, x0, args=args, method=method, jac=True, callback=_callback,
                       **kwargs)
    solves.append({"evaluations": evaluations, "iterates": iterates, "result": result,
                   "iprint": kwargs.get("options", {}).get("iprint")})
    return result


scipy.optimize.minimize = _recording_minimize

# The record of SGD: what fit_binary hands _plain_sgd64 (the loss object, the seed, the
# dataset's rows in their order before the first shuffle) and what it returns.
SGD_ARGS = ("weights", "intercept", "average_weights", "average_intercept", "loss",
            "penalty_type", "alpha", "l1_ratio", "dataset", "validation_mask",
            "early_stopping", "validation_score_cb", "n_iter_no_change", "max_iter", "tol",
            "fit_intercept", "verbose", "shuffle", "seed", "weight_pos", "weight_neg",
            "learning_rate", "eta0", "power_t", "one_class", "t", "intercept_decay",
            "average")
sgd_calls: list[dict] = []
_plain_sgd64 = sgd_module._plain_sgd64


def _recording_plain_sgd64(*args):
    call = dict(zip(SGD_ARGS, args, strict=True))
    dataset = call["dataset"]
    n_samples = len(call["validation_mask"])
    rows = [dataset._sample_py(i) for i in range(n_samples)]
    call["X"] = np.array([row[0][0] for row in rows])
    call["y"] = np.array([row[1] for row in rows])
    call["sample_weight"] = np.array([row[2] for row in rows])
    assert [row[3] for row in rows] == list(range(n_samples))
    call["weights0"] = np.array(call["weights"], copy=True)
    call["returned"] = _plain_sgd64(*args)
    sgd_calls.append(call)
    return call["returned"]


sgd_module._plain_sgd64 = _recording_plain_sgd64


def replay_sgd(call: dict) -> list[dict]:
    """_plain_sgd's epoch loop as sklearn 1.9.1's _sgd_fast.pyx.tp runs it, for the case's
    settings (dense data, L2 penalty, 'optimal' learning rate, no averaging, no early
    stopping), on a twin of its dataset shuffled by sklearn's own ArrayDataset64 with the
    same seed and with its own loss object: each epoch's printed figures."""
    assert call["penalty_type"] == 2 and call["learning_rate"] == 2, call
    assert not call["average"] and not call["early_stopping"] and not call["one_class"]
    loss, alpha = call["loss"], call["alpha"]
    l1_ratio = 0.0  # penalty_type == L2
    w = call["weights0"].astype(np.float64).copy()
    intercept, t = float(call["intercept"]), float(call["t"])
    n_samples = len(call["y"])
    twin = ArrayDataset64(np.ascontiguousarray(call["X"]), call["y"], call["sample_weight"],
                          seed=1)
    typw = math.sqrt(1.0 / math.sqrt(alpha))
    initial_eta0 = typw / max(1.0, loss.py_dloss(-typw, 1.0))
    optimal_init = 1.0 / (initial_eta0 * alpha)
    count, no_improvement, best_objective = 0, 0, math.inf
    epochs = []
    for epoch in range(call["max_iter"]):
        sumloss = objective_sum = 0.0
        if call["shuffle"]:
            twin._shuffle_py(call["seed"])
        for _ in range(n_samples):
            (x, _, _), y, sample_weight, _ = twin._next_py()
            p = float(np.dot(w, x)) + intercept
            eta = 1.0 / (alpha * (optimal_init + t - 1))
            value = loss.py_loss(p, y)
            sumloss += value
            objective_sum += value + alpha * ((1 - l1_ratio) * 0.5 * float(w @ w))
            class_weight = call["weight_pos"] if y > 0.0 else call["weight_neg"]
            dloss = min(max(loss.py_dloss(p, y), -1e12), 1e12)
            update = -eta * dloss * class_weight * sample_weight
            w *= max(0.0, 1.0 - (1.0 - l1_ratio) * eta * alpha)
            if update != 0.0:
                w += update * x
            if call["fit_intercept"] == 1 and update != 0:
                intercept += update * call["intercept_decay"]
            t += 1
            count += 1
        epochs.append({"epoch": epoch + 1, "Norm": float(np.linalg.norm(w)),
                       "NNZs": int(np.count_nonzero(w)), "Bias": intercept, "T": count,
                       "Avg. loss": sumloss / n_samples,
                       "Objective": objective_sum / n_samples})
        objective = objective_sum / n_samples
        no_improvement = no_improvement + 1 if objective > best_objective - call["tol"] else 0
        best_objective = min(best_objective, objective)
        if no_improvement >= call["n_iter_no_change"]:
            break
    weights, final_intercept, _, _, n_iter = call["returned"]
    assert n_iter == len(epochs), (n_iter, len(epochs))
    assert np.allclose(w, weights, rtol=1e-9, atol=1e-12), (w, weights)
    assert math.isclose(intercept, final_intercept, rel_tol=1e-9), (intercept, final_intercept)
    return epochs


X, y = make_classification(n_samples=300, n_features=20, random_state=0)

with warnings.catch_warnings():
    warnings.simplefilter("default")  # ConvergenceWarnings print as users see them
    logreg = LogisticRegression(solver="lbfgs", verbose=1, max_iter=50).fit(X, y)
    mlp = MLPClassifier(solver="lbfgs", verbose=True, max_iter=20, random_state=0).fit(X, y)
    sgd = SGDClassifier(verbose=1, max_iter=5, random_state=0).fit(X, y)

scipy.optimize.minimize = _minimize
sgd_module._plain_sgd64 = _plain_sgd64

# --- truth -------------------------------------------------------------------------------
assert len(solves) == 2 and len(sgd_calls) == 1, (len(solves), len(sgd_calls))
assert logreg.n_iter_[0] == solves[0]["result"].nit, (logreg.n_iter_, solves[0]["result"].nit)
assert mlp.n_iter_ == solves[1]["result"].nit and mlp.loss_ == solves[1]["result"].fun
f_points, projg_points, final_f, final_projg = [], [], [], []
for solve in solves:
    # iterate 0 is the first evaluation (x0); then one point an iteration
    points = [solve["evaluations"][0], *solve["iterates"]]
    result = solve["result"]
    assert len(solve["iterates"]) == result.nit
    assert points[-1][0] == float(result.fun), (points[-1], result.fun)
    every = solve["iprint"]  # sklearn's: 50 for LogisticRegression(verbose=1), 1 for MLP
    for iterate, (f_value, projg) in enumerate(points):
        if iterate % every == 0:
            f_points.append((iterate, f_value))
            projg_points.append((iterate, projg))
    final_f.append((result.nit, float(result.fun)))
    final_projg.append((result.nit, points[-1][1]))

epochs = replay_sgd(sgd_calls[0])
assert sgd.n_iter_ == len(epochs) and sgd.t_ == 1 + epochs[-1]["T"], (sgd.n_iter_, sgd.t_)

write_truth(
    "scikit-learn", sklearn.__version__,
    f"L-BFGS-B (SciPy {scipy.__version__}): each iterate's f and |proj g| from "
    "scipy.optimize.minimize's callback (the iterate's own evaluation; iterate 0 at x0), "
    "the final ones from the OptimizeResult; SGDClassifier: _plain_sgd's per-epoch figures "
    "replayed from the arguments it was called with, checked against the weights, intercept "
    "and n_iter_ it returned",
    {
        "f": series(f_points, "step", rel_tolerance=5e-6),
        "proj_g": series(projg_points, "step", rel_tolerance=5e-6),
        "Projg": series(final_projg, "step", rel_tolerance=5e-4),
        "F": series(final_f, "step", rel_tolerance=5e-4),
        "Norm": series([(e["epoch"], e["Norm"]) for e in epochs], "epoch", tolerance=5e-3),
        "Bias": series([(e["epoch"], e["Bias"]) for e in epochs], "epoch", tolerance=5e-7),
        "Avg_loss": series([(e["epoch"], e["Avg. loss"]) for e in epochs], "epoch",
                           tolerance=5e-7),
        "Objective": series([(e["epoch"], e["Objective"]) for e in epochs], "epoch",
                            tolerance=5e-7),
    },
    also_ok=["Total_training_time"],
    notes=f"LogisticRegression n_iter_ {int(logreg.n_iter_[0])} (iprint "
          f"{solves[0]['iprint']}), MLPClassifier n_iter_ {mlp.n_iter_} (iprint "
          f"{solves[1]['iprint']}), loss_ {mlp.loss_}; unprinted LogisticRegression "
          f"iterates (f, |proj g|): {solves[0]['iterates']}; SGDClassifier n_iter_ "
          f"{sgd.n_iter_}, t_ {sgd.t_}, NNZs/T per epoch "
          f"{[(e['NNZs'], e['T']) for e in epochs]}",
)
