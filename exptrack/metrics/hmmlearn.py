"""hmmlearn's ``ConvergenceMonitor`` (``verbose=True``), a line an EM iteration on stderr::

             1    -571.67276269             +nan
             2    -524.48523792     +47.18752478

its template ``"{iter:>10d} {log_prob:>16.8f} {delta:>+16.8f}"``, no header: the iteration
(the step), the log probability of the data before the iteration's M-step and its change
since the last (``delta``, what the monitor compares with ``tol``), named by the template's
fields.
"""

from __future__ import annotations

import re

from exptrack.metrics.actions import Action
from exptrack.metrics.kinds import METRIC, STEP

WIDTH = 44  # 10 + 1 + 16 + 1 + 16 characters: a quick test of a line's length
_LINE = re.compile(r"^ {0,9}\d{1,10} {1,16}-?\d{1,7}\.\d{8} {1,16}[+-](?:\d{1,7}\.\d{8}|nan|inf)$")


def plan(pieces: list[str], text: str) -> tuple[Action, ...] | None:
    """The actions of a monitor's line (``pieces``: texts at even and numbers at odd
    indices), or None when the line is not one."""
    if len(text) != WIDTH or _LINE.match(text) is None or len(pieces) != 7:
        return None  # (the template's three numbers: the iteration, log_prob, delta)
    return (Action(STEP, 1), Action(METRIC, 3, "log_prob"), Action(METRIC, 5, "delta"))
