"""LIBLINEAR 2.50 through its official Python binding (``liblinear-official`` 2.50.0, ctypes
over the C++ library), as the binding's README "Quick Start" runs it: ``from
liblinear.liblinearutil import *``, ``y, x = svm_read_problem('heart_scale')``, ``m =
train(y[:200], x[:200], ...)``, ``pred_labels, pred_metrics, pred_values = predict(y[200:],
x[200:], m)``. Here three trainings on the first 200 rows: ``'-s 0 -c 1'`` (L2-regularised
logistic regression, primal, LIBLINEAR's trust-region-free Newton method with
preconditioned CG and a backtracking line search, ``newton.cpp``) with ``predict`` on the
last 100; ``'-s 2 -c 1'`` (L2-regularised L2-loss SVC, primal, the same Newton solver) with
``predict``; and ``'-s 0 -c 1 -v 5'``, the 5-fold cross-validation ``train``'s ``-v n``
option runs (README: "the returned model is just a scalar: cross-validation accuracy"; the
README's own example is ``CV_ACC = train(y, x, '-v 3')``; the case keeps the first model's
solver and C, the usual way to estimate it). No bias term (the default ``-B -1``), default
``-e`` (0.01). The data file is the case's own, in LIBSVM's sparse format like the README's
``heart_scale``: 300 rows of 13 features uniform in [-1, 1] (``numpy.random.default_rng(0)``),
labels +1/-1 from a random linear rule plus unit Gaussian noise (not separable). Nothing
downloaded; a second of work.

What it prints (stdout only: the Newton solver's ``info``, whose default print function is
``fputs`` + ``fflush`` on stdout, and the binding's Python ``print``s; in order under a pipe
too, as ``track run`` sets ``PYTHONUNBUFFERED``), for each training (and each fold)::

    init f 1.386e+02 |g| 4.280e+01
    iter  1 f 7.767e+01 |g| 1.136e+01 CG   2 step_size 1.00e+00
    ...
    iter  4 f 6.630e+01 |g| 8.497e-03 CG   3 step_size 1.00e+00
    Accuracy = 92% (92/100) (classification)

(``newton.cpp``: ``"init f %5.3e |g| %5.3e\\n"`` once at the start point w = 0, then ``"iter
%2d f %5.3e |g| %5.3e CG %3d step_size %4.2e \\n"`` an accepted Newton step, with a trailing
space; the last line is ``predict``'s ``"Accuracy = %g%% (%d/%d) (classification)"``). The
cross-validation prints the init/iter block of each of its five folds and then
``Cross Validation Accuracy = 86%`` (``%g%%``). No warning line comes in this run (no line
search fails, no CG step limit), asserted below through the replay.

Truth. The binding's return values for the accuracies: ``predict``'s ``pred_metrics[0]``
(``ACC``, percent) for each model, and the value ``train(..., '-v 5')`` returns. For the
Newton lines LIBLINEAR keeps no record: ``newton()`` prints ``f`` and ``|g|`` and keeps
neither, the binding's ``model`` holds only ``w`` (``get_decfun``), the labels and the
parameters, and ``cross_validation`` frees its fold models. So the truth of ``f`` and
``|g|`` is a REPLAY, not a record: the case re-runs LIBLINEAR's algorithm in numpy, line by
line as ``newton.cpp`` (``newton``, ``pcg`` with ``eps_cg`` 0.5) and ``linear.cpp``
(``l2r_lr_fun``/``l2r_l2_svc_fun``: ``fun``, ``grad``, ``Hv``, ``get_diag_preconditioner``,
``l2r_erm_fun::linesearch_and_update``, ``train_one``'s stopping tolerance ``eps *
max(min(pos, neg), 1) / l``, ``group_classes``: the +1 labels are the positive class) write it,
from w = 0, on the same rows, and takes each iteration's ``f`` (the primal objective ``0.5
w'w + C sum loss_i``) and ``|g|`` (the 2-norm of its gradient). It is anchored to the library's
own record: for the two trained models, the replay's final ``w`` must equal the model's
``get_decfun()`` weights (relative 1e-9; it is the printed last iterate) and ``f`` recomputed
from the MODEL's weights with the same formula must equal the replay's last ``f``; the five
folds are rebuilt as ``cross_validation`` draws them (C's ``rand()``, which LIBLINEAR never
seeds: glibc's default seed 1, replayed after the fact through ``srand(1)``), each fold trained
again by the library (``'-q'``, after all the printed output) whose weights must equal the
fold replay's, and the folds' predictions must give the exact accuracy ``-v 5`` returned.
Judgement calls:
- ``f`` and ``|g|``: named as printed (``|g|`` keeps its bars: LIBLINEAR's only name for
  the gradient norm), a point per printed line in print order: the ``init`` line is the
  objective at the start point, step 0 (the same quantity on the same solver's line, before
  the first step; not a metric ``init_f`` of its own), then the ``iter`` lines at steps 1..k.
  The step restarts at 0 with each training and each fold (7 solver runs, 34 points
  here), as printed; one pooled series per name. Tolerance: ``%5.3e`` prints 4 significant
  digits, ``rel_tolerance`` 5e-4 (half the last digit of a mantissa >= 1).
- ``Accuracy``: ``pred_metrics[0]`` of each ``predict``, two values at no step, named as
  printed (as in ``libsvm_train``); the ``(92/100)`` is its count, ``(classification)`` a
  label. ``%g``: ``rel_tolerance`` 5e-6 (92 prints exactly).
- ``Cross_Validation_Accuracy``: the value ``-v 5`` returns, no key of its own; named by the
  phrase rule as in ``libsvm_train`` ("Validation" inside the phrase is no phase prefix).
  One value at no step, ``%g``: ``rel_tolerance`` 5e-6.
- ``step_size``: the line search's accepted step (1 unless the Armijo test halves it): a
  quantity of the optimiser like a learning rate, printed but neither recorded nor an
  objective, so allowed (``also_ok``), not expected.
- Not metrics (junk if recorded): ``CG``, the number of conjugate-gradient iterations of the
  step (an inner loop's count, like LIBSVM's ``#iter``); ``iter`` is the step; the counts of
  ``(92/100)``. Nothing timed is printed.
- Deterministic: the data is seeded; the solver is deterministic; the folds come from the
  unseeded C ``rand()``, the same every process.
"""
# zoo-venv: liblinear

