"""LIBSVM 3.37 through its official Python binding (``libsvm-official`` 3.37.0, ctypes over the
C++ library), as the binding's README "Quick Start" runs it: ``y, x =
svm_read_problem('heart_scale')``, ``m = svm_train(y[:200], x[:200], '-c 4')``,
``pred_labels, pred_metrics, pred_values = svm_predict(y[200:], x[200:], m)``; then the
cross-validation that ``svm_train``'s ``-v n`` option runs (its docstring, and what LIBSVM's
``grid.py`` runs for each C), ``svm_train(y[:200], x[:200], '-c 4 -v 5')``. The data file is
the case's own, in LIBSVM's sparse format like the README's ``heart_scale``: 300 rows of 13
features uniform in [-1, 1] (``numpy.random.default_rng(0)``), labels +1/-1 from a noisy
non-linear rule (an interaction, a linear and a squared term), so that the default RBF
kernel (gamma 1/13) neither separates it nor fails; C-SVC, binary. Nothing downloaded.

What it prints (stdout; LIBSVM's C ``info()``, whose default ``print_string_stdout`` is
``fputs`` and ``fflush``, and the binding's Python ``print``s: in order under a pipe too, as
``track run`` sets ``PYTHONUNBUFFERED``; pipe and pty differ only in the pty's CRLF), for
the training::

    .*.*
    optimization finished, #iter = 534
    nu = 0.556909
    obj = -326.347510, rho = -0.976767
    nSV = 140, nBSV = 79
    Total nSV = 140
    Accuracy = 84% (84/100) (classification)

(``.`` each time the solver shrinks, every min(l, 1000) iterations, ``*`` when it
reconstructs the gradient to check the unshrunk problem; ``%f`` for nu, obj and rho; the
last line is ``svm_predict``'s ``"Accuracy = %g%% (%d/%d) (classification)"``), then the
same six solver lines for each of the five folds of the cross-validation (its own ``#iter``,
``nu``, ``obj``, ``rho``, counts) and ``Cross Validation Accuracy = 75.5%`` (``%g%%``).

Truth: the binding's return values. ``svm_predict`` returns ``pred_metrics`` = ``(ACC, MSE,
SCC)`` (``evaluations``), ACC the test accuracy in percent; ``svm_train(..., '-v 5')``
returns the cross-validation accuracy in percent (``evaluations`` of the folds'
predictions). Judgement calls:
- ``Accuracy``: ``pred_metrics[0]``, named as printed (the binding keeps it only as the
  tuple's first item; its docstring calls it "accuracy", ``evaluations`` ``ACC``); the
  ``(84/100)`` is its count of correct over total, ``(classification)`` a label in
  parentheses. One value, at no step (a one-off result of the trained model; axis ``None``).
- ``Cross_Validation_Accuracy``: the value ``-v 5`` returns, no key of its own; named by
  exptrack's documented rule for the printed words (README): a phrase's words are joined
  with ``_``, and "a name with a phase word inside it keeps it" as printed
  (docs/metrics.md, ``RF Test accuracy: 0.79`` -> ``RF_Test_accuracy``): "Validation"
  follows "Cross" here, so it is no phase prefix (``validation_accuracy``) but part of the
  phrase, which keeps the cross-validation estimate apart from the test ``Accuracy``. One
  value at no step.
- Tolerances: both ``%g`` (6 significant digits): ``rel_tolerance`` 5e-6 (the values here,
  84 and 75.5, print exactly).
- ``MSE`` and ``SCC`` of ``pred_metrics`` are computed for every model but printed only for
  regression (``Mean squared error = ... (regression)``): not printed here, no file, not
  expected.
- ``obj``: the optimal value of the dual problem (LIBSVM's FAQ: "obj is the optimal
  objective value of the dual SVM problem"), ``0.5 a'Qa - e'a`` at the solution: the
  training objective the solver minimises, a metric in kind (as a final training loss),
  but LIBSVM keeps no record of it: ``svm_model`` holds ``param``, ``nr_class``, ``l``,
  ``SV``, ``sv_coef``, ``rho``, ``probA``/``probB``, ``sv_indices``, ``label``, ``nSV``, no
  objective; ``svm_cross_validation`` trains and frees a model a fold, so five of the six
  printed values have no outlet at all. The trained model's value can be recomputed from
  its ``sv_coef`` and the decision values (``notes``), but in double precision, where the
  solver printed its own sum over its ``float`` kernel cache (``Qfloat``): the two differ in
  the 5th decimal, so even that one would be no exact record. So ``obj`` is allowed
  (``also_ok``), not expected: a precision question only, as SentencePiece's ``obj``.
- Not metrics (junk if recorded): ``rho`` (the FAQ: "the bias term in the decision function
  sgn(w^Tx - rho)", a learned parameter, kept as ``model.rho``); ``nu`` (for C-SVC "nu
  simply shows the corresponding parameter", the nu of the nu-SVC that gives this
  solution, ``sum(alpha) / (C * l)``: a setting's equivalent); ``#iter`` (the solver's
  iteration count; an inner loop, no training step), ``nSV``, ``nBSV``, ``Total nSV`` (counts
  of support vectors, ``model.nSV``); the ``(84/100)`` counts. Nothing timed is printed.
- Deterministic: the data is seeded; ``svm_cross_validation`` draws its stratified folds
  with C's ``rand()``, never seeded by the library, so the same folds every process.
"""
# zoo-venv: libsvm

