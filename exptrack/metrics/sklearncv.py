"""scikit-learn's cross-validation lines (``GridSearchCV``, ``RandomizedSearchCV``,
``cross_validate`` with ``verbose`` 2 and up)::

    [CV] START C=1, kernel='rbf'....................................................
    [CV 2/5] END ...............C=1, gamma=0.1;, score=0.825 total time=   0.1s
    [CV 1/5] END C=10, gamma=0.01;, score=(train=0.950, test=0.833) total time=   0.0s
    [CV 3/3] END ..; accuracy: (train=0.99, test=0.97) f1: (test=0.96) total time=   1.2min

Each ``END`` line is one fit: its test score (``score``, or the scorer's name; with the
train score beside it, ``test_<name>`` and ``train_<name>``) and its ``total_time`` in
seconds (``1.2min`` is 72). The candidate's parameters before the ``;`` are its
configuration, and a ``START`` line has no result: neither is recorded.
"""

from __future__ import annotations

import re
from itertools import accumulate

from exptrack.metrics.actions import Action
from exptrack.metrics.forms import DECIMAL
from exptrack.metrics.kinds import METRIC

MARKER = "[CV"
_LINE = re.compile(r"\[CV(?: \d{1,6}/\d{1,6})?(?:; \d{1,6}/\d{1,6})?\] (?P<what>END|START) ")
_SCORE = re.compile(rf"(?:, score=| (?P<scorer>[A-Za-z_]\w{{0,60}}): )\(?"
                    rf"(?:train=(?P<train>{DECIMAL}), )?(?:test=)?(?P<test>{DECIMAL})\)?")
_TIME = re.compile(rf" total time=\s{{0,8}}(?P<time>{DECIMAL})(?P<unit>s|min)\s*$")


def plan(pieces: list[str], text: str) -> tuple[Action, ...] | None:
    """The actions of a cross-validation line (``pieces``: ``text`` split by
    ``forms.TOKEN``, numbers at odd indices), or None when it is not one."""
    line = _LINE.match(text)
    if line is None:
        return None
    timed = _TIME.search(text) if line.group("what") == "END" else None
    if timed is None:
        return ()  # a fit started, or a line cut short: nothing measured
    starts = list(accumulate(map(len, pieces), initial=0))
    at = {starts[index]: index for index in range(1, len(pieces), 2)}  # a number's piece
    semicolon = text.rfind(";", line.end(), timed.start())
    begin = semicolon + 1 if semicolon >= 0 else line.end()  # (no parameters: no ";")
    actions = []
    for found in _SCORE.finditer(text, begin, timed.start()):
        name = found.group("scorer") or "score"
        if found.group("train") is not None and found.start("train") in at:
            actions.append(Action(METRIC, at[found.start("train")], f"train_{name}"))
        if found.start("test") in at:
            test = f"test_{name}" if found.group("train") is not None else name
            actions.append(Action(METRIC, at[found.start("test")], test))
    if timed.start("time") in at:
        actions.append(Action(METRIC, at[timed.start("time")], "total_time",
                              scale=60.0 if timed.group("unit") == "min" else 1.0))
    return tuple(actions)