import ctypes
import ctypes.util
import math
from importlib.metadata import version

import numpy as np
from _svmlight import write_problem
from _truth import series, write_truth
from liblinear.liblinear import liblinear
from liblinear.liblinearutil import predict, svm_read_problem, train

LIBLINEAR_VERSION = ctypes.c_int.in_dll(liblinear, "liblinear_version").value  # linear.h, 250

rng = np.random.default_rng(0)
features = rng.uniform(-1, 1, size=(300, 13))
score = features @ rng.normal(size=13) + rng.normal(scale=1.0, size=300)
labels = np.where(score > 0, 1, -1)
write_problem("heart_scale", labels, features)  # LIBSVM's format: label idx:val

y, x = svm_read_problem("heart_scale")
m = train(y[:200], x[:200], "-s 0 -c 1")
pred_labels, pred_metrics, pred_values = predict(y[200:], x[200:], m)
m2 = train(y[:200], x[:200], "-s 2 -c 1")
pred_labels2, pred_metrics2, pred_values2 = predict(y[200:], x[200:], m2)
cv_accuracy = train(y[:200], x[:200], "-s 0 -c 1 -v 5")


# ---- the truth: a replay of newton.cpp / linear.cpp in numpy (see the docstring) ----------

def dense(rows):
    out = np.zeros((len(rows), 13))
    for i, row in enumerate(rows):
        for index, value in row.items():
            out[i, index - 1] = value
    return out


