"""A search's trial lines. Optuna's logger reports each finished trial of a study with the
objective's value and the sampled parameters::

    [I 2024-05-01 12:00:00,123] Trial 3 finished with value: 0.12 and parameters: {'lr':
    0.01}. Best is trial 1 with value: 0.1.
    [I 2024-05-01 12:00:00,123] Trial 4 finished with values: [0.5, 92.0] and parameters: ...

The value is the metric (``value``; a multi-objective study's ``values_0``, ``values_1``,
...), at the trial's number as its step. The parameters are the trial's configuration and
"Best is trial 1 with value" repeats an earlier trial's value: neither is recorded.

Ax's ``AxClient`` reports each completed trial's data, a metric's value (Ax 1.x) or its mean
and standard error (Ax 0.x), at the trial's index::

    [INFO 12-06 20:41:45] ax.service.ax_client: Completed trial 11 with data: {'branin': 49.12}.
    [INFO 09-23 21:56:15] ax.service.ax_client: Completed trial 1 with data: {'objective':
    (-55.842117, 0.0)}.

Each key is a metric at the trial's index as its step; a tuple's second number, the
standard error, is none.
"""


from __future__ import annotations

import re
from collections.abc import Callable

from exptrack.metrics.actions import Action
from exptrack.metrics.kinds import METRIC, STEP

AX_MARK = _AX_TRIAL = "Completed trial "
_AX_DATA = " with data: {"
_AX_KEY = re.compile(r"""['"](?P<key>[^'"\n]{1,100})['"]:\s?\(?$""")
_ONE = " finished with value: "
_MANY = " finished with values: ["
MAX_OBJECTIVES = 16


def _trial(pieces: list[str], before: str, after: Callable[[str], bool]) -> int | None:
    """The index of the trial's number: the first number (a record's stamp's numbers may
    come first) after a text ending ``before`` and before a text that ``after`` accepts."""
    return next((index for index in range(1, min(len(pieces) - 3, 9), 2)
                 if pieces[index - 1].endswith(before) and pieces[index].isdigit()
                 and after(pieces[index + 1])), None)


def plan(pieces: list[str]) -> tuple[Action, ...] | None:
    """The actions of an Optuna trial line (``pieces``: its texts at even and numbers at
    odd indices), or None when the line is not one."""
    trial = _trial(pieces, "Trial ", lambda text: text in (_ONE, _MANY))
    if trial is None:
        return None
    if pieces[trial + 1] == _ONE:
        return Action(STEP, trial), Action(METRIC, trial + 2, "value")
    actions = [Action(STEP, trial)]
    last = min(len(pieces) - 1, trial + 2 + 2 * MAX_OBJECTIVES)
    for objective, index in enumerate(range(trial + 2, last, 2)):
        actions.append(Action(METRIC, index, f"values_{objective}"))
        if pieces[index + 1] != ", ":
            return tuple(actions) if pieces[index + 1].startswith("]") else None
    return None


def ax_plan(pieces: list[str]) -> tuple[Action, ...] | None:
    """The actions of an Ax ``Completed trial N with data: {...}`` line, or None."""
    trial = _trial(pieces, _AX_TRIAL, lambda text: text.startswith(_AX_DATA))
    if trial is None:
        return None
    actions = [Action(STEP, trial)]
    for index in range(trial + 2, min(len(pieces) - 1, trial + 2 + 4 * MAX_OBJECTIVES), 2):
        before = pieces[index - 1]
        key = _AX_KEY.search(before[-104:])
        if key is not None:
            actions.append(Action(METRIC, index, key["key"]))
    return tuple(actions) if len(actions) > 1 else None
