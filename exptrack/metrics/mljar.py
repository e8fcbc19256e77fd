"""MLJAR's AutoML (mljar-supervised), a line a model it fitted::

    1_Default_LightGBM logloss 0.50397 trained in 25.31 seconds (1-sample predict time 0.0075
    seconds)
    Ensemble logloss 0.321545 trained in 1.38 seconds

the model (its number in the run, then its algorithm), the evaluation metric and its value on
the validation data, the seconds fitting took and (some releases) the seconds to predict one
sample. Each value is a series over the run's models (``logloss``, ``trained_in``,
``1-sample_predict_time``) at no step: the number names a model, no step of training.
"""

from __future__ import annotations

import re

from exptrack.metrics.actions import Action
from exptrack.metrics.kinds import METRIC

MARKER = " trained in "
_HEAD = re.compile(r"^[A-Za-z0-9][\w\-]{0,80} (?P<metric>[A-Za-z][\w\-@]{0,40}) $")
_PREDICT = (" seconds (", "1", "-sample predict time ")


def plan(pieces: list[str]) -> tuple[Action, ...] | None:
    """The actions of an AutoML model's line (``pieces``: texts at even and numbers at odd
    indices), or None when the line is not one."""
    if len(pieces) < 5 or pieces[2] != MARKER or not pieces[4].startswith(" seconds"):
        return None
    head = _HEAD.match(pieces[0])
    if head is None:
        return None
    actions = [Action(METRIC, 1, head.group("metric")), Action(METRIC, 3, "trained_in")]
    if tuple(pieces[4:7]) == _PREDICT and len(pieces) > 8 and pieces[8].startswith(" seconds"):
        actions.append(Action(METRIC, 7, "1-sample_predict_time"))
    return tuple(actions)