def objective(solver, w, X, yy, C=1.0):
    """l2r_lr_fun / l2r_l2_svc_fun ``fun``: 0.5 w'w + C sum loss_i."""
    margin = yy * (X @ w)
    if solver == 0:
        loss = np.where(margin >= 0, np.log1p(np.exp(-np.abs(margin))),
                        -margin + np.log1p(np.exp(-np.abs(margin))))
    else:
        loss = np.where(1 - margin > 0, (1 - margin) ** 2, 0.0)
    return C * loss.sum() + 0.5 * w @ w


def gradient(solver, w, X, yy, C=1.0):
    """``grad``, with what ``Hv`` and the preconditioner then use (D, or the index set I)."""
    margin = yy * (X @ w)
    if solver == 0:
        sigma = 1 / (1 + np.exp(-margin))
        curvature = C * sigma * (1 - sigma)  # C_i D_i
        return w + X.T @ (C * (sigma - 1) * yy), curvature
    active = margin < 1
    curvature = np.where(active, 2 * C, 0.0)  # 2 C_i on I
    return w + 2 * X.T @ np.where(active, C * yy * (margin - 1), 0.0), curvature


def newton_replay(solver, X, yy, C=1.0, eps=0.01):
    """NEWTON::newton from w = 0: [(iter, f, |g|, cg_iter, step_size)], iter 0 the init line."""
    n = X.shape[1]
    pos = int((yy > 0).sum())
    tol = eps * max(min(pos, len(yy) - pos), 1) / len(yy)  # train_one's primal_solver_tol
    w = np.zeros(n)
    g, curvature = gradient(solver, w, X, yy, C)
    gnorm0 = gnorm = float(np.linalg.norm(g))
    f = objective(solver, w, X, yy, C)
    lines = [(0, f, gnorm, None, None)]
    iteration = 1
    while iteration <= 1000 and gnorm > tol * gnorm0:
        M = 0.99 + 0.01 * (1 + (X * X).T @ curvature)  # get_diag_preconditioner, alpha_pcg
        # pcg: Hv(d) = d + X'(c * X d)
        s, r = np.zeros(n), -g
        z = r / M
        d = z.copy()
        zTr = z @ r
        cgtol = min(0.5, math.sqrt(math.sqrt(zTr)))
        Q, cg_iter = 0.0, 0
        while cg_iter < max(n, 5):
            cg_iter += 1
            Hd = d + X.T @ (curvature * (X @ d))
            dHd = d @ Hd
            if dHd <= 1e-16:
                break
            alpha = zTr / dHd
            s = s + alpha * d
            r = r - alpha * Hd
            newQ = -0.5 * (s @ r - s @ g)
            Qdiff = newQ - Q
            assert newQ <= 0 and Qdiff <= 0, "WARNING: quadratic approximation > 0"
            if cg_iter * Qdiff >= cgtol * newQ:
                break
            Q = newQ
            z = r / M
            znew = z @ r
            d = z + (znew / zTr) * d
            zTr = znew
        assert cg_iter < max(n, 5), "WARNING: reaching maximal number of CG steps"
        # l2r_erm_fun::linesearch_and_update, from step 1, Armijo eta 0.01, 20 halvings
        fold, gTs, step = f, g @ s, 1.0
        for _ in range(20):
            f = objective(solver, w + step * s, X, yy, C)
            if f - fold <= 0.01 * step * gTs:
                break
            step *= 0.5
        else:
            raise AssertionError("WARNING: line search fails")
        w = w + step * s
        g, curvature = gradient(solver, w, X, yy, C)
        gnorm = float(np.linalg.norm(g))
        lines.append((iteration, f, gnorm, cg_iter, step))
        if gnorm <= tol * gnorm0:
            break
        assert abs(fold - f) > 1e-12 * abs(f), "WARNING: actred too small"
        iteration += 1
    assert iteration < 1000, "WARNING: reaching max number of Newton iterations"
    return lines, w