from ctypes import c_int
from importlib.metadata import version

import numpy as np
from _svmlight import write_problem
from _truth import write_truth
from libsvm.svm import libsvm
from libsvm.svmutil import svm_predict, svm_read_problem, svm_train

LIBSVM_VERSION = c_int.in_dll(libsvm, "libsvm_version").value  # svm.h's LIBSVM_VERSION, 337

rng = np.random.default_rng(0)
features = rng.uniform(-1, 1, size=(300, 13))
score = (2 * features[:, 0] * features[:, 1] + 0.8 * features[:, 2]
         - 0.5 * features[:, 3] ** 2 + rng.normal(scale=0.3, size=300))
labels = np.where(score > 0, 1, -1)
write_problem("heart_scale", labels, features)  # LIBSVM's format: label idx:val

y, x = svm_read_problem("heart_scale")
m = svm_train(y[:200], x[:200], "-c 4")
pred_labels, pred_metrics, pred_values = svm_predict(y[200:], x[200:], m)
cv_accuracy = svm_train(y[:200], x[:200], "-c 4 -v 5")

accuracy = pred_metrics[0]
assert accuracy == 100.0 * sum(p == t for p, t in zip(pred_labels, y[200:], strict=True)) / 100

# the trained model's dual objective, recomputed from its record (notes only, see docstring):
# sum_j coef_j K(sv_j, sv_i) = dec_i + rho, obj = 0.5 * coef'K coef - sum |coef|
coef = [c[0] for c in m.get_sv_coef()]
_, _, sv_dec = svm_predict([], m.get_SV(), m, "-q")
rho = m.rho[0]
obj = 0.5 * sum(c * (d[0] + rho) for c, d in zip(coef, sv_dec, strict=True)) \
    - sum(abs(c) for c in coef)

write_truth(
    "libsvm-official", f"{version('libsvm-official')} (LIBSVM {LIBSVM_VERSION // 100}."
    f"{LIBSVM_VERSION % 100})",
    "svm_predict's pred_metrics[0] (ACC, percent) and the value svm_train(..., '-v 5') "
    "returns (cross-validation accuracy, percent)",
    {"Accuracy": {"key": "step", "values": [[None, float(accuracy)]], "rel_tolerance": 5e-6},
     "Cross_Validation_Accuracy": {"key": "step", "values": [[None, float(cv_accuracy)]],
                                   "rel_tolerance": 5e-6}},
    also_ok=["obj"],
    notes=(f"C-SVC, RBF gamma {m.param.gamma:.6g}, C {m.param.C:g}; {m.l} SVs "
           f"({m.nSV[0]} + {m.nSV[1]} by class), rho {rho:.6f}, labels {m.get_labels()}; test MSE "
           f"{pred_metrics[1]:g}, SCC {pred_metrics[2]:g} (not printed); the model's dual "
           f"objective recomputed in double from sv_coef and its decision values: {obj:.6f}"),
)
