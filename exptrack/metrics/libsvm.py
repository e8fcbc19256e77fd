"""LIBSVM's solver summary after each training (``svm-train``, its Python binding, scikit-
learn's ``SVC(verbose=True)``; once a fold under ``-v``)::

    optimization finished, #iter = 534
    nu = 0.556909
    obj = -326.347510, rho = -0.976767
    nSV = 140, nBSV = 79

``#iter`` counts the solver's iterations (no step of the run: it starts again each fold),
``nu`` is the equivalent nu-SVM's parameter, ``rho`` the decision function's bias (a learned
parameter), the rest counts support vectors. Only ``obj``, the dual problem's optimum, is a
measure of the fit.
"""

from __future__ import annotations

import re

from exptrack.metrics.actions import Action
from exptrack.metrics.kinds import METRIC

STARTS = ("optimization finished, #iter = ", "nu = ", "obj = ")
_NUMBER = r"[+-]?\d+(?:\.\d+)?(?:e[+-]?\d+)?"
_SETTING = re.compile(rf"^(?:optimization finished, #iter = \d+|nu = {_NUMBER})\s*$")
_OBJ = re.compile(rf"^obj = {_NUMBER}, rho = {_NUMBER}\s*$")


def plan(text: str) -> tuple[Action, ...] | None:
    """The actions of a line of the solver's summary (empty: none of its values is a
    metric), or None when the line is not one (``text``: the line; its numbers are the odd
    pieces, ``obj``'s the first)."""
    if _SETTING.match(text):
        return ()
    if _OBJ.match(text):
        return (Action(METRIC, 1, "obj"),)
    return None
