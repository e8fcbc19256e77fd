"""R's ``optim()`` trace, as nnet and multinom print it (and caret, fitting them, prints for
every model it tunes)::

    # weights:  35
    initial  value 186.313126
    iter  10 value 70.681198
    iter  20 value 9.366623
    final  value 4.921957
    converged

One series, ``value`` (the objective: the fit's loss), at the iteration where it has one;
``value`` is otherwise no metric's name (``names.denied``), so the form is read whole.
"""

from __future__ import annotations

import re

from exptrack.metrics.actions import Action
from exptrack.metrics.kinds import METRIC, STEP

MARKER = "value "
_ITER = re.compile(r"^iter\s{1,4}$")
_END = re.compile(r"^(?:initial|final)\s{1,4}value\s$")


def plan(pieces: list[str]) -> tuple[Action, ...] | None:
    """The actions of a line of the trace, else None (``pieces``: split by ``forms.TOKEN``)."""
    if len(pieces) == 5 and _ITER.match(pieces[0]) and pieces[1].isdigit() \
            and pieces[2] == " value " and not pieces[4].strip():
        at = len(pieces[0]) + len(pieces[1]) + 1
        return Action(STEP, 1), Action(METRIC, 3, "value", source=(at, at + 5))
    if len(pieces) == 3 and not pieces[2].strip() and (found := _END.match(pieces[0])):
        at = found.end() - 6
        return (Action(METRIC, 1, "value", source=(at, at + 5)),)
    return None