def internal_y(labels_, model):
    """``group_classes``: the model's first label is the +1 class (the first label seen, but
    +1 when the labels are -1/+1); ``get_decfun(0)`` gives the weights for it."""
    return np.where(np.asarray(labels_) == model.get_labels()[0], 1.0, -1.0)


def check_model(solver, model, X, labels_):
    yy = internal_y(labels_, model)
    lines, w = newton_replay(solver, X, yy)
    w_lib = np.array(model.get_decfun(0)[0])  # label_idx 0: the first label's (internal) w
    assert np.allclose(w, w_lib, rtol=1e-9, atol=1e-12), (w, w_lib)
    f_model = objective(solver, w_lib, X, yy)  # the model's own weights
    assert math.isclose(f_model, lines[-1][1], rel_tol=1e-9), (f_model, lines[-1][1])
    return lines, w_lib


X_train = dense(x[:200])
runs = [check_model(0, m, X_train, y[:200]), check_model(2, m2, X_train, y[:200])]

# the cross-validation's folds, as cross_validation() draws them with C's rand()
libc = ctypes.CDLL(ctypes.util.find_library("c"))
libc.srand(1)
n_rows, nr_fold = 200, 5
perm = list(range(n_rows))
for i in range(n_rows):
    j = i + libc.rand() % (n_rows - i)
    perm[i], perm[j] = perm[j], perm[i]
fold_start = [i * n_rows // nr_fold for i in range(nr_fold + 1)]
target = [0.0] * n_rows
for fold in range(nr_fold):
    begin, end = fold_start[fold], fold_start[fold + 1]
    rows = perm[:begin] + perm[end:]
    sub_y = [y[i] for i in rows]
    sub_x = [x[i] for i in rows]
    fold_model = train(sub_y, sub_x, "-s 0 -c 1 -q")
    runs.append(check_model(0, fold_model, dense(sub_x), sub_y))
    fold_pred, _, _ = predict([], [x[i] for i in perm[begin:end]], fold_model, "-q")
    for i, label in zip(perm[begin:end], fold_pred, strict=True):
        target[i] = label
replayed_cv = 100.0 * sum(t == p for t, p in zip(y[:200], target, strict=True)) / n_rows
assert replayed_cv == cv_accuracy, (replayed_cv, cv_accuracy)

points = [line for lines, _ in runs for line in lines]
f_points = [(it, f) for it, f, _, _, _ in points]
g_points = [(it, g) for it, _, g, _, _ in points]

write_truth(
    "liblinear-official", f"{version('liblinear-official')} (LIBLINEAR "
    f"{LIBLINEAR_VERSION // 100}.{LIBLINEAR_VERSION % 100})",
    "predict's pred_metrics[0] (ACC, percent) for each model and the value train(..., "
    "'-s 0 -c 1 -v 5') returns; f and |g| of each Newton line from a numpy replay of "
    "newton.cpp/linear.cpp (LIBLINEAR keeps no record of them), anchored to the models' "
    "get_decfun() weights and the folds' accuracy",
    {"f": series(f_points, "step", rel_tolerance=5e-4),
     "|g|": series(g_points, "step", rel_tolerance=5e-4),
     "Accuracy": {"key": "step", "values": [[None, float(pred_metrics[0])],
                                            [None, float(pred_metrics2[0])]],
                  "rel_tolerance": 5e-6},
     "Cross_Validation_Accuracy": {"key": "step", "values": [[None, float(cv_accuracy)]],
                                   "rel_tolerance": 5e-6}},
    also_ok=["step_size"],
    notes=(f"7 Newton runs (-s 0, -s 2, 5 folds of -s 0), iterations "
           f"{[len(lines) - 1 for lines, _ in runs]}, CG steps "
           f"{[[line[3] for line in lines[1:]] for lines, _ in runs]}; step sizes "
           f"{sorted({line[4] for line in points if line[4] is not None})}; "
           f"labels {m.get_labels()}, {m.get_nr_feature()} features, no bias"),
)
