"""TD-MPC2's console lines, one per episode and per evaluation::

     train   E: 3,085        I: 1,543,000    R: 597.5        S: 0.0          T: 22:27:22
     eval    E: 3,099        I: 1,550,000    R: 586.4        S: 0.0          T: 22:35:45

(its logger's one-letter keys, coloured on a terminal: E the episode, I the environment
step, R the episode's reward, S its success, T the time since the start). I is the step;
R and S are metrics under the line's phase (``train_R``, ``eval_S``); the episode's
number is a count and the elapsed time a clock, neither a metric.
"""

from __future__ import annotations

import re

from exptrack.metrics.actions import Action
from exptrack.metrics.kinds import METRIC, STEP

MARKERS = (" E: ", " I: ")
_HEAD = re.compile(r"(?:^|\|)\s*(?P<phase>[a-z]{2,12})\s+E:\s$")  # (after a record's prefix)
_KEY = re.compile(r"^\s+(?P<key>[IRS]):\s$")


def plan(pieces: list[str]) -> tuple[Action, ...] | None:
    """The actions of a TD-MPC2 console line (``pieces``: texts at even and numbers at odd
    indices), or None when the line is not one."""
    at = next((i for i in range(0, len(pieces) - 8, 2) if pieces[i].endswith("E: ")), -1)
    head = _HEAD.search(pieces[at]) if at >= 0 else None
    if head is None or _KEY.match(pieces[at + 2]) is None:
        return None
    phase = head.group("phase")
    actions = []
    for index in range(at + 3, len(pieces) - 1, 2):
        key = _KEY.match(pieces[index - 1])
        if key is None:
            break
        letter = key.group("key")
        actions.append(Action(STEP, index) if letter == "I"
                       else Action(METRIC, index, f"{phase}_{letter}"))
    return tuple(actions) if any(a.kind == STEP for a in actions) else None
